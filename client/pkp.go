package client

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	tecdsa "github.com/litmesh/litmesh/mpc/ecdsa"
)

// PKPInfo is a minted PKP: what `lit pkp mint` prints.
type PKPInfo struct {
	TokenID    string `json:"tokenId"`    // 0x-hex, 32 bytes
	PublicKey  string `json:"publicKey"`  // 0x04…, 65 bytes uncompressed
	EthAddress string `json:"ethAddress"` // checksummed
}

// MintPKP mints a PKP owned by key's address: the key is derived from the network's root key
// and the contract's next key id, so no node takes part (docs/pkp.md).
func (c *Client) MintPKP(ctx context.Context, key *ecdsa.PrivateKey) (*PKPInfo, error) {
	cc, err := c.Chain(ctx)
	if err != nil {
		return nil, err
	}
	p, err := cc.MintPKP(ctx, key)
	if err != nil {
		return nil, err
	}
	return &PKPInfo{
		TokenID:    tokenHex(p.TokenID),
		PublicKey:  "0x" + hex.EncodeToString(p.PublicKey),
		EthAddress: p.EthAddress.Hex(),
	}, nil
}

func tokenHex(id *big.Int) string {
	var b [32]byte
	id.FillBytes(b[:])
	return "0x" + hex.EncodeToString(b[:])
}

// PKPSignature is a combined PKP signature: what `lit pkp sign` prints.
type PKPSignature struct {
	R string `json:"r"` // 0x-hex, 32 bytes
	S string `json:"s"` // 0x-hex, 32 bytes, low-s
	// V is Ethereum's 27 + recovery id; RecID the recovery id itself (0 or 1), as
	// go-ethereum's crypto.Ecrecover and Lit's recid want it.
	V     int `json:"v"`
	RecID int `json:"recid"`
	// Signature is r ‖ s ‖ v (65 bytes, v = 27 or 28), the joined form wallets use.
	Signature  string `json:"signature"`
	PublicKey  string `json:"publicKey"` // 0x04…
	EthAddress string `json:"ethAddress"`
	// Signers are the peer IDs whose shares were combined; Rejected names every node whose
	// share or answer was wrong, and why.
	Signers        []string         `json:"signers"`
	Rejected       []RejectedSigner `json:"rejected,omitempty"`
	PresignatureID string           `json:"presignatureId"`

	raw [65]byte // r ‖ s ‖ recid
}

// RejectedSigner is a node left out of a signature, and why.
type RejectedSigner struct {
	PeerID string `json:"peerId"`
	Reason string `json:"reason"`
}

// Bytes is r ‖ s ‖ recid, the form go-ethereum's crypto.Ecrecover and types.Transaction's
// WithSignature take.
func (s *PKPSignature) Bytes() [65]byte { return s.raw }

// PKPTokenID resolves how users name a PKP (a token id in 0x-hex or decimal, or its public key)
// to its token id, without asking the chain.
func PKPTokenID(pkp string) (*big.Int, error) {
	ref, err := api.ParsePKPRef(pkp)
	if err != nil {
		return nil, err
	}
	if ref.TokenID != nil {
		return ref.TokenID, nil
	}
	pub, err := secp256k1.ParsePubKey(ref.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("pkp: not a secp256k1 public key: %w", err)
	}
	return chain.PKPTokenID(pub), nil
}

// pkpKey is a PKP the client signs with.
type pkpKey struct {
	tokenID *big.Int
	tweak   *secp256k1.ModNScalar
	pub     *secp256k1.PublicKey
	addr    common.Address
}

// lookupPKP finds a PKP (public key or token id) on chain and derives its key from the root
// key the nodes reported, refusing a PKP that does not belong to this network's root.
func (c *Client) lookupPKP(ctx context.Context, root *secp256k1.PublicKey, pkp string) (*pkpKey, error) {
	id, err := PKPTokenID(pkp)
	if err != nil {
		return nil, err
	}
	k := &pkpKey{tokenID: id}
	cc, err := c.Chain(ctx)
	if err != nil {
		return nil, err
	}
	keyID, err := cc.KeyIDOf(ctx, k.tokenID)
	if errors.Is(err, chain.ErrUnknownPKP) {
		// Chain reads are cached for up to a poll interval: a PKP minted a moment ago may be
		// newer than the cache. Read the newest block once before calling it unknown.
		if rerr := cc.Refresh(ctx); rerr == nil {
			keyID, err = cc.KeyIDOf(ctx, k.tokenID)
		}
	}
	if err != nil {
		return nil, err
	}
	if k.tweak, err = tecdsa.Epsilon(tecdsa.KeyID(keyID)); err != nil {
		return nil, err
	}
	if k.pub, err = tecdsa.DerivePublic(root, tecdsa.KeyID(keyID)); err != nil {
		return nil, err
	}
	if chain.PKPTokenID(k.pub).Cmp(k.tokenID) != 0 {
		return nil, fmt.Errorf("pkp %s was not derived from the network's root key %x", tokenHex(k.tokenID), root.SerializeCompressed())
	}
	k.addr = common.Address(tecdsa.Address(k.pub))
	return k, nil
}

