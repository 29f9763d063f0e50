package testnet_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/devnet/devoidc"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// startIssuer serves a devnet OIDC issuer on loopback for the test.
func startIssuer(t *testing.T) *devoidc.Issuer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	is, err := devoidc.Generate("http://" + ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: is.Handler(), ReadHeaderTimeout: 5 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	t.Cleanup(func() {
		_ = srv.Close()
		<-done
	})
	return is
}

// refusedEverywhere asserts that sign_session_key failed because every node refused, each
// naming why (want).
func refusedEverywhere(t *testing.T, err error, want string) {
	t.Helper()
	var se *client.ShareError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want every node to refuse (%s)", err, want)
	}
	if se.Valid != 0 {
		t.Fatalf("%d nodes signed, want none: %v", se.Valid, err)
	}
	for _, n := range se.Nodes {
		if n.Status != client.ShareRefused || !strings.Contains(n.Reason, want) {
			t.Fatalf("node %s: %s %q, want refused naming %q", n.URL, n.Status, n.Reason, want)
		}
	}
}

func restore(t *testing.T, p *client.PendingPKPSession, c access.AuthSig) *client.PKPSession {
	t.Helper()
	s, err := client.RestorePKPSession(p, c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPKPSessionFromOIDCLogin is issue 16's login flow: a PKP minted with alice's OIDC login
// as its auth method; alice's ID token, bound to a fresh session key, gets PKP session
// signatures from the nodes (sign_session_key), and the session signs as the PKP. Every
// attack on that exchange is refused by every node.
func TestPKPSessionFromOIDCLogin(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	is := startIssuer(t)
	c := pkptest.Cluster(ctx, t, 4, 8, 2, func(_ int, cfg *node.Config) {
		cfg.OIDCIssuers = []string{is.URL}
	})
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()

	const app = "demo-app"
	owner := pkptest.DevKey(t, 1)
	login := func(sub string, scopes ...uint64) chain.AuthMethod {
		return chain.AuthMethod{Type: access.AuthMethodTypeOIDC, ID: access.OIDCAuthMethodID(is.URL, app, sub), Scopes: scopes}
	}
	mint := func(methods ...chain.AuthMethod) []byte {
		t.Helper()
		p, err := c.Chain.MintPKPWithAuthMethods(ctx, owner, methods, chain.MintOptions{})
		if err != nil {
			t.Fatalf("mint: %v", err)
		}
		return p.PublicKey
	}
	pkp := mint(login("alice", access.ScopeSignAnything))
	addr := access.PKPAddress(pkp).Hex()
	token := func(sub, nonce string, ttl time.Duration) string {
		t.Helper()
		tok, err := is.IDToken(devoidc.Token{Subject: sub, Audience: app, Nonce: nonce, TTL: ttl})
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	pending := func(pub []byte, grants ...access.ResourceAbility) *client.PendingPKPSession {
		t.Helper()
		p, err := client.NewPendingPKPSession(pub, client.PKPSessionOptions{Grants: grants})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}

	var alice *client.PKPSession
	alicePending := pending(pkp)
	t.Run("alice's token gets a PKP session that signs as the PKP", func(t *testing.T) {
		p := alicePending
		s, err := cl.SignSessionKey(ctx, p, []api.AuthMethod{client.IDTokenAuthMethod(token("alice", p.Nonce(), 0))})
		if err != nil {
			t.Fatalf("sign session key: %v", err)
		}
		if s.Address != addr || s.Capability().DerivedVia != "lit.bls" || s.Capability().Algo != "LIT_BLS" {
			t.Fatalf("session for %s, capability %s/%s", s.Address, s.Capability().DerivedVia, s.Capability().Algo)
		}
		want := access.AuthMethodContext{UserID: "alice", AppID: app, AuthMethodType: access.AuthMethodTypeOIDC, UsedForSignSessionKeyRequest: true,
			AuthMethodID: "0x" + hex.EncodeToString(access.OIDCAuthMethodID(is.URL, app, "alice"))}
		if len(s.AuthContext.AuthMethodContexts) != 1 || s.AuthContext.AuthMethodContexts[0] != want {
			t.Fatalf("auth context %+v, want %+v", s.AuthContext.AuthMethodContexts, want)
		}
		hash := sha256.Sum256([]byte("signed by alice's login"))
		sig, err := cl.PKPSign(ctx, "0x"+hex.EncodeToString(pkp), hash, s)
		if err != nil {
			t.Fatalf("pkp sign with the session: %v", err)
		}
		pkptest.CheckRecovers(t, sig, hash, addr)
		// An action run with the session sees the verified login, as Lit's actions do.
		res, err := cl.Execute(ctx, client.ExecuteRequest{Auth: s,
			Code: []byte(`Lit.Actions.setResponse({response: JSON.stringify({addr: Lit.Auth.authSigAddress, ctx: Lit.Auth.authMethodContexts})})`)})
		if err != nil {
			t.Fatalf("execute with the session: %v", err)
		}
		var seen struct {
			Addr string                     `json:"addr"`
			Ctx  []access.AuthMethodContext `json:"ctx"`
		}
		if err := json.Unmarshal([]byte(res.Response), &seen); err != nil || len(seen.Ctx) != 1 || seen.Ctx[0] != want || !strings.EqualFold(seen.Addr, addr) {
			t.Fatalf("the action saw %s (%v), want the PKP's address and alice's login %+v", res.Response, err, want)
		}
		alice = s
	})
	if alice == nil {
		t.FailNow()
	}

	t.Run("bob's token is not an auth method of alice's PKP", func(t *testing.T) {
		p := pending(pkp)
		_, err := cl.SignSessionKey(ctx, p, []api.AuthMethod{client.IDTokenAuthMethod(token("bob", p.Nonce(), 0))})
		refusedEverywhere(t, err, "is not an auth method of PKP")
	})

	t.Run("an expired token is refused", func(t *testing.T) {
		p := pending(pkp)
		_, err := cl.SignSessionKey(ctx, p, []api.AuthMethod{client.IDTokenAuthMethod(token("alice", p.Nonce(), -time.Minute))})
		refusedEverywhere(t, err, "id token expired")
	})

	t.Run("a token bound to another session key is refused (stolen or replayed)", func(t *testing.T) {
		victim, attacker := pending(pkp), pending(pkp)
		_, err := cl.SignSessionKey(ctx, attacker, []api.AuthMethod{client.IDTokenAuthMethod(token("alice", victim.Nonce(), 0))})
		refusedEverywhere(t, err, "id token nonce mismatch")
		_, err = cl.SignSessionKey(ctx, attacker, []api.AuthMethod{client.IDTokenAuthMethod(token("alice", "", 0))})
		refusedEverywhere(t, err, "id token nonce mismatch")
	})

	t.Run("a login is not taken for a PKP that does not permit it", func(t *testing.T) {
		other := mint(login("carol", access.ScopeSignAnything))
		p := pending(other)
		_, err := cl.SignSessionKey(ctx, p, []api.AuthMethod{client.IDTokenAuthMethod(token("alice", p.Nonce(), 0))})
		refusedEverywhere(t, err, "is not an auth method of PKP")
		// Nor can alice's session of her PKP sign with the other PKP.
		_, err = cl.PKPSign(ctx, "0x"+hex.EncodeToString(other), sha256.Sum256([]byte("x")), alice)
		if err == nil {
			t.Fatal("alice's session signed with another PKP")
		}
	})

	t.Run("a PersonalSign-only login gets no signing session, but may decrypt", func(t *testing.T) {
		weak := mint(login("dave", access.ScopePersonalSign))
		p := pending(weak)
		_, err := cl.SignSessionKey(ctx, p, []api.AuthMethod{client.IDTokenAuthMethod(token("dave", p.Nonce(), 0))})
		refusedEverywhere(t, err, "this capability needs SignAnything (1)")
		dec := pending(weak, access.ResourceAbility{Resource: access.Resource{Prefix: access.PrefixAccessControlCondition, ID: "*"}, Ability: access.AbilityDecryption})
		if _, err := cl.SignSessionKey(ctx, dec, []api.AuthMethod{client.IDTokenAuthMethod(token("dave", dec.Nonce(), 0))}); err != nil {
			t.Fatalf("a decryption-only session for a PersonalSign login: %v", err)
		}
	})

	t.Run("a capability the network did not sign is refused", func(t *testing.T) {
		// alice rewrites her capability (its nonce): the network's signature no longer holds.
		forged := alice.Capability()
		m, err := access.ParseSIWE(forged.SignedMessage)
		if err != nil {
			t.Fatal(err)
		}
		forged.SignedMessage = strings.Replace(forged.SignedMessage, "Nonce: "+m.Nonce, "Nonce: forged0000", 1)
		if _, err := access.ParseSIWE(forged.SignedMessage); err != nil || forged.SignedMessage == alice.Capability().SignedMessage {
			t.Fatalf("the forged message: %v", err)
		}
		_, err = cl.PKPSign(ctx, "0x"+hex.EncodeToString(pkp), sha256.Sum256([]byte("x")), restore(t, alicePending, forged))
		if pkptest.KindOf(err) != api.KindUnauthorized {
			t.Fatalf("forged capability: %v, want unauthorized", err)
		}
	})

	t.Run("a permitted wallet's authSig bound to the session gets it; others do not", func(t *testing.T) {
		wallet, stranger := pkptest.DevKey(t, 3), pkptest.DevKey(t, 4)
		pk := mint(chain.AuthMethod{Type: chain.AuthMethodTypeEthWallet, ID: crypto.PubkeyToAddress(wallet.PublicKey).Bytes(), Scopes: []uint64{access.ScopeSignAnything}})
		p := pending(pk)
		am, err := client.EthWalletAuthMethod(wallet, p)
		if err != nil {
			t.Fatal(err)
		}
		s, err := cl.SignSessionKey(ctx, p, []api.AuthMethod{am})
		if err != nil {
			t.Fatalf("the permitted wallet: %v", err)
		}
		if acs := s.AuthContext.AuthMethodContexts; len(acs) != 1 || acs[0].UserID != crypto.PubkeyToAddress(wallet.PublicKey).Hex() || acs[0].AuthMethodType != 1 {
			t.Fatalf("auth context %+v", acs)
		}
		hash := sha256.Sum256([]byte("by a permitted wallet, as the PKP"))
		sig, err := cl.PKPSign(ctx, "0x"+hex.EncodeToString(pk), hash, s)
		if err != nil {
			t.Fatalf("sign: %v", err)
		}
		pkptest.CheckRecovers(t, sig, hash, access.PKPAddress(pk).Hex())

		// The same authSig for another session key: its nonce is the first session's binding.
		_, err = cl.SignSessionKey(ctx, pending(pk), []api.AuthMethod{am})
		refusedEverywhere(t, err, "nonce is not this request's binding")
		// A wallet the PKP does not permit.
		p = pending(pk)
		am, _ = client.EthWalletAuthMethod(stranger, p)
		_, err = cl.SignSessionKey(ctx, p, []api.AuthMethod{am})
		refusedEverywhere(t, err, "is not an auth method of PKP")
	})

	t.Run("malformed requests are refused naming the problem", func(t *testing.T) {
		p := pending(pkp)
		tok := client.IDTokenAuthMethod(token("alice", p.Nonce(), 0))
		for _, tc := range []struct {
			name    string
			methods []api.AuthMethod
			want    string
		}{
			{"too many proofs", []api.AuthMethod{tok, tok, tok, tok, tok}, "over the limit of 4"},
			{"an unknown type", []api.AuthMethod{{AuthMethodType: 99, AccessToken: "x"}}, "authMethodType 99: not an auth method this node verifies"},
			{"an empty token", []api.AuthMethod{{AuthMethodType: access.AuthMethodTypeOIDC}}, "accessToken: missing"},
			{"no proof at all", nil, "authMethods: missing"},
			{"a garbage assertion", []api.AuthMethod{{AuthMethodType: access.AuthMethodTypeWebAuthn, AccessToken: "{"}}, "authMethods[0]"},
			{"a session signature as a wallet's proof", []api.AuthMethod{{AuthMethodType: 1, AccessToken: `{"sig":"x","derivedVia":"litSessionSignViaNacl","signedMessage":"{}","address":"00"}`}}, "authMethods[0]"},
		} {
			_, err := cl.SignSessionKey(ctx, p, tc.methods)
			refusedEverywhere(t, err, tc.want)
		}
	})

	t.Run("a custom auth action registered on the PKP decides, and can do nothing else", func(t *testing.T) {
		// The action reads the verified logins (Lit.Auth.authMethodContexts) and the binding.
		code := `(async () => {
  const ok = Lit.Auth.authMethodContexts.some((c) => c.userId === "erin" && c.appId === "demo-app" && c.usedForSignSessionKeyRequest) &&
    typeof sessionBinding === "string" && sessionBinding.length === 64;
  Lit.Actions.setResponse({ response: ok ? "true" : "false" });
})();`
		signer := `(async () => {
  await Lit.Actions.signEcdsa({ toSign: Array.from({ length: 32 }, () => 1), publicKey: pkpKey, sigName: "s" });
  Lit.Actions.setResponse({ response: "true" });
})();`
		register := func(code string) []byte {
			t.Helper()
			id, err := ipfs.CIDOf(strings.NewReader(code))
			if err != nil {
				t.Fatal(err)
			}
			key, err := chain.CanonicalCID(id.String())
			if err != nil {
				t.Fatal(err)
			}
			return mint(chain.AuthMethod{Type: chain.AuthMethodTypeLitAction, ID: key, Scopes: []uint64{access.ScopeSignAnything}})
		}
		guarded := register(code)
		p := pending(guarded)
		s, err := cl.SignSessionKeyWithAction(ctx, p, []api.AuthMethod{client.IDTokenAuthMethod(token("erin", p.Nonce(), 0))}, client.CustomAuthAction{Code: code})
		if err != nil {
			t.Fatalf("erin's login through the custom auth action: %v", err)
		}
		if len(s.AuthContext.ActionIPFSIDStack) != 1 || s.AuthContext.CustomAuthResource != "true" {
			t.Fatalf("auth context %+v", s.AuthContext)
		}
		hash := sha256.Sum256([]byte("granted by an action"))
		sig, err := cl.PKPSign(ctx, "0x"+hex.EncodeToString(guarded), hash, s)
		if err != nil {
			t.Fatalf("sign with the action-granted session: %v", err)
		}
		pkptest.CheckRecovers(t, sig, hash, access.PKPAddress(guarded).Hex())

		// frank's login: the action answers "false".
		p = pending(guarded)
		_, err = cl.SignSessionKeyWithAction(ctx, p, []api.AuthMethod{client.IDTokenAuthMethod(token("frank", p.Nonce(), 0))}, client.CustomAuthAction{Code: code})
		refusedEverywhere(t, err, "did not grant the session")
		// Another action, not registered on this PKP, is not run at all.
		p = pending(guarded)
		_, err = cl.SignSessionKeyWithAction(ctx, p, nil, client.CustomAuthAction{Code: strings.Replace(code, "erin", "frank", 1)})
		refusedEverywhere(t, err, "is not an auth method of PKP")
		// A registered action that tries to sign while it decides is stopped.
		signing := register(signer)
		p = pending(signing)
		params, _ := json.Marshal(map[string]string{"pkpKey": "0x" + hex.EncodeToString(signing)})
		_, err = cl.SignSessionKeyWithAction(ctx, p, nil, client.CustomAuthAction{Code: signer, JSParams: params})
		refusedEverywhere(t, err, "cannot sign")
	})

	t.Run("removing the login ends its sessions with the next block the nodes see", func(t *testing.T) {
		tok := new(big.Int).SetBytes(crypto.Keccak256(pkp))
		if err := c.Chain.RevokeAuthMethod(ctx, owner, tok, access.AuthMethodTypeOIDC, access.OIDCAuthMethodID(is.URL, app, "alice")); err != nil {
			t.Fatal(err)
		}
		// Nodes read the chain through a cache renewed every block they notice (a second).
		c.WaitFor(ctx, "the revoked login's session to be refused", func() (bool, string) {
			_, err := cl.PKPSign(ctx, "0x"+hex.EncodeToString(pkp), sha256.Sum256([]byte("after revocation")), alice)
			if err == nil {
				return false, "still signs"
			}
			if pkptest.KindOf(err) != api.KindForbidden || !strings.Contains(err.Error(), "still permitted") {
				t.Fatalf("revoked login's session: %v, want forbidden", err)
			}
			return true, ""
		})
	})
}
