package testnet_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
)

// pkpCluster starts n nodes on a dev chain, waits for epoch 1 and for every warm signer set's
// pool to hold at least `ready` presignatures at its coordinator.
func pkpCluster(ctx context.Context, t testing.TB, n, pool, ready int) *testnet.Cluster {
	t.Helper()
	c := testnet.Start(ctx, t, n, testnet.WithChain(), testnet.WithConfig(func(_ int, cfg *node.Config) { cfg.PKPPool = pool }))
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	waitPools(ctx, c, ready)
	return c
}

// waitPools waits until every running node's warm sets it coordinates hold `ready`
// presignatures.
func waitPools(ctx context.Context, c *testnet.Cluster, ready int) {
	c.WaitFor(ctx, "warm presignature pools", func() (bool, string) {
		for _, m := range c.Members() {
			nd := m.Node()
			if nd == nil {
				continue
			}
			st, ok := nd.PKPPools()
			if !ok {
				return false, fmt.Sprintf("node %d: no pools yet", m.Index)
			}
			for _, s := range st.Sets {
				if s.Coordinator && s.Warm && len(s.Ready) < ready {
					return false, fmt.Sprintf("node %d: set %v holds %d of %d", m.Index, s.Signers, len(s.Ready), ready)
				}
			}
		}
		return true, ""
	})
}

func devKey(t testing.TB, i int) *ecdsa.PrivateKey {
	t.Helper()
	a, err := devchain.AccountByIndex(i)
	if err != nil {
		t.Fatal(err)
	}
	return a.Key
}

func authSigOf(t testing.TB, key *ecdsa.PrivateKey) *access.AuthSig {
	t.Helper()
	a, err := access.CreateAuthSig(key, access.AuthSigOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// checkRecovers asserts that go-ethereum recovers the PKP's address from the signature.
func checkRecovers(t testing.TB, sig *client.PKPSignature, hash [32]byte, want string) {
	t.Helper()
	raw := sig.Bytes()
	pub, err := crypto.Ecrecover(hash[:], raw[:])
	if err != nil {
		t.Fatalf("ecrecover: %v", err)
	}
	got := common.BytesToAddress(crypto.Keccak256(pub[1:])[12:])
	if got.Hex() != want {
		t.Fatalf("signature recovers to %s, the PKP's address is %s", got.Hex(), want)
	}
	if !crypto.ValidateSignatureValues(raw[64], new(big.Int).SetBytes(raw[:32]), new(big.Int).SetBytes(raw[32:64]), true) {
		t.Fatal("signature is not low-s")
	}
}

func TestAMintedPKPSignsForItsOwnerAndTheSignatureRecoversToItsAddress(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := pkpCluster(ctx, t, 4, 16, 4)
	cl := client.New(c.NetworkFile())
	defer cl.Close()

	owner := devKey(t, 1)
	pkp, err := cl.MintPKP(ctx, owner)
	if err != nil {
		t.Fatalf("mint: %v", err)
	}
	hash := sha256.Sum256([]byte("hello from a PKP"))
	start := time.Now()
	sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, authSigOf(t, owner))
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	t.Logf("first signature in %s: %+v", time.Since(start), sig)
	checkRecovers(t, sig, hash, pkp.EthAddress)
	if sig.PublicKey != pkp.PublicKey || len(sig.Rejected) != 0 || len(sig.Signers) < 2 {
		t.Fatalf("signature reports key %s, signers %v, rejected %v", sig.PublicKey, sig.Signers, sig.Rejected)
	}
	// The same PKP named by its public key signs too.
	hash2 := sha256.Sum256([]byte("second"))
	sig2, err := cl.PKPSign(ctx, pkp.PublicKey, hash2, authSigOf(t, owner))
	if err != nil {
		t.Fatalf("sign by public key: %v", err)
	}
	checkRecovers(t, sig2, hash2, pkp.EthAddress)
	if sig2.R == sig.R {
		t.Fatal("two signatures share R")
	}

	// A stranger is refused, with the reason.
	t.Logf("before stranger %s", time.Since(start))
	_, err = cl.PKPSign(ctx, pkp.TokenID, hash, authSigOf(t, devKey(t, 2)))
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Kind != api.KindForbidden || !strings.Contains(ae.Message, "neither owns") {
		t.Fatalf("a non-owner got %v, want forbidden", err)
	}
	t.Logf("after stranger %s", time.Since(start))
	_ = bytes.Equal
	_ = hex.EncodeToString
}