// pkpState caches what the client learned from the nodes' handshakes.
type pkpState struct {
	mu         sync.Mutex
	net        *pkpNetwork
	refreshing bool          // a background refresh of net is running
	fetching   chan struct{} // holds a token while a handshake round runs: one at a time
}

// startFetch waits for the turn to run a handshake round (one at a time) or for ctx.
func (st *pkpState) startFetch(ctx context.Context) (release func(), err error) {
	st.mu.Lock()
	if st.fetching == nil {
		st.fetching = make(chan struct{}, 1)
	}
	fetching := st.fetching
	st.mu.Unlock()
	select {
	case fetching <- struct{}{}:
		return func() { <-fetching }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("handshake with the nodes: %w", ctx.Err())
	}
}

// pkpNetwork is the signing view of the network: the epoch, its root key, the signer set size,
// the ring of nodes (ordered by peer ID, as the nodes order it) and which nodes answered.
type pkpNetwork struct {
	epoch   uint64
	root    *secp256k1.PublicKey
	size    int // 2t+1
	t       int
	ring    []NodeEntry // PeerID set
	live    map[string]bool
	fetched time.Time
	// handshakes are the live nodes' answers by peer ID (the scheme roots, pkp_schemes.go).
	handshakes map[string]*api.HandshakeResponse
}

const (
	// pkpNetworkTTL is how long the signing view serves without a refresh; until
	// pkpNetworkMaxAge an older one still serves while one refresh runs behind it, so that no
	// signature waits for the handshakes (up to 10 s for a node that does not answer).
	pkpNetworkTTL    = 30 * time.Second
	pkpNetworkMaxAge = 2 * time.Minute
	maxWarmWindows   = 16 // as the nodes: only the first 16 windows are kept warm
	signAttempts     = 3
	// signRateLimitWaits bounds the attempts after a rate_limited answer (25 ms, doubling:
	// 3.2 s in all): a requester signing back to back over its budget waits for the bucket
	// instead of failing (TestPKPSigningOnAFourNodeNetwork's thousand signatures).
	signRateLimitWaits = 7
	shareTimeout       = 45 * time.Second
)

// pkpNetwork returns the cached signing view. A view older than pkpNetworkTTL still serves
// while one background refresh handshakes every node (before, every signature of the client
// waited behind a lock for the slowest node's handshake, every 30 s: lit bench sign at n = 4
// stalled for 9 s with no error); with fresh set, after a failure that says the view is stale,
// or when there is none or it is older than pkpNetworkMaxAge, the caller waits for a new one.
func (c *Client) pkpNetwork(ctx context.Context, fresh bool) (*pkpNetwork, error) {
	asked := time.Now()
	c.pkp.mu.Lock()
	if nw := c.pkp.net; nw != nil && !fresh {
		age := time.Since(nw.fetched)
		if age >= pkpNetworkTTL && age < pkpNetworkMaxAge && !c.pkp.refreshing {
			c.pkp.refreshing = true
			go func() {
				ctx, cancel := context.WithTimeout(context.Background(), handshakeTimeout)
				defer cancel()
				_, _ = c.fetchPKPNetwork(ctx, time.Now()) // on failure the old view serves on; the next call tries again
				c.pkp.mu.Lock()
				c.pkp.refreshing = false
				c.pkp.mu.Unlock()
			}()
		}
		if age < pkpNetworkMaxAge {
			c.pkp.mu.Unlock()
			return nw, nil
		}
	}
	c.pkp.mu.Unlock()
	return c.fetchPKPNetwork(ctx, asked)
}

