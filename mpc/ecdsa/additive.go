package ecdsa

import (
	"fmt"
	"slices"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// AdditiveShare is a signature share in the form Lit's JS SDK (v7) combines: its WASM
// ecdsaCombine adds the s-shares of every signer it heard from, takes R from one of them,
// normalises s to the lower half and verifies. A degree-t Shamir share s_i does not add up to
// s; its Lagrange-weighted form λ_i·s_i does, when λ_i is the coefficient at 0 over exactly the
// signers whose shares are added. So S is s_i weighted over the presignature's whole signer
// set, and the sum over every member of the set is the signature's s (before low-s
// normalisation). R is the request's re-randomised nonce point R' = δ·R, the same at every
// signer.
//
// Nothing here is secret beyond what the share itself is: λ_i is public and non-zero, so S
// and s_i determine each other, and R' is public once the signature is. What the form loses is
// the per-share check — there is no τ_i, so no one can tell a wrong S from a right one before
// the sum fails to verify. litmesh's own clients therefore keep taking SignatureShare.
type AdditiveShare struct {
	// Index is the signer's share index.
	Index int
	// S is λ_i·s_i mod n, 32 bytes big-endian.
	S [32]byte
	// R is R' = δ·R, the nonce point of the signature.
	R *secp256k1.PublicKey
}

// Additive turns this signer's share of a request into its additive form over the
// presignature's signer set. pubkey is the PKP key the request signs with (root + tweak·G);
// the share must be one made with pub for req.
func Additive(pub *PublicPresignature, pubkey *secp256k1.PublicKey, req SignRequest, sh *SignatureShare) (*AdditiveShare, error) {
	s, err := Weighted(pub, sh)
	if err != nil {
		return nil, err
	}
	r, err := NonceR(pub, pubkey, req)
	if err != nil {
		return nil, err
	}
	return &AdditiveShare{Index: sh.Index, S: s, R: r}, nil
}

// Weighted is λ_i·s_i: the share's s weighted with its Lagrange coefficient at 0 over the
// presignature's whole signer set (32 bytes, big-endian).
func Weighted(pub *PublicPresignature, sh *SignatureShare) ([32]byte, error) {
	if pub == nil || sh == nil {
		return [32]byte{}, fmt.Errorf("weighted share: missing presignature or share: %w", ErrInvalid)
	}
	if sh.Presignature != pub.id || sh.Digest != pub.digest {
		return [32]byte{}, fmt.Errorf("weighted share: made with presignature %s, not %s: %w", sh.Presignature, pub.id, ErrMismatch)
	}
	self := slices.Index(pub.signers, sh.Index)
	if self < 0 {
		return [32]byte{}, fmt.Errorf("weighted share: share index %d is not in the signer set: %w", sh.Index, ErrMismatch)
	}
	xs := make([]scalar, len(pub.signers))
	for j, idx := range pub.signers {
		xs[j] = evalPoint(idx)
	}
	lam := lagrangeAtZero(xs)
	var s scalar
	s.Mul2(&lam[self], &sh.s)
	return s.Bytes(), nil
}

// NonceR is the nonce point R' = δ·R of the signature of req made with pub under pubkey (the
// PKP key, root + tweak·G): r is its x coordinate. It is public once the signature is.
func NonceR(pub *PublicPresignature, pubkey *secp256k1.PublicKey, req SignRequest) (*secp256k1.PublicKey, error) {
	if pub == nil || pubkey == nil || req.Tweak == nil {
		return nil, fmt.Errorf("nonce point: missing presignature, key or tweak: %w", ErrInvalid)
	}
	y, err := deriveWithTweak(pub.root, req.Tweak)
	if err != nil {
		return nil, err
	}
	if !y.IsEqual(pubkey) {
		return nil, fmt.Errorf("nonce point: key is not the presignature's root plus the tweak: %w", ErrMismatch)
	}
	rr, err := rerandomize(pub, y, &req)
	if err != nil {
		return nil, err
	}
	r, err := pointToPublicKey(&rr.rp)
	if err != nil {
		return nil, fmt.Errorf("nonce point: %w", err)
	}
	return r, nil
}
