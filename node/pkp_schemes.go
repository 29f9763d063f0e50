package node

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/frost"
)

// Signing with the schemes other than ECDSA (docs/schemes.md): POST /web/pkp/sign with a
// signingScheme, and the seam Lit.Actions.sign uses (PKPSignSchemeForAction).
//
//   - FROST (SchnorrEd25519Sha512, SchnorrK256Taproot, SchnorrK256Sha256): the request goes to
//     a signer set of T members, which agree on it exactly as ECDSA sets do (pkp_frost.go,
//     pkp_agree.go); every member answers with its signature share and the signing package.
//   - BLS (Bls12381G1MessageAugmentation): each node answers on its own with its partial
//     signature (x_i + ε)·H(Y ‖ m). There is no agreement: a partial signature is a
//     deterministic function of the share, the PKP and the message — no nonce, no
//     presignature, no value another node chose — so two requests can never combine into
//     more than the signatures they ask for. The checks before it are the request's own
//     (auth, permission, key type, derivation).
//
// A PKP signs only with the schemes of its key type; a node refuses to sign for a PKP whose
// on-chain key is not the derivation of its key id from the epoch's root of that type (the
// PKPNFT contract cannot check it for these types, so every signature checks it).

// signScheme is a parsed signingScheme.
type signScheme struct {
	name  string
	kt    chain.KeyType
	suite frost.Suite // FROST suites; 0 for BLS
}

// parseSigningScheme maps Lit's signingScheme to a scheme; ok false means ECDSA.
func parseSigningScheme(name string) (signScheme, bool, error) {
	switch name {
	case "", api.SchemeEcdsaK256Sha256:
		return signScheme{}, false, nil
	case api.SchemeSchnorrEd25519Sha512:
		return signScheme{name, chain.KeyTypeEd25519, frost.Ed25519}, true, nil
	case api.SchemeSchnorrK256Taproot:
		return signScheme{name, chain.KeyTypeSchnorrK256, frost.Taproot}, true, nil
	case api.SchemeSchnorrK256Sha256:
		return signScheme{name, chain.KeyTypeSchnorrK256, frost.Secp256k1}, true, nil
	case api.SchemeBLSAugmentation:
		return signScheme{name: name, kt: chain.KeyTypeBLSPKP}, true, nil
	case api.SchemeBLSProofOfPossession, "Bls12381":
		return signScheme{}, false, api.Errorf(api.KindBadRequest, "signingScheme %s: %v", name, bls.ErrPOPForPKP)
	default:
		return signScheme{}, false, api.Errorf(api.KindBadRequest, "signingScheme %q is not one litmesh signs with; use one of %s", name, strings.Join(api.SigningSchemes, ", "))
	}
}

// schemesOf lists the schemes a PKP of key type kt signs with.
func schemesOf(kt chain.KeyType) string {
	switch kt {
	case chain.KeyTypeECDSA:
		return api.SchemeEcdsaK256Sha256
	case chain.KeyTypeEd25519:
		return api.SchemeSchnorrEd25519Sha512
	case chain.KeyTypeSchnorrK256:
		return api.SchemeSchnorrK256Taproot + " or " + api.SchemeSchnorrK256Sha256
	case chain.KeyTypeBLSPKP:
		return api.SchemeBLSAugmentation
	default:
		return "none"
	}
}

// schemeInput is a validated request of a scheme other than ECDSA.
type schemeInput struct {
	signInput // hash unused
	scheme    signScheme
	msg       []byte
	taproot   *frost.TaprootSpend
}

