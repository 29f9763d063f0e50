package epochs_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
)

// A member of the next set that misses the coordinator's done — a lost message, a brief
// disconnection, a member flooding the control session — still keeps its keys: it repeats its
// ok, and the coordinator, done, answers with the done again. Here every node drops the first
// done it receives. Before the repeat, the members waited for a done that never came until they
// gave up on the round, the coordinator (done, its keys kept) never ran it again, and the
// members, without keys for the epoch, never signalled ready: the epoch never advanced (the
// key-round review's first finding).
func TestAMemberThatMissesTheDoneStillKeepsItsKeys(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var dropped atomic.Int32
	c := testnet.Start(ctx, t, 4, testnet.WithChain(), testnet.WithConfig(func(_ int, cfg *node.Config) {
		var first atomic.Bool
		cfg.PKPHooks = &node.PKPHooks{DropKeyRoundDone: func() bool {
			if first.CompareAndSwap(false, true) {
				dropped.Add(1)
				return true
			}
			return false
		}}
	}))
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	if n := dropped.Load(); n != 3 {
		t.Fatalf("%d node(s) dropped a done, want every member but the coordinator (3): the test did not make them miss it", n)
	}
}
