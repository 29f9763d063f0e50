package bls

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/drand/kyber"
	"github.com/drand/kyber/encrypt/ibe"
	blst "github.com/supranational/blst/bindings/go"
)

// The pairings of decryption (the IBE key e(U, σ) of both ciphertext formats) with
// supranational/blst instead of kyber-bls12381 (kilic): a third of the time (docs/performance.md,
// "Primitives"). The GT element is hashed as bytes, so the encodings below must be kilic's and
// bls12_381_plus's exactly; blstgt_internal_test.go holds them to kyber's pairing and to kyber's
// IBE decryption.

// pairLowFirst returns e(p, q) as its twelve Fp coefficients, each 48 bytes big-endian,
// lowest first: c0.c0.c0, c0.c0.c1, c0.c1.c0, …, c1.c2.c1 (Fp12 = Fp6[w], Fp6 = Fp2[v],
// Fp2 = Fp[u]; bls12_381_plus's Gt::to_bytes). kilic writes the same coefficients highest first.
func pairLowFirst(p *blst.P1Affine, q *blst.P2Affine) []byte {
	f := blst.Fp12MillerLoop(q, p)
	f.FinalExp()
	// blst writes, for each Fp6 coefficient i and then each Fp12 coefficient j, the Fp2
	// element c_j.c_i (c0, c1): coefficient (j, i, k) sits at position (2i+j)·2+k.
	be := f.ToBendian()
	out := make([]byte, gtSize)
	for i := range 3 {
		for j := range 2 {
			for k := range 2 {
				src, dst := ((2*i+j)*2+k)*48, (j*6+i*2+k)*48
				copy(out[dst:dst+48], be[src:src+48])
			}
		}
	}
	return out
}

// reverseCoefficients turns a lowest-first GT encoding into kilic's highest-first one (and
// back).
func reverseCoefficients(gt []byte) []byte {
	out := make([]byte, len(gt))
	for i := range 12 {
		copy(out[i*48:(i+1)*48], gt[(11-i)*48:(12-i)*48])
	}
	return out
}

// blstG1 converts a kyber G1 point to blst, checking again that it is in G1.
func blstG1(p kyber.Point) (*blst.P1Affine, error) {
	b, err := p.MarshalBinary()
	if err != nil {
		return nil, err
	}
	q := new(blst.P1Affine).Uncompress(b)
	if q == nil || !q.InG1() {
		return nil, errors.New("bls: G1 point does not decode to the G1 subgroup")
	}
	return q, nil
}

// ibeDecryptCCAonG1 is kyber's ibe.DecryptCCAonG1 (Boneh–Franklin with the Fujisaki–Okamoto
// check, master key on G1, SHA-256) with blst's arithmetic: σ' = V ⊕ H2(e(U, key)),
// M = W ⊕ H4(σ'), and M is accepted only if H3(σ', M)·G1 = U. key must be group-checked.
func ibeDecryptCCAonG1(u kyber.Point, key *blst.P2Affine, v, w []byte) ([]byte, error) {
	if len(w) > sha256.Size || len(v) != len(w) {
		return nil, fmt.Errorf("bls: ibe: V of %d and W of %d bytes", len(v), len(w))
	}
	bu, err := blstG1(u)
	if err != nil {
		return nil, err
	}
	h2 := sha256.New()
	h2.Write(ibe.H2Tag())
	h2.Write(reverseCoefficients(pairLowFirst(bu, key)))
	sigma := make([]byte, len(w))
	subtle.XORBytes(sigma, h2.Sum(nil), v)

	h4 := sha256.New()
	h4.Write(ibe.H4Tag())
	h4.Write(sigma)
	msg := make([]byte, len(w))
	subtle.XORBytes(msg, h4.Sum(nil), w)

	r, ok := ibeH3(sigma, msg)
	if !ok {
		return nil, errors.New("bls: ibe: rejection sampling failed")
	}
	rp := blst.P1Generator().Mult(r, 255).ToAffine()
	if !rp.Equals(bu) {
		clear(msg)
		return nil, errors.New("bls: ibe: invalid proof: rP check failed")
	}
	return msg, nil
}

// ibeH3 is kyber's IBE h3 for BLS12-381 scalars: the first SHA-256(i ‖ SHA-256("IBE-H3" ‖ σ ‖
// M)), i = 1, 2, … as little-endian u16, that is below the group order once its top bit is
// cleared, read big-endian (kyber's mod.Int).
func ibeH3(sigma, msg []byte) (*blst.Scalar, bool) {
	h := sha256.New()
	h.Write(ibe.H3Tag())
	h.Write(sigma)
	h.Write(msg)
	buffer := h.Sum(nil)
	for i := uint16(1); i < 65535; i++ {
		var iter [2]byte
		binary.LittleEndian.PutUint16(iter[:], i)
		h.Reset()
		h.Write(iter[:])
		h.Write(buffer)
		hashed := h.Sum(nil)
		hashed[0] >>= 1 // 256-bit encoding, 255-bit order
		if new(big.Int).SetBytes(hashed).Cmp(curveOrder) < 0 {
			return new(blst.Scalar).FromBEndian(hashed), true
		}
	}
	return nil, false
}
