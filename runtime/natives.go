package runtime

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // WebCrypto's SHA-1 digest and HMAC, which actions may ask for
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"math/big"
	"net/url"
	"path"
	"strconv"
	"strings"

	v8 "github.com/tommie/v8go"
	"golang.org/x/net/idna"
)

// The worker's own crypto for actions (Lit.Actions.aesDecrypt, crypto.subtle, jwt) and the URL
// parser behind the URL class: Go code running in the worker process, on bytes passed as hex.
// Nothing here reaches outside the sandbox, so none of it is a host call.

// nativeError is a native's failure with the JavaScript error type to throw: Error, TypeError,
// RangeError, or a DOMException name (OperationError, DataError, NotSupportedError, …).
type nativeError struct{ typ, msg string }

func (e *nativeError) Error() string { return e.msg }

func nerr(typ, format string, args ...any) error {
	return &nativeError{typ: typ, msg: fmt.Sprintf(format, args...)}
}

// pure adapts a function of string arguments to a native: its result becomes a JavaScript
// value (through JSON), its error a thrown error of the error's type.
func pure(fn func(args []string) (any, error)) func(*execution, *frame, *v8.FunctionCallbackInfo) (*v8.Value, error) {
	return func(_ *execution, _ *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
		args := make([]string, len(info.Args()))
		for i := range args {
			args[i] = argString(info, i)
		}
		v, err := fn(args)
		if err != nil {
			var ne *nativeError
			if errors.As(err, &ne) {
				return fail(info, ne.typ, ne.msg)
			}
			return fail(info, "Error", err.Error())
		}
		return jsValue(info.Context(), v)
	}
}

var cryptoNatives = map[string]func(*execution, *frame, *v8.FunctionCallbackInfo) (*v8.Value, error){
	"aesDecrypt":   pure(nativeAESDecrypt),
	"digest":       pure(nativeDigest),
	"hmac":         pure(nativeHMAC),
	"aesGcm":       pure(nativeAESGCM),
	"aesCbc":       pure(nativeAESCBC),
	"aesCtr":       pure(nativeAESCTR),
	"ecGenerate":   pure(nativeECGenerate),
	"ecSign":       pure(nativeECSign),
	"ecVerify":     pure(nativeECVerify),
	"ecdh":         pure(nativeECDH),
	"edGenerate":   pure(nativeEdGenerate),
	"edSign":       pure(nativeEdSign),
	"edVerify":     pure(nativeEdVerify),
	"rsaSign":      pure(nativeRSASign),
	"rsaVerify":    pure(nativeRSAVerify),
	"importKeyDer": pure(nativeImportKeyDER),
	"exportKeyDer": pure(nativeExportKeyDER),
	"pemKey":       pure(nativePEMKey),
	"urlParse":     pure(nativeURLParse),
}

// maxCryptoInput bounds what one crypto call processes (hex-decoded).
const maxCryptoInput = 16 << 20

func unhex(what, s string) ([]byte, error) {
	if len(s) > 2*maxCryptoInput {
		return nil, nerr("RangeError", "%s is over %d bytes", what, maxCryptoInput)
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, nerr("TypeError", "%s: not bytes", what)
	}
	return b, nil
}

func arg(args []string, i int) string {
	if i < len(args) {
		return args[i]
	}
	return ""
}

// nativeAESDecrypt is Lit.Actions.aesDecrypt, as Lit's node does it: AES-256-CBC, the 16-byte IV
// in front of the ciphertext, PKCS#7 padding; the plaintext comes back as hex.
func nativeAESDecrypt(args []string) (any, error) {
	key, err := unhex("symmetricKey", arg(args, 0))
	if err != nil {
		return nil, err
	}
	ct, err := unhex("ciphertext", arg(args, 1))
	if err != nil {
		return nil, err
	}
	switch {
	case len(key) == 0:
		return nil, nerr("RangeError", "symmetricKey must not be empty")
	case len(ct) == 0:
		return nil, nerr("RangeError", "ciphertext must not be empty")
	case len(key) != 32:
		return nil, errors.New("Could not convert symmetric key to length 32") //nolint:staticcheck // Lit's text
	case len(ct) < aes.BlockSize:
		return nil, errors.New("Ciphertext is too short") //nolint:staticcheck // Lit's text
	}
	out, err := cbcDecrypt(key, ct[:aes.BlockSize], ct[aes.BlockSize:])
	if err != nil {
		return nil, err
	}
	return hex.EncodeToString(out), nil
}

