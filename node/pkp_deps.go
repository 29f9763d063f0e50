package node

import (
	"context"
	"log/slog"
	"math/big"
	"time"

	libp2pcrypto "github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/p2p"
)

// pkpDeps is everything the PKP signing service uses of the node, and nothing more: the
// keyring's current shares, the session transport, the chain's PKP lookups, this node's
// signing key and peer ID, whether a peer is reachable, the sign-phase timer and the epoch
// feed. wirePKP fills it from a running node; unit tests fill in what they exercise.
type pkpDeps struct {
	log       *slog.Logger
	cfg       pkpConfig
	id        pkpIdentity
	self      peer.ID            // this node
	keys      currentKeys        // the serving epoch's shares
	sessions  sessionOpener      // signer sets' control and presigning sessions
	chain     pkpChain           // PKP token → key ID
	connected func(peer.ID) bool // a trusted live connection to the peer
	metrics   phaseTimer         // litmesh_sign_phase_seconds (the agreement's phases)
	// epochChanged returns a channel closed when the serving epoch next changes (epochFeed).
	epochChanged func() <-chan struct{}
}

// pkpConfig is the part of Config the PKP service reads.
type pkpConfig struct {
	Network  string    // names sessions and binds assignments to this network
	PKPPool  int       // presignatures each warm set keeps
	PKPHooks *PKPHooks // attack tests only (pkp_hooks.go)
}

// pkpIdentity is the part of Identity the PKP service uses: the key a coordinator signs its
// assignments with.
type pkpIdentity struct {
	Libp2p libp2pcrypto.PrivKey
}

// currentKeys gives the shares of the epoch the node serves (the keyring).
type currentKeys interface {
	Current() (*EpochKeys, error)
}

// sessionOpener opens MPC sessions among peers (p2p.Sessions): presigning sessions with
// Open, a signer set's control session with OpenControl (its own streams, so a confirmation
// never queues behind a presigning round's frames).
type sessionOpener interface {
	Open(sid string, members []peer.ID) (*p2p.SessionTransport, error)
	OpenControl(sid string, members []peer.ID) (*p2p.SessionTransport, error)
}

// pkpChain is the chain's PKP lookups (chain.Client): a token's key ID and key type.
type pkpChain interface {
	KeyIDOf(ctx context.Context, tokenID *big.Int) ([32]byte, error)
	KeyTypeOf(ctx context.Context, tokenID *big.Int) (chain.KeyType, error)
	Refresh(ctx context.Context) error
}

// phaseTimer records how long a phase of a signature request took and returns the time it
// ended (metrics.phase).
type phaseTimer interface {
	phase(name string, start time.Time) time.Time
}

// wirePKP gives the PKP service what it uses of a started node (host, sessions, chain, keys).
func wirePKP(n *Node) *pkpDeps {
	return &pkpDeps{
		log:          n.log,
		cfg:          pkpConfig{Network: n.cfg.Network, PKPPool: n.cfg.PKPPool, PKPHooks: n.cfg.PKPHooks},
		id:           pkpIdentity{Libp2p: n.id.Libp2p},
		self:         n.host.ID(),
		keys:         n.keys,
		sessions:     n.sessions,
		chain:        n.chain,
		connected:    trustedConnection(n.host),
		metrics:      n.metrics,
		epochChanged: n.epochFeed.subscribe,
	}
}

// trustedConnection reports whether the host has a live connection to a peer its gate trusts.
func trustedConnection(h *p2p.Host) func(peer.ID) bool {
	return func(p peer.ID) bool {
		return h.Gate.Trusted(p) && h.Network().Connectedness(p) == network.Connected
	}
}
