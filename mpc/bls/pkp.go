package bls

import (
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/drand/kyber"
	kbls "github.com/drand/kyber-bls12381"
	"github.com/drand/kyber/share"
	kyberbls "github.com/drand/kyber/sign/bls" //nolint:staticcheck // see bls.go: we combine partials of one key
	blst "github.com/supranational/blst/bindings/go"
)

// BLS PKPs: a PKP whose key is a BLS12-381 key, signing with the proof-of-possession
// ciphersuite of draft-irtf-cfrg-bls-signature-05 (section 4.2.3), minimal-pubkey-size variant:
//
//	public key  in G1, 48 bytes compressed (ZCash/IETF serialization)
//	signature   in G2, 96 bytes compressed
//	hash        hash_to_curve G2, expand_message_xmd(SHA-256), DST PKPCiphersuite
//
// This is what Lit calls Bls12381G1ProofOfPossession: Lit's node signs it with blsful's
// Bls12381G2Impl ("signatures in G2, public keys in G1") and SignatureSchemes::ProofOfPossession,
// over a key share derived in G1. Signatures verify in blst (core_verify with this DST), noble's
// bls12-381 with { DST: PKPCiphersuite }, py_ecc's G2ProofOfPossession, and Ethereum consensus
// tooling, which uses the same ciphersuite.
//
// Keys derive additively from a root key of their own (never the encryption root key):
//
//	ε = OS2IP(SHA-512("litmesh/hd/bls12381g1-pop/v1" ‖ keyId)) mod r,  ε ≠ 0
//	Y = X + ε·G1,  share of member i: x_i + ε
//
// so minting is instant and each member's partial signature (x_i + ε)·H(m) is made without
// interaction; the client checks each partial against X_i + ε·G1 and interpolates any T of them.
//
// A property of additive derivation that Schnorr and ECDSA do not share: the message hash
// does not depend on the key, so from PKP A's signature on m anyone can compute every other
// BLS PKP's signature on the same m — σ_B = σ_A + (ε_B − ε_A)·H(m). docs/schemes.md says what
// that means and what would avoid it.

// PKPCiphersuite is the ciphersuite ID and hash-to-curve DST of BLS PKP signatures.
const PKPCiphersuite = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"

const pkpLabel = "litmesh/hd/bls12381g1-pop/v1"

var (
	popSuite  = kbls.NewBLS12381SuiteWithDST(nil, []byte(PKPCiphersuite))
	popScheme = kyberbls.NewSchemeOnG2(popSuite)
)

// ErrDegenerate reports a zero tweak (probability 2^-255): the key id cannot be used.
var ErrDegenerate = errors.New("bls: degenerate key derivation")

// PKPTweak returns ε for keyID.
func PKPTweak(keyID [32]byte) (kyber.Scalar, error) {
	h := sha512.New()
	h.Write([]byte(pkpLabel))
	h.Write(keyID[:])
	eps := suite.G1().Scalar().SetBytes(h.Sum(nil)) // big-endian, reduced mod r
	if eps.Equal(suite.G1().Scalar().Zero()) {
		return nil, ErrDegenerate
	}
	return eps, nil
}

// DerivePKPKey returns the PKP public key Y = X + ε·G1 for keyID under the BLS PKP root key X.
func DerivePKPKey(root kyber.Point, keyID [32]byte) (kyber.Point, error) {
	eps, err := PKPTweak(keyID)
	if err != nil {
		return nil, err
	}
	return suite.G1().Point().Add(root, suite.G1().Point().Mul(eps, nil)), nil
}

// PKPPartialSign signs msg with a member's share of the PKP key keyID: the partial signature
// (x_i + ε)·H(msg), encoded like PartialSign's (u16 share index ‖ 96-byte G2 point). The secret
// arithmetic (x_i + ε, the multiplication of H(msg)) is supranational/blst's, which is constant
// time; kyber-bls12381's G2 multiplication (GLV + wNAF) is not.
func PKPPartialSign(sh *share.PriShare, keyID [32]byte, msg []byte) ([]byte, error) {
	if sh == nil || sh.V == nil || sh.I < 0 || sh.I > 1<<16-1 {
		return nil, errors.New("bls: share missing or index out of range")
	}
	eps, err := PKPTweak(keyID)
	if err != nil {
		return nil, err
	}
	xb, err := sh.V.MarshalBinary() // 32 bytes, big-endian, below r
	if err != nil {
		return nil, err
	}
	defer clear(xb)
	eb, err := eps.MarshalBinary()
	if err != nil {
		return nil, err
	}
	x := new(blst.Scalar).Deserialize(xb)
	e := new(blst.Scalar).Deserialize(eb)
	if x == nil || e == nil {
		return nil, errors.New("bls: share or tweak out of range")
	}
	defer x.Zeroize()
	k, ok := x.Add(e)
	defer k.Zeroize()
	if !ok {
		return nil, ErrDegenerate // x_i + ε = 0
	}
	sig := new(blst.P2Affine).Sign(k, msg, []byte(PKPCiphersuite))
	if sig == nil {
		return nil, errors.New("bls: pkp partial sign failed")
	}
	out := make([]byte, 2, PartialSize)
	binary.BigEndian.PutUint16(out, uint16(sh.I))
	return append(out, sig.Compress()...), nil
}

// NewPKPShareKeys prepares to check and combine partial signatures of the PKP keyID made with
// shares of the BLS PKP root polynomial pub: share i's key is X_i + ε·G1 and messages hash
// with PKPCiphersuite's DST.
func NewPKPShareKeys(pub *share.PubPoly, keyID [32]byte) (*ShareKeys, error) {
	eps, err := PKPTweak(keyID)
	if err != nil {
		return nil, err
	}
	k := NewShareKeys(pub)
	k.offset = suite.G1().Point().Mul(eps, nil)
	k.dst = []byte(PKPCiphersuite)
	return k, nil
}

func hashToG2POP(msg []byte) kyber.Point {
	return popSuite.G2().Point().(interface{ Hash([]byte) kyber.Point }).Hash(msg)
}

// PKPCombine verifies the partial signatures of PKP keyID over msg, skips the bad ones
// (rejected, each naming its index), interpolates threshold good ones, and verifies the result
// under the derived key before returning it with that key (48 bytes compressed).
func PKPCombine(pub *share.PubPoly, keyID [32]byte, msg []byte, partials [][]byte, threshold int) (sig, publicKey []byte, rejected []*PartialError, err error) {
	k, err := NewPKPShareKeys(pub, keyID)
	if err != nil {
		return nil, nil, nil, err
	}
	sig, rejected, err = k.Combine(msg, partials, threshold)
	if err != nil {
		return nil, nil, rejected, err
	}
	y, err := DerivePKPKey(pub.Commit(), keyID)
	if err != nil {
		return nil, nil, rejected, err
	}
	if err := VerifyPKP(y, msg, sig); err != nil {
		return nil, nil, rejected, fmt.Errorf("bls: pkp combine: %w", err)
	}
	publicKey, err = y.MarshalBinary()
	if err != nil {
		return nil, nil, rejected, err
	}
	return sig, publicKey, rejected, nil
}

// VerifyPKP checks a PKP signature (96-byte compressed G2) over msg under the PKP key (a G1
// point) with PKPCiphersuite.
func VerifyPKP(publicKey kyber.Point, msg, sig []byte) error {
	if _, err := decodeSignature(sig); err != nil {
		return err
	}
	if err := popScheme.Verify(publicKey, msg, sig); err != nil {
		return ErrBadSignature
	}
	return nil
}