// fetchPKPNetwork handshakes every node and keeps the view they give, unless a view fetched
// after `after` is there already (another caller's round, which this one waited for).
//
//nolint:funlen // builds the signing view from every node's handshake in one pass (fan-out, checks)
func (c *Client) fetchPKPNetwork(ctx context.Context, after time.Time) (*pkpNetwork, error) {
	release, err := c.pkp.startFetch(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	c.pkp.mu.Lock()
	cur := c.pkp.net
	c.pkp.mu.Unlock()
	if cur != nil && cur.fetched.After(after) {
		return cur, nil
	}
	type answer struct {
		entry NodeEntry
		resp  *api.HandshakeResponse
		err   error
	}
	answers := make([]answer, len(c.Network.Nodes))
	var wg sync.WaitGroup
	for i, n := range c.Network.Nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			resp, att, err := c.Handshake(hctx, n)
			if err == nil && !att.Verified {
				err = fmt.Errorf("attestation not verified: %s", att.Reason)
			}
			if err == nil && !att.TLS.Verified {
				err = fmt.Errorf("TLS certificate not verified: %s", att.TLS.Reason)
			}
			answers[i] = answer{n, resp, err}
		}()
	}
	wg.Wait()
	// The view most nodes agree on: epoch, root key, signer set size.
	type view struct {
		epoch uint64
		root  string
		size  int
	}
	votes := map[view]int{}
	var best view
	var errs []error
	for _, a := range answers {
		if a.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a.entry.URL, a.err))
			continue
		}
		if len(a.resp.HDRootPubkeys) == 0 || a.resp.ECDSAThreshold < 1 {
			errs = append(errs, fmt.Errorf("%s: no ECDSA root key yet (epoch %d)", a.entry.URL, a.resp.Epoch))
			continue
		}
		v := view{a.resp.Epoch, a.resp.HDRootPubkeys[0], a.resp.ECDSAThreshold}
		if votes[v]++; votes[v] > votes[best] {
			best = v
		}
	}
	if votes[best] == 0 || votes[best] < best.size {
		return nil, api.Errorf(api.KindUnavailable, "not enough peers: %d nodes agree on the network's ECDSA key, a signature needs %d: %v", votes[best], best.size, errors.Join(errs...))
	}
	raw, err := hex.DecodeString(best.root)
	if err != nil {
		return nil, fmt.Errorf("root key %q: %w", best.root, err)
	}
	root, err := secp256k1.ParsePubKey(raw)
	if err != nil {
		return nil, fmt.Errorf("root key %q: %w", best.root, err)
	}
	nw := &pkpNetwork{epoch: best.epoch, root: root, size: best.size, t: (best.size - 1) / 2, live: map[string]bool{}, fetched: time.Now(), handshakes: map[string]*api.HandshakeResponse{}}
	for _, a := range answers {
		e := a.entry
		if e.PeerID == "" {
			continue
		}
		nw.ring = append(nw.ring, e)
		if a.err == nil && a.resp.Epoch == best.epoch && len(a.resp.HDRootPubkeys) > 0 && a.resp.HDRootPubkeys[0] == best.root {
			nw.live[e.PeerID] = true
			nw.handshakes[e.PeerID] = a.resp
		}
	}
	slices.SortFunc(nw.ring, func(a, b NodeEntry) int { return strings.Compare(a.PeerID, b.PeerID) })
	c.pkp.mu.Lock()
	c.pkp.net = nw
	c.pkp.mu.Unlock()
	return nw, nil
}

// liveNodes returns the nodes of the network file that answered the (cached) handshake with
// the epoch and keys most nodes agree on, in network-file order; all of them if the handshake
// view cannot be had (no ECDSA key yet, say: then no signature can be asked for anyway).
func (c *Client) liveNodes(ctx context.Context) []NodeEntry {
	nw, err := c.pkpNetwork(ctx, false)
	if err != nil {
		return c.Network.Nodes
	}
	var out []NodeEntry
	for _, n := range c.Network.Nodes {
		for _, e := range nw.ring {
			if e.URL == n.URL && nw.live[e.PeerID] {
				out = append(out, n)
				break
			}
		}
	}
	if len(out) < nw.size {
		return c.Network.Nodes
	}
	return out
}

// pickSet chooses a signer set of live, not excluded nodes: a window of consecutive ring
// members (the sets the nodes keep presignatures for) from a random start, or, when no window
// is all live, any live nodes (their presignatures are computed on demand).
func (nw *pkpNetwork) pickSet(excluded map[string]string) ([]NodeEntry, error) {
	return nw.pickSetOf(excluded, nw.size)
}

