package ecdsa

import (
	"sync"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// Batched affine additions. Adding two affine points needs one field inversion; done one at a
// time that is far dearer than a Jacobian addition, but many independent additions can share a
// single inversion (Montgomery's trick), after which each costs ~6 field multiplications
// instead of the ~11 of decred's mixed Jacobian addition. Every bulk computation of the
// protocol — fixed-base commitments by the hundred, the buckets of a large multi-scalar
// multiplication — is a series of such independent additions.

// apoint is an affine point with normalized coordinates, or the point at infinity.
type apoint struct {
	x, y secp256k1.FieldVal
	inf  bool
}

func toAffinePoint(p *point) apoint {
	if isInfinity(p) {
		return apoint{inf: true}
	}
	q := *p
	normalize(&q)
	return apoint{x: q.X, y: q.Y}
}

func (a *apoint) jacobian() point {
	var p point
	if a.inf {
		return p
	}
	p.X.Set(&a.x)
	p.Y.Set(&a.y)
	p.Z.SetInt(1)
	return p
}

func (a *apoint) neg() apoint {
	if a.inf {
		return *a
	}
	out := *a
	out.y.Negate(1).Normalize()
	return out
}

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

// fixedTable holds tbl[i][b] = b·256^(31−i)·B for a base B, so that k·B is the sum of one entry
// per byte of k (big-endian).
type fixedTable [32][256]apoint

func newFixedTable(base *point) *fixedTable {
	var jac [32][256]point
	all := make([]*point, 0, 32*255)
	b := *base
	normalize(&b)
	for i := 31; i >= 0; i-- {
		jac[i][1] = b
		for v := 2; v < 256; v++ {
			secp256k1.AddNonConst(&jac[i][v-1], &b, &jac[i][v])
		}
		for v := 1; v < 256; v++ {
			all = append(all, &jac[i][v])
		}
		next := b
		for range 8 {
			secp256k1.DoubleNonConst(&next, &next)
		}
		normalize(&next)
		b = next
	}
	batchNormalize(all)
	var tbl fixedTable
	for i := range tbl {
		tbl[i][0] = apoint{inf: true}
		for v := 1; v < 256; v++ {
			tbl[i][v] = apoint{x: jac[i][v].X, y: jac[i][v].Y}
		}
	}
	return &tbl
}

var (
	tablesOnce     sync.Once
	gTable, hTable *fixedTable
)

func fixedTables() (*fixedTable, *fixedTable) {
	tablesOnce.Do(func() {
		var g point
		one := scalarFromUint(1)
		g = mulG(&one)
		gTable = newFixedTable(&g)
		hTable = newFixedTable(generatorH())
	})
	return gTable, hTable
}
