package frost_test

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/frost"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// runDKG runs one fresh DKG (old == nil) or resharing among members 0…n−1 and returns every
// member's result.
func runDKG(t *testing.T, s dkg.Suite, keys []*dkg.KeyPair, cfgOf func(m int) dkg.Config) map[int]*dkg.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	net := mpctest.NewNetwork(len(keys), 4096)
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := map[int]*dkg.Result{}
	for m := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := dkg.Run(ctx, net.Transport(m), cfgOf(m), dkg.WithPhaseTimeout(time.Minute))
			if err != nil {
				t.Errorf("member %d: %v", m, err)
				return
			}
			mu.Lock()
			out[m] = res
			mu.Unlock()
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	return out
}

// frostKeys converts DKG results (kyber values) into the package's root key and key shares
// through their byte encodings, as the node does.
func frostKeys(t *testing.T, s frost.Suite, res map[int]*dkg.Result, n int) (*frost.RootKey, []*frost.KeyShare) {
	t.Helper()
	var commits [][]byte
	for _, c := range res[0].Key.Commits {
		b, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		commits = append(commits, b)
	}
	root, err := frost.NewRootKey(s, commits)
	if err != nil {
		t.Fatal(err)
	}
	shares := make([]*frost.KeyShare, n)
	for m := range n {
		r := res[m]
		if r == nil || r.Key == nil {
			continue
		}
		v, err := r.Key.Share.V.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		ks, err := frost.NewKeyShare(root, r.Key.Share.I, v)
		if err != nil {
			t.Fatalf("member %d: %v", m, err)
		}
		shares[r.Key.Share.I] = ks
	}
	return root, shares
}

// The DKG makes an Ed25519 and a secp256k1 root key (degree T−1), resharing moves them to a
// new, larger group without changing them, and both groups' shares sign with FROST: the PKP
// keys (and so the addresses) survive the epoch change.
func TestDKGAndResharingSharesSign(t *testing.T) {
	for _, tc := range []struct {
		group  dkg.Suite
		suites []frost.Suite
	}{
		{dkg.Ed25519(), []frost.Suite{frost.Ed25519}},
		{dkg.Secp256k1(), []frost.Suite{frost.Secp256k1, frost.Taproot}},
	} {
		t.Run(tc.group.String(), func(t *testing.T) {
			const oldN, newN = 4, 7
			oldT, newT := threshold(oldN), threshold(newN)
			keys := make([]*dkg.KeyPair, newN)
			for m := range keys {
				keys[m] = dkg.GenerateKeyPair(tc.group)
			}
			nodes := func(members []int) []dkg.Node {
				out := make([]dkg.Node, len(members))
				for i, m := range members {
					out[i] = dkg.Node{Index: uint32(i), Public: keys[m].Public, Member: m}
				}
				return out
			}
			fresh := runDKG(t, tc.group, keys[:oldN], func(m int) dkg.Config {
				return dkg.Config{Suite: tc.group, Longterm: keys[m].Private, SessionID: []byte("frost/epoch-1"), NewNodes: nodes(seq(0, oldN)), Threshold: oldT}
			})
			oldCoeffs := fresh[0].Key.Commits
			reshared := runDKG(t, tc.group, keys, func(m int) dkg.Config {
				cfg := dkg.Config{
					Suite: tc.group, Longterm: keys[m].Private, SessionID: []byte("frost/epoch-2"),
					OldNodes: nodes(seq(0, oldN)), OldThreshold: oldT, NewNodes: nodes(seq(0, newN)), Threshold: newT,
				}
				if r, ok := fresh[m]; ok {
					cfg.Share = r.Key
				} else {
					cfg.PublicCoeffs = oldCoeffs
				}
				return cfg
			})
			for _, s := range tc.suites {
				oldRoot, oldShares := frostKeys(t, s, fresh, oldN)
				newRoot, newShares := frostKeys(t, s, reshared, newN)
				if !bytes.Equal(oldRoot.PublicKey(), newRoot.PublicKey()) || newRoot.MinSigners() != newT {
					t.Fatal("resharing changed the root key or kept the old threshold")
				}
				id := keyID(42)
				oldPub, err := frost.DerivePublicKey(oldRoot, id)
				if err != nil {
					t.Fatal(err)
				}
				for epoch, k := range []struct {
					root    *frost.RootKey
					shares  []*frost.KeyShare
					signers []int
				}{
					{oldRoot, oldShares, []int{0, 1, 3}},
					{newRoot, newShares, []int{0, 2, 3, 5, 6}},
				} {
					batches := mustPreprocess(t, k.shares, k.signers, 1)
					req := frost.Request{KeyID: id, Message: message(s, fmt.Sprintf("epoch %d", epoch+1))}
					pkg, shares := signAll(t, k.shares, batches, k.signers, 0, k.signers, req)
					sig, err := frost.Combine(k.root, req, pkg, shares)
					if err != nil {
						t.Fatalf("%v epoch %d: %v", s, epoch+1, err)
					}
					if !bytes.Equal(sig.PublicKey, oldPub.Bytes()) {
						t.Fatalf("%v epoch %d: the PKP key changed", s, epoch+1)
					}
					verifyIndependently(t, s, sig.PublicKey, req.Message, sig.Bytes())
				}
			}
		})
	}
}
