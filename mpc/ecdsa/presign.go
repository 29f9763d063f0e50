package ecdsa

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/litmesh/litmesh/mpc"
)

// Config describes one presigning session. Every signer passes the same Session, Signers and
// Count; they enter the session digest carried by every message, so a member configured
// differently fails at once.
type Config struct {
	// Session identifies the run. It must never repeat for the same signer set: presignature
	// IDs are derived from it.
	Session [32]byte
	// Signers are the share indices of the signer set in transport member order: member m of
	// the transport holds share index Signers[m]. At least 2t+1 of them.
	Signers []int
	// Count is how many presignatures the session produces (1 … MaxCount). Every round
	// carries all of them, so a batch costs the same three message rounds as one.
	Count int
	// Rand is the randomness source; nil means crypto/rand.
	Rand io.Reader
	// Compute, when set, runs the session's CPU-heavy steps (dealing and commitments, message
	// encoding and decoding, batch verification) — f never blocks on the network — and returns
	// once f has run, or with ctx's error if f could not start before ctx ended. A node uses it
	// to run presigning at a lower priority than its online work (docs/pkp.md). nil runs f
	// inline.
	Compute func(ctx context.Context, f func()) error
}

// Presign runs the presigning protocol (docs/ecdsa.md, "Presigning") as member tr.Self() of
// the signer set and returns cfg.Count presignatures, identical in their public part at every
// honest member. Any check that fails stops the session with a *FaultError naming the member
// at fault (and tells the others with an abort message); an abort from another member comes
// back as an *AbortError.
func Presign(ctx context.Context, tr mpc.Transport, key *KeyShare, cfg Config) ([]*Presignature, error) {
	s, err := newSession(tr, key, cfg)
	if err != nil {
		return nil, err
	}
	out, err := s.run(ctx)
	if err != nil {
		var fe *FaultError
		if errors.As(err, &fe) && fe.Member >= 0 && fe.Member < len(s.signers) {
			fe.Index = s.signers[fe.Member]
		}
		s.abort(ctx, err)
		for b := range s.inst {
			s.inst[b].wipe()
		}
		return nil, err
	}
	return out, nil
}

// The session's states, in order. Each round sends one message to every other member and
// then waits for theirs.
const (
	stateDeal  = 1 // round 1: deal k, a, b; commit to a, b (Pedersen)
	stateOpen  = 2 // round 2: open k's commitments (Feldman); reshare a·x to degree t
	stateProve = 3 // round 3: open w = a·k with a proof of each w_i
	stateDone  = 4
)

type session struct {
	tr      mpc.Transport
	exec    func(ctx context.Context, f func()) error // Config.Compute
	key     *KeyShare
	rnd     io.Reader
	shape   shape
	self    int
	n, t    int
	count   int
	signers []int
	ids     []scalar   // evaluation points of the members
	pows    [][]scalar // pows[m][l] = ids[m]^l, l = 0 … 2t
	lambda  []scalar   // Lagrange coefficients at 0 over all members
	digest  [32]byte   // the session context, in every message and every hash
	inbox   *inbox
	state   int

	inst []instance
	// h1[j], h2[j]: hash of member j's round-1 and round-2 broadcast part as received here
	h1, h2             [][32]byte
	r1Digest, r2Digest [32]byte
	// round-2 data of the other members, checked in round 3
	r2 []*round2Msg
	// stmt[j]: hash of member j's round-2 statement (its commitments), the proof's context
	stmt [][32]byte
}

