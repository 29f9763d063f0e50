package node

import (
	"strings"
	"testing"
)

// The watcher's decisions on what the chain reports (a lying or intercepted RPC among them):
// it follows one epoch at a time, and only with the keys for it.
func TestJudgeEpochFollowsOneEpochAtATimeWithItsKeys(t *testing.T) {
	member := epochFacts{following: true, current: 3, activeBefore: true, activeNow: true, holdsAny: true, newest: 3}
	with := func(f epochFacts, change func(*epochFacts)) epochFacts { change(&f); return f }
	for _, tc := range []struct {
		name   string
		f      epochFacts
		refuse string // "" when accepted
	}{
		{"the epoch it follows", with(member, func(f *epochFacts) { f.chain, f.holdsChain = 3, true }), ""},
		{"the next epoch once it holds its keys", with(member, func(f *epochFacts) { f.chain, f.holdsChain, f.newest = 4, true, 4 }), ""},
		{"the next epoch without this node (it left)", with(member, func(f *epochFacts) { f.chain, f.activeNow = 4, false }), ""},
		{"the next epoch as a member without its keys", with(member, func(f *epochFacts) { f.chain = 4 }), "holds no keys for it"},
		{"a jump of five epochs", with(member, func(f *epochFacts) { f.chain = 8 }), "a jump of 5 epochs"},
		{"a jump even when it would hold the keys", with(member, func(f *epochFacts) { f.chain, f.holdsChain = 5, true }), "a jump of 2 epochs"},
		{"a jump that also drops this node from the set", with(member, func(f *epochFacts) { f.chain, f.activeNow = 8, false }), "a jump of 5 epochs"},
		{"going backwards", with(member, func(f *epochFacts) { f.chain, f.holdsChain = 2, true }), "older than the epoch this node serves"},
		{"going back to epoch 0", with(member, func(f *epochFacts) { f.chain = 0 }), "older than the epoch this node serves"},
		{"an outsider follows any move", epochFacts{following: true, current: 3, chain: 9}, ""},
		{"an outsider that becomes a member of a jumped epoch", epochFacts{following: true, current: 3, chain: 9, activeNow: true}, "a jump of 6 epochs"},
		{"the first snapshot of a fresh node", epochFacts{chain: 0}, ""},
		{"the first snapshot at the epoch of its newest keys", epochFacts{chain: 3, holdsAny: true, newest: 3, activeNow: true, holdsChain: true}, ""},
		{"the first snapshot while a transition is under way", epochFacts{chain: 2, holdsAny: true, newest: 3, activeNow: true, holdsChain: true}, ""},
		{"the first snapshot well below its newest keys", epochFacts{chain: 1, holdsAny: true, newest: 3, activeNow: true}, "older than the epochs this node holds keys for"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ok, why := judgeEpoch(tc.f)
			switch {
			case tc.refuse == "" && !ok:
				t.Fatalf("refused: %s", why)
			case tc.refuse != "" && ok:
				t.Fatal("accepted")
			case tc.refuse != "" && !strings.Contains(why, tc.refuse):
				t.Fatalf("refused because %q, want %q", why, tc.refuse)
			}
		})
	}
}
