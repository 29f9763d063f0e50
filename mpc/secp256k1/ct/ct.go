// Package ct is constant-time scalar multiplication on secp256k1, for secret scalars: dealing
// coefficients and their blindings, proof and signing nonces, key shares, Diffie–Hellman
// secrets. It is the one implementation behind the threshold-ECDSA presigning (mpc/ecdsa),
// FROST over secp256k1 (mpc/frost) and the kyber group the root key's DKG runs on
// (mpc/secp256k1). decred's ScalarBaseMultNonConst and ScalarMultNonConst, the only
// multiplications it offers, branch and index tables on the scalar's digits; they are for
// public scalars only.
//
// Method. A scalar k is made odd — k+1 when k is even, corrected at the end by a masked
// selection of the result minus the base — and recoded into regular signed digits
// d_i ∈ {±1, ±3, …, ±(2^w − 1)}, k = Σ d_i·2^(w·i). Every digit is odd, so every window adds
// exactly one point and the sequence of operations does not depend on k. Tables hold odd
// multiples of a public base in affine coordinates; each lookup reads the whole row with masks
// (no address depends on a secret) and negates y with a mask. Additions are the complete
// formulas of Renes, Costello and Batina ("Complete addition formulas for prime order elliptic
// curves", EUROCRYPT 2016, Algorithms 7, 8 and 9 for a = 0), which have no exceptional cases —
// the accumulator may be the point at infinity, equal to the added point or its negation — and
// so no branches. Field arithmetic is package mpc/secp256k1/field (constant time, checked at the
// machine-code level there); the scalar is read once, with decred's constant-time
// ModNScalar.Bytes, and its parity taken from those bytes. Results are
// normalised to affine coordinates with constant-time inversions: the projective Z depends on
// the scalar even when the result is public.
//
// Two shapes:
//   - Fixed base (Table, MulAdd, BatchMul): windows of 6 bits, a table of 43 windows × 32 odd
//     multiples per base (≈ 88 KiB), one mixed addition per window and no doubling. For G and
//     for the Pedersen generator H of mpc/ecdsa, built once per process.
//   - Variable base (Mul): windows of 5 bits over a 16-entry table of odd multiples built per
//     call from the (public) base, 255 complete doublings and 52 mixed additions.
//
// This package must not import any other litmesh package except mpc/secp256k1/field.
package ct

import (
	"encoding/binary"
	"math/bits"
	"sync"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/secp256k1/field"
)

// Fixed-base windows.
const (
	// W is the fixed-base window width in bits.
	W = 6
	// Entries is the number of odd multiples per fixed-base window: 1, 3, …, 2^W − 1.
	Entries = 1 << (W - 1)
	// Windows is the number of fixed-base digits: W-bit digits and a final one below 2^W cover
	// 256 bits.
	Windows = 256/W + 1
)

// Variable-base windows.
const (
	varW       = 5
	varEntries = 1 << (varW - 1)
	varWindows = 256/varW + 1
)

// b3 = 3·b for secp256k1's b = 7.
const b3 = 21

// Proj is a point in homogeneous projective coordinates (X : Y : Z), x = X/Z, y = Y/Z;
// (0 : 1 : 0) is the point at infinity.
type Proj struct{ X, Y, Z field.Element }

// Infinity returns the point at infinity.
func Infinity() Proj {
	var p Proj
	p.Y.SetUint64(1)
	return p
}

// affine is a table point, never the point at infinity.
type affine struct{ x, y field.Element }

// Table is the fixed-base table of one public base B: window i holds the odd multiples
// j·2^(W·i)·B, j = 1, 3, …, 2^W − 1.
type Table struct {
	win  [Windows][Entries]affine
	negB affine // −B, for the even-scalar correction
}

var (
	genOnce  sync.Once
	genTable *Table
)

// Generator returns the table of secp256k1's generator G, built on first use.
func Generator() *Table {
	genOnce.Do(func() {
		var one dsecp.ModNScalar
		one.SetInt(1)
		var g dsecp.JacobianPoint
		dsecp.ScalarBaseMultNonConst(&one, &g)
		genTable = NewTable(&g)
	})
	return genTable
}

