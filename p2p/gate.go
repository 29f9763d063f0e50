package p2p

import (
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/libp2p/go-libp2p/core/control"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

// Gate is the one place that decides which peers litmesh talks to. It is the libp2p connection
// gater (refusing peers that were recently rejected) and the trusted-peer set that every stream
// handler, the pubsub validators, the DHT routing table and bitswap consult.
//
// Trust is granted and withdrawn by a Policy. A node's is Attested (handshake.go): a peer is
// trusted only once its SEV-SNP report, release measurement and stake check out. There is no
// default: a host without a Policy is refused, so the gate fails closed.
type Gate struct {
	mu      sync.RWMutex
	trusted map[peer.ID]string // peer → why it is trusted
	// rejected: peer → why and until when it is refused. Every new peer ID an attacker makes
	// can earn an entry, so it holds at most MaxRejected, forgetting the least recently
	// refused first (a forgotten peer is simply checked again on its next connection).
	rejected *lru.Cache[peer.ID, rejection]
	watchers []func(peer.ID, bool)
	now      func() time.Time
}

// MaxRejected bounds the refusals the gate remembers.
const MaxRejected = 4096

type rejection struct {
	reason string
	until  time.Time
}

// NewGate returns a gate that trusts nobody yet.
func NewGate() *Gate {
	rejected, err := lru.New[peer.ID, rejection](MaxRejected)
	if err != nil {
		panic(err) // a positive constant size
	}
	return &Gate{trusted: map[peer.ID]string{}, rejected: rejected, now: time.Now}
}

// Trusted reports whether p may open streams, publish and be served.
func (g *Gate) Trusted(p peer.ID) bool {
	g.mu.RLock()
	defer g.mu.RUnlock()
	_, ok := g.trusted[p]
	return ok
}

// TrustedPeers returns every trusted peer with the reason it was trusted.
func (g *Gate) TrustedPeers() map[peer.ID]string {
	g.mu.RLock()
	defer g.mu.RUnlock()
	out := make(map[peer.ID]string, len(g.trusted))
	for p, why := range g.trusted {
		out[p] = why
	}
	return out
}

// Trust marks p trusted, clearing any rejection.
func (g *Gate) Trust(p peer.ID, reason string) {
	g.mu.Lock()
	_, was := g.trusted[p]
	g.trusted[p] = reason
	g.rejected.Remove(p)
	watchers := g.watchers
	g.mu.Unlock()
	if !was {
		for _, w := range watchers {
			w(p, true)
		}
	}
}

// Forget drops p from the trusted set without refusing future connections (it disconnected).
func (g *Gate) Forget(p peer.ID) {
	g.mu.Lock()
	_, was := g.trusted[p]
	delete(g.trusted, p)
	watchers := g.watchers
	g.mu.Unlock()
	if was {
		for _, w := range watchers {
			w(p, false)
		}
	}
}

// Reject withdraws trust from p and refuses its connections for the given duration; the
// caller disconnects it. The reason is kept for status output.
func (g *Gate) Reject(p peer.ID, reason string, for_ time.Duration) {
	g.mu.Lock()
	_, was := g.trusted[p]
	delete(g.trusted, p)
	g.rejected.Add(p, rejection{reason: reason, until: g.now().Add(for_)})
	watchers := g.watchers
	g.mu.Unlock()
	if was {
		for _, w := range watchers {
			w(p, false)
		}
	}
}

// Rejection returns why p is currently refused, if it is.
func (g *Gate) Rejection(p peer.ID) (string, bool) {
	r, ok := g.rejected.Peek(p)
	if !ok {
		return "", false
	}
	if g.now().After(r.until) {
		g.rejected.Remove(p) // expired: forget it
		return "", false
	}
	return r.reason, true
}

// ClearRejections forgets every refusal, so refused peers are admitted (and checked) afresh on
// their next connection. The node calls it when the validator set changes: a peer refused as
// not staked may be a member now.
func (g *Gate) ClearRejections() {
	g.rejected.Purge()
}

// OnChange registers fn to be called (outside the gate's lock) whenever a peer becomes trusted
// or stops being trusted.
func (g *Gate) OnChange(fn func(p peer.ID, trusted bool)) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.watchers = append(g.watchers, fn)
}

func (g *Gate) refused(p peer.ID) bool {
	_, ok := g.Rejection(p)
	return ok
}

// The connmgr.ConnectionGater methods: refuse recently rejected peers as early as possible.

// InterceptPeerDial refuses dialing a rejected peer.
func (g *Gate) InterceptPeerDial(p peer.ID) bool { return !g.refused(p) }

// InterceptAddrDial refuses dialing a rejected peer at any address.
func (g *Gate) InterceptAddrDial(p peer.ID, _ ma.Multiaddr) bool { return !g.refused(p) }

// InterceptAccept accepts every inbound connection: the peer is not known before security.
func (g *Gate) InterceptAccept(network.ConnMultiaddrs) bool { return true }

// InterceptSecured refuses a rejected peer once its identity is known.
func (g *Gate) InterceptSecured(_ network.Direction, p peer.ID, _ network.ConnMultiaddrs) bool {
	return !g.refused(p)
}

// InterceptUpgraded accepts every upgraded connection.
func (g *Gate) InterceptUpgraded(network.Conn) (bool, control.DisconnectReason) { return true, 0 }
