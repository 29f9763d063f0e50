package ecdsa

import (
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// Limits on the sizes this package accepts from configuration and from the wire.
const (
	// MaxSigners bounds a signer set (and so every per-member list in a message).
	MaxSigners = 1024
	// MaxShareIndex bounds a share index (kyber-style, evaluation point index+1).
	MaxShareIndex = 1<<16 - 2
)

// ErrInvalid reports configuration or input that this package refuses before doing any work.
var ErrInvalid = errors.New("ecdsa: invalid input")

// RootCommitments are the public Feldman commitments A_0 … A_t of the root key sharing
// x(z) = Σ x_l z^l: A_l = x_l·G. A_0 = X is the root public key; t = len − 1 is the degree.
// Build them from the DKG output (kyber's Commits, each marshalled as a 33-byte compressed
// point) with NewRootCommitments.
type RootCommitments struct {
	coeffs []point // affine
	digest [32]byte
}

// NewRootCommitments parses the commitments, each a 33-byte compressed point, constant term
// first.
func NewRootCommitments(compressed [][]byte) (*RootCommitments, error) {
	if len(compressed) == 0 || len(compressed) > MaxSigners/2 {
		return nil, fmt.Errorf("root commitments: %d coefficients: %w", len(compressed), ErrInvalid)
	}
	rc := &RootCommitments{coeffs: make([]point, len(compressed))}
	h := sha256.New()
	h.Write([]byte("litmesh/ecdsa/root/v1"))
	for i, b := range compressed {
		if len(b) != compressedLen {
			return nil, fmt.Errorf("root commitment %d: %d bytes, want %d: %w", i, len(b), compressedLen, ErrInvalid)
		}
		pk, err := secp256k1.ParsePubKey(b)
		if err != nil {
			return nil, fmt.Errorf("root commitment %d: %w", i, errors.Join(ErrInvalid, err))
		}
		pk.AsJacobian(&rc.coeffs[i])
		h.Write(b)
	}
	h.Sum(rc.digest[:0])
	return rc, nil
}

// Threshold returns t, the degree of the root sharing: t+1 shares reconstruct the key.
func (rc *RootCommitments) Threshold() int { return len(rc.coeffs) - 1 }

// PublicKey returns the root public key X = A_0.
func (rc *RootCommitments) PublicKey() *secp256k1.PublicKey {
	pk, _ := pointToPublicKey(&rc.coeffs[0]) // parsed points are never infinity
	return pk
}

// Compressed returns the commitments in the form NewRootCommitments takes.
func (rc *RootCommitments) Compressed() [][]byte {
	out := make([][]byte, len(rc.coeffs))
	for i := range rc.coeffs {
		pk, _ := pointToPublicKey(&rc.coeffs[i])
		out[i] = pk.SerializeCompressed()
	}
	return out
}

// shareCommitment returns X_i = x(i+1)·G, the public image of share index i.
func (rc *RootCommitments) shareCommitment(index int) point {
	ks := powers(evalPoint(index), len(rc.coeffs)-1)
	return msm(append([]point(nil), rc.coeffs...), ks)
}

// KeyShare is one member's share of the root key together with the public commitments.
type KeyShare struct {
	root   *RootCommitments
	index  int
	secret scalar
}

// NewKeyShare checks secret (32 bytes, big-endian) against the commitments and returns the
// share. index is kyber's share index: the share is x(index+1).
func NewKeyShare(root *RootCommitments, index int, secret []byte) (*KeyShare, error) {
	if root == nil {
		return nil, fmt.Errorf("key share: no root commitments: %w", ErrInvalid)
	}
	if index < 0 || index > MaxShareIndex {
		return nil, fmt.Errorf("key share: index %d out of range: %w", index, ErrInvalid)
	}
	s, err := decodeScalar(secret)
	if err != nil {
		return nil, fmt.Errorf("key share: %w", errors.Join(ErrInvalid, err))
	}
	want := root.shareCommitment(index)
	got := ctMulG(&s) // s is the secret key share
	if !equalPoints(&got, &want) {
		return nil, fmt.Errorf("key share %d does not match the root commitments: %w", index, ErrInvalid)
	}
	return &KeyShare{root: root, index: index, secret: s}, nil
}

// Index returns the share index.
func (k *KeyShare) Index() int { return k.index }

// Root returns the public commitments the share belongs to.
func (k *KeyShare) Root() *RootCommitments { return k.root }

// powers returns 1, x, x², …, x^d.
func powers(x scalar, d int) []scalar {
	out := make([]scalar, d+1)
	out[0].SetInt(1)
	for l := 1; l <= d; l++ {
		out[l].Mul2(&out[l-1], &x)
	}
	return out
}

// evalPoly returns Σ c_l x^l.
func evalPoly(c []scalar, x *scalar) scalar {
	var r scalar
	for l := len(c) - 1; l >= 0; l-- {
		r.Mul(x).Add(&c[l])
	}
	return r
}

// lagrangeAtZero returns the coefficients λ_j with f(0) = Σ λ_j f(x_j) for any polynomial of
// degree < len(xs). The x_j must be distinct and non-zero.
func lagrangeAtZero(xs []scalar) []scalar {
	out := make([]scalar, len(xs))
	for j := range xs {
		var num, den scalar
		num.SetInt(1)
		den.SetInt(1)
		for m := range xs {
			if m == j {
				continue
			}
			num.Mul(&xs[m])
			var d scalar
			d.NegateVal(&xs[j]).Add(&xs[m]) // x_m − x_j
			den.Mul(&d)
		}
		out[j].Mul2(&num, den.InverseNonConst())
	}
	return out
}
