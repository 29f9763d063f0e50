package access_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/go-webauthn/webauthn/protocol/webauthncbor"
	"github.com/go-webauthn/webauthn/protocol/webauthncose"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// softAuthenticator is a software passkey for unit tests: it builds registration and
// assertion responses byte for byte as WebAuthn specifies (the browser test in
// examples/passkey-wallet checks the same code against Chromium's authenticator).
type softAuthenticator struct {
	key    *ecdsa.PrivateKey
	credID []byte
}

func newSoftAuthenticator(t testing.TB) *softAuthenticator {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	id := make([]byte, 16)
	_, _ = rand.Read(id)
	return &softAuthenticator{key: k, credID: id}
}

func (s *softAuthenticator) coseKey(t testing.TB) []byte {
	t.Helper()
	x, y := make([]byte, 32), make([]byte, 32)
	s.key.X.FillBytes(x)
	s.key.Y.FillBytes(y)
	k := webauthncose.EC2PublicKeyData{
		PublicKeyData: webauthncose.PublicKeyData{KeyType: int64(webauthncose.EllipticKey), Algorithm: int64(webauthncose.AlgES256)},
		Curve:         int64(webauthncose.P256), XCoord: x, YCoord: y,
	}
	b, err := webauthncbor.Marshal(k)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const (
	flagUP = 0x01
	flagUV = 0x04
	flagAT = 0x40
)

func clientData(typ string, challenge []byte, origin string) []byte {
	b, _ := json.Marshal(map[string]any{"type": typ, "challenge": base64.RawURLEncoding.EncodeToString(challenge), "origin": origin, "crossOrigin": false})
	return b
}

func (s *softAuthenticator) register(t testing.TB, rpID, origin string) []byte {
	t.Helper()
	rp := sha256.Sum256([]byte(rpID))
	ad := append(rp[:], flagUP|flagUV|flagAT, 0, 0, 0, 0)
	ad = append(ad, make([]byte, 16)...) // AAGUID
	ad = binary.BigEndian.AppendUint16(ad, uint16(len(s.credID)))
	ad = append(ad, s.credID...)
	ad = append(ad, s.coseKey(t)...)
	att, err := webauthncbor.Marshal(map[string]any{"fmt": "none", "attStmt": map[string]any{}, "authData": ad})
	if err != nil {
		t.Fatal(err)
	}
	return credentialJSON(s.credID, map[string]any{
		"clientDataJSON":    b64u(clientData("webauthn.create", []byte("registration challenge"), origin)),
		"attestationObject": b64u(att),
	})
}

type assertOpts struct {
	rpID, origin, typ string
	flags             byte
	credID            []byte
}

func (s *softAuthenticator) assert(t testing.TB, challenge []byte, o assertOpts) []byte {
	t.Helper()
	if o.typ == "" {
		o.typ = "webauthn.get"
	}
	if o.flags == 0 {
		o.flags = flagUP | flagUV
	}
	if o.credID == nil {
		o.credID = s.credID
	}
	rp := sha256.Sum256([]byte(o.rpID))
	ad := append(rp[:], o.flags, 0, 0, 0, 0) // sign counter 0, as synced passkeys report
	cd := clientData(o.typ, challenge, o.origin)
	h := sha256.Sum256(cd)
	digest := sha256.Sum256(append(append([]byte{}, ad...), h[:]...))
	sig, err := ecdsa.SignASN1(rand.Reader, s.key, digest[:])
	if err != nil {
		t.Fatal(err)
	}
	return credentialJSON(o.credID, map[string]any{
		"clientDataJSON": b64u(cd), "authenticatorData": b64u(ad), "signature": b64u(sig), "userHandle": b64u([]byte("user-1")),
	})
}

func credentialJSON(id []byte, response map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"id": b64u(id), "rawId": b64u(id), "type": "public-key", "response": response, "clientExtensionResults": map[string]any{}})
	return b
}

