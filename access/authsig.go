package access

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/api"
)

// The derivedVia values of the authSigs litmesh verifies, with Lit's names.
const (
	// DerivedViaPersonalSign is a wallet's EIP-191 personal_sign signature of the SIWE message.
	DerivedViaPersonalSign = "web3.eth.personal.sign"
	// DerivedViaEIP1271 is a smart-contract wallet's signature: the contract at the address
	// must answer isValidSignature(EIP-191 hash of the message, sig) with the EIP-1271 magic
	// value.
	DerivedViaEIP1271 = "EIP1271"
	// DerivedViaEIP1271SHA256 is DerivedViaEIP1271 over the SHA-256 of the message.
	DerivedViaEIP1271SHA256 = "EIP1271_SHA256"
)

// DefaultMaxLifetime is how long an authSig, session signature or capability may be valid
// (expiration minus issue time) unless the node's setting says otherwise.
const DefaultMaxLifetime = 24 * time.Hour

// MaxAuthSigSize bounds the JSON of one authSig ParseAuthSig reads, in bytes.
const MaxAuthSigSize = 32 << 10

// DefaultClockSkew is how far VerifyOptions tolerates clocks disagreeing by default.
const DefaultClockSkew = time.Minute

// AuthSig is Lit's authentication signature: a SIWE message and the wallet's EIP-191
// signature of it. Its JSON field names are Lit's.
type AuthSig struct {
	Sig           string `json:"sig"`
	DerivedVia    string `json:"derivedVia"`
	SignedMessage string `json:"signedMessage"`
	Address       string `json:"address"`
	// Algo is set by Lit only for session signatures ("ed25519") and network-signed
	// capabilities ("LIT_BLS").
	Algo string `json:"algo,omitempty"`
}

// LogValue keeps authSigs out of logs: only the claimed address is shown.
func (a AuthSig) LogValue() slog.Value {
	return slog.GroupValue(slog.String("address", a.Address))
}

func unauthorized(field, format string, args ...any) *api.Error {
	return api.Errorf(api.KindUnauthorized, "%s: %s", field, fmt.Sprintf(format, args...))
}

// ParseAuthSig reads an authSig from JSON strictly: an object with string fields sig,
// derivedVia, signedMessage, address (and optionally algo), nothing else. It checks the shape
// only; Verify checks the signature and the message. Errors are *api.Error of kind
// unauthorized naming the field.
func ParseAuthSig(data []byte) (*AuthSig, error) {
	if len(data) > MaxAuthSigSize {
		return nil, api.Errorf(api.KindTooLarge, "authSig: %d bytes, more than the limit of %d", len(data), MaxAuthSigSize)
	}
	v, err := decodeJSON(data)
	if err != nil {
		return nil, unauthorized("authSig", "%v", err)
	}
	return authSigFromTree(v)
}

// authSigFromTree reads an authSig from a decoded JSON value, as ParseAuthSig describes.
func authSigFromTree(v jsonValue) (*AuthSig, error) {
	if v.kind != jsonObject {
		return nil, unauthorized("authSig", "want an object, got %s", v.kind)
	}
	a := &AuthSig{}
	fields := map[string]*string{
		"sig": &a.Sig, "derivedVia": &a.DerivedVia, "signedMessage": &a.SignedMessage, "address": &a.Address, "algo": &a.Algo,
	}
	for _, m := range v.obj {
		dst, ok := fields[m.key]
		if !ok {
			return nil, unauthorized("authSig", "unknown field %q", m.key)
		}
		if m.val.kind == jsonNull && m.key == "algo" {
			continue
		}
		if m.val.kind != jsonString {
			return nil, unauthorized("authSig."+m.key, "want a string, got %s", m.val.kind)
		}
		*dst = m.val.str
	}
	for _, k := range []string{"sig", "derivedVia", "signedMessage", "address"} {
		if *fields[k] == "" {
			return nil, unauthorized("authSig."+k, "missing")
		}
	}
	return a, nil
}

