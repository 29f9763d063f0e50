package bls

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/drand/kyber"
	kbls "github.com/drand/kyber-bls12381"
	"github.com/drand/kyber/encrypt/ibe"
)

// IdentityPrefix starts every identity the network signs for decryption.
const IdentityPrefix = "lit-accesscontrolcondition://"

// Identity is the string a ciphertext is encrypted to and that nodes sign once the conditions
// hold: IdentityPrefix ‖ hex(conditionsHash) ‖ "/" ‖ hex(dataHash), where conditionsHash is the
// SHA-256 of the canonical conditions (package access) and dataHash the SHA-256 of the plaintext.
func Identity(conditionsHash, dataHash [32]byte) []byte {
	b := make([]byte, 0, len(IdentityPrefix)+64+1+64)
	b = append(b, IdentityPrefix...)
	b = hex.AppendEncode(b, conditionsHash[:])
	b = append(b, '/')
	return hex.AppendEncode(b, dataHash[:])
}

// Ciphertext format, version 1 (all fields fixed-size except the last):
//
//	offset size  field
//	0      1     version = 0x01
//	1      1     scheme  = 0x01: BLS12-381, master key on G1, identity keys on G2 (default
//	             hash-to-curve tag), kyber IBE CCA with SHA-256, AES-256-GCM for the data
//	2      32    dataHash: SHA-256 of the plaintext
//	34     48    U: IBE ephemeral point r·G1, compressed
//	82     32    V: IBE sigma ⊕ H2(e(master, H(id))^r)
//	114    32    W: the AES key ⊕ H4(sigma)
//	146    12    GCM nonce (random)
//	158    n+16  AES-256-GCM(plaintext), tag last
//
// The GCM associated data is "litmesh/ibe/v1" ‖ the first 146 bytes ‖ the identity, so neither
// the IBE part nor the identity (hence the conditions) can be swapped under the data. The AES
// key is fresh for every ciphertext; the IBE part encrypts that key to the identity.
const (
	ciphertextVersion = 1
	schemeBLS12381G1  = 1

	headerSize    = 2 + 32 + PublicKeySize + 32 + 32
	nonceSize     = 12
	tagSize       = 16
	minCiphertext = headerSize + nonceSize + tagSize

	// MaxPlaintextSize bounds what one ciphertext may hold (and so what ParseCiphertext reads).
	MaxPlaintextSize = 64 << 20
	// MaxCiphertextSize is the largest encoding ParseCiphertext accepts.
	MaxCiphertextSize = minCiphertext + MaxPlaintextSize
)

var (
	// ErrBadCiphertext is wrapped by every ciphertext decoding error.
	ErrBadCiphertext = errors.New("bls: malformed ciphertext")
	// ErrDecrypt means the key does not open the ciphertext: wrong identity (conditions or
	// data hash), wrong key, or tampered bytes.
	ErrDecrypt = errors.New("bls: decryption failed")
)

var aadLabel = []byte("litmesh/ibe/v1")

// Ciphertext is data encrypted to an identity under the network's root key.
type Ciphertext struct {
	DataHash [32]byte
	U        kyber.Point
	V, W     [32]byte
	Nonce    [nonceSize]byte
	Sealed   []byte // AES-256-GCM output, tag included
}

// Encrypt encrypts plaintext to the root public key under the identity of conditionsHash and
// the plaintext's own hash (recorded in the ciphertext as DataHash).
func Encrypt(master kyber.Point, conditionsHash [32]byte, plaintext []byte) (*Ciphertext, error) {
	if len(plaintext) > MaxPlaintextSize {
		return nil, fmt.Errorf("bls: plaintext of %d bytes exceeds %d", len(plaintext), MaxPlaintextSize)
	}
	ct := &Ciphertext{DataHash: sha256.Sum256(plaintext)}
	var key [32]byte
	defer clear(key[:])
	if _, err := rand.Read(key[:]); err != nil {
		return nil, fmt.Errorf("bls: draw data key: %w", err)
	}
	id := Identity(conditionsHash, ct.DataHash)
	sealedKey, err := ibe.EncryptCCAonG1(suite, master, id, key[:])
	if err != nil {
		return nil, fmt.Errorf("bls: ibe encrypt: %w", err)
	}
	ct.U = sealedKey.U
	copy(ct.V[:], sealedKey.V)
	copy(ct.W[:], sealedKey.W)
	if _, err := rand.Read(ct.Nonce[:]); err != nil {
		return nil, fmt.Errorf("bls: draw nonce: %w", err)
	}
	aead, err := newGCM(key[:])
	if err != nil {
		return nil, err
	}
	head, err := ct.header()
	if err != nil {
		return nil, err
	}
	ct.Sealed = aead.Seal(nil, ct.Nonce[:], plaintext, additionalData(head, id))
	return ct, nil
}

