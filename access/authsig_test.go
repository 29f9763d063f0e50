package access_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// litAuthSig is an authSig signed by a browser wallet and published in Lit's examples: it
// checks that verification agrees with real wallets' personal_sign and siwe-js' message format.
var litAuthSig = access.AuthSig{
	Sig:           "0x2bdede6164f56a601fc17a8a78327d28b54e87cf3fa20373fca1d73b804566736d76efe2dd79a4627870a50e66e1a9050ca333b6f98d9415d8bca424980611ca1c",
	DerivedVia:    "web3.eth.personal.sign",
	SignedMessage: "localhost wants you to sign in with your Ethereum account:\n0x9D1a5EC58232A894eBFcB5e466E3075b23101B89\n\nThis is a key for Partiful\n\nURI: https://localhost/login\nVersion: 1\nChain ID: 1\nNonce: 1LF00rraLO4f7ZSIt\nIssued At: 2022-06-03T05:59:09.959Z",
	Address:       "0x9D1a5EC58232A894eBFcB5e466E3075b23101B89",
}

func TestVerifyAcceptsAWalletSignedAuthSig(t *testing.T) {
	sig := litAuthSig
	auth, err := sig.Verify(access.VerifyOptions{Now: time.Date(2022, 6, 3, 6, 0, 0, 0, time.UTC), Domain: "LOCALHOST", ChainIDs: []uint64{1}})
	if err != nil {
		t.Fatal(err)
	}
	if auth.Address.Hex() != "0x9D1a5EC58232A894eBFcB5e466E3075b23101B89" {
		t.Errorf("address %s", auth.Address.Hex())
	}
	if s := auth.Subject(); s.Address != auth.Address {
		t.Errorf("subject %+v", s)
	}
}

func TestCreatedAuthSigsVerify(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	sig, err := access.CreateAuthSig(key, access.AuthSigOptions{
		Domain: "app.example", URI: "https://app.example/login", ChainID: 1337, Now: now, TTL: time.Hour,
		Statement: "Decrypt my file.", Resources: []string{"litParam:city:TGlzYm9u"},
	})
	if err != nil {
		t.Fatal(err)
	}
	// It survives a JSON round trip through ParseAuthSig, as the node receives it.
	raw, err := json.Marshal(sig)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := access.ParseAuthSig(raw)
	if err != nil {
		t.Fatal(err)
	}
	auth, err := parsed.Verify(access.VerifyOptions{Now: now.Add(time.Minute), Domain: "app.example", URI: "https://app.example/login", ChainIDs: []uint64{1337}, RequireExpiration: true})
	if err != nil {
		t.Fatal(err)
	}
	if auth.Address != crypto.PubkeyToAddress(key.PublicKey) {
		t.Errorf("verified address %s is not the key's", auth.Address.Hex())
	}
	if auth.Message.Statement != "Decrypt my file." || !auth.Message.ExpirationTime.Equal(now.Add(time.Hour)) {
		t.Errorf("message %+v", auth.Message)
	}
}

