package epochs_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/drand/kyber"
	"github.com/drand/kyber/share"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/simulated"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/keystore"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// blsShare reads a node's BLS root share for epoch e straight from its keystore, with the
// node's sealing key — what an operator who left the network still has on disk.
func blsShare(t *testing.T, m *testnet.Member, e uint64) *dkg.KeyShare {
	t.Helper()
	prov, err := simulated.New(attestation.ModeDevnet, m.Dir)
	if err != nil {
		t.Fatal(err)
	}
	key, err := prov.SealingKey(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ks, err := keystore.Open(filepath.Join(m.Dir, "keystore"), key[:])
	if err != nil {
		t.Fatal(err)
	}
	raw, err := ks.Get(e, "bls-root-share")
	if err != nil {
		t.Fatalf("node %d has no BLS share for epoch %d: %v", m.Index, e, err)
	}
	k, err := dkg.UnmarshalKeyShare(dkg.BLS12381(), raw)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// Epochs: 4 nodes in epoch 1; 3 join (epoch 2); 2 of the originals leave (epoch 3). The keys
// are reshared, never regenerated: the root public keys never change, a file encrypted and a
// PKP minted in epoch 1 decrypt and sign (with the same public key) in every epoch, each
// epoch's shares are fresh, and the shares of the nodes that left no longer combine with the
// current ones.
func TestKeysAreResharedAsNodesJoinAndLeave(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithChain())
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)

	keysOf := func(i int) (string, string, []string, int) {
		t.Helper()
		cl := testnet.NewClient(c.NetworkFile())
		defer cl.Close()
		var entry client.NodeEntry
		for _, n := range c.NetworkFile().Nodes {
			if n.PeerID == c.Members()[i].ID.String() {
				entry = n
			}
		}
		resp, att, err := cl.Handshake(ctx, entry)
		if err != nil || !att.Verified {
			t.Fatalf("handshake with node %d: %v %s", i, err, att.Reason)
		}
		return resp.NetworkPublicKey, resp.HDRootPubkeys[0], resp.NetworkPublicKeySet, resp.Threshold
	}
	bls1, ecdsa1, set1, t1 := keysOf(0)
	if t1 != 3 {
		t.Fatalf("epoch 1 threshold %d, want 3 of 4", t1)
	}

	// Epoch 1: encrypt a file and mint a PKP; both must keep working in every later epoch.
	owner, reader := pkptest.DevKey(t, 8), pkptest.DevKey(t, 1)
	secret := []byte("written in epoch 1")
	file := func() *client.EncryptedFile {
		cl := testnet.NewClient(c.NetworkFile())
		defer cl.Close()
		f, err := cl.Encrypt(ctx, pkptest.NativeBalance, secret)
		if err != nil {
			t.Fatalf("encrypt: %v", err)
		}
		return f
	}()
	pkp := func() *client.PKPInfo {
		cl := testnet.NewClient(c.NetworkFile())
		defer cl.Close()
		p, err := cl.MintPKP(ctx, owner)
		if err != nil {
			t.Fatalf("mint: %v", err)
		}
		return p
	}()
	stillWorks := func(epoch int) {
		t.Helper()
		cl := testnet.NewClient(c.NetworkFile())
		defer cl.Close()
		d, err := cl.Decrypt(ctx, file, pkptest.Session(t, reader))
		if err != nil || string(d.Plaintext) != string(secret) {
			t.Fatalf("epoch %d: the epoch-1 file does not decrypt: %v", epoch, err)
		}
		hash := sha256.Sum256([]byte(fmt.Sprintf("signed in epoch %d", epoch)))
		sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, owner))
		if err != nil {
			t.Fatalf("epoch %d: the epoch-1 PKP does not sign: %v", epoch, err)
		}
		if sig.PublicKey != pkp.PublicKey {
			t.Fatalf("epoch %d: the PKP signs as %s, was minted as %s", epoch, sig.PublicKey, pkp.PublicKey)
		}
		pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
	}
	stillWorks(1)

	c.AddNodes(ctx, 3)
	c.WaitEpoch(ctx, 2)
	bls2, ecdsa2, set2, t2 := keysOf(6)
	if bls2 != bls1 || ecdsa2 != ecdsa1 {
		t.Fatalf("root keys changed in epoch 2: %s/%s, were %s/%s", bls2, ecdsa2, bls1, ecdsa1)
	}
	if t2 != 5 || len(set2) != 5 || set2[1] == set1[1] {
		t.Fatalf("epoch 2: threshold %d, public polynomial of %d terms (first coefficient reused: %v); want a fresh degree-4 polynomial", t2, len(set2), set2[1] == set1[1])
	}
	stillWorks(2)

	c.Leave(ctx, 0, 1)
	c.WaitEpoch(ctx, 3)
	bls3, ecdsa3, _, t3 := keysOf(2)
	if bls3 != bls1 || ecdsa3 != ecdsa1 || t3 != 4 {
		t.Fatalf("epoch 3: keys %s/%s threshold %d; want the original keys and 4 of 5", bls3, ecdsa3, t3)
	}
	for _, i := range []int{0, 1} {
		if c.Members()[i].Node().Status().InActiveSet {
			t.Fatalf("node %d still in the active set after leaving", i)
		}
	}
	c.Stop(0)
	c.Stop(1)
	stillWorks(3)

	// The current shares (epoch 3, held by nodes 2..6) combine to the root key; a share the
	// departed node 0 kept from epoch 2 does not combine with them.
	root := bls1
	var current []*share.PriShare
	for _, i := range []int{2, 3, 4, 5} {
		current = append(current, blsShare(t, c.Members()[i], 3).Share)
	}
	g := dkg.BLS12381()
	rootPoint := func(shares []*share.PriShare) kyber.Point {
		secret, err := share.RecoverSecret(g, shares, 4, 5)
		if err != nil {
			t.Fatal(err)
		}
		return g.Point().Mul(secret, nil)
	}
	if got, _ := rootPoint(current).MarshalBinary(); hexString(got) != root {
		t.Fatalf("the current shares recover %x, not the root key %s", got, root)
	}
	old := blsShare(t, c.Members()[0], 2).Share
	var mixed []*share.PriShare
	mixed = append(mixed, old)
	for _, s := range current {
		if s.I != old.I && len(mixed) < 4 {
			mixed = append(mixed, s)
		}
	}
	if got, _ := rootPoint(mixed).MarshalBinary(); hexString(got) == root {
		t.Fatal("a departed node's old share still combines with the current shares")
	}
	// And through BLS: node 0's partial from its old share is rejected against epoch 3's keys.
	pub := blsShare(t, c.Members()[2], 3).PubPoly(g)
	partial, err := bls.PartialSign(old, []byte("epoch 3"))
	if err != nil {
		t.Fatal(err)
	}
	if err := bls.VerifyPartial(pub, []byte("epoch 3"), partial); err == nil {
		t.Fatal("a departed node's partial signature verifies against the current public polynomial")
	}
}

