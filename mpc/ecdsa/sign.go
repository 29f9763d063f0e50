package ecdsa

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	decredecdsa "github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"
)

// SignRequest is the public data of one signature request, the same at every signer and at
// the client.
type SignRequest struct {
	// Tweak is the PKP's derivation tweak ε = Epsilon(keyID).
	Tweak *secp256k1.ModNScalar
	// Hash is the 32-byte message hash to sign (signed as is, as Ethereum does).
	Hash [32]byte
	// Rho is public per-request randomness for the re-randomisation of the presignature. It
	// must not be known to the requester or to any t signers before the request is fixed, and
	// every signer must use the same one: derive it with PublicPresignature.Rho from every
	// signer's contribution, and sign only what the whole set agreed (docs/ecdsa.md, "Signer
	// agreement"). SignShare cannot check either: it signs whatever it is given.
	Rho [32]byte
}

// Errors of the online phase.
var (
	// ErrMismatch: a signature share made with another presignature or another public key.
	ErrMismatch = errors.New("ecdsa: share or key does not belong to this presignature")
	// ErrNotEnoughShares: fewer than t+1 valid signature shares.
	ErrNotEnoughShares = errors.New("ecdsa: not enough valid signature shares")
	// ErrBadPresignature: the shares check out against the public presignature but the
	// signature does not verify: the public presignature itself is not the one the signers
	// made. Get it from another signer.
	ErrBadPresignature = errors.New("ecdsa: public presignature inconsistent with the signature")
)

// rerandomized is a presignature bound to one request: R' = δ·R with
// δ = H(Y, ε, h, R, ρ) (Groth–Shoup, re-randomised presignatures).
type rerandomized struct {
	rp    point  // R' affine
	r     scalar // R'.x mod n
	e     scalar // (δ·w)⁻¹
	h     scalar // h + r·ε: the hash term with the key tweak folded in
	recID byte   // recovery id of R' before low-s normalisation
}

func rerandomize(pub *PublicPresignature, y *secp256k1.PublicKey, req *SignRequest) (*rerandomized, error) {
	rc, err := pointToPublicKey(&pub.r)
	if err != nil {
		return nil, err
	}
	eps := req.Tweak.Bytes()
	delta := hashToScalar("rerandomize/v1", y.SerializeCompressed(), eps[:], req.Hash[:], rc.SerializeCompressed(), req.Rho[:])
	if delta.IsZero() {
		return nil, fmt.Errorf("re-randomise: %w", ErrDegenerate)
	}
	out := &rerandomized{rp: mul(&delta, &pub.r)}
	if isInfinity(&out.rp) {
		return nil, fmt.Errorf("re-randomise: %w", ErrDegenerate)
	}
	out.rp.ToAffine()
	xb := out.rp.X.Bytes()
	if out.r.SetBytes(xb) != 0 {
		out.recID |= 2 // R'.x ≥ n: the recovery must add n back
	}
	if out.r.IsZero() {
		return nil, fmt.Errorf("re-randomise: r = 0: %w", ErrDegenerate)
	}
	if out.rp.Y.IsOdd() {
		out.recID |= 1
	}
	out.e.Mul2(&delta, &pub.w).InverseNonConst()
	var m scalar
	m.SetBytes(&req.Hash)
	out.h.Mul2(&out.r, req.Tweak).Add(&m)
	return out, nil
}

// SignatureShare is one signer's answer to a signature request: a share s_i of s and a share
// τ_i of the blinding that lets the client check s_i against the public presignature.
type SignatureShare struct {
	Presignature ID
	Digest       [32]byte // of the public presignature the signer used
	Index        int      // the signer's share index
	s, tau       scalar
}

const shareLen = 1 + 32 + 32 + 2 + 2*scalarLen

// MarshalBinary encodes the share: version u8 (=1) ‖ presignature id [32] ‖ digest [32] ‖
// share index u16 ‖ s [32] ‖ τ [32].
func (sh *SignatureShare) MarshalBinary() ([]byte, error) {
	buf := make([]byte, 0, shareLen)
	buf = append(buf, wireVersion)
	buf = append(buf, sh.Presignature[:]...)
	buf = append(buf, sh.Digest[:]...)
	buf = binary.BigEndian.AppendUint16(buf, uint16(sh.Index))
	buf = appendScalar(buf, &sh.s)
	return appendScalar(buf, &sh.tau), nil
}

// UnmarshalSignatureShare decodes a share a signer sent.
func UnmarshalSignatureShare(b []byte) (*SignatureShare, error) {
	if len(b) != shareLen {
		return nil, fmt.Errorf("signature share: %d bytes, want %d: %w", len(b), shareLen, ErrBadMessage)
	}
	if b[0] != wireVersion {
		return nil, fmt.Errorf("signature share: version %d: %w", b[0], ErrBadMessage)
	}
	sh := &SignatureShare{Presignature: ID(b[1:33]), Digest: [32]byte(b[33:65]), Index: int(binary.BigEndian.Uint16(b[65:67]))}
	if sh.Index > MaxShareIndex {
		return nil, fmt.Errorf("signature share: share index %d: %w", sh.Index, ErrBadMessage)
	}
	r := &reader{b: b, off: 67}
	sh.s = r.scalar("s", 0)
	sh.tau = r.scalar("τ", 0)
	if r.err != nil {
		return nil, fmt.Errorf("signature share: %w", r.err)
	}
	return sh, nil
}

