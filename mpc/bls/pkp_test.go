package bls_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/drand/kyber/share"
	blst "github.com/supranational/blst/bindings/go"

	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

func pkpID(i int) [32]byte {
	var id [32]byte
	copy(id[:], fmt.Sprintf("bls-pkp-%d", i))
	return id
}

// blstVerify is the independent verifier: supranational/blst's min-pubkey-size core verify
// with the given DST, with group checks on the key and the signature, and the key as the
// message augmentation when aug is set (the AUG ciphersuite signs pk ‖ m).
func blstVerify(pub, msg, sig []byte, dst string, aug bool) bool {
	pk := new(blst.P1Affine).Uncompress(pub)
	s := new(blst.P2Affine).Uncompress(sig)
	if pk == nil || s == nil {
		return false
	}
	if aug {
		return s.Verify(true, pk, true, msg, []byte(dst), pub)
	}
	return s.Verify(true, pk, true, msg, []byte(dst))
}

func pkpPartials(t testing.TB, pub *share.PubPoly, shares []*share.PriShare, id [32]byte, msg []byte, idx ...int) [][]byte {
	t.Helper()
	var out [][]byte
	for _, i := range idx {
		p, err := bls.PKPPartialSign(shares[i], pub.Commit(), id, msg)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// At n = 4 and 7 with n−T members silent, T partial signatures of a BLS PKP combine into a
// signature blst accepts under the PKP's key with the message-augmentation ciphersuite.
func TestPKPSignaturesVerifyWithBlst(t *testing.T) {
	for _, n := range []int{4, 7} {
		T := (2*n + 2) / 3
		t.Run(fmt.Sprintf("n=%d/T=%d", n, T), func(t *testing.T) {
			d := deal(n, T)
			var live []int
			for i := n - 1; len(live) < T; i-- {
				live = append(live, i)
			}
			for k := range 2 {
				id, msg := pkpID(k), []byte(fmt.Sprintf("pkp message %d", k))
				sig, pub, rejected, err := bls.PKPCombine(d.pub, id, msg, pkpPartials(t, d.pub, d.shares, id, msg, live...), T)
				if err != nil || len(rejected) != 0 {
					t.Fatalf("%v %v", err, rejected)
				}
				y, err := bls.DerivePKPKey(d.pub.Commit(), id)
				if err != nil {
					t.Fatal(err)
				}
				if yb, _ := y.MarshalBinary(); !bytes.Equal(yb, pub) || len(pub) != 48 || len(sig) != 96 {
					t.Fatal("wrong key or sizes")
				}
				if !blstVerify(pub, msg, sig, bls.PKPCiphersuite, true) {
					t.Fatal("blst rejects the PKP signature")
				}
				if blstVerify(pub, msg, sig, bls.PKPCiphersuite, false) {
					t.Fatal("blst accepts it without the key prepended: the message is not augmented")
				}
				if blstVerify(pub, msg, sig, popDST, false) || blstVerify(pub, msg, sig, popDST, true) {
					t.Fatal("blst accepts it under the proof-of-possession DST")
				}
				if blstVerify(pub, append(msg, '!'), sig, bls.PKPCiphersuite, true) {
					t.Fatal("blst accepts it over another message")
				}
			}
		})
	}
}

// A partial made with a wrong share, or for another PKP, is named and left out; T good ones
// still combine.
func TestPKPBadPartialsAreNamedAndExcluded(t *testing.T) {
	d := deal(7, 5)
	id, msg := pkpID(1), []byte("withdraw")
	parts := pkpPartials(t, d.pub, d.shares, id, msg, 0, 1, 2, 3, 4, 5)
	other, err := bls.PKPPartialSign(d.shares[1], d.pub.Commit(), pkpID(2), msg) // share index 1, another PKP
	if err != nil {
		t.Fatal(err)
	}
	parts[1] = other
	forged := append([]byte(nil), parts[2]...)
	wrong := pkpPartials(t, d.pub, d.shares, id, []byte("other"), 2)[0]
	copy(forged[2:], wrong[2:])
	parts[2] = forged
	_, _, rejected, err := bls.PKPCombine(d.pub, id, msg, parts, 5)
	if err == nil {
		t.Fatal("combined with only four good partials")
	}
	if !errors.Is(err, bls.ErrNotEnoughPartials) || len(rejected) != 2 || rejected[0].Index != 1 || rejected[1].Index != 2 {
		t.Fatalf("%v, rejected %v", err, rejected)
	}
	parts = append(parts, pkpPartials(t, d.pub, d.shares, id, msg, 6)...)
	sig, pub, rejected, err := bls.PKPCombine(d.pub, id, msg, parts, 5)
	if err != nil || len(rejected) != 2 {
		t.Fatalf("%v %v", err, rejected)
	}
	if !blstVerify(pub, msg, sig, bls.PKPCiphersuite, true) {
		t.Fatal("blst rejects")
	}

	// The fast path: the five lowest partials are good, so they combine without the other
	// partials being checked; a bad one among the unused is not named (nothing depends on it).
	parts = pkpPartials(t, d.pub, d.shares, id, msg, 0, 1, 2, 3, 4)
	parts = append(parts, pkpPartials(t, d.pub, d.shares, id, []byte("other"), 6)...)
	sig, pub, rejected, err = bls.PKPCombine(d.pub, id, msg, parts, 5)
	if err != nil || len(rejected) != 0 || !blstVerify(pub, msg, sig, bls.PKPCiphersuite, true) {
		t.Fatalf("fast path: %v, rejected %v", err, rejected)
	}
}

// The DKG's BLS12-381 group makes the BLS PKP root key; resharing keeps the PKP keys.
func TestPKPKeysFromTheDKGSurviveResharing(t *testing.T) {
	const n = 4
	T := 3
	g := dkg.BLS12381()
	keys := make([]*dkg.KeyPair, n)
	nodes := make([]dkg.Node, n)
	for m := range keys {
		keys[m] = dkg.GenerateKeyPair(g)
		nodes[m] = dkg.Node{Index: uint32(m), Public: keys[m].Public, Member: m}
	}
	run := func(cfgOf func(m int) dkg.Config) []*dkg.Result {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		net := mpctest.NewNetwork(n, 4096)
		out := make([]*dkg.Result, n)
		var wg sync.WaitGroup
		for m := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := dkg.Run(ctx, net.Transport(m), cfgOf(m), dkg.WithPhaseTimeout(time.Minute))
				if err != nil {
					t.Errorf("member %d: %v", m, err)
				}
				out[m] = res
			}()
		}
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
		return out
	}
	fresh := run(func(m int) dkg.Config {
		return dkg.Config{Suite: g, Longterm: keys[m].Private, SessionID: []byte("bls-pkp/1"), NewNodes: nodes, Threshold: T}
	})
	reshared := run(func(m int) dkg.Config {
		return dkg.Config{Suite: g, Longterm: keys[m].Private, SessionID: []byte("bls-pkp/2"), OldNodes: nodes, OldThreshold: T, NewNodes: nodes, Threshold: T, Share: fresh[m].Key}
	})
	id, msg := pkpID(7), []byte("epoch change")
	var pubs [][]byte
	for _, res := range [][]*dkg.Result{fresh, reshared} {
		var shares []*share.PriShare
		for _, r := range res {
			shares = append(shares, r.Key.Share)
		}
		poly := res[0].Key.PubPoly(g)
		parts := pkpPartials(t, poly, shares, id, msg, 0, 2, 3)
		sig, pub, _, err := bls.PKPCombine(poly, id, msg, parts, T)
		if err != nil {
			t.Fatal(err)
		}
		if !blstVerify(pub, msg, sig, bls.PKPCiphersuite, true) {
			t.Fatal("blst rejects")
		}
		pubs = append(pubs, pub)
	}
	if !bytes.Equal(pubs[0], pubs[1]) {
		t.Fatal("resharing changed the PKP key")
	}
}