func TestVerifyRejectsBadAuthSigsNamingTheField(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	other, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	good := func(t *testing.T, mutate func(*access.SIWEMessage)) *access.AuthSig {
		t.Helper()
		m := &access.SIWEMessage{Domain: "app.example", URI: "https://app.example/", ChainID: 1, IssuedAt: now, ExpirationTime: now.Add(time.Hour)}
		if mutate != nil {
			mutate(m)
		}
		a, err := access.SignSIWE(key, m)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	opts := access.VerifyOptions{Now: now.Add(time.Minute)}
	cases := []struct {
		name   string
		sig    func(t *testing.T) *access.AuthSig
		opts   access.VerifyOptions
		field  string
		reason string
	}{
		{"an expired message", func(t *testing.T) *access.AuthSig { return good(t, nil) }, access.VerifyOptions{Now: now.Add(2 * time.Hour)},
			"authSig.signedMessage.expirationTime", "expired at 2030-01-01T13:00:00Z"},
		{"an issued-at in the future", func(t *testing.T) *access.AuthSig {
			return good(t, func(m *access.SIWEMessage) { m.IssuedAt = now.Add(10 * time.Minute) })
		}, opts, "authSig.signedMessage.issuedAt", "2030-01-01T12:10:00Z is in the future"},
		{"a not-before in the future", func(t *testing.T) *access.AuthSig {
			return good(t, func(m *access.SIWEMessage) { m.NotBefore = now.Add(10 * time.Minute) })
		}, opts, "authSig.signedMessage.notBefore", "not valid before 2030-01-01T12:10:00Z"},
		{"no expiration where one is required", func(t *testing.T) *access.AuthSig {
			return good(t, func(m *access.SIWEMessage) { m.ExpirationTime = time.Time{} })
		}, access.VerifyOptions{Now: now, RequireExpiration: true}, "authSig.signedMessage.expirationTime", "missing: this node takes only authSigs that expire"},
		{"a wrong signature", func(t *testing.T) *access.AuthSig {
			a := good(t, nil)
			b, err := access.SignSIWE(other, &access.SIWEMessage{Domain: "app.example", URI: "https://app.example/", ChainID: 1, IssuedAt: now})
			if err != nil {
				t.Fatal(err)
			}
			a.Sig = b.Sig
			return a
		}, opts, "authSig.sig", "not a signature of the message by"},
		{"a tampered message", func(t *testing.T) *access.AuthSig {
			a := good(t, nil)
			a.SignedMessage = strings.Replace(a.SignedMessage, "Chain ID: 1", "Chain ID: 5", 1)
			return a
		}, opts, "authSig.sig", "not a signature of the message by"},
		{"a wrong address", func(t *testing.T) *access.AuthSig {
			a := good(t, nil)
			a.Address = crypto.PubkeyToAddress(other.PublicKey).Hex()
			return a
		}, opts, "authSig.address", "is not the signed message's address"},
		{"a malformed address", func(t *testing.T) *access.AuthSig {
			a := good(t, nil)
			a.Address = "0x1234"
			return a
		}, opts, "authSig.address", "want a 0x-prefixed 20-byte address"},
		{"a short signature", func(t *testing.T) *access.AuthSig {
			a := good(t, nil)
			a.Sig = a.Sig[:100]
			return a
		}, opts, "authSig.sig", "want 0x followed by 130 hex digits"},
		{"a bad recovery byte", func(t *testing.T) *access.AuthSig {
			a := good(t, nil)
			a.Sig = a.Sig[:130] + "05"
			return a
		}, opts, "authSig.sig", "recovery byte v = 5"},
		{"another derivation", func(t *testing.T) *access.AuthSig {
			a := good(t, nil)
			a.DerivedVia = "web3.eth.sign"
			return a
		}, opts, "authSig.derivedVia", `unsupported "web3.eth.sign"`},
		{"a malformed message", func(t *testing.T) *access.AuthSig {
			a := good(t, nil)
			a.SignedMessage = strings.Replace(a.SignedMessage, "Version: 1", "Version: one", 1)
			return a
		}, opts, "authSig.signedMessage.version", `must be 1, got "one"`},
		{"another domain", func(t *testing.T) *access.AuthSig { return good(t, nil) }, access.VerifyOptions{Now: now, Domain: "lit.example"},
			"authSig.signedMessage.domain", `"app.example" is not this network's domain "lit.example"`},
		{"another URI", func(t *testing.T) *access.AuthSig { return good(t, nil) }, access.VerifyOptions{Now: now, URI: "https://lit.example/"},
			"authSig.signedMessage.uri", `"https://app.example/" is not "https://lit.example/"`},
		{"another chain", func(t *testing.T) *access.AuthSig { return good(t, nil) }, access.VerifyOptions{Now: now, ChainIDs: []uint64{1337}},
			"authSig.signedMessage.chainId", "chain ID 1 is not accepted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.sig(t).Verify(tc.opts)
			var ae *api.Error
			if !errors.As(err, &ae) || ae.Kind != api.KindUnauthorized {
				t.Fatalf("got %v, want an unauthorized *api.Error", err)
			}
			if !strings.HasPrefix(ae.Message, tc.field+": ") || !strings.Contains(ae.Message, tc.reason) {
				t.Errorf("message %q, want field %s and %q", ae.Message, tc.field, tc.reason)
			}
		})
	}
}

