package node

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain/devchain"
)

// The node's EIP-1271 checks over real JSON-RPC to the dev chain: a wallet answering exactly
// the magic value signs; a precompile or an address without code is no wallet; a chain ID the
// node reads no chain for is refused; and an endpoint that starts answering as another chain
// is refused (and asked again next time) instead of trusted for the chain it first claimed.
func TestContractWalletsAskOnlyTheChainTheMessageNames(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ch, err := devchain.Start(devchain.Config{HTTPAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ch.Close() })

	// The endpoint the node is given forwards to the dev chain until told to claim chain 1.
	var lie atomic.Bool
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var call struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		if json.Unmarshal(body, &call) == nil && call.Method == "eth_chainId" && lie.Load() {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"result":"0x1"}`, call.ID)
			return
		}
		resp, err := http.Post(ch.URL(), "application/json", bytes.NewReader(body)) //nolint:noctx // test proxy
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.Copy(w, resp.Body)
	}))
	t.Cleanup(proxy.Close)
	ec, err := ethclient.DialContext(ctx, proxy.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ec.Close)
	var w contractWallets
	w.add("litdevnet", proxy.URL, ec)

	// A wallet whose every call returns the ABI-encoded magic value.
	runtime := []byte{0x63, 0x16, 0x26, 0xba, 0x7e, 0x60, 0xe0, 0x1b, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3} // PUSH4 magic; SHL 224; MSTORE(0); RETURN(0, 32)
	initCode := append([]byte{0x60, byte(len(runtime)), 0x80, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00}, runtime...)
	deployer := devchain.Accounts()[7]
	nonce, err := ec.PendingNonceAt(ctx, deployer.Address)
	if err != nil {
		t.Fatal(err)
	}
	gasPrice, err := ec.SuggestGasPrice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignTx(types.NewContractCreation(nonce, big.NewInt(0), 200_000, gasPrice, initCode), types.LatestSignerForChainID(big.NewInt(devchain.ChainID)), deployer.Key)
	if err != nil {
		t.Fatal(err)
	}
	if err := ec.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if _, err := bind.WaitMined(ctx, ec, tx.Hash()); err != nil {
		t.Fatal(err)
	}
	wallet := crypto.CreateAddress(deployer.Address, nonce)

	var hash [32]byte
	if ok, err := w.IsValidSignature(ctx, devchain.ChainID, wallet, hash, []byte{0}); err != nil || !ok {
		t.Fatalf("the wallet answering the magic value: %v, %v", ok, err)
	}
	for _, tc := range []struct {
		name    string
		chainID uint64
		addr    common.Address
		want    error
	}{
		{"the identity precompile", devchain.ChainID, common.BytesToAddress([]byte{4}), access.ErrNotAContract},
		{"an account without code", devchain.ChainID, deployer.Address, access.ErrNotAContract},
		{"a chain the node does not read", 1, wallet, access.ErrUnknownChain},
	} {
		if ok, err := w.IsValidSignature(ctx, tc.chainID, tc.addr, hash, []byte{0}); ok || !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, %v; want %v", tc.name, ok, err, tc.want)
		}
	}

	// The node learnt the endpoint's chain ID once; now the endpoint claims another chain.
	lie.Store(true)
	for range 2 {
		if ok, err := w.IsValidSignature(ctx, devchain.ChainID, wallet, hash, []byte{0}); ok || !errors.Is(err, access.ErrUnknownChain) {
			t.Fatalf("an endpoint answering as chain 1: %v, %v", ok, err)
		}
	}
	// Once it answers as the dev chain again, it is taken again when the chain ID it last
	// gave has aged out.
	lie.Store(false)
	if ok, err := w.IsValidSignature(ctx, devchain.ChainID, wallet, hash, []byte{0}); ok || !errors.Is(err, access.ErrUnknownChain) {
		t.Fatalf("an endpoint remembered as chain 1: %v, %v", ok, err)
	}
	w.mu.Lock()
	w.chains[0].idAt = time.Now().Add(-chainIDTTL - time.Second)
	w.mu.Unlock()
	if ok, err := w.IsValidSignature(ctx, devchain.ChainID, wallet, hash, []byte{0}); err != nil || !ok {
		t.Fatalf("the endpoint back on the dev chain: %v, %v", ok, err)
	}
}