const popDST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"

// Why BLS PKPs sign with message augmentation: with additive derivation from one root, a
// proof-of-possession signature moves between PKPs. Anyone holding PKP A's POP signature on m
// (and the public tweaks) computes PKP B's signature on m, σ_B = σ_A + (ε_B − ε_A)·H(m), which
// blst accepts — a forgery. Under the AUG ciphersuite the same transfer (with either PKP's
// augmented hash) gives nothing blst accepts, and B's real signature differs from it.
func TestCrossPKPForgeryWorksUnderPOPAndFailsUnderAUG(t *testing.T) {
	d := deal(4, 3)
	a, b, msg := pkpID(1), pkpID(2), []byte("same message")
	ya, _ := bls.DerivePKPKey(d.pub.Commit(), a)
	yb, _ := bls.DerivePKPKey(d.pub.Commit(), b)
	pubA, _ := ya.MarshalBinary()
	pubB, _ := yb.MarshalBinary()

	t.Run("POP: the transfer forges PKP B's signature", func(t *testing.T) {
		// PKP A's POP signature, made with A's whole key (what a POP-signing network returns).
		ea, _ := bls.PKPTweak(a)
		ka, _ := bls.KeyGroup().Scalar().Add(d.secret, ea).MarshalBinary()
		sk := new(blst.SecretKey).Deserialize(ka)
		sigA := new(blst.P2Affine).Sign(sk, msg, []byte(popDST)).Compress()
		if !blstVerify(pubA, msg, sigA, popDST, false) {
			t.Fatal("PKP A's POP signature does not verify")
		}
		forged, err := bls.MoveSignatureForTest(sigA, a, b, bls.HashForTest(popDST, msg))
		if err != nil {
			t.Fatal(err)
		}
		if !blstVerify(pubB, msg, forged, popDST, false) {
			t.Fatal("the POP transfer no longer forges: revisit docs/schemes.md")
		}
	})
	t.Run("AUG: the transfer forges nothing", func(t *testing.T) {
		sigA, _, _, err := bls.PKPCombine(d.pub, a, msg, pkpPartials(t, d.pub, d.shares, a, msg, 0, 1, 2), 3)
		if err != nil {
			t.Fatal(err)
		}
		sigB, _, _, err := bls.PKPCombine(d.pub, b, msg, pkpPartials(t, d.pub, d.shares, b, msg, 1, 2, 3), 3)
		if err != nil {
			t.Fatal(err)
		}
		for name, pt := range map[string][]byte{"A's augmented message": append(append([]byte(nil), pubA...), msg...), "B's augmented message": append(append([]byte(nil), pubB...), msg...), "the bare message": msg} {
			forged, err := bls.MoveSignatureForTest(sigA, a, b, bls.HashForTest(bls.PKPCiphersuite, pt))
			if err != nil {
				t.Fatal(err)
			}
			if blstVerify(pubB, msg, forged, bls.PKPCiphersuite, true) || bytes.Equal(forged, sigB) {
				t.Fatalf("the transfer with the hash of %s forged PKP B's AUG signature", name)
			}
		}
		if !blstVerify(pubB, msg, sigB, bls.PKPCiphersuite, true) {
			t.Fatal("PKP B's own AUG signature does not verify")
		}
	})
}

