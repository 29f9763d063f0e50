// Package chaintest runs chain code against go-ethereum's simulated backend in tests. The
// simulated chain mines only on Commit; Sim commits after every transaction (as the dev chain
// does with period 0), so code written for a real auto-mining chain runs unchanged. Test-only:
// it imports testing and must never be imported by non-test code.
package chaintest

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/litmesh/litmesh/chain"
)

// Sim is a simulated chain with funded test accounts.
type Sim struct {
	Backend  *simulated.Backend
	Accounts []*ecdsa.PrivateKey
	manual   atomic.Bool
}

// Key returns the deterministic test key i (not the dev chain's accounts).
func Key(i int) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("litmesh chaintest key %d", i))))
	if err != nil {
		panic(err) // a keccak output is a valid key with overwhelming probability
	}
	return k
}

// NewSim starts a simulated chain with n funded accounts (Key(0..n-1)), closed with the test.
func NewSim(t testing.TB, n int) *Sim {
	t.Helper()
	alloc := types.GenesisAlloc{}
	s := &Sim{}
	for i := range n {
		k := Key(i)
		s.Accounts = append(s.Accounts, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}
	}
	s.Backend = simulated.NewBackend(alloc)
	t.Cleanup(func() { _ = s.Backend.Close() })
	return s
}

// SetManualMining stops (true) or resumes (false) committing after each transaction, so a
// test can put several transactions into one block and Commit itself.
func (s *Sim) SetManualMining(manual bool) { s.manual.Store(manual) }

// Client returns the backend chain.Client uses: the simulated client, committing a block
// after every accepted transaction unless mining is manual.
func (s *Sim) Client() chain.Backend { return autoMine{Client: s.Backend.Client(), sim: s} }

// NewClient returns a chain.Client for the simulated chain, closed with the test. It polls
// for blocks every 10ms.
func (s *Sim) NewClient(t testing.TB, addrs chain.Addresses, opts ...chain.Option) *chain.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	opts = append([]chain.Option{chain.WithPollInterval(10 * time.Millisecond)}, opts...)
	c, err := chain.New(ctx, s.Client(), "simulated", addrs, opts...)
	if err != nil {
		t.Fatalf("chain client over simulated backend: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

// AdjustTime moves the chain's clock forward by d and commits a block at the new time. The
// simulated backend refuses while its pending block holds transactions, which happens when the
// transaction pool admits a transaction only after the commit that followed its sending (under
// load); those are committed first, then the clock moves.
func (s *Sim) AdjustTime(d time.Duration) error {
	for i := 0; ; i++ {
		err := s.Backend.AdjustTime(d)
		if err == nil || i == 10 || !strings.Contains(err.Error(), "non-empty block") {
			return err
		}
		s.Backend.Commit()
	}
}

type autoMine struct {
	simulated.Client
	sim *Sim
}

func (a autoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := a.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	if !a.sim.manual.Load() {
		a.sim.Backend.Commit()
	}
	return nil
}
