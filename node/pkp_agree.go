package node

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// Signer agreement (docs/ecdsa.md, "Signer agreement"; docs/pkp.md, "Pending-request
// matching"). A member of a signer set releases its signature share for a request only when
//
//  1. it holds its own copy of the request (from the client, or its own Lit Action run);
//  2. it holds the coordinator's signed assignment of one presignature to the request, and the
//     assignment's digest is its own copy's — then it takes (reserves) that presignature out of
//     its pool and sends every other member a confirmation: the assignment and its ρ
//     contribution for the presignature, committed during presigning;
//  3. every other member of the set has confirmed the same (epoch, request id, digest,
//     presignature), each with the contribution its commitment in the public presignature
//     opens to — then ρ = H(public presignature, tuple, every member's contribution).
//
// The coordinator's own confirmation is the assignment. Confirmations carry the signed
// assignment, so a member that the coordinator left out still learns it. A member holding two
// assignments the coordinator signed for ONE presignature with two different tuples holds
// proof of equivocation — an honest coordinator takes a presignature out of its pool before it
// assigns it, and presignature ids are never reused — so it burns the presignature, fails the
// requests, and leaves the coordinator out of its signer sets until the epoch ends. Two
// assignments of one request with two presignatures prove nothing: an honest coordinator
// signs them when a request id reaches it again after it restarted or its registry forgot the
// id. The member refuses the request and burns both presignatures, and blames nobody.
// Whatever does not complete in time burns the reserved presignature; nothing is ever returned
// to the pool, and no share leaves the node.
//
// Agreements are keyed by (set, requester, request id): request ids are the requester's to
// choose, so two requesters' ids never meet.
const (
	confirmWait       = 10 * time.Second // after this member confirmed, how long it waits for the rest
	maxEarlyPerMember = 256              // agreements one member's confirmations may open before this node's request came
	recordTTL         = 10 * time.Minute // how long signed assignments are remembered, to catch conflicts
	maxRecords        = 8192             // signed assignments remembered per set
	maxVerified       = 4096             // assignment signatures remembered as checked
	// maxPendingPerRequester bounds the agreements one requester has pending at this node: a
	// requester that sends a coordinator requests it sends no member makes each wait for
	// assignWait/confirmWait and burns a presignature; beyond this it is refused (429), and
	// each such agreement that times out costs it requesterPenalty more of its presign budget.
	maxPendingPerRequester = 32
	requesterPenalty       = 4
)

type agreeKey struct {
	set string
	req reqKey
}

// agreement is one request's agreement at this node.
type agreement struct {
	key     agreeKey
	ss      *signerSet
	created time.Time
	opener  int // member whose confirmation opened it; −1: this node's request

	assign  *assignment // the coordinator's, verified; nil until known
	request bool        // this node holds its own copy of the request (and a goroutine waits)
	digest  [32]byte    // … with this digest
	ps      held        // the material reserved and bound to the request (pkp_scheme.go)

	confirmed []bool     // per member of the set: it confirmed assign's tuple
	contrib   [][32]byte // … with this contribution
	err       error      // set when the agreement failed: the waiting request returns it
	wake      chan struct{}
}

func (e *agreement) signal() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// missing names the members whose confirmation has not come.
func (e *agreement) missing() []string {
	var out []string
	for m, ok := range e.confirmed {
		if !ok {
			out = append(out, e.ss.peers[m].String())
		}
	}
	return out
}

// assignRecord is a signed assignment this node saw, kept to catch a conflicting one, and —
// when no agreement could be opened for it (the opener's quota was full) — kept with the
// confirmations that came, so that this node's own request, when it comes, still finds them.
type assignRecord struct {
	a    assignment
	at   time.Time
	done bool // its agreement ended here (a later confirmation of it is a replay)
	kept map[int][32]byte
	// keptIn is the set of the kept confirmations (to discard the presignature on expiry)
	keptIn *signerSet
}

// keep remembers member m's contribution to a recorded assignment that has no agreement yet.
func (r *assignRecord) keep(ss *signerSet, m int, contribution [32]byte) {
	if r.kept == nil {
		r.kept = map[int][32]byte{}
		r.keptIn = ss
	}
	if _, ok := r.kept[m]; !ok {
		r.kept[m] = contribution
	}
}

// registry holds the recent signed assignments of one set, by presignature and by request.
type registry struct {
	byPresig  map[ecdsa.ID]*assignRecord
	byRequest map[reqKey]*assignRecord
	fifo      []*assignRecord
}

// agreeState is one epoch's agreements, over every signer set of this node.
type agreeState struct {
	mu       sync.Mutex
	entries  map[agreeKey]*agreement
	early    map[string]map[int]int // set → member → agreements it opened that await this node's request
	regs     map[string]*registry
	verified map[[32]byte]struct{}
	verFIFO  [][32]byte
	proofs   map[[32]byte]struct{} // equivocations handled already
	pending  map[[32]byte]int      // requester → its requests waiting in an agreement here
}

