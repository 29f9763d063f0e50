package frost

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"io"

	ed "filippo.io/edwards25519"
	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/edwards25519"
	"github.com/litmesh/litmesh/mpc/secp256k1/ct"
)

// The prime-order groups of the ciphersuites, behind one small interface so that the protocol
// is written once. Values are immutable: every operation returns a fresh value. Each group
// implements RFC 9591's SerializeElement/DeserializeElement and SerializeScalar/
// DeserializeScalar exactly (the test vectors check it).
//
// Timing: baseMul is constant time (it multiplies secret nonces and shares); mul, msm and
// everything on elements is variable time and only ever sees public values. Scalar arithmetic
// is constant time in both groups except inv, which is used for Lagrange coefficients only.

type scalar interface {
	add(scalar) scalar
	sub(scalar) scalar
	mul(scalar) scalar
	neg() scalar
	inv() scalar // public values only
	isZero() bool
	equal(scalar) bool
	encode() []byte
	wipe()
}

type element interface {
	add(element) element
	neg() element
	mul(scalar) element // variable time: public scalars and points only
	equal(element) bool
	isIdentity() bool
	encode() []byte // the identity encodes as zeros; it is never sent
}

type group interface {
	scalarLen() int
	elementLen() int
	scalarFromInt(uint32) scalar
	decodeScalar([]byte) (scalar, error)
	decodeElement([]byte) (element, error)
	baseMul(scalar) element // constant time
	identity() element
	randomScalar(io.Reader) (scalar, error)
	// sumOfProducts is Σ a_i + Σ s_i·b_i over public values (variable time).
	sumOfProducts(a []element, s []scalar, b []element) element
}

var (
	errNonCanonicalScalar = errors.New("scalar not canonical or not below the group order")
	errBadElement         = errors.New("not a valid group element")
	errIdentityElement    = errors.New("group element is the identity")
)

// --- edwards25519 -------------------------------------------------------------------------

type edGroup struct{}

type edScalar struct{ v ed.Scalar }
type edElement struct{ p ed.Point }

func edS(s scalar) *ed.Scalar  { return &s.(*edScalar).v }
func edE(e element) *ed.Point  { return &e.(*edElement).p }
func newEdScalar() *edScalar   { return &edScalar{v: *ed.NewScalar()} }
func newEdElement() *edElement { return &edElement{p: *ed.NewIdentityPoint()} }

func (s *edScalar) add(o scalar) scalar { r := newEdScalar(); r.v.Add(&s.v, edS(o)); return r }
func (s *edScalar) sub(o scalar) scalar { r := newEdScalar(); r.v.Subtract(&s.v, edS(o)); return r }
func (s *edScalar) mul(o scalar) scalar { r := newEdScalar(); r.v.Multiply(&s.v, edS(o)); return r }
func (s *edScalar) neg() scalar         { r := newEdScalar(); r.v.Negate(&s.v); return r }
func (s *edScalar) inv() scalar         { r := newEdScalar(); r.v.Invert(&s.v); return r }
func (s *edScalar) isZero() bool        { return s.v.Equal(ed.NewScalar()) == 1 }
func (s *edScalar) equal(o scalar) bool { return s.v.Equal(edS(o)) == 1 }
func (s *edScalar) encode() []byte      { return s.v.Bytes() }
func (s *edScalar) wipe()               { s.v = *ed.NewScalar() }

func (e *edElement) add(o element) element { r := newEdElement(); r.p.Add(&e.p, edE(o)); return r }
func (e *edElement) neg() element          { r := newEdElement(); r.p.Negate(&e.p); return r }
func (e *edElement) mul(s scalar) element {
	r := newEdElement()
	r.p.VarTimeDoubleScalarBaseMult(edS(s), &e.p, ed.NewScalar())
	return r
}
func (e *edElement) equal(o element) bool { return e.p.Equal(edE(o)) == 1 }
func (e *edElement) isIdentity() bool     { return e.p.Equal(ed.NewIdentityPoint()) == 1 }
func (e *edElement) encode() []byte       { return e.p.Bytes() }

