package lit

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	passkeywallet "github.com/litmesh/litmesh/examples/passkey-wallet"
	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/testnet/devnet"
	"github.com/litmesh/litmesh/testnet/devnet/devoidc"
)

func devnetIDTokenCmd() *cli.Command {
	var dir, sub, aud, nonce, alg string
	var ttl time.Duration
	return &cli.Command{
		Name:  "id-token",
		Short: "print an ID token signed by the devnet's OIDC issuer",
		Long: `Sign an OpenID Connect ID token as the devnet's issuer (lit devnet up runs it on loopback and
its nodes trust it: devnets only) and print it on stdout, alone, so it can be used as
$(lit devnet id-token --sub alice --aud demo-app). --ttl may be negative to make an expired
token; --nonce binds the token to a request (nodes require the one they expect).`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&dir, "dir", ".litdevnet", "devnet directory")
			fs.StringVar(&sub, "sub", "", "the user (subject)")
			fs.StringVar(&aud, "aud", "", "the app the token is for (audience)")
			fs.DurationVar(&ttl, "ttl", 10*time.Minute, "how long the token is valid")
			fs.StringVar(&nonce, "nonce", "", "the nonce claim (omitted when empty)")
			fs.StringVar(&alg, "alg", "RS256", "RS256 or ES256")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if sub == "" || aud == "" {
				return cli.Usagef("--sub and --aud are required")
			}
			if ttl == 0 {
				return cli.Usagef("--ttl must not be zero")
			}
			is, err := devnet.Issuer(dir)
			if err != nil {
				return err
			}
			tok, err := is.IDToken(devoidc.Token{Subject: sub, Audience: aud, TTL: ttl, Nonce: nonce, Alg: alg})
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(os.Stdout, tok)
			return err
		},
	}
}

func devnetServeExampleCmd() *cli.Command {
	var dir string
	return &cli.Command{
		Name:  "serve-example",
		Short: "serve an example page (passkey-wallet) on the devnet's loopback origin",
		Long: `Serve an example page until Ctrl-C, on http://localhost:BASE+401, the origin the devnet's
nodes accept passkey assertions from (their webauthn_origins; rpId localhost). Examples:
passkey-wallet (examples/passkey-wallet).`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&dir, "dir", ".litdevnet", "devnet directory")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) != 1 {
				return cli.Usagef("name one example: passkey-wallet")
			}
			var h http.Handler
			switch args[0] {
			case "passkey-wallet":
				h = passkeywallet.Handler()
			default:
				return cli.Usagef("unknown example %q (have: passkey-wallet)", args[0])
			}
			addr, origin, err := devnet.ExampleAddress(dir)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
			cli.Infof("serving %s at %s/ (Ctrl-C stops)", args[0], origin)
			done := make(chan error, 1)
			go func() { done <- srv.Serve(ln) }()
			select {
			case <-ctx.Done():
				sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				_ = srv.Shutdown(sctx)
				<-done
				return nil
			case err := <-done:
				if errors.Is(err, http.ErrServerClosed) {
					return nil
				}
				return err
			}
		},
	}
}
