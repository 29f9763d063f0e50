package client_test

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/client"
)

// Every node of a network file names its peer ID, which the client checks the node's
// attestation against: a file where one is missing, malformed or shared is refused, naming the
// node, before anything is sent to any node.
func TestANetworkFileMustNameEveryNodesPeerID(t *testing.T) {
	a, b := newPeerID(t), newPeerID(t)
	file := func(nodes string) []byte {
		return []byte(`{"name": "n", "chain": {"name": "c", "chainId": 1, "rpcUrl": ""}, "contracts": {}, "nodes": [` + nodes + `]}`)
	}
	good := file(`{"url": "https://127.0.0.1:7001", "peerId": "` + a + `"}, {"url": "https://127.0.0.1:7002", "peerId": "` + b + `"}`)
	nf, err := client.ParseNetwork(good)
	if err != nil || len(nf.Nodes) != 2 || nf.Nodes[1].PeerID != b {
		t.Fatalf("a network file naming every peer: %v", err)
	}
	for _, tc := range []struct{ name, nodes, want string }{
		{"a node without peerId", `{"url": "https://127.0.0.1:7001", "peerId": "` + a + `"}, {"url": "https://127.0.0.1:7002"}`,
			"network file: nodes[1].peerId (https://127.0.0.1:7002): missing: the client verifies each node's attestation against the peer ID"},
		{"an empty peerId", `{"url": "https://127.0.0.1:7001", "peerId": ""}`,
			"network file: nodes[0].peerId (https://127.0.0.1:7001): missing"},
		{"a malformed peerId", `{"url": "https://127.0.0.1:7001", "peerId": "node-0"}`,
			`network file: nodes[0].peerId (https://127.0.0.1:7001): "node-0" is not a libp2p peer ID`},
		{"two nodes with one peerId", `{"url": "https://127.0.0.1:7001", "peerId": "` + a + `"}, {"url": "https://127.0.0.1:7002", "peerId": "` + a + `"}`,
			"network file: nodes[1].peerId (https://127.0.0.1:7002) is also nodes[0]'s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := client.ParseNetwork(file(tc.nodes)); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
	// LoadNetwork, what lit reads --network with, refuses it the same way.
	path := filepath.Join(t.TempDir(), "network.json")
	if err := os.WriteFile(path, file(`{"url": "https://127.0.0.1:7001"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := client.LoadNetwork(path); err == nil || !strings.Contains(err.Error(), "nodes[0].peerId (https://127.0.0.1:7001): missing") {
		t.Fatalf("LoadNetwork: %v", err)
	}
}

func newPeerID(t *testing.T) string {
	t.Helper()
	_, pub, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	id, err := peer.IDFromPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return id.String()
}
