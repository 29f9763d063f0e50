package node

import (
	"context"
	"encoding/hex"
	"strings"

	"github.com/drand/kyber"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
)

// A PKP session in use: a request authenticated with a lit.bls capability (access.go) is
// verified with the network's root key and held to the PKP's auth methods on chain as they are
// now.

// networkKey verifies the network's signatures (lit.bls capabilities) with its BLS root key.
type networkKey struct{ pub kyber.Point }

func (k networkKey) VerifyNetworkSignature(msg, sig []byte) error {
	return bls.VerifyLit(k.pub, msg, sig)
}

// networkKey is the root key of the epoch this node serves, which verifies lit.bls
// capabilities, or nil before its first key generation (or in a unit test's node, which has no
// service). Resharing keeps the root key, so a capability signed in one epoch verifies in the
// next.
func (s *pkpSessionService) networkKey() access.NetworkKey {
	if s == nil || s.keys == nil {
		return nil
	}
	k, err := s.keys.Current()
	if err != nil {
		return nil
	}
	return networkKey{pub: k.BLS.PublicKey()}
}

// check runs when a request authenticated with a PKP session (lit.bls): the auth methods (or
// custom auth action) the nodes verified to sign it must still be permitted for the PKP, with
// the scope this request needs, so removing an auth method ends its sessions as soon as the
// node sees the block that removed it (its chain cache follows new blocks), not at their
// expiration.
func (s *pkpSessionService) check(ctx context.Context, ps *access.PKPSession, req access.ResourceAbility) error {
	if s.chain == nil {
		return api.Errorf(api.KindUnavailable, "this node has no chain to check the PKP session's auth methods on")
	}
	scope := access.RequiredScopeFor(req)
	check := func() (bool, error) {
		ms, err := s.chain.AuthMethods(ctx, ps.TokenID)
		if err != nil {
			return false, err
		}
		for _, c := range ps.AuthContext.AuthMethodContexts {
			id, err := hex.DecodeString(strings.TrimPrefix(c.AuthMethodID, "0x"))
			if err != nil || len(id) == 0 {
				continue
			}
			if m, ok := findAuthMethod(ms, c.AuthMethodType, id); ok && m.HasScope(scope) {
				return true, nil
			}
		}
		for _, cidStr := range ps.AuthContext.ActionIPFSIDStack {
			key, err := chain.CanonicalCID(cidStr)
			if err != nil {
				continue
			}
			if m, ok := findAuthMethod(ms, chain.AuthMethodTypeLitAction, key); ok && m.HasScope(scope) {
				return true, nil
			}
		}
		return false, nil
	}
	ok, err := check()
	if err == nil && !ok {
		if rerr := s.chain.Refresh(ctx); rerr == nil {
			ok, err = check()
		}
	}
	switch {
	case err != nil:
		return chainError("read the PKP's auth methods", err)
	case !ok:
		return api.Errorf(api.KindForbidden, "sessionSig: PKP session for 0x%064x: none of the auth methods it was made with is still permitted with %s (removed, or its scope taken away)", ps.TokenID, access.ScopeName(scope))
	}
	return nil
}
