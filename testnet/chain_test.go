package testnet_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/testnet"
)

// A fresh network generates both root keys during its first epoch transition; every node ends
// up holding shares of the same keys, the chain records them, and a restarted node serves with
// the share it stored rather than starting a new key generation.
func TestAFreshNetworkGeneratesItsKeysOnceAndEveryNodeAgrees(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithChain())
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)

	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	handshake := func(i int) (blsKey, ecdsaKey string) {
		t.Helper()
		n := c.NetworkFile().Nodes[i]
		resp, att, err := cl.Handshake(ctx, n)
		if err != nil {
			t.Fatalf("handshake with node %d: %v", i, err)
		}
		if !att.Verified {
			t.Fatalf("node %d attestation not verified: %s", i, att.Reason)
		}
		if resp.NetworkPublicKey == "" || len(resp.HDRootPubkeys) != 1 || resp.Threshold != 3 || resp.ECDSAThreshold != 3 {
			t.Fatalf("node %d handshake lacks keys or thresholds: %+v", i, resp)
		}
		return resp.NetworkPublicKey, resp.HDRootPubkeys[0]
	}
	bls0, ecdsa0 := handshake(0)
	for i := 1; i < 4; i++ {
		if b, e := handshake(i); b != bls0 || e != ecdsa0 {
			t.Fatalf("node %d reports keys %s/%s, node 0 %s/%s", i, b, e, bls0, ecdsa0)
		}
	}
	if err := c.Chain.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	for _, kt := range []struct {
		kt   chain.KeyType
		want string
	}{{chain.KeyTypeBLS, bls0}, {chain.KeyTypeECDSA, ecdsa0}} {
		onChain, err := c.Chain.RootKey(ctx, kt.kt)
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := hex.DecodeString(kt.want); !bytes.Equal(onChain, want) {
			t.Fatalf("chain's %s root key %x, nodes hold %s", kt.kt, onChain, kt.want)
		}
	}

	before := c.Members()[2].Node().KeyShareDigest(1)
	c.Stop(2)
	c.Restart(2)
	c.WaitMesh(ctx)
	if after := c.Members()[2].Node().KeyShareDigest(1); after != before || after == "" {
		t.Fatalf("restarted node holds share %q, held %q before", after, before)
	}
	if b, e := handshake(2); b != bls0 || e != ecdsa0 {
		t.Fatal("restarted node serves different keys")
	}
}

// An attested node whose operator is not staked is refused by every member: it gets no trust,
// so no MPC stream, pubsub message or routing-table slot, and its refusal names the reason.
func TestAnUnstakedOperatorIsKeptOut(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithChain())
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	outsider := c.AddUnregistered(ctx)
	// The outsider dials its bootstrap node (node 0), which attests it and refuses it.
	c.WaitFor(ctx, "node 0 to refuse the outsider as not staked", func() (bool, string) {
		why, refused := c.Host(0).Gate.Rejection(outsider.ID)
		return refused && strings.Contains(why, "not staked"), fmt.Sprintf("refused %v (%q)", refused, why)
	})
	if n := outsider.Node().Status().ConnectedPeers; n != 0 {
		t.Fatalf("the outsider holds %d trusted connections", n)
	}
	for _, m := range c.Members()[:4] {
		if c.Host(m.Index).Gate.Trusted(outsider.ID) {
			t.Fatalf("node %d trusts the outsider", m.Index)
		}
		if c.Host(m.Index).DHT.RoutingTable().Find(outsider.ID) != "" {
			t.Fatalf("node %d keeps the outsider in its routing table", m.Index)
		}
	}
}