func newAgreeState() *agreeState {
	return &agreeState{
		entries: map[agreeKey]*agreement{}, early: map[string]map[int]int{},
		regs: map[string]*registry{}, verified: map[[32]byte]struct{}{}, proofs: map[[32]byte]struct{}{},
		pending: map[[32]byte]int{},
	}
}

func (st *agreeState) clear() {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, e := range st.entries {
		if e.err == nil {
			e.err = api.WrongEpoch(0, "epoch changing")
		}
		e.signal()
	}
	st.entries = map[agreeKey]*agreement{}
	st.early = map[string]map[int]int{}
	st.regs = map[string]*registry{}
	st.pending = map[[32]byte]int{}
}

func (st *agreeState) reg(set string) *registry {
	r := st.regs[set]
	if r == nil {
		r = &registry{byPresig: map[ecdsa.ID]*assignRecord{}, byRequest: map[reqKey]*assignRecord{}}
		st.regs[set] = r
	}
	return r
}

// record remembers a verified assignment of the set. It returns the earlier one it conflicts
// with when that names the same presignature in another tuple: both are signed by the
// coordinator, and that is proof it equivocated (equivocationProof). An earlier assignment of
// the same request with another presignature is no proof (a coordinator that restarted, or
// whose registry forgot the id, assigns it again): errReplayedRequest when that request's
// agreement ended here, else a *reassignedError naming it.
func (st *agreeState) record(set string, a *assignment, now time.Time) (*assignRecord, *assignment, error) {
	r := st.reg(set)
	if old := r.byPresig[a.Presig]; old != nil {
		if !old.a.sameTuple(a) {
			return nil, &old.a, nil
		}
		return old, nil, nil
	}
	if old := r.byRequest[a.reqKey()]; old != nil {
		if old.done {
			return nil, nil, errReplayedRequest
		}
		return nil, nil, &reassignedError{old: old.a}
	}
	rec := &assignRecord{a: *a, at: now}
	r.byPresig[a.Presig] = rec
	r.byRequest[a.reqKey()] = rec
	r.fifo = append(r.fifo, rec)
	for len(r.fifo) > maxRecords || (len(r.fifo) > 0 && now.Sub(r.fifo[0].at) > recordTTL) {
		old := r.fifo[0]
		r.fifo = r.fifo[1:]
		if r.byPresig[old.a.Presig] == old {
			delete(r.byPresig, old.a.Presig)
		}
		if r.byRequest[old.a.reqKey()] == old {
			delete(r.byRequest, old.a.reqKey())
		}
	}
	return rec, nil, nil
}

// errReplayedRequest: an assignment for a request id whose agreement already ended here.
var errReplayedRequest = errors.New("an assignment for a request whose agreement already ended here, with another presignature (a replayed request id)")

// reassignedError: a second assignment of a pending request with another presignature. No
// proof of anything (see record): the request is refused, both presignatures burnt, nobody
// blamed.
type reassignedError struct{ old assignment }

func (e *reassignedError) Error() string {
	return fmt.Sprintf("request %s was assigned presignature %s already (a second assignment, e.g. after the coordinator restarted)", e.old.RequestID, e.old.Presig)
}

// equivocationProof reports whether a and b prove that their signer equivocated: one
// presignature in two different tuples of the same epoch. The caller checks the signatures.
func equivocationProof(a, b *assignment) bool {
	return a.Presig == b.Presig && a.Epoch == b.Epoch && !a.sameTuple(b)
}

// named reports whether a pending agreement or a live record names the presignature (so a
// batch message's keep list must not discard it).
func (st *agreeState) named(set string, id ecdsa.ID) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	if r := st.regs[set]; r != nil {
		if rec := r.byPresig[id]; rec != nil && !rec.done {
			return true
		}
	}
	return false
}

// entryLocked returns the set's agreement for the request, opening one for `opener` (−1: this
// node's own request) if there is none. It refuses to open one when the opener already holds
// its quota of agreements that wait for this node's request.
func (st *agreeState) entryLocked(ss *signerSet, req reqKey, opener int, now time.Time) (*agreement, error) {
	k := agreeKey{ss.key, req}
	if e := st.entries[k]; e != nil {
		return e, nil
	}
	if opener >= 0 {
		q := st.early[ss.key]
		if q == nil {
			q = map[int]int{}
			st.early[ss.key] = q
		}
		if q[opener] >= maxEarlyPerMember || len(st.entries) >= maxEarly {
			return nil, fmt.Errorf("member %s has %d confirmations waiting for requests this node does not have (limit %d)", ss.peers[opener], q[opener], maxEarlyPerMember)
		}
		q[opener]++
	}
	n := len(ss.peers)
	e := &agreement{key: k, ss: ss, created: now, opener: opener, confirmed: make([]bool, n), contrib: make([][32]byte, n), wake: make(chan struct{}, 1)}
	st.entries[k] = e
	return e, nil
}

