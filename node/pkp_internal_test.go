package node

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

func sampleAssignment() assignment {
	return assignment{Epoch: 3, Requester: [32]byte{7}, RequestID: "req-1", Digest: [32]byte{1}, Presig: ecdsa.ID{2}, Sig: bytes.Repeat([]byte{9}, 64)}
}

func TestControlMessagesRoundTrip(t *testing.T) {
	c := &confirmMsg{Assign: sampleAssignment(), Contribution: [32]byte{3}}
	got, err := decodeCtl(c.encode())
	if err != nil || got.confirm == nil || !got.confirm.Assign.sameTuple(&c.Assign) || !bytes.Equal(got.confirm.Assign.Sig, c.Assign.Sig) || got.confirm.Contribution != c.Contribution {
		t.Fatalf("confirm round trip: %+v %v", got, err)
	}
	b := &batchMsg{Nonce: [32]byte{9}, Count: 64, Keep: []ecdsa.ID{{1}, {2}}}
	got, err = decodeCtl(b.encode())
	if err != nil || got.batch == nil || got.batch.Nonce != b.Nonce || got.batch.Count != b.Count || !slices.Equal(got.batch.Keep, b.Keep) {
		t.Fatalf("batch round trip: %+v %v", got, err)
	}
	for _, v := range []*voteMsg{{Nonce: [32]byte{4}, Verdict: verdictAgree, Digest: [32]byte{5}}, {Nonce: [32]byte{4}, Verdict: verdictVeto, Reason: reasonPresignFault}} {
		got, err = decodeCtl(v.encode())
		if err != nil || got.vote == nil || *got.vote != *v {
			t.Fatalf("vote round trip: %+v %v", got, err)
		}
	}
	for _, r := range []*refuseMsg{
		{Requester: [32]byte{8}, RequestID: "r", Presig: ecdsa.ID{6}, Reason: reasonDiffers},
		{RequestID: "r", Presig: ecdsa.ID{6}, Reason: reasonEquivocation, Evidence: []assignment{sampleAssignment(), sampleAssignment()}},
	} {
		got, err = decodeCtl(r.encode())
		if err != nil || got.refuse == nil || !bytes.Equal(got.refuse.encode(), r.encode()) || len(got.refuse.Evidence) != len(r.Evidence) {
			t.Fatalf("refuse round trip: %+v %v", got, err)
		}
	}
}

func TestBadControlMessagesAreRefusedNamingTheProblem(t *testing.T) {
	a := sampleAssignment()
	good := (&confirmMsg{Assign: a}).encode()
	batch := (&batchMsg{Count: 1, Keep: []ecdsa.ID{{1}}}).encode()
	vote := (&voteMsg{Verdict: verdictAgree}).encode()
	refuse := (&refuseMsg{RequestID: "r", Reason: reasonTimeout}).encode()
	// offsets in a confirm: version, kind, epoch [8], requester [32], id length at 42, id at 43…
	idLen := 42
	sigLen := 43 + len(a.RequestID) + 64
	for _, tc := range []struct {
		name string
		msg  []byte
		says string
	}{
		{"an empty message", nil, "0 bytes"},
		{"a version-1 message (ρ chosen by the coordinator)", append([]byte{1}, good[1:]...), "version 1, want 3"},
		{"a version-2 message (no requester in the assignment)", append([]byte{2}, good[1:]...), "version 2, want 3"},
		{"an unknown kind", []byte{3, 7}, "kind 7"},
		{"a truncated confirmation", good[:len(good)-1], "want a 32-byte contribution"},
		{"a confirmation with a long tail", append(slices.Clone(good), 0), "want a 32-byte contribution"},
		{"an empty request id", func() []byte { b := slices.Clone(good); b[idLen] = 0; return b }(), "request id of 0 bytes"},
		{"a request id with a newline", func() []byte { b := slices.Clone(good); b[idLen+1] = '\n'; return b }(), "printable"},
		{"an unsigned assignment", func() []byte { b := slices.Clone(good); b[sigLen] = 0; return b }(), "signature of 0 bytes"},
		{"a signature longer than the message", func() []byte { b := slices.Clone(good); b[sigLen] = 200; return b }(), "signature of 200 bytes"},
		{"a batch of zero", func() []byte { b := slices.Clone(batch); b[34], b[35] = 0, 0; return b }(), "count 0"},
		{"a keep list longer than sent", func() []byte { b := slices.Clone(batch); b[37] = 2; return b }(), "want"},
		{"a vote of another verdict", func() []byte { b := slices.Clone(vote); b[34] = 9; return b }(), "verdict 9"},
		{"a veto carrying a digest", func() []byte { b := slices.Clone(vote); b[34] = verdictVeto; b[40] = 1; return b }(), "veto with a digest"},
		{"a vote with an unknown reason", func() []byte { b := slices.Clone(vote); b[67] = 99; return b }(), "reason 99"},
		{"a truncated vote", vote[:60], "vote of 60 bytes"},
		{"a refusal with an unknown reason", func() []byte { b := slices.Clone(refuse); b[len(b)-2] = 99; return b }(), "reason 99"},
		{"a truncated refusal", refuse[:10], "refuse of 10 bytes"},
		{"a refusal with one assignment of evidence", append(slices.Clone(refuse[:len(refuse)-1]), 1), "1 assignments of evidence"},
		{"evidence for a refusal that is not about equivocation", func() []byte {
			a := sampleAssignment()
			return (&refuseMsg{RequestID: "r", Reason: reasonTimeout, Evidence: []assignment{a, a}}).encode()
		}(), "evidence with reason 6"},
		{"a refusal with a trailing byte", append(slices.Clone(refuse), 0), "trailing"},
		{"an oversized message", make([]byte, maxCtlMessage+1), "over"},
	} {
		_, err := decodeCtl(tc.msg)
		if !errors.Is(err, errCtl) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: got %v, want an error saying %q", tc.name, err, tc.says)
		}
	}
}

