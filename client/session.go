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
	caps map[string]capEntry // by the ReCap's URN
	sigs map[sigKey]sigEntry // the session signatures made, for reuse
}

// capEntry is a signed capability and its expiration.
type capEntry struct {
	sig *access.AuthSig
	exp time.Time
}

// sigKey names what a session signature is for: a node, a request's resource, a chain.
type sigKey struct {
	node    string
	req     string
	chainID uint64
}

// sigEntry is a session signature's JSON and the capability it carries: it is reused for as
// long as that capability is the one capability() gives (as Lit's SDK reuses its session
// signatures until they expire). A session signature names its node and resources and is
// valid until the capability expires whether it is reused or not, so reuse exposes nothing
// new; it saves the client a parse, a signature and a JSON encoding per node per request.
type sigEntry struct {
	json json.RawMessage
	cap  *access.AuthSig
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
	return &Session{wallet: wallet, key: key, opts: opts, caps: map[string]capEntry{}, sigs: map[sigKey]sigEntry{}}, nil
}

// Address is the wallet's address: who the nodes see as the requester.
func (s *Session) Address() common.Address { return crypto.PubkeyToAddress(s.wallet.PublicKey) }

// PublicKey is the session's ed25519 public key.
func (s *Session) PublicKey() ed25519.PublicKey { return s.key.Public().(ed25519.PublicKey) }

// renewBefore is how long before its expiration a capability is replaced.
func (s *Session) renewBefore() time.Duration { return min(s.opts.TTL/10, 5*time.Minute) }

// capability returns a capability granting req, signing a new one when none is cached or the
// cached one expires soon.
func (s *Session) capability(req access.ResourceAbility, chainID uint64) (*access.AuthSig, []access.ResourceAbility, error) {
	grants := []access.ResourceAbility{req}
	if len(s.opts.Grants) > 0 {
		rc, _ := access.NewRecap(s.opts.Grants...)
		if !rc.Grants(req) {
			return nil, nil, fmt.Errorf("the session's grants do not cover %s", req)
		}
		grants = s.opts.Grants
	}
	rc, err := access.NewRecap(grants...)
	if err != nil {
		return nil, nil, err
	}
	key := rc.URN()
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.caps[key]; ok && time.Until(c.exp) > s.renewBefore() {
		return c.sig, grants, nil
	}
	c, err := access.NewCapability(s.wallet, s.PublicKey(), grants, access.CapabilityOptions{Domain: s.opts.Domain, ChainID: chainID, TTL: s.opts.TTL})
	if err != nil {
		return nil, nil, err
	}
	m, err := access.ParseSIWE(c.SignedMessage)
	if err != nil {
		return nil, nil, err
	}
	s.caps[key] = capEntry{sig: c, exp: m.ExpirationTime}
	return c, grants, nil
}

// maxSessionSigs bounds the session signatures kept for reuse (a node, resource and chain each).
const maxSessionSigs = 4096

// SessionSig returns a session signature for one request to one node: nodeURL as the client
// reaches the node (the network file's URL), req what the request needs.
func (s *Session) SessionSig(nodeURL string, req access.ResourceAbility, chainID uint64) (*access.AuthSig, error) {
	c, grants, err := s.capability(req, chainID)
	if err != nil {
		return nil, fmt.Errorf("session signature: %w", err)
	}
	return s.sign(c, grants, nodeURL)
}

// sign makes a session signature for one node carrying capability c.
func (s *Session) sign(c *access.AuthSig, grants []access.ResourceAbility, nodeURL string) (*access.AuthSig, error) {
	m, err := access.ParseSIWE(c.SignedMessage)
	if err != nil {
		return nil, err
	}
	return access.SignSession(s.key, &access.SessionMessage{
		Requests:     slices.Clone(grants),
		Capabilities: []access.AuthSig{*c},
		IssuedAt:     time.Now().UTC().Truncate(time.Millisecond),
		Expiration:   m.ExpirationTime,
		NodeAddress:  strings.TrimRight(nodeURL, "/"),
	})
}

func (s *Session) authFor(_ context.Context, nodeURL string, req access.ResourceAbility, chainID uint64) (json.RawMessage, error) {
	c, grants, err := s.capability(req, chainID)
	if err != nil {
		return nil, fmt.Errorf("session signature: %w", err)
	}
	k := sigKey{node: nodeURL, req: req.String(), chainID: chainID}
	s.mu.Lock()
	e, ok := s.sigs[k]
	s.mu.Unlock()
	if ok && e.cap == c {
		return e.json, nil
	}
	sig, err := s.sign(c, grants, nodeURL)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(sig)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if len(s.sigs) >= maxSessionSigs {
		clear(s.sigs) // a client of many nodes × resources: start again rather than grow
	}
	s.sigs[k] = sigEntry{json: b, cap: c}
	s.mu.Unlock()
	return b, nil
}

// authJSON is a's authSig JSON for one node and request.
func (c *Client) authJSON(ctx context.Context, a Auth, nodeURL string, req access.ResourceAbility) (json.RawMessage, error) {
	if a == nil {
		return nil, errors.New("no credentials: give a session (NewSession) or an authSig (PlainAuthSig)")
	}
	return a.authFor(ctx, nodeURL, req, c.Network.Chain.ChainID)
}
