package node

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain"
)

// startChain connects to the chain holding the validator set, PKPs and permissions. Without a
// chain (devnet only) the node trusts every attested peer and has no epochs.
func (n *Node) startChain(ctx context.Context) error {
	if n.cfg.ChainRPC == "" {
		n.log.Warn("no chain configured (devnet): every attested peer is trusted, there are no epochs, staking or PKPs")
		return nil
	}
	c, err := dialChain(ctx, n.cfg, chain.WithLogger(n.log.With("component", "chain")))
	if err != nil {
		return fmt.Errorf("connect to the chain: %w", err)
	}
	n.chain = c
	n.stops = append(n.stops, func(context.Context) error { c.Close(); return nil })
	return nil
}

// Transition is work a member of the locked next validator set must finish before it signals
// ready: the first DKG when the network has no keys, or resharing the keys to the new set.
// It runs again (after a pause) until it succeeds or the transition is over, so it must be
// idempotent.
type Transition func(ctx context.Context, ms *chain.Membership) error

// epochs follows the Staking contract's epoch state machine for this node: it re-checks peers
// when the epoch changes, does the transition work when this node is in the locked next set,
// signals ready, and advances the epoch once every member is ready.
type epochs struct {
	n *Node

	mu          sync.Mutex
	transitions []namedTransition
	advance     []func(chain.Membership)
	last        chain.Membership
	haveLast    bool
	status      string // what the node is doing about the epoch, for /web/status
}

// OnAdvance registers fn to run (on the watcher's goroutine) after the epoch advanced.
func (e *epochs) OnAdvance(fn func(ms chain.Membership)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advance = append(e.advance, fn)
}

func (e *epochs) onAdvance() []func(chain.Membership) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.advance)
}

type namedTransition struct {
	name string
	fn   Transition
}

// OnTransition registers work for epoch transitions. Call before Start's networking step.
func (e *epochs) OnTransition(name string, fn Transition) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.transitions = append(e.transitions, namedTransition{name, fn})
}

// snapshot returns the last membership the watcher saw.
func (e *epochs) snapshot() (chain.Membership, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.last, e.haveLast
}

func (e *epochs) setStatus(s string) {
	e.mu.Lock()
	e.status = s
	e.mu.Unlock()
}

func (e *epochs) statusText() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.status
}

// run watches the chain until ctx ends.
func (e *epochs) run(ctx context.Context) {
	const poll = time.Second
	ticker := time.NewTicker(poll)
	defer ticker.Stop()
	failures := 0
	var retryAt time.Time
	for {
		ms, err := e.n.chain.Membership(ctx)
		switch {
		case err != nil:
			e.setStatus("chain unreachable: " + err.Error())
		case ms.Stale:
			e.setStatus("serving from the last known validator set: " + ms.StaleReason)
			e.observe(ctx, ms)
		default:
			e.observe(ctx, ms)
			if time.Now().After(retryAt) {
				if err := e.step(ctx, &ms); err != nil && ctx.Err() == nil {
					failures++
					backoff := min(time.Duration(failures)*2*time.Second, 30*time.Second)
					retryAt = time.Now().Add(backoff)
					e.setStatus(fmt.Sprintf("epoch %d transition: %v (retrying in %s)", ms.Epoch.Number, err, backoff))
					e.n.log.Warn("epoch transition step failed", "epoch", ms.Epoch.Number, "error", err, "retry_in", backoff.String())
				} else {
					failures = 0
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// observe records the snapshot. When the epoch or its state changes it logs it, re-checks the
// trusted peers and runs the advance hooks; whenever the sets change it forgets refusals, since
// a peer refused as not staked may be a member now.
func (e *epochs) observe(ctx context.Context, ms chain.Membership) {
	e.mu.Lock()
	prev, had := e.last, e.haveLast
	e.last, e.haveLast = ms, true
	e.mu.Unlock()
	if !had || len(prev.Next) != len(ms.Next) || len(prev.Active) != len(ms.Active) || prev.Epoch != ms.Epoch {
		e.n.host.Gate.ClearRejections()
	}
	if had && prev.Epoch.Number == ms.Epoch.Number && prev.Epoch.State == ms.Epoch.State {
		return
	}
	e.n.log.Info("epoch", "number", ms.Epoch.Number, "state", ms.Epoch.State.String(),
		"active", len(ms.Active), "next", len(ms.Next), "in_active_set", ms.IsActive(e.n.operator()))
	if had && e.n.attested != nil {
		e.n.attested.Recheck(ctx, e.n.host)
	}
	if had && prev.Epoch.Number != ms.Epoch.Number {
		for _, fn := range e.onAdvance() {
			fn(ms)
		}
	}
}

// step does what this node owes the current epoch state, if anything.
func (e *epochs) step(ctx context.Context, ms *chain.Membership) error {
	self := e.n.operator()
	inNext := ms.OperatorInEpoch(ms.Epoch.Number+1, self)
	switch ms.Epoch.State {
	case chain.StateActive:
		if ms.IsActive(self) {
			e.setStatus(fmt.Sprintf("serving epoch %d", ms.Epoch.Number))
		} else {
			e.setStatus(fmt.Sprintf("not in the active set of epoch %d", ms.Epoch.Number))
		}
		return nil
	case chain.StateNextValidatorSetLocked:
		if !inNext {
			if !ms.IsActive(self) {
				e.setStatus(fmt.Sprintf("epoch %d: next set locked without this node", ms.Epoch.Number))
				return nil
			}
			// Leaving: deal this node's shares to the next set, then serve until it takes over.
			e.setStatus(fmt.Sprintf("epoch %d → %d: leaving; dealing this node's shares to the next set", ms.Epoch.Number, ms.Epoch.Number+1))
			return e.runTransitions(ctx, ms)
		}
		ready, err := e.n.chain.HasSignalledReady(ctx, self)
		if err != nil {
			return err
		}
		if ready {
			e.setStatus(fmt.Sprintf("epoch %d: ready, waiting for the rest of the next set (%d/%d)", ms.Epoch.Number, ms.Epoch.ReadyCount, ms.Epoch.NextSetSize))
			return nil
		}
		if err := e.runTransitions(ctx, ms); err != nil {
			return err
		}
		if err := e.n.chain.SignalReady(ctx, e.n.id.Operator, ms.Epoch.Number); err != nil {
			return fmt.Errorf("signal ready: %w", err)
		}
		e.n.log.Info("signalled ready for the next epoch", "epoch", ms.Epoch.Number)
		return nil
	case chain.StateReadyForNextEpoch:
		if !inNext {
			return nil
		}
		// Any member may advance once all are ready; losing the race to another member is fine.
		err := e.n.chain.AdvanceEpoch(ctx, e.n.id.Operator)
		var rev *chain.RevertError
		if err != nil && !errors.As(err, &rev) {
			return fmt.Errorf("advance epoch: %w", err)
		}
		if err == nil {
			e.n.log.Info("advanced the epoch", "to", ms.Epoch.Number+1)
		}
		return nil
	}
	return nil
}

// runTransitions runs every registered transition for the locked next set, in order.
func (e *epochs) runTransitions(ctx context.Context, ms *chain.Membership) error {
	e.mu.Lock()
	work := append([]namedTransition(nil), e.transitions...)
	e.mu.Unlock()
	for _, t := range work {
		e.setStatus(fmt.Sprintf("epoch %d → %d: %s", ms.Epoch.Number, ms.Epoch.Number+1, t.name))
		if err := t.fn(ctx, ms); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return nil
}

func (n *Node) operator() common.Address { return n.id.OperatorAddress20() }
