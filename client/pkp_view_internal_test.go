package client

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// The signing view is refreshed every pkpNetworkTTL by handshaking every node. Before, the
// refresh ran under the lock every signature takes, so every signature of the client waited
// for the slowest node's handshake (up to 10 s): lit bench sign c8 at n = 4 served nothing for
// 9 s, and one node that does not answer would have stalled all signing every 30 s. Now a view
// past its TTL serves on while one refresh runs behind it.
func TestAStaleSigningViewServesWhileANodeIsSlowToHandshake(t *testing.T) {
	c := &Client{Network: slowHandshakeNetwork(t)}
	old := &pkpNetwork{epoch: 3, size: 1, fetched: time.Now().Add(-pkpNetworkTTL - time.Second)}
	c.pkp.net = old

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	nw, err := c.pkpNetwork(ctx, false)
	if err != nil || nw != old {
		t.Fatalf("a view past its TTL with a node slow to handshake: %v, %v; want the old view at once", nw, err)
	}
	c.pkp.mu.Lock()
	refreshing := c.pkp.refreshing
	c.pkp.mu.Unlock()
	if !refreshing {
		t.Fatal("no refresh was started behind the stale view")
	}

	// A view past pkpNetworkMaxAge does not serve: the caller waits for the handshakes (here,
	// until its context ends).
	c.pkp.mu.Lock()
	c.pkp.net = &pkpNetwork{epoch: 3, size: 1, fetched: time.Now().Add(-pkpNetworkMaxAge - time.Second)}
	c.pkp.mu.Unlock()
	short, cancelShort := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancelShort()
	if _, err := c.pkpNetwork(short, false); err == nil {
		t.Fatal("a view older than pkpNetworkMaxAge served without a handshake")
	}
}

// The same for the network key decryption uses: past its TTL it serves on while one refresh
// handshakes behind it; before, every decryption after the TTL handshaked every node itself.
func TestAStaleNetworkKeyServesWhileANodeIsSlowToHandshake(t *testing.T) {
	c := &Client{Network: slowHandshakeNetwork(t)}
	old := &NetworkKey{Epoch: 3}
	c.key, c.keyAt = old, time.Now().Add(-networkKeyTTL-time.Second)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	k, err := c.NetworkKey(ctx)
	if err != nil || k != old {
		t.Fatalf("a key past its TTL with a node slow to handshake: %v, %v; want the old key at once", k, err)
	}
	c.keyMu.Lock()
	refreshing := c.keyRefreshing
	c.key, c.keyAt = old, time.Now().Add(-networkKeyMaxAge-time.Second)
	c.keyMu.Unlock()
	if !refreshing {
		t.Fatal("no refresh was started behind the stale key")
	}
	short, cancelShort := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancelShort()
	if _, err := c.NetworkKey(short); err == nil {
		t.Fatal("a key older than networkKeyMaxAge served without a handshake")
	}
}

// slowHandshakeNetwork is a network of one node that does not answer its handshake until the
// test ends.
func slowHandshakeNetwork(t *testing.T) *NetworkFile {
	release := make(chan struct{})
	srv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		<-release
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // (runs first: cleanups run last-in, first-out)
	return &NetworkFile{Nodes: []NodeEntry{{URL: srv.URL, PeerID: "slow"}}}
}
