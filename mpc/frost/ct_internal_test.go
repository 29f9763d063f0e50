package frost

import (
	"crypto/rand"
	"math/big"
	"testing"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
)

func decredBase(k *dsecp.ModNScalar) dsecp.JacobianPoint {
	var r dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(k, &r)
	if !(r.X.IsZero() && r.Y.IsZero()) && !r.Z.IsZero() {
		r.ToAffine()
	} else {
		r = dsecp.JacobianPoint{}
	}
	return r
}

func samePoint(a, b *dsecp.JacobianPoint) bool {
	ai := a.Z.IsZero()
	bi := b.Z.IsZero()
	if ai || bi {
		return ai == bi
	}
	return a.X.Equals(&b.X) && a.Y.Equals(&b.Y)
}

// The constant-time base multiplication agrees with decred's variable-time one on random
// scalars and on the edges: 0, 1, small values, n−1, and scalars with runs of equal nibbles.
func TestConstantTimeBaseMultMatchesDecred(t *testing.T) {
	n := dsecp.Params().N
	var cases []*big.Int
	for _, v := range []int64{0, 1, 2, 3, 15, 16, 17, 255, 256} {
		cases = append(cases, big.NewInt(v))
	}
	cases = append(cases, new(big.Int).Sub(n, big.NewInt(1)), new(big.Int).Sub(n, big.NewInt(2)),
		new(big.Int).Rsh(n, 1), new(big.Int).Lsh(big.NewInt(1), 255))
	for range 200 {
		v, _ := rand.Int(rand.Reader, n)
		cases = append(cases, v)
	}
	for _, v := range cases {
		var k dsecp.ModNScalar
		k.SetByteSlice(v.Bytes())
		got, want := *k1E(k1Group{}.baseMul(&k1Scalar{v: k})), decredBase(&k)
		if !samePoint(&got, &want) {
			t.Fatalf("k = %x: constant-time result differs", v)
		}
		if !got.Z.IsZero() && !got.Z.IsOne() {
			t.Fatalf("k = %x: result not affine", v)
		}
	}
}

func TestTwoTo256ModNIsRight(t *testing.T) {
	n := dsecp.Params().N
	want := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), n)
	b := twoTo256ModN.Bytes()
	if new(big.Int).SetBytes(b[:]).Cmp(want) != 0 {
		t.Fatal("2^256 mod n is wrong")
	}
	// And the 48-byte reduction agrees with big.Int.
	for range 50 {
		var in [48]byte
		_, _ = rand.Read(in[:])
		got := k1Wide(in[:]).encode()
		w := new(big.Int).Mod(new(big.Int).SetBytes(in[:]), n)
		if new(big.Int).SetBytes(got).Cmp(w) != 0 {
			t.Fatalf("wide reduction of %x", in)
		}
	}
}

func BenchmarkConstantTimeBaseMult(b *testing.B) {
	var k dsecp.ModNScalar
	k.SetByteSlice([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
	s := &k1Scalar{v: k}
	k1Group{}.baseMul(s)
	for b.Loop() {
		k1Group{}.baseMul(s)
	}
}
