package frost

import (
	"encoding/binary"
	"sync"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// Constant-time fixed-base scalar multiplication on secp256k1, for the secret scalars of this
// package: nonces (their commitments d·G, e·G) and key shares (x_i·G when a share is checked).
// decred's ScalarBaseMultNonConst, the only base multiplication it offers, branches and
// indexes tables on the scalar's digits.
//
// The method: a fixed 4-bit window over the 64 nibbles of the scalar with a precomputed table
// of j·16^i·G (j = 0…15, i = 0…63); each window reads all 16 entries and keeps one with a mask
// (no secret-dependent index or branch), and adds it with the complete addition formula of
// Renes, Costello and Batina ("Complete addition formulas for prime order elliptic curves",
// eprint 2015/1060, Algorithm 7 for a = 0) in homogeneous projective coordinates, which has no
// special cases for doubling or the identity. Field arithmetic is decred's FieldVal, whose
// operations are constant time; every value is kept normalized (magnitude 1) so that the
// magnitude rules of FieldVal hold without case analysis.
//
// The threshold-ECDSA work (issue 12) is adding a constant-time path to package ecdsa at the
// same time; this file is self-contained so that the two can later move into one shared package.

// projective is a point (X : Y : Z) with x = X/Z, y = Y/Z; the identity is (0 : 1 : 0).
type projective struct {
	x, y, z dsecp.FieldVal
}

// b3 is 3·b for secp256k1's b = 7.
const b3 = 21

func feAdd(r, a, b *dsecp.FieldVal) { r.Add2(a, b).Normalize() }

func feSub(r, a, b *dsecp.FieldVal) {
	var nb dsecp.FieldVal
	nb.NegateVal(b, 1)
	r.Add2(a, &nb).Normalize()
}

func feMul(r, a, b *dsecp.FieldVal) { r.Mul2(a, b).Normalize() }

// completeAdd sets r = p + q for any p, q (equal, opposite or the identity included). r may
// alias p or q.
func completeAdd(r, p, q *projective) {
	var t0, t1, t2, t3, t4, x3, y3, z3 dsecp.FieldVal
	feMul(&t0, &p.x, &q.x)
	feMul(&t1, &p.y, &q.y)
	feMul(&t2, &p.z, &q.z)
	feAdd(&t3, &p.x, &p.y)
	feAdd(&t4, &q.x, &q.y)
	feMul(&t3, &t3, &t4)
	feAdd(&t4, &t0, &t1)
	feSub(&t3, &t3, &t4)
	feAdd(&t4, &p.y, &p.z)
	feAdd(&x3, &q.y, &q.z)
	feMul(&t4, &t4, &x3)
	feAdd(&x3, &t1, &t2)
	feSub(&t4, &t4, &x3)
	feAdd(&x3, &p.x, &p.z)
	feAdd(&y3, &q.x, &q.z)
	feMul(&x3, &x3, &y3)
	feAdd(&y3, &t0, &t2)
	feSub(&y3, &x3, &y3)
	feAdd(&x3, &t0, &t0)
	feAdd(&t0, &x3, &t0)
	t2.MulInt(b3).Normalize()
	feAdd(&z3, &t1, &t2)
	feSub(&t1, &t1, &t2)
	y3.MulInt(b3).Normalize()
	feMul(&x3, &t4, &y3)
	feMul(&t2, &t3, &t1)
	feSub(&x3, &t2, &x3)
	feMul(&y3, &y3, &t0)
	feMul(&t1, &t1, &z3)
	feAdd(&y3, &t1, &y3)
	feMul(&t0, &t0, &t3)
	feMul(&z3, &z3, &t4)
	feAdd(&z3, &z3, &t0)
	r.x, r.y, r.z = x3, y3, z3
}

// tableEntry is an affine point as 4+4 big-endian 64-bit words and a flag that is 0 only for
// the identity, in a form that masks can select from.
type tableEntry [9]uint64

const (
	ctWindows = 64
	ctEntries = 16
)

var (
	baseTableOnce sync.Once
	baseTable     *[ctWindows][ctEntries]tableEntry
)

// buildBaseTable computes j·16^i·G with decred's variable-time arithmetic: G is public.
func buildBaseTable() *[ctWindows][ctEntries]tableEntry {
	t := new([ctWindows][ctEntries]tableEntry)
	var base dsecp.JacobianPoint // 16^i·G
	var one dsecp.ModNScalar
	one.SetInt(1)
	dsecp.ScalarBaseMultNonConst(&one, &base)
	for i := range ctWindows {
		var acc dsecp.JacobianPoint // j·16^i·G
		for j := 1; j < ctEntries; j++ {
			if j == 1 {
				acc.Set(&base)
			} else {
				dsecp.AddNonConst(&acc, &base, &acc)
			}
			var aff dsecp.JacobianPoint
			aff.Set(&acc)
			aff.ToAffine()
			t[i][j] = entryOf(&aff.X, &aff.Y)
		}
		dsecp.AddNonConst(&acc, &base, &base) // 16·16^i·G
		base.ToAffine()
	}
	return t
}

func entryOf(x, y *dsecp.FieldVal) tableEntry {
	var e tableEntry
	xb, yb := x.Bytes(), y.Bytes()
	for w := range 4 {
		e[w] = binary.BigEndian.Uint64(xb[8*w:])
		e[4+w] = binary.BigEndian.Uint64(yb[8*w:])
	}
	e[8] = 1
	return e
}

// lookup returns entry j of row without a j-dependent memory access or branch.
func lookup(row *[ctEntries]tableEntry, j uint64) projective {
	var acc tableEntry
	for k := range uint64(ctEntries) {
		// mask is all ones when k == j: (k ^ j) − 1 borrows into the top bit only for zero.
		mask := -(((k ^ j) - 1) >> 63)
		for w := range acc {
			acc[w] |= row[k][w] & mask
		}
	}
	var xb, yb [32]byte
	for w := range 4 {
		binary.BigEndian.PutUint64(xb[8*w:], acc[w])
		binary.BigEndian.PutUint64(yb[8*w:], acc[4+w])
	}
	var p projective
	p.x.SetBytes(&xb)
	p.y.SetBytes(&yb)
	// The identity entry is all zeros: (0 : 0 : 0) is not a point, so set Y to 1 when the flag
	// is 0, with arithmetic rather than a branch: y += 1 − flag.
	var fix dsecp.FieldVal
	fix.SetInt(uint16(1 - acc[8]))
	p.y.Add(&fix).Normalize()
	p.z.SetInt(uint16(acc[8]))
	return p
}

// ctBaseMult returns k·G in Jacobian coordinates with Z = 1 (affine), or the point at
// infinity, computed in constant time with respect to k.
func ctBaseMult(k *dsecp.ModNScalar) dsecp.JacobianPoint {
	baseTableOnce.Do(func() { baseTable = buildBaseTable() })
	kb := k.Bytes()
	acc := projective{}
	acc.y.SetInt(1) // identity
	for i := range ctWindows {
		// nibble i (least significant first) of the big-endian scalar
		byt := kb[31-i/2]
		nib := uint64(byt>>(4*(i%2))) & 0xf
		q := lookup(&baseTable[i], nib)
		completeAdd(&acc, &acc, &q)
	}
	clear(kb[:])
	// To affine: x = X/Z, y = Y/Z. Inverse is a fixed exponentiation (constant time).
	var out dsecp.JacobianPoint
	zinv := acc.z
	zinv.Inverse()
	feMul(&out.X, &acc.x, &zinv)
	feMul(&out.Y, &acc.y, &zinv)
	// Z = 1, or 0 for the identity (then X = Y = 0 too, which is decred's infinity).
	out.Z.SetInt(uint16(1 - acc.z.IsZeroBit()))
	return out
}
