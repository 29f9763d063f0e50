package p2p

import (
	"fmt"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
)

// Every peer ID an attacker makes can be refused; the gate must not remember all of them.
// Before the bound, 10,000 refusals were 10,000 entries.
func TestTheGateRemembersABoundedNumberOfRefusals(t *testing.T) {
	g := NewGate()
	now := time.Now()
	g.now = func() time.Time { return now }
	for i := range 10000 {
		g.Reject(peer.ID(fmt.Sprintf("attacker-%d", i)), "bad attestation", time.Minute)
	}
	if n := g.rejected.Len(); n > MaxRejected {
		t.Fatalf("%d refusals remembered, want at most %d", n, MaxRejected)
	}
	if _, ok := g.Rejection(peer.ID("attacker-9999")); !ok {
		t.Fatal("the latest refusal was forgotten")
	}
	// An expired refusal is forgotten when looked at.
	g.Reject("brief", "transient", time.Second)
	now = now.Add(2 * time.Second)
	if _, ok := g.Rejection("brief"); ok {
		t.Fatal("an expired refusal still refuses")
	}
	if g.rejected.Contains(peer.ID("brief")) {
		t.Fatal("an expired refusal is still remembered")
	}
}
