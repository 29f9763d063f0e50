package node

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/chaintest"
)

// countingReader counts the reads that reach the chain.
type countingReader struct {
	access.ChainReader
	balances, calls atomic.Int64
}

func (r *countingReader) BalanceAt(ctx context.Context, a common.Address, n *big.Int) (*big.Int, error) {
	r.balances.Add(1)
	return r.ChainReader.BalanceAt(ctx, a, n)
}

func (r *countingReader) CallContract(ctx context.Context, m ethereum.CallMsg, n *big.Int) ([]byte, error) {
	r.calls.Add(1)
	return r.ChainReader.CallContract(ctx, m, n)
}

// condCacheFixture is a simulated chain, a chain client whose poller never fires (the head
// moves only by Refresh), and an evaluator reading the chain through a cachedReader.
type condCacheFixture struct {
	t       *testing.T
	ctx     context.Context
	sim     *chaintest.Sim
	heads   *chain.Client
	reads   *countingReader
	cached  *cachedReader
	checker conditionsEvaluator
}

func newCondCacheFixture(t *testing.T) *condCacheFixture {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	sim := chaintest.NewSim(t, 2)
	f := &condCacheFixture{t: t, ctx: ctx, sim: sim, heads: sim.NewClient(t, chain.Addresses{}, chain.WithPollInterval(time.Hour)),
		reads: &countingReader{ChainReader: sim.Backend.Client()}}
	f.cached = newCachedReader(f.reads, f.heads)
	ev, err := access.NewEvaluator(access.WithChain("simchain", f.cached))
	if err != nil {
		t.Fatal(err)
	}
	f.checker = conditionsEvaluator{ev: ev}
	return f
}

