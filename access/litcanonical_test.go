package access_test

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/access"
)

// sdkConditions is testdata/litsdk-conditions.json, written by testnet/litsdk/gen-vectors.js
// with Lit's own SDK (7.4.0) hashing functions.
type sdkConditions struct {
	SDK        string `json:"sdk"`
	Conditions []struct {
		Name        string `json:"name"`
		Kind        string `json:"kind"`
		JSON        string `json:"json"`
		SchemaValid bool   `json:"schemaValid"`
		Canonical   string `json:"canonical"`
		Hash        string `json:"hash"`
	} `json:"conditions"`
	SchemaAcceptsChain map[string]bool `json:"schemaAcceptsChain"`
}

func loadSDKConditions(t *testing.T) *sdkConditions {
	t.Helper()
	b, err := os.ReadFile("testdata/litsdk-conditions.json")
	if err != nil {
		t.Fatal(err)
	}
	var v sdkConditions
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.SDK, "7.4.0") || len(v.Conditions) == 0 {
		t.Fatalf("vectors from %q with %d cases", v.SDK, len(v.Conditions))
	}
	return &v
}

func TestLitHashIsTheSDKsHash(t *testing.T) {
	v := loadSDKConditions(t)
	for _, c := range v.Conditions {
		t.Run(c.Name, func(t *testing.T) {
			// As the app passes them to the SDK (encrypt), and as the SDK sends them to the
			// nodes (decrypt sends the canonical form).
			for _, in := range []string{c.JSON, c.Canonical} {
				conds, err := access.Parse(access.Kind(c.Kind), []byte(in))
				if err != nil {
					t.Fatalf("parse %s: %v", in, err)
				}
				if got := string(conds.LitCanonical()); got != c.Canonical {
					t.Fatalf("canonical JSON\n got %s\nwant %s", got, c.Canonical)
				}
				h := conds.LitHash()
				if hex.EncodeToString(h[:]) != c.Hash {
					t.Fatalf("hash %x, the SDK's %s", h, c.Hash)
				}
				var dataHash [32]byte
				if id := conds.LitResourceID(dataHash); id != access.ResourcePrefix+c.Hash+"/"+strings.Repeat("00", 32) {
					t.Fatalf("resource id %s", id)
				}
			}
		})
	}
}

func TestLitHashDiffersFromLitmeshsOwnWhereValuesAreNormalised(t *testing.T) {
	v := loadSDKConditions(t)
	for _, c := range v.Conditions {
		if c.Name != "ERC721 owner with a mixed-case address" {
			continue
		}
		conds, err := access.Parse(access.Kind(c.Kind), []byte(c.JSON))
		if err != nil {
			t.Fatal(err)
		}
		// litmesh's .lit format hashes the normal form (lower-case address); Lit hashes the
		// address as given. Both stay what they were.
		if conds.Hash() == conds.LitHash() || !strings.Contains(string(conds.Canonical()), "0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d") {
			t.Fatalf("litmesh canonical %s", conds.Canonical())
		}
		return
	}
	t.Fatal("case not found")
}

func TestLitNetworkChainNamesTheDevnet(t *testing.T) {
	v := loadSDKConditions(t)
	if !v.SchemaAcceptsChain[access.LitNetworkChain] {
		t.Fatalf("Lit's SDK refuses conditions on %q", access.LitNetworkChain)
	}
	if v.SchemaAcceptsChain[access.DevnetChain] {
		t.Fatalf("the SDK now accepts %q: reconsider the alias", access.DevnetChain)
	}
	cond := `[{"contractAddress":"","standardContractType":"","chain":"lit","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1"}}]`
	c, err := access.Parse(access.KindAccessControl, []byte(cond))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Chains(); len(got) != 1 || got[0] != access.DevnetChain {
		t.Fatalf("chains %v, want the devnet's", got)
	}
	if !strings.Contains(string(c.LitCanonical()), `"chain":"lit"`) {
		t.Fatalf("Lit's hash must cover the name as given: %s", c.LitCanonical())
	}
	c, err = access.Parse(access.KindAccessControl, []byte(cond), access.WithNetworkChain("mainnetchain"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Chains(); len(got) != 1 || got[0] != "mainnetchain" {
		t.Fatalf("chains %v, want the configured network chain", got)
	}
	if id, ok := access.ChainID(access.LitNetworkChain); !ok || id != access.DevnetChainID {
		t.Fatalf("ChainID(lit) = %d, %v", id, ok)
	}
	if _, err := access.Parse(access.KindAccessControl, []byte(cond), access.WithNetworkChain("lit")); err == nil {
		t.Fatal("the network chain may not be called lit itself")
	}
}

func TestUnifiedConditionsWithoutConditionTypeTakeTheirShape(t *testing.T) {
	v := loadSDKConditions(t)
	for _, c := range v.Conditions {
		if c.Kind != string(access.KindUnified) {
			continue
		}
		withTypes, err := access.Parse(access.KindUnified, []byte(c.JSON))
		if err != nil {
			t.Fatal(err)
		}
		// The SDK's decrypt request carries the canonical list, which has no conditionType.
		if strings.Contains(c.Canonical, "conditionType") {
			t.Fatal("canonical unified list with conditionType")
		}
		without, err := access.Parse(access.KindUnified, []byte(c.Canonical))
		if err != nil {
			t.Fatal(err)
		}
		if string(withTypes.Canonical()) != string(without.Canonical()) {
			t.Fatalf("types inferred differently:\n%s\n%s", withTypes.Canonical(), without.Canonical())
		}
		return
	}
	t.Fatal("no unified case")
}

// Attack: two requests whose Lit hashes are equal must evaluate the same conditions. JSON
// numbers are where JavaScript loses precision: 123456789012345678901 and
// 123456789012345680000 are the same double, so Lit's SDK hashes them identically, while
// litmesh would evaluate the exact integers. A requester could then present, for a
// ciphertext encrypted under one threshold, conditions with a lower one.
func TestEqualLitHashesMeanEqualConditions(t *testing.T) {
	cond := func(value string) string {
		return `[{"contractAddress":"","standardContractType":"","chain":"ethereum","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":` + value + `}}]`
	}
	encrypted, err := access.Parse(access.KindAccessControl, []byte(cond("123456789012345680000")))
	if err != nil {
		t.Fatal(err)
	}
	for _, forged := range []string{"123456789012345678901", "123456789012345679999", "1.2345678901234568e20"} {
		c, err := access.Parse(access.KindAccessControl, []byte(cond(forged)))
		if err != nil {
			if !strings.Contains(err.Error(), "write it as a string") {
				t.Fatalf("%s: %v", forged, err)
			}
			continue
		}
		if c.LitHash() == encrypted.LitHash() && c.Hash() != encrypted.Hash() {
			t.Fatalf("%s hashes as Lit's %s but evaluates %s", forged, encrypted.Canonical(), c.Canonical())
		}
	}
	// Numbers JavaScript prints exactly keep working.
	for _, ok := range []string{"0", "1e18", "9007199254740992", "123456789012345680000"} {
		if _, err := access.Parse(access.KindAccessControl, []byte(cond(ok))); err != nil {
			t.Fatalf("%s: %v", ok, err)
		}
	}
}
