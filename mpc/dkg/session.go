package dkg

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	kdkg "github.com/drand/kyber/share/dkg"
	"github.com/drand/kyber/sign"

	"github.com/litmesh/litmesh/mpc"
)

// session is one member's side of a run. It is kyber's Board (bundles in and out) and, through
// its pump, kyber's Phaser.
//
// Goroutines, all owned and awaited by Run: one receive loop (transport → validate → dedup →
// relay → inbox), one pump (inbox → kyber's channels, phase timing), one sender per destination
// (so a dead member cannot delay the others), and kyber's protocol goroutine, which only ever
// blocks on the pump's channels and always ends with a result once the phases have been ticked.
type session struct {
	r    *role
	cfg  *Config
	tr   mpc.Transport
	auth sign.Scheme
	opts *options
	log  *slog.Logger

	// Channels kyber's protocol reads. Unbuffered on purpose: when the pump's send completes,
	// kyber has the bundle and has finished reacting to it before it reads a phase tick, so a
	// tick can never overtake a bundle the pump already counted.
	dealCh  chan kdkg.DealBundle
	respCh  chan kdkg.ResponseBundle
	justCh  chan kdkg.JustificationBundle
	phaseCh chan kdkg.Phase

	in   inbox
	outs map[int]*outbox

	mu        sync.Mutex
	versions  map[versionKey][][32]byte // distinct bundles seen per (kind, author index)
	accepted  map[acceptedKey]bool      // kind and hash of every bundle handed to the pump
	faults    []*Fault
	faultSeen map[faultKey]bool
	recvErr   error
}

type versionKey struct {
	kind  byte
	index uint32
}

type faultKey struct {
	member int
	err    error
}

func newSession(cfg *Config, r *role, tr mpc.Transport, auth sign.Scheme, o *options) *session {
	s := &session{
		r: r, cfg: cfg, tr: tr, auth: auth, opts: o,
		log:       o.log.With("dkg_session", fmt.Sprintf("%x", r.nonce[:6]), "member", r.self),
		dealCh:    make(chan kdkg.DealBundle),
		respCh:    make(chan kdkg.ResponseBundle),
		justCh:    make(chan kdkg.JustificationBundle),
		phaseCh:   make(chan kdkg.Phase, 4), // at most one tick per phase, never blocks
		in:        inbox{wake: make(chan struct{}, 1)},
		outs:      make(map[int]*outbox),
		versions:  make(map[versionKey][][32]byte),
		accepted:  make(map[acceptedKey]bool),
		faultSeen: make(map[faultKey]bool),
	}
	// Everything goes to the new nodes: they process deals and responses, and only they (and
	// staying dealers, who are new nodes too) act on them.
	for m := range r.holderOf {
		if m != r.self {
			s.outs[m] = &outbox{to: m, wake: make(chan struct{}, 1)}
		}
	}
	return s
}

func (s *session) fault(member int, err error) {
	if member == s.r.self {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := faultKey{member, errors.Unwrap(err)}
	if k.err == nil {
		k.err = err
	}
	if s.faultSeen[k] {
		return
	}
	s.faultSeen[k] = true
	s.faults = append(s.faults, &Fault{Member: member, Err: err})
	s.log.Debug("dkg member fault", "peer_member", member, "err", err)
}

func (s *session) faultList() []*Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Fault(nil), s.faults...)
}

// --- kyber Board ---

func (s *session) PushDeals(b *kdkg.DealBundle) { s.push(encodeDeal(s.r.suite, b)) }
func (s *session) PushResponses(b *kdkg.ResponseBundle) {
	s.push(encodeResponse(s.r.suite, b))
}
func (s *session) PushJustifications(b *kdkg.JustificationBundle) {
	s.push(encodeJustification(s.r.suite, b))
}
func (s *session) IncomingDeal() <-chan kdkg.DealBundle                   { return s.dealCh }
func (s *session) IncomingResponse() <-chan kdkg.ResponseBundle           { return s.respCh }
func (s *session) IncomingJustification() <-chan kdkg.JustificationBundle { return s.justCh }

