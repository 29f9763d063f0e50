package passkeywallet_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain/devchain"
	passkeywallet "github.com/litmesh/litmesh/examples/passkey-wallet"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
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

// TestPasskeyWalletSignsWithAPKPSessionInChromium is the page's whole flow in real Chromium
// against a real 4-node network: it registers a passkey, mints a PKP bound to it, and signs a
// message with PKP session signatures that the passkey assertion alone obtained — every node
// checked the assertion against the key registered on chain before its BLS share signed the
// session's capability. The signature must recover to the PKP. An assertion made for one
// session and presented for another is refused by every node.
func TestPasskeyWalletSignsWithAPKPSessionInChromium(t *testing.T) {
	ctx := browser.New(t)
	if _, err := browser.AddPasskeyAuthenticator(ctx); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	origin := "http://localhost:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)

	nctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := testnet.Start(nctx, t, 4, testnet.WithChain(), testnet.WithConfig(func(_ int, cfg *node.Config) {
		cfg.PKPPool = 4
		cfg.WebAuthnRPID = "localhost"
		cfg.WebAuthnOrigins = []string{origin}
	}))
	c.WaitMesh(nctx)
	c.WaitEpoch(nctx, 1)
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	minter, err := devchain.AccountByIndex(0)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: passkeywallet.NewHandler(&passkeywallet.Backend{Client: cl, Minter: minter.Key, RPID: "localhost"}), ReadHeaderTimeout: 5 * time.Second}
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = srv.Serve(ln)
	}()
	defer func() {
		_ = srv.Close()
		<-served
	}()

	step, stop := context.WithTimeout(ctx, 3*time.Minute)
	defer stop()
	if err := chromedp.Do(step, chromedp.Navigate(origin+"/"), chromedp.WaitVisible(chromedp.CSS("#sign"))); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	raw, err := chromedp.Run(step, chromedp.Evaluate[[]byte](`window.passkeyWallet.flow("alice", "hello from a passkey")`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("the page's flow: %v", err)
	}
	var out struct {
		PKP struct {
			EthAddress   string `json:"ethAddress"`
			AuthMethodID string `json:"authMethodId"`
		} `json:"pkp"`
		Signed struct {
			Message     string             `json:"message"`
			EthAddress  string             `json:"ethAddress"`
			Signature   string             `json:"signature"`
			AuthContext access.AuthContext `json:"authContext"`
		} `json:"signed"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	sig, err := hex.DecodeString(strings.TrimPrefix(out.Signed.Signature, "0x"))
	if err != nil || len(sig) != 65 {
		t.Fatalf("signature %q", out.Signed.Signature)
	}
	sig[64] -= 27
	pub, err := crypto.SigToPub(accounts.TextHash([]byte("hello from a passkey")), sig)
	if err != nil {
		t.Fatal(err)
	}
	if got := crypto.PubkeyToAddress(*pub).Hex(); got != out.PKP.EthAddress || out.Signed.EthAddress != out.PKP.EthAddress {
		t.Fatalf("the signature recovers to %s; the PKP minted is %s (page says %s)", got, out.PKP.EthAddress, out.Signed.EthAddress)
	}
	acs := out.Signed.AuthContext.AuthMethodContexts
	if len(acs) != 1 || acs[0].AuthMethodType != access.AuthMethodTypeWebAuthn || acs[0].AuthMethodID != out.PKP.AuthMethodID || !acs[0].UsedForSignSessionKeyRequest {
		t.Fatalf("auth context %+v, want the passkey %s", acs, out.PKP.AuthMethodID)
	}

	// An assertion for one session, presented for another: every node refuses it.
	raw, err = chromedp.Run(step, chromedp.Evaluate[[]byte](`(async () => {
		const pkp = JSON.parse(localStorage.getItem("litmesh.passkeyWallet.credentialId.pkp"));
		const post = async (p, b) => { const r = await fetch(p, {method: "POST", body: JSON.stringify(b)}); return r.json(); };
		const a = await post("/api/session", {pkpPublicKey: pkp.publicKey});
		const b = await post("/api/session", {pkpPublicKey: pkp.publicKey});
		const assertion = await window.passkeyWallet.assert(a.challenge);
		return post("/api/sign", {sessionId: b.sessionId, assertion, message: "stolen"});
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "webauthn challenge mismatch") || strings.Contains(string(raw), "signature\"") {
		t.Fatalf("an assertion for another session: %s", raw)
	}
}
