// Package browser runs Debian's Chromium headless for tests, driven over the DevTools
// Protocol with chromedp, with the protocol's WebAuthn virtual authenticator standing in for
// a passkey. Test-only: it imports testing and must never be imported by non-test code.
//
// Without /usr/bin/chromium (or $LITMESH_CHROMIUM) a test skips with a message saying how to install it, except
// under CI=true, where it fails: CI installs chromium (.ci/run) and must never pass without
// having run the browser.
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"
)

// DefaultPath is Debian's chromium; LITMESH_CHROMIUM names another binary.
const DefaultPath = "/usr/bin/chromium"

func path() string {
	if p := os.Getenv("LITMESH_CHROMIUM"); p != "" {
		return p
	}
	return DefaultPath
}

// New starts a fresh headless Chromium (its own user data directory) and returns a chromedp
// context for one tab, ended with the test.
func New(t testing.TB) context.Context {
	t.Helper()
	bin := path()
	if _, err := exec.LookPath(bin); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("browser test: %s is missing (CI installs it: apt-get install -y chromium)", bin)
		}
		t.Skipf("browser test skipped: %s is missing (apt-get install -y chromium)", bin)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true), // tests run as root in containers
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	// The first call binds the browser's life to its context, so it gets no timeout of its
	// own: a browser that never starts fails the test at the test's deadline.
	if err := chromedp.Do(ctx); err != nil {
		cancelTab()
		cancelAlloc()
		t.Fatalf("start %s: %v", bin, err)
	}
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc() // waits for the browser process to exit
	})
	return ctx
}

// AddPasskeyAuthenticator enables the DevTools WebAuthn domain for the tab and adds a
// virtual platform authenticator like a phone's or laptop's passkey store: CTAP2, internal
// transport, resident keys, user verification that succeeds.
func AddPasskeyAuthenticator(ctx context.Context) (webauthn.AuthenticatorID, error) {
	if _, err := chromedp.Call(ctx, webauthn.Enable, webauthn.EnableParams{}); err != nil {
		return "", fmt.Errorf("WebAuthn.enable: %w", err)
	}
	res, err := chromedp.Call(ctx, webauthn.AddVirtualAuthenticator, webauthn.AddVirtualAuthenticatorParams{
		Options: &webauthn.VirtualAuthenticatorOptions{
			Protocol:                    webauthn.AuthenticatorProtocolCtap2,
			Transport:                   webauthn.AuthenticatorTransportInternal,
			HasResidentKey:              true,
			HasUserVerification:         true,
			IsUserVerified:              true,
			AutomaticPresenceSimulation: true,
		},
	})
	if err != nil {
		return "", fmt.Errorf("WebAuthn.addVirtualAuthenticator: %w", err)
	}
	return res.AuthenticatorID, nil
}
