package edwards25519

import (
	"crypto/cipher"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	ed "filippo.io/edwards25519"
	"github.com/drand/kyber"
)

var (
	// ErrInvalidPoint is returned for an encoding that is not 32 bytes, not canonical, or not a
	// point on the curve.
	ErrInvalidPoint = errors.New("edwards25519: invalid point encoding")
	// ErrTorsion is returned for a point outside the prime-order subgroup: one of the
	// small-order points or a point with a small-order component.
	ErrTorsion = errors.New("edwards25519: point outside the prime-order subgroup")
	// ErrIdentity is returned by ParsePoint for the identity, never a valid key or commitment.
	ErrIdentity = errors.New("edwards25519: point is the identity")
)

// embedLen is how many data bytes Embed stores: a length byte, the data, and at least two random
// bytes (the last byte also holds the sign bit), so that retries find a point in the subgroup.
const embedLen = PointSize - 3

type point struct {
	p ed.Point
}

var (
	_ kyber.Point           = (*point)(nil)
	_ kyber.SubGroupElement = (*point)(nil)
)

func newPoint() *point { return &point{p: *ed.NewIdentityPoint()} }

func toPoint(p kyber.Point) *point {
	pt, ok := p.(*point)
	if !ok {
		panic(fmt.Sprintf("edwards25519: point of foreign group %T", p))
	}
	return pt
}

// minusOne is ℓ − 1 as a scalar: (ℓ−1)·P + P = ℓ·P, the identity exactly when P has no
// small-order component.
var minusOne = func() *ed.Scalar {
	var one [64]byte
	one[0] = 1
	s, _ := ed.NewScalar().SetUniformBytes(one[:])
	return s.Negate(s)
}()

// InPrimeOrderSubgroup reports whether ℓ·P is the identity. Variable time: public points only.
func InPrimeOrderSubgroup(p *ed.Point) bool {
	var q ed.Point
	q.VarTimeDoubleScalarBaseMult(minusOne, p, ed.NewScalar())
	q.Add(&q, p)
	return q.Equal(ed.NewIdentityPoint()) == 1
}

// DecodePoint decodes a canonical 32-byte encoding of a point in the prime-order subgroup
// (the identity included).
func DecodePoint(b []byte) (*ed.Point, error) {
	if len(b) != PointSize {
		return nil, fmt.Errorf("%w: %d bytes, want %d", ErrInvalidPoint, len(b), PointSize)
	}
	p, err := new(ed.Point).SetBytes(b)
	if err != nil {
		return nil, fmt.Errorf("%w: not on the curve", ErrInvalidPoint)
	}
	// filippo.io/edwards25519 accepts non-canonical encodings (y ≥ p, or x = 0 with the sign
	// bit set); the re-encoding differs from the input exactly for those.
	if [32]byte(p.Bytes()) != [32]byte(b) {
		return nil, fmt.Errorf("%w: non-canonical encoding", ErrInvalidPoint)
	}
	if !InPrimeOrderSubgroup(p) {
		return nil, ErrTorsion
	}
	return p, nil
}

// ParsePoint decodes a point as DecodePoint does and rejects the identity: use it for public
// keys and commitments received from outside.
func ParsePoint(b []byte) (kyber.Point, error) {
	p, err := DecodePoint(b)
	if err != nil {
		return nil, err
	}
	if p.Equal(ed.NewIdentityPoint()) == 1 {
		return nil, ErrIdentity
	}
	return &point{p: *p}, nil
}

// EdPoint returns a point of this group as filippo.io/edwards25519's type. It panics if p
// belongs to another group.
func EdPoint(p kyber.Point) *ed.Point { return new(ed.Point).Set(&toPoint(p).p) }

// NewPoint wraps a filippo.io/edwards25519 point. The caller vouches that it is in the
// prime-order subgroup (anything computed from the generator is).
func NewPoint(p *ed.Point) kyber.Point { return &point{p: *new(ed.Point).Set(p)} }

