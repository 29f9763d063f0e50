// Package p2p owns litmesh's libp2p side: the host (TCP + QUIC, Noise and TLS, resource and
// connection managers), Kademlia DHT discovery under the private /litmesh prefix, GossipSub with
// strict signing, reconnection, and the peer Gate that every protocol consults before it talks to
// a peer. Later it adapts the mpc protocols to libp2p streams.
//
// It must not import node, client or the cryptographic packages' internals: it moves bytes and
// decides who may send them.
package p2p

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/libp2p/go-libp2p"
	dht "github.com/libp2p/go-libp2p-kad-dht"
	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	rcmgr "github.com/libp2p/go-libp2p/p2p/host/resource-manager"
	"github.com/libp2p/go-libp2p/p2p/net/connmgr"
	noise "github.com/libp2p/go-libp2p/p2p/security/noise"
	libp2ptls "github.com/libp2p/go-libp2p/p2p/security/tls"
	quic "github.com/libp2p/go-libp2p/p2p/transport/quic"
	"github.com/libp2p/go-libp2p/p2p/transport/tcp"
	ma "github.com/multiformats/go-multiaddr"
	"github.com/prometheus/client_golang/prometheus"
)

// DHTPrefix is the protocol prefix of litmesh's private Kademlia DHT: its protocol ID is
// /litmesh/kad/1.0.0, so litmesh nodes never join (or pollute) the public IPFS DHT.
const DHTPrefix protocol.ID = "/litmesh"

// Config is what the p2p layer needs from the node's config, already parsed.
type Config struct {
	Identity          crypto.PrivKey
	Listen            []ma.Multiaddr
	Announce          []ma.Multiaddr // replaces the listen addresses in what we advertise, if set
	Bootstrap         []peer.AddrInfo
	Network           string // peers rendezvous under this name
	ConnLow, ConnHigh int
	DiscoveryInterval time.Duration // steady-state interval between peer searches
	ReconnectInterval time.Duration // how often to redial dropped bootstrap and member peers
	Policy            Policy        // who is trusted; nil means TrustAuthenticated
	Registerer        prometheus.Registerer
	Logger            *slog.Logger
}

// Host is a running libp2p host with its DHT, pubsub and gate.
type Host struct {
	host.Host
	DHT    *dht.IpfsDHT
	PubSub *pubsub.PubSub
	Gate   *Gate

	cfg    Config
	log    *slog.Logger
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu        sync.Mutex
	members   map[peer.ID]struct{} // peers we have trusted at some point: redialled when they drop
	admitting map[peer.ID]struct{} // peers whose admission is running
}

// ErrAddressInUse is returned when a listen address is taken by another process.
var ErrAddressInUse = errors.New("address already in use")

// New builds the host, DHT and pubsub without connecting to anyone; register every protocol
// handler and connection listener, then call Start to begin dialling, discovery and
// reconnection.
func New(ctx context.Context, cfg Config) (*Host, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Policy == nil {
		cfg.Policy = TrustAuthenticated{}
	}
	if cfg.Registerer == nil {
		cfg.Registerer = prometheus.NewRegistry()
	}
	gate := NewGate()
	limits := mpcLimits()
	rm, err := rcmgr.NewResourceManager(rcmgr.NewFixedLimiter(limits.AutoScale()))
	if err != nil {
		return nil, fmt.Errorf("resource manager: %w", err)
	}
	cm, err := connmgr.NewConnManager(cfg.ConnLow, cfg.ConnHigh, connmgr.WithGracePeriod(time.Minute))
	if err != nil {
		return nil, fmt.Errorf("connection manager: %w", err)
	}
	opts := []libp2p.Option{
		libp2p.Identity(cfg.Identity),
		libp2p.ListenAddrs(cfg.Listen...),
		libp2p.Transport(tcp.NewTCPTransport),
		libp2p.Transport(quic.NewTransport),
		libp2p.Security(noise.ID, noise.New),
		libp2p.Security(libp2ptls.ID, libp2ptls.New),
		libp2p.ConnectionManager(cm),
		libp2p.ConnectionGater(gate),
		libp2p.PrometheusRegisterer(cfg.Registerer),
		libp2p.ResourceManager(rm),
		libp2p.DisableRelay(),
	}
	if len(cfg.Announce) > 0 {
		announce := cfg.Announce
		opts = append(opts, libp2p.AddrsFactory(func([]ma.Multiaddr) []ma.Multiaddr { return announce }))
	}
	h, err := libp2p.New(opts...)
	if err != nil {
		rm.Close()
		if errors.Is(err, syscall.EADDRINUSE) || strings.Contains(err.Error(), "address already in use") {
			return nil, fmt.Errorf("listen on %v: %w", cfg.Listen, ErrAddressInUse)
		}
		return nil, fmt.Errorf("start libp2p host: %w", err)
	}

	// No dht.BootstrapPeers: kad-dht would dial them while being constructed, before the
	// services built on this host have registered their protocols and connection listeners
	// (bitswap, for one, only learns of peers from connection events). Start dials them, and
	// the reconnect loop redials them whenever the routing table would have needed them.
	// The DHT serves trusted (admitted) peers only: its handlers are registered through
	// trustedOnly, so a stranger can neither query it nor store records in it.
	kad, err := dht.New(ctx, trustedOnly{Host: h, gate: gate, log: cfg.Logger},
		dht.Mode(dht.ModeServer),
		dht.ProtocolPrefix(DHTPrefix),
		dht.RoutingTableFilter(func(_ any, p peer.ID) bool { return gate.Trusted(p) }),
	)
	if err != nil {
		h.Close()
		return nil, fmt.Errorf("start DHT: %w", err)
	}
	ps, err := pubsub.NewGossipSub(ctx, h,
		pubsub.WithMessageSignaturePolicy(pubsub.StrictSign),
		pubsub.WithPeerFilter(func(p peer.ID, _ string) bool { return gate.Trusted(p) }),
	)
	if err != nil {
		kad.Close()
		h.Close()
		return nil, fmt.Errorf("start gossipsub: %w", err)
	}
	hh := &Host{Host: h, DHT: kad, PubSub: ps, Gate: gate, cfg: cfg, log: cfg.Logger,
		members: map[peer.ID]struct{}{}, admitting: map[peer.ID]struct{}{}}
	gate.OnChange(hh.onTrustChange)
	return hh, nil
}

