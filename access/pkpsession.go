package access

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/api"
)

// PKP session capabilities (Lit's getPkpSessionSigs / signSessionKey): a user proves an auth
// method of a PKP (an ID token, a passkey assertion, a custom Lit Action) to every node
// together with the SIWE capability it wants for a session key; each node checks the proof
// and that the auth method may use the PKP, then signs the capability with its share of the
// network's BLS root key. The combined signature makes a capability like a wallet's, with
// derivedVia "lit.bls": the session acts as the PKP's address.
//
// The root key signs, under Lit's proof-of-possession tag, both these capabilities and
// encryption identities, and a signature over an identity is that identity's decryption key.
// So a node never signs caller-chosen bytes with it here: only PKPSessionHash of a SIWE
// message it built itself, 32 bytes that cannot equal any lit-accesscontrolcondition://
// identity (those are longer).

// The constants of a PKP session capability, with Lit's values.
const (
	// DerivedViaBLS is the derivedVia of a capability signed by the network's BLS key.
	DerivedViaBLS = "lit.bls"
	// AlgoLitBLS is its algo.
	AlgoLitBLS = "LIT_BLS"
	// PrefixResolvedAuthContext is the resource under which nodes record, in the capability
	// they sign, the auth methods they verified (Lit's LIT_RESOURCE_PREFIX_RAC).
	PrefixResolvedAuthContext = "lit-resolvedauthcontext"
	// PKPSessionStatement starts the statement of Lit's PKP session capabilities.
	PKPSessionStatement = "Lit Protocol PKP session signature"
	// PKPSessionHashPrefix is what the SIWE message's EIP-191 hash is prefixed with, in hex,
	// before it is hashed again and signed (lit-peer's siwe_hash_to_bls_session_hash).
	PKPSessionHashPrefix = "lit_session:"
)

const (
	resolvedAuthResource = PrefixResolvedAuthContext + "://*"
	resolvedAuthAbility  = "Auth/Auth"
	authContextKey       = "auth_context" // Lit's LIT_RESOURCE_KEY_RAC
	pkpPublicKeyKey      = "pkpPublicKey" // litmesh's: which PKP the nodes checked
	// bindingDomain starts the text whose SHA-256 binds a proof to one request.
	bindingDomain = "litmesh sign_session_key v1\n"
)

// MaxPKPSessionAuthMethods bounds the auth methods of one sign_session_key request.
const MaxPKPSessionAuthMethods = 4

// PKPSessionHash is the message the network's BLS key signs for a PKP session capability:
// SHA-256 of "lit_session:" followed by the hex of the EIP-191 hash of the SIWE message, as
// Lit's nodes sign and its SDK verifies (validate-bls-session-sig.ts).
func PKPSessionHash(siwe string) [32]byte {
	h := accounts.TextHash([]byte(siwe))
	return sha256.Sum256([]byte(PKPSessionHashPrefix + hex.EncodeToString(h)))
}

// AuthMethodContext is one auth method a node verified for a sign_session_key request, as
// Lit.Auth.authMethodContexts shows it. UserID and AppID are Lit's: an ID token's subject and
// audience, a passkey's credential id (base64url) and "lit". AuthMethodID is litmesh's
// addition: the id the method has on chain, which nodes check again when the session is used.
type AuthMethodContext struct {
	UserID                       string `json:"userId"`
	AppID                        string `json:"appId"`
	AuthMethodType               uint64 `json:"authMethodType"`
	UsedForSignSessionKeyRequest bool   `json:"usedForSignSessionKeyRequest"`
	AuthMethodID                 string `json:"authMethodId,omitempty"` // 0x-hex
}

// AuthContext is what nodes verified when they signed a PKP session capability (Lit's
// AuthContext): the auth methods, and the custom auth action that granted it.
type AuthContext struct {
	ActionIPFSIDStack  []string            `json:"actionIpfsIdStack"`
	AuthMethodContexts []AuthMethodContext `json:"authMethodContexts"`
	CustomAuthResource string              `json:"customAuthResource"`
}

