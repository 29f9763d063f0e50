package ct

import (
	"crypto/rand"
	"math/big"
	"testing"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// groupOrder is secp256k1's n.
func groupOrder() *big.Int { return new(big.Int).Set(dsecp.Params().N) }

// edgeScalars are the scalars where a windowed method's carries and signs are most likely to go
// wrong: 0, 1, 2, small values, powers of two at window edges, n−1, n−2, all ones below n.
func edgeScalars(t testing.TB) []dsecp.ModNScalar {
	t.Helper()
	n := groupOrder()
	vals := []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(2), big.NewInt(3), big.NewInt(15), big.NewInt(16), big.NewInt(17),
		big.NewInt(31), big.NewInt(32), big.NewInt(33), big.NewInt(63), big.NewInt(64), big.NewInt(1 << 40),
		new(big.Int).Lsh(big.NewInt(1), 255), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(1)),
		new(big.Int).Sub(n, big.NewInt(1)), new(big.Int).Sub(n, big.NewInt(2)), new(big.Int).Sub(n, big.NewInt(32)),
		new(big.Int).Rsh(n, 1), new(big.Int).Add(new(big.Int).Rsh(n, 1), big.NewInt(1)),
	}
	out := make([]dsecp.ModNScalar, len(vals))
	for i, v := range vals {
		var b [32]byte
		v.FillBytes(b[:])
		if out[i].SetBytes(&b) != 0 {
			t.Fatalf("edge scalar %d overflows", i)
		}
	}
	return out
}

func randScalars(t testing.TB, n int) []dsecp.ModNScalar {
	t.Helper()
	out := make([]dsecp.ModNScalar, n)
	for i := range out {
		var b [32]byte
		if _, err := rand.Read(b[:]); err != nil {
			t.Fatal(err)
		}
		out[i].SetBytes(&b)
	}
	return out
}

func mulG(k *dsecp.ModNScalar) dsecp.JacobianPoint {
	var r dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(k, &r)
	r.ToAffine()
	return r
}

func equal(a, b *dsecp.JacobianPoint) bool {
	ai := a.Z.IsZero() || (a.X.IsZero() && a.Y.IsZero())
	bi := b.Z.IsZero() || (b.X.IsZero() && b.Y.IsZero())
	if ai || bi {
		return ai == bi
	}
	x, y := *a, *b
	x.ToAffine()
	y.ToAffine()
	return x.X.Equals(&y.X) && x.Y.Equals(&y.Y)
}

// isAffine reports whether p is what this package promises to return: Z = 1, or all zero.
func isAffine(p *dsecp.JacobianPoint) bool {
	var one dsecp.FieldVal
	one.SetInt(1)
	return p.Z.Equals(&one) || (p.X.IsZero() && p.Y.IsZero() && p.Z.IsZero())
}

func TestRegularRecodingReproducesTheScalarWithOddDigitsInRange(t *testing.T) {
	n := groupOrder()
	for _, w := range []uint{W, varW} {
		windows := 256/int(w) + 1
		for _, k := range append(edgeScalars(t), randScalars(t, 200)...) {
			digits := make([]int32, windows)
			even := recode(&k, w, digits)
			sum := new(big.Int)
			for i := windows - 1; i >= 0; i-- {
				d := digits[i]
				if d%2 == 0 || d > 1<<w-1 || d < -(1<<w-1) {
					t.Fatalf("w=%d: digit %d of %x is %d", w, i, k.Bytes(), d)
				}
				sum.Lsh(sum, w).Add(sum, big.NewInt(int64(d)))
			}
			kb := k.Bytes()
			orig := new(big.Int).SetBytes(kb[:])
			want := new(big.Int).Add(orig, new(big.Int).SetUint64(even))
			if sum.Cmp(want) != 0 || (even == 1) != (orig.Bit(0) == 0) || want.Cmp(n) > 0 {
				t.Fatalf("w=%d: recoding of %x sums to %x (even %d)", w, kb, sum, even)
			}
			if last := digits[windows-1]; last < 1 || last > 1<<w-1 {
				t.Fatalf("w=%d: last digit %d of %x is outside the table's first entries", w, last, kb)
			}
		}
	}
}

// projOf puts an affine point in projective coordinates with a random Z, so the formulas are
// tested on non-trivial representations.
func projOf(t *testing.T, a *dsecp.JacobianPoint) Proj {
	t.Helper()
	z := randScalars(t, 1)[0]
	zb := z.Bytes()
	var p Proj
	p.Z.SetBytes(&zb)
	ax, ay := Element(&a.X), Element(&a.Y)
	p.X.Mul(&ax, &p.Z)
	p.Y.Mul(&ay, &p.Z)
	return p
}

func decredAdd(a, b *dsecp.JacobianPoint) dsecp.JacobianPoint {
	var r dsecp.JacobianPoint
	dsecp.AddNonConst(a, b, &r)
	return r
}

func decredDouble(a *dsecp.JacobianPoint) dsecp.JacobianPoint {
	var r dsecp.JacobianPoint
	dsecp.DoubleNonConst(a, &r)
	return r
}

func negated(a *dsecp.JacobianPoint) dsecp.JacobianPoint {
	r := *a
	r.Y.Negate(1).Normalize()
	return r
}

