package bls

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/drand/kyber"
	blst "github.com/supranational/blst/bindings/go"
)

// Lit's ciphertexts: blsful's "time-lock" encryption (TimeCryptCiphertext, Bls12381G2,
// proof-of-possession scheme), which Lit's SDK uses to encrypt to the network's key. It is
// Boneh–Franklin IBE with a Fujisaki–Okamoto check: the key for identity id is the root key's
// signature over id under Lit's tag, σ = s·H(id). To encrypt M to master key P = s·G1:
//
//	α  ← random scalar (its 32-byte little-endian encoding)
//	r  = Hs(α ‖ SHA-256(M))                        Hs: HKDF-SHA-256 to a scalar, below
//	U  = r·G1
//	V  = SHA-256(bytes(e(r·P, H(id)))) ⊕ α          bytes: the 576-byte encoding below
//	W  = SHAKE128(α)[:len(X)] ⊕ X,  X = uleb128(len(M)) ‖ M, zero-padded to ≥ 32 bytes
//
// Decryption computes K = e(U, σ), α = V ⊕ SHA-256(bytes(K)), X = W ⊕ SHAKE128(α), reads M
// from X, and accepts only if Hs(α ‖ SHA-256(M))·G1 = U.
//
// Hs(x) is blsful's hash to scalar: PRK = HKDF-Extract(salt = timeLockSalt, x ‖ 0x00), OKM =
// HKDF-Expand(PRK, info = 0x00 0x30, 48 bytes), Hs = OKM as a big-endian integer mod r.
// bytes(K) writes the GT element's twelve Fp coefficients (c0.c0.c0, c0.c0.c1, c0.c1.c0, …,
// c1.c2.c1: Fp12 = Fp6[w], Fp6 = Fp2[v], Fp2 = Fp[u], lowest first), each 48 bytes
// big-endian (bls12_381_plus Gt::to_bytes).
//
// The wire form is serde_bare of {u, v, w, scheme}: U compressed (48 bytes), V (32 bytes),
// uleb128(len(W)) ‖ W, and the scheme byte 2 (ProofOfPossession). The SDK carries it base64.

const (
	timeLockSalt = "TIMELOCK_BLS12381_XOF:HKDF-SHA2-256_"
	// LitSchemeProofOfPossession is blsful's SignatureSchemes::ProofOfPossession, the only
	// scheme Lit's SDK encrypts under.
	LitSchemeProofOfPossession = 2
	gtSize                     = 576
)

// TimeLockCiphertext is a ciphertext of Lit's SDK (blsful TimeCryptCiphertext).
type TimeLockCiphertext struct {
	U      kyber.Point // on G1
	V      [32]byte
	W      []byte
	Scheme byte
}

// EncryptTimeLock encrypts plaintext to the identity under the root public key, as Lit's SDK
// encrypt does (the identity is lit-accesscontrolcondition://<conditions hash>/<data hash>).
func EncryptTimeLock(master kyber.Point, identity, plaintext []byte) (*TimeLockCiphertext, error) {
	if master == nil || master.Equal(suite.G1().Point().Null()) {
		return nil, errors.New("bls: time-lock encrypt: missing or identity public key")
	}
	if len(plaintext) > MaxPlaintextSize {
		return nil, fmt.Errorf("bls: plaintext of %d bytes exceeds %d", len(plaintext), MaxPlaintextSize)
	}
	var seed [32]byte
	if _, err := rand.Read(seed[:]); err != nil {
		return nil, fmt.Errorf("bls: draw time-lock randomness: %w", err)
	}
	return encryptTimeLock(master, identity, plaintext, hashToScalar(seed[:]))
}