func (p *point) Equal(o kyber.Point) bool { return p.p.Equal(&toPoint(o).p) == 1 }

func (p *point) Null() kyber.Point {
	p.p.Set(ed.NewIdentityPoint())
	return p
}

func (p *point) Base() kyber.Point {
	p.p.Set(ed.NewGeneratorPoint())
	return p
}

func (p *point) Pick(rand cipher.Stream) kyber.Point { return p.Embed(nil, rand) }

func (p *point) Set(o kyber.Point) kyber.Point {
	p.p.Set(&toPoint(o).p)
	return p
}

func (p *point) Clone() kyber.Point { return &point{p: *new(ed.Point).Set(&p.p)} }

func (p *point) EmbedLen() int { return embedLen }

// Embed sets p to a point of the prime-order subgroup whose encoding carries up to EmbedLen
// bytes of data (a length byte, the data, then random bytes), retrying random fill until the
// encoding decodes to such a point (one in eight points on the curve is). With nil data the
// point is uniformly random in the subgroup.
func (p *point) Embed(data []byte, rand cipher.Stream) kyber.Point {
	dl := min(len(data), embedLen)
	var b [PointSize]byte
	for {
		rand.XORKeyStream(b[:], b[:])
		if data != nil {
			b[0] = byte(dl)
			copy(b[1:1+dl], data[:dl])
		}
		q, err := DecodePoint(b[:])
		if err != nil {
			continue
		}
		if data == nil && q.Equal(ed.NewIdentityPoint()) == 1 {
			continue
		}
		p.p.Set(q)
		return p
	}
}

// Data extracts the bytes Embed stored in p.
func (p *point) Data() ([]byte, error) {
	b := p.p.Bytes()
	dl := int(b[0])
	if dl > embedLen {
		return nil, errors.New("edwards25519: point carries no embedded data")
	}
	return append([]byte(nil), b[1:1+dl]...), nil
}

func (p *point) Add(a, b kyber.Point) kyber.Point {
	p.p.Add(&toPoint(a).p, &toPoint(b).p)
	return p
}

func (p *point) Sub(a, b kyber.Point) kyber.Point {
	p.p.Subtract(&toPoint(a).p, &toPoint(b).p)
	return p
}

func (p *point) Neg(a kyber.Point) kyber.Point {
	p.p.Negate(&toPoint(a).p)
	return p
}

// Mul sets p = s·q, or s·G when q is nil, in constant time.
func (p *point) Mul(s kyber.Scalar, q kyber.Point) kyber.Point {
	k := &toScalar(s).v
	if q == nil {
		p.p.ScalarBaseMult(k)
		return p
	}
	p.p.ScalarMult(k, &toPoint(q).p)
	return p
}

// IsInCorrectGroup is true for every point of this type: decoding refuses the others and the
// group operations never leave the subgroup.
func (p *point) IsInCorrectGroup() bool { return InPrimeOrderSubgroup(&p.p) }

func (p *point) MarshalBinary() ([]byte, error) { return p.p.Bytes(), nil }

// UnmarshalBinary accepts the canonical encoding of a point of the prime-order subgroup,
// the identity included (use ParsePoint to refuse it).
func (p *point) UnmarshalBinary(b []byte) error {
	q, err := DecodePoint(b)
	if err != nil {
		return err
	}
	p.p.Set(q)
	return nil
}

func (p *point) String() string { return "edwards25519:" + hex.EncodeToString(p.p.Bytes()) }

func (p *point) MarshalSize() int { return PointSize }

func (p *point) MarshalTo(w io.Writer) (int, error) { return w.Write(p.p.Bytes()) }

func (p *point) UnmarshalFrom(r io.Reader) (int, error) {
	var b [PointSize]byte
	n, err := io.ReadFull(r, b[:])
	if err != nil {
		return n, err
	}
	return n, p.UnmarshalBinary(b[:])
}