func (edGroup) scalarLen() int  { return 32 }
func (edGroup) elementLen() int { return 32 }
func (edGroup) scalarFromInt(v uint32) scalar {
	var b [64]byte
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	r := newEdScalar()
	_, _ = r.v.SetUniformBytes(b[:])
	return r
}

// decodeScalar is RFC 9591's DeserializeScalar: 32 little-endian bytes below ℓ.
func (edGroup) decodeScalar(b []byte) (scalar, error) {
	if len(b) != 32 {
		return nil, fmt.Errorf("%w: %d bytes, want 32", errNonCanonicalScalar, len(b))
	}
	r := newEdScalar()
	if _, err := r.v.SetCanonicalBytes(b); err != nil {
		return nil, errNonCanonicalScalar
	}
	return r, nil
}

// decodeElement is RFC 9591's DeserializeElement: canonical RFC 8032 encoding, in the
// prime-order subgroup (no small-order component), not the identity.
func (edGroup) decodeElement(b []byte) (element, error) {
	p, err := edwards25519.DecodePoint(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errBadElement, err)
	}
	if p.Equal(ed.NewIdentityPoint()) == 1 {
		return nil, errIdentityElement
	}
	return &edElement{p: *p}, nil
}

func (edGroup) baseMul(s scalar) element {
	r := newEdElement()
	r.p.ScalarBaseMult(edS(s))
	return r
}

func (edGroup) identity() element { return newEdElement() }

func (edGroup) randomScalar(rnd io.Reader) (scalar, error) {
	var b [64]byte
	defer clear(b[:])
	for {
		if _, err := io.ReadFull(rnd, b[:]); err != nil {
			return nil, fmt.Errorf("random scalar: %w", err)
		}
		r := newEdScalar()
		_, _ = r.v.SetUniformBytes(b[:])
		if !r.isZero() {
			return r, nil
		}
	}
}

func (edGroup) sumOfProducts(a []element, s []scalar, b []element) element {
	scalars := make([]*ed.Scalar, 0, len(a)+len(b))
	points := make([]*ed.Point, 0, len(a)+len(b))
	one := edS(edGroup{}.scalarFromInt(1))
	for _, e := range a {
		scalars, points = append(scalars, one), append(points, edE(e))
	}
	for i, e := range b {
		scalars, points = append(scalars, edS(s[i])), append(points, edE(e))
	}
	r := newEdElement()
	r.p.VarTimeMultiScalarMult(scalars, points)
	return r
}

// edFromUniform reduces a 64-byte little-endian value modulo ℓ (RFC 9591's H1–H3 for
// Ed25519).
func edFromUniform(b []byte) scalar {
	r := newEdScalar()
	if _, err := r.v.SetUniformBytes(b); err != nil {
		panic("frost: edwards25519 wide reduction of a non-64-byte value")
	}
	return r
}

// --- secp256k1 ----------------------------------------------------------------------------

type k1Group struct{}

type k1Scalar struct{ v dsecp.ModNScalar }

// k1Element keeps its point affine (Z = 1) or at infinity (X = Y = Z = 0).
type k1Element struct{ p dsecp.JacobianPoint }

func k1S(s scalar) *dsecp.ModNScalar     { return &s.(*k1Scalar).v }
func k1E(e element) *dsecp.JacobianPoint { return &e.(*k1Element).p }

func k1Normalize(p *dsecp.JacobianPoint) *k1Element {
	r := &k1Element{p: *p}
	if (r.p.X.IsZero() && r.p.Y.IsZero()) || r.p.Z.IsZero() {
		r.p.X.Zero()
		r.p.Y.Zero()
		r.p.Z.Zero()
		return r
	}
	r.p.ToAffine()
	return r
}

