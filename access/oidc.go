package access

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/crypto"
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// MaxIDTokenSize bounds an ID token in bytes (real ones are 1–2 KiB).
const MaxIDTokenSize = 16 << 10

// maxSubjectLength is OIDC Core's bound on sub (255 ASCII characters).
const maxSubjectLength = 255

// The signing algorithms an ID token may use: asymmetric only. An HMAC algorithm would let
// anyone who knows the issuer's (public) key forge tokens on a verifier that confused the
// two; "none" is no signature at all.
var asymmetricAlgs = []jose.SignatureAlgorithm{
	jose.RS256, jose.RS384, jose.RS512, jose.PS256, jose.PS384, jose.PS512,
	jose.ES256, jose.ES384, jose.ES512, jose.EdDSA,
}

// Parsed but always refused, so the refusal can name them.
var refusedAlgs = []jose.SignatureAlgorithm{"none", jose.HS256, jose.HS384, jose.HS512}

// Google's ID tokens may say iss "accounts.google.com" for the issuer
// "https://accounts.google.com" (OIDC discovery names the latter); go-oidc accepts exactly this.
const (
	googleIssuer         = "https://accounts.google.com"
	googleIssuerNoScheme = "accounts.google.com"
	appleIssuer          = "https://appleid.apple.com"
)

// IDTokenClaims are the claims of an ID token as read, before or after verification.
type IDTokenClaims struct {
	Issuer    string
	Subject   string
	Audience  []string
	AZP       string // authorized party, when present
	Nonce     string
	Expiry    time.Time
	IssuedAt  time.Time // zero when absent
	NotBefore time.Time // zero when absent
	Algorithm string
	KeyID     string
}

// DecodeIDToken reads an ID token without checking its signature: size, JWS compact form, an
// asymmetric algorithm, and the claims a verifier needs (iss, sub, aud, exp). It never trusts
// what it returns; Verify does the rest. Errors are *AuthMethodError.
func DecodeIDToken(raw string) (*IDTokenClaims, error) {
	if len(raw) > MaxIDTokenSize {
		return nil, refuse(ErrIDTokenMalformed, "%d bytes, more than the limit of %d", len(raw), MaxIDTokenSize)
	}
	if raw == "" {
		return nil, refuse(ErrIDTokenMalformed, "empty")
	}
	jws, err := jose.ParseSignedCompact(raw, append(slices.Clone(asymmetricAlgs), refusedAlgs...))
	if err != nil {
		return nil, refuse(ErrIDTokenMalformed, "not a signed JWT in compact form: %v", err)
	}
	if len(jws.Signatures) != 1 {
		return nil, refuse(ErrIDTokenMalformed, "%d signatures, want 1", len(jws.Signatures))
	}
	h := jws.Signatures[0].Header
	switch alg := jose.SignatureAlgorithm(h.Algorithm); {
	case alg == "none":
		return nil, refuse(ErrIDTokenUnsigned, "alg none carries no signature")
	case !slices.Contains(asymmetricAlgs, alg):
		return nil, refuse(ErrIDTokenAlgorithm, "alg %s is symmetric (HMAC): a verifier using the issuer's public key as the secret would accept forgeries; only asymmetric algorithms are accepted", alg)
	}
	tok, err := jwt.ParseSigned(raw, asymmetricAlgs)
	if err != nil {
		return nil, refuse(ErrIDTokenMalformed, "%v", err)
	}
	var std jwt.Claims
	var extra struct {
		Nonce string `json:"nonce"`
		AZP   string `json:"azp"`
	}
	if err := tok.UnsafeClaimsWithoutVerification(&std, &extra); err != nil {
		return nil, refuse(ErrIDTokenMalformed, "claims: %v", err)
	}
	c := &IDTokenClaims{
		Issuer: std.Issuer, Subject: std.Subject, Audience: []string(std.Audience),
		AZP: extra.AZP, Nonce: extra.Nonce, Algorithm: h.Algorithm, KeyID: h.KeyID,
	}
	switch {
	case c.Issuer == "":
		return nil, refuse(ErrIDTokenMalformed, "no iss claim")
	case c.Subject == "":
		return nil, refuse(ErrIDTokenMalformed, "no sub claim")
	case len(c.Subject) > maxSubjectLength:
		return nil, refuse(ErrIDTokenMalformed, "sub is %d bytes, more than OIDC's %d", len(c.Subject), maxSubjectLength)
	case len(c.Audience) == 0 || slices.Contains(c.Audience, ""):
		return nil, refuse(ErrIDTokenMalformed, "no aud claim")
	case std.Expiry == nil:
		return nil, refuse(ErrIDTokenMalformed, "no exp claim")
	}
	c.Expiry = std.Expiry.Time()
	if std.IssuedAt != nil {
		c.IssuedAt = std.IssuedAt.Time()
	}
	if std.NotBefore != nil {
		c.NotBefore = std.NotBefore.Time()
	}
	return c, nil
}

