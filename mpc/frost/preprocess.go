package frost

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/litmesh/litmesh/mpc"
)

// PreprocessConfig describes one preprocessing session. Every member passes the same Session,
// Signers and Count; they enter the session digest carried by every message, so a member
// configured differently fails at once.
type PreprocessConfig struct {
	// Session identifies the run. It must never repeat for the same signer set: slot IDs are
	// derived from it (a repeat makes Pool.Put refuse the batch, never reuse a nonce: fresh
	// randomness is drawn every session).
	Session [32]byte
	// Signers are the share indices of the signer set in transport member order: member m of
	// the transport holds share index Signers[m].
	Signers []int
	// Count is how many slots the session produces (1 … MaxCount). Both rounds carry all of
	// them, so a batch costs the same two message rounds as one.
	Count int
	// Rand is the randomness source; nil means crypto/rand.
	Rand io.Reader
	// Compute, when set, runs the session's CPU-heavy steps (drawing the nonces and their
	// commitments, decoding and group-checking the other members' commitments) and returns
	// when they have run, or an error if it could not run them, which stops the session. The
	// node runs them on low-priority threads so that preprocessing never delays online
	// signing (ecdsa.Config.Compute). Nil runs them inline.
	Compute func(ctx context.Context, f func()) error
}

// Preprocess runs RFC 9591's round one ahead of time, for Count signatures at once, as member
// tr.Self() of the signer set (docs/schemes.md, "Preprocessing"):
//
//  1. commit: every member draws Count pairs of nonces (nonce_generate, hedged with its key
//     share) and sends the commitments to every other member;
//  2. echo: every member sends every other member a hash of each member's commitment list as
//     it received it, and checks that all echoes match its own view.
//
// Every honest member that returns holds the same slots (Batch.Digest) and its own nonces for
// them. Any check that fails stops the session with a *FaultError naming the member at fault
// (and tells the others with an abort message); an abort from another member comes back as an
// *AbortError. The batch is not pooled here: the node layer first agrees on its digest.
func Preprocess(ctx context.Context, tr mpc.Transport, key *KeyShare, cfg PreprocessConfig) (*Batch, error) {
	s, err := newPreprocess(tr, key, cfg)
	if err != nil {
		return nil, err
	}
	b, err := s.run(ctx)
	if err != nil {
		var fe *FaultError
		if errors.As(err, &fe) && fe.Member >= 0 && fe.Member < s.n {
			fe.Index = s.signers[fe.Member]
		}
		s.abort(ctx, err)
		for _, n := range s.own {
			n[0].wipe()
			n[1].wipe()
		}
		return nil, err
	}
	return b, nil
}

type preprocess struct {
	tr      mpc.Transport
	key     *KeyShare
	p       *params
	rnd     io.Reader
	self, n int
	count   int
	signers []int
	shape   shape
	inbox   *inbox
	exec    func(ctx context.Context, f func()) error // PreprocessConfig.Compute

	own     [][2]scalar    // this member's nonces per slot
	commits [][][2]element // commits[m][k]: member m's pair for slot k
	hashes  [][32]byte     // hash of member m's round-1 commitments as received here
}

