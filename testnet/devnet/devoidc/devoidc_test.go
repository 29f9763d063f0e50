package devoidc_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/testnet/devnet/devoidc"
)

// The issuer as `lit devnet up` runs it: keys saved to a directory, served on a loopback
// port by Serve, tokens signed from the saved keys; go-oidc in access/ discovers it and
// verifies its tokens as a devnet node does.
func TestServedIssuerTokensVerifyWithAccess(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ln.Close()
	dir := t.TempDir()
	is, err := devoidc.Generate(url)
	if err != nil {
		t.Fatal(err)
	}
	if err := is.Save(dir); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(dir, devoidc.KeysFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("keys file mode %v, %v; want 0600", fi.Mode(), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- devoidc.Serve(ctx, dir) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url + devoidc.DiscoveryPath)
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("issuer not serving: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}

	loaded, err := devoidc.Load(dir) // as `lit devnet id-token` does
	if err != nil {
		t.Fatal(err)
	}
	v, err := access.NewOIDCVerifier([]string{url}, access.WithInsecureIssuers())
	if err != nil {
		t.Fatal(err)
	}
	for _, alg := range []string{"RS256", "ES256"} {
		tok, err := loaded.IDToken(devoidc.Token{Subject: "alice", Audience: "demo-app", Nonce: "n1", Alg: alg})
		if err != nil {
			t.Fatal(err)
		}
		id, err := v.Verify(context.Background(), tok, "demo-app", "n1")
		if err != nil {
			t.Fatalf("%s token: %v", alg, err)
		}
		if id.Subject != "alice" || id.Issuer != url {
			t.Fatalf("identity %+v", id)
		}
	}
	expired, err := loaded.IDToken(devoidc.Token{Subject: "alice", Audience: "demo-app", Nonce: "n1", TTL: -time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(context.Background(), expired, "demo-app", "n1"); !errors.Is(err, access.ErrIDTokenExpired) {
		t.Fatalf("expired token: %v", err)
	}
	bob, _ := loaded.IDToken(devoidc.Token{Subject: "bob", Audience: "demo-app", Nonce: "n1"})
	idb, err := v.Verify(context.Background(), bob, "demo-app", "n1")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := (&access.OIDCIdentity{Issuer: url, Subject: "alice", AppID: "demo-app"}).AuthMethodID(access.AuthMethodTypeOIDC)
	b, _ := idb.AuthMethodID(access.AuthMethodTypeOIDC)
	if string(a) == string(b) {
		t.Fatal("alice and bob map to the same auth method id")
	}
	if _, err := loaded.IDToken(devoidc.Token{Subject: "a", Audience: "b", Alg: "HS256"}); err == nil {
		t.Fatal("the issuer signed with HS256")
	}
}
