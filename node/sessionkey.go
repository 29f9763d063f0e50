package node

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/drand/kyber/share"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/runtime"
)

// POST /web/sign_session_key: PKP session capabilities (docs/auth-methods.md). A user proves
// an auth method of a PKP — an ID token, a passkey assertion, a custom Lit Action — bound to
// the session key and capability it asks for; this node checks the proof and that the PKP
// permits the method with the scope the capability needs, and returns its BLS signature share
// over the capability, to be combined into a lit.bls capability that acts as the PKP's address.

// authMethodVerifiers are the node's OIDC and WebAuthn verifiers, made once from its config:
// the OIDC verifier caches every issuer's discovery document and keys.
type authMethodVerifiers struct {
	oidc     *access.OIDCVerifier
	webauthn *access.WebAuthnVerifier
}

// startAuthMethods builds the verifiers of the auth methods the config enables.
func (n *Node) startAuthMethods() error {
	o, err := n.cfg.OIDCVerifier()
	if err != nil {
		return fmt.Errorf("oidc_issuers: %w", err)
	}
	w, err := n.cfg.WebAuthnVerifier()
	if err != nil {
		return fmt.Errorf("webauthn: %w", err)
	}
	n.authMethods = &authMethodVerifiers{oidc: o, webauthn: w}
	return nil
}

// sessionBindingParam is the jsParams key under which a custom auth action gets the request's
// binding (the value an OIDC nonce or passkey challenge carries), to tie its own proof to the
// session key.
const sessionBindingParam = "sessionBinding"

// pkpSessionService issues PKP session capabilities (POST /web/sign_session_key) and checks
// the PKP sessions requests authenticate with (sessionkey_check.go, for access.go). It holds
// only what it uses: wirePKPSessions fills it.
type pkpSessionService struct {
	log         *slog.Logger
	maxLifetime time.Duration // of a session or a wallet's authSig (auth_max_lifetime)
	maxCode     int           // of a custom auth action (the action limits)
	keys        epochKeySource
	chain       authMethodChain // nil without a chain
	verifiers   *authMethodVerifiers
	wallets     *contractWallets // EIP-1271 checks of EthWallet proofs
	actions     authActionRunner // custom auth actions; nil while the runtime is not running
	// The node's request checks: the per-address budget, the bounded body reader.
	allowAddress func(addr fmt.Stringer) error
	readBody     func(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error)
}

// authMethodChain is the chain's record of PKPs' auth methods (chain.Client).
type authMethodChain interface {
	AuthMethods(ctx context.Context, tokenID *big.Int) ([]chain.AuthMethod, error)
	Refresh(ctx context.Context) error
}

// authActionRunner runs custom auth actions (actionService): their code by CID, and a run
// that can only answer.
type authActionRunner interface {
	fetchCode(ctx context.Context, c cid.Cid) ([]byte, error)
	runVerdict(ctx context.Context, req runtime.Request, inline bool, user common.Address) (runtime.Result, error)
}

// wirePKPSessions gives the PKP session service what it uses of the node; call it after
// startAuthMethods and startActions.
func wirePKPSessions(n *Node) *pkpSessionService {
	s := &pkpSessionService{
		log: n.log, maxLifetime: n.cfg.AuthMaxLifetime.Duration, maxCode: n.cfg.actionLimits().MaxCode,
		keys: n.keys, verifiers: n.authMethods, wallets: &n.wallets,
		allowAddress: n.allowAddress, readBody: n.readExecuteBody,
	}
	if n.chain != nil {
		s.chain = n.chain
	}
	if n.actions != nil {
		s.actions = n.actions
	}
	return s
}

