package access

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"filippo.io/edwards25519"

	"github.com/litmesh/litmesh/api"
)

// Session signatures are Lit's per-node request authentication (the SDK's getSessionSigs): a
// client makes an ed25519 session key; a wallet signs a capability, a SIWE message whose URI
// is lit:session:<session key> and whose ReCap grants abilities on resources; for each node
// the session key signs a JSON message naming that node, the capabilities and what the
// session asks for. A node takes one only for itself, in date, and for a resource the
// capability grants.

// The constants of a session signature, with Lit's values.
const (
	// DerivedViaSession is the derivedVia of a session signature.
	DerivedViaSession = "litSessionSignViaNacl"
	// AlgoEd25519 is its algo.
	AlgoEd25519 = "ed25519"
	// SessionURIPrefix starts the URI of a capability: lit:session:<session key hex>.
	SessionURIPrefix = "lit:session:"
)

// Limits of a session signature's signed message.
const (
	maxSessionRequests     = 32
	maxSessionCapabilities = 8
	maxNodeAddress         = 512
)

// sessionTimeLayout is JavaScript's toISOString, the form the SDK writes issuedAt and
// expiration in.
const sessionTimeLayout = "2006-01-02T15:04:05.000Z"

// SessionMessage is the JSON a session key signs for one node.
type SessionMessage struct {
	// SessionKey is the session's ed25519 public key, hex.
	SessionKey string
	// Requests are the resources and abilities the session asks for (resourceAbilityRequests).
	Requests []ResourceAbility
	// Capabilities are the wallets' signed capabilities (SIWE messages with ReCaps).
	Capabilities []AuthSig
	IssuedAt     time.Time
	Expiration   time.Time
	// NodeAddress names the node the signature is for: its URL as the client reaches it.
	NodeAddress string
}

// sessionJSON is the message as Lit's SDK serialises it (JSON.stringify of its signing
// template): the fields in this order.
type sessionJSON struct {
	SessionKey              string                `json:"sessionKey"`
	ResourceAbilityRequests []resourceAbilityJSON `json:"resourceAbilityRequests"`
	Capabilities            []AuthSig             `json:"capabilities"`
	IssuedAt                string                `json:"issuedAt"`
	Expiration              string                `json:"expiration"`
	NodeAddress             string                `json:"nodeAddress"`
}

type resourceAbilityJSON struct {
	Resource struct {
		Resource       string `json:"resource"`
		ResourcePrefix string `json:"resourcePrefix"`
	} `json:"resource"`
	Ability Ability `json:"ability"`
}

