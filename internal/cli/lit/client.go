package lit

import (
	"fmt"
	"os"
	"sync"

	"github.com/litmesh/litmesh/attestation/simulated"
	"github.com/litmesh/litmesh/client"
)

// devnetRoots are the trust anchors of a devnet's simulated attestation, built once.
var devnetRoots = sync.OnceValues(simulated.Roots)

// newClient is the client of the network nf describes; a devnet's is given the simulated
// attestation roots (the client package does not link them itself).
func newClient(nf *client.NetworkFile) *client.Client {
	if nf.Mode != "devnet" {
		return client.New(nf)
	}
	roots, err := devnetRoots()
	if err != nil {
		// The client then refuses the devnet's nodes with an error saying the roots are missing.
		fmt.Fprintf(os.Stderr, "lit: the devnet's simulated attestation roots: %v\n", err)
		return client.New(nf)
	}
	return client.New(nf, client.WithDevnetRoots(roots))
}
