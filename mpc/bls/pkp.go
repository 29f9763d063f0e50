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

// BLS PKPs: a PKP whose key is a BLS12-381 key, signing with the message-augmentation
// ciphersuite of draft-irtf-cfrg-bls-signature-05 (section 4.2.2), minimal-pubkey-size variant:
//
//	public key  in G1, 48 bytes compressed (ZCash/IETF serialization)
//	signature   in G2, 96 bytes compressed
//	message     PK ‖ m: the 48-byte compressed PKP key is prepended to the message
//	hash        hash_to_curve G2, expand_message_xmd(SHA-256), DST PKPCiphersuite
//
// litmesh calls the scheme Bls12381G1MessageAugmentation (PKPScheme). Signatures verify in blst
// (core_verify with this DST and the key as the augmentation), noble's bls12-381 with
// { DST: PKPCiphersuite } over pk ‖ m, and py_ecc's G2MessageAugmentation.
//
// Keys derive additively from a root key of their own (never the encryption root key):
//
//	ε = OS2IP(SHA-512("litmesh/hd/bls12381g1-pkp/v1" ‖ keyId)) mod r,  ε ≠ 0
//	Y = X + ε·G1,  share of member i: x_i + ε
//
// so minting is instant and each member's partial signature (x_i + ε)·H(Y ‖ m) is made without
// interaction; the client checks each partial against X_i + ε·G1 and interpolates any T of them.
//
// Why augmentation and not Lit's proof-of-possession ciphersuite (Bls12381G1ProofOfPossession):
// with additive derivation the POP hash H(m) does not depend on the key, so from PKP A's
// signature on m anyone computes every other BLS PKP's signature on the same m, σ_B = σ_A +
// (ε_B − ε_A)·H(m) — a forgery (pkp_test.go shows it with blst as the verifier). With
// augmentation the hashed point H(Y ‖ m) differs per key and the relation is gone.

// PKPScheme is litmesh's name for the signing scheme of BLS PKPs.
const PKPScheme = "Bls12381G1MessageAugmentation"

// LitPOPScheme is Lit's name for proof-of-possession BLS signing, which BLS PKPs refuse
// (ErrPOPForPKP).
const LitPOPScheme = "Bls12381G1ProofOfPossession"

// PKPCiphersuite is the ciphersuite ID and hash-to-curve DST of BLS PKP signatures.
const PKPCiphersuite = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_"

// ErrPOPForPKP explains why a BLS PKP does not sign with the proof-of-possession ciphersuite.
var ErrPOPForPKP = errors.New("BLS PKPs do not sign with " + LitPOPScheme + ": PKP keys derive additively from one root, " +
	"and a proof-of-possession signature of one PKP on a message converts into any other BLS PKP's signature on the same message " +
	"(σ_B = σ_A + (ε_B − ε_A)·H(m)); sign with " + PKPScheme + " (the key is hashed with the message, DST " + PKPCiphersuite + "), " +
	"which blst, noble-curves and py_ecc verify")

const pkpLabel = "litmesh/hd/bls12381g1-pkp/v1"

// popDST is the proof-of-possession ciphersuite's DST: Lit's encryption and session
// signatures use it (lit.go, timelock.go); BLS PKPs do not.
const popDST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"

var (
	augSuite  = kbls.NewBLS12381SuiteWithDST(nil, []byte(PKPCiphersuite))
	augScheme = kyberbls.NewSchemeOnG2(augSuite)
	popSuite  = kbls.NewBLS12381SuiteWithDST(nil, []byte(popDST))
)

func hashToG2POP(msg []byte) kyber.Point {
	return popSuite.G2().Point().(interface{ Hash([]byte) kyber.Point }).Hash(msg)
}

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
	if root == nil {
		return nil, errors.New("bls: no root key")
	}
	eps, err := PKPTweak(keyID)
	if err != nil {
		return nil, err
	}
	y := suite.G1().Point().Add(root, suite.G1().Point().Mul(eps, nil))
	if y.Equal(suite.G1().Point().Null()) {
		return nil, ErrDegenerate // X = −ε·G1: only for someone who knows the root's secret
	}
	return y, nil
}

