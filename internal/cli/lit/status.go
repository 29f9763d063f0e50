package lit

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"time"

	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
)

// nodeStatus is one element of `lit status` output.
type nodeStatus struct {
	URL            string  `json:"url"`
	PeerID         string  `json:"peerId"`
	ConnectedPeers int     `json:"connectedPeers"`
	Version        string  `json:"version,omitempty"`
	UptimeSeconds  float64 `json:"uptimeSeconds,omitempty"`
	Error          string  `json:"error,omitempty"`
}

func statusCmd() *cli.Command {
	var network string
	return &cli.Command{
		Name:  "status",
		Short: "show the status of every node in the network",
		Long: `Ask every node in the network file for its status and print a JSON array, one object per
node. Exits non-zero if any node does not answer.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&network, "network", "", "network file (default $LIT_NETWORK, then .litdevnet/network.json)")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			nf, err := client.LoadNetwork(client.ResolveNetworkPath(network))
			if err != nil {
				return err
			}
			out := make([]nodeStatus, len(nf.Nodes))
			var wg sync.WaitGroup
			for i, n := range nf.Nodes {
				wg.Add(1)
				go func() {
					defer wg.Done()
					sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
					defer cancel()
					out[i] = nodeStatus{URL: n.URL, PeerID: n.PeerID}
					st, err := client.Status(sctx, n.URL)
					if err != nil {
						out[i].Error = err.Error()
						return
					}
					out[i].PeerID = st.PeerID
					out[i].ConnectedPeers = st.ConnectedPeers
					out[i].Version = st.Version
					out[i].UptimeSeconds = st.UptimeSeconds
				}()
			}
			wg.Wait()
			if err := cli.PrintJSON(out); err != nil {
				return err
			}
			down := 0
			for _, s := range out {
				if s.Error != "" {
					down++
				}
			}
			if down > 0 {
				return fmt.Errorf("%d of %d nodes did not answer", down, len(out))
			}
			return nil
		},
	}
}
