package access_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/bindings"
	"github.com/litmesh/litmesh/chain/chaintest"
)

// chainFixture is go-ethereum's simulated chain (through chain/chaintest, which mines a block
// per transaction) with the litmesh contracts and the real demo tokens deployed by
// chain.Deploy, so every condition runs against the contracts the devnet uses. rich holds
// 2 ETH, 5 units of the demo ERC-20, demo NFT #1 and 2 of ERC-1155 id 3; poor holds nothing.
type chainFixture struct {
	sim     *chaintest.Sim
	backend *simulated.Backend
	client  simulated.Client
	chain   *chain.Client
	admin   *ecdsa.PrivateKey
	addrs   chain.Addresses
	rich    common.Address
	richKey *ecdsa.PrivateKey
	poor    common.Address
}

func newChain(t *testing.T) *chainFixture {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sim := chaintest.NewSim(t, 1)
	f := &chainFixture{sim: sim, backend: sim.Backend, client: sim.Backend.Client(), admin: sim.Accounts[0]}
	f.chain = sim.NewClient(t, chain.Addresses{})
	var err error
	f.addrs, err = chain.Deploy(ctx, f.chain, f.admin, chain.DeployConfig{MinStake: big.NewInt(1), EpochLength: time.Hour, WithDemoTokens: true})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	if f.richKey, err = crypto.GenerateKey(); err != nil {
		t.Fatal(err)
	}
	poorKey, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	f.rich, f.poor = crypto.PubkeyToAddress(f.richKey.PublicKey), crypto.PubkeyToAddress(poorKey.PublicKey)
	if err := f.chain.Transfer(ctx, f.admin, f.rich, new(big.Int).Mul(big.NewInt(2), big.NewInt(params.Ether))); err != nil {
		t.Fatal(err)
	}
	for _, mint := range []struct {
		to   common.Address
		data []byte
	}{
		{f.addrs.DemoERC20, bindings.NewDemoERC20().PackMint(f.rich, big.NewInt(5))},
		{f.addrs.DemoERC721, bindings.NewDemoERC721().PackMint(f.rich)}, // token 1
		{f.addrs.DemoERC1155, bindings.NewDemoERC1155().PackMint(f.rich, big.NewInt(3), big.NewInt(2))},
	} {
		if _, err := f.chain.Transact(ctx, f.admin, mint.to, mint.data); err != nil {
			t.Fatalf("mint demo tokens: %v", err)
		}
	}
	return f
}