// OIDCIdentity is a verified ID token: who (issuer, subject) logged in to which app
// (audience), for which nonce.
type OIDCIdentity struct {
	Issuer   string
	Subject  string
	AppID    string // the audience the token was checked for
	Nonce    string
	Expiry   time.Time
	IssuedAt time.Time
}

// OIDCAuthMethodID is litmesh's OIDC auth method id (type AuthMethodTypeOIDC):
// keccak256(abi.encode(iss, aud, sub)), the three as strings. Unlike Lit's
// keccak256(sub + ":" + aud) it names the issuer, so two allowlisted issuers can never hand
// out the same id, and its encoding is unambiguous whatever the strings contain.
// PKPPermissions.oidcAuthMethodId computes the same on chain.
func OIDCAuthMethodID(issuer, appID, subject string) []byte {
	str, _ := abi.NewType("string", "", nil)
	enc, err := abi.Arguments{{Type: str}, {Type: str}, {Type: str}}.Pack(issuer, appID, subject)
	if err != nil {
		panic(err) // strings always encode
	}
	return crypto.Keccak256(enc)
}

// LitJWTAuthMethodID is Lit's id of a Google (type 6) or Apple (type 8) JWT auth method:
// keccak256(utf8(sub + ":" + aud)), as Lit's node and SDK compute it.
func LitJWTAuthMethodID(subject, appID string) []byte {
	return crypto.Keccak256([]byte(subject + ":" + appID))
}

// AuthMethodID is the id of the identity's auth method of type t: litmesh's OIDC type for any
// issuer, or Lit's Google/Apple JWT types, which are OIDC pinned to Google's or Apple's
// issuer with Lit's id.
func (id *OIDCIdentity) AuthMethodID(t uint64) ([]byte, error) {
	switch t {
	case AuthMethodTypeOIDC:
		return OIDCAuthMethodID(id.Issuer, id.AppID, id.Subject), nil
	case AuthMethodTypeGoogleJWT:
		if id.Issuer != googleIssuer && id.Issuer != googleIssuerNoScheme {
			return nil, refuse(ErrIDTokenIssuer, "auth method type 6 (Google JWT) needs a token from %s, this one is from %q", googleIssuer, id.Issuer)
		}
		return LitJWTAuthMethodID(id.Subject, id.AppID), nil
	case AuthMethodTypeAppleJWT:
		if id.Issuer != appleIssuer {
			return nil, refuse(ErrIDTokenIssuer, "auth method type 8 (Apple JWT) needs a token from %s, this one is from %q", appleIssuer, id.Issuer)
		}
		return LitJWTAuthMethodID(id.Subject, id.AppID), nil
	}
	return nil, fmt.Errorf("auth method type %d is not an ID-token type", t)
}

// CheckOIDCIssuers validates an issuer allowlist: absolute https:// URLs without query or
// fragment; http:// only when allowHTTP (devnets) and only on loopback.
func CheckOIDCIssuers(issuers []string, allowHTTP bool) error {
	seen := map[string]bool{}
	for i, s := range issuers {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return fmt.Errorf("entry %d %q: want an issuer URL like https://accounts.google.com", i, s)
		}
		switch u.Scheme {
		case "https":
		case "http":
			if !allowHTTP {
				return fmt.Errorf("entry %d %q: an http:// issuer is trusted only in devnet mode (its keys could be swapped on the way); use https://", i, s)
			}
			if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
				return fmt.Errorf("entry %d %q: an http:// issuer must be on loopback", i, s)
			}
		default:
			return fmt.Errorf("entry %d %q: want an https:// URL", i, s)
		}
		if seen[s] {
			return fmt.Errorf("entry %d: issuer %q given twice", i, s)
		}
		seen[s] = true
	}
	return nil
}

