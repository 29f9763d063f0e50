package edwards25519

import (
	"crypto/cipher"
	"errors"
	"fmt"
	"io"

	ed "filippo.io/edwards25519"
	"github.com/drand/kyber"
)

// ErrNonCanonicalScalar is returned when a scalar encoding is not exactly 32 little-endian
// bytes of a value below the group order.
var ErrNonCanonicalScalar = errors.New("edwards25519: non-canonical scalar encoding")

type scalar struct {
	v ed.Scalar
}

var _ kyber.Scalar = (*scalar)(nil)

func newScalar() *scalar { return &scalar{v: *ed.NewScalar()} }

func toScalar(s kyber.Scalar) *scalar {
	sc, ok := s.(*scalar)
	if !ok {
		panic(fmt.Sprintf("edwards25519: scalar of foreign group %T", s))
	}
	return sc
}

// ParseScalar decodes a canonical 32-byte little-endian scalar.
func ParseScalar(b []byte) (kyber.Scalar, error) {
	s := newScalar()
	if err := s.UnmarshalBinary(b); err != nil {
		return nil, err
	}
	return s, nil
}

// EdScalar returns the value of a scalar of this group as filippo.io/edwards25519's type. It
// panics if s belongs to another group.
func EdScalar(s kyber.Scalar) *ed.Scalar { return ed.NewScalar().Set(&toScalar(s).v) }

// NewScalar wraps a filippo.io/edwards25519 scalar as a kyber.Scalar of this group.
func NewScalar(v *ed.Scalar) kyber.Scalar {
	s := newScalar()
	s.v.Set(v)
	return s
}

func (s *scalar) Equal(o kyber.Scalar) bool { return s.v.Equal(&toScalar(o).v) == 1 }

func (s *scalar) Set(a kyber.Scalar) kyber.Scalar {
	s.v.Set(&toScalar(a).v)
	return s
}

func (s *scalar) Clone() kyber.Scalar {
	c := newScalar()
	c.v.Set(&s.v)
	return c
}

func (s *scalar) SetInt64(x int64) kyber.Scalar {
	u := uint64(x)
	if x < 0 {
		u = -u
	}
	var b [64]byte
	for i := range 8 {
		b[i] = byte(u >> (8 * i))
	}
	_, _ = s.v.SetUniformBytes(b[:])
	if x < 0 {
		s.v.Negate(&s.v)
	}
	return s
}

func (s *scalar) Zero() kyber.Scalar {
	s.v = *ed.NewScalar()
	return s
}

func (s *scalar) One() kyber.Scalar { return s.SetInt64(1) }

func (s *scalar) Add(a, b kyber.Scalar) kyber.Scalar {
	s.v.Add(&toScalar(a).v, &toScalar(b).v)
	return s
}

func (s *scalar) Sub(a, b kyber.Scalar) kyber.Scalar {
	s.v.Subtract(&toScalar(a).v, &toScalar(b).v)
	return s
}

func (s *scalar) Neg(a kyber.Scalar) kyber.Scalar {
	s.v.Negate(&toScalar(a).v)
	return s
}

func (s *scalar) Mul(a, b kyber.Scalar) kyber.Scalar {
	s.v.Multiply(&toScalar(a).v, &toScalar(b).v)
	return s
}

// Div sets s = a / b. Dividing by zero gives zero (see Inv).
func (s *scalar) Div(a, b kyber.Scalar) kyber.Scalar {
	var inv ed.Scalar
	inv.Invert(&toScalar(b).v)
	s.v.Multiply(&toScalar(a).v, &inv)
	return s
}

// Inv sets s = 1/a in constant time; the inverse of zero is zero (kyber has no error path).
func (s *scalar) Inv(a kyber.Scalar) kyber.Scalar {
	s.v.Invert(&toScalar(a).v)
	return s
}

// Pick sets s to a uniformly random scalar: 64 bytes from rand, reduced (bias < 2^-250).
func (s *scalar) Pick(rand cipher.Stream) kyber.Scalar {
	var b [64]byte
	rand.XORKeyStream(b[:], b[:])
	_, _ = s.v.SetUniformBytes(b[:])
	clear(b[:])
	return s
}

// SetBytes sets s to the little-endian integer b reduced modulo the group order, for any
// length of b.
func (s *scalar) SetBytes(b []byte) kyber.Scalar {
	// b = Σ_k chunk_k·2^(256k) with 32-byte chunks; Horner from the most significant chunk.
	var acc, shift, chunk ed.Scalar
	var wide [64]byte
	wide[32] = 1 // 2^256 as a 64-byte little-endian integer
	_, _ = shift.SetUniformBytes(wide[:])
	for k := (len(b)+31)/32 - 1; k >= 0; k-- {
		clear(wide[:])
		copy(wide[:], b[32*k:min(32*k+32, len(b))])
		_, _ = chunk.SetUniformBytes(wide[:])
		acc.Multiply(&acc, &shift)
		acc.Add(&acc, &chunk)
	}
	clear(wide[:])
	s.v.Set(&acc)
	return s
}

func (s *scalar) MarshalBinary() ([]byte, error) { return s.v.Bytes(), nil }

// UnmarshalBinary accepts exactly 32 little-endian bytes encoding a value below the order.
func (s *scalar) UnmarshalBinary(b []byte) error {
	if len(b) != ScalarSize {
		return fmt.Errorf("%w: %d bytes, want %d", ErrNonCanonicalScalar, len(b), ScalarSize)
	}
	if _, err := s.v.SetCanonicalBytes(b); err != nil {
		return fmt.Errorf("%w: value not below the group order", ErrNonCanonicalScalar)
	}
	return nil
}

// String does not print the value: scalars are usually secrets and kyber types end up in logs.
func (s *scalar) String() string { return "edwards25519.Scalar{redacted}" }

func (s *scalar) MarshalSize() int { return ScalarSize }

func (s *scalar) MarshalTo(w io.Writer) (int, error) {
	b := s.v.Bytes()
	n, err := w.Write(b)
	clear(b)
	return n, err
}

func (s *scalar) UnmarshalFrom(r io.Reader) (int, error) {
	var b [ScalarSize]byte
	n, err := io.ReadFull(r, b[:])
	if err != nil {
		return n, err
	}
	err = s.UnmarshalBinary(b[:])
	clear(b[:])
	return n, err
}