// NewTable builds the fixed-base table of a public base with decred's variable-time
// arithmetic. The base must not be the point at infinity.
func NewTable(base *dsecp.JacobianPoint) *Table {
	var jac [Windows][Entries]dsecp.JacobianPoint
	b := *base
	b.ToAffine()
	for i := range Windows {
		var b2 dsecp.JacobianPoint
		dsecp.DoubleNonConst(&b, &b2)
		jac[i][0] = b
		for j := 1; j < Entries; j++ {
			dsecp.AddNonConst(&jac[i][j-1], &b2, &jac[i][j])
		}
		next := b
		for range W {
			dsecp.DoubleNonConst(&next, &next)
		}
		next.ToAffine()
		b = next
	}
	t := &Table{}
	for i := range Windows {
		for j := range Entries {
			t.win[i][j] = toAffine(&jac[i][j])
		}
	}
	var nb dsecp.JacobianPoint
	nb.Set(base)
	nb.ToAffine()
	nb.Y.Negate(1).Normalize()
	t.negB = toAffine(&nb)
	return t
}

// toAffine converts a public Jacobian point (not infinity) to a table entry.
func toAffine(p *dsecp.JacobianPoint) affine {
	a := *p
	a.ToAffine()
	return affine{x: Element(&a.X), y: Element(&a.Y)}
}

// Element converts a decred field value (any magnitude) to a field.Element.
func Element(f *dsecp.FieldVal) field.Element {
	var n dsecp.FieldVal
	n.Set(f).Normalize()
	var e field.Element
	e.SetBytes(n.Bytes())
	return e
}

// FieldVal converts a field.Element to a normalised decred field value.
func FieldVal(e *field.Element) dsecp.FieldVal {
	b := e.Bytes()
	var f dsecp.FieldVal
	f.SetBytes(&b)
	return f
}

// mask returns all ones if a == b and zero otherwise, without branching.
func mask(a, b uint64) uint64 {
	d := a ^ b
	return ((d | -d) >> 63) - 1
}

// recode writes the regular signed-digit form of k (made odd: even reports whether 1 was added)
// with w-bit windows into digits. Digits are odd, |d| ≤ 2^w − 1, the last one positive, and
// k + even = Σ d_i·2^(w·i).
func recode(k *dsecp.ModNScalar, w uint, digits []int32) (even uint64) {
	b := k.Bytes()
	l := [4]uint64{
		binary.BigEndian.Uint64(b[24:32]), binary.BigEndian.Uint64(b[16:24]),
		binary.BigEndian.Uint64(b[8:16]), binary.BigEndian.Uint64(b[0:8]),
	}
	clear(b[:])
	even = 1 ^ (l[0] & 1)
	var c uint64
	l[0], c = bits.Add64(l[0], even, 0) // k < n < 2^256 − 1: no overflow
	l[1], c = bits.Add64(l[1], 0, c)
	l[2], c = bits.Add64(l[2], 0, c)
	l[3], _ = bits.Add64(l[3], 0, c)
	last := len(digits) - 1
	for i := range last {
		d := int64(l[0]&(1<<(w+1)-1)) - 1<<w // odd, since l is odd
		digits[i] = int32(d)
		// l −= d (two's complement: add −d sign-extended), then l >>= w; l stays odd.
		nd := -d
		ext := uint64(nd >> 63)
		l[0], c = bits.Add64(l[0], uint64(nd), 0)
		l[1], c = bits.Add64(l[1], ext, c)
		l[2], c = bits.Add64(l[2], ext, c)
		l[3], _ = bits.Add64(l[3], ext, c)
		l[0] = l[0]>>w | l[1]<<(64-w)
		l[1] = l[1]>>w | l[2]<<(64-w)
		l[2] = l[2]>>w | l[3]<<(64-w)
		l[3] >>= w
	}
	digits[last] = int32(l[0]) // odd and below 2^w
	clear(l[:])
	return even
}

// Recode returns the fixed-base (W-bit) regular signed-digit form of k; see recode.
func Recode(k *dsecp.ModNScalar) (digits [Windows]int32, even uint64) {
	even = recode(k, W, digits[:])
	return digits, even
}

