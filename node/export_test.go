package node

import "github.com/litmesh/litmesh/access"

// ActionMaySign is the signEcdsa permission rule, for tests against a real chain.
var ActionMaySign = actionMaySign

// Evaluator is the node's access-condition evaluator, for tests that check conditions through
// a running node before an HTTP route does.
func (n *Node) Evaluator() *access.Evaluator { return n.evaluator }
