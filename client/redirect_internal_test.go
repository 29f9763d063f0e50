package client

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A node answers for itself. Whatever a node's URL redirects to is not that node: the client
// follows no redirect — not in the handshake (whose answer would otherwise be checked, and its
// certificate pinned, for the wrong host), not for status, and never with credentials (a 307
// would resend the body, authSig and all, to wherever the node points).
func TestTheClientFollowsNoRedirect(t *testing.T) {
	var reached atomic.Int32
	target := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
	// Its own key, so that pinning the redirector says nothing about the target.
	target.TLS = &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
	target.StartTLS()
	defer target.Close()
	redirector := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()

	c := New(&NetworkFile{})
	ctx := context.Background()
	node := NodeEntry{URL: redirector.URL, PeerID: "12D3KooWLqu3PVTe2kwVWX6NfQ7iBK3h8pdgd7UXS5txmWx85Gr9"}
	want := "redirected to " + strings.TrimPrefix(target.URL, "https://")

	if _, _, err := c.Handshake(ctx, node); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("handshake: %v, want a refusal saying %q", err, want)
	}
	if _, err := Status(ctx, redirector.URL); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("status: %v, want a refusal saying %q", err, want)
	}
	// Both hosts pinned (as if each had passed a handshake): the credentials still go only to
	// the URL they were meant for.
	for _, s := range []*httptest.Server{redirector, target} {
		key, err := pinKey(s.URL)
		if err != nil {
			t.Fatal(err)
		}
		c.pins.set(key, sha256.Sum256(s.Certificate().RawSubjectPublicKeyInfo))
	}
	var out map[string]any
	if err := c.postAuthed(ctx, redirector.URL, "/web/encryption/sign", map[string]string{"authSig": "secret"}, &out, false); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a request with credentials: %v, want a refusal saying %q", err, want)
	}
	if n := reached.Load(); n != 0 {
		t.Fatalf("%d requests reached the host the node redirected to", n)
	}
}
