package ecdsa

import (
	"encoding/binary"
	"math/bits"
	"sync"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
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
// results by arithmetic (x·(1−bit) + y·bit), not by a branch. decred's FieldVal arithmetic
// (Mul, Add, NegateVal, MulInt, Normalize, SetBytes) is constant time, and so is
// ModNScalar's (Bytes, Add, Mul, Negate); nothing else touches the scalar.
//
// The result is a public point (a commitment, a proof's announcement) and is post-processed
// (batch normalisation) in variable time.
const (
	ctW       = 6
	ctEntries = 1 << (ctW - 1) // odd multiples 1, 3, …, 2^w − 1
	ctWindows = 256/ctW + 1    // digits of w bits and a final digit below 2^w cover 256 bits
)

// ctAffine is an affine point as 4 little-endian 64-bit limbs per coordinate, the form the
// masked table scan reads.
type ctAffine struct{ x, y [4]uint64 }

type ctTable struct {
	win  [ctWindows][ctEntries]ctAffine
	negB apoint // −B, for the even-scalar correction
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
			t.win[i][j] = ctAffine{x: fieldLimbs(&jac[i][j].X), y: fieldLimbs(&jac[i][j].Y)}
		}
	}
	b0 := toAffinePoint(base)
	t.negB = b0.neg()
	return t
}

func fieldLimbs(f *secp256k1.FieldVal) [4]uint64 {
	var n secp256k1.FieldVal
	n.Set(f).Normalize()
	b := n.Bytes()
	return [4]uint64{
		binary.BigEndian.Uint64(b[24:32]), binary.BigEndian.Uint64(b[16:24]),
		binary.BigEndian.Uint64(b[8:16]), binary.BigEndian.Uint64(b[0:8]),
	}
}

func limbsField(l *[4]uint64) secp256k1.FieldVal {
	var b [32]byte
	binary.BigEndian.PutUint64(b[0:8], l[3])
	binary.BigEndian.PutUint64(b[8:16], l[2])
	binary.BigEndian.PutUint64(b[16:24], l[1])
	binary.BigEndian.PutUint64(b[24:32], l[0])
	var f secp256k1.FieldVal
	f.SetBytes(&b)
	return f
}

// The field prime p as little-endian limbs.
var fieldP = [4]uint64{0xfffffffefffffc2f, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff}

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
// infinity. Coordinate magnitudes (decred's FieldVal bookkeeping) stay at most X 3, Y 2, Z 2.
type proj struct{ x, y, z secp256k1.FieldVal }

func projInfinity() proj {
	var p proj
	p.y.SetInt(1)
	return p
}

// addAffine sets p = p + (x2, y2) for an affine point (normalized coordinates, not infinity)
// with the complete mixed addition for a = 0 (Renes–Costello–Batina 2016, Algorithm 8;
// b3 = 3·7 = 21): the same operations whatever the points, including p = ∞ and p = ±(x2, y2).
func (p *proj) addAffine(x2, y2 *secp256k1.FieldVal) {
	var t0, t1, t2, t3, t4, x3, y3, z3, n secp256k1.FieldVal
	t0.Mul2(&p.x, x2)                               // t0 = X1·X2          (magnitude 1)
	t1.Mul2(&p.y, y2)                               // t1 = Y1·Y2          (1)
	t3.Add2(x2, y2)                                 // t3 = X2+Y2          (2)
	t4.Add2(&p.x, &p.y)                             // t4 = X1+Y1          (≤ 5)
	t3.Mul(&t4)                                     // t3 = t3·t4          (1)
	t4.Add2(&t0, &t1)                               // t4 = t0+t1          (2)
	t3.Add(n.NegateVal(&t4, 2))                     // t3 = t3−t4          (4)
	t4.Mul2(y2, &p.z)                               // t4 = Y2·Z1          (1)
	t4.Add(&p.y)                                    // t4 = t4+Y1          (≤ 3)
	y3.Mul2(x2, &p.z)                               // Y3 = X2·Z1          (1)
	y3.Add(&p.x)                                    // Y3 = Y3+X1          (≤ 4)
	x3.Add2(&t0, &t0)                               // X3 = t0+t0          (2)
	t0.Add2(&x3, &t0)                               // t0 = X3+t0          (3)
	t2.Set(&p.z).Normalize().MulInt(21).Normalize() // t2 = b3·Z1  (1)
	z3.Add2(&t1, &t2)                               // Z3 = t1+t2          (2)
	t1.Add(n.NegateVal(&t2, 1))                     // t1 = t1−t2          (3)
	y3.Normalize().MulInt(21).Normalize()           // Y3 = b3·Y3   (1)
	x3.Mul2(&t4, &y3)                               // X3 = t4·Y3          (1)
	t2.Mul2(&t3, &t1)                               // t2 = t3·t1          (1)
	x3.NegateVal(&x3, 1).Add(&t2)                   // X3 = t2−X3          (3)
	y3.Mul(&t0)                                     // Y3 = Y3·t0          (1)
	t1.Mul(&z3)                                     // t1 = t1·Z3          (1)
	y3.Add(&t1)                                     // Y3 = t1+Y3          (2)
	t0.Mul(&t3)                                     // t0 = t0·t3          (1)
	z3.Mul(&t4)                                     // Z3 = Z3·t4          (1)
	z3.Add(&t0)                                     // Z3 = Z3+t0          (2)
	p.x, p.y, p.z = x3, y3, z3
}

