package lit

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/mpc/bls"
)

func encryptCmd() *cli.Command {
	var network, conditions, in, out string
	return &cli.Command{
		Name:  "encrypt",
		Short: "encrypt data for whoever meets access-control conditions",
		Long: `Encrypt the data of --in (default stdin) to the network's BLS key, gated by the access-control
conditions in --conditions (an object {"accessControlConditions": [...]} or one of Lit's other
two list fields, or a bare list; see docs/conditions.md). Writes a self-describing .lit JSON file
to --out (default stdout); with --out, prints a JSON summary on stdout. Everything happens
locally: the nodes are asked only for their verified handshakes and the network key.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&network, "network", "", "network file (default $LIT_NETWORK, then .litdevnet/network.json)")
			fs.StringVar(&conditions, "conditions", "", "access-control conditions file (JSON); required")
			fs.StringVar(&in, "in", "", "data to encrypt (default stdin)")
			fs.StringVar(&out, "out", "", "where to write the .lit file (default stdout)")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if conditions == "" {
				return cli.Usagef("--conditions FILE is required")
			}
			conds, err := readLimited(conditions, access.MaxConditionsSize+64)
			if err != nil {
				return fmt.Errorf("--conditions: %w", err)
			}
			data, err := readLimited(in, bls.MaxPlaintextSize)
			if err != nil {
				return fmt.Errorf("--in: %w", err)
			}
			nf, err := client.LoadNetwork(client.ResolveNetworkPath(network))
			if err != nil {
				return err
			}
			cl := newClient(nf)
			defer cl.Close()
			f, err := cl.Encrypt(ctx, conds, data)
			if err != nil {
				return err
			}
			enc, err := f.Marshal()
			if err != nil {
				return err
			}
			if out == "" {
				_, err := os.Stdout.Write(enc)
				return err
			}
			if err := os.WriteFile(out, enc, 0o600); err != nil {
				return err
			}
			cli.Infof("encrypted %d bytes to %s", len(data), out)
			return cli.PrintJSON(map[string]any{
				"out":               out,
				"size":              len(data),
				"dataToEncryptHash": f.DataToEncryptHash,
				"conditionsHash":    f.ConditionsHash,
				"networkPublicKey":  f.NetworkPublicKey,
			})
		},
	}
}

func decryptCmd() *cli.Command {
	var network, in, out, key, authSig string
	return &cli.Command{
		Name:  "decrypt",
		Short: "decrypt a .lit file with key shares from the nodes",
		Long: `Ask the nodes for their shares of the decryption key of the .lit file in --in (default stdin),
proving who you are with --key (a hex private key, or dev:N for the devnet's account N: it
signs a capability for this file's conditions and data for a fresh session key, which signs a
session signature for each node) or --authsig (a Lit-format authSig JSON file, used as it is;
nodes take it only if it expires within their maximum lifetime, 24 h by default). Each node releases its
share only if the access-control conditions hold for that address. Shares are verified as they
arrive; a bad one is reported on stderr and skipped. Writes the data to --out (default stdout);
with --out, prints a JSON summary on stdout. Fails, saying why each node gave no share, when
fewer than the threshold of nodes do.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&network, "network", "", "network file (default $LIT_NETWORK, then .litdevnet/network.json)")
			fs.StringVar(&in, "in", "", ".lit file to decrypt (default stdin)")
			fs.StringVar(&out, "out", "", "where to write the data (default stdout)")
			fs.StringVar(&key, "key", "", "wallet key that authorises the session: hex, or dev:N")
			fs.StringVar(&authSig, "authsig", "", "authSig JSON file")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			raw, err := readLimited(in, client.MaxEncryptedFileSize)
			if err != nil {
				return fmt.Errorf("--in: %w", err)
			}
			f, err := client.ParseEncryptedFile(raw)
			if err != nil {
				return err
			}
			nf, err := client.LoadNetwork(client.ResolveNetworkPath(network))
			if err != nil {
				return err
			}
			auth, err := authFromFlags(nf, key, authSig)
			if err != nil {
				return err
			}
			cl := newClient(nf)
			defer cl.Close()
			d, err := cl.Decrypt(ctx, f, auth)
			if err != nil {
				return err
			}
			// Decryption succeeded; say which nodes did not help, and why.
			for _, n := range d.Nodes {
				switch n.Status {
				case client.ShareInvalid:
					cli.Infof("warning: %s: share %d rejected: %s", n.URL, n.ShareIndex, n.Reason)
				case client.ShareRefused, client.ShareUnreachable, client.ShareNotAsked:
					cli.Infof("warning: %s: no share: %s", n.URL, n.Reason)
				}
			}
			if out == "" {
				_, err := os.Stdout.Write(d.Plaintext)
				return err
			}
			if err := os.WriteFile(out, d.Plaintext, 0o600); err != nil {
				return err
			}
			cli.Infof("decrypted %d bytes to %s with %d shares", len(d.Plaintext), out, d.Threshold)
			return cli.PrintJSON(map[string]any{"out": out, "size": len(d.Plaintext), "nodes": d.Nodes})
		},
	}
}

// readLimited reads a file ("" or "-" for stdin), refusing more than limit bytes.
func readLimited(path string, limit int) ([]byte, error) {
	r := io.Reader(os.Stdin)
	if path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer func() { _ = f.Close() }() // read-only: nothing to lose on close
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(b) > limit {
		return nil, fmt.Errorf("over the %d-byte limit", limit)
	}
	return b, nil
}