// atLeast is "native balance ≥ ether ETH".
func (f *condCacheFixture) atLeast(ether int64) *access.Conditions {
	f.t.Helper()
	wei := new(big.Int).Mul(big.NewInt(ether), big.NewInt(params.Ether))
	c, err := access.Parse(access.KindAccessControl, []byte(`[{"contractAddress":"","standardContractType":"","chain":"simchain",
		"method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"`+wei.String()+`"}}]`),
		access.WithChains("simchain"))
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// met reports whether c holds for addr, failing on anything but a verdict.
func (f *condCacheFixture) met(c *access.Conditions, addr common.Address) bool {
	f.t.Helper()
	err := f.checker.Check(f.ctx, c, access.Subject{Address: addr})
	var notMet *access.NotMetError
	if err != nil && !errors.As(err, &notMet) {
		f.t.Fatal(err)
	}
	return err == nil
}

// send moves ether ETH from test account from to addr, in a block of its own.
func (f *condCacheFixture) send(from int, addr common.Address, ether int64) {
	f.t.Helper()
	key := f.sim.Accounts[from]
	cl := f.sim.Client()
	nonce, err := cl.PendingNonceAt(f.ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		f.t.Fatal(err)
	}
	id, err := cl.ChainID(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	tip := big.NewInt(params.GWei)
	tx := types.MustSignNewTx(key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, To: &addr, Gas: 21000, GasTipCap: tip, GasFeeCap: new(big.Int).Mul(tip, big.NewInt(100)),
		Value: new(big.Int).Mul(big.NewInt(ether), big.NewInt(params.Ether)),
	})
	if err := cl.SendTransaction(f.ctx, tx); err != nil { // mined at once (chaintest)
		f.t.Fatal(err)
	}
}

func TestConditionReadsRepeatedWithinABlockComeFromTheCache(t *testing.T) {
	f := newCondCacheFixture(t)
	rich := crypto.PubkeyToAddress(f.sim.Accounts[0].PublicKey)
	c := f.atLeast(500)
	for range 5 {
		if !f.met(c, rich) {
			t.Fatal("an account holding 1000 ETH does not hold 500")
		}
	}
	if n := f.reads.balances.Load(); n != 1 {
		t.Fatalf("five checks within one block read the balance %d times, want 1", n)
	}

	// 600 ETH leave in a new block. Until the node sees that block the cached balance still
	// grants (what it granted a moment before); once it does, the fresh balance refuses.
	f.send(0, common.HexToAddress("0x00000000000000000000000000000000000d0e00"), 600)
	if !f.met(c, rich) {
		t.Fatal("the cache did not answer within the block it was read for")
	}
	if err := f.heads.Refresh(f.ctx); err != nil {
		t.Fatal(err)
	}
	if f.met(c, rich) {
		t.Fatal("a new block did not empty the cache: 400 ETH still count as 500")
	}
	if n := f.reads.balances.Load(); n != 2 {
		t.Fatalf("the balance was read %d times, want 2 (once per block)", n)
	}
}

func TestAConditionRefusedOnACachedReadIsCheckedAgainFresh(t *testing.T) {
	f := newCondCacheFixture(t)
	fresh := common.HexToAddress("0x00000000000000000000000000000000000a11ce")
	c := f.atLeast(1)
	if f.met(c, fresh) {
		t.Fatal("an empty account holds 1 ETH")
	}
	// Funded in a block the node has not seen yet: the cached balance (0) must not refuse.
	f.send(1, fresh, 2)
	if !f.met(c, fresh) {
		t.Fatal("a just-funded account was refused on the cached balance")
	}
	if n := f.reads.balances.Load(); n != 2 {
		t.Fatalf("balance reads: %d, want 2 (the first check's, and the fresh re-check of the cached refusal)", n)
	}
	// A refusal that used no cached answer is final: no second evaluation.
	other := common.HexToAddress("0x00000000000000000000000000000000000b0b00")
	if f.met(c, other) {
		t.Fatal("an empty account holds 1 ETH")
	}
	if n := f.reads.balances.Load(); n != 3 {
		t.Fatalf("balance reads: %d, want 3", n)
	}
}

func TestContractCallsAreCachedByWhatDecidesTheirResult(t *testing.T) {
	f := newCondCacheFixture(t)
	ctx := context.WithValue(f.ctx, readUseKey{}, &readUse{})
	to := common.HexToAddress("0x00000000000000000000000000000000000c0de0")
	call := func(m ethereum.CallMsg) {
		t.Helper()
		if _, err := f.cached.CallContract(ctx, m, nil); err != nil {
			t.Fatal(err)
		}
	}
	call(ethereum.CallMsg{To: &to, Data: []byte{1, 2, 3}})
	call(ethereum.CallMsg{To: &to, Data: []byte{1, 2, 3}})
	call(ethereum.CallMsg{To: &to, Data: []byte{1, 2, 4}})
	call(ethereum.CallMsg{From: common.HexToAddress("0x2"), To: &to, Data: []byte{1, 2, 3}})
	if n := f.reads.calls.Load(); n != 3 {
		t.Fatalf("calls reaching the chain: %d, want 3 (the repeat cached, other data and another sender not)", n)
	}
	for _, m := range []ethereum.CallMsg{
		{To: &to, Data: []byte{1, 2, 3}, Gas: 50000},
		{To: &to, Data: []byte{1, 2, 3}, Value: big.NewInt(1)},
		{Data: []byte{1, 2, 3}},
	} {
		if key, ok := callKey(m); ok {
			t.Errorf("a call with fields the evaluator never sets is cached as %q", key)
		}
	}
	if a, _ := callKey(ethereum.CallMsg{To: &to, Data: []byte{1}}); !strings.HasPrefix(a, "call:") {
		t.Errorf("call key %q", a)
	}
}

func TestNothingIsCachedOutsideAnEvaluationOrWithoutACurrentHead(t *testing.T) {
	f := newCondCacheFixture(t)
	rich := crypto.PubkeyToAddress(f.sim.Accounts[0].PublicKey)
	for range 2 {
		if _, err := f.cached.BalanceAt(f.ctx, rich, nil); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.reads.balances.Load(); n != 2 {
		t.Fatalf("reads outside an evaluation: %d reached the chain, want 2", n)
	}

	stale := newCachedReader(f.reads, staleHead{})
	ctx := context.WithValue(f.ctx, readUseKey{}, &readUse{})
	for range 2 {
		if _, err := stale.BalanceAt(ctx, rich, nil); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.reads.balances.Load(); n != 4 {
		t.Fatalf("reads without a current head: %d reached the chain, want 4", n)
	}
}

// staleHead is a chain client that has not reached its endpoint lately.
type staleHead struct{}

func (staleHead) CurrentHead(time.Duration) (uint64, bool) { return 7, false }
func (staleHead) PollInterval() time.Duration              { return time.Second }
