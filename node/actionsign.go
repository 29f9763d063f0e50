package node

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/btcsuite/btcd/btcec/v2/schnorr"
	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/drand/kyber/share"
	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/frost"
	"github.com/litmesh/litmesh/runtime"
)

// pkpPermissions is what the signing rule reads from the chain; *chain.Client has it.
type pkpPermissions interface {
	PKP(ctx context.Context, tokenID *big.Int) (chain.PKP, error)
	IsPermittedAction(ctx context.Context, tokenID *big.Int, cid []byte) (bool, error)
	IsPermittedAddress(ctx context.Context, tokenID *big.Int, account common.Address) (bool, error)
	// Refresh moves reads to the chain's newest block. The client notices new blocks by
	// polling, so a PKP minted or a permission granted a moment ago may not be visible yet:
	// before refusing, the rule reads once more at the newest block.
	Refresh(ctx context.Context) error
}

// actionSigner is who a signature from an action is made for, as PKPSignForAction checks it
// again: a permitted action (by CID) or an address (the PKP's owner or a permitted address).
type actionSigner struct {
	pkp       chain.PKP
	actionCID string
	address   common.Address
}

// authMethodMaySign is the seam for auth methods (Lit's authMethodContexts): a request
// authenticated by an auth method the PKP permits with the needed scope may sign from an action.
// The auth-methods work fills it; until then no auth method authorises a signature.
var authMethodMaySign = func(context.Context, chain.PKP, int) (bool, error) { return false, nil }

// actionMaySign is the rule for signing from a Lit Action (signEcdsa, sign,
// ethPersonalSignMessageEcdsa, signAndCombine*), Lit's (lit-node pkp/auth check_pkp_auth):
// the signature is allowed if
//
//   - the running action's CID, or the CID of any action in its call stack (Lit.Actions.call),
//     is a permitted action of the PKP — whether the code came by CID or inline: the CID is the
//     hash of exactly the code that runs, so permitting it permits that code; or
//   - the request's authSig address owns the PKP or is a permitted address — who could sign
//     with the PKP directly anyway; or
//   - (the seam above) an auth method of the request is permitted with the needed scope.
//
// A Mint/Grant/Burn PKP has no owner and no permitted address, so it signs only through the
// action it was granted to. stack is the call stack, the running action last; publicKey the
// PKP's secp256k1 key as the action gave it. The error of a refusal is an *api.Error of kind
// forbidden.
func actionMaySign(ctx context.Context, perms pkpPermissions, publicKey string, stack []string, authAddr common.Address, scope int) (actionSigner, error) {
	pub, err := parsePKPKey(publicKey)
	if err != nil {
		return actionSigner{}, err
	}
	tokenID := chain.PKPTokenID(pub)
	return actionMaySignToken(ctx, perms, tokenID, stack, authAddr, scope, func() error {
		return api.Errorf(api.KindForbidden, "no PKP has the public key %s (token ID %s)", clipArg(publicKey), tokenID)
	})
}

