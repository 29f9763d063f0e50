package client

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/btcsuite/btcd/btcec/v2/schnorr"
	"github.com/drand/kyber"
	"github.com/drand/kyber/share"
	"github.com/mr-tron/base58"
	blst "github.com/supranational/blst/bindings/go"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/frost"
)

// PKPs of the key types besides ECDSA and their signing schemes (docs/schemes.md, docs/pkp.md):
// Ed25519 (SchnorrEd25519Sha512), Schnorr secp256k1 (SchnorrK256Taproot, SchnorrK256Sha256)
// and BLS (Bls12381G1MessageAugmentation). The client mints them (deriving the key from the
// root of the type that the chain records and the nodes report), names them by token id,
// sends FROST requests to a signer set of T nodes and BLS requests to the live nodes, checks
// every share, names the bad ones, combines, and verifies the signature with the scheme's
// standard verifier — and, independently, with Go's crypto/ed25519, btcec's BIP-340 verifier
// or blst — before it returns it.

// KeyTypeNames are the key types `lit pkp mint --key-type` takes.
var KeyTypeNames = []string{"ecdsa", "ed25519", "taproot", "bls"}

// ParseKeyType reads a key type as users name it: ecdsa, ed25519, taproot (or schnorr-k256),
// bls (or bls-pkp).
func ParseKeyType(s string) (chain.KeyType, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "ecdsa", "k256", "secp256k1":
		return chain.KeyTypeECDSA, nil
	case "ed25519", "solana":
		return chain.KeyTypeEd25519, nil
	case "taproot", "schnorr-k256", "bip340", "schnorr":
		return chain.KeyTypeSchnorrK256, nil
	case "bls", "bls-pkp":
		return chain.KeyTypeBLSPKP, nil
	}
	return 0, fmt.Errorf("key type %q: want one of %s", s, strings.Join(KeyTypeNames, ", "))
}

// schemeOf maps a signing scheme name to its key type and FROST suite (0 for BLS).
func schemeOf(name string) (chain.KeyType, frost.Suite, error) {
	switch name {
	case api.SchemeSchnorrEd25519Sha512:
		return chain.KeyTypeEd25519, frost.Ed25519, nil
	case api.SchemeSchnorrK256Taproot:
		return chain.KeyTypeSchnorrK256, frost.Taproot, nil
	case api.SchemeSchnorrK256Sha256:
		return chain.KeyTypeSchnorrK256, frost.Secp256k1, nil
	case api.SchemeBLSAugmentation:
		return chain.KeyTypeBLSPKP, 0, nil
	case api.SchemeBLSProofOfPossession:
		return 0, 0, fmt.Errorf("signing scheme %s: %w", name, bls.ErrPOPForPKP)
	case api.SchemeEcdsaK256Sha256:
		return chain.KeyTypeECDSA, 0, nil
	}
	return 0, 0, fmt.Errorf("signing scheme %q: want one of %s", name, strings.Join(api.SigningSchemes, ", "))
}

// SchemeKeyType is the key type of the PKPs a signing scheme signs for (Lit's names, and
// litmesh's Bls12381G1MessageAugmentation).
func SchemeKeyType(scheme string) (chain.KeyType, error) {
	kt, _, err := schemeOf(scheme)
	return kt, err
}

// SchemesOf lists the signing schemes of a key type.
func SchemesOf(kt chain.KeyType) []string {
	switch kt {
	case chain.KeyTypeECDSA:
		return []string{api.SchemeEcdsaK256Sha256}
	case chain.KeyTypeEd25519:
		return []string{api.SchemeSchnorrEd25519Sha512}
	case chain.KeyTypeSchnorrK256:
		return []string{api.SchemeSchnorrK256Taproot, api.SchemeSchnorrK256Sha256}
	case chain.KeyTypeBLSPKP:
		return []string{api.SchemeBLSAugmentation}
	}
	return nil
}

// SchemePKP is a PKP of a scheme key type: what `lit pkp mint --key-type` prints.
type SchemePKP struct {
	TokenID        string   `json:"tokenId"`
	KeyType        string   `json:"keyType"`
	PublicKey      string   `json:"publicKey"` // 0x-hex, as the PKPNFT contract stores it
	SigningSchemes []string `json:"signingSchemes"`
	// The key in the forms chains use: Solana's base58 address (Ed25519), the BIP-340 x-only
	// key (Schnorr secp256k1).
	SolanaAddress  string `json:"solanaAddress,omitempty"`
	XOnlyPublicKey string `json:"xOnlyPublicKey,omitempty"`
}

func schemePKPInfo(kt chain.KeyType, tokenID *big.Int, pub []byte) *SchemePKP {
	p := &SchemePKP{TokenID: tokenHex(tokenID), KeyType: kt.String(), PublicKey: "0x" + hex.EncodeToString(pub), SigningSchemes: SchemesOf(kt)}
	switch kt {
	case chain.KeyTypeEd25519:
		p.SolanaAddress = base58.Encode(pub)
	case chain.KeyTypeSchnorrK256:
		if len(pub) == 33 {
			p.XOnlyPublicKey = "0x" + hex.EncodeToString(pub[1:])
		}
	}
	return p
}