func parseSchemeRequest(req *api.PKPSignRequest, sc signScheme) (schemeInput, error) {
	in := schemeInput{scheme: sc}
	if len(req.ToSign) == 0 || len(req.ToSign) > api.MaxSchemeMessage {
		return in, api.Errorf(api.KindBadRequest, "toSign: %d bytes, want a message of 1…%d bytes for %s", len(req.ToSign), api.MaxSchemeMessage, sc.name)
	}
	in.msg = bytes.Clone(req.ToSign)
	if err := checkRequestID(req.RequestID); err != nil {
		return in, api.Errorf(api.KindBadRequest, "%v", err)
	}
	in.requestID = req.RequestID
	ref, err := api.ParsePKPRef(req.PubKey)
	if err != nil {
		return in, api.Errorf(api.KindBadRequest, "pubkey: %v", err)
	}
	if ref.TokenID == nil {
		return in, api.Errorf(api.KindBadRequest, "pubkey: a %s request names its PKP by token id (the public key of such a PKP does not give its token id)", sc.name)
	}
	in.pkp = ref
	if sc.suite != 0 && (len(req.NodeSet) == 0 || len(req.NodeSet) > api.MaxPKPNodeSet) {
		return in, api.Errorf(api.KindBadRequest, "nodeSet: %d entries, want 1…%d", len(req.NodeSet), api.MaxPKPNodeSet)
	}
	for i, s := range req.NodeSet {
		if s == "" || len(s) > 512 {
			return in, api.Errorf(api.KindBadRequest, "nodeSet[%d]: want a peer ID or URL of at most 512 bytes", i)
		}
	}
	in.nodeSet = req.NodeSet
	if req.Taproot != nil {
		if sc.suite != frost.Taproot {
			return in, api.Errorf(api.KindBadRequest, "taproot: only for %s", api.SchemeSchnorrK256Taproot)
		}
		mr, err := hex.DecodeString(strings.TrimPrefix(req.Taproot.MerkleRoot, "0x"))
		if err != nil || (len(mr) != 0 && len(mr) != 32) {
			return in, api.Errorf(api.KindBadRequest, "taproot.merkleRoot: want empty or 32 bytes of hex")
		}
		in.taproot = &frost.TaprootSpend{MerkleRoot: mr}
	}
	return in, nil
}

// handlePKPSignScheme is POST /web/pkp/sign with a signingScheme other than ECDSA.
func (n *Node) handlePKPSignScheme(w http.ResponseWriter, r *http.Request, req *api.PKPSignRequest, sc signScheme) {
	in, err := parseSchemeRequest(req, sc)
	if err != nil {
		writeError(w, err)
		return
	}
	auth, err := n.authenticate(r.Context(), req.AuthSig, access.PKPSigningRequest(in.pkp.TokenID))
	if err != nil {
		writeError(w, err)
		return
	}
	if err := n.allowAddress(auth.Address); err != nil {
		writeError(w, err)
		return
	}
	in.address = auth.Address
	share, err := n.pkpSignScheme(r.Context(), in)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, share)
}

// PKPActionSchemeSign is a request for this node's share of a signature of a scheme other
// than ECDSA from inside a Lit Action (Lit.Actions.sign / signAndCombine with signingScheme):
// the seam the action runtime's host calls. Its fields are PKPActionSign's, with the message
// in place of the hash.
type PKPActionSchemeSign struct {
	SigningScheme string
	Message       []byte
	PKP           string // token id
	RequestID     string
	NodeSet       []string
	ActionCID     string
	Address       common.Address
	Taproot       *api.TaprootSpend
}

// PKPSignSchemeForAction returns this node's share of a signature with the scheme, after the
// same checks and agreement as POST /web/pkp/sign, permission coming from the action (as
// PKPSignForAction). Errors are *api.Error.
func (n *Node) PKPSignSchemeForAction(ctx context.Context, req PKPActionSchemeSign) (*api.PKPSchemeShare, error) {
	sc, other, err := parseSigningScheme(req.SigningScheme)
	if err != nil {
		return nil, err
	}
	if !other {
		return nil, api.Errorf(api.KindBadRequest, "signingScheme %s: use PKPSignForAction", api.SchemeEcdsaK256Sha256)
	}
	in, err := parseSchemeRequest(&api.PKPSignRequest{ToSign: req.Message, PubKey: req.PKP, RequestID: req.RequestID, NodeSet: req.NodeSet, Taproot: req.Taproot}, sc)
	if err != nil {
		return nil, err
	}
	switch {
	case req.ActionCID != "":
		if in.actionCID, err = chain.CanonicalCID(req.ActionCID); err != nil {
			return nil, api.Errorf(api.KindBadRequest, "action CID: %v", err)
		}
	case req.Address != (common.Address{}):
		in.address = req.Address
	default:
		return nil, api.Errorf(api.KindForbidden, "neither an action CID nor an authSig address to check the PKP's permissions against")
	}
	return n.pkpSignScheme(ctx, in)
}

// schemePKP is a PKP of a scheme key type as the node signs with it.
type schemePKP struct {
	pkpKey  // tokenID and tokenInt (for permissions)
	kt      chain.KeyType
	onChain []byte
}

