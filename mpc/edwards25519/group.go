// Package edwards25519 is a kyber group over the prime-order subgroup of edwards25519, built on
// filippo.io/edwards25519. It exists so that drand/kyber's share/dkg can generate and reshare
// the Ed25519 root key of the FROST(Ed25519, SHA-512) PKPs, with shares and commitments in the
// standard encodings every Ed25519 tool reads.
//
// Encodings: a point is the 32-byte RFC 8032 encoding; a scalar is 32 bytes, little-endian,
// strictly below the group order ℓ = 2^252 + 27742317777372353535851937790883648493 (RFC 9591's
// SerializeScalar). Point.UnmarshalBinary accepts only canonical encodings of points in the
// prime-order subgroup: the eight small-order points (other than the identity) and every point
// with a torsion component are refused, unlike kyber's own edwards25519 group, which accepts
// them. The identity (0x01 ‖ 0…) is accepted so that kyber code that round-trips Null() works;
// ParsePoint, for keys and commitments read from outside, refuses it.
//
// Side channels: filippo.io/edwards25519's scalar arithmetic, ScalarBaseMult and ScalarMult are
// constant time, so Mul by a secret scalar is too. The subgroup check on decoding uses a
// variable-time multiplication: it only ever sees public encodings.
//
// This package must not import any other litmesh package.
package edwards25519

import (
	"crypto/cipher"
	"crypto/sha256"
	"hash"

	"github.com/drand/kyber"
	"github.com/drand/kyber/util/random"
	"github.com/drand/kyber/xof/blake2xb"
)

const (
	// PointSize is the length of a marshalled point.
	PointSize = 32
	// ScalarSize is the length of a marshalled scalar (little-endian).
	ScalarSize = 32
)

// Group is the edwards25519 prime-order group. It satisfies kyber.Group and the extra
// factories drand/kyber's share/dkg needs of its Suite (kyber.HashFactory, kyber.XOFFactory,
// kyber.Random). The zero value is ready to use; it holds no state.
type Group struct{}

// NewGroup returns the group.
func NewGroup() *Group { return &Group{} }

var (
	_ kyber.Group       = (*Group)(nil)
	_ kyber.HashFactory = (*Group)(nil)
	_ kyber.XOFFactory  = (*Group)(nil)
	_ kyber.Random      = (*Group)(nil)
)

// String names the group. It differs from kyber's own "Ed25519" group on purpose: key shares
// and DKG sessions of the two groups (which decode points differently) must never mix.
func (*Group) String() string { return "edwards25519" }

// ScalarLen is the length of a marshalled scalar.
func (*Group) ScalarLen() int { return ScalarSize }

// Scalar returns a new scalar set to zero.
func (*Group) Scalar() kyber.Scalar { return newScalar() }

// PointLen is the length of a marshalled point.
func (*Group) PointLen() int { return PointSize }

// Point returns a new point set to the identity.
func (*Group) Point() kyber.Point { return newPoint() }

// Hash returns SHA-256, the hash kyber protocols (DKG bundle signatures, ECIES) use with it.
func (*Group) Hash() hash.Hash { return sha256.New() }

// XOF returns a BLAKE2Xb extendable-output function seeded with seed.
func (*Group) XOF(seed []byte) kyber.XOF { return blake2xb.New(seed) }

// RandomStream returns a cipher.Stream over crypto/rand.
func (*Group) RandomStream() cipher.Stream { return random.New() }