// PKPPartialSign signs msg with a member's share of the PKP key keyID under the root key root:
// the partial signature (x_i + ε)·H(Y ‖ msg), encoded like PartialSign's (u16 share index ‖
// 96-byte G2 point). The secret arithmetic (x_i + ε, the multiplication of the hash) is
// supranational/blst's, which is constant time; kyber-bls12381's G2 multiplication (GLV + wNAF)
// is not.
func PKPPartialSign(sh *share.PriShare, root kyber.Point, keyID [32]byte, msg []byte) ([]byte, error) {
	if sh == nil || sh.V == nil || sh.I < 0 || sh.I > 1<<16-1 {
		return nil, errors.New("bls: share missing or index out of range")
	}
	y, err := DerivePKPKey(root, keyID)
	if err != nil {
		return nil, err
	}
	aug, err := y.MarshalBinary()
	if err != nil {
		return nil, err
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
	sig := new(blst.P2Affine).Sign(k, msg, []byte(PKPCiphersuite), aug)
	if sig == nil {
		return nil, errors.New("bls: pkp partial sign failed")
	}
	out := make([]byte, 2, PartialSize)
	binary.BigEndian.PutUint16(out, uint16(sh.I))
	return append(out, sig.Compress()...), nil
}

// NewPKPShareKeys prepares to check and combine partial signatures of the PKP keyID made with
// shares of the BLS PKP root polynomial pub: share i's key is X_i + ε·G1 and messages hash as
// Y ‖ m with PKPCiphersuite's DST.
func NewPKPShareKeys(pub *share.PubPoly, keyID [32]byte) (*ShareKeys, error) {
	eps, err := PKPTweak(keyID)
	if err != nil {
		return nil, err
	}
	y, err := DerivePKPKey(pub.Commit(), keyID)
	if err != nil {
		return nil, err
	}
	aug, err := y.MarshalBinary()
	if err != nil {
		return nil, err
	}
	k := NewShareKeys(pub)
	k.offset = suite.G1().Point().Mul(eps, nil)
	k.dst = []byte(PKPCiphersuite)
	k.prefix = aug // H(Y ‖ m): the augmentation
	return k, nil
}

// augment is the message-augmentation ciphersuite's PK ‖ m.
func augment(pub, msg []byte) []byte {
	out := make([]byte, 0, len(pub)+len(msg))
	return append(append(out, pub...), msg...)
}

// PKPCombine combines the partial signatures of PKP keyID over msg into a signature under the
// derived key, verified before it is returned with that key (48 bytes compressed).
//
// It tries the fast path first: when every partial decodes with a distinct index, interpolate
// the threshold lowest and verify the result under the derived key with blst — a valid signature under the PKP's key
// is all a client needs, whoever sent the partials. Only when that fails does it check every
// partial (one randomised batch, then one by one), skip and report the bad ones (rejected,
// each naming its index), interpolate the threshold lowest good ones and verify again. Either
// way the signature is made of the threshold lowest-indexed partials not rejected; a bad
// partial that the fast path did not use is not reported.
func PKPCombine(pub *share.PubPoly, keyID [32]byte, msg []byte, partials [][]byte, threshold int) (sig, publicKey []byte, rejected []*PartialError, err error) {
	if threshold < 1 || threshold != pub.Threshold() {
		return nil, nil, nil, fmt.Errorf("%w: %d, polynomial of degree %d", ErrThreshold, threshold, pub.Threshold()-1)
	}
	y, err := DerivePKPKey(pub.Commit(), keyID)
	if err != nil {
		return nil, nil, nil, err
	}
	if publicKey, err = y.MarshalBinary(); err != nil {
		return nil, nil, nil, err
	}
	if sig, ok := pkpFastCombine(publicKey, msg, partials, threshold); ok {
		return sig, publicKey, nil, nil
	}
	k, err := NewPKPShareKeys(pub, keyID)
	if err != nil {
		return nil, nil, nil, err
	}
	sig, rejected, err = k.Combine(msg, partials, threshold)
	if err != nil {
		return nil, nil, rejected, err
	}
	if !verifyAUG(publicKey, msg, sig) {
		return nil, nil, rejected, fmt.Errorf("bls: pkp combine: %w", ErrBadSignature)
	}
	return sig, publicKey, rejected, nil
}

// pkpFastCombine interpolates the threshold lowest partials and reports whether the result
// verifies under the PKP key pub (compressed). It gives up on a partial that does not decode or
// repeats an index: the slow path reports those.
func pkpFastCombine(pub, msg []byte, partials [][]byte, threshold int) ([]byte, bool) {
	seen := map[int]bool{}
	// Unverified points, interpolated only to be verified as a whole below: the fast path
	// returns nothing that verifyAUG did not accept under the PKP's key.
	var shares []Verified
	for _, p := range partials {
		i, err := PartialIndex(p)
		if err != nil || seen[i] || len(p) != PartialSize {
			return nil, false // the slow path names it
		}
		pt := new(blst.P2Affine).Uncompress(p[2:])
		if pt == nil || !pt.InG2() {
			return nil, false
		}
		seen[i] = true
		shares = append(shares, Verified{Index: i, point: pt})
	}
	if len(shares) < threshold {
		return nil, false
	}
	sig, err := interpolate(shares, threshold)
	if err != nil || !verifyAUG(pub, msg, sig) {
		return nil, false
	}
	return sig, true
}

// verifyAUG checks a signature (96 bytes compressed) over msg under the compressed key pub with
// PKPCiphersuite, in blst (group checks on both points).
func verifyAUG(pub, msg, sig []byte) bool {
	pk := new(blst.P1Affine).Uncompress(pub)
	s := new(blst.P2Affine).Uncompress(sig)
	return pk != nil && s != nil && s.Verify(true, pk, true, msg, []byte(PKPCiphersuite), pub)
}

// VerifyPKP checks a PKP signature (96-byte compressed G2) over msg under the PKP key (a G1
// point) with PKPCiphersuite: the signed message is the compressed key followed by msg.
func VerifyPKP(publicKey kyber.Point, msg, sig []byte) error {
	if _, err := decodeSignature(sig); err != nil {
		return err
	}
	pub, err := publicKey.MarshalBinary()
	if err != nil {
		return err
	}
	if err := augScheme.Verify(publicKey, augment(pub, msg), sig); err != nil {
		return ErrBadSignature
	}
	return nil
}
