package access_test

import (
	"context"
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
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// tableCode is the runtime bytecode of a tiny contract written for these tests: for any call
// it returns the three storage words at keccak256(calldata), +1 and +2. Preloading storage
// makes it answer balanceOf, ownerOf or any view function with chosen values, so the
// conditions' ABI encoding and decoding run through a real EVM.
var tableCode = []byte{
	0x36, 0x60, 0x00, 0x60, 0x00, 0x37, // calldatacopy(0, 0, calldatasize)
	0x36, 0x60, 0x00, 0x20, // h := keccak256(0, calldatasize)
	0x80, 0x54, 0x60, 0x00, 0x52, // mstore(0, sload(h))
	0x80, 0x60, 0x01, 0x01, 0x54, 0x60, 0x20, 0x52, // mstore(32, sload(h+1))
	0x60, 0x02, 0x01, 0x54, 0x60, 0x40, 0x52, // mstore(64, sload(h+2))
	0x60, 0x60, 0x60, 0x00, 0xf3, // return(0, 96)
}

// revertCode reverts every call.
var revertCode = []byte{0x60, 0x00, 0x60, 0x00, 0xfd}

func selector(sig string) []byte { return crypto.Keccak256([]byte(sig))[:4] }

func word(v []byte) []byte { return common.LeftPadBytes(v, 32) }

// answer stores the words `words` as the table contract's answer to calldata.
func answer(storage map[common.Hash]common.Hash, calldata []byte, words ...[]byte) {
	h := new(big.Int).SetBytes(crypto.Keccak256(calldata))
	for i, w := range words {
		slot := new(big.Int).Add(h, big.NewInt(int64(i)))
		storage[common.BigToHash(slot)] = common.BytesToHash(w)
	}
}

type chainFixture struct {
	backend  *simulated.Backend
	client   simulated.Client
	rich     common.Address // holds 2 ETH and tokens
	richKey  []byte
	poor     common.Address // holds nothing
	table    common.Address
	reverter common.Address
}

func newChain(t *testing.T) *chainFixture {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	poorKey, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	f := &chainFixture{
		rich:     crypto.PubkeyToAddress(key.PublicKey),
		richKey:  crypto.FromECDSA(key),
		poor:     crypto.PubkeyToAddress(poorKey.PublicKey),
		table:    common.HexToAddress("0x00000000000000000000000000000000000a11ce"),
		reverter: common.HexToAddress("0x000000000000000000000000000000000000dead"),
	}
	storage := map[common.Hash]common.Hash{}
	// ERC-20 / ERC-721 balanceOf(rich) = 5
	answer(storage, append(selector("balanceOf(address)"), word(f.rich.Bytes())...), big.NewInt(5).Bytes())
	// ERC-721 ownerOf(7) = rich
	answer(storage, append(selector("ownerOf(uint256)"), word(big.NewInt(7).Bytes())...), f.rich.Bytes())
	// ERC-1155 balanceOf(rich, 3) = 2
	answer(storage, append(append(selector("balanceOf(address,uint256)"), word(f.rich.Bytes())...), word(big.NewInt(3).Bytes())...), big.NewInt(2).Bytes())
	// members(rich) = (shares 100, exists true)
	answer(storage, append(selector("members(address)"), word(f.rich.Bytes())...), big.NewInt(100).Bytes(), []byte{1})
	// greeting(int8 -1) = "hello, world"
	answer(storage, append(selector("greeting(int8)"), common.LeftPadBytes(nil, 0)...), []byte{})
	answer(storage, append(selector("greeting(int8)"), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)).Bytes()...),
		big.NewInt(32).Bytes(), big.NewInt(12).Bytes(), common.RightPadBytes([]byte("hello, world"), 32))
	// broken() = 7, which does not decode as a bool
	answer(storage, selector("broken()"), big.NewInt(7).Bytes())

	alloc := types.GenesisAlloc{
		f.rich:     {Balance: new(big.Int).Mul(big.NewInt(2), big.NewInt(params.Ether))},
		f.table:    {Code: tableCode, Storage: storage},
		f.reverter: {Code: revertCode},
	}
	f.backend = simulated.NewBackend(alloc)
	t.Cleanup(func() { f.backend.Close() })
	f.client = f.backend.Client()
	f.backend.Commit() // a first block, so that the head has a real timestamp
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

