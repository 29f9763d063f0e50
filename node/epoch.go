package node

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
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
//
// The chain is read, not trusted blindly (docs/epochs.md, "A lying chain RPC"): the watcher
// acts on — serves with, runs transitions for, prunes keys after — only snapshots judgeEpoch
// accepts: the epoch it already follows, or the next one once this node holds its keys. A
// jump, a regression, or a next epoch without this node's keys is logged and waited out.
type epochs struct {
	epochDeps

	mu          sync.Mutex
	transitions []namedTransition
	advance     []func(chain.Membership)
	last        chain.Membership // the last snapshot acted on
	haveLast    bool
	status      string // what the node is doing about the epoch, for /web/status
	warned      string // the last refusal logged, so a lie that persists is logged once
}

// epochDeps is what the epoch watcher uses of the node: wireEpochs fills it.
type epochDeps struct {
	log      *slog.Logger
	chain    epochChain
	operator common.Address     // this node in the validator sets
	signer   *ecdsa.PrivateKey  // the operator key: ready signals, advancing the epoch
	keys     heldKeys           // which epochs this node holds keys for (judgeEpoch)
	publish  func(epoch uint64) // the epoch feed: the epoch of every accepted snapshot
	// clearRejections forgets the gate's refusals (a peer refused as not staked may be a
	// member now); recheckPeers re-checks the trusted peers against the new sets (nil
	// without attestation).
	clearRejections func()
	recheckPeers    func(ctx context.Context)
	redact          func(string) string // takes the configured RPC URLs' secrets out of a text
}

// epochChain is the Staking contract as the watcher reads and drives it (chain.Client).
type epochChain interface {
	Membership(ctx context.Context) (chain.Membership, error)
	HasSignalledReady(ctx context.Context, operator common.Address) (bool, error)
	SignalReady(ctx context.Context, key *ecdsa.PrivateKey, epoch uint64) error
	AdvanceEpoch(ctx context.Context, key *ecdsa.PrivateKey) error
}

// heldKeys is what the watcher asks the keyring: the shares it holds for an epoch, and its
// newest.
type heldKeys interface {
	ForEpoch(e uint64) (*EpochKeys, bool)
	latest() *EpochKeys
}

func newEpochs(deps epochDeps) *epochs { return &epochs{epochDeps: deps} }

// wireEpochs gives the watcher what it uses of the node; call it after startP2P (the gate).
// Without a chain it gets none, and is never run: it only answers the status.
func wireEpochs(n *Node) epochDeps {
	cfg, h := n.cfg, n.host
	d := epochDeps{
		log: n.log, operator: n.operator(), signer: n.id.Operator, keys: n.keys, publish: n.epochFeed.publish,
		clearRejections: h.Gate.ClearRejections,
		redact:          func(s string) string { return redactText(cfg, s) },
	}
	if n.chain != nil {
		d.chain = n.chain
	}
	if a := n.attested; a != nil {
		d.recheckPeers = func(ctx context.Context) { a.Recheck(ctx, h) }
	}
	return d
}