// schemeRoot is a scheme root key as the client trusts it: reported by enough live nodes,
// equal to the key the chain records.
type schemeRoot struct {
	kt        chain.KeyType
	set       api.RootKeySet
	commits   [][]byte
	threshold int
}

// schemeRoot returns the root key of a scheme key type that at least its threshold of live
// nodes report identically, checked against the chain's.
func (c *Client) schemeRoot(ctx context.Context, nw *pkpNetwork, kt chain.KeyType) (*schemeRoot, error) {
	votes := map[string]int{}
	sets := map[string]api.RootKeySet{}
	best := ""
	for _, hs := range nw.handshakes {
		set, ok := hs.PKPRootKeys[kt.String()]
		if !ok || len(set.Commitments) == 0 || len(set.Commitments) > 1024 || set.Threshold != len(set.Commitments) {
			continue
		}
		key := strings.Join(set.Commitments, ",")
		sets[key] = set
		if votes[key]++; votes[key] > votes[best] {
			best = key
		}
	}
	if best == "" {
		return nil, api.Errorf(api.KindUnavailable, "no node reports a %s root key: this network makes it at its next key round", kt)
	}
	set := sets[best]
	if votes[best] < set.Threshold {
		return nil, api.Errorf(api.KindUnavailable, "not enough peers: %d nodes agree on the %s root key, a signature needs %d", votes[best], kt, set.Threshold)
	}
	r := &schemeRoot{kt: kt, set: set, threshold: set.Threshold}
	for i, h := range set.Commitments {
		raw, err := hex.DecodeString(h)
		if err != nil {
			return nil, fmt.Errorf("%s root commitment %d: %w", kt, i, err)
		}
		r.commits = append(r.commits, raw)
	}
	cc, err := c.Chain(ctx)
	if err != nil {
		return nil, err
	}
	onChain, err := cc.RootKey(ctx, kt)
	switch {
	case errors.Is(err, chain.ErrNoRootKey):
		// Not voted yet (or a Staking contract from before the scheme key types): the nodes'
		// agreement is all there is.
	case err != nil:
		return nil, err
	case !bytes.Equal(onChain, r.commits[0]):
		return nil, fmt.Errorf("the nodes' %s root key %x is not the chain's %x", kt, r.commits[0], onChain)
	}
	return r, nil
}

func (r *schemeRoot) frostRoot(s frost.Suite) (*frost.RootKey, error) {
	return frost.NewRootKey(s, r.commits)
}

func (r *schemeRoot) blsPoly() (*share.PubPoly, error) {
	g := dkg.BLS12381()
	pts := make([]kyber.Point, len(r.commits))
	for i, b := range r.commits {
		p, err := dkg.ParsePublicKey(g, b)
		if err != nil {
			return nil, fmt.Errorf("BLS PKP root commitment %d: %w", i, err)
		}
		pts[i] = p
	}
	return share.NewPubPoly(g, nil, pts), nil
}

// derive is the PKP key of keyID under the root, in the PKPNFT contract's encoding.
func (r *schemeRoot) derive(keyID [32]byte) ([]byte, error) {
	return DeriveSchemeKey(r.kt, r.commits[0], keyID)
}

// DeriveSchemeKey derives the public key of a PKP of a scheme key type from the root key of the
// type (its encoding as the chain records it) and the key id, in the PKPNFT contract's
// encoding: 32 bytes (Ed25519), 33 bytes compressed (Schnorr secp256k1), 48 bytes compressed
// G1 (BLS). It is the chain.DeriveFunc of MintPKPOfType.
func DeriveSchemeKey(kt chain.KeyType, root []byte, keyID [32]byte) ([]byte, error) {
	switch kt {
	case chain.KeyTypeBLSPKP:
		x, err := dkg.ParsePublicKey(dkg.BLS12381(), root)
		if err != nil {
			return nil, err
		}
		y, err := bls.DerivePKPKey(x, keyID)
		if err != nil {
			return nil, err
		}
		return y.MarshalBinary()
	case chain.KeyTypeEd25519, chain.KeyTypeSchnorrK256:
		suite := frost.Ed25519
		if kt == chain.KeyTypeSchnorrK256 {
			suite = frost.Secp256k1
		}
		rk, err := frost.NewRootKey(suite, [][]byte{root})
		if err != nil {
			return nil, err
		}
		y, err := frost.DerivePublicKey(rk, frost.KeyID(keyID))
		if err != nil {
			return nil, err
		}
		return y.Bytes(), nil
	}
	return nil, fmt.Errorf("key type %s has no derivation here", kt)
}

