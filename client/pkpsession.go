package client

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
)

// PKP sessions (Lit's getPkpSessionSigs): a user proves an auth method of a PKP — an ID
// token, a passkey assertion — bound to a fresh session key, every node checks the proof and
// signs a capability with its share of the network's BLS key, and the combined capability
// (derivedVia "lit.bls") lets the session act as the PKP's address: sign with the PKP,
// decrypt, run actions, without any wallet (docs/auth-methods.md).

// PendingPKPSession is a session key and the capability it will ask the nodes for, before
// the proof exists: its Nonce (for an ID token) or Challenge (for a passkey assertion) is what
// the proof must carry. It can be saved (MarshalJSON: it holds the session's private key) and
// finished later with SignSessionKey.
type PendingPKPSession struct {
	key          ed25519.PrivateKey
	pkpPublicKey []byte
	message      string
	binding      [32]byte
	grants       []access.ResourceAbility
}

// PKPSessionOptions shape a PKP session's capability.
type PKPSessionOptions struct {
	// Grants are what the capability grants; default: signing with this PKP, decrypting and
	// running actions (lit-pkp://<token id>, lit-accesscontrolcondition://*,
	// lit-litaction://*). An auth method needs scope SignAnything (1) for anything but
	// decryption.
	Grants []access.ResourceAbility
	// TTL is the capability's lifetime; default 15 minutes, at most the nodes' maximum.
	TTL time.Duration
	// Domain is its SIWE domain; default "localhost".
	Domain string
	// ChainID is its SIWE chain id; default 1.
	ChainID uint64
}

// NewPendingPKPSession makes a fresh ed25519 session key and the capability it asks for the
// PKP with the uncompressed (0x04…) public key pkpPublicKey.
func NewPendingPKPSession(pkpPublicKey []byte, o PKPSessionOptions) (*PendingPKPSession, error) {
	pub, err := access.ParsePKPSessionPublicKey(hex.EncodeToString(pkpPublicKey))
	if err != nil {
		return nil, fmt.Errorf("new pkp session: %w", err)
	}
	grants := o.Grants
	if len(grants) == 0 {
		grants = DefaultPKPSessionGrants(pub)
	}
	sessPub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("new pkp session: %w", err)
	}
	msg, err := access.NewPKPSessionMessage(sessPub, pub, grants, access.PKPSessionMessageOptions{Domain: o.Domain, ChainID: o.ChainID, TTL: o.TTL})
	if err != nil {
		return nil, err
	}
	return newPending(key, pub, msg, grants)
}

func newPending(key ed25519.PrivateKey, pub []byte, msg string, grants []access.ResourceAbility) (*PendingPKPSession, error) {
	b, err := access.SessionBinding(msg)
	if err != nil {
		return nil, fmt.Errorf("pkp session: the capability: %w", err)
	}
	return &PendingPKPSession{key: key, pkpPublicKey: pub, message: msg, binding: b, grants: grants}, nil
}

// DefaultPKPSessionGrants are a PKP session's default grants: sign with this PKP, decrypt
// anything its address may, run Lit Actions.
func DefaultPKPSessionGrants(pkpPublicKey []byte) []access.ResourceAbility {
	tok := new(big.Int).SetBytes(crypto.Keccak256(pkpPublicKey))
	return []access.ResourceAbility{
		access.PKPSigningRequest(tok),
		{Resource: access.Resource{Prefix: access.PrefixAccessControlCondition, ID: "*"}, Ability: access.AbilityDecryption},
		{Resource: access.Resource{Prefix: access.PrefixLitAction, ID: "*"}, Ability: access.AbilityExecution},
	}
}

// Nonce is the OIDC nonce the ID token must carry (64 hex digits): the app asks the issuer
// for a token with it.
func (p *PendingPKPSession) Nonce() string { return access.BindingNonce(p.binding) }

// Challenge is the WebAuthn challenge the passkey assertion must sign (32 bytes).
func (p *PendingPKPSession) Challenge() []byte { return slices.Clone(p.binding[:]) }

