// Package secp256k1 is a kyber group over the secp256k1 curve, built on
// github.com/decred/dcrd/dcrec/secp256k1/v4. It exists so that drand/kyber's share/dkg (and
// anything else written against kyber.Group) can generate and reshare the secp256k1 root key of
// the PKP feature.
//
// Encodings: a point is 33 bytes, SEC1 compressed (0x02/0x03 ‖ X); a scalar is 32 bytes,
// big-endian, strictly below the group order n. The identity has no SEC1 compressed form; it
// marshals as 33 zero bytes so that kyber code which hashes or round-trips Null() keeps working.
// Point.UnmarshalBinary accepts that one identity encoding (kyber's own group tests round-trip
// Null); ParsePoint, for keys and commitments read from outside, rejects it.
//
// Side channels: scalar arithmetic (ModNScalar) and field arithmetic are constant time, and
// Inv is a fixed exponentiation (Fermat) rather than decred's big.Int inverse. Every scalar
// multiplication (Point.Mul) is constant time with respect to the scalar (package ct), because
// kyber's DKG multiplies secrets — dealing coefficients, Schnorr nonces, Diffie–Hellman keys —
// through the same method as public values. Point addition, negation and encoding are decred's
// variable-time code: they only ever see points, which are public.
//
// This package must not import any other litmesh package except its own subpackages
// (mpc/secp256k1/field, mpc/secp256k1/ct).
package secp256k1

import (
	"crypto/cipher"
	"crypto/sha256"
	"hash"

	"github.com/drand/kyber"
	"github.com/drand/kyber/util/random"
	"github.com/drand/kyber/xof/blake2xb"
)

const (
	// PointSize is the length of a marshalled point (SEC1 compressed).
	PointSize = 33
	// ScalarSize is the length of a marshalled scalar (big-endian).
	ScalarSize = 32
)

// Group is the secp256k1 group. It satisfies kyber.Group and the extra factories drand/kyber's
// share/dkg needs of its Suite (kyber.HashFactory, kyber.XOFFactory, kyber.Random). The zero
// value is ready to use; it holds no state.
type Group struct{}

// NewGroup returns the secp256k1 group.
func NewGroup() *Group { return &Group{} }

var (
	_ kyber.Group       = (*Group)(nil)
	_ kyber.HashFactory = (*Group)(nil)
	_ kyber.XOFFactory  = (*Group)(nil)
	_ kyber.Random      = (*Group)(nil)
)

// String names the group.
func (*Group) String() string { return "secp256k1" }

// ScalarLen is the length of a marshalled scalar.
func (*Group) ScalarLen() int { return ScalarSize }

// Scalar returns a new scalar set to zero.
func (*Group) Scalar() kyber.Scalar { return new(scalar) }

// PointLen is the length of a marshalled point.
func (*Group) PointLen() int { return PointSize }

// Point returns a new point set to the identity.
func (*Group) Point() kyber.Point { return new(point) }

// Hash returns SHA-256, the hash kyber protocols use with this group.
func (*Group) Hash() hash.Hash { return sha256.New() }

// XOF returns a BLAKE2Xb extendable-output function seeded with seed (the same XOF the
// kyber-bls12381 suite uses).
func (*Group) XOF(seed []byte) kyber.XOF { return blake2xb.New(seed) }

// RandomStream returns a cipher.Stream over crypto/rand.
func (*Group) RandomStream() cipher.Stream { return random.New() }
