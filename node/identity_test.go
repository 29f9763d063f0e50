package node_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

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
