package access

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/protocol/webauthncose"
)

// Size bounds of the WebAuthn JSON this package reads. Registrations carry an attestation
// statement (certificates for some authenticators), so they get more room.
const (
	MaxWebAuthnAssertionSize    = 16 << 10
	MaxWebAuthnRegistrationSize = 64 << 10
)

// WebAuthnAppID is the app id Lit's WebAuthn auth method ids are made with.
const WebAuthnAppID = "lit"

// WebAuthnAuthMethodID is the id of a passkey's auth method (type 3), as Lit's node and SDK
// compute it: keccak256(utf8(base64url(credential raw id) + ":lit")), base64url without
// padding. The credential's COSE public key is the auth method's userPubkey.
func WebAuthnAuthMethodID(credentialID []byte) []byte {
	return crypto.Keccak256([]byte(base64.RawURLEncoding.EncodeToString(credentialID) + ":" + WebAuthnAppID))
}

// WebAuthnRegistration is what registering a passkey gives: the credential id and its COSE
// public key, which become the auth method's id and userPubkey on chain.
type WebAuthnRegistration struct {
	CredentialID []byte
	PublicKey    []byte // COSE_Key, exactly as the authenticator produced it
	RPIDHash     []byte // SHA-256 of the rpId the passkey is bound to
	Origin       string // the page that registered it
}

// AuthMethodID is the registration's auth method id.
func (r *WebAuthnRegistration) AuthMethodID() []byte { return WebAuthnAuthMethodID(r.CredentialID) }

// CheckRPID fails unless the passkey was registered for rpID (nodes only accept assertions
// for their configured rpId, so a passkey of another rpId could never be used).
func (r *WebAuthnRegistration) CheckRPID(rpID string) error {
	want := sha256.Sum256([]byte(rpID))
	if !bytes.Equal(r.RPIDHash, want[:]) {
		return refuse(ErrWebAuthnRPID, "the passkey was registered for another rpId than %q", rpID)
	}
	return nil
}

// ParseWebAuthnRegistration reads a browser's registration response (the JSON of the
// PublicKeyCredential navigator.credentials.create returns, as credential.toJSON() or
// @simplewebauthn give it: {id, rawId, type, response: {clientDataJSON, attestationObject}})
// with go-webauthn, and checks it is self-consistent: a registration ceremony, the credential
// id in the authenticator data equal to rawId, and a public key go-webauthn can verify with.
// It does not verify the attestation statement: the PKP's owner chooses which key controls it.
func ParseWebAuthnRegistration(data []byte) (*WebAuthnRegistration, error) {
	if len(data) > MaxWebAuthnRegistrationSize {
		return nil, refuse(ErrWebAuthnMalformed, "registration is %d bytes, more than the limit of %d", len(data), MaxWebAuthnRegistrationSize)
	}
	p, err := protocol.ParseCredentialCreationResponseBytes(data)
	if err != nil {
		return nil, refuse(ErrWebAuthnMalformed, "registration: %s", webauthnDetail(err))
	}
	if p.Response.CollectedClientData.Type != protocol.CreateCeremony {
		return nil, refuse(ErrWebAuthnType, "registration client data has type %q, want %q", clip(string(p.Response.CollectedClientData.Type)), protocol.CreateCeremony)
	}
	ad := p.Response.AttestationObject.AuthData
	if len(ad.AttData.CredentialID) == 0 || !bytes.Equal(ad.AttData.CredentialID, p.RawID) {
		return nil, refuse(ErrWebAuthnMalformed, "registration: the authenticator data names credential %s, rawId is %s",
			b64(ad.AttData.CredentialID), b64(p.RawID))
	}
	if _, err := webauthncose.ParsePublicKey(ad.AttData.CredentialPublicKey); err != nil {
		return nil, refuse(ErrWebAuthnMalformed, "registration: credential public key: %v", err)
	}
	if len(ad.AttData.CredentialPublicKey) > 512 {
		return nil, refuse(ErrWebAuthnMalformed, "registration: credential public key is %d bytes, more than the 512 PKPPermissions stores", len(ad.AttData.CredentialPublicKey))
	}
	return &WebAuthnRegistration{
		CredentialID: slices.Clone(p.RawID),
		PublicKey:    slices.Clone(ad.AttData.CredentialPublicKey),
		RPIDHash:     slices.Clone(ad.RPIDHash),
		Origin:       p.Response.CollectedClientData.Origin,
	}, nil
}

// WebAuthnAssertion is a parsed (not yet verified) passkey assertion.
type WebAuthnAssertion struct {
	p *protocol.ParsedCredentialAssertionData
}

// ParseWebAuthnAssertion reads an authentication response (the JSON of the PublicKeyCredential
// navigator.credentials.get returns: {id, rawId, type, response: {clientDataJSON,
// authenticatorData, signature, userHandle}} — Lit's WebAuthn accessToken) with go-webauthn.
func ParseWebAuthnAssertion(data []byte) (*WebAuthnAssertion, error) {
	if len(data) > MaxWebAuthnAssertionSize {
		return nil, refuse(ErrWebAuthnMalformed, "assertion is %d bytes, more than the limit of %d", len(data), MaxWebAuthnAssertionSize)
	}
	p, err := protocol.ParseCredentialRequestResponseBytes(data)
	if err != nil {
		return nil, refuse(ErrWebAuthnMalformed, "%s", webauthnDetail(err))
	}
	if len(p.RawID) == 0 {
		return nil, refuse(ErrWebAuthnMalformed, "no rawId")
	}
	return &WebAuthnAssertion{p: p}, nil
}

// CredentialID is the raw id of the credential that (claims to have) made the assertion.
func (a *WebAuthnAssertion) CredentialID() []byte { return slices.Clone(a.p.RawID) }

