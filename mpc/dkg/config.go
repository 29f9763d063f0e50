package dkg

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/drand/kyber"
	kbls "github.com/drand/kyber-bls12381"
	"github.com/drand/kyber/share"
	kdkg "github.com/drand/kyber/share/dkg"
	"github.com/drand/kyber/sign"

	"github.com/litmesh/litmesh/mpc/edwards25519"
	"github.com/litmesh/litmesh/mpc/secp256k1"
)

// Suite is what the DKG needs of a group: kyber share/dkg's Suite.
type Suite = kdkg.Suite

// BLS12381 is the group of the encryption root key: BLS12-381 G1 (kyber-bls12381), so that
// signatures and IBE keys live on G2.
func BLS12381() Suite { return kbls.NewBLS12381Suite().G1().(Suite) }

// Secp256k1 is the group of the PKP root keys on secp256k1: threshold ECDSA and the
// secp256k1 FROST suites (package frost).
func Secp256k1() Suite { return secp256k1.NewGroup() }

// Ed25519 is the group of the FROST(Ed25519, SHA-512) PKP root key: the prime-order subgroup of
// edwards25519 (package edwards25519), whose shares and commitments marshal in the standard
// 32-byte encodings package frost reads.
func Ed25519() Suite { return edwards25519.NewGroup() }

// Limits on a session. MaxIndex keeps share indices inside the 16-bit index of kyber's threshold
// BLS partial signatures.
const (
	MaxNodes        = 512
	MaxIndex        = 1<<16 - 1
	MaxSessionIDLen = 256
)

// ErrConfig is wrapped by every error about an invalid Config or Option.
var ErrConfig = errors.New("dkg: invalid config")

// Node is one participant of a group.
type Node struct {
	// Index is the node's share index in this group: its share is the polynomial at Index+1.
	// In a resharing, a node in OldNodes keeps the index its current share was issued under.
	Index uint32
	// Public is the node's long-term DKG public key.
	Public kyber.Point
	// Member is the node's index in the mpc.Transport session. A node present in both OldNodes
	// and NewNodes has the same Member (and Public) in both.
	Member int
}

// Config describes one run. For a fresh DKG fill Suite, Longterm, SessionID, NewNodes and
// Threshold. For a resharing also fill OldNodes and OldThreshold, plus Share on members of
// OldNodes and PublicCoeffs on members of NewNodes that hold no share.
type Config struct {
	Suite Suite
	// Longterm is this member's long-term private key; its public key must be in OldNodes or
	// NewNodes.
	Longterm kyber.Scalar
	// SessionID is unique per run and identical on every member (e.g. "bls/epoch/7"). The
	// session nonce binds it together with the suite, thresholds and both node lists, so members
	// that disagree on any of them cannot mix their messages.
	SessionID []byte

	// NewNodes receive shares; Threshold of them reconstruct (the polynomial has degree
	// Threshold−1).
	NewNodes  []Node
	Threshold int

	// OldNodes hold the current shares (resharing only), OldThreshold of which reconstruct.
	OldNodes     []Node
	OldThreshold int
	// Share is this member's current share (resharing, members of OldNodes).
	Share *KeyShare
	// PublicCoeffs is the current public polynomial (resharing, members of NewNodes without a
	// share).
	PublicCoeffs []kyber.Point
}

// Option adjusts a run.
type Option func(*options) error

type options struct {
	phaseTimeout time.Duration
	log          *slog.Logger
	relay        bool
}

// DefaultPhaseTimeout bounds each phase when neither an option nor the context deadline says
// otherwise.
const DefaultPhaseTimeout = 10 * time.Second

// WithPhaseTimeout bounds each of the three phases (deal, response, justification). A phase
// ends earlier as soon as every bundle it expects has arrived.
func WithPhaseTimeout(d time.Duration) Option {
	return func(o *options) error {
		if d <= 0 {
			return fmt.Errorf("%w: phase timeout %v is not positive", ErrConfig, d)
		}
		if o.phaseTimeout != 0 && o.phaseTimeout != d {
			return fmt.Errorf("%w: phase timeout set twice (%v, %v)", ErrConfig, o.phaseTimeout, d)
		}
		o.phaseTimeout = d
		return nil
	}
}

// WithLogger sets the logger (default slog.Default()). The run logs at debug level only, and
// never shares or keys.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) error {
		if l == nil {
			return fmt.Errorf("%w: nil logger", ErrConfig)
		}
		o.log = l
		return nil
	}
}

// WithoutRelay turns off echo relaying. Only for transports that already give every member the
// same bundles (a broadcast channel): without relaying, equivocation goes unnoticed.
func WithoutRelay() Option {
	return func(o *options) error {
		o.relay = false
		return nil
	}
}

