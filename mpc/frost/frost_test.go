package frost_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/btcsuite/btcd/btcec/v2/schnorr"
	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/frost"
)

// threshold is the network's rule T = ⌈2n/3⌉; FROST root keys have degree T−1.
func threshold(n int) int { return (2*n + 2) / 3 }

// verifyIndependently checks sig with an implementation other than this package's.
func verifyIndependently(t *testing.T, s frost.Suite, pub, msg, sig []byte) {
	t.Helper()
	switch s {
	case frost.Ed25519:
		if !ed25519.Verify(ed25519.PublicKey(pub), msg, sig) {
			t.Fatal("crypto/ed25519 rejects the signature")
		}
	case frost.Taproot:
		pk, err := schnorr.ParsePubKey(pub)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := schnorr.ParseSignature(sig)
		if err != nil {
			t.Fatal(err)
		}
		if !parsed.Verify(msg, pk) {
			t.Fatal("btcec schnorr.Verify rejects the signature")
		}
	case frost.Secp256k1:
		// No other implementation of RFC 9591's secp256k1 hashing is at hand; the RFC's vectors
		// pin it. Check the Schnorr equation itself with decred: z·G = R + c·Y.
		if err := frost.Verify(s, pub, msg, sig); err != nil {
			t.Fatal(err)
		}
	}
	if err := frost.Verify(s, pub, msg, sig); err != nil {
		t.Fatalf("frost.Verify: %v", err)
	}
}

func message(s frost.Suite, text string) []byte {
	if s == frost.Ed25519 {
		return []byte(text) // Ed25519 signs messages of any length
	}
	h := sha256.Sum256([]byte(text)) // btcec verifies 32-byte messages (Bitcoin signs sighashes)
	return h[:]
}

// At n = 4 and n = 7, with n−T members down, the T live members preprocess and sign, and the
// signatures verify with crypto/ed25519 and btcec's BIP-340 verifier under the PKP's key.
func TestThresholdSignaturesVerifyWithIndependentImplementations(t *testing.T) {
	for _, s := range frost.Suites {
		for _, n := range []int{4, 7} {
			T := threshold(n)
			t.Run(fmt.Sprintf("%v/n=%d/T=%d/%d members down", s, n, T, n-T), func(t *testing.T) {
				d := newDealer(t, s, n, T-1)
				// The live members: every other one goes down first, so the set is not just a prefix.
				var down []int
				for i := 1; len(down) < n-T; i += 2 {
					down = append(down, i)
				}
				var live []int
				for i := range n {
					if !contains(down, i) {
						live = append(live, i)
					}
				}
				batches := mustPreprocess(t, d.shares, live, 3)
				for k := range 3 {
					req := frost.Request{KeyID: keyID(k), Message: message(s, fmt.Sprintf("message %d", k))}
					pkg, shares := signAll(t, d.shares, batches, live, k, live, req)
					sig, err := frost.Combine(d.root, req, pkg, shares)
					if err != nil {
						t.Fatal(err)
					}
					pub, err := frost.DerivePublicKey(d.root, req.KeyID)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(sig.PublicKey, pub.Bytes()) {
						t.Fatal("signature is not under the PKP's derived key")
					}
					verifyIndependently(t, s, pub.Bytes(), req.Message, sig.Bytes())
					if err := frost.Verify(s, pub.Bytes(), append([]byte("x"), req.Message...), sig.Bytes()); !errors.Is(err, frost.ErrBadSignature) {
						t.Fatalf("verifies over another message: %v", err)
					}
				}
			})
		}
	}
}

// A signer set of all n members can sign with any T of them per slot (the others discard it).
func TestAnySubsetOfAtLeastTSignsFromTheSetsSlots(t *testing.T) {
	for _, s := range frost.Suites {
		t.Run(s.String(), func(t *testing.T) {
			d := newDealer(t, s, 5, 2)
			all := seq(0, 5)
			batches := mustPreprocess(t, d.shares, all, 2)
			for k, participants := range [][]int{{0, 2, 4}, {1, 2, 3, 4}} {
				req := frost.Request{KeyID: keyID(9), Message: message(s, "subset")}
				pkg, shares := signAll(t, d.shares, batches, all, k, participants, req)
				sig, err := frost.Combine(d.root, req, pkg, shares)
				if err != nil {
					t.Fatal(err)
				}
				verifyIndependently(t, s, sig.PublicKey, req.Message, sig.Bytes())
			}
		})
	}
}

