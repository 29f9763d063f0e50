// Package field is constant-time arithmetic in the base field of secp256k1, p = 2^256 − 2^32 −
// 977, on four 64-bit limbs. It exists for speed: every secret-scalar multiplication of the
// threshold-ECDSA presigning protocol (mpc/ecdsa, ct.go) is a few hundred thousand field
// multiplications per batch, and decred's FieldVal (ten 26-bit limbs in pure Go) costs about
// twice as many instructions per multiplication as 64-bit limbs with math/bits (which the
// compiler turns into MULQ/ADCQ). consensys/gnark-crypto has 64-bit limbs too, but its
// secp256k1 field is not constant time: Add, Sub and the final reduction of Mul branch on
// carries, and Inverse goes through math/big.
//
// Constant time: no operation branches on or indexes memory by the value of an element. The
// reductions select with masks built from carries and borrows (math/bits' Add64, Sub64 and
// Mul64 are compiler intrinsics on amd64 and arm64 — ADC/SBB/MUL, constant time — and branch-free
// Go elsewhere); Inverse is a fixed addition chain of 255 squarings and 15 multiplications
// (Fermat). Every element is kept fully reduced (below p), so equal values have equal limbs.
//
// How that is checked, beyond reading the code (straight-line over four limbs, one loop in sqrN
// whose count is a constant of the addition chain, limbs read at constant offsets only):
// TestMachineCodeHasNoSecretDependentBranches disassembles the compiled amd64 code of every
// method (the small ones where they are inlined) and fails on any conditional branch other than
// the stack-growth check and sqrN's counter, on any indexed memory operand (a table lookup) and on
// any division — so a compiler that turned a mask into a branch would be noticed. Correctness is
// checked against math/big and, operation by operation, against decred's FieldVal (edge values,
// inputs ≥ p, unnormalised decred operands, random operation chains, FuzzDifferentialDecred).
// Not checked: statistical timing (dudect-style tests mean nothing on a shared machine) and effects
// below the instruction level.
//
// Contract: every Element made by this package (SetBytes, SetUint64, any operation) is below p.
// Mul and Square accept any limbs; Add, Sub, Neg, Double, MulSmall, Select, Equal and IsZero
// assume reduced inputs, so an Element must not be built from raw limbs ≥ p.
//
// Elements are little-endian limbs in the standard (non-Montgomery) representation, so
// Bytes/SetBytes are plain big-endian conversions, identical to SEC1 coordinates.
//
// This package must not import any other litmesh package.
package field

import (
	"encoding/binary"
	"math/bits"
)

// Element is a field element, four little-endian 64-bit limbs, always below p. The zero value
// is 0.
type Element [4]uint64

// c = 2^256 − p: multiplying the upper half of a product by c folds it into the lower half.
const c = 0x1000003d1

// p as limbs.
const (
	p0 = 0xfffffffefffffc2f
	p1 = 0xffffffffffffffff
	p2 = 0xffffffffffffffff
	p3 = 0xffffffffffffffff
)

// SetUint64 sets z = v.
func (z *Element) SetUint64(v uint64) *Element {
	*z = Element{v, 0, 0, 0}
	return z
}

// SetBytes sets z to the big-endian value b and returns 1 if b ≥ p (z is then b − p: the
// caller decides whether that is an error), 0 otherwise, in constant time.
func (z *Element) SetBytes(b *[32]byte) uint64 {
	z[3] = binary.BigEndian.Uint64(b[0:8])
	z[2] = binary.BigEndian.Uint64(b[8:16])
	z[1] = binary.BigEndian.Uint64(b[16:24])
	z[0] = binary.BigEndian.Uint64(b[24:32])
	return z.reduceOnce(0)
}

// Bytes returns z as 32 big-endian bytes.
func (z *Element) Bytes() [32]byte {
	var b [32]byte
	binary.BigEndian.PutUint64(b[0:8], z[3])
	binary.BigEndian.PutUint64(b[8:16], z[2])
	binary.BigEndian.PutUint64(b[16:24], z[1])
	binary.BigEndian.PutUint64(b[24:32], z[0])
	return b
}

