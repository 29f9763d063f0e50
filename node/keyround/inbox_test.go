package keyround_test

import (
	"slices"
	"testing"

	"github.com/litmesh/litmesh/node/keyround"
)

type msg struct {
	from int
	body string
}

func drain(b *keyround.Inbox) []msg {
	var out []msg
	for {
		from, p, ok := b.Next()
		if !ok {
			return out
		}
		out = append(out, msg{from, string(p)})
	}
}

// TestInboxTakesMembersInTurnAndBoundsEach: messages come out member by member in turn, each
// member's in order; a member over PerMember loses its own oldest, nobody else's; strangers and
// oversized messages are dropped on arrival.
func TestInboxTakesMembersInTurnAndBoundsEach(t *testing.T) {
	for _, tc := range []struct {
		name string
		puts []msg
		drop []bool // Put's answer, by put (nil: all kept)
		want []msg
	}{
		{"one member's messages in order", []msg{{1, "a"}, {1, "b"}}, nil, []msg{{1, "a"}, {1, "b"}}},
		{"members in turn", []msg{{1, "a"}, {1, "b"}, {1, "c"}, {2, "x"}, {0, "s"}},
			nil, []msg{{0, "s"}, {1, "a"}, {2, "x"}, {1, "b"}, {1, "c"}}},
		{"a member over its bound loses its oldest",
			append(repeat(2, keyround.PerMember), msg{2, "last"}, msg{0, "done"}),
			append(make([]bool, keyround.PerMember), true, false),
			append([]msg{{0, "done"}}, append(repeat(2, keyround.PerMember)[1:], msg{2, "last"})...)},
		{"strangers are dropped", []msg{{-1, "a"}, {4, "b"}, {3, "c"}}, []bool{true, true, false}, []msg{{3, "c"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := keyround.NewInbox(4)
			for i, m := range tc.puts {
				wantDrop := tc.drop != nil && tc.drop[i]
				if kept := b.Put(m.from, []byte(m.body)); kept == wantDrop {
					t.Fatalf("put %d (%v): kept %v, want %v", i, m, kept, !wantDrop)
				}
			}
			if got := drain(b); !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
	b := keyround.NewInbox(2)
	if b.Put(1, make([]byte, keyround.MaxMessage+1)) {
		t.Fatal("an oversized message was kept")
	}
	if got := drain(b); len(got) != 0 {
		t.Fatalf("an oversized message came out: %v", got)
	}
}

func repeat(from, n int) []msg {
	out := make([]msg, n)
	for i := range out {
		out[i] = msg{from, "flood " + string(rune('a'+i))}
	}
	return out
}

// TestAFloodingMemberCannotCrowdOutTheCoordinator is the attack of the key-round review: while
// a follower runs its attempt (its driver handles no message), member 2 floods the round's
// control session, and the coordinator's done comes after the flood. A shared buffer — the
// session's own inbox, which the driver used to leave filling while busy — is full by then and
// drops the done, so the follower never keeps its keys. The Inbox, into which the listener
// files every message at once, keeps it.
func TestAFloodingMemberCannotCrowdOutTheCoordinator(t *testing.T) {
	const sessionInbox = 1024 // p2p's per-session inbox
	flood := 4 * sessionInbox

	// Before: one bounded FIFO for every member, dropping what does not fit.
	shared := make(chan msg, sessionInbox)
	deliver := func(m msg) {
		select {
		case shared <- m:
		default:
		}
	}
	for i := range flood {
		deliver(msg{2, string(rune(i))})
	}
	deliver(msg{0, "done"})
	close(shared)
	sawDone := false
	for m := range shared {
		sawDone = sawDone || m.body == "done"
	}
	if sawDone {
		t.Fatal("the shared buffer kept the done: the attack this test models does not happen")
	}

	// After: the Inbox.
	b := keyround.NewInbox(4)
	for i := range flood {
		b.Put(2, []byte{byte(i)})
	}
	b.Put(0, []byte("done"))
	got := drain(b)
	if !slices.Contains(got, msg{0, "done"}) {
		t.Fatal("the flood crowded out the coordinator's done")
	}
	if len(got) > keyround.PerMember+1 {
		t.Fatalf("the inbox held %d messages of a flood, over PerMember", len(got)-1)
	}
	if got[0] != (msg{0, "done"}) {
		t.Fatalf("the coordinator waits behind the flood: first out %v", got[0])
	}
}

// TestInboxSaysWhenItHoldsMessages: a driver waits on Ready, then takes one message; Ready
// fires again while messages remain, and not once the inbox is empty.
func TestInboxSaysWhenItHoldsMessages(t *testing.T) {
	b := keyround.NewInbox(3)
	ready := func() bool {
		select {
		case <-b.Ready():
			return true
		default:
			return false
		}
	}
	if ready() {
		t.Fatal("an empty inbox is ready")
	}
	b.Put(1, []byte("a"))
	b.Put(2, []byte("b"))
	for i := range 2 {
		if !ready() {
			t.Fatalf("not ready with %d message(s) held", 2-i)
		}
		if _, _, ok := b.Next(); !ok {
			t.Fatalf("no message %d", i)
		}
	}
	if ready() {
		t.Fatal("ready once empty")
	}
}
