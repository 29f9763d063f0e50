package access

import (
	"errors"
	"fmt"

	"github.com/litmesh/litmesh/api"
)

// Auth method types this package verifies (the numbering of Lit's PKPPermissions; chain
// mirrors them). See docs/auth-methods.md.
const (
	AuthMethodTypeWebAuthn  uint64 = 3
	AuthMethodTypeGoogleJWT uint64 = 6
	AuthMethodTypeAppleJWT  uint64 = 8
	// AuthMethodTypeOIDC is litmesh's type for an ID token of any allowlisted issuer: "OIDC"
	// in ASCII, outside Lit's sequence.
	AuthMethodTypeOIDC uint64 = 0x4f494443
)

// Reasons an auth-method proof is refused. A refusal is an *AuthMethodError that matches one
// of them with errors.Is and carries an unauthorized *api.Error for the HTTP layer.
var (
	// ID tokens.
	ErrIDTokenMalformed   = errors.New("id token malformed")
	ErrIDTokenUnsigned    = errors.New("id token unsigned (alg none)")
	ErrIDTokenAlgorithm   = errors.New("id token signing algorithm refused")
	ErrIDTokenIssuer      = errors.New("id token issuer not allowed")
	ErrIDTokenAudience    = errors.New("id token audience is not the app")
	ErrIDTokenExpired     = errors.New("id token expired")
	ErrIDTokenNotYetValid = errors.New("id token not yet valid")
	ErrIDTokenNonce       = errors.New("id token nonce mismatch")
	ErrIDTokenSignature   = errors.New("id token signature invalid")
	// ErrIssuerUnavailable means the issuer's discovery document or keys could not be
	// fetched: the token was not judged (503, retryable).
	ErrIssuerUnavailable = errors.New("id token issuer unavailable")

	// WebAuthn assertions.
	ErrWebAuthnMalformed        = errors.New("webauthn assertion malformed")
	ErrWebAuthnType             = errors.New("webauthn client data is not an assertion")
	ErrWebAuthnOrigin           = errors.New("webauthn origin not allowed")
	ErrWebAuthnRPID             = errors.New("webauthn rpId mismatch")
	ErrWebAuthnChallenge        = errors.New("webauthn challenge mismatch")
	ErrWebAuthnCredential       = errors.New("webauthn credential mismatch")
	ErrWebAuthnUserVerification = errors.New("webauthn user not verified")
	ErrWebAuthnDisabled         = errors.New("webauthn not configured on this node")
)

// AuthMethodError is a refused auth-method proof: Reason is one of the Err* reasons above,
// Detail says what exactly did not match (never secret material).
type AuthMethodError struct {
	Reason error
	Detail string
}

func (e *AuthMethodError) Error() string {
	if e.Detail == "" {
		return e.Reason.Error()
	}
	return e.Reason.Error() + ": " + e.Detail
}

// Unwrap gives both the reason (for errors.Is) and the *api.Error the node answers with
// (for api.KindOf): unauthorized, or unavailable when the issuer could not be reached.
func (e *AuthMethodError) Unwrap() []error {
	kind := api.KindUnauthorized
	if errors.Is(e.Reason, ErrIssuerUnavailable) {
		kind = api.KindUnavailable
	}
	return []error{e.Reason, api.Errorf(kind, "%s", e.Error())}
}

func refuse(reason error, format string, args ...any) *AuthMethodError {
	return &AuthMethodError{Reason: reason, Detail: fmt.Sprintf(format, args...)}
}