func cbcDecrypt(key, iv, ct []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, nerr("DataError", "AES key of %d bytes: want 16, 24 or 32", len(key))
	}
	if len(iv) != aes.BlockSize {
		return nil, nerr("OperationError", "AES-CBC needs a 16-byte iv")
	}
	if len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
		return nil, nerr("OperationError", "AES-CBC ciphertext of %d bytes is not whole blocks", len(ct))
	}
	out := make([]byte, len(ct))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, ct)
	pad := int(out[len(out)-1])
	if pad == 0 || pad > aes.BlockSize || pad > len(out) {
		return nil, nerr("OperationError", "decryption failed: bad padding")
	}
	for _, b := range out[len(out)-pad:] {
		if int(b) != pad {
			return nil, nerr("OperationError", "decryption failed: bad padding")
		}
	}
	return out[:len(out)-pad], nil
}

func newHash(name string) (func() hash.Hash, crypto.Hash, error) {
	switch strings.ToUpper(name) {
	case "SHA-1":
		return sha1.New, crypto.SHA1, nil
	case "SHA-256":
		return sha256.New, crypto.SHA256, nil
	case "SHA-384":
		return sha512.New384, crypto.SHA384, nil
	case "SHA-512":
		return sha512.New, crypto.SHA512, nil
	}
	return nil, 0, nerr("NotSupportedError", "unsupported hash %q (SHA-1, SHA-256, SHA-384, SHA-512)", name)
}

func nativeDigest(args []string) (any, error) {
	h, _, err := newHash(arg(args, 0))
	if err != nil {
		return nil, err
	}
	data, err := unhex("data", arg(args, 1))
	if err != nil {
		return nil, err
	}
	d := h()
	d.Write(data)
	return hex.EncodeToString(d.Sum(nil)), nil
}

// nativeHMAC computes an HMAC (sign) or checks one in constant time (verify, a 4th argument).
func nativeHMAC(args []string) (any, error) {
	h, _, err := newHash(arg(args, 0))
	if err != nil {
		return nil, err
	}
	key, err := unhex("key", arg(args, 1))
	if err != nil {
		return nil, err
	}
	data, err := unhex("data", arg(args, 2))
	if err != nil {
		return nil, err
	}
	m := hmac.New(h, key)
	m.Write(data)
	sum := m.Sum(nil)
	if len(args) > 3 {
		sig, err := unhex("signature", arg(args, 3))
		if err != nil {
			return nil, err
		}
		return subtle.ConstantTimeCompare(sig, sum) == 1, nil
	}
	return hex.EncodeToString(sum), nil
}

// nativeAESGCM: encrypt|decrypt, key, iv, data, additional data, tag length in bits.
func nativeAESGCM(args []string) (any, error) {
	key, err := unhex("key", arg(args, 1))
	if err != nil {
		return nil, err
	}
	iv, err := unhex("iv", arg(args, 2))
	if err != nil {
		return nil, err
	}
	data, err := unhex("data", arg(args, 3))
	if err != nil {
		return nil, err
	}
	aad, err := unhex("additionalData", arg(args, 4))
	if err != nil {
		return nil, err
	}
	tagBits, _ := strconv.Atoi(arg(args, 5))
	if tagBits == 0 {
		tagBits = 128
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, nerr("DataError", "AES key of %d bytes: want 16, 24 or 32", len(key))
	}
	if len(iv) == 0 {
		return nil, nerr("OperationError", "AES-GCM needs an iv")
	}
	if tagBits%8 != 0 || tagBits < 96 || tagBits > 128 {
		return nil, nerr("OperationError", "AES-GCM tag length %d: want 96 to 128 bits", tagBits)
	}
	var aead cipher.AEAD
	switch {
	case len(iv) == 12 && tagBits == 128:
		aead, err = cipher.NewGCM(block)
	case len(iv) == 12:
		aead, err = cipher.NewGCMWithTagSize(block, tagBits/8)
	case tagBits == 128:
		aead, err = cipher.NewGCMWithNonceSize(block, len(iv))
	default:
		return nil, nerr("NotSupportedError", "AES-GCM with a %d-byte iv and a %d-bit tag", len(iv), tagBits)
	}
	if err != nil {
		return nil, nerr("OperationError", "AES-GCM: %v", err)
	}
	if arg(args, 0) == "encrypt" {
		return hex.EncodeToString(aead.Seal(nil, iv, data, aad)), nil
	}
	out, err := aead.Open(nil, iv, data, aad)
	if err != nil {
		return nil, nerr("OperationError", "decryption failed")
	}
	return hex.EncodeToString(out), nil
}

