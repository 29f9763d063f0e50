package ipfs_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/libp2p/go-libp2p"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/ipfs"
)

// The node builds the service on its own host, with its data directory's ipfs/ folder,
// its peer gate as the filter and the operator's configured IPFS peers and gateways.
func ExampleNew() {
	h, err := libp2p.New(libp2p.ListenAddrStrings("/ip4/127.0.0.1/tcp/0"))
	if err != nil {
		log.Fatal(err)
	}
	defer h.Close()
	trusted := func(p peer.ID) bool { return true } // the node passes its attested-peer check

	svc, err := ipfs.New(h, "/var/lib/litnode/ipfs",
		ipfs.WithPeerFilter(trusted),
		ipfs.WithIPFSPeers("/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWAfBfskV4ypf3DgFs8GZUpHTGLPrdYGoPpupjFB8WDtJt"),
		ipfs.WithGateways("https://trustless-gateway.link"),
		ipfs.WithTimeout(20*time.Second),
	)
	if err != nil {
		log.Fatal(err)
	}
	defer svc.Close()

	ctx := context.Background()
	c, err := ipfs.ParseCID("ipfs://QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o")
	if err != nil {
		log.Fatal(err)
	}
	code, err := svc.Cat(ctx, c, 16<<20) // the Lit Action code limit
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d bytes of code\n", len(code))
}

func ExampleCIDOf() {
	c, err := ipfs.CIDOf(strings.NewReader("hello world\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c)
	// Output: QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o
}
