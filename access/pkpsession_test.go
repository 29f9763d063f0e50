package access_test

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/drand/kyber"
	"github.com/drand/kyber/share"
	"github.com/drand/kyber/util/random"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/bls"
)

// A capability signed by Lit's own network (the js-sdk's validate-bls-session-sigs.spec.ts
// vector, Datil-era): its signature verifies under litmesh's PKPSessionHash and Lit's
// proof-of-possession tag, so litmesh nodes sign exactly what Lit's nodes sign.
func TestPKPSessionHashIsLits(t *testing.T) {
	msg := "litprotocol.com wants you to sign in with your Ethereum account:\n" +
		"0xf087a967D9eA9445D9182692C2944DcC0Af57341\n\n" +
		"Lit Protocol PKP session signature I further authorize the stated URI to perform the following actions on my behalf: I further authorize the stated URI to perform the following actions on my behalf: (1) 'Threshold': 'Execution' for 'lit-litaction://*'. (2) 'Threshold': 'Signing' for 'lit-pkp://*'. I further authorize the stated URI to perform the following actions on my behalf: (1) 'Threshold': 'Execution' for 'lit-litaction://*'. (2) 'Threshold': 'Signing' for 'lit-pkp://*'. (3) 'Auth': 'Auth' for 'lit-resolvedauthcontext://*'.\n\n" +
		"URI: lit:session:efebafcc9063827a49dffdb11c36b2d64a33330631ac7f5825e2960946bcc8ff\n" +
		"Version: 1\nChain ID: 1\n" +
		"Nonce: 0x1f623ab8dfe6bbd3b3dc22c7a041deb697c14817bce471b1bd1d86a25d5a319c\n" +
		"Issued At: 2024-06-11T15:55:23Z\n" +
		"Expiration Time: 2024-06-12T15:55:47.655Z\n" +
		"Resources:\n" +
		"- urn:recap:eyJhdHQiOnsibGl0LWxpdGFjdGlvbjovLyoiOnsiVGhyZXNob2xkL0V4ZWN1dGlvbiI6W3t9XX0sImxpdC1wa3A6Ly8qIjp7IlRocmVzaG9sZC9TaWduaW5nIjpbe31dfSwibGl0LXJlc29sdmVkYXV0aGNvbnRleHQ6Ly8qIjp7IkF1dGgvQXV0aCI6W3siYXV0aF9jb250ZXh0Ijp7ImFjdGlvbklwZnNJZHMiOlsiUW1ZM3F1bjlxWDNmVUJIVmZyQTlmM3Y5UnB5eVBvOFJIRXVFTjFYWVBxMVByQSJdLCJhdXRoTWV0aG9kQ29udGV4dHMiOlt7ImFwcElkIjoibGl0IiwiYXV0aE1ldGhvZFR5cGUiOjEsImV4cGlyYXRpb24iOjE3MTgyMDc3MzgsInVzZWRGb3JTaWduU2Vzc2lvbktleVJlcXVlc3QiOnRydWUsInVzZXJJZCI6IjB4NjEwM2U1MGUyQzA0OWM5MjgxNEE1Mjc1YURDZDlBNzE2NjY3OTUxZSJ9XSwiYXV0aFNpZ0FkZHJlc3MiOm51bGwsImN1c3RvbUF1dGhSZXNvdXJjZSI6InRydWUiLCJyZXNvdXJjZXMiOltdfX1dfX0sInByZiI6W119"
	pk, _ := hex.DecodeString("a43499a4b786da2dd28af9f209eb152ff6f646b34b68a02954967271e17fb4c511fd67b81e067f690c6f38acab70585d")
	sig, _ := hex.DecodeString("ae925162cecb2f572fa76b93372dbbaee0133e89987c33d3210e0d62ca2dd5bf080dbdabb0155e61e770be1a2a629861073acc58fbc16cb6b700088d2aff114c42337c6123c8d15eeee63b522ea7d9c8f44390d3cb7b26e8d4935a283fe72a5d")
	root, err := bls.ParsePublicKey(pk)
	if err != nil {
		t.Fatal(err)
	}
	h := access.PKPSessionHash(msg)
	if err := bls.VerifyLit(root, h[:], sig); err != nil {
		t.Fatalf("Lit's network signature does not verify over PKPSessionHash: %v", err)
	}
	// And the hash is what makes it verify: one byte more of message, and it does not.
	h2 := access.PKPSessionHash(msg + " ")
	if err := bls.VerifyLit(root, h2[:], sig); err == nil {
		t.Fatal("the signature verified over another message")
	}
	// The message parses as litmesh parses SIWE, statement and ReCap included.
	m, err := access.ParseSIWE(msg)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := access.ParseRecap(m.Resources[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(m.Statement, rc.Statement()) {
		t.Fatalf("statement does not end with the ReCap's:\n%s\n%s", m.Statement, rc.Statement())
	}
}

// testNetwork is a one-share "network": its BLS key signs like the threshold key would.
type testNetwork struct {
	pub kyber.Point
	sh  *share.PriShare
}

func newTestNetwork(t testing.TB) *testNetwork {
	t.Helper()
	s := bls.KeyGroup().Scalar().Pick(random.New())
	return &testNetwork{pub: bls.KeyGroup().Point().Mul(s, nil), sh: &share.PriShare{I: 0, V: s}}
}

func (n *testNetwork) VerifyNetworkSignature(msg, sig []byte) error {
	return bls.VerifyLit(n.pub, msg, sig)
}

// sign signs a message's PKP session hash (a degree-0 sharing: the share's signature is the
// key's).
func (n *testNetwork) sign(t testing.TB, msg string) string {
	t.Helper()
	h := access.PKPSessionHash(msg)
	s, err := bls.PartialSignLit(n.sh, h[:])
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(map[string]string{"ProofOfPossession": s.ProofOfPossession[2:]})
	return string(b)
}

func testPKPKey(t testing.TB) []byte {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return crypto.FromECDSAPub(&k.PublicKey)
}

func tokenOf(pub []byte) *big.Int { return new(big.Int).SetBytes(crypto.Keccak256(pub)) }

// pkpSession is a PKP session made the way nodes and clients make one.
type pkpSession struct {
	key     ed25519.PrivateKey
	pkp     []byte
	request string // the client's SIWE message
	signed  string // the message the nodes sign
	capab   *access.AuthSig
}

func newPKPSession(t *testing.T, net *testNetwork, grants []access.ResourceAbility, ac access.AuthContext) *pkpSession {
	t.Helper()
	_, key, _ := ed25519.GenerateKey(nil)
	p := &pkpSession{key: key, pkp: testPKPKey(t)}
	var err error
	p.request, err = access.NewPKPSessionMessage(key.Public().(ed25519.PublicKey), p.pkp, grants, access.PKPSessionMessageOptions{Now: sessionNow.Add(-time.Minute), TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	req, err := access.ParsePKPSessionRequest(access.SessionURIPrefix+hex.EncodeToString(key.Public().(ed25519.PublicKey)), p.request, p.pkp, access.PKPSessionOptions{Now: sessionNow})
	if err != nil {
		t.Fatal(err)
	}
	if p.signed, err = req.SignedMessage(ac); err != nil {
		t.Fatal(err)
	}
	p.capab = &access.AuthSig{Sig: net.sign(t, p.signed), DerivedVia: access.DerivedViaBLS, SignedMessage: p.signed, Address: access.PKPAddress(p.pkp).Hex(), Algo: access.AlgoLitBLS}
	return p
}

func (p *pkpSession) sessionSig(t *testing.T, c access.AuthSig, requests ...access.ResourceAbility) *access.AuthSig {
	t.Helper()
	s, err := access.SignSession(p.key, &access.SessionMessage{
		Requests: requests, Capabilities: []access.AuthSig{c},
		IssuedAt: sessionNow.Add(-time.Minute), Expiration: sessionNow.Add(30 * time.Minute), NodeAddress: nodeA,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var oidcContext = access.AuthContext{
	ActionIPFSIDStack: []string{},
	AuthMethodContexts: []access.AuthMethodContext{{
		UserID: "alice", AppID: "demo", AuthMethodType: access.AuthMethodTypeOIDC, UsedForSignSessionKeyRequest: true,
		AuthMethodID: "0x" + hex.EncodeToString(access.OIDCAuthMethodID("https://issuer.example", "demo", "alice")),
	}},
}

// The round trip: a client's request, the message nodes sign, the combined capability in a
// session signature, verified as a node verifies it — acting as the PKP, with the auth context
// the nodes recorded.
func TestPKPSessionCapabilityRoundTrip(t *testing.T) {
	net := newTestNetwork(t)
	pkpReq := access.PKPSigningRequest(big.NewInt(7))
	p := newPKPSession(t, net, []access.ResourceAbility{pkpReq}, oidcContext)
	pkpOwn := access.PKPSigningRequest(tokenOf(p.pkp))
	p2 := newPKPSession(t, net, []access.ResourceAbility{pkpOwn, access.ExecutionRequest("*")}, oidcContext)

	auth, err := access.VerifySessionSig(context.Background(), p2.sessionSig(t, *p2.capab, pkpOwn), access.SessionOptions{
		NodeAddresses: []string{nodeA}, Request: pkpOwn, Now: sessionNow, NetworkKey: net,
	})
	if err != nil {
		t.Fatal(err)
	}
	if auth.Address != access.PKPAddress(p2.pkp) || auth.PKP == nil || auth.PKP.TokenID.Cmp(tokenOf(p2.pkp)) != 0 {
		t.Fatalf("auth %+v: want the PKP's address and token", auth)
	}
	if len(auth.PKP.AuthContext.AuthMethodContexts) != 1 || auth.PKP.AuthContext.AuthMethodContexts[0] != oidcContext.AuthMethodContexts[0] {
		t.Fatalf("auth context %+v, want %+v", auth.PKP.AuthContext, oidcContext)
	}

	verify := func(s *access.AuthSig, req access.ResourceAbility, key access.NetworkKey) error {
		_, err := access.VerifySessionSig(context.Background(), s, access.SessionOptions{
			NodeAddresses: []string{nodeA}, Request: req, Now: sessionNow, NetworkKey: key,
		})
		return err
	}
	other := newTestNetwork(t)
	_, stranger, _ := ed25519.GenerateKey(nil)
	for _, tc := range []struct {
		name string
		sig  func() *access.AuthSig
		req  access.ResourceAbility
		key  access.NetworkKey
		want string
	}{
		{"signed by another network key", func() *access.AuthSig { return p.sessionSig(t, *p.capab, pkpReq) }, pkpReq, other, "not the network's signature"},
		{"without a network key on the node", func() *access.AuthSig { return p.sessionSig(t, *p.capab, pkpReq) }, pkpReq, nil, "holds no network key"},
		{"with a changed message", func() *access.AuthSig {
			c := *p.capab
			c.SignedMessage = strings.Replace(c.SignedMessage, "Chain ID: 1", "Chain ID: 2", 1)
			return p.sessionSig(t, c, pkpReq)
		}, pkpReq, net, "not the network's signature"},
		{"with another signature", func() *access.AuthSig {
			c := *p.capab
			c.Sig = p2.capab.Sig
			return p.sessionSig(t, c, pkpReq)
		}, pkpReq, net, "not the network's signature"},
		{"with a garbled signature", func() *access.AuthSig {
			c := *p.capab
			c.Sig = `{"ProofOfPossession":"00"}`
			return p.sessionSig(t, c, pkpReq)
		}, pkpReq, net, "authSig.sig"},
		{"with a plain hex signature", func() *access.AuthSig {
			c := *p.capab
			c.Sig = "0x" + strings.Repeat("ab", 96)
			return p.sessionSig(t, c, pkpReq)
		}, pkpReq, net, "ProofOfPossession"},
		{"with the wallet algo", func() *access.AuthSig {
			c := *p.capab
			c.Algo = ""
			return p.sessionSig(t, c, pkpReq)
		}, pkpReq, net, "authSig.algo"},
		{"claiming another address", func() *access.AuthSig {
			c := *p.capab
			c.Address = access.PKPAddress(p2.pkp).Hex()
			return p.sessionSig(t, c, pkpReq)
		}, pkpReq, net, "authSig.address"},
		{"used by another session key", func() *access.AuthSig {
			s, err := access.SignSession(stranger, &access.SessionMessage{
				Requests: []access.ResourceAbility{pkpReq}, Capabilities: []access.AuthSig{*p.capab},
				IssuedAt: sessionNow.Add(-time.Minute), Expiration: sessionNow.Add(30 * time.Minute), NodeAddress: nodeA,
			})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}, pkpReq, net, "uri"},
		{"for a resource it does not grant", func() *access.AuthSig {
			return p.sessionSig(t, *p.capab, pkpB)
		}, pkpB, net, "does not grant"},
		{"for decryption when it grants signing", func() *access.AuthSig {
			d := access.DecryptionRequest([32]byte{1}, [32]byte{2})
			return p.sessionSig(t, *p.capab, d)
		}, access.DecryptionRequest([32]byte{1}, [32]byte{2}), net, "does not grant"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := verify(tc.sig(), tc.req, tc.key)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			if k := api.KindOf(err); k != api.KindUnauthorized && k != api.KindForbidden {
				t.Fatalf("kind %s", k)
			}
		})
	}

	// Expired: the capability's own time, checked like a wallet's.
	if err := verify(p.sessionSig(t, *p.capab, pkpReq), pkpReq, net); err != nil {
		t.Fatalf("in date: %v", err)
	}
	_, err = access.VerifySessionSig(context.Background(), p.sessionSig(t, *p.capab, pkpReq), access.SessionOptions{
		NodeAddresses: []string{nodeA}, Request: pkpReq, Now: sessionNow.Add(2 * time.Hour), NetworkKey: net,
	})
	if err == nil || !strings.Contains(err.Error(), "expir") {
		t.Fatalf("after expiration: %v", err)
	}
}

// The nodes' message is deterministic (every node writes the same bytes for the same proofs),
// keeps everything the client asked for, and adds the auth context, which grants nothing.
func TestPKPSessionSignedMessage(t *testing.T) {
	_, key, _ := ed25519.GenerateKey(nil)
	pkp := testPKPKey(t)
	grants := []access.ResourceAbility{access.PKPSigningRequest(tokenOf(pkp))}
	msg, err := access.NewPKPSessionMessage(key.Public().(ed25519.PublicKey), pkp, grants, access.PKPSessionMessageOptions{Now: sessionNow})
	if err != nil {
		t.Fatal(err)
	}
	uri := access.SessionURIPrefix + hex.EncodeToString(key.Public().(ed25519.PublicKey))
	req, err := access.ParsePKPSessionRequest(uri, msg, pkp, access.PKPSessionOptions{Now: sessionNow})
	if err != nil {
		t.Fatal(err)
	}
	a, err := req.SignedMessage(oidcContext)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := req.SignedMessage(oidcContext)
	if a != b {
		t.Fatal("two runs wrote different messages")
	}
	m, err := access.ParseSIWE(a)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := access.ParseSIWE(msg)
	if m.URI != orig.URI || m.Address != orig.Address || !m.ExpirationTime.Equal(orig.ExpirationTime) || m.Nonce != orig.Nonce || !strings.HasPrefix(m.Statement, orig.Statement+" ") {
		t.Fatalf("the signed message changed what the client asked:\n%s\n---\n%s", msg, a)
	}
	rc, err := access.ParseRecap(m.Resources[0])
	if err != nil {
		t.Fatal(err)
	}
	if !rc.Grants(grants[0]) || rc.Grants(pkpA) {
		t.Fatal("the signed ReCap grants something else than the client's")
	}
	if len(rc.Restricted) != 1 || !strings.HasSuffix(m.Statement, rc.Statement()) {
		t.Fatalf("auth context grant %v; statement %q", rc.Restricted, m.Statement)
	}
	if req.RequiredScope() != access.ScopeSignAnything {
		t.Fatal("signing must need SignAnything")
	}
	dec, _ := access.NewPKPSessionMessage(key.Public().(ed25519.PublicKey), pkp, []access.ResourceAbility{access.DecryptionRequest([32]byte{1}, [32]byte{2})}, access.PKPSessionMessageOptions{Now: sessionNow})
	dreq, err := access.ParsePKPSessionRequest(uri, dec, pkp, access.PKPSessionOptions{Now: sessionNow})
	if err != nil {
		t.Fatal(err)
	}
	if dreq.RequiredScope() != access.ScopePersonalSign {
		t.Fatal("decryption alone needs only PersonalSign")
	}
	if req.Binding() == dreq.Binding() {
		t.Fatal("two capabilities share a binding")
	}
}

// The binding is a fixed function of the session key, the PKP, the expiration and the ReCap
// (the page's JavaScript and the CLI compute it too): golden value, and each part changes it.
func TestPKPSessionBinding(t *testing.T) {
	msg := "localhost wants you to sign in with your Ethereum account:\n" +
		"0x71C7656EC7ab88b098defB751B7401B5f6d8976F\n\nLit Protocol PKP session signature\n\n" +
		"URI: lit:session:" + strings.Repeat("ab", 32) + "\nVersion: 1\nChain ID: 1\nNonce: abcdefgh12345678\n" +
		"Issued At: 2026-03-01T12:00:00.000Z\nExpiration Time: 2026-03-01T12:15:00.000Z\nResources:\n- urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ"
	b, err := access.SessionBinding(msg)
	if err != nil {
		t.Fatal(err)
	}
	// printf "litmesh sign_session_key v1\nuri: …\naddress: …\nexpiration: …\nresources: …" | sha256sum
	const golden = "add56a96a6c46c0359e7139c5841ccb03b27d30e5badd15849aa5301c053209b"
	if got := access.BindingNonce(b); got != golden {
		t.Fatalf("binding %s, want %s", got, golden)
	}
	for _, change := range [][2]string{
		{"lit:session:ab", "lit:session:cd"},
		{"0x71C7656EC7ab88b098defB751B7401B5f6d8976F", "0x0000000000000000000000000000000000000001"},
		{"12:15:00.000Z", "12:16:00.000Z"},
		{"eyJhdHQiOnt9LCJwcmYiOltdfQ", "eyJhdHQiOnt9LCJwcmYiOlsieCJdfQ"},
	} {
		c, err := access.SessionBinding(strings.Replace(msg, change[0], change[1], 1))
		if err != nil {
			t.Fatal(err)
		}
		if c == b {
			t.Errorf("changing %q left the binding as it was", change[0])
		}
	}
	for _, same := range [][2]string{{"Nonce: abcdefgh12345678", "Nonce: zzzzzzzz12345678"}, {"Chain ID: 1", "Chain ID: 5"}} {
		c, _ := access.SessionBinding(strings.Replace(msg, same[0], same[1], 1))
		if c != b {
			t.Errorf("%q is not bound, but changed the binding", same[0])
		}
	}
}

func TestParsePKPSessionRequestRefusals(t *testing.T) {
	_, key, _ := ed25519.GenerateKey(nil)
	pub := key.Public().(ed25519.PublicKey)
	uri := access.SessionURIPrefix + hex.EncodeToString(pub)
	pkp := testPKPKey(t)
	own := access.PKPSigningRequest(tokenOf(pkp))
	good, err := access.NewPKPSessionMessage(pub, pkp, []access.ResourceAbility{own}, access.PKPSessionMessageOptions{Now: sessionNow})
	if err != nil {
		t.Fatal(err)
	}
	msgWith := func(grants []access.ResourceAbility, o access.PKPSessionMessageOptions) string {
		if o.Now.IsZero() {
			o.Now = sessionNow
		}
		m, err := access.NewPKPSessionMessage(pub, pkp, grants, o)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	recapOf := func(json string) string {
		m, _ := access.ParseSIWE(good)
		m.Resources = []string{access.RecapPrefix + b64u([]byte(json))}
		return m.String()
	}
	for _, tc := range []struct {
		name, uri, msg string
		pkp            []byte
		want           string
	}{
		{"a session key without the prefix", hex.EncodeToString(pub), good, pkp, "sessionKey"},
		{"a session key that is not ed25519", access.SessionURIPrefix + "abcd", good, pkp, "sessionKey"},
		{"a URI naming another session key", access.SessionURIPrefix + strings.Repeat("11", 32), good, pkp, "siweMessage.uri"},
		{"another PKP's address", uri, good, testPKPKey(t), "siweMessage.address"},
		{"a garbled message", uri, "hello", pkp, "siweMessage"},
		{"an expired message", uri, msgWith([]access.ResourceAbility{own}, access.PKPSessionMessageOptions{Now: sessionNow.Add(-2 * time.Hour), TTL: time.Hour}), pkp, "expir"},
		{"a lifetime over the node's maximum", uri, msgWith([]access.ResourceAbility{own}, access.PKPSessionMessageOptions{TTL: 48 * time.Hour}), pkp, "longer than"},
		{"an auth context asked for", uri, recapOf(`{"att":{"lit-resolvedauthcontext://*":{"Auth/Auth":[{}]}},"prf":[]}`), pkp, "lit-resolvedauthcontext"},
		{"a grant with restrictions", uri, recapOf(`{"att":{"lit-pkp://*":{"Threshold/Signing":[{"uses":"1"}]}},"prf":[]}`), pkp, "restrictions"},
		{"proofs", uri, recapOf(`{"att":{"lit-pkp://*":{"Threshold/Signing":[{}]}},"prf":["bafy"]}`), pkp, "prf"},
		{"a ReCap granting nothing", uri, recapOf(`{"att":{},"prf":[]}`), pkp, "grants nothing"},
		{"an unknown resource", uri, recapOf(`{"att":{"https://example.com":{"Threshold/Signing":[{}]}},"prf":[]}`), pkp, "not a resource"},
		{"an ability that does not fit", uri, recapOf(`{"att":{"lit-pkp://*":{"Threshold/Decryption":[{}]}},"prf":[]}`), pkp, "does not apply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := access.ParsePKPSessionRequest(tc.uri, tc.msg, tc.pkp, access.PKPSessionOptions{Now: sessionNow})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			var ae *api.Error
			if !errors.As(err, &ae) || ae.Kind != api.KindBadRequest {
				t.Fatalf("want a bad_request *api.Error, got %#v", err)
			}
		})
	}
}