// Start begins admitting peers, bootstrapping, discovery and reconnection. The goroutines stop
// when ctx ends or Close is called.
func (h *Host) Start(ctx context.Context) {
	ctx, h.cancel = context.WithCancel(ctx)
	h.Network().Notify(&network.NotifyBundle{
		ConnectedF: func(_ network.Network, c network.Conn) { h.admit(ctx, c) },
		DisconnectedF: func(n network.Network, c network.Conn) {
			if n.Connectedness(c.RemotePeer()) != network.Connected {
				h.Gate.Forget(c.RemotePeer())
			}
		},
	})
	// The DHT may already have dialled its bootstrap peers while it was being built, before
	// the notifiee above existed: admit those connections too.
	for _, c := range h.Network().Conns() {
		h.admit(ctx, c)
	}
	h.wg.Add(2)
	go func() { defer h.wg.Done(); h.discover(ctx) }()
	go func() { defer h.wg.Done(); h.reconnect(ctx) }()
}

// Close stops the background work and shuts down pubsub's host, the DHT and the host, in that
// order (the reverse of construction).
func (h *Host) Close() error {
	if h.cancel != nil {
		h.cancel()
	}
	h.wg.Wait()
	var errs []error
	if err := h.DHT.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close DHT: %w", err))
	}
	if err := h.Host.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close host: %w", err))
	}
	return errors.Join(errs...)
}

// Handle registers a stream handler that only trusted peers reach: streams from anyone else are
// reset before the handler sees a byte.
func (h *Host) Handle(id protocol.ID, handler network.StreamHandler) {
	h.SetStreamHandler(id, func(s network.Stream) {
		if !h.Gate.Trusted(s.Conn().RemotePeer()) {
			h.log.Debug("refused stream from untrusted peer", "peer", s.Conn().RemotePeer(), "protocol", id)
			_ = s.Reset()
			return
		}
		defer recoverPanic(h.log, string(id), s.Conn().RemotePeer())
		handler(s)
	})
}

// JoinTopic joins a pubsub topic whose messages are accepted only from trusted authors relayed
// by trusted peers.
func (h *Host) JoinTopic(name string) (*pubsub.Topic, error) {
	err := h.PubSub.RegisterTopicValidator(name, func(_ context.Context, from peer.ID, m *pubsub.Message) pubsub.ValidationResult {
		if from == h.ID() {
			return pubsub.ValidationAccept
		}
		if !h.Gate.Trusted(from) || !h.Gate.Trusted(m.GetFrom()) {
			return pubsub.ValidationReject
		}
		return pubsub.ValidationAccept
	})
	if err != nil {
		return nil, fmt.Errorf("register validator for topic %s: %w", name, err)
	}
	t, err := h.PubSub.Join(name)
	if err != nil {
		return nil, fmt.Errorf("join topic %s: %w", name, err)
	}
	return t, nil
}