// adoptLocked gives an agreement the assignment and the confirmations that came while no
// agreement could be opened for them (the opener's quota was full), kept in its record. The
// contributions are checked, like every other, once this node holds the presignature.
func (st *agreeState) adoptLocked(e *agreement, rec *assignRecord) {
	if rec == nil || rec.done || e.ps != nil || time.Since(rec.at) > earlyTTL {
		return // (an expired one's presignature is discarded, like an expired agreement's)
	}
	if e.assign == nil {
		a := rec.a
		e.assign = &a
	}
	if !e.assign.sameTuple(&rec.a) {
		return
	}
	for m, c := range rec.kept {
		if !e.confirmed[m] {
			e.confirmed[m], e.contrib[m] = true, c
		}
	}
	rec.kept = nil
}

// removeLocked forgets an agreement and marks its assignment done.
func (st *agreeState) removeLocked(e *agreement) {
	if st.entries[e.key] != e {
		return
	}
	delete(st.entries, e.key)
	st.unearlyLocked(e)
	if e.request {
		if st.pending[e.key.req.requester]--; st.pending[e.key.req.requester] <= 0 {
			delete(st.pending, e.key.req.requester)
		}
	}
	if e.assign != nil {
		if rec := st.reg(e.key.set).byPresig[e.assign.Presig]; rec != nil && rec.a.sameTuple(e.assign) {
			rec.done = true
		}
	}
}

func (st *agreeState) unearlyLocked(e *agreement) {
	if e.opener >= 0 {
		if q := st.early[e.key.set]; q != nil && q[e.opener] > 0 {
			q[e.opener]--
		}
		e.opener = -1
	}
}

// failLocked ends an agreement with err. If no request waits for it yet, the presignature it
// named is discarded at once (it must never serve another request) and the failure is kept
// until the agreement expires, so that the request, if it comes, fails at once too.
func (st *agreeState) failLocked(e *agreement, err error) {
	if e.err != nil {
		return
	}
	e.err = err
	e.signal()
	if !e.request && e.assign != nil {
		e.ss.discard(e.assign.Presig)
	}
}

// expired forgets the agreements whose request never came here and returns the presignatures
// they named (to be discarded).
func (st *agreeState) expired(now time.Time) []expiredAssignment {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []expiredAssignment
	for _, e := range st.entries {
		if !e.request && now.Sub(e.created) > earlyTTL {
			st.removeLocked(e)
			if e.assign != nil && e.err == nil {
				out = append(out, expiredAssignment{e.ss, e.assign.Presig})
			}
		}
	}
	// Assignments kept without an agreement (the opener's quota was full) expire alike.
	for set, r := range st.regs {
		for _, rec := range r.fifo {
			if rec.kept == nil || rec.done || now.Sub(rec.at) <= earlyTTL {
				continue
			}
			if e := st.entries[agreeKey{set, rec.a.reqKey()}]; e != nil {
				continue
			}
			rec.done = true
			out = append(out, expiredAssignment{rec.keptIn, rec.a.Presig})
			rec.kept, rec.keptIn = nil, nil
		}
	}
	return out
}

type expiredAssignment struct {
	ss *signerSet
	id ecdsa.ID
}

// verify checks the coordinator's signature on an assignment, once per distinct signed
// assignment.
func (ss *signerSet) verify(a *assignment) error {
	msg := assignmentBytes(ss.ep.s.n.cfg.Network, ss.ep.scheme.Name(), ss.order, a)
	h := sha256.New()
	h.Write(msg)
	h.Write(a.Sig)
	key := [32]byte(h.Sum(nil))
	st := ss.ep.agree
	st.mu.Lock()
	_, ok := st.verified[key]
	st.mu.Unlock()
	if ok {
		return nil
	}
	if ss.coordPub == nil {
		return fmt.Errorf("no public key for coordinator %s", ss.peers[0])
	}
	good, err := ss.coordPub.Verify(msg, a.Sig)
	if err != nil || !good {
		return fmt.Errorf("the assignment of request %s is not signed by the coordinator %s", a.RequestID, ss.peers[0])
	}
	st.mu.Lock()
	if _, ok := st.verified[key]; !ok {
		st.verified[key] = struct{}{}
		st.verFIFO = append(st.verFIFO, key)
		if len(st.verFIFO) > maxVerified {
			delete(st.verified, st.verFIFO[0])
			st.verFIFO = st.verFIFO[1:]
		}
	}
	st.mu.Unlock()
	return nil
}

// sign signs an assignment with this node's libp2p identity key.
func (ss *signerSet) sign(a *assignment) error {
	sig, err := ss.ep.s.n.id.Libp2p.Sign(assignmentBytes(ss.ep.s.n.cfg.Network, ss.ep.scheme.Name(), ss.order, a))
	if err != nil {
		return fmt.Errorf("sign the assignment of request %s: %w", a.RequestID, err)
	}
	if len(sig) > maxSignature {
		return fmt.Errorf("sign the assignment of request %s: a %d-byte signature", a.RequestID, len(sig))
	}
	a.Sig = sig
	return nil
}

