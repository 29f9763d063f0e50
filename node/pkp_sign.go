package node

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// handlePKPSign is POST /web/pkp/sign.
func (n *Node) handlePKPSign(w http.ResponseWriter, r *http.Request) {
	t := time.Now()
	var req api.PKPSignRequest
	if err := decodeJSON(w, r, api.MaxPKPSignRequest, &req); err != nil {
		writeError(w, err)
		return
	}
	if sc, other, err := parseSigningScheme(req.SigningScheme); err != nil || other {
		if err != nil {
			writeError(w, err)
		} else {
			n.handlePKPSignScheme(w, r, &req, sc) // pkp_schemes.go
		}
		return
	}
	in, err := parsePKPSignRequest(&req)
	if err != nil {
		writeError(w, err)
		return
	}
	tokenID, err := pkpRefTokenID(in.pkp)
	if err != nil {
		writeError(w, err)
		return
	}
	t = n.metrics.phase("decode", t)
	auth, err := n.authenticate(r.Context(), req.AuthSig, access.PKPSigningRequest(tokenID))
	if err != nil {
		writeError(w, err)
		return
	}
	if err := n.allowAddress(auth.Address); err != nil {
		writeError(w, err)
		return
	}
	in.address = auth.Address
	in.pkpSession = auth.PKP != nil
	n.metrics.phase("auth", t)
	share, err := n.pkpSign(r.Context(), in)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, share)
}

// pkpRefTokenID is the token id of the PKP a request names, which its session signature must
// be granted (lit-pkp://<token id>).
func pkpRefTokenID(ref api.PKPRef) (*big.Int, error) {
	if ref.TokenID != nil {
		return ref.TokenID, nil
	}
	pub, err := secp256k1.ParsePubKey(ref.PublicKey)
	if err != nil {
		return nil, api.Errorf(api.KindBadRequest, "pubkey: not a secp256k1 public key: %v", err)
	}
	return chain.PKPTokenID(pub), nil
}

// signInput is a validated request for a signature share.
type signInput struct {
	hash      [32]byte
	pkp       api.PKPRef
	requestID string
	nodeSet   []string
	// Who asks: an address (from an authSig: the PKP's owner or a permitted address may
	// sign), or a Lit Action (binary CID: it must be a permitted action of the PKP).
	address   common.Address
	actionCID []byte
	// pkpSession: address is a PKP session's (lit.bls), whose auth methods authenticate
	// checked on chain for this request; it may sign with that PKP.
	pkpSession bool
	// derived, for an action's own key: sign with the key derived by this key id (no PKP, no
	// permission read).
	derived *[32]byte
}

// parsePKPSignRequest checks everything about a request that needs no state. Errors are
// *api.Error naming the field.
func parsePKPSignRequest(req *api.PKPSignRequest) (signInput, error) {
	var in signInput
	if len(req.ToSign) != 32 {
		return in, api.Errorf(api.KindBadRequest, "toSign: %d bytes, want a 32-byte hash", len(req.ToSign))
	}
	in.hash = [32]byte(req.ToSign)
	if err := checkRequestID(req.RequestID); err != nil {
		return in, api.Errorf(api.KindBadRequest, "%v", err)
	}
	in.requestID = req.RequestID
	ref, err := api.ParsePKPRef(req.PubKey)
	if err != nil {
		return in, api.Errorf(api.KindBadRequest, "pubkey: %v", err)
	}
	in.pkp = ref
	if len(req.NodeSet) == 0 || len(req.NodeSet) > api.MaxPKPNodeSet {
		return in, api.Errorf(api.KindBadRequest, "nodeSet: %d entries, want 1…%d", len(req.NodeSet), api.MaxPKPNodeSet)
	}
	for i, s := range req.NodeSet {
		if s == "" || len(s) > 512 {
			return in, api.Errorf(api.KindBadRequest, "nodeSet[%d]: want a peer ID or URL of at most 512 bytes", i)
		}
	}
	in.nodeSet = req.NodeSet
	return in, nil
}