// Decrypt opens ct with key, the root key's signature over Identity(conditionsHash,
// ct.DataHash) (as Combine returns it), and checks that the plaintext hashes to ct.DataHash.
func Decrypt(key []byte, conditionsHash [32]byte, ct *Ciphertext) ([]byte, error) {
	private, err := decodeG2(key)
	if err != nil {
		return nil, fmt.Errorf("%w: key: %w", ErrDecrypt, err)
	}
	if err := ct.check(); err != nil {
		return nil, err
	}
	id := Identity(conditionsHash, ct.DataHash)
	dataKey, err := ibeDecryptCCAonG1(ct.U, private, ct.V[:], ct.W[:])
	if err != nil {
		return nil, fmt.Errorf("%w: key does not match the identity", ErrDecrypt)
	}
	defer clear(dataKey)
	aead, err := newGCM(dataKey)
	if err != nil {
		return nil, err
	}
	head, err := ct.header()
	if err != nil {
		return nil, err
	}
	plaintext, err := aead.Open(nil, ct.Nonce[:], ct.Sealed, additionalData(head, id))
	if err != nil {
		return nil, fmt.Errorf("%w: data does not authenticate", ErrDecrypt)
	}
	if h := sha256.Sum256(plaintext); subtle.ConstantTimeCompare(h[:], ct.DataHash[:]) != 1 {
		clear(plaintext)
		return nil, fmt.Errorf("%w: plaintext does not match its data hash", ErrDecrypt)
	}
	return plaintext, nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("bls: aes: %w", err)
	}
	return cipher.NewGCM(block)
}

func additionalData(head []byte, id []byte) []byte {
	ad := make([]byte, 0, len(aadLabel)+len(head)+len(id))
	ad = append(ad, aadLabel...)
	ad = append(ad, head...)
	return append(ad, id...)
}

func (ct *Ciphertext) check() error {
	if ct == nil || ct.U == nil {
		return fmt.Errorf("%w: missing IBE point", ErrBadCiphertext)
	}
	if _, ok := ct.U.(*kbls.KyberG1); !ok {
		return fmt.Errorf("%w: IBE point is not on G1", ErrBadCiphertext)
	}
	if len(ct.Sealed) < tagSize || len(ct.Sealed) > MaxPlaintextSize+tagSize {
		return fmt.Errorf("%w: sealed data of %d bytes", ErrBadCiphertext, len(ct.Sealed))
	}
	return nil
}

// header is the first 146 bytes of the encoding (version through W).
func (ct *Ciphertext) header() ([]byte, error) {
	if ct.U == nil {
		return nil, fmt.Errorf("%w: missing IBE point", ErrBadCiphertext)
	}
	u, err := ct.U.MarshalBinary()
	if err != nil {
		return nil, err
	}
	if len(u) != PublicKeySize {
		return nil, fmt.Errorf("%w: IBE point of %d bytes", ErrBadCiphertext, len(u))
	}
	b := make([]byte, 0, headerSize)
	b = append(b, ciphertextVersion, schemeBLS12381G1)
	b = append(b, ct.DataHash[:]...)
	b = append(b, u...)
	b = append(b, ct.V[:]...)
	return append(b, ct.W[:]...), nil
}

// MarshalBinary encodes the ciphertext in the version 1 format.
func (ct *Ciphertext) MarshalBinary() ([]byte, error) {
	if err := ct.check(); err != nil {
		return nil, err
	}
	head, err := ct.header()
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(head)+nonceSize+len(ct.Sealed))
	out = append(out, head...)
	out = append(out, ct.Nonce[:]...)
	return append(out, ct.Sealed...), nil
}

// ParseCiphertext decodes the version 1 format, refusing anything over MaxCiphertextSize, an
// unknown version or scheme, and an IBE point that is not a non-identity G1 point.
func ParseCiphertext(b []byte) (*Ciphertext, error) {
	switch {
	case len(b) < minCiphertext:
		return nil, fmt.Errorf("%w: %d bytes, shorter than the minimum %d", ErrBadCiphertext, len(b), minCiphertext)
	case len(b) > MaxCiphertextSize:
		return nil, fmt.Errorf("%w: %d bytes exceeds %d", ErrBadCiphertext, len(b), MaxCiphertextSize)
	case b[0] != ciphertextVersion:
		return nil, fmt.Errorf("%w: unknown version %d", ErrBadCiphertext, b[0])
	case b[1] != schemeBLS12381G1:
		return nil, fmt.Errorf("%w: unknown scheme %d", ErrBadCiphertext, b[1])
	}
	ct := &Ciphertext{}
	copy(ct.DataHash[:], b[2:34])
	u, err := ParsePublicKey(b[34 : 34+PublicKeySize])
	if err != nil {
		return nil, fmt.Errorf("%w: IBE point: %w", ErrBadCiphertext, err)
	}
	ct.U = u
	copy(ct.V[:], b[82:114])
	copy(ct.W[:], b[114:146])
	copy(ct.Nonce[:], b[headerSize:headerSize+nonceSize])
	ct.Sealed = append([]byte(nil), b[headerSize+nonceSize:]...)
	return ct, nil
}
