package ecdsa

import (
	"encoding/binary"
	"math/bits"
	"sync"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/secp256k1/field"
)

// Constant-time multiplication of the fixed generators G and H by secret scalars.
//
// Everything this package multiplies by a secret — dealing coefficients and their blindings
// (round-1 and round-2 commitments), proof nonces (π1, π2), the product a·k_j of π2, a key
// share (NewKeyShare's check), the combined own-share terms of batch verification — goes
// through ctMul / ctPedersen / ctBatchPedersen. decred's ScalarBaseMultNonConst and
// ScalarMultNonConst, the wNAF and bucket methods of msm.go and the batched affine additions of
// affine.go branch and index memory on the scalar's bits; they are used only where every
// scalar is public (verification of other members' claims, signature combination,
// re-randomisation by δ, HD derivation).
//
// Method: fixed-base windows with regular (odd, signed) digits. A scalar k is made odd — k+1
// when k is even, corrected at the end by a conditional addition of −B — and recoded into
// ctWindows digits d_i ∈ {±1, ±3, …, ±(2^w − 1)}, k = Σ d_i·2^(w·i). Every digit is non-zero,
// so every window adds exactly one table point: the table of window i holds the odd multiples
// j·2^(w·i)·B (affine). Each window reads its whole table with masks (no index depends on a
// secret), negates y with a mask, and adds the point to a projective accumulator with the
// complete mixed addition of Renes–Costello–Batina 2016 (Algorithm 8, a = 0), which has no
// exceptional cases (the accumulator may be the point at infinity, equal to the table point or
// its negation) and so no branches. The final even-scalar correction selects between two
// results with a mask, not a branch. The field arithmetic is package mpc/secp256k1/field
// (64-bit limbs, constant time, about half the instructions of decred's FieldVal per
// multiplication); ModNScalar's Bytes, Add, Mul and Negate are constant time; nothing else
// touches the scalar. Results leave in affine coordinates, normalised with constant-time
// inversions (the projective Z depends on the scalar even though the point is public).
const (
	ctW       = 6
	ctEntries = 1 << (ctW - 1) // odd multiples 1, 3, …, 2^w − 1
	ctWindows = 256/ctW + 1    // digits of w bits and a final digit below 2^w cover 256 bits
)

// ctAffine is an affine point, the form the masked table scan reads.
type ctAffine struct{ x, y field.Element }

type ctTable struct {
	win  [ctWindows][ctEntries]ctAffine
	negB ctAffine // −B, for the even-scalar correction
}

var (
	ctOnce           sync.Once
	ctGTable, ctHTab *ctTable
)

func ctTables() (*ctTable, *ctTable) {
	ctOnce.Do(func() {
		one := scalarFromUint(1)
		g := mulG(&one)
		ctGTable = newCTTable(&g)
		ctHTab = newCTTable(generatorH())
	})
	return ctGTable, ctHTab
}

// newCTTable computes the table of a public base with decred's variable-time arithmetic.
func newCTTable(base *point) *ctTable {
	var jac [ctWindows][ctEntries]point
	all := make([]*point, 0, ctWindows*ctEntries)
	b := *base
	normalize(&b)
	for i := range ctWindows {
		var b2 point
		secp256k1.DoubleNonConst(&b, &b2)
		jac[i][0] = b
		for j := 1; j < ctEntries; j++ {
			secp256k1.AddNonConst(&jac[i][j-1], &b2, &jac[i][j])
		}
		for j := range ctEntries {
			all = append(all, &jac[i][j])
		}
		next := b
		for range ctW {
			secp256k1.DoubleNonConst(&next, &next)
		}
		normalize(&next)
		b = next
	}
	batchNormalize(all)
	t := &ctTable{}
	for i := range ctWindows {
		for j := range ctEntries {
			t.win[i][j] = ctAffine{x: toElement(&jac[i][j].X), y: toElement(&jac[i][j].Y)}
		}
	}
	b0 := *base
	normalize(&b0)
	nb0 := negate(&b0)
	t.negB = ctAffine{x: toElement(&nb0.X), y: toElement(&nb0.Y)}
	return t
}