// instance is the state of one presignature of the batch at this member.
type instance struct {
	// this member's dealing
	fk, fa, fa2 []scalar // degree t
	fb, fb2     []scalar // degree 2t, constant term zero
	fv, fv2     []scalar // the resharing of λ_i·a_i·x_i, degree t

	// this member's shares: sums of what every dealer sent
	k, a, a2, b, b2 scalar
	ax, ax2         scalar

	// summed commitments, affine
	ahat []point // Pedersen, coefficients 0 … t of a (and a')
	bhat []point // Pedersen, coefficients 1 … 2t of b (and b')
	kc   []point // Feldman, coefficients 0 … t of k
	dhat []point // Pedersen, coefficients 0 … t of the degree-t sharing of a·x

	// per dealer, kept until the round that checks them: for blame
	r1 []*round1Msg

	u [32]byte // this member's ρ contribution (secret until a request reveals it)

	w []scalar // w_j of every member
}

func newSession(tr mpc.Transport, key *KeyShare, cfg Config) (*session, error) {
	if key == nil {
		return nil, fmt.Errorf("presign: no key share: %w", ErrInvalid)
	}
	n := len(cfg.Signers)
	t := key.root.Threshold()
	switch {
	case n == 0 || n > MaxSigners:
		return nil, fmt.Errorf("presign: %d signers: %w", n, ErrInvalid)
	case n < 2*t+1:
		return nil, fmt.Errorf("presign: %d signers, the degree-%d root sharing needs at least %d: %w", n, t, 2*t+1, ErrInvalid)
	case tr.Members() != n:
		return nil, fmt.Errorf("presign: transport has %d members, config %d signers: %w", tr.Members(), n, ErrInvalid)
	case cfg.Count < 1 || cfg.Count > MaxCount:
		return nil, fmt.Errorf("presign: count %d not in 1…%d: %w", cfg.Count, MaxCount, ErrInvalid)
	}
	self := tr.Self()
	if self < 0 || self >= n || cfg.Signers[self] != key.index {
		return nil, fmt.Errorf("presign: transport member %d is not share index %d in the signer set: %w", self, key.index, ErrInvalid)
	}
	seen := make(map[int]bool, n)
	for _, idx := range cfg.Signers {
		if idx < 0 || idx > MaxShareIndex || seen[idx] {
			return nil, fmt.Errorf("presign: share index %d repeated or out of range: %w", idx, ErrInvalid)
		}
		seen[idx] = true
	}
	s := &session{
		tr: tr, key: key, rnd: cfg.Rand, self: self, n: n, t: t, count: cfg.Count,
		signers: append([]int(nil), cfg.Signers...), exec: cfg.Compute,
	}
	if s.rnd == nil {
		s.rnd = rand.Reader
	}
	s.ids = make([]scalar, n)
	s.pows = make([][]scalar, n)
	for m, idx := range s.signers {
		s.ids[m] = evalPoint(idx)
		s.pows[m] = powers(s.ids[m], 2*t)
	}
	s.lambda = lagrangeAtZero(s.ids)
	s.digest = sessionDigest(cfg.Session, t, s.signers, cfg.Count, key.root)
	s.shape = shape{session: s.digest, count: cfg.Count, t: t, n: n}
	if s.shape.maxLen() > MaxMessageSize {
		return nil, fmt.Errorf("presign: %d presignatures make %d-byte messages, over %d: %w", cfg.Count, s.shape.maxLen(), MaxMessageSize, ErrInvalid)
	}
	s.inbox = newInbox(tr, s.shape)
	s.h1 = make([][32]byte, n)
	s.h2 = make([][32]byte, n)
	s.stmt = make([][32]byte, n)
	s.r2 = make([]*round2Msg, n)
	s.inst = make([]instance, cfg.Count)
	return s, nil
}

func sessionDigest(session [32]byte, t int, signers []int, count int, root *RootCommitments) [32]byte {
	h := sha256.New()
	h.Write([]byte("litmesh/ecdsa/presign/v1"))
	h.Write(session[:])
	var b [2]byte
	for _, v := range append([]int{t, len(signers), count}, signers...) {
		binary.BigEndian.PutUint16(b[:], uint16(v))
		h.Write(b[:])
	}
	h.Write(root.digest[:])
	return [32]byte(h.Sum(nil))
}

