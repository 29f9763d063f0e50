package frost

import (
	"bytes"
	"errors"
	"fmt"
)

// HD (additive) derivation of PKP keys, as for ECDSA (docs/architecture.md): a PKP's key is
//
//	Y = X + ε·G,  ε = the suite's tweak hash of the PKPNFT key id, ε ≠ 0
//
// so minting needs no interaction and each member's share of the PKP key is x_i + ε. ε is
// domain-separated per suite (and from ECDSA's "litmesh/hd/v1"), so one key id gives unrelated
// keys under different curves:
//
//	Ed25519:           ε = SHA-512("litmesh/hd/frost-ed25519/v1" ‖ keyId) as a little-endian integer mod ℓ
//	Secp256k1, Taproot: ε = hash_to_field(keyId) with expand_message_xmd(SHA-256), L = 48,
//	                    DST "litmesh/hd/frost-secp256k1/v1"
//
// The two secp256k1 suites share the tweak: a Schnorr secp256k1 PKP is one point Y, which signs
// BIP-340 signatures under its x-only key and RFC 9591 signatures under its compressed key. The
// suites' challenges are different hash functions (BIP-340's tagged hash over x-only encodings,
// RFC 9591's H2 with its context string over compressed ones), so a signature of one suite is
// never one of the other.
//
// BIP-340 keys are x-only: a point and its negation have the same public key, and signing
// needs the one with even Y. So for Taproot the signing key is P = Y if Y has even y, else −Y;
// each member then signs with the share −(x_i + ε) and the public share −(X_i + ε·G). With the
// optional BIP-341 output tweak (Request.Taproot), the output key is Q = P + t·G with
// t = int(hash_TapTweak(bytes(P) ‖ merkle root)), again negated when Q has odd y. All of this
// is one public affine map k ↦ a·k + b (a = ±1) applied to every root share, so it costs
// nothing at signing time and any t+1 shares still interpolate to the signing key.

// KeyID is the 32-byte key id the PKPNFT contract assigns to a PKP.
type KeyID [32]byte

// ErrDegenerate reports a value that occurs with negligible probability for honest inputs (a
// zero tweak, a derived key at infinity) and must not be used.
var ErrDegenerate = errors.New("frost: degenerate value")

func hdLabel(s Suite) string {
	switch s {
	case Ed25519:
		return "litmesh/hd/frost-ed25519/v1"
	default: // Secp256k1 and Taproot: one Schnorr secp256k1 PKP key signs both
		return "litmesh/hd/frost-secp256k1/v1"
	}
}

// tweak is ε for keyID under suite s.
func tweak(s Suite, keyID KeyID) (scalar, error) {
	var eps scalar
	if s == Ed25519 {
		eps = sha512Scalar([]byte(hdLabel(s)), keyID[:])
	} else {
		eps = k1HashToScalar([]byte(hdLabel(s)), keyID[:])
	}
	if eps.isZero() {
		return nil, fmt.Errorf("derive tweak: %w", ErrDegenerate)
	}
	return eps, nil
}

// Tweak returns ε for keyID in the suite's scalar encoding.
func Tweak(s Suite, keyID KeyID) ([]byte, error) {
	if !s.Valid() {
		return nil, ErrUnknownSuite
	}
	eps, err := tweak(s, keyID)
	if err != nil {
		return nil, err
	}
	return eps.encode(), nil
}

// TaprootSpend asks for a signature under the BIP-341 output key instead of the PKP's x-only
// (internal) key.
type TaprootSpend struct {
	// MerkleRoot is the script tree's 32-byte Merkle root, or empty for a key-path-only output
	// (BIP-86).
	MerkleRoot []byte
}

// signingKey is the key a request signs under: K = a·X + b·G for the root key X, with every
// share transformed the same way, k_i = a·x_i + b.
type signingKey struct {
	negate bool   // a = −1
	b      scalar // the additive part
	key    element
}

// share applies the map to a secret root share (constant time: negation and addition).
func (sk *signingKey) share(x scalar) scalar {
	if sk.negate {
		x = x.neg()
	}
	return x.add(sk.b)
}

// publicShare applies the map to a root share's public key.
func (sk *signingKey) publicShare(p *params, x element) element {
	if sk.negate {
		x = x.neg()
	}
	return x.add(p.baseMulPublic(sk.b))
}