// toElement converts a decred field value (any magnitude) to a field.Element.
func toElement(f *secp256k1.FieldVal) field.Element {
	var n secp256k1.FieldVal
	n.Set(f).Normalize()
	var e field.Element
	e.SetBytes(n.Bytes())
	return e
}

// fromElement converts a field.Element to a normalised decred field value.
func fromElement(e *field.Element) secp256k1.FieldVal {
	b := e.Bytes()
	var f secp256k1.FieldVal
	f.SetBytes(&b)
	return f
}

// ctMask returns all ones if a == b and zero otherwise, without branching.
func ctMask(a, b uint64) uint64 {
	d := a ^ b
	return ((d | -d) >> 63) - 1
}

// ctRecode returns the regular signed-digit form of k (made odd: even reports whether 1 was
// added). Digits are odd, |d| ≤ 2^w − 1, and k + even = Σ d_i·2^(w·i).
func ctRecode(k *scalar) (digits [ctWindows]int32, even uint64) {
	b := k.Bytes()
	l := [4]uint64{
		binary.BigEndian.Uint64(b[24:32]), binary.BigEndian.Uint64(b[16:24]),
		binary.BigEndian.Uint64(b[8:16]), binary.BigEndian.Uint64(b[0:8]),
	}
	even = 1 ^ (l[0] & 1)
	var c uint64
	l[0], c = bits.Add64(l[0], even, 0) // k < n < 2^256 − 1: no overflow
	l[1], c = bits.Add64(l[1], 0, c)
	l[2], c = bits.Add64(l[2], 0, c)
	l[3], _ = bits.Add64(l[3], 0, c)
	for i := 0; i < ctWindows-1; i++ {
		d := int64(l[0]&(1<<(ctW+1)-1)) - 1<<ctW // odd, since l is odd
		digits[i] = int32(d)
		// l −= d (two's complement: add −d sign-extended), then l >>= w; l stays odd.
		nd := -d
		ext := uint64(nd >> 63)
		l[0], c = bits.Add64(l[0], uint64(nd), 0)
		l[1], c = bits.Add64(l[1], ext, c)
		l[2], c = bits.Add64(l[2], ext, c)
		l[3], _ = bits.Add64(l[3], ext, c)
		l[0] = l[0]>>ctW | l[1]<<(64-ctW)
		l[1] = l[1]>>ctW | l[2]<<(64-ctW)
		l[2] = l[2]>>ctW | l[3]<<(64-ctW)
		l[3] >>= ctW
	}
	digits[ctWindows-1] = int32(l[0]) // odd and below 2^w
	return digits, even
}

// proj is a projective point (X : Y : Z), x = X/Z, y = Y/Z; (0 : 1 : 0) is the point at
// infinity.
type proj struct{ x, y, z field.Element }

func projInfinity() proj {
	var p proj
	p.y.SetUint64(1)
	return p
}

// b3 = 3·b for secp256k1's b = 7.
const b3 = 21