// reduceOnce subtracts p from the 257-bit value (hi ‖ z) when it is at least p, and reports
// whether it did (1) or not (0). The value must be below 2p.
func (z *Element) reduceOnce(hi uint64) uint64 {
	var s0, s1, s2, s3, b uint64
	s0, b = bits.Sub64(z[0], p0, 0)
	s1, b = bits.Sub64(z[1], p1, b)
	s2, b = bits.Sub64(z[2], p2, b)
	s3, b = bits.Sub64(z[3], p3, b)
	_, b = bits.Sub64(hi, 0, b)
	// b = 1: the value was below p, keep it.
	keep := -b
	z[0] = z[0]&keep | s0&^keep
	z[1] = z[1]&keep | s1&^keep
	z[2] = z[2]&keep | s2&^keep
	z[3] = z[3]&keep | s3&^keep
	return 1 ^ b
}

// Add sets z = x + y.
func (z *Element) Add(x, y *Element) *Element {
	var carry uint64
	z[0], carry = bits.Add64(x[0], y[0], 0)
	z[1], carry = bits.Add64(x[1], y[1], carry)
	z[2], carry = bits.Add64(x[2], y[2], carry)
	z[3], carry = bits.Add64(x[3], y[3], carry)
	z.reduceOnce(carry)
	return z
}

// Double sets z = 2x.
func (z *Element) Double(x *Element) *Element { return z.Add(x, x) }

// Sub sets z = x − y.
func (z *Element) Sub(x, y *Element) *Element {
	var b uint64
	z[0], b = bits.Sub64(x[0], y[0], 0)
	z[1], b = bits.Sub64(x[1], y[1], b)
	z[2], b = bits.Sub64(x[2], y[2], b)
	z[3], b = bits.Sub64(x[3], y[3], b)
	// On a borrow add p back, i.e. subtract c (mod 2^256): the result is then below p.
	m := -b
	var bb uint64
	z[0], bb = bits.Sub64(z[0], c&m, 0)
	z[1], bb = bits.Sub64(z[1], 0, bb)
	z[2], bb = bits.Sub64(z[2], 0, bb)
	z[3], _ = bits.Sub64(z[3], 0, bb)
	return z
}

// Neg sets z = −x.
func (z *Element) Neg(x *Element) *Element {
	var zero Element
	return z.Sub(&zero, x)
}

// Mul sets z = x·y.
//
//nolint:funlen // straight-line 4x64-bit limb product and reduction: every limb in a register, no secret-dependent loop
func (z *Element) Mul(x, y *Element) *Element {
	// Schoolbook product, operand scanning, every limb in a register.
	var t0, t1, t2, t3, t4, t5, t6, t7, hi, lo, carry, cc uint64
	x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
	y0, y1, y2, y3 := y[0], y[1], y[2], y[3]
	hi, t0 = bits.Mul64(x0, y0)
	carry = hi
	hi, lo = bits.Mul64(x0, y1)
	t1, cc = bits.Add64(lo, carry, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x0, y2)
	t2, cc = bits.Add64(lo, carry, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x0, y3)
	t3, cc = bits.Add64(lo, carry, 0)
	carry = hi + cc
	t4 = carry
	// Row 1.
	hi, lo = bits.Mul64(x1, y0)
	t1, cc = bits.Add64(t1, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x1, y1)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t2, cc = bits.Add64(t2, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x1, y2)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t3, cc = bits.Add64(t3, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x1, y3)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t4, cc = bits.Add64(t4, lo, 0)
	carry = hi + cc
	t5 = carry
	// Row 2.
	hi, lo = bits.Mul64(x2, y0)
	t2, cc = bits.Add64(t2, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x2, y1)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t3, cc = bits.Add64(t3, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x2, y2)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t4, cc = bits.Add64(t4, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x2, y3)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t5, cc = bits.Add64(t5, lo, 0)
	carry = hi + cc
	t6 = carry
	// Row 3.
	hi, lo = bits.Mul64(x3, y0)
	t3, cc = bits.Add64(t3, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x3, y1)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t4, cc = bits.Add64(t4, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x3, y2)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t5, cc = bits.Add64(t5, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x3, y3)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	t6, cc = bits.Add64(t6, lo, 0)
	carry = hi + cc
	t7 = carry
	z.reduce(t0, t1, t2, t3, t4, t5, t6, t7)
	return z
}