func TestVerifyToleratesSmallClockSkew(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	a, err := access.SignSIWE(key, &access.SIWEMessage{Domain: "a.example", URI: "https://a.example/", ChainID: 1, IssuedAt: now.Add(30 * time.Second), ExpirationTime: now.Add(-30 * time.Second)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Verify(access.VerifyOptions{Now: now}); err != nil {
		t.Errorf("30 s of skew refused: %v", err)
	}
	if _, err := a.Verify(access.VerifyOptions{Now: now, ClockSkew: -1}); err == nil {
		t.Errorf("no skew allowed, yet accepted")
	}
}

func TestParseAuthSigRejectsMalformedJSON(t *testing.T) {
	cases := []struct{ name, json, want string }{
		{"not JSON", `{"sig":`, "authSig: unexpected end of JSON"},
		{"an array", `[]`, "authSig: want an object, got an array"},
		{"a number for a string", `{"sig":1,"derivedVia":"x","signedMessage":"x","address":"x"}`, "authSig.sig: want a string, got a number"},
		{"an unknown field", `{"sig":"x","derivedVia":"x","signedMessage":"x","address":"x","extra":"x"}`, `authSig: unknown field "extra"`},
		{"a missing field", `{"sig":"x","derivedVia":"x","address":"x"}`, "authSig.signedMessage: missing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := access.ParseAuthSig([]byte(tc.json))
			var ae *api.Error
			if !errors.As(err, &ae) || ae.Kind != api.KindUnauthorized || ae.Message != tc.want {
				t.Errorf("got %v, want unauthorized %q", err, tc.want)
			}
		})
	}
}

func TestSignSIWERefusesAnotherAddress(t *testing.T) {
	key, _ := crypto.GenerateKey()
	other, _ := crypto.GenerateKey()
	_, err := access.SignSIWE(key, &access.SIWEMessage{Domain: "a.example", URI: "https://a.example/", ChainID: 1, Address: crypto.PubkeyToAddress(other.PublicKey)})
	if err == nil {
		t.Fatal("signed a message naming another address")
	}
}

func TestAuthSigLogValueHidesTheSignature(t *testing.T) {
	v := litAuthSig.LogValue().String()
	if strings.Contains(v, litAuthSig.Sig[2:20]) || strings.Contains(v, "Partiful") || !strings.Contains(v, litAuthSig.Address) {
		t.Errorf("LogValue = %s", v)
	}
}

// Verification remembers the signer of each (message, signature) pair it recovered
// (recovercache.go). A remembered pair must still get every check that depends on the time or
// the options, and nothing else may borrow its entry: the same signature on another message,
// or another signature on the same message.
func TestARememberedSignatureStillGetsEveryOtherCheck(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	other, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2031, 2, 3, 4, 5, 6, 0, time.UTC)
	m := &access.SIWEMessage{Domain: "cache.example", URI: "https://cache.example/", ChainID: 1, IssuedAt: now, ExpirationTime: now.Add(time.Hour)}
	a, err := access.SignSIWE(key, m)
	if err != nil {
		t.Fatal(err)
	}
	opts := access.VerifyOptions{Now: now.Add(time.Minute)}
	for range 2 { // the second verification uses the remembered signer
		auth, err := a.Verify(opts)
		if err != nil || auth.Address != crypto.PubkeyToAddress(key.PublicKey) {
			t.Fatalf("good authSig: %v, %v", auth, err)
		}
	}
	refused := func(name string, s *access.AuthSig, o access.VerifyOptions, field string) {
		t.Helper()
		_, err := s.Verify(o)
		var ae *api.Error
		if !errors.As(err, &ae) || !strings.HasPrefix(ae.Message, field+": ") {
			t.Errorf("%s: got %v, want a refusal naming %s", name, err, field)
		}
	}
	refused("the remembered pair, expired", a, access.VerifyOptions{Now: now.Add(2 * time.Hour)}, "authSig.signedMessage.expirationTime")
	refused("the remembered pair, another domain", a, access.VerifyOptions{Now: now, Domain: "lit.example"}, "authSig.signedMessage.domain")
	tampered := *a
	tampered.SignedMessage = strings.Replace(a.SignedMessage, "Chain ID: 1", "Chain ID: 5", 1)
	refused("its signature on another message", &tampered, opts, "authSig.sig")
	b, err := access.SignSIWE(other, &access.SIWEMessage{Domain: "cache.example", URI: "https://cache.example/", ChainID: 1, IssuedAt: now, ExpirationTime: now.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	borrowed := *a
	borrowed.Sig = b.Sig
	refused("another signature on its message", &borrowed, opts, "authSig.sig")
}
