package ecdsa

import (
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/litmesh/litmesh/mpc/secp256k1/ct"
)

// edgeScalars are the scalars where a windowed method's carries and signs are most likely to
// go wrong (package ct tests its recoding and complete formulas on them too): 0, 1, 2, small values, powers of two at window edges, n−1, n−2, all ones below n.
func edgeScalars(t *testing.T) []scalar {
	t.Helper()
	n := groupOrder()
	vals := []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(2), big.NewInt(3), big.NewInt(31), big.NewInt(32), big.NewInt(33),
		big.NewInt(63), big.NewInt(64), big.NewInt(1 << 40),
		new(big.Int).Lsh(big.NewInt(1), 255), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(1)),
		new(big.Int).Sub(n, big.NewInt(1)), new(big.Int).Sub(n, big.NewInt(2)), new(big.Int).Sub(n, big.NewInt(32)),
		new(big.Int).Rsh(n, 1), new(big.Int).Add(new(big.Int).Rsh(n, 1), big.NewInt(1)),
	}
	out := make([]scalar, len(vals))
	for i, v := range vals {
		var b [32]byte
		v.FillBytes(b[:])
		if out[i].SetBytes(&b) != 0 {
			t.Fatalf("edge scalar %d overflows", i)
		}
	}
	return out
}

// groupOrder is secp256k1's n.
func groupOrder() *big.Int {
	n, _ := new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)
	return n
}

func randScalars(t testing.TB, n int) []scalar {
	t.Helper()
	out := make([]scalar, n)
	for i := range out {
		var err error
		if out[i], err = randomScalar(rand.Reader); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestConstantTimeMultiplicationEqualsTheVariableTimeOne(t *testing.T) {
	var one scalar
	one.SetInt(1)
	gen := mulG(&one)
	for _, k := range append(edgeScalars(t), randScalars(t, 100)...) {
		got := ctMulG(&k)
		want := mulG(&k)
		if !equalPoints(&got, &want) {
			t.Fatalf("ctMulG(%x) differs from ScalarBaseMultNonConst", k.Bytes())
		}
		wantH := mul(&k, generatorH())
		gotH := ctPedersen(new(scalar), &k)
		if !equalPoints(&gotH, &wantH) {
			t.Fatalf("ctPedersen(0, %x) differs from k·H", k.Bytes())
		}
		_ = gen
	}
	for _, n := range []int{3, ct.BatchFrom, 100} {
		as, bs := randScalars(t, n), randScalars(t, n)
		as[0], bs[1] = scalar{}, scalar{} // a zero on either side
		bs[2] = as[2]                     // equal scalars
		if n >= ct.BatchFrom {
			edges := edgeScalars(t)
			copy(as[3:], edges)
			copy(bs[n-len(edges):], edges)
		}
		checkBatchPedersen(t, as, bs)
	}
}

func checkBatchPedersen(t *testing.T, as, bs []scalar) {
	t.Helper()
	got := ctBatchPedersen(as, bs)
	gotG := ctBatchPedersen(as, nil)
	for i := range as {
		g := mulG(&as[i])
		h := mul(&bs[i], generatorH())
		want := add(&g, &h)
		if !equalPoints(&got[i], &want) || !got[i].Z.IsOne() && !isInfinity(&got[i]) {
			t.Fatalf("ctBatchPedersen item %d of %d differs from a·G + b·H (or is not affine)", i, len(as))
		}
		if !equalPoints(&gotG[i], &g) {
			t.Fatalf("ctBatchPedersen item %d of %d without H differs from a·G", i, len(as))
		}
	}
}

func FuzzConstantTimeMultiplication(f *testing.F) {
	f.Add(make([]byte, 32), make([]byte, 32))
	f.Add([]byte{1}, []byte{0xff, 0xff})
	f.Fuzz(func(t *testing.T, a, b []byte) {
		var ka, kb scalar
		ka.SetByteSlice(a)
		kb.SetByteSlice(b)
		got := ctPedersen(&ka, &kb)
		g := mulG(&ka)
		h := mul(&kb, generatorH())
		want := add(&g, &h)
		if !equalPoints(&got, &want) {
			t.Fatalf("ctPedersen(%x, %x) is wrong", ka.Bytes(), kb.Bytes())
		}
	})
}

// BenchmarkSecretScalarMult compares the constant-time path for secret scalars with the variable-time
// one kept for public scalars.
func BenchmarkSecretScalarMult(b *testing.B) {
	ks := make([]scalar, 64)
	for i := range ks {
		ks[i], _ = randomScalar(rand.Reader)
	}
	ctTables()
	b.Run("G/constant-time", func(b *testing.B) {
		i := 0
		for b.Loop() {
			ctMulG(&ks[i%len(ks)])
			i++
		}
	})
	b.Run("G/variable-time", func(b *testing.B) {
		i := 0
		for b.Loop() {
			mulG(&ks[i%len(ks)])
			i++
		}
	})
	b.Run("pedersen/constant-time", func(b *testing.B) {
		i := 0
		for b.Loop() {
			ctPedersen(&ks[i%len(ks)], &ks[(i+1)%len(ks)])
			i++
		}
	})
	b.Run("pedersen/batch-of-64/constant-time", func(b *testing.B) {
		for b.Loop() {
			ctBatchPedersen(ks, ks)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ks))/1e3, "µs/commitment")
	})
	b.Run("pedersen/batch-of-64/variable-time", func(b *testing.B) {
		for b.Loop() {
			batchPedersen(ks, ks)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ks))/1e3, "µs/commitment")
	})
}
