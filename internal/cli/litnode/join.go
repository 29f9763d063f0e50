package litnode

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"time"

	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/node"
)

func joinCmd() *cli.Command {
	var dir, stake string
	var noWait bool
	var timeout time.Duration
	var fs *flag.FlagSet
	return &cli.Command{
		Name:  "join",
		Short: "stake and register this node into the next validator set",
		Long: `Stake (approving the staking token) from the operator key, register the node — peer ID,
public URL, DKG keys — into the next validator set, then follow the epoch change until the
node serves in the active set: the set is locked (by the admin, or by anyone once the epoch
length has passed), the current set reshares the network's keys to the new one, and the epoch
advances. Keep 'litnode run' going meanwhile: the node takes part in the resharing.`,
		Flags: func(f *flag.FlagSet) {
			fs = f
			f.StringVar(&dir, "dir", defaultDir(), "node directory ($LITMESH_DIR)")
			f.StringVar(&stake, "stake", "", "amount to have staked, in the token's smallest unit (default: the contract's minimum)")
			f.BoolVar(&noWait, "no-wait", false, "return once registered instead of following the epoch change")
			f.DurationVar(&timeout, "timeout", 30*time.Minute, "how long to follow the epoch change")
			node.RegisterFlags(f)
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			cfg, err := node.LoadConfig(dir, fs, os.Getenv)
			if err != nil {
				return err
			}
			o := node.JoinOptions{Wait: !noWait, Progress: os.Stderr}
			if stake != "" {
				v, ok := new(big.Int).SetString(stake, 10)
				if !ok || v.Sign() <= 0 {
					return cli.Usagef("--stake %q: want a positive integer", stake)
				}
				o.Stake = v
			}
			ctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			if err := node.Join(ctx, cfg, quietLog(), o); err != nil {
				return fmt.Errorf("join: %w", err)
			}
			return nil
		},
	}
}

func leaveCmd() *cli.Command {
	var dir string
	var noWait bool
	var timeout time.Duration
	var fs *flag.FlagSet
	return &cli.Command{
		Name:  "leave",
		Short: "take this node out of the next validator set",
		Long: `Remove the node from the next validator set and follow the epoch change until it is out of
the active set. Keep the node running until then: it deals its key shares to the next set.
Unstake afterwards with your staking tools.`,
		Flags: func(f *flag.FlagSet) {
			fs = f
			f.StringVar(&dir, "dir", defaultDir(), "node directory ($LITMESH_DIR)")
			f.BoolVar(&noWait, "no-wait", false, "return once removed from the next set")
			f.DurationVar(&timeout, "timeout", 30*time.Minute, "how long to follow the epoch change")
			node.RegisterFlags(f)
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			cfg, err := node.LoadConfig(dir, fs, os.Getenv)
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			if err := node.Leave(ctx, cfg, quietLog(), !noWait, os.Stderr); err != nil {
				return fmt.Errorf("leave: %w", err)
			}
			return nil
		},
	}
}

func quietLog() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
}