// OIDCOption configures an OIDCVerifier.
type OIDCOption func(*oidcConfig) error

type oidcConfig struct {
	client    *http.Client
	now       func() time.Time
	allowHTTP bool
}

// WithOIDCHTTPClient sets the client that fetches discovery documents and keys (default: a
// 10 s timeout and 1 MiB responses).
func WithOIDCHTTPClient(c *http.Client) OIDCOption {
	return func(o *oidcConfig) error {
		if c == nil {
			return errors.New("nil http client")
		}
		o.client = c
		return nil
	}
}

// WithOIDCClock sets the clock expiry is checked against.
func WithOIDCClock(now func() time.Time) OIDCOption {
	return func(o *oidcConfig) error {
		if now == nil {
			return errors.New("nil clock")
		}
		o.now = now
		return nil
	}
}

// WithInsecureIssuers allows http:// issuers on loopback: devnets only.
func WithInsecureIssuers() OIDCOption {
	return func(o *oidcConfig) error {
		o.allowHTTP = true
		return nil
	}
}

// How the verifier treats issuers: a failed discovery is retried at most this often; keys are
// refetched when older than jwksMaxAge, or for an unknown key id at most every jwksMinRefresh
// (so forged key ids cannot make the node hammer the issuer).
const (
	discoveryRetry = 10 * time.Second
	jwksMaxAge     = time.Hour
	jwksMinRefresh = 30 * time.Second
	maxIssuerBody  = 1 << 20
)

// OIDCVerifier verifies ID tokens of allowlisted issuers with go-oidc; each issuer's keys
// are found by discovery and cached. Safe for concurrent use.
type OIDCVerifier struct {
	cfg     oidcConfig
	issuers map[string]*oidcIssuer
}

type oidcIssuer struct {
	url string

	mu        sync.Mutex
	algs      []string // from discovery, ∩ asymmetricAlgs
	keys      *jwksCache
	lastTried time.Time
	lastErr   error
}

// NewOIDCVerifier makes a verifier that accepts tokens of these issuers only. An empty list
// makes a verifier that refuses every token.
func NewOIDCVerifier(issuers []string, opts ...OIDCOption) (*OIDCVerifier, error) {
	cfg := oidcConfig{now: time.Now}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, fmt.Errorf("oidc verifier option: %w", err)
		}
	}
	if err := CheckOIDCIssuers(issuers, cfg.allowHTTP); err != nil {
		return nil, fmt.Errorf("oidc issuers: %w", err)
	}
	if cfg.client == nil {
		cfg.client = &http.Client{Timeout: 10 * time.Second}
	}
	// Every response from an issuer is bounded, whatever client the caller gave.
	limited := *cfg.client
	limited.Transport = limitBody{next: cfg.client.Transport, limit: maxIssuerBody}
	cfg.client = &limited
	v := &OIDCVerifier{cfg: cfg, issuers: map[string]*oidcIssuer{}}
	for _, s := range issuers {
		v.issuers[s] = &oidcIssuer{url: s}
	}
	return v, nil
}