// encryptTimeLock is EncryptTimeLock with the random scalar α given.
func encryptTimeLock(master kyber.Point, identity, plaintext []byte, alpha kyber.Scalar) (*TimeLockCiphertext, error) {
	alphaBytes := scalarLE(alpha)
	digest := sha256.Sum256(plaintext)
	r := hashToScalar(append(alphaBytes[:], digest[:]...))
	rP := suite.G1().Point().Mul(r, master)
	k, err := gtBytes(rP, hashToG2POP(identity))
	if err != nil {
		return nil, err
	}
	ct := &TimeLockCiphertext{U: suite.G1().Point().Mul(r, nil), Scheme: LitSchemeProofOfPossession}
	mask := sha256.Sum256(k)
	subtle.XORBytes(ct.V[:], mask[:], alphaBytes[:])

	x := binary.AppendUvarint(nil, uint64(len(plaintext)))
	x = append(x, plaintext...)
	for len(x) < 32 {
		x = append(x, 0)
	}
	ct.W = make([]byte, len(x))
	subtle.XORBytes(ct.W, shake(alphaBytes[:], len(x)), x)
	return ct, nil
}

// DecryptTimeLock opens ct with key, the root key's signature under Lit's tag over the
// identity ct was encrypted to (as CombineLit returns it). It fails with ErrDecrypt when the
// key is for another identity or another public key, or ct was altered.
func DecryptTimeLock(key []byte, ct *TimeLockCiphertext) ([]byte, error) {
	sigma, err := decodeG2(key)
	if err != nil {
		return nil, fmt.Errorf("%w: key: %w", ErrDecrypt, err)
	}
	if err := ct.check(); err != nil {
		return nil, err
	}
	u, err := blstG1(ct.U)
	if err != nil {
		return nil, err
	}
	k := pairLowFirst(u, sigma)
	mask := sha256.Sum256(k)
	var alpha [32]byte
	subtle.XORBytes(alpha[:], mask[:], ct.V[:])
	x := make([]byte, len(ct.W))
	subtle.XORBytes(x, shake(alpha[:], len(x)), ct.W)
	n, used := binary.Uvarint(x)
	if used <= 0 || n > uint64(len(x)-used) {
		return nil, fmt.Errorf("%w: key does not match the identity", ErrDecrypt)
	}
	plaintext := x[used : used+int(n)]
	digest := sha256.Sum256(plaintext)
	r := hashToScalar(append(alpha[:], digest[:]...))
	rb, err := r.MarshalBinary()
	if err != nil {
		return nil, err
	}
	if !blst.P1Generator().Mult(new(blst.Scalar).FromBEndian(rb), 255).ToAffine().Equals(u) {
		clear(x)
		return nil, fmt.Errorf("%w: key does not match the identity", ErrDecrypt)
	}
	return append([]byte(nil), plaintext...), nil
}

// MarshalBinary is the serde_bare encoding Lit's SDK reads (before base64).
func (ct *TimeLockCiphertext) MarshalBinary() ([]byte, error) {
	if err := ct.check(); err != nil {
		return nil, err
	}
	u, err := ct.U.MarshalBinary()
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, PublicKeySize+32+binary.MaxVarintLen64+len(ct.W)+1)
	out = append(out, u...)
	out = append(out, ct.V[:]...)
	out = binary.AppendUvarint(out, uint64(len(ct.W)))
	out = append(out, ct.W...)
	return append(out, ct.Scheme), nil
}

