package frost

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
)

// Limits on the sizes this package accepts from configuration and from the wire.
const (
	// MaxSigners bounds a signer set (and so the commitment list of a signature).
	MaxSigners = 1024
	// MaxShareIndex bounds a share index (kyber's convention: the share is f(index+1), so the
	// RFC 9591 identifier is index+1).
	MaxShareIndex = 1<<16 - 2
	// MaxDegree bounds the degree of a root key's sharing.
	MaxDegree = MaxSigners - 1
)

// ErrInvalid reports configuration or input this package refuses before doing any work.
var ErrInvalid = errors.New("frost: invalid input")

// RootKey is the public side of a root key's Shamir sharing f(z) = Σ a_l z^l of degree t: the
// Feldman commitments C_l = a_l·G, C_0 being the root public key. Any t+1 share holders sign;
// t+1 colluding holders learn the key. Build it from the DKG output (kyber's Commits, each
// marshalled by the group of package edwards25519 or secp256k1, which use the suite's element
// encoding) with NewRootKey.
type RootKey struct {
	suite  Suite
	coeffs []element
	digest [32]byte

	mu     sync.Mutex
	shares map[int]element // memo of shareKey: a client checks the same signers again and again
}

// NewRootKey parses the commitments, constant term first, each in the suite's element
// encoding (32 bytes for Ed25519, 33-byte SEC1 compressed for the secp256k1 suites). Every
// commitment must be a valid non-identity element.
func NewRootKey(s Suite, commitments [][]byte) (*RootKey, error) {
	if !s.Valid() {
		return nil, ErrUnknownSuite
	}
	if len(commitments) == 0 || len(commitments) > MaxDegree+1 {
		return nil, fmt.Errorf("root key: %d commitments: %w", len(commitments), ErrInvalid)
	}
	p := s.params()
	rk := &RootKey{suite: s, coeffs: make([]element, len(commitments))}
	h := sha256.New()
	h.Write([]byte("litmesh/frost/root/v1"))
	h.Write([]byte{byte(s)})
	for i, b := range commitments {
		e, err := p.g.decodeElement(b)
		if err != nil {
			return nil, fmt.Errorf("root key commitment %d: %w", i, errors.Join(ErrInvalid, err))
		}
		rk.coeffs[i] = e
		h.Write(b)
	}
	h.Sum(rk.digest[:0])
	return rk, nil
}

// Suite is the ciphersuite the key is for.
func (rk *RootKey) Suite() Suite { return rk.suite }

// Degree is t, the degree of the sharing.
func (rk *RootKey) Degree() int { return len(rk.coeffs) - 1 }

// MinSigners is t+1: how many shares a signature needs (and how many colluders learn the key).
func (rk *RootKey) MinSigners() int { return len(rk.coeffs) }

// Digest identifies the root key and its whole sharing (SHA-256 over the commitments).
func (rk *RootKey) Digest() [32]byte { return rk.digest }

// PublicKey is the root public key C_0 in the suite's element encoding (not a PKP key: those
// are derived with DerivePublicKey).
func (rk *RootKey) PublicKey() []byte { return rk.coeffs[0].encode() }

// Commitments returns the commitments in the form NewRootKey takes.
func (rk *RootKey) Commitments() [][]byte {
	out := make([][]byte, len(rk.coeffs))
	for i, c := range rk.coeffs {
		out[i] = c.encode()
	}
	return out
}

// shareKey returns X_i = f(index+1)·G, the public key of share index.
func (rk *RootKey) shareKey(index int) element {
	rk.mu.Lock()
	defer rk.mu.Unlock()
	if x, ok := rk.shares[index]; ok {
		return x
	}
	if rk.shares == nil || len(rk.shares) > 4*MaxSigners {
		rk.shares = map[int]element{}
	}
	g := rk.suite.params().g
	x := g.scalarFromInt(uint32(index) + 1)
	acc := rk.coeffs[len(rk.coeffs)-1]
	for l := len(rk.coeffs) - 2; l >= 0; l-- {
		acc = acc.mul(x).add(rk.coeffs[l])
	}
	rk.shares[index] = acc
	return acc
}

// KeyShare is one member's share of a root key.
type KeyShare struct {
	root   *RootKey
	index  int
	secret scalar
}

// NewKeyShare checks secret (the suite's scalar encoding: 32 bytes, little-endian for Ed25519,
// big-endian for secp256k1 — what kyber's groups marshal) against the commitments and returns
// the share. index is kyber's share index: the share is f(index+1).
func NewKeyShare(root *RootKey, index int, secret []byte) (*KeyShare, error) {
	if root == nil {
		return nil, fmt.Errorf("key share: no root key: %w", ErrInvalid)
	}
	if index < 0 || index > MaxShareIndex {
		return nil, fmt.Errorf("key share: index %d out of range: %w", index, ErrInvalid)
	}
	g := root.suite.params().g
	s, err := g.decodeScalar(secret)
	if err != nil {
		return nil, fmt.Errorf("key share: %w", errors.Join(ErrInvalid, err))
	}
	if !g.baseMul(s).equal(root.shareKey(index)) {
		s.wipe()
		return nil, fmt.Errorf("key share %d does not match the root key's commitments: %w", index, ErrInvalid)
	}
	return &KeyShare{root: root, index: index, secret: s}, nil
}

// Index is the share index.
func (k *KeyShare) Index() int { return k.index }

// Root is the root key the share belongs to.
func (k *KeyShare) Root() *RootKey { return k.root }

// identifier is RFC 9591's participant identifier of share index i: i+1.
func identifier(g group, index int) scalar { return g.scalarFromInt(uint32(index) + 1) }

// lagrange returns λ_i for each index over the set (RFC 9591's derive_interpolating_value),
// at zero. The indices must be distinct.
func lagrange(g group, indices []int) []scalar {
	ids := make([]scalar, len(indices))
	for i, idx := range indices {
		ids[i] = identifier(g, idx)
	}
	out := make([]scalar, len(indices))
	for i := range ids {
		num, den := g.scalarFromInt(1), g.scalarFromInt(1)
		for j := range ids {
			if j == i {
				continue
			}
			num = num.mul(ids[j])
			den = den.mul(ids[j].sub(ids[i]))
		}
		out[i] = num.mul(den.inv())
	}
	return out
}

func putU16(b []byte, v int) []byte { return binary.BigEndian.AppendUint16(b, uint16(v)) }
