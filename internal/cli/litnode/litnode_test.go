package litnode_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/internal/cli/litnode"
	"github.com/litmesh/litmesh/node"
)

// A production node refuses an identity derived from a seed: whoever knows the seed has its
// keys. Nothing is written to the directory.
func TestRunRefusesAnInsecureDevSeedInProduction(t *testing.T) {
	dir := t.TempDir()
	stderr := captureStderr(t, func() {
		code := litnode.Main([]string{"run", "--dir", dir, "--insecure-dev-seed", "node-1",
			"--chain-rpc", "https://rpc.example.com", "--staking-contract", "0x0000000000000000000000000000000000000001",
			"--pkp-nft-contract", "0x0000000000000000000000000000000000000002", "--pkp-permissions-contract", "0x0000000000000000000000000000000000000003"})
		if code == 0 {
			t.Error("run with an insecure dev seed in production mode succeeded")
		}
	})
	if !strings.Contains(stderr, "devnet mode only") {
		t.Errorf("the refusal does not say why: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, node.IdentityFile)); err == nil {
		t.Error("an identity was derived from the seed before the refusal")
	}
}

func captureStderr(t *testing.T, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stderr
	os.Stderr = w
	done := make(chan string)
	go func() {
		var b bytes.Buffer
		_, _ = b.ReadFrom(r)
		done <- b.String()
	}()
	fn()
	os.Stderr = old
	w.Close()
	return <-done
}
