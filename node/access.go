package node

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// startAccess builds the access-condition evaluator: the network's own chain under its name
// (chain_name) and every extra chain of the chains setting, each through its own RPC client.
// Extra evaluator options (the Lit Action runner) come from the features that provide them.
func (n *Node) startAccess(ctx context.Context, extra ...access.EvaluatorOption) error {
	var opts []access.EvaluatorOption
	dial := func(name, url string) error {
		ec, err := ethclient.DialContext(ctx, url)
		if err != nil {
			return fmt.Errorf("chain %s for access conditions: %w", name, err)
		}
		n.stops = append(n.stops, func(context.Context) error { ec.Close(); return nil })
		opts = append(opts, access.WithChain(name, ec))
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
	n.evaluator = ev
	return nil
}

// authenticate parses and verifies a request's authSig (SIWE / EIP-4361): the signature must
// recover the message's address, and the message must be well-formed and in date. The error is
// an *api.Error naming the field.
func (n *Node) authenticate(raw json.RawMessage) (*access.Auth, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, api.Errorf(api.KindUnauthorized, "authSig: missing")
	}
	sig, err := access.ParseAuthSig(raw)
	if err != nil {
		return nil, err
	}
	return sig.Verify(access.VerifyOptions{})
}
