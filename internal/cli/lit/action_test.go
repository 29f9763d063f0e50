package lit_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkActionPinAndRun pins an action on a running devnet and runs it by CID and inline, as a
// developer would: `lit action pin`, then `lit action run`.
func checkActionPinAndRun(t *testing.T, bin, work, netFile string) {
	t.Helper()
	action := filepath.Join(work, "hello.js")
	code := `const go = async () => {
  const hash = ethers.utils.keccak256(ethers.utils.toUtf8Bytes(name));
  console.log("hashing", name);
  Lit.Actions.setResponse({ response: JSON.stringify({ hello: name, hash }) });
};
go();
`
	if err := os.WriteFile(action, []byte(code), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runLit(t, bin, work, "action", "pin", "--network", netFile, "--key", "dev:1", action)
	if err != nil {
		t.Fatalf("action pin: %v\n%s", err, errOut)
	}
	var pinned struct{ CID string }
	if err := json.Unmarshal([]byte(out), &pinned); err != nil || pinned.CID == "" {
		t.Fatalf("action pin printed %q: %v", out, err)
	}
	want := cidOutput(t, bin, work, action)
	if pinned.CID != want {
		t.Fatalf("pinned as %s, lit ipfs cid says %s", pinned.CID, want)
	}

	for _, how := range [][]string{{"--cid", pinned.CID}, {"--file", action}} {
		args := append([]string{"action", "run", "--network", netFile, "--key", "dev:1", "--params", `{"name": "litmesh"}`}, how...)
		out, errOut, err = runLit(t, bin, work, args...)
		if err != nil {
			t.Fatalf("action run %s: %v\n%s", how[0], err, errOut)
		}
		var res struct {
			Response   string                       `json:"response"`
			Logs       string                       `json:"logs"`
			Signatures map[string][]json.RawMessage `json:"signatures"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("action run %s printed %q: %v", how[0], out, err)
		}
		if !strings.HasPrefix(res.Response, `{"hello":"litmesh","hash":"0x`) || res.Logs != "hashing litmesh\n" || res.Signatures == nil {
			t.Fatalf("action run %s: %+v", how[0], res)
		}
	}

	bad := filepath.Join(work, "bad.js")
	if err := os.WriteFile(bad, []byte(`console.log("trying"); throw new Error("no luck");`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, err = runLit(t, bin, work, "action", "run", "--network", netFile, "--key", "dev:1", "--file", bad)
	if err == nil || !strings.Contains(errOut, "exception: Error: no luck") || !strings.Contains(errOut, "trying") {
		t.Fatalf("a throwing action: err %v, stderr:\n%s", err, errOut)
	}
}

func cidOutput(t *testing.T, bin, work, file string) string {
	t.Helper()
	out, errOut, err := runLit(t, bin, work, "ipfs", "cid", file)
	if err != nil {
		t.Fatalf("ipfs cid: %v\n%s", err, errOut)
	}
	return strings.TrimSpace(out)
}