// fieldSelect sets f to a if bit is 0 and to b if bit is 1, by arithmetic: a·(1−bit) + b·bit.
// One of the two terms is all-zero words, so the result's magnitude is that of the one chosen.
func fieldSelect(f, a, b *secp256k1.FieldVal, bit uint64) {
	var x, y secp256k1.FieldVal
	x.Set(a).MulInt(uint8(1 - bit))
	y.Set(b).MulInt(uint8(bit))
	f.Add2(&x, &y)
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

// jacobian converts p to decred's Jacobian coordinates: (X·Z, Y·Z², Z).
func (p *proj) jacobian() point {
	var r point
	var z2 secp256k1.FieldVal
	r.X.Mul2(&p.x, &p.z).Normalize()
	z2.SquareVal(&p.z)
	r.Y.Mul2(&p.y, &z2).Normalize()
	r.Z.Set(&p.z).Normalize()
	return r
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
// every product in constant time; only the public results are normalised together.
func ctBatchPedersen(as, bs []scalar) []point {
	out := make([]point, len(as))
	ptrs := make([]*point, len(as))
	if len(as) < ctBatchFrom {
		for i := range as {
			if bs == nil {
				out[i] = ctPedersen(&as[i], nil)
			} else {
				out[i] = ctPedersen(&as[i], &bs[i])
			}
			ptrs[i] = &out[i]
		}
		batchNormalize(ptrs)
		return out
	}
	g, h := ctTables()
	ps := ctBatchMul(as, g)
	if bs != nil {
		hs := ctBatchMul(bs, h)
		for i := range ps {
			ps[i].add(&hs[i])
		}
	}
	for i := range ps {
		out[i] = ps[i].jacobian()
		ptrs[i] = &out[i]
	}
	batchNormalize(ptrs)
	return out
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
	ax := make([]secp256k1.FieldVal, n)
	ay := make([]secp256k1.FieldVal, n)
	sx := make([]secp256k1.FieldVal, n)
	sy := make([]secp256k1.FieldVal, n)
	for i := range ks {
		ax[i], ay[i] = t.pick(0, digits[i][0])
	}
	den := make([]secp256k1.FieldVal, n)
	prefix := make([]secp256k1.FieldVal, n)
	for w := 1; w < ctWindows-1; w++ {
		for i := range ks {
			sx[i], sy[i] = t.pick(w, digits[i][w])
		}
		// One inversion for the window: prefix products of x2 − x1.
		var prod secp256k1.FieldVal
		prod.SetInt(1)
		for i := range ks {
			den[i].NegateVal(&ax[i], 1).Add(&sx[i]) // x2 − x1 (magnitude 3)
			prefix[i].Set(&prod)
			prod.Mul(&den[i])
		}
		prod.Inverse()
		var inv, lam, num, x3, y3, tmp secp256k1.FieldVal
		for i := n - 1; i >= 0; i-- {
			inv.Mul2(&prod, &prefix[i]) // 1/(x2 − x1)
			prod.Mul(&den[i])
			num.NegateVal(&ay[i], 1).Add(&sy[i]) // y2 − y1
			lam.Mul2(&num, &inv)
			x3.SquareVal(&lam)
			tmp.NegateVal(&ax[i], 1)
			x3.Add(&tmp)
			tmp.NegateVal(&sx[i], 1)
			x3.Add(&tmp).Normalize() // λ² − x1 − x2
			tmp.NegateVal(&x3, 1).Add(&ax[i])
			y3.Mul2(&lam, &tmp)
			tmp.NegateVal(&ay[i], 1)
			y3.Add(&tmp).Normalize() // λ·(x1 − x3) − y1
			ax[i], ay[i] = x3, y3
		}
	}
	out := make([]proj, n)
	for i := range ks {
		p := &out[i]
		p.x, p.y = ax[i], ay[i]
		p.z.SetInt(1)
		lx, ly := t.pick(ctWindows-1, digits[i][ctWindows-1])
		p.addAffine(&lx, &ly)
		p.correct(t, even[i])
	}
	return out
}

// pick returns the table point of window w for digit d (odd, |d| < 2^w), reading the whole
// window with masks and negating y with a mask.
func (t *ctTable) pick(w int, d32 int32) (secp256k1.FieldVal, secp256k1.FieldVal) {
	d := int64(d32)
	sign := uint64(d >> 63) // all ones if negative
	abs := uint64((d ^ int64(sign)) - int64(sign))
	idx := (abs - 1) >> 1
	var x, y [4]uint64
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
	// y ← p − y when the digit is negative (y ≠ 0 on secp256k1, so p − y is in range).
	var ny [4]uint64
	var bw uint64
	ny[0], bw = bits.Sub64(fieldP[0], y[0], 0)
	ny[1], bw = bits.Sub64(fieldP[1], y[1], bw)
	ny[2], bw = bits.Sub64(fieldP[2], y[2], bw)
	ny[3], _ = bits.Sub64(fieldP[3], y[3], bw)
	for l := range y {
		y[l] = (ny[l] & sign) | (y[l] &^ sign)
	}
	return limbsField(&x), limbsField(&y)
}

// correct subtracts B when the scalar was even (recoding made it odd by adding one), by
// computing both and selecting arithmetically.
func (p *proj) correct(t *ctTable, even uint64) {
	q := *p
	q.addAffine(&t.negB.x, &t.negB.y)
	fieldSelect(&p.x, &p.x, &q.x, even)
	fieldSelect(&p.y, &p.y, &q.y, even)
	fieldSelect(&p.z, &p.z, &q.z, even)
}

// add sets p = p + q with the complete projective addition for a = 0 (Renes–Costello–Batina
// 2016, Algorithm 7; b3 = 21): no exceptional case, either point may be the point at infinity.
// Inputs are normalised first; the output has magnitudes X 3, Y 2, Z 2.
func (p *proj) add(q *proj) {
	var x1, y1, z1, x2, y2, z2 secp256k1.FieldVal
	x1.Set(&p.x).Normalize()
	y1.Set(&p.y).Normalize()
	z1.Set(&p.z).Normalize()
	x2.Set(&q.x).Normalize()
	y2.Set(&q.y).Normalize()
	z2.Set(&q.z).Normalize()
	var t0, t1, t2, t3, t4, x3, y3, z3, n secp256k1.FieldVal
	t0.Mul2(&x1, &x2)                     // t0 = X1·X2        (1)
	t1.Mul2(&y1, &y2)                     // t1 = Y1·Y2        (1)
	t2.Mul2(&z1, &z2)                     // t2 = Z1·Z2        (1)
	t3.Add2(&x1, &y1)                     // t3 = X1+Y1        (2)
	t4.Add2(&x2, &y2)                     // t4 = X2+Y2        (2)
	t3.Mul(&t4)                           // t3 = t3·t4        (1)
	t4.Add2(&t0, &t1)                     // t4 = t0+t1        (2)
	t3.Add(n.NegateVal(&t4, 2))           // t3 = t3−t4        (4)
	t4.Add2(&y1, &z1)                     // t4 = Y1+Z1        (2)
	x3.Add2(&y2, &z2)                     // X3 = Y2+Z2        (2)
	t4.Mul(&x3)                           // t4 = t4·X3        (1)
	x3.Add2(&t1, &t2)                     // X3 = t1+t2        (2)
	t4.Add(n.NegateVal(&x3, 2))           // t4 = t4−X3        (4)
	x3.Add2(&x1, &z1)                     // X3 = X1+Z1        (2)
	y3.Add2(&x2, &z2)                     // Y3 = X2+Z2        (2)
	x3.Mul(&y3)                           // X3 = X3·Y3        (1)
	y3.Add2(&t0, &t2)                     // Y3 = t0+t2        (2)
	y3.NegateVal(&y3, 2).Add(&x3)         // Y3 = X3−Y3      (4)
	x3.Add2(&t0, &t0)                     // X3 = t0+t0        (2)
	t0.Add(&x3)                           // t0 = X3+t0        (3)
	t2.MulInt(21).Normalize()             // t2 = b3·t2        (1)
	z3.Add2(&t1, &t2)                     // Z3 = t1+t2        (2)
	t1.Add(n.NegateVal(&t2, 1))           // t1 = t1−t2        (3)
	y3.Normalize().MulInt(21).Normalize() // Y3 = b3·Y3 (1)
	x3.Mul2(&t4, &y3)                     // X3 = t4·Y3        (1)
	t2.Mul2(&t3, &t1)                     // t2 = t3·t1        (1)
	x3.NegateVal(&x3, 1).Add(&t2)         // X3 = t2−X3      (3)
	y3.Mul(&t0)                           // Y3 = Y3·t0        (1)
	t1.Mul(&z3)                           // t1 = t1·Z3        (1)
	y3.Add(&t1)                           // Y3 = t1+Y3        (2)
	t0.Mul(&t3)                           // t0 = t0·t3        (1)
	z3.Mul(&t4)                           // Z3 = Z3·t4        (1)
	z3.Add(&t0)                           // Z3 = Z3+t0        (2)
	p.x, p.y, p.z = x3, y3, z3
}
