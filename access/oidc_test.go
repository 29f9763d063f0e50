package access_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/testnet/devnet/devoidc"
)

// testIssuer is a devnet issuer served by httptest, counting the JWKS fetches.
type testIssuer struct {
	*devoidc.Issuer
	srv       *httptest.Server
	jwksHits  atomic.Int32
	mu        sync.Mutex
	handler   http.Handler
	discovery atomic.Int32
}

func newTestIssuer(t *testing.T) *testIssuer {
	t.Helper()
	ti := &testIssuer{}
	ti.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case devoidc.JWKSPath:
			ti.jwksHits.Add(1)
		case devoidc.DiscoveryPath:
			ti.discovery.Add(1)
		}
		ti.mu.Lock()
		h := ti.handler
		ti.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(ti.srv.Close)
	ti.rotate(t)
	return ti
}

// rotate gives the issuer fresh keys at the same URL.
func (ti *testIssuer) rotate(t *testing.T) {
	t.Helper()
	is, err := devoidc.Generate(ti.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	ti.mu.Lock()
	ti.Issuer, ti.handler = is, is.Handler()
	ti.mu.Unlock()
}

func (ti *testIssuer) token(t *testing.T, tok devoidc.Token) string {
	t.Helper()
	s, err := ti.IDToken(tok)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// clock is an adjustable clock for the verifier.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func newVerifier(t *testing.T, clk *clock, issuers ...string) *access.OIDCVerifier {
	t.Helper()
	v, err := access.NewOIDCVerifier(issuers, access.WithInsecureIssuers(), access.WithOIDCClock(clk.Now))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

const (
	app   = "demo-app"
	nonce = "0x6e6f6e6365"
)

func TestOIDCVerifiesDevnetTokens(t *testing.T) {
	is := newTestIssuer(t)
	clk := &clock{now: time.Now()}
	v := newVerifier(t, clk, is.URL)
	for _, alg := range []string{"RS256", "ES256"} {
		t.Run(alg, func(t *testing.T) {
			raw := is.token(t, devoidc.Token{Subject: "alice", Audience: app, Nonce: nonce, Alg: alg, Now: clk.Now()})
			id, err := v.Verify(context.Background(), raw, app, nonce)
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if id.Issuer != is.URL || id.Subject != "alice" || id.AppID != app || id.Nonce != nonce {
				t.Fatalf("identity %+v", id)
			}
			got, err := id.AuthMethodID(access.AuthMethodTypeOIDC)
			if err != nil || !equalHex(got, hex.EncodeToString(access.OIDCAuthMethodID(is.URL, app, "alice"))) {
				t.Fatalf("auth method id %x, %v", got, err)
			}
		})
	}
	if n := is.discovery.Load(); n != 1 {
		t.Fatalf("%d discovery fetches for two tokens, want 1 (cached)", n)
	}
}

// The ids are fixed forever (they are on chain): golden vectors.
func TestAuthMethodIDVectors(t *testing.T) {
	// keccak256(abi.encode("https://issuer.example", "demo-app", "alice")); the chain test
	// checks PKPPermissions.oidcAuthMethodId gives the same.
	if got := hex.EncodeToString(access.OIDCAuthMethodID("https://issuer.example", "demo-app", "alice")); got != oidcVector {
		t.Fatalf("OIDCAuthMethodID = %s, want %s", got, oidcVector)
	}
	// Lit's Google/Apple id: keccak256("alice:demo-app").
	if got, want := access.LitJWTAuthMethodID("alice", "demo-app"), crypto.Keccak256([]byte("alice:demo-app")); string(got) != string(want) {
		t.Fatalf("LitJWTAuthMethodID = %x, want %x", got, want)
	}
	// Type 6 is Google's issuer only.
	id := &access.OIDCIdentity{Issuer: "https://issuer.example", Subject: "alice", AppID: "demo-app"}
	if _, err := id.AuthMethodID(access.AuthMethodTypeGoogleJWT); !errors.Is(err, access.ErrIDTokenIssuer) {
		t.Fatalf("a Google JWT id for another issuer: %v", err)
	}
	id.Issuer = "https://accounts.google.com"
	if got, err := id.AuthMethodID(access.AuthMethodTypeGoogleJWT); err != nil || string(got) != string(crypto.Keccak256([]byte("alice:demo-app"))) {
		t.Fatalf("Google JWT id %x, %v", got, err)
	}
}

const oidcVector = "a20f03636e8dbb4bc1fd0c7cb2667a24383277a9b4e258c6299d56738253fbc7"

func equalHex(b []byte, h string) bool { return hex.EncodeToString(b) == h }

func TestOIDCRefusesBadTokens(t *testing.T) {
	is := newTestIssuer(t)
	other := newTestIssuer(t) // not allowlisted
	clk := &clock{now: time.Now()}
	v := newVerifier(t, clk, is.URL)
	good := devoidc.Token{Subject: "alice", Audience: app, Nonce: nonce, Now: clk.Now()}
	with := func(f func(*devoidc.Token)) devoidc.Token { tk := good; f(&tk); return tk }

	// A forger: the same issuer URL, its own keys.
	forger, err := devoidc.Generate(is.URL)
	if err != nil {
		t.Fatal(err)
	}
	forged, err := forger.IDToken(good)
	if err != nil {
		t.Fatal(err)
	}
	valid := is.token(t, good)
	parts := strings.Split(valid, ".")
	claims := `{"iss":"` + is.URL + `","sub":"bob","aud":"` + app + `","nonce":"` + nonce + `","exp":` + itoa(clk.Now().Add(time.Hour).Unix()) + `}`
	b64 := base64.RawURLEncoding.EncodeToString
	tampered := parts[0] + "." + b64([]byte(claims)) + "." + parts[2]
	unsigned := b64([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + b64([]byte(claims)) + "."

	cases := []struct {
		name  string
		token string
		want  error
	}{
		{"a token signed by another key for the same issuer", forged, access.ErrIDTokenSignature},
		{"a token whose claims were changed after signing", tampered, access.ErrIDTokenSignature},
		{"an expired token", is.token(t, with(func(tk *devoidc.Token) { tk.TTL = -time.Minute })), access.ErrIDTokenExpired},
		{"a token for another app", is.token(t, with(func(tk *devoidc.Token) { tk.Audience = "other-app" })), access.ErrIDTokenAudience},
		{"a token from an issuer not allowlisted", other.token(t, good), access.ErrIDTokenIssuer},
		{"an unsigned token (alg none)", unsigned, access.ErrIDTokenUnsigned},
		{"an HS256 token keyed with the issuer's public key", keyConfused(t, is, claims), access.ErrIDTokenAlgorithm},
		{"a token for another nonce", is.token(t, with(func(tk *devoidc.Token) { tk.Nonce = "0xother" })), access.ErrIDTokenNonce},
		{"a token without a nonce", is.token(t, with(func(tk *devoidc.Token) { tk.Nonce = "" })), access.ErrIDTokenNonce},
		{"a token issued in the future", is.token(t, with(func(tk *devoidc.Token) { tk.Now = clk.Now().Add(time.Hour) })), access.ErrIDTokenNotYetValid},
		{"garbage", "not.a.jwt", access.ErrIDTokenMalformed},
		{"the JWS JSON serialization", `{"payload":"e30","signatures":[]}`, access.ErrIDTokenMalformed},
		{"a token over the size limit", strings.Repeat("a", access.MaxIDTokenSize+1), access.ErrIDTokenMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := v.Verify(context.Background(), c.token, app, nonce)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if api.KindOf(err) != api.KindUnauthorized {
				t.Fatalf("api kind %s, want unauthorized", api.KindOf(err))
			}
		})
	}
	// And the good token still passes (none of the above poisoned the cache).
	if _, err := v.Verify(context.Background(), valid, app, nonce); err != nil {
		t.Fatal(err)
	}
}

// keyConfused signs the claims with HS256 using the issuer's RSA public key (DER) as the
// HMAC secret: the classic attack on verifiers that take the algorithm from the token.
func keyConfused(t *testing.T, is *testIssuer, claims string) string {
	t.Helper()
	resp, err := http.Get(is.URL + devoidc.JWKSPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var set jose.JSONWebKeySet
	if err := decodeJSONBody(resp, &set); err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(set.Keys[0].Key)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: der}, nil)
	if err != nil {
		t.Fatal(err)
	}
	obj, err := signer.Sign([]byte(claims))
	if err != nil {
		t.Fatal(err)
	}
	s, err := obj.CompactSerialize()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A flood of tokens with made-up key ids fetches the issuer's keys at most once per refresh
// interval: forged tokens cannot make a node hammer the issuer.
func TestOIDCUnknownKeyIDsDoNotHammerTheIssuer(t *testing.T) {
	is := newTestIssuer(t)
	clk := &clock{now: time.Now()}
	v := newVerifier(t, clk, is.URL)
	if _, err := v.Verify(context.Background(), is.token(t, devoidc.Token{Subject: "a", Audience: app, Nonce: nonce, Now: clk.Now()}), app, nonce); err != nil {
		t.Fatal(err)
	}
	base := is.jwksHits.Load()
	for i := range 20 {
		signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: mustECKey(t)},
			(&jose.SignerOptions{}).WithHeader("kid", "made-up-"+itoa(int64(i))))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := jwt.Signed(signer).Claims(jwt.Claims{Issuer: is.URL, Subject: "x", Audience: jwt.Audience{app}, Expiry: jwt.NewNumericDate(clk.Now().Add(time.Hour))}).Claims(map[string]any{"nonce": nonce}).Serialize()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(context.Background(), raw, app, nonce); !errors.Is(err, access.ErrIDTokenSignature) {
			t.Fatalf("forged token %d: %v", i, err)
		}
	}
	if n := is.jwksHits.Load() - base; n > 1 {
		t.Fatalf("%d JWKS fetches for 20 unknown key ids within the refresh interval, want at most 1", n)
	}

	// Rotation: once the interval passed, a token with the issuer's new key id verifies.
	is.rotate(t)
	raw := is.token(t, devoidc.Token{Subject: "a", Audience: app, Nonce: nonce, Now: clk.Now()})
	if _, err := v.Verify(context.Background(), raw, app, nonce); !errors.Is(err, access.ErrIDTokenSignature) {
		t.Fatalf("new key within the refresh interval: %v (want refused until the next refresh)", err)
	}
	clk.add(31 * time.Second)
	if _, err := v.Verify(context.Background(), raw, app, nonce); err != nil {
		t.Fatalf("after the issuer rotated its keys: %v", err)
	}
}

func TestOIDCIssuerDown(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	var hits atomic.Int32
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1); http.Error(w, "down", 500) })
	defer srv.Close()
	is, err := devoidc.Generate(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{now: time.Now()}
	v := newVerifier(t, clk, srv.URL)
	raw, err := is.IDToken(devoidc.Token{Subject: "a", Audience: app, Nonce: nonce, Now: clk.Now()})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		_, err := v.Verify(context.Background(), raw, app, nonce)
		if !errors.Is(err, access.ErrIssuerUnavailable) || api.KindOf(err) != api.KindUnavailable {
			t.Fatalf("issuer down: %v (kind %s)", err, api.KindOf(err))
		}
	}
	if n := hits.Load(); n != 1 {
		t.Fatalf("%d discovery attempts in a row, want 1 until the retry interval passed", n)
	}
}

func TestCheckOIDCIssuers(t *testing.T) {
	for _, c := range []struct {
		issuers   []string
		allowHTTP bool
		ok        bool
	}{
		{[]string{"https://accounts.google.com", "https://appleid.apple.com"}, false, true},
		{[]string{"http://127.0.0.1:17401"}, false, false},
		{[]string{"http://127.0.0.1:17401"}, true, true},
		{[]string{"http://issuer.example"}, true, false},
		{[]string{"https://a.example?x=1"}, false, false},
		{[]string{"accounts.google.com"}, false, false},
		{[]string{"https://a.example", "https://a.example"}, false, false},
	} {
		err := access.CheckOIDCIssuers(c.issuers, c.allowHTTP)
		if (err == nil) != c.ok {
			t.Errorf("CheckOIDCIssuers(%v, allowHTTP %v) = %v, want ok %v", c.issuers, c.allowHTTP, err, c.ok)
		}
	}
	if _, err := access.NewOIDCVerifier([]string{"http://127.0.0.1:1"}); err == nil {
		t.Error("a production verifier accepted an http:// issuer")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func mustECKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func decodeJSONBody(resp *http.Response, v any) error { return json.NewDecoder(resp.Body).Decode(v) }
