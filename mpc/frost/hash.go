package frost

import (
	"crypto/sha256"
	"crypto/sha512"
)

// expandMessageXMD is expand_message_xmd from RFC 9380 (section 5.3.1) with SHA-256, for
// outputs of at most 255·32 bytes (this package asks for 48). msg is the concatenation of parts.
func expandMessageXMD(dst []byte, outLen int, parts ...[]byte) []byte {
	const bLen, sLen = sha256.Size, sha256.BlockSize
	ell := (outLen + bLen - 1) / bLen
	if ell > 255 || len(dst) > 255 || outLen > 65535 {
		panic("frost: expand_message_xmd parameters out of range")
	}
	dstPrime := append(append([]byte(nil), dst...), byte(len(dst)))
	h := sha256.New()
	h.Write(make([]byte, sLen)) // Z_pad
	for _, p := range parts {
		h.Write(p)
	}
	h.Write([]byte{byte(outLen >> 8), byte(outLen), 0})
	h.Write(dstPrime)
	b0 := h.Sum(nil)

	out := make([]byte, 0, ell*bLen)
	prev := make([]byte, bLen)
	for i := 1; i <= ell; i++ {
		h.Reset()
		x := make([]byte, bLen)
		for j := range x {
			x[j] = b0[j] ^ prev[j]
		}
		if i == 1 {
			x = b0 // strxor(b_0, b_0 xor nothing): b_1 = H(b_0 ‖ 1 ‖ DST')
		}
		h.Write(x)
		h.Write([]byte{byte(i)})
		h.Write(dstPrime)
		prev = h.Sum(nil)
		out = append(out, prev...)
	}
	return out[:outLen]
}

// k1HashToScalar is hash_to_field(m, 1) of RFC 9380 for secp256k1's scalar field with
// expand_message_xmd(SHA-256), L = 48: RFC 9591's H1–H3 for FROST(secp256k1, SHA-256).
func k1HashToScalar(dst []byte, parts ...[]byte) scalar {
	u := expandMessageXMD(dst, 48, parts...)
	s := k1Wide(u)
	clear(u)
	return s
}

// sha512Scalar is SHA-512 of the parts read as a little-endian integer mod ℓ: RFC 9591's
// H1–H3 for FROST(Ed25519, SHA-512).
func sha512Scalar(parts ...[]byte) scalar {
	h := sha512.New()
	for _, p := range parts {
		h.Write(p)
	}
	d := h.Sum(nil)
	s := edFromUniform(d)
	clear(d)
	return s
}

func sha512Sum(parts ...[]byte) []byte {
	h := sha512.New()
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

func sha256Sum(parts ...[]byte) []byte {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

// taggedHash is BIP-340's hash_tag(x) = SHA-256(SHA-256(tag) ‖ SHA-256(tag) ‖ x).
func taggedHash(tag string, parts ...[]byte) []byte {
	t := sha256.Sum256([]byte(tag))
	h := sha256.New()
	h.Write(t[:])
	h.Write(t[:])
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

// k1Reduce32 reads 32 big-endian bytes as an integer mod n (BIP-340's int(·) mod n).
func k1Reduce32(b []byte) scalar {
	r := &k1Scalar{}
	r.v.SetBytes((*[32]byte)(b))
	return r
}
