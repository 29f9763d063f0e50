package access_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain/chaintest"
)

// magicAnswer is the one answer of isValidSignature that means "yes": the ABI encoding of the
// bytes4 0x1626ba7e, that is the four bytes followed by 28 zero bytes.
var magicAnswer = append([]byte{0x16, 0x26, 0xba, 0x7e}, make([]byte, 28)...)

// returningCode is the init code of a contract whose every call returns out (at most 255
// bytes), whatever it is asked.
func returningCode(out []byte) []byte {
	var code []byte
	for off := 0; off < len(out); off += 32 {
		var word [32]byte
		copy(word[:], out[off:])
		code = append(code, 0x7f) // PUSH32 word
		code = append(code, word[:]...)
		code = append(code, 0x60, byte(off), 0x52) // MSTORE(off)
	}
	code = append(code, 0x60, byte(len(out)), 0x60, 0x00, 0xf3) // RETURN(0, len)
	initCode := []byte{0x60, byte(len(code)), 0x80, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00}
	return append(initCode, code...)
}

func deploy(t *testing.T, sim *chaintest.Sim, initCode []byte) common.Address {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	backend := sim.Client()
	from := crypto.PubkeyToAddress(sim.Accounts[0].PublicKey)
	nonce, err := backend.PendingNonceAt(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	gasPrice, err := backend.SuggestGasPrice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignTx(types.NewContractCreation(nonce, big.NewInt(0), 300_000, gasPrice, initCode), types.LatestSignerForChainID(big.NewInt(1337)), sim.Accounts[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := backend.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	addr := crypto.CreateAddress(from, nonce)
	if code, err := backend.CodeAt(ctx, addr, nil); err != nil || len(code) == 0 {
		t.Fatalf("the contract was not deployed: %v", err)
	}
	return addr
}

// contractAuthSig is a plain authSig of a contract wallet at addr on chain chainID.
func contractAuthSig(t *testing.T, addr common.Address, chainID uint64) *access.AuthSig {
	t.Helper()
	m := &access.SIWEMessage{
		Domain: "app.example", Address: addr, Version: "1", URI: "https://app.example/", ChainID: chainID,
		Nonce: access.NewNonce(), IssuedAt: sessionNow.Add(-time.Minute), ExpirationTime: sessionNow.Add(time.Hour),
	}
	return &access.AuthSig{Sig: "0x00", DerivedVia: access.DerivedViaEIP1271, SignedMessage: m.String(), Address: addr.Hex()}
}

// On the EVM, a contract wallet says yes only with exactly the ABI-encoded magic value. Before
// this was checked, the first four bytes were enough: a contract answering the magic value
// followed by anything, or only its four bytes, "signed" every message — and so did the
// identity precompile at 0x…04, which echoes the call data, whose selector is the magic value:
// anyone could sign in as 0x0000000000000000000000000000000000000004. An address with no code
// (an EOA) signs nothing this way.
func TestEIP1271TakesOnlyTheExactMagicAnswerOnTheEVM(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sim := chaintest.NewSim(t, 2)
	wallets := simWallets{sim.Backend.Client()}
	opts := access.VerifyOptions{Now: sessionNow, Wallets: wallets}

	exact := deploy(t, sim, returningCode(magicAnswer))
	if auth, err := contractAuthSig(t, exact, 1337).VerifyContext(ctx, opts); err != nil || auth.Address != exact {
		t.Fatalf("a wallet answering exactly the magic value: %v", err)
	}
	dirty := append([]byte(nil), magicAnswer...)
	dirty[31] = 1
	for _, tc := range []struct {
		name  string
		addr  common.Address
		field string
	}{
		{"the magic value then more", deploy(t, sim, returningCode(append(append([]byte(nil), magicAnswer...), magicAnswer...))), "authSig.sig"},
		{"the four bytes alone", deploy(t, sim, returningCode(magicAnswer[:4])), "authSig.sig"},
		{"the magic value with a non-zero tail", deploy(t, sim, returningCode(dirty)), "authSig.sig"},
		{"the identity precompile", common.BytesToAddress([]byte{4}), "authSig.address"},
		{"an address without code", crypto.PubkeyToAddress(sim.Accounts[1].PublicKey), "authSig.address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := contractAuthSig(t, tc.addr, 1337).VerifyContext(ctx, opts)
			if api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), tc.field+": ") {
				t.Fatalf("got %v, want an unauthorized refusal naming %s", err, tc.field)
			}
		})
	}
}

