package node

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
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
	// Refresh moves reads to the chain's newest block. The client notices new blocks by
	// polling, so a PKP minted or a permission granted a moment ago may not be visible yet:
	// before refusing, the rule reads once more at the newest block.
	Refresh(ctx context.Context) error
}

// actionMaySign is the rule for Lit.Actions.signEcdsa (issue 7): an action run by its CID may
// sign with a PKP only if that CID is permitted for the PKP on chain (PKPPermissions) — the
// owner's authSig alone is not enough, so a Mint/Grant/Burn PKP signs only through its action;
// inline code, whose CID anyone can compute and so proves nothing about who wrote it, may sign
// only with PKPs owned by the request's authSig address. publicKey is the PKP's secp256k1 key
// as the action gave it (hex, 65-byte uncompressed or 33-byte compressed). It returns the PKP,
// or an error saying why not (an *api.Error of kind forbidden for a refusal).
func actionMaySign(ctx context.Context, perms pkpPermissions, publicKey, ipfsID string, inline bool, authAddr common.Address) (chain.PKP, error) {
	pub, err := parsePKPKey(publicKey)
	if err != nil {
		return chain.PKP{}, err
	}
	if perms == nil {
		return chain.PKP{}, errNoChain
	}
	tokenID := chain.PKPTokenID(pub)
	pkp, err := perms.PKP(ctx, tokenID)
	if errors.Is(err, chain.ErrUnknownPKP) && perms.Refresh(ctx) == nil {
		pkp, err = perms.PKP(ctx, tokenID)
	}
	if errors.Is(err, chain.ErrUnknownPKP) {
		return chain.PKP{}, api.Errorf(api.KindForbidden, "no PKP has the public key %s (token ID %s)", clipArg(publicKey), tokenID)
	}
	if err != nil {
		return chain.PKP{}, &chainReadError{what: fmt.Sprintf("read PKP %s", tokenID), cause: err}
	}
	if inline {
		if authAddr == (common.Address{}) {
			return chain.PKP{}, api.Errorf(api.KindForbidden, "inline code signs only with PKPs owned by the request's authSig address, and the request has none")
		}
		if pkp.Burned || pkp.Owner != authAddr {
			owner := "nobody (burned)"
			if !pkp.Burned {
				owner = pkp.Owner.Hex()
			}
			return chain.PKP{}, api.Errorf(api.KindForbidden, "inline code signs only with PKPs owned by the authSig address %s; PKP %s is owned by %s (pin the action and permit its CID to sign with it)", authAddr.Hex(), tokenID, owner)
		}
		return pkp, nil
	}
	key, err := canonicalCID(ipfsID)
	if err != nil {
		return chain.PKP{}, err
	}
	ok, err := perms.IsPermittedAction(ctx, tokenID, key)
	if err == nil && !ok && perms.Refresh(ctx) == nil {
		ok, err = perms.IsPermittedAction(ctx, tokenID, key)
	}
	if err != nil {
		return chain.PKP{}, &chainReadError{what: fmt.Sprintf("read the permitted actions of PKP %s", tokenID), cause: err}
	}
	if !ok {
		return chain.PKP{}, api.Errorf(api.KindForbidden, "Lit Action %s is not permitted to sign with PKP %s", ipfsID, tokenID)
	}
	return pkp, nil
}

// parsePKPKey reads a PKP public key given as hex (with or without 0x), uncompressed or
// compressed, checking that it is a point of secp256k1.
func parsePKPKey(s string) (*secp256k1.PublicKey, error) {
	raw, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X"))
	if err != nil || (len(raw) != 65 && len(raw) != 33) {
		return nil, fmt.Errorf("publicKey %q: want the PKP's secp256k1 public key as hex (0x04… uncompressed)", clipArg(s))
	}
	pub, err := secp256k1.ParsePubKey(raw)
	if err != nil {
		return nil, fmt.Errorf("publicKey: not a secp256k1 point: %w", err)
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
