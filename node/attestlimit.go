package node

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/handshake"
)

// Attestation reports are slow and serialised (SEV-SNP guest requests go one at a time), so
// who gets one is a matter of survival: a flood of POST /web/handshake once queued without
// bound on the device and starved the peers' handshakes, and the node fell out of the mesh.
// Now every report goes through one attestQueue that always serves waiting peers first;
// clients get at most handshake_concurrency reports in flight, wait briefly for a slot or get
// 429, and an answer is reused for a second for a repeated challenge.

// attestQueue hands out the attestation device one caller at a time, peers before clients.
type attestQueue struct {
	mu      sync.Mutex
	busy    bool
	peers   []chan struct{}
	clients []chan struct{}
}

// acquire waits for the device. On success the caller must release it.
func (q *attestQueue) acquire(ctx context.Context, peer bool) error {
	q.mu.Lock()
	if !q.busy {
		q.busy = true
		q.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	if peer {
		q.peers = append(q.peers, ch)
	} else {
		q.clients = append(q.clients, ch)
	}
	q.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
	}
	q.mu.Lock()
	removed := false
	for _, queue := range []*[]chan struct{}{&q.peers, &q.clients} {
		if i := slices.Index(*queue, ch); i >= 0 {
			*queue = slices.Delete(*queue, i, i+1)
			removed = true
		}
	}
	q.mu.Unlock()
	if !removed { // handed the device just as we gave up: pass it on
		q.release()
	}
	return ctx.Err()
}

// release passes the device to the next waiting peer, else the next client.
func (q *attestQueue) release() {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case len(q.peers) > 0:
		close(q.peers[0])
		q.peers = q.peers[1:]
	case len(q.clients) > 0:
		close(q.clients[0])
		q.clients = q.clients[1:]
	default:
		q.busy = false
	}
}

// queuedProvider is the node's attestation provider as one kind of caller uses it.
type queuedProvider struct {
	attestation.Provider
	q    *attestQueue
	peer bool
}

func (p queuedProvider) Evidence(ctx context.Context, rd [attestation.ReportDataSize]byte) (attestation.Evidence, error) {
	if err := p.q.acquire(ctx, p.peer); err != nil {
		return attestation.Evidence{}, fmt.Errorf("wait for the attestation device: %w", err)
	}
	defer p.q.release()
	return p.Provider.Evidence(ctx, rd)
}

// handshakeCache keeps client handshake answers for a second, by challenge and the TLS key
// the answer attests (a node serving several names may attest a different key per name).
type handshakeCache struct {
	cache *lru.Cache[handshakeKey, handshakeAnswer]
}

type handshakeKey struct {
	nonce [handshake.NonceSize]byte
	spki  [attestation.SPKIHashSize]byte
}

type handshakeAnswer struct {
	raw []byte
	at  time.Time
}

func newHandshakeCache() *handshakeCache {
	c, err := lru.New[handshakeKey, handshakeAnswer](1024)
	if err != nil {
		panic(err) // a positive constant size
	}
	return &handshakeCache{cache: c}
}

func (c *handshakeCache) get(k handshakeKey) ([]byte, bool) {
	a, ok := c.cache.Get(k)
	if !ok || time.Since(a.at) > handshakeCacheTTL {
		return nil, false
	}
	return a.raw, true
}

func (c *handshakeCache) put(k handshakeKey, raw []byte) {
	c.cache.Add(k, handshakeAnswer{raw: raw, at: time.Now()})
}

// clientAttestation is the encoded handshake response for a client's challenge: from the
// cache for a challenge answered in the last second, else made with one of the clients'
// attestation slots (429 when none frees up in time), behind any peer waiting for the device.
func (n *Node) clientAttestation(ctx context.Context, nonce [handshake.NonceSize]byte, spki [attestation.SPKIHashSize]byte) ([]byte, error) {
	key := handshakeKey{nonce: nonce, spki: spki}
	if raw, ok := n.limits.hsCache.get(key); ok {
		return raw, nil
	}
	wait := time.NewTimer(handshakeWait)
	defer wait.Stop()
	select {
	case n.limits.handshake <- struct{}{}:
		defer func() { <-n.limits.handshake }()
	case <-wait.C:
		return nil, limited(time.Second, "attestation busy: too many handshakes at once; retry shortly")
	case <-ctx.Done():
		return nil, api.Errorf(api.KindUnavailable, "request canceled")
	}
	prov := queuedProvider{Provider: n.provider, q: n.limits.attest}
	resp, err := handshake.BuildClientResponse(ctx, prov, n.id.Operator, n.id.Libp2p.GetPublic(), nonce, spki)
	if err != nil {
		return nil, fmt.Errorf("attest for a client handshake: %w", err)
	}
	raw, err := resp.Marshal()
	if err != nil {
		return nil, fmt.Errorf("encode a client handshake: %w", err)
	}
	n.limits.hsCache.put(key, raw)
	return raw, nil
}