func (s *session) run(ctx context.Context) ([]*Presignature, error) {
	for s.state = stateDeal; s.state != stateDone; {
		var err error
		switch s.state {
		case stateDeal:
			err = s.deal(ctx)
		case stateOpen:
			err = s.open(ctx)
		case stateProve:
			err = s.prove(ctx)
		}
		if err != nil {
			return nil, err
		}
		s.state++
	}
	var out []*Presignature
	err := s.compute(ctx, func() (err error) {
		out, err = s.output()
		return err
	})
	return out, err
}

// abort tells the other members that this member stopped, and whom it blames. Best effort:
// they fail anyway when their context ends.
func (s *session) abort(ctx context.Context, cause error) {
	var ae *AbortError
	if errors.As(cause, &ae) {
		return // the aborting member told everyone already
	}
	a := abortMsg{blamed: -1, reason: reasonOf(cause)}
	var fe *FaultError
	if errors.As(cause, &fe) {
		a.blamed = fe.Member
	}
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	_ = mpc.Broadcast(actx, s.tr, s.shape.encodeAbort(a))
}

// compute runs f, a CPU-heavy step that does not touch the network, through Config.Compute.
func (s *session) compute(ctx context.Context, f func() error) error {
	if s.exec == nil {
		return f()
	}
	var err error
	if e := s.exec(ctx, func() { err = f() }); e != nil {
		return e
	}
	return err
}

func (s *session) fault(member, round int, err error, format string, args ...any) error {
	return &FaultError{Member: member, Round: round, Err: fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), err)}
}