// pickSetOf is pickSet for sets of size members (T for the FROST schemes).
func (nw *pkpNetwork) pickSetOf(excluded map[string]string, size int) ([]NodeEntry, error) {
	n := len(nw.ring)
	ok := func(e NodeEntry) bool { return nw.live[e.PeerID] && excluded[e.PeerID] == "" }
	windows := min(n, maxWarmWindows)
	start := mrand.IntN(windows) //nolint:gosec // spreads load over the coordinators; nothing depends on it being unpredictable
	for k := 0; k < windows; k++ {
		r := (start + k) % windows
		set := make([]NodeEntry, 0, size)
		for j := 0; j < size && ok(nw.ring[(r+j)%n]); j++ {
			set = append(set, nw.ring[(r+j)%n])
		}
		if len(set) == size {
			return set, nil
		}
	}
	var set []NodeEntry
	for j := 0; j < n && len(set) < size; j++ {
		if e := nw.ring[(start+j)%n]; ok(e) {
			set = append(set, e)
		}
	}
	if len(set) < size {
		var why []string
		for p, r := range excluded {
			why = append(why, p+": "+r)
		}
		slices.Sort(why)
		return nil, api.Errorf(api.KindUnavailable, "not enough peers: %d usable nodes, a signature needs %d (left out: %s)", len(set), size, strings.Join(why, "; "))
	}
	return set, nil
}

// PKPSign signs a 32-byte hash with a PKP (its public key or token id): it sends the request
// to a signer set of 2t+1 nodes, checks every share, names and leaves out a node whose share is
// wrong, combines t+1 or more good shares into a low-s signature, and verifies it recovers to
// the PKP's address. When a node fails it tries another signer set without it. auth must make
// session signatures (a *Session): nodes take no plain authSig for signing.
//
//nolint:gocognit // the retry loop over signer sets; each branch decides which nodes the next attempt avoids
func (c *Client) PKPSign(ctx context.Context, pkp string, hash [32]byte, auth Auth) (*PKPSignature, error) {
	if auth == nil {
		return nil, errors.New("pkp sign: no credentials")
	}
	nw, err := c.pkpNetwork(ctx, false)
	if err != nil {
		return nil, err
	}
	key, err := c.lookupPKP(ctx, nw.root, pkp)
	if err != nil {
		return nil, err
	}
	excluded, avoid := map[string]string{}, map[string]string{}
	var avoidOrder []RejectedSigner // avoid, most suspect first
	var rejected []RejectedSigner
	var lastErr error
	limitedWaits := 0
	for attempt := 0; attempt < signAttempts; attempt++ {
		if attempt > 0 && isRateLimited(lastErr) && limitedWaits < signRateLimitWaits {
			// A signer was over this requester's budget: wait a moment (its window is
			// short); such an attempt does not count against signAttempts.
			if err := sleepCtx(ctx, rateLimitWait<<limitedWaits); err != nil {
				return nil, fmt.Errorf("pkp sign: %w (last attempt: %w)", err, lastErr)
			}
			limitedWaits++
			attempt--
		}
		if attempt > 0 && errors.Is(lastErr, errStaleView) {
			if nw, err = c.pkpNetwork(ctx, true); err != nil {
				return nil, err
			}
		}
		set, err := nw.pickSetAvoiding(excluded, avoid, avoidOrder)
		if err != nil {
			if lastErr != nil {
				return nil, fmt.Errorf("%w (last attempt: %w)", err, lastErr)
			}
			return nil, err
		}
		sig, bad, soft, err := c.signWith(ctx, nw, set, key, hash, auth)
		for _, r := range bad {
			excluded[r.PeerID] = r.Reason
		}
		avoid = map[string]string{}
		avoidOrder = soft
		for _, r := range soft {
			avoid[r.PeerID] = r.Reason
		}
		if err == nil {
			sig.Rejected = append(rejected, sig.Rejected...)
			return sig, nil
		}
		rejected = append(rejected, bad...)
		var final *api.Error
		if errors.As(err, &final) && finalKind(final.Kind) {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, err
		}
		lastErr = err
	}
	return nil, fmt.Errorf("pkp sign: %d signer sets failed; last: %w", signAttempts, lastErr)
}

// pickSetAvoiding picks a signer set without the excluded nodes, preferring one without the
// nodes that merely could not serve the last request (for example a presignature their
// session lost): when not all of those can be left out, it keeps avoiding the first ones of
// avoidOrder (the most suspect: the peers named at fault) and gives up the rest.
func (nw *pkpNetwork) pickSetAvoiding(excluded, avoid map[string]string, avoidOrder []RejectedSigner) ([]NodeEntry, error) {
	set, err := nw.pickSet(mergeExcluded(excluded, avoid))
	for i := len(avoidOrder) - 1; err != nil && i > 0; i-- {
		keep := map[string]string{}
		for _, r := range avoidOrder[:i] {
			keep[r.PeerID] = r.Reason
		}
		set, err = nw.pickSet(mergeExcluded(excluded, keep))
	}
	if err != nil {
		set, err = nw.pickSet(excluded)
	}
	return set, err
}

