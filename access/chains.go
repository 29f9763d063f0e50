package access

import "sort"

// DevnetChain is the chain name of the embedded dev chain of `lit devnet`.
const DevnetChain = "litdevnet"

// DevnetChainID is the EIP-155 chain ID of the devnet's chain.
const DevnetChainID = 1337

// LitNetworkChain is the chain name Lit's SDK accepts (it is in its condition schema, and
// names no public chain in its chain list) that litmesh reads as "this network's own chain":
// the devnet's chain unless Parse is given WithNetworkChain. Conditions made with Lit's SDK
// use it to address the devnet.
const LitNetworkChain = "lit"

// knownChains maps the EVM chain names conditions may use to their EIP-155 chain IDs: Lit's
// names, so Lit users' conditions parse unchanged, plus the devnet's. A node still needs an RPC
// endpoint configured for a chain to evaluate conditions on it; a network may add chains of its
// own with WithChains.
var knownChains = map[string]uint64{
	DevnetChain: DevnetChainID,
	// Resolved by Parse to the network's own chain; the ID is the devnet's.
	LitNetworkChain: DevnetChainID,

	"ethereum":           1,
	"polygon":            137,
	"fantom":             250,
	"xdai":               100,
	"bsc":                56,
	"arbitrum":           42161,
	"arbitrumSepolia":    421614,
	"avalanche":          43114,
	"fuji":               43113,
	"harmony":            1666600000,
	"mumbai":             80001,
	"amoy":               80002,
	"goerli":             5,
	"cronos":             25,
	"optimism":           10,
	"celo":               42220,
	"aurora":             1313161554,
	"eluvio":             955305,
	"alfajores":          44787,
	"xdc":                50,
	"evmos":              9001,
	"evmosTestnet":       9000,
	"bscTestnet":         97,
	"baseGoerli":         84531,
	"baseSepolia":        84532,
	"moonbeam":           1284,
	"moonriver":          1285,
	"moonbaseAlpha":      1287,
	"filecoin":           314,
	"hyperspace":         3141,
	"sepolia":            11155111,
	"scrollAlphaTestnet": 534353,
	"scroll":             534352,
	"zksync":             324,
	"base":               8453,
	"lukso":              42,
	"luksoTestnet":       4201,
	"zora":               7777777,
	"zoraGoerli":         999,
	"zksyncTestnet":      280,
	"lineaGoerli":        59140,
	"linea":              59144,
	"chronicleTestnet":   175177,
	"yellowstone":        175188,
	"chiado":             10200,
	"zkEvm":              1101,
	"mantleTestnet":      5001,
	"mantle":             5000,
	"klaytn":             8217,
	"publicGoodsNetwork": 424,
	"optimismGoerli":     420,
	"verifyTestnet":      1833,
	"holesky":            17000,
}

// KnownChains returns the built-in chain names, sorted.
func KnownChains() []string {
	out := make([]string, 0, len(knownChains))
	for name := range knownChains {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// ChainID returns the EIP-155 chain ID of a built-in chain name.
func ChainID(name string) (uint64, bool) {
	id, ok := knownChains[name]
	return id, ok
}
