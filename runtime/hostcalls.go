package runtime

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/crypto/sha3"
)

// Errors of these kinds reach the action as a RangeError or a TypeError (Lit's argument checks
// throw RangeError "X must not be empty"); like kindHostCall they are the call's failure only.
const (
	kindRangeError ErrorKind = "range_error"
	kindTypeError  ErrorKind = "type_error"
)

func rangeErrorf(format string, args ...any) *Error {
	return &Error{Kind: kindRangeError, Message: fmt.Sprintf(format, args...)}
}

// Bounds on host call arguments beyond the frame limits.
const (
	maxToSign      = 64 << 10 // bytes to sign (a hash for ECDSA; a message for ethPersonalSign)
	maxCoordValue  = 1 << 20  // one runOnce or broadcastAndCollect value
	maxScopeID     = 256      // getPermittedAuthMethodScopes' maxScopeId
	maxEncryptData = 16 << 20 // what one Lit.Actions.encrypt may encrypt
)

// litSchemes are the signing schemes Lit's node knows (lit-node-core SigningScheme).
var litSchemes = []string{
	"EcdsaK256Sha256", "EcdsaP256Sha256", "EcdsaP384Sha384",
	"SchnorrEd25519Sha512", "SchnorrK256Sha256", "SchnorrP256Sha256", "SchnorrP384Sha384",
	"SchnorrRistretto25519Sha512", "SchnorrEd448Shake256", "SchnorrRedJubjubBlake2b512",
	"SchnorrK256Taproot", "SchnorrRedDecaf377Blake2b512", "SchnorrkelSubstrate",
	"Bls12381G1ProofOfPossession",
	// litmesh's name for its BLS PKPs' ciphersuite (docs/schemes.md: the node refuses Lit's
	// proof-of-possession name for PKPs and says why).
	"Bls12381G1MessageAugmentation",
}

// decodeArgs decodes a call's JSON arguments strictly.
func decodeArgs(args json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(args))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("arguments: %w", err)
	}
	return nil
}

func valueMsg(v any) (message, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return message{}, err
	}
	return message{Reply: &replyMsg{Value: b}}, nil
}

func (f *callFrame) action() Frame { return Frame{IPFSID: f.ipfsID, Stack: slices.Clone(f.stack)} }

func rootStack(ipfsID string) []string {
	if ipfsID == "" {
		return nil
	}
	return []string{ipfsID}
}

// count adds one to a counter under the lock and reports whether it went over max.
func (s *session) count(n *int, limit int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	*n++
	return *n > limit
}

func (s *session) broadcast() error {
	if s.count(&s.broadcasts, s.lim.MaxBroadcasts) {
		return s.violate(errorf(KindTooManyBroadcasts,
			"You may not use broadcast and collect functionality more than %d times per session and you have attempted to exceed that limit.", s.lim.MaxBroadcasts))
	}
	return nil
}

// call checks one host call of frame f against the limits and performs it. seq is, for a
// signing, how many earlier signings of this execution used its sigName.
func (s *session) call(c *callMsg, f *callFrame, seq int, body []byte) (message, error) {
	if s.count(&s.calls, s.lim.MaxHostCalls) {
		return message{}, s.violate(errorf(KindTooManyCalls, "more than %d calls out of the sandbox", s.lim.MaxHostCalls))
	}
	switch c.Op {
	case opFetch:
		v, b, err := s.fetch(c.Args, body)
		if err != nil {
			return message{}, err
		}
		m := message{Reply: &replyMsg{Value: v}}
		if b != nil {
			m.parts = [][]byte{b}
		}
		return m, nil
	case opSign:
		return s.sign(c.Args, f, seq)
	case opCheckConditions:
		return s.checkConditions(c.Args, f)
	case opGetRPCURL:
		var a struct {
			Chain string `json:"chain"`
		}
		if err := decodeArgs(c.Args, &a); err != nil {
			return message{}, err
		}
		if len(a.Chain) > maxShortArg {
			return message{}, errors.New("chain is too long")
		}
		u, err := s.host.RPCURL(s.ctx, a.Chain)
		if err != nil {
			// As Lit: an unknown chain resolves to an error string rather than rejecting.
			u = "Error getting RPC URL: " + err.Error()
		}
		return valueMsg(u)
	case opPermissions:
		return s.permissions(c.Args)
	case opChain:
		return s.chain(c.Args)
	case opEncrypt:
		return s.encrypt(c.Args, body)
	case opDecrypt:
		return s.decrypt(c.Args, f)
	case opClaimKey:
		return s.claimKey(c.Args, f)
	case opActionKey:
		return s.actionKey(c.Args)
	case opCoordinate:
		return s.coordinate(c.Args, body)
	case opCall:
		return s.startChild(c, f)
	}
	return message{}, fmt.Errorf("unknown host call %q", c.Op) // decodeHeader lets only known ops through
}