func newPreprocess(tr mpc.Transport, key *KeyShare, cfg PreprocessConfig) (*preprocess, error) {
	if key == nil {
		return nil, fmt.Errorf("preprocess: no key share: %w", ErrInvalid)
	}
	n := len(cfg.Signers)
	switch {
	case n == 0 || n > MaxSigners:
		return nil, fmt.Errorf("preprocess: %d signers: %w", n, ErrInvalid)
	case n < key.root.MinSigners():
		return nil, fmt.Errorf("preprocess: %d signers, the key needs %d: %w", n, key.root.MinSigners(), ErrInvalid)
	case tr.Members() != n:
		return nil, fmt.Errorf("preprocess: transport has %d members, config %d signers: %w", tr.Members(), n, ErrInvalid)
	case cfg.Count < 1 || cfg.Count > MaxCount:
		return nil, fmt.Errorf("preprocess: count %d not in 1…%d: %w", cfg.Count, MaxCount, ErrInvalid)
	}
	self := tr.Self()
	if self < 0 || self >= n || cfg.Signers[self] != key.index {
		return nil, fmt.Errorf("preprocess: transport member %d is not share index %d in the signer set: %w", self, key.index, ErrInvalid)
	}
	seen := make(map[int]bool, n)
	for _, idx := range cfg.Signers {
		if idx < 0 || idx > MaxShareIndex || seen[idx] {
			return nil, fmt.Errorf("preprocess: share index %d repeated or out of range: %w", idx, ErrInvalid)
		}
		seen[idx] = true
	}
	p := key.root.suite.params()
	s := &preprocess{
		tr: tr, key: key, p: p, rnd: cfg.Rand, self: self, n: n, count: cfg.Count,
		signers: slices.Clone(cfg.Signers), exec: cfg.Compute,
	}
	if s.rnd == nil {
		s.rnd = rand.Reader
	}
	h := sha256.New()
	h.Write([]byte("litmesh/frost/preprocess/v1"))
	h.Write([]byte{byte(p.suite)})
	h.Write(cfg.Session[:])
	h.Write(key.root.digest[:])
	h.Write(putU16(nil, n))
	for _, idx := range s.signers {
		h.Write(putU16(nil, idx))
	}
	h.Write(putU16(nil, cfg.Count))
	s.shape = shape{session: [32]byte(h.Sum(nil)), count: cfg.Count, n: n, elemLen: p.g.elementLen()}
	if s.shape.commitLen() > MaxMessageSize || s.shape.echoLen() > MaxMessageSize {
		return nil, fmt.Errorf("preprocess: %d slots make messages over %d bytes: %w", cfg.Count, MaxMessageSize, ErrInvalid)
	}
	s.inbox = newInbox(tr, s.shape)
	s.commits = make([][][2]element, n)
	s.hashes = make([][32]byte, n)
	return s, nil
}

// nonceGenerate is RFC 9591's nonce_generate: H3(random_bytes(32) ‖ SerializeScalar(secret)),
// hedging a weak random source with the key share.
func nonceGenerate(p *params, rnd io.Reader, secret scalar) (scalar, error) {
	var r [32]byte
	defer clear(r[:])
	if _, err := io.ReadFull(rnd, r[:]); err != nil {
		return nil, fmt.Errorf("nonce randomness: %w", err)
	}
	return nonceFromRandomness(p, r[:], secret), nil
}

func nonceFromRandomness(p *params, random []byte, secret scalar) scalar {
	enc := secret.encode()
	defer clear(enc)
	return p.h3(random, enc)
}

func commitHash(m int, body []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte("litmesh/frost/commitments/v1"))
	h.Write(putU16(nil, m))
	h.Write(body)
	return [32]byte(h.Sum(nil))
}

// compute runs f, a CPU-heavy step that does not touch the network, through
// PreprocessConfig.Compute.
func (s *preprocess) compute(ctx context.Context, f func() error) error {
	if s.exec == nil {
		return f()
	}
	var err error
	if e := s.exec(ctx, func() { err = f() }); e != nil {
		return e
	}
	return err
}

// commit draws this member's nonces and writes the round-1 message with their commitments.
func (s *preprocess) commit() ([]byte, error) {
	s.own = make([][2]scalar, s.count)
	mine := make([][2]element, s.count)
	msg := s.shape.putHeader(make([]byte, 0, s.shape.commitLen()), kindCommit, s.count)
	for k := range s.own {
		for j := range 2 {
			for {
				d, err := nonceGenerate(s.p, s.rnd, s.key.secret)
				if err != nil {
					return nil, err
				}
				c := s.p.g.baseMul(d)
				if d.isZero() || c.isIdentity() {
					continue // probability 2^-252: never, but a zero nonce must not be used
				}
				s.own[k][j], mine[k][j] = d, c
				break
			}
			msg = append(msg, mine[k][j].encode()...)
		}
	}
	s.commits[s.self] = mine
	s.hashes[s.self] = commitHash(s.self, msg[headerLen:])
	return msg, nil
}