// ParseTimeLockCiphertext decodes the serde_bare encoding, refusing anything over
// MaxCiphertextSize, a U that is not a non-identity G1 point, a length that is not minimal
// LEB128 or runs past the end, a W shorter than 32 bytes, a scheme other than
// ProofOfPossession, and trailing bytes.
func ParseTimeLockCiphertext(b []byte) (*TimeLockCiphertext, error) {
	const fixed = PublicKeySize + 32
	if len(b) < fixed+1+32+1 {
		return nil, fmt.Errorf("%w: %d bytes, shorter than the minimum %d", ErrBadCiphertext, len(b), fixed+1+32+1)
	}
	if len(b) > MaxCiphertextSize {
		return nil, fmt.Errorf("%w: %d bytes exceeds %d", ErrBadCiphertext, len(b), MaxCiphertextSize)
	}
	u, err := ParsePublicKey(b[:PublicKeySize])
	if err != nil {
		return nil, fmt.Errorf("%w: U: %w", ErrBadCiphertext, err)
	}
	ct := &TimeLockCiphertext{U: u}
	copy(ct.V[:], b[PublicKeySize:fixed])
	rest := b[fixed:]
	n, used := binary.Uvarint(rest)
	if used <= 0 || used != len(binary.AppendUvarint(nil, n)) {
		return nil, fmt.Errorf("%w: bad length of W", ErrBadCiphertext)
	}
	rest = rest[used:]
	if n < 32 || n != uint64(len(rest)-1) {
		return nil, fmt.Errorf("%w: W of %d bytes with %d bytes left", ErrBadCiphertext, n, len(rest))
	}
	ct.W = append([]byte(nil), rest[:n]...)
	ct.Scheme = rest[n]
	if ct.Scheme != LitSchemeProofOfPossession {
		return nil, fmt.Errorf("%w: scheme %d, want %d (ProofOfPossession)", ErrBadCiphertext, ct.Scheme, LitSchemeProofOfPossession)
	}
	return ct, nil
}

func (ct *TimeLockCiphertext) check() error {
	switch {
	case ct == nil || ct.U == nil:
		return fmt.Errorf("%w: missing U", ErrBadCiphertext)
	case ct.U.Equal(suite.G1().Point().Null()):
		return fmt.Errorf("%w: U is the identity", ErrBadCiphertext)
	case len(ct.W) < 32 || len(ct.W) > MaxPlaintextSize+binary.MaxVarintLen64:
		return fmt.Errorf("%w: W of %d bytes", ErrBadCiphertext, len(ct.W))
	case ct.Scheme != LitSchemeProofOfPossession:
		return fmt.Errorf("%w: scheme %d", ErrBadCiphertext, ct.Scheme)
	}
	if _, ok := ct.U.(interface{ IsInCorrectGroup() bool }); !ok {
		return fmt.Errorf("%w: U is not a BLS12-381 point", ErrBadCiphertext)
	}
	return nil
}

// gtBytes is bytes(e(p1, p2)) for p1 on G1 and p2 on G2 in bls12_381_plus's order, paired
// with blst after both points are checked to be in their groups.
func gtBytes(p1, p2 kyber.Point) ([]byte, error) {
	a, err := blstG1(p1)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDecrypt, err)
	}
	b, err := p2.MarshalBinary()
	if err != nil {
		return nil, err
	}
	q, err := decodeG2(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDecrypt, err)
	}
	return pairLowFirst(a, q), nil
}

// hashToScalar is blsful's Bls12381G2Impl hash_to_scalar under the time-lock salt.
func hashToScalar(x []byte) kyber.Scalar {
	prk, err := hkdf.Extract(sha256.New, append(append([]byte(nil), x...), 0), []byte(timeLockSalt))
	if err != nil {
		panic(err) // HKDF-Extract with SHA-256 cannot fail
	}
	okm, err := hkdf.Expand(sha256.New, prk, "\x00\x30", 48)
	if err != nil {
		panic(err) // 48 bytes is far below HKDF's limit
	}
	n := new(big.Int).SetBytes(okm)
	n.Mod(n, curveOrder)
	var be [32]byte
	n.FillBytes(be[:])
	return suite.G1().Scalar().SetBytes(be[:])
}

// curveOrder is r, the order of G1, G2 and GT.
var curveOrder, _ = new(big.Int).SetString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16)

// scalarLE is the 32-byte little-endian encoding of a scalar (blsful's to_repr).
func scalarLE(s kyber.Scalar) [32]byte {
	be, err := s.MarshalBinary()
	if err != nil || len(be) != 32 {
		panic("bls: scalar encoding is not 32 bytes") // kyber's BLS12-381 scalars always are
	}
	var le [32]byte
	for i := range 32 {
		le[i] = be[31-i]
	}
	return le
}

func shake(seed []byte, n int) []byte { return sha3.SumSHAKE128(seed, n) }
