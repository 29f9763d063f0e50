package node

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// Only proof blames a coordinator: one presignature signed into two different tuples. An
// honest coordinator legitimately signs a second assignment, with another presignature, for a
// request id it has forgotten: after a restart (docs/pkp.md: a replay, "without blame"), or
// once its registry dropped the id (recordTTL, maxRecords) while the node's replay guard did
// not stop it (the requester or PKP differs). A malicious member that collects both from the
// coordinator's confirmations and sends them as "evidence" must not make anyone exclude it.
// Found by a security review; before the fix (onRefuse took any two signed assignments of one
// request id as proof) both tests failed: "honest member 1 now excludes the honest coordinator".
func TestTwoAssignmentsOfOneRequestAfterACoordinatorRestartBlameNobody(t *testing.T) {
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

func TestTwoAssignmentsOfOneRequestAfterTheRegistryForgotItBlameNobody(t *testing.T) {
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

// A client with any PKP it may sign with sends sign requests only to a set's coordinator. The
// coordinator assigns each a presignature and confirms it to every member, where it opens an
// agreement that waits for a request that never comes (and burns the presignature). After
// maxEarlyPerMember of them a member refuses to open more for the coordinator — and before the
// fix dropped the confirmation with them, including those of honest users' requests that
// reach the coordinator before the member: no member learnt the assignment and the request
// timed out (found by a security review; this test failed with "member 0: timeout"). Now the
// member keeps the verified assignment and the contribution, and its own request agrees from
// them.
func TestAConfirmationFloodDoesNotKeepHonestRequestsFromAgreeing(t *testing.T) {
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

	// A kept assignment whose request never comes expires like an agreement: its
	// presignature is discarded.
	extra := assignment{Epoch: 1, RequestID: "junk-extra", Digest: digestOf("junk"), Presig: ecdsa.ID{1, 2, 3, 4}}
	if err := h.sets[0].sign(&extra); err != nil {
		t.Fatal(err)
	}
	if err := h.sets[1].onConfirm(0, &confirmMsg{Assign: extra}); err == nil || !strings.Contains(err.Error(), "waiting for requests") {
		t.Fatalf("a confirmation over the quota: %v", err)
	}
	st := h.sets[1].ep.agree
	st.mu.Lock()
	for _, r := range st.regs {
		for _, rec := range r.fifo {
			rec.at = rec.at.Add(-earlyTTL - time.Second)
		}
	}
	st.mu.Unlock()
	found := false
	for _, x := range st.expired(time.Now()) {
		found = found || x.id == extra.Presig && x.ss == h.sets[1]
	}
	if !found {
		t.Fatal("the kept assignment did not expire")
	}
}

// Evidence from another member is checked exactly as a node's own: two assignments of one
// presignature with different tuples, both signed by the coordinator — only then is the
// coordinator excluded and the equivocation counted.
func TestEquivocationEvidenceFromAMemberIsVerifiedBeforeAnyBlame(t *testing.T) {
	h := newAgreeHarness(t, 6)
	p := h.take(0).ID()
	a := assignment{Epoch: 1, RequestID: "one", Digest: digestOf("one"), Presig: p}
	b := assignment{Epoch: 1, RequestID: "two", Digest: digestOf("two"), Presig: p}
	other := assignment{Epoch: 1, RequestID: "one", Digest: digestOf("one"), Presig: h.take(0).ID()}
	for _, x := range []*assignment{&a, &b, &other} {
		if err := h.sets[0].sign(x); err != nil {
			t.Fatal(err)
		}
	}
	forged := b
	forged.Sig = append([]byte(nil), b.Sig...)
	forged.Sig[3] ^= 1
	m1 := h.sets[1]
	equivocations := func() float64 {
		var m dto.Metric
		if err := m1.ep.s.metrics.equivocations.Write(&m); err != nil {
			t.Fatal(err)
		}
		return m.GetCounter().GetValue()
	}
	coordinatorExcluded := func() bool { _, _, ok := m1.ep.excl.check(m1.peers[0], time.Now()); return ok }
	for _, tc := range []struct {
		name     string
		evidence []assignment
		says     string
	}{
		{"two presignatures for one request", []assignment{a, other}, "shows none"},
		{"one assignment twice", []assignment{a, a}, "shows none"},
		{"a signature the coordinator did not make", []assignment{a, forged}, "forged evidence"},
		{"another epoch", []assignment{a, {Epoch: 2, RequestID: "two", Digest: digestOf("two"), Presig: p, Sig: b.Sig}}, "another epoch"},
	} {
		err := m1.onRefuse(2, &refuseMsg{RequestID: "one", Presig: p, Reason: reasonEquivocation, Evidence: tc.evidence})
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Fatalf("%s: got %v, want %q", tc.name, err, tc.says)
		}
		if coordinatorExcluded() || equivocations() != 0 {
			t.Fatalf("%s: the coordinator is excluded (%v) or an equivocation counted (%v)", tc.name, coordinatorExcluded(), equivocations())
		}
	}
	if why, _, ok := m1.ep.excl.check(m1.peers[2], time.Now()); !ok || !strings.Contains(why, faultForgery) {
		t.Fatalf("the member that sent a forged signature is not excluded: %q", why)
	}
	// The real proof.
	if err := m1.onRefuse(2, &refuseMsg{RequestID: "one", Presig: p, Reason: reasonEquivocation, Evidence: []assignment{a, b}}); err != nil {
		t.Fatal(err)
	}
	if !coordinatorExcluded() || equivocations() != 1 {
		t.Fatalf("proof of equivocation: excluded %v, counted %v", coordinatorExcluded(), equivocations())
	}
	// The node hands the proof to clients with its refusal, as fields anyone can check.
	err := m1.ep.checkExcluded([]int{0, 1, 2})
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Evidence == nil {
		t.Fatalf("a refusal for an excluded coordinator carries no evidence: %v", err)
	}
	msgs, cerr := ae.Evidence.Check()
	if cerr != nil || ae.Evidence.Accused != m1.peers[0].String() {
		t.Fatalf("evidence %+v: %v", ae.Evidence, cerr)
	}
	pub, _ := m1.peers[0].ExtractPublicKey()
	for i, msg := range msgs {
		if ok, _ := pub.Verify(msg, ae.Evidence.Assignments[i].Signature); !ok {
			t.Fatalf("assignment %d of the evidence does not verify under the coordinator's key", i)
		}
	}
}

// Request ids are the requester's to choose: two requesters with the same id in the same set
// are two agreements.
func TestTwoRequestersWithOneRequestIDDoNotCollide(t *testing.T) {
	h := newAgreeHarness(t, 6)
	alice, bob := requesterHash("address:alice"), requesterHash("address:bob")
	out := make([][]agreed, 2)
	var wg sync.WaitGroup
	for i, who := range [][32]byte{alice, bob} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = h.requestAs(who, "same-id", []int{0, 1, 2}, nil, 0)
		}()
	}
	wg.Wait()
	h.signs(out[0], "same-id")
	h.signs(out[1], "same-id")
	if out[0][0].ps.ID() == out[1][0].ps.ID() {
		t.Fatal("both requesters got the same presignature")
	}
}

