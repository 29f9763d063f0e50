package litnode

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"

	libp2pcrypto "github.com/libp2p/go-libp2p/core/crypto"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/node"
)

func attestCmd() *cli.Command {
	var dir, nonceHex string
	var fs *flag.FlagSet
	return &cli.Command{
		Name:  "attest",
		Short: "print this node's attestation report as JSON",
		Long: `Produce an attestation report with this node's provider (SEV-SNP hardware, or simulated on a
devnet), bound to the node's libp2p key, its operator address and a nonce, and print it as
JSON: measurement, guest policy, TCB versions, report data, signer. Operators use it to check
what their node proves and to publish their release measurement.`,
		Flags: func(f *flag.FlagSet) {
			fs = f
			f.StringVar(&dir, "dir", defaultDir(), "node directory ($LITMESH_DIR)")
			f.StringVar(&nonceHex, "nonce", "", "32-byte hex nonce to bind (default: random)")
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
			id, err := node.LoadIdentity(dir)
			if err != nil {
				return err
			}
			var nonce [attestation.NonceSize]byte
			if nonceHex != "" {
				raw, err := hex.DecodeString(strings.TrimPrefix(nonceHex, "0x"))
				if err != nil || len(raw) != len(nonce) {
					return cli.Usagef("--nonce: want %d bytes of hex", len(nonce))
				}
				copy(nonce[:], raw)
			} else if _, err := rand.Read(nonce[:]); err != nil {
				return err
			}
			prov, err := node.NewProvider(cfg, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
			if err != nil {
				return err
			}
			pub, err := libp2pcrypto.MarshalPublicKey(id.Libp2p.GetPublic())
			if err != nil {
				return err
			}
			data, err := attestation.ReportData(attestation.PurposePeer, pub, id.OperatorAddress20(), nonce)
			if err != nil {
				return err
			}
			ev, err := prov.Evidence(ctx, data)
			if err != nil {
				return fmt.Errorf("produce report: %w", err)
			}
			rep, err := attestation.ParseReport(ev)
			if err != nil {
				return fmt.Errorf("read report: %w", err)
			}
			return cli.PrintJSON(map[string]any{
				"kind":            prov.Kind(),
				"peerId":          id.PeerID().String(),
				"operatorAddress": id.OperatorAddress(),
				"nonce":           hex.EncodeToString(nonce[:]),
				"report":          rep,
			})
		},
	}
}

func devchainCmd() *cli.Command {
	var dir, httpAddr, allowOf string
	var autoLock int
	return &cli.Command{
		Name:  "devchain",
		Short: "run the embedded development chain (devnets only)",
		Long: `Run an in-process go-ethereum dev-mode chain with JSON-RPC on HTTP, ten funded dev accounts
(their keys are public: development only) and every litmesh contract deployed. It writes
DIR/deployment.json (chain id, RPC URL, contract addresses, dev accounts) and keeps its
state in DIR, so a restart continues the same chain.`,
		Flags: func(f *flag.FlagSet) {
			f.StringVar(&dir, "dir", "devchain", "chain data directory")
			f.StringVar(&httpAddr, "http", "127.0.0.1:8545", "JSON-RPC listen address")
			f.StringVar(&allowOf, "allow-release-of", "", "comma-separated binaries whose measurement (SHA-384) to allow as releases")
			f.IntVar(&autoLock, "auto-lock", 0, "act as the admin of a container devnet: lock the next set once it has this many members")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
			cfg := devchain.Config{DataDir: dir, HTTPAddr: httpAddr, AutoLock: autoLock}
			for _, path := range node.SplitList(allowOf) {
				m, err := attestation.MeasureFile(path)
				if err != nil {
					return err
				}
				cfg.AllowReleases = append(cfg.AllowReleases, m[:])
			}
			return devchain.Run(ctx, cfg, log)
		},
	}
}
