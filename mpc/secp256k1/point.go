package secp256k1

import (
	"crypto/cipher"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/drand/kyber"

	"github.com/litmesh/litmesh/mpc/secp256k1/ct"
)

var (
	// ErrInvalidPoint is returned for a point encoding that is not 33 bytes, has a bad prefix, an
	// X coordinate not below the field prime, or an X with no point on the curve.
	ErrInvalidPoint = errors.New("secp256k1: invalid point encoding")
	// ErrIdentity is returned by ParsePoint for the identity (point at infinity), which is never a
	// valid key or commitment.
	ErrIdentity = errors.New("secp256k1: point is the identity")
)

// identityEncoding is how the point at infinity marshals: SEC1 has no compressed form for it,
// so we pad its one-byte 0x00 form to the fixed point length.
var identityEncoding [PointSize]byte

// embedLen is how many data bytes Embed stores in X: one length byte first, data, and at least
// one random byte last so that retries find an X on the curve.
const embedLen = 32 - 2

// point is a group element. Invariant: either the identity, stored as X = Y = Z = 0, or an affine
// point (Z = 1) with normalized coordinates. Every operation restores the invariant, which makes
// Equal and MarshalBinary simple and constant time.
type point struct {
	p dsecp.JacobianPoint
}

var _ kyber.Point = (*point)(nil)

func toPoint(p kyber.Point) *point {
	pt, ok := p.(*point)
	if !ok {
		panic(fmt.Sprintf("secp256k1: point of foreign group %T", p))
	}
	return pt
}

// ParsePoint decodes a compressed point and rejects the identity: use it for public keys and
// commitments received from outside.
func ParsePoint(b []byte) (kyber.Point, error) {
	p := new(point)
	if err := p.UnmarshalBinary(b); err != nil {
		return nil, err
	}
	if p.isIdentity() {
		return nil, ErrIdentity
	}
	return p, nil
}

// PublicKey converts a point of this group to a decred public key. It fails for the identity.
func PublicKey(p kyber.Point) (*dsecp.PublicKey, error) {
	pt := toPoint(p)
	if pt.isIdentity() {
		return nil, ErrIdentity
	}
	return dsecp.NewPublicKey(&pt.p.X, &pt.p.Y), nil
}

// FromPublicKey converts a decred public key to a point of this group.
func FromPublicKey(k *dsecp.PublicKey) kyber.Point {
	p := new(point)
	k.AsJacobian(&p.p)
	p.normalize()
	return p
}

func (p *point) isIdentity() bool {
	return (p.p.X.IsZero() && p.p.Y.IsZero()) || p.p.Z.IsZero()
}

// normalize restores the invariant after a decred operation.
func (p *point) normalize() {
	if p.isIdentity() {
		p.p.X.Zero()
		p.p.Y.Zero()
		p.p.Z.Zero()
		return
	}
	p.p.ToAffine()
}

func (p *point) Equal(o kyber.Point) bool {
	q := toPoint(o)
	// Both sides hold the invariant, so the identity is X = Y = Z = 0 on both and compares
	// equal coordinate-wise like any other point.
	return p.p.X.Equals(&q.p.X) && p.p.Y.Equals(&q.p.Y) && p.p.Z.Equals(&q.p.Z)
}

func (p *point) Null() kyber.Point {
	p.p.X.Zero()
	p.p.Y.Zero()
	p.p.Z.Zero()
	return p
}

func (p *point) Base() kyber.Point {
	var one dsecp.ModNScalar
	one.SetInt(1)
	dsecp.ScalarBaseMultNonConst(&one, &p.p)
	p.normalize()
	return p
}

func (p *point) Pick(rand cipher.Stream) kyber.Point { return p.Embed(nil, rand) }

func (p *point) Set(o kyber.Point) kyber.Point {
	p.p.Set(&toPoint(o).p)
	return p
}

func (p *point) Clone() kyber.Point {
	c := new(point)
	c.p.Set(&p.p)
	return c
}

func (p *point) EmbedLen() int { return embedLen }

// Embed sets p to a point whose X coordinate carries up to EmbedLen bytes of data (a length byte,
// the data, then random bytes), retrying random fill until X is on the curve. With nil data the
// whole X is random, which makes a uniformly random point.
func (p *point) Embed(data []byte, rand cipher.Stream) kyber.Point {
	dl := min(len(data), embedLen)
	var b [33]byte // 32 bytes of X, then one byte whose low bit picks the Y parity
	for {
		rand.XORKeyStream(b[:], b[:])
		if data != nil {
			b[0] = byte(dl)
			copy(b[1:1+dl], data[:dl])
		}
		var x32 [32]byte
		copy(x32[:], b[:32])
		var x, y dsecp.FieldVal
		if x.SetBytes(&x32) != 0 {
			continue
		}
		if !dsecp.DecompressY(&x, b[32]&1 == 1, &y) {
			continue
		}
		p.p.X.Set(&x)
		p.p.Y.Set(&y)
		p.p.Z.SetInt(1)
		p.normalize()
		return p
	}
}

