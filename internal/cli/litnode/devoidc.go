package litnode

import (
	"context"
	"flag"

	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/testnet/devnet/devoidc"
)

func devoidcCmd() *cli.Command {
	var dir string
	return &cli.Command{
		Name:  "devoidc",
		Short: "serve a devnet's OIDC issuer (devnets only)",
		Long: `Serve the OpenID Connect discovery document and public keys of the devnet issuer whose keys
are in DIR/issuer.json (lit devnet up makes them), on the issuer URL's loopback address. Its
keys are plain files: nodes trust it only in devnet mode. Tokens come from 'lit devnet id-token'.`,
		Flags: func(f *flag.FlagSet) {
			f.StringVar(&dir, "dir", "oidc", "issuer directory")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			return devoidc.Serve(ctx, dir)
		},
	}
}