func mergeExcluded(a, b map[string]string) map[string]string {
	out := make(map[string]string, len(a)+len(b))
	for k, v := range b {
		out[k] = v
	}
	for k, v := range a {
		out[k] = v
	}
	return out
}

// errStaleView marks a failure that a fresh handshake may fix (the epoch changed).
var errStaleView = errors.New("the network's epoch or keys changed")

func finalKind(k api.Kind) bool {
	switch k {
	case api.KindBadRequest, api.KindUnauthorized, api.KindForbidden, api.KindNotFound, api.KindTooLarge:
		return true
	}
	return false
}

// nodeAnswer is one signer's answer.
type nodeAnswer struct {
	node  NodeEntry
	share *api.PKPSignShare
	err   error
}

// signWith runs one attempt with one signer set. bad names the nodes that failed or whose
// fault another node proved with evidence this client checked (left out of later attempts),
// soft those that could not serve this request (avoided if possible).
//
//nolint:funlen,gocognit // one signing attempt: fan-out, answer checks and blame, which share the answers' state
func (c *Client) signWith(ctx context.Context, nw *pkpNetwork, set []NodeEntry, key *pkpKey, hash [32]byte, auth Auth) (sig *PKPSignature, bad, soft []RejectedSigner, err error) {
	var idb [16]byte
	if _, err := rand.Read(idb[:]); err != nil {
		return nil, nil, nil, err
	}
	req := api.PKPSignRequest{
		ToSign:    hash[:],
		PubKey:    "0x" + hex.EncodeToString(key.pub.SerializeUncompressed()),
		RequestID: hex.EncodeToString(idb[:]),
	}
	for _, n := range set {
		req.NodeSet = append(req.NodeSet, n.PeerID)
	}
	sctx, cancel := context.WithTimeout(ctx, shareTimeout)
	defer cancel()
	results := make(chan nodeAnswer, len(set))
	for _, n := range set {
		go func() {
			var out api.PKPSignShare
			nreq := req
			var err error
			if nreq.AuthSig, err = c.authJSON(sctx, auth, n.URL, access.PKPSigningRequest(key.tokenID)); err == nil {
				err = c.postAuthed(sctx, n.URL, "/web/pkp/sign", nreq, &out, false)
			}
			if err != nil {
				results <- nodeAnswer{node: n, err: err}
				return
			}
			results <- nodeAnswer{node: n, share: &out}
		}()
	}
	// Every honest signer answers once the whole set agreed, so the answers normally come
	// together. A member that cannot agree (it lacked a confirmation) answers only at its
	// timeout: once t+1 good shares combine, the rest get as long again as the request took
	// so far (at least graceMin) to be checked and named, and no longer.
	start := time.Now()
	var answers []nodeAnswer
	var goods []nodeAnswer
	var early *PKPSignature
	var grace <-chan time.Time
	failed := 0
collect:
	for range set {
		var a nodeAnswer
		select {
		case a = <-results:
		case <-grace:
			cancel()
			break collect
		}
		answers = append(answers, a)
		if a.err != nil {
			failed++
			if isRateLimited(a.err) {
				// Refused before the agreement, which needs every member's confirmation:
				// the others would wait out their 10 s for it. Stop them now (lit bench sign
				// c8 at n = 4: one requester over its per-node budget stalled every worker
				// for 10 s at a time).
				cancel()
			}
			// Without t+1 answers this set cannot sign: stop waiting for the rest (members
			// waiting for a coordinator that failed would only time out).
			if failed > len(set)-(nw.t+1) {
				cancel()
			}
			continue
		}
		goods = append(goods, a)
		if early == nil && len(goods) >= nw.t+1 {
			if sig, _, err := combineAnswers(key, hash, goods, nw.t); err == nil {
				early = sig
				grace = time.After(max(time.Since(start), graceMin))
			}
		}
	}
	kinds := map[api.Kind]int{}
	var firstOfKind = map[api.Kind]error{}
	var good []nodeAnswer
	// Blame only what this client verifies itself: a node is left out of later attempts for
	// its own failure (an internal error, a wrong share), or for a fault another node proves
	// with evidence whose signatures this client checks (api.Evidence) — never on a node's
	// word. What answers say about other signers (that they did not confirm, that the
	// answering node excludes them) only steers the next attempt, and only when t+1 answers
	// (so at least one honest) name the same peer: the others count as failed for this attempt.
	named := map[string]map[string]bool{} // peer → the answers that name it
	var claims []nodeAnswer
	for _, a := range answers {
		if a.err == nil {
			good = append(good, a)
			continue
		}
		var ae *api.Error
		switch {
		case errors.As(a.err, &ae):
			kinds[ae.Kind]++
			if firstOfKind[ae.Kind] == nil {
				firstOfKind[ae.Kind] = ae
			}
			if ae.Evidence != nil {
				accused, err := nw.verifyEvidence(ae.Evidence)
				if err != nil {
					soft = append(soft, RejectedSigner{a.node.PeerID, "sent evidence that does not hold: " + err.Error()})
					continue
				}
				bad = append(bad, RejectedSigner{accused, fmt.Sprintf("proven %s (evidence from %s, signatures checked)", ae.Evidence.Kind, a.node.PeerID)})
				continue
			}
			switch ae.Kind {
			case api.KindInternal, api.KindBadGateway:
				bad = append(bad, RejectedSigner{a.node.PeerID, ae.Error()})
			case api.KindUnavailable, api.KindWrongEpoch, api.KindTimeout, api.KindConflict, api.KindRateLimited:
				for _, m := range set {
					if m.PeerID != a.node.PeerID && strings.Contains(ae.Message, m.PeerID) {
						if named[m.PeerID] == nil {
							named[m.PeerID] = map[string]bool{}
						}
						named[m.PeerID][a.node.PeerID] = true
					}
				}
				claims = append(claims, a)
			}
		case errors.Is(a.err, context.Canceled) && ctx.Err() == nil:
			// We stopped waiting for it.
		default:
			bad = append(bad, RejectedSigner{a.node.PeerID, a.err.Error()})
		}
	}
	corroborated := func(p string) bool { return len(named[p]) >= nw.t+1 }
	for p, by := range named {
		if corroborated(p) {
			soft = append(soft, RejectedSigner{p, fmt.Sprintf("named by %d signers as at fault for this request", len(by))})
		} else {
			// One of the namer and the named is at fault, and this client cannot tell which:
			// avoid both for the next attempt (a preference, never an exclusion), the named
			// first (signPKP drops avoidances from the back of soft when it cannot honour all).
			soft = append([]RejectedSigner{{p, fmt.Sprintf("named by %d signer(s) as at fault for this request (not corroborated)", len(by))}}, soft...)
		}
	}
	for _, a := range claims {
		// A node whose refusal no t+1 answers back counts as failed for this attempt.
		backed := false
		for p, by := range named {
			backed = backed || (by[a.node.PeerID] && corroborated(p))
		}
		if !backed {
			soft = append(soft, RejectedSigner{a.node.PeerID, a.err.Error()})
		}
	}
	coord := nw.coordinatorOf(set)
	if len(good) >= nw.t+1 {
		sig, rej, split, err := combineGroups(key, hash, good, nw.t)
		bad = append(bad, rej...)
		if split && coord != "" {
			// Honest signers answer only with the tuple the whole set agreed on: answers with
			// different presignatures or ρ mean the coordinator or some of those answering
			// lied — which, this client cannot tell: avoid the coordinator, blame nobody.
			soft = append(soft, RejectedSigner{coord, "the signers' answers name different presignatures or ρ"})
		}
		if err == nil {
			sig.Rejected = rej
			return sig, bad, soft, nil
		}
		if early != nil {
			return early, bad, soft, nil
		}
		return nil, bad, soft, err
	}
	// Not enough answers: report the most common refusal if t+1 nodes agree on it.
	for k, cnt := range kinds {
		if cnt >= nw.t+1 {
			if k == api.KindWrongEpoch {
				return nil, bad, soft, fmt.Errorf("%w: %w", errStaleView, firstOfKind[k])
			}
			return nil, bad, soft, firstOfKind[k]
		}
	}
	var errs []error
	for _, a := range answers {
		if a.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a.node.PeerID, a.err))
		}
	}
	return nil, bad, soft, fmt.Errorf("%d of %d signers answered, %d needed: %w", len(good), len(set), nw.t+1, errors.Join(errs...))
}

