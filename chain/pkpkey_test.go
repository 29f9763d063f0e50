package chain_test

import (
	"bytes"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain"
)

func TestDerivedKeyIsRootPlusEpsilon(t *testing.T) {
	x, X := rootKey(t)
	for i := range 5 {
		var keyID [32]byte
		copy(keyID[:], crypto.Keccak256([]byte{byte(i)}))
		Y, err := chain.DerivePKPKey(X, keyID)
		if err != nil {
			t.Fatal(err)
		}
		eps, err := chain.KeyEpsilon(keyID)
		if err != nil {
			t.Fatal(err)
		}
		// The documented formula, computed from the hash directly.
		h := crypto.Keccak256([]byte("litmesh/hd/v1"), keyID[:])
		var direct secp256k1.ModNScalar
		direct.SetByteSlice(h)
		if !direct.Equals(eps) {
			t.Fatal("KeyEpsilon disagrees with keccak256(domain ‖ keyId) mod n")
		}
		var y secp256k1.ModNScalar
		y.Add2(x, eps)
		if want := secp256k1.NewPrivateKey(&y).PubKey(); !Y.IsEqual(want) {
			t.Fatalf("key %d: derived %x, want (x+ε)·G %x", i, Y.SerializeCompressed(), want.SerializeCompressed())
		}
		if got, want := chain.PKPEthAddress(Y), crypto.PubkeyToAddress(*Y.ToECDSA()); got != want {
			t.Fatalf("eth address %s, want %s", got.Hex(), want.Hex())
		}
		if !bytes.Equal(chain.PKPTokenID(Y).FillBytes(make([]byte, 32)), crypto.Keccak256(Y.SerializeUncompressed())) {
			t.Fatal("token id is not keccak256 of the uncompressed key")
		}
	}
}
