package lit_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/testnet"
)

// The pkp and chain commands, run as the real lit binary against an in-process 4-node network.
func TestPKPCommandsMintSignSendAndPermit(t *testing.T) {
	bin := buildLit(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithChain())
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	work := t.TempDir()
	netFile := filepath.Join(work, "network.json")
	if err := client.WriteNetwork(netFile, c.NetworkFile()); err != nil {
		t.Fatal(err)
	}
	lit := func(args ...string) []byte {
		t.Helper()
		out, errOut, err := runLit(t, bin, work, append(args, "--network", netFile)...)
		if err != nil {
			t.Fatalf("lit %s: %v\n%s", strings.Join(args, " "), err, errOut)
		}
		return []byte(out)
	}
	decode := func(raw []byte, v any) {
		t.Helper()
		if err := json.Unmarshal(raw, v); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, raw)
		}
	}

	var accounts []struct {
		Index   int    `json:"index"`
		Key     string `json:"key"`
		Address string `json:"address"`
		Balance string `json:"balance"`
	}
	decode(lit("chain", "accounts"), &accounts)
	if len(accounts) != devchain.NumAccounts || accounts[1].Key != "dev:1" || accounts[1].Balance == "0" || accounts[1].Address != devchain.Accounts()[1].Address.Hex() {
		t.Fatalf("chain accounts: %+v", accounts)
	}

	var pkp client.PKPInfo
	decode(lit("pkp", "mint", "--key", "dev:1"), &pkp)
	if len(pkp.TokenID) != 66 || !strings.HasPrefix(pkp.PublicKey, "0x04") || !common.IsHexAddress(pkp.EthAddress) {
		t.Fatalf("mint printed %+v", pkp)
	}

	hash := sha256.Sum256([]byte("signed from the command line"))
	var sig struct {
		R, S, Signature, PublicKey string
		V                          int
		RecID                      int `json:"recid"`
	}
	decode(lit("pkp", "sign", "--pkp", pkp.TokenID, "--hash", hex.EncodeToString(hash[:]), "--key", "dev:1"), &sig)
	raw, err := hex.DecodeString(strings.TrimPrefix(sig.Signature, "0x"))
	if err != nil || len(raw) != 65 || int(raw[64]) != sig.V || sig.V != 27+sig.RecID || sig.PublicKey != pkp.PublicKey {
		t.Fatalf("sign printed %+v", sig)
	}
	raw[64] -= 27
	pub, err := crypto.Ecrecover(hash[:], raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]); got.Hex() != pkp.EthAddress {
		t.Fatalf("signature recovers to %s, want %s", got.Hex(), pkp.EthAddress)
	}

	// Even the owner's own plain authSig is refused: signing takes session signatures.
	owners, err := access.CreateAuthSig(devchain.Accounts()[1].Key, access.AuthSigOptions{ChainID: devchain.ChainID, TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	authFile := filepath.Join(work, "owner.json")
	rawAuth, _ := json.Marshal(owners)
	if err := os.WriteFile(authFile, rawAuth, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := runLit(t, bin, work, "pkp", "sign", "--pkp", pkp.PublicKey, "--hash", hex.EncodeToString(hash[:]), "--authsig", authFile, "--network", netFile)
	if err == nil || !strings.Contains(errOut, "session signatures are required for PKP signing") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("a plain authSig: err %v, stderr %q", err, errOut)
	}
	// A stranger's session is refused with a one-line reason.
	_, errOut, err = runLit(t, bin, work, "pkp", "sign", "--pkp", pkp.PublicKey, "--hash", hex.EncodeToString(hash[:]), "--key", "dev:2", "--network", netFile)
	if err == nil || !strings.Contains(errOut, "forbidden") || !strings.Contains(errOut, "neither owns") {
		t.Fatalf("a stranger's sign: err %v, stderr %q", err, errOut)
	}

	// eth-send from the PKP's (funded) address.
	if err := c.Chain.Transfer(ctx, devchain.Accounts()[0].Key, common.HexToAddress(pkp.EthAddress), big.NewInt(1e17)); err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress("0x000000000000000000000000000000000000c0de")
	var tx client.PKPTransaction
	decode(lit("pkp", "eth-send", "--pkp", pkp.TokenID, "--to", to.Hex(), "--value", "4242", "--key", "dev:1"), &tx)
	if tx.Status != 1 || tx.From != pkp.EthAddress {
		t.Fatalf("eth-send printed %+v", tx)
	}
	if bal, err := c.Chain.Balance(ctx, to); err != nil || bal.Int64() != 4242 {
		t.Fatalf("recipient holds %v (%v), want 4242 wei", bal, err)
	}

	// Permit an action and read it back.
	cid, err := ipfs.CIDOf(bytes.NewReader([]byte(`Lit.Actions.setResponse({response: "hi"})`)))
	if err != nil {
		t.Fatal(err)
	}
	var permit struct {
		CID       string `json:"cid"`
		Permitted bool   `json:"permitted"`
	}
	decode(lit("pkp", "permit-action", "--pkp", pkp.TokenID, "--cid", cid.String(), "--key", "dev:1"), &permit)
	if !permit.Permitted || permit.CID != cid.String() {
		t.Fatalf("permit-action printed %+v", permit)
	}
	var perms struct {
		Owner     string   `json:"owner"`
		Actions   []string `json:"actions"`
		Addresses []string `json:"addresses"`
	}
	decode(lit("pkp", "permissions", "--pkp", pkp.PublicKey), &perms)
	if perms.Owner != devchain.Accounts()[1].Address.Hex() || !slices.Contains(perms.Actions, cid.String()) {
		t.Fatalf("permissions printed %+v", perms)
	}

	// Usage mistakes are named.
	if _, errOut, err := runLit(t, bin, work, "pkp", "sign", "--pkp", pkp.TokenID, "--hash", "abcd", "--key", "dev:1", "--network", netFile); err == nil || !strings.Contains(errOut, "32 bytes") {
		t.Fatalf("a short hash: err %v, stderr %q", err, errOut)
	}
}
