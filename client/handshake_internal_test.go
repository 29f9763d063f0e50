package client

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
)

// A network file built in code does not pass ParseNetwork; a node of it without a peer ID
// still verifies nothing — whoever answers at its URL is not taken for it, and its certificate
// is not pinned.
func TestAHandshakeWithANodeWithoutPeerIDVerifiesNothing(t *testing.T) {
	_, pub, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	id, err := peer.IDFromPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(api.HandshakeResponse{PeerID: id.String()})
	}))
	defer srv.Close()
	c := New(&NetworkFile{Mode: "devnet"})
	_, att, err := c.Handshake(context.Background(), NodeEntry{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if att.Verified || att.TLS.Verified || !strings.Contains(att.Reason, "names no peerId") {
		t.Fatalf("verdict %+v, want unverified because the network file names no peer ID", att)
	}
	key, _ := pinKey(srv.URL)
	if _, ok := c.pins.get(key); ok {
		t.Fatal("the certificate of a node without a peer ID was pinned")
	}
}