// actionMaySignToken is actionMaySign for the PKP of a token id (the PKPs of the other
// schemes, whose public key does not give the token id); unknown makes the error for a
// token id that no PKP has.
//
//nolint:funlen,gocognit // one decision over the permission sources an action may sign by
func actionMaySignToken(ctx context.Context, perms pkpPermissions, tokenID *big.Int, stack []string, authAddr common.Address, scope int, unknown func() error) (actionSigner, error) {
	if perms == nil {
		return actionSigner{}, errNoChain
	}
	pkp, err := perms.PKP(ctx, tokenID)
	if errors.Is(err, chain.ErrUnknownPKP) && perms.Refresh(ctx) == nil {
		pkp, err = perms.PKP(ctx, tokenID)
	}
	if errors.Is(err, chain.ErrUnknownPKP) {
		return actionSigner{}, unknown()
	}
	if err != nil {
		return actionSigner{}, &chainReadError{what: fmt.Sprintf("read PKP %s", tokenID), cause: err}
	}
	// The running action first, then its callers.
	cids := slices.Clone(stack)
	slices.Reverse(cids)
	check := func() (actionSigner, bool, error) {
		for _, cid := range cids {
			key, err := canonicalCID(cid)
			if err != nil {
				return actionSigner{}, false, err
			}
			ok, err := perms.IsPermittedAction(ctx, tokenID, key)
			if err != nil {
				return actionSigner{}, false, &chainReadError{what: fmt.Sprintf("read the permitted actions of PKP %s", tokenID), cause: err}
			}
			if ok {
				return actionSigner{pkp: pkp, actionCID: cid}, true, nil
			}
		}
		if authAddr != (common.Address{}) {
			if !pkp.Burned && pkp.Owner == authAddr {
				return actionSigner{pkp: pkp, address: authAddr}, true, nil
			}
			ok, err := perms.IsPermittedAddress(ctx, tokenID, authAddr)
			if err != nil {
				return actionSigner{}, false, &chainReadError{what: fmt.Sprintf("read the permitted addresses of PKP %s", tokenID), cause: err}
			}
			if ok {
				return actionSigner{pkp: pkp, address: authAddr}, true, nil
			}
		}
		ok, err := authMethodMaySign(ctx, pkp, scope)
		if err != nil || ok {
			return actionSigner{pkp: pkp}, ok, err
		}
		return actionSigner{}, false, nil
	}
	s, ok, err := check()
	if err == nil && !ok && perms.Refresh(ctx) == nil {
		s, ok, err = check() // granted a moment ago?
	}
	switch {
	case err != nil:
		return actionSigner{}, err
	case ok && s.actionCID == "" && s.address == (common.Address{}):
		return actionSigner{}, api.Errorf(api.KindForbidden, "auth methods cannot sign from actions on this node yet")
	case ok:
		return s, nil
	}
	who := "the request has no authSig"
	if authAddr != (common.Address{}) {
		who = "the authSig address " + authAddr.Hex() + " neither owns it nor is a permitted address"
	}
	actions := "no Lit Action is"
	switch {
	case len(stack) == 1:
		actions = "Lit Action " + stack[0] + " is"
	case len(stack) > 1:
		actions = "none of the Lit Actions of the call stack (" + strings.Join(stack, ", ") + ") is"
	}
	return actionSigner{}, api.Errorf(api.KindForbidden, "None of the AuthMethods, AuthSig or Lit Actions meet the required scope [%d]: %s not permitted to sign with PKP %s, and %s",
		scope, actions, tokenID, who)
}

// parsePKPKey reads a PKP public key given as hex (with or without 0x): 65-byte uncompressed,
// 33-byte compressed, or the 64 bytes x ‖ y that some of Lit's guides pass (the uncompressed
// key without its 04 prefix), checking that it is a point of secp256k1.
func parsePKPKey(s string) (*secp256k1.PublicKey, error) {
	raw, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X"))
	if err == nil && len(raw) == 64 {
		raw = append([]byte{4}, raw...)
	}
	if err != nil || (len(raw) != 65 && len(raw) != 33) {
		return nil, api.Errorf(api.KindBadRequest, "publicKey %q: want the PKP's secp256k1 public key as hex (0x04… uncompressed)", clipArg(s))
	}
	pub, err := secp256k1.ParsePubKey(raw)
	if err != nil {
		return nil, api.Errorf(api.KindBadRequest, "publicKey: not a secp256k1 point: %v", err)
	}
	return pub, nil
}

func canonicalCID(s string) ([]byte, error) {
	key, err := chain.CanonicalCID(s)
	if err != nil {
		return nil, fmt.Errorf("ipfsId %q: not a CID", clipArg(s))
	}
	return key, nil
}

