package ecdsa

import (
	"errors"
	"fmt"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"golang.org/x/crypto/sha3"
)

// HD (additive) derivation of PKP keys, docs/architecture.md "Keys and derivation":
//
//	ε = uint256(keccak256("litmesh/hd/v1" ‖ keyId)) mod n,  ε ≠ 0
//	Y = X + ε·G
//
// Node i's share of the PKP key is x_i + ε. The presignature algebra never needs that share
// explicitly: ε enters SignShare and Combine as public data.

// hdLabel is the domain separator of the key derivation; changing it changes every PKP key.
const hdLabel = "litmesh/hd/v1"

// KeyID is the 32-byte key id the PKPNFT contract assigns to a PKP.
type KeyID [32]byte

// ErrDegenerate reports a value that occurs with negligible probability for honest inputs (a
// zero tweak, a derived key at infinity, a zero nonce) and must not be used.
var ErrDegenerate = errors.New("ecdsa: degenerate value")

// Epsilon returns the derivation tweak ε of keyID.
func Epsilon(keyID KeyID) (*secp256k1.ModNScalar, error) {
	h := sha3.NewLegacyKeccak256()
	h.Write([]byte(hdLabel))
	h.Write(keyID[:])
	var eps secp256k1.ModNScalar
	eps.SetByteSlice(h.Sum(nil)) // reduces mod n
	if eps.IsZero() {
		return nil, fmt.Errorf("derive tweak: %w", ErrDegenerate)
	}
	return &eps, nil
}

// DerivePublic returns the PKP public key Y = X + ε·G for keyID under the root key X.
func DerivePublic(root *secp256k1.PublicKey, keyID KeyID) (*secp256k1.PublicKey, error) {
	eps, err := Epsilon(keyID)
	if err != nil {
		return nil, err
	}
	return deriveWithTweak(root, eps)
}

func deriveWithTweak(root *secp256k1.PublicKey, eps *secp256k1.ModNScalar) (*secp256k1.PublicKey, error) {
	x := publicKeyToPoint(root)
	e := mulG(eps)
	y := add(&x, &e)
	pk, err := pointToPublicKey(&y)
	if err != nil {
		return nil, fmt.Errorf("derive public key: %w", ErrDegenerate)
	}
	return pk, nil
}

// Uncompressed returns the 65-byte SEC1 encoding 0x04 ‖ X ‖ Y that Lit's contracts hash.
func Uncompressed(pub *secp256k1.PublicKey) [65]byte {
	var out [65]byte
	copy(out[:], pub.SerializeUncompressed())
	return out
}

// TokenID is the PKPNFT token id of a PKP: keccak256 of its 65-byte uncompressed public key.
func TokenID(pub *secp256k1.PublicKey) [32]byte {
	u := Uncompressed(pub)
	var out [32]byte
	copy(out[:], keccak256(u[:]))
	return out
}

// Address is the Ethereum address of pub: the last 20 bytes of keccak256(X ‖ Y).
func Address(pub *secp256k1.PublicKey) [20]byte {
	u := Uncompressed(pub)
	var out [20]byte
	copy(out[:], keccak256(u[1:])[12:])
	return out
}

func keccak256(data ...[]byte) []byte {
	h := sha3.NewLegacyKeccak256()
	for _, d := range data {
		h.Write(d)
	}
	return h.Sum(nil)
}