// onConfirm handles member `from`'s confirmation. It returns why the message was refused, or
// nil; a refusal never affects the set's other requests.
//
//nolint:funlen // the confirmation's checks in the order docs/pkp.md gives them (pkp_agree.go is being split)
func (ss *signerSet) onConfirm(from int, c *confirmMsg) error {
	ep := ss.ep
	a := &c.Assign
	switch {
	case from < 0 || from >= len(ss.peers):
		return fmt.Errorf("confirmation from member %d: not a member of the set", from)
	case from == ss.self:
		return errors.New("a confirmation from this node itself")
	case a.Epoch != ep.number:
		return fmt.Errorf("confirmation of request %s for epoch %d, this set serves epoch %d", a.RequestID, a.Epoch, ep.number)
	}
	if err := ss.verify(a); err != nil {
		// An honest member relays only an assignment it verified: the sender is at fault.
		ep.fault(ss.peers[from], faultForgery, fmt.Sprintf("sent a confirmation whose assignment does not verify (request %s)", a.RequestID))
		return err
	}
	st := ep.agree
	now := time.Now()
	st.mu.Lock()
	rec, conflict, rerr := st.record(ss.key, a, now)
	var re *reassignedError
	switch {
	case conflict != nil:
		st.mu.Unlock()
		ss.equivocated(conflict, a)
		return fmt.Errorf("request %s: the coordinator %s equivocated", a.RequestID, ss.peers[0])
	case errors.As(rerr, &re):
		st.mu.Unlock()
		ss.reassigned(&re.old, a)
		return fmt.Errorf("request %s: %w", a.RequestID, rerr)
	case rerr != nil:
		st.mu.Unlock()
		ss.discard(a.Presig)
		return fmt.Errorf("request %s: %w", a.RequestID, rerr)
	}
	e := st.entries[agreeKey{ss.key, a.reqKey()}]
	if e == nil && rec != nil && rec.done {
		st.mu.Unlock()
		return fmt.Errorf("a replayed confirmation of request %s, whose agreement ended here", a.RequestID)
	}
	if e == nil {
		var err error
		if e, err = st.entryLocked(ss, a.reqKey(), from, now); err != nil {
			// Keep the verified assignment and the contribution: when this node's own
			// request comes, it agrees from them (a flood of confirmations for requests that
			// never come must not keep this node from learning a real one).
			rec.keep(ss, from, c.Contribution)
			st.mu.Unlock()
			return err
		}
	}
	if e.err != nil {
		st.mu.Unlock()
		return nil // already failed; the waiting request returns its error
	}
	if e.assign == nil {
		e.assign = a
	}
	if e.ps == nil {
		st.adoptLocked(e, rec) // checked against the commitments once this node holds the presignature
	}
	if !e.assign.sameTuple(a) {
		old := *e.assign
		st.mu.Unlock()
		if equivocationProof(&old, a) {
			ss.equivocated(&old, a)
			return fmt.Errorf("request %s: the coordinator %s equivocated", a.RequestID, ss.peers[0])
		}
		ss.reassigned(&old, a)
		return fmt.Errorf("request %s: assigned %ss %s and %s", a.RequestID, ss.materialName(), old.Presig, a.Presig)
	}
	if e.confirmed[from] && e.contrib[from] == c.Contribution {
		st.mu.Unlock()
		return nil // a duplicate
	}
	if e.ps != nil {
		if err := e.ps.CheckContribution(from, c.Contribution); err != nil {
			st.failLocked(e, ss.falseContribution(from, a))
			st.mu.Unlock()
			ep.fault(ss.peers[from], faultContribution, ss.contributionFault(a))
			return err
		}
	}
	e.confirmed[from] = true
	e.contrib[from] = c.Contribution
	e.signal()
	st.mu.Unlock()
	return nil
}

// contributionFault describes a false contribution for the blame log and /pkp/pools.
func (ss *signerSet) contributionFault(a *assignment) string {
	if ss.ep.scheme.Name() != "" {
		return fmt.Sprintf("confirmed another signing package for slot %s (request %s)", a.Presig, a.RequestID)
	}
	return fmt.Sprintf("revealed a ρ contribution for presignature %s that does not open its commitment", a.Presig)
}

func (ss *signerSet) falseContribution(from int, a *assignment) error {
	if ss.ep.scheme.Name() != "" {
		return api.Errorf(api.KindConflict,
			"signer %s confirmed another signing package for slot %s (request %s): no share released; this node leaves it out of its signer sets for a while",
			ss.peers[from], a.Presig, a.RequestID)
	}
	return api.Errorf(api.KindConflict,
		"signer %s revealed a ρ contribution that does not open its commitment (presignature %s, request %s): no share released; this node leaves it out of its signer sets for a while",
		ss.peers[from], a.Presig, a.RequestID)
}

