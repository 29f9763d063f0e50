package node_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
)

func TestAnIdentitySurvivesARestartAndIsNeverOverwritten(t *testing.T) {
	dir := t.TempDir()
	id, err := node.InitIdentity(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{node.IdentityFile, node.OperatorFile} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", name, fi.Mode().Perm())
		}
	}
	again, err := node.LoadIdentity(dir)
	if err != nil {
		t.Fatal(err)
	}
	if again.PeerID() != id.PeerID() || again.OperatorAddress() != id.OperatorAddress() {
		t.Fatal("loaded identity differs from the one created")
	}
	if _, err := node.InitIdentity(dir); err == nil {
		t.Fatal("init replaced an existing identity")
	}
	if _, err := node.InitDevIdentity(dir, "x"); err == nil {
		t.Fatal("dev init replaced an existing identity")
	}
}

func TestLoadingFromAnEmptyDirectorySaysToRunInit(t *testing.T) {
	_, err := node.LoadIdentity(t.TempDir())
	if err == nil || !regexp.MustCompile(`litnode init`).MatchString(err.Error()) {
		t.Fatalf("err = %v, want a hint to run litnode init", err)
	}
}

// The compose file names node0's peer ID statically; it must be the one its seed derives.
func TestTheComposeFilesBootstrapPeerIsNode0sSeededIdentity(t *testing.T) {
	id, err := node.InitDevIdentity(t.TempDir(), "node0")
	if err != nil {
		t.Fatal(err)
	}
	again, err := node.InitDevIdentity(t.TempDir(), "node0")
	if err != nil || again.PeerID() != id.PeerID() {
		t.Fatalf("dev identity is not deterministic: %v", err)
	}
	for _, f := range []string{"../docker-compose.yml", "../testnet/docker/network.json"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(regexp.QuoteMeta(id.PeerID().String())).Match(raw) {
			t.Errorf("%s does not name node0's peer ID %s", f, id.PeerID())
		}
	}
}

// The container devnet's network file names every node by the peer ID its seed derives (node i
// is https://127.0.0.1:1700<i+1>, seed "node<i>"), and is a network file the client takes.
func TestTheContainerNetworkFileNamesEveryNodesSeededIdentity(t *testing.T) {
	nf, err := client.LoadNetwork("../testnet/docker/network.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(nf.Nodes) != 4 {
		t.Fatalf("%d nodes, want the 4 of docker-compose.yml", len(nf.Nodes))
	}
	for i, n := range nf.Nodes {
		id, err := node.InitDevIdentity(t.TempDir(), fmt.Sprintf("node%d", i))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("https://127.0.0.1:%d", 17001+i); n.URL != want {
			t.Errorf("nodes[%d].url %s, want %s", i, n.URL, want)
		}
		if n.PeerID != id.PeerID().String() {
			t.Errorf("nodes[%d].peerId %q, want node%d's %s", i, n.PeerID, i, id.PeerID())
		}
	}
}