// nativeAESCBC: encrypt|decrypt, key, iv, data (PKCS#7 padding, as WebCrypto).
func nativeAESCBC(args []string) (any, error) {
	key, err := unhex("key", arg(args, 1))
	if err != nil {
		return nil, err
	}
	iv, err := unhex("iv", arg(args, 2))
	if err != nil {
		return nil, err
	}
	data, err := unhex("data", arg(args, 3))
	if err != nil {
		return nil, err
	}
	if arg(args, 0) != "encrypt" {
		out, err := cbcDecrypt(key, iv, data)
		if err != nil {
			return nil, err
		}
		return hex.EncodeToString(out), nil
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, nerr("DataError", "AES key of %d bytes: want 16, 24 or 32", len(key))
	}
	if len(iv) != aes.BlockSize {
		return nil, nerr("OperationError", "AES-CBC needs a 16-byte iv")
	}
	pad := aes.BlockSize - len(data)%aes.BlockSize
	buf := append(append([]byte{}, data...), make([]byte, pad)...)
	for i := len(data); i < len(buf); i++ {
		buf[i] = byte(pad)
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(buf, buf)
	return hex.EncodeToString(buf), nil
}

// nativeAESCTR: key, counter block, counter length in bits (only 64 or more, the common case,
// wraps like WebCrypto's), data. Encrypt and decrypt are the same.
func nativeAESCTR(args []string) (any, error) {
	key, err := unhex("key", arg(args, 0))
	if err != nil {
		return nil, err
	}
	counter, err := unhex("counter", arg(args, 1))
	if err != nil {
		return nil, err
	}
	length, _ := strconv.Atoi(arg(args, 2))
	data, err := unhex("data", arg(args, 3))
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, nerr("DataError", "AES key of %d bytes: want 16, 24 or 32", len(key))
	}
	if len(counter) != aes.BlockSize || length < 64 || length > 128 {
		return nil, nerr("OperationError", "AES-CTR needs a 16-byte counter and a length of 64 to 128 bits")
	}
	out := make([]byte, len(data))
	cipher.NewCTR(block, counter).XORKeyStream(out, data)
	return hex.EncodeToString(out), nil
}

func curveOf(name string) (elliptic.Curve, error) {
	switch name {
	case "P-256":
		return elliptic.P256(), nil
	case "P-384":
		return elliptic.P384(), nil
	case "P-521":
		return elliptic.P521(), nil
	}
	return nil, nerr("NotSupportedError", "unsupported named curve %q (P-256, P-384, P-521)", name)
}

// ecKey is an EC key as the JavaScript side keeps it: the curve and big-endian coordinates
// (and the private scalar), hex, fixed size.
type ecKey struct {
	Curve string `json:"crv"`
	X     string `json:"x"`
	Y     string `json:"y"`
	D     string `json:"d,omitempty"`
}

func fixedHex(n *big.Int, size int) string {
	b := make([]byte, size)
	return hex.EncodeToString(n.FillBytes(b))
}

func curveBytes(c elliptic.Curve) int { return (c.Params().BitSize + 7) / 8 }

func ecKeyOf(name string, k *ecdsa.PrivateKey) ecKey {
	size := curveBytes(k.Curve)
	out := ecKey{Curve: name, X: fixedHex(k.X, size), Y: fixedHex(k.Y, size)}
	if k.D != nil {
		out.D = fixedHex(k.D, size)
	}
	return out
}

func nativeECGenerate(args []string) (any, error) {
	c, err := curveOf(arg(args, 0))
	if err != nil {
		return nil, err
	}
	k, err := ecdsa.GenerateKey(c, rand.Reader)
	if err != nil {
		return nil, err
	}
	return ecKeyOf(arg(args, 0), k), nil
}

