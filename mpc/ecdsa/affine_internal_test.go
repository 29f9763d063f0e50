package ecdsa

import (
	"fmt"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

func TestBatchAddHandlesEveryCase(t *testing.T) {
	k1, k2 := mustScalar(t), mustScalar(t)
	p := mulG(&k1)
	q := mulG(&k2)
	p.ToAffine()
	q.ToAffine()
	np := negate(&p)
	inf := apoint{inf: true}
	cases := []struct {
		name string
		a, b point
	}{
		{"distinct points", p, q},
		{"a point to itself", p, p},
		{"a point to its negation", p, np},
		{"infinity to a point", point{}, q},
		{"a point to infinity", p, point{}},
		{"infinity to infinity", point{}, point{}},
	}
	acc := make([]apoint, len(cases))
	src := make([]apoint, len(cases))
	accp := make([]*apoint, len(cases))
	srcp := make([]*apoint, len(cases))
	for i, c := range cases {
		acc[i] = toAffinePoint(&c.a)
		src[i] = toAffinePoint(&c.b)
		accp[i], srcp[i] = &acc[i], &src[i]
	}
	_ = inf
	var ba batchAdder
	ba.add(accp, srcp)
	for i, c := range cases {
		want := add(&c.a, &c.b)
		got := acc[i].jacobian()
		if acc[i].inf {
			setInfinity(&got)
		}
		if !equalPoints(&got, &want) {
			t.Errorf("%s: wrong sum", c.name)
		}
	}
}

func TestBatchPedersenAgreesWithSeparateCommitments(t *testing.T) {
	for _, n := range []int{1, batchBelow - 1, batchBelow, 100} {
		t.Run(fmt.Sprintf("%d commitments", n), func(t *testing.T) {
			as := make([]scalar, n)
			bs := make([]scalar, n)
			for i := range as {
				as[i], bs[i] = mustScalar(t), mustScalar(t)
			}
			as[0].SetInt(0) // a zero scalar hits only infinity entries
			got := batchPedersen(as, bs)
			gotG := batchPedersen(as, nil)
			for i := range as {
				want := pedersen(&as[i], &bs[i])
				if !equalPoints(&got[i], &want) {
					t.Fatalf("commitment %d differs", i)
				}
				if !isInfinity(&got[i]) && !got[i].Z.IsOne() {
					t.Fatalf("commitment %d is not affine", i)
				}
				wantG := mulG(&as[i])
				if !equalPoints(&gotG[i], &wantG) {
					t.Fatalf("G-only commitment %d differs", i)
				}
			}
		})
	}
}

func TestMSMWithRepeatedAndCancellingPointsAgreesWithSeparateMultiplications(t *testing.T) {
	for _, n := range []int{2, 5, 64, 700} {
		t.Run(fmt.Sprintf("%d points", n), func(t *testing.T) {
			pts := make([]point, n)
			ks := make([]scalar, n)
			for i := range n {
				k := mustScalar(t)
				pts[i] = mulG(&k)
				ks[i] = mustScalar(t)
				switch i % 5 {
				case 1: // the same point again: equal points meet in one bucket
					pts[i] = pts[i-1]
					ks[i] = ks[i-1]
				case 2: // its negation: cancelling pairs
					pts[i] = negate(&pts[i-2])
					ks[i] = ks[i-2]
				case 3:
					ks[i] = scalarFromUint(uint64(i))
				}
			}
			want := naiveSum(append([]point(nil), pts...), ks)
			got := msm(append([]point(nil), pts...), ks)
			if !equalPoints(&got, &want) {
				t.Fatal("msm disagrees")
			}
		})
	}
}

func BenchmarkBatchPedersen(b *testing.B) {
	fixedTables()
	for _, n := range []int{16, 100, 1000} {
		as := make([]scalar, n)
		bs := make([]scalar, n)
		for i := range as {
			as[i], bs[i] = mustScalar(b), mustScalar(b)
		}
		b.Run(fmt.Sprintf("batch/%d", n), func(b *testing.B) {
			for b.Loop() {
				batchPedersen(as, bs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n)/1000, "µs/commitment")
		})
		b.Run(fmt.Sprintf("single/%d", n), func(b *testing.B) {
			for b.Loop() {
				for i := range as {
					pedersen(&as[i], &bs[i])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n)/1000, "µs/commitment")
		})
	}
}

// The variable-time commitments the protocol used before every secret went through ct.go,
// kept as the benchmark's baseline and as a second reference for the tests.

// pedersen returns a·G + b·H in variable time.
func pedersen(a, b *scalar) point {
	g := mulG(a)
	h := mulH(b)
	return add(&g, &h)
}

// batchBelow is the batch size under which computing each multiplication on its own is
// cheaper than sharing inversions (an inversion costs ~ 270 field operations).
const batchBelow = 24

// batchPedersen (variable time) returns as[i]·G + bs[i]·H for every i (bs nil: as[i]·G), affine.
func batchPedersen(as, bs []scalar) []point {
	n := len(as)
	out := make([]point, n)
	if n < batchBelow {
		ptrs := make([]*point, n)
		for i := range as {
			if bs == nil {
				out[i] = mulG(&as[i])
			} else {
				out[i] = pedersen(&as[i], &bs[i])
			}
			ptrs[i] = &out[i]
		}
		batchNormalize(ptrs)
		return out
	}
	gt, ht := fixedTables()
	acc := make([]apoint, n)
	accp := make([]*apoint, n)
	src := make([]*apoint, n)
	for i := range acc {
		acc[i].inf = true
		accp[i] = &acc[i]
	}
	var ba batchAdder
	pass := func(tbl *fixedTable, ks []scalar) {
		bytes := make([][32]byte, n)
		for i := range ks {
			bytes[i] = ks[i].Bytes()
		}
		for w := range 32 {
			for i := range n {
				src[i] = &tbl[w][bytes[i][w]]
			}
			ba.add(accp, src)
		}
	}
	pass(gt, as)
	if bs != nil {
		pass(ht, bs)
	}
	for i := range acc {
		out[i] = acc[i].jacobian()
	}
	return out
}

// Batched affine additions (one shared inversion for many additions, Montgomery's trick): the
// variable-time reference batchPedersen above is built on them.

const (
	opSkip = iota
	opCopy
	opAdd
	opDouble
	opInfinity
)

// batchAdder holds scratch space for batchAdd so repeated calls do not allocate.
type batchAdder struct {
	ops    []uint8
	den    []secp256k1.FieldVal
	prefix []secp256k1.FieldVal
}

// add sets *acc[i] = *acc[i] + *src[i] for every i with one field inversion. The acc entries
// must be distinct points; src entries may repeat.
func (ba *batchAdder) add(acc, src []*apoint) {
	n := len(acc)
	if cap(ba.ops) < n {
		ba.ops = make([]uint8, n)
		ba.den = make([]secp256k1.FieldVal, n)
		ba.prefix = make([]secp256k1.FieldVal, n)
	}
	ops, den, prefix := ba.ops[:n], ba.den[:n], ba.prefix[:n]
	var prod secp256k1.FieldVal
	prod.SetInt(1)
	any := false
	for i := range n {
		a, b := acc[i], src[i]
		switch {
		case b.inf:
			ops[i] = opSkip
			continue
		case a.inf:
			ops[i] = opCopy
			continue
		case a.x.Equals(&b.x):
			if !a.y.Equals(&b.y) {
				ops[i] = opInfinity // P + (−P)
				continue
			}
			ops[i] = opDouble // secp256k1 has no point with y = 0
			den[i].Set(&a.y).MulInt(2)
		default:
			ops[i] = opAdd
			den[i].NegateVal(&a.x, 1).Add(&b.x) // x2 − x1
		}
		prefix[i].Set(&prod)
		prod.Mul(&den[i])
		any = true
	}
	if any {
		prod.Inverse()
	}
	var inv, lam, num, t, x3, y3 secp256k1.FieldVal
	for i := n - 1; i >= 0; i-- {
		a, b := acc[i], src[i]
		switch ops[i] {
		case opSkip:
			continue
		case opCopy:
			*a = *b
			continue
		case opInfinity:
			a.inf = true
			continue
		case opAdd:
			inv.Mul2(&prod, &prefix[i])
			prod.Mul(&den[i])
			num.NegateVal(&a.y, 1).Add(&b.y) // y2 − y1
			lam.Mul2(&num, &inv)
			x3.SquareVal(&lam)
			t.NegateVal(&a.x, 1)
			x3.Add(&t)
			t.NegateVal(&b.x, 1)
			x3.Add(&t).Normalize() // λ² − x1 − x2
		case opDouble:
			inv.Mul2(&prod, &prefix[i])
			prod.Mul(&den[i])
			num.SquareVal(&a.x).MulInt(3) // 3·x1²
			lam.Mul2(&num, &inv)
			x3.SquareVal(&lam)
			t.NegateVal(&a.x, 1).MulInt(2)
			x3.Add(&t).Normalize() // λ² − 2·x1
		}
		t.NegateVal(&x3, 1).Add(&a.x) // x1 − x3
		y3.Mul2(&lam, &t)
		t.NegateVal(&a.y, 1)
		y3.Add(&t).Normalize() // λ·(x1 − x3) − y1
		a.x = x3
		a.y = y3
	}
}