// PKPPublicKey is the PKP's uncompressed public key.
func (p *PendingPKPSession) PKPPublicKey() []byte { return slices.Clone(p.pkpPublicKey) }

// Message is the capability (SIWE) the session asks the nodes to sign.
func (p *PendingPKPSession) Message() string { return p.message }

// Expiration is when the capability expires.
func (p *PendingPKPSession) Expiration() time.Time {
	m, err := access.ParseSIWE(p.message)
	if err != nil {
		return time.Time{}
	}
	return m.ExpirationTime
}

type pendingJSON struct {
	SessionKey   string                   `json:"sessionPrivateKey"` // hex ed25519 seed
	PKPPublicKey string                   `json:"pkpPublicKey"`
	Message      string                   `json:"siweMessage"`
	Grants       []access.ResourceAbility `json:"grants"`
}

// MarshalJSON writes the pending session, private key included: keep it owner-only.
func (p *PendingPKPSession) MarshalJSON() ([]byte, error) {
	return json.Marshal(pendingJSON{SessionKey: hex.EncodeToString(p.key.Seed()), PKPPublicKey: "0x" + hex.EncodeToString(p.pkpPublicKey), Message: p.message, Grants: p.grants})
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (p *PendingPKPSession) UnmarshalJSON(b []byte) error {
	var j pendingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	seed, err := hex.DecodeString(j.SessionKey)
	if err != nil || len(seed) != ed25519.SeedSize {
		return errors.New("pkp session: sessionPrivateKey: want a 32-byte ed25519 seed in hex")
	}
	pub, err := access.ParsePKPSessionPublicKey(j.PKPPublicKey)
	if err != nil {
		return err
	}
	q, err := newPending(ed25519.NewKeyFromSeed(seed), pub, j.Message, j.Grants)
	if err != nil {
		return err
	}
	m, _ := access.ParseSIWE(j.Message)
	if m.URI != access.SessionURIPrefix+hex.EncodeToString(q.key.Public().(ed25519.PublicKey)) || m.Address != access.PKPAddress(pub) {
		return errors.New("pkp session: the capability is not for this session key and PKP")
	}
	*p = *q
	return nil
}

// PKPSession is a PKP session: the session key and the capability the network signed. It is
// an Auth: requests made with it act as the PKP's address.
type PKPSession struct {
	key        ed25519.PrivateKey
	capability access.AuthSig
	grants     []access.ResourceAbility
	expiration time.Time
	// AuthContext is what the nodes verified and recorded in the capability.
	AuthContext access.AuthContext
	// Address is the PKP's address, who the nodes see as the requester.
	Address string
	// Nodes says what each node answered.
	Nodes []NodeShare
}

// Capability is the lit.bls capability the network signed (an authSig).
func (s *PKPSession) Capability() access.AuthSig { return s.capability }

// Expiration is when the session's capability expires.
func (s *PKPSession) Expiration() time.Time { return s.expiration }

func (s *PKPSession) authFor(_ context.Context, nodeURL string, req access.ResourceAbility, _ uint64) (json.RawMessage, error) {
	rc, err := access.NewRecap(s.grants...)
	if err != nil {
		return nil, err
	}
	if !rc.Grants(req) {
		return nil, fmt.Errorf("the PKP session's grants do not cover %s", req)
	}
	if time.Until(s.expiration) <= 0 {
		return nil, fmt.Errorf("the PKP session expired at %s: prove the auth method again", s.expiration.UTC().Format(time.RFC3339))
	}
	sig, err := access.SignSession(s.key, &access.SessionMessage{
		Requests:     slices.Clone(s.grants),
		Capabilities: []access.AuthSig{s.capability},
		IssuedAt:     time.Now().UTC().Truncate(time.Millisecond),
		Expiration:   s.expiration,
		NodeAddress:  strings.TrimRight(nodeURL, "/"),
	})
	if err != nil {
		return nil, err
	}
	return json.Marshal(sig)
}

// IDTokenAuthMethod is an ID token as a sign_session_key auth method (litmesh's OIDC type;
// Google's and Apple's tokens are types 6 and 8).
func IDTokenAuthMethod(token string) api.AuthMethod {
	return api.AuthMethod{AuthMethodType: access.AuthMethodTypeOIDC, AccessToken: strings.TrimSpace(token)}
}

// EthWalletAuthMethod is a wallet's proof for the pending session as a sign_session_key auth
// method (EthWallet, 1): an authSig (SIWE, EIP-191) whose nonce is the session's binding, so it
// authorises this session key and capability only. The PKP must permit the wallet's address.
func EthWalletAuthMethod(wallet *ecdsa.PrivateKey, p *PendingPKPSession) (api.AuthMethod, error) {
	exp := p.Expiration()
	now := time.Now().UTC().Truncate(time.Millisecond)
	if !exp.After(now) {
		return api.AuthMethod{}, errors.New("eth wallet auth method: the pending session expired")
	}
	sig, err := access.SignSIWE(wallet, &access.SIWEMessage{
		Domain: "localhost", URI: "https://localhost/", Version: "1", ChainID: 1,
		Nonce: p.Nonce(), IssuedAt: now, ExpirationTime: exp,
		Statement: "Authorise the PKP session " + access.SessionURIPrefix + hex.EncodeToString(p.key.Public().(ed25519.PublicKey)),
	})
	if err != nil {
		return api.AuthMethod{}, fmt.Errorf("eth wallet auth method: %w", err)
	}
	raw, err := json.Marshal(sig)
	if err != nil {
		return api.AuthMethod{}, err
	}
	return api.AuthMethod{AuthMethodType: chain.AuthMethodTypeEthWallet, AccessToken: string(raw)}, nil
}

// WebAuthnAuthMethod is a passkey assertion (the browser's PublicKeyCredential JSON) as a
// sign_session_key auth method.
func WebAuthnAuthMethod(assertion []byte) api.AuthMethod {
	return api.AuthMethod{AuthMethodType: access.AuthMethodTypeWebAuthn, AccessToken: string(assertion)}
}

// SignSessionKey asks every node to sign the pending session's capability on the strength of
// the auth methods (Lit's signSessionKey), checks each node's share against the network key,
// and combines threshold shares of the same signed capability into the PKP session. The
// capability each node signed must be the one asked for with only the auth context added.
func (c *Client) SignSessionKey(ctx context.Context, p *PendingPKPSession, methods []api.AuthMethod) (*PKPSession, error) {
	return c.SignSessionKeyWithAction(ctx, p, methods, CustomAuthAction{})
}

// CustomAuthAction is a Lit Action registered as an auth method of the PKP (type 2, its CID):
// every node runs it with Lit.Auth.authMethodContexts holding the verified auth methods and
// jsParams.sessionBinding the request's binding, and signs only if it sets the response
// "true". Give Code (JavaScript source) or IPFSID.
type CustomAuthAction struct {
	Code     string
	IPFSID   string
	JSParams json.RawMessage
}

// SignSessionKeyWithAction is SignSessionKey with a custom auth action besides (or instead of)
// the auth methods.
//
//nolint:funlen,gocognit // one request to every node and the combination of their session-key shares
func (c *Client) SignSessionKeyWithAction(ctx context.Context, p *PendingPKPSession, methods []api.AuthMethod, action CustomAuthAction) (*PKPSession, error) {
	if p == nil {
		return nil, errors.New("sign session key: no pending session")
	}
	key, err := c.NetworkKey(ctx)
	if err != nil {
		return nil, fmt.Errorf("sign session key: %w", err)
	}
	asked, err := access.ParseSIWE(p.message)
	if err != nil {
		return nil, fmt.Errorf("sign session key: %w", err)
	}
	sessionURI := access.SessionURIPrefix + hex.EncodeToString(p.key.Public().(ed25519.PublicKey))
	req := api.SignSessionKeyRequest{
		SessionKey:      sessionURI,
		AuthMethods:     methods,
		PKPPublicKey:    "0x" + hex.EncodeToString(p.pkpPublicKey),
		SIWEMessage:     p.message,
		CurveType:       "BLS",
		Epoch:           key.Epoch,
		JSParams:        action.JSParams,
		LitActionIPFSID: action.IPFSID,
	}
	if action.Code != "" {
		req.Code = base64.StdEncoding.EncodeToString([]byte(action.Code))
	}
	type answer struct {
		node int
		resp *api.SignSessionKeyResponse
		err  error
	}
	nodes := make([]NodeShare, len(key.Nodes))
	resps := make([]*api.SignSessionKeyResponse, len(key.Nodes))
	answers := make(chan answer, len(key.Nodes))
	var wg sync.WaitGroup
	for i, kn := range key.Nodes {
		nodes[i] = NodeShare{URL: kn.Node.URL, ShareIndex: -1}
		if !kn.Usable {
			nodes[i].Status, nodes[i].Reason, nodes[i].Err = ShareNotAsked, kn.Reason, errors.New(kn.Reason)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			rctx, cancel := context.WithTimeout(ctx, signTimeout)
			defer cancel()
			var resp api.SignSessionKeyResponse
			err := c.postAuthed(rctx, kn.Node.URL, "/web/sign_session_key", req, &resp, true)
			a := answer{node: i, err: err}
			if err == nil {
				a.resp = &resp
			}
			answers <- a
		}()
	}
	wg.Wait()
	close(answers)

	// Group the shares by the capability signed: honest nodes that verified the same proofs
	// sign the same bytes.
	byMsg := map[string][]int{}
	for a := range answers {
		ns := &nodes[a.node]
		if a.err != nil {
			ns.Err, ns.Reason, ns.Status = a.err, a.err.Error(), ShareUnreachable
			var ae *api.Error
			if errors.As(a.err, &ae) {
				ns.Status = ShareRefused
			}
			continue
		}
		if err := checkSignedCapability(a.resp, asked, sessionURI, p.pkpPublicKey); err != nil {
			ns.Err, ns.Reason, ns.Status = err, err.Error(), ShareInvalid
			continue
		}
		byMsg[a.resp.SIWEMessage] = append(byMsg[a.resp.SIWEMessage], a.node)
		resps[a.node] = a.resp
	}
	var best string
	for m, idx := range byMsg {
		if len(idx) > len(byMsg[best]) {
			best = m
		}
	}
	var shares []bls.LitSignatureShare
	for _, i := range byMsg[best] {
		shares = append(shares, bls.LitSignatureShare{ProofOfPossession: resps[i].SignatureShare.ProofOfPossession})
	}
	for m, idx := range byMsg {
		if m == best {
			continue
		}
		for _, i := range idx {
			err := errors.New("signed another capability than most nodes (they verified different auth methods)")
			nodes[i].Err, nodes[i].Reason, nodes[i].Status = err, err.Error(), ShareInvalid
		}
	}
	var sig []byte
	if len(shares) >= key.Threshold {
		h := access.PKPSessionHash(best)
		var rejected []*bls.PartialError
		sig, rejected, err = bls.CombineLit(key.Poly, h[:], shares, key.Threshold)
		bad := map[int]string{}
		for _, r := range rejected {
			bad[r.Index] = r.Err.Error()
		}
		for _, i := range byMsg[best] {
			ns := &nodes[i]
			idx, _, perr := bls.ParseLitShare(bls.LitSignatureShare{ProofOfPossession: resps[i].SignatureShare.ProofOfPossession})
			ns.ShareIndex = idx
			if why, isBad := bad[idx]; isBad || perr != nil {
				if perr != nil {
					why = perr.Error()
				}
				ns.Err, ns.Reason, ns.Status = errors.New(why), why, ShareInvalid
				continue
			}
			ns.Status = ShareValid
		}
	}
	if sig == nil || err != nil {
		valid, answered := 0, 0
		for _, n := range nodes {
			if n.Status == ShareValid {
				valid++
			}
			if n.Status == ShareValid || n.Status == ShareInvalid || n.Status == ShareRefused {
				answered++
			}
		}
		return nil, fmt.Errorf("sign session key: %w", &ShareError{Needed: key.Threshold, Valid: valid, Answered: answered, Nodes: nodes})
	}
	pos, _ := json.Marshal(api.LitSignatureShare{ProofOfPossession: hex.EncodeToString(sig)})
	m, _ := access.ParseSIWE(best)
	capability := access.AuthSig{
		Sig:           string(pos),
		DerivedVia:    access.DerivedViaBLS,
		SignedMessage: best,
		Address:       m.Address.Hex(),
		Algo:          access.AlgoLitBLS,
	}
	ac, err := access.PKPSessionAuthContext(best, p.pkpPublicKey)
	if err != nil {
		return nil, fmt.Errorf("sign session key: %w", err)
	}
	return &PKPSession{key: p.key, capability: capability, grants: slices.Clone(p.grants), expiration: m.ExpirationTime,
		AuthContext: *ac, Address: m.Address.Hex(), Nodes: nodes}, nil
}

// checkSignedCapability checks that a node signed the capability asked for: the same session
// key, PKP, issue and expiration times, nonce and domain, with the auth context the nodes add
// and the hash it claims.
func checkSignedCapability(resp *api.SignSessionKeyResponse, asked *access.SIWEMessage, sessionURI string, pkpPub []byte) error {
	m, err := access.ParseSIWE(resp.SIWEMessage)
	if err != nil {
		return fmt.Errorf("the signed capability does not parse: %w", err)
	}
	if m.URI != sessionURI || m.Address != asked.Address || !m.ExpirationTime.Equal(asked.ExpirationTime) ||
		!m.IssuedAt.Equal(asked.IssuedAt) || m.Nonce != asked.Nonce || m.Domain != asked.Domain || m.ChainID != asked.ChainID {
		return errors.New("the signed capability is not the one asked for (session key, PKP, times, nonce or domain differ)")
	}
	if !strings.HasPrefix(m.Statement, asked.Statement) {
		return errors.New("the signed capability's statement is not the one asked for")
	}
	h := access.PKPSessionHash(resp.SIWEMessage)
	if resp.DataSigned != "" && resp.DataSigned != hex.EncodeToString(h[:]) {
		return errors.New("dataSigned is not the capability's session hash")
	}
	if _, err := access.PKPSessionAuthContext(resp.SIWEMessage, pkpPub); err != nil {
		return err
	}
	return nil
}

// PKPPublicKey finds a PKP (token id or public key) on chain and returns its uncompressed
// public key, derived from the root key the nodes reported and checked against the token id.
func (c *Client) PKPPublicKey(ctx context.Context, pkp string) ([]byte, error) {
	nw, err := c.pkpNetwork(ctx, false)
	if err != nil {
		return nil, err
	}
	k, err := c.lookupPKP(ctx, nw.root, pkp)
	if err != nil {
		return nil, err
	}
	return k.pub.SerializeUncompressed(), nil
}

// RestorePKPSession makes the PKP session of a pending session and the capability the
// network signed for it (saved from an earlier SignSessionKey): the capability must be a
// lit.bls one for the pending session's key and PKP. Whether the network signed it is for the
// nodes to check.
func RestorePKPSession(p *PendingPKPSession, capability access.AuthSig) (*PKPSession, error) {
	if capability.DerivedVia != access.DerivedViaBLS {
		return nil, fmt.Errorf("restore pkp session: derivedVia %q, want %s", capability.DerivedVia, access.DerivedViaBLS)
	}
	m, err := access.ParseSIWE(capability.SignedMessage)
	if err != nil {
		return nil, fmt.Errorf("restore pkp session: %w", err)
	}
	if m.URI != access.SessionURIPrefix+hex.EncodeToString(p.key.Public().(ed25519.PublicKey)) || m.Address != access.PKPAddress(p.pkpPublicKey) {
		return nil, errors.New("restore pkp session: the capability is not for this session key and PKP")
	}
	ac, err := access.PKPSessionAuthContext(capability.SignedMessage, p.pkpPublicKey)
	if err != nil {
		return nil, fmt.Errorf("restore pkp session: %w", err)
	}
	return &PKPSession{key: p.key, capability: capability, grants: slices.Clone(p.grants), expiration: m.ExpirationTime,
		AuthContext: *ac, Address: m.Address.Hex()}, nil
}
