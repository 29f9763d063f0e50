package node

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
)

// Lit's routes (docs/lit-sdk.md, "How the SDK talks to the network"): the handshake, decryption
// and PKP signing of Lit's JS SDK v7 as aliases of litmesh's own routes, with Lit's request
// and response shapes, Lit's error bodies and CORS for browsers. The checks behind them are
// litmesh's, unchanged; only the shapes (and, for PKP signing, how the signer set is chosen:
// litpkp.go) differ.

// litEpochGrace is how long after an epoch change a Lit request may still name the epoch
// before: Lit's SDK keeps asking for it for 45 s after the start time the Staking contract
// reports (by its own clock), so the window allows for clock skew.
const litEpochGrace = 2 * time.Minute

// litAPI serves Lit's routes. It holds only what it uses of the node — the services behind the
// routes and the node's request checks — as wireLit fills it.
type litAPI struct {
	log          *slog.Logger
	networkChain string // the network's chain name, which Lit's "lit" conditions name
	serverKey    string // this node's libp2p public key, hex (Lit's serverPublicKey)
	// serving is the epoch the node follows (the watcher's last accepted snapshot).
	serving   func() (chain.Membership, bool)
	handshake func(r *http.Request, challenge string) (*api.HandshakeResponse, error)
	head      chainHead // nil without a chain
	blockhash blockhashCache
	// The services behind the routes.
	encryption *encryptionService
	execute    http.HandlerFunc // litmesh's /web/execute (actionService)
	maxCode    int              // of an action (the execute body's limit)
	pkp        *litPKP          // nil without a chain
	// The node's request checks: authSig and session signatures, the early check of a large
	// body's auth, the per-address budget, the bounded body reader.
	authenticate func(ctx context.Context, raw json.RawMessage, req access.ResourceAbility) (*access.Auth, error)
	precheckAuth func(raw json.RawMessage, ability access.Ability) error
	allowAddress func(addr fmt.Stringer) error
	readBody     func(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error)
}

// chainHead is the newest block the chain client has seen (chain.Client).
type chainHead interface {
	Head() uint64
	Backend() chain.Backend
}

// litPKP is PKP signing as Lit's route uses it (pkpService and pkp_sign.go): the serving
// epoch's signer sets, the permission check a non-signer makes, and a signer's share.
type litPKP struct {
	current         func() (*pkpEpoch, error)
	checkPermission func(ctx context.Context, k *pkpKey, in signInput) error
	signShare       func(ctx context.Context, in signInput) (*pkpSigned, error)
}

// wireLit gives Lit's routes what they use of the node; call it once every service is built
// (startAPI).
func wireLit(n *Node) *litAPI {
	l := &litAPI{
		log: n.log, networkChain: n.cfg.ChainName, serving: n.epochs.snapshot, handshake: n.handshake,
		encryption: n.encryption, execute: n.actions.handleExecute, maxCode: n.cfg.actionLimits().MaxCode,
		authenticate: n.authenticate, precheckAuth: n.precheckAuth, allowAddress: n.allowAddress, readBody: n.readExecuteBody,
	}
	if raw, err := n.id.Libp2p.GetPublic().Raw(); err == nil {
		l.serverKey = hex.EncodeToString(raw)
	}
	if n.chain != nil {
		l.head = n.chain
	}
	if n.pkp != nil { // built with the chain
		l.pkp = &litPKP{current: n.pkp.current, checkPermission: n.checkPKPPermission, signShare: n.pkpSignShare}
	}
	return l
}

// routes registers Lit's routes and their CORS preflights.
func (l *litAPI) routes(handle func(pattern, route string, h http.HandlerFunc)) {
	for _, r := range []struct {
		path string
		h    func(http.ResponseWriter, *http.Request) (any, error)
	}{
		{api.LitHandshakePath, l.litHandshake},
		{api.LitEncryptionSignPath, l.litEncryptionSign},
		{api.LitPKPSignPath, l.litPKPSign},
		{api.LitExecutePath, l.litExecute},
	} {
		pattern := r.path
		if strings.HasSuffix(pattern, "/") {
			pattern += "{$}" // exactly this path, not the subtree
		}
		handle("POST "+pattern, r.path, l.lit(r.h))
		handle("OPTIONS "+pattern, r.path, litPreflight)
	}
}

// litRequestID is the request's X-Request-Id (Lit's SDK sends `lit_<hex>`, one per call, the
// same to every node), or "" if it is missing or not a valid request id.
func litRequestID(r *http.Request) string {
	id := r.Header.Get("X-Request-Id")
	if checkRequestID(id) != nil {
		return ""
	}
	return id
}

