package node

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/litmesh/litmesh/api"
)

// The client sees "internal error"; the operator's log has the cause, once, with the route and
// the request id. Errors meant for the client are not logged.
func TestAnInternalErrorIsLoggedOnceWithItsRequestIDAndHiddenFromTheClient(t *testing.T) {
	var logs bytes.Buffer
	n := &Node{log: slog.New(slog.NewTextHandler(&logs, nil)), metrics: newMetrics(prometheus.NewRegistry())}
	h := n.metrics.instrument("/t", n.recoverPanics(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("bad") != "" {
			writeError(w, api.Errorf(api.KindBadRequest, "the client's mistake"))
			return
		}
		writeError(w, errors.New("share store: disk on fire"))
	}))

	req := httptest.NewRequest(http.MethodPost, "/t", nil)
	req.Header.Set("X-Request-Id", "req-42")
	rr := httptest.NewRecorder()
	h.ServeHTTP(rr, req)
	if rr.Code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", rr.Code)
	}
	if strings.Contains(rr.Body.String(), "disk on fire") {
		t.Fatalf("the cause reached the client: %s", rr.Body.String())
	}
	got := logs.String()
	if strings.Count(got, "disk on fire") != 1 || !strings.Contains(got, "request_id=req-42") || !strings.Contains(got, "route=/t") {
		t.Fatalf("log should name the cause once with route and request id, got:\n%s", got)
	}

	logs.Reset()
	req = httptest.NewRequest(http.MethodPost, "/t?bad=1", nil)
	req.Header.Set("X-Request-Id", "bad id\nforged=1")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if logs.Len() != 0 {
		t.Fatalf("a client error was logged: %s", logs.String())
	}
	if got := logRequestID(req); got != "-" {
		t.Fatalf("an unprintable request id goes into logs as %q", got)
	}
}
