package testnet_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/network"

	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
)

// Every node but the bootstrap node is told only the bootstrap node's address; the full mesh
// can only come from DHT rendezvous discovery.
func TestSevenNodesDiscoverEachOtherThroughTheDHT(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	c := testnet.Start(ctx, t, 7)
	for _, m := range c.Members()[1:] {
		if len(m.Cfg.Bootstrap) == 0 || m.Cfg.Bootstrap[0] != c.Members()[0].Node().Addrs()[0] {
			t.Fatalf("node %d was configured with more than the bootstrap address: %v", m.Index, m.Cfg.Bootstrap)
		}
	}
	c.WaitMesh(ctx)

	// The links between non-bootstrap nodes exist only because discovery found them.
	for _, a := range c.Members()[1:] {
		for _, b := range c.Members()[1:] {
			if a != b && c.Host(a.Index).Network().Connectedness(b.ID) != network.Connected {
				t.Errorf("node %d is not connected to node %d", a.Index, b.Index)
			}
		}
	}
}

func TestANodeKilledAndRestartedRejoinsWithTheSamePeerID(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	c := testnet.Start(ctx, t, 5)
	c.WaitMesh(ctx)

	victim := c.Members()[3]
	before := victim.ID
	c.Stop(victim.Index)
	c.WaitFor(ctx, "the others to notice node 3 left", func() (bool, string) {
		for _, m := range c.Members() {
			if m != victim && c.Host(m.Index).Network().Connectedness(before) == network.Connected {
				return false, fmt.Sprintf("node %d still connected to node 3", m.Index)
			}
		}
		return true, ""
	})
	// The rest stay meshed among themselves.
	c.WaitMesh(ctx)

	c.Restart(victim.Index)
	if got := victim.Node().PeerID(); got != before {
		t.Fatalf("restarted node has peer ID %s, want %s", got, before)
	}
	c.WaitMesh(ctx)
}

func TestAStoppedBootstrapNodeDoesNotBreakTheMesh(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithConfig(func(i int, cfg *node.Config) {}))
	c.WaitMesh(ctx)
	c.Stop(0)
	c.WaitMesh(ctx)
}