func FuzzDecodeCtl(f *testing.F) {
	f.Add((&confirmMsg{Assign: sampleAssignment(), Contribution: [32]byte{1}}).encode())
	f.Add((&batchMsg{Count: 3, Keep: []ecdsa.ID{{4}}}).encode())
	f.Add((&voteMsg{Nonce: [32]byte{1}, Verdict: verdictAgree, Digest: [32]byte{2}}).encode())
	f.Add((&voteMsg{Verdict: verdictVeto, Reason: reasonExcluded}).encode())
	f.Add((&refuseMsg{RequestID: "abc", Presig: ecdsa.ID{7}, Reason: reasonUnknown}).encode())
	f.Add((&refuseMsg{RequestID: "abc", Reason: reasonEquivocation, Evidence: []assignment{sampleAssignment(), sampleAssignment()}}).encode())
	f.Add([]byte{2, 2})
	f.Add([]byte{1, 1, 3, 'a', 'b', 'c'})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeCtl(b)
		var again []byte
		set := 0
		if m.confirm != nil {
			set++
			again = m.confirm.encode()
		}
		if m.batch != nil {
			set++
			again = m.batch.encode()
		}
		if m.vote != nil {
			set++
			again = m.vote.encode()
		}
		if m.refuse != nil {
			set++
			again = m.refuse.encode()
		}
		switch {
		case err != nil && set != 0:
			t.Fatal("error with a result")
		case err == nil && set != 1:
			t.Fatalf("%d results", set)
		case err == nil && !bytes.Equal(again, b):
			t.Fatal("accepted message does not re-encode to its input")
		}
	})
}

// FuzzParsePKPSignRequest feeds hostile JSON bodies through the handler's decoding and checks.
func FuzzParsePKPSignRequest(f *testing.F) {
	f.Add([]byte(`{"toSign":[1,2,3],"pubkey":"0x04","requestId":"a","nodeSet":["x"]}`))
	f.Add([]byte(`{"toSign":"0x` + strings.Repeat("ab", 32) + `","pubkey":"123","requestId":"r-1","nodeSet":["a","b","c"]}`))
	f.Add([]byte(`{"toSign":[` + strings.Repeat("255,", 31) + `0],"pubkey":"0x` + strings.Repeat("11", 32) + `","requestId":"id","nodeSet":["12D3KooW"]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var req api.PKPSignRequest
		if json.Unmarshal(body, &req) != nil {
			return
		}
		in, err := parsePKPSignRequest(&req)
		if err != nil {
			var ae *api.Error
			if !errors.As(err, &ae) || ae.Kind != api.KindBadRequest {
				t.Fatalf("untyped or wrong-kind error %v", err)
			}
			return
		}
		if checkRequestID(in.requestID) != nil || len(in.nodeSet) == 0 || (in.pkp.TokenID == nil) == (in.pkp.PublicKey == nil) {
			t.Fatalf("accepted an invalid request: %+v", in)
		}
	})
}

// testEpoch builds just enough of an epoch for ring arithmetic and matching.
func testEpoch(n, size int) *pkpEpoch {
	ep := &pkpEpoch{size: size, ring: make([]int, n), pos: make([]int, n), agree: newAgreeState(), scheme: &ecdsaScheme{pool: ecdsa.NewPool(8)}}
	for i := range n {
		// a ring that is not the identity: member i sits at position (3i+1) mod n (n not a multiple of 3)
		ep.ring[(3*i+1)%n] = i
	}
	for p, i := range ep.ring {
		ep.pos[i] = p
	}
	return ep
}

func TestCanonicalOrderStartsAWindowAtItsFirstMemberWhateverTheClientSent(t *testing.T) {
	for _, n := range []int{4, 7, 10} {
		size := 2*((((2*n+2)/3)-1)/2) + 1
		ep := testEpoch(n, size)
		for r := range n {
			win := make([]int, size)
			for j := range win {
				win[j] = ep.ring[(r+j)%n]
			}
			rev := slices.Clone(win)
			slices.Reverse(rev)
			if got := ep.canonical(rev); !slices.Equal(got, win) {
				t.Fatalf("n=%d window %d: canonical order of %v is %v, want %v", n, r, rev, got, win)
			}
		}
	}
	// A set that is not a window starts after its largest gap. Ring positions {0, 1, 3} of 7:
	// the gap before 0 is 0+7−3 = 4, before 1 it is 1, before 3 it is 2 → it starts at 0.
	ep := testEpoch(7, 3)
	set := []int{ep.ring[3], ep.ring[1], ep.ring[0]}
	if got, want := ep.canonical(set), []int{ep.ring[0], ep.ring[1], ep.ring[3]}; !slices.Equal(got, want) {
		t.Fatalf("canonical(%v) = %v, want %v", set, got, want)
	}
}

func TestTheReplayGuardRefusesSeenIDsAndForgetsTheOldest(t *testing.T) {
	g := newReplayGuard(3)
	for i := range 3 {
		if !g.add(fmt.Sprint(i)) {
			t.Fatalf("fresh id %d refused", i)
		}
	}
	if g.add("1") {
		t.Fatal("a replayed id was accepted")
	}
	g.add("3") // forgets "0"
	if !g.add("0") {
		t.Fatal("the oldest id is still remembered beyond capacity")
	}
}
