package runtime

import (
	"fmt"
	"strings"
)

// ethers v5 builds its ENS name-normalisation tables (a compressed Unicode data set decoded into
// Sets and Maps) when the bundle loads. That is most of the cost of instantiating ethers in a
// fresh context — about 80% of ~60 ms measured — although only ENS name functions (namehash,
// resolveName, dnsEncode, …) ever read the tables. lazyENS rewrites those few statements of
// the bundle so the tables are built on the first normalisation in an execution instead.
// Each context still builds its own ethers and its own tables: nothing is shared between
// executions.
var ensRewrites = []struct{ from, to string }{
	{
		from: "var r=(0,include.getData)();var VALID=new Set((0,decoder.read_member_array)(r));var IGNORED=new Set((0,decoder.read_member_array)(r));var MAPPED=(0,decoder.read_mapped_map)(r);var EMOJI_ROOT=(0,decoder.read_emoji_trie)(r);",
		// The tables are read from one stream, in this order; EMOJI_ROOT is set last, so a
		// failed decode leaves them unset and the next call tries again.
		to: "var VALID,IGNORED,MAPPED,EMOJI_ROOT;function ensTables(){if(EMOJI_ROOT)return;var r=(0,include.getData)();VALID=new Set((0,decoder.read_member_array)(r));IGNORED=new Set((0,decoder.read_member_array)(r));MAPPED=(0,decoder.read_mapped_map)(r);EMOJI_ROOT=(0,decoder.read_emoji_trie)(r)}",
	},
	{
		// normalize is the only reader of the tables (directly, and through
		// consume_emoji_reversed, which only it calls).
		from: "function normalize(name,emoji_filter){var input=",
		to:   "function normalize(name,emoji_filter){ensTables();var input=",
	},
}

// lazyENS applies ensRewrites to the ethers bundle. Each rewrite must match exactly once: a
// different bundle fails loudly here rather than silently keeping the slow start or breaking
// ENS.
func lazyENS(bundle string) (string, error) {
	for _, rw := range ensRewrites {
		if n := strings.Count(bundle, rw.from); n != 1 {
			return "", fmt.Errorf("make ethers' ENS tables lazy: expected one %q in the bundle, found %d", rw.from[:40], n)
		}
		bundle = strings.Replace(bundle, rw.from, rw.to, 1)
	}
	return bundle, nil
}
