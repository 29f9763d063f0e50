package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet/devnet"
)

// DKG measures the first key generation of a fresh network: each operation starts a devnet of
// n nodes (chain, n staked nodes) and reports how long the key round took, as the nodes timed
// it (the slowest node's measurement; process and chain start-up are not counted).
func DKG(n int, dir string, basePort, chainPort int) Scenario {
	return Scenario{
		Name:        fmt.Sprintf("dkg-%d", n),
		Description: fmt.Sprintf("first key generation (BLS and secp256k1 roots, in parallel) of a fresh %d-node network", n),
		Setup: func(ctx context.Context) (Op, error) {
			return func(ctx context.Context, _ int, seq int64) error {
				d, err := devnet.Up(ctx, devnet.Options{
					Dir: filepath.Join(dir, fmt.Sprintf("dkg-%d", seq)), Nodes: n,
					BasePort: basePort, ChainPort: chainPort, Timeout: 3 * time.Minute,
				})
				if err != nil {
					return err
				}
				defer func() {
					sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 20*time.Second)
					defer cancel()
					_ = d.Stop(sctx)
				}()
				var slowest float64
				for _, node := range d.Network.Nodes {
					v, err := ScrapeMetric(ctx, node.URL, `litmesh_key_round_seconds{kind="generation"}`)
					if err != nil {
						return err
					}
					slowest = max(slowest, v)
				}
				ReportDuration(ctx, time.Duration(slowest*float64(time.Second)))
				return nil
			}, nil
		},
	}
}

// ScrapeMetric reads one series (name with its labels, as exposed) from a node's /metrics.
func ScrapeMetric(ctx context.Context, nodeURL, series string) (float64, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(nodeURL, "/")+"/metrics", nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.UnverifiedHTTPClient().Do(req)
	if err != nil {
		return 0, fmt.Errorf("scrape %s: %w", nodeURL, err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(io.LimitReader(resp.Body, 8<<20))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), series+" "); ok {
			return strconv.ParseFloat(strings.Fields(rest)[0], 64)
		}
	}
	return 0, fmt.Errorf("%s does not export %s", nodeURL, series)
}
