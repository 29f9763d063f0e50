package access_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

const balanceCond = `{"contractAddress":"","standardContractType":"","chain":"ethereum","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1000000000000000000"}}`

const erc721Owner = `{"contractAddress":"0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D","standardContractType":"ERC721","chain":"ethereum","method":"ownerOf","parameters":["5954"],"returnValueTest":{"comparator":"=","value":":userAddress"}}`

const contractCond = `{"contractAddress":"0x7C7757a9675f06F3BE4618bB68732c4aB25D2e88","functionName":"balanceOf","functionParams":[":userAddress","8"],"functionAbi":{"type":"function","stateMutability":"view","inputs":[{"internalType":"address","name":"account","type":"address"},{"internalType":"uint256","name":"id","type":"uint256"}],"name":"balanceOf","outputs":[{"internalType":"uint256","name":"","type":"uint256"}]},"chain":"polygon","returnValueTest":{"key":"","comparator":">","value":"0"}}`

// with replaces the first occurrence of old in s, failing the test if it is absent.
func with(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("fixture does not contain %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

func TestParseAcceptsLitConditions(t *testing.T) {
	cases := []struct {
		name  string
		kind  access.Kind
		json  string
		count int
	}{
		{"a native balance condition", access.KindAccessControl, "[" + balanceCond + "]", 1},
		{"an ERC-721 ownership condition", access.KindAccessControl, "[" + erc721Owner + "]", 1},
		{"an ERC-20 balance with a numeric value", access.KindAccessControl, `[{"contractAddress":"0xc0ad7861fe8848002a3d9530999dd29f6b6cae75","standardContractType":"ERC20","chain":"ethereum","method":"balanceOf","parameters":[":userAddress"],"returnValueTest":{"comparator":">","value":10}}]`, 1},
		{"an ERC-1155 balance", access.KindAccessControl, `[{"contractAddress":"0xA54F7579fFb3F98bd8649fF02813F575f9b3d353","standardContractType":"ERC1155","chain":"ethereum","method":"balanceOf","parameters":[":userAddress","9541"],"returnValueTest":{"comparator":">","value":"0"}}]`, 1},
		{"a timestamp condition", access.KindAccessControl, `[{"contractAddress":"","standardContractType":"timestamp","chain":"ethereum","method":"eth_getBlockByNumber","parameters":["latest"],"returnValueTest":{"comparator":">=","value":"1651276942"}}]`, 1},
		{"a wallet address condition", access.KindAccessControl, `[{"contractAddress":"","standardContractType":"","chain":"ethereum","method":"","parameters":[":userAddress"],"returnValueTest":{"comparator":"=","value":"0x50e2dac5e78B5905CB09495547452cEE64426db2"}}]`, 1},
		{"a Lit Action condition", access.KindAccessControl, `[{"contractAddress":"ipfs://QmcgbVu2sJSPpTeFhBd174FnmYmoVYvUFJeDkS7eYtwoFY","standardContractType":"LitAction","chain":"ethereum","method":"go","parameters":["40",":userAddress"],"returnValueTest":{"comparator":"=","value":"true"}}]`, 1},
		{"two conditions joined by or", access.KindAccessControl, "[" + balanceCond + `,{"operator":"or"},` + erc721Owner + "]", 2},
		{"Lit's older form without operators", access.KindAccessControl, "[" + balanceCond + "," + erc721Owner + "]", 2},
		{"a nested group", access.KindAccessControl, "[" + balanceCond + `,{"operator":"and"},[` + erc721Owner + `,{"operator":"or"},` + balanceCond + "]]", 3},
		{"a contract-call condition", access.KindEVMContract, "[" + contractCond + "]", 1},
		{"a unified list of both types", access.KindUnified, `[{"conditionType":"evmBasic",` + balanceCond[1:] + `,{"operator":"and"},{"conditionType":"evmContract",` + contractCond[1:] + "]", 2},
		{"the devnet chain", access.KindAccessControl, "[" + strings.Replace(balanceCond, `"ethereum"`, `"litdevnet"`, 1) + "]", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := access.Parse(tc.kind, []byte(tc.json))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := c.Count(); got != tc.count {
				t.Errorf("Count = %d, want %d", got, tc.count)
			}
			// The canonical form parses back to itself.
			again, err := access.Parse(tc.kind, c.Canonical())
			if err != nil {
				t.Fatalf("Parse(Canonical): %v", err)
			}
			if string(again.Canonical()) != string(c.Canonical()) {
				t.Errorf("canonical form is not a fixed point:\n%s\n%s", c.Canonical(), again.Canonical())
			}
		})
	}
}

func TestParseRejectsBadConditionsNamingTheField(t *testing.T) {
	acc := access.KindAccessControl
	cases := []struct {
		name string
		kind access.Kind
		json string
		want string // the exact error message
	}{
		{"an unknown comparator", acc, "[" + balanceCond + `,{"operator":"or"},` + balanceCond + `,{"operator":"or"},` + with(t, balanceCond, `">="`, `"=~"`) + "]",
			`accessControlConditions[4].returnValueTest.comparator: unknown comparator "=~"`},
		{"an unknown chain", acc, "[" + with(t, balanceCond, `"ethereum"`, `"ethereum2"`) + "]",
			`accessControlConditions[0].chain: unknown chain "ethereum2"`},
		{"contains on a balance", acc, "[" + with(t, balanceCond, `">="`, `"contains"`) + "]",
			`accessControlConditions[0].returnValueTest.comparator: comparator "contains" cannot compare an integer (use = != > < >= <=)`},
		{"a non-numeric balance", acc, "[" + with(t, balanceCond, `"1000000000000000000"`, `"1 ETH"`) + "]",
			`accessControlConditions[0].returnValueTest.value: want an integer, got "1 ETH"`},
		{"a fractional number", acc, "[" + with(t, balanceCond, `"1000000000000000000"`, `0.5`) + "]",
			`accessControlConditions[0].returnValueTest.value: number 0.5 is not an integer (write large or fractional values as strings)`},
		{"an unknown standard contract type", acc, "[" + with(t, erc721Owner, `"ERC721"`, `"POAP"`) + "]",
			`accessControlConditions[0].standardContractType: unsupported standardContractType "POAP" (want "", ERC20, ERC721, ERC1155, timestamp or LitAction)`},
		{"an unsupported ERC-721 method", acc, "[" + with(t, erc721Owner, `"ownerOf"`, `"tokenURI"`) + "]",
			`accessControlConditions[0].method: unsupported method "tokenURI" for ERC721 (want ownerOf or balanceOf)`},
		{"a bad contract address", acc, "[" + with(t, erc721Owner, `0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D`, `0xBC4CA0`) + "]",
			`accessControlConditions[0].contractAddress: want a 0x-prefixed 20-byte address, got "0xBC4CA0"`},
		{"an owner compared with a non-address", acc, "[" + with(t, erc721Owner, `":userAddress"`, `"me"`) + "]",
			`accessControlConditions[0].returnValueTest.value: want a 0x-prefixed 20-byte address or :userAddress, got "me"`},
		{"an unknown placeholder", acc, "[" + with(t, balanceCond, `":userAddress"`, `":useraddress"`) + "]",
			`accessControlConditions[0].parameters[0]: unknown placeholder ":useraddress"`},
		{"a misspelt field", acc, "[" + with(t, balanceCond, `"returnValueTest"`, `"returnValuetest"`) + "]",
			`accessControlConditions[0].returnValueTest: missing`},
		{"an extra field", acc, "[" + with(t, balanceCond, `"chain"`, `"foo":1,"chain"`) + "]",
			`accessControlConditions[0]: unknown field "foo"`},
		{"a missing chain", acc, "[" + with(t, balanceCond, `"chain":"ethereum",`, ``) + "]",
			`accessControlConditions[0].chain: missing`},
		{"a string where a list belongs", acc, "[" + with(t, balanceCond, `[":userAddress","latest"]`, `":userAddress"`) + "]",
			`accessControlConditions[0].parameters: want an array, got a string`},
		{"two conditions without an operator among operators", acc, "[" + balanceCond + `,{"operator":"or"},` + balanceCond + "," + balanceCond + "]",
			`accessControlConditions[3]: want an operator ("and" or "or") between two conditions`},
		{"a list starting with an operator", acc, `[{"operator":"and"},` + balanceCond + "]",
			`accessControlConditions[0]: want a condition or a group, got operator "and"`},
		{"a list ending with an operator", acc, "[" + balanceCond + `,{"operator":"and"}]`,
			`accessControlConditions[1]: list ends with an operator`},
		{"an unknown operator", acc, "[" + balanceCond + `,{"operator":"xor"},` + balanceCond + "]",
			`accessControlConditions[1].operator: unknown operator "xor" (want "and" or "or")`},
		{"an upper-case operator", acc, "[" + balanceCond + `,{"operator":"AND"},` + balanceCond + "]",
			`accessControlConditions[1].operator: unknown operator "AND" (want "and" or "or")`},
		{"an empty list", acc, `[]`, `accessControlConditions: no conditions`},
		{"an empty group", acc, "[" + balanceCond + `,{"operator":"and"},[]]`, `accessControlConditions[2]: empty group`},
		{"a non-array", acc, `{"a":1}`, `accessControlConditions: want an array of conditions, got an object`},
		{"invalid JSON", acc, `[{]`, `accessControlConditions: invalid JSON: invalid character ']'`},
		{"a duplicate key", acc, "[" + with(t, balanceCond, `"chain":"ethereum"`, `"chain":"ethereum","chain":"polygon"`) + "]",
			`accessControlConditions: duplicate key "chain"`},
		{"a balance with a contract address", acc, "[" + with(t, balanceCond, `"contractAddress":""`, `"contractAddress":"0xc0ad7861fe8848002a3d9530999dd29f6b6cae75"`) + "]",
			`accessControlConditions[0].contractAddress: must be "" for this condition, got "0xc0ad7861fe8848002a3d9530999dd29f6b6cae75"`},
		{"a Lit Action without an ipfs address", acc, `[{"contractAddress":"QmcgbVu2sJSPpTeFhBd174FnmYmoVYvUFJeDkS7eYtwoFY","standardContractType":"LitAction","chain":"ethereum","method":"go","parameters":[],"returnValueTest":{"comparator":"=","value":"true"}}]`,
			`accessControlConditions[0].contractAddress: a Lit Action condition names its code as "ipfs://CID", got "QmcgbVu2sJSPpTeFhBd174FnmYmoVYvUFJeDkS7eYtwoFY"`},
		{"a Lit Action with code for a method", acc, `[{"contractAddress":"ipfs://QmcgbVu2sJSPpTeFhBd174FnmYmoVYvUFJeDkS7eYtwoFY","standardContractType":"LitAction","chain":"ethereum","method":"go();evil","parameters":[],"returnValueTest":{"comparator":"=","value":"true"}}]`,
			`accessControlConditions[0].method: want the name of a function in the action, got "go();evil"`},
		{"a contract condition in an access-control list", acc, "[" + with(t, balanceCond, `{`, `{"conditionType":"evmContract",`) + "]",
			`accessControlConditions[0].conditionType: "evmContract" does not belong in accessControlConditions (only "evmBasic")`},
		{"a unified condition without a type that fits neither shape", access.KindUnified, "[" + with(t, balanceCond, `"method"`, `"functionAbi":{},"method"`) + "]",
			`unifiedAccessControlConditions[0].contractAddress: want a 0x-prefixed 20-byte address, got ""`},
		{"a Solana condition", access.KindUnified, "[" + with(t, balanceCond, `{`, `{"conditionType":"solRpc",`) + "]",
			`unifiedAccessControlConditions[0].conditionType: "solRpc" conditions are not supported (litmesh evaluates EVM conditions)`},
		{"an ABI whose name differs", access.KindEVMContract, "[" + with(t, contractCond, `"functionName":"balanceOf"`, `"functionName":"balance"`) + "]",
			`evmContractConditions[0].functionName: "balance" does not match functionAbi.name "balanceOf"`},
		{"an ABI with a bad type", access.KindEVMContract, "[" + with(t, contractCond, `"name":"id","type":"uint256"`, `"name":"id","type":"uint257"`) + "]",
			`evmContractConditions[0].functionAbi.inputs[1].type: unsupported type "uint257": integer size must be a multiple of 8 up to 256`},
		{"an ABI with a tuple", access.KindEVMContract, "[" + with(t, contractCond, `"name":"id","type":"uint256"`, `"name":"id","type":"tuple"`) + "]",
			`evmContractConditions[0].functionAbi.inputs[1].type: unsupported type "tuple" (only address, bool, string, bytes, bytes1..32, uint8..256, int8..256)`},
		{"a state-changing function", access.KindEVMContract, "[" + with(t, contractCond, `"view"`, `"nonpayable"`) + "]",
			`evmContractConditions[0].functionAbi.stateMutability: "nonpayable": conditions only call view or pure functions`},
		{"too few function parameters", access.KindEVMContract, "[" + with(t, contractCond, `[":userAddress","8"]`, `[":userAddress"]`) + "]",
			`evmContractConditions[0].functionParams: 1 parameters for a function with 2 inputs`},
		{"a parameter that does not fit its type", access.KindEVMContract, "[" + with(t, contractCond, `"8"]`, `"-8"]`) + "]",
			`evmContractConditions[0].functionParams[1]: -8 does not fit uint256`},
		{"an unknown output key", access.KindEVMContract, "[" + with(t, contractCond, `"key":""`, `"key":"amount"`) + "]",
			`evmContractConditions[0].returnValueTest.key: no output named "amount" in functionAbi.outputs`},
		{"a key on a basic condition", acc, "[" + with(t, balanceCond, `"comparator"`, `"key":"x","comparator"`) + "]",
			`accessControlConditions[0].returnValueTest.key: basic conditions have no key`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := access.Parse(tc.kind, []byte(tc.json))
			if err == nil {
				t.Fatal("Parse accepted it")
			}
			var ae *api.Error
			if !errors.As(err, &ae) || ae.Kind != api.KindBadRequest {
				t.Fatalf("error %v is not a bad_request *api.Error", err)
			}
			if ae.Message != tc.want {
				t.Errorf("message\n got: %s\nwant: %s", ae.Message, tc.want)
			}
		})
	}
}