func TestCompleteFormulasMatchDecredIncludingItsExceptionalCases(t *testing.T) {
	ks := randScalars(t, 20)
	inf := Infinity()
	for i := range ks {
		q := mulG(&ks[i])
		nq := negated(&q)
		other := mulG(&ks[(i+1)%len(ks)])
		for _, tc := range []struct {
			name string
			p, q Proj
			want dsecp.JacobianPoint
		}{
			{"∞ + Q", inf, projOf(t, &q), q},
			{"Q + ∞", projOf(t, &q), inf, q},
			{"∞ + ∞", inf, inf, dsecp.JacobianPoint{}},
			{"Q + Q", projOf(t, &q), projOf(t, &q), decredDouble(&q)},
			{"−Q + Q", projOf(t, &nq), projOf(t, &q), dsecp.JacobianPoint{}},
			{"P + Q", projOf(t, &other), projOf(t, &q), decredAdd(&other, &q)},
		} {
			p := tc.p
			p.Add(&tc.q)
			if got := p.Affine(); !equal(&got, &tc.want) || !isAffine(&got) {
				t.Fatalf("%s: complete projective addition differs from decred's", tc.name)
			}
			if tc.q != inf { // mixed addition: the second point is affine, never ∞
				p := tc.p
				qa := tc.q.Affine()
				qx, qy := Element(&qa.X), Element(&qa.Y)
				p.AddAffine(&qx, &qy)
				if got := p.Jacobian(); !equal(&got, &tc.want) {
					t.Fatalf("%s: complete mixed addition differs from decred's", tc.name)
				}
			}
		}
		for _, tc := range []struct {
			name string
			p    Proj
			want dsecp.JacobianPoint
		}{
			{"2·∞", inf, dsecp.JacobianPoint{}},
			{"2·Q", projOf(t, &q), decredDouble(&q)},
		} {
			p := tc.p
			p.Double()
			if got := p.Affine(); !equal(&got, &tc.want) {
				t.Fatalf("%s: complete doubling differs from decred's", tc.name)
			}
		}
	}
}

func TestConstantTimeMultiplicationsEqualDecreds(t *testing.T) {
	g := Generator()
	h := mulG(&randScalars(t, 1)[0])
	ht := NewTable(&h)
	ks := append(edgeScalars(t), randScalars(t, 60)...)
	for _, k := range ks {
		want := mulG(&k)
		if got := MulBase(&k, g); !equal(&got, &want) || !isAffine(&got) {
			t.Fatalf("MulBase(%x, G) differs from ScalarBaseMultNonConst", k.Bytes())
		}
		var wantH dsecp.JacobianPoint
		dsecp.ScalarMultNonConst(&k, &h, &wantH)
		if got := MulBase(&k, ht); !equal(&got, &wantH) {
			t.Fatalf("MulBase(%x, H) differs from ScalarMultNonConst", k.Bytes())
		}
		if got := Mul(&k, &h); !equal(&got, &wantH) || !isAffine(&got) {
			t.Fatalf("Mul(%x, H) differs from ScalarMultNonConst", k.Bytes())
		}
	}
	inf := dsecp.JacobianPoint{}
	if got := Mul(&ks[5], &inf); !equal(&got, &inf) {
		t.Fatal("k·∞ is not ∞")
	}
	// Batches on both sides of BatchFrom.
	for _, n := range []int{BatchFrom - 1, BatchFrom, len(ks)} {
		got := Normalize(BatchMul(ks[:n], g))
		for i := range n {
			want := mulG(&ks[i])
			if !equal(&got[i], &want) || !isAffine(&got[i]) {
				t.Fatalf("BatchMul of %d: item %d (%x) differs from ScalarBaseMultNonConst", n, i, ks[i].Bytes())
			}
		}
	}
}

func FuzzMulEqualsDecred(f *testing.F) {
	f.Add(make([]byte, 32), make([]byte, 32))
	f.Add([]byte{1}, []byte{2})
	f.Fuzz(func(t *testing.T, kb, bb []byte) {
		var k, bs dsecp.ModNScalar
		var kk, bk [32]byte
		copy(kk[:], kb)
		copy(bk[:], bb)
		k.SetBytes(&kk)
		bs.SetBytes(&bk)
		base := mulG(&bs)
		var want dsecp.JacobianPoint
		dsecp.ScalarMultNonConst(&k, &base, &want)
		if got := Mul(&k, &base); !equal(&got, &want) {
			t.Fatalf("Mul(%x, %x·G) is wrong", kk, bk)
		}
		wantG := mulG(&k)
		if got := MulBase(&k, Generator()); !equal(&got, &wantG) {
			t.Fatalf("MulBase(%x) is wrong", kk)
		}
	})
}

// BenchmarkSecretScalarMult compares the constant-time multiplications with decred's
// variable-time ones on the same scalars.
func BenchmarkSecretScalarMult(b *testing.B) {
	ks := randScalars(b, 64)
	g := Generator()
	base := mulG(&ks[0])
	var sink dsecp.JacobianPoint
	b.Run("G/constant-time", func(b *testing.B) {
		for i := range b.N {
			sink = MulBase(&ks[i%len(ks)], g)
		}
	})
	b.Run("G/decred-variable-time", func(b *testing.B) {
		for i := range b.N {
			dsecp.ScalarBaseMultNonConst(&ks[i%len(ks)], &sink)
		}
	})
	b.Run("var/constant-time", func(b *testing.B) {
		for i := range b.N {
			sink = Mul(&ks[i%len(ks)], &base)
		}
	})
	b.Run("var/decred-variable-time", func(b *testing.B) {
		for i := range b.N {
			dsecp.ScalarMultNonConst(&ks[i%len(ks)], &base, &sink)
		}
	})
	b.Run("G/batch-of-64/constant-time", func(b *testing.B) {
		for range b.N {
			Normalize(BatchMul(ks, g))
		}
	})
	_ = sink
}
