package ecdsa

import (
	"crypto/rand"
	"fmt"
	"testing"
)

func mustScalar(t testing.TB) scalar {
	t.Helper()
	s, err := randomScalar(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func naiveSum(pts []point, ks []scalar) point {
	var r point
	setInfinity(&r)
	for i := range pts {
		p := pts[i]
		normalize(&p)
		q := mul(&ks[i], &p)
		r = add(&r, &q)
	}
	return r
}

func TestMSMAgreesWithSeparateMultiplications(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 7, 40, 51, 300} {
		t.Run(fmt.Sprintf("%d points", n), func(t *testing.T) {
			pts := make([]point, n)
			ks := make([]scalar, n)
			for i := range n {
				k := mustScalar(t)
				pts[i] = mulG(&k)
				ks[i] = mustScalar(t)
				switch i % 7 {
				case 3: // small scalar
					ks[i] = scalarFromUint(uint64(i))
				case 4: // −1, the largest scalar
					ks[i].SetInt(1)
					ks[i].Negate()
				case 5: // a repeated point
					if i > 0 {
						pts[i] = pts[i-1]
					}
				case 6: // infinity, or the negation of an earlier point with its scalar
					setInfinity(&pts[i])
					if i%2 == 1 {
						pts[i] = negate(&pts[i-3])
						normalize(&pts[i])
						ks[i] = ks[i-3]
					}
				}
			}
			want := naiveSum(append([]point(nil), pts...), ks)
			got := msm(append([]point(nil), pts...), ks)
			if !equalPoints(&got, &want) {
				t.Fatal("msm disagrees with separate multiplications")
			}
		})
	}
}

func TestMSMOfCancellingTermsIsInfinity(t *testing.T) {
	k := mustScalar(t)
	p := mulG(&k)
	a := mustScalar(t)
	var na scalar
	na.NegateVal(&a)
	r := msm([]point{p, p}, []scalar{a, na})
	if !isInfinity(&r) {
		t.Fatal("a·P − a·P is not infinity")
	}
}

func TestHTableAgreesWithScalarMultiplication(t *testing.T) {
	for range 5 {
		k := mustScalar(t)
		got := mulH(&k)
		want := mul(&k, generatorH())
		if !equalPoints(&got, &want) {
			t.Fatal("table-based k·H is wrong")
		}
	}
	var one scalar
	one.SetInt(1)
	if got := mulH(&one); !equalPoints(&got, generatorH()) {
		t.Fatal("1·H is not H")
	}
}

func TestPointEncodingRoundTripsAndRejectsOffCurvePoints(t *testing.T) {
	k := mustScalar(t)
	p := mulG(&k)
	var buf [pointLen]byte
	if err := encodePoint(buf[:], &p); err != nil {
		t.Fatal(err)
	}
	q, err := decodePoint(buf[:])
	if err != nil || !equalPoints(&p, &q) {
		t.Fatalf("round trip: %v", err)
	}
	buf[64] ^= 1
	if _, err := decodePoint(buf[:]); err == nil {
		t.Fatal("decoded a point off the curve")
	}
	var inf point
	if err := encodePoint(buf[:], &inf); err == nil {
		t.Fatal("encoded infinity")
	}
}

func TestBatchNormalizeMatchesToAffine(t *testing.T) {
	var ps []point
	for range 9 {
		k := mustScalar(t)
		a := mulG(&k)
		b := mulG(&k)
		ps = append(ps, add(&a, &b)) // Jacobian, Z ≠ 1
	}
	var inf point
	ps = append(ps, inf)
	want := make([]point, len(ps))
	ptrs := make([]*point, len(ps))
	for i := range ps {
		want[i] = ps[i]
		normalize(&want[i])
		ptrs[i] = &ps[i]
	}
	batchNormalize(ptrs)
	for i := range ps {
		if isInfinity(&want[i]) {
			if !isInfinity(&ps[i]) {
				t.Fatal("infinity changed")
			}
			continue
		}
		if !ps[i].Z.IsOne() || !ps[i].X.Equals(&want[i].X) || !ps[i].Y.Equals(&want[i].Y) {
			t.Fatalf("point %d differs", i)
		}
	}
}

func BenchmarkMSM(b *testing.B) {
	for _, n := range []int{4, 16, 64, 256, 1024, 4096} {
		pts := make([]point, n)
		ks := make([]scalar, n)
		for i := range n {
			k := mustScalar(b)
			pts[i] = mulG(&k)
			ks[i] = mustScalar(b)
		}
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			cp := make([]point, n)
			for b.Loop() {
				copy(cp, pts)
				msm(cp, ks)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n)/1000, "µs/point")
		})
	}
}

func BenchmarkScalarMult(b *testing.B) {
	k := mustScalar(b)
	p := mulG(&k)
	s := mustScalar(b)
	b.Run("variable base", func(b *testing.B) {
		for b.Loop() {
			mul(&s, &p)
		}
	})
	b.Run("G", func(b *testing.B) {
		for b.Loop() {
			mulG(&s)
		}
	})
	b.Run("H", func(b *testing.B) {
		generatorH()
		for b.Loop() {
			mulH(&s)
		}
	})
}
