package node

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

func TestControlMessagesRoundTrip(t *testing.T) {
	a := &assignMsg{RequestID: "req-1", Digest: [32]byte{1}, Presig: ecdsa.ID{2}, Rho: [32]byte{3}}
	gotA, gotB, err := decodeCtl(a.encode())
	if err != nil || gotB != nil || *gotA != *a {
		t.Fatalf("assign round trip: %+v %+v %v", gotA, gotB, err)
	}
	b := &batchMsg{Nonce: [32]byte{9}, Count: 64, Keep: []ecdsa.ID{{1}, {2}}}
	gotA, gotB, err = decodeCtl(b.encode())
	if err != nil || gotA != nil || gotB.Nonce != b.Nonce || gotB.Count != b.Count || !slices.Equal(gotB.Keep, b.Keep) {
		t.Fatalf("batch round trip: %+v %+v %v", gotA, gotB, err)
	}
}

func TestBadControlMessagesAreRefusedNamingTheProblem(t *testing.T) {
	good := (&assignMsg{RequestID: "r", Presig: ecdsa.ID{1}}).encode()
	batch := (&batchMsg{Count: 1, Keep: []ecdsa.ID{{1}}}).encode()
	for _, tc := range []struct {
		name string
		msg  []byte
		says string
	}{
		{"an empty message", nil, "0 bytes"},
		{"another version", append([]byte{9}, good[1:]...), "version 9"},
		{"an unknown kind", []byte{1, 7}, "kind 7"},
		{"a truncated assignment", good[:len(good)-1], "want"},
		{"an assignment with a long tail", append(slices.Clone(good), 0), "want"},
		{"an empty request id", append([]byte{1, 1, 0}, make([]byte, 96)...), "request id of 0 bytes"},
		{"a request id with a newline", append([]byte{1, 1, 1, '\n'}, make([]byte, 96)...), "printable"},
		{"a batch of zero", func() []byte { b := slices.Clone(batch); b[34], b[35] = 0, 0; return b }(), "count 0"},
		{"a keep list longer than sent", func() []byte { b := slices.Clone(batch); b[37] = 2; return b }(), "want"},
		{"an oversized message", make([]byte, maxCtlMessage+1), "over"},
	} {
		_, _, err := decodeCtl(tc.msg)
		if !errors.Is(err, errCtl) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: got %v, want an error saying %q", tc.name, err, tc.says)
		}
	}
}

func FuzzDecodeCtl(f *testing.F) {
	f.Add((&assignMsg{RequestID: "abc", Digest: [32]byte{1}}).encode())
	f.Add((&batchMsg{Count: 3, Keep: []ecdsa.ID{{4}}}).encode())
	f.Add([]byte{1, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		a, bm, err := decodeCtl(b)
		switch {
		case err != nil:
			if a != nil || bm != nil {
				t.Fatal("error with a result")
			}
		case a != nil:
			if !bytes.Equal(a.encode(), b) {
				t.Fatal("assign does not re-encode to its input")
			}
		case bm != nil:
			if !bytes.Equal(bm.encode(), b) {
				t.Fatal("batch does not re-encode to its input")
			}
		default:
			t.Fatal("no error and no result")
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
	ep := &pkpEpoch{size: size, ring: make([]int, n), pos: make([]int, n), match: newMatcher(), pool: ecdsa.NewPool(8)}
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

func TestMatchingPairsRequestsWithAssignmentsInEitherOrder(t *testing.T) {
	ep := testEpoch(4, 3)
	ss := &signerSet{ep: ep, key: "0,1,2"}
	mt := ep.match
	ctx := context.Background()

	// The assignment first.
	a := &assignment{set: ss, msg: assignMsg{RequestID: "first", Presig: ecdsa.ID{1}}, expires: time.Now().Add(time.Minute)}
	if !mt.deliver(a) || !mt.assigned(ecdsa.ID{1}) {
		t.Fatal("an early assignment was not kept")
	}
	if mt.deliver(&assignment{set: ss, msg: assignMsg{RequestID: "first", Presig: ecdsa.ID{9}}}) {
		t.Fatal("a second assignment for the same request was kept")
	}
	got, ok := mt.wait(ctx, ss, "first", time.Second)
	if !ok || got != a {
		t.Fatal("the request did not get its early assignment")
	}
	mt.done(got)
	if mt.assigned(ecdsa.ID{1}) {
		t.Fatal("a served assignment still protects its presignature")
	}

	// The request first.
	b := &assignment{set: ss, msg: assignMsg{RequestID: "second", Presig: ecdsa.ID{2}}, expires: time.Now().Add(time.Minute)}
	done := make(chan *assignment)
	go func() {
		got, _ := mt.wait(ctx, ss, "second", 10*time.Second)
		done <- got
	}()
	waitUntil(t, "the request to wait", func() bool {
		mt.mu.Lock()
		defer mt.mu.Unlock()
		_, waiting := mt.waiting[matchKey{ss.key, "second"}]
		return waiting
	})
	if !mt.deliver(b) {
		t.Fatal("an assignment for a waiting request was refused")
	}
	if got := <-done; got != b {
		t.Fatal("the waiting request did not get its assignment")
	}

	// A request alone times out; an assignment alone expires.
	if _, ok := mt.wait(ctx, ss, "lonely", 10*time.Millisecond); ok {
		t.Fatal("a request without an assignment was served")
	}
	c := &assignment{set: ss, msg: assignMsg{RequestID: "unclaimed", Presig: ecdsa.ID{3}}, expires: time.Now().Add(-time.Second)}
	mt.deliver(c)
	if exp := mt.expired(time.Now()); len(exp) != 1 || exp[0] != c || mt.assigned(ecdsa.ID{3}) {
		t.Fatalf("expired %v, want the unclaimed assignment released", exp)
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

// waitUntil polls cond until it holds or five seconds pass.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline:
			t.Fatalf("waiting for %s: timed out", what)
		case <-tick.C:
		}
	}
}