// One requester cannot hold more than maxPendingPerRequester agreements at a node; another
// requester is served meanwhile.
func TestPendingAgreementsAreBoundedPerRequester(t *testing.T) {
	h := newAgreeHarness(t, 8)
	ctx, cancel := context.WithCancel(h.ctx)
	flooder := requesterHash("address:flooder")
	var wg sync.WaitGroup
	for i := range maxPendingPerRequester {
		wg.Add(1)
		go func() { // only member 1 gets these: they wait for an assignment that never comes
			defer wg.Done()
			_, _, _ = h.sets[1].agree(ctx, flooder, fmt.Sprint("flood-", i), digestOf("flood"), nil)
		}()
	}
	st := h.sets[1].ep.agree
	deadline := time.Now().Add(10 * time.Second)
	for {
		st.mu.Lock()
		n := st.pending[flooder]
		st.mu.Unlock()
		if n == maxPendingPerRequester {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d pending", n)
		}
		time.Sleep(5 * time.Millisecond) //nolint:forbidigo // polling a condition
	}
	_, _, err := h.sets[1].agree(ctx, flooder, "one-more", digestOf("one-more"), nil)
	wantKind(t, "the flooder", err, api.KindRateLimited, "waiting for their signer sets")
	h.signs(h.request("honest", []int{0, 1, 2}, nil, 0), "honest")
	cancel()
	wg.Wait()
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.pending[flooder] != 0 {
		t.Fatalf("%d still pending after every request ended", st.pending[flooder])
	}
}