// verifyEvidence checks a node's proof of another node's fault and returns the accused: the
// accused is a node of the network, and both assignments — one presignature in two different
// tuples — verify under the libp2p identity key its peer ID names.
func (nw *pkpNetwork) verifyEvidence(ev *api.Evidence) (string, error) {
	msgs, err := ev.Check()
	if err != nil {
		return "", err
	}
	if !slices.ContainsFunc(nw.ring, func(e NodeEntry) bool { return e.PeerID == ev.Accused }) {
		return "", fmt.Errorf("evidence accuses %s, which is not a node of the network", ev.Accused)
	}
	id, err := peer.Decode(ev.Accused)
	if err != nil {
		return "", fmt.Errorf("evidence accuses %q: %w", ev.Accused, err)
	}
	pub, err := id.ExtractPublicKey()
	if err != nil {
		return "", fmt.Errorf("the public key of %s: %w", ev.Accused, err)
	}
	for i, m := range msgs {
		if ok, err := pub.Verify(m, ev.Assignments[i].Signature); err != nil || !ok {
			return "", fmt.Errorf("assignment %d of the evidence is not signed by %s", i, ev.Accused)
		}
	}
	return ev.Accused, nil
}

// graceMin is the least a client waits, after t+1 shares combined, for the other signers'
// answers (to check and name them).
const graceMin = 20 * time.Millisecond

