package field_test

import (
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/secp256k1/field"
)

var prime, _ = new(big.Int).SetString("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16)

func toBig(e *field.Element) *big.Int {
	b := e.Bytes()
	return new(big.Int).SetBytes(b[:])
}

func fromBig(t testing.TB, x *big.Int) field.Element {
	t.Helper()
	var b [32]byte
	x.FillBytes(b[:])
	var e field.Element
	if e.SetBytes(&b) != 0 {
		t.Fatalf("%x is not below p", x)
	}
	return e
}

// edgeValues are the values where carries and reductions change: 0, 1, small, around 2^64
// limb boundaries, around c = 2^256 − p, around p and p/2.
func edgeValues() []*big.Int {
	var out []*big.Int
	add := func(x *big.Int) {
		if x.Sign() >= 0 && x.Cmp(prime) < 0 {
			out = append(out, x)
		}
	}
	for _, v := range []int64{0, 1, 2, 3, 21, 0x3d1, 0x1000003d1, 0x1000003d0, 0x1000003d2} {
		add(big.NewInt(v))
		add(new(big.Int).Sub(prime, big.NewInt(v+1)))
	}
	for _, sh := range []uint{63, 64, 65, 127, 128, 129, 191, 192, 193, 223, 224, 255} {
		one := new(big.Int).Lsh(big.NewInt(1), sh)
		add(one)
		add(new(big.Int).Sub(one, big.NewInt(1)))
		add(new(big.Int).Add(one, big.NewInt(1)))
	}
	half := new(big.Int).Rsh(prime, 1)
	add(half)
	add(new(big.Int).Add(half, big.NewInt(1)))
	return out
}

func randomValues(t testing.TB, n int) []*big.Int {
	t.Helper()
	out := make([]*big.Int, n)
	for i := range out {
		v, err := rand.Int(rand.Reader, prime)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = v
	}
	return out
}

func TestArithmeticMatchesMathBig(t *testing.T) {
	vals := append(edgeValues(), randomValues(t, 200)...)
	mod := func(x *big.Int) *big.Int { return x.Mod(x, prime) }
	for _, a := range vals {
		x := fromBig(t, a)
		var z field.Element
		check := func(op string, got *field.Element, want *big.Int) {
			t.Helper()
			if toBig(got).Cmp(want) != 0 {
				t.Fatalf("%s(%x): got %x, want %x", op, a, toBig(got), want)
			}
			if *got != fromBig(t, want) {
				t.Fatalf("%s(%x): not fully reduced", op, a)
			}
		}
		check("square", z.Square(&x), mod(new(big.Int).Mul(a, a)))
		check("neg", z.Neg(&x), mod(new(big.Int).Neg(a)))
		check("double", z.Double(&x), mod(new(big.Int).Lsh(a, 1)))
		for _, k := range []uint64{0, 1, 2, 21, 1<<32 - 1} {
			check("mulsmall", z.MulSmall(&x, k), mod(new(big.Int).Mul(a, new(big.Int).SetUint64(k))))
		}
		want := new(big.Int).ModInverse(a, prime)
		if want == nil {
			want = new(big.Int)
		}
		check("inverse", z.Inverse(&x), want)
		for _, b := range vals[:60] {
			y := fromBig(t, b)
			check("mul", z.Mul(&x, &y), mod(new(big.Int).Mul(a, b)))
			check("add", z.Add(&x, &y), mod(new(big.Int).Add(a, b)))
			check("sub", z.Sub(&x, &y), mod(new(big.Int).Sub(a, b)))
			eq := uint64(0)
			if a.Cmp(b) == 0 {
				eq = 1
			}
			if x.Equal(&y) != eq {
				t.Fatalf("equal(%x, %x) = %d", a, b, x.Equal(&y))
			}
			check("select0", z.Select(0, &x, &y), a)
			check("select1", z.Select(1, &x, &y), b)
		}
		zero := uint64(0)
		if a.Sign() == 0 {
			zero = 1
		}
		if x.IsZero() != zero || x.IsOdd() != uint64(a.Bit(0)) {
			t.Fatalf("IsZero/IsOdd of %x", a)
		}
	}
}

func TestSetBytesReportsValuesNotBelowP(t *testing.T) {
	for _, tc := range []struct {
		name     string
		v        *big.Int
		overflow uint64
	}{
		{"p − 1 is a field element", new(big.Int).Sub(prime, big.NewInt(1)), 0},
		{"p is not", prime, 1},
		{"p + 1 is not", new(big.Int).Add(prime, big.NewInt(1)), 1},
		{"2^256 − 1 is not", new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b [32]byte
			tc.v.FillBytes(b[:])
			var e field.Element
			if got := e.SetBytes(&b); got != tc.overflow {
				t.Fatalf("overflow = %d, want %d", got, tc.overflow)
			}
			if want := new(big.Int).Mod(tc.v, prime); toBig(&e).Cmp(want) != 0 {
				t.Fatalf("value %x, want %x", toBig(&e), want)
			}
		})
	}
}

