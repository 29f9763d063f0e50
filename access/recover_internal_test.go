package access

import (
	"crypto/ecdsa"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// recoverSigner remembers recoveries, so it must answer exactly what a recovery answers for
// each (hash, signature) pair: the same pair again, another signer's signature of the same
// hash, a signature of another hash, and a pair no key recovers from, which stays an error.
func TestRecoverSignerAnswersAsARecoveryDoes(t *testing.T) {
	a, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	b, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	h1, h2 := crypto.Keccak256([]byte("one")), crypto.Keccak256([]byte("two"))
	sign := func(h []byte, k *ecdsa.PrivateKey) []byte {
		sig, err := crypto.Sign(h, k)
		if err != nil {
			t.Fatal(err)
		}
		return sig
	}
	addr := func(k *ecdsa.PrivateKey) *common.Address {
		a := crypto.PubkeyToAddress(k.PublicKey)
		return &a
	}
	cases := []struct {
		name string
		hash []byte
		sig  []byte
		want *common.Address
	}{
		{"a's signature of one", h1, sign(h1, a), addr(a)},
		{"the same again", h1, sign(h1, a), addr(a)},
		{"b's signature of one", h1, sign(h1, b), addr(b)},
		{"a's signature of one, checked against two", h2, sign(h1, a), nil},
		{"a's signature of two", h2, sign(h2, a), addr(a)},
	}
	for _, c := range cases {
		got, err := recoverSigner(c.hash, c.sig)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.want != nil && got != *c.want {
			t.Fatalf("%s: recovered %s, want %s", c.name, got.Hex(), c.want.Hex())
		}
		if pub, err := crypto.SigToPub(c.hash, c.sig); err != nil || crypto.PubkeyToAddress(*pub) != got {
			t.Fatalf("%s: remembered %s, a recovery says %v (%v)", c.name, got.Hex(), pub, err)
		}
	}
	bad := make([]byte, 65) // r = s = 0: no key recovers
	for range 2 {
		if _, err := recoverSigner(h1, bad); err == nil {
			t.Fatal("a signature no key recovers from was taken")
		}
	}
}