// parseECKey reads an ecKey's JSON and checks the point is on the curve.
func parseECKey(s string, private bool) (*ecdsa.PrivateKey, error) {
	var k ecKey
	if err := json.Unmarshal([]byte(s), &k); err != nil {
		return nil, nerr("DataError", "EC key: %v", err)
	}
	c, err := curveOf(k.Curve)
	if err != nil {
		return nil, err
	}
	x, errX := hex.DecodeString(k.X)
	y, errY := hex.DecodeString(k.Y)
	if errX != nil || errY != nil || len(x) != curveBytes(c) || len(y) != curveBytes(c) {
		return nil, nerr("DataError", "EC key: bad coordinates")
	}
	pub := ecdsa.PublicKey{Curve: c, X: new(big.Int).SetBytes(x), Y: new(big.Int).SetBytes(y)}
	raw := append(append([]byte{4}, x...), y...)
	if _, err := ecdsa.ParseUncompressedPublicKey(c, raw); err != nil {
		return nil, nerr("DataError", "EC key: the point is not on %s", k.Curve)
	}
	priv := &ecdsa.PrivateKey{PublicKey: pub}
	if private {
		d, err := hex.DecodeString(k.D)
		if err != nil || len(d) == 0 {
			return nil, nerr("InvalidAccessError", "EC key: not a private key")
		}
		priv.D = new(big.Int).SetBytes(d)
	}
	return priv, nil
}

// nativeECSign: key JSON, hash name, data; the signature in WebCrypto's form r ‖ s.
func nativeECSign(args []string) (any, error) {
	k, err := parseECKey(arg(args, 0), true)
	if err != nil {
		return nil, err
	}
	h, _, err := newHash(arg(args, 1))
	if err != nil {
		return nil, err
	}
	data, err := unhex("data", arg(args, 2))
	if err != nil {
		return nil, err
	}
	d := h()
	d.Write(data)
	r, s, err := ecdsa.Sign(rand.Reader, k, d.Sum(nil))
	if err != nil {
		return nil, nerr("OperationError", "ECDSA sign: %v", err)
	}
	size := curveBytes(k.Curve)
	return fixedHex(r, size) + fixedHex(s, size), nil
}

// nativeECVerify: key JSON, hash name, signature r ‖ s, data.
func nativeECVerify(args []string) (any, error) {
	k, err := parseECKey(arg(args, 0), false)
	if err != nil {
		return nil, err
	}
	h, _, err := newHash(arg(args, 1))
	if err != nil {
		return nil, err
	}
	sig, err := unhex("signature", arg(args, 2))
	if err != nil {
		return nil, err
	}
	data, err := unhex("data", arg(args, 3))
	if err != nil {
		return nil, err
	}
	size := curveBytes(k.Curve)
	if len(sig) != 2*size {
		return false, nil
	}
	d := h()
	d.Write(data)
	r, s := new(big.Int).SetBytes(sig[:size]), new(big.Int).SetBytes(sig[size:])
	return ecdsa.Verify(&k.PublicKey, d.Sum(nil), r, s), nil
}

// nativeECDH: private key JSON, public key JSON; the shared secret's x coordinate.
func nativeECDH(args []string) (any, error) {
	priv, err := parseECKey(arg(args, 0), true)
	if err != nil {
		return nil, err
	}
	pub, err := parseECKey(arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	if priv.Curve != pub.Curve {
		return nil, nerr("InvalidAccessError", "ECDH keys on different curves")
	}
	ep, err := priv.ECDH()
	if err != nil {
		return nil, nerr("DataError", "ECDH: %v", err)
	}
	epub, err := pub.PublicKey.ECDH()
	if err != nil {
		return nil, nerr("DataError", "ECDH: %v", err)
	}
	secret, err := ep.ECDH(epub)
	if err != nil {
		return nil, nerr("OperationError", "ECDH: %v", err)
	}
	return hex.EncodeToString(secret), nil
}

func nativeEdGenerate([]string) (any, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return map[string]string{"x": hex.EncodeToString(pub), "d": hex.EncodeToString(priv.Seed())}, nil
}

func nativeEdSign(args []string) (any, error) {
	seed, err := unhex("key", arg(args, 0))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, nerr("DataError", "Ed25519 private key: want 32 bytes")
	}
	data, err := unhex("data", arg(args, 1))
	if err != nil {
		return nil, err
	}
	return hex.EncodeToString(ed25519.Sign(ed25519.NewKeyFromSeed(seed), data)), nil
}