// pkpSignScheme checks a request against the epoch, the PKP (its key type and derivation) and
// its permissions, and returns this node's share.
func (n *Node) pkpSignScheme(ctx context.Context, in schemeInput) (*api.PKPSchemeShare, error) {
	if n.pkp == nil || n.chain == nil {
		return nil, api.Errorf(api.KindUnavailable, "this node has no chain, so no PKPs")
	}
	k, err := n.keys.Current()
	if err != nil {
		return nil, err
	}
	root := k.SchemeRootKey(in.scheme.kt)
	if root == nil {
		return nil, api.Errorf(api.KindUnavailable, "this network has no %s root key yet: it comes with the next key round (epoch change)", in.scheme.kt)
	}
	var ep *pkpEpoch
	var order []int
	if in.scheme.suite != 0 {
		if ep, err = n.pkp.readyFrost(ctx, in.scheme.suite); err != nil {
			return nil, err
		}
		if order, err = ep.resolveSet(in.nodeSet); err != nil {
			return nil, err
		}
		if err := ep.checkExcluded(order); err != nil {
			return nil, err
		}
	}
	pkp, err := n.resolveSchemePKP(ctx, in, root)
	if err != nil {
		return nil, err
	}
	if err := n.checkPKPPermission(ctx, &pkp.pkpKey, in.signInput); err != nil {
		return nil, err
	}
	if err := n.allowPresign(requesterOf(in.signInput)); err != nil {
		return nil, err
	}
	if !n.pkp.replay.add(replayKey(in.signInput, pkp.tokenID)) {
		return nil, api.Errorf(api.KindConflict, "requestId %s was used before: every signature needs a fresh one", in.requestID)
	}
	out := &api.PKPSchemeShare{
		PeerID: n.host.ID().String(), ShareIndex: k.Self, Epoch: k.Epoch, SigningScheme: in.scheme.name,
		TokenID: "0x" + hex.EncodeToString(pkp.tokenID[:]), PublicKey: "0x" + hex.EncodeToString(pkp.onChain),
		DataSigned: "0x" + hex.EncodeToString(in.msg),
	}
	if in.scheme.suite == 0 {
		partial, err := bls.PKPPartialSign(root.Share, root.PublicKey(), pkp.keyID, in.msg)
		if err != nil {
			return nil, fmt.Errorf("BLS partial signature: %w", err)
		}
		out.SignatureShare = hex.EncodeToString(n.tamperShare(in.scheme.name, partial))
		return out, nil
	}
	return n.frostSign(ctx, ep, order, pkp, in, out)
}

// frostSign agrees with the signer set on a slot and the signing package, then signs.
func (n *Node) frostSign(ctx context.Context, ep *pkpEpoch, order []int, pkp *schemePKP, in schemeInput, out *api.PKPSchemeShare) (*api.PKPSchemeShare, error) {
	fs := ep.scheme.(*frostScheme)
	ss, err := ep.setFor(order)
	if err != nil {
		return nil, err
	}
	req := frost.Request{KeyID: frost.KeyID(pkp.keyID), Message: in.msg, Taproot: in.taproot}
	digestOf := func(id string, msg []byte) [32]byte {
		return requestDigest(ep.number, id, pkp.tokenID, schemeMessageDigest(in.scheme, msg, in.taproot), ss.order)
	}
	digestFor := func(id string, msg [32]byte) [32]byte { return digestOf(id, msg[:]) }
	requester := requesterOf(in.signInput)
	h, _, err := ss.agreeOn(ctx, requesterHash(requester), in.requestID, digestOf(in.requestID, in.msg), frostBinder(fs.key.Root(), ss.order, req), digestFor)
	if err != nil {
		if errors.Is(err, errAgreeTimeout) {
			n.chargePresign(requester, requesterPenalty) // a request sent to too few signers costs more
		}
		return nil, err
	}
	fh := h.(*frostHeld)
	share, err := frost.SignShare(fs.key, fh.nonce, fh.pkg)
	if err != nil {
		ss.burn(fh)
		return nil, fmt.Errorf("sign share with slot %s: %w", fh.ID(), err)
	}
	shareEnc, _ := share.MarshalBinary()
	pkgEnc, _ := fh.pkg.MarshalBinary()
	slot := fh.pkg.Slot()
	out.SlotID = hex.EncodeToString(slot[:])
	out.SigningPackage = hex.EncodeToString(pkgEnc)
	out.SignatureShare = hex.EncodeToString(n.tamperShare(in.scheme.name, shareEnc))
	return out, nil
}

