package node

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/litmesh/litmesh/api"
)

// verify checks the coordinator's signature on an assignment, once per distinct signed
// assignment.
func (ss *signerSet) verify(a *assignment) error {
	msg := assignmentBytes(ss.ep.s.deps.cfg.Network, ss.ep.scheme.Name(), ss.order, a)
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
	sig, err := ss.ep.s.deps.id.Libp2p.Sign(assignmentBytes(ss.ep.s.deps.cfg.Network, ss.ep.scheme.Name(), ss.order, a))
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
//nolint:funlen // the confirmation's checks in the order docs/pkp.md gives them
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
	st.applyRefusalsLocked(e)
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
	switch {
	case e == nil && len(r.Evidence) == 2:
		return nil
	case e == nil:
		// The refusal overtook the assignment (or this node's request): keep it for when
		// the assignment comes.
		return st.keepRefusalLocked(ss, from, r, time.Now())
	case e.assign != nil && e.assign.Presig != r.Presig:
		return fmt.Errorf("refusal of request %s with %s %s, but it was assigned %s", r.RequestID, ss.materialName(), r.Presig, e.assign.Presig)
	case e.refused != nil:
		return nil // this node refused too, and waits for the coordinator's own word (agreeOn)
	}
	st.failLocked(e, ss.refusal(from, e, r.Reason))
	return nil
}

// refusal is the error of an agreement that member `from` refused for the given reason.
func (ss *signerSet) refusal(from int, e *agreement, reason byte) error {
	why := reasonName(reason)
	var missing []string
	for _, p := range e.missing() {
		if p != ss.peers[from].String() && p != ss.peers[ss.self].String() {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		why += " (no confirmation from " + strings.Join(missing, ", ") + " here either)"
	}
	return api.Errorf(api.KindConflict, "signer %s refused request %s: %s; no share released", ss.peers[from], e.key.req.id, why)
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
	ss.ep.s.deps.log.Info("refusing a request assigned two presignatures or slots (no proof of a fault)",
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
	network := ep.s.deps.cfg.Network
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
	ep.s.deps.log.Warn("PKP coordinator equivocated: it signed two conflicting assignments",
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
		ss.ep.s.deps.log.Debug("could not send every member a refusal", "request_id", r.RequestID, "error", err)
	}
}