func TestParseLimitsTheNumberOfConditions(t *testing.T) {
	build := func(n int, nested bool) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = balanceCond
		}
		if nested { // the last ten inside a group
			inner := "[" + strings.Join(parts[n-10:], `,{"operator":"or"},`) + "]"
			return "[" + strings.Join(append(parts[:n-10], inner), `,{"operator":"or"},`) + "]"
		}
		return "[" + strings.Join(parts, `,{"operator":"or"},`) + "]"
	}
	if _, err := access.Parse(access.KindAccessControl, []byte(build(30, true))); err != nil {
		t.Fatalf("30 conditions: %v", err)
	}
	_, err := access.Parse(access.KindAccessControl, []byte(build(31, true)))
	if err == nil || !strings.Contains(err.Error(), "more than 30 conditions") {
		t.Fatalf("31 conditions (10 nested): got %v, want a limit error", err)
	}
	if !strings.Contains(err.Error(), "accessControlConditions[42][18]:") { // the 31st, inside the group
		t.Errorf("error %q does not point into the nested group", err)
	}
}

func TestParseLimitsNesting(t *testing.T) {
	doc := balanceCond
	for i := 0; i < access.MaxGroupDepth; i++ {
		doc = "[" + doc + "]"
	}
	if _, err := access.Parse(access.KindAccessControl, []byte(doc)); err != nil {
		t.Fatalf("%d levels: %v", access.MaxGroupDepth, err)
	}
	_, err := access.Parse(access.KindAccessControl, []byte("["+doc+"]"))
	if err == nil || !strings.Contains(err.Error(), "nested deeper than") {
		t.Fatalf("%d levels: got %v, want a nesting error", access.MaxGroupDepth+1, err)
	}
}

