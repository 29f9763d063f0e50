package node

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain"
)

// ActionMaySign is the permission rule of signing from an action, for tests against a real
// chain: it returns the token ID of the PKP it allows.
func ActionMaySign(ctx context.Context, perms *chain.Client, publicKey string, stack []string, auth common.Address, scope int) (*big.Int, error) {
	s, err := actionMaySign(ctx, perms, publicKey, stack, auth, scope)
	return s.pkp.TokenID, err
}

// Evaluator is the node's access-condition evaluator, for tests that check conditions through
// a running node before an HTTP route does.
func (n *Node) Evaluator() interface {
	Check(ctx context.Context, c *access.Conditions, s access.Subject) error
} {
	return n.evaluator
}
