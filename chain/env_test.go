package chain_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/bindings"
	"github.com/litmesh/litmesh/chain/chaintest"
)

const epochLength = time.Hour

var (
	minStake  = ether(100)
	stakeGift = ether(1000)
)

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// env is a deployed network on a simulated chain: admin, operators and users.
type env struct {
	t     testing.TB
	ctx   context.Context
	sim   *chaintest.Sim
	c     *chain.Client
	addrs chain.Addresses
	admin *ecdsa.PrivateKey
	ops   []*ecdsa.PrivateKey
	users []*ecdsa.PrivateKey
}

func newEnv(t testing.TB, nOps int) *env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	sim := chaintest.NewSim(t, 1+nOps+3)
	e := &env{t: t, ctx: ctx, sim: sim, admin: sim.Accounts[0], ops: sim.Accounts[1 : 1+nOps], users: sim.Accounts[1+nOps:]}
	deployer := sim.NewClient(t, chain.Addresses{})
	addrs, err := chain.Deploy(ctx, deployer, e.admin, chain.DeployConfig{MinStake: minStake, EpochLength: epochLength, WithDemoTokens: true})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	e.addrs = addrs
	e.c = sim.NewClient(t, addrs)
	for _, op := range e.ops {
		e.must(e.tx(e.admin, addrs.StakeToken, bindings.NewStakeToken().PackMint(addr(op), stakeGift)))
	}
	return e
}

func callMsg(to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{To: &to, Data: data}
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func (e *env) must(err error) {
	e.t.Helper()
	if err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) tx(key *ecdsa.PrivateKey, to common.Address, data []byte) error {
	_, err := e.c.Transact(e.ctx, key, to, data)
	return err
}

func registration(i int) chain.Registration {
	return chain.Registration{
		PeerID:     []byte(fmt.Sprintf("peer-%d", i)),
		URL:        fmt.Sprintf("http://127.0.0.1:%d", 7000+i),
		BLSDKGKey:  []byte(fmt.Sprintf("bls-dkg-key-%d", i)),
		SecpDKGKey: []byte(fmt.Sprintf("secp-dkg-key-%d", i)),
	}
}

// join stakes the minimum for operator i and requests to join.
func (e *env) join(i int) {
	e.t.Helper()
	e.must(e.c.Stake(e.ctx, e.ops[i], minStake))
	e.must(e.c.RequestToJoin(e.ctx, e.ops[i], registration(i)))
}

// transition locks the next set (as admin), has every member signal and advances.
func (e *env) transition() {
	e.t.Helper()
	m := e.membership()
	e.must(e.c.LockNextEpoch(e.ctx, e.admin))
	for _, v := range m.Next {
		e.must(e.c.SignalReady(e.ctx, e.keyOf(v.Operator), m.Epoch.Number))
	}
	e.must(e.c.AdvanceEpoch(e.ctx, e.users[0]))
}

func (e *env) keyOf(a common.Address) *ecdsa.PrivateKey {
	for _, k := range e.sim.Accounts {
		if addr(k) == a {
			return k
		}
	}
	e.t.Fatalf("no key for %s", a)
	return nil
}

// membership reads a fresh snapshot (after Refresh, so blocks mined by other clients count).
func (e *env) membership() chain.Membership {
	e.t.Helper()
	e.must(e.c.Refresh(e.ctx))
	m, err := e.c.Membership(e.ctx)
	e.must(err)
	if m.Stale {
		e.t.Fatalf("membership stale: %s", m.StaleReason)
	}
	return m
}

// wantRevert asserts err is a revert with the named custom error (or Error/Panic).
func wantRevert(t *testing.T, err error, name string) *chain.RevertError {
	t.Helper()
	var rev *chain.RevertError
	if !errors.As(err, &rev) {
		t.Fatalf("want revert %s, got %v", name, err)
	}
	if !errors.Is(err, chain.ErrReverted) {
		t.Fatalf("revert error does not match ErrReverted: %v", err)
	}
	if rev.Name != name {
		t.Fatalf("want revert %s, got %s (%v)", name, rev.Name, err)
	}
	return rev
}