// lit serves one of Lit's routes: CORS for any origin (requests carry their credentials in
// the body, never in cookies), the handler's answer as JSON, and errors — panics included —
// in Lit's shape.
func (l *litAPI) lit(h func(http.ResponseWriter, *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Access-Control-Expose-Headers", "Retry-After")
		defer func() {
			if v := recover(); v != nil {
				l.log.Error("handler panic", "route", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				writeLitError(w, r, api.Errorf(api.KindInternal, "internal error"))
			}
		}()
		out, err := h(w, r)
		if err != nil {
			writeLitError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// writeLitError writes err as Lit's nodes write errors ({errorKind, errorCode, status, message,
// correlationId, details}); errors that are not *api.Error are internal and their text is not
// shown.
func writeLitError(w http.ResponseWriter, r *http.Request, err error) {
	setRetryAfter(w, err)
	var f *litFailure
	if errors.As(err, &f) {
		writeJSON(w, f.status, f.body)
		return
	}
	var e *api.Error
	if !errors.As(err, &e) {
		e = api.Errorf(api.KindInternal, "internal error")
	}
	if e.Kind == api.KindInternal {
		if rec, ok := w.(*statusRecorder); ok {
			rec.cause = err // logged once by recoverPanics
		}
	}
	writeJSON(w, e.Kind.Status(), api.LitErrorOf(e, litRequestID(r)))
}

// litCORSHeaders are the request headers a browser may send to Lit's routes: what Lit's SDK
// sends (X-Lit-SDK-Version, X-Lit-SDK-Type, X-Request-Id) and the JSON content headers. Any
// other X-Lit-SDK-* header a preflight asks for is allowed too.
var litCORSHeaders = []string{"Content-Type", "Accept", "X-Request-Id", "X-Lit-SDK-Version", "X-Lit-SDK-Type"}

// litPreflight answers a browser's CORS preflight for one of Lit's routes.
func litPreflight(w http.ResponseWriter, r *http.Request) {
	allowed := append([]string(nil), litCORSHeaders...)
	for _, h := range strings.Split(r.Header.Get("Access-Control-Request-Headers"), ",") {
		h = strings.TrimSpace(h)
		if len(h) > len("x-lit-sdk-") && len(h) <= 64 && strings.HasPrefix(strings.ToLower(h), "x-lit-sdk-") && isToken(h) {
			allowed = append(allowed, h)
		}
	}
	hd := w.Header()
	hd.Set("Access-Control-Allow-Origin", "*")
	hd.Set("Access-Control-Allow-Methods", "POST, OPTIONS")
	hd.Set("Access-Control-Allow-Headers", strings.Join(allowed, ", "))
	hd.Set("Access-Control-Max-Age", "600")
	hd.Add("Vary", "Access-Control-Request-Headers")
	w.WriteHeader(http.StatusNoContent)
}

// isToken reports whether s is an HTTP header name (RFC 9110 token).
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return s != ""
}

// litHandshake is POST /web/handshake/: litmesh's handshake with the fields Lit's SDK reads.
func (l *litAPI) litHandshake(w http.ResponseWriter, r *http.Request) (any, error) {
	var req api.LitHandshakeRequest
	if err := decodeJSON(w, r, 4<<10, &req); err != nil {
		return nil, err
	}
	hs, err := l.handshake(r, req.Challenge)
	if err != nil {
		return nil, err
	}
	out := &api.LitHandshakeResponse{
		HandshakeResponse:   *hs,
		SubnetPublicKey:     hs.NetworkPublicKey,
		NetworkPublicKeySet: strings.Join(hs.NetworkPublicKeySet, ""),
		ServerPublicKey:     l.serverKey,
	}
	if out.LatestBlockhash, err = l.latestBlockhash(r.Context()); err != nil {
		return nil, err
	}
	return out, nil
}

// blockhashCache keeps the hash of the newest block the chain client has seen, so handshakes
// read a header only when a new block came.
type blockhashCache struct {
	mu     sync.Mutex
	number uint64
	hash   string
}

// latestBlockhash is the 0x-hex hash of the newest block of the network's chain this node has
// seen: Lit's SDK needs one from the handshake (it is the nonce of its session signatures;
// litmesh does not check that nonce). If the chain cannot be read, the last hash read is
// given.
func (l *litAPI) latestBlockhash(ctx context.Context) (string, error) {
	if l.head == nil {
		return "", api.Errorf(api.KindUnavailable, "latestBlockhash: this node reads no chain")
	}
	head := l.head.Head()
	c := &l.blockhash
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hash != "" && c.number == head {
		return c.hash, nil
	}
	cctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	h, err := l.head.Backend().HeaderByNumber(cctx, new(big.Int).SetUint64(head))
	if err != nil || h == nil {
		if c.hash != "" {
			return c.hash, nil
		}
		l.log.Warn("read the newest block for a handshake", "block", head, "error", err)
		return "", api.Errorf(api.KindUnavailable, "latestBlockhash: the chain is unreachable")
	}
	c.number, c.hash = head, h.Hash().Hex()
	return c.hash, nil
}

// litEpoch checks the epoch a Lit request names against the one the node serves: the current
// one, or the one before during litEpochGrace after the change (the SDK asks for it for 45 s).
// Zero (not given) is the current one.
func (l *litAPI) litEpoch(requested uint64) error {
	ms, ok := l.serving()
	if !ok {
		return nil // the request fails later, with why the node has no epoch
	}
	return litEpochAllowed(requested, ms.Epoch.Number, ms.Epoch.Start, time.Now())
}

func litEpochAllowed(requested, current uint64, start, now time.Time) error {
	switch {
	case requested == 0, requested == current:
		return nil
	case requested+1 == current && now.Before(start.Add(litEpochGrace)):
		return nil
	case requested+1 == current:
		return api.WrongEpoch(current, "epoch: epoch %d ended at %s; this node serves epoch %d (reconnect to read it)",
			requested, start.UTC().Format(time.RFC3339), current)
	case requested > current:
		return api.WrongEpoch(current, "epoch: this node has not reached epoch %d yet; it serves epoch %d", requested, current)
	default:
		return api.WrongEpoch(current, "epoch: epoch %d is over; this node serves epoch %d (reconnect to read it)", requested, current)
	}
}

// litEncryptionSign is POST /web/encryption/sign/: the request of litmesh's route, with the
// conditions as Lit's SDK sends them (canonical form; the chain name "lit" is this network's
// chain), answered with a share of the decryption key of Lit's identity:
// lit-accesscontrolcondition://<Lit's conditions hash>/<data hash>, signed under Lit's
// proof-of-possession tag.
//
// The identity is computed here from the conditions this node parsed and evaluated, never
// taken from the request: a signature by the root key under that tag over an identity is its
// decryption key, so nothing a requester chooses is signed but the data hash inside it.
func (l *litAPI) litEncryptionSign(w http.ResponseWriter, r *http.Request) (any, error) {
	var body api.LitEncryptionSignRequest
	if err := decodeJSON(w, r, api.MaxEncryptionSignRequest, &body); err != nil {
		return nil, err
	}
	if len(body.SolRPCConditions) > 0 && string(body.SolRPCConditions) != "null" {
		return nil, api.Errorf(api.KindBadRequest, "solRpcConditions: litmesh evaluates EVM conditions only (no Solana)")
	}
	if err := l.litEpoch(body.Epoch); err != nil {
		return nil, err
	}
	var opts []access.Option
	if c := l.networkChain; c != "" && c != access.LitNetworkChain {
		opts = append(opts, access.WithNetworkChain(c))
	}
	req, err := parseSignRequest(&body.EncryptionSignRequest, l.encryption.chains, opts...)
	if err != nil {
		return nil, err
	}
	dataHash, conds := req.dataHash, req.conds
	auth, err := l.encryption.authenticate(r.Context(), body.AuthSig, access.DecryptionRequest(conds.LitHash(), dataHash))
	if err != nil {
		return nil, err
	}
	if err := l.encryption.allowAddress(auth.Address); err != nil {
		return nil, err
	}
	keys, err := keysForEpoch(l.encryption.keys, body.Epoch)
	if err != nil {
		return nil, err
	}
	if err := l.encryption.checkConditions(r.Context(), conds, auth); err != nil {
		return nil, err
	}
	id := conds.LitResourceID(dataHash)
	share, err := bls.PartialSignLit(keys.BLS.Share, []byte(id))
	if err != nil {
		l.log.Error("sign a decryption share for Lit's SDK", "epoch", keys.Epoch, "error", err)
		return nil, api.Errorf(api.KindInternal, "could not sign with this node's share")
	}
	root, err := keys.BLS.PublicKey().MarshalBinary()
	if err != nil {
		return nil, err
	}
	litHash := conds.LitHash()
	l.log.Debug("released a decryption share (Lit's format)", "address", auth.Address.Hex(),
		"lit_conditions_hash", hex.EncodeToString(litHash[:]), "data_hash", hex.EncodeToString(dataHash[:]), "epoch", keys.Epoch)
	return &api.LitEncryptionSignResponse{
		Result:         "success",
		SignatureShare: api.LitBLSShare{ProofOfPossession: share.ProofOfPossession},
		ShareIndex:     keys.BLS.Share.I,
		CurveType:      "BLS",
		DataSigned:     id,
		BLSRootPubkey:  hex.EncodeToString(root),
		Epoch:          keys.Epoch,
	}, nil
}