// pick returns the entry of row for odd digit d (|d| < 2·len(row)), reading the whole row with
// masks and negating y with a mask.
func pick(row []affine, d32 int32) (field.Element, field.Element) {
	d := int64(d32)
	sign := uint64(d >> 63) // all ones if negative
	abs := uint64((d ^ int64(sign)) - int64(sign))
	idx := (abs - 1) >> 1
	var x, y field.Element
	for j := range row {
		m := mask(uint64(j), idx)
		e := &row[j]
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

// MulAdd adds k·B to p in constant time, B the table's base.
func (p *Proj) MulAdd(k *dsecp.ModNScalar, t *Table) {
	digits, even := Recode(k)
	for i := range Windows {
		x, y := pick(t.win[i][:], digits[i])
		p.AddAffine(&x, &y)
	}
	clear(digits[:])
	p.correct(&t.negB, even)
}

// correct subtracts B (negB = −B) when the scalar was even (recoding made it odd by adding
// one), by computing both and selecting with a mask.
func (p *Proj) correct(negB *affine, even uint64) {
	q := *p
	q.AddAffine(&negB.x, &negB.y)
	p.X.Select(even, &p.X, &q.X)
	p.Y.Select(even, &p.Y, &q.Y)
	p.Z.Select(even, &p.Z, &q.Z)
}

// MulBase returns k·B in constant time, B the table's base, in affine coordinates (decred's
// infinity for k = 0).
func MulBase(k *dsecp.ModNScalar, t *Table) dsecp.JacobianPoint {
	p := Infinity()
	p.MulAdd(k, t)
	return p.Affine()
}

// Mul returns k·B in constant time with respect to k, for a public base B (any point, the
// point at infinity included), in affine coordinates (decred's infinity when the result is).
func Mul(k *dsecp.ModNScalar, base *dsecp.JacobianPoint) dsecp.JacobianPoint {
	if base.Z.IsZero() || (base.X.IsZero() && base.Y.IsZero()) {
		return dsecp.JacobianPoint{} // the base is public: branching on it leaks nothing
	}
	var b dsecp.JacobianPoint
	b.Set(base)
	b.ToAffine()
	// Odd multiples B, 3B, …, (2·varEntries − 1)·B, affine, with decred's variable-time
	// arithmetic: they depend on the public base only.
	var row [varEntries]affine
	var b2, acc dsecp.JacobianPoint
	dsecp.DoubleNonConst(&b, &b2)
	acc.Set(&b)
	for j := range varEntries {
		if j > 0 {
			dsecp.AddNonConst(&acc, &b2, &acc)
		}
		row[j] = toAffine(&acc)
	}
	negB := row[0]
	negB.y.Neg(&negB.y)

	var digits [varWindows]int32
	even := recode(k, varW, digits[:])
	x, y := pick(row[:], digits[varWindows-1])
	p := Proj{X: x, Y: y}
	p.Z.SetUint64(1)
	for i := varWindows - 2; i >= 0; i-- {
		for range varW {
			p.Double()
		}
		x, y := pick(row[:], digits[i])
		p.AddAffine(&x, &y)
	}
	clear(digits[:])
	p.correct(&negB, even)
	return p.Affine()
}

// AddAffine sets p = p + (x2, y2) for an affine point (not infinity) with the complete mixed
// addition for a = 0 (Renes–Costello–Batina 2016, Algorithm 8): the same operations whatever
// the points, including p = ∞ and p = ±(x2, y2).
func (p *Proj) AddAffine(x2, y2 *field.Element) {
	var t0, t1, t2, t3, t4, x3, y3, z3 field.Element
	t0.Mul(&p.X, x2)      // t0 = X1·X2
	t1.Mul(&p.Y, y2)      // t1 = Y1·Y2
	t3.Add(x2, y2)        // t3 = X2+Y2
	t4.Add(&p.X, &p.Y)    // t4 = X1+Y1
	t3.Mul(&t3, &t4)      // t3 = t3·t4
	t4.Add(&t0, &t1)      // t4 = t0+t1
	t3.Sub(&t3, &t4)      // t3 = t3−t4
	t4.Mul(y2, &p.Z)      // t4 = Y2·Z1
	t4.Add(&t4, &p.Y)     // t4 = t4+Y1
	y3.Mul(x2, &p.Z)      // Y3 = X2·Z1
	y3.Add(&y3, &p.X)     // Y3 = Y3+X1
	x3.Double(&t0)        // X3 = t0+t0
	t0.Add(&x3, &t0)      // t0 = X3+t0
	t2.MulSmall(&p.Z, b3) // t2 = b3·Z1
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
	p.X, p.Y, p.Z = x3, y3, z3
}

// Add sets p = p + q with the complete projective addition for a = 0 (Renes–Costello–Batina
// 2016, Algorithm 7): no exceptional case, either point may be the point at infinity.
func (p *Proj) Add(q *Proj) {
	var t0, t1, t2, t3, t4, x3, y3, z3 field.Element
	t0.Mul(&p.X, &q.X)   // t0 = X1·X2
	t1.Mul(&p.Y, &q.Y)   // t1 = Y1·Y2
	t2.Mul(&p.Z, &q.Z)   // t2 = Z1·Z2
	t3.Add(&p.X, &p.Y)   // t3 = X1+Y1
	t4.Add(&q.X, &q.Y)   // t4 = X2+Y2
	t3.Mul(&t3, &t4)     // t3 = t3·t4
	t4.Add(&t0, &t1)     // t4 = t0+t1
	t3.Sub(&t3, &t4)     // t3 = t3−t4
	t4.Add(&p.Y, &p.Z)   // t4 = Y1+Z1
	x3.Add(&q.Y, &q.Z)   // X3 = Y2+Z2
	t4.Mul(&t4, &x3)     // t4 = t4·X3
	x3.Add(&t1, &t2)     // X3 = t1+t2
	t4.Sub(&t4, &x3)     // t4 = t4−X3
	x3.Add(&p.X, &p.Z)   // X3 = X1+Z1
	y3.Add(&q.X, &q.Z)   // Y3 = X2+Z2
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
	p.X, p.Y, p.Z = x3, y3, z3
}

// Double sets p = 2·p with the complete doubling for a = 0 (Renes–Costello–Batina 2016,
// Algorithm 9): the point at infinity doubles to itself without a branch.
func (p *Proj) Double() {
	var t0, t1, t2, x3, y3, z3 field.Element
	t0.Square(&p.Y)      // t0 = Y·Y
	z3.Double(&t0)       // Z3 = t0+t0
	z3.Double(&z3)       // Z3 = Z3+Z3
	z3.Double(&z3)       // Z3 = Z3+Z3
	t1.Mul(&p.Y, &p.Z)   // t1 = Y·Z
	t2.Square(&p.Z)      // t2 = Z·Z
	t2.MulSmall(&t2, b3) // t2 = b3·t2
	x3.Mul(&t2, &z3)     // X3 = t2·Z3
	y3.Add(&t0, &t2)     // Y3 = t0+t2
	z3.Mul(&t1, &z3)     // Z3 = t1·Z3
	t1.Double(&t2)       // t1 = t2+t2
	t2.Add(&t1, &t2)     // t2 = t1+t2
	t0.Sub(&t0, &t2)     // t0 = t0−t2
	y3.Mul(&t0, &y3)     // Y3 = t0·Y3
	y3.Add(&x3, &y3)     // Y3 = X3+Y3
	t1.Mul(&p.X, &p.Y)   // t1 = X·Y
	x3.Mul(&t0, &t1)     // X3 = t0·t1
	x3.Double(&x3)       // X3 = X3+X3
	p.X, p.Y, p.Z = x3, y3, z3
}

// Jacobian converts p to decred's Jacobian coordinates, (X·Z, Y·Z², Z), without an inversion
// (decred's ToAffine inversion is constant time; batches use Normalize).
func (p *Proj) Jacobian() dsecp.JacobianPoint {
	var r dsecp.JacobianPoint
	var x, y, z2 field.Element
	x.Mul(&p.X, &p.Z)
	z2.Square(&p.Z)
	y.Mul(&p.Y, &z2)
	r.X = FieldVal(&x)
	r.Y = FieldVal(&y)
	r.Z = FieldVal(&p.Z)
	return r
}

// Affine converts p to an affine decred point (Z = 1) with a constant-time inversion, or to
// decred's point at infinity (all zero).
func (p *Proj) Affine() dsecp.JacobianPoint {
	return Normalize([]Proj{*p})[0]
}

// Normalize converts projective points to affine decred points with one constant-time
// inversion for all of them (Montgomery's trick). A point at infinity (Z = 0) comes out as
// decred's point at infinity; its Z is replaced by 1 in the shared product, by masks.
func Normalize(ps []Proj) []dsecp.JacobianPoint {
	n := len(ps)
	out := make([]dsecp.JacobianPoint, n)
	prefix := make([]field.Element, n)
	zs := make([]field.Element, n)
	inf := make([]uint64, n)
	var one, acc field.Element
	one.SetUint64(1)
	acc.SetUint64(1)
	for i := range ps {
		inf[i] = ps[i].Z.IsZero()
		zs[i].Select(inf[i], &ps[i].Z, &one)
		prefix[i] = acc
		acc.Mul(&acc, &zs[i])
	}
	acc.Inverse(&acc)
	var zInv, x, y, zero field.Element
	for i := n - 1; i >= 0; i-- {
		zInv.Mul(&acc, &prefix[i]) // 1/Z_i
		acc.Mul(&acc, &zs[i])      // 1/(Z_0…Z_{i−1})
		x.Mul(&ps[i].X, &zInv)
		y.Mul(&ps[i].Y, &zInv)
		x.Select(inf[i], &x, &zero)
		y.Select(inf[i], &y, &zero)
		z := one
		z.Select(inf[i], &z, &zero)
		out[i].X = FieldVal(&x)
		out[i].Y = FieldVal(&y)
		out[i].Z = FieldVal(&z)
	}
	return out
}

// BatchFrom is the batch size from which BatchMul's shared inversions (one per window, ~270
// field multiplications) cost less than complete additions (~8 multiplications more per point
// and window).
const BatchFrom = 32

// BatchMul returns ks[i]·B for every i in constant time, B the table's base, sharing work across
// the batch. Below BatchFrom scalars it runs MulAdd for each. From BatchFrom on, the
// accumulators stay affine through windows 0…Windows−2, and every window adds one table point to
// each of them with one field inversion for the whole batch (Montgomery's trick, affine formulas
// without a single branch). Those additions have no exceptional case for any scalar: after
// window w−1 the accumulator is S·B with S = Σ_{i<w} d_i·2^(6i), odd (d_0 is odd) and
// |S| < 2^(6w−1), while the point added is d_w·2^(6w)·B with |d_w| ≤ 63; S = ±d_w·2^(6w) mod n
// would need |S ∓ d_w·2^(6w)| ∈ {0, n}, but it is below 2^(6w+6) ≤ 2^252 < n and odd, so never.
// The last window (whose point can exceed n/2^4) and the even-scalar correction use the complete
// projective addition.
func BatchMul(ks []dsecp.ModNScalar, t *Table) []Proj {
	n := len(ks)
	out := make([]Proj, n)
	if n < BatchFrom {
		for i := range ks {
			out[i] = Infinity()
			out[i].MulAdd(&ks[i], t)
		}
		return out
	}
	digits := make([][Windows]int32, n)
	even := make([]uint64, n)
	for i := range ks {
		digits[i], even[i] = Recode(&ks[i])
	}
	defer clear(digits)
	ax := make([]field.Element, n)
	ay := make([]field.Element, n)
	sx := make([]field.Element, n)
	sy := make([]field.Element, n)
	for i := range ks {
		ax[i], ay[i] = pick(t.win[0][:], digits[i][0])
	}
	den := make([]field.Element, n)
	prefix := make([]field.Element, n)
	for w := 1; w < Windows-1; w++ {
		for i := range ks {
			sx[i], sy[i] = pick(t.win[w][:], digits[i][w])
		}
		addAffineBatch(ax, ay, sx, sy, den, prefix)
	}
	for i := range ks {
		p := &out[i]
		p.X, p.Y = ax[i], ay[i]
		p.Z.SetUint64(1)
		lx, ly := pick(t.win[Windows-1][:], digits[i][Windows-1])
		p.AddAffine(&lx, &ly)
		p.correct(&t.negB, even[i])
	}
	return out
}

// addAffineBatch sets (ax[i], ay[i]) += (sx[i], sy[i]) for every i with the affine formulas and
// one field inversion for all of them (Montgomery's trick over the x2 − x1); den and prefix are
// scratch space of the same length. The caller guarantees no exceptional case (BatchMul says why).
func addAffineBatch(ax, ay, sx, sy, den, prefix []field.Element) {
	var prod field.Element
	prod.SetUint64(1)
	for i := range ax {
		den[i].Sub(&sx[i], &ax[i]) // x2 − x1
		prefix[i] = prod
		prod.Mul(&prod, &den[i])
	}
	prod.Inverse(&prod)
	var inv, lam, x3, y3, tmp field.Element
	for i := len(ax) - 1; i >= 0; i-- {
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
