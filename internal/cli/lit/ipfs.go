package lit

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/ipfs"
)

func ipfsCmd() *cli.Command {
	return &cli.Command{
		Name:  "ipfs",
		Short: "IPFS helpers",
		Sub: []*cli.Command{{
			Name:  "cid",
			Args:  "FILE",
			Short: "print a file's CID exactly as `ipfs add -Q FILE` would (kubo defaults)",
			Long: `Print the CIDv0 that kubo's 'ipfs add -Q FILE' gives the file (sha2-256, 256 KiB chunks,
balanced DAG), without storing it anywhere. A Lit Action is addressed by this CID.`,
			Run: func(ctx context.Context, args []string) error {
				if len(args) != 1 {
					return cli.Usagef("want exactly one FILE")
				}
				f, err := os.Open(args[0])
				if err != nil {
					return err
				}
				defer f.Close()
				c, err := ipfs.CIDOf(bufio.NewReader(f))
				if err != nil {
					return fmt.Errorf("compute CID of %s: %w", args[0], err)
				}
				fmt.Println(c.String())
				return nil
			},
		}},
	}
}

func actionCmd() *cli.Command {
	return &cli.Command{
		Name:  "action",
		Short: "Lit Actions: pin to the network, run",
		Sub:   []*cli.Command{actionPinCmd(), actionRunCmd()},
	}
}

func actionPinCmd() *cli.Command {
	var network, key, authFile string
	return &cli.Command{
		Name:  "pin",
		Args:  "FILE",
		Short: "store a Lit Action on the network and print its CID",
		Long: `Store FILE on one node and have every node of the network fetch and pin it (over bitswap),
so any node can run it by CID. Nodes keep the file for the address you prove with --key (hex or
dev:N) or --authsig, within that address's storage quota on each node (ipfs_quota_mb).
Prints {"cid", "nodes": [...]}; fails if any node could not pin.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&network, "network", "", "network file (default $LIT_NETWORK, then .litdevnet/network.json)")
			fs.StringVar(&key, "key", "", "private key (hex, or dev:N for the devnet's account N) to sign an authSig with")
			fs.StringVar(&authFile, "authsig", "", "authSig JSON file (instead of --key)")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) != 1 {
				return cli.Usagef("want exactly one FILE")
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			if len(data) > api.MaxActionCode {
				return fmt.Errorf("%s is %d bytes, over the %d-byte action limit", args[0], len(data), api.MaxActionCode)
			}
			nf, err := client.LoadNetwork(client.ResolveNetworkPath(network))
			if err != nil {
				return err
			}
			auth, err := authSigFromFlags(nf, key, authFile)
			if err != nil {
				return err
			}
			cid, results, pinErr := newClient(nf).PinAction(ctx, data, auth)
			if cid != "" {
				if err := cli.PrintJSON(map[string]any{"cid": cid, "nodes": results}); err != nil {
					return err
				}
			}
			return pinErr
		},
	}
}
