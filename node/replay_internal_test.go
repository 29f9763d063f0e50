package node

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// Someone who saw a victim's request id (a node operator, a proxy) signs first with it, for
// their own PKP or as themselves: the victim's request with that id must still be served.
// Keyed on the id alone (as it was), the victim's signature was refused as a replay.
func TestAReplayIDCannotBeBurnedForSomeoneElse(t *testing.T) {
	victim, attacker := common.HexToAddress("0x1111111111111111111111111111111111111111"), common.HexToAddress("0x2222222222222222222222222222222222222222")
	pkpA, pkpB := [32]byte{1}, [32]byte{2}
	const id = "lit_0123456789abcdef"
	g := newReplayGuard(16)
	for _, burn := range []struct {
		who signInput
		pkp [32]byte
	}{
		{signInput{address: attacker, requestID: id}, pkpA},                // the attacker's own request on the victim's PKP
		{signInput{address: attacker, requestID: id}, pkpB},                // on the attacker's PKP
		{signInput{actionCID: []byte{0x12, 0x20, 7}, requestID: id}, pkpA}, // from a Lit Action
		{signInput{address: victim, requestID: id}, pkpB},                  // the victim's id on another PKP
	} {
		if !g.add(replayKey(burn.who, burn.pkp)) {
			t.Fatalf("a first request %+v was refused", burn)
		}
	}
	victimReq := signInput{address: victim, requestID: id}
	if !g.add(replayKey(victimReq, pkpA)) {
		t.Fatal("the victim's request was refused as a replay of someone else's")
	}
	if g.add(replayKey(victimReq, pkpA)) {
		t.Fatal("the victim's own request was accepted twice")
	}
}

// The guards against replayed request ids (PKP signing) and session ids (Lit Actions) refuse a
// seen id, forget the oldest beyond their capacity, and allocate only as ids arrive: they were
// 5 MB each on every node before the first request (idle RSS is budgeted).
func TestReplayGuardsForgetTheOldestAndStartEmpty(t *testing.T) {
	type guard struct {
		add   func(string) bool
		empty func() bool
	}
	r, s := newReplayGuard(3), newSessionGuard(3)
	for name, g := range map[string]guard{
		"replay":  {r.add, func() bool { return len(r.ring) == 0 && len(r.seen) == 0 }},
		"session": {s.add, func() bool { return len(s.ring) == 0 && len(s.seen) == 0 }},
	} {
		if !g.empty() {
			t.Fatalf("%s: a new guard holds ids", name)
		}
		for _, id := range []string{"a", "b", "c"} {
			if !g.add(id) {
				t.Fatalf("%s: fresh id %s refused", name, id)
			}
		}
		if g.add("b") {
			t.Fatalf("%s: a replayed id was accepted", name)
		}
		g.add("d") // forgets "a"
		if g.add("c") || g.add("d") {
			t.Fatalf("%s: a remembered id was accepted", name)
		}
		if !g.add("a") {
			t.Fatalf("%s: the oldest id is still remembered beyond capacity", name)
		}
	}
	if big := newReplayGuard(1 << 16); len(big.ring) != 0 || cap(big.ring) != 0 {
		t.Fatal("a large guard preallocates its ring")
	}
}