// addAffine sets p = p + (x2, y2) for an affine point (not infinity) with the complete mixed
// addition for a = 0 (Renes–Costello–Batina 2016, Algorithm 8): the same operations whatever
// the points, including p = ∞ and p = ±(x2, y2).
func (p *proj) addAffine(x2, y2 *field.Element) {
	var t0, t1, t2, t3, t4, x3, y3, z3 field.Element
	t0.Mul(&p.x, x2)      // t0 = X1·X2
	t1.Mul(&p.y, y2)      // t1 = Y1·Y2
	t3.Add(x2, y2)        // t3 = X2+Y2
	t4.Add(&p.x, &p.y)    // t4 = X1+Y1
	t3.Mul(&t3, &t4)      // t3 = t3·t4
	t4.Add(&t0, &t1)      // t4 = t0+t1
	t3.Sub(&t3, &t4)      // t3 = t3−t4
	t4.Mul(y2, &p.z)      // t4 = Y2·Z1
	t4.Add(&t4, &p.y)     // t4 = t4+Y1
	y3.Mul(x2, &p.z)      // Y3 = X2·Z1
	y3.Add(&y3, &p.x)     // Y3 = Y3+X1
	x3.Double(&t0)        // X3 = t0+t0
	t0.Add(&x3, &t0)      // t0 = X3+t0
	t2.MulSmall(&p.z, b3) // t2 = b3·Z1
	z3.Add(&t1, &t2)      // Z3 = t1+t2
	t1.Sub(&t1, &t2)      // t1 = t1−t2
	y3.MulSmall(&y3, b3)  // Y3 = b3·Y3
	x3.Mul(&t4, &y3)      // X3 = t4·Y3
	t2.Mul(&t3, &t1)      // t2 = t3·t1
	x3.Sub(&t2, &x3)      // X3 = t2−X3
	y3.Mul(&y3, &t0)      // Y3 = Y3·t0
	t1.Mul(&t1, &z3)      // t1 = t1·Z3
	y3.Add(&t1, &y3)      // Y3 = t1+Y3
	t0.Mul(&t0, &t3)      // t0 = t0·t3
	z3.Mul(&z3, &t4)      // Z3 = Z3·t4
	z3.Add(&z3, &t0)      // Z3 = Z3+t0
	p.x, p.y, p.z = x3, y3, z3
}

// mulAdd adds k·B to p in constant time (B the table's base).
func (p *proj) mulAdd(k *scalar, t *ctTable) {
	digits, even := ctRecode(k)
	for i := range ctWindows {
		x, y := t.pick(i, digits[i])
		p.addAffine(&x, &y)
	}
	p.correct(t, even)
}

// jacobian converts p to decred's Jacobian coordinates, (X·Z, Y·Z², Z), without an inversion:
// single multiplications are normalised by their callers (decred's inversion is constant time),
// batches by ctNormalize.
func (p *proj) jacobian() point {
	var r point
	var x, y, z2 field.Element
	x.Mul(&p.x, &p.z)
	z2.Square(&p.z)
	y.Mul(&p.y, &z2)
	r.X = fromElement(&x)
	r.Y = fromElement(&y)
	r.Z = fromElement(&p.z)
	return r
}

// ctNormalize converts projective points to affine decred points with one constant-time
// inversion for all of them (Montgomery's trick). A point at infinity (Z = 0) comes out as
// decred's point at infinity; its Z is replaced by 1 in the shared product, by masks.
func ctNormalize(ps []proj) []point {
	n := len(ps)
	out := make([]point, n)
	prefix := make([]field.Element, n)
	zs := make([]field.Element, n)
	inf := make([]uint64, n)
	var one, acc field.Element
	one.SetUint64(1)
	acc.SetUint64(1)
	for i := range ps {
		inf[i] = ps[i].z.IsZero()
		zs[i].Select(inf[i], &ps[i].z, &one)
		prefix[i] = acc
		acc.Mul(&acc, &zs[i])
	}
	acc.Inverse(&acc)
	var zInv, x, y, zero field.Element
	for i := n - 1; i >= 0; i-- {
		zInv.Mul(&acc, &prefix[i]) // 1/Z_i
		acc.Mul(&acc, &zs[i])      // 1/(Z_0…Z_{i−1})
		x.Mul(&ps[i].x, &zInv)
		y.Mul(&ps[i].y, &zInv)
		x.Select(inf[i], &x, &zero)
		y.Select(inf[i], &y, &zero)
		z := one
		z.Select(inf[i], &z, &zero)
		out[i].X = fromElement(&x)
		out[i].Y = fromElement(&y)
		out[i].Z = fromElement(&z)
	}
	return out
}

// ctMulG returns k·G in constant time.
func ctMulG(k *scalar) point {
	g, _ := ctTables()
	p := projInfinity()
	p.mulAdd(k, g)
	return p.jacobian()
}

// ctPedersen returns a·G + b·H in constant time (b nil: a·G). Neither product is formed on
// its own: both are added into one accumulator.
func ctPedersen(a, b *scalar) point {
	g, h := ctTables()
	p := projInfinity()
	p.mulAdd(a, g)
	if b != nil {
		p.mulAdd(b, h)
	}
	return p.jacobian()
}