// MintPKPOfType mints a PKP of a scheme key type owned by key's address. Its key derives from
// the root of the type that the chain records; the nodes check the derivation at every
// signature (the contract checks only the format of these keys).
func (c *Client) MintPKPOfType(ctx context.Context, key *ecdsa.PrivateKey, kt chain.KeyType) (*SchemePKP, error) {
	if kt == chain.KeyTypeECDSA || kt.PubkeyLen() == 0 {
		return nil, fmt.Errorf("mint: key type %s: use MintPKP for ECDSA", kt)
	}
	cc, err := c.Chain(ctx)
	if err != nil {
		return nil, err
	}
	p, err := cc.MintPKPOfType(ctx, key, kt, func(root []byte, keyID [32]byte) ([]byte, error) {
		return DeriveSchemeKey(kt, root, keyID)
	})
	if err != nil {
		return nil, err
	}
	return schemePKPInfo(kt, p.TokenID, p.PublicKey), nil
}

// SchemePKPOf reads a PKP of a scheme key type (by token id) from the chain and checks its key
// is the derivation from the chain's root of its type.
func (c *Client) SchemePKPOf(ctx context.Context, pkp string) (*SchemePKP, chain.PKP, error) {
	id, err := PKPTokenID(pkp)
	if err != nil {
		return nil, chain.PKP{}, err
	}
	cc, err := c.Chain(ctx)
	if err != nil {
		return nil, chain.PKP{}, err
	}
	p, err := cc.PKP(ctx, id)
	if errors.Is(err, chain.ErrUnknownPKP) {
		if rerr := cc.Refresh(ctx); rerr == nil {
			p, err = cc.PKP(ctx, id)
		}
	}
	if err != nil {
		return nil, chain.PKP{}, err
	}
	if p.KeyType == chain.KeyTypeECDSA {
		return nil, p, nil
	}
	root, err := cc.RootKey(ctx, p.KeyType)
	if err != nil {
		return nil, p, err
	}
	want, err := DeriveSchemeKey(p.KeyType, root, p.KeyID)
	if err != nil {
		return nil, p, err
	}
	if !bytes.Equal(want, p.PublicKey) {
		return nil, p, fmt.Errorf("pkp %s: its key %x is not the derivation of its key id from the network's %s root (%x): the nodes will not sign with it", tokenHex(id), p.PublicKey, p.KeyType, want)
	}
	return schemePKPInfo(p.KeyType, p.TokenID, p.PublicKey), p, nil
}

// SchemeSignature is a combined signature of a scheme other than ECDSA: what `lit pkp sign
// --scheme` prints.
type SchemeSignature struct {
	SigningScheme string `json:"signingScheme"`
	// Signature in the scheme's standard encoding (hex, no 0x): 64-byte Ed25519 R ‖ S, 64-byte
	// BIP-340, 65-byte compressed R ‖ z (RFC 9591 secp256k1), 96-byte compressed G2 (BLS).
	Signature string `json:"signature"`
	// PublicKey is the key it verifies under, in the scheme's standard encoding (hex, no 0x):
	// 32-byte Ed25519, 32-byte x-only (Taproot: the PKP's key, or its output key), 33-byte
	// compressed, 48-byte compressed G1.
	PublicKey string `json:"publicKey"`
	Message   string `json:"message"` // hex, no 0x
	TokenID   string `json:"tokenId"`
	// SolanaAddress is the base58 of an Ed25519 key.
	SolanaAddress string           `json:"solanaAddress,omitempty"`
	SlotID        string           `json:"slotId,omitempty"` // FROST
	Signers       []string         `json:"signers"`
	Rejected      []RejectedSigner `json:"rejected,omitempty"`

	raw, pub []byte
}

// Bytes returns the signature and the public key it verifies under.
func (s *SchemeSignature) Bytes() (sig, pub []byte) { return slices.Clone(s.raw), slices.Clone(s.pub) }

// SchemeSignOptions are a scheme request's options.
type SchemeSignOptions struct {
	// Taproot asks a SchnorrK256Taproot signature for the PKP's BIP-341 output key.
	Taproot *api.TaprootSpend
}

// schemeKey is a PKP the client signs with under a scheme.
type schemeKey struct {
	tokenID *big.Int
	keyID   [32]byte
	kt      chain.KeyType
	suite   frost.Suite
	name    string
	pub     []byte // on chain
	root    *schemeRoot
}

func (c *Client) schemeKey(ctx context.Context, nw *pkpNetwork, pkp, scheme string) (*schemeKey, error) {
	kt, suite, err := schemeOf(scheme)
	if err != nil {
		return nil, err
	}
	if kt == chain.KeyTypeECDSA {
		return nil, fmt.Errorf("signing scheme %s: use PKPSign", scheme)
	}
	_, p, err := c.SchemePKPOf(ctx, pkp)
	if err != nil {
		return nil, err
	}
	if p.KeyType != kt {
		return nil, fmt.Errorf("pkp %s is a %s PKP: it signs with %s, not %s", tokenHex(p.TokenID), p.KeyType, strings.Join(SchemesOf(p.KeyType), " or "), scheme)
	}
	root, err := c.schemeRoot(ctx, nw, kt)
	if err != nil {
		return nil, err
	}
	want, err := root.derive(p.KeyID)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(want, p.PublicKey) {
		return nil, fmt.Errorf("pkp %s was not derived from the network's %s root key %x", tokenHex(p.TokenID), kt, root.commits[0])
	}
	return &schemeKey{tokenID: p.TokenID, keyID: p.KeyID, kt: kt, suite: suite, name: scheme, pub: p.PublicKey, root: root}, nil
}