// push sends one of our own bundles to every new node and loops it back to ourselves: kyber
// counts its own bundle among the ones it expects. Called on kyber's goroutine; never blocks.
func (s *session) push(msg []byte, err error) {
	if err != nil {
		s.log.Error("dkg: cannot encode own bundle", "err", err)
		return
	}
	for _, o := range s.outs {
		o.push(msg)
	}
	s.accept(s.r.self, msg, true)
}

// --- inbound ---

func (s *session) receive(ctx context.Context) {
	for {
		m, err := s.tr.Receive(ctx)
		if err != nil {
			if ctx.Err() == nil {
				s.mu.Lock()
				s.recvErr = err
				s.mu.Unlock()
				s.log.Debug("dkg receive stopped", "err", err)
			}
			return
		}
		s.accept(m.From, m.Payload, false)
	}
}

// accept validates one message and hands it to the pump. local marks our own bundles.
func (s *session) accept(from int, msg []byte, local bool) {
	if !local && !s.r.isMember(from) {
		s.fault(from, ErrUnknownMember)
		return
	}
	// Every bundle reaches each member once from its author and up to n−2 times relayed, and
	// decoding checks every point of it (a BLS deal bundle of n members holds about 5n/3
	// points): decoding each copy costs every member O(n³) point checks per phase — at n = 32 on
	// two cores the deal phase never ended in time. A relayed copy of a bundle already accepted
	// (the hash leaves out the header, whose relay flag differs) carries nothing new: drop it
	// before decoding. Copies of a different version still go through every check.
	if !local && len(msg) > headerLen && msg[2]&flagRelay != 0 && s.wasAccepted(acceptedKey{msg[1], sha256.Sum256(msg[headerLen:])}) {
		return
	}
	p, err := decode(s.r.suite, msg)
	if err != nil {
		s.fault(from, err)
		return
	}
	var (
		author int
		node   Node
		ok     bool
	)
	if p.kind == kindResponse {
		author, ok = s.r.memberOfHolder[p.author()]
		node = s.r.holderOf[author]
	} else {
		author, ok = s.r.memberOfDealer[p.author()]
		node = s.r.dealerOf[author]
	}
	if !ok {
		s.fault(from, fmt.Errorf("%w: index %d has no such role", ErrWrongSender, p.author()))
		return
	}
	if !local {
		if author == s.r.self {
			return // our own bundle relayed back to us
		}
		if !p.relay && author != from {
			s.fault(from, fmt.Errorf("%w: index %d belongs to member %d", ErrWrongSender, p.author(), author))
			return
		}
	}
	key := versionKey{p.kind, p.author()}
	h := sha256.Sum256(msg[headerLen:]) // the relay flag is not part of the bundle's identity
	if !s.newVersion(key, h, false) {
		return
	}
	if !local {
		if err := s.auth.Verify(node.Public, p.kyberPacket().Hash(), p.kyberPacket().Sig()); err != nil {
			s.fault(from, fmt.Errorf("%w (author member %d)", ErrBadSignature, author))
			return
		}
		if !bytes.Equal(sessionIDOf(p), s.r.nonce) {
			s.fault(author, ErrSessionMismatch)
			return
		}
	}
	if !s.newVersion(key, h, true) {
		return
	}
	s.mu.Lock()
	s.accepted[acceptedKey{p.kind, h}] = true
	s.mu.Unlock()
	if !local && s.opts.relay {
		relayed := asRelay(msg)
		for m, o := range s.outs {
			if m != from && m != author {
				o.push(relayed)
			}
		}
	}
	s.in.push(p)
}

// acceptedKey identifies a bundle by its kind and the hash of everything after the header.
type acceptedKey struct {
	kind byte
	h    [32]byte
}