// PKPSessionRequest is a client's sign_session_key request after ParsePKPSessionRequest
// checked it: the SIWE capability it wants signed for one PKP.
type PKPSessionRequest struct {
	// Message is the client's SIWE message as parsed.
	Message *SIWEMessage
	// Recap is its ReCap: what the capability grants.
	Recap *Recap
	// PKPPublicKey is the PKP's uncompressed secp256k1 public key (65 bytes).
	PKPPublicKey []byte
	// TokenID is the PKP's token id, keccak256 of the public key.
	TokenID *big.Int
}

func pkpSessionErr(kind api.Kind, field, format string, args ...any) *api.Error {
	return api.Errorf(kind, "%s: %s", field, fmt.Sprintf(format, args...))
}

// PKPAddress is the Ethereum address of a PKP's uncompressed public key.
func PKPAddress(pub []byte) common.Address {
	return common.BytesToAddress(crypto.Keccak256(pub[1:])[12:])
}

// ParsePKPSessionPublicKey reads the pkpPublicKey of a request: the PKP's secp256k1 key,
// 0x04… uncompressed as Lit's SDK sends it (0x optional) or 33 bytes compressed. It returns
// the uncompressed form.
func ParsePKPSessionPublicKey(s string) ([]byte, error) {
	raw, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || (len(raw) != 65 && len(raw) != 33) {
		return nil, pkpSessionErr(api.KindBadRequest, "pkpPublicKey", "want the PKP's secp256k1 public key as hex (0x04…, 65 bytes), got %q", clip(s))
	}
	var pub []byte
	if len(raw) == 33 {
		k, err := crypto.DecompressPubkey(raw)
		if err != nil {
			return nil, pkpSessionErr(api.KindBadRequest, "pkpPublicKey", "not a secp256k1 point")
		}
		pub = crypto.FromECDSAPub(k)
	} else {
		k, err := crypto.UnmarshalPubkey(raw)
		if err != nil {
			return nil, pkpSessionErr(api.KindBadRequest, "pkpPublicKey", "not a secp256k1 point")
		}
		pub = crypto.FromECDSAPub(k)
	}
	return pub, nil
}

// PKPSessionOptions are what a node expects of a sign_session_key request.
type PKPSessionOptions struct {
	// MaxLifetime bounds the capability's expiration minus its issue time; zero means
	// DefaultMaxLifetime.
	MaxLifetime time.Duration
	// Now and ClockSkew as in VerifyOptions.
	Now       time.Time
	ClockSkew time.Duration
}

