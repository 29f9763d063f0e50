package node

import (
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/internal/testutil"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/frost"
)

// Orderings of the agreement's messages that a cluster produces only sometimes, played here
// in a fixed order.

// useFrost makes every member's set a FROST Ed25519 set with an empty pool: the paths these
// tests take never reserve material, and the scheme's name is in the signed assignments.
func (h *agreeHarness) useFrost() {
	for _, ss := range h.sets {
		ss.ep.scheme = &frostScheme{suite: frost.Ed25519, pool: frost.NewPool(64)}
	}
}

// awaitRefusal waits until a refusal of request id for the given reason went out on the
// control session.
func (h *agreeHarness) awaitRefusal(id string, reason byte) {
	h.t.Helper()
	testutil.WaitFor(h.t, 5*time.Second, fmt.Sprintf("a refusal of %s (%s)", id, reasonName(reason)), func() bool {
		h.sniff.Lock()
		defer h.sniff.Unlock()
		for _, p := range h.copies {
			if m, err := decodeCtl(p); err == nil && m.refuse != nil && m.refuse.RequestID == id && m.refuse.Reason == reason {
				return true
			}
		}
		return false
	})
}

// pending reports whether member m has an agreement for request id that its own request waits
// in; opened, whether it has one that knows the assignment.
func (h *agreeHarness) pending(m int, id string) bool {
	return h.agreementIs(m, id, func(e *agreement) bool { return e.request })
}

func (h *agreeHarness) opened(m int, id string) bool {
	return h.agreementIs(m, id, func(e *agreement) bool { return e.assign != nil })
}

// agreementIs reports whether member m has an agreement on request id for which cond holds
// (called under the agreement state's lock).
func (h *agreeHarness) agreementIs(m int, id string, cond func(*agreement) bool) bool {
	st := h.sets[m].ep.agree
	st.mu.Lock()
	defer st.mu.Unlock()
	e := st.entries[agreeKey{h.sets[m].key, reqKey{h.requester, id}}]
	return e != nil && cond(e)
}

func counter(t *testing.T, c interface{ Write(*dto.Metric) error }) float64 {
	t.Helper()
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetCounter().GetValue()
}

// A corrupt coordinator signs one presignature (FROST: nonce slot) into two tuples — the same
// request id under two digests — and sends member 1 the first, member 2 the second, while the
// colluding client sends each member the request that matches its tuple. Member 1 confirms the
// first to member 2; when that relayed confirmation reaches member 2 before the coordinator's
// own assignment does, member 2 adopts the first tuple, finds its own request differs, and
// refuses. Before the fix it answered with that refusal at once ("differs", no evidence), and
// the coordinator's conflicting assignment, arriving a moment later, was proven only to the
// nodes: the client never saw the proof (TestMaliciousFROSTCoordinator failed 2 of 4 runs).
// Now a member that refused a tuple it learnt only from another member waits for the
// coordinator's own word on the request before it answers: a conflicting signed tuple is
// proof of equivocation, and the answer carries it.
func TestARelayedConfirmationBeforeTheCoordinatorsAssignmentStillProvesEquivocation(t *testing.T) {
	for _, scheme := range []string{"ECDSA", "FROST"} {
		for _, requestFirst := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/request first %v", scheme, requestFirst), func(t *testing.T) {
				h := newAgreeHarness(t, 2)
				var slot ecdsa.ID
				var contribution [32]byte
				if scheme == "FROST" {
					h.useFrost()
					rand.Read(slot[:])
				} else {
					own := h.take(0) // the coordinator's own copy is its to misuse
					slot, contribution = own.ID(), own.Contribution()
				}
				first := assignment{Epoch: 1, RequestID: "twice", Digest: digestOf("first"), Presig: slot}
				second := first
				second.Digest = digestOf("second")

				done := make(chan error, 1)
				ask := func() {
					go func() {
						_, _, err := h.sets[2].agreeOn(h.ctx, h.requester, "twice", digestOf("second"), bindECDSA, nil)
						done <- err
					}()
				}
				if requestFirst {
					ask()
					testutil.WaitFor(t, 5*time.Second, "member 2's request to wait in its agreement", func() bool { return h.pending(2, "twice") })
				}
				h.confirm(1, 2, first, contribution) // member 1's confirmation, relaying the first tuple
				if !requestFirst {
					testutil.WaitFor(t, 5*time.Second, "member 2 to hold the relayed assignment", func() bool { return h.opened(2, "twice") })
					ask()
				}
				h.awaitRefusal("twice", reasonDiffers) // member 2 refused the tuple it adopted
				h.confirm(0, 2, second, contribution)  // the coordinator's own assignment, conflicting

				err := <-done
				var ae *api.Error
				if !errors.As(err, &ae) || ae.Kind != api.KindConflict || ae.Evidence == nil || !strings.Contains(err.Error(), "equivocated") {
					t.Fatalf("member 2 answered %v, want the coordinator's equivocation with its evidence", err)
				}
				if _, err := ae.Evidence.Check(); err != nil || ae.Evidence.Accused != h.sets[0].peers[0].String() {
					t.Fatalf("evidence accusing %s: %v", ae.Evidence.Accused, err)
				}
				if why, _, ok := h.sets[2].ep.excl.check(h.sets[2].peers[0], time.Now()); !ok || !strings.Contains(why, "equivocation") {
					t.Fatalf("member 2 does not exclude the coordinator: %q", why)
				}
				if v := counter(t, h.sets[2].ep.s.metrics.equivocations); v != 1 {
					t.Fatalf("member 2 counts %v equivocations", v)
				}
			})
		}
	}
}