// TrustedConnected counts trusted peers we are currently connected to.
func (h *Host) TrustedConnected() int {
	n := 0
	for _, p := range h.Network().Peers() {
		if h.Gate.Trusted(p) {
			n++
		}
	}
	return n
}

// admit runs the policy for a new connection's peer, once per peer, off the notification path.
func (h *Host) admit(ctx context.Context, c network.Conn) {
	p := c.RemotePeer()
	if h.Gate.Trusted(p) {
		return
	}
	h.mu.Lock()
	if _, running := h.admitting[p]; running {
		h.mu.Unlock()
		return
	}
	h.admitting[p] = struct{}{}
	h.mu.Unlock()
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		defer func() {
			h.mu.Lock()
			delete(h.admitting, p)
			h.mu.Unlock()
		}()
		defer recoverPanic(h.log, "admission", p)
		actx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		reason, err := h.cfg.Policy.Admit(actx, h.Host, p)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			if errors.Is(err, ErrTransient) {
				h.log.Info("peer admission failed, will retry", "peer", p, "reason", err.Error())
				h.Gate.Reject(p, err.Error(), rejectTransientFor)
			} else {
				h.log.Warn("peer rejected", "peer", p, "reason", err.Error())
				h.Gate.Reject(p, err.Error(), rejectFor)
			}
			_ = h.Network().ClosePeer(p)
			return
		}
		h.Gate.Trust(p, reason)
	}()
}

func (h *Host) onTrustChange(p peer.ID, trusted bool) {
	if !trusted {
		h.log.Debug("peer no longer trusted", "peer", p)
		return
	}
	h.mu.Lock()
	_, known := h.members[p]
	h.members[p] = struct{}{}
	h.mu.Unlock()
	h.ConnManager().Protect(p, "litmesh-member")
	// The DHT considered this peer before it was trusted and filtered it out; offer it again.
	_, _ = h.DHT.RoutingTable().TryAddPeer(p, true, false)
	if !known {
		h.log.Info("peer joined", "peer", p)
	}
}

// PeerInfo is a peer's ID and addresses in p2p multiaddr form (/…/p2p/ID).
func PeerInfo(h host.Host) []string {
	addrs, err := peer.AddrInfoToP2pAddrs(&peer.AddrInfo{ID: h.ID(), Addrs: h.Addrs()})
	if err != nil {
		return nil
	}
	out := make([]string, len(addrs))
	for i, a := range addrs {
		out[i] = a.String()
	}
	return out
}

// mpcLimits are libp2p's default resource limits with explicit budgets for the MPC protocol
// and the Lit Action protocol (each its own): every frame a peer sends is charged to them until
// the protocol takes it (see Sessions).
func mpcLimits() rcmgr.ScalingLimitConfig {
	limits := rcmgr.DefaultLimits
	libp2p.SetDefaultServiceLimits(&limits)
	for _, proto := range []protocol.ID{MPCProtocol, ActionProtocol} {
		limits.AddProtocolLimit(proto,
			rcmgr.BaseLimit{StreamsInbound: 1024, StreamsOutbound: 1024, Streams: 2048, Memory: 4 * MaxPeerBytes},
			rcmgr.BaseLimitIncrease{Memory: 256 << 20})
		limits.AddProtocolPeerLimit(proto,
			rcmgr.BaseLimit{StreamsInbound: 16, StreamsOutbound: 16, Streams: 32, Memory: MaxPeerBytes},
			rcmgr.BaseLimitIncrease{})
	}
	return limits
}

// trustedOnly is a host whose stream handlers serve trusted peers only: the DHT is built on it.
type trustedOnly struct {
	host.Host
	gate *Gate
	log  *slog.Logger
}

func (t trustedOnly) SetStreamHandler(pid protocol.ID, handler network.StreamHandler) {
	t.Host.SetStreamHandler(pid, t.guard(pid, handler))
}

func (t trustedOnly) SetStreamHandlerMatch(pid protocol.ID, match func(protocol.ID) bool, handler network.StreamHandler) {
	t.Host.SetStreamHandlerMatch(pid, match, t.guard(pid, handler))
}

func (t trustedOnly) guard(pid protocol.ID, handler network.StreamHandler) network.StreamHandler {
	return func(s network.Stream) {
		p := s.Conn().RemotePeer()
		if !t.gate.Trusted(p) {
			t.log.Debug("refused stream from untrusted peer", "peer", p, "protocol", pid)
			_ = s.Reset()
			return
		}
		defer recoverPanic(t.log, string(pid), p)
		handler(s)
	}
}