// Square sets z = x².
func (z *Element) Square(x *Element) *Element {
	// The six cross products once, doubled, plus the four squares.
	var u1, u2, u3, u4, u5, u6, u7, hi, lo, carry, cc uint64
	x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
	hi, u1 = bits.Mul64(x0, x1)
	carry = hi
	hi, lo = bits.Mul64(x0, x2)
	u2, cc = bits.Add64(lo, carry, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x0, x3)
	u3, cc = bits.Add64(lo, carry, 0)
	u4 = hi + cc

	hi, lo = bits.Mul64(x1, x2)
	u3, cc = bits.Add64(u3, lo, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(x1, x3)
	lo, cc = bits.Add64(lo, carry, 0)
	hi += cc
	u4, cc = bits.Add64(u4, lo, 0)
	u5 = hi + cc

	hi, lo = bits.Mul64(x2, x3)
	u5, cc = bits.Add64(u5, lo, 0)
	u6 = hi + cc

	u7 = u6 >> 63
	u6 = u6<<1 | u5>>63
	u5 = u5<<1 | u4>>63
	u4 = u4<<1 | u3>>63
	u3 = u3<<1 | u2>>63
	u2 = u2<<1 | u1>>63
	u1 <<= 1

	s1, t0 := bits.Mul64(x0, x0)
	s3, s2 := bits.Mul64(x1, x1)
	s5, s4 := bits.Mul64(x2, x2)
	s7, s6 := bits.Mul64(x3, x3)
	var t1, t2, t3, t4, t5, t6, t7 uint64
	t1, carry = bits.Add64(u1, s1, 0)
	t2, carry = bits.Add64(u2, s2, carry)
	t3, carry = bits.Add64(u3, s3, carry)
	t4, carry = bits.Add64(u4, s4, carry)
	t5, carry = bits.Add64(u5, s5, carry)
	t6, carry = bits.Add64(u6, s6, carry)
	t7, _ = bits.Add64(u7, s7, carry)
	z.reduce(t0, t1, t2, t3, t4, t5, t6, t7)
	return z
}

// MulSmall sets z = k·x for k < 2^32 (a public constant: the result is wrong for larger k).
func (z *Element) MulSmall(x *Element, k uint64) *Element {
	var t0, t1, t2, t3, t4, hi, lo, carry uint64
	hi, t0 = bits.Mul64(x[0], k)
	hi2, lo := bits.Mul64(x[1], k)
	t1, carry = bits.Add64(lo, hi, 0)
	hi = hi2 + carry
	hi2, lo = bits.Mul64(x[2], k)
	t2, carry = bits.Add64(lo, hi, 0)
	hi = hi2 + carry
	hi2, lo = bits.Mul64(x[3], k)
	t3, carry = bits.Add64(lo, hi, 0)
	t4 = hi2 + carry // < 2^32
	// Fold t4·2^256 ≡ t4·c; t4·c < 2^65.
	hi, lo = bits.Mul64(t4, c)
	z[0], carry = bits.Add64(t0, lo, 0)
	z[1], carry = bits.Add64(t1, hi, carry)
	z[2], carry = bits.Add64(t2, 0, carry)
	z[3], carry = bits.Add64(t3, 0, carry)
	z.reduceOnce(carry)
	return z
}

// reduce sets z = t mod p for the 512-bit t = (t7 … t0), using 2^256 ≡ c.
func (z *Element) reduce(t0, t1, t2, t3, t4, t5, t6, t7 uint64) {
	// r = t_lo + t_hi·c: t_hi·c < 2^290, so r < 2^291 (five limbs, the top one small).
	var hi, lo, carry, cc uint64
	var h0, h1, h2, h3, h4 uint64
	hi, h0 = bits.Mul64(t4, c)
	carry = hi
	hi, lo = bits.Mul64(t5, c)
	h1, cc = bits.Add64(lo, carry, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(t6, c)
	h2, cc = bits.Add64(lo, carry, 0)
	carry = hi + cc
	hi, lo = bits.Mul64(t7, c)
	h3, cc = bits.Add64(lo, carry, 0)
	h4 = hi + cc

	var r0, r1, r2, r3 uint64
	r0, carry = bits.Add64(t0, h0, 0)
	r1, carry = bits.Add64(t1, h1, carry)
	r2, carry = bits.Add64(t2, h2, carry)
	r3, carry = bits.Add64(t3, h3, carry)
	top := h4 + carry // < 2^35

	// Fold the top limb again: top·c < 2^69.
	hi, lo = bits.Mul64(top, c)
	r0, carry = bits.Add64(r0, lo, 0)
	r1, carry = bits.Add64(r1, hi, carry)
	r2, carry = bits.Add64(r2, 0, carry)
	r3, carry = bits.Add64(r3, 0, carry)
	// A final carry is worth c more; adding it cannot carry again (r is then below 2^70).
	r0, cc = bits.Add64(r0, c&-carry, 0)
	r1, cc = bits.Add64(r1, 0, cc)
	r2, cc = bits.Add64(r2, 0, cc)
	r3, _ = bits.Add64(r3, 0, cc)

	z[0], z[1], z[2], z[3] = r0, r1, r2, r3
	z.reduceOnce(0)
}

// sqrN sets z = x^(2^n).
func (z *Element) sqrN(x *Element, n int) *Element {
	z.Square(x)
	for i := 1; i < n; i++ {
		z.Square(z)
	}
	return z
}

// Inverse sets z = 1/x (0 for x = 0) by Fermat, x^(p−2), with a fixed addition chain:
// p − 2 is 223 ones, a zero, 22 ones, then 0000101101 in binary.
func (z *Element) Inverse(x *Element) *Element {
	var x2, x3, x6, x9, x11, x22, x44, x88, x176, x220, x223, t Element
	x2.Square(x).Mul(&x2, x)        // 2^2 − 1
	x3.Square(&x2).Mul(&x3, x)      // 2^3 − 1
	x6.sqrN(&x3, 3).Mul(&x6, &x3)   // 2^6 − 1
	x9.sqrN(&x6, 3).Mul(&x9, &x3)   // 2^9 − 1
	x11.sqrN(&x9, 2).Mul(&x11, &x2) // 2^11 − 1
	x22.sqrN(&x11, 11).Mul(&x22, &x11)
	x44.sqrN(&x22, 22).Mul(&x44, &x22)
	x88.sqrN(&x44, 44).Mul(&x88, &x44)
	x176.sqrN(&x88, 88).Mul(&x176, &x88)
	x220.sqrN(&x176, 44).Mul(&x220, &x44)
	x223.sqrN(&x220, 3).Mul(&x223, &x3)
	t.sqrN(&x223, 23).Mul(&t, &x22) // 223 ones, 0, 22 ones
	t.sqrN(&t, 5).Mul(&t, x)        // 00001
	t.sqrN(&t, 3).Mul(&t, &x2)      // 011
	t.sqrN(&t, 2).Mul(&t, x)        // 01
	*z = t
	return z
}

// Select sets z = a if cond is 0 and z = b if cond is 1, in constant time. cond must be 0 or 1.
func (z *Element) Select(cond uint64, a, b *Element) *Element {
	m := -cond
	z[0] = a[0]&^m | b[0]&m
	z[1] = a[1]&^m | b[1]&m
	z[2] = a[2]&^m | b[2]&m
	z[3] = a[3]&^m | b[3]&m
	return z
}

// IsZero returns 1 if z = 0 and 0 otherwise, in constant time.
func (z *Element) IsZero() uint64 {
	v := z[0] | z[1] | z[2] | z[3]
	return 1 ^ ((v | -v) >> 63)
}

// Equal returns 1 if z = x and 0 otherwise, in constant time.
func (z *Element) Equal(x *Element) uint64 {
	var d Element
	d[0], d[1], d[2], d[3] = z[0]^x[0], z[1]^x[1], z[2]^x[2], z[3]^x[3]
	return d.IsZero()
}

// IsOdd returns the least significant bit of z.
func (z *Element) IsOdd() uint64 { return z[0] & 1 }
