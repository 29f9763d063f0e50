package chain

import (
	"errors"
	"math/big"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// hdDomain separates PKP key derivation hashes from every other use of keccak256.
const hdDomain = "litmesh/hd/v1"

// ErrZeroEpsilon is returned for the (probability 2⁻²⁵⁶) key id whose ε is zero; the
// contract refuses it too.
var ErrZeroEpsilon = errors.New("pkp key id derives a zero tweak")

// KeyEpsilon returns ε = keccak256("litmesh/hd/v1" ‖ keyID) mod n, the public tweak that turns
// the network's ECDSA root key X into the PKP key Y = X + ε·G (docs/architecture.md). Each
// node's share of the PKP key is its root share plus ε.
func KeyEpsilon(keyID [32]byte) (*secp256k1.ModNScalar, error) {
	h := crypto.Keccak256([]byte(hdDomain), keyID[:])
	var eps secp256k1.ModNScalar
	eps.SetByteSlice(h) // reduces mod n
	if eps.IsZero() {
		return nil, ErrZeroEpsilon
	}
	return &eps, nil
}

// DerivePKPKey returns the public key of the PKP with the given key id: Y = X + ε·G.
func DerivePKPKey(root *secp256k1.PublicKey, keyID [32]byte) (*secp256k1.PublicKey, error) {
	eps, err := KeyEpsilon(keyID)
	if err != nil {
		return nil, err
	}
	var x, tweak, y secp256k1.JacobianPoint
	root.AsJacobian(&x)
	secp256k1.ScalarBaseMultNonConst(eps, &tweak)
	secp256k1.AddNonConst(&x, &tweak, &y)
	if (y.X.IsZero() && y.Y.IsZero()) || y.Z.IsZero() {
		// X = −ε·G: only if someone knows the root's discrete log and chose the key id.
		return nil, errors.New("derived pkp key is the point at infinity")
	}
	y.ToAffine()
	return secp256k1.NewPublicKey(&y.X, &y.Y), nil
}

// PKPTokenID is the PKPNFT token id of a PKP key: keccak256 of its 65-byte uncompressed form.
func PKPTokenID(pub *secp256k1.PublicKey) *big.Int {
	return new(big.Int).SetBytes(crypto.Keccak256(pub.SerializeUncompressed()))
}

// PKPEthAddress is the Ethereum address of a PKP key.
func PKPEthAddress(pub *secp256k1.PublicKey) common.Address {
	return common.BytesToAddress(crypto.Keccak256(pub.SerializeUncompressed()[1:])[12:])
}