// signScheme is Lit.Actions.sign and signAndCombine with a signingScheme other than
// EcdsaK256Sha256 (docs/schemes.md). The permission rule is actionMaySign's; each signer's
// share comes from PKPSignSchemeForAction, so the checks, the key-type rule and (for FROST)
// the signer agreement are exactly those of POST /web/pkp/sign with that scheme. The action
// names the PKP by its token id in publicKey: the public key of such a PKP does not give its
// token id (docs/schemes.md, In the node).
//
// The signers: FROST needs every member of a set of T, so the set is a window of T ring
// members inside the execution's node set, picked by the request id as ECDSA's 2t+1 are; BLS
// partial signatures need no agreement, so every node of the execution makes one.
//
//nolint:funlen // the scheme signing steps in order: resolve the PKP, pick the signers, sign and combine
func (h *actionHost) signScheme(ctx context.Context, req runtime.SignRequest) (runtime.SignResult, error) {
	sc, other, err := parseSigningScheme(req.Scheme)
	if err != nil {
		return runtime.SignResult{}, err
	}
	if !other { // not reached: Sign keeps EcdsaK256Sha256
		return runtime.SignResult{}, fmt.Errorf("signing scheme %s: not a scheme of signScheme", req.Scheme)
	}
	if req.Mode == runtime.SignAsAction {
		return runtime.SignResult{}, api.Errorf(api.KindBadRequest, "signAsAction signs with %s only: an action's own key is a secp256k1 ECDSA key, not a %s key", api.SchemeEcdsaK256Sha256, sc.name)
	}
	ref, err := api.ParsePKPRef(req.PublicKey)
	if err != nil || ref.TokenID == nil {
		return runtime.SignResult{}, api.Errorf(api.KindBadRequest, "publicKey %q: a %s signature names its PKP by token id (0x-hex or decimal): the public key of a %s PKP does not give its token id", clipArg(req.PublicKey), sc.name, sc.kt)
	}
	tokenID := ref.TokenID
	var authAddr common.Address
	if h.auth != nil {
		authAddr = h.auth.Address
	}
	var perms pkpPermissions
	if h.svc.chain != nil {
		perms = h.svc.chain
	}
	who, err := actionMaySignToken(ctx, perms, tokenID, req.Action.Stack, authAddr, req.Scope, func() error {
		return api.Errorf(api.KindForbidden, "no PKP has the token id 0x%x (publicKey of a %s signature is the PKP's token id)", tokenID, sc.name)
	})
	if err != nil {
		return runtime.SignResult{}, h.logChainError(err)
	}
	// The key type is checked here too, so that a node that is not a signer refuses as the
	// signers do instead of waiting for shares that will not come.
	if who.pkp.KeyType != sc.kt {
		return runtime.SignResult{}, api.Errorf(api.KindBadRequest, "PKP 0x%x is a %s PKP: it signs with %s, not %s", tokenID, who.pkp.KeyType, schemesOf(who.pkp.KeyType), sc.name)
	}
	ex, err := h.channel()
	if err != nil {
		return runtime.SignResult{}, err
	}
	root := ex.keys.SchemeRootKey(sc.kt)
	if root == nil {
		return runtime.SignResult{}, api.Errorf(api.KindUnavailable, "this network has no %s root key yet: it comes with the next key round (epoch change)", sc.kt)
	}
	requestID := signingRequestID(h.execID, string(req.Mode)+"/"+sc.name, req.SigName, req.Seq)
	set := make([]string, len(ex.members))
	for i, p := range ex.members {
		set[i] = p.String()
	}
	member := true
	if sc.suite != 0 {
		if set, member, err = h.signersOf(ex, requestID, root.Threshold()); err != nil {
			return runtime.SignResult{}, err
		}
		if len(set) < root.Threshold() {
			return runtime.SignResult{}, api.Errorf(api.KindUnavailable, "%s needs %d signers and this execution runs on %d nodes", sc.name, root.Threshold(), len(set))
		}
	}
	var share *api.PKPSchemeShare
	tokenHex := fmt.Sprintf("0x%064x", tokenID)
	if member {
		sreq := PKPActionSchemeSign{
			SigningScheme: sc.name, Message: req.ToSign, PKP: tokenHex, RequestID: requestID,
			ActionCID: who.actionCID, Address: who.address,
		}
		if sc.suite != 0 {
			sreq.NodeSet = set
		}
		if share, err = h.svc.signScheme(ctx, sreq); err != nil {
			return runtime.SignResult{}, err
		}
	}
	if req.Mode == runtime.SignShare {
		if share == nil {
			return runtime.SignResult{}, nil
		}
		raw, err := json.Marshal(share)
		return runtime.SignResult{Share: raw}, err
	}
	out, err := h.combineScheme(ctx, ex, req, sc, who.pkp, root, set, share)
	if err != nil {
		return runtime.SignResult{}, err
	}
	return runtime.SignResult{Combined: out}, nil
}

