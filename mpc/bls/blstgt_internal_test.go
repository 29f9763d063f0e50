package bls

import (
	"bytes"
	"testing"

	"github.com/drand/kyber"
	"github.com/drand/kyber/encrypt/ibe"
	"github.com/drand/kyber/util/random"
)

// Decryption pairs with blst (blstgt.go), encryption and the ciphertexts already written pair
// with kyber: the GT bytes and the IBE decryption must be the same to the bit.

func TestBlstPairingBytesAreKybers(t *testing.T) {
	for i := range 8 {
		p := suite.G1().Point().Pick(random.New())
		q := suite.G2().Point().Pick(random.New())
		want, err := suite.Pair(p, q).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		bp, err := blstG1(p)
		if err != nil {
			t.Fatal(err)
		}
		qb, err := q.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		bq, err := decodeG2(qb)
		if err != nil {
			t.Fatal(err)
		}
		low := pairLowFirst(bp, bq)
		if got := reverseCoefficients(low); !bytes.Equal(got, want) {
			t.Fatalf("pair %d: blst GT %x…, kyber %x…", i, got[:48], want[:48])
		}
		if !bytes.Equal(reverseCoefficients(want), low) {
			t.Fatalf("pair %d: reverseCoefficients is not its own inverse", i)
		}
	}
}

func TestBlstIBEDecryptionIsKybers(t *testing.T) {
	master := suite.G1().Scalar().Pick(random.New())
	pub := suite.G1().Point().Mul(master, nil)
	for i := range 16 {
		id := []byte("lit-accesscontrolcondition://" + string(rune('a'+i)))
		msg := make([]byte, 32)
		random.Bytes(msg, random.New())
		ct, err := ibe.EncryptCCAonG1(suite, pub, id, msg)
		if err != nil {
			t.Fatal(err)
		}
		key := suite.G2().Point().Mul(master, hashToG2(t, id))
		kb, err := key.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		bkey, err := decodeG2(kb)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ibeDecryptCCAonG1(ct.U, bkey, ct.V, ct.W)
		if err != nil || !bytes.Equal(got, msg) {
			t.Fatalf("ciphertext %d: blst decryption %x, %v; want %x", i, got, err, msg)
		}
		// Tampered: both implementations refuse the same ciphertexts.
		for _, tamper := range []func(c *ibe.Ciphertext){
			func(c *ibe.Ciphertext) { c.V[i%len(c.V)] ^= 1 },
			func(c *ibe.Ciphertext) { c.W[i%len(c.W)] ^= 0x80 },
			func(c *ibe.Ciphertext) { c.U = suite.G1().Point().Add(c.U, suite.G1().Point().Base()) },
		} {
			bad := &ibe.Ciphertext{U: ct.U.Clone(), V: bytes.Clone(ct.V), W: bytes.Clone(ct.W)}
			tamper(bad)
			_, kerr := ibe.DecryptCCAonG1(suite, key, bad)
			_, berr := ibeDecryptCCAonG1(bad.U, bkey, bad.V, bad.W)
			if kerr == nil || berr == nil {
				t.Fatalf("ciphertext %d: a tampered ciphertext opened (kyber: %v, blst: %v)", i, kerr, berr)
			}
		}
		other := suite.G2().Point().Mul(master, hashToG2(t, []byte("another identity")))
		ob, err := other.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		okey, err := decodeG2(ob)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ibeDecryptCCAonG1(ct.U, okey, ct.V, ct.W); err == nil {
			t.Fatalf("ciphertext %d: opened with another identity's key", i)
		}
	}
}

func hashToG2(t *testing.T, msg []byte) kyber.Point {
	t.Helper()
	return suite.G2().Point().(interface{ Hash([]byte) kyber.Point }).Hash(msg)
}