// ParsePKPSessionRequest checks a sign_session_key request before any proof is looked at:
// sessionKey is lit:session:<ed25519 key>; the SIWE message parses strictly, names that URI
// and the PKP's address, is in date and expires within the node's maximum lifetime; its only
// resource is one ReCap that grants something, on Lit resources, without restrictions or
// proofs, and claims nothing about auth contexts (only nodes write those). Errors are
// *api.Error naming the field.
func ParsePKPSessionRequest(sessionKey, siwe string, pkpPublicKey []byte, o PKPSessionOptions) (*PKPSessionRequest, error) {
	keyHex, ok := strings.CutPrefix(sessionKey, SessionURIPrefix)
	if !ok {
		return nil, pkpSessionErr(api.KindBadRequest, "sessionKey", "want %s<ed25519 public key hex>, got %q", SessionURIPrefix, clip(sessionKey))
	}
	if _, err := parseSessionKey(keyHex); err != nil || strings.HasPrefix(keyHex, "0x") {
		return nil, pkpSessionErr(api.KindBadRequest, "sessionKey", "want %s<64 hex digits>, got %q", SessionURIPrefix, clip(sessionKey))
	}
	m, err := ParseSIWE(siwe)
	if err != nil {
		var se *SIWEError
		if errors.As(err, &se) {
			return nil, pkpSessionErr(api.KindBadRequest, "siweMessage."+se.Field, "%s", se.Reason)
		}
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage", "%v", err)
	}
	if m.URI != sessionKey {
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.uri", "%q is not the request's sessionKey %q", clip(m.URI), clip(sessionKey))
	}
	addr := PKPAddress(pkpPublicKey)
	if m.Address != addr {
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.address", "%s is not the address %s of pkpPublicKey", m.Address.Hex(), addr.Hex())
	}
	maxLife := o.MaxLifetime
	if maxLife <= 0 {
		maxLife = DefaultMaxLifetime
	}
	if err := checkSIWEFields(m, VerifyOptions{URI: sessionKey, RequireExpiration: true, MaxLifetime: maxLife, Now: o.Now, ClockSkew: o.ClockSkew}); err != nil {
		var ae *api.Error
		if errors.As(err, &ae) {
			return nil, &api.Error{Kind: api.KindBadRequest, Message: strings.Replace(ae.Message, "authSig.signedMessage", "siweMessage", 1)}
		}
		return nil, err
	}
	if strings.Contains(m.Statement, PrefixResolvedAuthContext) {
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.statement", "names %s, which only nodes write", PrefixResolvedAuthContext)
	}
	if len(m.Resources) != 1 || !strings.HasPrefix(m.Resources[0], RecapPrefix) {
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.resources", "want exactly one ReCap (urn:recap:…), got %d resources", len(m.Resources))
	}
	rc, err := ParseRecap(m.Resources[0])
	if err != nil {
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.resources[0]", "%v", err)
	}
	if len(rc.Restricted) > 0 {
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.resources[0]", "grants with restrictions (nota bene) are not signed: litmesh does not interpret them")
	}
	if len(rc.Proofs) > 0 {
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.resources[0]", "proofs (prf) are not signed: a PKP session capability is not a delegation")
	}
	if len(rc.Att) == 0 {
		return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.resources[0]", "the ReCap grants nothing")
	}
	for key, abs := range rc.Att {
		res, err := ParseResource(key)
		if err != nil || res.Prefix == PrefixRateLimitIncrease {
			return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.resources[0]", "%q is not a resource a PKP session may be granted (lit-pkp, lit-litaction, lit-accesscontrolcondition)", clip(key))
		}
		for _, a := range abs {
			if !recapAbilityFits(res.Prefix, a) {
				return nil, pkpSessionErr(api.KindBadRequest, "siweMessage.resources[0]", "%q does not apply to %s", clip(a), clip(key))
			}
		}
	}
	tokenID := new(big.Int).SetBytes(crypto.Keccak256(pkpPublicKey))
	return &PKPSessionRequest{Message: m, Recap: rc, PKPPublicKey: pkpPublicKey, TokenID: tokenID}, nil
}

// recapAbilityFits: the ReCap abilities of Lit's resources (or the wildcard).
func recapAbilityFits(prefix, ability string) bool {
	if ability == "*/*" {
		return true
	}
	switch prefix {
	case PrefixAccessControlCondition:
		return ability == "Threshold/Decryption" || ability == "Threshold/Signing"
	case PrefixPKP:
		return ability == "Threshold/Signing"
	case PrefixLitAction:
		return ability == "Threshold/Execution"
	}
	return false
}

// The scopes of an auth method (PKPPermissions' AuthMethodScope).
const (
	ScopeSignAnything uint64 = 1
	ScopePersonalSign uint64 = 2
)

const decryptionAbility = "Threshold/Decryption"

// ScopeName names a scope as errors and docs write it.
func ScopeName(scope uint64) string {
	switch scope {
	case ScopeSignAnything:
		return "SignAnything (1)"
	case ScopePersonalSign:
		return "PersonalSign (2)"
	}
	return strconv.FormatUint(scope, 10)
}

// RequiredScope is the scope an auth method needs to be granted this capability: a session
// that may only decrypt acts as the PKP's address the way a personal-signed SIWE message
// would, so PersonalSign is enough; one that may sign with a PKP or run Lit Actions (which
// sign as the session's address) can have any hash signed, so it needs SignAnything.
func (r *PKPSessionRequest) RequiredScope() uint64 {
	return requiredScope(r.Recap.Att)
}

