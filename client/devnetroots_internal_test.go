package client

import (
	"strings"
	"testing"
)

// A devnet's network file is refused unless the program gave the client the devnet's roots: the
// client itself does not carry the simulation's test keys.
func TestADevnetNetworkNeedsTheRootsGivenToTheClient(t *testing.T) {
	_, err := New(&NetworkFile{Mode: "devnet"}).verifier()
	if err == nil || !strings.Contains(err.Error(), "WithDevnetRoots") {
		t.Fatalf("a devnet client without roots: got %v, want an error naming WithDevnetRoots", err)
	}
	if _, err := New(&NetworkFile{Mode: "production"}).verifier(); err != nil {
		t.Fatalf("production verifier: %v", err)
	}
}