// tamperShare lets an attack test's hook replace a share (pkp_hooks.go); no binary sets one.
func (n *Node) tamperShare(scheme string, share []byte) []byte {
	if h := n.cfg.PKPHooks; h != nil && h.SchemeShare != nil {
		return h.SchemeShare(scheme, share)
	}
	return share
}

// schemeMessageDigest is what a scheme request's digest binds in place of ECDSA's hash: the
// scheme, the message and, for Taproot, which key signs.
func schemeMessageDigest(sc signScheme, msg []byte, tap *frost.TaprootSpend) [32]byte {
	h := sha256.New()
	h.Write([]byte("litmesh/pkp/scheme-message/v1"))
	h.Write([]byte{byte(len(sc.name))})
	h.Write([]byte(sc.name))
	switch {
	case tap == nil:
		h.Write([]byte{0})
	default:
		h.Write([]byte{1, byte(len(tap.MerkleRoot))})
		h.Write(tap.MerkleRoot)
	}
	m := sha256.Sum256(msg)
	h.Write(m[:])
	return [32]byte(h.Sum(nil))
}

// resolveSchemePKP reads the PKP from the chain and checks that it is of the scheme's key type
// and that its key is the derivation of its key id from the epoch's root of that type.
func (n *Node) resolveSchemePKP(ctx context.Context, in schemeInput, root *dkg.KeyShare) (*schemePKP, error) {
	tokenInt := new(big.Int).Set(in.pkp.TokenID)
	if tokenInt.BitLen() > 256 {
		return nil, api.Errorf(api.KindBadRequest, "pubkey: token id over 256 bits")
	}
	k := &schemePKP{pkpKey: pkpKey{tokenInt: tokenInt}}
	tokenInt.FillBytes(k.tokenID[:])
	c := n.chain
	p, err := c.PKP(ctx, tokenInt)
	if errors.Is(err, chain.ErrUnknownPKP) {
		if rerr := c.Refresh(ctx); rerr == nil {
			p, err = c.PKP(ctx, tokenInt)
		}
	}
	switch {
	case errors.Is(err, chain.ErrUnknownPKP):
		return nil, api.Errorf(api.KindNotFound, "no PKP with token id 0x%x was minted", k.tokenID)
	case err != nil:
		return nil, chainError("read the PKP", err)
	}
	if p.KeyType != in.scheme.kt {
		return nil, api.Errorf(api.KindBadRequest, "PKP 0x%x is a %s PKP: it signs with %s, not %s", k.tokenID, p.KeyType, schemesOf(p.KeyType), in.scheme.name)
	}
	k.kt, k.keyID, k.onChain = p.KeyType, p.KeyID, p.PublicKey
	derived, err := deriveSchemeKey(in.scheme.kt, root, p.KeyID)
	if err != nil {
		return nil, api.Errorf(api.KindNotFound, "PKP 0x%x has a degenerate key id: %v", k.tokenID, err)
	}
	if !bytes.Equal(derived, p.PublicKey) {
		// The contract checks only the format of these keys: refuse to sign under a key that
		// is not this network's derivation for the token's key id.
		return nil, api.Errorf(api.KindConflict, "PKP 0x%x: its key %x is not the derivation of its key id from this network's %s root key (%x): refusing to sign", k.tokenID, p.PublicKey, in.scheme.kt, derived)
	}
	return k, nil
}

// deriveSchemeKey derives a PKP key of a scheme key type from the root share's public
// polynomial, in the PKPNFT contract's encoding.
func deriveSchemeKey(kt chain.KeyType, root *dkg.KeyShare, keyID [32]byte) ([]byte, error) {
	if kt == chain.KeyTypeBLSPKP {
		y, err := bls.DerivePKPKey(root.PublicKey(), keyID)
		if err != nil {
			return nil, err
		}
		return y.MarshalBinary()
	}
	suite := frost.Ed25519
	if kt == chain.KeyTypeSchnorrK256 {
		suite = frost.Secp256k1 // the 33-byte key; Taproot signs with its x-only form
	}
	pub, err := root.PublicKey().MarshalBinary()
	if err != nil {
		return nil, err
	}
	rk, err := frost.NewRootKey(suite, [][]byte{pub})
	if err != nil {
		return nil, err
	}
	y, err := frost.DerivePublicKey(rk, frost.KeyID(keyID))
	if err != nil {
		return nil, err
	}
	return y.Bytes(), nil
}