func nativeEdVerify(args []string) (any, error) {
	pub, err := unhex("key", arg(args, 0))
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, nerr("DataError", "Ed25519 public key: want 32 bytes")
	}
	sig, err := unhex("signature", arg(args, 1))
	if err != nil {
		return nil, err
	}
	data, err := unhex("data", arg(args, 2))
	if err != nil {
		return nil, err
	}
	return ed25519.Verify(pub, data, sig), nil
}

// rsaKey is an RSA key as the JavaScript side keeps it (JWK field names, hex values).
type rsaKey struct {
	N  string `json:"n"`
	E  int    `json:"e"`
	D  string `json:"d,omitempty"`
	P  string `json:"p,omitempty"`
	Q  string `json:"q,omitempty"`
	Dp string `json:"dp,omitempty"`
	Dq string `json:"dq,omitempty"`
	Qi string `json:"qi,omitempty"`
}

func rsaKeyOf(k *rsa.PublicKey, priv *rsa.PrivateKey) rsaKey {
	out := rsaKey{N: hex.EncodeToString(k.N.Bytes()), E: k.E}
	if priv != nil && len(priv.Primes) == 2 {
		priv.Precompute()
		out.D = hex.EncodeToString(priv.D.Bytes())
		out.P = hex.EncodeToString(priv.Primes[0].Bytes())
		out.Q = hex.EncodeToString(priv.Primes[1].Bytes())
		out.Dp = hex.EncodeToString(priv.Precomputed.Dp.Bytes())
		out.Dq = hex.EncodeToString(priv.Precomputed.Dq.Bytes())
		out.Qi = hex.EncodeToString(priv.Precomputed.Qinv.Bytes())
	}
	return out
}

func bigHex(s string) (*big.Int, error) {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) == 0 {
		return nil, nerr("DataError", "RSA key: bad number")
	}
	return new(big.Int).SetBytes(b), nil
}

func parseRSAKey(s string, private bool) (*rsa.PrivateKey, error) {
	var k rsaKey
	if err := json.Unmarshal([]byte(s), &k); err != nil {
		return nil, nerr("DataError", "RSA key: %v", err)
	}
	n, err := bigHex(k.N)
	if err != nil {
		return nil, err
	}
	if n.BitLen() < 1024 || n.BitLen() > 16384 || k.E < 3 {
		return nil, nerr("DataError", "RSA key: modulus of %d bits or exponent %d refused", n.BitLen(), k.E)
	}
	priv := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: k.E}}
	if !private {
		return priv, nil
	}
	if priv.D, err = bigHex(k.D); err != nil {
		return nil, nerr("InvalidAccessError", "RSA key: not a private key")
	}
	p, err := bigHex(k.P)
	if err != nil {
		return nil, err
	}
	q, err := bigHex(k.Q)
	if err != nil {
		return nil, err
	}
	priv.Primes = []*big.Int{p, q}
	if err := priv.Validate(); err != nil {
		return nil, nerr("DataError", "RSA key: %v", err)
	}
	priv.Precompute()
	return priv, nil
}

// nativeRSASign: key JSON, scheme (pkcs1 or pss), hash name, salt length, data.
func nativeRSASign(args []string) (any, error) {
	k, err := parseRSAKey(arg(args, 0), true)
	if err != nil {
		return nil, err
	}
	h, ch, err := newHash(arg(args, 2))
	if err != nil {
		return nil, err
	}
	salt, _ := strconv.Atoi(arg(args, 3))
	data, err := unhex("data", arg(args, 4))
	if err != nil {
		return nil, err
	}
	d := h()
	d.Write(data)
	var sig []byte
	if arg(args, 1) == "pss" {
		sig, err = rsa.SignPSS(rand.Reader, k, ch, d.Sum(nil), &rsa.PSSOptions{SaltLength: salt})
	} else {
		sig, err = rsa.SignPKCS1v15(rand.Reader, k, ch, d.Sum(nil))
	}
	if err != nil {
		return nil, nerr("OperationError", "RSA sign: %v", err)
	}
	return hex.EncodeToString(sig), nil
}

