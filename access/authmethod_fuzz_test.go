package access_test

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/testnet/devnet/devoidc"
)

// FuzzDecodeIDToken: any input is refused with an *AuthMethodError or yields claims with
// everything a verifier relies on present and an asymmetric algorithm.
func FuzzDecodeIDToken(f *testing.F) {
	is, err := devoidc.Generate("http://127.0.0.1:17401")
	if err != nil {
		f.Fatal(err)
	}
	for _, alg := range []string{"RS256", "ES256"} {
		tok, err := is.IDToken(devoidc.Token{Subject: "alice", Audience: "demo-app", Nonce: "n", Alg: alg, Now: time.Unix(1700000000, 0)})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(tok)
	}
	b64 := base64.RawURLEncoding.EncodeToString
	f.Add(b64([]byte(`{"alg":"none"}`)) + "." + b64([]byte(`{"iss":"x","sub":"y","aud":"z","exp":1}`)) + ".")
	f.Add(b64([]byte(`{"alg":"HS256"}`)) + "." + b64([]byte(`{"iss":"x","sub":"y","aud":["z"],"exp":1}`)) + ".c2ln")
	f.Add(`{"payload":"e30","signatures":[{"protected":"e30","signature":""}]}`)
	f.Add("..")
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := access.DecodeIDToken(raw)
		if err != nil {
			var ae *access.AuthMethodError
			if !errors.As(err, &ae) {
				t.Fatalf("error is not an *AuthMethodError: %v", err)
			}
			return
		}
		if c.Issuer == "" || c.Subject == "" || len(c.Audience) == 0 || c.Expiry.IsZero() {
			t.Fatalf("decoded claims missing a required claim: %+v", c)
		}
		if !slices.Contains([]string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}, c.Algorithm) {
			t.Fatalf("decoded a token with alg %q", c.Algorithm)
		}
	})
}

// FuzzParseWebAuthnAssertion: any input is refused or parses; a parsed one never verifies
// unless it is the seeded genuine assertion, and nothing panics.
func FuzzParseWebAuthnAssertion(f *testing.F) {
	s := newSoftAuthenticator(f)
	reg, err := access.ParseWebAuthnRegistration(s.register(f, rpID, origin))
	if err != nil {
		f.Fatal(err)
	}
	challenge := sha256.Sum256([]byte("fuzz"))
	genuine := s.assert(f, challenge[:], assertOpts{rpID: rpID, origin: origin})
	f.Add(genuine)
	f.Add(s.assert(f, challenge[:], assertOpts{rpID: "evil.example", origin: origin}))
	f.Add([]byte(`{"id":"AA","rawId":"AA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"","signature":""}}`))
	v, err := access.NewWebAuthnVerifier(rpID, []string{origin})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := access.ParseWebAuthnAssertion(data)
		if err != nil {
			return
		}
		if err := v.Verify(a, challenge[:], reg.AuthMethodID(), reg.PublicKey); err == nil && string(data) != string(genuine) {
			// A re-encoding of the genuine assertion (e.g. reordered JSON) is the same proof;
			// anything else verifying would be a forgery.
			if string(a.CredentialID()) != string(s.credID) {
				t.Fatalf("an assertion by another credential verified: %q", data)
			}
		}
	})
}

// FuzzParseWebAuthnRegistration: any input is refused or gives a credential id and a COSE key
// within PKPPermissions' bounds.
func FuzzParseWebAuthnRegistration(f *testing.F) {
	s := newSoftAuthenticator(f)
	f.Add(s.register(f, rpID, origin))
	f.Add([]byte(`{"id":"AA","rawId":"AA","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"oA"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := access.ParseWebAuthnRegistration(data)
		if err != nil {
			return
		}
		if len(r.CredentialID) == 0 || len(r.PublicKey) == 0 || len(r.PublicKey) > 512 || len(r.AuthMethodID()) != 32 {
			t.Fatalf("registration %+v", r)
		}
	})
}