func requiredScope(att map[string][]string) uint64 {
	for key, abs := range att {
		res, err := ParseResource(key)
		if err != nil || res.Prefix != PrefixAccessControlCondition {
			return ScopeSignAnything
		}
		for _, a := range abs {
			if a != decryptionAbility {
				return ScopeSignAnything
			}
		}
	}
	return ScopePersonalSign
}

// RequiredScopeFor is the scope an auth method needs for one request made with a PKP
// session: PersonalSign to decrypt, SignAnything for everything else.
func RequiredScopeFor(req ResourceAbility) uint64 {
	if req.Ability == AbilityDecryption {
		return ScopePersonalSign
	}
	return ScopeSignAnything
}

// Binding is the value an auth method's proof must carry to be taken for this request: the
// OIDC nonce (as 64 lowercase hex digits) or the WebAuthn challenge (the 32 bytes). It is
// SHA-256 of
//
//	"litmesh sign_session_key v1\n"
//	"uri: " <the SIWE URI, lit:session:<session key hex>> "\n"
//	"address: " <the SIWE address, as written (EIP-55)> "\n"
//	"expiration: " <the SIWE Expiration Time, as written> "\n"
//	"resources: " <the SIWE resources, as written, separated by one space>
//
// so a proof is good for one session key, one PKP, one ReCap and one expiration: whoever
// sees it (a proxy, a node) cannot use it for a session key of their own.
func (r *PKPSessionRequest) Binding() [32]byte {
	return sessionBinding(r.Message)
}

func sessionBinding(m *SIWEMessage) [32]byte {
	var b strings.Builder
	b.WriteString(bindingDomain)
	b.WriteString("uri: " + m.URI + "\n")
	b.WriteString("address: " + m.Address.Hex() + "\n")
	b.WriteString("expiration: " + timeText(m.ExpirationTime, m.expirationText) + "\n")
	b.WriteString("resources: " + strings.Join(m.Resources, " "))
	return sha256.Sum256([]byte(b.String()))
}

// SessionBinding is Binding for a SIWE message text (what a client computes before it asks
// for the proof). The message must parse.
func SessionBinding(siwe string) ([32]byte, error) {
	m, err := ParseSIWE(siwe)
	if err != nil {
		return [32]byte{}, err
	}
	return sessionBinding(m), nil
}

// BindingNonce is the OIDC nonce form of a binding: lowercase hex.
func BindingNonce(b [32]byte) string { return hex.EncodeToString(b[:]) }

// SignedMessage is the SIWE message every node signs for this request with the auth methods
// it verified: the client's message with one ReCap that adds, to the client's grants, Auth/Auth
// on lit-resolvedauthcontext://* carrying the auth context (Lit's form) and the PKP's public
// key, and the statement extended with that ReCap's statement (as siwe-recap writes it).
// Every node that verified the same proofs writes the same bytes, so their signature shares
// combine.
func (r *PKPSessionRequest) SignedMessage(ac AuthContext) (string, error) {
	nb, err := authNotaBene(ac, r.PKPPublicKey)
	if err != nil {
		return "", err
	}
	merged := &Recap{Att: r.Recap.Att, Restricted: map[string][]string{resolvedAuthResource: {resolvedAuthAbility}}}
	urn := mergedRecapURN(r.Recap.Att, nb)
	if len(urn) > MaxRecapSize {
		return "", pkpSessionErr(api.KindBadRequest, "authMethods", "the verified auth context makes a ReCap of %d bytes, over the %d-byte limit", len(urn), MaxRecapSize)
	}
	m := *r.Message
	if m.Statement == "" {
		m.Statement = merged.Statement()
	} else {
		m.Statement += " " + merged.Statement()
	}
	if err := checkStatement(m.Statement); err != nil {
		return "", pkpSessionErr(api.KindBadRequest, "siweMessage.statement", "%v", err)
	}
	m.Resources = []string{urn}
	out := m.String()
	if _, err := ParseSIWE(out); err != nil {
		return "", pkpSessionErr(api.KindBadRequest, "siweMessage", "the message to sign would not parse: %v", err)
	}
	return out, nil
}

