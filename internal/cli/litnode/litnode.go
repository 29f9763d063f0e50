// Package litnode is the litnode command line: the operator's daemon (init, run, …). It parses
// flags and hands off to package node; it holds no node logic of its own.
package litnode

import (
	"context"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/node"
)

// Main runs litnode with args (without the program name) and returns the exit status.
func Main(args []string) int { return cli.Main(Command(), args) }

// Command is the litnode command tree.
func Command() *cli.Command {
	return &cli.Command{
		Name:  "litnode",
		Short: "litmesh node daemon",
		Long: `litnode runs one node of a litmesh threshold key network.

  litnode init --dir D    create the node's identity, operator key and config.toml
  litnode run --dir D     run the node until SIGINT/SIGTERM

Settings come from flags, then LITMESH_* environment variables, then D/config.toml.`,
		Sub: []*cli.Command{initCmd(), runCmd(), joinCmd(), leaveCmd(), attestCmd(), tlsCmd(), devchainCmd(), devoidcCmd()},
	}
}

func defaultDir() string {
	if d := os.Getenv("LITMESH_DIR"); d != "" {
		return d
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".litmesh")
	}
	return ".litmesh"
}

func initCmd() *cli.Command {
	var dir string
	var fs *flag.FlagSet
	return &cli.Command{
		Name:  "init",
		Short: "create a node directory: identity, operator key, config",
		Long: `Create a node directory with a fresh libp2p identity (Ed25519), an operator EVM key and a
config.toml with defaults. Any setting flag given here is written into config.toml.
It also creates the node's long-term DKG keys, sealed in its keystore. Prints the peer ID,
operator address and DKG public keys (what the chain registration needs) as JSON. Refuses to
overwrite an existing identity.`,
		Flags: func(f *flag.FlagSet) {
			fs = f
			f.StringVar(&dir, "dir", defaultDir(), "node directory ($LITMESH_DIR)")
			node.RegisterFlags(f)
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return fmt.Errorf("create %s: %w", dir, err)
			}
			cfg, err := node.LoadConfig(dir, fs, nil)
			if err != nil {
				return err
			}
			id, err := node.InitIdentity(dir)
			if err != nil {
				return err
			}
			if err := node.WriteConfigFile(cfg); err != nil {
				return err
			}
			keys, err := node.InitDKGKeys(ctx, cfg, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})))
			if err != nil {
				return fmt.Errorf("create DKG keys: %w", err)
			}
			blsPub, secpPub, err := keys.PublicKeys()
			if err != nil {
				return err
			}
			cli.Infof("initialised node %s in %s", id.PeerID(), dir)
			return cli.PrintJSON(map[string]string{
				"peerId":          id.PeerID().String(),
				"operatorAddress": id.OperatorAddress(),
				"blsDkgKey":       hex.EncodeToString(blsPub),
				"secpDkgKey":      hex.EncodeToString(secpPub),
				"url":             cfg.URL(),
				"dir":             dir,
			})
		},
	}
}

func runCmd() *cli.Command {
	var dir, devSeed string
	var devnetJoin bool
	var fs *flag.FlagSet
	return &cli.Command{
		Name:  "run",
		Short: "run the node until interrupted",
		Long: `Run the node: libp2p host and DHT discovery, then the client HTTP API.
Logs are JSON lines on stderr. SIGINT or SIGTERM shuts down cleanly.`,
		Flags: func(f *flag.FlagSet) {
			fs = f
			f.StringVar(&dir, "dir", defaultDir(), "node directory ($LITMESH_DIR)")
			f.StringVar(&devSeed, "insecure-dev-seed", "", "INSECURE, devnet mode only (refused in production): if DIR has no identity yet, derive it from this seed")
			f.BoolVar(&devnetJoin, "devnet-join", false, "devnet only: fund the operator from the dev chain's public account 0, then stake and join")
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
			if devSeed != "" {
				// Anyone who knows the seed has the node's keys: never outside a devnet.
				if !cfg.Devnet() {
					return cli.Usagef("--insecure-dev-seed derives the node's keys from a seed anyone may know: devnet mode only (mode is %q)", cfg.Mode)
				}
				if err := initDevIdentity(dir, devSeed); err != nil {
					return err
				}
			}
			level, _ := node.ParseLogLevel(cfg.LogLevel) // validated by LoadConfig
			log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
			if devSeed != "" {
				if _, err := node.InitDKGKeys(ctx, cfg, log); err != nil && !errors.Is(err, node.ErrDKGKeysExist) {
					return err
				}
			}
			if devnetJoin {
				if !cfg.Devnet() {
					return cli.Usagef("--devnet-join funds the operator from a public dev account: devnet mode only")
				}
				done := make(chan struct{})
				defer func() { <-done }()
				go func() {
					defer close(done)
					if err := joinDevnet(ctx, cfg, log); err != nil && ctx.Err() == nil {
						log.Error("devnet join failed", "error", err.Error())
					}
				}()
			}
			return node.Run(ctx, cfg, log)
		},
	}
}

// initDevIdentity gives a container devnet node its deterministic identity on first start.
func initDevIdentity(dir, seed string) error {
	if _, err := os.Stat(filepath.Join(dir, node.IdentityFile)); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	id, err := node.InitDevIdentity(dir, seed)
	if err != nil {
		return err
	}
	cli.Infof("WARNING: node identity %s derived from an insecure dev seed; never use this outside a devnet", id.PeerID())
	return nil
}

// joinDevnet funds this node's operator from the dev chain's account 0 (whose key is public:
// devnets only) and joins the validator set the way an operator does.
func joinDevnet(ctx context.Context, cfg node.Config, log *slog.Logger) error {
	id, err := node.LoadIdentity(cfg.Dir)
	if err != nil {
		return err
	}
	for {
		err = fundFromDevAccount(ctx, cfg, id.OperatorAddress20())
		if err == nil {
			break
		}
		log.Info("waiting for the dev chain to fund the operator", "error", err.Error())
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
	return node.Join(ctx, cfg, log, node.JoinOptions{})
}

func fundFromDevAccount(ctx context.Context, cfg node.Config, op common.Address) error {
	c, err := chain.Dial(ctx, cfg.ChainRPC, chain.Addresses{
		Staking: common.HexToAddress(cfg.Staking), PKPNFT: common.HexToAddress(cfg.PKPNFT),
		PKPPermissions: common.HexToAddress(cfg.PKPPerms),
	})
	if err != nil {
		return err
	}
	defer c.Close()
	// Dev account 0 is also the chain's deployer: wait until the deployment is complete (its
	// last step allows the release) so our transactions do not race its nonces.
	rels, err := c.AllowedReleases(ctx)
	if err != nil {
		return err
	}
	if len(rels) == 0 {
		return errors.New("the dev chain has not finished deploying")
	}
	return devchain.FundOperator(ctx, c, op)
}