func (f *chainFixture) evaluator(t *testing.T, opts ...access.EvaluatorOption) *access.Evaluator {
	t.Helper()
	e, err := access.NewEvaluator(append([]access.EvaluatorOption{access.WithChain(access.DevnetChain, f.client)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// conds parses a list of conditions written with {erc20}, {erc721}, {erc1155} and {staking} for
// the deployed contracts and {poor} for the poor account.
func (f *chainFixture) conds(t *testing.T, kind access.Kind, format string) *access.Conditions {
	t.Helper()
	doc := f.expand(format)
	c, err := access.Parse(kind, []byte(doc), access.WithChains("otherchain"))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, doc)
	}
	return c
}

func (f *chainFixture) expand(s string) string {
	return strings.NewReplacer("{erc20}", f.addrs.DemoERC20.Hex(), "{erc721}", f.addrs.DemoERC721.Hex(), "{erc1155}", f.addrs.DemoERC1155.Hex(),
		"{staking}", f.addrs.Staking.Hex(), "{poor}", f.poor.Hex()).Replace(s)
}

func basic(contract, typ, method, params, cmp, value string) string {
	return fmt.Sprintf(`{"contractAddress":%q,"standardContractType":%q,"chain":"litdevnet","method":%q,"parameters":%s,"returnValueTest":{"comparator":%q,"value":%q}}`,
		contract, typ, method, params, cmp, value)
}

// contractCall is an evmContractConditions entry calling fn(inputs) -> outputs on contract.
func contractCall(contract, fn, params, inputs, outputs, key, cmp, value string) string {
	return fmt.Sprintf(`{"contractAddress":%q,"functionName":%q,"functionParams":%s,"functionAbi":{"name":%q,"inputs":%s,"outputs":%s,"stateMutability":"view"},"chain":"litdevnet","returnValueTest":{"key":%q,"comparator":%q,"value":%q}}`,
		contract, fn, params, fn, inputs, outputs, key, cmp, value)
}

const oneEther = "1000000000000000000"

// epochOutputs is Staking.epoch()'s EpochInfo struct, static, so it reads as six outputs.
const epochOutputs = `[{"name":"number","type":"uint256"},{"name":"state","type":"uint8"},{"name":"startTime","type":"uint256"},{"name":"length","type":"uint256"},{"name":"readyCount","type":"uint256"},{"name":"nextSetSize","type":"uint256"}]`

func TestEvaluateAgainstTheDemoTokens(t *testing.T) {
	f := newChain(t)
	ev := f.evaluator(t)
	head, err := f.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	now := fmt.Sprint(head.Time)
	balance := basic("", "", "eth_getBalance", `[":userAddress","latest"]`, ">=", oneEther)
	erc20Balance := contractCall("{erc20}", "balanceOf", `[":userAddress"]`, `[{"name":"account","type":"address"}]`, `[{"name":"balance","type":"uint256"}]`, "balance", ">", "4")
	acc, evm := access.KindAccessControl, access.KindEVMContract
	lower := func(a common.Address) string { return strings.ToLower(a.Hex()) }
	cases := []struct {
		name   string
		kind   access.Kind
		conds  string
		user   common.Address
		failed string // "" when met; otherwise a substring of the NotMetError
	}{
		{"a funded account has at least 1 ETH", acc, "[" + balance + "]", f.rich, ""},
		{"an unfunded account has not", acc, "[" + balance + "]", f.poor,
			"conditions not met: accessControlConditions[0]: balance of " + f.poor.Hex() + " on litdevnet is 0, want >= " + oneEther},
		{"a fixed address's balance", acc, "[" + basic("", "", "eth_getBalance", `["{poor}"]`, "=", "0") + "]", f.rich, ""},
		{"the latest block is not before its own time", acc, "[" + basic("", "timestamp", "eth_getBlockByNumber", `["latest"]`, ">=", now) + "]", f.rich, ""},
		{"the latest block is not an hour ahead", acc, "[" + basic("", "timestamp", "eth_getBlockByNumber", `["latest"]`, ">", fmt.Sprint(head.Time+3600)) + "]", f.rich,
			"latest block timestamp on litdevnet is " + now},
		{"the user's own address", acc, "[" + basic("", "", "", `[":userAddress"]`, "=", f.rich.Hex()) + "]", f.rich, ""},
		{"someone else's address", acc, "[" + basic("", "", "", `[":userAddress"]`, "=", f.rich.Hex()) + "]", f.poor, "the user's address is"},
		{"an ERC-20 balance", acc, "[" + basic("{erc20}", "ERC20", "balanceOf", `[":userAddress"]`, ">=", "5") + "]", f.rich, ""},
		{"an ERC-20 balance too small", acc, "[" + basic("{erc20}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "5") + "]", f.rich,
			"ERC20 balanceOf(" + f.rich.Hex() + ") of " + f.addrs.DemoERC20.Hex() + " on litdevnet is 5, want > 5"},
		{"an ERC-721 owner", acc, "[" + basic("{erc721}", "ERC721", "ownerOf", `["1"]`, "=", ":userAddress") + "]", f.rich, ""},
		{"an ERC-721 owned by another", acc, "[" + basic("{erc721}", "ERC721", "ownerOf", `["1"]`, "=", ":userAddress") + "]", f.poor,
			"ERC721 ownerOf(1) of " + f.addrs.DemoERC721.Hex() + " on litdevnet is " + lower(f.rich) + ", want = " + f.poor.Hex()},
		{"an ERC-721 token that does not exist", acc, "[" + basic("{erc721}", "ERC721", "ownerOf", `["99"]`, "=", ":userAddress") + "]", f.rich,
			"ownerOf(uint256) on " + f.addrs.DemoERC721.Hex() + " at litdevnet reverted"},
		{"an ERC-721 balance", acc, "[" + basic("{erc721}", "ERC721", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.rich, ""},
		{"no ERC-721 balance", acc, "[" + basic("{erc721}", "ERC721", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.poor, "is 0, want > 0"},
		{"an ERC-1155 balance", acc, "[" + basic("{erc1155}", "ERC1155", "balanceOf", `[":userAddress","3"]`, "=", "2") + "]", f.rich, ""},
		{"an ERC-1155 balance of another token", acc, "[" + basic("{erc1155}", "ERC1155", "balanceOf", `[":userAddress","4"]`, ">", "0") + "]", f.rich, "is 0, want > 0"},
		{"a token that is not a contract", acc, "[" + basic("{poor}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.rich, "returned no data (is it a contract?)"},
		{"a contract call with a named output", evm, "[" + erc20Balance + "]", f.rich, ""},
		{"a contract call for an account without tokens", evm, "[" + erc20Balance + "]", f.poor,
			"balanceOf(" + f.poor.Hex() + ") of " + f.addrs.DemoERC20.Hex() + " on litdevnet output balance is 0, want > 4"},
		{"a contract call picking one of several outputs", evm, "[" + contractCall("{staking}", "epoch", `[]`, `[]`, epochOutputs, "length", "=", "3600") + "]", f.rich, ""},
		{"a contract call whose chosen output fails", evm, "[" + contractCall("{staking}", "epoch", `[]`, `[]`, epochOutputs, "nextSetSize", ">=", "1") + "]", f.rich,
			"output nextSetSize is 0, want >= 1"},
		{"a contract call returning a string", evm, "[" + contractCall("{erc721}", "name", `[]`, `[]`, `[{"name":"","type":"string"}]`, "", "contains", "demo NFT") + "]", f.rich, ""},
		{"a contract call with a bool result", evm, "[" + contractCall("{erc721}", "isApprovedForAll", `[":userAddress","{poor}"]`, `[{"name":"owner","type":"address"},{"name":"operator","type":"address"}]`, `[{"name":"","type":"bool"}]`, "", "=", "false") + "]", f.rich, ""},
		{"a contract answering in another type than declared", evm, "[" + contractCall("{erc20}", "name", `[]`, `[]`, `[{"name":"","type":"bool"}]`, "", "=", "true") + "]", f.rich, "does not decode as (bool)"},
		{"and fails on its first false operand", acc, "[" + balance + `,{"operator":"and"},` + basic("{erc20}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.poor,
			"conditions not met: accessControlConditions[0]: balance of"},
		{"or reports every alternative", acc, "[" + balance + `,{"operator":"or"},[` + basic("{erc20}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0") + "]]", f.poor,
			"accessControlConditions[0]: balance of " + f.poor.Hex() + " on litdevnet is 0, want >= " + oneEther + "; accessControlConditions[2][0]: ERC20 balanceOf"},
		{"a nested group rescues an or", acc, "[" + balance + `,{"operator":"or"},[` + basic("", "", "", `[":userAddress"]`, "=", "{poor}") + `,{"operator":"and"},` + basic("", "timestamp", "eth_getBlockByNumber", `["latest"]`, ">", "0") + "]]", f.poor, ""},
		{"left to right without precedence", acc, "[" + basic("", "", "", `[":userAddress"]`, "=", "{poor}") + `,{"operator":"or"},` + balance + `,{"operator":"and"},` + basic("{erc20}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.poor,
			"accessControlConditions[4]"}, // (true or x) and false
		{"Lit's older form ands every item", acc, "[" + basic("", "", "", `[":userAddress"]`, "=", "{poor}") + "," + balance + "]", f.poor, "accessControlConditions[1]"},
		{"a unified list mixing both types", access.KindUnified, `[{"conditionType":"evmBasic",` + balance[1:] + `,{"operator":"and"},{"conditionType":"evmContract",` + erc20Balance[1:] + `]`, f.rich, ""},
		{"an or skips a chain it need not read", acc, "[" + balance + `,{"operator":"or"},` + strings.Replace(balance, "litdevnet", "otherchain", 1) + "]", f.rich, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := ev.Check(context.Background(), f.conds(t, tc.kind, tc.conds), access.Subject{Address: tc.user})
			if tc.failed == "" {
				if err != nil {
					t.Fatalf("not met: %v", err)
				}
				return
			}
			var nm *access.NotMetError
			if !errors.As(err, &nm) {
				t.Fatalf("got %v, want a NotMetError", err)
			}
			if api.KindOf(err) != api.KindForbidden {
				t.Errorf("kind %s, want forbidden", api.KindOf(err))
			}
			if !strings.Contains(err.Error(), f.expand(tc.failed)) {
				t.Errorf("error\n%s\ndoes not contain\n%s", err, tc.failed)
			}
		})
	}
}

// countingReader counts the reads that reach the real chain client it wraps.
type countingReader struct {
	access.ChainReader
	reads atomic.Int32
}

func (c *countingReader) BalanceAt(ctx context.Context, a common.Address, n *big.Int) (*big.Int, error) {
	c.reads.Add(1)
	return c.ChainReader.BalanceAt(ctx, a, n)
}

func (c *countingReader) CallContract(ctx context.Context, m ethereum.CallMsg, n *big.Int) ([]byte, error) {
	c.reads.Add(1)
	return c.ChainReader.CallContract(ctx, m, n)
}

func TestEvaluateShortCircuits(t *testing.T) {
	f := newChain(t)
	counter := &countingReader{ChainReader: f.client}
	ev, err := access.NewEvaluator(access.WithChain(access.DevnetChain, counter))
	if err != nil {
		t.Fatal(err)
	}
	balance := basic("", "", "eth_getBalance", `[":userAddress","latest"]`, ">=", oneEther)
	erc20 := basic("{erc20}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0")
	for _, tc := range []struct {
		name  string
		conds string
		user  common.Address
		reads int32
	}{
		{"a true first operand of or", "[" + balance + `,{"operator":"or"},` + erc20 + "]", f.rich, 1},
		{"a false first operand of and", "[" + balance + `,{"operator":"and"},` + erc20 + "]", f.poor, 1},
		{"both operands of a true and", "[" + balance + `,{"operator":"and"},` + erc20 + "]", f.rich, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counter.reads.Store(0)
			_ = ev.Check(context.Background(), f.conds(t, access.KindAccessControl, tc.conds), access.Subject{Address: tc.user})
			if got := counter.reads.Load(); got != tc.reads {
				t.Errorf("%d chain reads, want %d", got, tc.reads)
			}
		})
	}
}

func TestEvaluateSeesBalancesAndOwnershipChange(t *testing.T) {
	f := newChain(t)
	ev := f.evaluator(t)
	c := f.conds(t, access.KindAccessControl, "["+basic("", "", "eth_getBalance", `[":userAddress","latest"]`, ">=", oneEther)+"]")
	ctx := context.Background()
	if err := ev.Check(ctx, c, access.Subject{Address: f.poor}); err == nil {
		t.Fatal("the unfunded account met the condition before the transfer")
	}
	if err := f.chain.Transfer(ctx, f.richKey, f.poor, big.NewInt(params.Ether)); err != nil {
		t.Fatal(err)
	}
	if err := ev.Check(ctx, c, access.Subject{Address: f.poor}); err != nil {
		t.Fatalf("after receiving 1 ETH: %v", err)
	}
	// And the sender, now below 1 ETH after gas, no longer meets it.
	if err := ev.Check(ctx, c, access.Subject{Address: f.rich}); err == nil {
		t.Fatal("the sender still meets the condition")
	}

	// Ownership of the demo NFT follows a transfer.
	owns := f.conds(t, access.KindAccessControl, "["+basic("{erc721}", "ERC721", "ownerOf", `["1"]`, "=", ":userAddress")+"]")
	if err := ev.Check(ctx, owns, access.Subject{Address: f.poor}); err == nil {
		t.Fatal("poor owns NFT 1 before the transfer")
	}
	transfer := bindings.NewDemoERC721().PackTransferFrom(f.rich, f.poor, big.NewInt(1))
	if _, err := f.chain.Transact(ctx, f.richKey, f.addrs.DemoERC721, transfer); err != nil {
		t.Fatal(err)
	}
	if err := ev.Check(ctx, owns, access.Subject{Address: f.poor}); err != nil {
		t.Fatalf("after the transfer: %v", err)
	}
	if err := ev.Check(ctx, owns, access.Subject{Address: f.rich}); err == nil {
		t.Fatal("the former owner still meets the condition")
	}
}

func TestEvaluateTimestampFollowsTheChain(t *testing.T) {
	f := newChain(t)
	ev := f.evaluator(t)
	ctx := context.Background()
	head, err := f.client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := f.conds(t, access.KindAccessControl, "["+basic("", "timestamp", "eth_getBlockByNumber", `["latest"]`, ">=", fmt.Sprint(head.Time+3600))+"]")
	if err := ev.Check(ctx, c, access.Subject{Address: f.rich}); err == nil {
		t.Fatal("met an hour early")
	}
	if err := f.sim.AdjustTime(2 * time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := ev.Check(ctx, c, access.Subject{Address: f.rich}); err != nil {
		t.Fatalf("two hours later: %v", err)
	}
}

// echoRunner stands in for the node's action runtime: it answers with its parameters joined,
// so the test sees what the evaluator passed.
type echoRunner struct{ last access.LitActionCall }

func (r *echoRunner) RunCondition(_ context.Context, call access.LitActionCall) (string, error) {
	r.last = call
	return strings.Join(call.Params, "|"), nil
}

func TestEvaluateLitActionConditions(t *testing.T) {
	f := newChain(t)
	doc := `[{"contractAddress":"ipfs://QmcgbVu2sJSPpTeFhBd174FnmYmoVYvUFJeDkS7eYtwoFY","standardContractType":"LitAction","chain":"litdevnet","method":"check","parameters":["40",":userAddress",":litParam:city"],"returnValueTest":{"comparator":"contains","value":"Lisbon"}}]`
	c, err := access.Parse(access.KindAccessControl, []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	subject := access.Subject{Address: f.rich, Resources: []string{"litParam:city:TGlzYm9u"}} // base64url("Lisbon")

	err = f.evaluator(t).Check(context.Background(), c, subject)
	if api.KindOf(err) != api.KindBadRequest || !strings.Contains(err.Error(), "Lit Action conditions are not supported by this node") {
		t.Fatalf("without a runner: %v", err)
	}

	runner := &echoRunner{}
	if err := f.evaluator(t, access.WithLitActionRunner(runner)).Check(context.Background(), c, subject); err != nil {
		t.Fatalf("with a runner: %v", err)
	}
	want := access.LitActionCall{IPFSID: "QmcgbVu2sJSPpTeFhBd174FnmYmoVYvUFJeDkS7eYtwoFY", Method: "check", Params: []string{"40", f.rich.Hex(), "Lisbon"}, UserAddress: f.rich}
	if got, _ := json.Marshal(runner.last); string(got) != string(must(json.Marshal(want))) {
		t.Errorf("runner got %s, want %s", got, must(json.Marshal(want)))
	}

	err = f.evaluator(t, access.WithLitActionRunner(runner)).Check(context.Background(), c, access.Subject{Address: f.rich})
	if api.KindOf(err) != api.KindBadRequest || !strings.Contains(err.Error(), "no resource") {
		t.Errorf("missing litParam: %v", err)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestEvaluateRefusesChainsItCannotRead(t *testing.T) {
	f := newChain(t)
	c := f.conds(t, access.KindAccessControl, "["+strings.Replace(basic("", "", "eth_getBalance", `[":userAddress"]`, ">", "0"), "litdevnet", "otherchain", 1)+"]")
	err := f.evaluator(t).Check(context.Background(), c, access.Subject{Address: f.rich})
	if api.KindOf(err) != api.KindBadRequest || !strings.Contains(err.Error(), `chain "otherchain" is not supported by this node`) {
		t.Fatalf("got %v", err)
	}
}

func TestEvaluateIsBoundedInTime(t *testing.T) {
	// An RPC server that never answers.
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	defer srv.Close()
	defer close(stop)
	client, err := ethclient.Dial(srv.URL + "/secret-api-key")
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ev, err := access.NewEvaluator(access.WithChain("ethereum", client), access.WithTimeout(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	c, err := access.Parse(access.KindAccessControl, []byte("["+balanceCond+"]"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = ev.Check(context.Background(), c, access.Subject{})
	if api.KindOf(err) != api.KindTimeout {
		t.Fatalf("got %v, want a timeout", err)
	}
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if strings.Contains(err.Error(), "secret-api-key") {
		t.Errorf("error %q shows the RPC URL", err)
	}
}

func TestEvaluateReportsUnreachableChains(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String() + "/secret-api-key"
	l.Close() // nothing listens there now
	client, err := ethclient.Dial(url)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ev, err := access.NewEvaluator(access.WithChain("ethereum", client))
	if err != nil {
		t.Fatal(err)
	}
	c, err := access.Parse(access.KindAccessControl, []byte("["+balanceCond+"]"))
	if err != nil {
		t.Fatal(err)
	}
	err = ev.Check(context.Background(), c, access.Subject{})
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Kind != api.KindUnavailable {
		t.Fatalf("got %v, want unavailable", err)
	}
	if strings.Contains(err.Error(), "secret-api-key") || strings.Contains(ae.Message, "secret-api-key") {
		t.Errorf("error %q shows the RPC URL", err)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) { // the cause stays in the chain for operators' logs
		t.Errorf("cause lost: %v", err)
	}
}

func TestNewEvaluatorRejectsBadOptions(t *testing.T) {
	if _, err := access.NewEvaluator(access.WithChain("x", nil)); err == nil {
		t.Error("nil reader accepted")
	}
	f := newChain(t)
	if _, err := access.NewEvaluator(access.WithChain("a", f.client), access.WithChain("a", f.client)); err == nil {
		t.Error("duplicate chain accepted")
	}
	if _, err := access.NewEvaluator(access.WithTimeout(0)); err == nil {
		t.Error("zero timeout accepted")
	}
}

func TestCheckRefusesHandBuiltMalformedConditions(t *testing.T) {
	ev, err := access.NewEvaluator()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*access.Conditions{
		{Kind: access.KindAccessControl},
		{Kind: access.KindAccessControl, Items: []access.Item{{}}},
		{Kind: access.KindAccessControl, Items: []access.Item{{Operator: access.OpAnd}}},
		{Kind: access.KindAccessControl, Items: []access.Item{{Group: []access.Item{}}}},
	} {
		if err := ev.Check(context.Background(), c, access.Subject{}); api.KindOf(err) != api.KindBadRequest {
			t.Errorf("%+v: got %v, want bad_request", c, err)
		}
	}
}
