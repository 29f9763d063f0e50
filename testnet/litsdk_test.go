package testnet_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
)

// Session signatures made by Lit's own JS SDK (@lit-protocol 7.4.0, getSessionSigs) are taken
// by litmesh nodes over HTTPS: each node runs an action with the signature made for it, with
// the SDK's wallet as the requester, and refuses the one made for another node. It needs the
// npm packages of testnet/litsdk installed: .ci/run installs them (ci.sh) and sets
// LITMESH_LIT_SDK_DIR; without it the test is skipped.
func TestLitSDKSessionSignaturesAreTakenByTheNodes(t *testing.T) {
	sdk := os.Getenv("LITMESH_LIT_SDK_DIR")
	if sdk == "" {
		t.Skip("LITMESH_LIT_SDK_DIR is not set (.ci/run installs Lit's SDK and sets it)")
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("LITMESH_LIT_SDK_DIR is set but node is not installed: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	caDir := t.TempDir()
	c := testnet.Start(ctx, t, 2, testnet.WithConfig(func(_ int, cfg *node.Config) {
		cfg.TLSMode, cfg.TLSDevnetCA = node.TLSDevnetCA, caDir
	}))
	nf := c.NetworkFile()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	wallet := crypto.PubkeyToAddress(key.PublicKey).Hex()
	var urls []string
	for _, n := range nf.Nodes {
		urls = append(urls, n.URL)
	}
	in, _ := json.Marshal(map[string]any{"nodes": urls, "privateKey": "0x" + hex.EncodeToString(crypto.FromECDSA(key))})
	inPath := filepath.Join(t.TempDir(), "nodes.json")
	if err := os.WriteFile(inPath, in, 0o600); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join(sdk, "sessionsigs.js"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, nodeBin, script, inPath)
	cmd.Dir = sdk
	cmd.Env = append(os.Environ(), "NODE_EXTRA_CA_CERTS="+filepath.Join(caDir, node.DevnetCACert), "NODE_PATH="+filepath.Join(sdk, "node_modules"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the SDK script: %v\n%s", err, stderr.String())
	}
	type attempt struct {
		URL      string `json:"url"`
		Own      bool   `json:"own"`
		Status   int    `json:"status"`
		Response string `json:"response"`
		Error    string `json:"error"`
	}
	var n int
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var a attempt
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("script output %q: %v", sc.Text(), err)
		}
		n++
		switch {
		case a.Own && (a.Status != 200 || a.Response != "hi from "+wallet):
			t.Errorf("%s with its own session signature: HTTP %d %q %q", a.URL, a.Status, a.Response, a.Error)
		case !a.Own && (a.Status != 401 || !strings.Contains(a.Error, "sessionSig.signedMessage.nodeAddress")):
			t.Errorf("%s with another node's session signature: HTTP %d %q", a.URL, a.Status, a.Error)
		}
	}
	if n != 2*len(urls) {
		t.Fatalf("%d attempts, want %d:\n%s", n, 2*len(urls), out)
	}
}
