package node

import (
	"context"
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
//     contribution for the presignature, committed during presigning. (If the digest differs,
//     it refuses; when it has the assignment only from another member's confirmation, it
//     answers once the coordinator's own word comes, which may prove equivocation.)
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
	rho, err := ps.Public().Rho(assignmentBytes(ss.ep.s.deps.cfg.Network, "", ss.order, a), contribs)
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
//nolint:funlen,gocognit // the agreement's steps in order (assign, confirm, collect), sharing the request's state
func (ss *signerSet) agreeOn(ctx context.Context, requester [32]byte, requestID string, digest [32]byte, bind binder, digestFor func(string, [32]byte) [32]byte) (ps held, contribs [][32]byte, err error) {
	ep := ss.ep
	st := ep.agree
	now := time.Now()
	start := now
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
	default:
		// The caller checked the set for excluded members before it got here, but an
		// equivocation proven since (its assignment came before this agreement existed,
		// so it had none to fail) would leave this one waiting for an assignment that came
		// and went. equivocated excludes under st.mu: checked here, either the exclusion is
		// seen or the agreement is there for it to fail.
		if err = ep.checkExcluded(ss.order); err != nil {
			st.removeLocked(e)
		}
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
	st.applyRefusalsLocked(e)
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
		confirmedAt = ep.s.deps.metrics.phase("assign", start)
	}
	timer := time.NewTimer(ep.s.assignWait)
	defer timer.Stop()
	for {
		st.mu.Lock()
		if e.refused != nil && e.err == nil && e.confirmed[0] {
			st.failLocked(e, e.refused) // the coordinator's own word is the tuple refused: no equivocation
		}
		if e.err != nil {
			err := e.err
			st.mu.Unlock()
			switch {
			case e.refused != nil && errors.Is(err, e.refused):
				outcome = "refused"
			case errors.Is(err, errAgreeTimeout):
				outcome = "timeout"
			default:
				outcome = "conflict"
			}
			return nil, nil, err
		}
		if e.ps == nil && e.assign != nil && e.refused == nil {
			a := e.assign
			if a.Digest != e.digest {
				err := api.Errorf(api.KindConflict,
					"request %s differs from the one the coordinator %s assigned (toSign, PKP or nodeSet): every signer must get the same request; no share released",
					requestID, ss.peers[0])
				// Refuse at once, so the others fail now. But when the tuple came only in
				// another member's confirmation, the coordinator's own assignment may yet
				// name the slot in another tuple — proof of equivocation, which the answer
				// should carry: wait for the coordinator's word (or the timer) before
				// answering. Nothing is released either way.
				e.refused = err
				st.mu.Unlock()
				ss.discard(a.Presig)
				ss.sendRefuse(&refuseMsg{Requester: requester, RequestID: requestID, Presig: a.Presig, Reason: reasonDiffers})
				continue
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
			confirmedAt = ep.s.deps.metrics.phase("assign", start)
			if !ss.coordinator() {
				if serr := ss.sendEach(ctx, msg); serr != nil {
					ep.s.deps.log.Debug("could not send every member the confirmation", "request_id", requestID, "error", serr)
				}
			}
			timer.Reset(ep.s.confirmWait)
			continue
		}
		if e.ps != nil && !slices.Contains(e.confirmed, false) {
			ps := e.ps
			contribs := slices.Clone(e.contrib)
			e.ps = nil // handed to the caller
			st.mu.Unlock()
			outcome = "agreed"
			ep.s.metrics.agreeTime.Observe(ep.s.deps.metrics.phase("confirm", confirmedAt).Sub(confirmedAt).Seconds())
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
			terr := e.refused // set: the coordinator's word never came, and the refusal stands
			switch {
			case e.refused != nil:
			case e.assign == nil:
				terr = errors.Join(api.Errorf(api.KindTimeout,
					"the signer set's coordinator %s assigned no presignature to request %s within %s: it did not receive the request, or refused it",
					ss.peers[0], requestID, ep.s.assignWait), errAgreeTimeout)
			default:
				terr = errors.Join(api.Errorf(api.KindTimeout,
					"the signer set did not agree on request %s within %s: no confirmation from %s; presignature %s burnt, no share released",
					requestID, ep.s.confirmWait, strings.Join(e.missing(), ", "), e.assign.Presig), errAgreeTimeout)
				ss.sendRefuse(&refuseMsg{Requester: requester, RequestID: requestID, Presig: e.assign.Presig, Reason: reasonTimeout})
			}
			st.failLocked(e, terr)
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
		st.applyRefusalsLocked(e) // (no member can refuse an assignment it has not seen yet)
		st.mu.Unlock()
		msg := &confirmMsg{Assign: *a, Contribution: ps.Contribution()}
		if h := ep.s.deps.cfg.PKPHooks; h != nil && h.Coordinate != nil {
			h.Coordinate(ctx, ss.coordination(a, ps, digestFor))
		} else {
			err = ss.sendAll(ctx, msg.encode())
		}
		ss.sendMu.Unlock()
		if err != nil {
			// The members that got it can confirm; the others fail this request, and the
			// agreement fails with them: no share leaves any node.
			ep.s.deps.log.Debug("could not send every member the assignment", "request_id", a.RequestID, "error", err)
		}
		return nil
	}
	return api.Errorf(api.KindUnavailable, "no presignature for signer set %s: too many concurrent requests; retry", ss.key)
}

// sendEach sends payload to every other member of the set at once, one goroutine per member,
// and returns when every send has ended, with their errors. A member's confirmation is on
// every signature's critical path (the others release their shares only once it arrives):
// sent one after the other (sendAll), it reached the last member only after the writes to all
// the others, and one member's stream busy with a presigning session's large frames held up
// the members behind it. The coordinator's assignment stays with sendAll: it is written under
// sendMu (no batch message's keep list may overtake it), and sent from one goroutine per
// member it would hold that lock until each of them got a CPU — under load, milliseconds in
// which the set assigns nothing else — to save the last member the time of a few small
// writes. (The order no longer matters for refusals: one that overtakes the assignment is
// kept, keepRefusalLocked.)
func (ss *signerSet) sendEach(ctx context.Context, payload []byte) error {
	errs := make([]error, len(ss.peers))
	var wg sync.WaitGroup
	for m := range ss.peers {
		if m == ss.self {
			continue
		}
		if !ss.ep.connected(ss.peers[m]) {
			errs[m] = fmt.Errorf("member %s not connected", ss.peers[m])
			continue
		}
		wg.Go(func() {
			sctx, cancel := context.WithTimeout(ctx, sendTimeout)
			defer cancel()
			errs[m] = ss.ctl.Send(sctx, m, payload)
		})
	}
	wg.Wait()
	return errors.Join(errs...)
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
	ss.ep.s.deps.log.Debug("burnt reserved material", "id", ps.ID().String(), "set", ss.key, "scheme", ss.ep.scheme.Name())
}

// fault records a fault of peer p that this node verified, and leaves p out of its signer sets
// for a while.
func (ep *pkpEpoch) fault(p peer.ID, kind, what string) {
	ep.s.metrics.faults.WithLabelValues(kind).Inc()
	ep.excl.add(p, kind+": "+what, false, time.Now())
	ep.s.deps.log.Warn("PKP signer at fault", "peer", p, "kind", kind, "what", what, "epoch", ep.number)
}