// conds parses a list of conditions written with {table} for the table contract, {reverter}
// for the reverting one and {poor} for the poor account.
func (f *chainFixture) conds(t *testing.T, kind access.Kind, format string) *access.Conditions {
	t.Helper()
	doc := strings.NewReplacer("{table}", f.table.Hex(), "{reverter}", f.reverter.Hex(), "{poor}", f.poor.Hex()).Replace(format)
	c, err := access.Parse(kind, []byte(doc), access.WithChains("otherchain"))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, doc)
	}
	return c
}

func basic(contract, typ, method, params, cmp, value string) string {
	return fmt.Sprintf(`{"contractAddress":%q,"standardContractType":%q,"chain":"litdevnet","method":%q,"parameters":%s,"returnValueTest":{"comparator":%q,"value":%q}}`,
		contract, typ, method, params, cmp, value)
}

const oneEther = "1000000000000000000"

func TestEvaluateAgainstASimulatedChain(t *testing.T) {
	f := newChain(t)
	ev := f.evaluator(t)
	head, err := f.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	now := fmt.Sprint(head.Time)
	balance := basic("", "", "eth_getBalance", `[":userAddress","latest"]`, ">=", oneEther)
	acc := access.KindAccessControl
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
		{"an ERC-20 balance", acc, "[" + basic("{table}", "ERC20", "balanceOf", `[":userAddress"]`, ">=", "5") + "]", f.rich, ""},
		{"an ERC-20 balance too small", acc, "[" + basic("{table}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "5") + "]", f.rich,
			"ERC20 balanceOf(" + f.rich.Hex() + ") of " + f.table.Hex() + " on litdevnet is 5, want > 5"},
		{"an ERC-721 owner", acc, "[" + basic("{table}", "ERC721", "ownerOf", `["7"]`, "=", ":userAddress") + "]", f.rich, ""},
		{"an ERC-721 owned by another", acc, "[" + basic("{table}", "ERC721", "ownerOf", `["7"]`, "=", ":userAddress") + "]", f.poor,
			"ERC721 ownerOf(7) of " + f.table.Hex() + " on litdevnet is " + strings.ToLower(f.rich.Hex()) + ", want = " + f.poor.Hex()},
		{"an ERC-721 balance", acc, "[" + basic("{table}", "ERC721", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.rich, ""},
		{"an ERC-1155 balance", acc, "[" + basic("{table}", "ERC1155", "balanceOf", `[":userAddress","3"]`, "=", "2") + "]", f.rich, ""},
		{"an ERC-1155 balance of another token", acc, "[" + basic("{table}", "ERC1155", "balanceOf", `[":userAddress","4"]`, ">", "0") + "]", f.rich, "is 0, want > 0"},
		{"a reverting ownerOf", acc, "[" + basic("{reverter}", "ERC721", "ownerOf", `["7"]`, "=", ":userAddress") + "]", f.rich, "ownerOf(uint256) on " + f.reverter.Hex() + " at litdevnet reverted"},
		{"a token that is not a contract", acc, "[" + basic("{poor}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.rich, "returned no data (is it a contract?)"},
		{"a contract call with a named output", access.KindEVMContract, `[{"contractAddress":"{table}","functionName":"members","functionParams":[":userAddress"],"functionAbi":{"name":"members","inputs":[{"name":"who","type":"address"}],"outputs":[{"name":"shares","type":"uint256"},{"name":"exists","type":"bool"}],"stateMutability":"view"},"chain":"litdevnet","returnValueTest":{"key":"exists","comparator":"=","value":"true"}}]`, f.rich, ""},
		{"a contract call for a non-member", access.KindEVMContract, `[{"contractAddress":"{table}","functionName":"members","functionParams":[":userAddress"],"functionAbi":{"name":"members","inputs":[{"name":"who","type":"address"}],"outputs":[{"name":"shares","type":"uint256"},{"name":"exists","type":"bool"}],"stateMutability":"view"},"chain":"litdevnet","returnValueTest":{"key":"shares","comparator":">=","value":"1"}}]`, f.poor,
			"members(" + f.poor.Hex() + ") of " + f.table.Hex() + " on litdevnet output shares is 0, want >= 1"},
		{"a contract call returning a string", access.KindEVMContract, `[{"contractAddress":"{table}","functionName":"greeting","functionParams":["-1"],"functionAbi":{"name":"greeting","inputs":[{"name":"n","type":"int8"}],"outputs":[{"name":"","type":"string"}],"stateMutability":"pure"},"chain":"litdevnet","returnValueTest":{"key":"","comparator":"contains","value":"world"}}]`, f.rich, ""},
		{"a contract returning garbage", access.KindEVMContract, `[{"contractAddress":"{table}","functionName":"broken","functionParams":[],"functionAbi":{"name":"broken","inputs":[],"outputs":[{"name":"","type":"bool"}],"stateMutability":"view"},"chain":"litdevnet","returnValueTest":{"key":"","comparator":"=","value":"true"}}]`, f.rich, "does not decode as (bool)"},
		{"and fails on its first false operand", acc, "[" + balance + `,{"operator":"and"},` + basic("{table}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.poor,
			"conditions not met: accessControlConditions[0]: balance of"},
		{"or reports every alternative", acc, "[" + balance + `,{"operator":"or"},[` + basic("{table}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0") + "]]", f.poor,
			"accessControlConditions[0]: balance of " + f.poor.Hex() + " on litdevnet is 0, want >= " + oneEther + "; accessControlConditions[2][0]: ERC20 balanceOf"},
		{"a nested group rescues an or", acc, "[" + balance + `,{"operator":"or"},[` + basic("", "", "", `[":userAddress"]`, "=", "{poor}") + `,{"operator":"and"},` + basic("", "timestamp", "eth_getBlockByNumber", `["latest"]`, ">", "0") + "]]", f.poor, ""},
		{"left to right without precedence", acc, "[" + basic("", "", "", `[":userAddress"]`, "=", "{poor}") + `,{"operator":"or"},` + balance + `,{"operator":"and"},` + basic("{table}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0") + "]", f.poor,
			"accessControlConditions[4]"}, // (true or x) and false
		{"Lit's older form ands every item", acc, "[" + basic("", "", "", `[":userAddress"]`, "=", "{poor}") + "," + balance + "]", f.poor, "accessControlConditions[1]"},
		{"a unified list mixing both types", access.KindUnified, `[{"conditionType":"evmBasic",` + balance[1:] + `,{"operator":"and"},{"conditionType":"evmContract","contractAddress":"{table}","functionName":"members","functionParams":[":userAddress"],"functionAbi":{"name":"members","inputs":[{"name":"who","type":"address"}],"outputs":[{"name":"shares","type":"uint256"}],"stateMutability":"view"},"chain":"litdevnet","returnValueTest":{"key":"","comparator":">","value":"99"}}]`, f.rich, ""},
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
			if !strings.Contains(err.Error(), tc.failed) {
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
	erc20 := basic("{table}", "ERC20", "balanceOf", `[":userAddress"]`, ">", "0")
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

func TestEvaluateSeesChainStateChange(t *testing.T) {
	f := newChain(t)
	ev := f.evaluator(t)
	c := f.conds(t, access.KindAccessControl, "["+basic("", "", "eth_getBalance", `[":userAddress","latest"]`, ">=", oneEther)+"]")
	ctx := context.Background()
	if err := ev.Check(ctx, c, access.Subject{Address: f.poor}); err == nil {
		t.Fatal("the unfunded account met the condition before the transfer")
	}
	key, err := crypto.ToECDSA(f.richKey)
	if err != nil {
		t.Fatal(err)
	}
	nonce, err := f.client.PendingNonceAt(ctx, f.rich)
	if err != nil {
		t.Fatal(err)
	}
	head, err := f.client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(1337)), &types.DynamicFeeTx{
		ChainID: big.NewInt(1337), Nonce: nonce, To: &f.poor, Value: big.NewInt(params.Ether), Gas: 21000,
		GasTipCap: big.NewInt(params.GWei), GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(params.GWei)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	f.backend.Commit()
	receipt, err := f.client.TransactionReceipt(ctx, tx.Hash())
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("transfer not mined: %v %+v", err, receipt)
	}
	if err := ev.Check(ctx, c, access.Subject{Address: f.poor}); err != nil {
		t.Fatalf("after receiving 1 ETH: %v", err)
	}
	// And the sender, now below 1 ETH after gas, no longer meets it.
	if err := ev.Check(ctx, c, access.Subject{Address: f.rich}); err == nil {
		t.Fatal("the sender still meets the condition")
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
	if err := f.backend.AdjustTime(2 * time.Hour); err != nil {
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
