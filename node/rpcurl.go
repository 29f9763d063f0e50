package node

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain"
)

// Operators' RPC URLs usually carry an API key (in the path, the query or the user info). They
// never appear in errors, logs, /web/status or anything an action sees: every text that could
// hold one goes through redactText, and chain readers' errors are scrubbed where they arise.

// rpcURLs are the configured RPC endpoints: the network's chain and the chains setting.
func (c *Config) rpcURLs() []string {
	var out []string
	if c.ChainRPC != "" {
		out = append(out, c.ChainRPC)
	}
	if chains, err := ParseChains(c.Chains); err == nil {
		for _, u := range chains {
			out = append(out, u)
		}
	}
	return out
}

// redactText removes every configured RPC URL's secret parts from s.
func redactText(cfg Config, s string) string {
	for _, u := range cfg.rpcURLs() {
		s = chain.ScrubURL(s, u)
	}
	return s
}

// scrubbedReader is an access.ChainReader whose errors never show its endpoint's URL.
type scrubbedReader struct {
	r   access.ChainReader
	url string
}

func (s scrubbedReader) BalanceAt(ctx context.Context, a common.Address, n *big.Int) (*big.Int, error) {
	b, err := s.r.BalanceAt(ctx, a, n)
	return b, s.scrub(err)
}

func (s scrubbedReader) CallContract(ctx context.Context, m ethereum.CallMsg, n *big.Int) ([]byte, error) {
	out, err := s.r.CallContract(ctx, m, n)
	return out, s.scrub(err)
}

func (s scrubbedReader) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	h, err := s.r.HeaderByNumber(ctx, n)
	return h, s.scrub(err)
}

func (s scrubbedReader) scrub(err error) error {
	if err == nil {
		return nil
	}
	return &scrubbedErr{err: err, url: s.url}
}

// scrubbedErr keeps err's chain (errors.Is/As still see an rpc.Error, a revert, a deadline)
// but prints it without the URL.
type scrubbedErr struct {
	err error
	url string
}

func (e *scrubbedErr) Error() string { return chain.ScrubURL(e.err.Error(), e.url) }
func (e *scrubbedErr) Unwrap() error { return e.err }