// TestAgreesWithDecred: the same bytes in, the same bytes out as decred's FieldVal, the field
// this package replaces on the hot path.
func TestAgreesWithDecred(t *testing.T) {
	vals := append(edgeValues(), randomValues(t, 100)...)
	for i, a := range vals {
		b := vals[(i*7+3)%len(vals)]
		x, y := fromBig(t, a), fromBig(t, b)
		var dx, dy secp256k1.FieldVal
		xb, yb := x.Bytes(), y.Bytes()
		dx.SetBytes(&xb)
		dy.SetBytes(&yb)
		var z field.Element
		var dz secp256k1.FieldVal
		z.Mul(&x, &y)
		dz.Mul2(&dx, &dy).Normalize()
		if z.Bytes() != *dz.Bytes() {
			t.Fatalf("mul(%x, %x) differs from decred", a, b)
		}
		z.Inverse(&x)
		dz.Set(&dx).Inverse().Normalize()
		if z.Bytes() != *dz.Bytes() {
			t.Fatalf("inverse(%x) differs from decred", a)
		}
	}
}

func FuzzArithmetic(f *testing.F) {
	f.Add(make([]byte, 32), make([]byte, 32))
	ones := make([]byte, 32)
	for i := range ones {
		ones[i] = 0xff
	}
	f.Add(ones, ones)
	pm1 := new(big.Int).Sub(prime, big.NewInt(1)).FillBytes(make([]byte, 32))
	f.Add(pm1, pm1)
	f.Fuzz(func(t *testing.T, ab, bb []byte) {
		if len(ab) != 32 || len(bb) != 32 {
			return
		}
		var x, y field.Element
		x.SetBytes((*[32]byte)(ab))
		y.SetBytes((*[32]byte)(bb))
		a := new(big.Int).Mod(new(big.Int).SetBytes(ab), prime)
		b := new(big.Int).Mod(new(big.Int).SetBytes(bb), prime)
		var z field.Element
		for _, tc := range []struct {
			op   string
			got  *field.Element
			want *big.Int
		}{
			{"mul", new(field.Element).Mul(&x, &y), new(big.Int).Mul(a, b)},
			{"square", new(field.Element).Square(&x), new(big.Int).Mul(a, a)},
			{"add", new(field.Element).Add(&x, &y), new(big.Int).Add(a, b)},
			{"sub", new(field.Element).Sub(&x, &y), new(big.Int).Sub(a, b)},
		} {
			z = *tc.got
			if toBig(&z).Cmp(tc.want.Mod(tc.want, prime)) != 0 {
				t.Fatalf("%s(%x, %x) = %x", tc.op, a, b, toBig(&z))
			}
		}
	})
}

func BenchmarkField(b *testing.B) {
	v := randomValues(b, 2)
	x, y := fromBig(b, v[0]), fromBig(b, v[1])
	b.Run("mul", func(b *testing.B) {
		for b.Loop() {
			x.Mul(&x, &y)
		}
	})
	b.Run("square", func(b *testing.B) {
		for b.Loop() {
			x.Square(&x)
		}
	})
	b.Run("inverse", func(b *testing.B) {
		for b.Loop() {
			x.Inverse(&x)
		}
	})
}