// A preprocessing session with a member that never answers fails at every other member,
// naming it, when the context ends — the node layer then preprocesses among live members.
func TestPreprocessingWithASilentMemberNamesIt(t *testing.T) {
	d := newDealer(t, frost.Ed25519, 4, 2)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	res := runPreprocess(t, ctx, d.shares, seq(0, 4), 2, nil, 2)
	for m, r := range res {
		if m == 2 {
			continue
		}
		if r.err == nil || !bytes.Contains([]byte(r.err.Error()), []byte("waiting for members [2]")) {
			t.Fatalf("member %d: %v", m, r.err)
		}
	}
}

// A signer that sends a wrong share is named by Combine; signing again with a fresh slot and
// the other members succeeds.
func TestMaliciousSignerIsNamedAndExcluded(t *testing.T) {
	for _, s := range frost.Suites {
		t.Run(s.String(), func(t *testing.T) {
			d := newDealer(t, s, 4, 2)
			all := seq(0, 4)
			batches := mustPreprocess(t, d.shares, all, 2)
			req := frost.Request{KeyID: keyID(1), Message: message(s, "pay")}
			pkg, shares := signAll(t, d.shares, batches, all, 0, all, req)
			// Member with share index 2 adds one to its z.
			bad := tamper(t, shares[2])
			shares[2] = bad
			_, err := frost.Combine(d.root, req, pkg, shares)
			faults := frost.Faults(err)
			if !errors.Is(err, frost.ErrBadSignature) || len(faults) != 1 || faults[0].Index != 2 || !errors.Is(faults[0], frost.ErrBadShare) {
				t.Fatalf("want share index 2 named, got %v", err)
			}
			if err := frost.VerifyShare(d.root, pkg, bad); err == nil {
				t.Fatal("VerifyShare accepts the bad share")
			}
			for _, sh := range shares[:2] {
				if err := frost.VerifyShare(d.root, pkg, sh); err != nil {
					t.Fatalf("honest share %d: %v", sh.Index, err)
				}
			}
			// Exclude it: the next slot, without share index 2.
			without := []int{0, 1, 3}
			pkg, shares = signAll(t, d.shares, batches, all, 1, without, req)
			sig, err := frost.Combine(d.root, req, pkg, shares)
			if err != nil {
				t.Fatal(err)
			}
			verifyIndependently(t, s, sig.PublicKey, req.Message, sig.Bytes())
		})
	}
}

