package access_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

const (
	nodeA = "https://127.0.0.1:7001"
	nodeB = "https://127.0.0.1:7002"
)

var sessionNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// sessionParts is everything a test may tamper with before the session key signs.
type sessionParts struct {
	wallet     *ecdsa.PrivateKey
	session    ed25519.PrivateKey
	grants     []access.ResourceAbility // the capability's ReCap
	capTTL     time.Duration
	capURIKey  ed25519.PublicKey // the session key the capability names (default: session's)
	requests   []access.ResourceAbility
	issuedAt   time.Time
	expiration time.Time
	node       string
	editCap    func(*access.AuthSig)
}

func newSessionParts(t *testing.T, grants ...access.ResourceAbility) *sessionParts {
	t.Helper()
	w, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	_, s, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &sessionParts{
		wallet: w, session: s, grants: grants, capTTL: time.Hour, requests: grants,
		issuedAt: sessionNow.Add(-time.Minute), expiration: sessionNow.Add(50 * time.Minute), node: nodeA,
	}
}

func (p *sessionParts) sign(t *testing.T) *access.AuthSig {
	t.Helper()
	uriKey := p.capURIKey
	if uriKey == nil {
		uriKey = p.session.Public().(ed25519.PublicKey)
	}
	capability, err := access.NewCapability(p.wallet, uriKey, p.grants, access.CapabilityOptions{TTL: p.capTTL, Now: sessionNow.Add(-2 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if p.editCap != nil {
		p.editCap(capability)
	}
	s, err := access.SignSession(p.session, &access.SessionMessage{
		Requests: p.requests, Capabilities: []access.AuthSig{*capability},
		IssuedAt: p.issuedAt, Expiration: p.expiration, NodeAddress: p.node,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func verifyAt(s *access.AuthSig, node string, req access.ResourceAbility) (*access.Auth, error) {
	return access.VerifySessionSig(context.Background(), s, access.SessionOptions{
		NodeAddresses: []string{node}, Request: req, Now: sessionNow,
	})
}

var (
	pkpA    = access.PKPSigningRequest(big.NewInt(0xa))
	pkpB    = access.PKPSigningRequest(big.NewInt(0xb))
	actionA = access.ExecutionRequest("QmRwN9GKHvCn4Vk7biqtr6adjXMs7PzzYPCzNCRjPFiDjm")
	condsA  = access.DecryptionRequest([32]byte{0xa}, [32]byte{0xd})
)

func TestSessionSigGrantsTheWalletForItsResource(t *testing.T) {
	p := newSessionParts(t, pkpA)
	auth, err := verifyAt(p.sign(t), nodeA, pkpA)
	if err != nil {
		t.Fatal(err)
	}
	if auth.Address != crypto.PubkeyToAddress(p.wallet.PublicKey) {
		t.Fatalf("requester %s, want the capability's wallet", auth.Address.Hex())
	}
	if !auth.Session.Expiration.Equal(p.expiration) {
		t.Errorf("session expiration %v", auth.Session.Expiration)
	}
}

// Every way to misuse a session signature fails with the kind and the field of the check that
// caught it. Each case starts from a signature that verifies, so each can only fail for its
// own reason.
func TestSessionSigRefusesMisuseNamingTheCheck(t *testing.T) {
	otherKey := func() ed25519.PrivateKey {
		_, k, _ := ed25519.GenerateKey(nil)
		return k
	}
	cases := []struct {
		name  string
		build func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility)
		kind  api.Kind
		field string
	}{
		{"a signature made for node A, at node B", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			return newSessionParts(t, pkpA).sign(t), nodeB, pkpA
		}, api.KindUnauthorized, "sessionSig.signedMessage.nodeAddress"},
		{"a ReCap naming another PKP", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpB)
			p.requests = []access.ResourceAbility{pkpA}
			return p.sign(t), nodeA, pkpA
		}, api.KindForbidden, "capabilities[0]: signedMessage.resources"},
		{"a ReCap naming another condition hash", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, access.DecryptionRequest([32]byte{0xb}, [32]byte{0xd}))
			p.requests = []access.ResourceAbility{condsA}
			return p.sign(t), nodeA, condsA
		}, api.KindForbidden, "capabilities[0]: signedMessage.resources"},
		{"a ReCap naming another action CID", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, access.ExecutionRequest("QmQm5bYDbstxxD1aVKS3q1YD8LxnwvpTyKiQDz1hKfz2Xy"))
			p.requests = []access.ResourceAbility{actionA}
			return p.sign(t), nodeA, actionA
		}, api.KindForbidden, "capabilities[0]: signedMessage.resources"},
		{"a ReCap granting another ability on the resource", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, condsA)
			return p.sign(t), nodeA, access.ResourceAbility{Resource: condsA.Resource, Ability: access.AbilityConditionSigning}
		}, api.KindForbidden, "capabilities[0]: signedMessage.resources"},
		{"a session not asking for the resource", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, access.PKPSigningRequest(big.NewInt(0xa)))
			p.grants = []access.ResourceAbility{{Resource: access.Resource{Prefix: access.PrefixPKP, ID: "*"}, Ability: access.AbilityPKPSigning}}
			return p.sign(t), nodeA, pkpB
		}, api.KindForbidden, "sessionSig.signedMessage.resourceAbilityRequests"},
		{"an expired session signature", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			p.issuedAt, p.expiration = sessionNow.Add(-3*time.Hour), sessionNow.Add(-2*time.Hour)
			return p.sign(t), nodeA, pkpA
		}, api.KindUnauthorized, "sessionSig.signedMessage.expiration"},
		{"a session signature issued in the future", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			p.issuedAt = sessionNow.Add(10 * time.Minute)
			return p.sign(t), nodeA, pkpA
		}, api.KindUnauthorized, "sessionSig.signedMessage.issuedAt"},
		{"an over-long session signature", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			p.expiration = p.issuedAt.Add(access.DefaultMaxLifetime + time.Minute)
			return p.sign(t), nodeA, pkpA
		}, api.KindUnauthorized, "sessionSig.signedMessage.expiration"},
		{"an over-long capability", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			p.capTTL = 7 * 24 * time.Hour
			return p.sign(t), nodeA, pkpA
		}, api.KindUnauthorized, "capabilities[0]: authSig.signedMessage.expirationTime"},
		{"an expired capability", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			p.capTTL = 30 * time.Second // issued two minutes ago; the skew is one
			return p.sign(t), nodeA, pkpA
		}, api.KindUnauthorized, "capabilities[0]: authSig.signedMessage.expirationTime"},
		{"a capability naming another session key", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			p.capURIKey = otherKey().Public().(ed25519.PublicKey)
			return p.sign(t), nodeA, pkpA
		}, api.KindUnauthorized, "capabilities[0]: authSig.signedMessage.uri"},
		{"a stolen capability signed by another session key", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			// The thief has the wallet's capability for the victim's session key, and signs
			// the session message with a key of its own.
			victim := newSessionParts(t, pkpA)
			s := victim.sign(t)
			m, err := access.ParseSessionMessage(s.SignedMessage)
			if err != nil {
				t.Fatal(err)
			}
			m.SessionKey = ""
			forged, err := access.SignSession(otherKey(), m)
			if err != nil {
				t.Fatal(err)
			}
			return forged, nodeA, pkpA
		}, api.KindUnauthorized, "capabilities[0]: authSig.signedMessage.uri"},
		{"a capability without the session key's signature", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			// The thief has the capability and knows the session key's public half only.
			s := newSessionParts(t, pkpB).sign(t)
			s.SignedMessage = strings.Replace(s.SignedMessage, `"resourceAbilityRequests":[`, `"resourceAbilityRequests":[{"resource":{"resource":"*","resourcePrefix":"lit-pkp"},"ability":"pkp-signing"},`, 1)
			return s, nodeA, pkpA
		}, api.KindUnauthorized, "sessionSig.sig"},
		{"a session message naming another session key than the signer", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			s := p.sign(t)
			m, _ := access.ParseSessionMessage(s.SignedMessage)
			m.SessionKey = hex.EncodeToString(otherKey().Public().(ed25519.PublicKey))
			forged, err := access.SignSession(p.session, m)
			if err != nil {
				t.Fatal(err)
			}
			return forged, nodeA, pkpA
		}, api.KindUnauthorized, "sessionSig.signedMessage.sessionKey"},
		{"a capability whose wallet signature is wrong", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			other, _ := crypto.GenerateKey()
			p.editCap = func(c *access.AuthSig) {
				forged, err := access.SignSIWE(other, mustSIWE(t, c.SignedMessage, crypto.PubkeyToAddress(other.PublicKey)))
				if err != nil {
					t.Fatal(err)
				}
				c.Sig = forged.Sig
			}
			return p.sign(t), nodeA, pkpA
		}, api.KindUnauthorized, "capabilities[0]: authSig.sig"},
		{"a capability whose statement hides what the ReCap grants", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			p.editCap = func(c *access.AuthSig) {
				m := mustSIWE(t, c.SignedMessage, common.Address{})
				m.Statement = "Sign in to the game."
				again, err := access.SignSIWE(p.wallet, m)
				if err != nil {
					t.Fatal(err)
				}
				*c = *again
			}
			return p.sign(t), nodeA, pkpA
		}, api.KindUnauthorized, "capabilities[0]: signedMessage.statement"},
		{"a capability without a ReCap", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			p := newSessionParts(t, pkpA)
			p.editCap = func(c *access.AuthSig) {
				m := mustSIWE(t, c.SignedMessage, common.Address{})
				m.Resources = nil
				again, err := access.SignSIWE(p.wallet, m)
				if err != nil {
					t.Fatal(err)
				}
				*c = *again
			}
			return p.sign(t), nodeA, pkpA
		}, api.KindForbidden, "capabilities[0]: signedMessage.resources"},
		{"a plain authSig", func(t *testing.T) (*access.AuthSig, string, access.ResourceAbility) {
			w, _ := crypto.GenerateKey()
			a, err := access.CreateAuthSig(w, access.AuthSigOptions{Now: sessionNow})
			if err != nil {
				t.Fatal(err)
			}
			return a, nodeA, pkpA
		}, api.KindUnauthorized, "sessionSig.derivedVia"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, node, req := c.build(t)
			_, err := verifyAt(s, node, req)
			var ae *api.Error
			if !errors.As(err, &ae) {
				t.Fatalf("accepted or untyped: %v", err)
			}
			if ae.Kind != c.kind || !strings.Contains(ae.Message, c.field) {
				t.Fatalf("got %s %q, want %s naming %s", ae.Kind, ae.Message, c.kind, c.field)
			}
		})
	}
}