// PKPActionSign is a request for this node's share of a PKP signature from inside a Lit
// Action (Lit.Actions.signEcdsa), as the action runtime's host makes it.
type PKPActionSign struct {
	// ToSign is the 32-byte hash.
	ToSign []byte
	// PKP is the public key as the action passed it (0x04… hex), or a token id.
	PKP string
	// RequestID must be the same at every node of the set and unique per signature: an id of
	// the execution that every node received with it (Lit's clients send one in the
	// X-Request-Id header) plus the signature's name, e.g. requestId + "/" + sigName.
	RequestID string
	// NodeSet is the execution's signer set, the same at every node: peer IDs, API URLs or
	// host:port (an api.NodeSetEntry's socketAddress). At least 2t+1 members.
	NodeSet []string
	// ActionCID is the running action's IPFS CID: if set, the PKP must permit that action.
	ActionCID string
	// Address is the execution's authSig address, for inline code (no CID): then the PKP's
	// owner or a permitted address may sign.
	Address common.Address
	// KeyID, when set, signs with the key derived from the network's root key by this key id —
	// an action's own key (Lit.Actions.signAsAction) — instead of a minted PKP. PKP must then be
	// that derived key's public key; ActionCID and Address are unused: the caller has decided
	// that the action may use its own key.
	KeyID *[32]byte
}

// PKPSignForAction returns this node's signature share of req.ToSign with the PKP, after the
// same checks and the same agreement with the other signers as POST /web/pkp/sign, except
// that permission comes from the action: its CID must be a permitted action of the PKP (read
// from the chain here, whatever the caller checked), or, for inline code, the execution's
// authSig address must own or be permitted to use the PKP. Errors are *api.Error.
func (n *Node) PKPSignForAction(ctx context.Context, req PKPActionSign) (*api.PKPSignShare, error) {
	in, err := parsePKPSignRequest(&api.PKPSignRequest{ToSign: req.ToSign, PubKey: req.PKP, RequestID: req.RequestID, NodeSet: req.NodeSet})
	if err != nil {
		return nil, err
	}
	switch {
	case req.KeyID != nil:
		in.derived = req.KeyID
	case req.ActionCID != "":
		if in.actionCID, err = chain.CanonicalCID(req.ActionCID); err != nil {
			return nil, api.Errorf(api.KindBadRequest, "action CID: %v", err)
		}
	case req.Address != (common.Address{}):
		in.address = req.Address
	default:
		return nil, api.Errorf(api.KindForbidden, "neither an action CID nor an authSig address to check the PKP's permissions against")
	}
	return n.pkpSign(ctx, in)
}

// pkpSign checks a request against the epoch, the PKP and its permissions, agrees with the
// whole signer set on the presignature and ρ, and returns this node's signature share.
func (n *Node) pkpSign(ctx context.Context, in signInput) (*api.PKPSignShare, error) {
	s, err := n.pkpSignShare(ctx, in)
	if err != nil {
		return nil, err
	}
	pubEnc, _ := s.pub.MarshalBinary()
	shareEnc, _ := s.share.MarshalBinary()
	defer n.metrics.phase("share", s.agreed)
	return &api.PKPSignShare{
		PeerID:         n.host.ID().String(),
		ShareIndex:     s.share.Index,
		Epoch:          s.epoch,
		TokenID:        "0x" + hex.EncodeToString(s.pkp.tokenID[:]),
		PublicKey:      "0x" + hex.EncodeToString(s.pkp.pub.SerializeUncompressed()),
		DataSigned:     "0x" + hex.EncodeToString(in.hash[:]),
		PresignatureID: s.pub.ID().String(),
		Presignature:   hex.EncodeToString(pubEnc),
		Rho:            hex.EncodeToString(s.req.Rho[:]),
		SignatureShare: hex.EncodeToString(shareEnc),
		BigR:           hex.EncodeToString(s.bigR.SerializeCompressed()),
	}, nil
}

