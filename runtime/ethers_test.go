package runtime_test

import (
	"testing"
)

// ethers' ENS tables are built on first use in an execution rather than when ethers loads;
// ENS normalisation must still map, keep and refuse code points as ethers always did, in every
// execution. The mapped name (Ⅻ → xii) reads the mapping table, the emoji the emoji trie, the
// rest the valid and ignored sets.
func TestEthersENSNormalisationWorksWithLazyTables(t *testing.T) {
	p := pool(t)
	code := `
const h = ethers.utils.namehash;
let refused = "";
try { h("a\u0000b.eth"); } catch (e) { refused = e.message; }
Lit.Actions.setResponse({response: JSON.stringify({
	vitalik: h("VITALIK.eth"),
	mapped: h("Ⅻ.eth") === h("xii.eth"),
	emoji: h("👍🏼.eth").length,
	ignored: h("vita\u00adlik.eth") === h("vitalik.eth"),
	refused: refused.includes("Disallowed codepoint"),
})})`
	const want = `{"vitalik":"0xee6c4522aab0003e8d14cd40a6af439055fd2577951148c14b6cea9a53475835","mapped":true,"emoji":66,"ignored":true,"refused":true}`
	for i := range 2 {
		res, err := run(t, p, newTestHost(), code, "")
		if err != nil {
			t.Fatalf("run %d: %v (logs %q)", i, err, res.Logs)
		}
		if res.Response != want {
			t.Fatalf("run %d: got %s, want %s", i, res.Response, want)
		}
	}
}
