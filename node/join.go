package node

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain"
)

// JoinOptions configure Join.
type JoinOptions struct {
	// Stake is how much to have staked; zero means the contract's minimum.
	Stake *big.Int
	// Wait makes Join follow the transition until this node serves in the active set.
	Wait bool
	// Progress receives human progress lines (nil discards them).
	Progress io.Writer
}

// Join is what an operator runs to put a node into the network: stake (approving the staking
// token), register the node (peer ID, URL, DKG keys) into the next validator set and, with
// Wait, follow the epoch change — the set being locked, the keys being reshared to it, the
// epoch advancing — until the node serves. The node itself must be running (litnode run) for
// the transition to complete: it takes part in the resharing.
func Join(ctx context.Context, cfg Config, log *slog.Logger, o JoinOptions) error {
	out := progress(o.Progress)
	id, err := LoadIdentity(cfg.Dir)
	if err != nil {
		return err
	}
	ks, err := openKeystore(ctx, cfg, log)
	if err != nil {
		return err
	}
	keys, err := loadDKGKeys(ks)
	if err != nil {
		return err
	}
	bls, secp, err := keys.PublicKeys()
	if err != nil {
		return err
	}
	c, err := dialChain(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.Close()
	op := id.OperatorAddress20()

	ms, err := c.Membership(ctx)
	if err != nil {
		return err
	}
	if ms.OperatorInEpoch(ms.Epoch.Number+1, op) {
		out("operator %s is already in the next validator set", op.Hex())
	} else {
		want := o.Stake
		if want == nil || want.Sign() == 0 {
			if want, err = c.MinStake(ctx); err != nil {
				return err
			}
		}
		have, err := c.StakeOf(ctx, op)
		if err != nil {
			return err
		}
		if missing := new(big.Int).Sub(want, have); missing.Sign() > 0 {
			out("staking %s (operator %s)", missing, op.Hex())
			if err := c.Stake(ctx, id.Operator, missing); err != nil {
				return err
			}
		}
		out("registering peer %s at %s", id.PeerID(), cfg.URL())
		if err := c.RequestToJoin(ctx, id.Operator, chain.Registration{
			PeerID: []byte(id.PeerID()), URL: cfg.URL(), BLSDKGKey: bls, SecpDKGKey: secp,
		}); err != nil {
			return err
		}
		out("in the next validator set of epoch %d", ms.Epoch.Number+1)
		if _, ok, err := c.SDKEndpoint(ctx, cfg.URL()); err == nil && !ok {
			out("note: %s is not http(s)://<IPv4>[:port]: Lit's JS SDK will not list this node (litmesh's own clients still use it)", cfg.URL())
		}
	}
	if !o.Wait {
		return nil
	}
	return follow(ctx, c, out, "serving in the active set", func(ms *chain.Membership) bool { return ms.IsActive(op) })
}

// Leave takes the operator's node out of the next validator set; with wait it follows the epoch
// change until the node is no longer in the active set. The node should keep running until
// then: it deals its key shares to the next set.
func Leave(ctx context.Context, cfg Config, log *slog.Logger, wait bool, w io.Writer) error {
	out := progress(w)
	id, err := LoadIdentity(cfg.Dir)
	if err != nil {
		return err
	}
	c, err := dialChain(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.Close()
	op := id.OperatorAddress20()
	ms, err := c.Membership(ctx)
	if err != nil {
		return err
	}
	if ms.OperatorInEpoch(ms.Epoch.Number+1, op) {
		if err := c.RequestToLeave(ctx, id.Operator); err != nil {
			return err
		}
		out("left the next validator set; the node serves until epoch %d ends", ms.Epoch.Number)
	} else {
		out("operator %s is not in the next validator set", op.Hex())
	}
	if !wait {
		return nil
	}
	return follow(ctx, c, out, "out of the active set; the node can be stopped", func(ms *chain.Membership) bool {
		return !ms.IsActive(op) && !ms.OperatorInEpoch(ms.Epoch.Number+1, op)
	})
}

// follow prints the epoch's progress until done holds.
func follow(ctx context.Context, c *chain.Client, out func(string, ...any), doneMsg string, done func(*chain.Membership) bool) error {
	last := ""
	for {
		ms, err := c.Membership(ctx)
		if err == nil {
			if done(&ms) {
				out("epoch %d: %s", ms.Epoch.Number, doneMsg)
				return nil
			}
			var line string
			switch ms.Epoch.State {
			case chain.StateActive:
				line = fmt.Sprintf("epoch %d: waiting for the next validator set to be locked (by the admin, or by anyone after %s)",
					ms.Epoch.Number, ms.Epoch.Start.Add(ms.Epoch.Length).Format(time.RFC3339))
			case chain.StateNextValidatorSetLocked:
				line = fmt.Sprintf("epoch %d → %d: resharing the keys (%d/%d of the next set ready)", ms.Epoch.Number, ms.Epoch.Number+1, ms.Epoch.ReadyCount, ms.Epoch.NextSetSize)
			case chain.StateReadyForNextEpoch:
				line = fmt.Sprintf("epoch %d → %d: every member ready; advancing", ms.Epoch.Number, ms.Epoch.Number+1)
			}
			if line != last {
				out("%s", line)
				last = line
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

func dialChain(ctx context.Context, cfg Config, opts ...chain.Option) (*chain.Client, error) {
	if cfg.ChainRPC == "" {
		return nil, errors.New("config chain_rpc: joining or leaving needs the network's chain")
	}
	return chain.Dial(ctx, cfg.ChainRPC, chain.Addresses{
		Staking:        common.HexToAddress(cfg.Staking),
		PKPNFT:         common.HexToAddress(cfg.PKPNFT),
		PKPPermissions: common.HexToAddress(cfg.PKPPerms),
	}, opts...)
}

func progress(w io.Writer) func(string, ...any) {
	if w == nil {
		w = io.Discard
	}
	return func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
}