// pkpSigned is a signature share this node released, with what it was made for.
type pkpSigned struct {
	epoch uint64
	pkp   *pkpKey
	pub   *ecdsa.PublicPresignature
	req   ecdsa.SignRequest
	share *ecdsa.SignatureShare
	bigR  *secp256k1.PublicKey // the signature's nonce point R′
	// agreed is when the agreement ended: the share phase's start.
	agreed time.Time
}

// pkpSignShare is pkpSign before the answer is shaped (litmesh's, or Lit's: litpkp.go).
func (n *Node) pkpSignShare(ctx context.Context, in signInput) (*pkpSigned, error) {
	t := time.Now()
	if n.pkp == nil || n.chain == nil {
		return nil, api.Errorf(api.KindUnavailable, "this node has no chain, so no PKPs")
	}
	ep, err := n.pkp.ready(ctx)
	if err != nil {
		return nil, err
	}
	order, err := ep.resolveSet(in.nodeSet)
	if err != nil {
		return nil, err
	}
	if err := ep.checkExcluded(order); err != nil {
		return nil, err
	}
	var pkp *pkpKey
	if in.derived != nil {
		if pkp, err = ep.derivedKey(*in.derived, in.pkp); err != nil {
			return nil, err
		}
	} else {
		if pkp, err = ep.resolvePKP(ctx, in.pkp); err != nil {
			return nil, err
		}
		if err := n.checkPKPPermission(ctx, pkp, in); err != nil {
			return nil, err
		}
	}
	if err := n.allowPresign(requesterOf(in)); err != nil {
		return nil, err
	}
	if !n.pkp.replay.add(replayKey(in, pkp.tokenID)) {
		return nil, api.Errorf(api.KindConflict, "requestId %s was used before: every signature needs a fresh one", in.requestID)
	}
	ss, err := ep.setFor(order)
	if err != nil {
		return nil, err
	}
	digest := requestDigest(ep.number, in.requestID, pkp.tokenID, in.hash, ss.order)
	digestFor := func(id string, hash [32]byte) [32]byte {
		return requestDigest(ep.number, id, pkp.tokenID, hash, ss.order)
	}
	n.metrics.phase("check", t) // then assign and confirm, in agreeOn
	ps, rho, err := ss.agree(ctx, requesterHash(requesterOf(in)), in.requestID, digest, digestFor)
	if err != nil {
		if errors.Is(err, errAgreeTimeout) {
			n.chargePresign(requesterOf(in), requesterPenalty) // a request sent to too few signers costs more
		}
		return nil, err
	}
	agreed := time.Now()
	req := ecdsa.SignRequest{Tweak: pkp.tweak, Hash: in.hash, Rho: rho}
	share, bigR, err := ecdsa.SignShareR(ps, req, pkp.pub)
	if err != nil {
		return nil, fmt.Errorf("sign share with presignature %s: %w", ps.ID(), err)
	}
	return &pkpSigned{epoch: ep.number, pkp: pkp, pub: ps.Public(), req: req, share: share, bigR: bigR, agreed: agreed}, nil
}

// checkExcluded refuses a signer set that includes a peer this node excluded for a fault it
// verified (pkp_blame.go).
func (ep *pkpEpoch) checkExcluded(order []int) error {
	peers := make([]peer.ID, len(order))
	for i, idx := range order {
		peers[i] = ep.peers[idx]
	}
	p, why, until, ok := ep.excl.anyOf(peers, ep.peers[ep.self], time.Now())
	if !ok {
		return nil
	}
	when := "the next epoch"
	if !until.IsZero() {
		when = until.UTC().Format(time.RFC3339)
	}
	err := api.Errorf(api.KindConflict, "this node leaves signer %s out of its signer sets until %s (%s): choose a set without it", p, when, why)
	err.Evidence = ep.excl.evidenceOf(p)
	return err
}