func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 2*len(b))
	for i, v := range b {
		out[2*i], out[2*i+1] = digits[v>>4], digits[v&15]
	}
	return string(out)
}

// A transition with a dead member: a leaving node that is down does not stop the resharing
// (enough current members deal), but a member of the next set that is down holds the epoch
// where it is, with a status that says why; when it comes back (its keystore intact) the
// round completes and the epoch advances.
func TestAnEpochChangeSurvivesDeadMembers(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithChain())
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	bls1 := c.Members()[0].Node().KeyShareDigest(1)

	// Node 3 leaves and is down; node 2 stays in the set but is down; node 4 joins.
	if err := c.Chain.RequestToLeave(ctx, c.Members()[3].Operator); err != nil {
		t.Fatal(err)
	}
	c.Stop(3)
	c.Stop(2)
	c.AddNodes(ctx, 1)

	c.WaitFor(ctx, "node 0 to report it is waiting for node 2", func() (bool, string) {
		st := c.Members()[0].Node().Status()
		return st.Epoch == 1 && strings.Contains(st.EpochStatus, c.Members()[2].ID.String()), st.EpochStatus
	})
	if ms, err := c.Chain.Membership(ctx); err != nil || ms.Epoch.Number != 1 {
		t.Fatalf("the epoch moved without a member of the next set: %+v, %v", ms.Epoch, err)
	}
	if !c.Members()[0].Node().Status().InActiveSet {
		t.Fatal("the current set stopped serving while the transition waits")
	}

	c.Restart(2)
	c.WaitEpoch(ctx, 2)
	for _, i := range []int{0, 1, 2, 4} {
		if c.Members()[i].Node().KeyShareDigest(2) == "" {
			t.Errorf("node %d holds no shares for epoch 2", i)
		}
	}
	if c.Members()[0].Node().KeyShareDigest(1) != bls1 {
		t.Error("node 0's epoch 1 shares changed")
	}
}
