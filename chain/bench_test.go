package chain_test

import (
	"testing"

	"github.com/litmesh/litmesh/chain/bindings"
)

// BenchmarkPermissionCheck is the node's hot path: is this action permitted for this PKP?
// "cached" is a repeat within one block; "rpc" is the eth_call the cache saves (in-process
// simulated chain, so a remote endpoint only widens the gap).
func BenchmarkPermissionCheck(b *testing.B) {
	e, _, _ := pkpNetwork(b)
	p, err := e.c.MintPKP(e.ctx, e.users[0])
	if err != nil {
		b.Fatal(err)
	}
	a := mustCID(b, cidA)
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if _, err := e.c.IsPermittedAction(e.ctx, p.TokenID, a); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rpc", func(b *testing.B) {
		msg := callMsg(e.addrs.PKPPermissions, bindings.NewPKPPermissions().PackIsPermittedAction(p.TokenID, a))
		for b.Loop() {
			if _, err := e.c.Backend().CallContract(e.ctx, msg, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
