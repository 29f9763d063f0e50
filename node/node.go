// Package node wires one litmesh node together: it loads the Config, builds every service with
// plain constructors, starts them in the order written down in Start and stops them in reverse,
// and serves the client HTTP API (/web/*, /metrics).
//
// node may import every litmesh service package; nothing but cmd/ and internal/cli may import
// node.
package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/net/netutil"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/mpc/keystore"
	"github.com/litmesh/litmesh/p2p"
)

// Version is the node software version, reported in status and handshakes. Release builds set
// it with -ldflags "-X github.com/litmesh/litmesh/node.Version=…".
var Version = "0.1.0-dev"

// Node is a running node. Stop it with Close.
type Node struct {
	cfg     Config
	id      Identity
	log     *slog.Logger
	started time.Time

	metrics    *metrics
	provider   attestation.Provider
	verifier   *attestation.Verifier
	keystore   *keystore.Keystore
	tls        *tlsService // the API's HTTPS: key sealed in the keystore, certificate of tls_mode
	attested   *p2p.Attested
	chain      *chain.Client
	epochs     *epochs
	epochFeed  *epochFeed // the serving epoch's changes, for every service that follows it
	keys       *keyring
	evaluator  conditionsEvaluator // access conditions, with cached chain reads (condcache.go)
	encryption *encryptionService  // decryption shares (encryption.go)
	wallets    contractWallets     // EIP-1271 checks on the chains of startAccess
	host       *p2p.Host
	sessions   *p2p.Sessions
	// actionTransport carries the cross-node functions of Lit Action executions.
	actionTransport *p2p.Sessions
	ipfs            *ipfs.Service
	actions         *actionService // Lit Actions: /web/execute, conditions, custom auth
	pkp             *pkpService
	// authMethods verify PKP auth-method proofs (sign_session_key).
	authMethods *authMethodVerifiers
	pkpSessions *pkpSessionService // PKP session capabilities: issued, and checked on use
	limits      *limits            // the API's rate limits and the attestation queue
	api         *http.Server
	apiLn       net.Listener
	apiDone     chan error

	actionChains map[string]*ethclient.Client // callContract and getLatestNonce, by chain name

	stops []func(context.Context) error // reverse start order

	// handshakeFields add the features' public data (network keys, thresholds) to handshakes.
	handshakeFields []func(*api.HandshakeResponse)
}

// Run starts the node and blocks until ctx is cancelled, then shuts it down cleanly within the
// configured shutdown timeout.
func Run(ctx context.Context, cfg Config, log *slog.Logger) error {
	n, err := Start(ctx, cfg, log)
	if err != nil {
		return err
	}
	log.Info("node running", "peer_id", n.PeerID().String(), "api", n.URL(), "addrs", n.Addrs())
	select {
	case <-ctx.Done():
	case err := <-n.apiDone:
		log.Error("HTTP API stopped unexpectedly", "error", err)
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownIn.Duration)
	defer cancel()
	return n.Close(sctx)
}

// Start builds and starts every service of the node. Start order (Close reverses it):
//  1. identity (keys from the node directory)
//  2. metrics registry
//  3. attestation provider, keystore (sealed with the provider's key), verifier; the TLS key
//     (sealed in the keystore) and certificate
//  4. chain client (validator set, PKPs, permissions); the keyring (root-key shares per epoch)
//  5. libp2p host, DHT, pubsub, gate with the attestation policy (built, not yet connecting);
//     the epoch watcher and the key rounds it runs at transitions, built on them
//  6. IPFS blockstore and bitswap on the host; the Lit Action runtime (worker processes)
//  7. networking: dial bootstrap peers, discovery, reconnection — only now, so every protocol
//     above sees every connection
//  8. the epoch watcher (transitions, ready signals); PKP presigning for the serving epoch
//  9. client HTTP API
func Start(ctx context.Context, cfg Config, log *slog.Logger) (*Node, error) {
	if log == nil {
		log = slog.Default()
	}
	n := &Node{cfg: cfg, log: log, started: time.Now(), apiDone: make(chan error, 1), limits: newLimits(cfg)}
	ok := false
	defer func() {
		if !ok {
			_ = n.Close(context.Background())
		}
	}()

	id, err := LoadIdentity(cfg.Dir)
	if err != nil {
		return nil, err
	}
	n.id = id

	reg := prometheus.NewRegistry()
	n.metrics = newMetrics(reg)

	if err := n.startAttestation(ctx); err != nil {
		return nil, err
	}
	if err := n.startTLS(); err != nil {
		return nil, err
	}
	if err := n.startChain(ctx); err != nil {
		return nil, err
	}
	n.epochFeed = newEpochFeed()
	if n.keys, err = newKeyring(n.keystore, n.epochFeed, n.log); err != nil {
		return nil, err
	}
	n.handshakeFields = append(n.handshakeFields, n.keys.handshakeFields)
	conditionActions := &actionConditions{}
	if err := n.startAccess(ctx, access.WithLitActionRunner(conditionActions)); err != nil {
		return nil, err
	}
	n.encryption = wireEncryption(n)
	if err := n.startAuthMethods(); err != nil {
		return nil, err
	}
	if err := n.startP2P(ctx, reg); err != nil {
		return nil, err
	}
	n.startEpochs()
	if err := n.startIPFS(); err != nil {
		return nil, err
	}
	if err := n.startActions(ctx); err != nil {
		return nil, err
	}
	conditionActions.actions = n.actions
	n.pkpSessions = wirePKPSessions(n)
	n.host.Start(ctx)
	if n.chain != nil {
		n.startBackground(ctx, n.epochs.run)
		n.pkp = newPKPService(wirePKP(n), reg)
		n.startBackground(ctx, n.pkp.run)
	}
	if err := n.startDebug(); err != nil {
		return nil, err
	}
	if err := n.startAPI(); err != nil {
		return nil, err
	}
	ok = true
	return n, nil
}