// Issuers lists the allowlisted issuers.
func (v *OIDCVerifier) Issuers() []string {
	out := make([]string, 0, len(v.issuers))
	for s := range v.issuers {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// Verify checks an ID token for the app appID and the nonce the caller bound it to: an
// allowlisted issuer, an asymmetric signature by one of the issuer's current keys, the app in
// the audience (and as the authorized party when there are several), not expired, and the
// nonce equal. nonce must not be empty: a token without a bound nonce could be replayed by
// anyone who saw it. Errors are *AuthMethodError naming the reason.
func (v *OIDCVerifier) Verify(ctx context.Context, raw, appID, nonce string) (*OIDCIdentity, error) {
	if appID == "" || nonce == "" {
		return nil, errors.New("verify id token: the app id and the nonce are required")
	}
	c, err := DecodeIDToken(raw)
	if err != nil {
		return nil, err
	}
	iss := c.Issuer
	if iss == googleIssuerNoScheme {
		iss = googleIssuer
	}
	is, ok := v.issuers[iss]
	if !ok {
		return nil, refuse(ErrIDTokenIssuer, "%q is not among this node's issuers (%s)", clip(c.Issuer), strings.Join(v.Issuers(), ", "))
	}
	if !slices.Contains(c.Audience, appID) {
		return nil, refuse(ErrIDTokenAudience, "token is for %q, the auth method's app is %q", clip(strings.Join(c.Audience, ",")), appID)
	}
	if len(c.Audience) > 1 && c.AZP != appID {
		return nil, refuse(ErrIDTokenAudience, "token has %d audiences and its authorized party is %q, not the app %q", len(c.Audience), clip(c.AZP), appID)
	}
	now := v.cfg.now()
	if !c.Expiry.After(now) {
		return nil, refuse(ErrIDTokenExpired, "expired at %s", c.Expiry.UTC().Format(time.RFC3339))
	}
	const leeway = 5 * time.Minute // go-oidc's nbf leeway, for clock skew
	if !c.NotBefore.IsZero() && c.NotBefore.After(now.Add(leeway)) {
		return nil, refuse(ErrIDTokenNotYetValid, "not valid before %s", c.NotBefore.UTC().Format(time.RFC3339))
	}
	if !c.IssuedAt.IsZero() && c.IssuedAt.After(now.Add(leeway)) {
		return nil, refuse(ErrIDTokenNotYetValid, "issued in the future (%s)", c.IssuedAt.UTC().Format(time.RFC3339))
	}
	if c.Nonce != nonce {
		return nil, refuse(ErrIDTokenNonce, "the token's nonce is not the one this request is bound to")
	}

	keys, algs, err := is.keySet(ctx, v.cfg, c.KeyID)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(algs, c.Algorithm) {
		return nil, refuse(ErrIDTokenAlgorithm, "alg %s is not one the issuer signs with (%s)", c.Algorithm, strings.Join(algs, ", "))
	}
	verifier := oidc.NewVerifier(iss, keys, &oidc.Config{ClientID: appID, SupportedSigningAlgs: algs, Now: v.cfg.now})
	tok, err := verifier.Verify(ctx, raw)
	if err != nil {
		var exp *oidc.TokenExpiredError
		if errors.As(err, &exp) {
			return nil, refuse(ErrIDTokenExpired, "expired at %s", exp.Expiry.UTC().Format(time.RFC3339))
		}
		// Every claim was checked above: what go-oidc refuses now is the signature.
		return nil, refuse(ErrIDTokenSignature, "not signed by a current key of %s", iss)
	}
	return &OIDCIdentity{Issuer: tok.Issuer, Subject: tok.Subject, AppID: appID, Nonce: tok.Nonce, Expiry: tok.Expiry, IssuedAt: tok.IssuedAt}, nil
}

// keySet returns the issuer's key set and algorithms, discovering them on first use and
// refreshing the keys as the cache policy says. kid is the token's key id.
func (is *oidcIssuer) keySet(ctx context.Context, cfg oidcConfig, kid string) (*jwksCache, []string, error) {
	is.mu.Lock()
	if is.keys == nil {
		if !is.lastTried.IsZero() && cfg.now().Sub(is.lastTried) < discoveryRetry {
			err := is.lastErr
			is.mu.Unlock()
			return nil, nil, refuse(ErrIssuerUnavailable, "discovery of %s failed %s ago: %v", is.url, cfg.now().Sub(is.lastTried).Round(time.Second), err)
		}
		is.lastTried = cfg.now()
		if err := is.discover(ctx, cfg); err != nil {
			is.lastErr = err
			is.mu.Unlock()
			return nil, nil, refuse(ErrIssuerUnavailable, "discovery of %s: %v", is.url, err)
		}
	}
	keys, algs := is.keys, is.algs
	is.mu.Unlock()
	if err := keys.ensure(ctx, kid); err != nil {
		return nil, nil, refuse(ErrIssuerUnavailable, "keys of %s: %v", is.url, err)
	}
	return keys, algs, nil
}

// discover reads the issuer's discovery document with go-oidc, which checks it names this
// very issuer. Called with is.mu held.
func (is *oidcIssuer) discover(ctx context.Context, cfg oidcConfig) error {
	p, err := oidc.NewProvider(oidc.ClientContext(ctx, cfg.client), is.url)
	if err != nil {
		return err
	}
	var meta struct {
		JWKSURI string   `json:"jwks_uri"`
		Algs    []string `json:"id_token_signing_alg_values_supported"`
	}
	if err := p.Claims(&meta); err != nil {
		return fmt.Errorf("discovery document: %w", err)
	}
	u, err := url.Parse(meta.JWKSURI)
	if err != nil || u.Host == "" || !(u.Scheme == "https" || cfg.allowHTTP && u.Scheme == "http") {
		return fmt.Errorf("discovery document: jwks_uri %q is not an https:// URL", clip(meta.JWKSURI))
	}
	algs := []string{}
	for _, a := range meta.Algs {
		if slices.Contains(asymmetricAlgs, jose.SignatureAlgorithm(a)) {
			algs = append(algs, a)
		}
	}
	if len(meta.Algs) == 0 {
		algs = []string{string(jose.RS256)} // OIDC Discovery's default
	}
	if len(algs) == 0 {
		return fmt.Errorf("discovery document: the issuer signs only with %v, none of them asymmetric", meta.Algs)
	}
	is.algs = algs
	is.keys = &jwksCache{url: meta.JWKSURI, client: cfg.client, now: cfg.now}
	return nil
}

// jwksCache is an oidc.KeySet over an issuer's JWKS: fetched with go-jose's JSONWebKeySet,
// public signing keys only, refreshed by age or for an unknown key id (rate-limited).
type jwksCache struct {
	url    string
	client *http.Client
	now    func() time.Time

	mu      sync.Mutex
	keys    []jose.JSONWebKey
	fetched time.Time
	tried   time.Time
}

func (k *jwksCache) ensure(ctx context.Context, kid string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	now := k.now()
	stale := k.fetched.IsZero() || now.Sub(k.fetched) > jwksMaxAge
	unknown := kid != "" && !slices.ContainsFunc(k.keys, func(j jose.JSONWebKey) bool { return j.KeyID == kid })
	if !stale && !unknown {
		return nil
	}
	if !k.tried.IsZero() && now.Sub(k.tried) < jwksMinRefresh {
		if len(k.keys) == 0 {
			return fmt.Errorf("no keys yet; the last fetch was %s ago", now.Sub(k.tried).Round(time.Second))
		}
		return nil // judge with the keys we have; an unknown kid fails as a bad signature
	}
	k.tried = now
	keys, err := fetchJWKS(ctx, k.client, k.url)
	if err != nil {
		if len(k.keys) > 0 {
			return nil // keep serving with the previous keys while the issuer is down
		}
		return err
	}
	k.keys, k.fetched = keys, now
	return nil
}

// VerifySignature implements oidc.KeySet with the cached keys (ensure ran before).
func (k *jwksCache) VerifySignature(_ context.Context, raw string) ([]byte, error) {
	jws, err := jose.ParseSignedCompact(raw, asymmetricAlgs)
	if err != nil {
		return nil, err
	}
	if len(jws.Signatures) != 1 {
		return nil, errors.New("want exactly one signature")
	}
	kid := jws.Signatures[0].Header.KeyID
	k.mu.Lock()
	keys := slices.Clone(k.keys)
	k.mu.Unlock()
	for _, key := range keys {
		if kid != "" && key.KeyID != kid {
			continue
		}
		if payload, err := jws.Verify(key.Key); err == nil {
			return payload, nil
		}
	}
	return nil, errors.New("no key of the issuer verifies the signature")
}

func fetchJWKS(ctx context.Context, c *http.Client, u string) ([]jose.JSONWebKey, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	var set jose.JSONWebKeySet
	if err := jsonDecodeStrictSize(resp.Body, &set); err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	var keys []jose.JSONWebKey
	for _, j := range set.Keys {
		// Public signing keys only: a symmetric ("oct") or private key in a JWKS is a mistake
		// a verifier must not build on.
		if !j.Valid() || !j.IsPublic() || (j.Use != "" && j.Use != "sig") {
			continue
		}
		keys = append(keys, j)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("GET %s: no public signing keys", u)
	}
	return keys, nil
}

// limitBody bounds every response body a RoundTripper returns.
type limitBody struct {
	next  http.RoundTripper
	limit int64
}

func (l limitBody) RoundTrip(r *http.Request) (*http.Response, error) {
	next := l.next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	resp.Body = &limitedBody{ReadCloser: resp.Body, left: l.limit}
	return resp, nil
}

// errBodyTooLarge is what reading past an issuer response's bound gives.
var errBodyTooLarge = fmt.Errorf("response larger than %d bytes", maxIssuerBody)

type limitedBody struct {
	io.ReadCloser
	left int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errBodyTooLarge
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	return n, err
}

func jsonDecodeStrictSize(r io.Reader, v any) error {
	body, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}