// wasAccepted reports whether the bundle k was already handed to the pump.
func (s *session) wasAccepted(k acceptedKey) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted[k]
}

// newVersion reports whether h is a bundle not seen before for key, and records it when
// record is set. Two distinct signed versions are an equivocation, which kyber punishes once it
// holds both; more than two are dropped.
func (s *session) newVersion(key versionKey, h [32]byte, record bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	vs := s.versions[key]
	for _, v := range vs {
		if v == h {
			return false
		}
	}
	if len(vs) >= 2 {
		return false
	}
	if record {
		s.versions[key] = append(vs, h)
		if len(vs) == 1 {
			m := s.r.memberOfDealer[key.index]
			if key.kind == kindResponse {
				m = s.r.memberOfHolder[key.index]
			}
			if m != s.r.self && !s.faultSeen[faultKey{m, ErrEquivocation}] {
				s.faultSeen[faultKey{m, ErrEquivocation}] = true
				s.faults = append(s.faults, &Fault{Member: m, Err: ErrEquivocation})
			}
		}
	}
	return true
}

func sessionIDOf(p *packet) []byte {
	switch p.kind {
	case kindDeal:
		return p.deal.SessionID
	case kindResponse:
		return p.resp.SessionID
	default:
		return p.just.SessionID
	}
}

// --- pump: feeding kyber and timing its phases ---

type phase int

const (
	phaseDeal phase = iota
	phaseResponse
	phaseJustification
	phaseDone
)

// pumpState is owned by the pump goroutine alone.
type pumpState struct {
	phase  phase
	ticked map[kdkg.Phase]bool
	timer  *time.Timer

	dealQ []kdkg.DealBundle
	respQ []kdkg.ResponseBundle
	justQ []kdkg.JustificationBundle

	// Versions of each author's bundle handed to kyber: kyber drops an author with two.
	deals     map[uint32]int
	resps     map[uint32]int
	firstResp map[uint32]kdkg.ResponseBundle
	justs     map[uint32]int
	// mustJustify is the set of dealers expected to answer complaints.
	mustJustify map[uint32]bool
}

func (s *session) tick(ps *pumpState, p kdkg.Phase) {
	if ps.ticked[p] {
		return
	}
	ps.ticked[p] = true
	s.phaseCh <- p
}

// pump runs until stop closes. When ctx ends first it ticks every remaining phase at once so
// that kyber finishes (with whatever it has) and Run can report the cancellation.
//
//nolint:gocognit // the phase ticker's select loop; every case touches the same phase state
func (s *session) pump(ctx context.Context, stop <-chan struct{}) {
	ps := &pumpState{
		ticked: make(map[kdkg.Phase]bool), timer: time.NewTimer(s.opts.phaseTimeout),
		deals: make(map[uint32]int), resps: make(map[uint32]int), justs: make(map[uint32]int),
		firstResp: make(map[uint32]kdkg.ResponseBundle),
	}
	defer ps.timer.Stop()
	s.tick(ps, kdkg.DealPhase)
	for {
		var (
			dealOut chan kdkg.DealBundle
			respOut chan kdkg.ResponseBundle
			justOut chan kdkg.JustificationBundle
			d       kdkg.DealBundle
			r       kdkg.ResponseBundle
			j       kdkg.JustificationBundle
		)
		if len(ps.dealQ) > 0 {
			dealOut, d = s.dealCh, ps.dealQ[0]
		}
		if len(ps.respQ) > 0 {
			respOut, r = s.respCh, ps.respQ[0]
		}
		if len(ps.justQ) > 0 {
			justOut, j = s.justCh, ps.justQ[0]
		}
		select {
		case <-stop:
			return
		case <-ctx.Done():
			s.noteMissing(ps) // the error then says whom the run was waiting for
			for _, p := range []kdkg.Phase{kdkg.ResponsePhase, kdkg.JustifPhase, kdkg.FinishPhase} {
				s.tick(ps, p)
			}
			return
		case <-s.in.wake:
			for _, p := range s.in.drain() {
				s.enqueue(ps, p)
			}
		case dealOut <- d:
			ps.dealQ = ps.dealQ[1:]
			ps.deals[d.DealerIndex]++
			if ps.phase == phaseDeal && single(ps.deals) == len(s.r.dealers) {
				s.endDeals(ps, false) // kyber moves on by itself
			}
		case respOut <- r:
			ps.respQ = ps.respQ[1:]
			if ps.resps[r.ShareIndex]++; ps.resps[r.ShareIndex] == 1 {
				ps.firstResp[r.ShareIndex] = r
			}
			if ps.phase == phaseResponse && single(ps.resps) == len(s.r.holders) {
				s.endResponses(ps, false) // kyber moves on by itself
			}
		case justOut <- j:
			ps.justQ = ps.justQ[1:]
			ps.justs[j.DealerIndex]++
			if ps.phase == phaseJustification && s.justified(ps) {
				s.endJustifications(ps)
			}
		case <-ps.timer.C:
			switch ps.phase {
			case phaseDeal:
				s.endDeals(ps, true)
			case phaseResponse:
				s.endResponses(ps, true)
			case phaseJustification:
				s.endJustifications(ps)
			}
		}
	}
}

