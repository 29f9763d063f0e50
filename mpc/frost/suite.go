package frost

import (
	"errors"
	"fmt"
)

// Suite is a FROST ciphersuite. Its String is the name Lit's SDK and nodes use for the signing
// scheme.
type Suite uint8

// The ciphersuites.
const (
	// Ed25519 is FROST(Ed25519, SHA-512) of RFC 9591: plain Ed25519 signatures (RFC 8032)
	// that Go's crypto/ed25519, Node's crypto.verify and libsodium accept. Lit: SchnorrEd25519Sha512.
	Ed25519 Suite = 1
	// Secp256k1 is FROST(secp256k1, SHA-256) of RFC 9591: Schnorr signatures over secp256k1 with
	// the RFC's hashing and a 65-byte encoding (compressed R ‖ z). Lit: SchnorrK256Sha256.
	Secp256k1 Suite = 2
	// Taproot is FROST(secp256k1, SHA-256) with BIP-340 signatures: x-only keys, even-Y group
	// key and group commitment, the BIP0340/challenge tagged hash, 64-byte signatures that
	// Bitcoin's Taproot key-path spends accept (the "FROST(secp256k1, SHA-256)-TR" suite of
	// the Zcash Foundation's frost-secp256k1-tr, whose test vectors it passes).
	// Lit: SchnorrK256Taproot.
	Taproot Suite = 3
)

// Suites lists every ciphersuite.
var Suites = []Suite{Ed25519, Secp256k1, Taproot}

// ErrUnknownSuite is returned for a suite number or name this package does not implement.
var ErrUnknownSuite = errors.New("frost: unknown ciphersuite")

// String returns Lit's signing-scheme name.
func (s Suite) String() string {
	switch s {
	case Ed25519:
		return "SchnorrEd25519Sha512"
	case Secp256k1:
		return "SchnorrK256Sha256"
	case Taproot:
		return "SchnorrK256Taproot"
	default:
		return fmt.Sprintf("frost.Suite(%d)", uint8(s))
	}
}

// ParseSuite maps Lit's signing-scheme name to a suite.
func ParseSuite(name string) (Suite, error) {
	for _, s := range Suites {
		if s.String() == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownSuite, name)
}

// Valid reports whether s is one of the implemented suites.
func (s Suite) Valid() bool { return s >= Ed25519 && s <= Taproot }

// ContextString is the suite's RFC 9591 contextString.
func (s Suite) ContextString() string { return s.params().context }

// PublicKeySize is the length of a public key in the suite's standard encoding: 32 (Ed25519,
// RFC 8032), 33 (SEC1 compressed) or 32 (BIP-340 x-only).
func (s Suite) PublicKeySize() int { return s.params().keyLen }

// SignatureSize is the length of a signature in the suite's standard encoding.
func (s Suite) SignatureSize() int { return s.params().sigLen }

// ElementSize is the length of a group element on the wire (RFC 9591's Ne): 32 or 33.
func (s Suite) ElementSize() int { return s.params().g.elementLen() }

// ScalarSize is the length of a scalar on the wire (RFC 9591's Ns): 32.
func (s Suite) ScalarSize() int { return s.params().g.scalarLen() }

// params holds what differs between the suites.
type params struct {
	suite   Suite
	context string
	g       group
	keyLen  int
	sigLen  int
	// h1, h3: RFC 9591's H1 (binding factor) and H3 (nonce); h4, h5: message and commitment
	// list digests.
	h1, h3 func(parts ...[]byte) scalar
	h4, h5 func(parts ...[]byte) []byte
	bip340 bool
}

var (
	edParams = &params{
		suite: Ed25519, context: "FROST-ED25519-SHA512-v1", g: edGroup{}, keyLen: 32, sigLen: 64,
	}
	k1Params = &params{
		suite: Secp256k1, context: "FROST-secp256k1-SHA256-v1", g: k1Group{}, keyLen: 33, sigLen: 65,
	}
	trParams = &params{
		suite: Taproot, context: "FROST-secp256k1-SHA256-TR-v1", g: k1Group{}, keyLen: 32, sigLen: 64,
		bip340: true,
	}
)

func init() {
	edParams.h1 = func(p ...[]byte) scalar { return sha512Scalar(prepend([]byte(edParams.context+"rho"), p)...) }
	edParams.h3 = func(p ...[]byte) scalar { return sha512Scalar(prepend([]byte(edParams.context+"nonce"), p)...) }
	edParams.h4 = func(p ...[]byte) []byte { return sha512Sum(prepend([]byte(edParams.context+"msg"), p)...) }
	edParams.h5 = func(p ...[]byte) []byte { return sha512Sum(prepend([]byte(edParams.context+"com"), p)...) }
	for _, k := range []*params{k1Params, trParams} {
		ctx := k.context
		k.h1 = func(p ...[]byte) scalar { return k1HashToScalar([]byte(ctx+"rho"), p...) }
		k.h3 = func(p ...[]byte) scalar { return k1HashToScalar([]byte(ctx+"nonce"), p...) }
		k.h4 = func(p ...[]byte) []byte { return sha256Sum(prepend([]byte(ctx+"msg"), p)...) }
		k.h5 = func(p ...[]byte) []byte { return sha256Sum(prepend([]byte(ctx+"com"), p)...) }
	}
}

func prepend(first []byte, rest [][]byte) [][]byte {
	return append([][]byte{first}, rest...)
}

func (s Suite) params() *params {
	switch s {
	case Ed25519:
		return edParams
	case Secp256k1:
		return k1Params
	case Taproot:
		return trParams
	default:
		panic(fmt.Sprintf("frost: %v", s))
	}
}

// challenge is RFC 9591's compute_challenge (H2 over the encodings of R and the key and the
// message); for Taproot, BIP-340's e = int(hash_BIP0340/challenge(bytes(R) ‖ bytes(P) ‖ m))
// mod n over x-only encodings.
func (p *params) challenge(r, key element, msg []byte) scalar {
	switch p.suite {
	case Ed25519:
		// H2 has no context string, for compatibility with RFC 8032.
		return sha512Scalar(r.encode(), key.encode(), msg)
	case Secp256k1:
		return k1HashToScalar([]byte(p.context+"chal"), r.encode(), key.encode(), msg)
	default:
		return k1Reduce32(taggedHash("BIP0340/challenge", r.(*k1Element).xOnly(), key.(*k1Element).xOnly(), msg))
	}
}

// encodeSignature is the suite's standard signature encoding: R ‖ z (RFC 9591 appendix A) for
// Ed25519 and Secp256k1, bytes(R) ‖ bytes(z) (BIP-340) for Taproot.
func (p *params) encodeSignature(r element, z scalar) []byte {
	if p.bip340 {
		return append(r.(*k1Element).xOnly(), z.encode()...)
	}
	return append(r.encode(), z.encode()...)
}

// encodeKey is the suite's standard public-key encoding.
func (p *params) encodeKey(k element) []byte {
	if p.bip340 {
		return k.(*k1Element).xOnly()
	}
	return k.encode()
}