// resolveSet maps a request's nodeSet to share indices of the epoch, canonically ordered,
// and checks that it is a signer set of the epoch that includes this node: at least 2t+1
// distinct members (the client's sets have exactly 2t+1; an execution's set may be larger).
func (ep *pkpEpoch) resolveSet(nodeSet []string) ([]int, error) {
	set := make([]int, 0, len(nodeSet))
	seen := map[int]bool{}
	for i, s := range nodeSet {
		idx := -1
		if p, err := peer.Decode(s); err == nil {
			if j, ok := ep.byPeer[p]; ok {
				idx = j
			}
		} else {
			for j, m := range ep.members {
				if m.URL != "" && sameNode(m.URL, s) {
					idx = j
					break
				}
			}
		}
		switch {
		case idx < 0:
			return nil, api.Errorf(api.KindConflict, "nodeSet[%d] %q is not a validator of epoch %d", i, s, ep.number)
		case seen[idx]:
			return nil, api.Errorf(api.KindConflict, "nodeSet lists %s twice", ep.peers[idx])
		}
		seen[idx] = true
		set = append(set, idx)
	}
	if len(set) < ep.size {
		return nil, api.Errorf(api.KindConflict, "nodeSet has %d signers; epoch %d signs with at least %d (the handshake's ecdsaThreshold)", len(set), ep.number, ep.size)
	}
	if !seen[ep.self] {
		return nil, api.Errorf(api.KindConflict, "this node (%s) is not in the request's nodeSet", ep.peers[ep.self])
	}
	return ep.canonical(set), nil
}

// sameNode compares a member's registered API URL with how a request names a node: a URL, or
// host:port as Lit's clients put it in socketAddress.
func sameNode(registered, given string) bool {
	norm := func(u string) string {
		u = strings.ToLower(strings.TrimSpace(u))
		u = strings.TrimPrefix(strings.TrimPrefix(u, "http://"), "https://")
		return strings.TrimRight(u, "/")
	}
	return norm(registered) == norm(given)
}

// pkpKey is a PKP as the node signs with it.
type pkpKey struct {
	tokenID  [32]byte
	tokenInt *big.Int
	keyID    [32]byte
	tweak    *secp256k1.ModNScalar
	pub      *secp256k1.PublicKey
	ethAddr  common.Address
}

// resolvePKP finds the PKP on chain and derives its key from this epoch's root.
func (ep *pkpEpoch) resolvePKP(ctx context.Context, ref api.PKPRef) (*pkpKey, error) {
	k := &pkpKey{tokenInt: ref.TokenID}
	if ref.PublicKey != nil {
		pub, err := secp256k1.ParsePubKey(ref.PublicKey)
		if err != nil {
			return nil, api.Errorf(api.KindBadRequest, "pubkey: not a secp256k1 public key: %v", err)
		}
		k.tokenInt = new(big.Int).SetBytes(crypto.Keccak256(pub.SerializeUncompressed()))
	}
	k.tokenInt.FillBytes(k.tokenID[:])
	c := ep.s.deps.chain
	keyID, err := c.KeyIDOf(ctx, k.tokenInt)
	if errors.Is(err, chain.ErrUnknownPKP) {
		// Perhaps minted after the block this node's reads are pinned to: look again at the
		// newest block before saying no.
		if rerr := c.Refresh(ctx); rerr == nil {
			keyID, err = c.KeyIDOf(ctx, k.tokenInt)
		}
	}
	switch {
	case errors.Is(err, chain.ErrUnknownPKP):
		return nil, api.Errorf(api.KindNotFound, "no PKP with token id 0x%x was minted", k.tokenID)
	case err != nil:
		return nil, chainError("read the PKP's key id", err)
	}
	k.keyID = keyID
	if k.tweak, err = ecdsa.Epsilon(ecdsa.KeyID(keyID)); err != nil {
		return nil, api.Errorf(api.KindNotFound, "PKP 0x%x has a degenerate key id", k.tokenID)
	}
	if k.pub, err = ecdsa.DerivePublic(ep.key.Root().PublicKey(), ecdsa.KeyID(keyID)); err != nil {
		return nil, api.Errorf(api.KindNotFound, "PKP 0x%x has a degenerate key", k.tokenID)
	}
	if derived := ecdsa.TokenID(k.pub); derived != k.tokenID {
		if kt, err := c.KeyTypeOf(ctx, k.tokenInt); err == nil && kt != chain.KeyTypeECDSA {
			return nil, api.Errorf(api.KindBadRequest, "PKP 0x%x is a %s PKP: it signs with signingScheme %s, not %s", k.tokenID, kt, schemesOf(kt), api.SchemeEcdsaK256Sha256)
		}
		// The contract checks the derivation at mint; a mismatch means another root key.
		return nil, api.Errorf(api.KindConflict, "PKP 0x%x was not derived from this network's root key", k.tokenID)
	}
	k.ethAddr = common.Address(ecdsa.Address(k.pub))
	return k, nil
}

