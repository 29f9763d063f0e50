package node

import (
	"fmt"
	"testing"
	"time"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// Security review (review-sec): one malicious member frames an honest coordinator as an
// equivocator at every honest member, for the rest of the epoch.
//
// An honest coordinator legitimately signs a second assignment for a request id it has
// forgotten: after a restart (docs/pkp.md says so and calls it a replay, "without blame"), or
// once its registry dropped the id (recordTTL, 10 min; maxRecords) while the per-node replay
// guard does not stop the id because the requester or PKP differs (replayKey). A member of the
// set receives both signed assignments in the coordinator's confirmations. onRefuse accepts
// any two validly signed assignments with one request id and different presignatures as
// proof, without the "while the first is still being agreed" condition that record() applies,
// so the member's refuse message with that "evidence" makes every honest member exclude the
// coordinator until the next epoch.
//
// Run: go test ./node -run TestReviewFrame -count=1 -v
// These tests FAIL on main (the honest coordinator is excluded); they pass once onRefuse
// applies the same rule as record() (or assignments carry something that makes a re-assignment
// after a restart distinguishable, e.g. a coordinator boot nonce / monotonic counter).
func TestReviewFrameHonestCoordinatorAfterRestart(t *testing.T) {
	h := newAgreeHarness(t, 6)
	// A normal request; member 2 (the attacker's node) keeps the coordinator's signed
	// assignment from its confirmation.
	h.signs(h.request("served", []int{0, 1, 2}, nil, 0), "served")
	a1 := h.sniffAssignment(t, "served", 0)

	// The coordinator restarts (its agreement state is new; the epoch is the same). The
	// attacker, as a client, sends the same request id again (the replay guard is in memory
	// too), only to the coordinator: it honestly assigns another presignature and sends the
	// assignment to every member, member 2 included.
	h.sets[0].ep.agree = newAgreeState()
	h.request("served", []int{0}, map[int][32]byte{0: digestOf("served again")}, 0)
	a2 := h.sniffAssignmentNot(t, "served", a1)

	// Member 2 sends member 1 the two signed assignments as "evidence".
	err := h.sets[1].onRefuse(2, &refuseMsg{RequestID: "served", Presig: a1.Presig, Reason: reasonEquivocation, Evidence: []assignment{a1, a2}})
	t.Logf("onRefuse: %v", err)
	if why, _, ok := h.sets[1].ep.excl.check(h.sets[1].peers[0], time.Now()); ok {
		t.Fatalf("honest member 1 now excludes the honest coordinator: %s", why)
	}
}

func TestReviewFrameHonestCoordinatorAfterItsRegistryForgot(t *testing.T) {
	h := newAgreeHarness(t, 6)
	h.signs(h.request("served", []int{0, 1, 2}, nil, 0), "served")
	a1 := h.sniffAssignment(t, "served", 0)

	// Ten minutes pass (backdated instead of waited): the coordinator's registry forgets the
	// id at its next insertion. No restart. (In a node the per-requester replay guard is
	// passed by asking with another PKP or from another address.)
	st := h.sets[0].ep.agree
	st.mu.Lock()
	for _, r := range st.regs {
		for _, rec := range r.fifo {
			rec.at = rec.at.Add(-recordTTL - time.Minute)
		}
	}
	st.mu.Unlock()
	h.signs(h.request("filler", []int{0, 1, 2}, nil, 0), "filler")
	h.request("served", []int{0}, map[int][32]byte{0: digestOf("other PKP, same id")}, 0)
	a2 := h.sniffAssignmentNot(t, "served", a1)

	err := h.sets[1].onRefuse(2, &refuseMsg{RequestID: "served", Presig: a1.Presig, Reason: reasonEquivocation, Evidence: []assignment{a1, a2}})
	t.Logf("onRefuse: %v", err)
	if why, _, ok := h.sets[1].ep.excl.check(h.sets[1].peers[0], time.Now()); ok {
		t.Fatalf("honest member 1 now excludes the honest coordinator: %s", why)
	}
}

// sniffAssignment returns the first signed assignment for id seen on the control session.
func (h *agreeHarness) sniffAssignment(t *testing.T, id string, _ int) assignment {
	t.Helper()
	h.sniff.Lock()
	defer h.sniff.Unlock()
	for _, p := range h.copies {
		if m, err := decodeCtl(p); err == nil && m.confirm != nil && m.confirm.Assign.RequestID == id {
			return m.confirm.Assign
		}
	}
	t.Fatalf("no assignment for %s seen", id)
	return assignment{}
}

// sniffAssignmentNot returns a signed assignment for id with another tuple than not.
func (h *agreeHarness) sniffAssignmentNot(t *testing.T, id string, not assignment) assignment {
	t.Helper()
	h.sniff.Lock()
	defer h.sniff.Unlock()
	for _, p := range h.copies {
		if m, err := decodeCtl(p); err == nil && m.confirm != nil && m.confirm.Assign.RequestID == id && !m.confirm.Assign.sameTuple(&not) {
			return m.confirm.Assign
		}
	}
	t.Fatalf("the coordinator signed no second assignment for %s", id)
	return assignment{}
}

// Security review (review-sec): a client with any PKP it may sign with wedges a signer set for
// everyone, at no cost beyond its rate limit (100/s by default).
//
// It sends sign requests only to a set's coordinator. The coordinator assigns each a
// presignature and confirms it to every member, where it opens an agreement that waits up to
// 15 s for a request that never comes (and burns the presignature). After 256 of them
// (maxEarlyPerMember, counted per opener — here the coordinator) a member drops every further
// confirmation from the coordinator — including those of honest users' requests that reach the
// coordinator before they reach the member. When no member holds its own copy before the
// coordinator's confirmation arrives, no member ever learns the assignment and the request
// times out. Simulated here with the coordinator's confirmations of requests that never come.
//
// Run: go test ./node -run TestReviewClientFloodWedgesTheSet -count=1 -v   (FAILS on main)
func TestReviewClientFloodWedgesTheSet(t *testing.T) {
	h := newAgreeHarness(t, 6)
	for i := range maxEarlyPerMember {
		a := assignment{Epoch: 1, RequestID: fmt.Sprint("junk-", i), Digest: digestOf("junk"), Presig: ecdsa.ID{byte(i), byte(i >> 8), 9}}
		if err := h.sets[0].sign(&a); err != nil {
			t.Fatal(err)
		}
		for _, m := range []int{1, 2} {
			if err := h.sets[m].onConfirm(0, &confirmMsg{Assign: a}); err != nil {
				t.Fatal(err)
			}
		}
	}
	// An honest user's request; the coordinator happens to be first (as it is whenever its
	// checks finish before the members').
	out := h.request("honest", []int{0, 1, 2}, nil, 100*time.Millisecond)
	for m, a := range out {
		if a.err != nil {
			t.Errorf("member %d: %v", m, a.err)
		}
	}
}