// authNotaBene is the nota bene of the Auth/Auth grant, canonical JSON (sorted keys, no
// spaces): {"auth_context": <Lit's AuthContext>, "pkpPublicKey": "0x04…"}.
func authNotaBene(ac AuthContext, pkpPub []byte) (string, error) {
	var b strings.Builder
	b.WriteString(`{"auth_context":{"actionIpfsIdStack":[`)
	for i, id := range ac.ActionIPFSIDStack {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jcsString(id))
	}
	b.WriteString(`],"authMethodContexts":[`)
	for i, c := range ac.AuthMethodContexts {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"appId":` + jcsString(c.AppID))
		if c.AuthMethodID != "" {
			b.WriteString(`,"authMethodId":` + jcsString(c.AuthMethodID))
		}
		b.WriteString(`,"authMethodType":` + strconv.FormatUint(c.AuthMethodType, 10))
		b.WriteString(`,"usedForSignSessionKeyRequest":` + strconv.FormatBool(c.UsedForSignSessionKeyRequest))
		b.WriteString(`,"userId":` + jcsString(c.UserID) + `}`)
	}
	b.WriteString(`],"authSigAddress":null,"customAuthResource":` + jcsString(ac.CustomAuthResource) + `,"resources":[]}`)
	b.WriteString(`,"pkpPublicKey":` + jcsString("0x"+hex.EncodeToString(pkpPub)) + `}`)
	return b.String(), nil
}

// mergedRecapURN writes the ReCap of the signed message: the client's unrestricted grants
// and the auth context, canonical JSON (RFC 8785), unpadded base64url.
func mergedRecapURN(att map[string][]string, nb string) string {
	resources := make([]string, 0, len(att)+1)
	for res := range att {
		resources = append(resources, res)
	}
	resources = append(resources, resolvedAuthResource)
	slices.Sort(resources)
	var b strings.Builder
	b.WriteString(`{"att":{`)
	for i, res := range resources {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jcsString(res) + ":{")
		if res == resolvedAuthResource {
			b.WriteString(jcsString(resolvedAuthAbility) + ":[" + nb + "]}")
			continue
		}
		abs := slices.Clone(att[res])
		slices.Sort(abs)
		for j, a := range abs {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(jcsString(a) + ":[{}]")
		}
		b.WriteByte('}')
	}
	b.WriteString(`},"prf":[]}`)
	return RecapPrefix + base64.RawURLEncoding.EncodeToString([]byte(b.String()))
}

// PKPSession is what a verified lit.bls capability establishes: the session acts as the PKP,
// on the strength of the auth methods the nodes verified when they signed it.
type PKPSession struct {
	// PublicKey is the PKP's uncompressed public key; TokenID its token id.
	PublicKey []byte
	TokenID   *big.Int
	// AuthContext is what the nodes verified.
	AuthContext AuthContext
}

// NetworkKey verifies signatures of the network's BLS root key under Lit's
// proof-of-possession tag: the node hands access its root public key this way.
type NetworkKey interface {
	VerifyNetworkSignature(msg, sig []byte) error
}

// MaxBLSCapabilitySig bounds the sig field of a lit.bls capability.
const maxBLSCapabilitySig = 512

// verifyBLSCapability checks a capability the network signed (lit.bls): algo, the
// {"ProofOfPossession": hex} signature of PKPSessionHash(message) by the network's root key,
// the SIWE message (strictly parsed, in date, within the lifetime, its URI naming this session
// key), address equal to the message's, and the auth context nodes recorded in it, whose PKP
// must be the message's address.
func verifyBLSCapability(c *AuthSig, key NetworkKey, vo VerifyOptions) (*Auth, error) {
	if c.Algo != AlgoLitBLS {
		return nil, unauthorized("authSig.algo", "a %s capability has algo %q, got %q", DerivedViaBLS, AlgoLitBLS, clip(c.Algo))
	}
	if key == nil {
		return nil, unauthorized("authSig.derivedVia", "this node cannot check network-signed (%s) capabilities: it holds no network key yet", DerivedViaBLS)
	}
	sig, err := parseBLSCapabilitySig(c.Sig)
	if err != nil {
		return nil, unauthorized("authSig.sig", "%v", err)
	}
	m, err := ParseSIWE(c.SignedMessage)
	if err != nil {
		var se *SIWEError
		if errors.As(err, &se) {
			return nil, unauthorized("authSig.signedMessage."+se.Field, "%s", se.Reason)
		}
		return nil, unauthorized("authSig.signedMessage", "%v", err)
	}
	claimed, ok := parseAddress(c.Address)
	if !ok || claimed != m.Address {
		return nil, unauthorized("authSig.address", "%q is not the signed message's address %s", clip(c.Address), m.Address.Hex())
	}
	if err := checkSIWEFields(m, vo); err != nil {
		return nil, err
	}
	h := PKPSessionHash(c.SignedMessage)
	if err := key.VerifyNetworkSignature(h[:], sig); err != nil {
		return nil, unauthorized("authSig.sig", "not the network's signature of the capability: %v", err)
	}
	ps, err := pkpSessionOf(m)
	if err != nil {
		return nil, unauthorized("authSig.signedMessage.resources", "%v", err)
	}
	return &Auth{Address: m.Address, Message: m, PKP: ps}, nil
}

// parseBLSCapabilitySig reads the sig of a lit.bls capability: the JSON string
// {"ProofOfPossession": "<hex of the 96-byte signature>"} Lit's SDK writes.
func parseBLSCapabilitySig(s string) ([]byte, error) {
	if len(s) > maxBLSCapabilitySig {
		return nil, fmt.Errorf("%d bytes, over %d", len(s), maxBLSCapabilitySig)
	}
	v, err := decodeJSON([]byte(s))
	if err != nil || v.kind != jsonObject || len(v.obj) != 1 || v.obj[0].key != "ProofOfPossession" || v.obj[0].val.kind != jsonString {
		return nil, errors.New(`want the JSON {"ProofOfPossession": "<signature hex>"}`)
	}
	raw, err := hex.DecodeString(strings.TrimPrefix(v.obj[0].val.str, "0x"))
	if err != nil || len(raw) != 96 {
		return nil, errors.New("ProofOfPossession: want a 96-byte BLS signature in hex")
	}
	return raw, nil
}

// pkpSessionOf reads the auth context the nodes recorded in a lit.bls capability: exactly one
// ReCap, whose Auth/Auth grant on lit-resolvedauthcontext://* carries it, for a PKP whose
// address is the message's.
func pkpSessionOf(m *SIWEMessage) (*PKPSession, error) {
	var urn string
	for _, r := range m.Resources {
		if strings.HasPrefix(r, RecapPrefix) {
			if urn != "" {
				return nil, errors.New("more than one ReCap")
			}
			urn = r
		}
	}
	if urn == "" {
		return nil, errors.New("no ReCap")
	}
	raw, err := base64.RawURLEncoding.Strict().DecodeString(strings.TrimPrefix(urn, RecapPrefix))
	if err != nil {
		return nil, errors.New("the ReCap is not unpadded base64url")
	}
	var rc struct {
		Att map[string]map[string][]json.RawMessage `json:"att"`
	}
	if err := json.Unmarshal(raw, &rc); err != nil {
		return nil, fmt.Errorf("the ReCap: %w", err)
	}
	nbs := rc.Att[resolvedAuthResource][resolvedAuthAbility]
	if len(nbs) != 1 {
		return nil, fmt.Errorf("no auth context (%s on %s)", resolvedAuthAbility, resolvedAuthResource)
	}
	var nb struct {
		AuthContext  *AuthContext `json:"auth_context"`
		PKPPublicKey string       `json:"pkpPublicKey"`
	}
	if err := json.Unmarshal(nbs[0], &nb); err != nil || nb.AuthContext == nil {
		return nil, errors.New("the auth context does not parse")
	}
	pub, err := ParsePKPSessionPublicKey(nb.PKPPublicKey)
	if err != nil {
		return nil, errors.New("the auth context names no PKP public key")
	}
	if PKPAddress(pub) != m.Address {
		return nil, fmt.Errorf("the auth context is for PKP %s, the message for %s", PKPAddress(pub).Hex(), m.Address.Hex())
	}
	return &PKPSession{PublicKey: pub, TokenID: new(big.Int).SetBytes(crypto.Keccak256(pub)), AuthContext: *nb.AuthContext}, nil
}

// PKPSessionMessageOptions describe the capability NewPKPSessionMessage writes.
type PKPSessionMessageOptions struct {
	Domain  string        // default "localhost"
	ChainID uint64        // default 1
	TTL     time.Duration // time until expiration; default 15 minutes
	Nonce   string        // default a fresh NewNonce (Lit's SDK uses the latest block hash)
	Now     time.Time     // issue time; default time.Now()
}

// NewPKPSessionMessage writes the SIWE capability a client asks the nodes to sign for a PKP
// session (what Lit's SDK builds in signSessionKey): the PKP's address, URI
// lit:session:<session key hex>, Lit's statement followed by the ReCap's, and a ReCap granting
// the abilities. Its Binding (SessionBinding) is what the auth method's proof must carry.
func NewPKPSessionMessage(session []byte, pkpPublicKey []byte, grants []ResourceAbility, o PKPSessionMessageOptions) (string, error) {
	if len(session) != 32 {
		return "", errors.New("new pkp session message: the session key must be an ed25519 public key")
	}
	pub, err := ParsePKPSessionPublicKey(hex.EncodeToString(pkpPublicKey))
	if err != nil {
		return "", fmt.Errorf("new pkp session message: %w", err)
	}
	rc, err := NewRecap(grants...)
	if err != nil {
		return "", fmt.Errorf("new pkp session message: %w", err)
	}
	if len(rc.Att) == 0 {
		return "", errors.New("new pkp session message: no grants")
	}
	if o.Domain == "" {
		o.Domain = "localhost"
	}
	if o.ChainID == 0 {
		o.ChainID = 1
	}
	if o.TTL == 0 {
		o.TTL = 15 * time.Minute
	}
	if o.TTL < 0 {
		return "", fmt.Errorf("new pkp session message: negative TTL %v", o.TTL)
	}
	if o.Nonce == "" {
		o.Nonce = NewNonce()
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	now := o.Now.UTC().Truncate(time.Millisecond)
	m := &SIWEMessage{
		Domain:         o.Domain,
		Address:        PKPAddress(pub),
		Statement:      PKPSessionStatement + " " + rc.Statement(),
		URI:            SessionURIPrefix + hex.EncodeToString(session),
		Version:        "1",
		ChainID:        o.ChainID,
		Nonce:          o.Nonce,
		IssuedAt:       now,
		ExpirationTime: now.Add(o.TTL),
		Resources:      []string{rc.URN()},
	}
	text := m.String()
	if _, err := ParseSIWE(text); err != nil {
		return "", fmt.Errorf("new pkp session message: %w", err)
	}
	return text, nil
}

// PKPSessionAuthContext reads the auth context nodes recorded in a PKP session capability
// they signed (the SIWE message text), checking it is for the PKP with public key pkpPublicKey
// (uncompressed). Clients use it to check what the nodes signed; nodes verify capabilities
// with VerifySessionSig.
func PKPSessionAuthContext(siwe string, pkpPublicKey []byte) (*AuthContext, error) {
	m, err := ParseSIWE(siwe)
	if err != nil {
		return nil, fmt.Errorf("pkp session capability: %w", err)
	}
	ps, err := pkpSessionOf(m)
	if err != nil {
		return nil, fmt.Errorf("pkp session capability: %w", err)
	}
	if string(ps.PublicKey) != string(pkpPublicKey) {
		return nil, errors.New("pkp session capability: the auth context names another PKP")
	}
	return &ps.AuthContext, nil
}
