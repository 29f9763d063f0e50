package node

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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

// A client that gave up (closed its connection: lit bench's workers at the end of a run, a
// decryption that had T shares) cancels the request's context, and the handler's error is
// context.Canceled. That is not the node failing: it is logged at debug, not as an ERROR 500
// (before, every bench run ended with a burst of them).
func TestARequestTheClientCanceledIsNotLoggedAsAnError(t *testing.T) {
	var logs bytes.Buffer
	n := &Node{log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo})), metrics: newMetrics(prometheus.NewRegistry())}
	h := n.metrics.instrument("/t", n.recoverPanics(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		writeError(w, fmt.Errorf("wait for the signer set: %w", r.Context().Err()))
	}))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/t", nil).WithContext(ctx))
	if logs.Len() != 0 {
		t.Fatalf("a request the client canceled was logged at info or above:\n%s", logs.String())
	}

	// The same error while the client still waits is the node's failure, and logged.
	h = n.metrics.instrument("/t", n.recoverPanics(func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, fmt.Errorf("wait for the signer set: %w", context.Canceled))
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/t", nil))
	if !strings.Contains(logs.String(), "request failed") {
		t.Fatalf("a cancellation inside the node, with the client waiting, was not logged:\n%s", logs.String())
	}
}
