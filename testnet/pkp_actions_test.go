package testnet_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

func TestALitActionSignsWithAPKPThroughSignEcdsa(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := pkptest.Cluster(ctx, t, 4, 8, 4)
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	owner := pkptest.DevKey(t, 8)
	pkp, err := cl.MintPKP(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	hash := sha256.Sum256([]byte("from an action"))
	params, _ := json.Marshal(map[string]string{"hash": "0x" + hex.EncodeToString(hash[:]), "publicKey": pkp.PublicKey})
	auth := pkptest.Session(t, owner)
	code := `const go = async () => {
  await Lit.Actions.signEcdsa({ toSign: ethers.utils.arrayify(hash), publicKey, sigName: "sig1" });
  Lit.Actions.setResponse({ response: "signed" });
};
go();`
	start := time.Now()
	res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(code), JSParams: params, Auth: auth})
	if err != nil {
		t.Fatalf("execute: %v", err)
	}
	t.Logf("executed in %s: %s, %d shares", time.Since(start), res.Response, len(res.Shares["sig1"]))
	if len(res.Shares["sig1"]) < 3 {
		t.Fatalf("%d nodes sent a share for sig1, want every signer of the set", len(res.Shares["sig1"]))
	}
	sig := res.Signatures["sig1"]
	if sig == nil {
		t.Fatalf("the client did not combine sig1: %v", res.SignatureErrors)
	}
	pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
	t.Logf("signers %v rejected %v", sig.Signers, sig.Rejected)
}

func TestPKPSigningContinuesAcrossAResharingWithFreshPools(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c := pkptest.Cluster(ctx, t, 4, 8, 4)
	cl := testnet.NewClient(c.NetworkFile())
	owner := pkptest.DevKey(t, 8)
	pkp, err := cl.MintPKP(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	hash := sha256.Sum256([]byte("epoch 1"))
	sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, owner))
	if err != nil {
		t.Fatal(err)
	}
	pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
	before := pooled(c)
	cl.Close()

	c.AddNodes(ctx, 3)
	c.WaitEpoch(ctx, 2)
	c.WaitFor(ctx, "epoch-2 pools", func() (bool, string) {
		for _, m := range c.Members() {
			if nd := m.Node(); nd != nil {
				st, ok := nd.PKPPools()
				if !ok || st.Epoch != 2 {
					return false, fmt.Sprintf("node %d: %v %d", m.Index, ok, st.Epoch)
				}
			}
		}
		return true, ""
	})
	for id := range pooled(c) {
		if _, old := before[id]; old {
			t.Fatalf("epoch-1 presignature %s still pooled in epoch 2", id)
		}
	}
	cl2 := testnet.NewClient(c.NetworkFile())
	defer cl2.Close()
	hash = sha256.Sum256([]byte("epoch 2"))
	sig, err = cl2.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, owner))
	if err != nil {
		t.Fatalf("sign in epoch 2: %v", err)
	}
	pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
	t.Logf("epoch 2 signers: %d", len(sig.Signers))
}
