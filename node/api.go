package node

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/litmesh/litmesh/api"
)

func (n *Node) routes() http.Handler {
	mux := http.NewServeMux()
	handle := func(pattern, route string, h http.HandlerFunc) {
		mux.Handle(pattern, n.metrics.instrument(route, n.recoverPanics(h)))
	}
	handle("GET /web/status", "/web/status", n.handleStatus)
	handle("POST /web/handshake", "/web/handshake", n.handleHandshake)
	handle("POST /web/ipfs/add", "/web/ipfs/add", n.handleIPFSAdd)
	handle("POST /web/ipfs/pin", "/web/ipfs/pin", n.handleIPFSPin)
	handle("POST /web/encryption/sign", "/web/encryption/sign", n.encryption.handleSign)
	handle("POST /web/execute", "/web/execute", n.actions.handleExecute)
	handle("POST /web/pkp/sign", "/web/pkp/sign", n.handlePKPSign)
	wireLit(n).routes(handle) // Lit's JS SDK's routes and shapes (litapi.go)
	for _, p := range []string{"/web/sign_session_key", "/web/sign_session_key/", "/web/sign_session_key/v1"} {
		handle("POST "+p, "/web/sign_session_key", n.pkpSessions.handleSignSessionKey)
	}
	mux.Handle("GET /metrics", n.metrics.handler())
	mux.Handle("/", n.metrics.instrument("other", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, api.Errorf(api.KindNotFound, "no route %s %s", r.Method, r.URL.Path))
	})))
	return n.limits.perIP(mux)
}

func (n *Node) handleStatus(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, n.Status())
}

// Status is what GET /web/status reports.
func (n *Node) Status() api.Status {
	h := n.host
	st := api.Status{
		PeerID:          h.ID().String(),
		Addrs:           n.Addrs(),
		URL:             n.URL(),
		Network:         n.cfg.Network,
		OperatorAddress: n.id.OperatorAddress(),
		Version:         Version,
		StartedAt:       n.started.UTC().Format(time.RFC3339),
		UptimeSeconds:   time.Since(n.started).Seconds(),
		ConnectedPeers:  h.TrustedConnected(),
		Peers:           []api.Peer{},
		Mode:            n.cfg.Mode,
		Attestation:     string(n.provider.Kind()),
		EpochStatus:     n.epochs.statusText(),
	}
	if ms, ok := n.epochs.snapshot(); ok {
		self := n.operator()
		st.Epoch = ms.Epoch.Number
		st.EpochState = ms.Epoch.State.String()
		st.InActiveSet = ms.IsActive(self)
		st.InNextSet = ms.OperatorInEpoch(ms.Epoch.Number+1, self)
		if ms.Stale {
			st.ChainStale = ms.StaleReason
		}
	}
	trusted := h.Gate.TrustedPeers()
	for _, p := range h.Network().Peers() {
		why, ok := trusted[p]
		if !ok {
			why, _ = h.Gate.Rejection(p)
		}
		st.Peers = append(st.Peers, api.Peer{PeerID: p.String(), Trusted: ok, Reason: why})
	}
	return st
}

// recoverPanics turns a handler panic into a 500 and a log line: a bad request must never take
// the node down. It is also where the cause of every other 500 is logged, once, with the route
// and the request's X-Request-Id: writeError hides the cause from the client and leaves it on
// the response's recorder (metrics.go) for this.
func (n *Node) recoverPanics(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				n.log.Error("handler panic", "route", r.URL.Path, "request_id", logRequestID(r), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				writeError(w, api.Errorf(api.KindInternal, "internal error"))
				return
			}
			if rec, ok := w.(*statusRecorder); ok && rec.cause != nil {
				if r.Context().Err() != nil && errors.Is(rec.cause, r.Context().Err()) {
					// The client went away (closed its connection): not the node failing.
					n.log.Debug("request canceled by the client", "route", r.URL.Path, "request_id", logRequestID(r), "error", rec.cause)
					return
				}
				n.log.Error("request failed", "route", r.URL.Path, "request_id", logRequestID(r), "status", rec.code, "error", rec.cause)
			}
		}()
		h(w, r)
	}
}

// logRequestID is the request's X-Request-Id as it may go in a log line: at most maxRequestID
// bytes of printable ASCII, "-" when absent or unfit (it is the client's text).
func logRequestID(r *http.Request) string {
	id := r.Header.Get("X-Request-Id")
	if id == "" || len(id) > maxRequestID {
		return "-"
	}
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] > '~' {
			return "-"
		}
	}
	return id
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	if err := enc.Encode(v); err != nil {
		slog.Debug("write response", "error", err)
	}
}

// writeError writes err as {"error": {"kind", "message"}}; errors that are not *api.Error are
// internal and their text is not shown to the client. The cause of an internal error is kept
// on the response's recorder, and recoverPanics logs it once.
func writeError(w http.ResponseWriter, err error) {
	setRetryAfter(w, err)
	var e *api.Error
	if !errors.As(err, &e) {
		e = api.Errorf(api.KindInternal, "internal error")
	}
	if e.Kind == api.KindInternal {
		if rec, ok := w.(*statusRecorder); ok {
			rec.cause = err
		}
	}
	writeJSON(w, e.Kind.Status(), api.ErrorBody{Error: e})
}

// decodeJSON reads a JSON request body of at most limit bytes into v.
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	body := http.MaxBytesReader(w, r.Body, limit)
	dec := json.NewDecoder(body)
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return api.Errorf(api.KindTooLarge, "request body over %d bytes", limit)
		case errors.Is(err, io.EOF):
			return api.Errorf(api.KindBadRequest, "empty request body")
		default:
			return api.Errorf(api.KindBadRequest, "malformed JSON: %v", err)
		}
	}
	if dec.More() {
		return api.Errorf(api.KindBadRequest, "malformed JSON: trailing data after the request object")
	}
	return nil
}