// onRefuse handles a member's refusal of a request: the agreement cannot complete, so it
// fails now rather than at its timeout. The refusal is the member's word, not a fault anyone
// can check: nobody is blamed for it — except on evidence this node verifies itself, exactly
// as it would its own: two assignments of one presignature with two different tuples, both
// signed by the coordinator (checkEvidence). Anything else sent as evidence blames nobody.
func (ss *signerSet) onRefuse(from int, r *refuseMsg) error {
	if from < 0 || from >= len(ss.peers) || from == ss.self {
		return fmt.Errorf("refusal from member %d: not another member of the set", from)
	}
	if len(r.Evidence) > 0 {
		if err := ss.checkEvidence(from, r); err != nil {
			return err
		}
		ss.equivocated(&r.Evidence[0], &r.Evidence[1])
	}
	st := ss.ep.agree
	st.mu.Lock()
	defer st.mu.Unlock()
	e := st.entries[agreeKey{ss.key, reqKey{r.Requester, r.RequestID}}]
	if e == nil {
		if len(r.Evidence) == 2 {
			return nil
		}
		return fmt.Errorf("refusal of request %s, which has no pending agreement here", r.RequestID)
	}
	if e.assign != nil && e.assign.Presig != r.Presig {
		return fmt.Errorf("refusal of request %s with %s %s, but it was assigned %s", r.RequestID, ss.materialName(), r.Presig, e.assign.Presig)
	}
	why := reasonName(r.Reason)
	var missing []string
	for _, p := range e.missing() {
		if p != ss.peers[from].String() && p != ss.peers[ss.self].String() {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		why += " (no confirmation from " + strings.Join(missing, ", ") + " here either)"
	}
	st.failLocked(e, api.Errorf(api.KindConflict, "signer %s refused request %s: %s; no share released", ss.peers[from], r.RequestID, why))
	return nil
}

// checkEvidence checks a member's evidence of equivocation exactly as this node checks its
// own before it blames anyone: one presignature in two different tuples of this epoch, both
// signed by the coordinator.
func (ss *signerSet) checkEvidence(from int, r *refuseMsg) error {
	if len(r.Evidence) != 2 {
		return fmt.Errorf("evidence of %d assignments from %s", len(r.Evidence), ss.peers[from])
	}
	a, b := &r.Evidence[0], &r.Evidence[1]
	switch {
	case a.Epoch != ss.ep.number || b.Epoch != ss.ep.number:
		return fmt.Errorf("evidence of equivocation from another epoch, from %s", ss.peers[from])
	case !equivocationProof(a, b):
		return fmt.Errorf("evidence of equivocation from %s that shows none: not one %s in two different tuples", ss.peers[from], ss.materialName())
	}
	if ss.verify(a) != nil || ss.verify(b) != nil {
		// An honest member relays only evidence it verified: the sender is at fault.
		ss.ep.fault(ss.peers[from], faultForgery, "sent evidence of equivocation the coordinator did not sign")
		return fmt.Errorf("forged evidence of equivocation from %s", ss.peers[from])
	}
	st := ss.ep.agree
	st.mu.Lock()
	_, _, _ = st.record(ss.key, a, time.Now())
	_, _, _ = st.record(ss.key, b, time.Now())
	st.mu.Unlock()
	return nil
}

// reassigned handles two assignments of one pending request with two presignatures: no proof
// of a fault (an honest coordinator signs them after a restart), so nobody is blamed — the
// request fails here, both presignatures are burnt, and the other members are told.
func (ss *signerSet) reassigned(a, b *assignment) {
	st := ss.ep.agree
	st.mu.Lock()
	if e := st.entries[agreeKey{ss.key, a.reqKey()}]; e != nil {
		st.failLocked(e, api.Errorf(api.KindConflict,
			"request %s was assigned two %ss (%s and %s): no share released; retry with a fresh request id",
			a.RequestID, ss.materialName(), a.Presig, b.Presig))
	}
	st.mu.Unlock()
	ss.ep.s.n.log.Info("refusing a request assigned two presignatures or slots (no proof of a fault)",
		"set", ss.key, "scheme", ss.ep.scheme.Name(), "request_id", a.RequestID, "first_presignature", a.Presig.String(), "second_presignature", b.Presig.String())
	for _, x := range []*assignment{a, b} {
		ss.discard(x.Presig)
		ss.sendRefuse(&refuseMsg{Requester: x.Requester, RequestID: x.RequestID, Presig: x.Presig, Reason: reasonReassigned})
	}
}

// equivocated handles proof that the coordinator signed one presignature into two different
// tuples: log it, count it, leave the coordinator out until the epoch ends, burn the
// presignature, fail both requests, and send the set the evidence so that every member checks
// it for itself. Anything that is not such proof is ignored here.
func (ss *signerSet) equivocated(a, b *assignment) {
	if !equivocationProof(a, b) {
		return
	}
	ep := ss.ep
	coord := ss.peers[0]
	network := ep.s.n.cfg.Network
	evidence := &api.Evidence{Kind: api.EvidenceEquivocation, Accused: coord.String(),
		Assignments: []api.SignedAssignment{signedAssignment(network, ep.scheme.Name(), ss.order, a), signedAssignment(network, ep.scheme.Name(), ss.order, b)}}
	st := ep.agree
	st.mu.Lock()
	key := equivocationKey(a, b)
	if _, seen := st.proofs[key]; seen {
		st.mu.Unlock()
		return
	}
	if len(st.proofs) >= maxVerified {
		clear(st.proofs)
	}
	st.proofs[key] = struct{}{}
	// Blame first, so that whoever sees a request fail also sees the coordinator excluded.
	ep.s.metrics.equivocations.Inc()
	ep.s.metrics.faults.WithLabelValues(faultEquivocation).Inc()
	ep.excl.addProof(coord, "equivocation: signed "+ss.materialName()+" "+a.Presig.String()+" into two assignments (request "+a.RequestID+" / "+b.RequestID+")", evidence, time.Now())
	var failed []*agreement
	for _, x := range []*assignment{a, b} {
		if e := st.entries[agreeKey{ss.key, x.reqKey()}]; e != nil && e.err == nil {
			failed = append(failed, e)
		}
	}
	mat := ss.materialName()
	err := api.Errorf(api.KindConflict,
		"the signer set's coordinator %s equivocated: it signed %s %s into two assignments (request %s, digest %x…; request %s, digest %x…); the %s is burnt, no share released, and this node leaves the coordinator out of its signer sets until the next epoch",
		coord, mat, a.Presig, a.RequestID, a.Digest[:6], b.RequestID, b.Digest[:6], mat)
	err.Evidence = evidence
	for _, e := range failed {
		st.failLocked(e, err)
	}
	st.mu.Unlock()
	ep.s.n.log.Warn("PKP coordinator equivocated: it signed two conflicting assignments",
		"coordinator", coord, "set", ss.key, "epoch", ep.number,
		"first_request", a.RequestID, "first_presignature", a.Presig.String(), "first_digest", hex.EncodeToString(a.Digest[:]), "first_signature", hex.EncodeToString(a.Sig),
		"second_request", b.RequestID, "second_presignature", b.Presig.String(), "second_digest", hex.EncodeToString(b.Digest[:]), "second_signature", hex.EncodeToString(b.Sig))
	ss.discard(a.Presig)
	ss.sendRefuse(&refuseMsg{Requester: a.Requester, RequestID: a.RequestID, Presig: a.Presig, Reason: reasonEquivocation, Evidence: []assignment{*a, *b}})
}

// equivocationKey names a pair of conflicting assignments, in either order.
func equivocationKey(a, b *assignment) [32]byte {
	x, y := sha256.Sum256(a.Sig), sha256.Sum256(b.Sig)
	if string(x[:]) > string(y[:]) {
		x, y = y, x
	}
	return sha256.Sum256(append(x[:], y[:]...))
}

// sendRefuse tells the other members that this node will not confirm a request, so they fail
// it now rather than at their timeout.
func (ss *signerSet) sendRefuse(r *refuseMsg) {
	if err := ss.sendAll(ss.ctx, r.encode()); err != nil {
		ss.ep.s.n.log.Debug("could not send every member a refusal", "request_id", r.RequestID, "error", err)
	}
}

// agree runs this node's side of the agreement on one ECDSA request and returns the
// presignature reserved for it and ρ; the caller signs at once. On error nothing is returned
// and any presignature reserved was burnt.
//
// digestFor computes the digest of another request for the same PKP and set; only the
// malicious-coordinator test hook uses it.
func (ss *signerSet) agree(ctx context.Context, requester [32]byte, requestID string, digest [32]byte, digestFor func(string, [32]byte) [32]byte) (*ecdsa.Presignature, [32]byte, error) {
	h, contribs, err := ss.agreeOn(ctx, requester, requestID, digest, bindECDSA, digestFor)
	if err != nil {
		return nil, [32]byte{}, err
	}
	ps := h.(ecdsaHeld).Presignature
	a := &assignment{Epoch: ss.ep.number, Requester: requester, RequestID: requestID, Digest: digest, Presig: ps.ID()}
	rho, err := ps.Public().Rho(assignmentBytes(ss.ep.s.n.cfg.Network, "", ss.order, a), contribs)
	if err != nil {
		ss.burn(h)
		return nil, [32]byte{}, fmt.Errorf("derive ρ: %w", err)
	}
	return ps, rho, nil
}

// agreeOn runs this node's side of the agreement on one request, whatever the scheme, and
// returns the material reserved for it (bound by bind) and every member's confirmed
// contribution, in set order; the caller signs at once. On error nothing is returned and any
// material reserved was burnt. Agreements are keyed by (set, requester, request id).
//
//nolint:funlen,gocognit // the agreement's steps in order (pkp_agree.go is being split)
func (ss *signerSet) agreeOn(ctx context.Context, requester [32]byte, requestID string, digest [32]byte, bind binder, digestFor func(string, [32]byte) [32]byte) (ps held, contribs [][32]byte, err error) {
	ep := ss.ep
	st := ep.agree
	now := time.Now()
	key := reqKey{requester, requestID}
	st.mu.Lock()
	if st.pending[requester] >= maxPendingPerRequester && st.entries[agreeKey{ss.key, key}] == nil {
		st.mu.Unlock()
		return nil, nil, api.Errorf(api.KindRateLimited, "this requester has %d PKP signatures waiting for their signer sets here already (limit %d); retry when they are done", st.pending[requester], maxPendingPerRequester)
	}
	e, err := st.entryLocked(ss, key, -1, now)
	switch {
	case err != nil:
	case e.request:
		err = api.Errorf(api.KindConflict, "requestId %s is being served already", requestID)
	case e.err != nil:
		err = e.err // the agreement failed before the request came here
		st.removeLocked(e)
	}
	if err != nil {
		st.mu.Unlock()
		return nil, nil, err
	}
	e.request = true
	e.digest = digest
	st.pending[requester]++
	st.unearlyLocked(e) // this node's request came: no longer counts against the opener's quota
	if !ss.coordinator() {
		st.adoptLocked(e, st.reg(ss.key).byRequest[key])
	}
	st.mu.Unlock()

	outcome := "failed"
	defer func() {
		st.mu.Lock()
		st.removeLocked(e)
		held := e.ps
		st.mu.Unlock()
		if err != nil && held != nil {
			ss.burn(held)
		}
		ep.s.metrics.agreements.WithLabelValues(outcome).Inc()
	}()

	var confirmedAt time.Time
	if ss.coordinator() {
		if err := ss.assignAsCoordinator(ctx, e, bind, digestFor); err != nil {
			return nil, nil, err
		}
		confirmedAt = time.Now()
	}
	timer := time.NewTimer(ep.s.assignWait)
	defer timer.Stop()
	for {
		st.mu.Lock()
		if e.err != nil {
			err := e.err
			st.mu.Unlock()
			outcome = "conflict"
			if errors.Is(err, errAgreeTimeout) {
				outcome = "timeout"
			}
			return nil, nil, err
		}
		if e.ps == nil && e.assign != nil {
			a := e.assign
			if a.Digest != e.digest {
				err := api.Errorf(api.KindConflict,
					"request %s differs from the one the coordinator %s assigned (toSign, PKP or nodeSet): every signer must get the same request; no share released",
					requestID, ss.peers[0])
				st.failLocked(e, err)
				st.mu.Unlock()
				ss.discard(a.Presig)
				ss.sendRefuse(&refuseMsg{Requester: requester, RequestID: requestID, Presig: a.Presig, Reason: reasonDiffers})
				outcome = "refused"
				return nil, nil, err
			}
			st.mu.Unlock()
			var h held
			m, rerr := ss.reserve(ctx, a.Presig)
			if rerr == nil {
				if h, rerr = bind(m); rerr != nil {
					m.Discard()
					rerr = api.Errorf(api.KindConflict, "%s %s cannot serve request %s here: %v", ss.materialName(), a.Presig, requestID, rerr)
				}
			}
			st.mu.Lock()
			if rerr == nil {
				e.ps = h
			}
			if e.err == nil && rerr != nil {
				st.failLocked(e, rerr)
				st.mu.Unlock()
				ss.sendRefuse(&refuseMsg{Requester: requester, RequestID: requestID, Presig: a.Presig, Reason: reasonUnknown})
				outcome = "refused"
				return nil, nil, rerr
			}
			if e.err != nil {
				st.mu.Unlock()
				continue
			}
			// Check the contributions that came before this node held the presignature.
			var liar = -1
			for m, ok := range e.confirmed {
				if ok && h.CheckContribution(m, e.contrib[m]) != nil {
					liar = m
					break
				}
			}
			if liar >= 0 {
				st.failLocked(e, ss.falseContribution(liar, a))
				st.mu.Unlock()
				ep.fault(ss.peers[liar], faultContribution, ss.contributionFault(a))
				continue
			}
			e.confirmed[ss.self] = true
			e.contrib[ss.self] = h.Contribution()
			msg := (&confirmMsg{Assign: *a, Contribution: h.Contribution()}).encode()
			st.mu.Unlock()
			if !ss.coordinator() {
				if serr := ss.sendAll(ctx, msg); serr != nil {
					ep.s.n.log.Debug("could not send every member the confirmation", "request_id", requestID, "error", serr)
				}
			}
			confirmedAt = time.Now()
			timer.Reset(ep.s.confirmWait)
			continue
		}
		if e.ps != nil && !slices.Contains(e.confirmed, false) {
			ps := e.ps
			contribs := slices.Clone(e.contrib)
			e.ps = nil // handed to the caller
			st.mu.Unlock()
			outcome = "agreed"
			ep.s.metrics.agreeTime.Observe(time.Since(confirmedAt).Seconds())
			return ps, contribs, nil
		}
		st.mu.Unlock()
		select {
		case <-e.wake:
		case <-ctx.Done():
			st.mu.Lock()
			st.failLocked(e, ctx.Err())
			st.mu.Unlock()
		case <-timer.C:
			st.mu.Lock()
			var terr error
			if e.assign == nil {
				terr = api.Errorf(api.KindTimeout,
					"the signer set's coordinator %s assigned no presignature to request %s within %s: it did not receive the request, or refused it",
					ss.peers[0], requestID, ep.s.assignWait)
			} else {
				terr = api.Errorf(api.KindTimeout,
					"the signer set did not agree on request %s within %s: no confirmation from %s; presignature %s burnt, no share released",
					requestID, ep.s.confirmWait, strings.Join(e.missing(), ", "), e.assign.Presig)
				ss.sendRefuse(&refuseMsg{Requester: requester, RequestID: requestID, Presig: e.assign.Presig, Reason: reasonTimeout})
			}
			st.failLocked(e, errors.Join(terr, errAgreeTimeout))
			st.mu.Unlock()
		}
	}
}

// errAgreeTimeout marks an agreement that timed out (for the metrics; the api error says why).
var errAgreeTimeout = errors.New("agreement timed out")

// assignAsCoordinator takes the oldest presignature of the set for the request, signs the
// assignment and sends every member its confirmation — under sendMu, so that no batch
// message's keep list overtakes it.
func (ss *signerSet) assignAsCoordinator(ctx context.Context, e *agreement, bind binder, digestFor func(string, [32]byte) [32]byte) error {
	ep := ss.ep
	st := ep.agree
	for attempt := 0; attempt < 5; attempt++ {
		if err := ss.ensureReady(ctx); err != nil {
			return err
		}
		ss.sendMu.Lock()
		m := ss.takeOldest()
		if m == nil {
			ss.sendMu.Unlock()
			continue // another request took it first
		}
		ps, err := bind(m)
		if err != nil {
			ss.sendMu.Unlock()
			m.Discard()
			return api.Errorf(api.KindConflict, "bind %s %s to request %s: %v", ss.materialName(), m.ID(), e.key.req.id, err)
		}
		a := &assignment{Epoch: ep.number, Requester: e.key.req.requester, RequestID: e.key.req.id, Digest: e.digest, Presig: ps.ID()}
		if err := ss.sign(a); err != nil {
			ss.sendMu.Unlock()
			ss.burn(ps)
			return err
		}
		st.mu.Lock()
		if _, conflict, rerr := st.record(ss.key, a, time.Now()); conflict != nil || rerr != nil {
			// Not possible for an honest coordinator: the request id is new here and the
			// presignature was in the pool.
			st.mu.Unlock()
			ss.sendMu.Unlock()
			ss.burn(ps)
			return fmt.Errorf("assignment of request %s conflicts with an earlier one", a.RequestID)
		}
		e.assign = a
		e.ps = ps
		e.confirmed[ss.self] = true
		e.contrib[ss.self] = ps.Contribution()
		st.mu.Unlock()
		msg := &confirmMsg{Assign: *a, Contribution: ps.Contribution()}
		if h := ep.s.n.cfg.PKPHooks; h != nil && h.Coordinate != nil {
			h.Coordinate(ctx, ss.coordination(a, ps, digestFor))
		} else {
			err = ss.sendAll(ctx, msg.encode())
		}
		ss.sendMu.Unlock()
		if err != nil {
			// The members that got it can confirm; the others fail this request, and the
			// agreement fails with them: no share leaves any node.
			ep.s.n.log.Debug("could not send every member the assignment", "request_id", a.RequestID, "error", err)
		}
		return nil
	}
	return api.Errorf(api.KindUnavailable, "no presignature for signer set %s: too many concurrent requests; retry", ss.key)
}

// reserve takes exactly the named presignature of this set out of the pool for a request.
func (ss *signerSet) reserve(ctx context.Context, id ecdsa.ID) (material, error) {
	if !ss.holds(id) {
		// It may be in a session that ended at the coordinator and is still ending here.
		if ch := ss.runningBatch(); ch != nil {
			select {
			case <-ch:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
	}
	// Only a presignature of this very set: a coordinator must not spend another set's.
	if !ss.holds(id) {
		return nil, api.Errorf(api.KindUnavailable, "%s %s is not one this node holds for signer set %s (used, or its session failed here)", ss.materialName(), id, ss.key)
	}
	ps, err := ss.ep.scheme.Take(id)
	switch {
	case errors.Is(err, errMaterialUsed):
		return nil, api.Errorf(api.KindConflict, "%s %s was used before: refusing to sign with it twice", ss.materialName(), id)
	case err != nil:
		return nil, api.Errorf(api.KindUnavailable, "%s %s is unknown at this node", ss.materialName(), id)
	}
	return ps, nil
}

// materialName is what the set's material is called in errors.
func (ss *signerSet) materialName() string {
	if ss.ep.scheme.Name() == "" {
		return "presignature"
	}
	return "nonce commitment slot"
}

// burn drops reserved material for good: it never goes back to the pool, and its secret
// shares are zeroed.
func (ss *signerSet) burn(ps material) {
	ps.Discard()
	ss.ep.s.n.log.Debug("burnt reserved material", "id", ps.ID().String(), "set", ss.key, "scheme", ss.ep.scheme.Name())
}

// fault records a fault of peer p that this node verified, and leaves p out of its signer sets
// for a while.
func (ep *pkpEpoch) fault(p peer.ID, kind, what string) {
	ep.s.metrics.faults.WithLabelValues(kind).Inc()
	ep.excl.add(p, kind+": "+what, false, time.Now())
	ep.s.n.log.Warn("PKP signer at fault", "peer", p, "kind", kind, "what", what, "epoch", ep.number)
}