func (s *k1Scalar) add(o scalar) scalar {
	r := &k1Scalar{}
	r.v.Add2(&s.v, k1S(o))
	return r
}
func (s *k1Scalar) sub(o scalar) scalar {
	r := &k1Scalar{}
	r.v.NegateVal(k1S(o)).Add(&s.v)
	return r
}
func (s *k1Scalar) mul(o scalar) scalar {
	r := &k1Scalar{}
	r.v.Mul2(&s.v, k1S(o))
	return r
}
func (s *k1Scalar) neg() scalar {
	r := &k1Scalar{}
	r.v.NegateVal(&s.v)
	return r
}
func (s *k1Scalar) inv() scalar {
	r := &k1Scalar{}
	r.v.InverseValNonConst(&s.v)
	return r
}
func (s *k1Scalar) isZero() bool        { return s.v.IsZero() }
func (s *k1Scalar) equal(o scalar) bool { return s.v.Equals(k1S(o)) }
func (s *k1Scalar) encode() []byte      { b := s.v.Bytes(); return b[:] }
func (s *k1Scalar) wipe()               { s.v.Zero() }

func (e *k1Element) isIdentity() bool { return e.p.Z.IsZero() }
func (e *k1Element) add(o element) element {
	var r dsecp.JacobianPoint
	dsecp.AddNonConst(&e.p, k1E(o), &r)
	return k1Normalize(&r)
}
func (e *k1Element) neg() element {
	if e.isIdentity() {
		return &k1Element{}
	}
	r := &k1Element{p: e.p}
	r.p.Y.Negate(1).Normalize()
	return r
}
func (e *k1Element) mul(s scalar) element {
	if e.isIdentity() {
		return &k1Element{}
	}
	var r dsecp.JacobianPoint
	dsecp.ScalarMultNonConst(k1S(s), &e.p, &r)
	return k1Normalize(&r)
}
func (e *k1Element) equal(o element) bool {
	q := k1E(o)
	return e.p.X.Equals(&q.X) && e.p.Y.Equals(&q.Y) && e.p.Z.Equals(&q.Z)
}

// encode is SEC1 compressed (33 bytes); the identity, which has no such form, is 33 zeros.
func (e *k1Element) encode() []byte {
	b := make([]byte, 33)
	if e.isIdentity() {
		return b
	}
	b[0] = dsecp.PubKeyFormatCompressedEven
	if e.p.Y.IsOdd() {
		b[0] = dsecp.PubKeyFormatCompressedOdd
	}
	e.p.X.PutBytesUnchecked(b[1:])
	return b
}

// hasEvenY reports BIP-340's has_even_y for a non-identity point.
func (e *k1Element) hasEvenY() bool { return !e.p.Y.IsOdd() }

// xOnly is BIP-340's bytes(P): the 32-byte X coordinate.
func (e *k1Element) xOnly() []byte { b := e.p.X.Bytes(); return b[:] }

func (k1Group) scalarLen() int  { return 32 }
func (k1Group) elementLen() int { return 33 }
func (k1Group) scalarFromInt(v uint32) scalar {
	r := &k1Scalar{}
	r.v.SetByteSlice([]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
	return r
}

// decodeScalar is RFC 9591's DeserializeScalar: 32 big-endian bytes below n.
func (k1Group) decodeScalar(b []byte) (scalar, error) {
	if len(b) != 32 {
		return nil, fmt.Errorf("%w: %d bytes, want 32", errNonCanonicalScalar, len(b))
	}
	r := &k1Scalar{}
	if r.v.SetBytes((*[32]byte)(b)) != 0 {
		return nil, errNonCanonicalScalar
	}
	return r, nil
}

// decodeElement is RFC 9591's DeserializeElement: a 33-byte SEC1 compressed point, X below the
// field prime, on the curve (the cofactor is 1, so on the curve is in the group); the
// identity has no such encoding.
func (k1Group) decodeElement(b []byte) (element, error) {
	if len(b) != 33 {
		return nil, fmt.Errorf("%w: %d bytes, want 33", errBadElement, len(b))
	}
	if b[0] != dsecp.PubKeyFormatCompressedEven && b[0] != dsecp.PubKeyFormatCompressedOdd {
		return nil, fmt.Errorf("%w: prefix 0x%02x", errBadElement, b[0])
	}
	pk, err := dsecp.ParsePubKey(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errBadElement, err)
	}
	var p dsecp.JacobianPoint
	pk.AsJacobian(&p)
	return k1Normalize(&p), nil
}