func (e *epochs) redactErr(err error) string { return e.redact(err.Error()) }

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
		ms, err := e.chain.Membership(ctx)
		switch {
		case err != nil:
			e.setStatus("chain unreachable: " + e.redactErr(err))
		case ms.Stale:
			if e.observe(ctx, ms) {
				e.setStatus("serving from the last known validator set: " + e.redact(ms.StaleReason))
			}
		default:
			if e.observe(ctx, ms) && time.Now().After(retryAt) {
				if err := e.step(ctx, &ms); err != nil && ctx.Err() == nil {
					failures++
					backoff := min(time.Duration(failures)*2*time.Second, 30*time.Second)
					retryAt = time.Now().Add(backoff)
					e.setStatus(fmt.Sprintf("epoch %d transition: %s (retrying in %s)", ms.Epoch.Number, e.redactErr(err), backoff))
					e.log.Warn("epoch transition step failed", "epoch", ms.Epoch.Number, "error", e.redactErr(err), "retry_in", backoff.String())
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

// epochFacts is what judgeEpoch decides on.
type epochFacts struct {
	following    bool   // the watcher has accepted a snapshot before
	current      uint64 // the epoch it follows (when following)
	activeBefore bool   // this node is in that epoch's active set
	chain        uint64 // the epoch the new snapshot reports
	activeNow    bool   // this node is in the new snapshot's active set
	holdsChain   bool   // this node holds keys for the reported epoch
	holdsAny     bool   // this node holds keys for some epoch
	newest       uint64 // the newest epoch it holds keys for (when holdsAny)
}

// judgeEpoch decides whether the watcher acts on a snapshot. It accepts the epoch it follows,
// and the next one once this node holds its keys or is not in its active set (a member
// leaving, or an outsider); a node in neither set serves nothing and simply follows the chain.
// On start it accepts an epoch from just below its newest keys (a transition under way: the
// next epoch's keys are stored before the chain advances) upwards. Everything else — a jump, a
// regression, the next epoch without this node's keys — it refuses, saying why, so the caller
// waits it out: one RPC answer must never make a node drop the epoch it serves or its keys.
func judgeEpoch(f epochFacts) (bool, string) {
	if !f.following {
		if f.holdsAny && f.chain+1 < f.newest {
			return false, fmt.Sprintf("it is older than the epochs this node holds keys for (up to %d)", f.newest)
		}
		return true, ""
	}
	switch {
	case f.chain == f.current:
		return true, ""
	case !f.activeBefore && !f.activeNow:
		return true, ""
	case f.chain == f.current+1 && (f.holdsChain || !f.activeNow):
		return true, ""
	case f.chain == f.current+1:
		return false, "this node is in its active set but holds no keys for it (did it miss the transition?)"
	case f.chain > f.current:
		return false, fmt.Sprintf("a jump of %d epochs", f.chain-f.current)
	}
	return false, "it is older than the epoch this node serves"
}

// observe judges the snapshot and, if accepted, records it. When the epoch or its state
// changes it logs it, re-checks the trusted peers and runs the advance hooks; whenever the
// sets change it forgets refusals, since a peer refused as not staked may be a member now. It
// reports whether the snapshot was accepted.
func (e *epochs) observe(ctx context.Context, ms chain.Membership) bool {
	e.mu.Lock()
	prev, had := e.last, e.haveLast
	e.mu.Unlock()
	self := e.operator
	f := epochFacts{following: had, current: prev.Epoch.Number, activeBefore: had && prev.IsActive(self),
		chain: ms.Epoch.Number, activeNow: ms.IsActive(self)}
	_, f.holdsChain = e.keys.ForEpoch(ms.Epoch.Number)
	if k := e.keys.latest(); k != nil {
		f.holdsAny, f.newest = true, k.Epoch
	}
	if ok, why := judgeEpoch(f); !ok {
		e.refuse(prev, had, ms, why)
		return false
	}
	e.mu.Lock()
	e.last, e.haveLast = ms, true
	e.warned = ""
	e.mu.Unlock()
	e.publish(ms.Epoch.Number)
	if !had || len(prev.Next) != len(ms.Next) || len(prev.Active) != len(ms.Active) || prev.Epoch != ms.Epoch {
		e.clearRejections()
	}
	if had && prev.Epoch.Number == ms.Epoch.Number && prev.Epoch.State == ms.Epoch.State {
		return true
	}
	e.log.Info("epoch", "number", ms.Epoch.Number, "state", ms.Epoch.State.String(),
		"active", len(ms.Active), "next", len(ms.Next), "in_active_set", ms.IsActive(e.operator))
	if had && e.recheckPeers != nil {
		e.recheckPeers(ctx)
	}
	if had && prev.Epoch.Number != ms.Epoch.Number {
		for _, fn := range e.onAdvance() {
			fn(ms)
		}
	}
	return true
}

// refuse records why a snapshot is not acted on: in the status, and once in the log (warn).
func (e *epochs) refuse(prev chain.Membership, had bool, ms chain.Membership, why string) {
	serving := "nothing yet"
	if had {
		serving = fmt.Sprintf("epoch %d", prev.Epoch.Number)
	}
	msg := fmt.Sprintf("the chain reports epoch %d (%s), not acted on: %s; waiting (following %s)", ms.Epoch.Number, ms.Epoch.State, why, serving)
	e.mu.Lock()
	e.status = msg
	first := e.warned != msg
	e.warned = msg
	e.mu.Unlock()
	if first {
		e.log.Warn("ignoring the chain's epoch until it is consistent again", "reported", ms.Epoch.Number, "state", ms.Epoch.State.String(),
			"following", prev.Epoch.Number, "following_any", had, "reason", why, "block", ms.Block)
	}
}

// step does what this node owes the current epoch state, if anything.
func (e *epochs) step(ctx context.Context, ms *chain.Membership) error {
	self := e.operator
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
		ready, err := e.chain.HasSignalledReady(ctx, self)
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
		if err := e.chain.SignalReady(ctx, e.signer, ms.Epoch.Number); err != nil {
			return fmt.Errorf("signal ready: %w", err)
		}
		e.log.Info("signalled ready for the next epoch", "epoch", ms.Epoch.Number)
		return nil
	case chain.StateReadyForNextEpoch:
		if !inNext {
			return nil
		}
		// Any member may advance once all are ready; losing the race to another member is fine.
		err := e.chain.AdvanceEpoch(ctx, e.signer)
		var rev *chain.RevertError
		if err != nil && !errors.As(err, &rev) {
			return fmt.Errorf("advance epoch: %w", err)
		}
		if err == nil {
			e.log.Info("advanced the epoch", "to", ms.Epoch.Number+1)
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
