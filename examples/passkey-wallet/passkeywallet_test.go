package passkeywallet_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/litmesh/litmesh/access"
	passkeywallet "github.com/litmesh/litmesh/examples/passkey-wallet"
	"github.com/litmesh/litmesh/testnet/browser"
)

// The page registers a passkey and signs in with it in real Chromium (its virtual
// authenticator standing in for the platform's); the registration and assertion it produces
// are what access/ reads and verifies, as a node will.
func TestPasskeyRegistrationAndAssertionInChromium(t *testing.T) {
	ctx := browser.New(t)
	if _, err := browser.AddPasskeyAuthenticator(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(passkeywallet.Handler())
	defer srv.Close()
	// localhost, not 127.0.0.1: browsers refuse IP addresses as WebAuthn rpIds.
	origin := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)

	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(step, chromedp.Navigate(origin+"/"), chromedp.WaitVisible(chromedp.CSS("#register"))); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	regJSON, err := chromedp.Run(step, chromedp.Evaluate[[]byte](`window.passkeyWallet.register("alice")`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("register a passkey: %v", err)
	}
	reg, err := access.ParseWebAuthnRegistration(regJSON)
	if err != nil {
		t.Fatalf("parse the browser's registration: %v\n%s", err, regJSON)
	}
	if err := reg.CheckRPID("localhost"); err != nil {
		t.Fatal(err)
	}
	if reg.Origin != origin {
		t.Fatalf("registered on %q, want %q", reg.Origin, origin)
	}

	// The challenge a node binds to the session key it authorises (part of issue 16's flow).
	challenge := sha256.Sum256([]byte("session key 0xed25519…"))
	asJSON, err := chromedp.Run(step, chromedp.Evaluate[[]byte](
		`window.passkeyWallet.assert("`+base64.RawURLEncoding.EncodeToString(challenge[:])+`")`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("sign in with the passkey: %v", err)
	}
	a, err := access.ParseWebAuthnAssertion(asJSON)
	if err != nil {
		t.Fatalf("parse the browser's assertion: %v\n%s", err, asJSON)
	}
	if string(a.AuthMethodID()) != string(reg.AuthMethodID()) {
		t.Fatal("the assertion names another credential than the registration")
	}
	v, err := access.NewWebAuthnVerifier("localhost", []string{origin})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Verify(a, challenge[:], reg.AuthMethodID(), reg.PublicKey); err != nil {
		t.Fatalf("verify Chromium's assertion against the registered key: %v", err)
	}

	// The same assertion proves nothing for another session key, or to a node that serves
	// another wallet site.
	if err := v.Verify(a, []byte("another session key"), reg.AuthMethodID(), reg.PublicKey); !errors.Is(err, access.ErrWebAuthnChallenge) {
		t.Fatalf("another challenge: %v", err)
	}
	elsewhere, err := access.NewWebAuthnVerifier("localhost", []string{"http://localhost:1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := elsewhere.Verify(a, challenge[:], reg.AuthMethodID(), reg.PublicKey); !errors.Is(err, access.ErrWebAuthnOrigin) {
		t.Fatalf("another origin: %v", err)
	}
}
