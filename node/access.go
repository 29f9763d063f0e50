package node

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
)

// startAccess builds the access-condition evaluator: the network's own chain under its name
// (chain_name) and every extra chain of the chains setting, each through its own RPC client.
// Extra evaluator options (the Lit Action runner) come from the features that provide them.
func (n *Node) startAccess(ctx context.Context, extra ...access.EvaluatorOption) error {
	var opts []access.EvaluatorOption
	dial := func(name, url string) error {
		ec, err := ethclient.DialContext(ctx, url)
		if err != nil {
			return fmt.Errorf("chain %s (%s) for access conditions: %s", name, chain.RedactURL(url), chain.ScrubURL(err.Error(), url))
		}
		n.stops = append(n.stops, func(context.Context) error { ec.Close(); return nil })
		var reader access.ChainReader = scrubbedReader{r: ec, url: url}
		if n.chain != nil && url == n.cfg.ChainRPC {
			// The chain client follows this chain's head: repeated reads within a block
			// come from a cache (condcache.go).
			reader = newCachedReader(reader, n.chain)
		}
		opts = append(opts, access.WithChain(name, reader))
		n.wallets.add(name, url, ec)
		n.addActionChain(name, ec)
		return nil
	}
	if n.cfg.ChainRPC != "" {
		if err := dial(n.cfg.ChainName, n.cfg.ChainRPC); err != nil {
			return err
		}
	}
	chains, err := ParseChains(n.cfg.Chains)
	if err != nil {
		return err
	}
	for name, url := range chains {
		if name == n.cfg.ChainName && n.cfg.ChainRPC != "" {
			continue
		}
		if err := dial(name, url); err != nil {
			return err
		}
	}
	ev, err := access.NewEvaluator(append(opts, extra...)...)
	if err != nil {
		return fmt.Errorf("access-condition evaluator: %w", err)
	}
	n.evaluator = conditionsEvaluator{ev: ev}
	return nil
}

// authenticate verifies a request's authSig for the resource and ability the request needs:
// a session signature (Lit's getSessionSigs) must be made for this node and grant req; a plain
// wallet authSig is taken for decryption only, and only if it expires within the node's
// maximum lifetime. The error is an *api.Error naming the check that failed.
func (n *Node) authenticate(ctx context.Context, raw json.RawMessage, req access.ResourceAbility) (*access.Auth, error) {
	sig, err := parseAuth(raw)
	if err != nil {
		return nil, err
	}
	if sig.DerivedVia == access.DerivedViaSession {
		auth, err := access.VerifySessionSig(ctx, sig, access.SessionOptions{
			NodeAddresses: []string{n.URL()},
			Request:       req,
			MaxLifetime:   n.cfg.AuthMaxLifetime.Duration,
			Wallets:       &n.wallets,
			NetworkKey:    n.pkpSessions.networkKey(),
		})
		if err == nil && auth.PKP != nil {
			err = n.pkpSessions.check(ctx, auth.PKP, req)
		}
		if err != nil {
			return nil, err
		}
		return auth, nil
	}
	if req.Ability != access.AbilityDecryption {
		return nil, api.Errorf(api.KindUnauthorized, "authSig: session signatures are required for %s; a plain wallet authSig is taken for decryption only (make session signatures with Lit's getSessionSigs, or `lit --key`)", abilityText(req.Ability))
	}
	return n.authenticatePlain(ctx, sig)
}

// precheckAuth refuses, before a large request body is decoded, an auth whose own checks fail
// whatever the request: a malformed one, a plain authSig where session signatures are required,
// a session signature that is forged, stale or made for another node. It authorises nothing;
// authenticate must still run on the decoded request.
func (n *Node) precheckAuth(raw json.RawMessage, ability access.Ability) error {
	sig, err := parseAuth(raw)
	if err != nil {
		return err
	}
	if sig.DerivedVia != access.DerivedViaSession {
		if ability != access.AbilityDecryption {
			return api.Errorf(api.KindUnauthorized, "authSig: session signatures are required for %s; a plain wallet authSig is taken for decryption only (make session signatures with Lit's getSessionSigs, or `lit --key`)", abilityText(ability))
		}
		return nil
	}
	return access.CheckSessionEnvelope(sig, access.SessionOptions{NodeAddresses: []string{n.URL()}, MaxLifetime: n.cfg.AuthMaxLifetime.Duration})
}

// authenticatePlain verifies a plain wallet authSig (SIWE, EIP-191 or EIP-1271): it must expire,
// within the node's maximum lifetime.
func (n *Node) authenticatePlain(ctx context.Context, sig *access.AuthSig) (*access.Auth, error) {
	return sig.VerifyContext(ctx, access.VerifyOptions{
		RequireExpiration: true,
		MaxLifetime:       n.cfg.AuthMaxLifetime.Duration,
		Wallets:           &n.wallets,
	})
}

func parseAuth(raw json.RawMessage) (*access.AuthSig, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, api.Errorf(api.KindUnauthorized, "authSig: missing")
	}
	return access.ParseAuthSig(raw)
}

func abilityText(a access.Ability) string {
	switch a {
	case access.AbilityPKPSigning:
		return "PKP signing"
	case access.AbilityExecution:
		return "Lit Action execution"
	}
	return string(a)
}
