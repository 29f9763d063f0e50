package ecdsa_test

import (
	"bytes"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

func TestDerivedKeyIsRootPlusTweakAndMatchesEthereumEncodings(t *testing.T) {
	d := newDealer(t, 4, 1)
	id := keyID(9)
	y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
	if err != nil {
		t.Fatal(err)
	}
	// The tweak is keccak256("litmesh/hd/v1" ‖ keyId) mod n, computed here with go-ethereum.
	var eps secp256k1.ModNScalar
	eps.SetByteSlice(crypto.Keccak256([]byte("litmesh/hd/v1"), id[:]))
	got, err := ecdsa.Epsilon(id)
	if err != nil || !got.Equals(&eps) {
		t.Fatalf("Epsilon differs from keccak256(label ‖ keyId) mod n: %v", err)
	}
	var sk secp256k1.ModNScalar
	sk.Add2(&d.secret, &eps)
	want := secp256k1.NewPrivateKey(&sk).PubKey()
	if !y.IsEqual(want) {
		t.Fatal("Y ≠ (x + ε)·G")
	}
	skb := sk.Bytes()
	ethKey, err := crypto.ToECDSA(skb[:])
	if err != nil {
		t.Fatal(err)
	}
	if addr := ecdsa.Address(y); !bytes.Equal(addr[:], crypto.PubkeyToAddress(ethKey.PublicKey).Bytes()) {
		t.Fatal("Address differs from go-ethereum's")
	}
	u := ecdsa.Uncompressed(y)
	if !bytes.Equal(u[:], crypto.FromECDSAPub(&ethKey.PublicKey)) {
		t.Fatal("Uncompressed differs from go-ethereum's")
	}
	if tok := ecdsa.TokenID(y); !bytes.Equal(tok[:], crypto.Keccak256(u[:])) {
		t.Fatal("TokenID is not keccak256 of the uncompressed key")
	}
	other, err := ecdsa.DerivePublic(d.root.PublicKey(), keyID(10))
	if err != nil || other.IsEqual(y) {
		t.Fatal("two key ids derive the same key")
	}
}

// TestContractCanCheckADerivedKeyWithOneEcrecover checks the identity docs/architecture.md
// gives the PKP contract: ecrecover(h = −X.x·ε, v = parity(X.y), r = s = X.x) = Y.
func TestContractCanCheckADerivedKeyWithOneEcrecover(t *testing.T) {
	d := newDealer(t, 4, 1)
	for rootXAtLeastN(d.root.PublicKey()) { // probability 2^-128; the identity needs X.x < n
		d = newDealer(t, 4, 1)
	}
	root := d.root.PublicKey()
	id := keyID(11)
	eps, err := ecdsa.Epsilon(id)
	if err != nil {
		t.Fatal(err)
	}
	y, err := ecdsa.DerivePublic(root, id)
	if err != nil {
		t.Fatal(err)
	}
	x := root.X()
	var rx secp256k1.ModNScalar
	rx.SetByteSlice(x.Bytes())
	var h secp256k1.ModNScalar
	h.Mul2(&rx, eps).Negate()
	hb := h.Bytes()
	sig := make([]byte, 65)
	xb := rx.Bytes()
	copy(sig[:32], xb[:])
	copy(sig[32:64], xb[:])
	if root.Y().Bit(0) == 1 {
		sig[64] = 1
	}
	got, err := crypto.Ecrecover(hb[:], sig)
	want := ecdsa.Uncompressed(y)
	if err != nil || !bytes.Equal(got, want[:]) {
		t.Fatalf("ecrecover gives %x, want %x (%v)", got, want, err)
	}
}

func rootXAtLeastN(pk *secp256k1.PublicKey) bool {
	var s secp256k1.ModNScalar
	return s.SetByteSlice(pk.X().Bytes())
}