func buildOptions(ctx context.Context, opts []Option) (*options, error) {
	o := &options{relay: true}
	for _, opt := range opts {
		if err := opt(o); err != nil {
			return nil, err
		}
	}
	if o.log == nil {
		o.log = slog.Default()
	}
	if o.phaseTimeout == 0 {
		o.phaseTimeout = DefaultPhaseTimeout
		// Without an explicit timeout, fit the three phases and the final flush into the
		// caller's deadline.
		if dl, ok := ctx.Deadline(); ok {
			if left := time.Until(dl) / 4; left > 0 && left < o.phaseTimeout {
				o.phaseTimeout = left
			}
		}
	}
	return o, nil
}

// role is this member's place in the run, derived and checked from a Config.
type role struct {
	suite    Suite
	self     int // transport member
	dealers  []Node
	holders  []Node
	reshare  bool
	deals    bool // in dealers
	receives bool // in holders
	oldIndex uint32
	newIndex uint32
	nonce    []byte
	// byMember maps a transport member to its node in each list (absent: not in that list).
	dealerOf map[int]Node
	holderOf map[int]Node
	// memberOfDealer / memberOfHolder map share indices back to transport members.
	memberOfDealer map[uint32]int
	memberOfHolder map[uint32]int
}

func (r *role) isMember(m int) bool {
	_, d := r.dealerOf[m]
	_, h := r.holderOf[m]
	return d || h
}

// checkConfig validates cfg for a session of `members` transport members in which this member
// is `self`, and derives the member's role.
//
//nolint:gocognit // validates every Config field against the session and derives the role; one list of checks
func checkConfig(cfg *Config, self, members int) (*role, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrConfig, fmt.Sprintf(format, args...))
	}
	if cfg.Suite == nil {
		return nil, bad("no suite")
	}
	if cfg.Longterm == nil {
		return nil, bad("no long-term key")
	}
	if n := len(cfg.SessionID); n == 0 || n > MaxSessionIDLen {
		return nil, bad("session ID of %d bytes (want 1..%d)", n, MaxSessionIDLen)
	}
	r := &role{suite: cfg.Suite, self: self, reshare: len(cfg.OldNodes) > 0}
	var err error
	if r.holderOf, r.memberOfHolder, err = checkNodes(cfg.Suite, "new", cfg.NewNodes, members); err != nil {
		return nil, err
	}
	if cfg.Threshold < 1 || cfg.Threshold > len(cfg.NewNodes) {
		return nil, bad("threshold %d for %d new nodes", cfg.Threshold, len(cfg.NewNodes))
	}
	r.holders = cfg.NewNodes
	if !r.reshare {
		if cfg.OldThreshold != 0 || cfg.Share != nil || cfg.PublicCoeffs != nil {
			return nil, bad("old threshold, share or public coefficients given without old nodes")
		}
		r.dealers, r.dealerOf, r.memberOfDealer = r.holders, r.holderOf, r.memberOfHolder
	} else {
		if r.dealerOf, r.memberOfDealer, err = checkNodes(cfg.Suite, "old", cfg.OldNodes, members); err != nil {
			return nil, err
		}
		if cfg.OldThreshold < 1 || cfg.OldThreshold > len(cfg.OldNodes) {
			return nil, bad("old threshold %d for %d old nodes", cfg.OldThreshold, len(cfg.OldNodes))
		}
		r.dealers = cfg.OldNodes
		// A transport member is one party: same long-term key wherever it appears.
		for m, o := range r.dealerOf {
			if n, ok := r.holderOf[m]; ok && !n.Public.Equal(o.Public) {
				return nil, bad("member %d has different public keys in old and new nodes", m)
			}
		}
		for _, o := range cfg.OldNodes {
			for _, n := range cfg.NewNodes {
				if o.Public.Equal(n.Public) && o.Member != n.Member {
					return nil, bad("one public key is members %d (old) and %d (new)", o.Member, n.Member)
				}
			}
		}
	}

	pub := cfg.Suite.Point().Mul(cfg.Longterm, nil)
	if d, ok := r.dealerOf[self]; ok {
		if !d.Public.Equal(pub) {
			return nil, bad("long-term key does not match member %d's public key", self)
		}
		r.deals, r.oldIndex = true, d.Index
	}
	if h, ok := r.holderOf[self]; ok {
		if !h.Public.Equal(pub) {
			return nil, bad("long-term key does not match member %d's public key", self)
		}
		r.receives, r.newIndex = true, h.Index
	}
	if !r.deals && !r.receives {
		return nil, bad("member %d is in neither node list", self)
	}

	if r.reshare {
		coeffs := cfg.PublicCoeffs
		if r.deals {
			if cfg.Share == nil || cfg.Share.Share == nil {
				return nil, bad("an old node needs its current share")
			}
			if uint32(cfg.Share.Share.I) != r.oldIndex {
				return nil, bad("share has index %d, old node has %d", cfg.Share.Share.I, r.oldIndex)
			}
			if coeffs == nil {
				coeffs = cfg.Share.Commits
			}
			if !share.NewPubPoly(cfg.Suite, nil, cfg.Share.Commits).Check(cfg.Share.Share) {
				return nil, bad("share does not match its public coefficients")
			}
		}
		if len(coeffs) != cfg.OldThreshold {
			return nil, bad("%d public coefficients for old threshold %d", len(coeffs), cfg.OldThreshold)
		}
		if cfg.Share != nil && cfg.PublicCoeffs != nil && !samePoints(cfg.Share.Commits, cfg.PublicCoeffs) {
			return nil, bad("share's public coefficients differ from PublicCoeffs")
		}
	}
	r.nonce = sessionNonce(cfg)
	return r, nil
}

