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
	Epoch          uint64  `json:"epoch"`
	EpochState     string  `json:"epochState,omitempty"`
	InActiveSet    bool    `json:"inActiveSet"`
	EpochStatus    string  `json:"epochStatus,omitempty"`
	ChainStale     string  `json:"chainStale,omitempty"`
	// Attestation and TLS are set with --verify.
	Attestation *client.Attestation `json:"attestation,omitempty"`
	TLS         *client.TLSCheck    `json:"tls,omitempty"`
	Error       string              `json:"error,omitempty"`
}

//nolint:gocognit // a command: the per-node queries and the table it prints in one place
func statusCmd() *cli.Command {
	var network string
	var verify bool
	return &cli.Command{
		Name:  "status",
		Short: "show the status of every node in the network",
		Long: `Ask every node in the network file for its status and print a JSON array, one object per
node: peer ID, connected peers, epoch, whether it is in the active set. With --verify, also
challenge each node and verify its attestation (trust roots of the network's mode, release
allowlist on chain, bound to the node's peer ID, operator and TLS key) and its TLS certificate
("tls": verified only when the certificate the node served is the one its attestation vouches
for; no CA is involved). Exits non-zero if any node does not answer or, with --verify, fails
either check.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&network, "network", "", "network file (default $LIT_NETWORK, then .litdevnet/network.json)")
			fs.BoolVar(&verify, "verify", false, "verify every node's attestation and TLS certificate")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			nf, err := client.LoadNetwork(client.ResolveNetworkPath(network))
			if err != nil {
				return err
			}
			cl := newClient(nf)
			defer cl.Close()
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
					out[i].Epoch = st.Epoch
					out[i].EpochState = st.EpochState
					out[i].InActiveSet = st.InActiveSet
					out[i].EpochStatus = st.EpochStatus
					out[i].ChainStale = st.ChainStale
					if verify {
						_, att, err := cl.Handshake(sctx, n)
						if err != nil {
							att = client.Attestation{Reason: "handshake: " + err.Error()}
							att.TLS.Reason = att.Reason
						}
						out[i].Attestation = &att
						out[i].TLS = &att.TLS
					}
				}()
			}
			wg.Wait()
			if err := cli.PrintJSON(out); err != nil {
				return err
			}
			down, unverified, tlsUnverified := 0, 0, 0
			for _, s := range out {
				switch {
				case s.Error != "":
					down++
				case s.Attestation != nil && !s.Attestation.Verified:
					unverified++
				case s.TLS != nil && !s.TLS.Verified:
					tlsUnverified++
				}
			}
			if down > 0 {
				return fmt.Errorf("%d of %d nodes did not answer", down, len(out))
			}
			if unverified > 0 {
				return fmt.Errorf("%d of %d nodes failed attestation verification", unverified, len(out))
			}
			if tlsUnverified > 0 {
				return fmt.Errorf("%d of %d nodes serve a TLS certificate their attestation does not vouch for", tlsUnverified, len(out))
			}
			return nil
		},
	}
}
