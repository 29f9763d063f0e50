package node_test

import (
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/node"
)

const zeroAddr = "0x0000000000000000000000000000000000000001"

func TestAuthMethodSettings(t *testing.T) {
	load := func(env map[string]string, flags ...string) (node.Config, error) {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		node.RegisterFlags(fs)
		if err := fs.Parse(flags); err != nil {
			t.Fatal(err)
		}
		return node.LoadConfig(t.TempDir(), fs, func(k string) string { return env[k] })
	}
	devnet := map[string]string{"LITMESH_MODE": "devnet", "LITMESH_ATTESTATION": "simulated"}

	// A devnet trusts its loopback http:// issuer; production refuses it, naming the setting.
	cfg, err := load(devnet, "--oidc-issuers", "http://127.0.0.1:17401", "--webauthn-rp-id", "localhost", "--webauthn-origins", "http://localhost:17402")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.OIDCIssuers) != 1 || cfg.WebAuthnRPID != "localhost" || len(cfg.WebAuthnOrigins) != 1 {
		t.Fatalf("settings %+v", cfg)
	}
	if v, err := cfg.OIDCVerifier(); err != nil || len(v.Issuers()) != 1 {
		t.Fatalf("OIDCVerifier: %v", err)
	}
	if v, err := cfg.WebAuthnVerifier(); err != nil || v.RPID() != "localhost" {
		t.Fatalf("WebAuthnVerifier: %v", err)
	}

	for _, c := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"an http:// issuer in production", map[string]string{"LITMESH_OIDC_ISSUERS": "http://127.0.0.1:17401", "LITMESH_CHAIN_RPC": "https://rpc.example",
			"LITMESH_STAKING_CONTRACT": zeroAddr, "LITMESH_PKP_NFT_CONTRACT": zeroAddr, "LITMESH_PKP_PERMISSIONS_CONTRACT": zeroAddr}, "oidc_issuers"},
		{"an issuer that is no URL", map[string]string{"LITMESH_MODE": "devnet", "LITMESH_OIDC_ISSUERS": "google"}, "oidc_issuers"},
		{"an rpId without origins", map[string]string{"LITMESH_MODE": "devnet", "LITMESH_WEBAUTHN_RP_ID": "wallet.example.com"}, "webauthn_origins"},
		{"an origin outside the rpId", map[string]string{"LITMESH_MODE": "devnet", "LITMESH_WEBAUTHN_RP_ID": "wallet.example.com", "LITMESH_WEBAUTHN_ORIGINS": "https://evil.example"}, "webauthn_origins"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := load(c.env)
			var ce *node.ConfigError
			if !errors.As(err, &ce) || ce.Key != c.want {
				t.Fatalf("err = %v, want a ConfigError for %s", err, c.want)
			}
			if c.name != "an rpId without origins" && !strings.Contains(ce.Source, "env") {
				t.Fatalf("source %q, want the environment", ce.Source)
			}
		})
	}
}
