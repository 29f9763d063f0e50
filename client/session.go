package client

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
)

// Auth proves who asks, to each node and for each request. A *Session makes session
// signatures (what every request takes); PlainAuthSig passes a wallet's authSig as it is
// (nodes take it for decryption only).
type Auth interface {
	// authFor returns the authSig JSON for one request to one node: what the request needs
	// (req) on the network's chain (chainID, 0 if unknown).
	authFor(ctx context.Context, nodeURL string, req access.ResourceAbility, chainID uint64) (json.RawMessage, error)
}

// PlainAuthSig sends a wallet's authSig (SIWE) as it is to every node. Nodes take one for
// decryption only, and only if it expires within their maximum lifetime (24 h by default).
func PlainAuthSig(a *access.AuthSig) Auth { return plainAuth{a} }

type plainAuth struct{ a *access.AuthSig }

func (p plainAuth) authFor(context.Context, string, access.ResourceAbility, uint64) (json.RawMessage, error) {
	if p.a == nil {
		return nil, errors.New("no authSig")
	}
	return json.Marshal(p.a)
}

// DefaultSessionTTL is how long a Session's capabilities and session signatures are valid.
const DefaultSessionTTL = time.Hour

// SessionOptions adjust a Session.
type SessionOptions struct {
	// TTL is how long each capability (and the session signatures under it) is valid; default
	// DefaultSessionTTL. Nodes refuse more than their maximum (24 h by default).
	TTL time.Duration
	// Grants, if set, are what the capability grants, for every request they cover (e.g.
	// lit-pkp://* to sign with any of the wallet's PKPs under one capability). Without it the
	// session asks the wallet for a capability for exactly each request's resource.
	Grants []access.ResourceAbility
	// Domain is the SIWE domain of the capabilities; default "localhost".
	Domain string
}

// Session is Lit's session-signature authentication (what the JS SDK's getSessionSigs makes),
// for a wallet whose key the caller holds: a fresh ed25519 session key, capabilities (SIWE
// messages with a ReCap, signed by the wallet) granting it the resources requests need, and for
// each node a session signature naming that node. The wallet signs a capability once per
// resource (or once for Grants) and again shortly before it expires.
type Session struct {
	wallet *ecdsa.PrivateKey
	key    ed25519.PrivateKey
	opts   SessionOptions

	mu   sync.Mutex
	caps map[string]sessionCap // by the ReCap's URN
}

// NewSession makes a session for the wallet key with a fresh ed25519 session key.
func NewSession(wallet *ecdsa.PrivateKey, opts SessionOptions) (*Session, error) {
	if wallet == nil {
		return nil, errors.New("new session: no wallet key")
	}
	if opts.TTL == 0 {
		opts.TTL = DefaultSessionTTL
	}
	if opts.TTL < time.Minute {
		return nil, fmt.Errorf("new session: TTL %v is shorter than a minute", opts.TTL)
	}
	if _, err := access.NewRecap(opts.Grants...); err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	return &Session{wallet: wallet, key: key, opts: opts, caps: map[string]sessionCap{}}, nil
}

// Address is the wallet's address: who the nodes see as the requester.
func (s *Session) Address() common.Address { return crypto.PubkeyToAddress(s.wallet.PublicKey) }

// PublicKey is the session's ed25519 public key.
func (s *Session) PublicKey() ed25519.PublicKey { return s.key.Public().(ed25519.PublicKey) }

// renewBefore is how long before its expiration a capability is replaced.
func (s *Session) renewBefore() time.Duration { return min(s.opts.TTL/10, 5*time.Minute) }

// sessionCap is a capability the wallet signed, with its expiration (read from it once, not
// at every request).
type sessionCap struct {
	sig        *access.AuthSig
	expiration time.Time
}

// capability returns a capability granting req and its expiration, signing a new one when none
// is cached or the cached one expires soon.
func (s *Session) capability(req access.ResourceAbility, chainID uint64) (*access.AuthSig, []access.ResourceAbility, time.Time, error) {
	grants := []access.ResourceAbility{req}
	if len(s.opts.Grants) > 0 {
		rc, _ := access.NewRecap(s.opts.Grants...)
		if !rc.Grants(req) {
			return nil, nil, time.Time{}, fmt.Errorf("the session's grants do not cover %s", req)
		}
		grants = s.opts.Grants
	}
	rc, err := access.NewRecap(grants...)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	key := rc.URN()
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.caps[key]; ok && time.Until(c.expiration) > s.renewBefore() {
		return c.sig, grants, c.expiration, nil
	}
	c, err := access.NewCapability(s.wallet, s.PublicKey(), grants, access.CapabilityOptions{Domain: s.opts.Domain, ChainID: chainID, TTL: s.opts.TTL})
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	m, err := access.ParseSIWE(c.SignedMessage)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	s.caps[key] = sessionCap{sig: c, expiration: m.ExpirationTime}
	return c, grants, m.ExpirationTime, nil
}

// SessionSig returns a session signature for one request to one node: nodeURL as the client
// reaches the node (the network file's URL), req what the request needs.
func (s *Session) SessionSig(nodeURL string, req access.ResourceAbility, chainID uint64) (*access.AuthSig, error) {
	c, grants, expiration, err := s.capability(req, chainID)
	if err != nil {
		return nil, fmt.Errorf("session signature: %w", err)
	}
	return access.SignSession(s.key, &access.SessionMessage{
		Requests:     slices.Clone(grants),
		Capabilities: []access.AuthSig{*c},
		IssuedAt:     time.Now().UTC().Truncate(time.Millisecond),
		Expiration:   expiration,
		NodeAddress:  strings.TrimRight(nodeURL, "/"),
	})
}

func (s *Session) authFor(_ context.Context, nodeURL string, req access.ResourceAbility, chainID uint64) (json.RawMessage, error) {
	sig, err := s.SessionSig(nodeURL, req, chainID)
	if err != nil {
		return nil, err
	}
	return json.Marshal(sig)
}

// authJSON is a's authSig JSON for one node and request.
func (c *Client) authJSON(ctx context.Context, a Auth, nodeURL string, req access.ResourceAbility) (json.RawMessage, error) {
	if a == nil {
		return nil, errors.New("no credentials: give a session (NewSession) or an authSig (PlainAuthSig)")
	}
	return a.authFor(ctx, nodeURL, req, c.Network.Chain.ChainID)
}
