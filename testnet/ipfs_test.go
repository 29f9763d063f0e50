package testnet_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/testnet"
)

func TestAPinnedActionReachesEveryNodeOverBitswap(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := testnet.Start(ctx, t, 4)
	c.WaitMesh(ctx)

	code := []byte(strings.Repeat("// filler to span two chunks\n", 12000) + `Lit.Actions.setResponse({response: "ok"})`)
	want, err := ipfs.CIDOf(bytes.NewReader(code))
	if err != nil {
		t.Fatal(err)
	}
	cid, results, err := testnet.NewClient(c.NetworkFile()).PinAction(ctx, code, anyAuthSig(t))
	if err != nil {
		t.Fatalf("pin: %v (%+v)", err, results)
	}
	if cid != want.String() {
		t.Fatalf("network CID %s, local CID %s", cid, want)
	}
	// Every node now holds the whole file locally: no network needed to read it.
	for _, m := range c.Members() {
		ok, err := m.Node().IPFS().HasAll(ctx, want)
		if err != nil || !ok {
			t.Errorf("node %d does not hold the whole file after pinning (%v)", m.Index, err)
		}
	}
}

// anyAuthSig is an authSig of a fresh key: who stores a file on the nodes.
func anyAuthSig(t testing.TB) *access.AuthSig {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	a, err := access.CreateAuthSig(key, access.AuthSigOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}