func (n *Node) startP2P(ctx context.Context, reg *prometheus.Registry) error {
	listen, err := multiaddrs(n.cfg.Listen)
	if err != nil {
		return err
	}
	announce, err := multiaddrs(n.cfg.Announce)
	if err != nil {
		return err
	}
	boot, err := ParseBootstrap(n.cfg.Bootstrap)
	if err != nil {
		return err
	}
	h, err := p2p.New(ctx, p2p.Config{
		Identity:          n.id.Libp2p,
		Listen:            listen,
		Announce:          announce,
		Bootstrap:         boot,
		Network:           n.cfg.Network,
		ConnLow:           n.cfg.ConnLow,
		ConnHigh:          n.cfg.ConnHigh,
		DiscoveryInterval: n.cfg.Discovery.Duration,
		ReconnectInterval: n.cfg.Reconnect.Duration,
		Registerer:        reg,
		Policy:            n.attested,
		Logger:            n.log.With("component", "p2p"),
	})
	if err != nil {
		if errors.Is(err, p2p.ErrAddressInUse) {
			return fmt.Errorf("config listen: %w (is another node running on this port?)", err)
		}
		return err
	}
	n.host = h
	n.attested.Serve(h)
	n.sessions = p2p.NewSessions(h)
	n.actionTransport = p2p.NewSessionsOn(h, p2p.ActionProtocol)
	n.metrics.watchHost(reg, h)
	n.stops = append(n.stops, func(context.Context) error { return h.Close() })
	return nil
}

func (n *Node) startAPI() error {
	ln, err := net.Listen("tcp", n.cfg.APIAddr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("config api_addr: %s is already in use (is another node running on this port?)", n.cfg.APIAddr)
		}
		return fmt.Errorf("listen on api_addr %s: %w", n.cfg.APIAddr, err)
	}
	if n.cfg.MaxConnections > 0 {
		ln = netutil.LimitListener(ln, n.cfg.MaxConnections)
	}
	n.apiLn = ln
	n.api = &http.Server{
		TLSConfig:         n.tls.serverConfig(),
		Handler:           n.routes(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(n.log.Handler(), slog.LevelDebug),
	}
	go func() {
		err := n.api.ServeTLS(ln, "", "")
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		n.apiDone <- err
	}()
	n.stops = append(n.stops, func(ctx context.Context) error {
		err := n.api.Shutdown(ctx)
		if serveErr := <-n.apiDone; serveErr != nil && err == nil {
			err = serveErr
		}
		return err
	})
	return nil
}

// startEpochs builds the epoch watcher and the key rounds it runs at transitions, on the
// gate and sessions of startP2P; the watcher runs once networking is up.
func (n *Node) startEpochs() {
	n.epochs = newEpochs(wireEpochs(n))
	rounds := newKeyRounds(wireKeyRounds(n))
	n.stops = append(n.stops, rounds.close)
	n.epochs.OnTransition("root keys", rounds.transition)
	n.epochs.OnAdvance(n.keys.prune)
}

// startBackground runs fn until the node stops; Close waits for it.
func (n *Node) startBackground(ctx context.Context, fn func(context.Context)) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(ctx)
	}()
	n.stops = append(n.stops, func(context.Context) error {
		cancel()
		<-done
		return nil
	})
}

// Close stops every service in reverse start order.
func (n *Node) Close(ctx context.Context) error {
	var errs []error
	for i := len(n.stops) - 1; i >= 0; i-- {
		if err := n.stops[i](ctx); err != nil {
			errs = append(errs, err)
		}
	}
	n.stops = nil
	return errors.Join(errs...)
}

// PeerID is the node's libp2p peer ID.
func (n *Node) PeerID() peer.ID { return n.host.ID() }

// Host is the node's libp2p host.
func (n *Node) Host() *p2p.Host { return n.host }

// Addrs are the node's full p2p multiaddrs (…/p2p/ID).
func (n *Node) Addrs() []string { return p2p.PeerInfo(n.host) }

// URL is the base URL of the node's HTTPS API as actually bound (a :0 port resolved): the
// address session signatures must name.
func (n *Node) URL() string {
	if n.cfg.PublicURL != "" {
		return n.cfg.URL()
	}
	return "https://" + n.apiLn.Addr().String()
}

// TLSCertificate is the DER certificate chain the node serves its API with (leaf first), or nil
// under ACME, where it changes with renewals.
func (n *Node) TLSCertificate() [][]byte {
	if n.tls.cert == nil {
		return nil
	}
	return n.tls.cert.Certificate
}

func multiaddrs(ss []string) ([]ma.Multiaddr, error) {
	out := make([]ma.Multiaddr, 0, len(ss))
	for _, s := range ss {
		m, err := ma.NewMultiaddr(s)
		if err != nil {
			return nil, fmt.Errorf("multiaddr %q: %w", s, err)
		}
		out = append(out, m)
	}
	return out, nil
}