// enqueue queues a bundle for kyber unless its phase is over (kyber would ignore it anyway, and
// not handing it keeps the pump's counts equal to kyber's).
func (s *session) enqueue(ps *pumpState, p *packet) {
	switch p.kind {
	case kindDeal:
		if ps.phase == phaseDeal {
			ps.dealQ = append(ps.dealQ, *p.deal)
		}
	case kindResponse:
		if ps.phase <= phaseResponse {
			ps.respQ = append(ps.respQ, *p.resp)
		}
	case kindJustification:
		if ps.phase <= phaseJustification {
			ps.justQ = append(ps.justQ, *p.just)
		}
	}
}

// single counts authors with exactly one version, which is how kyber counts its bundles.
func single(m map[uint32]int) int {
	n := 0
	for _, v := range m {
		if v == 1 {
			n++
		}
	}
	return n
}

func (s *session) restartTimer(ps *pumpState) {
	if !ps.timer.Stop() {
		select {
		case <-ps.timer.C:
		default:
		}
	}
	ps.timer.Reset(s.opts.phaseTimeout)
}

// noteMissing records a fault for every member whose bundle the current phase still lacks.
func (s *session) noteMissing(ps *pumpState) {
	switch ps.phase {
	case phaseDeal:
		for _, n := range s.r.dealers {
			if ps.deals[n.Index] == 0 {
				s.fault(n.Member, ErrNoDeal)
			}
		}
	case phaseResponse:
		for _, n := range s.r.holders {
			if ps.resps[n.Index] == 0 {
				s.fault(n.Member, ErrNoResponse)
			}
		}
	case phaseJustification:
		for d := range ps.mustJustify {
			if ps.justs[d] == 0 {
				s.fault(s.r.memberOfDealer[d], ErrUnjustified)
			}
		}
	}
}

func (s *session) endDeals(ps *pumpState, timedOut bool) {
	if timedOut {
		s.tick(ps, kdkg.ResponsePhase)
	}
	s.noteMissing(ps)
	ps.phase, ps.dealQ = phaseResponse, nil
	s.restartTimer(ps)
	s.log.Debug("dkg deal phase over", "timed_out", timedOut, "deals", single(ps.deals))
}

func (s *session) endResponses(ps *pumpState, timedOut bool) {
	if timedOut {
		s.tick(ps, kdkg.JustifPhase)
	}
	s.noteMissing(ps)
	ps.phase, ps.respQ = phaseJustification, nil
	ps.mustJustify = s.expectedJustifiers(ps)
	s.restartTimer(ps)
	s.log.Debug("dkg response phase over", "timed_out", timedOut, "responses", single(ps.resps),
		"justifiers", len(ps.mustJustify))
	if s.justified(ps) {
		s.endJustifications(ps)
	}
}