// PKPSignScheme signs msg with a PKP (its token id) under a scheme other than ECDSA: FROST
// requests go to a signer set of T nodes (a window of the ring, like ECDSA's, of the scheme's
// threshold), BLS requests to every live node. Each share is checked, a wrong one is named and
// its node left out, and the signature is verified with the scheme's standard verifier and
// an independent one before it is returned. FROST needs a share from every signer of the set:
// when one fails, another set without it is tried (three attempts).
//
//nolint:funlen,gocognit // the FROST retry loop over signer sets, as PKPSign's for ECDSA
func (c *Client) PKPSignScheme(ctx context.Context, pkp, scheme string, msg []byte, auth Auth, opts *SchemeSignOptions) (*SchemeSignature, error) {
	if auth == nil {
		return nil, errors.New("pkp sign: no credentials")
	}
	if len(msg) == 0 || len(msg) > api.MaxSchemeMessage {
		return nil, fmt.Errorf("pkp sign: a message of %d bytes, want 1…%d", len(msg), api.MaxSchemeMessage)
	}
	if opts == nil {
		opts = &SchemeSignOptions{}
	}
	nw, err := c.pkpNetwork(ctx, false)
	if err != nil {
		return nil, err
	}
	key, err := c.schemeKey(ctx, nw, pkp, scheme)
	if err != nil {
		return nil, err
	}
	if opts.Taproot != nil && key.suite != frost.Taproot {
		return nil, fmt.Errorf("pkp sign: a Taproot output key is for %s only", api.SchemeSchnorrK256Taproot)
	}
	excluded, avoid := map[string]string{}, map[string]string{}
	var rejected []RejectedSigner
	var lastErr error
	for attempt := 0; attempt < signAttempts; attempt++ {
		var set []NodeEntry
		if key.suite == 0 {
			set = nw.liveSet(excluded)
		} else {
			set, err = nw.pickSetOf(mergeExcluded(excluded, avoid), key.root.threshold)
			if err != nil {
				set, err = nw.pickSetOf(excluded, key.root.threshold)
			}
			if err != nil {
				if lastErr != nil {
					return nil, fmt.Errorf("%w (last attempt: %w)", err, lastErr)
				}
				return nil, err
			}
		}
		var sig *SchemeSignature
		var bad, soft []RejectedSigner
		var enough func([]schemeAnswer) bool
		if key.suite == 0 {
			// Any T good partial signatures make the signature: combine as soon as T are in
			// and stop waiting for the slower nodes (the combined signature is verified
			// before it counts). If that fails — a bad partial among the first T — wait
			// for every answer and combine once more, naming the bad ones (the slow path
			// checks each partial, too costly to repeat at every answer).
			tried := false
			enough = func(got []schemeAnswer) bool {
				if tried || countShares(got) < key.root.threshold {
					return false
				}
				tried = true
				sig, bad, err = nw.combineBLS(key, msg, got)
				return err == nil
			}
		}
		answers := c.askScheme(ctx, set, key, msg, opts, auth, enough)
		if key.suite == 0 {
			if sig == nil || err != nil {
				sig, bad, err = nw.combineBLS(key, msg, answers)
			}
		} else {
			sig, bad, soft, err = nw.combineFROST(key, msg, opts, answers, nw.coordinatorOf(set))
		}
		for _, r := range bad {
			excluded[r.PeerID] = r.Reason
		}
		avoid = map[string]string{}
		for _, r := range soft {
			avoid[r.PeerID] = r.Reason
		}
		// A node that is only rate limiting this requester is not to be avoided: wait a
		// moment (the node's window is short) and ask the same nodes again.
		if limited := rateLimited(answers); len(limited) > 0 && err != nil {
			for _, p := range limited {
				delete(avoid, p)
			}
			t := time.NewTimer(min(25*time.Millisecond<<attempt, 500*time.Millisecond))
			select {
			case <-ctx.Done():
				t.Stop()
			case <-t.C:
			}
		}
		rejected = append(rejected, bad...)
		if err == nil {
			sig.Rejected = rejected
			return sig, nil
		}
		var final *api.Error
		if errors.As(err, &final) && finalKind(final.Kind) {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, err
		}
		lastErr = err
	}
	return nil, fmt.Errorf("pkp sign %s: %d attempts failed; last: %w", scheme, signAttempts, lastErr)
}