// lyingRPC answers whatever the test wants: a chain ID, code at every address, and one answer
// to every call.
type lyingRPC struct {
	chainID uint64
	code    []byte
	answer  []byte
	down    error
	calls   int
}

func (l *lyingRPC) ChainID(context.Context) (*big.Int, error) {
	if l.down != nil {
		return nil, l.down
	}
	return new(big.Int).SetUint64(l.chainID), nil
}

func (l *lyingRPC) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return l.code, l.down
}

func (l *lyingRPC) CallContract(context.Context, ethereum.CallMsg, *big.Int) ([]byte, error) {
	l.calls++
	return l.answer, l.down
}

func (l *lyingRPC) BalanceAt(context.Context, common.Address, *big.Int) (*big.Int, error) {
	return new(big.Int), l.down
}

func (l *lyingRPC) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return &types.Header{Number: new(big.Int)}, l.down
}

// A chain RPC is believed only as far as can be checked: it must be the chain the message
// names, the wallet must have code and not be a precompile or another reserved address, and its
// answer must be exactly the magic value. Each refusal names what failed.
func TestEIP1271RefusesALyingRPC(t *testing.T) {
	ctx := context.Background()
	wallet := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	honest := func() *lyingRPC { return &lyingRPC{chainID: 1337, code: []byte{0x60}, answer: magicAnswer} }
	verify := func(rpc *lyingRPC, addr common.Address) error {
		_, err := contractAuthSig(t, addr, 1337).VerifyContext(ctx, access.VerifyOptions{Now: sessionNow, Wallets: simWallets{rpc}})
		return err
	}
	if err := verify(honest(), wallet); err != nil {
		t.Fatalf("an honest answer: %v", err)
	}
	cases := []struct {
		name   string
		rpc    func() *lyingRPC
		addr   common.Address
		kind   api.Kind
		field  string
		reason string
	}{
		{"another chain", func() *lyingRPC { r := honest(); r.chainID = 1; return r }, wallet,
			api.KindUnauthorized, "authSig.signedMessage.chainId", "answers chain ID 1"},
		{"no code", func() *lyingRPC { r := honest(); r.code = nil; return r }, wallet,
			api.KindUnauthorized, "authSig.address", "no contract"},
		{"the magic value then junk", func() *lyingRPC { r := honest(); r.answer = append(append([]byte(nil), magicAnswer...), 1); return r }, wallet,
			api.KindUnauthorized, "authSig.sig", "does not accept the signature"},
		{"a short answer", func() *lyingRPC { r := honest(); r.answer = magicAnswer[:31]; return r }, wallet,
			api.KindUnauthorized, "authSig.sig", "does not accept the signature"},
		{"no answer", func() *lyingRPC { r := honest(); r.answer = nil; return r }, wallet,
			api.KindUnauthorized, "authSig.sig", "does not accept the signature"},
		{"a chain that is down", func() *lyingRPC { r := honest(); r.down = errors.New("connection refused"); return r }, wallet,
			api.KindUnavailable, "authSig.sig", "could not ask"},
	}
	for _, a := range []uint64{0, 1, 4, 9, 0x0a, 0x11, 0x64, 0x100, 0x8001, 0xffff} {
		cases = append(cases, struct {
			name   string
			rpc    func() *lyingRPC
			addr   common.Address
			kind   api.Kind
			field  string
			reason string
		}{"reserved address " + common.BigToAddress(new(big.Int).SetUint64(a)).Hex(), honest, common.BigToAddress(new(big.Int).SetUint64(a)),
			api.KindUnauthorized, "authSig.address", "precompile"})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := verify(tc.rpc(), tc.addr)
			var ae *api.Error
			if !errors.As(err, &ae) || ae.Kind != tc.kind || !strings.HasPrefix(ae.Message, tc.field+": ") || !strings.Contains(ae.Message, tc.reason) {
				t.Fatalf("got %v, want %s naming %s and %q", err, tc.kind, tc.field, tc.reason)
			}
		})
	}
	// The first address past the reserved range is an ordinary one.
	if err := verify(honest(), common.BigToAddress(big.NewInt(0x10000))); err != nil {
		t.Fatalf("0x…010000: %v", err)
	}
}