// derivedKey is the key derived from this epoch's root by keyID, which must be the key ref
// names (an action's own key, which no chain records).
func (ep *pkpEpoch) derivedKey(keyID [32]byte, ref api.PKPRef) (*pkpKey, error) {
	k := &pkpKey{keyID: keyID}
	var err error
	if k.tweak, err = ecdsa.Epsilon(ecdsa.KeyID(keyID)); err != nil {
		return nil, api.Errorf(api.KindBadRequest, "key id %x is degenerate", keyID)
	}
	if k.pub, err = ecdsa.DerivePublic(ep.key.Root().PublicKey(), ecdsa.KeyID(keyID)); err != nil {
		return nil, api.Errorf(api.KindBadRequest, "key id %x derives a degenerate key", keyID)
	}
	if ref.PublicKey == nil || !bytes.Equal(ref.PublicKey, k.pub.SerializeUncompressed()) && !bytes.Equal(ref.PublicKey, k.pub.SerializeCompressed()) {
		return nil, api.Errorf(api.KindConflict, "the key derived by key id %x is not the request's public key", keyID)
	}
	k.tokenID = ecdsa.TokenID(k.pub)
	k.tokenInt = new(big.Int).SetBytes(k.tokenID[:])
	k.ethAddr = common.Address(ecdsa.Address(k.pub))
	return k, nil
}

// checkPKPPermission: the owner or a permitted address (authSig), or a permitted action. A
// refusal is re-checked once at the newest block, so a client that just changed the chain
// (a transfer, a new permission) is not refused from a cached read.
func (n *Node) checkPKPPermission(ctx context.Context, k *pkpKey, in signInput) error {
	check := func() (bool, error) {
		if in.actionCID != nil {
			return n.chain.IsPermittedAction(ctx, k.tokenInt, in.actionCID)
		}
		owner, err := n.chain.OwnerOf(ctx, k.tokenInt)
		switch {
		case errors.Is(err, chain.ErrBurnedPKP):
			// Burned: only what was permitted before (Mint/Grant/Burn), no sessions.
		case err != nil:
			return false, err
		case owner == in.address:
			return true, nil
		case in.pkpSession && in.address == k.ethAddr:
			// The PKP's own session (lit.bls): authenticate checked that an auth method it
			// was made with is still permitted with the scope signing needs.
			return true, nil
		}
		return n.chain.IsPermittedAddress(ctx, k.tokenInt, in.address)
	}
	ok, err := check()
	if err == nil && !ok {
		if rerr := n.chain.Refresh(ctx); rerr == nil {
			ok, err = check()
		}
	}
	switch {
	case err != nil:
		return chainError("read the PKP's permissions", err)
	case ok:
		return nil
	case in.actionCID != nil:
		cid, _ := chain.CIDString(in.actionCID)
		return api.Errorf(api.KindForbidden, "the Lit Action %s is not permitted to sign with PKP 0x%x", cid, k.tokenID)
	default:
		return api.Errorf(api.KindForbidden, "%s neither owns PKP 0x%x nor is permitted to sign with it", in.address.Hex(), k.tokenID)
	}
}

func chainError(what string, err error) error {
	if errors.Is(err, chain.ErrUnreachable) || errors.Is(err, context.DeadlineExceeded) {
		return api.Errorf(api.KindUnavailable, "%s: the chain is unreachable", what)
	}
	return api.Errorf(api.KindBadGateway, "%s: %v", what, err)
}
