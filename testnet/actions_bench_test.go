package testnet_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
)

// BenchmarkExecuteTrivialActionByCID is the latency a client sees for a trivial action run by
// CID on every node of a 4-node network with warm worker pools: the request to all four nodes,
// the authSig check, the code from each node's store, a fresh V8 context, the answers and the
// tally. It reports the median and 90th percentile per execution (target: p50 ≤ 20 ms on 7
// nodes).
func BenchmarkExecuteTrivialActionByCID(b *testing.B) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, b, 4)
	c.WaitMesh(ctx)
	cl := client.New(c.NetworkFile())
	cid, _, err := cl.PinAction(ctx, []byte(`Lit.Actions.setResponse({response: "hello " + name})`), anyAuthSig(b))
	if err != nil {
		b.Fatal(err)
	}
	auth, _ := newAuthSig(b)
	req := client.ExecuteRequest{CID: cid, JSParams: []byte(`{"name": "bench"}`), Auth: auth}
	for range 5 { // warm: connections, workers' first contexts
		if _, err := cl.Execute(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		res, err := cl.Execute(ctx, req)
		if err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		if res.Agreed != 4 {
			b.Fatalf("%d of 4 nodes agreed", res.Agreed)
		}
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*9/10].Microseconds())/1000, "p90-ms")
}