// nativeRSAVerify: key JSON, scheme, hash name, salt length, signature, data.
func nativeRSAVerify(args []string) (any, error) {
	k, err := parseRSAKey(arg(args, 0), false)
	if err != nil {
		return nil, err
	}
	h, ch, err := newHash(arg(args, 2))
	if err != nil {
		return nil, err
	}
	salt, _ := strconv.Atoi(arg(args, 3))
	sig, err := unhex("signature", arg(args, 4))
	if err != nil {
		return nil, err
	}
	data, err := unhex("data", arg(args, 5))
	if err != nil {
		return nil, err
	}
	d := h()
	d.Write(data)
	if arg(args, 1) == "pss" {
		if salt == 0 {
			salt = rsa.PSSSaltLengthAuto
		}
		return rsa.VerifyPSS(&k.PublicKey, ch, d.Sum(nil), sig, &rsa.PSSOptions{SaltLength: salt}) == nil, nil
	}
	return rsa.VerifyPKCS1v15(&k.PublicKey, ch, d.Sum(nil), sig) == nil, nil
}

// importedKey is a parsed DER or PEM key: its type and the material as the JavaScript side
// keeps it.
type importedKey struct {
	Type    string  `json:"type"` // "EC", "RSA", "OKP" (Ed25519)
	Private bool    `json:"private"`
	EC      *ecKey  `json:"ec,omitempty"`
	RSA     *rsaKey `json:"rsa,omitempty"`
	OKP     *okpKey `json:"okp,omitempty"`
}

type okpKey struct {
	X string `json:"x"`
	D string `json:"d,omitempty"`
}

func ecName(c elliptic.Curve) (string, error) {
	switch c {
	case elliptic.P256():
		return "P-256", nil
	case elliptic.P384():
		return "P-384", nil
	case elliptic.P521():
		return "P-521", nil
	}
	return "", nerr("NotSupportedError", "unsupported curve")
}

func fromGoKey(k any) (*importedKey, error) {
	switch k := k.(type) {
	case *ecdsa.PublicKey:
		name, err := ecName(k.Curve)
		if err != nil {
			return nil, err
		}
		e := ecKeyOf(name, &ecdsa.PrivateKey{PublicKey: *k})
		return &importedKey{Type: "EC", EC: &e}, nil
	case *ecdsa.PrivateKey:
		name, err := ecName(k.Curve)
		if err != nil {
			return nil, err
		}
		e := ecKeyOf(name, k)
		return &importedKey{Type: "EC", Private: true, EC: &e}, nil
	case *rsa.PublicKey:
		r := rsaKeyOf(k, nil)
		return &importedKey{Type: "RSA", RSA: &r}, nil
	case *rsa.PrivateKey:
		r := rsaKeyOf(&k.PublicKey, k)
		return &importedKey{Type: "RSA", Private: true, RSA: &r}, nil
	case ed25519.PublicKey:
		return &importedKey{Type: "OKP", OKP: &okpKey{X: hex.EncodeToString(k)}}, nil
	case ed25519.PrivateKey:
		return &importedKey{Type: "OKP", Private: true, OKP: &okpKey{X: hex.EncodeToString(k.Public().(ed25519.PublicKey)), D: hex.EncodeToString(k.Seed())}}, nil
	case *ecdh.PublicKey, *ecdh.PrivateKey:
		return nil, nerr("NotSupportedError", "X25519 keys are not supported")
	}
	return nil, nerr("NotSupportedError", "unsupported key type %T", k)
}

// nativeImportKeyDER: format (spki or pkcs8), DER.
func nativeImportKeyDER(args []string) (any, error) {
	der, err := unhex("keyData", arg(args, 1))
	if err != nil {
		return nil, err
	}
	var k any
	switch arg(args, 0) {
	case "spki":
		k, err = x509.ParsePKIXPublicKey(der)
	case "pkcs8":
		k, err = x509.ParsePKCS8PrivateKey(der)
	default:
		return nil, nerr("NotSupportedError", "key format %q", arg(args, 0))
	}
	if err != nil {
		return nil, nerr("DataError", "%s key: %v", arg(args, 0), err)
	}
	return fromGoKey(k)
}

