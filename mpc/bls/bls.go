// Package bls is litmesh's threshold BLS and the identity-based encryption built on it: the
// network's BLS12-381 root key is shared among the nodes (package dkg, public key on G1); each
// node signs with its share (a partial signature on G2); anyone holding the public polynomial
// verifies each partial on its own and combines any threshold of them into the signature of
// the root key. A signature over an identity string is exactly the IBE private key for that
// identity (Boneh–Franklin, kyber's CCA variant with the master key on G1), which is how the
// network releases decryption keys without any node holding one.
//
// BLS PKPs (pkp.go) use a root key of their own and the proof-of-possession ciphersuite, with
// keys derived additively per PKP (docs/schemes.md).
//
// It builds on drand/kyber (sign/bls NewSchemeOnG2, sign/tbls, encrypt/ibe) with the
// kyber-bls12381 suite, and adds what a network needs around them: strict decoding, errors that
// name the bad share's index, a combine that never returns an unverified signature, and a
// versioned ciphertext format (see Ciphertext).
//
// This package must not import libp2p or any litmesh package outside mpc.
package bls

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/drand/kyber"
	kbls "github.com/drand/kyber-bls12381"
	"github.com/drand/kyber/pairing"
	"github.com/drand/kyber/share"
	ksign "github.com/drand/kyber/sign"
	kyberbls "github.com/drand/kyber/sign/bls" //nolint:staticcheck // its warning is about aggregating signatures of different keys; we combine partials of one key, and IBE needs this hash-to-G2
	"github.com/drand/kyber/sign/tbls"
	blst "github.com/supranational/blst/bindings/go"
)

// Sizes on the wire.
const (
	PublicKeySize = 48                // compressed G1 point
	SignatureSize = 96                // compressed G2 point
	PartialSize   = 2 + SignatureSize // big-endian u16 share index ‖ signature share (kyber tbls)
)

var (
	// ErrBadPartial is wrapped by every PartialError.
	ErrBadPartial = errors.New("bls: bad partial signature")
	// ErrNotEnoughPartials means fewer valid partials than the threshold were given.
	ErrNotEnoughPartials = errors.New("bls: not enough valid partial signatures")
	// ErrBadSignature means a signature does not verify under the public key.
	ErrBadSignature = errors.New("bls: invalid signature")
	// ErrThreshold means the threshold does not match the public polynomial.
	ErrThreshold = errors.New("bls: threshold does not match the public polynomial")
)

// PartialError says which share index a rejected partial signature claimed (-1 if it was too
// malformed to say) and why it was rejected.
type PartialError struct {
	Index int
	Err   error
}

func (e *PartialError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("%v: %v", ErrBadPartial, e.Err)
	}
	return fmt.Sprintf("%v from share %d: %v", ErrBadPartial, e.Index, e.Err)
}

func (e *PartialError) Unwrap() []error { return []error{ErrBadPartial, e.Err} }

var (
	suite  = kbls.NewBLS12381Suite()
	scheme = kyberbls.NewSchemeOnG2(suite)
	thresh = tbls.NewThresholdSchemeOnG2(suite)
)

// Suite is the pairing suite everything here uses (kyber-bls12381, default hash-to-curve
// domain tags).
func Suite() pairing.Suite { return suite }

// KeyGroup is the group of the public key and of the DKG that shares it (G1).
func KeyGroup() kyber.Group { return suite.G1() }

var _ ksign.ThresholdScheme = thresh

// PartialSign signs msg with a share of the root key: u16 share index ‖ x_i·H(msg), what
// kyber's tbls makes, computed with supranational/blst (hash to G2 and a constant-time
// multiplication by the share; kyber-bls12381's multiplication is not constant time).
func PartialSign(sh *share.PriShare, msg []byte) ([]byte, error) {
	if sh == nil || sh.V == nil || sh.I < 0 || sh.I > 1<<16-1 {
		return nil, errors.New("bls: share missing or index out of range")
	}
	sig, err := blstSign(sh.V, msg, []byte(nulDST))
	if err != nil {
		return nil, err
	}
	out := make([]byte, 2, PartialSize)
	binary.BigEndian.PutUint16(out, uint16(sh.I))
	return append(out, sig...), nil
}