// liveSet is every live node not excluded (a BLS request goes to all of them: any T good
// partial signatures combine).
func (nw *pkpNetwork) liveSet(excluded map[string]string) []NodeEntry {
	var out []NodeEntry
	for _, e := range nw.ring {
		if nw.live[e.PeerID] && excluded[e.PeerID] == "" {
			out = append(out, e)
		}
	}
	return out
}

// schemeAnswer is one node's answer to a scheme request.
type schemeAnswer struct {
	node  NodeEntry
	share *api.PKPSchemeShare
	err   error
}

// askScheme sends the request to every node of the set with one fresh request id and waits
// for every answer (FROST needs them all), or until enough, if given, reports that the answers
// so far suffice (BLS: T good partial signatures); the requests still out are then canceled.
func (c *Client) askScheme(ctx context.Context, set []NodeEntry, key *schemeKey, msg []byte, opts *SchemeSignOptions, auth Auth, enough func([]schemeAnswer) bool) []schemeAnswer {
	var idb [16]byte
	_, _ = rand.Read(idb[:])
	req := api.PKPSignRequest{ToSign: msg, PubKey: tokenHex(key.tokenID), RequestID: hex.EncodeToString(idb[:]), SigningScheme: key.name, Taproot: opts.Taproot}
	if key.suite != 0 {
		for _, n := range set {
			req.NodeSet = append(req.NodeSet, n.PeerID)
		}
	}
	sctx, cancel := context.WithTimeout(ctx, shareTimeout)
	results := make(chan schemeAnswer, len(set))
	for _, n := range set {
		go func() {
			var out api.PKPSchemeShare
			nreq := req
			var err error
			if nreq.AuthSig, err = c.authJSON(sctx, auth, n.URL, access.PKPSigningRequest(key.tokenID)); err == nil {
				err = c.postAuthed(sctx, n.URL, "/web/pkp/sign", nreq, &out, false)
			}
			if err != nil {
				results <- schemeAnswer{node: n, err: err}
				return
			}
			results <- schemeAnswer{node: n, share: &out}
		}()
	}
	out := make([]schemeAnswer, 0, len(set))
	for range set {
		a := <-results
		out = append(out, a)
		if key.suite != 0 && a.err != nil {
			cancel() // FROST cannot sign without every share: stop waiting for the rest
		}
		if enough != nil && a.err == nil && enough(out) {
			// Let the requests still out finish in the background rather than cancel them:
			// a canceled request closes its connection, and the next signature would pay
			// for a new TCP and TLS handshake to that node.
			go func(left int) {
				defer cancel()
				for range left {
					<-results
				}
			}(len(set) - len(out))
			return out
		}
	}
	cancel()
	return out
}

// countShares counts the answers that carry a share.
func countShares(answers []schemeAnswer) int {
	n := 0
	for _, a := range answers {
		if a.err == nil && a.share != nil {
			n++
		}
	}
	return n
}

// rateLimited lists the nodes that answered rate_limited.
func rateLimited(answers []schemeAnswer) []string {
	var out []string
	for _, a := range answers {
		var ae *api.Error
		if errors.As(a.err, &ae) && ae.Kind == api.KindRateLimited {
			out = append(out, a.node.PeerID)
		}
	}
	return out
}