func (s *session) endJustifications(ps *pumpState) {
	s.tick(ps, kdkg.JustifPhase) // no-op unless kyber is still waiting for it
	s.tick(ps, kdkg.FinishPhase)
	s.noteMissing(ps)
	ps.phase, ps.justQ = phaseDone, nil
	ps.timer.Stop()
}

func (s *session) justified(ps *pumpState) bool {
	for d := range ps.mustJustify {
		if ps.justs[d] == 0 {
			return false
		}
	}
	return true
}

// expectedJustifiers replays kyber's FastSync status matrix from the responses handed to it:
// every (dealer, holder) starts as a complaint, a node's own deal to itself is fine, and each
// holder's response sets its column. A dealer with some complaints but fewer than the threshold
// is not evicted and will justify — if it can: a leaving dealer only deals.
func (s *session) expectedJustifiers(ps *pumpState) map[uint32]bool {
	out := make(map[uint32]bool)
	for _, d := range s.r.dealers {
		if _, stays := s.r.holderOf[d.Member]; !stays {
			continue
		}
		complaints := 0
		for _, h := range s.r.holders {
			ok := h.Member == d.Member
			if resp, answered := ps.firstResp[h.Index]; answered && ps.resps[h.Index] == 1 {
				for _, rr := range resp.Responses {
					if rr.DealerIndex == d.Index {
						ok = rr.Status
					}
				}
			}
			if !ok {
				complaints++
			}
		}
		if complaints > 0 && complaints < s.cfg.Threshold {
			out[d.Index] = true
		}
	}
	return out
}

// --- hand-offs between goroutines ---

// inbox is the hand-off from the receive loop (and kyber's loopback) to the pump. Unbounded
// but bounded in practice: accept admits at most two bundles per (kind, author).
type inbox struct {
	mu    sync.Mutex
	items []*packet
	wake  chan struct{}
}

func (in *inbox) push(p *packet) {
	in.mu.Lock()
	in.items = append(in.items, p)
	in.mu.Unlock()
	select {
	case in.wake <- struct{}{}:
	default:
	}
}

func (in *inbox) drain() []*packet {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := in.items
	in.items = nil
	return out
}

// outbox sends to one member in order, on its own goroutine.
type outbox struct {
	to     int
	mu     sync.Mutex
	queue  [][]byte
	closed bool
	sent   int
	wake   chan struct{}
}

func (o *outbox) push(msg []byte) {
	o.mu.Lock()
	if !o.closed {
		o.queue = append(o.queue, msg)
	}
	o.mu.Unlock()
	o.signal()
}

// close lets run return once the queue is empty.
func (o *outbox) close() {
	o.mu.Lock()
	o.closed = true
	o.mu.Unlock()
	o.signal()
}

func (o *outbox) signal() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

func (o *outbox) delivered() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.sent
}

func (o *outbox) run(ctx context.Context, tr mpc.Transport, log *slog.Logger) {
	for {
		o.mu.Lock()
		if len(o.queue) == 0 {
			closed := o.closed
			o.mu.Unlock()
			if closed {
				return
			}
			select {
			case <-o.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		msg := o.queue[0]
		o.queue = o.queue[1:]
		o.mu.Unlock()
		if err := tr.Send(ctx, o.to, msg); err != nil {
			if ctx.Err() != nil {
				return
			}
			log.Debug("dkg send failed", "peer_member", o.to, "err", err)
			continue
		}
		o.mu.Lock()
		o.sent++
		o.mu.Unlock()
	}
}

// NextPhase is kyber's Phaser: the pump ticks it.
func (s *session) NextPhase() chan kdkg.Phase { return s.phaseCh }
