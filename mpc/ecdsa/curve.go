package ecdsa

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// Group arithmetic helpers over decred's secp256k1. Points are JacobianPoints throughout; a
// point is "affine" when Z = 1 and its coordinates are normalized, which is what the encoders
// and the fast mixed additions want.

type (
	point  = secp256k1.JacobianPoint
	scalar = secp256k1.ModNScalar
)

const (
	pointLen      = 65 // SEC1 uncompressed: 0x04 ‖ X ‖ Y
	compressedLen = 33
	scalarLen     = 32
)

var (
	errInfinity   = errors.New("point at infinity")
	errNotOnCurve = errors.New("point not on secp256k1")
)

func isInfinity(p *point) bool {
	return (p.X.IsZero() && p.Y.IsZero()) || p.Z.IsZero()
}

func setInfinity(p *point) {
	p.X.Zero()
	p.Y.Zero()
	p.Z.Zero()
}

// normalize makes p affine (Z = 1). It does nothing for the point at infinity.
func normalize(p *point) {
	if isInfinity(p) || p.Z.IsOne() {
		return
	}
	p.ToAffine()
}

// batchNormalize makes every point affine with one field inversion in total (Montgomery's
// trick) instead of one per point: an inversion costs as much as ~150 multiplications here.
func batchNormalize(pts []*point) {
	var todo []*point
	for _, p := range pts {
		if !isInfinity(p) && !p.Z.IsOne() {
			todo = append(todo, p)
		}
	}
	if len(todo) == 0 {
		return
	}
	prefix := make([]secp256k1.FieldVal, len(todo))
	var acc secp256k1.FieldVal
	acc.SetInt(1)
	for i, p := range todo {
		prefix[i].Set(&acc)
		acc.Mul(&p.Z)
	}
	acc.Inverse()
	var zInv, z2, z3 secp256k1.FieldVal
	for i := len(todo) - 1; i >= 0; i-- {
		p := todo[i]
		zInv.Mul2(&acc, &prefix[i]) // 1/Z_i
		acc.Mul(&p.Z)               // 1/(Z_0…Z_{i-1})
		z2.SquareVal(&zInv)
		z3.Mul2(&z2, &zInv)
		p.X.Mul(&z2).Normalize()
		p.Y.Mul(&z3).Normalize()
		p.Z.SetInt(1)
	}
}

// negate returns −p (p must be normalized).
func negate(p *point) point {
	var r point
	r.Set(p)
	r.Y.Negate(1).Normalize()
	return r
}

func add(a, b *point) point {
	var r point
	secp256k1.AddNonConst(a, b, &r)
	return r
}

func equalPoints(a, b *point) bool {
	if isInfinity(a) || isInfinity(b) {
		return isInfinity(a) && isInfinity(b)
	}
	return a.EquivalentNonConst(b)
}

// encodePoint writes the affine point p (normalized) as 65 bytes.
func encodePoint(dst []byte, p *point) error {
	if isInfinity(p) {
		return errInfinity
	}
	if !p.Z.IsOne() {
		q := *p
		q.ToAffine()
		p = &q
	}
	dst[0] = secp256k1.PubKeyFormatUncompressed
	p.X.PutBytesUnchecked(dst[1:33])
	p.Y.PutBytesUnchecked(dst[33:65])
	return nil
}

// decodePoint parses a 65-byte uncompressed point and checks that it is on the curve
// (secp256k1 has cofactor 1, so that also places it in the prime-order group).
func decodePoint(b []byte) (point, error) {
	var p point
	if len(b) != pointLen {
		return p, fmt.Errorf("point of %d bytes, want %d", len(b), pointLen)
	}
	if b[0] != secp256k1.PubKeyFormatUncompressed {
		return p, fmt.Errorf("point prefix %#x, want 0x04", b[0])
	}
	if p.X.SetByteSlice(b[1:33]) || p.Y.SetByteSlice(b[33:65]) {
		return p, errors.New("point coordinate not below the field prime")
	}
	var y2, x3 secp256k1.FieldVal
	y2.SquareVal(&p.Y).Normalize()
	x3.SquareVal(&p.X).Mul(&p.X).AddInt(7).Normalize()
	if !y2.Equals(&x3) {
		return p, errNotOnCurve
	}
	p.Z.SetInt(1)
	return p, nil
}