func TestParseRejectsOversizedInput(t *testing.T) {
	big := "[" + balanceCond + strings.Repeat(" ", access.MaxConditionsSize) + "]"
	_, err := access.Parse(access.KindAccessControl, []byte(big))
	if api.KindOf(err) != api.KindTooLarge {
		t.Fatalf("got %v, want too_large", err)
	}
}

func TestParseNormalisesValues(t *testing.T) {
	in := `[{"contractAddress":"0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D","standardContractType":"ERC721","chain":"ethereum","method":"ownerOf","parameters":[5954],"returnValueTest":{"comparator":"=","value":"0x50e2dac5e78B5905CB09495547452cEE64426db2"}},` +
		`{"operator":"and"},{"contractAddress":"","standardContractType":"","chain":"ethereum","method":"eth_getBalance","parameters":["0xAbCdEf0123456789aBcDeF0123456789AbCdEf01","latest"],"returnValueTest":{"comparator":">=","value":1e18}}]`
	c, err := access.Parse(access.KindAccessControl, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"contractAddress":"0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d","chain":"ethereum","standardContractType":"ERC721","method":"ownerOf","parameters":["5954"],"returnValueTest":{"comparator":"=","value":"0x50e2dac5e78b5905cb09495547452cee64426db2"}},` +
		`{"operator":"and"},{"contractAddress":"","chain":"ethereum","standardContractType":"","method":"eth_getBalance","parameters":["0xabcdef0123456789abcdef0123456789abcdef01","latest"],"returnValueTest":{"comparator":">=","value":"1000000000000000000"}}]`
	if got := string(c.Canonical()); got != want {
		t.Errorf("canonical\n got: %s\nwant: %s", got, want)
	}
	// Hex integers are written in decimal too.
	c2, err := access.Parse(access.KindAccessControl, []byte(with(t, in, "1e18", `"0x0de0b6b3a7640000"`)))
	if err != nil {
		t.Fatal(err)
	}
	if c2.HashHex() != c.HashHex() {
		t.Errorf("0x0de0b6b3a7640000 and 1e18 hash differently")
	}
}

func TestWithChainsAddsChains(t *testing.T) {
	doc := "[" + with(t, balanceCond, `"ethereum"`, `"mychain"`) + "]"
	if _, err := access.Parse(access.KindAccessControl, []byte(doc)); err == nil {
		t.Fatal("an unknown chain parsed without WithChains")
	}
	c, err := access.Parse(access.KindAccessControl, []byte(doc), access.WithChains("mychain"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Chains(); len(got) != 1 || got[0] != "mychain" {
		t.Errorf("Chains = %v", got)
	}
}

func TestParseRequestWantsExactlyOneList(t *testing.T) {
	list := json.RawMessage("[" + balanceCond + "]")
	if _, err := access.ParseRequest(nil, nil, nil); api.KindOf(err) != api.KindBadRequest {
		t.Errorf("no list: %v", err)
	}
	if _, err := access.ParseRequest(list, nil, list); api.KindOf(err) != api.KindBadRequest {
		t.Errorf("two lists: %v", err)
	}
	c, err := access.ParseRequest(json.RawMessage("null"), nil, json.RawMessage(`[{"conditionType":"evmBasic",`+balanceCond[1:]+`]`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != access.KindUnified {
		t.Errorf("Kind = %s", c.Kind)
	}
}

func TestDocumentRoundTrips(t *testing.T) {
	for _, kind := range []access.Kind{access.KindAccessControl, access.KindEVMContract, access.KindUnified} {
		var doc string
		switch kind {
		case access.KindAccessControl:
			doc = "[" + balanceCond + `,{"operator":"or"},[` + erc721Owner + "]]"
		case access.KindEVMContract:
			doc = "[" + contractCond + "]"
		default:
			doc = `[{"conditionType":"evmContract",` + contractCond[1:] + "]"
		}
		c, err := access.Parse(kind, []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		// As a self-describing document and as a bare array, whose kind is detected.
		for _, in := range [][]byte{c.Document(), c.Canonical()} {
			back, err := access.ParseDocument(in)
			if err != nil {
				t.Fatalf("%s: ParseDocument: %v", kind, err)
			}
			if back.Kind != kind || back.HashHex() != c.HashHex() {
				t.Errorf("%s: round trip gave kind %s hash %s, want %s", kind, back.Kind, back.HashHex(), c.HashHex())
			}
		}
	}
}