func (s *session) random(n int) ([]scalar, error) {
	out := make([]scalar, n)
	for i := range out {
		v, err := randomScalar(s.rnd)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// deal is round 1 (DJNPØ presigning, first round — every party deals random sharings of k and
// a of degree t and a zero sharing b of degree 2t; docs/ecdsa.md maps every step). Deviation:
// a and b come with Pedersen commitments, so every share received can be checked and a bad
// dealer named.
func (s *session) deal(ctx context.Context) error {
	var own *round1Msg
	out := make([][]byte, s.n)
	if err := s.compute(ctx, func() (err error) {
		own, err = s.dealCompute(out)
		return err
	}); err != nil {
		return err
	}
	for m := range s.n {
		if m == s.self {
			continue
		}
		if err := s.tr.Send(ctx, m, out[m]); err != nil {
			return fmt.Errorf("presign round 1: send to member %d: %w", m, err)
		}
	}

	msgs, err := s.inbox.collect(ctx, kindRound1)
	if err != nil {
		return err
	}
	return s.compute(ctx, func() error {
		r1 := make([]*round1Msg, s.n)
		r1[s.self] = own
		for j := range s.n {
			raw, ok := msgs[j]
			if !ok {
				continue
			}
			m, err := s.shape.decodeRound1(raw)
			if err != nil {
				return s.fault(j, 1, err, "decode")
			}
			s.h1[j] = sha256.Sum256(m.broadcast)
			r1[j] = m
		}
		return s.checkRound1(r1)
	})
}

// dealCompute draws this member's dealing, commits to it and writes the round-1 message for
// every other member into out.
//
//nolint:funlen // one dealing: draw, commit and write each member's message, steps of the protocol in order
func (s *session) dealCompute(out [][]byte) (*round1Msg, error) {
	t := s.t
	ahat := make([][]point, s.count)
	bhat := make([][]point, s.count)
	var as, bs []scalar
	for b := range s.inst {
		in := &s.inst[b]
		var err error
		if in.fk, err = s.random(t + 1); err != nil {
			return nil, err
		}
		if in.fa, err = s.random(t + 1); err != nil {
			return nil, err
		}
		if in.fa2, err = s.random(t + 1); err != nil {
			return nil, err
		}
		if in.fb, err = s.random(2*t + 1); err != nil {
			return nil, err
		}
		if in.fb2, err = s.random(2*t + 1); err != nil {
			return nil, err
		}
		in.fb[0].Zero()
		in.fb2[0].Zero()
		as = append(append(as, in.fa...), in.fb[1:]...)
		bs = append(append(bs, in.fa2...), in.fb2[1:]...)
	}
	cs := ctBatchPedersen(as, bs)
	for b := range s.inst {
		ahat[b], cs = cs[:t+1], cs[t+1:]
		bhat[b], cs = cs[:2*t], cs[2*t:]
	}
	// The ρ contributions (docs/ecdsa.md, "Signer agreement"): committed now, so that they are
	// fixed — and, through the echo of this broadcast in round 2, the same at every member —
	// long before any request; revealed only when a request is.
	commits := make([][32]byte, s.count)
	for b := range s.inst {
		in := &s.inst[b]
		if _, err := io.ReadFull(s.rnd, in.u[:]); err != nil {
			return nil, fmt.Errorf("presign: read randomness: %w", err)
		}
		commits[b] = contributionCommitment(presignatureID(s.digest, b), s.self, &in.u)
	}
	broadcast := make([]byte, 0, s.shape.round1BroadcastLen())
	for b := range s.inst {
		for l := range ahat[b] {
			broadcast = appendPoint(broadcast, &ahat[b][l])
		}
		for l := range bhat[b] {
			broadcast = appendPoint(broadcast, &bhat[b][l])
		}
	}
	for b := range commits {
		broadcast = append(broadcast, commits[b][:]...)
	}
	s.h1[s.self] = sha256.Sum256(broadcast)

	own := &round1Msg{ahat: ahat, bhat: bhat, commits: commits, priv: s.dealTo(s.self)}
	for m := range s.n {
		if m == s.self {
			continue
		}
		msg := make([]byte, 0, s.shape.round1Len())
		msg = s.shape.putHeader(msg, kindRound1, s.count)
		msg = append(msg, broadcast...)
		for _, p := range s.dealTo(m) {
			for _, v := range []*scalar{&p.k, &p.a, &p.a2, &p.b, &p.b2} {
				msg = appendScalar(msg, v)
			}
		}
		out[m] = msg
	}
	return own, nil
}

func (s *session) dealTo(m int) []round1Private {
	out := make([]round1Private, s.count)
	x := &s.ids[m]
	for b := range s.inst {
		in := &s.inst[b]
		out[b] = round1Private{
			k: evalPoly(in.fk, x), a: evalPoly(in.fa, x), a2: evalPoly(in.fa2, x),
			b: evalPoly(in.fb, x), b2: evalPoly(in.fb2, x),
		}
	}
	return out
}

// checkRound1 sums the shares and commitments of every dealer and checks the sums (DJNPØ:
// step 2, local sums; the check is this implementation's — the paper detects bad sharings only
// later, through the openings of R and W).
func (s *session) checkRound1(r1 []*round1Msg) error {
	t := s.t
	var norm []*point
	for b := range s.inst {
		in := &s.inst[b]
		in.r1 = make([]*round1Msg, s.n)
		in.ahat = make([]point, t+1)
		in.bhat = make([]point, 2*t)
		for l := range in.ahat {
			setInfinity(&in.ahat[l])
		}
		for l := range in.bhat {
			setInfinity(&in.bhat[l])
		}
		for j, m := range r1 {
			in.r1[j] = m
			p := &m.priv[b]
			in.k.Add(&p.k)
			in.a.Add(&p.a)
			in.a2.Add(&p.a2)
			in.b.Add(&p.b)
			in.b2.Add(&p.b2)
			for l := range in.ahat {
				in.ahat[l] = add(&in.ahat[l], &m.ahat[b][l])
			}
			for l := range in.bhat {
				in.bhat[l] = add(&in.bhat[l], &m.bhat[b][l])
			}
		}
		for l := range in.ahat {
			norm = append(norm, &in.ahat[l])
		}
		for l := range in.bhat {
			norm = append(norm, &in.bhat[l])
		}
	}
	batchNormalize(norm)

	bt := batch{secret: true}
	p := s.pows[s.self]
	for b := range s.inst {
		in := &s.inst[b]
		bt.add(s.shareClaim(1, "shares of a and a'", &in.a, &in.a2, in.ahat, p, 0, func(j int) (*scalar, *scalar, []point) {
			return &in.r1[j].priv[b].a, &in.r1[j].priv[b].a2, in.r1[j].ahat[b]
		}))
		bt.add(s.shareClaim(1, "shares of b and b'", &in.b, &in.b2, in.bhat, p, 1, func(j int) (*scalar, *scalar, []point) {
			return &in.r1[j].priv[b].b, &in.r1[j].priv[b].b2, in.r1[j].bhat[b]
		}))
	}
	return bt.verify()
}

// shareClaim is the Pedersen check v·G + v'·H = Σ_l x^l·C_l of a summed share against summed
// commitments (coefficients starting at degree first), expanding to one check per dealer.
// With v' nil it is the Feldman check v·G = Σ_l x^l·C_l.
func (s *session) shareClaim(round int, what string, v, v2 *scalar, sum []point, pw []scalar, first int,
	part func(j int) (*scalar, *scalar, []point)) claim {
	mk := func(member int, v, v2 *scalar, cs []point) claim {
		c := claim{member: member, round: round, err: ErrBadShare, what: what}
		c.g.Set(v)
		if v2 != nil {
			c.h.Set(v2)
		}
		for l := range cs {
			var k scalar
			k.NegateVal(&pw[l+first])
			c.term(&cs[l], k)
		}
		return c
	}
	c := mk(-1, v, v2, sum)
	c.expand = func() []claim {
		var parts []claim
		for j := range s.n {
			pv, pv2, cs := part(j)
			if v2 == nil {
				pv2 = nil
			}
			parts = append(parts, mk(j, pv, pv2, cs))
		}
		return parts
	}
	return c
}

// open is round 2 (DJNPØ second round — parties publish R_i = k_i·G; deviation: every dealer opens
// Feldman commitments to its k polynomial instead, which fixes the same R and lets every share
// of k be checked; they were withheld in round 1 so that no dealer could choose its k after
// seeing the others'). Alongside, each member reshares λ_i·a_i·x_i with degree t (deviation:
// the degree reduction that makes the final signature shares degree t and checkable) with a
// proof that it reshared the right value.
func (s *session) open(ctx context.Context) error {
	var own *round2Msg
	out := make([][]byte, s.n)
	if err := s.compute(ctx, func() (err error) {
		own, err = s.openCompute(out)
		return err
	}); err != nil {
		return err
	}
	for m := range s.n {
		if m == s.self {
			continue
		}
		if err := s.tr.Send(ctx, m, out[m]); err != nil {
			return fmt.Errorf("presign round 2: send to member %d: %w", m, err)
		}
	}

	msgs, err := s.inbox.collect(ctx, kindRound2)
	if err != nil {
		return err
	}
	return s.compute(ctx, func() error {
		s.r2[s.self] = own
		echoes := make([][][32]byte, s.n)
		for j := range s.n {
			raw, ok := msgs[j]
			if !ok {
				continue
			}
			m, err := s.shape.decodeRound2(raw)
			if err != nil {
				return s.fault(j, 2, err, "decode")
			}
			echoes[j] = m.echo
			s.h2[j] = sha256.Sum256(m.broadcast)
			s.stmt[j] = sha256.Sum256(m.statement)
			s.r2[j] = m
		}
		if err := s.checkEchoes(2, echoes, s.h1); err != nil {
			return err
		}
		return s.checkRound2()
	})
}

// openCompute opens this member's k dealing, reshares λ·a·x with its proof, and writes the
// round-2 message for every other member into out.
func (s *session) openCompute(out [][]byte) (*round2Msg, error) {
	s.r1Digest = chainDigest("r1", s.digest, s.h1)
	t := s.t
	kc := make([][]point, s.count)
	vhat := make([][]point, s.count)
	x := &s.key.secret
	lam := &s.lambda[s.self]
	var ks, vs, v2s []scalar
	for b := range s.inst {
		in := &s.inst[b]
		var err error
		if in.fv, err = s.random(t + 1); err != nil {
			return nil, err
		}
		if in.fv2, err = s.random(t + 1); err != nil {
			return nil, err
		}
		in.fv[0].Mul2(lam, &in.a).Mul(x)
		ks = append(ks, in.fk...)
		vs = append(vs, in.fv...)
		v2s = append(v2s, in.fv2...)
	}
	kcs := ctBatchPedersen(ks, nil)
	vcs := ctBatchPedersen(vs, v2s)
	for b := range s.inst {
		kc[b], kcs = kcs[:t+1], kcs[t+1:]
		vhat[b], vcs = vcs[:t+1], vcs[t+1:]
	}
	statement := appendRound2Statement(nil, kc, vhat)
	s.stmt[s.self] = sha256.Sum256(statement)
	proof, err := s.provePi1(s.stmt[s.self])
	if err != nil {
		return nil, err
	}
	broadcast := appendPoint(statement, &proof.t1)
	broadcast = appendPoint(broadcast, &proof.t2)
	broadcast = appendScalar(broadcast, &proof.zx)
	broadcast = appendScalar(broadcast, &proof.zu)
	s.h2[s.self] = sha256.Sum256(broadcast)

	own := &round2Msg{k: kc, vhat: vhat, proof: *proof}
	own.v, own.v2 = s.reshareTo(s.self)
	for m := range s.n {
		if m == s.self {
			continue
		}
		msg := make([]byte, 0, s.shape.round2Len())
		msg = s.shape.putHeader(msg, kindRound2, s.count)
		for _, h := range s.h1 {
			msg = append(msg, h[:]...)
		}
		msg = append(msg, broadcast...)
		v, v2 := s.reshareTo(m)
		for b := range v {
			msg = appendScalar(msg, &v[b])
			msg = appendScalar(msg, &v2[b])
		}
		out[m] = msg
	}
	return own, nil
}

func (s *session) reshareTo(m int) (v, v2 []scalar) {
	v = make([]scalar, s.count)
	v2 = make([]scalar, s.count)
	for b := range s.inst {
		v[b] = evalPoly(s.inst[b].fv, &s.ids[m])
		v2[b] = evalPoly(s.inst[b].fv2, &s.ids[m])
	}
	return v, v2
}

// checkEchoes compares every member's view of every round-(round−1) broadcast with this
// member's. A contradiction this member can settle — a member disowning its own broadcast, or
// misreporting this member's — is returned in preference to one it cannot (member j reports a
// different broadcast from member d: d equivocated or j lied).
func (s *session) checkEchoes(round int, echoes [][][32]byte, mine [][32]byte) error {
	var disputed error
	for j, echo := range echoes {
		if echo == nil {
			continue
		}
		for d := range mine {
			if echo[d] == mine[d] {
				continue
			}
			switch d {
			case j:
				return s.fault(j, round, ErrEquivocation, "member %d claims it broadcast something else in round %d than it sent here", j, round-1)
			case s.self:
				// This member knows what it sent, and the transport authenticates the channel.
				return s.fault(j, round, ErrEquivocation, "member %d echoes a round-%d broadcast of this member that it never sent", j, round-1)
			}
			if disputed == nil {
				disputed = &FaultError{Member: d, Round: round, Disputed: true, Accuser: j,
					Err: fmt.Errorf("member %d received a different round-%d broadcast from member %d than this member did: %w", j, round-1, d, ErrEquivocation)}
			}
		}
	}
	return disputed
}

// checkRound2 sums and checks the shares of k against the Feldman commitments, and fixes R.
// The resharing and its proofs are checked in round 3 together with everything else: nothing
// this member sends in round 3 depends on them.
func (s *session) checkRound2() error {
	var norm []*point
	for b := range s.inst {
		in := &s.inst[b]
		in.kc = make([]point, s.t+1)
		in.dhat = make([]point, s.t+1)
		for l := range in.kc {
			setInfinity(&in.kc[l])
			setInfinity(&in.dhat[l])
		}
		for _, m := range s.r2 {
			for l := range in.kc {
				in.kc[l] = add(&in.kc[l], &m.k[b][l])
				in.dhat[l] = add(&in.dhat[l], &m.vhat[b][l])
			}
			in.ax.Add(&m.v[b])
			in.ax2.Add(&m.v2[b])
		}
		for l := range in.kc {
			norm = append(norm, &in.kc[l], &in.dhat[l])
		}
	}
	batchNormalize(norm)
	bt := batch{secret: true}
	p := s.pows[s.self]
	for b := range s.inst {
		in := &s.inst[b]
		k := in.k
		bt.add(s.shareClaim(2, "share of k", &k, nil, in.kc, p, 0, func(j int) (*scalar, *scalar, []point) {
			return &in.r1[j].priv[b].k, nil, s.r2[j].k[b]
		}))
	}
	if err := bt.verify(); err != nil {
		return err
	}
	for b := range s.inst {
		if isInfinity(&s.inst[b].kc[0]) {
			return fmt.Errorf("presign: R of presignature %d: %w", b, ErrDegenerate)
		}
	}
	return nil
}

// prove is round 3 (DJNPØ second and third rounds — open w = a·k from the degree-2t shares w_i = a_i·k_i +
// b_i; deviation: each w_i comes with a proof that it is a_i·k_i + b_i for the committed
// values, which replaces the paper's W = a·R check and names whoever sends a wrong w_i).
func (s *session) prove(ctx context.Context) error {
	var msg []byte
	if err := s.compute(ctx, func() (err error) {
		msg, err = s.proveCompute()
		return err
	}); err != nil {
		return err
	}
	if err := mpc.Broadcast(ctx, s.tr, msg); err != nil {
		return fmt.Errorf("presign round 3: broadcast: %w", err)
	}

	msgs, err := s.inbox.collect(ctx, kindRound3)
	if err != nil {
		return err
	}
	return s.compute(ctx, func() error {
		r3 := make([]*round3Msg, s.n)
		echoes := make([][][32]byte, s.n)
		for j := range s.n {
			raw, ok := msgs[j]
			if !ok {
				continue
			}
			m, err := s.shape.decodeRound3(raw)
			if err != nil {
				return s.fault(j, 3, err, "decode")
			}
			echoes[j] = m.echo
			r3[j] = m
			for b := range s.inst {
				s.inst[b].w[j] = m.entries[b].w
			}
		}
		if err := s.checkEchoes(3, echoes, s.h2); err != nil {
			return err
		}
		return s.checkRound3(r3)
	})
}

// proveCompute computes w_i and its proof for every presignature and encodes round 3.
func (s *session) proveCompute() ([]byte, error) {
	s.r2Digest = chainDigest("r2", s.r1Digest, s.h2)
	entries := make([]round3Entry, s.count)
	nonces := make([][]scalar, s.count)
	var as, bs []scalar
	for b := range s.inst {
		in := &s.inst[b]
		entries[b].w.Mul2(&in.a, &in.k).Add(&in.b)
		r, err := s.random(3)
		if err != nil {
			return nil, err
		}
		nonces[b] = r
		// T1 = r0·G + r1·H, T2 = (r0·k_i)·G − r2·H
		var rk, nr2 scalar
		rk.Mul2(&r[0], &in.k)
		nr2.NegateVal(&r[2])
		as = append(as, r[0], rk)
		bs = append(bs, r[1], nr2)
	}
	ts := ctBatchPedersen(as, bs)
	for b := range s.inst {
		entries[b].proof.t1, entries[b].proof.t2 = ts[2*b], ts[2*b+1]
		s.pi2Respond(b, &entries[b].w, &entries[b].proof, nonces[b])
		s.inst[b].w = make([]scalar, s.n)
		s.inst[b].w[s.self] = entries[b].w
	}
	return s.shape.encodeRound3(s.h2, entries), nil
}

// checkRound3 checks, in one batch, every resharing proof, this member's resharing shares and
// every proof of w_j.
func (s *session) checkRound3(r3 []*round3Msg) error {
	bt := batch{secret: true}
	p := s.pows[s.self]
	for j := range s.n {
		if j == s.self {
			continue
		}
		s.pi1Claims(&bt, j)
	}
	for b := range s.inst {
		in := &s.inst[b]
		bt.add(s.shareClaim(3, "resharing shares of a·x", &in.ax, &in.ax2, in.dhat, p, 0, func(j int) (*scalar, *scalar, []point) {
			return &s.r2[j].v[b], &s.r2[j].v2[b], s.r2[j].vhat[b]
		}))
		for j := range s.n {
			if j != s.self {
				s.pi2Claims(&bt, b, j, &r3[j].entries[b])
			}
		}
	}
	return bt.verify()
}

// output interpolates w and builds the presignatures.
func (s *session) output() ([]*Presignature, error) {
	out := make([]*Presignature, s.count)
	rootKey := s.key.root.PublicKey()
	for b := range s.inst {
		in := &s.inst[b]
		var w scalar
		for j := range s.n {
			var t scalar
			w.Add(t.Mul2(&s.lambda[j], &in.w[j]))
		}
		if w.IsZero() {
			return nil, fmt.Errorf("presign: w of presignature %d: %w", b, ErrDegenerate)
		}
		commits := make([][32]byte, s.n)
		for j := range s.n {
			commits[j] = in.r1[j].commits[b]
		}
		pub := &PublicPresignature{
			id:      presignatureID(s.digest, b),
			t:       s.t,
			signers: append([]int(nil), s.signers...),
			root:    rootKey,
			r:       in.kc[0],
			w:       w,
			ahat:    in.ahat,
			dhat:    in.dhat,
			commits: commits,
		}
		if err := pub.seal(); err != nil {
			return nil, fmt.Errorf("presign: presignature %d: %w", b, err)
		}
		out[b] = &Presignature{
			pub: pub, member: s.self, index: s.signers[s.self],
			a: in.a, a2: in.a2, ax: in.ax, ax2: in.ax2, u: in.u,
		}
		in.wipe() // drop the dealing and every share but the four kept above
	}
	return out, nil
}

// wipe zeroes the secret scalars of an instance before dropping it (best effort: Go may have
// copied them elsewhere).
func (in *instance) wipe() {
	for _, poly := range [][]scalar{in.fk, in.fa, in.fa2, in.fb, in.fb2, in.fv, in.fv2} {
		for i := range poly {
			poly[i].Zero()
		}
	}
	for _, v := range []*scalar{&in.k, &in.a, &in.a2, &in.b, &in.b2, &in.ax, &in.ax2} {
		v.Zero()
	}
	*in = instance{}
}

func presignatureID(digest [32]byte, b int) ID {
	h := sha256.New()
	h.Write([]byte("litmesh/ecdsa/presig-id/v1"))
	h.Write(digest[:])
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(b))
	h.Write(n[:])
	return ID(h.Sum(nil))
}

func chainDigest(label string, prev [32]byte, hashes [][32]byte) [32]byte {
	h := sha256.New()
	h.Write([]byte("litmesh/ecdsa/" + label))
	h.Write(prev[:])
	for _, x := range hashes {
		h.Write(x[:])
	}
	return [32]byte(h.Sum(nil))
}