// VerifyOptions are the node's expectations of an authSig. Zero values check nothing extra.
type VerifyOptions struct {
	// Domain, if set, must equal the message's domain (compared case-insensitively).
	Domain string
	// URI, if set, must equal the message's URI exactly. Unless it is a session key's
	// (lit:session:…, as VerifySessionSig sets for a capability), a message that delegates the
	// wallet's authority is refused: see checkNotDelegation.
	URI string
	// ChainIDs, if set, must contain the message's chain ID.
	ChainIDs []uint64
	// RequireExpiration refuses messages without an expiration time (which are valid forever).
	RequireExpiration bool
	// MaxLifetime, if set, refuses a message whose expiration is further than this after its
	// issue time.
	MaxLifetime time.Duration
	// Wallets asks smart-contract wallets whether they signed (EIP-1271). Nil refuses
	// contract-signed authSigs.
	Wallets ContractWallets
	// NetworkKey checks the network's signature of a PKP session capability (lit.bls); nil
	// refuses them. Only capabilities inside session signatures can be network-signed.
	NetworkKey NetworkKey
	// Now is the time to check against; zero means time.Now().
	Now time.Time
	// ClockSkew is how far issued-at and not-before may lie in the future, and how long after
	// its expiration a message is still taken. Zero means DefaultClockSkew; negative means none.
	ClockSkew time.Duration
}

// Auth is a verified authSig or session signature: the requester controls Address.
type Auth struct {
	// Address is the wallet that signed the authSig, or the session's capability.
	Address common.Address
	// Message is that wallet's SIWE message.
	Message *SIWEMessage
	// Session is set when the request came with a session signature.
	Session *Session
	// PKP is set when the capability was a PKP session's (lit.bls): Address is then the PKP's
	// address, and PKP says which PKP and what the nodes verified to sign it.
	PKP *PKPSession
}

// Subject is who conditions are evaluated for after this authentication.
func (a *Auth) Subject() Subject {
	return Subject{Address: a.Address, Resources: a.Message.Resources}
}

// Verify is VerifyContext without a context (contract wallets are then asked under
// context.Background()).
func (a *AuthSig) Verify(opts VerifyOptions) (*Auth, error) {
	return a.VerifyContext(context.Background(), opts)
}

// VerifyContext checks the authSig: derivedVia, the signature (an EIP-191 signature recovering
// the message's address, or for a smart-contract wallet its EIP-1271 answer), the address
// field matching the message's, the SIWE message (strictly parsed) and its times, and the
// expectations in opts. A plain authSig (opts.URI not a session key's) must be the wallet's own
// sign-in, not a capability it delegated to someone else (checkNotDelegation). Errors are
// *api.Error of kind unauthorized naming the field.
func (a *AuthSig) VerifyContext(ctx context.Context, opts VerifyOptions) (*Auth, error) {
	contract := false
	switch a.DerivedVia {
	case DerivedViaPersonalSign:
	case DerivedViaEIP1271, DerivedViaEIP1271SHA256:
		contract = true
	case DerivedViaSession:
		return nil, unauthorized("authSig.derivedVia", "%q is a session signature, which this check does not take", DerivedViaSession)
	default:
		return nil, unauthorized("authSig.derivedVia", "unsupported %q (want %q, %q or %q)", clip(a.DerivedVia), DerivedViaPersonalSign, DerivedViaEIP1271, DerivedViaEIP1271SHA256)
	}
	if a.Algo != "" {
		return nil, unauthorized("authSig.algo", "unsupported %q (a wallet's authSig has none)", clip(a.Algo))
	}
	claimed, ok := parseAddress(a.Address)
	if !ok {
		return nil, unauthorized("authSig.address", "want a 0x-prefixed 20-byte address, got %q", clip(a.Address))
	}
	var sig []byte
	var err error
	if contract {
		sig, err = parseContractSignature(a.Sig)
	} else {
		sig, err = parseSignature(a.Sig)
	}
	if err != nil {
		return nil, unauthorized("authSig.sig", "%v", err)
	}
	m, err := ParseSIWE(a.SignedMessage)
	if err != nil {
		var se *SIWEError
		if errors.As(err, &se) {
			return nil, unauthorized("authSig.signedMessage."+se.Field, "%s", se.Reason)
		}
		return nil, unauthorized("authSig.signedMessage", "%v", err)
	}
	if claimed != m.Address {
		return nil, unauthorized("authSig.address", "%s is not the signed message's address %s", claimed.Hex(), m.Address.Hex())
	}
	if err := checkSIWEFields(m, opts); err != nil {
		return nil, err
	}
	if contract {
		if err := verifyContractSig(ctx, opts.Wallets, a, m, sig); err != nil {
			return nil, err
		}
	} else {
		signer, err := recoverPersonalSigner(a.SignedMessage, sig)
		if err != nil {
			return nil, unauthorized("authSig.sig", "no key recovers from the signature")
		}
		if signer != m.Address {
			return nil, unauthorized("authSig.sig", "not a signature of the message by %s", m.Address.Hex())
		}
	}
	return &Auth{Address: m.Address, Message: m}, nil
}