// ctBatchPedersen returns as[i]·G + bs[i]·H for every i (bs nil: as[i]·G), affine, computing
// every product in constant time.
func ctBatchPedersen(as, bs []scalar) []point {
	ps := make([]proj, len(as))
	if len(as) < ctBatchFrom {
		g, h := ctTables()
		for i := range as {
			ps[i] = projInfinity()
			ps[i].mulAdd(&as[i], g)
			if bs != nil {
				ps[i].mulAdd(&bs[i], h)
			}
		}
		return ctNormalize(ps)
	}
	g, h := ctTables()
	ps = ctBatchMul(as, g)
	if bs != nil {
		hs := ctBatchMul(bs, h)
		for i := range ps {
			ps[i].add(&hs[i])
		}
	}
	return ctNormalize(ps)
}

// ctBatchFrom is the batch size from which ctBatchMul's shared inversions (one per window, ~270
// field multiplications) cost less than complete additions (~8 multiplications more per point
// and window).
const ctBatchFrom = 32

// ctBatchMul returns ks[i]·B for every i in constant time, sharing work across the batch: the
// accumulators stay affine through windows 0…ctWindows−2, and every window adds one table point
// to each of them with one field inversion for the whole batch (Montgomery's trick, affine
// formulas without a single branch). Those additions have no exceptional case for any scalar:
// after window w−1 the accumulator is S·B with S = Σ_{i<w} d_i·2^(6i), odd (d_0 is odd) and
// |S| < 2^(6w−1), while the point added is d_w·2^(6w)·B with |d_w| ≤ 63; S = ±d_w·2^(6w) mod n
// would need |S ∓ d_w·2^(6w)| ∈ {0, n}, but it is below 2^(6w+6) ≤ 2^252 < n and odd, so never.
// The last window (whose point can exceed n/2^4) and the even-scalar correction use the complete
// projective addition.
func ctBatchMul(ks []scalar, t *ctTable) []proj {
	n := len(ks)
	digits := make([][ctWindows]int32, n)
	even := make([]uint64, n)
	for i := range ks {
		digits[i], even[i] = ctRecode(&ks[i])
	}
	ax := make([]field.Element, n)
	ay := make([]field.Element, n)
	sx := make([]field.Element, n)
	sy := make([]field.Element, n)
	for i := range ks {
		ax[i], ay[i] = t.pick(0, digits[i][0])
	}
	den := make([]field.Element, n)
	prefix := make([]field.Element, n)
	for w := 1; w < ctWindows-1; w++ {
		for i := range ks {
			sx[i], sy[i] = t.pick(w, digits[i][w])
		}
		// One inversion for the window: prefix products of x2 − x1.
		var prod field.Element
		prod.SetUint64(1)
		for i := range ks {
			den[i].Sub(&sx[i], &ax[i]) // x2 − x1
			prefix[i] = prod
			prod.Mul(&prod, &den[i])
		}
		prod.Inverse(&prod)
		var inv, lam, x3, y3, tmp field.Element
		for i := n - 1; i >= 0; i-- {
			inv.Mul(&prod, &prefix[i]) // 1/(x2 − x1)
			prod.Mul(&prod, &den[i])
			lam.Sub(&sy[i], &ay[i]) // y2 − y1
			lam.Mul(&lam, &inv)
			x3.Square(&lam)
			x3.Sub(&x3, &ax[i])
			x3.Sub(&x3, &sx[i]) // λ² − x1 − x2
			tmp.Sub(&ax[i], &x3)
			y3.Mul(&lam, &tmp)
			y3.Sub(&y3, &ay[i]) // λ·(x1 − x3) − y1
			ax[i], ay[i] = x3, y3
		}
	}
	out := make([]proj, n)
	for i := range ks {
		p := &out[i]
		p.x, p.y = ax[i], ay[i]
		p.z.SetUint64(1)
		lx, ly := t.pick(ctWindows-1, digits[i][ctWindows-1])
		p.addAffine(&lx, &ly)
		p.correct(t, even[i])
	}
	return out
}