// combineScheme is signAndCombine's exchange for the other schemes: this node's share goes to
// every other node of the execution, each node combines the signers' shares (FROST: every
// share of one signing package; BLS: any T partial signatures), checks the signature with the
// scheme's standard verifier and that it is under the PKP's key, and the action gets Lit's
// SignedDataOutput JSON: signature, verifying_key and signed_data as hex, recovery_id null.
func (h *actionHost) combineScheme(ctx context.Context, ex *actionExec, req runtime.SignRequest, sc signScheme, pkp chain.PKP, root *dkg.KeyShare, signers []string, mine *api.PKPSchemeShare) (string, error) {
	var from []int
	for i, p := range ex.members {
		if i != ex.self && slices.Contains(signers, p.String()) {
			from = append(from, i)
		}
	}
	if mine != nil {
		raw, err := json.Marshal(mine)
		if err != nil {
			return "", err
		}
		if err := ex.send(ctx, ex.others(), actMsg{kind: actKindSign, name: req.SigName, seq: uint32(req.Seq), value: raw}); err != nil {
			h.svc.log.Debug("signature share not delivered to every node", "session", ex.sid, "error", err)
		}
	}
	c, err := newSchemeCombiner(sc, pkp, root, req.ToSign)
	if err != nil {
		return "", err
	}
	var (
		sig, pub []byte
		last     error
		tried    = -1
	)
	attempt := func(got map[int]actMsg) bool {
		shares := make([]*api.PKPSchemeShare, 0, len(got)+1)
		if mine != nil {
			shares = append(shares, mine)
		}
		for _, m := range got {
			var s api.PKPSchemeShare
			if m.refused || len(m.value) > maxShareJSON || json.Unmarshal(m.value, &s) != nil {
				continue
			}
			shares = append(shares, &s)
		}
		if len(shares) == tried {
			return false
		}
		tried = len(shares)
		sig, pub, last = c.combine(shares)
		return last == nil
	}
	got, err := ex.collect(ctx, actKey{actKindSign, req.SigName, uint32(req.Seq)}, from, attempt)
	if sig == nil {
		attempt(got)
	}
	if sig == nil {
		if last == nil {
			last = errors.New("no signature shares")
		}
		if err != nil {
			return "", fmt.Errorf("combine the %s signature: %w (%w)", sc.name, last, err)
		}
		return "", fmt.Errorf("combine the %s signature: %w", sc.name, last)
	}
	out, err := json.Marshal(actionSignOutput{
		Signature:    hex.EncodeToString(sig),
		VerifyingKey: hex.EncodeToString(pub),
		SignedData:   hex.EncodeToString(req.ToSign),
	})
	return string(out), err
}

// schemeCombiner combines signAndCombine's shares of one scheme signature at a node.
type schemeCombiner struct {
	sc        signScheme
	pkp       chain.PKP
	msg       []byte
	tokenHex  string // 64 hex digits, no 0x
	dataHex   string
	threshold int
	frostRoot *frost.RootKey // FROST
	blsPoly   *share.PubPoly // BLS
}

func newSchemeCombiner(sc signScheme, pkp chain.PKP, root *dkg.KeyShare, msg []byte) (*schemeCombiner, error) {
	c := &schemeCombiner{sc: sc, pkp: pkp, msg: msg, dataHex: hex.EncodeToString(msg), threshold: root.Threshold()}
	if pkp.TokenID != nil {
		c.tokenHex = fmt.Sprintf("%064x", pkp.TokenID)
	}
	if sc.suite == 0 {
		c.blsPoly = share.NewPubPoly(bls.KeyGroup(), nil, root.Commits)
		return c, nil
	}
	var err error
	c.frostRoot, err = frostRootOf(sc.suite, root)
	return c, err
}