func deriveSigningKey(root *RootKey, keyID KeyID, tap *TaprootSpend) (*signingKey, error) {
	s := root.suite
	p := s.params()
	if tap != nil && s != Taproot {
		return nil, fmt.Errorf("derive key: a Taproot output tweak for suite %v: %w", s, ErrInvalid)
	}
	eps, err := tweak(s, keyID)
	if err != nil {
		return nil, err
	}
	sk := &signingKey{b: eps, key: root.coeffs[0].add(p.baseMulPublic(eps))}
	if sk.key.isIdentity() {
		return nil, fmt.Errorf("derive key: %w", ErrDegenerate)
	}
	if s != Taproot {
		return sk, nil
	}
	sk.evenY()
	if tap == nil {
		return sk, nil
	}
	if n := len(tap.MerkleRoot); n != 0 && n != 32 {
		return nil, fmt.Errorf("derive key: Taproot Merkle root of %d bytes, want 0 or 32: %w", n, ErrInvalid)
	}
	t := tapTweak(sk.key.(*k1Element).xOnly(), tap.MerkleRoot)
	if t == nil {
		return nil, fmt.Errorf("derive key: TapTweak not below the group order: %w", ErrDegenerate)
	}
	sk.b = sk.b.add(t)
	sk.key = sk.key.add(p.baseMulPublic(t))
	if sk.key.isIdentity() {
		return nil, fmt.Errorf("derive key: %w", ErrDegenerate)
	}
	sk.evenY()
	return sk, nil
}

// evenY negates the map when the key has odd y (BIP-340).
func (sk *signingKey) evenY() {
	if sk.key.(*k1Element).hasEvenY() {
		return
	}
	sk.negate = !sk.negate
	sk.b = sk.b.neg()
	sk.key = sk.key.neg()
}

// tapTweak is BIP-341's t = int(hash_TapTweak(internal ‖ merkleRoot)), or nil when t ≥ n
// (BIP-341 fails then).
func tapTweak(internal, merkleRoot []byte) scalar {
	h := taggedHash("TapTweak", internal, merkleRoot)
	s, err := k1Group{}.decodeScalar(h)
	if err != nil {
		return nil
	}
	return s
}

// PublicKey is a PKP's public key under one suite.
type PublicKey struct {
	suite Suite
	key   element
}

// DerivePublicKey returns the PKP public key for keyID under the root key: Y = X + ε·G (for
// Taproot, the x-only key of Y, i.e. of the even-Y point ±Y).
func DerivePublicKey(root *RootKey, keyID KeyID) (*PublicKey, error) {
	sk, err := deriveSigningKey(root, keyID, nil)
	if err != nil {
		return nil, err
	}
	return &PublicKey{suite: root.suite, key: sk.key}, nil
}

// Suite is the key's ciphersuite.
func (k *PublicKey) Suite() Suite { return k.suite }

// Bytes is the key in the suite's standard encoding: the 32-byte RFC 8032 key (Ed25519, what
// Solana's base58 address encodes), the 33-byte SEC1 compressed key (Secp256k1), or the
// 32-byte BIP-340 x-only key (Taproot).
func (k *PublicKey) Bytes() []byte { return k.suite.params().encodeKey(k.key) }

// Equal reports whether two keys are the same.
func (k *PublicKey) Equal(o *PublicKey) bool {
	return o != nil && k.suite == o.suite && bytes.Equal(k.Bytes(), o.Bytes())
}

// TaprootOutputKey returns the BIP-341 output key Q of a Taproot PKP key (x-only) and the
// script tree's Merkle root (empty for BIP-86 key-path-only outputs), as the 32-byte x-only
// key that a P2TR scriptPubKey (OP_1 ‖ 0x20 ‖ Q) commits to.
func TaprootOutputKey(internal []byte, merkleRoot []byte) ([]byte, error) {
	if n := len(merkleRoot); n != 0 && n != 32 {
		return nil, fmt.Errorf("taproot output key: Merkle root of %d bytes: %w", n, ErrInvalid)
	}
	p, err := k1LiftX(internal)
	if err != nil {
		return nil, fmt.Errorf("taproot output key: %w", errors.Join(ErrInvalid, err))
	}
	t := tapTweak(internal, merkleRoot)
	if t == nil {
		return nil, fmt.Errorf("taproot output key: %w", ErrDegenerate)
	}
	q := p.add(k1BaseMulPublic(t)).(*k1Element)
	if q.isIdentity() {
		return nil, fmt.Errorf("taproot output key: %w", ErrDegenerate)
	}
	return q.xOnly(), nil
}
