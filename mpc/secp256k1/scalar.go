package secp256k1

import (
	"crypto/cipher"
	"errors"
	"fmt"
	"io"
	"math/big"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/drand/kyber"
)

// ErrNonCanonicalScalar is returned when a scalar encoding is not exactly 32 big-endian bytes
// of a value below the group order.
var ErrNonCanonicalScalar = errors.New("secp256k1: non-canonical scalar encoding")

var (
	// twoTo256 is 2^256 mod n, used to fold inputs longer than 32 bytes in SetBytes.
	twoTo256 dsecp.ModNScalar
	// orderMinusTwo is n-2, the exponent that inverts by Fermat's little theorem.
	orderMinusTwo [32]byte
)

func init() {
	n := dsecp.Params().N
	r := new(big.Int).Lsh(big.NewInt(1), 256)
	r.Sub(r, n)
	twoTo256.SetByteSlice(r.Bytes())
	new(big.Int).Sub(n, big.NewInt(2)).FillBytes(orderMinusTwo[:])
}

// scalar is an integer modulo the group order n.
type scalar struct {
	v dsecp.ModNScalar
}

var _ kyber.Scalar = (*scalar)(nil)

func toScalar(s kyber.Scalar) *scalar {
	sc, ok := s.(*scalar)
	if !ok {
		panic(fmt.Sprintf("secp256k1: scalar of foreign group %T", s))
	}
	return sc
}

// ModNScalar returns the value of a scalar of this group as decred's type, for code (threshold
// ECDSA) that works with decred directly. It panics if s belongs to another group.
func ModNScalar(s kyber.Scalar) dsecp.ModNScalar { return toScalar(s).v }

// NewScalar wraps a decred scalar as a kyber.Scalar of this group.
func NewScalar(v *dsecp.ModNScalar) kyber.Scalar {
	s := new(scalar)
	s.v.Set(v)
	return s
}

// ParseScalar decodes a canonical 32-byte big-endian scalar.
func ParseScalar(b []byte) (kyber.Scalar, error) {
	s := new(scalar)
	if err := s.UnmarshalBinary(b); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *scalar) Equal(o kyber.Scalar) bool { return s.v.Equals(&toScalar(o).v) }

func (s *scalar) Set(a kyber.Scalar) kyber.Scalar {
	s.v.Set(&toScalar(a).v)
	return s
}

func (s *scalar) Clone() kyber.Scalar {
	c := new(scalar)
	c.v.Set(&s.v)
	return c
}

func (s *scalar) SetInt64(x int64) kyber.Scalar {
	u := uint64(x)
	if x < 0 {
		u = -u // two's complement magnitude, correct for math.MinInt64 too
	}
	var b [8]byte
	for i := range b {
		b[7-i] = byte(u >> (8 * i))
	}
	s.v.SetByteSlice(b[:])
	if x < 0 {
		s.v.Negate()
	}
	return s
}

func (s *scalar) Zero() kyber.Scalar {
	s.v.Zero()
	return s
}

func (s *scalar) One() kyber.Scalar {
	s.v.SetInt(1)
	return s
}

func (s *scalar) Add(a, b kyber.Scalar) kyber.Scalar {
	var r dsecp.ModNScalar
	r.Add2(&toScalar(a).v, &toScalar(b).v)
	s.v = r
	return s
}

func (s *scalar) Sub(a, b kyber.Scalar) kyber.Scalar {
	var nb dsecp.ModNScalar
	nb.NegateVal(&toScalar(b).v)
	var r dsecp.ModNScalar
	r.Add2(&toScalar(a).v, &nb)
	s.v = r
	return s
}

func (s *scalar) Neg(a kyber.Scalar) kyber.Scalar {
	var r dsecp.ModNScalar
	r.NegateVal(&toScalar(a).v)
	s.v = r
	return s
}

func (s *scalar) Mul(a, b kyber.Scalar) kyber.Scalar {
	var r dsecp.ModNScalar
	r.Mul2(&toScalar(a).v, &toScalar(b).v)
	s.v = r
	return s
}

// Div sets s = a / b. Dividing by zero gives zero (see Inv).
func (s *scalar) Div(a, b kyber.Scalar) kyber.Scalar {
	inv := invert(&toScalar(b).v)
	var r dsecp.ModNScalar
	r.Mul2(&toScalar(a).v, &inv)
	s.v = r
	return s
}

// Inv sets s = 1/a. The inverse of zero is zero: the exponentiation a^(n-2) gives it, and kyber
// has no error path here.
func (s *scalar) Inv(a kyber.Scalar) kyber.Scalar {
	s.v = invert(&toScalar(a).v)
	return s
}

// invert computes a^(n-2) mod n with a fixed square-and-multiply sequence: the branches depend
// only on the public exponent, so the time does not depend on a.
func invert(a *dsecp.ModNScalar) dsecp.ModNScalar {
	var r dsecp.ModNScalar
	r.SetInt(1)
	for _, byt := range orderMinusTwo {
		for bit := 7; bit >= 0; bit-- {
			r.Square()
			if byt>>uint(bit)&1 == 1 {
				r.Mul(a)
			}
		}
	}
	return r
}

// Pick sets s to a uniformly random scalar read from rand (rejection sampling on 32 bytes).
func (s *scalar) Pick(rand cipher.Stream) kyber.Scalar {
	var b [32]byte
	for {
		clear(b[:])
		rand.XORKeyStream(b[:], b[:])
		if s.v.SetBytes(&b) == 0 {
			clear(b[:])
			return s
		}
	}
}

// SetBytes sets s to the big-endian integer b reduced modulo n, for any length of b.
func (s *scalar) SetBytes(b []byte) kyber.Scalar {
	head := len(b) % 32
	if head == 0 && len(b) > 0 {
		head = 32
	}
	var acc, chunk dsecp.ModNScalar
	acc.SetByteSlice(b[:head])
	for rest := b[head:]; len(rest) > 0; rest = rest[32:] {
		acc.Mul(&twoTo256)
		chunk.SetByteSlice(rest[:32])
		acc.Add(&chunk)
	}
	chunk.Zero()
	s.v = acc
	return s
}

func (s *scalar) MarshalBinary() ([]byte, error) {
	b := s.v.Bytes()
	return b[:], nil
}

// UnmarshalBinary accepts exactly 32 bytes encoding a value below n.
func (s *scalar) UnmarshalBinary(b []byte) error {
	if len(b) != ScalarSize {
		return fmt.Errorf("%w: %d bytes, want %d", ErrNonCanonicalScalar, len(b), ScalarSize)
	}
	var buf [32]byte
	copy(buf[:], b)
	var v dsecp.ModNScalar
	overflow := v.SetBytes(&buf)
	clear(buf[:])
	if overflow != 0 {
		return fmt.Errorf("%w: value not below the group order", ErrNonCanonicalScalar)
	}
	s.v = v
	return nil
}

// String does not print the value: scalars are usually secrets and kyber types end up in logs.
func (s *scalar) String() string { return "secp256k1.Scalar{redacted}" }

func (s *scalar) MarshalSize() int { return ScalarSize }

func (s *scalar) MarshalTo(w io.Writer) (int, error) {
	b := s.v.Bytes()
	n, err := w.Write(b[:])
	clear(b[:])
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