func pointToPublicKey(p *point) (*secp256k1.PublicKey, error) {
	if isInfinity(p) {
		return nil, errInfinity
	}
	q := *p
	normalize(&q)
	return secp256k1.NewPublicKey(&q.X, &q.Y), nil
}

func publicKeyToPoint(pk *secp256k1.PublicKey) point {
	var p point
	pk.AsJacobian(&p)
	return p
}

// decodeScalar parses a canonical 32-byte big-endian scalar (< n).
func decodeScalar(b []byte) (scalar, error) {
	var s scalar
	if len(b) != scalarLen {
		return s, fmt.Errorf("scalar of %d bytes, want %d", len(b), scalarLen)
	}
	if s.SetByteSlice(b) {
		return s, errors.New("scalar not below the group order")
	}
	return s, nil
}

// randomScalar returns a uniformly random scalar from r (rejection sampling, so no bias).
func randomScalar(r io.Reader) (scalar, error) {
	var b [32]byte
	var s scalar
	for {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return s, fmt.Errorf("read randomness: %w", err)
		}
		overflow := s.SetBytes(&b)
		if overflow == 0 && !s.IsZero() {
			clear(b[:])
			return s, nil
		}
	}
}

// weight returns a random 128-bit scalar for batch verification: a cheater passes a batch check
// with probability at most 2^-128 per check.
func weight() scalar {
	var b [32]byte
	if _, err := rand.Read(b[16:]); err != nil {
		panic(fmt.Sprintf("ecdsa: system randomness failed: %v", err)) // crypto/rand never fails on supported systems
	}
	var s scalar
	s.SetBytes(&b)
	if s.IsZero() {
		s.SetInt(1)
	}
	return s
}

func scalarFromUint(v uint64) scalar {
	var b [32]byte
	binary.BigEndian.PutUint64(b[24:], v)
	var s scalar
	s.SetBytes(&b)
	return s
}

// evalPoint is the Shamir evaluation point of a kyber-style share index: share i is f(i+1).
func evalPoint(index int) scalar { return scalarFromUint(uint64(index) + 1) }

func mulG(k *scalar) point {
	var r point
	secp256k1.ScalarBaseMultNonConst(k, &r)
	return r
}

func mul(k *scalar, p *point) point {
	var r point
	secp256k1.ScalarMultNonConst(k, p, &r)
	return r
}

// The Pedersen generator H: a point nobody knows the discrete logarithm of with respect to G,
// found by hashing a fixed label to an x coordinate (try-and-increment) and taking the even y.
const pedersenLabel = "litmesh/ecdsa/pedersen-h/v1"

var (
	hOnce  sync.Once
	hPoint point
)

func generatorH() *point {
	hOnce.Do(initH)
	return &hPoint
}

func initH() {
	for ctr := uint32(0); ; ctr++ {
		var in [len(pedersenLabel) + 4]byte
		copy(in[:], pedersenLabel)
		binary.BigEndian.PutUint32(in[len(pedersenLabel):], ctr)
		sum := sha256.Sum256(in[:])
		var x, y secp256k1.FieldVal
		if x.SetByteSlice(sum[:]) {
			continue
		}
		if !secp256k1.DecompressY(&x, false, &y) {
			continue
		}
		hPoint.X.Set(&x)
		hPoint.Y.Set(&y)
		hPoint.Z.SetInt(1)
		return
	}
}

// mulH returns k·H from the byte table: 32 mixed additions.
func mulH(k *scalar) point {
	_, ht := fixedTables()
	var r point
	setInfinity(&r)
	kb := k.Bytes()
	for i, b := range kb {
		if b != 0 {
			e := ht[i][b].jacobian()
			secp256k1.AddNonConst(&r, &e, &r)
		}
	}
	return r
}