func FuzzVerifyPKP(f *testing.F) {
	d := deal(3, 2)
	id, msg := pkpID(1), []byte("fuzz")
	sig, _, _, err := bls.PKPCombine(d.pub, id, msg, pkpPartials(f, d.pub, d.shares, id, msg, 0, 1), 2)
	if err != nil {
		f.Fatal(err)
	}
	y, _ := bls.DerivePKPKey(d.pub.Commit(), id)
	f.Add(sig)
	f.Add(sig[:95])
	f.Fuzz(func(t *testing.T, b []byte) {
		if bls.VerifyPKP(y, msg, b) == nil && !bytes.Equal(b, sig) {
			t.Fatal("a second signature verifies (BLS signatures are unique)")
		}
	})
}

func BenchmarkPKPPartialSign(b *testing.B) {
	d := deal(7, 5)
	id, msg := pkpID(1), make([]byte, 32)
	for b.Loop() {
		if _, err := bls.PKPPartialSign(d.shares[0], d.pub.Commit(), id, msg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPKPCombine(b *testing.B) {
	d := deal(7, 5)
	id, msg := pkpID(1), make([]byte, 32)
	parts := pkpPartials(b, d.pub, d.shares, id, msg, 0, 1, 2, 3, 4)
	for b.Loop() {
		if _, _, _, err := bls.PKPCombine(d.pub, id, msg, parts, 5); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPKPCombineBadPartial is the slow path: one of the lowest partials is bad, so the
// fast path fails and every partial is checked (one batch, then one by one) before the others
// combine.
func BenchmarkPKPCombineBadPartial(b *testing.B) {
	d := deal(7, 5)
	id, msg := pkpID(1), make([]byte, 32)
	parts := pkpPartials(b, d.pub, d.shares, id, msg, 0, 1, 2, 3, 4, 5)
	parts[0] = pkpPartials(b, d.pub, d.shares, id, []byte("other"), 0)[0]
	for b.Loop() {
		if _, _, rejected, err := bls.PKPCombine(d.pub, id, msg, parts, 5); err != nil || len(rejected) != 1 {
			b.Fatal(err, rejected)
		}
	}
}
