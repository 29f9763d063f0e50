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
