package node

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
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
//
//nolint:funlen,gocognit // one decision over the permission sources an action may sign by (being reworked with the schemes)
func actionMaySign(ctx context.Context, perms pkpPermissions, publicKey string, stack []string, authAddr common.Address, scope int) (actionSigner, error) {
	pub, err := parsePKPKey(publicKey)
	if err != nil {
		return actionSigner{}, err
	}
	if perms == nil {
		return actionSigner{}, errNoChain
	}
	tokenID := chain.PKPTokenID(pub)
	pkp, err := perms.PKP(ctx, tokenID)
	if errors.Is(err, chain.ErrUnknownPKP) && perms.Refresh(ctx) == nil {
		pkp, err = perms.PKP(ctx, tokenID)
	}
	if errors.Is(err, chain.ErrUnknownPKP) {
		return actionSigner{}, api.Errorf(api.KindForbidden, "no PKP has the public key %s (token ID %s)", clipArg(publicKey), tokenID)
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