func (k1Group) baseMul(s scalar) element {
	p := ct.MulBase(k1S(s), ct.Generator())
	return &k1Element{p: p}
}

func (k1Group) identity() element { return &k1Element{} }

func (k1Group) randomScalar(rnd io.Reader) (scalar, error) {
	var b [32]byte
	defer clear(b[:])
	for {
		if _, err := io.ReadFull(rnd, b[:]); err != nil {
			return nil, fmt.Errorf("random scalar: %w", err)
		}
		r := &k1Scalar{}
		if r.v.SetBytes(&b) == 0 && !r.v.IsZero() {
			return r, nil
		}
	}
}

func (g k1Group) sumOfProducts(a []element, s []scalar, b []element) element {
	r := g.identity()
	for _, e := range a {
		r = r.add(e)
	}
	for i, e := range b {
		r = r.add(e.mul(s[i]))
	}
	return r
}

// k1LiftX is BIP-340's lift_x: the point with X coordinate x and even Y, or an error if x is
// not below the field prime or not on the curve.
func k1LiftX(x []byte) (*k1Element, error) {
	if len(x) != 32 {
		return nil, fmt.Errorf("%w: x-only key of %d bytes, want 32", errBadElement, len(x))
	}
	var fx, fy dsecp.FieldVal
	if fx.SetByteSlice(x) {
		return nil, fmt.Errorf("%w: x not below the field prime", errBadElement)
	}
	if !dsecp.DecompressY(&fx, false, &fy) {
		return nil, fmt.Errorf("%w: x not on the curve", errBadElement)
	}
	e := &k1Element{}
	e.p.X.Set(&fx).Normalize()
	e.p.Y.Set(&fy).Normalize()
	e.p.Z.SetInt(1)
	return e, nil
}

// k1Wide reduces a 48-byte big-endian value modulo n in constant time (hash_to_field's
// OS2IP(·) mod n): hi·2^256 + lo with hi < 2^128.
func k1Wide(b []byte) scalar {
	if len(b) != 48 {
		panic("frost: secp256k1 wide reduction of a non-48-byte value")
	}
	var lo [32]byte
	copy(lo[:], b[16:])
	r := &k1Scalar{}
	r.v.SetBytes(&lo) // reduces mod n
	var hi dsecp.ModNScalar
	hi.SetByteSlice(b[:16])
	hi.Mul(&twoTo256ModN)
	r.v.Add(&hi)
	clear(lo[:])
	hi.Zero()
	return r
}

// twoTo256ModN is 2^256 mod n = 2^256 − n (n > 2^255).
var twoTo256ModN = func() dsecp.ModNScalar {
	// 2^256 − n = 0x14551231950b75fc4402da1732fc9bebf
	var s dsecp.ModNScalar
	s.SetByteSlice([]byte{0x01, 0x45, 0x51, 0x23, 0x19, 0x50, 0xb7, 0x5f, 0xc4, 0x40, 0x2d, 0xa1, 0x73, 0x2f, 0xc9, 0xbe, 0xbf})
	return s
}()

// constantTimeEqual compares public or secret byte strings without an early exit.
func constantTimeEqual(a, b []byte) bool { return subtle.ConstantTimeCompare(a, b) == 1 }