// classify sorts failed answers: a refusal every signer would give (bad request, auth,
// permission, unknown PKP) is returned as the error; other failures mark the node bad (an
// internal error, a malformed answer) or only to be avoided (unavailable, timeout, conflict,
// rate limited).
// As for ECDSA (signWith), a node is bad only for its own failure or for a fault another node
// proves with evidence this client verifies itself (verifyEvidence: a FROST slot signed into
// two tuples by the set's coordinator) — never on a node's word. What an answer says about
// other signers only steers the next attempt, and only when t+1 answers name the same peer;
// an answer whose claim nobody backs so is avoided itself.
//
//nolint:gocognit // sorts answers into good, faulty and soft by the t+1 rule; the cases are one decision
func (nw *pkpNetwork) classify(answers []schemeAnswer) (good []schemeAnswer, bad, soft []RejectedSigner, final error) {
	named := map[string]map[string]bool{} // peer → the answers that name it
	var claims []schemeAnswer
	for _, a := range answers {
		if a.err == nil {
			good = append(good, a)
			continue
		}
		var ae *api.Error
		if !errors.As(a.err, &ae) {
			if !errors.Is(a.err, context.Canceled) { // canceled: we stopped waiting for it
				bad = append(bad, RejectedSigner{a.node.PeerID, a.err.Error()})
			}
			continue
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
		switch {
		case finalKind(ae.Kind):
			final = ae
		case ae.Kind == api.KindUnavailable || ae.Kind == api.KindTimeout || ae.Kind == api.KindConflict || ae.Kind == api.KindRateLimited:
			for _, b := range answers {
				if b.node.PeerID != a.node.PeerID && strings.Contains(ae.Message, b.node.PeerID) {
					if named[b.node.PeerID] == nil {
						named[b.node.PeerID] = map[string]bool{}
					}
					named[b.node.PeerID][a.node.PeerID] = true
				}
			}
			claims = append(claims, a)
		default:
			bad = append(bad, RejectedSigner{a.node.PeerID, ae.Error()})
		}
	}
	corroborated := func(p string) bool { return len(named[p]) >= nw.t+1 }
	for p, by := range named {
		if corroborated(p) {
			soft = append(soft, RejectedSigner{p, fmt.Sprintf("named by %d signers as at fault for this request", len(by))})
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
	return good, bad, soft, final
}

// checkAnswer checks the parts of an answer every scheme shares.
func checkAnswer(key *schemeKey, msg []byte, a schemeAnswer) string {
	s := a.share
	switch {
	case len(s.SignatureShare) > 1024 || len(s.SigningPackage) > 2*(api.MaxSchemeMessage+frost.MaxSigners*70+256):
		return "malformed answer (field sizes)"
	case s.SigningScheme != key.name:
		return "answered for scheme " + s.SigningScheme
	case !strings.EqualFold(strings.TrimPrefix(s.DataSigned, "0x"), hex.EncodeToString(msg)):
		return "signed another message"
	case !strings.EqualFold(strings.TrimPrefix(s.TokenID, "0x"), strings.TrimPrefix(tokenHex(key.tokenID), "0x")):
		return "signed for another PKP"
	}
	return ""
}

// combineFROST checks the answers of a FROST signer set and combines them.
//
//nolint:funlen,gocognit // checks every FROST answer against the set's commitments before combining; one pass over the answers
func (nw *pkpNetwork) combineFROST(key *schemeKey, msg []byte, opts *SchemeSignOptions, answers []schemeAnswer, coord string) (*SchemeSignature, []RejectedSigner, []RejectedSigner, error) {
	good, bad, soft, final := nw.classify(answers)
	if final != nil && len(good) == 0 {
		return nil, bad, soft, final
	}
	root, err := key.root.frostRoot(key.suite)
	if err != nil {
		return nil, bad, soft, err
	}
	req := frost.Request{KeyID: frost.KeyID(key.keyID), Message: msg}
	if opts.Taproot != nil {
		mr, err := hex.DecodeString(strings.TrimPrefix(opts.Taproot.MerkleRoot, "0x"))
		if err != nil {
			return nil, bad, soft, fmt.Errorf("taproot merkle root: %w", err)
		}
		req.Taproot = &frost.TaprootSpend{MerkleRoot: mr}
	}
	type parsed struct {
		a     schemeAnswer
		pkg   *frost.SigningPackage
		share *frost.SignatureShare
	}
	var ps []parsed
	count := map[[32]byte]int{}
	for _, a := range good {
		if why := checkAnswer(key, msg, a); why != "" {
			bad = append(bad, RejectedSigner{a.node.PeerID, why})
			continue
		}
		rawPkg, err1 := hex.DecodeString(a.share.SigningPackage)
		rawShare, err2 := hex.DecodeString(a.share.SignatureShare)
		if err := errors.Join(err1, err2); err != nil {
			bad = append(bad, RejectedSigner{a.node.PeerID, "malformed answer: " + err.Error()})
			continue
		}
		pkg, err := frost.UnmarshalSigningPackage(rawPkg)
		if err != nil {
			bad = append(bad, RejectedSigner{a.node.PeerID, "malformed signing package: " + err.Error()})
			continue
		}
		sh, err := frost.UnmarshalSignatureShare(rawShare)
		if err != nil {
			bad = append(bad, RejectedSigner{a.node.PeerID, "malformed signature share: " + err.Error()})
			continue
		}
		if sh.Index != a.share.ShareIndex {
			bad = append(bad, RejectedSigner{a.node.PeerID, fmt.Sprintf("a share of index %d from a node that says it holds %d", sh.Index, a.share.ShareIndex)})
			continue
		}
		ps = append(ps, parsed{a, pkg, sh})
		count[pkg.Digest()]++
	}
	// Honest signers answer only with the package the whole set confirmed, so two honest
	// answers never differ: take the most common one. Answers with another package mean the
	// coordinator or some of those answering lied — which, this client cannot tell (t
	// colluders can outnumber an honest signer in a set of t+1): avoid them and the
	// coordinator, blame nobody.
	var best [32]byte
	for d, n := range count {
		if n > count[best] {
			best = d
		}
	}
	if len(count) > 1 && coord != "" {
		soft = append(soft, RejectedSigner{coord, "the signers' answers name different signing packages"})
	}
	var pkg *frost.SigningPackage
	var shares []*frost.SignatureShare
	byIndex := map[int]string{}
	for _, p := range ps {
		if p.pkg.Digest() != best {
			soft = append(soft, RejectedSigner{p.a.node.PeerID, "answered with another signing package than most of the set"})
			continue
		}
		pkg = p.pkg
		if _, dup := byIndex[p.share.Index]; dup {
			bad = append(bad, RejectedSigner{p.a.node.PeerID, fmt.Sprintf("claims share index %d, which another signer sent", p.share.Index)})
			continue
		}
		byIndex[p.share.Index] = p.a.node.PeerID
		shares = append(shares, p.share)
	}
	if pkg == nil {
		if final != nil {
			return nil, bad, soft, final
		}
		return nil, bad, soft, fmt.Errorf("combine: no signer answered with a signing package (%d bad, %d could not serve)", len(bad), len(soft))
	}
	sig, err := frost.Combine(root, req, pkg, shares)
	if err != nil {
		for _, f := range frost.Faults(err) {
			if p, ok := byIndex[f.Index]; ok {
				bad = append(bad, RejectedSigner{p, "wrong signature share: " + f.Error()})
			}
		}
		if errors.Is(err, frost.ErrMissingShares) && len(bad) == 0 && len(soft) == 0 {
			return nil, bad, soft, fmt.Errorf("combine: %w", err)
		}
		return nil, bad, soft, fmt.Errorf("combine: %w", err)
	}
	raw, pub := sig.Bytes(), sig.PublicKey
	if err := verifyIndependently(key.suite, pub, msg, raw); err != nil {
		return nil, bad, soft, err
	}
	out := &SchemeSignature{
		SigningScheme: key.name, Signature: hex.EncodeToString(raw), PublicKey: hex.EncodeToString(pub),
		Message: hex.EncodeToString(msg), TokenID: tokenHex(key.tokenID), raw: raw, pub: pub,
	}
	slot := pkg.Slot()
	out.SlotID = hex.EncodeToString(slot[:])
	if key.suite == frost.Ed25519 {
		out.SolanaAddress = base58.Encode(pub)
	}
	for _, idx := range pkg.Participants() {
		out.Signers = append(out.Signers, byIndex[idx])
	}
	return out, bad, soft, nil
}

// verifyIndependently checks a FROST signature with a verifier outside mpc/frost: Go's
// crypto/ed25519 (RFC 8032) and btcec's BIP-340 verifier for 32-byte messages (its only
// form). RFC 9591's secp256k1 encoding has no mainstream verifier: frost.Verify checked it.
func verifyIndependently(s frost.Suite, pub, msg, sig []byte) error {
	switch s {
	case frost.Ed25519:
		if len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, msg, sig) {
			return errors.New("combine: crypto/ed25519 rejects the signature")
		}
	case frost.Taproot:
		if len(msg) != 32 {
			return nil // btcec verifies 32-byte messages only; frost.Verify took BIP-340's longer form
		}
		pk, err := schnorr.ParsePubKey(pub)
		if err != nil {
			return fmt.Errorf("combine: btcec: %w", err)
		}
		s, err := schnorr.ParseSignature(sig)
		if err != nil || !s.Verify(msg, pk) {
			return errors.New("combine: btcec's BIP-340 verifier rejects the signature")
		}
	}
	return nil
}

// combineBLS checks the partial signatures of a BLS request, names the bad ones and combines T
// good ones.
func (nw *pkpNetwork) combineBLS(key *schemeKey, msg []byte, answers []schemeAnswer) (*SchemeSignature, []RejectedSigner, error) {
	good, bad, _, final := nw.classify(answers)
	poly, err := key.root.blsPoly()
	if err != nil {
		return nil, bad, err
	}
	byIndex := map[int]string{}
	var partials [][]byte
	for _, a := range good {
		if why := checkAnswer(key, msg, a); why != "" {
			bad = append(bad, RejectedSigner{a.node.PeerID, why})
			continue
		}
		raw, err := hex.DecodeString(a.share.SignatureShare)
		if err != nil || len(raw) != bls.PartialSize {
			bad = append(bad, RejectedSigner{a.node.PeerID, "malformed partial signature"})
			continue
		}
		idx := int(raw[0])<<8 | int(raw[1])
		if idx != a.share.ShareIndex {
			bad = append(bad, RejectedSigner{a.node.PeerID, fmt.Sprintf("a partial of index %d from a node that says it holds %d", idx, a.share.ShareIndex)})
			continue
		}
		if _, dup := byIndex[idx]; dup {
			bad = append(bad, RejectedSigner{a.node.PeerID, fmt.Sprintf("claims share index %d, which another signer sent", idx)})
			continue
		}
		byIndex[idx] = a.node.PeerID
		partials = append(partials, raw)
	}
	if len(partials) < key.root.threshold && final != nil {
		return nil, bad, final
	}
	sig, pub, rejected, err := bls.PKPCombine(poly, key.keyID, msg, partials, key.root.threshold)
	for _, r := range rejected {
		bad = append(bad, RejectedSigner{byIndex[r.Index], "wrong partial signature: " + r.Error()})
	}
	if err != nil {
		return nil, bad, fmt.Errorf("combine: %w", err)
	}
	if !bytes.Equal(pub, key.pub) {
		return nil, bad, fmt.Errorf("combine: the signature is under %x, not the PKP's key %x", pub, key.pub)
	}
	if err := VerifyBLSPKP(pub, msg, sig); err != nil {
		return nil, bad, err
	}
	out := &SchemeSignature{
		SigningScheme: key.name, Signature: hex.EncodeToString(sig), PublicKey: hex.EncodeToString(pub),
		Message: hex.EncodeToString(msg), TokenID: tokenHex(key.tokenID), raw: sig, pub: pub,
	}
	// The signature is made of the threshold lowest-indexed partials not rejected (PKPCombine).
	var idxs []int
	for idx := range byIndex {
		if !slices.ContainsFunc(rejected, func(r *bls.PartialError) bool { return r.Index == idx }) {
			idxs = append(idxs, idx)
		}
	}
	slices.Sort(idxs)
	var used []string
	for _, idx := range idxs[:min(len(idxs), key.root.threshold)] {
		used = append(used, byIndex[idx])
	}
	slices.Sort(used)
	out.Signers = used
	return out, bad, nil
}

// CombinePKPSchemeShares combines shares of a scheme other than ECDSA that nodes returned
// elsewhere (from Lit.Actions.sign in an execution result), checking each and naming the
// nodes whose shares are wrong.
func (c *Client) CombinePKPSchemeShares(ctx context.Context, pkp, scheme string, msg []byte, taproot *api.TaprootSpend, shares []api.PKPSchemeShare) (*SchemeSignature, error) {
	nw, err := c.pkpNetwork(ctx, false)
	if err != nil {
		return nil, err
	}
	key, err := c.schemeKey(ctx, nw, pkp, scheme)
	if err != nil {
		return nil, err
	}
	answers := make([]schemeAnswer, len(shares))
	for i := range shares {
		answers[i] = schemeAnswer{node: NodeEntry{PeerID: shares[i].PeerID}, share: &shares[i]}
	}
	var sig *SchemeSignature
	var bad []RejectedSigner
	if key.suite == 0 {
		sig, bad, err = nw.combineBLS(key, msg, answers)
	} else {
		sig, bad, _, err = nw.combineFROST(key, msg, &SchemeSignOptions{Taproot: taproot}, answers, "")
	}
	if err != nil {
		return nil, err
	}
	sig.Rejected = bad
	return sig, nil
}

// VerifyBLSPKP checks a BLS PKP signature with supranational/blst, independently of the
// kyber-based combination: the message-augmentation ciphersuite signs pk ‖ m.
func VerifyBLSPKP(pub, msg, sig []byte) error {
	pk := new(blst.P1Affine).Uncompress(pub)
	s := new(blst.P2Affine).Uncompress(sig)
	if pk == nil || s == nil || !s.Verify(true, pk, true, msg, []byte(bls.PKPCiphersuite), pub) {
		return errors.New("combine: blst rejects the BLS signature")
	}
	return nil
}

// PKPAddress returns a PKP's address on a chain: "ethereum" (ECDSA), "solana" (Ed25519: the
// base58 key), "bitcoin" (Schnorr secp256k1: the BIP-86 P2TR address of its output key, for
// btcNet "mainnet", "testnet"/"signet" or "regtest").
func (c *Client) PKPAddress(ctx context.Context, pkp, chainName, btcNet string) (string, error) {
	info, p, err := c.SchemePKPOf(ctx, pkp)
	if err != nil {
		return "", err
	}
	switch strings.ToLower(chainName) {
	case "ethereum", "evm", "eth":
		if p.KeyType != chain.KeyTypeECDSA {
			return "", fmt.Errorf("pkp %s is a %s PKP: only ECDSA PKPs have an Ethereum address", tokenHex(p.TokenID), p.KeyType)
		}
		return p.EthAddress.Hex(), nil
	case "solana", "sol":
		if p.KeyType != chain.KeyTypeEd25519 {
			return "", fmt.Errorf("pkp %s is a %s PKP: a Solana address needs an Ed25519 PKP (lit pkp mint --key-type ed25519)", tokenHex(p.TokenID), p.KeyType)
		}
		return info.SolanaAddress, nil
	case "bitcoin", "btc":
		if p.KeyType != chain.KeyTypeSchnorrK256 {
			return "", fmt.Errorf("pkp %s is a %s PKP: a Taproot address needs a Schnorr secp256k1 PKP (lit pkp mint --key-type taproot)", tokenHex(p.TokenID), p.KeyType)
		}
		hrp := map[string]string{"": "bc", "mainnet": "bc", "testnet": "tb", "signet": "tb", "regtest": "bcrt"}[strings.ToLower(btcNet)]
		if hrp == "" {
			return "", fmt.Errorf("bitcoin network %q: want mainnet, testnet, signet or regtest", btcNet)
		}
		q, err := frost.TaprootOutputKey(p.PublicKey[1:], nil)
		if err != nil {
			return "", err
		}
		return frost.TaprootAddress(hrp, q)
	}
	return "", fmt.Errorf("chain %q: want ethereum, solana or bitcoin", chainName)
}
