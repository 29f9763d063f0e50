package devnet

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/litmesh/litmesh/testnet/devnet/devoidc"
)

// IssuerDir is the devnet OIDC issuer's directory inside the devnet directory: its keys
// (issuer.json, owner-only) and log.
const IssuerDir = "oidc"

// Ports above the nodes' (API BASE+i, libp2p BASE+100+i, profiling BASE+300+i).
const (
	issuerPortOffset  = 400 // the devnet OIDC issuer
	examplePortOffset = 401 // `lit devnet serve-example`
)

// IssuerURL is the devnet OIDC issuer of a devnet with this base port.
func IssuerURL(basePort int) string {
	return fmt.Sprintf("http://127.0.0.1:%d", basePort+issuerPortOffset)
}

// ExampleOrigin is where `lit devnet serve-example` serves: the origin the nodes accept
// passkey assertions from. localhost, not 127.0.0.1: browsers refuse IP addresses as rpIds.
func ExampleOrigin(basePort int) string {
	return fmt.Sprintf("http://localhost:%d", basePort+examplePortOffset)
}

// ExampleRPID is the WebAuthn relying party id of the devnet's example pages.
const ExampleRPID = "localhost"

// authMethodFlags configure a devnet node's auth methods: the devnet issuer (trusted only
// because the node runs in devnet mode) and the example pages' passkeys.
func authMethodFlags(basePort int) []string {
	return []string{
		"--oidc-issuers", IssuerURL(basePort),
		"--webauthn-rp-id", ExampleRPID,
		"--webauthn-origins", ExampleOrigin(basePort),
	}
}

// Issuer loads the OIDC issuer of the devnet in dir (for `lit devnet id-token`).
func Issuer(dir string) (*devoidc.Issuer, error) {
	return devoidc.Load(filepath.Join(dir, IssuerDir))
}

// ExampleAddress is the loopback address `lit devnet serve-example` listens on for the
// devnet in dir, and the origin pages served there have.
func ExampleAddress(dir string) (addr, origin string, err error) {
	st, err := readState(dir)
	if err != nil {
		return "", "", err
	}
	return fmt.Sprintf("127.0.0.1:%d", st.BasePort+examplePortOffset), ExampleOrigin(st.BasePort), nil
}

// startIssuer makes the devnet's issuer keys and runs the issuer process, waiting until it
// serves its discovery document.
func (d *Devnet) startIssuer(ctx context.Context, dir, exe string, basePort int) error {
	idir := filepath.Join(dir, IssuerDir)
	if err := os.MkdirAll(idir, 0o700); err != nil {
		return err
	}
	is, err := devoidc.Generate(IssuerURL(basePort))
	if err != nil {
		return err
	}
	if err := is.Save(idir); err != nil {
		return err
	}
	p, err := d.start("oidc", idir, "oidc.log", exe, "devoidc", "--dir", idir)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	client := &http.Client{Timeout: time.Second}
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, is.URL+devoidc.DiscoveryPath, nil)
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-p.done:
			return fmt.Errorf("the devnet OIDC issuer exited (%w); last log lines:\n%s", p.err, Tail(p.log, 15))
		case <-ctx.Done():
			return fmt.Errorf("the devnet OIDC issuer did not answer at %s: %w", is.URL, ctx.Err())
		case <-tick.C:
		}
	}
}