// coordinatorOf returns the peer ID of the set's coordinator, as the nodes choose it: the
// first member of the set's canonical order, which runs around the ring (nodes ordered by
// peer ID) starting after the set's largest gap (ties: the earliest ring position).
func (nw *pkpNetwork) coordinatorOf(set []NodeEntry) string {
	n := len(nw.ring)
	var ps []int
	for _, m := range set {
		if i := slices.IndexFunc(nw.ring, func(e NodeEntry) bool { return e.PeerID == m.PeerID }); i >= 0 {
			ps = append(ps, i)
		}
	}
	if len(ps) != len(set) || n == 0 {
		return ""
	}
	slices.Sort(ps)
	best, bestGap := 0, -1
	for j := range ps {
		gap := ps[j] - ps[(j+len(ps)-1)%len(ps)]
		if j == 0 {
			gap = ps[0] + n - ps[len(ps)-1]
		}
		if gap > bestGap {
			best, bestGap = j, gap
		}
	}
	return nw.ring[ps[best]].PeerID
}

// CombinePKPShares combines signature shares that nodes returned (for example from
// Lit.Actions.signEcdsa in an execution result) into a signature, checking each share and
// naming the nodes whose shares are wrong.
func (c *Client) CombinePKPShares(ctx context.Context, pkp string, hash [32]byte, shares []api.PKPSignShare) (*PKPSignature, error) {
	nw, err := c.pkpNetwork(ctx, false)
	if err != nil {
		return nil, err
	}
	key, err := c.lookupPKP(ctx, nw.root, pkp)
	if err != nil {
		return nil, err
	}
	answers := make([]nodeAnswer, len(shares))
	for i := range shares {
		answers[i] = nodeAnswer{node: NodeEntry{PeerID: shares[i].PeerID}, share: &shares[i]}
	}
	sig, rej, err := combineAnswers(key, hash, answers, nw.t)
	if err != nil {
		return nil, err
	}
	sig.Rejected = rej
	return sig, nil
}

// maxShareHex bounds the hex fields of a share answer the client decodes.
const maxShareHex = 64 << 10

// combineAnswers groups the answers by the presignature and ρ they used, takes the largest
// group, and combines it. Shares that fail their check are named in rejected.
func combineAnswers(key *pkpKey, hash [32]byte, answers []nodeAnswer, t int) (*PKPSignature, []RejectedSigner, error) {
	sig, rej, _, err := combineGroups(key, hash, answers, t)
	return sig, rej, err
}