// sigUse records one use of a signing call's sigName and returns how many came before it.
func (s *session) sigUse(args json.RawMessage) int {
	var a struct {
		SigName string `json:"sigName"`
	}
	_ = json.Unmarshal(args, &a) // a malformed call fails in sign
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.sigUses[a.SigName]
	s.sigUses[a.SigName]++
	return n
}

func (s *session) endFrame(id uint64) {
	if id == 0 {
		return
	}
	s.mu.Lock()
	delete(s.frames, id)
	s.mu.Unlock()
}

// ethMessageHash is EIP-191's hash of a personal message, what ethPersonalSignMessageEcdsa signs.
func ethMessageHash(msg []byte) []byte {
	h := sha3.NewLegacyKeccak256()
	fmt.Fprintf(h, "\x19Ethereum Signed Message:\n%d", len(msg))
	h.Write(msg)
	return h.Sum(nil)
}

func (s *session) sign(args json.RawMessage, f *callFrame, seq int) (message, error) {
	var a struct {
		ToSign    string   `json:"toSign"`
		PublicKey string   `json:"publicKey"`
		SigName   string   `json:"sigName"`
		Scheme    string   `json:"scheme"`
		Mode      SignMode `json:"mode"`
		Personal  bool     `json:"personal"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	switch a.Mode {
	case SignShare, SignCombine, SignAsAction:
	default:
		return message{}, fmt.Errorf("unknown signing mode %q", a.Mode)
	}
	toSign, err := hex.DecodeString(a.ToSign)
	switch {
	case err != nil || len(a.ToSign) > 2*maxToSign:
		return message{}, errors.New("toSign must be bytes of at most 64 KiB")
	case len(toSign) == 0:
		return message{}, rangeErrorf("toSign must not be empty")
	case a.Mode != SignAsAction && strings.TrimSpace(a.PublicKey) == "":
		return message{}, rangeErrorf("publicKey must not be blank")
	case strings.TrimSpace(a.SigName) == "":
		return message{}, rangeErrorf("sigName must not be blank")
	case len(a.PublicKey) > maxShortArg || len(a.SigName) > maxShortArg:
		return message{}, errors.New("publicKey and sigName must be at most 1024 bytes")
	case !slices.Contains(litSchemes, a.Scheme):
		return message{}, rangeErrorf("signingScheme must be one of: %s", strings.Join(litSchemes, ", "))
	}
	scope := ScopeSignAnything
	if a.Personal {
		toSign, scope = ethMessageHash(toSign), ScopeSignPersonalMessage
	}
	if a.Scheme == SchemeEcdsaK256 && len(toSign) != 32 {
		return message{}, errors.New("Message length to be signed is not 32 bytes.  Please hash it before sending it to the node to sign.  You can use SHA256 or Keccak256 for example") //nolint:staticcheck // Lit's text
	}
	if s.count(&s.signings, s.lim.MaxSignatures) {
		return message{}, s.violate(errorf(KindTooManySignatures,
			"more than %d signatures: You may not sign more than %d times per session and you have attempted to exceed that limit.", s.lim.MaxSignatures, s.lim.MaxSignatures))
	}
	if a.Mode != SignShare {
		if err := s.broadcast(); err != nil {
			return message{}, err
		}
	}
	res, err := s.host.Sign(s.ctx, SignRequest{
		ToSign: toSign, PublicKey: a.PublicKey, SigName: a.SigName, Seq: seq, Scheme: a.Scheme, Scope: scope,
		Mode: a.Mode, Action: f.action(), Auth: s.req.Auth,
	})
	if err != nil {
		return message{}, err
	}
	if a.Mode != SignShare {
		return valueMsg(res.Combined)
	}
	if res.Share == nil {
		// This node is not one of the signature's signers: the others' shares make it.
		return valueMsg("success")
	}
	if !json.Valid(res.Share) {
		return message{}, errors.New("the node produced an invalid signature share")
	}
	s.mu.Lock()
	s.signatures[a.SigName] = res.Share // a repeated sigName replaces the earlier share, as on Lit
	s.mu.Unlock()
	return valueMsg("success")
}

func (s *session) checkConditions(args json.RawMessage, f *callFrame) (message, error) {
	var a struct {
		Conditions json.RawMessage `json:"conditions"`
		AuthSig    json.RawMessage `json:"authSig"`
		Chain      string          `json:"chain"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	if len(a.Conditions) == 0 || a.Conditions[0] != '[' {
		return message{}, errors.New("conditions must be an array")
	}
	if string(a.Conditions) == "[]" {
		return message{}, rangeErrorf("conditions must not be empty")
	}
	if len(a.Chain) > maxShortArg {
		return message{}, errors.New("chain is too long")
	}
	ok, err := s.host.CheckConditions(s.ctx, ConditionsRequest{Conditions: a.Conditions, AuthSig: a.AuthSig, Chain: a.Chain, Action: f.action(), Auth: s.req.Auth})
	if err != nil {
		return message{}, err
	}
	return valueMsg(ok)
}

// isU256 reports whether s is a uint256 in decimal or 0x-hex, as Lit's ensure_u256 wants.
func isU256(s string) bool {
	base := 10
	if rest, ok := strings.CutPrefix(s, "0x"); ok {
		s, base = rest, 16
	}
	if s == "" || len(s) > 80 || strings.ContainsAny(s, "+-_ ") {
		return false
	}
	n, ok := new(big.Int).SetString(s, base)
	return ok && n.BitLen() <= 256
}

var permissionMethods = []string{
	"isPermittedAction", "isPermittedAddress", "isPermittedAuthMethod",
	"getPermittedActions", "getPermittedAddresses", "getPermittedAuthMethods", "getPermittedAuthMethodScopes",
}

func (s *session) permissions(args json.RawMessage) (message, error) {
	var a struct {
		Method         string `json:"method"`
		TokenID        string `json:"tokenId"`
		Arg            string `json:"arg"`
		AuthMethodType string `json:"authMethodType"`
		UserID         string `json:"userId"`
		MaxScopeID     int    `json:"maxScopeId"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	if !slices.Contains(permissionMethods, a.Method) {
		return message{}, rangeErrorf("method must be one of: %s", strings.Join(permissionMethods, ", "))
	}
	if strings.TrimSpace(a.TokenID) == "" {
		return message{}, rangeErrorf("tokenId must not be blank")
	}
	if !isU256(a.TokenID) {
		return message{}, rangeErrorf("tokenId must be a valid U256 string")
	}
	req := PermissionsRequest{Method: a.Method, TokenID: a.TokenID, Arg: a.Arg, MaxScopeID: a.MaxScopeID}
	switch a.Method {
	case "isPermittedAction", "isPermittedAddress":
		if a.Arg == "" {
			return message{}, rangeErrorf("params must not be empty")
		}
		if len(a.Arg) > maxShortArg {
			return message{}, errors.New("the argument is too long")
		}
	case "isPermittedAuthMethod", "getPermittedAuthMethodScopes":
		if !isU256(a.AuthMethodType) {
			return message{}, rangeErrorf("authMethodType must be a valid U256 string")
		}
		id, err := hex.DecodeString(a.UserID)
		if err != nil || len(id) > maxShortArg {
			return message{}, errors.New("userId must be bytes of at most 1024")
		}
		if len(id) == 0 {
			return message{}, rangeErrorf("userId must not be empty")
		}
		if a.MaxScopeID < 0 || a.MaxScopeID > maxScopeID {
			return message{}, rangeErrorf("maxScopeId must be between 0 and %d", maxScopeID)
		}
		req.AuthMethodType, req.UserID = a.AuthMethodType, id
	}
	v, err := s.host.Permissions(s.ctx, req)
	if err != nil {
		return message{}, err
	}
	if !json.Valid(v) {
		return message{}, errors.New("the node answered invalid JSON")
	}
	return message{Reply: &replyMsg{Value: v}}, nil
}

var hexAddress = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

func (s *session) chain(args json.RawMessage) (message, error) {
	var a struct {
		Op      string `json:"op"`
		Chain   string `json:"chain"`
		Txn     string `json:"txn"`
		Address string `json:"address"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	if strings.TrimSpace(a.Chain) == "" {
		return message{}, rangeErrorf("chain must not be blank")
	}
	if len(a.Chain) > maxShortArg {
		return message{}, errors.New("chain is too long")
	}
	req := ChainRequest{Chain: a.Chain}
	switch a.Op {
	case "callContract":
		if strings.TrimSpace(a.Txn) == "" {
			return message{}, rangeErrorf("txn must not be blank")
		}
		txn, err := hex.DecodeString(strings.TrimPrefix(a.Txn, "0x"))
		if err != nil || len(txn) > maxToSign {
			return message{}, errors.New("txn must be the RLP-encoded transaction as hex, at most 64 KiB")
		}
		if s.count(&s.contracts, s.lim.MaxContracts) {
			return message{}, s.violate(errorf(KindTooManyContracts,
				"You may not invoke contract calls more than %d times per session and you have attempted to exceed that limit.", s.lim.MaxContracts))
		}
		req.Txn = txn
	case "getLatestNonce":
		if !hexAddress.MatchString(a.Address) {
			return message{}, fmt.Errorf("address %q is not a 0x-prefixed 20-byte hex address", clipString(a.Address))
		}
		req.Address = a.Address
	default:
		return message{}, fmt.Errorf("unknown chain call %q", a.Op)
	}
	v, err := s.host.Chain(s.ctx, req)
	if err != nil {
		return message{}, err
	}
	return valueMsg(v)
}

func (s *session) encrypt(args json.RawMessage, body []byte) (message, error) {
	var a struct {
		Conditions json.RawMessage `json:"conditions"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	if len(a.Conditions) == 0 || a.Conditions[0] != '[' {
		return message{}, errors.New("accessControlConditions must be an array")
	}
	data, err := hex.DecodeString(string(body))
	if err != nil {
		return message{}, errors.New("to_encrypt must be bytes")
	}
	if len(data) > maxEncryptData {
		return message{}, fmt.Errorf("to_encrypt is %d bytes, over the %d-byte limit", len(data), maxEncryptData)
	}
	res, err := s.host.Encrypt(s.ctx, EncryptRequest{Conditions: a.Conditions, Data: data})
	if err != nil {
		return message{}, err
	}
	return valueMsg(res)
}

func (s *session) decrypt(args json.RawMessage, f *callFrame) (message, error) {
	var a struct {
		Conditions        json.RawMessage `json:"conditions"`
		Ciphertext        string          `json:"ciphertext"`
		DataToEncryptHash string          `json:"dataToEncryptHash"`
		AuthSig           json.RawMessage `json:"authSig"`
		Chain             string          `json:"chain"`
		Single            bool            `json:"single"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	switch {
	case len(a.Conditions) == 0 || a.Conditions[0] != '[':
		return message{}, errors.New("accessControlConditions must be an array")
	case strings.TrimSpace(a.Ciphertext) == "":
		return message{}, rangeErrorf("ciphertext must not be blank")
	case strings.TrimSpace(a.DataToEncryptHash) == "":
		return message{}, rangeErrorf("dataToEncryptHash must not be blank")
	case len(a.DataToEncryptHash) > maxShortArg || len(a.Chain) > maxShortArg:
		return message{}, errors.New("dataToEncryptHash and chain must be at most 1024 bytes")
	}
	if err := s.broadcast(); err != nil {
		return message{}, err
	}
	v, err := s.host.Decrypt(s.ctx, DecryptRequest{
		Conditions: a.Conditions, Ciphertext: a.Ciphertext, DataToEncryptHash: a.DataToEncryptHash,
		AuthSig: a.AuthSig, Chain: a.Chain, Single: a.Single, Action: f.action(), Auth: s.req.Auth,
	})
	if err != nil {
		return message{}, err
	}
	return valueMsg(v)
}

func (s *session) claimKey(args json.RawMessage, f *callFrame) (message, error) {
	var a struct {
		KeyID string `json:"keyId"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	if strings.TrimSpace(a.KeyID) == "" {
		return message{}, rangeErrorf("keyId must not be blank")
	}
	if len(a.KeyID) > maxShortArg {
		return message{}, errors.New("keyId must be at most 1024 bytes")
	}
	if f.ipfsID == "" {
		return message{}, errors.New("Could not find IPFS ID for this action, aborting claim operation") //nolint:staticcheck // Lit's text
	}
	claim, err := s.host.ClaimKey(s.ctx, ClaimRequest{KeyID: a.KeyID, Action: f.action()})
	if err != nil {
		return message{}, err
	}
	if !json.Valid(claim) {
		return message{}, errors.New("the node produced an invalid claim")
	}
	s.mu.Lock()
	s.claims[a.KeyID] = claim
	s.mu.Unlock()
	return valueMsg("success")
}

func (s *session) actionKey(args json.RawMessage) (message, error) {
	var a struct {
		Scheme     string `json:"scheme"`
		IPFSID     string `json:"ipfsId"`
		Verify     bool   `json:"verify"`
		ToSign     string `json:"toSign"`
		SignOutput string `json:"signOutput"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	switch {
	case strings.TrimSpace(a.Scheme) == "":
		return message{}, rangeErrorf("signingScheme must not be blank")
	case strings.TrimSpace(a.IPFSID) == "":
		return message{}, rangeErrorf("actionIpfsCid must not be blank")
	case len(a.Scheme) > maxShortArg || len(a.IPFSID) > maxShortArg:
		return message{}, errors.New("signingScheme and actionIpfsCid must be at most 1024 bytes")
	}
	req := ActionKeyRequest{Scheme: a.Scheme, IPFSID: a.IPFSID, Verify: a.Verify}
	if a.Verify {
		toSign, err := hex.DecodeString(a.ToSign)
		switch {
		case err != nil || len(toSign) > maxToSign:
			return message{}, errors.New("toSign must be bytes of at most 64 KiB")
		case len(toSign) == 0:
			return message{}, rangeErrorf("toSign must not be empty")
		case strings.TrimSpace(a.SignOutput) == "":
			return message{}, rangeErrorf("signOutput must not be blank")
		case len(a.SignOutput) > maxShortArg*16:
			return message{}, errors.New("signOutput is too long")
		}
		req.ToSign, req.SignOutput = toSign, a.SignOutput
	}
	v, err := s.host.ActionKey(s.ctx, req)
	if err != nil {
		return message{}, err
	}
	if !json.Valid(v) {
		return message{}, errors.New("the node answered invalid JSON")
	}
	return message{Reply: &replyMsg{Value: v}}, nil
}

func (s *session) coordinate(args json.RawMessage, body []byte) (message, error) {
	var a struct {
		Op   string `json:"op"`
		Name string `json:"name"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return message{}, err
	}
	if len(a.Name) > maxShortArg {
		return message{}, errors.New("name must be at most 1024 bytes")
	}
	if len(body) > maxCoordValue {
		return message{}, fmt.Errorf("value is %d bytes, over the %d-byte limit", len(body), maxCoordValue)
	}
	switch a.Op {
	case CoordIsLeader:
	case CoordBroadcast, CoordCollectFromLeader, CoordBroadcastAndCollect:
		if err := s.broadcast(); err != nil {
			return message{}, err
		}
	default:
		return message{}, fmt.Errorf("unknown coordination %q", a.Op)
	}
	res, err := s.host.Coordinate(s.ctx, CoordinateRequest{Op: a.Op, Name: a.Name, Value: string(body)})
	if err != nil {
		return message{}, err
	}
	switch a.Op {
	case CoordIsLeader:
		return valueMsg(res.Leader)
	case CoordBroadcast:
		return valueMsg(true)
	case CoordCollectFromLeader:
		return message{Reply: &replyMsg{Value: json.RawMessage("null")}, parts: [][]byte{[]byte(res.Value)}}, nil
	}
	values, err := json.Marshal(res.Values)
	if err != nil {
		return message{}, err
	}
	return message{Reply: &replyMsg{Value: json.RawMessage("null")}, parts: [][]byte{values}}, nil
}

// startChild is Lit.Actions.call: fetch the child's code and hand it to the worker to run as a
// new frame, one level deeper.
func (s *session) startChild(c *callMsg, f *callFrame) (message, error) {
	var a struct {
		IPFSID string          `json:"ipfsId"`
		Params json.RawMessage `json:"params"`
	}
	if err := decodeArgs(c.Args, &a); err != nil {
		return message{}, err
	}
	if strings.TrimSpace(a.IPFSID) == "" {
		return message{}, rangeErrorf("ipfsId must not be blank")
	}
	if len(a.IPFSID) > maxShortArg {
		return message{}, errors.New("ipfsId is too long")
	}
	params := bytes.TrimSpace(a.Params)
	if len(params) == 0 || string(params) == "null" {
		params = nil
	} else if params[0] != '{' || len(params) > s.lim.MaxParams {
		return message{}, fmt.Errorf("params must be an object of at most %d bytes of JSON", s.lim.MaxParams)
	}
	if f.depth+1 > s.lim.MaxCallDepth {
		return message{}, fmt.Errorf("The recursion limit of a child action is %d and you have attempted to exceed that limit.", s.lim.MaxCallDepth) //nolint:staticcheck // Lit's text
	}
	code, err := s.host.ChildCode(s.ctx, a.IPFSID, s.lim.MaxCode)
	if err != nil {
		return message{}, err
	}
	if len(code) == 0 || len(code) > s.lim.MaxCode {
		return message{}, fmt.Errorf("child action %s has %d bytes of code (limit %d)", a.IPFSID, len(code), s.lim.MaxCode)
	}
	child := &callFrame{ipfsID: a.IPFSID, stack: append(slices.Clone(f.stack), a.IPFSID), depth: f.depth + 1}
	s.mu.Lock()
	s.frames[c.ID] = child
	s.mu.Unlock()
	return message{
		Reply: &replyMsg{Child: &childMsg{Frame: c.ID, IPFSID: child.ipfsID, Stack: child.stack}},
		parts: [][]byte{[]byte(code), params},
	}, nil
}

func clipString(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

type fetchArgs struct {
	URL     string      `json:"url"`
	Method  string      `json:"method"`
	Headers [][2]string `json:"headers"`
	Binary  bool        `json:"binary"` // the body part is hex
}

type fetchMeta struct {
	Status     int         `json:"status"`
	StatusText string      `json:"statusText"`
	Headers    [][2]string `json:"headers"`
	URL        string      `json:"url"`
}

//nolint:funlen // fetch's argument checks, policy and response limits in order (runtime is being reworked for performance)
func (s *session) fetch(args json.RawMessage, body []byte) (json.RawMessage, []byte, error) {
	s.mu.Lock()
	s.fetches++
	over := s.fetches > s.lim.MaxFetches
	s.mu.Unlock()
	if over {
		return nil, nil, s.violate(errorf(KindTooManyFetches, "more than %d fetches", s.lim.MaxFetches))
	}
	var a fetchArgs
	if err := json.Unmarshal(args, &a); err != nil {
		return nil, nil, fmt.Errorf("arguments: %w", err)
	}
	u, err := url.Parse(a.URL)
	if err != nil {
		return nil, nil, fmt.Errorf("invalid URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, nil, s.violate(errorf(KindBadFetchScheme, "fetch of a %q URL: only http and https are allowed", u.Scheme))
	}
	if u.Host == "" {
		return nil, nil, fmt.Errorf("URL %q has no host", a.URL)
	}
	if !validMethod(a.Method) {
		return nil, nil, fmt.Errorf("invalid method %q", a.Method)
	}
	if len(a.Headers) > maxFetchHeaders {
		return nil, nil, fmt.Errorf("%d headers, over the limit of %d", len(a.Headers), maxFetchHeaders)
	}
	header := http.Header{}
	size := 0
	for _, h := range a.Headers {
		size += len(h[0]) + len(h[1])
		if !validMethod(h[0]) || strings.ContainsAny(h[1], "\r\n\x00") {
			return nil, nil, fmt.Errorf("invalid header %q", h[0])
		}
		header.Add(h[0], h[1])
	}
	if size > maxFetchHeaderBytes {
		return nil, nil, fmt.Errorf("headers are %d bytes, over the limit of %d", size, maxFetchHeaderBytes)
	}
	if a.Binary {
		if body, err = hex.DecodeString(string(body)); err != nil {
			return nil, nil, errors.New("invalid binary body")
		}
	}
	if len(body) > s.lim.MaxFetchBody {
		return nil, nil, fmt.Errorf("request body is %d bytes, over the limit of %d", len(body), s.lim.MaxFetchBody)
	}
	resp, err := s.host.Fetch(s.ctx, FetchRequest{Method: a.Method, URL: u.String(), Header: header, Body: body}, s.lim.MaxFetchBody)
	if err != nil {
		return nil, nil, err
	}
	if len(resp.Body) > s.lim.MaxFetchBody {
		return nil, nil, fmt.Errorf("response body of %s is over the limit of %d bytes", u.Redacted(), s.lim.MaxFetchBody)
	}
	s.mu.Lock()
	s.fetched += len(resp.Body)
	overTotal := s.fetched > s.lim.MaxFetchTotal
	s.mu.Unlock()
	if overTotal {
		return nil, nil, s.violate(errorf(KindFetchedTooMuch, "fetch responses over %d bytes together", s.lim.MaxFetchTotal))
	}
	meta := fetchMeta{Status: resp.Status, StatusText: resp.StatusText, URL: u.String(), Headers: [][2]string{}}
	if meta.StatusText == "" {
		meta.StatusText = http.StatusText(resp.Status)
	}
	for k, vs := range resp.Header {
		for _, v := range vs {
			meta.Headers = append(meta.Headers, [2]string{strings.ToLower(k), v})
		}
	}
	v, err := json.Marshal(meta)
	if err != nil {
		return nil, nil, err
	}
	if resp.Body == nil {
		resp.Body = []byte{}
	}
	return v, resp.Body, nil
}

// validMethod reports whether s is an HTTP token (RFC 9110), as methods and header names are.
func validMethod(s string) bool {
	if s == "" || len(s) > 256 {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}