// nativeExportKeyDER: format (spki or pkcs8), the imported key JSON; the DER, hex.
func nativeExportKeyDER(args []string) (any, error) {
	var ik importedKey
	if err := json.Unmarshal([]byte(arg(args, 1)), &ik); err != nil {
		return nil, nerr("DataError", "key: %v", err)
	}
	private := arg(args, 0) == "pkcs8"
	var k any
	switch {
	case ik.EC != nil:
		b, err := json.Marshal(ik.EC)
		if err != nil {
			return nil, err
		}
		pk, err := parseECKey(string(b), private)
		if err != nil {
			return nil, err
		}
		k = pk
		if !private {
			k = &pk.PublicKey
		}
	case ik.RSA != nil:
		b, err := json.Marshal(ik.RSA)
		if err != nil {
			return nil, err
		}
		pk, err := parseRSAKey(string(b), private)
		if err != nil {
			return nil, err
		}
		k = pk
		if !private {
			k = &pk.PublicKey
		}
	case ik.OKP != nil:
		if private {
			seed, err := hex.DecodeString(ik.OKP.D)
			if err != nil || len(seed) != ed25519.SeedSize {
				return nil, nerr("InvalidAccessError", "not a private key")
			}
			k = ed25519.NewKeyFromSeed(seed)
		} else {
			x, err := hex.DecodeString(ik.OKP.X)
			if err != nil || len(x) != ed25519.PublicKeySize {
				return nil, nerr("DataError", "bad Ed25519 key")
			}
			k = ed25519.PublicKey(x)
		}
	default:
		return nil, nerr("DataError", "empty key")
	}
	var der []byte
	var err error
	if private {
		der, err = x509.MarshalPKCS8PrivateKey(k)
	} else {
		der, err = x509.MarshalPKIXPublicKey(k)
	}
	if err != nil {
		return nil, nerr("OperationError", "export: %v", err)
	}
	return hex.EncodeToString(der), nil
}

// nativePEMKey reads a PEM key as jsonwebtoken accepts them: PKCS#8, SEC 1 and PKCS#1 private
// keys, SPKI and PKCS#1 public keys, and certificates (their public key).
func nativePEMKey(args []string) (any, error) {
	s := arg(args, 0)
	if len(s) > 1<<20 {
		return nil, nerr("RangeError", "key over 1 MiB")
	}
	block, _ := pem.Decode([]byte(s))
	if block == nil {
		return nil, nerr("TypeError", "the key is not in PEM format")
	}
	if len(block.Headers) > 0 {
		return nil, nerr("NotSupportedError", "encrypted PEM keys are not supported")
	}
	var (
		k   any
		err error
	)
	switch block.Type {
	case "PRIVATE KEY":
		k, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		k, err = x509.ParseECPrivateKey(block.Bytes)
	case "RSA PRIVATE KEY":
		k, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "PUBLIC KEY":
		k, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "RSA PUBLIC KEY":
		k, err = x509.ParsePKCS1PublicKey(block.Bytes)
	case "CERTIFICATE":
		var cert *x509.Certificate
		if cert, err = x509.ParseCertificate(block.Bytes); err == nil {
			k = cert.PublicKey
		}
	default:
		return nil, nerr("NotSupportedError", "PEM block %q is not a key", block.Type)
	}
	if err != nil {
		return nil, nerr("DataError", "%s: %v", strings.ToLower(block.Type), err)
	}
	return fromGoKey(k)
}

// urlParts are the components of a parsed URL, as the URL class exposes them.
type urlParts struct {
	Protocol string `json:"protocol"`
	Username string `json:"username"`
	Password string `json:"password"`
	Hostname string `json:"hostname"`
	Port     string `json:"port"`
	Pathname string `json:"pathname"`
	Search   string `json:"search"`
	Hash     string `json:"hash"`
	Opaque   bool   `json:"opaque"`
}

var specialPorts = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21", "file": ""}

// maxURL bounds the URLs the parser reads.
const maxURL = 64 << 10