// Marshal writes the message as Lit's SDK does, byte for byte: JSON.stringify's compact form
// with its key order and no HTML escaping.
func (m *SessionMessage) Marshal() ([]byte, error) {
	j := sessionJSON{
		SessionKey:              m.SessionKey,
		ResourceAbilityRequests: make([]resourceAbilityJSON, len(m.Requests)),
		Capabilities:            m.Capabilities,
		IssuedAt:                m.IssuedAt.UTC().Format(sessionTimeLayout),
		Expiration:              m.Expiration.UTC().Format(sessionTimeLayout),
		NodeAddress:             m.NodeAddress,
	}
	if j.Capabilities == nil {
		j.Capabilities = []AuthSig{}
	}
	for i, r := range m.Requests {
		j.ResourceAbilityRequests[i].Resource.Resource = r.Resource.ID
		j.ResourceAbilityRequests[i].Resource.ResourcePrefix = r.Resource.Prefix
		j.ResourceAbilityRequests[i].Ability = r.Ability
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		return nil, fmt.Errorf("encode session message: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func sessionErr(kind api.Kind, field, format string, args ...any) *api.Error {
	return api.Errorf(kind, "%s: %s", field, fmt.Sprintf(format, args...))
}

// ParseSessionMessage reads a session signature's signedMessage strictly: the fields Lit's SDK
// writes (plus Naga's maxPrice, ignored), each of the right type, no other field, no duplicate.
// Errors are *api.Error of kind unauthorized naming the field.
//
//nolint:gocognit // a strict decoder: one check per field Lit's SDK writes, in order
func ParseSessionMessage(signed string) (*SessionMessage, error) {
	const field = "sessionSig.signedMessage"
	if len(signed) > MaxAuthSigSize {
		return nil, sessionErr(api.KindUnauthorized, field, "%d bytes, over the limit of %d", len(signed), MaxAuthSigSize)
	}
	v, err := decodeJSON([]byte(signed))
	if err != nil {
		return nil, sessionErr(api.KindUnauthorized, field, "%v", err)
	}
	if v.kind != jsonObject {
		return nil, sessionErr(api.KindUnauthorized, field, "want a JSON object, got %s", v.kind)
	}
	m := &SessionMessage{}
	seen := map[string]bool{}
	str := func(key string, val jsonValue) (string, error) {
		if val.kind != jsonString {
			return "", sessionErr(api.KindUnauthorized, field+"."+key, "want a string, got %s", val.kind)
		}
		return val.str, nil
	}
	for _, f := range v.obj {
		seen[f.key] = true
		switch f.key {
		case "sessionKey":
			if m.SessionKey, err = str(f.key, f.val); err != nil {
				return nil, err
			}
		case "nodeAddress":
			if m.NodeAddress, err = str(f.key, f.val); err != nil {
				return nil, err
			}
			if len(m.NodeAddress) > maxNodeAddress {
				return nil, sessionErr(api.KindUnauthorized, field+".nodeAddress", "over %d bytes", maxNodeAddress)
			}
		case "issuedAt", "expiration":
			s, err := str(f.key, f.val)
			if err != nil {
				return nil, err
			}
			t, err := parseSIWETime(s)
			if err != nil {
				return nil, sessionErr(api.KindUnauthorized, field+"."+f.key, "%v", err)
			}
			if f.key == "issuedAt" {
				m.IssuedAt = t
			} else {
				m.Expiration = t
			}
		case "resourceAbilityRequests":
			if m.Requests, err = parseSessionRequests(f.val); err != nil {
				return nil, err
			}
		case "capabilities":
			if m.Capabilities, err = parseCapabilities(f.val); err != nil {
				return nil, err
			}
		case "maxPrice":
			// Lit's Naga network prices requests; litmesh does not.
		default:
			return nil, sessionErr(api.KindUnauthorized, field, "unknown field %q", clip(f.key))
		}
	}
	for _, k := range []string{"sessionKey", "resourceAbilityRequests", "capabilities", "issuedAt", "expiration", "nodeAddress"} {
		if !seen[k] {
			return nil, sessionErr(api.KindUnauthorized, field+"."+k, "missing")
		}
	}
	return m, nil
}

//nolint:gocognit // a strict decoder of the resource-ability list: each entry's shape checked where it is read
func parseSessionRequests(v jsonValue) ([]ResourceAbility, error) {
	const field = "sessionSig.signedMessage.resourceAbilityRequests"
	if v.kind != jsonArray {
		return nil, sessionErr(api.KindUnauthorized, field, "want an array, got %s", v.kind)
	}
	if len(v.arr) > maxSessionRequests {
		return nil, sessionErr(api.KindUnauthorized, field, "%d requests, over the limit of %d", len(v.arr), maxSessionRequests)
	}
	out := make([]ResourceAbility, 0, len(v.arr))
	for i, e := range v.arr {
		f := fmt.Sprintf("%s[%d]", field, i)
		if e.kind != jsonObject {
			return nil, sessionErr(api.KindUnauthorized, f, "want an object, got %s", e.kind)
		}
		var ra ResourceAbility
		var haveRes, haveAb bool
		for _, m := range e.obj {
			switch m.key {
			case "resource":
				haveRes = true
				if m.val.kind != jsonObject {
					return nil, sessionErr(api.KindUnauthorized, f+".resource", "want an object, got %s", m.val.kind)
				}
				for _, rm := range m.val.obj {
					if rm.val.kind != jsonString {
						return nil, sessionErr(api.KindUnauthorized, f+".resource."+clip(rm.key), "want a string, got %s", rm.val.kind)
					}
					switch rm.key {
					case "resource":
						ra.Resource.ID = rm.val.str
					case "resourcePrefix":
						ra.Resource.Prefix = rm.val.str
					default:
						return nil, sessionErr(api.KindUnauthorized, f+".resource", "unknown field %q", clip(rm.key))
					}
				}
				if err := ra.Resource.check(); err != nil {
					return nil, sessionErr(api.KindUnauthorized, f+".resource", "%v", err)
				}
			case "ability":
				haveAb = true
				if m.val.kind != jsonString {
					return nil, sessionErr(api.KindUnauthorized, f+".ability", "want a string, got %s", m.val.kind)
				}
				ra.Ability = Ability(m.val.str)
			case "data":
				// Restrictions the SDK may attach; the capability's ReCap is what grants.
			default:
				return nil, sessionErr(api.KindUnauthorized, f, "unknown field %q", clip(m.key))
			}
		}
		if !haveRes || !haveAb {
			return nil, sessionErr(api.KindUnauthorized, f, "want both resource and ability")
		}
		if !ra.Ability.validFor(ra.Resource.Prefix) {
			return nil, sessionErr(api.KindUnauthorized, f+".ability", "%q does not apply to %s", clip(string(ra.Ability)), ra.Resource.Prefix)
		}
		out = append(out, ra)
	}
	return out, nil
}

func parseCapabilities(v jsonValue) ([]AuthSig, error) {
	const field = "sessionSig.signedMessage.capabilities"
	if v.kind != jsonArray {
		return nil, sessionErr(api.KindUnauthorized, field, "want an array, got %s", v.kind)
	}
	if len(v.arr) == 0 {
		return nil, sessionErr(api.KindUnauthorized, field, "empty: a session needs a wallet's capability")
	}
	if len(v.arr) > maxSessionCapabilities {
		return nil, sessionErr(api.KindUnauthorized, field, "%d capabilities, over the limit of %d", len(v.arr), maxSessionCapabilities)
	}
	out := make([]AuthSig, 0, len(v.arr))
	for i, e := range v.arr {
		a, err := authSigFromTree(e)
		if err != nil {
			return nil, sessionErr(api.KindUnauthorized, fmt.Sprintf("%s[%d]", field, i), "%v", err)
		}
		out = append(out, *a)
	}
	return out, nil
}

// SessionOptions are what a node expects of a session signature.
type SessionOptions struct {
	// NodeAddresses are this node's advertised URLs; the signature's nodeAddress must be one of
	// them, compared as NormalizeNodeAddress writes them.
	NodeAddresses []string
	// Request is the resource and ability of the request the signature came with.
	Request ResourceAbility
	// MaxLifetime bounds expiration minus issue time of the session signature and of its
	// capability; zero means DefaultMaxLifetime.
	MaxLifetime time.Duration
	// Now is the time to check against; zero means time.Now().
	Now time.Time
	// ClockSkew is the tolerance of every time check; zero means DefaultClockSkew.
	ClockSkew time.Duration
	// Wallets checks smart-contract wallets' capabilities (EIP-1271); nil refuses them.
	Wallets ContractWallets
	// NetworkKey checks capabilities the network signed for a PKP (lit.bls, made by
	// sign_session_key); nil refuses them.
	NetworkKey NetworkKey
}

// Session is what a verified session signature establishes.
type Session struct {
	// Key is the session's ed25519 public key.
	Key ed25519.PublicKey
	// Expiration is when the session signature expires.
	Expiration time.Time
	// Capability is the capability that granted the request.
	Capability *AuthSig
}

// VerifySessionSig checks a session signature for one request, in this order: its shape
// (derivedVia, algo, session key, signature), the ed25519 signature of the signed message by
// the session key, the message (strictly parsed, naming the same session key), nodeAddress
// naming this node, its times (now within [issuedAt, expiration] give or take the skew, and a
// lifetime within the maximum), that it asks for the request's resource, and finally its
// capabilities: the first one whose wallet signature verifies (EIP-191, or EIP-1271 for a
// contract wallet), that is in date, whose URI is lit:session:<this session key> and whose
// ReCap grants the ability on the resource makes the wallet the requester. Failures are
// *api.Error naming the check: unauthorized (401) for anything about who signed what and when,
// forbidden (403) when the session or its capability does not grant this resource.
func VerifySessionSig(ctx context.Context, s *AuthSig, opts SessionOptions) (*Auth, error) {
	c, err := CheckSessionEnvelope(s, opts)
	if err != nil {
		return nil, err
	}
	return c.Verify(ctx, opts)
}

// CheckedSession is a session signature whose envelope CheckSessionEnvelope verified: its
// shape, the session key's ed25519 signature of the signed message and the message itself. It
// authorises nothing until Verify has checked it for a request. A node that refuses forged
// session signatures before it decodes a large request checks the envelope once and carries
// the result to Verify, instead of verifying the ed25519 signature and parsing the message a
// second time.
type CheckedSession struct {
	sig *AuthSig
	m   *SessionMessage
	pub ed25519.PublicKey
}

// CheckSessionEnvelope runs the checks of VerifySessionSig that need neither the request nor
// the chain — shape, the session key's ed25519 signature, the message, nodeAddress, times — so
// a node can refuse a forged or stale session signature before it decodes (and hashes) a large
// request. It authorises nothing: the request must still pass Verify on the result.
func CheckSessionEnvelope(s *AuthSig, opts SessionOptions) (*CheckedSession, error) {
	const field = "sessionSig"
	if s.DerivedVia != DerivedViaSession {
		return nil, sessionErr(api.KindUnauthorized, field+".derivedVia", "want %q, got %q", DerivedViaSession, clip(s.DerivedVia))
	}
	if s.Algo != AlgoEd25519 {
		return nil, sessionErr(api.KindUnauthorized, field+".algo", "want %q, got %q", AlgoEd25519, clip(s.Algo))
	}
	key := envelopeKey(s)
	if e, ok := checkedEnvelopes.Get(key); ok {
		c := &CheckedSession{sig: s, m: e.message(), pub: e.pub}
		if err := c.checkClaims(opts); err != nil {
			return nil, err
		}
		return c, nil
	}
	pub, err := parseSessionKey(s.Address)
	if err != nil {
		return nil, sessionErr(api.KindUnauthorized, field+".address", "%v", err)
	}
	sig, err := parseHexField(s.Sig, ed25519.SignatureSize)
	if err != nil {
		return nil, sessionErr(api.KindUnauthorized, field+".sig", "want an ed25519 signature: %v", err)
	}
	if err := verifyEd25519Strict(pub, []byte(s.SignedMessage), sig); err != nil {
		return nil, sessionErr(api.KindUnauthorized, field+".sig", "%v", err)
	}
	m, err := ParseSessionMessage(s.SignedMessage)
	if err != nil {
		return nil, err
	}
	if mk, err := parseSessionKey(m.SessionKey); err != nil || !bytes.Equal(mk, pub) {
		return nil, sessionErr(api.KindUnauthorized, field+".signedMessage.sessionKey", "is not the signing session key %s", hex.EncodeToString(pub))
	}
	checkedEnvelopes.Add(key, checkedEnvelope{m: m, pub: pub})
	c := &CheckedSession{sig: s, m: m.clone(), pub: pub}
	if err := c.checkClaims(opts); err != nil {
		return nil, err
	}
	return c, nil
}

// checkClaims checks what the signed message claims against opts: made for this node, and in
// date at opts.Now within the maximum lifetime. No cryptography: Verify runs it again, so a
// checked envelope is held to the options it is verified with.
func (c *CheckedSession) checkClaims(opts SessionOptions) error {
	if err := checkNodeAddress(c.m.NodeAddress, opts.NodeAddresses); err != nil {
		return err
	}
	return checkSessionTimes(c.m, nowOf(opts.Now), skewOf(opts.ClockSkew), maxLifeOf(opts.MaxLifetime))
}

// Verify finishes VerifySessionSig for a session signature whose envelope was checked: the
// message's node address and times once more (at opts.Now, against opts), that the session asks
// for opts.Request, and its capabilities — the first one whose wallet signature verifies, that
// is in date, whose URI is lit:session:<this session key> and whose ReCap grants the request
// makes the wallet the requester.
func (c *CheckedSession) Verify(ctx context.Context, opts SessionOptions) (*Auth, error) {
	const field = "sessionSig"
	if err := c.checkClaims(opts); err != nil {
		return nil, err
	}
	m, pub := c.m, c.pub
	now, maxLife := nowOf(opts.Now), maxLifeOf(opts.MaxLifetime)
	if !requestsCover(m.Requests, opts.Request) {
		return nil, sessionErr(api.KindForbidden, field+".signedMessage.resourceAbilityRequests", "the session does not ask for %s", opts.Request)
	}
	uri := SessionURIPrefix + hex.EncodeToString(pub)
	var errs []*api.Error
	for i := range m.Capabilities {
		auth, err := verifyCapability(ctx, &m.Capabilities[i], opts.Request, VerifyOptions{
			URI: uri, RequireExpiration: true, MaxLifetime: maxLife, Now: now, ClockSkew: opts.ClockSkew, Wallets: opts.Wallets,
			NetworkKey: opts.NetworkKey,
		})
		if err == nil {
			auth.Session = &Session{Key: pub, Expiration: m.Expiration, Capability: &m.Capabilities[i]}
			return auth, nil
		}
		var ae *api.Error
		if !errors.As(err, &ae) {
			return nil, err
		}
		if ae.Kind == api.KindUnavailable {
			return nil, ae // the chain could not be asked: retryable, not a refusal
		}
		errs = append(errs, api.Errorf(ae.Kind, "%s.signedMessage.capabilities[%d]: %s", field, i, ae.Message))
	}
	if len(errs) == 1 {
		return nil, errs[0]
	}
	kind := api.KindUnauthorized
	var msgs []string
	for _, e := range errs {
		if e.Kind == api.KindForbidden {
			kind = api.KindForbidden // some capability was genuine but grants something else
		}
		msgs = append(msgs, e.Message)
	}
	return nil, api.Errorf(kind, "no capability authorises %s: %s", opts.Request, strings.Join(msgs, "; "))
}

// AuthSig is the session signature that was checked.
func (c *CheckedSession) AuthSig() *AuthSig { return c.sig }

func nowOf(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}

func maxLifeOf(d time.Duration) time.Duration {
	if d <= 0 {
		return DefaultMaxLifetime
	}
	return d
}

// verifyCapability checks one capability: the wallet's signature (or, for a PKP session
// capability, lit.bls, the network's) and the SIWE message (in date, within the lifetime, its
// URI naming this session key), then that its ReCap grants the request. The statement must end with the ReCap's own statement, so the wallet's user
// was shown what it grants.
func verifyCapability(ctx context.Context, c *AuthSig, req ResourceAbility, vo VerifyOptions) (*Auth, error) {
	var auth *Auth
	var err error
	if c.DerivedVia == DerivedViaBLS {
		auth, err = verifyBLSCapability(c, vo.NetworkKey, vo)
	} else {
		auth, err = c.VerifyContext(ctx, vo)
	}
	if err != nil {
		return nil, err
	}
	var granted bool
	var recaps int
	for i, res := range auth.Message.Resources {
		if !strings.HasPrefix(res, RecapPrefix) {
			continue
		}
		recaps++
		rc, err := ParseRecap(res)
		if err != nil {
			return nil, unauthorized(fmt.Sprintf("signedMessage.resources[%d]", i), "%v", err)
		}
		if !strings.HasSuffix(auth.Message.Statement, rc.Statement()) {
			return nil, unauthorized("signedMessage.statement", "does not end with the ReCap's statement %q", clip(rc.Statement()))
		}
		granted = granted || rc.Grants(req)
	}
	if recaps == 0 {
		return nil, api.Errorf(api.KindForbidden, "signedMessage.resources: no ReCap (urn:recap:…): the capability grants nothing")
	}
	if !granted {
		return nil, api.Errorf(api.KindForbidden, "signedMessage.resources: the ReCap of %s does not grant %s", auth.Address.Hex(), req)
	}
	return auth, nil
}

func requestsCover(reqs []ResourceAbility, want ResourceAbility) bool {
	for _, r := range reqs {
		if r.Resource.Covers(want.Resource) {
			return true
		}
	}
	return false
}

func checkSessionTimes(m *SessionMessage, now time.Time, skew, maxLife time.Duration) error {
	const field = "sessionSig.signedMessage"
	const layout = time.RFC3339
	if m.IssuedAt.After(now.Add(skew)) {
		return sessionErr(api.KindUnauthorized, field+".issuedAt", "%s is in the future", m.IssuedAt.UTC().Format(layout))
	}
	if m.Expiration.Before(m.IssuedAt) {
		return sessionErr(api.KindUnauthorized, field+".expiration", "%s is before issuedAt %s", m.Expiration.UTC().Format(layout), m.IssuedAt.UTC().Format(layout))
	}
	if now.After(m.Expiration.Add(skew)) {
		return sessionErr(api.KindUnauthorized, field+".expiration", "expired at %s", m.Expiration.UTC().Format(layout))
	}
	if life := m.Expiration.Sub(m.IssuedAt); life > maxLife {
		return sessionErr(api.KindUnauthorized, field+".expiration", "valid for %s after it was issued, longer than this node's maximum of %s", life.Round(time.Second), maxLife)
	}
	return nil
}

// checkNodeAddress: the session signature must be made for this node.
func checkNodeAddress(got string, mine []string) error {
	const field = "sessionSig.signedMessage.nodeAddress"
	g, err := NormalizeNodeAddress(got)
	if err != nil {
		return sessionErr(api.KindUnauthorized, field, "%v", err)
	}
	for _, m := range mine {
		if n, err := NormalizeNodeAddress(m); err == nil && n == g {
			return nil
		}
	}
	want := "(none configured)"
	if len(mine) > 0 {
		want = mine[0]
	}
	return sessionErr(api.KindUnauthorized, field, "made for %s, but this node is %s", clip(got), want)
}

// NormalizeNodeAddress is the form node addresses are compared in: host:port, lowercase,
// without the scheme or a trailing slash, "localhost" as 127.0.0.1, and the scheme's default
// port when none is given. Lit's SDK names a node by its URL as it connected to it
// (https://host:port); Lit's nodes compare it this way too.
func NormalizeNodeAddress(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	port := "443"
	if rest, ok := strings.CutPrefix(s, "https://"); ok {
		s = rest
	} else if rest, ok := strings.CutPrefix(s, "http://"); ok {
		s, port = rest, "80"
	}
	s = strings.TrimSuffix(s, "/")
	if s == "" || strings.ContainsAny(s, "/?#@ ") {
		return "", fmt.Errorf("%q is not a node address (https://host:port)", clip(s))
	}
	host, p, err := net.SplitHostPort(s)
	if err != nil {
		host, p = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]"), port
	}
	if host == "" {
		return "", fmt.Errorf("%q is not a node address (https://host:port)", clip(s))
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, p), nil
}

// parseSessionKey reads a session's ed25519 public key: 64 hex digits (0x allowed).
func parseSessionKey(s string) (ed25519.PublicKey, error) {
	b, err := parseHexField(s, ed25519.PublicKeySize)
	if err != nil {
		return nil, fmt.Errorf("want an ed25519 public key: %w", err)
	}
	return ed25519.PublicKey(b), nil
}

func parseHexField(s string, size int) ([]byte, error) {
	h := strings.TrimPrefix(s, "0x")
	if len(h) != 2*size {
		return nil, fmt.Errorf("%d hex digits, want %d", len(h), 2*size)
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return nil, errors.New("not hex")
	}
	return b, nil
}

// verifyEd25519Strict verifies as ed25519-dalek's verify_strict, which Lit's nodes use:
// besides the signature equation (Go's Verify, which already refuses a non-canonical s), the
// public key and R must be canonical encodings of points that are not of small order, so a
// signature cannot verify under a weak key for more than one message.
func verifyEd25519Strict(pub ed25519.PublicKey, msg, sig []byte) error {
	for _, p := range []struct {
		what string
		enc  []byte
	}{{"session key", pub}, {"signature's R", sig[:32]}} {
		pt, err := new(edwards25519.Point).SetBytes(p.enc)
		if err != nil || !bytes.Equal(pt.Bytes(), p.enc) {
			return fmt.Errorf("the %s is not a canonical curve point", p.what)
		}
		if new(edwards25519.Point).MultByCofactor(pt).Equal(edwards25519.NewIdentityPoint()) == 1 {
			return fmt.Errorf("the %s is a point of small order", p.what)
		}
	}
	if !ed25519.Verify(pub, msg, sig) {
		return errors.New("not the session key's signature of the signed message")
	}
	return nil
}

// SignSession signs a session message with the session's private key into a session
// signature for one node, as Lit's SDK does.
func SignSession(key ed25519.PrivateKey, m *SessionMessage) (*AuthSig, error) {
	pub, ok := key.Public().(ed25519.PublicKey)
	if !ok {
		return nil, errors.New("sign session: not an ed25519 key")
	}
	mm := *m
	if mm.SessionKey == "" {
		mm.SessionKey = hex.EncodeToString(pub)
	}
	msg, err := mm.Marshal()
	if err != nil {
		return nil, err
	}
	return &AuthSig{
		Sig:           hex.EncodeToString(ed25519.Sign(key, msg)),
		DerivedVia:    DerivedViaSession,
		SignedMessage: string(msg),
		Address:       hex.EncodeToString(pub),
		Algo:          AlgoEd25519,
	}, nil
}

// CapabilityOptions describe the capability NewCapability signs.
type CapabilityOptions struct {
	Domain  string        // default "localhost"
	ChainID uint64        // default 1
	TTL     time.Duration // time until expiration; default DefaultMaxLifetime
	Nonce   string        // default a fresh NewNonce (Lit's SDK uses the latest block hash)
	Now     time.Time     // issue time; default time.Now()
}

// NewCapability has the wallet key sign a capability for the session key: a SIWE message
// whose URI is lit:session:<session key hex> and whose ReCap grants the abilities, with the
// ReCap's statement, expiring after o.TTL.
func NewCapability(wallet *ecdsa.PrivateKey, session ed25519.PublicKey, grants []ResourceAbility, o CapabilityOptions) (*AuthSig, error) {
	rc, err := NewRecap(grants...)
	if err != nil {
		return nil, fmt.Errorf("new capability: %w", err)
	}
	if o.Domain == "" {
		o.Domain = "localhost"
	}
	if o.ChainID == 0 {
		o.ChainID = 1
	}
	if o.TTL == 0 {
		o.TTL = DefaultMaxLifetime
	}
	if o.TTL < 0 {
		return nil, fmt.Errorf("new capability: negative TTL %v", o.TTL)
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	now := o.Now.UTC().Truncate(time.Millisecond)
	return SignSIWE(wallet, &SIWEMessage{
		Domain:         o.Domain,
		Statement:      rc.Statement(),
		URI:            SessionURIPrefix + hex.EncodeToString(session),
		ChainID:        o.ChainID,
		Nonce:          o.Nonce,
		IssuedAt:       now,
		ExpirationTime: now.Add(o.TTL),
		Resources:      []string{rc.URN()},
	})
}