// SignShare computes this signer's share of the signature for req and consumes the
// presignature: a second call returns ErrUsed, whatever the request. It costs one variable-base
// and one fixed-base multiplication.
func SignShare(p *Presignature, req SignRequest) (*SignatureShare, error) {
	sh, _, _, err := signShare(p, req)
	return sh, err
}

// SignShareR is SignShare that also returns the signature's nonce point R′, which NonceR
// would compute again (one fixed-base and one variable-base multiplication) from the same
// values. pubkey must be the key the presignature's root and the tweak derive, as for NonceR;
// when it is not, the presignature is consumed all the same and ErrMismatch returned.
func SignShareR(p *Presignature, req SignRequest, pubkey *secp256k1.PublicKey) (*SignatureShare, *secp256k1.PublicKey, error) {
	sh, y, rr, err := signShare(p, req)
	if err != nil {
		return nil, nil, err
	}
	if pubkey == nil || !y.IsEqual(pubkey) {
		return nil, nil, fmt.Errorf("nonce point: key is not the presignature's root plus the tweak: %w", ErrMismatch)
	}
	r, err := pointToPublicKey(&rr.rp)
	if err != nil {
		return nil, nil, fmt.Errorf("nonce point: %w", err)
	}
	return sh, r, nil
}

func signShare(p *Presignature, req SignRequest) (*SignatureShare, *secp256k1.PublicKey, *rerandomized, error) {
	if req.Tweak == nil {
		return nil, nil, nil, fmt.Errorf("sign share: no tweak: %w", ErrInvalid)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.used {
		return nil, nil, nil, fmt.Errorf("sign share with presignature %s: %w", p.pub.id, ErrUsed)
	}
	y, err := deriveWithTweak(p.pub.root, req.Tweak)
	if err != nil {
		return nil, nil, nil, err
	}
	rr, err := rerandomize(p.pub, y, &req)
	if err != nil {
		return nil, nil, nil, err
	}
	// s_i = e·(h'·a_i + r·(ax)_i), τ_i = e·(h'·a'_i + r·(ax)'_i), e = (δ·w)⁻¹
	sh := &SignatureShare{Presignature: p.pub.id, Digest: p.pub.digest, Index: p.index}
	var t scalar
	sh.s.Mul2(&rr.h, &p.a).Add(t.Mul2(&rr.r, &p.ax)).Mul(&rr.e)
	sh.tau.Mul2(&rr.h, &p.a2).Add(t.Mul2(&rr.r, &p.ax2)).Mul(&rr.e)
	p.used = true
	p.a.Zero()
	p.a2.Zero()
	p.ax.Zero()
	p.ax2.Zero()
	return sh, y, rr, nil
}

// Signature is a combined ECDSA signature, low-s normalised, with the recovery id V (0 or 1;
// 2 and 3 when R.x ≥ n, which happens with probability ~2^-128) such that go-ethereum's
// crypto.Ecrecover(hash, Bytes()) recovers the signing key.
type Signature struct {
	R, S [32]byte
	V    byte
	// Rejected lists the shares that failed verification and were left out, each naming its
	// signer.
	Rejected []*FaultError
}

// Bytes returns the 65-byte R ‖ S ‖ V form go-ethereum's crypto.Ecrecover takes.
func (s *Signature) Bytes() [65]byte {
	var out [65]byte
	copy(out[:32], s.R[:])
	copy(out[32:64], s.S[:])
	out[64] = s.V
	return out
}

// Combine checks every share against the public presignature, leaves out (and names) the
// shares that fail, combines any t+1 or more valid ones, normalises s to the lower half,
// computes the recovery id, and verifies the result under pubkey, the PKP key the caller
// expects (it must equal the presignature's root plus req.Tweak·G).
//
// The shares are checked one by one only when they have to be: Combine first interpolates every
// share that names the right presignature and signer and verifies the resulting signature, which
// is one ECDSA verification instead of a multi-scalar multiplication over every share's
// commitments. A signature that verifies under pubkey is valid whoever made its shares; when it
// does not, some share is wrong, and the checked path finds and names it.
func Combine(pub *PublicPresignature, pubkey *secp256k1.PublicKey, req SignRequest, shares []*SignatureShare) (*Signature, error) {
	if pub == nil || pubkey == nil || req.Tweak == nil {
		return nil, fmt.Errorf("combine: missing presignature, key or tweak: %w", ErrInvalid)
	}
	y, err := deriveWithTweak(pub.root, req.Tweak)
	if err != nil {
		return nil, err
	}
	if !y.IsEqual(pubkey) {
		return nil, fmt.Errorf("combine: key is not the presignature's root plus the tweak: %w", ErrMismatch)
	}
	rr, err := rerandomize(pub, y, &req)
	if err != nil {
		return nil, err
	}
	cand, rejected := admissibleShares(pub, shares)
	if len(cand) >= pub.t+1 {
		if sig, err := finishSignature(rr, pubkey, &req, cand); err == nil {
			sig.Rejected = rejected
			return sig, nil
		}
	}
	good, bad := checkShares(pub, rr, cand)
	rejected = append(rejected, bad...)
	if len(good) < pub.t+1 {
		errs := []error{fmt.Errorf("combine: %d valid shares, need %d: %w", len(good), pub.t+1, ErrNotEnoughShares)}
		for _, f := range rejected {
			errs = append(errs, f)
		}
		return nil, errors.Join(errs...)
	}
	sig, err := finishSignature(rr, pubkey, &req, good)
	if err != nil {
		return nil, err
	}
	sig.Rejected = rejected
	return sig, nil
}

// admissibleShares returns the shares from members of the presignature's signer set, one per
// member, made with this presignature, and names the others.
func admissibleShares(pub *PublicPresignature, shares []*SignatureShare) (cand []*SignatureShare, rejected []*FaultError) {
	member := make(map[int]int, len(pub.signers))
	for m, idx := range pub.signers {
		member[idx] = m
	}
	seen := map[int]bool{}
	for _, sh := range shares {
		if sh == nil {
			continue
		}
		m, ok := member[sh.Index]
		switch {
		case !ok:
			rejected = append(rejected, &FaultError{Member: -1, Index: sh.Index, Err: fmt.Errorf("share index %d is not in the signer set: %w", sh.Index, ErrUnexpected)})
			continue
		case seen[sh.Index]:
			rejected = append(rejected, &FaultError{Member: m, Index: sh.Index, Err: fmt.Errorf("second share: %w", ErrUnexpected)})
			continue
		case sh.Presignature != pub.id || sh.Digest != pub.digest:
			seen[sh.Index] = true
			rejected = append(rejected, &FaultError{Member: m, Index: sh.Index, Err: fmt.Errorf("made with presignature %s: %w", sh.Presignature, ErrMismatch)})
			continue
		}
		seen[sh.Index] = true
		cand = append(cand, sh)
	}
	return cand, rejected
}

// checkShares verifies each share against the public presignature (one batch, then one by one
// if the batch fails) and splits them into the good ones and named faults.
func checkShares(pub *PublicPresignature, rr *rerandomized, cand []*SignatureShare) (good []*SignatureShare, rejected []*FaultError) {
	member := make(map[int]int, len(pub.signers))
	for m, idx := range pub.signers {
		member[idx] = m
	}
	var eh, er scalar
	eh.Mul2(&rr.e, &rr.h).Negate()
	er.Mul2(&rr.e, &rr.r).Negate()
	claims := make([]claim, 0, len(cand))
	for _, sh := range cand {
		// s_i·G + τ_i·H − e·h'·Â(id_i) − e·r·D̂(id_i) = 0
		c := claim{member: member[sh.Index], err: ErrBadProof, what: "signature share"}
		c.g.Set(&sh.s)
		c.h.Set(&sh.tau)
		pw := powers(evalPoint(sh.Index), pub.t)
		for l := range pw {
			var k scalar
			c.term(&pub.ahat[l], *k.Mul2(&eh, &pw[l]))
			c.term(&pub.dhat[l], *k.Mul2(&er, &pw[l]))
		}
		claims = append(claims, c)
	}
	if err := (&batch{claims: claims}).verify(); err == nil {
		return cand, nil
	}
	for i := range claims {
		if claims[i].holds(false) {
			good = append(good, cand[i])
		} else {
			rejected = append(rejected, &FaultError{Member: claims[i].member, Index: cand[i].Index, Err: fmt.Errorf("signature share: %w", ErrBadProof)})
		}
	}
	return good, rejected
}

// finishSignature interpolates s from the shares, normalises it to the lower half with the
// recovery id, and verifies the signature under pubkey.
func finishSignature(rr *rerandomized, pubkey *secp256k1.PublicKey, req *SignRequest, shares []*SignatureShare) (*Signature, error) {
	xs := make([]scalar, len(shares))
	for i, sh := range shares {
		xs[i] = evalPoint(sh.Index)
	}
	lam := lagrangeAtZero(xs)
	var s, t scalar
	for i, sh := range shares {
		s.Add(t.Mul2(&lam[i], &sh.s))
	}
	if s.IsZero() {
		return nil, fmt.Errorf("combine: s = 0: %w", ErrDegenerate)
	}
	v := rr.recID
	if s.IsOverHalfOrder() {
		s.Negate()
		v ^= 1
	}
	if !decredecdsa.NewSignature(&rr.r, &s).Verify(req.Hash[:], pubkey) {
		return nil, fmt.Errorf("combine: %w", ErrBadPresignature)
	}
	return &Signature{R: rr.r.Bytes(), S: s.Bytes(), V: v}, nil
}