// blstSign returns x·H(msg) under dst, compressed, for a kyber scalar x.
func blstSign(x kyber.Scalar, msg, dst []byte) ([]byte, error) {
	xb, err := x.MarshalBinary() // 32 bytes, big-endian, below r
	if err != nil {
		return nil, err
	}
	defer clear(xb)
	sk := new(blst.SecretKey).Deserialize(xb)
	if sk == nil {
		return nil, errors.New("bls: share out of range")
	}
	defer sk.Zeroize()
	sig := new(blst.P2Affine).Sign(sk, msg, dst)
	if sig == nil {
		return nil, errors.New("bls: sign failed")
	}
	return sig.Compress(), nil
}

// PartialIndex reads the share index a partial signature claims, checking only its length.
func PartialIndex(partial []byte) (int, error) {
	if len(partial) != PartialSize {
		return -1, &PartialError{Index: -1, Err: fmt.Errorf("%d bytes, want %d", len(partial), PartialSize)}
	}
	return int(binary.BigEndian.Uint16(partial)), nil
}

// VerifyPartial checks a partial signature over msg against the share's public key, which the
// public polynomial gives for its index. A failure is a *PartialError naming the index. To
// check several partials of one polynomial, ShareKeys.VerifyPartials is much cheaper.
func VerifyPartial(pub *share.PubPoly, msg, partial []byte) error {
	_, errs := NewShareKeys(pub).VerifyPartials(msg, [][]byte{partial})
	return errs[0]
}

// Combine is ShareKeys.Combine with a fresh ShareKeys for pub: it verifies every partial
// signature, skips the bad ones (reported in rejected, each naming its index; a repeated index
// counts as bad), and interpolates threshold good ones into the root key's signature over msg.
// With fewer than threshold good partials it fails with ErrNotEnoughPartials.
func Combine(pub *share.PubPoly, msg []byte, partials [][]byte, threshold int) (sig []byte, rejected []*PartialError, err error) {
	return NewShareKeys(pub).Combine(msg, partials, threshold)
}

// Verify checks a full signature over msg under the root public key.
func Verify(public kyber.Point, msg, sig []byte) error {
	if _, err := decodeSignature(sig); err != nil {
		return err
	}
	if err := scheme.Verify(public, msg, sig); err != nil {
		return ErrBadSignature
	}
	return nil
}

// ParsePublicKey decodes a compressed G1 public key, rejecting the identity.
func ParsePublicKey(b []byte) (kyber.Point, error) {
	if len(b) != PublicKeySize {
		return nil, fmt.Errorf("bls: public key of %d bytes, want %d", len(b), PublicKeySize)
	}
	p := suite.G1().Point()
	if err := p.UnmarshalBinary(b); err != nil { // checks curve and subgroup
		return nil, fmt.Errorf("bls: public key: %w", err)
	}
	if p.Equal(suite.G1().Point().Null()) {
		return nil, errors.New("bls: public key is the identity")
	}
	return p, nil
}

// MaxThreshold bounds the public polynomials ParsePublicPoly accepts (matches the DKG's limit
// on group size).
const MaxThreshold = 512

// MarshalPublicPoly encodes the public polynomial as its commitments, constant term (the public
// key) first, each a compressed G1 point: the form nodes publish in their handshake.
func MarshalPublicPoly(p *share.PubPoly) ([][]byte, error) {
	_, commits := p.Info()
	out := make([][]byte, len(commits))
	for i, c := range commits {
		b, err := c.MarshalBinary()
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// ParsePublicPoly decodes commitments written by MarshalPublicPoly, refusing more than
// MaxThreshold of them and any point that is malformed or the identity.
func ParsePublicPoly(commits [][]byte) (*share.PubPoly, error) {
	if len(commits) == 0 || len(commits) > MaxThreshold {
		return nil, fmt.Errorf("bls: public polynomial of %d commitments (want 1..%d)", len(commits), MaxThreshold)
	}
	points := make([]kyber.Point, len(commits))
	for i, c := range commits {
		p, err := ParsePublicKey(c)
		if err != nil {
			return nil, fmt.Errorf("bls: commitment %d: %w", i, err)
		}
		points[i] = p
	}
	return share.NewPubPoly(suite.G1(), nil, points), nil
}

// decodeSignature decodes a compressed G2 point (on the curve, in the subgroup), rejecting the
// identity, which no honest signer produces.
func decodeSignature(b []byte) (kyber.Point, error) {
	if len(b) != SignatureSize {
		return nil, fmt.Errorf("signature of %d bytes, want %d", len(b), SignatureSize)
	}
	p := suite.G2().Point()
	if err := p.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("signature encoding: %w", err)
	}
	if p.Equal(suite.G2().Point().Null()) {
		return nil, errors.New("signature is the identity")
	}
	return p, nil
}
