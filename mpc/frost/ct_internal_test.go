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
		got, want := ctBaseMult(&k), decredBase(&k)
		if !samePoint(&got, &want) {
			t.Fatalf("k = %x: constant-time result differs", v)
		}
		if !got.Z.IsZero() && !got.Z.IsOne() {
			t.Fatalf("k = %x: result not affine", v)
		}
	}
}

// The complete addition handles doubling, inverses and the identity on either side.
func TestCompleteAdditionHandlesEveryCase(t *testing.T) {
	toProj := func(p dsecp.JacobianPoint) projective {
		var q projective
		if p.Z.IsZero() {
			q.y.SetInt(1)
			return q
		}
		q.x, q.y = p.X, p.Y
		q.z.SetInt(1)
		return q
	}
	toAffine := func(q projective) dsecp.JacobianPoint {
		var r dsecp.JacobianPoint
		if q.z.IsZero() {
			return r
		}
		zi := q.z
		zi.Inverse()
		feMul(&r.X, &q.x, &zi)
		feMul(&r.Y, &q.y, &zi)
		r.Z.SetInt(1)
		return r
	}
	var a, b dsecp.ModNScalar
	a.SetInt(12345)
	b.SetInt(999)
	pa, pb := decredBase(&a), decredBase(&b)
	var negA dsecp.ModNScalar
	negA.NegateVal(&a)
	pn := decredBase(&negA)
	inf := dsecp.JacobianPoint{}
	var twoA, aPlusB dsecp.ModNScalar
	twoA.Add2(&a, &a)
	aPlusB.Add2(&a, &b)
	for name, tc := range map[string]struct{ p, q, want dsecp.JacobianPoint }{
		"P+Q":    {pa, pb, decredBase(&aPlusB)},
		"P+P":    {pa, pa, decredBase(&twoA)},
		"P+(−P)": {pa, pn, inf},
		"O+P":    {inf, pa, pa},
		"P+O":    {pa, inf, pa},
		"O+O":    {inf, inf, inf},
	} {
		var r projective
		p, q := toProj(tc.p), toProj(tc.q)
		completeAdd(&r, &p, &q)
		got := toAffine(r)
		if !samePoint(&got, &tc.want) {
			t.Fatalf("%s: wrong sum", name)
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
	ctBaseMult(&k)
	for b.Loop() {
		ctBaseMult(&k)
	}
}
