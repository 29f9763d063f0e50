// Package lit is the lit developer command line: devnets, status, and (as features land)
// encryption, PKPs and Lit Actions. It parses flags and calls client, testnet/devnet and chain;
// it holds no protocol logic of its own.
package lit

import (
	"github.com/litmesh/litmesh/internal/cli"
)

// Main runs lit with args (without the program name) and returns the exit status.
func Main(args []string) int { return cli.Main(Command(), args) }

// Command is the lit command tree.
func Command() *cli.Command {
	return &cli.Command{
		Name:  "lit",
		Short: "litmesh developer CLI",
		Long: `lit talks to a litmesh threshold key network and runs local devnets.

Start here:
  lit devnet up            start a local network (4 nodes) and write .litdevnet/network.json
  lit status               show every node of the network
  lit encrypt --conditions C.json --in F --out F.lit
                           encrypt F for whoever meets the conditions
  lit decrypt --in F.lit --key dev:1
                           get key shares from the nodes and decrypt

Commands read the network file from --network, then $LIT_NETWORK, then ./.litdevnet/network.json.
Results are JSON on stdout; progress and errors go to stderr.`,
		Sub: []*cli.Command{devnetCmd(), statusCmd(), encryptCmd(), decryptCmd(), pkpCmd(), ipfsCmd(), actionCmd(), chainCmd(), benchCmd()},
	}
}
