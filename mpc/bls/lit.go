package bls

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/drand/kyber"
	"github.com/drand/kyber/share"
)

// Lit's BLS suite. Lit's network signs with the same kind of key as litmesh (BLS12-381, public
// key on G1, signatures on G2) but hashes messages to G2 with the proof-of-possession domain
// tag of the IETF BLS signature draft, where litmesh's own scheme uses the basic (NUL) tag.
// The root key and its shares are the same; only the hash differs, so one DKG serves both:
// a node signs an identity under Lit's tag for Lit's SDK and under litmesh's tag for
// litmesh's `.lit` format. The two signatures are different points, so neither format's
// decryption key opens the other's ciphertexts.

// LitSignatureDST is the hash-to-G2 domain separation tag of Lit's signatures (blsful's
// Bls12381G2Impl proof-of-possession SIG_DST), which popSuite hashes with. BLS PKPs use the
// message-augmentation ciphersuite instead (PKPCiphersuite, pkp.go).
const LitSignatureDST = popDST

// LitShareSize is the size of one signature share as Lit's SDK combines it: the share's u8
// identifier (litmesh share index + 1) followed by the 96-byte compressed G2 point.
const LitShareSize = 1 + SignatureSize

// LitSignatureShare is one node's share as Lit's nodes return it in `signatureShare`:
// {"ProofOfPossession": "<hex of LitShareSize bytes, no 0x>"}.
type LitSignatureShare struct {
	ProofOfPossession string `json:"ProofOfPossession"`
}

// PartialSignLit signs msg with a share of the root key under Lit's domain tag and encodes it
// as Lit's SDK expects. Lit's share identifiers are one byte, so share indices above 254 are
// refused.
func PartialSignLit(sh *share.PriShare, msg []byte) (LitSignatureShare, error) {
	if sh == nil || sh.V == nil || sh.I < 0 || sh.I > 254 {
		return LitSignatureShare{}, errors.New("bls: share missing or index outside Lit's 0..254")
	}
	b, err := blstSign(sh.V, msg, []byte(LitSignatureDST))
	if err != nil {
		return LitSignatureShare{}, err
	}
	out := make([]byte, 0, LitShareSize)
	out = append(out, byte(sh.I+1))
	out = append(out, b...)
	return LitSignatureShare{ProofOfPossession: hex.EncodeToString(out)}, nil
}

// ParseLitShare decodes a share written by PartialSignLit (or a Lit node): it returns the
// litmesh share index (identifier − 1) and the partial signature in litmesh's own partial
// format (big-endian u16 index ‖ signature), which ShareKeys made by NewLitShareKeys verify
// and combine. The point is checked to be on the curve, in the subgroup and not the identity.
func ParseLitShare(s LitSignatureShare) (index int, partial []byte, err error) {
	if len(s.ProofOfPossession) != 2*LitShareSize {
		return -1, nil, &PartialError{Index: -1, Err: fmt.Errorf("ProofOfPossession of %d hex digits, want %d", len(s.ProofOfPossession), 2*LitShareSize)}
	}
	b, err := hex.DecodeString(s.ProofOfPossession)
	if err != nil {
		return -1, nil, &PartialError{Index: -1, Err: fmt.Errorf("ProofOfPossession is not hex: %w", err)}
	}
	if b[0] == 0 {
		return -1, nil, &PartialError{Index: -1, Err: errors.New("share identifier 0")}
	}
	index = int(b[0]) - 1
	if _, err := decodeSignature(b[1:]); err != nil {
		return index, nil, &PartialError{Index: index, Err: err}
	}
	partial = make([]byte, 0, PartialSize)
	partial = append(partial, byte(index>>8), byte(index))
	return index, append(partial, b[1:]...), nil
}

// NewLitShareKeys is NewShareKeys for partial signatures under Lit's domain tag: its
// VerifyPartials and Combine check partials against the hash Lit's nodes sign.
func NewLitShareKeys(pub *share.PubPoly) *ShareKeys {
	k := NewShareKeys(pub)
	k.dst = []byte(LitSignatureDST)
	return k
}

// CombineLit verifies Lit-format shares over msg (skipping and reporting bad or repeated
// ones) and interpolates threshold good ones into the root key's signature under Lit's tag:
// what Lit's SDK computes with blsCombine, but refusing shares that do not verify where the
// SDK would fail on the combined signature.
func CombineLit(pub *share.PubPoly, msg []byte, shares []LitSignatureShare, threshold int) (sig []byte, rejected []*PartialError, err error) {
	partials := make([][]byte, 0, len(shares))
	for _, s := range shares {
		_, p, err := ParseLitShare(s)
		if err != nil {
			var pe *PartialError
			if !errors.As(err, &pe) {
				pe = &PartialError{Index: -1, Err: err}
			}
			rejected = append(rejected, pe)
			continue
		}
		partials = append(partials, p)
	}
	sig, more, err := NewLitShareKeys(pub).Combine(msg, partials, threshold)
	return sig, append(rejected, more...), err
}

// VerifyLit checks a full signature over msg under the root public key and Lit's tag (the
// SDK's blsVerify).
func VerifyLit(public kyber.Point, msg, sig []byte) error {
	s, err := decodeSignature(sig)
	if err != nil {
		return err
	}
	if !popSuite.ValidatePairing(public, hashToG2POP(msg), popSuite.G1().Point().Base(), s) {
		return ErrBadSignature
	}
	return nil
}