func mustSIWE(t *testing.T, text string, addr common.Address) *access.SIWEMessage {
	t.Helper()
	m, err := access.ParseSIWE(text)
	if err != nil {
		t.Fatal(err)
	}
	if addr != (common.Address{}) {
		m.Address = addr
	}
	return m
}

// Wildcards work as Lit's: a ReCap on prefix://* grants every resource of the prefix, */*
// grants every ability; a grant on a conditions hash alone covers all data under it.
func TestSessionSigWildcards(t *testing.T) {
	star := func(prefix string, a access.Ability) access.ResourceAbility {
		return access.ResourceAbility{Resource: access.Resource{Prefix: prefix, ID: "*"}, Ability: a}
	}
	for name, tc := range map[string]struct {
		grant access.ResourceAbility
		req   access.ResourceAbility
		ok    bool
	}{
		"every PKP":                {star(access.PrefixPKP, access.AbilityPKPSigning), pkpB, true},
		"every action":             {star(access.PrefixLitAction, access.AbilityExecution), actionA, true},
		"every condition":          {star(access.PrefixAccessControlCondition, access.AbilityDecryption), condsA, true},
		"a conditions hash alone":  {access.ResourceAbility{Resource: access.Resource{Prefix: access.PrefixAccessControlCondition, ID: strings.Repeat("0a", 1) + strings.Repeat("00", 31)}, Ability: access.AbilityDecryption}, condsA, true},
		"a token id with 0x":       {access.ResourceAbility{Resource: access.Resource{Prefix: access.PrefixPKP, ID: "0xA"}, Ability: access.AbilityPKPSigning}, pkpA, true},
		"every PKP is no action":   {star(access.PrefixPKP, access.AbilityPKPSigning), actionA, false},
		"another conditions hash":  {access.ResourceAbility{Resource: access.Resource{Prefix: access.PrefixAccessControlCondition, ID: strings.Repeat("0b", 32)}, Ability: access.AbilityDecryption}, condsA, false},
		"another token id":         {access.ResourceAbility{Resource: access.Resource{Prefix: access.PrefixPKP, ID: "0xb"}, Ability: access.AbilityPKPSigning}, pkpA, false},
		"a CID differing in case":  {access.ExecutionRequest(strings.ToLower("QmRwN9GKHvCn4Vk7biqtr6adjXMs7PzzYPCzNCRjPFiDjm")), actionA, false},
		"decryption is no signing": {star(access.PrefixAccessControlCondition, access.AbilityDecryption), access.ResourceAbility{Resource: condsA.Resource, Ability: access.AbilityConditionSigning}, false},
	} {
		t.Run(name, func(t *testing.T) {
			rc, err := access.NewRecap(tc.grant)
			if err != nil {
				t.Fatal(err)
			}
			if got := rc.Grants(tc.req); got != tc.ok {
				t.Fatalf("grant %s, request %s: granted %v, want %v", tc.grant, tc.req, got, tc.ok)
			}
		})
	}
	// "*/*" on a resource grants every ability that suits it.
	rc, err := access.ParseRecap(access.RecapPrefix + b64(`{"att":{"lit-pkp://*":{"*/*":[{}]}},"prf":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !rc.Grants(pkpA) || rc.Grants(actionA) {
		t.Fatal("*/* on lit-pkp://* must grant PKP signing and nothing else")
	}
}

// A grant with restrictions (a non-empty nota bene) is not taken as a grant: litmesh does not
// interpret restrictions, so it must not ignore them either.
func TestRecapRestrictedGrantsGrantNothing(t *testing.T) {
	rc, err := access.ParseRecap(access.RecapPrefix + b64(`{"att":{"lit-pkp://*":{"Threshold/Signing":[{"uses":"1"}]}},"prf":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	if rc.Grants(pkpA) {
		t.Fatal("a restricted grant was taken")
	}
	if !strings.Contains(rc.Statement(), "'Threshold': 'Signing' for 'lit-pkp://*'") {
		t.Fatalf("the statement must still show it: %q", rc.Statement())
	}
}

func TestParseRecapRefusesMalformed(t *testing.T) {
	for name, body := range map[string]string{
		"not JSON":           `nope`,
		"no prf":             `{"att":{}}`,
		"an unknown field":   `{"att":{},"prf":[],"x":1}`,
		"a bad ability":      `{"att":{"lit-pkp://*":{"Signing":[{}]}},"prf":[]}`,
		"no nota bene":       `{"att":{"lit-pkp://*":{"Threshold/Signing":[]}},"prf":[]}`,
		"a non-object nb":    `{"att":{"lit-pkp://*":{"Threshold/Signing":[1]}},"prf":[]}`,
		"a non-URI resource": `{"att":{"no scheme":{"Threshold/Signing":[{}]}},"prf":[]}`,
		"a duplicate key":    `{"att":{},"att":{},"prf":[]}`,
	} {
		if _, err := access.ParseRecap(access.RecapPrefix + b64(body)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := access.ParseRecap(access.RecapPrefix + b64(`{"att":{},"prf":[]}`) + "="); err == nil {
		t.Error("padded base64 accepted")
	}
}

func TestNormalizeNodeAddress(t *testing.T) {
	for in, want := range map[string]string{
		"https://127.0.0.1:7001":   "127.0.0.1:7001",
		"https://localhost:7001/":  "127.0.0.1:7001",
		"HTTPS://Node.Example.com": "node.example.com:443",
		"http://node.example.com":  "node.example.com:80",
		"127.0.0.1:7001":           "127.0.0.1:7001",
		"https://[::1]:7001":       "[::1]:7001",
	} {
		got, err := access.NormalizeNodeAddress(in)
		if err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "https://", "https://a/b", "https://user@host:1"} {
		if got, err := access.NormalizeNodeAddress(bad); err == nil {
			t.Errorf("%q accepted as %q", bad, got)
		}
	}
}

// verify_strict as Lit's nodes: a small-order session key is refused even though the
// signature equation alone would hold for it.
func TestSessionSigRefusesASmallOrderKey(t *testing.T) {
	p := newSessionParts(t, pkpA)
	s := p.sign(t)
	// The identity point: every signature with R = identity and s = 0 satisfies the equation
	// for it, whatever the message.
	s.Address = "01" + strings.Repeat("00", 31)
	s.Sig = "01" + strings.Repeat("00", 63)
	_, err := verifyAt(s, nodeA, pkpA)
	if api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), "small order") {
		t.Fatalf("got %v", err)
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// A capability is taken only where it belongs: inside a session signature made by the session
// key its URI names. The same capability on its own, as a plain authSig, authenticates nothing
// (its holder — the session's client, and every node that served the session — would otherwise
// hold a bearer token for the wallet), and neither does any other message that delegates: Lit's
// capacity delegation URI, or any message with a ReCap. The wallet's own sign-in still does.
func TestACapabilityIsTakenOnlyInsideItsSession(t *testing.T) {
	p := newSessionParts(t, condsA)
	s := p.sign(t)
	if _, err := verifyAt(s, nodeA, condsA); err != nil {
		t.Fatalf("the capability inside its session: %v", err)
	}
	m, err := access.ParseSessionMessage(s.SignedMessage)
	if err != nil {
		t.Fatal(err)
	}
	capability := m.Capabilities[0]
	plain := access.VerifyOptions{Now: sessionNow, RequireExpiration: true}
	if _, err := capability.Verify(plain); api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), "authSig.signedMessage.uri: ") {
		t.Fatalf("the capability as a plain authSig: %v", err)
	}
	// Asked for as what it is — a capability for this session key — it verifies.
	plain.URI = access.SessionURIPrefix + hex.EncodeToString(p.session.Public().(ed25519.PublicKey))
	if _, err := capability.Verify(plain); err != nil {
		t.Fatalf("the capability checked against its session key: %v", err)
	}

	rc, err := access.NewRecap(condsA)
	if err != nil {
		t.Fatal(err)
	}
	signed := func(uri string, resources ...string) *access.AuthSig {
		a, err := access.SignSIWE(p.wallet, &access.SIWEMessage{
			Domain: "app.example", URI: uri, ChainID: 1, Statement: rc.Statement(), Resources: resources,
			IssuedAt: sessionNow.Add(-time.Minute), ExpirationTime: sessionNow.Add(time.Hour),
		})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for _, tc := range []struct {
		name, uri string
		resources []string
		field     string
	}{
		{"Lit's capacity delegation", "lit:capability:delegation", nil, "authSig.signedMessage.uri"},
		{"a session URI in capitals", "LIT:Session:" + strings.Repeat("ab", 32), nil, "authSig.signedMessage.uri"},
		{"a ReCap to a did", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", []string{rc.URN()}, "authSig.signedMessage.resources[0]"},
		{"a ReCap after another resource, in capitals", "https://app.example/", []string{"https://app.example/tos", "URN:RECAP:" + strings.TrimPrefix(rc.URN(), access.RecapPrefix)}, "authSig.signedMessage.resources[1]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := signed(tc.uri, tc.resources...).Verify(access.VerifyOptions{Now: sessionNow})
			if api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), tc.field+": ") {
				t.Fatalf("got %v, want an unauthorized refusal naming %s", err, tc.field)
			}
		})
	}
	if _, err := signed("https://app.example/", "https://app.example/tos").Verify(access.VerifyOptions{Now: sessionNow}); err != nil {
		t.Fatalf("the wallet's own sign-in: %v", err)
	}
}

// A node checks a session signature's envelope before it decodes a large request and verifies
// the rest on the decoded request, carrying the checked envelope instead of verifying the
// session key's signature twice. The envelope so carried is held to the options it is verified
// with: another node, a later time after the expiration, a resource the session does not ask
// for, or a capability that does not grant it are refused as VerifySessionSig refuses them.
func TestACheckedSessionEnvelopeIsStillVerifiedForItsRequest(t *testing.T) {
	p := newSessionParts(t, pkpA)
	checked, err := access.CheckSessionEnvelope(p.sign(t), access.SessionOptions{NodeAddresses: []string{nodeA}, Now: sessionNow})
	if err != nil {
		t.Fatal(err)
	}
	opts := access.SessionOptions{NodeAddresses: []string{nodeA}, Request: pkpA, Now: sessionNow}
	auth, err := checked.Verify(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if auth.Address != crypto.PubkeyToAddress(p.wallet.PublicKey) || auth.Session == nil {
		t.Fatalf("requester %s, want the capability's wallet", auth.Address.Hex())
	}
	refusals := map[string]struct {
		opts  access.SessionOptions
		kind  api.Kind
		field string
	}{
		"another node": {
			access.SessionOptions{NodeAddresses: []string{nodeB}, Request: pkpA, Now: sessionNow},
			api.KindUnauthorized, "nodeAddress"},
		// The session expires 8 minutes before its capability does.
		"after the session's expiration": {
			access.SessionOptions{NodeAddresses: []string{nodeA}, Request: pkpA, Now: p.expiration.Add(5 * time.Minute)},
			api.KindUnauthorized, "expiration"},
		"a lifetime over the node's maximum": {
			access.SessionOptions{NodeAddresses: []string{nodeA}, Request: pkpA, Now: sessionNow, MaxLifetime: 55 * time.Minute},
			api.KindUnauthorized, "expiration"},
		"a resource the session does not ask for": {
			access.SessionOptions{NodeAddresses: []string{nodeA}, Request: pkpB, Now: sessionNow},
			api.KindForbidden, "resourceAbilityRequests"},
	}
	for name, c := range refusals {
		t.Run(name, func(t *testing.T) {
			_, err := checked.Verify(context.Background(), c.opts)
			if api.KindOf(err) != c.kind || !strings.Contains(err.Error(), c.field) {
				t.Fatalf("got %v, want %s naming %s", err, c.kind, c.field)
			}
		})
	}
	// The session asks for pkpB too, but the capability grants only pkpA.
	wide := newSessionParts(t, pkpA)
	wide.requests = []access.ResourceAbility{pkpA, pkpB}
	checked, err = access.CheckSessionEnvelope(wide.sign(t), access.SessionOptions{NodeAddresses: []string{nodeA}, Now: sessionNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := checked.Verify(context.Background(), access.SessionOptions{NodeAddresses: []string{nodeA}, Request: pkpB, Now: sessionNow}); api.KindOf(err) != api.KindForbidden {
		t.Fatalf("a capability that does not grant the request: got %v, want forbidden", err)
	}
}

// A session signature a client reuses is verified once per node: the envelope's signature
// check is remembered by the signature's exact bytes. What the envelope claims is checked at
// every use — a remembered envelope is refused for another node and after its expiration —
// and nothing but the exact bytes matches: the same signature over a changed message, or the
// same message with another signature, is verified afresh and refused.
func TestARememberedSessionEnvelopeIsCheckedAtEveryUse(t *testing.T) {
	p := newSessionParts(t, pkpA)
	s := p.sign(t)
	for i := range 2 {
		if _, err := verifyAt(s, nodeA, pkpA); err != nil {
			t.Fatalf("use %d: %v", i, err)
		}
	}
	if _, err := verifyAt(s, nodeB, pkpA); api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), "nodeAddress") {
		t.Fatalf("the remembered envelope at another node: %v", err)
	}
	if _, err := access.CheckSessionEnvelope(s, access.SessionOptions{NodeAddresses: []string{nodeB}, Now: sessionNow}); api.KindOf(err) != api.KindUnauthorized {
		t.Fatalf("the early check of the remembered envelope at another node: %v", err)
	}
	late := access.SessionOptions{NodeAddresses: []string{nodeA}, Request: pkpA, Now: p.expiration.Add(5 * time.Minute)}
	if _, err := access.VerifySessionSig(context.Background(), s, late); api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), "expiration") {
		t.Fatalf("the remembered envelope after its expiration: %v", err)
	}
	changed := *s
	changed.SignedMessage = strings.Replace(s.SignedMessage, nodeA, nodeA+"/", 1)
	if changed.SignedMessage == s.SignedMessage {
		t.Fatal("the test did not change the message")
	}
	if _, err := verifyAt(&changed, nodeA, pkpA); api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), "sessionSig.sig") {
		t.Fatalf("the remembered signature over a changed message: %v", err)
	}
	other := *s
	other.Sig = newSessionParts(t, pkpA).sign(t).Sig
	if _, err := verifyAt(&other, nodeA, pkpA); api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), "sessionSig.sig") {
		t.Fatalf("the remembered message with another signature: %v", err)
	}
}
