package client

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/litmesh/litmesh/api"
)

func ok(resp string, sigs map[string]json.RawMessage) *api.ExecuteResponse {
	return &api.ExecuteResponse{Success: true, Response: resp, SignedData: sigs}
}

func failed(kind, msg string) *api.ExecuteResponse {
	return &api.ExecuteResponse{Error: &api.ActionError{Kind: kind, Message: msg}, Logs: "log of " + msg}
}

func TestTallyTakesTheMostCommonOutcome(t *testing.T) {
	share := func(s string) map[string]json.RawMessage {
		return map[string]json.RawMessage{"sig": json.RawMessage(`"` + s + `"`)}
	}
	cases := []struct {
		name       string
		answers    []*api.ExecuteResponse // nil: the node gave no answer
		want       string
		wantErr    string // an action failure's kind, or "none" when no node answered
		wantAgreed int
		wantShares int
	}{
		{name: "every node agrees", answers: []*api.ExecuteResponse{ok("a", share("1")), ok("a", share("2")), ok("a", share("3"))}, want: "a", wantAgreed: 3, wantShares: 3},
		{name: "one node disagrees and its share is left out", answers: []*api.ExecuteResponse{ok("b", share("x")), ok("a", share("1")), ok("a", share("2"))}, want: "a", wantAgreed: 2, wantShares: 2},
		{name: "a node that did not answer does not count", answers: []*api.ExecuteResponse{nil, ok("a", nil), nil}, want: "a", wantAgreed: 1},
		{name: "a tie goes to a success", answers: []*api.ExecuteResponse{failed("timeout", "t"), ok("a", nil)}, want: "a", wantAgreed: 1},
		{name: "a tie between responses goes to the earlier node", answers: []*api.ExecuteResponse{ok("b", nil), ok("a", nil)}, want: "b", wantAgreed: 1},
		{name: "most nodes failing is a failure", answers: []*api.ExecuteResponse{failed("exception", "e"), ok("a", nil), failed("exception", "e")}, wantErr: "exception", wantAgreed: 2},
		{name: "no node answering is an error", answers: []*api.ExecuteResponse{nil, nil}, wantErr: "none"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			answers := make([]NodeExecution, len(tc.answers))
			for i, a := range tc.answers {
				answers[i] = NodeExecution{URL: "node", Result: a}
				if a == nil {
					answers[i].Error = "connection refused"
				}
			}
			res, err := tally(answers)
			var af *ActionFailedError
			switch {
			case tc.wantErr == "none":
				if err == nil || errors.As(err, &af) {
					t.Fatalf("got %+v, %v; want an error saying no node ran it", res, err)
				}
				return
			case tc.wantErr != "":
				if !errors.As(err, &af) || af.Kind != tc.wantErr || af.Agreed != tc.wantAgreed || res.Logs == "" {
					t.Fatalf("got %+v, %v; want a %s failure from %d nodes with its logs", res, err, tc.wantErr, tc.wantAgreed)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			if res.Response != tc.want || res.Agreed != tc.wantAgreed || len(res.Shares["sig"]) != tc.wantShares {
				t.Fatalf("got %q from %d nodes with %d shares; want %q from %d with %d", res.Response, res.Agreed, len(res.Shares["sig"]), tc.want, tc.wantAgreed, tc.wantShares)
			}
		})
	}
}

// FuzzDecodeExecuteResponse feeds node answers to the client's decoder: it must never panic, and
// what it accepts is a success or a failure with its kind, never something in between.
func FuzzDecodeExecuteResponse(f *testing.F) {
	for _, seed := range []struct {
		status int
		body   string
	}{
		{200, `{"success": true, "signedData": {"s": {"x": 1}}, "response": "hi", "logs": ""}`},
		{400, `{"success": false, "error": {"kind": "exception", "message": "boom"}, "logs": "l"}`},
		{504, `{"error": {"kind": "timeout", "message": "CID not found"}}`},
		{200, `{"success": false}`},
		{500, `not json`},
		{400, `{"success": true, "error": {"kind": "exception"}}`},
	} {
		f.Add(seed.status, []byte(seed.body))
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		res, err := decodeExecuteResponse(status, body)
		if err != nil {
			return
		}
		if res.Success == (res.Error != nil) || (res.Error != nil && res.Error.Kind == "") {
			t.Fatalf("accepted HTTP %d %q as %+v", status, body, res)
		}
		if res.Success && status != http.StatusOK {
			t.Fatalf("accepted a success with HTTP %d", status)
		}
	})
}