func checkNodes(s Suite, list string, nodes []Node, members int) (map[int]Node, map[uint32]int, error) {
	if len(nodes) == 0 || len(nodes) > MaxNodes {
		return nil, nil, fmt.Errorf("%w: %d %s nodes (want 1..%d)", ErrConfig, len(nodes), list, MaxNodes)
	}
	byMember := make(map[int]Node, len(nodes))
	byIndex := make(map[uint32]int, len(nodes))
	null := s.Point().Null()
	for i, n := range nodes {
		switch {
		case n.Public == nil || n.Public.Equal(null):
			return nil, nil, fmt.Errorf("%w: %s node %d has no public key", ErrConfig, list, i)
		case n.Index > MaxIndex:
			return nil, nil, fmt.Errorf("%w: %s node %d has index %d > %d", ErrConfig, list, i, n.Index, MaxIndex)
		case n.Member < 0 || n.Member >= members:
			return nil, nil, fmt.Errorf("%w: %s node %d is member %d of a %d-member session", ErrConfig, list, i, n.Member, members)
		}
		if _, dup := byMember[n.Member]; dup {
			return nil, nil, fmt.Errorf("%w: member %d twice in %s nodes", ErrConfig, n.Member, list)
		}
		if _, dup := byIndex[n.Index]; dup {
			return nil, nil, fmt.Errorf("%w: index %d twice in %s nodes", ErrConfig, n.Index, list)
		}
		for _, o := range nodes[:i] {
			if o.Public.Equal(n.Public) {
				return nil, nil, fmt.Errorf("%w: public key of member %d repeated in %s nodes", ErrConfig, n.Member, list)
			}
		}
		byMember[n.Member] = n
		byIndex[n.Index] = n.Member
	}
	return byMember, byIndex, nil
}

func samePoints(a, b []kyber.Point) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}

// sessionNonce is kyber's 32-byte nonce: a hash of the session ID and everything the members
// must agree on, so that a member with a different view fails loudly instead of mixing runs.
func sessionNonce(cfg *Config) []byte {
	h := sha256.New()
	writeBytes := func(w io.Writer, b []byte) {
		_ = binary.Write(w, binary.BigEndian, uint32(len(b)))
		_, _ = w.Write(b)
	}
	writeBytes(h, []byte("litmesh/dkg/nonce/v1"))
	writeBytes(h, []byte(cfg.Suite.String()))
	writeBytes(h, cfg.SessionID)
	_ = binary.Write(h, binary.BigEndian, uint32(cfg.OldThreshold))
	_ = binary.Write(h, binary.BigEndian, uint32(cfg.Threshold))
	for _, list := range [][]Node{cfg.OldNodes, cfg.NewNodes} {
		_ = binary.Write(h, binary.BigEndian, uint32(len(list)))
		for _, n := range list {
			_ = binary.Write(h, binary.BigEndian, n.Index)
			_ = binary.Write(h, binary.BigEndian, uint32(n.Member))
			pb, _ := n.Public.MarshalBinary()
			writeBytes(h, pb)
		}
	}
	return h.Sum(nil)
}

// kyberConfig translates a checked Config to kyber's. FastSync makes every member answer every
// dealer, so a run with no faults ends as soon as the last response arrives.
func kyberConfig(cfg *Config, r *role, auth sign.Scheme, log kdkg.Logger) *kdkg.Config {
	kc := &kdkg.Config{
		Suite:     cfg.Suite,
		Longterm:  cfg.Longterm,
		NewNodes:  kyberNodes(cfg.NewNodes),
		Threshold: cfg.Threshold,
		FastSync:  true,
		Nonce:     append([]byte(nil), r.nonce...),
		Auth:      auth,
		Log:       log,
	}
	if r.reshare {
		kc.OldNodes = kyberNodes(cfg.OldNodes)
		kc.OldThreshold = cfg.OldThreshold
		kc.PublicCoeffs = cfg.PublicCoeffs
		if cfg.Share != nil {
			kc.Share = &kdkg.DistKeyShare{Commits: cfg.Share.Commits, Share: cfg.Share.Share}
			if kc.PublicCoeffs == nil {
				kc.PublicCoeffs = cfg.Share.Commits
			}
		}
	}
	return kc
}

func kyberNodes(nodes []Node) []kdkg.Node {
	out := make([]kdkg.Node, len(nodes))
	for i, n := range nodes {
		out[i] = kdkg.Node{Index: n.Index, Public: n.Public}
	}
	return out
}