// A member refuses the coordinator's assignment (it does not hold the presignature, say) and
// tells the set; its refusal reaches another member before that member has the assignment
// or even the request. Before the fix the refusal was dropped there ("no pending agreement")
// and the member, once it had both, confirmed and waited out confirmWait for a confirmation
// that never came (504 "no confirmation from"). Now it keeps the refusal until it learns the
// assignment and, when the refusal names the assigned presignature, fails at once with it.
func TestARefusalThatOvertakesTheAssignmentEndsTheAgreementWhenItComes(t *testing.T) {
	h := newAgreeHarness(t, 4)
	p := h.held(0)[0] // the presignature the coordinator assigns next: its oldest
	refusal := (&refuseMsg{RequestID: "early", Presig: p, Reason: reasonUnknown}).encode()
	for _, to := range []int{0, 1} {
		if err := h.sets[2].ctl.Send(h.ctx, to, refusal); err != nil {
			t.Fatal(err)
		}
	}
	// A later message from member 2 marks the refusal as handled at member 1 (one receiver
	// handles a member's messages in order).
	var junk ecdsa.ID
	rand.Read(junk[:])
	h.confirm(2, 1, assignment{Epoch: 1, RequestID: "marker", Digest: digestOf("marker"), Presig: junk}, [32]byte{})
	testutil.WaitFor(t, 5*time.Second, "member 1 to handle member 2's messages", func() bool { return h.opened(1, "marker") })

	out := h.request("early", []int{0, 1}, nil, 0)
	for _, m := range []int{0, 1} {
		wantKind(t, fmt.Sprint("member ", m), out[m].err, api.KindConflict, "refused request early: "+reasonName(reasonUnknown))
	}
	// The set still serves other requests.
	h.signs(h.request("after", []int{0, 1, 2}, nil, 0), "after")
}

// Refusals kept for agreements this node does not have yet are bounded per member and expire;
// one that names another presignature than the one assigned ends nothing.
func TestEarlyRefusalsAreBoundedExpireAndMustNameTheAssignedPresignature(t *testing.T) {
	h := newAgreeHarness(t, 4)
	ss := h.sets[1]
	kept := 0
	for i := range maxEarlyPerMember + 20 {
		err := ss.onRefuse(2, &refuseMsg{RequestID: fmt.Sprint("flood-", i), Reason: reasonOther})
		switch {
		case err == nil:
			kept++
		case !strings.Contains(err.Error(), "refusals waiting for requests"):
			t.Fatal(err)
		}
	}
	if kept != maxEarlyPerMember {
		t.Fatalf("%d refusals kept from one member, want %d", kept, maxEarlyPerMember)
	}
	st := ss.ep.agree
	st.expired(time.Now().Add(earlyTTL + time.Second))
	st.mu.Lock()
	left, counted := len(st.refusals), st.refusedBy[ss.key][2]
	st.mu.Unlock()
	if left != 0 || counted != 0 {
		t.Fatalf("%d refusals (%d counted) left after they expired", left, counted)
	}

	// A refusal naming a presignature the coordinator does not assign: the set agrees.
	var other ecdsa.ID
	rand.Read(other[:])
	if err := ss.onRefuse(2, &refuseMsg{RequestID: "named", Presig: other, Reason: reasonUnknown}); err != nil {
		t.Fatal(err)
	}
	h.signs(h.request("named", []int{0, 1, 2}, nil, 0), "named")
	st.mu.Lock()
	left = len(st.refusals)
	st.mu.Unlock()
	if left != 0 {
		t.Fatalf("%d refusals kept after their agreement ended", left)
	}
}

// The coordinator names a presignature twice, the second time for a new request, and that
// second assignment reaches a member after the member's own request passed checkExcluded but
// before it opened its agreement (in a node: while it resolves the PKP on the chain). Before
// the fix the member proved the equivocation and excluded the coordinator with no agreement
// there to fail, then opened one for its request and waited out assignWait for an assignment
// that had come and gone: a timeout without the evidence (TestMaliciousFROSTCoordinator's
// reused-slot case, under load). Now an agreement opened in a set with a member this node
// excludes fails at once, with the evidence.
func TestAnEquivocationProvenBeforeTheRequestOpensItsAgreementFailsItAtOnce(t *testing.T) {
	h := newAgreeHarness(t, 2)
	own := h.take(0) // the coordinator's own copy is its to misuse
	first := assignment{Epoch: 1, RequestID: "first", Digest: digestOf("first"), Presig: own.ID()}
	second := assignment{Epoch: 1, RequestID: "second", Digest: digestOf("second"), Presig: own.ID()}
	h.confirm(0, 2, first, own.Contribution())
	h.confirm(0, 2, second, own.Contribution())
	testutil.WaitFor(t, 5*time.Second, "member 2 to prove the equivocation", func() bool {
		_, _, ok := h.sets[2].ep.excl.check(h.sets[2].peers[0], time.Now())
		return ok
	})

	_, _, err := h.sets[2].agree(h.ctx, h.requester, "second", digestOf("second"), nil)
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Kind != api.KindConflict || ae.Evidence == nil {
		t.Fatalf("member 2 answered %v, want a conflict carrying the coordinator's equivocation", err)
	}
	if _, err := ae.Evidence.Check(); err != nil || ae.Evidence.Accused != h.sets[0].peers[0].String() {
		t.Fatalf("evidence accusing %s: %v", ae.Evidence.Accused, err)
	}
	if h.opened(2, "second") {
		t.Fatal("the refused request's agreement is still open")
	}
}