// combineGroups is combineAnswers that also reports whether the answers named more than one
// (presignature, ρ): honest signers release a share only for the tuple their whole set agreed
// on, so a split is the coordinator's doing (or the answering signers lie), and the signers
// outside the largest group are not blamed for it.
//
//nolint:funlen,gocognit // groups answers by presignature and blames outside the largest group; the rules are one argument
func combineGroups(key *pkpKey, hash [32]byte, answers []nodeAnswer, t int) (*PKPSignature, []RejectedSigner, bool, error) {
	type group struct {
		id, rho string
		members []nodeAnswer
	}
	var groups []*group
	var rejected []RejectedSigner
	for _, a := range answers {
		s := a.share
		if len(s.Presignature) > maxShareHex || len(s.SignatureShare) > maxShareHex || len(s.Rho) != 64 || len(s.PresignatureID) != 64 {
			rejected = append(rejected, RejectedSigner{a.node.PeerID, "malformed answer (field sizes)"})
			continue
		}
		if !strings.EqualFold(strings.TrimPrefix(s.DataSigned, "0x"), hex.EncodeToString(hash[:])) {
			rejected = append(rejected, RejectedSigner{a.node.PeerID, "signed another hash"})
			continue
		}
		i := slices.IndexFunc(groups, func(g *group) bool { return g.id == s.PresignatureID && g.rho == s.Rho })
		if i < 0 {
			groups = append(groups, &group{id: s.PresignatureID, rho: s.Rho})
			i = len(groups) - 1
		}
		groups[i].members = append(groups[i].members, a)
	}
	slices.SortStableFunc(groups, func(a, b *group) int { return len(b.members) - len(a.members) })
	split := len(groups) > 1
	if len(groups) == 0 || len(groups[0].members) < t+1 {
		return nil, rejected, split, fmt.Errorf("combine: no presignature agreed by %d signers: %w", t+1, tecdsa.ErrNotEnoughShares)
	}
	g := groups[0]
	rho, _ := hex.DecodeString(g.rho)
	req := tecdsa.SignRequest{Tweak: key.tweak, Hash: hash, Rho: [32]byte(rho)}
	// Parse the shares; map share index → node.
	byIndex := map[int]string{}
	var shares []*tecdsa.SignatureShare
	var presigs []string // distinct public presignature encodings, most common first
	count := map[string]int{}
	for _, a := range g.members {
		raw, err := hex.DecodeString(a.share.SignatureShare)
		var sh *tecdsa.SignatureShare
		if err == nil {
			sh, err = tecdsa.UnmarshalSignatureShare(raw)
		}
		if err != nil {
			rejected = append(rejected, RejectedSigner{a.node.PeerID, "malformed signature share: " + err.Error()})
			continue
		}
		if _, dup := byIndex[sh.Index]; dup {
			rejected = append(rejected, RejectedSigner{a.node.PeerID, fmt.Sprintf("claims share index %d, which another signer sent", sh.Index)})
			continue
		}
		byIndex[sh.Index] = a.node.PeerID
		shares = append(shares, sh)
		if count[a.share.Presignature]++; count[a.share.Presignature] == 1 {
			presigs = append(presigs, a.share.Presignature)
		}
	}
	slices.SortStableFunc(presigs, func(a, b string) int { return count[b] - count[a] })
	lastErr := tecdsa.ErrNotEnoughShares
	for _, enc := range presigs {
		raw, err := hex.DecodeString(enc)
		if err != nil {
			continue
		}
		pub, err := tecdsa.UnmarshalPublicPresignature(raw)
		if err != nil || pub.ID().String() != g.id {
			continue
		}
		sig, err := tecdsa.Combine(pub, key.pub, req, shares)
		if errors.Is(err, tecdsa.ErrBadPresignature) {
			lastErr = err
			continue // a signer sent a false public presignature: try another signer's
		}
		if err != nil {
			return nil, rejected, split, fmt.Errorf("combine: %w", err)
		}
		for _, f := range sig.Rejected {
			rejected = append(rejected, RejectedSigner{byIndex[f.Index], "wrong signature share: " + f.Error()})
		}
		for _, a := range g.members {
			if a.share.Presignature != enc && !slices.ContainsFunc(rejected, func(r RejectedSigner) bool { return r.PeerID == a.node.PeerID }) {
				rejected = append(rejected, RejectedSigner{a.node.PeerID, "sent a false public presignature " + g.id})
			}
		}
		out, err := finish(key, hash, sig)
		if err != nil {
			return nil, rejected, split, err
		}
		out.PresignatureID = g.id
		for _, sh := range shares {
			if !slices.ContainsFunc(sig.Rejected, func(f *tecdsa.FaultError) bool { return f.Index == sh.Index }) {
				out.Signers = append(out.Signers, byIndex[sh.Index])
			}
		}
		return out, rejected, split, nil
	}
	return nil, rejected, split, fmt.Errorf("combine: %w", lastErr)
}

// finish checks the signature with go-ethereum's recovery and formats it.
func finish(key *pkpKey, hash [32]byte, sig *tecdsa.Signature) (*PKPSignature, error) {
	raw := sig.Bytes()
	rec, err := crypto.Ecrecover(hash[:], raw[:])
	if err != nil {
		return nil, fmt.Errorf("combine: recover the signer: %w", err)
	}
	if common.BytesToAddress(crypto.Keccak256(rec[1:])[12:]) != key.addr {
		return nil, fmt.Errorf("combine: the signature recovers to another address than the PKP's %s", key.addr.Hex())
	}
	joined := raw
	joined[64] += 27
	return &PKPSignature{
		R:          "0x" + hex.EncodeToString(sig.R[:]),
		S:          "0x" + hex.EncodeToString(sig.S[:]),
		V:          int(sig.V) + 27,
		RecID:      int(sig.V),
		Signature:  "0x" + hex.EncodeToString(joined[:]),
		PublicKey:  "0x" + hex.EncodeToString(key.pub.SerializeUncompressed()),
		EthAddress: key.addr.Hex(),
		raw:        raw,
	}, nil
}
