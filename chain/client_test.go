package chain_test

import (
	"context"
	"errors"
	"math/big"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/internal/testutil"
)

// countingBackend counts the eth_calls that reach the chain.
type countingBackend struct {
	chain.Backend
	calls atomic.Int64
}

func (b *countingBackend) CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error) {
	b.calls.Add(1)
	return b.Backend.CallContract(ctx, msg, block)
}

func TestReadsAreCachedPerBlock(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	owner := e.users[0]
	p, err := e.c.MintPKP(e.ctx, owner)
	e.must(err)
	a := mustCID(t, cidA)

	counting := &countingBackend{Backend: e.sim.Client()}
	// The poller never fires in this test: the head moves only by Refresh or own writes.
	c, err := chain.New(e.ctx, counting, "simulated", e.addrs, chain.WithPollInterval(time.Hour))
	e.must(err)
	defer c.Close()

	read := func() bool {
		t.Helper()
		ok, err := c.IsPermittedAction(e.ctx, p.TokenID, a)
		e.must(err)
		return ok
	}
	if read() {
		t.Fatal("action permitted before anyone permitted it")
	}
	if _, err := c.Membership(e.ctx); err != nil {
		t.Fatal(err)
	}
	before := counting.calls.Load()
	for range 10 {
		read()
		if _, err := c.Membership(e.ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := counting.calls.Load() - before; n != 0 {
		t.Fatalf("repeated reads within one block made %d calls, want 0", n)
	}

	// Another client's write lands in a new block; once this client sees the block, the
	// cached answer is gone.
	e.must(e.c.PermitAction(e.ctx, owner, p.TokenID, a))
	e.must(c.Refresh(e.ctx))
	if !read() {
		t.Fatal("after a new block the cache still answers the old permission")
	}
	if n := counting.calls.Load() - before; n != 1 {
		t.Fatalf("re-reading after a new block made %d calls, want 1", n)
	}

	// The client reads its own writes without waiting for the poller.
	e.must(c.RevokeAction(e.ctx, owner, p.TokenID, a))
	if read() {
		t.Fatal("client does not see its own revoke")
	}
}

func TestFailedTransactionNamesItselfAndItsReason(t *testing.T) {
	e := newEnv(t, 2)
	for _, op := range e.ops {
		e.must(e.c.Stake(e.ctx, op, minStake))
	}
	// Both requests pass estimation against the same state; mined in one block, the second
	// finds the peer ID taken.
	e.sim.SetManualMining(true)
	errs := make(chan error, 2)
	for _, op := range e.ops {
		go func() { errs <- e.c.RequestToJoin(e.ctx, op, registration(0)) }()
	}
	testutil.WaitFor(t, 30*time.Second, "both transactions in the pool", func() bool {
		n, err := e.sim.Backend.Client().PendingTransactionCount(e.ctx)
		e.must(err)
		return n == 2
	})
	e.sim.Backend.Commit()
	e.sim.SetManualMining(false)
	var failed []error
	for range 2 {
		if err := <-errs; err != nil {
			failed = append(failed, err)
		}
	}
	if len(failed) != 1 {
		t.Fatalf("%d of 2 conflicting joins failed, want 1: %v", len(failed), failed)
	}
	rev := wantRevert(t, failed[0], "PeerIdTaken")
	if rev.TxHash == (common.Hash{}) || !strings.Contains(failed[0].Error(), rev.TxHash.Hex()) {
		t.Fatalf("failed transaction error does not name the transaction: %v", failed[0])
	}
}

func TestUnreachableRPCNamesTheURL(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String()
	l.Close() // nothing listens there now
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = chain.Dial(ctx, url, chain.Addresses{})
	if !errors.Is(err, chain.ErrUnreachable) {
		t.Fatalf("dial closed port: %v, want ErrUnreachable", err)
	}
	if !strings.Contains(err.Error(), url) {
		t.Fatalf("error %q does not name %s", err, url)
	}
}

func TestDialRefusesAnAddressWithoutContract(t *testing.T) {
	e := newEnv(t, 0)
	wrong := e.addrs
	wrong.Staking = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	_, err := chain.New(e.ctx, e.sim.Client(), "simulated", wrong)
	if !errors.Is(err, chain.ErrNoContract) {
		t.Fatalf("client for a staking address without code: %v, want ErrNoContract", err)
	}
	_, err = chain.New(e.ctx, e.sim.Client(), "simulated", e.addrs, chain.WithChainID(1))
	if err == nil || !strings.Contains(err.Error(), "chain id 1337") {
		t.Fatalf("client expecting chain id 1 on 1337: %v", err)
	}
}

// unplugged is a backend whose endpoint can be made unreachable.
type unplugged struct {
	chain.Backend
	down atomic.Bool
}

func (b *unplugged) BlockNumber(ctx context.Context) (uint64, error) {
	if b.down.Load() {
		return 0, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	}
	return b.Backend.BlockNumber(ctx)
}

func TestCurrentHeadIsTheEndpointsLastReportWhileItIsReachable(t *testing.T) {
	e := newEnv(t, 0)
	b := &unplugged{Backend: e.sim.Client()}
	c, err := chain.New(e.ctx, b, "simulated", chain.Addresses{}, chain.WithPollInterval(time.Hour))
	e.must(err)
	defer c.Close()
	want, err := b.BlockNumber(e.ctx)
	e.must(err)
	if head, ok := c.CurrentHead(time.Hour); !ok || head != want {
		t.Fatalf("current head %d (%v), want %d", head, ok, want)
	}
	if c.PollInterval() != time.Hour {
		t.Fatalf("poll interval %s", c.PollInterval())
	}
	b.down.Store(true)
	if err := c.Refresh(e.ctx); !errors.Is(err, chain.ErrUnreachable) {
		t.Fatalf("refresh with the endpoint down: %v", err)
	}
	if _, ok := c.CurrentHead(time.Hour); ok {
		t.Fatal("the head is reported current while the endpoint is unreachable")
	}
	b.down.Store(false)
	e.must(c.Refresh(e.ctx))
	if _, ok := c.CurrentHead(time.Hour); !ok {
		t.Fatal("the head is not current again once the endpoint answers")
	}
}