func (s *pkpSessionService) handleSignSessionKey(w http.ResponseWriter, r *http.Request) {
	resp, err := s.signSessionKey(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

//nolint:funlen,gocognit // sign_session_key's checks in the order Lit's nodes make them; each refusal names its step
func (s *pkpSessionService) signSessionKey(w http.ResponseWriter, r *http.Request) (*api.SignSessionKeyResponse, error) {
	ctx := r.Context()
	// The body may carry a custom auth action's code: read it as /web/execute's is.
	body, err := s.readBody(w, r, executeBodyLimit(s.maxCode))
	if err != nil {
		return nil, err
	}
	var req api.SignSessionKeyRequest
	if err := decodeJSONBytes(body, &req); err != nil {
		return nil, err
	}
	if req.CurveType != "BLS" {
		return nil, api.Errorf(api.KindBadRequest, "curveType: %q; only BLS is signed on this endpoint", clip(req.CurveType))
	}
	if a := bytes.TrimSpace(req.AuthSig); len(a) > 0 && !bytes.Equal(a, []byte("null")) {
		return nil, api.Errorf(api.KindBadRequest, "authSig: not taken here; send a wallet's proof in authMethods as type 1 (EthWallet), an authSig whose SIWE nonce is the session's binding")
	}
	if len(req.AuthMethods) > access.MaxPKPSessionAuthMethods {
		return nil, api.Errorf(api.KindBadRequest, "authMethods: %d, over the limit of %d", len(req.AuthMethods), access.MaxPKPSessionAuthMethods)
	}
	if req.PKPPublicKey == "" {
		return nil, api.Errorf(api.KindBadRequest, "pkpPublicKey: missing: name the PKP the session is for")
	}
	pub, err := access.ParsePKPSessionPublicKey(req.PKPPublicKey)
	if err != nil {
		return nil, err
	}
	preq, err := access.ParsePKPSessionRequest(req.SessionKey, req.SIWEMessage, pub, access.PKPSessionOptions{MaxLifetime: s.maxLifetime})
	if err != nil {
		return nil, err
	}
	var custom *executeInput
	if req.Code != "" || req.LitActionIPFSID != "" {
		in, err := parseExecuteRequest(&api.ExecuteRequest{Code: req.Code, IPFSID: req.LitActionIPFSID, JSParams: req.JSParams}, s.maxCode)
		if err != nil {
			return nil, err
		}
		custom = &in
	} else if len(req.AuthMethods) == 0 {
		return nil, api.Errorf(api.KindUnauthorized, "authMethods: missing: prove an auth method of the PKP (an ID token, a passkey assertion, a wallet's authSig) or give a custom auth Lit Action (code or litActionIpfsId)")
	}
	if s.chain == nil {
		return nil, api.Errorf(api.KindUnavailable, "this node has no chain, so no PKPs")
	}
	keys, err := keysForEpoch(s.keys, req.Epoch)
	if err != nil {
		return nil, err
	}
	methods, err := s.pkpAuthMethods(ctx, preq.TokenID)
	if err != nil {
		return nil, err
	}
	if err := s.allowAddress(preq.Message.Address); err != nil {
		return nil, err
	}
	binding := preq.Binding()
	scope := preq.RequiredScope()
	ac := access.AuthContext{ActionIPFSIDStack: []string{}, AuthMethodContexts: []access.AuthMethodContext{}}
	var granted bool
	var why []string // why the verified methods do not grant, for the refusal
	for i, am := range req.AuthMethods {
		c, m, ok, err := s.verifyAuthMethod(ctx, am, binding, methods)
		if err != nil {
			return nil, prefixAPIError(err, fmt.Sprintf("authMethods[%d]", i))
		}
		ac.AuthMethodContexts = append(ac.AuthMethodContexts, c)
		switch {
		case !ok:
			why = append(why, fmt.Sprintf("authMethods[%d] (type %d, id %s) is not an auth method of PKP 0x%064x", i, am.AuthMethodType, c.AuthMethodID, preq.TokenID))
		case !m.HasScope(scope):
			why = append(why, fmt.Sprintf("authMethods[%d] (type %d) may use PKP 0x%064x with scopes %v, and this capability needs %s", i, am.AuthMethodType, preq.TokenID, m.Scopes, access.ScopeName(scope)))
		default:
			granted = true
		}
	}
	if custom != nil {
		cidStr := custom.cid.String()
		key, err := chain.CanonicalCID(cidStr)
		if err != nil {
			return nil, api.Errorf(api.KindBadRequest, "litActionIpfsId: %v", err)
		}
		m, ok := findAuthMethod(methods, chain.AuthMethodTypeLitAction, key)
		// Checked before the action runs: only an action the PKP's owner registered runs here,
		// without a session of anyone's.
		switch {
		case !ok:
			return nil, api.Errorf(api.KindForbidden, "custom auth: the Lit Action %s is not an auth method of PKP 0x%064x (permit it as type 2 with its CID)", cidStr, preq.TokenID)
		case !m.HasScope(scope):
			return nil, api.Errorf(api.KindForbidden, "custom auth: the Lit Action %s may use PKP 0x%064x with scopes %v, and this capability needs %s", cidStr, preq.TokenID, m.Scopes, access.ScopeName(scope))
		}
		if err := s.runAuthAction(ctx, custom, preq, ac, binding); err != nil {
			return nil, err
		}
		ac.ActionIPFSIDStack = []string{cidStr}
		ac.CustomAuthResource = "true"
		granted = true
	}
	if !granted {
		return nil, api.Errorf(api.KindForbidden, "no proof authorises this session for PKP 0x%064x: %s", preq.TokenID, strings.Join(why, "; "))
	}
	msg, err := preq.SignedMessage(ac)
	if err != nil {
		return nil, err
	}
	sh, hash, err := signPKPSession(keys.BLS.Share, msg)
	if err != nil {
		s.log.Error("sign a PKP session capability", "epoch", keys.Epoch, "error", err)
		return nil, api.Errorf(api.KindInternal, "could not sign with this node's share")
	}
	root, err := keys.BLS.PublicKey().MarshalBinary()
	if err != nil {
		return nil, err
	}
	s.log.Debug("signed a PKP session capability", "pkp", fmt.Sprintf("0x%064x", preq.TokenID), "auth_methods", len(ac.AuthMethodContexts),
		"custom_auth", custom != nil, "epoch", keys.Epoch)
	return &api.SignSessionKeyResponse{
		Result:         "success",
		SignatureShare: api.LitSignatureShare{ProofOfPossession: sh.ProofOfPossession},
		ShareIndex:     keys.BLS.Share.I + 1,
		CurveType:      "BLS",
		SIWEMessage:    msg,
		DataSigned:     hex.EncodeToString(hash[:]),
		BLSRootPubkey:  hex.EncodeToString(root),
		Epoch:          keys.Epoch,
	}, nil
}

// signPKPSession signs a PKP session capability with this node's share of the network's BLS
// root key. It is the only use of that key under Lit's proof-of-possession tag besides
// decryption shares, so it takes the SIWE message and signs nothing but its PKPSessionHash: 32
// bytes, which no encryption identity (lit-accesscontrolcondition://…, longer) can equal, so
// no request can make this node release a decryption key here.
func signPKPSession(sh *share.PriShare, siwe string) (bls.LitSignatureShare, [32]byte, error) {
	h := access.PKPSessionHash(siwe)
	s, err := bls.PartialSignLit(sh, h[:])
	return s, h, err
}

// pkpAuthMethods reads the PKP's auth methods, once more at the newest block if it has none
// (a PKP minted a moment ago).
func (s *pkpSessionService) pkpAuthMethods(ctx context.Context, tokenID *big.Int) ([]chain.AuthMethod, error) {
	ms, err := s.chain.AuthMethods(ctx, tokenID)
	if err == nil && len(ms) == 0 {
		if rerr := s.chain.Refresh(ctx); rerr == nil {
			ms, err = s.chain.AuthMethods(ctx, tokenID)
		}
	}
	if err != nil {
		return nil, chainError("read the PKP's auth methods", err)
	}
	return ms, nil
}

func findAuthMethod(ms []chain.AuthMethod, typ uint64, id []byte) (chain.AuthMethod, bool) {
	for _, m := range ms {
		if m.Type == typ && bytes.Equal(m.ID, id) {
			return m, true
		}
	}
	return chain.AuthMethod{}, false
}

// verifyAuthMethod checks one proof against the binding and returns its context, the PKP's
// record of it and whether there is one. A proof that does not verify is an error naming why;
// a verified ID token for a login the PKP does not permit is not (it is still a context a
// custom auth action may read).
func (s *pkpSessionService) verifyAuthMethod(ctx context.Context, am api.AuthMethod, binding [32]byte, methods []chain.AuthMethod) (access.AuthMethodContext, chain.AuthMethod, bool, error) {
	c := access.AuthMethodContext{AuthMethodType: am.AuthMethodType, UsedForSignSessionKeyRequest: true}
	if am.AccessToken == "" {
		return c, chain.AuthMethod{}, false, api.Errorf(api.KindBadRequest, "accessToken: missing")
	}
	switch am.AuthMethodType {
	case access.AuthMethodTypeWebAuthn:
		a, err := access.ParseWebAuthnAssertion([]byte(am.AccessToken))
		if err != nil {
			return c, chain.AuthMethod{}, false, err
		}
		id := a.AuthMethodID()
		c.UserID, c.AppID, c.AuthMethodID = base64.RawURLEncoding.EncodeToString(a.CredentialID()), "lit", "0x"+hex.EncodeToString(id)
		m, ok := findAuthMethod(methods, am.AuthMethodType, id)
		if !ok {
			// No registered key to check the assertion with: it proves nothing here.
			return c, chain.AuthMethod{}, false, api.Errorf(api.KindForbidden, "the passkey %s (auth method %s) is not an auth method of this PKP", clip(c.UserID), c.AuthMethodID)
		}
		if err := s.verifiers.webauthn.Verify(a, binding[:], id, m.UserPubkey); err != nil {
			return c, chain.AuthMethod{}, false, err
		}
		return c, m, true, nil
	case access.AuthMethodTypeOIDC, access.AuthMethodTypeGoogleJWT, access.AuthMethodTypeAppleJWT:
		claims, err := access.DecodeIDToken(am.AccessToken)
		if err != nil {
			return c, chain.AuthMethod{}, false, err
		}
		// The app the token is for: its only audience, or its authorized party.
		app := claims.AZP
		if len(claims.Audience) == 1 {
			app = claims.Audience[0]
		}
		if app == "" {
			return c, chain.AuthMethod{}, false, &access.AuthMethodError{Reason: access.ErrIDTokenAudience, Detail: "the token has several audiences and no authorized party (azp): which app is it for?"}
		}
		ident, err := s.verifiers.oidc.Verify(ctx, am.AccessToken, app, access.BindingNonce(binding))
		if err != nil {
			return c, chain.AuthMethod{}, false, err
		}
		id, err := ident.AuthMethodID(am.AuthMethodType)
		if err != nil {
			return c, chain.AuthMethod{}, false, err
		}
		c.UserID, c.AppID, c.AuthMethodID = ident.Subject, ident.AppID, "0x"+hex.EncodeToString(id)
		m, ok := findAuthMethod(methods, am.AuthMethodType, id)
		return c, m, ok, nil
	case chain.AuthMethodTypeEthWallet:
		return s.verifyEthWalletMethod(ctx, am, binding, methods, c)
	case chain.AuthMethodTypeLitAction:
		return c, chain.AuthMethod{}, false, api.Errorf(api.KindBadRequest, "authMethodType 2 (Lit Action): give the action as code or litActionIpfsId")
	}
	return c, chain.AuthMethod{}, false, api.Errorf(api.KindBadRequest, "authMethodType %d: not an auth method this node verifies (EthWallet 1, WebAuthn 3, Google JWT 6, Apple JWT 8, OIDC %d)", am.AuthMethodType, access.AuthMethodTypeOIDC)
}

// verifyEthWalletMethod checks an EthWallet (1) auth method: its accessToken is a wallet's
// authSig (Lit's shape), a plain SIWE signature (EIP-191, or EIP-1271 for a contract wallet)
// whose nonce is the request's binding, so the signature authorises this session key and
// capability only; a session signature or a lit.bls capability is no wallet's proof. The auth
// method id is the wallet's 20 address bytes (PKPPermissions' permitted addresses).
func (s *pkpSessionService) verifyEthWalletMethod(ctx context.Context, am api.AuthMethod, binding [32]byte, methods []chain.AuthMethod, c access.AuthMethodContext) (access.AuthMethodContext, chain.AuthMethod, bool, error) {
	sig, err := access.ParseAuthSig([]byte(am.AccessToken))
	if err != nil {
		return c, chain.AuthMethod{}, false, err
	}
	if sig.DerivedVia == access.DerivedViaSession || sig.DerivedVia == access.DerivedViaBLS {
		return c, chain.AuthMethod{}, false, api.Errorf(api.KindUnauthorized, "accessToken: an EthWallet auth method is a wallet's own authSig (a SIWE signature), not derivedVia %q", clip(sig.DerivedVia))
	}
	auth, err := sig.VerifyContext(ctx, access.VerifyOptions{RequireExpiration: true, MaxLifetime: s.maxLifetime, Wallets: s.wallets})
	if err != nil {
		return c, chain.AuthMethod{}, false, err
	}
	if auth.Message.Nonce != access.BindingNonce(binding) {
		return c, chain.AuthMethod{}, false, api.Errorf(api.KindUnauthorized, "accessToken: the authSig's SIWE nonce is not this request's binding (sign a message whose nonce is the session's binding, 64 hex digits): a wallet signature made for another session is not taken")
	}
	id := auth.Address.Bytes()
	c.UserID, c.AppID, c.AuthMethodID = auth.Address.Hex(), "lit", "0x"+hex.EncodeToString(id)
	m, ok := findAuthMethod(methods, chain.AuthMethodTypeEthWallet, id)
	return c, m, ok, nil
}

// runAuthAction runs a custom auth Lit Action with Lit.Auth filled (the verified auth method
// contexts, the ReCap asked for) and jsParams plus sessionBinding, and succeeds only if the
// action's response is exactly "true". It runs as an access-control condition does (no
// signing, decrypting or key claims, no other nodes to work with): its job is a verdict.
func (s *pkpSessionService) runAuthAction(ctx context.Context, in *executeInput, preq *access.PKPSessionRequest, ac access.AuthContext, binding [32]byte) error {
	if s.actions == nil {
		return api.Errorf(api.KindUnavailable, "the Lit Action runtime is not running")
	}
	params, err := withBindingParam(in.params, binding)
	if err != nil {
		return err
	}
	code := in.code
	if !in.inline {
		if code, err = s.actions.fetchCode(ctx, in.cid); err != nil {
			return err
		}
	}
	contexts, err := authMethodContextsJSON(ac.AuthMethodContexts)
	if err != nil {
		return err
	}
	cidStr := in.cid.String()
	res, err := s.actions.runVerdict(ctx, runtime.Request{
		Code:     string(code),
		IPFSID:   cidStr,
		JSParams: params,
		Auth:     runtime.Auth{AuthMethodContexts: contexts, Resources: slices.Clone(preq.Message.Resources)},
		// The worker is the PKP's: the action runs on behalf of whoever may use it.
		Requester: "pkp-session:" + strings.ToLower(preq.Message.Address.Hex()),
	}, in.inline, common.Address{})
	if err != nil {
		var re *runtime.Error
		if errors.As(err, &re) {
			switch re.Kind {
			case runtime.KindUnavailable, runtime.KindCanceled, runtime.KindCrashed:
				return api.Errorf(api.KindUnavailable, "custom auth: the Lit Action %s did not run: %s", cidStr, re.Message)
			}
			return api.Errorf(api.KindUnauthorized, "custom auth: the Lit Action %s failed (%s): %s", cidStr, re.Kind, clip(re.Message))
		}
		return fmt.Errorf("run custom auth action %s: %w", cidStr, err)
	}
	if strings.TrimSpace(res.Response) != "true" {
		return api.Errorf(api.KindUnauthorized, "custom auth: the Lit Action %s did not grant the session: its response is %q, and only \"true\" grants (Lit.Actions.setResponse({response: \"true\"}))", cidStr, clip(res.Response))
	}
	return nil
}

// withBindingParam adds sessionBinding to the action's params, refusing params that set it.
func withBindingParam(params json.RawMessage, binding [32]byte) (json.RawMessage, error) {
	obj := map[string]json.RawMessage{}
	if len(params) > 0 && !bytes.Equal(params, []byte("null")) {
		if err := json.Unmarshal(params, &obj); err != nil {
			return nil, api.Errorf(api.KindBadRequest, "jsParams: want a JSON object: %v", err)
		}
	}
	if _, ok := obj[sessionBindingParam]; ok {
		return nil, api.Errorf(api.KindBadRequest, "jsParams.%s: set by the node (the request's binding); do not send it", sessionBindingParam)
	}
	b, _ := json.Marshal(access.BindingNonce(binding))
	obj[sessionBindingParam] = b
	return json.Marshal(obj)
}

// prefixAPIError names the part of the request an error is about, keeping its kind (and, for
// an auth-method refusal, its reason for errors.Is).
func prefixAPIError(err error, field string) error {
	var ae *api.Error
	if !errors.As(err, &ae) {
		return err
	}
	return &prefixedError{api: &api.Error{Kind: ae.Kind, Message: field + ": " + ae.Message}, cause: err}
}

type prefixedError struct {
	api   *api.Error
	cause error
}

func (e *prefixedError) Error() string   { return e.api.Message }
func (e *prefixedError) Unwrap() []error { return []error{e.api, e.cause} }

// authMethodContextsJSON is cs as the JSON objects an action's Lit.Auth.authMethodContexts holds.
func authMethodContextsJSON(cs []access.AuthMethodContext) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, len(cs))
	for i, c := range cs {
		b, err := json.Marshal(c)
		if err != nil {
			return nil, fmt.Errorf("auth method context: %w", err)
		}
		out[i] = b
	}
	return out, nil
}
