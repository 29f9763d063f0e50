package access_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/internal/testutil"
)

// TestCanonicalGolden locks the canonical encoding and its hash for condition sets of every type.
// These hashes are part of ciphertext identities: a change here makes existing ciphertexts
// undecryptable, so never update the golden files to make this test pass without a migration.
func TestCanonicalGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "canonical", "*.json"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			c, err := access.ParseDocument(data)
			if err != nil {
				t.Fatalf("ParseDocument: %v", err)
			}
			got := string(c.Canonical()) + "\n" + c.HashHex() + "\n"
			golden := filepath.Join("testdata", "canonical", name+".golden")
			if testutil.Update() {
				testutil.WriteGolden(t, golden, []byte(got))
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./access -run TestCanonicalGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("canonical encoding changed\n got: %s\nwant: %s", got, want)
			}
			// The hash line is the SHA-256 of the canonical line, independently computed.
			lines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")
			if len(lines) != 2 {
				t.Fatalf("golden file has %d lines, want 2", len(lines))
			}
			sum := sha256.Sum256([]byte(lines[0]))
			if hex.EncodeToString(sum[:]) != lines[1] {
				t.Errorf("golden hash %s is not the SHA-256 of its canonical line", lines[1])
			}
		})
	}
}

// TestCanonicalIgnoresFormatting: whitespace, key order, number spelling and address case of
// the input do not change the hash; any change of meaning does.
func TestCanonicalIgnoresFormatting(t *testing.T) {
	a := `{"accessControlConditions":[{"contractAddress":"0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D","standardContractType":"ERC721","chain":"ethereum","method":"ownerOf","parameters":["5954"],"returnValueTest":{"comparator":"=","value":":userAddress"}}]}`
	b := `{ "accessControlConditions" : [ { "returnValueTest" : { "value" : ":userAddress", "comparator" : "=" },
	        "parameters": [ 5954 ], "method": "ownerOf", "chain": "ethereum",
	        "standardContractType": "ERC721", "contractAddress": "0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d" } ] }`
	ca, err := access.ParseDocument([]byte(a))
	if err != nil {
		t.Fatal(err)
	}
	cb, err := access.ParseDocument([]byte(b))
	if err != nil {
		t.Fatal(err)
	}
	if ca.HashHex() != cb.HashHex() {
		t.Errorf("formatting changed the hash:\n%s\n%s", ca.Canonical(), cb.Canonical())
	}
	for _, change := range [][2]string{{`"5954"`, `"5955"`}, {`"="`, `"!="`}, {`"ethereum"`, `"polygon"`}} {
		cc, err := access.ParseDocument([]byte(strings.Replace(a, change[0], change[1], 1)))
		if err != nil {
			t.Fatal(err)
		}
		if cc.HashHex() == ca.HashHex() {
			t.Errorf("changing %s to %s kept the hash", change[0], change[1])
		}
	}
}

func TestResourceID(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "canonical", "balance.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := access.ParseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	dataHash := sha256.Sum256([]byte("hello"))
	id := c.ResourceID(dataHash)
	want := "lit-accesscontrolcondition://" + c.HashHex() + "/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
	if id != want {
		t.Errorf("ResourceID = %s, want %s", id, want)
	}
	if !bytes.HasPrefix([]byte(id), []byte(access.ResourcePrefix)) {
		t.Errorf("no prefix")
	}
}