// AuthMethodID is the auth method id of that credential: the chain lookup key.
func (a *WebAuthnAssertion) AuthMethodID() []byte { return WebAuthnAuthMethodID(a.p.RawID) }

// CheckWebAuthnConfig validates a node's WebAuthn settings: both empty (passkeys off), or an
// rpId that is a host name and origins scheme://host[:port] on that rpId or a subdomain of it,
// https:// except on localhost (as browsers require).
func CheckWebAuthnConfig(rpID string, origins []string) error {
	if rpID == "" && len(origins) == 0 {
		return nil
	}
	if rpID == "" || len(origins) == 0 {
		return errors.New("set both webauthn_rp_id and webauthn_origins, or neither")
	}
	if strings.ContainsAny(rpID, ":/ ") || net.ParseIP(rpID) != nil {
		return fmt.Errorf("rpId %q: want a host name (browsers refuse IP addresses and ports), e.g. wallet.example.com or localhost", rpID)
	}
	for i, o := range origins {
		u, err := url.Parse(o)
		if err != nil || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return fmt.Errorf("origin %d %q: want scheme://host[:port]", i, o)
		}
		host := u.Hostname()
		if host != rpID && !strings.HasSuffix(host, "."+rpID) {
			return fmt.Errorf("origin %d %q: its host is not the rpId %q or a subdomain of it", i, o, rpID)
		}
		if u.Scheme != "https" && !(u.Scheme == "http" && (host == "localhost" || strings.HasSuffix(host, ".localhost"))) {
			return fmt.Errorf("origin %d %q: browsers offer passkeys to https:// pages only (and http://localhost)", i, o)
		}
	}
	return nil
}

// WebAuthnVerifier verifies passkey assertions for one relying party.
type WebAuthnVerifier struct {
	rpID    string
	origins []string
}

// NewWebAuthnVerifier makes a verifier for assertions made on the given origins for rpID.
// With both empty it refuses every assertion (ErrWebAuthnDisabled).
func NewWebAuthnVerifier(rpID string, origins []string) (*WebAuthnVerifier, error) {
	if err := CheckWebAuthnConfig(rpID, origins); err != nil {
		return nil, fmt.Errorf("webauthn config: %w", err)
	}
	norm := make([]string, len(origins))
	for i, o := range origins {
		norm[i] = strings.TrimSuffix(o, "/")
	}
	return &WebAuthnVerifier{rpID: rpID, origins: norm}, nil
}

// RPID is the relying party id assertions are checked against.
func (v *WebAuthnVerifier) RPID() string { return v.rpID }

// Verify checks an assertion for the auth method authMethodID whose registered COSE public
// key is coseKey: made on an allowed origin, for this rpId, over exactly challenge (the
// caller binds it to what is being authorised), by the credential the auth method names,
// signed by the registered key, with the user verified. Sign counters are not checked:
// passkeys sync between devices and report 0. Errors are *AuthMethodError naming the reason.
func (v *WebAuthnVerifier) Verify(a *WebAuthnAssertion, challenge, authMethodID, coseKey []byte) error {
	if v == nil || v.rpID == "" {
		return refuse(ErrWebAuthnDisabled, "this node has no webauthn_rp_id and webauthn_origins")
	}
	if len(challenge) == 0 {
		return errors.New("verify webauthn assertion: a challenge is required")
	}
	cd := a.p.Response.CollectedClientData
	if cd.Type != protocol.AssertCeremony {
		return refuse(ErrWebAuthnType, "client data has type %q, want %q", clip(string(cd.Type)), protocol.AssertCeremony)
	}
	if !slices.Contains(v.origins, cd.Origin) || cd.CrossOrigin {
		return refuse(ErrWebAuthnOrigin, "made on %q, this node accepts %s", clip(cd.Origin), strings.Join(v.origins, ", "))
	}
	want := base64.RawURLEncoding.EncodeToString(challenge)
	if cd.Challenge != want {
		return refuse(ErrWebAuthnChallenge, "the assertion signs another challenge than the one this request is bound to")
	}
	rp := sha256.Sum256([]byte(v.rpID))
	if !bytes.Equal(a.p.Response.AuthenticatorData.RPIDHash, rp[:]) {
		return refuse(ErrWebAuthnRPID, "the authenticator signed for another rpId than %q", v.rpID)
	}
	if got := a.AuthMethodID(); !bytes.Equal(got, authMethodID) {
		return refuse(ErrWebAuthnCredential, "the assertion is by credential %s (auth method 0x%x), not the auth method's 0x%x", b64(a.p.RawID), got, authMethodID)
	}
	if !a.p.Response.AuthenticatorData.Flags.UserVerified() {
		return refuse(ErrWebAuthnUserVerification, "the authenticator did not verify the user (UV flag unset)")
	}
	err := a.p.Verify(want, v.rpID, "", v.origins, nil, nil, protocol.TopOriginDefaultVerificationMode, false, true, true, coseKey, protocol.SignaturePolicy{})
	if err != nil {
		d := webauthnDetail(err)
		if strings.Contains(d, "assertion signature") || strings.Contains(d, "assertion public key") {
			return refuse(ErrWebAuthnCredential, "the signature does not verify with the key registered for this auth method")
		}
		return refuse(ErrWebAuthnMalformed, "%s", d)
	}
	return nil
}

// webauthnDetail is go-webauthn's description of an error (its Details and DevInfo).
func webauthnDetail(err error) string {
	var pe *protocol.Error
	if errors.As(err, &pe) {
		s := pe.Details
		if pe.DevInfo != "" {
			s += " (" + clip(pe.DevInfo) + ")"
		}
		return s
	}
	return err.Error()
}

func b64(b []byte) string { return clip(base64.RawURLEncoding.EncodeToString(b)) }
