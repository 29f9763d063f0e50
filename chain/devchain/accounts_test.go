package devchain_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain/devchain"
)

// The well-known accounts of the test mnemonic, as Hardhat and Anvil print them.
func TestAccountsAreTheWellKnownTestAccounts(t *testing.T) {
	want := map[int]struct{ addr, key string }{
		0: {"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"},
		1: {"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"},
		9: {"0xa0Ee7A142d267C1f36714E4a8F75612F20a79720", "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6"},
	}
	accts := devchain.Accounts()
	if len(accts) != devchain.NumAccounts {
		t.Fatalf("%d accounts, want %d", len(accts), devchain.NumAccounts)
	}
	for i, w := range want {
		a := accts[i]
		if a.Address != common.HexToAddress(w.addr) || hexutil.Encode(crypto.FromECDSA(a.Key)) != w.key {
			t.Fatalf("account %d = %s / %s, want %s / %s", i, a.Address.Hex(), a.JSON().PrivateKey, w.addr, w.key)
		}
		if a.Address != crypto.PubkeyToAddress(a.Key.PublicKey) {
			t.Fatalf("account %d address does not match its key", i)
		}
	}
	if _, err := devchain.AccountByIndex(10); err == nil {
		t.Fatal("AccountByIndex(10) accepted")
	}
}