// checkSIWEFields checks a parsed message against opts: domain, URI, chain, and its times.
func checkSIWEFields(m *SIWEMessage, opts VerifyOptions) error {
	if opts.Domain != "" && !strings.EqualFold(opts.Domain, m.Domain) {
		return unauthorized("authSig.signedMessage.domain", "%q is not this network's domain %q", m.Domain, opts.Domain)
	}
	if opts.URI != "" && opts.URI != m.URI {
		return unauthorized("authSig.signedMessage.uri", "%q is not %q", clip(m.URI), opts.URI)
	}
	if !strings.HasPrefix(opts.URI, SessionURIPrefix) {
		if err := checkNotDelegation(m); err != nil {
			return err
		}
	}
	if len(opts.ChainIDs) > 0 && !containsID(opts.ChainIDs, m.ChainID) {
		return unauthorized("authSig.signedMessage.chainId", "chain ID %d is not accepted (want one of %v)", m.ChainID, opts.ChainIDs)
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	skew := skewOf(opts.ClockSkew)
	const layout = time.RFC3339
	if m.IssuedAt.After(now.Add(skew)) {
		return unauthorized("authSig.signedMessage.issuedAt", "%s is in the future", m.IssuedAt.UTC().Format(layout))
	}
	if m.ExpirationTime.IsZero() && opts.RequireExpiration {
		why := "missing: this node takes only authSigs that expire"
		if opts.MaxLifetime > 0 {
			why += fmt.Sprintf(" (at most %s after they are issued)", opts.MaxLifetime)
		}
		return unauthorized("authSig.signedMessage.expirationTime", "%s", why)
	}
	if !m.ExpirationTime.IsZero() && now.After(m.ExpirationTime.Add(skew)) {
		return unauthorized("authSig.signedMessage.expirationTime", "expired at %s", m.ExpirationTime.UTC().Format(layout))
	}
	if !m.ExpirationTime.IsZero() && opts.MaxLifetime > 0 {
		if life := m.ExpirationTime.Sub(m.IssuedAt); life > opts.MaxLifetime {
			return unauthorized("authSig.signedMessage.expirationTime", "valid for %s after it was issued, longer than this node's maximum of %s", life.Round(time.Second), opts.MaxLifetime)
		}
	}
	if !m.NotBefore.IsZero() && m.NotBefore.After(now.Add(skew)) {
		return unauthorized("authSig.signedMessage.notBefore", "not valid before %s", m.NotBefore.UTC().Format(layout))
	}
	return nil
}

// delegatingURIs start the URIs of SIWE messages by which a wallet delegates its authority, as
// Lit's nodes list them: to a session key (lit:session:<key>), or Lit's capacity delegation
// (lit:capability:delegation). Compared case-insensitively, as URI schemes are.
var delegatingURIs = []string{"lit:session", "lit:capability:delegation"}

// checkNotDelegation refuses a message by which the wallet delegates its authority: a URI of
// delegatingURIs (Lit's nodes refuse these as top-level authSigs), or any ReCap resource (an
// EIP-5573 grant to the message's URI; stricter than Lit). Such a message is handed to its
// delegate — and, inside session signatures, to every node that serves them — so taken on its
// own as the wallet's sign-in it would be a bearer token for everything the wallet's address
// may do, whatever it grants.
func checkNotDelegation(m *SIWEMessage) error {
	const why = "a capability the wallet delegated, which nodes take only inside a session signature made by its session key; a plain authSig must be the wallet's own sign-in"
	uri := strings.ToLower(m.URI)
	for _, p := range delegatingURIs {
		if strings.HasPrefix(uri, p) {
			return unauthorized("authSig.signedMessage.uri", "%q makes this message %s", clip(m.URI), why)
		}
	}
	for i, r := range m.Resources {
		if len(r) >= len(RecapPrefix) && strings.EqualFold(r[:len(RecapPrefix)], RecapPrefix) {
			return unauthorized(fmt.Sprintf("authSig.signedMessage.resources[%d]", i), "a ReCap (%s…) makes this message %s", RecapPrefix, why)
		}
	}
	return nil
}

func skewOf(d time.Duration) time.Duration {
	switch {
	case d == 0:
		return DefaultClockSkew
	case d < 0:
		return 0
	}
	return d
}

func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// parseSignature reads a 65-byte 0x-hex signature r ‖ s ‖ v (v = 27/28 or 0/1) into the form
// go-ethereum's crypto wants (v = 0/1), refusing high-s (malleable) signatures.
func parseSignature(s string) ([]byte, error) {
	if len(s) != 132 || !strings.HasPrefix(s, "0x") {
		return nil, fmt.Errorf("want 0x followed by 130 hex digits (65 bytes), got %d characters", len(s))
	}
	sig, err := hex.DecodeString(s[2:])
	if err != nil {
		return nil, fmt.Errorf("not hex")
	}
	switch v := sig[64]; v {
	case 27, 28:
		sig[64] = v - 27
	case 0, 1:
	default:
		return nil, fmt.Errorf("recovery byte v = %d, want 27 or 28", v)
	}
	r := new(big.Int).SetBytes(sig[:32])
	sv := new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(sig[64], r, sv, true) {
		return nil, fmt.Errorf("r or s out of range (s must be in the lower half of the curve order)")
	}
	return sig, nil
}

// AuthSigOptions describe the SIWE message CreateAuthSig signs.
type AuthSigOptions struct {
	Domain    string        // default "localhost"
	URI       string        // default "https://localhost/"
	Statement string        // optional
	ChainID   uint64        // default 1
	TTL       time.Duration // time until expiration; default 24h
	Resources []string
	Now       time.Time // issue time; default time.Now()
}

// CreateAuthSig signs a fresh SIWE message with key: what a client (the CLI's --key) sends as
// its authSig.
func CreateAuthSig(key *ecdsa.PrivateKey, o AuthSigOptions) (*AuthSig, error) {
	if o.Domain == "" {
		o.Domain = "localhost"
	}
	if o.URI == "" {
		o.URI = "https://localhost/"
	}
	if o.ChainID == 0 {
		o.ChainID = 1
	}
	if o.TTL == 0 {
		o.TTL = 24 * time.Hour
	}
	if o.TTL < 0 {
		return nil, fmt.Errorf("create authSig: negative TTL %v", o.TTL)
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	now := o.Now.UTC().Truncate(time.Millisecond)
	return SignSIWE(key, &SIWEMessage{
		Domain:         o.Domain,
		Statement:      o.Statement,
		URI:            o.URI,
		ChainID:        o.ChainID,
		IssuedAt:       now,
		ExpirationTime: now.Add(o.TTL),
		Resources:      o.Resources,
	})
}

// SignSIWE signs m with key (EIP-191 personal_sign) into an authSig. A zero Address becomes the
// key's address, an empty Version "1", an empty Nonce a fresh NewNonce, a zero IssuedAt now; m
// itself is not modified. The message must be valid (ParseSIWE must accept its String).
func SignSIWE(key *ecdsa.PrivateKey, m *SIWEMessage) (*AuthSig, error) {
	msg := *m
	addr := crypto.PubkeyToAddress(key.PublicKey)
	if msg.Address == (common.Address{}) {
		msg.Address = addr
	} else if msg.Address != addr {
		return nil, fmt.Errorf("sign SIWE message: its address %s is not the key's %s", msg.Address.Hex(), addr.Hex())
	}
	if msg.Version == "" {
		msg.Version = "1"
	}
	if msg.Nonce == "" {
		msg.Nonce = NewNonce()
	}
	if msg.IssuedAt.IsZero() {
		msg.IssuedAt = time.Now().UTC().Truncate(time.Millisecond)
	}
	text := msg.String()
	if _, err := ParseSIWE(text); err != nil {
		return nil, fmt.Errorf("sign SIWE message: %w", err)
	}
	sig, err := crypto.Sign(accounts.TextHash([]byte(text)), key)
	if err != nil {
		return nil, fmt.Errorf("sign SIWE message: %w", err)
	}
	sig[64] += 27
	return &AuthSig{
		Sig:           "0x" + hex.EncodeToString(sig),
		DerivedVia:    DerivedViaPersonalSign,
		SignedMessage: text,
		Address:       addr.Hex(),
	}, nil
}

// NewNonce returns a random SIWE nonce: 26 base32 letters and digits (128 bits).
func NewNonce() string {
	return rand.Text()
}