func tamper(t *testing.T, sh *frost.SignatureShare) *frost.SignatureShare {
	t.Helper()
	b, err := sh.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	// z is the last 32 bytes; flip a low bit of it in the suite's byte order, staying canonical.
	if sh.Suite == frost.Ed25519 {
		b[len(b)-32] ^= 1
	} else {
		b[len(b)-1] ^= 1
	}
	out, err := frost.UnmarshalSignatureShare(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A nonce signs once: a second SignShare, a second Take and a Put after Take are refused with
// ErrNonceReused.
func TestReusedNonceCommitmentIsRefused(t *testing.T) {
	d := newDealer(t, frost.Taproot, 3, 1)
	signers := seq(0, 3)
	batches := mustPreprocess(t, d.shares, signers, 1)
	pools := make([]*frost.Pool, 3)
	for m := range pools {
		pools[m] = frost.NewPool(8)
		if err := pools[m].Put(batches[m]); err != nil {
			t.Fatal(err)
		}
	}
	id := pools[0].IDs(frost.Taproot, signers)[0]
	nonce, err := pools[0].Take(id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pools[0].Take(id); !errors.Is(err, frost.ErrNonceReused) {
		t.Fatalf("second Take: %v", err)
	}
	if err := pools[0].Put(batches[0]); !errors.Is(err, frost.ErrNonceReused) {
		t.Fatalf("Put after Take: %v", err)
	}
	req1 := frost.Request{KeyID: keyID(1), Message: message(frost.Taproot, "one")}
	pkg1, err := frost.NewSigningPackage(d.root, nonce.Slot(), signers, req1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := frost.SignShare(d.shares[0], nonce, pkg1); err != nil {
		t.Fatal(err)
	}
	// The attack: the same nonce on another message would give two equations in one nonce.
	req2 := frost.Request{KeyID: keyID(1), Message: message(frost.Taproot, "two")}
	pkg2, err := frost.NewSigningPackage(d.root, nonce.Slot(), signers, req2)
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range []*frost.SigningPackage{pkg1, pkg2} {
		if _, err := frost.SignShare(d.shares[0], nonce, pkg); !errors.Is(err, frost.ErrNonceReused) {
			t.Fatalf("second SignShare: %v", err)
		}
	}
	if !nonce.Used() {
		t.Fatal("nonce not marked used")
	}
}

// A package whose commitments, slot, key or participants differ from the member's slot is
// refused before the nonce is touched, so a coordinator cannot make a member sign with a
// commitment list it did not agree to (and the member can still sign the right package).
func TestSignerRefusesAPackageThatDiffersFromItsSlot(t *testing.T) {
	d := newDealer(t, frost.Ed25519, 4, 2)
	all := seq(0, 4)
	batches := mustPreprocess(t, d.shares, all, 2)
	other := newDealer(t, frost.Ed25519, 4, 2)
	req := frost.Request{KeyID: keyID(3), Message: []byte("hello")}
	nonce := batches[0].Nonces()[0]
	wrongSlot, err := frost.NewSigningPackage(d.root, batches[0].Nonces()[1].Slot(), all, req)
	if err != nil {
		t.Fatal(err)
	}
	withoutMe, err := frost.NewSigningPackage(d.root, nonce.Slot(), []int{1, 2, 3}, req)
	if err != nil {
		t.Fatal(err)
	}
	otherKey, err := frost.NewSigningPackage(other.root, nonce.Slot(), all, req)
	if err != nil {
		t.Fatal(err)
	}
	// A package whose commitment list claims member 1 committed to member 1's slot-1 pair.
	good, err := frost.NewSigningPackage(d.root, nonce.Slot(), all, req)
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := good.MarshalBinary()
	enc1, _ := wrongSlot.MarshalBinary()
	spliced := append([]byte(nil), enc...)
	// Layout: 1+1+32+32+1+32+32+2 = 133 bytes, then (2 + 32 + 32) per participant.
	off := 133 + 66 + 2
	copy(spliced[off:off+64], enc1[off:off+64])
	forged, err := frost.UnmarshalSigningPackage(spliced)
	if err != nil {
		t.Fatal(err)
	}
	for name, pkg := range map[string]*frost.SigningPackage{
		"another slot": wrongSlot, "without this member": withoutMe, "another root key": otherKey, "swapped commitments": forged,
	} {
		if _, err := frost.SignShare(d.shares[0], nonce, pkg); err == nil {
			t.Fatalf("%s: signed", name)
		}
		if nonce.Used() {
			t.Fatalf("%s: the refused package consumed the nonce", name)
		}
	}
	if _, err := frost.SignShare(d.shares[0], nonce, good); err != nil {
		t.Fatal(err)
	}
}

// A member that sends different commitments to different members is named by the echo round.
func TestPreprocessingNamesAnEquivocatingMember(t *testing.T) {
	d := newDealer(t, frost.Secp256k1, 4, 1)
	// Member 1 sends member 3 a different (valid) commitment list: its binding commitment in
	// place of its hiding one.
	var alt []byte
	filter := func(from, to int, payload []byte) ([]byte, bool) {
		if from == 1 && to == 3 && len(payload) > 1 && payload[1] == 1 {
			if alt == nil {
				alt = append([]byte(nil), payload...)
				// replace the hiding commitment of slot 0 by the binding one
				copy(alt[36:69], payload[69:102])
			}
			return alt, true
		}
		return payload, true
	}
	res := runPreprocess(t, testCtx(t), d.shares, seq(0, 4), 1, filter)
	named := 0
	for m, r := range res {
		var fe *frost.FaultError
		var ae *frost.AbortError
		switch {
		case m == 1:
			// the equivocator: whatever it concludes does not matter
		case errors.As(r.err, &fe):
			if !errors.Is(fe, frost.ErrEquivocation) || (fe.Member != 1 && !(fe.Disputed && fe.Accuser == 1)) {
				t.Fatalf("member %d: %v", m, fe)
			}
			if !fe.Disputed && fe.Member == 1 {
				named++
			}
		case errors.As(r.err, &ae):
		default:
			t.Fatalf("member %d: %v", m, r.err)
		}
	}
	if named == 0 {
		t.Fatal("no member named member 1 for certain")
	}
}

// Ed25519 commitments with a small-order component are refused (RFC 9591 requires prime-order
// subgroup checks), naming the sender.
func TestPreprocessingRefusesTorsionCommitments(t *testing.T) {
	d := newDealer(t, frost.Ed25519, 3, 1)
	// The point of order 2, (0, −1).
	order2 := append([]byte{0xec}, bytes.Repeat([]byte{0xff}, 30)...)
	order2 = append(order2, 0x7f)
	filter := func(from, to int, payload []byte) ([]byte, bool) {
		if from == 2 && len(payload) > 1 && payload[1] == 1 {
			out := append([]byte(nil), payload...)
			copy(out[36:68], order2)
			return out, true
		}
		return payload, true
	}
	res := runPreprocess(t, testCtx(t), d.shares, seq(0, 3), 1, filter)
	for _, m := range []int{0, 1} {
		var fe *frost.FaultError
		if !errors.As(res[m].err, &fe) || fe.Member != 2 || !errors.Is(fe, frost.ErrBadMessage) {
			t.Fatalf("member %d: %v", m, res[m].err)
		}
	}
}

// BIP-340 keys are x-only: PKPs whose derived point has odd y sign with negated shares. Both
// parities occur among a few key ids, and both verify.
func TestTaprootKeysOfBothParitiesSign(t *testing.T) {
	d := newDealer(t, frost.Taproot, 3, 1)
	signers := seq(0, 3)
	batches := mustPreprocess(t, d.shares, signers, 16)
	seen := map[bool]int{}
	x, err := dsecp.ParsePubKey(d.root.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	for k := 0; k < 16 && (seen[true] == 0 || seen[false] == 0 || k < 4); k++ {
		id := keyID(100 + k)
		tw, err := frost.Tweak(frost.Taproot, id)
		if err != nil {
			t.Fatal(err)
		}
		var eps dsecp.ModNScalar
		eps.SetByteSlice(tw)
		var xp, ep, y dsecp.JacobianPoint
		x.AsJacobian(&xp)
		dsecp.ScalarBaseMultNonConst(&eps, &ep)
		dsecp.AddNonConst(&xp, &ep, &y)
		y.ToAffine()
		seen[y.Y.IsOdd()]++
		req := frost.Request{KeyID: id, Message: message(frost.Taproot, "parity")}
		pkg, shares := signAll(t, d.shares, batches, signers, k, signers, req)
		sig, err := frost.Combine(d.root, req, pkg, shares)
		if err != nil {
			t.Fatal(err)
		}
		xb := y.X.Bytes()
		if !bytes.Equal(sig.PublicKey, xb[:]) {
			t.Fatal("x-only key is not the x coordinate of X + ε·G")
		}
		verifyIndependently(t, frost.Taproot, sig.PublicKey, req.Message, sig.Bytes())
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Fatalf("parities seen: %v", seen)
	}
}

// Signing for the BIP-341 output key (key-path spend of the PKP's P2TR output) gives a
// signature btcec accepts under TaprootOutputKey.
func TestTaprootOutputKeySpends(t *testing.T) {
	d := newDealer(t, frost.Taproot, 3, 1)
	signers := seq(0, 3)
	batches := mustPreprocess(t, d.shares, signers, 2)
	pub, err := frost.DerivePublicKey(d.root, keyID(5))
	if err != nil {
		t.Fatal(err)
	}
	for k, root := range [][]byte{nil, bytes.Repeat([]byte{7}, 32)} {
		q, err := frost.TaprootOutputKey(pub.Bytes(), root)
		if err != nil {
			t.Fatal(err)
		}
		req := frost.Request{KeyID: keyID(5), Message: message(frost.Taproot, "sighash"), Taproot: &frost.TaprootSpend{MerkleRoot: root}}
		pkg, shares := signAll(t, d.shares, batches, signers, k, signers, req)
		sig, err := frost.Combine(d.root, req, pkg, shares)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(sig.PublicKey, q) {
			t.Fatal("signature is not under the output key")
		}
		verifyIndependently(t, frost.Taproot, q, req.Message, sig.Bytes())
	}
}

// BIP-86's published internal keys, output keys and addresses.
func TestTaprootOutputKeyMatchesBIP86(t *testing.T) {
	for _, v := range [][3]string{
		{"cc8a4bc64d897bddc5fbc2f670f7a8ba0b386779106cf1223c6fc5d7cd6fc115", "a60869f0dbcf1dc659c9cecbaf8050135ea9e8cdc487053f1dc6880949dc684c", "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr"},
		{"83dfe85a3151d2517290da461fe2815591ef69f2b18a2ce63f01697a8b313145", "a82f29944d65b86ae6b5e5cc75e294ead6c59391a1edc5e016e3498c67fc7bbb", "bc1p4qhjn9zdvkux4e44uhx8tc55attvtyu358kutcqkudyccelu0was9fqzwh"},
		{"399f1b2f4393f29a18c937859c5dd8a77350103157eb880f02e8c08214277cef", "882d74e5d0572d5a816cef0041a96b6c1de832f6f9676d9605c44d5e9a97d3dc", "bc1p3qkhfews2uk44qtvauqyr2ttdsw7svhkl9nkm9s9c3x4ax5h60wqwruhk7"},
	} {
		internal, _ := hex.DecodeString(v[0])
		q, err := frost.TaprootOutputKey(internal, nil)
		if err != nil {
			t.Fatal(err)
		}
		if hex.EncodeToString(q) != v[1] {
			t.Fatalf("output key %x, want %s", q, v[1])
		}
		addr, err := frost.TaprootAddress("bc", q)
		if err != nil || addr != v[2] {
			t.Fatalf("address %s (%v), want %s", addr, err, v[2])
		}
	}
}

// Each curve derives its own key from one key id, deterministically; the two secp256k1 suites
// share it.
func TestDerivedKeysAreDeterministicAndPerSuite(t *testing.T) {
	ed := newDealer(t, frost.Ed25519, 3, 1)
	k1 := newDealer(t, frost.Secp256k1, 3, 1)
	rootBytes := k1.root.Commitments()
	tr, err := frost.NewRootKey(frost.Taproot, rootBytes)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := frost.DerivePublicKey(ed.root, keyID(1))
	b, _ := frost.DerivePublicKey(ed.root, keyID(1))
	c, _ := frost.DerivePublicKey(ed.root, keyID(2))
	if !a.Equal(b) || a.Equal(c) {
		t.Fatal("Ed25519 derivation is not a function of the key id")
	}
	// One Schnorr secp256k1 PKP signs both secp256k1 suites: the same point, its x-only key
	// for BIP-340.
	p1, _ := frost.DerivePublicKey(k1.root, keyID(1))
	p2, _ := frost.DerivePublicKey(tr, keyID(1))
	if !bytes.Equal(p1.Bytes()[1:], p2.Bytes()) {
		t.Fatal("the Secp256k1 and Taproot keys of one key id are not one point")
	}
	t1, _ := frost.Tweak(frost.Secp256k1, keyID(1))
	t2, _ := frost.Tweak(frost.Taproot, keyID(1))
	t3, _ := frost.Tweak(frost.Ed25519, keyID(1))
	if !bytes.Equal(t1, t2) || bytes.Equal(t1, t3) {
		t.Fatal("the secp256k1 suites do not share their tweak, or Ed25519's is not separate")
	}
}

// Every member hands its CPU-heavy steps to PreprocessConfig.Compute (the node runs them on
// low-priority threads): the session still produces matching batches, and a Compute that
// cannot start a step stops the session with its error.
func TestPreprocessRunsItsHeavyStepsThroughCompute(t *testing.T) {
	for _, s := range frost.Suites {
		d := newDealer(t, s, 4, 2)
		signers := seq(0, 4)
		var calls atomic.Int64
		compute := func(ctx context.Context, f func()) error {
			calls.Add(1)
			done := make(chan struct{})
			go func() { // another goroutine, as a worker pool would
				defer close(done)
				f()
			}()
			<-done
			return nil
		}
		res := runPreprocessWith(t, testCtx(t), d.shares, signers, frost.PreprocessConfig{Signers: signers, Count: 3, Compute: compute}, nil)
		for m, r := range res {
			if r.err != nil {
				t.Fatalf("%v: member %d: %v", s, m, r.err)
			}
			if r.batch.Digest() != res[0].batch.Digest() {
				t.Fatalf("%v: members disagree", s)
			}
		}
		// Per member: drawing the nonces, decoding the others' commitments.
		if got, want := calls.Load(), int64(2*len(signers)); got != want {
			t.Fatalf("%v: Compute called %d times, want %d", s, got, want)
		}
		errBusy := errors.New("no worker")
		refuse := func(context.Context, func()) error { return errBusy }
		for m, r := range runPreprocessWith(t, testCtx(t), d.shares, signers, frost.PreprocessConfig{Signers: signers, Count: 1, Compute: refuse}, nil) {
			if !errors.Is(r.err, errBusy) {
				t.Fatalf("%v: member %d: %v, want the Compute error", s, m, r.err)
			}
		}
	}
}