// Data extracts the bytes Embed stored in p.
func (p *point) Data() ([]byte, error) {
	if p.isIdentity() {
		return nil, ErrIdentity
	}
	x := p.p.X.Bytes()
	dl := int(x[0])
	if dl > embedLen {
		return nil, errors.New("secp256k1: point carries no embedded data")
	}
	return append([]byte(nil), x[1:1+dl]...), nil
}

func (p *point) Add(a, b kyber.Point) kyber.Point {
	var r dsecp.JacobianPoint
	dsecp.AddNonConst(&toPoint(a).p, &toPoint(b).p, &r)
	p.p = r
	p.normalize()
	return p
}

func (p *point) Sub(a, b kyber.Point) kyber.Point {
	nb := new(point).Neg(b)
	return p.Add(a, nb)
}

func (p *point) Neg(a kyber.Point) kyber.Point {
	ap := toPoint(a)
	if ap.isIdentity() {
		return p.Null()
	}
	var r dsecp.JacobianPoint
	r.Set(&ap.p)
	r.Y.Negate(1).Normalize()
	p.p = r
	return p
}

// Mul sets p = s·q, or s·G when q is nil, in constant time with respect to s (package ct): kyber
// code multiplies secrets and public values through this one method — dealing coefficients,
// Schnorr nonces, Diffie–Hellman keys as well as public evaluation points — and cannot say which.
// Multiplications by G (q nil, or equal to G) use the precomputed generator table.
func (p *point) Mul(s kyber.Scalar, q kyber.Point) kyber.Point {
	k := &toScalar(s).v
	switch {
	case q == nil:
		p.p = ct.MulBase(k, ct.Generator())
	case toPoint(q).isIdentity():
		p.p = dsecp.JacobianPoint{}
	case isGenerator(&toPoint(q).p):
		p.p = ct.MulBase(k, ct.Generator())
	default:
		p.p = ct.Mul(k, &toPoint(q).p)
	}
	p.normalize()
	return p
}

// isGenerator reports whether an affine point (this type's invariant) is G. Both are public.
func isGenerator(q *dsecp.JacobianPoint) bool {
	var one dsecp.ModNScalar
	one.SetInt(1)
	var g dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(&one, &g)
	g.ToAffine()
	return q.X.Equals(&g.X) && q.Y.Equals(&g.Y)
}

// MarshalBinary returns the 33-byte SEC1 compressed encoding, or 33 zero bytes for the identity.
func (p *point) MarshalBinary() ([]byte, error) {
	b := make([]byte, PointSize)
	if p.isIdentity() {
		return b, nil
	}
	b[0] = dsecp.PubKeyFormatCompressedEven
	if p.p.Y.IsOdd() {
		b[0] = dsecp.PubKeyFormatCompressedOdd
	}
	p.p.X.PutBytesUnchecked(b[1:])
	return b, nil
}

// UnmarshalBinary accepts a 33-byte SEC1 compressed point on the curve, or exactly 33 zero bytes
// for the identity (so that Null round-trips as kyber expects). Use ParsePoint to refuse the
// identity.
func (p *point) UnmarshalBinary(b []byte) error {
	if len(b) != PointSize {
		return fmt.Errorf("%w: %d bytes, want %d", ErrInvalidPoint, len(b), PointSize)
	}
	if [PointSize]byte(b) == identityEncoding {
		p.Null()
		return nil
	}
	if b[0] != dsecp.PubKeyFormatCompressedEven && b[0] != dsecp.PubKeyFormatCompressedOdd {
		return fmt.Errorf("%w: prefix 0x%02x", ErrInvalidPoint, b[0])
	}
	k, err := dsecp.ParsePubKey(b)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidPoint, err)
	}
	k.AsJacobian(&p.p)
	p.normalize()
	return nil
}

func (p *point) String() string {
	b, _ := p.MarshalBinary()
	return "secp256k1:" + hex.EncodeToString(b)
}

func (p *point) MarshalSize() int { return PointSize }

func (p *point) MarshalTo(w io.Writer) (int, error) {
	b, _ := p.MarshalBinary()
	return w.Write(b)
}

func (p *point) UnmarshalFrom(r io.Reader) (int, error) {
	var b [PointSize]byte
	n, err := io.ReadFull(r, b[:])
	if err != nil {
		return n, err
	}
	return n, p.UnmarshalBinary(b[:])
}
