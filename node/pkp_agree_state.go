package node

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
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
	// refused is this node's refusal of assign (its request differs) while the coordinator's
	// own word on the request has not come: it answers once that word (or the timer) comes.
	refused error
	wake    chan struct{}
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
	// refusals are members' refusals of requests this node had no agreement on yet (a member
	// can refuse the coordinator's assignment before it reaches this node); refusedBy counts
	// them per set and member.
	refusals  map[refusalKey]earlyRefusal
	refusedBy map[string]map[int]int
}

// refusalKey names member `from`'s refusal of one request of one set.
type refusalKey struct {
	agree agreeKey
	from  int
}

// earlyRefusal is a refusal kept until this node learns the request's assignment: it ends the
// agreement then if it names the assigned material, and is dropped otherwise.
type earlyRefusal struct {
	presig ecdsa.ID
	reason byte
	at     time.Time
}

func newAgreeState() *agreeState {
	return &agreeState{
		entries: map[agreeKey]*agreement{}, early: map[string]map[int]int{},
		regs: map[string]*registry{}, verified: map[[32]byte]struct{}{}, proofs: map[[32]byte]struct{}{},
		pending: map[[32]byte]int{}, refusals: map[refusalKey]earlyRefusal{}, refusedBy: map[string]map[int]int{},
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
	st.refusals = map[refusalKey]earlyRefusal{}
	st.refusedBy = map[string]map[int]int{}
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
	for m := range e.ss.peers {
		st.dropRefusalLocked(refusalKey{e.key, m})
	}
}

// keepRefusalLocked keeps member `from`'s refusal of a request this node has no agreement on
// yet. Like the agreements a member's confirmations open, a member's kept refusals are
// bounded (maxEarlyPerMember, maxEarly in all) and expire after earlyTTL.
func (st *agreeState) keepRefusalLocked(ss *signerSet, from int, r *refuseMsg, now time.Time) error {
	k := refusalKey{agreeKey{ss.key, reqKey{r.Requester, r.RequestID}}, from}
	if _, ok := st.refusals[k]; ok {
		return nil // the first one stands
	}
	q := st.refusedBy[ss.key]
	if q == nil {
		q = map[int]int{}
		st.refusedBy[ss.key] = q
	}
	if q[from] >= maxEarlyPerMember || len(st.refusals) >= maxEarly {
		return fmt.Errorf("member %s has %d refusals waiting for requests this node does not have (limit %d)", ss.peers[from], q[from], maxEarlyPerMember)
	}
	q[from]++
	st.refusals[k] = earlyRefusal{presig: r.Presig, reason: r.Reason, at: now}
	return nil
}

func (st *agreeState) dropRefusalLocked(k refusalKey) {
	if _, ok := st.refusals[k]; !ok {
		return
	}
	delete(st.refusals, k)
	if q := st.refusedBy[k.agree.set]; q != nil {
		if q[k.from]--; q[k.from] <= 0 {
			delete(q, k.from)
		}
	}
}

// applyRefusalsLocked ends an agreement that has just learnt its assignment if a member
// refused that very assignment before: without this, the member's refusal would have been
// lost and this node would wait out confirmWait for a confirmation that never comes.
func (st *agreeState) applyRefusalsLocked(e *agreement) {
	if e.assign == nil || len(st.refusals) == 0 {
		return
	}
	for m := range e.ss.peers {
		k := refusalKey{e.key, m}
		r, ok := st.refusals[k]
		if !ok {
			continue
		}
		st.dropRefusalLocked(k)
		if r.presig == e.assign.Presig && e.err == nil && e.refused == nil {
			st.failLocked(e, e.ss.refusal(m, e, r.reason))
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
	for k, r := range st.refusals {
		if now.Sub(r.at) > earlyTTL {
			st.dropRefusalLocked(k)
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