func b64u(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

const (
	rpID   = "localhost"
	origin = "http://localhost:17402"
)

func TestWebAuthnRegistrationAndAuthMethodID(t *testing.T) {
	s := newSoftAuthenticator(t)
	reg, err := access.ParseWebAuthnRegistration(s.register(t, rpID, origin))
	if err != nil {
		t.Fatal(err)
	}
	if string(reg.CredentialID) != string(s.credID) || string(reg.PublicKey) != string(s.coseKey(t)) || reg.Origin != origin {
		t.Fatalf("registration %+v", reg)
	}
	if err := reg.CheckRPID(rpID); err != nil {
		t.Fatal(err)
	}
	if err := reg.CheckRPID("example.com"); !errors.Is(err, access.ErrWebAuthnRPID) {
		t.Fatalf("CheckRPID(other) = %v", err)
	}
	// Lit's id: keccak256("<base64url raw id>:lit").
	want := crypto.Keccak256([]byte(base64.RawURLEncoding.EncodeToString(s.credID) + ":lit"))
	if string(reg.AuthMethodID()) != string(want) {
		t.Fatalf("auth method id %x, want %x", reg.AuthMethodID(), want)
	}
	// A fixed vector: raw id 0x00..0x0f.
	id := make([]byte, 16)
	for i := range id {
		id[i] = byte(i)
	}
	if got := access.WebAuthnAuthMethodID(id); string(got) != string(crypto.Keccak256([]byte("AAECAwQFBgcICQoLDA0ODw:lit"))) {
		t.Fatalf("vector: %x", got)
	}
}

func TestWebAuthnVerifiesAndRefuses(t *testing.T) {
	s := newSoftAuthenticator(t)
	other := newSoftAuthenticator(t)
	reg, err := access.ParseWebAuthnRegistration(s.register(t, rpID, origin))
	if err != nil {
		t.Fatal(err)
	}
	v, err := access.NewWebAuthnVerifier(rpID, []string{origin})
	if err != nil {
		t.Fatal(err)
	}
	challenge := sha256.Sum256([]byte("the session key being authorised"))
	good := assertOpts{rpID: rpID, origin: origin}
	with := func(f func(*assertOpts)) assertOpts { o := good; f(&o); return o }
	parse := func(b []byte) *access.WebAuthnAssertion {
		a, err := access.ParseWebAuthnAssertion(b)
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		return a
	}

	a := parse(s.assert(t, challenge[:], good))
	if err := v.Verify(a, challenge[:], reg.AuthMethodID(), reg.PublicKey); err != nil {
		t.Fatalf("a good assertion: %v", err)
	}

	otherReg, err := access.ParseWebAuthnRegistration(other.register(t, rpID, origin))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		a    *access.WebAuthnAssertion
		chal []byte
		key  []byte
		want error
	}{
		{"made on another origin", parse(s.assert(t, challenge[:], with(func(o *assertOpts) { o.origin = "https://evil.example" }))), challenge[:], reg.PublicKey, access.ErrWebAuthnOrigin},
		{"made for another rpId", parse(s.assert(t, challenge[:], with(func(o *assertOpts) { o.rpID = "evil.example" }))), challenge[:], reg.PublicKey, access.ErrWebAuthnRPID},
		{"over another challenge", a, []byte("another session key"), reg.PublicKey, access.ErrWebAuthnChallenge},
		{"by another credential", parse(other.assert(t, challenge[:], good)), challenge[:], reg.PublicKey, access.ErrWebAuthnCredential},
		{"claiming the credential id but signed by another key", parse(other.assert(t, challenge[:], with(func(o *assertOpts) { o.credID = s.credID }))), challenge[:], reg.PublicKey, access.ErrWebAuthnCredential},
		{"checked against another registered key", a, challenge[:], otherReg.PublicKey, access.ErrWebAuthnCredential},
		{"without user verification", parse(s.assert(t, challenge[:], with(func(o *assertOpts) { o.flags = flagUP }))), challenge[:], reg.PublicKey, access.ErrWebAuthnUserVerification},
		{"a registration replayed as an assertion", parse(s.assert(t, challenge[:], with(func(o *assertOpts) { o.typ = "webauthn.create" }))), challenge[:], reg.PublicKey, access.ErrWebAuthnType},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := v.Verify(c.a, c.chal, reg.AuthMethodID(), c.key)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if api.KindOf(err) != api.KindUnauthorized {
				t.Fatalf("api kind %s", api.KindOf(err))
			}
		})
	}

	off, err := access.NewWebAuthnVerifier("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := off.Verify(a, challenge[:], reg.AuthMethodID(), reg.PublicKey); !errors.Is(err, access.ErrWebAuthnDisabled) {
		t.Fatalf("disabled verifier: %v", err)
	}
	for _, bad := range [][]byte{nil, []byte("{}"), []byte(`{"id":"x","rawId":"y","type":"public-key","response":{}}`), make([]byte, access.MaxWebAuthnAssertionSize+1)} {
		if _, err := access.ParseWebAuthnAssertion(bad); !errors.Is(err, access.ErrWebAuthnMalformed) {
			t.Errorf("ParseWebAuthnAssertion(%.40q) = %v", bad, err)
		}
	}
}

func TestCheckWebAuthnConfig(t *testing.T) {
	for _, c := range []struct {
		rpID    string
		origins []string
		ok      bool
	}{
		{"", nil, true},
		{"localhost", []string{"http://localhost:17402"}, true},
		{"wallet.example.com", []string{"https://wallet.example.com", "https://app.wallet.example.com"}, true},
		{"wallet.example.com", []string{"http://wallet.example.com"}, false},
		{"wallet.example.com", []string{"https://evil.example"}, false},
		{"127.0.0.1", []string{"http://127.0.0.1:1"}, false},
		{"localhost", nil, false},
		{"", []string{"https://a.example"}, false},
		{"localhost", []string{"http://localhost:1/path"}, false},
	} {
		if err := access.CheckWebAuthnConfig(c.rpID, c.origins); (err == nil) != c.ok {
			t.Errorf("CheckWebAuthnConfig(%q, %v) = %v, want ok %v", c.rpID, c.origins, err, c.ok)
		}
	}
}
