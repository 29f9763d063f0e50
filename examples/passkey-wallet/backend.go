package passkeywallet

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
)

// Backend is the page's devnet backend, the part of a wallet app that talks to the network
// with the Go SDK: it mints a PKP bound to the passkey the page registered (paying the gas
// with a devnet key), starts a PKP session for it (the session key stays here; the page only
// gets the challenge, which binds the passkey assertion to that session key), exchanges the
// assertion for the PKP session (POST /web/sign_session_key on every node) and signs with it.
// No wallet is involved after minting: the passkey alone authorises the session.
type Backend struct {
	// Client reaches the network.
	Client *client.Client
	// Minter pays for minting; the PKP owns itself (only its passkey controls it).
	Minter *ecdsa.PrivateKey
	// RPID is the nodes' webauthn_rp_id: a registration for another rpId is refused here,
	// since no node would take its assertions.
	RPID string

	mu       sync.Mutex
	sessions map[string]*client.PendingPKPSession // by session id, until used or expired
}

// maxPending bounds the sessions started and not yet used.
const maxPending = 64

// NewHandler serves the page and its backend's JSON API under /api/.
func NewHandler(b *Backend) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", Handler())
	mux.HandleFunc("POST /api/mint", b.handle(b.mint))
	mux.HandleFunc("POST /api/session", b.handle(b.session))
	mux.HandleFunc("POST /api/sign", b.handle(b.sign))
	return mux
}

func (b *Backend) handle(f func(ctx context.Context, body []byte) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "application/json")
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
		if err != nil {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": "body: " + err.Error()})
			return
		}
		out, err := f(r.Context(), body)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
			return
		}
		_ = json.NewEncoder(w).Encode(out)
	}
}

func (b *Backend) mint(ctx context.Context, body []byte) (any, error) {
	var in struct {
		Registration json.RawMessage `json:"registration"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, fmt.Errorf("body: %w", err)
	}
	reg, err := access.ParseWebAuthnRegistration(in.Registration)
	if err != nil {
		return nil, err
	}
	if err := reg.CheckRPID(b.RPID); err != nil {
		return nil, err
	}
	cc, err := b.Client.Chain(ctx)
	if err != nil {
		return nil, err
	}
	m := chain.AuthMethod{Type: access.AuthMethodTypeWebAuthn, ID: reg.AuthMethodID(), UserPubkey: reg.PublicKey, Scopes: []uint64{access.ScopeSignAnything}}
	p, err := cc.MintPKPWithAuthMethods(ctx, b.Minter, []chain.AuthMethod{m}, chain.MintOptions{SendToItself: true})
	if err != nil {
		return nil, err
	}
	return map[string]string{
		"tokenId":      fmt.Sprintf("0x%064x", p.TokenID),
		"publicKey":    "0x" + hex.EncodeToString(p.PublicKey),
		"ethAddress":   p.EthAddress.Hex(),
		"authMethodId": "0x" + hex.EncodeToString(m.ID),
	}, nil
}

func (b *Backend) session(_ context.Context, body []byte) (any, error) {
	var in struct {
		PKPPublicKey string `json:"pkpPublicKey"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, fmt.Errorf("body: %w", err)
	}
	pub, err := access.ParsePKPSessionPublicKey(in.PKPPublicKey)
	if err != nil {
		return nil, err
	}
	p, err := client.NewPendingPKPSession(pub, client.PKPSessionOptions{TTL: 10 * time.Minute, ChainID: b.Client.Network.Chain.ChainID})
	if err != nil {
		return nil, err
	}
	idb := make([]byte, 16)
	if _, err := rand.Read(idb); err != nil {
		return nil, err
	}
	id := hex.EncodeToString(idb)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.sessions == nil {
		b.sessions = map[string]*client.PendingPKPSession{}
	}
	for k, s := range b.sessions {
		if time.Until(s.Expiration()) <= 0 {
			delete(b.sessions, k)
		}
	}
	if len(b.sessions) >= maxPending {
		return nil, errors.New("too many sessions started and not used; try again later")
	}
	b.sessions[id] = p
	return map[string]string{"sessionId": id, "challenge": base64.RawURLEncoding.EncodeToString(p.Challenge())}, nil
}

func (b *Backend) sign(ctx context.Context, body []byte) (any, error) {
	var in struct {
		SessionID string          `json:"sessionId"`
		Assertion json.RawMessage `json:"assertion"`
		Message   string          `json:"message"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, fmt.Errorf("body: %w", err)
	}
	b.mu.Lock()
	p := b.sessions[in.SessionID]
	delete(b.sessions, in.SessionID) // one assertion per session, used or not
	b.mu.Unlock()
	if p == nil {
		return nil, errors.New("sessionId: no such session (start one with /api/session)")
	}
	s, err := b.Client.SignSessionKey(ctx, p, []api.AuthMethod{client.WebAuthnAuthMethod(in.Assertion)})
	if err != nil {
		return nil, err
	}
	// An EIP-191 personal message, as wallets sign.
	hash := accounts.TextHash([]byte(in.Message))
	sig, err := b.Client.PKPSign(ctx, "0x"+hex.EncodeToString(p.PKPPublicKey()), [32]byte(hash), s)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"message":     in.Message,
		"ethAddress":  sig.EthAddress,
		"signature":   sig.Signature,
		"authContext": s.AuthContext,
		"capability":  strings.SplitN(s.Capability().SignedMessage, "\n", 2)[0],
	}, nil
}