func (s *preprocess) run(ctx context.Context) (*Batch, error) {
	// Round 1: commit.
	var msg []byte
	if err := s.compute(ctx, func() (err error) {
		msg, err = s.commit()
		return err
	}); err != nil {
		return nil, err
	}
	if err := mpc.Broadcast(ctx, s.tr, msg); err != nil {
		return nil, fmt.Errorf("preprocess round 1: send: %w", err)
	}
	got, err := s.inbox.collect(ctx, kindCommit)
	if err != nil {
		return nil, err
	}
	if err := s.compute(ctx, func() error {
		for m, b := range got {
			c, err := s.shape.decodeCommit(s.p.g, b)
			if err != nil {
				return &FaultError{Member: m, Round: 1, Err: err}
			}
			s.commits[m] = c
			s.hashes[m] = commitHash(m, b[headerLen:])
		}
		return nil
	}); err != nil {
		return nil, err
	}

	// Round 2: echo what everyone sent, compare with what everyone else saw.
	echo := s.shape.putHeader(make([]byte, 0, s.shape.echoLen()), kindEcho, s.count)
	for _, h := range s.hashes {
		echo = append(echo, h[:]...)
	}
	if err := mpc.Broadcast(ctx, s.tr, echo); err != nil {
		return nil, fmt.Errorf("preprocess round 2: send: %w", err)
	}
	got, err = s.inbox.collect(ctx, kindEcho)
	if err != nil {
		return nil, err
	}
	var disputed *FaultError
	for _, m := range slices.Sorted(maps.Keys(got)) {
		views, err := s.shape.decodeEcho(got[m])
		if err != nil {
			return nil, &FaultError{Member: m, Round: 2, Err: err}
		}
		for j, h := range views {
			if h == s.hashes[j] {
				continue
			}
			switch j {
			case m:
				// m's own list as m reports it differs from what m sent here.
				return nil, &FaultError{Member: m, Round: 2, Err: fmt.Errorf("sent different commitments to different members: %w", ErrEquivocation)}
			case s.self:
				// This member sent every member the same bytes over authenticated links.
				return nil, &FaultError{Member: m, Round: 2, Err: fmt.Errorf("misreported this member's commitments: %w", ErrEquivocation)}
			default:
				if disputed == nil {
					disputed = &FaultError{Member: j, Round: 2, Disputed: true, Accuser: m, Err: fmt.Errorf("reported a different commitment list: %w", ErrEquivocation)}
				}
			}
		}
	}
	if disputed != nil {
		return nil, disputed
	}
	return s.output(), nil
}

func (s *preprocess) output() *Batch {
	h := sha256.New()
	h.Write([]byte("litmesh/frost/batch/v1"))
	h.Write(s.shape.session[:])
	for _, x := range s.hashes {
		h.Write(x[:])
	}
	b := &Batch{suite: s.p.suite, digest: [32]byte(h.Sum(nil)), signers: s.signers}
	for k := range s.count {
		slot := &Slot{suite: s.p.suite, id: slotID(b.digest, k), batch: b.digest, commits: make([]commitment, s.n)}
		for m := range s.n {
			slot.commits[m] = commitment{index: s.signers[m], hiding: s.commits[m][k][0], binding: s.commits[m][k][1]}
		}
		b.slots = append(b.slots, slot)
		b.nonces = append(b.nonces, &Nonce{slot: slot, index: s.key.index, d: s.own[k][0], e: s.own[k][1]})
	}
	return b
}

// abort tells the other members that this member stopped, best effort and briefly.
func (s *preprocess) abort(ctx context.Context, cause error) {
	blamed := -1
	var fe *FaultError
	if errors.As(cause, &fe) && !fe.Disputed {
		blamed = fe.Member
	}
	var ae *AbortError
	if errors.As(cause, &ae) {
		return // the session is already known to be over
	}
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	_ = mpc.Broadcast(actx, s.tr, s.shape.encodeAbort(blamed, reasonOf(cause)))
}
