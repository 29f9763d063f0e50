package client

import (
	"crypto/sha256"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/litmesh/litmesh/api"
)

// pinnedNode starts a TLS server answering with h as node peerID, whose key c has pinned (as
// after a verified handshake), and closes it when the test ends.
func pinnedNode(t *testing.T, c *Client, peerID string, h http.HandlerFunc) NodeEntry {
	t.Helper()
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	key, _ := pinKey(srv.URL)
	c.pins.set(key, sha256.Sum256(srv.Certificate().RawSubjectPublicKeyInfo))
	return NodeEntry{URL: srv.URL, PeerID: peerID}
}

// writeAPIError answers with e as a node does: its status and {"error": …}.
func writeAPIError(w http.ResponseWriter, e *api.Error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.Kind.Status())
	_ = json.NewEncoder(w).Encode(api.ErrorBody{Error: e})
}