// nativeURLParse parses an absolute URL, or a relative one against a base, close to the WHATWG
// URL standard for the URLs actions use: special schemes get a lower-cased (IDNA) host, no
// default port, a "/" path and dot segments resolved; backslashes count as slashes.
//
//nolint:funlen,gocognit // the URL standard's parsing steps for the schemes actions use, in the standard's order
func nativeURLParse(args []string) (any, error) {
	input, base := strings.TrimSpace(arg(args, 0)), arg(args, 1)
	hasBase := len(args) > 1 && base != ""
	if len(input) > maxURL || len(base) > maxURL {
		return nil, nerr("TypeError", "Invalid URL: over %d bytes", maxURL)
	}
	input = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(input)
	u, err := url.Parse(fixSlashes(input))
	if err != nil {
		return nil, nerr("TypeError", "Invalid URL: %q", clipString(input))
	}
	if u.Scheme == "" {
		if !hasBase {
			return nil, nerr("TypeError", "Invalid URL: %q", clipString(input))
		}
		b, err := url.Parse(fixSlashes(strings.TrimSpace(base)))
		if err != nil || b.Scheme == "" {
			return nil, nerr("TypeError", "Invalid base URL: %q", clipString(base))
		}
		if b.Opaque != "" {
			return nil, nerr("TypeError", "Invalid URL: %q relative to %q", clipString(input), clipString(base))
		}
		u = b.ResolveReference(u)
	}
	scheme := strings.ToLower(u.Scheme)
	p := urlParts{Protocol: scheme + ":", Search: "", Hash: ""}
	if u.User != nil {
		p.Username = u.User.Username()
		p.Password, _ = u.User.Password()
	}
	if u.RawQuery != "" || u.ForceQuery {
		extra := `"#<>`
		if _, special := specialPorts[strings.ToLower(u.Scheme)]; special {
			extra += "'"
		}
		p.Search = "?" + percentEncode(u.RawQuery, extra)
	}
	if u.Fragment != "" {
		p.Hash = "#" + percentEncode(u.EscapedFragment(), "\"<>`")
	}
	if u.Opaque != "" {
		p.Opaque = true
		p.Pathname = u.Opaque
		return p, nil
	}
	host := u.Hostname()
	defPort, special := specialPorts[scheme]
	if special {
		if host == "" && scheme != "file" {
			return nil, nerr("TypeError", "Invalid URL: %q has no host", clipString(input))
		}
		ascii, err := idna.Lookup.ToASCII(host)
		if err != nil && !strings.HasPrefix(host, "[") && !strings.Contains(u.Host, "[") {
			return nil, nerr("TypeError", "Invalid URL: bad host %q", clipString(host))
		}
		if err == nil {
			host = ascii
		}
		host = strings.ToLower(host)
	}
	if strings.Contains(u.Host, "[") {
		host = "[" + host + "]"
	}
	p.Hostname = host
	p.Port = u.Port()
	if p.Port != "" {
		n, err := strconv.Atoi(p.Port)
		if err != nil || n > 65535 {
			return nil, nerr("TypeError", "Invalid URL: port %q", p.Port)
		}
		p.Port = strconv.Itoa(n)
		if special && p.Port == defPort {
			p.Port = ""
		}
	}
	p.Pathname = u.EscapedPath()
	if special {
		if p.Pathname == "" {
			p.Pathname = "/"
		}
		p.Pathname = removeDotSegments(p.Pathname)
	}
	return p, nil
}

// percentEncode escapes what the WHATWG percent-encode sets escape in a query or fragment: C0
// controls, space, non-ASCII bytes and the extra characters; existing escapes stay.
func percentEncode(s, extra string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(extra, c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// fixSlashes turns the backslashes of a special URL's authority and path into slashes, as
// browsers do.
func fixSlashes(s string) string {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return s
	}
	if _, special := specialPorts[strings.ToLower(s[:i])]; !special {
		return s
	}
	end := len(s)
	if j := strings.IndexAny(s, "?#"); j >= 0 {
		end = j
	}
	return s[:i] + strings.ReplaceAll(s[i:end], `\`, "/") + s[end:]
}

func removeDotSegments(p string) string {
	if !strings.Contains(p, "/.") {
		return p
	}
	trailing := strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")
	out := path.Clean(p)
	if trailing && out != "/" {
		out += "/"
	}
	return out
}
