// Package devoidc is the devnet's OpenID Connect issuer: an RS256 and an ES256 key made
// for one devnet and stored in its directory, a discovery document and a JWKS served on
// loopback, and ID tokens signed for any subject and app, so the whole login flow runs
// offline. Its keys are plain files on the developer's disk and it signs whatever it is
// asked: nodes trust it only in devnet mode (an http:// issuer is refused in production).
// It must not import package testing.
package devoidc

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// KeysFile holds the issuer URL and its private keys inside the issuer's directory.
const KeysFile = "issuer.json"

// Paths the issuer serves.
const (
	DiscoveryPath = "/.well-known/openid-configuration"
	JWKSPath      = "/jwks"
)

// Issuer is a devnet OIDC issuer.
type Issuer struct {
	URL  string
	keys jose.JSONWebKeySet // private keys, one per algorithm
}

type file struct {
	Issuer string             `json:"issuer"`
	Keys   jose.JSONWebKeySet `json:"keys"`
}

// Generate makes a new issuer at the given URL (http://127.0.0.1:PORT) with fresh RS256 and
// ES256 keys.
func Generate(issuerURL string) (*Issuer, error) {
	u, err := url.Parse(issuerURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") || u.Path != "" {
		return nil, fmt.Errorf("issuer URL %q: want http://host:port", issuerURL)
	}
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("generate RS256 key: %w", err)
	}
	ek, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate ES256 key: %w", err)
	}
	is := &Issuer{URL: issuerURL}
	for _, k := range []struct {
		key any
		alg jose.SignatureAlgorithm
	}{{rk, jose.RS256}, {ek, jose.ES256}} {
		j := jose.JSONWebKey{Key: k.key, Algorithm: string(k.alg), Use: "sig"}
		pub := j.Public()
		tp, err := pub.Thumbprint(crypto.SHA256)
		if err != nil {
			return nil, fmt.Errorf("key id: %w", err)
		}
		j.KeyID = string(k.alg) + "-" + hex.EncodeToString(tp[:8])
		is.keys.Keys = append(is.keys.Keys, j)
	}
	return is, nil
}

// Save writes the issuer to DIR/issuer.json, readable by the owner only.
func (is *Issuer) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(file{Issuer: is.URL, Keys: is.keys}, "", "  ")
	if err != nil {
		return fmt.Errorf("encode issuer keys: %w", err)
	}
	path := filepath.Join(dir, KeysFile)
	if err := os.WriteFile(path, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Load reads the issuer of a devnet's issuer directory.
func Load(dir string) (*Issuer, error) {
	path := filepath.Join(dir, KeysFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no devnet OIDC issuer in %s (start one with lit devnet up)", dir)
	}
	if err != nil {
		return nil, err
	}
	var f file
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if f.Issuer == "" || len(f.Keys.Keys) == 0 {
		return nil, fmt.Errorf("read %s: no issuer or no keys", path)
	}
	for _, k := range f.Keys.Keys {
		if k.IsPublic() || !k.Valid() {
			return nil, fmt.Errorf("read %s: key %s is not a private key", path, k.KeyID)
		}
	}
	return &Issuer{URL: f.Issuer, keys: f.Keys}, nil
}

// Token says what an ID token claims.
type Token struct {
	Subject  string
	Audience string
	TTL      time.Duration // default 10 minutes; negative makes an expired token
	Nonce    string        // omitted when empty
	Alg      string        // RS256 (default) or ES256
	Now      time.Time     // issue time; default time.Now()
}

// IDToken signs an ID token.
func (is *Issuer) IDToken(t Token) (string, error) {
	if t.Subject == "" || t.Audience == "" {
		return "", errors.New("an ID token needs a subject and an audience")
	}
	if t.Alg == "" {
		t.Alg = string(jose.RS256)
	}
	if t.TTL == 0 {
		t.TTL = 10 * time.Minute
	}
	if t.Now.IsZero() {
		t.Now = time.Now()
	}
	var key *jose.JSONWebKey
	for i := range is.keys.Keys {
		if is.keys.Keys[i].Algorithm == t.Alg {
			key = &is.keys.Keys[i]
		}
	}
	if key == nil {
		return "", fmt.Errorf("alg %q: the devnet issuer signs with RS256 or ES256", t.Alg)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.SignatureAlgorithm(t.Alg), Key: key},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader(jose.HeaderKey("kid"), key.KeyID))
	if err != nil {
		return "", fmt.Errorf("signer: %w", err)
	}
	iat := t.Now.Truncate(time.Second)
	claims := jwt.Claims{
		Issuer: is.URL, Subject: t.Subject, Audience: jwt.Audience{t.Audience},
		IssuedAt: jwt.NewNumericDate(iat), Expiry: jwt.NewNumericDate(iat.Add(t.TTL)),
	}
	b := jwt.Signed(signer).Claims(claims)
	if t.Nonce != "" {
		b = b.Claims(map[string]any{"nonce": t.Nonce})
	}
	return b.Serialize()
}

// Handler serves the discovery document and the public keys.
func (is *Issuer) Handler() http.Handler {
	pub := jose.JSONWebKeySet{}
	for _, k := range is.keys.Keys {
		pub.Keys = append(pub.Keys, k.Public())
	}
	jwks, _ := json.Marshal(pub)
	disc, _ := json.Marshal(map[string]any{
		"issuer":                                is.URL,
		"jwks_uri":                              is.URL + JWKSPath,
		"authorization_endpoint":                is.URL + "/authorize", // not served: tokens come from `lit devnet id-token`
		"response_types_supported":              []string{"id_token"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{string(jose.RS256), string(jose.ES256)},
	})
	mux := http.NewServeMux()
	serve := func(body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(body)
		}
	}
	mux.HandleFunc("GET "+DiscoveryPath, serve(disc))
	mux.HandleFunc("GET "+JWKSPath, serve(jwks))
	return mux
}

// Serve serves the issuer of dir on its URL's host and port until ctx ends.
func Serve(ctx context.Context, dir string) error {
	is, err := Load(dir)
	if err != nil {
		return err
	}
	u, err := url.Parse(is.URL)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", u.Host)
	if err != nil {
		return fmt.Errorf("listen for the devnet OIDC issuer: %w", err)
	}
	srv := &http.Server{Handler: is.Handler(), ReadHeaderTimeout: 5 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		<-done
		return nil
	case err := <-done:
		return err
	}
}