// pick returns the table point of window w for digit d (odd, |d| < 2^w), reading the whole
// window with masks and negating y with a mask.
func (t *ctTable) pick(w int, d32 int32) (field.Element, field.Element) {
	d := int64(d32)
	sign := uint64(d >> 63) // all ones if negative
	abs := uint64((d ^ int64(sign)) - int64(sign))
	idx := (abs - 1) >> 1
	var x, y field.Element
	for j := range ctEntries {
		m := ctMask(uint64(j), idx)
		e := &t.win[w][j]
		x[0] |= e.x[0] & m
		x[1] |= e.x[1] & m
		x[2] |= e.x[2] & m
		x[3] |= e.x[3] & m
		y[0] |= e.y[0] & m
		y[1] |= e.y[1] & m
		y[2] |= e.y[2] & m
		y[3] |= e.y[3] & m
	}
	var ny field.Element
	ny.Neg(&y)
	y.Select(sign&1, &y, &ny)
	return x, y
}

// correct subtracts B when the scalar was even (recoding made it odd by adding one), by
// computing both and selecting with a mask.
func (p *proj) correct(t *ctTable, even uint64) {
	q := *p
	q.addAffine(&t.negB.x, &t.negB.y)
	p.x.Select(even, &p.x, &q.x)
	p.y.Select(even, &p.y, &q.y)
	p.z.Select(even, &p.z, &q.z)
}

// add sets p = p + q with the complete projective addition for a = 0 (Renes–Costello–Batina
// 2016, Algorithm 7): no exceptional case, either point may be the point at infinity.
func (p *proj) add(q *proj) {
	var t0, t1, t2, t3, t4, x3, y3, z3 field.Element
	t0.Mul(&p.x, &q.x)   // t0 = X1·X2
	t1.Mul(&p.y, &q.y)   // t1 = Y1·Y2
	t2.Mul(&p.z, &q.z)   // t2 = Z1·Z2
	t3.Add(&p.x, &p.y)   // t3 = X1+Y1
	t4.Add(&q.x, &q.y)   // t4 = X2+Y2
	t3.Mul(&t3, &t4)     // t3 = t3·t4
	t4.Add(&t0, &t1)     // t4 = t0+t1
	t3.Sub(&t3, &t4)     // t3 = t3−t4
	t4.Add(&p.y, &p.z)   // t4 = Y1+Z1
	x3.Add(&q.y, &q.z)   // X3 = Y2+Z2
	t4.Mul(&t4, &x3)     // t4 = t4·X3
	x3.Add(&t1, &t2)     // X3 = t1+t2
	t4.Sub(&t4, &x3)     // t4 = t4−X3
	x3.Add(&p.x, &p.z)   // X3 = X1+Z1
	y3.Add(&q.x, &q.z)   // Y3 = X2+Z2
	x3.Mul(&x3, &y3)     // X3 = X3·Y3
	y3.Add(&t0, &t2)     // Y3 = t0+t2
	y3.Sub(&x3, &y3)     // Y3 = X3−Y3
	x3.Double(&t0)       // X3 = t0+t0
	t0.Add(&x3, &t0)     // t0 = X3+t0
	t2.MulSmall(&t2, b3) // t2 = b3·t2
	z3.Add(&t1, &t2)     // Z3 = t1+t2
	t1.Sub(&t1, &t2)     // t1 = t1−t2
	y3.MulSmall(&y3, b3) // Y3 = b3·Y3
	x3.Mul(&t4, &y3)     // X3 = t4·Y3
	t2.Mul(&t3, &t1)     // t2 = t3·t1
	x3.Sub(&t2, &x3)     // X3 = t2−X3
	y3.Mul(&y3, &t0)     // Y3 = Y3·t0
	t1.Mul(&t1, &z3)     // t1 = t1·Z3
	y3.Add(&t1, &y3)     // Y3 = t1+Y3
	t0.Mul(&t0, &t3)     // t0 = t0·t3
	z3.Mul(&z3, &t4)     // Z3 = Z3·t4
	z3.Add(&z3, &t0)     // Z3 = Z3+t0
	p.x, p.y, p.z = x3, y3, z3
}
