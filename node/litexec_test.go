package node

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/api"
)

var litTestSet = []api.NodeSetEntry{{SocketAddress: "12D3KooWA", Value: 1}, {SocketAddress: "12D3KooWB", Value: 1}}

// The node set Lit's SDK does not send is added to the body so that litmesh's execute handler
// reads it, whatever else the body holds — including an explicit "nodeSet": null.
func TestBodyWithNodeSet(t *testing.T) {
	for _, body := range []string{
		`{}`,
		" { } \n",
		`{"code":"eA==","epoch":1}`,
		"\t{\"code\":\"eA==\",\"jsParams\":{\"a\":[1,2]}}\r\n",
		`{"nodeSet":null,"code":"eA=="}`,
		`{"code":"eA==","nodeSet":null}`,
	} {
		out, err := bodyWithNodeSet([]byte(body), litTestSet)
		if err != nil {
			t.Fatalf("%q: %v", body, err)
		}
		var req api.ExecuteRequest
		if err := decodeJSONBytes(out, &req); err != nil {
			t.Fatalf("%q → %s: %v", body, out, err)
		}
		if !slices.Equal(req.NodeSet, litTestSet) {
			t.Fatalf("%q → %s: nodeSet %v", body, out, req.NodeSet)
		}
		if strings.Contains(body, "eA==") && req.Code != "eA==" {
			t.Fatalf("%q → %s: the code was lost", body, out)
		}
	}
	for _, body := range []string{``, ` `, `[]`, `"x"`, `{`, `}`} {
		if _, err := bodyWithNodeSet([]byte(body), litTestSet); err == nil {
			t.Fatalf("%q: no error", body)
		}
	}
}

// Whatever object a client sends, the rewritten body is still one JSON object, keeps every
// other field and carries the node set.
func FuzzBodyWithNodeSet(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, `{"nodeSet":null}`, `{"code":"eA==","jsParams":{"x":"}"}}`, " {\"a\":\"\\u007d\"} "} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var in map[string]json.RawMessage
		if json.Unmarshal(body, &in) != nil || in == nil {
			return
		}
		out, err := bodyWithNodeSet(body, litTestSet)
		if err != nil {
			t.Fatalf("%q: %v", body, err)
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%q → %q: %v", body, out, err)
		}
		var set []api.NodeSetEntry
		if err := json.Unmarshal(got["nodeSet"], &set); err != nil || !slices.Equal(set, litTestSet) {
			t.Fatalf("%q → %q: nodeSet %s", body, out, got["nodeSet"])
		}
		for k, v := range in {
			if k != "nodeSet" && string(got[k]) != string(v) {
				t.Fatalf("%q → %q: %s changed", body, out, k)
			}
		}
	})
}

// A failed execution answers in Lit's error shape: the action's own failures with Lit's codes
// and the logs, the node's refusals as on Lit's other routes, anything else as internal.
func TestLitExecuteError(t *testing.T) {
	failed := func(kind, logs string) []byte {
		b, _ := json.Marshal(api.ExecuteResponse{Logs: logs, Error: &api.ActionError{Kind: kind, Message: "it failed"}})
		return b
	}
	for _, c := range []struct {
		kind, code string
	}{{"js_error", "NodeJsExecutionError"}, {api.ActionTimeout, "NodeJsTimeoutError"}, {api.ActionMemory, "NodeJsMemoryLimitError"}} {
		err := litExecuteError(http.StatusBadRequest, failed(c.kind, "line 1\n"), "lit_1")
		var f *litFailure
		if !errors.As(err, &f) || f.status != http.StatusBadRequest || f.body.ErrorCode != c.code || f.body.Message != "it failed" ||
			f.body.CorrelationID != "lit_1" || !slices.Contains(f.body.Details, "logs: line 1\n") {
			t.Fatalf("%s: %#v", c.kind, err)
		}
	}
	long := strings.Repeat("x", 10<<10) + "the end"
	var f *litFailure
	if err := litExecuteError(http.StatusBadRequest, failed("js_error", long), ""); !errors.As(err, &f) ||
		len(f.body.Details[1]) > 4<<10+16 || !strings.HasSuffix(f.body.Details[1], "the end") {
		t.Fatalf("long logs: %v", err)
	}

	refusal, _ := json.Marshal(api.ErrorBody{Error: api.Errorf(api.KindUnauthorized, "authSig: expired")})
	var e *api.Error
	if err := litExecuteError(http.StatusUnauthorized, refusal, ""); !errors.As(err, &e) || e.Kind != api.KindUnauthorized || e.Message != "authSig: expired" {
		t.Fatalf("refusal: %#v", err)
	}
	if err := litExecuteError(http.StatusBadGateway, []byte("<html>"), ""); !errors.As(err, &e) || e.Kind != api.KindInternal {
		t.Fatalf("garbage: %#v", err)
	}
}
