package lit_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
)

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// litWithInput runs the lit binary with stdin, returning stdout, stderr and the exit code.
func litWithInput(t *testing.T, ctx context.Context, stdin []byte, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	cmd := exec.CommandContext(ctx, litBinary, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out.Bytes(), errb.Bytes(), ee.ExitCode()
	}
	if err != nil {
		t.Fatalf("run lit %v: %v", args, err)
	}
	return out.Bytes(), errb.Bytes(), 0
}

// lit encrypt and lit decrypt as processes against a 4-node network: files and pipes, --key
// dev:N, --key hex, --authsig, and the refusal of an unfunded key.
func TestLitEncryptDecrypt(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithChain())
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)

	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	if err := client.WriteNetwork(path("network.json"), c.NetworkFile()); err != nil {
		t.Fatal(err)
	}
	conditions := `{"accessControlConditions":[{"contractAddress":"","standardContractType":"","chain":"litdevnet","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1000000000000000000"}}]}`
	secret := make([]byte, 50_000)
	if _, err := rand.Read(secret); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"conditions.json": []byte(conditions), "secret.bin": secret} {
		if err := os.WriteFile(path(name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	network := "--network=" + path("network.json")

	t.Run("files: encrypt, then decrypt with dev:1", func(t *testing.T) {
		out, stderr, code := litWithInput(t, ctx, nil, "encrypt", network, "--conditions", path("conditions.json"), "--in", path("secret.bin"), "--out", path("secret.lit"))
		if code != 0 {
			t.Fatalf("encrypt exited %d: %s", code, stderr)
		}
		var summary struct {
			Out, DataToEncryptHash, NetworkPublicKey string
		}
		if err := json.Unmarshal(out, &summary); err != nil || summary.Out != path("secret.lit") || summary.NetworkPublicKey == "" {
			t.Fatalf("encrypt printed %s (%v)", out, err)
		}
		if summary.DataToEncryptHash != sha256Hex(secret) {
			t.Fatalf("data hash %s, want %s", summary.DataToEncryptHash, sha256Hex(secret))
		}
		_, stderr, code = litWithInput(t, ctx, nil, "decrypt", network, "--in", path("secret.lit"), "--out", path("secret.out"), "--key", "dev:1")
		if code != 0 {
			t.Fatalf("decrypt exited %d: %s", code, stderr)
		}
		got, err := os.ReadFile(path("secret.out"))
		if err != nil || !bytes.Equal(got, secret) {
			t.Fatalf("decrypted %d bytes (%v), want the %d encrypted", len(got), err, len(secret))
		}
	})

	t.Run("pipes: stdin to stdout both ways, with --authsig", func(t *testing.T) {
		lit, stderr, code := litWithInput(t, ctx, []byte("a short message\n"), "encrypt", network, "--conditions", path("conditions.json"))
		if code != 0 {
			t.Fatalf("encrypt exited %d: %s", code, stderr)
		}
		dev2, err := devchain.AccountByIndex(2)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := access.CreateAuthSig(dev2.Key, access.AuthSigOptions{})
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(sig)
		if err := os.WriteFile(path("authsig.json"), raw, 0o600); err != nil {
			t.Fatal(err)
		}
		out, stderr, code := litWithInput(t, ctx, lit, "decrypt", network, "--authsig", path("authsig.json"))
		if code != 0 || string(out) != "a short message\n" {
			t.Fatalf("decrypt exited %d, printed %q: %s", code, out, stderr)
		}

		// An authSig that never expires is a bearer token forever: refused, in one line.
		forever, err := access.SignSIWE(dev2.Key, &access.SIWEMessage{Domain: "localhost", URI: "https://localhost/", ChainID: 1})
		if err != nil {
			t.Fatal(err)
		}
		raw, _ = json.Marshal(forever)
		if err := os.WriteFile(path("forever.json"), raw, 0o600); err != nil {
			t.Fatal(err)
		}
		_, stderr, code = litWithInput(t, ctx, lit, "decrypt", network, "--authsig", path("forever.json"))
		msg := strings.TrimSpace(string(stderr))
		if code != 1 || strings.Contains(msg, "\n") || !strings.Contains(msg, "authSig.signedMessage.expirationTime: missing") {
			t.Fatalf("an authSig without expiration: exited %d: %q", code, msg)
		}
	})

	t.Run("an unfunded key is refused and nothing is written", func(t *testing.T) {
		key, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		_, stderr, code := litWithInput(t, ctx, nil, "decrypt", network, "--in", path("secret.lit"), "--out", path("refused.out"),
			"--key", "0x"+hex.EncodeToString(crypto.FromECDSA(key)))
		if code != 1 {
			t.Fatalf("exited %d, want 1: %s", code, stderr)
		}
		t.Logf("lit decrypt said:\n%s", stderr)
		for _, want := range []string{"4 of 4 nodes answered, 0 with a valid share (3 needed)", "forbidden: conditions not met: accessControlConditions[0]: balance of " + crypto.PubkeyToAddress(key.PublicKey).Hex()} {
			if !strings.Contains(string(stderr), want) {
				t.Errorf("stderr %q does not say %q", stderr, want)
			}
		}
		if _, err := os.Stat(path("refused.out")); !os.IsNotExist(err) {
			t.Errorf("an output file was written: %v", err)
		}
	})

	t.Run("mistakes in how it is called", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			code int
			want string
		}{
			{[]string{"encrypt", network}, 2, "--conditions FILE is required"},
			{[]string{"decrypt", network, "--in", path("secret.lit")}, 2, "give --key KEY (hex or dev:N) or --authsig FILE"},
			{[]string{"decrypt", network, "--in", path("secret.lit"), "--key", "dev:99"}, 1, "--key dev:99: the network file lists 10 dev accounts"},
			{[]string{"decrypt", network, "--in", path("conditions.json"), "--key", "dev:1"}, 1, ".lit file: version: 0 is not a version this client reads"},
		} {
			_, stderr, code := litWithInput(t, ctx, nil, tc.args...)
			if code != tc.code || !strings.Contains(string(stderr), tc.want) {
				t.Errorf("lit %v: exited %d (want %d): %s (want %q)", tc.args, code, tc.code, stderr, tc.want)
			}
		}
	})
}