// combine tries to make the signature from the shares so far; an error means not yet (or not
// from these shares). Shares for another scheme, message or PKP are left out.
func (c *schemeCombiner) combine(shares []*api.PKPSchemeShare) (sig, pub []byte, err error) {
	var ok []*api.PKPSchemeShare
	for _, s := range shares {
		if s.SigningScheme != c.sc.name || len(s.SignatureShare) > 1024 || len(s.SigningPackage) > maxShareJSON ||
			!strings.EqualFold(strings.TrimPrefix(s.DataSigned, "0x"), c.dataHex) ||
			!strings.EqualFold(fmt.Sprintf("%064s", strings.TrimPrefix(s.TokenID, "0x")), c.tokenHex) {
			continue
		}
		ok = append(ok, s)
	}
	if c.sc.suite == 0 {
		return c.combineBLS(ok)
	}
	return c.combineFROST(ok)
}

func (c *schemeCombiner) combineBLS(shares []*api.PKPSchemeShare) (sig, pub []byte, err error) {
	var partials [][]byte
	for _, s := range shares {
		if p, err := hex.DecodeString(s.SignatureShare); err == nil && len(p) == bls.PartialSize {
			partials = append(partials, p)
		}
	}
	if len(partials) < c.threshold {
		return nil, nil, fmt.Errorf("%d partial signatures of the %d needed", len(partials), c.threshold)
	}
	sig, pub, _, err = bls.PKPCombine(c.blsPoly, c.pkp.KeyID, c.msg, partials, c.threshold)
	if err != nil {
		return nil, nil, err
	}
	if !bytes.Equal(pub, c.pkp.PublicKey) {
		return nil, nil, fmt.Errorf("the signature is under %x, not the PKP's key %x", pub, c.pkp.PublicKey)
	}
	return sig, pub, nil // PKPCombine verified it under pub with blst
}

func (c *schemeCombiner) combineFROST(shares []*api.PKPSchemeShare) (sig, pub []byte, err error) {
	type group struct {
		pkg    *frost.SigningPackage
		shares []*frost.SignatureShare
	}
	groups := map[[32]byte]*group{}
	for _, s := range shares {
		rawPkg, err1 := hex.DecodeString(s.SigningPackage)
		rawShare, err2 := hex.DecodeString(s.SignatureShare)
		if err1 != nil || err2 != nil {
			continue
		}
		pkg, err1 := frost.UnmarshalSigningPackage(rawPkg)
		sh, err2 := frost.UnmarshalSignatureShare(rawShare)
		if err1 != nil || err2 != nil {
			continue
		}
		g := groups[pkg.Digest()]
		if g == nil {
			g = &group{pkg: pkg}
			groups[pkg.Digest()] = g
		}
		g.shares = append(g.shares, sh)
	}
	err = fmt.Errorf("%w: no signing package has a share of every participant yet", frost.ErrMissingShares)
	req := frost.Request{KeyID: frost.KeyID(c.pkp.KeyID), Message: c.msg}
	for _, g := range groups {
		if len(g.shares) < len(g.pkg.Participants()) {
			continue
		}
		s, cerr := frost.Combine(c.frostRoot, req, g.pkg, g.shares)
		if cerr != nil {
			err = cerr
			continue
		}
		sig, pub = s.Bytes(), s.PublicKey
		if err := c.checkFROST(sig, pub); err != nil {
			return nil, nil, err
		}
		return sig, pub, nil
	}
	return nil, nil, err
}

// checkFROST checks a combined FROST signature once more outside mpc/frost (crypto/ed25519,
// btcec's BIP-340 verifier) and that it is under the PKP's key (Taproot: its x-only form).
func (c *schemeCombiner) checkFROST(sig, pub []byte) error {
	want := c.pkp.PublicKey
	if c.sc.suite == frost.Taproot && len(want) == 33 {
		want = want[1:]
	}
	if !bytes.Equal(pub, want) {
		return fmt.Errorf("the signature is under %x, not the PKP's key %x", pub, want)
	}
	switch c.sc.suite {
	case frost.Ed25519:
		if len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, c.msg, sig) {
			return errors.New("crypto/ed25519 rejects the combined signature")
		}
	case frost.Taproot:
		if len(c.msg) == 32 {
			pk, err := schnorr.ParsePubKey(pub)
			if err != nil {
				return err
			}
			s, err := schnorr.ParseSignature(sig)
			if err != nil || !s.Verify(c.msg, pk) {
				return errors.New("btcec's BIP-340 verifier rejects the combined signature")
			}
		}
	}
	return frost.Verify(c.sc.suite, pub, c.msg, sig)
}
