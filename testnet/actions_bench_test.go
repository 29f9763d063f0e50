package testnet_test

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
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
	cl := testnet.NewClient(c.NetworkFile())
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

// The actions of BenchmarkExecuteActions, as bench/ runs them too.
const (
	benchSign = `(async () => {
  await Lit.Actions.signEcdsa({ toSign: ethers.utils.arrayify(toSign), publicKey, sigName: "sig" });
  Lit.Actions.setResponse({ response: "signed" });
})();`
	benchSignCombine = `(async () => {
  const sig = await Lit.Actions.signAndCombineEcdsa({ toSign: ethers.utils.arrayify(toSign), publicKey, sigName: "sig" });
  Lit.Actions.setResponse({ response: sig });
})();`
	benchRunOnce = `(async () => {
  const r = await Lit.Actions.runOnce({ waitForResponse: true, name: "once" }, async () => "done");
  Lit.Actions.setResponse({ response: r });
})();`
)

// BenchmarkExecuteActions is the latency a client sees for actions that work with the other
// nodes, on an in-process network with warm worker and presignature pools, by CID:
//
//	trivial: setResponse only
//	sign: one signEcdsa; the client combines the shares
//	sign-combine: one signAndCombineEcdsa; the nodes combine
//	run-once: one runOnce with waitForResponse
//	ethers: setResponse of an ethers.utils.arrayify (what instantiating ethers costs)
//
// It reports p50-ms and p90-ms. Run for example:
// go test ./testnet -run '^$' -bench ExecuteActions/nodes=7 -benchtime 100x
func BenchmarkExecuteActions(b *testing.B) {
	for _, nodes := range []int{4, 7} {
		b.Run(fmt.Sprintf("nodes=%d", nodes), func(b *testing.B) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
			defer cancel()
			c := pkptest.Cluster(ctx, b, nodes, 64, 32)
			cl := testnet.NewClient(c.NetworkFile())
			defer cl.Close()
			owner := pkptest.DevKey(b, 5)
			pkp, err := cl.MintPKP(ctx, owner)
			if err != nil {
				b.Fatal(err)
			}
			auth := pkptest.Session(b, owner)
			var seq atomic.Uint64
			for _, tc := range []struct{ name, code string }{
				{"trivial", `Lit.Actions.setResponse({response: "ok"})`},
				{"sign", benchSign},
				{"sign-combine", benchSignCombine},
				{"run-once", benchRunOnce},
				// What an action pays for instantiating ethers at every node (the others use it too).
				{"ethers", `Lit.Actions.setResponse({response: String(ethers.utils.arrayify(toSign).length)})`},
			} {
				b.Run(tc.name, func(b *testing.B) {
					cid, _, err := cl.PinAction(ctx, []byte(tc.code), anyAuthSig(b))
					if err != nil {
						b.Fatal(err)
					}
					once := func() time.Duration {
						h := sha256.Sum256(binary.BigEndian.AppendUint64(nil, seq.Add(1)))
						params, _ := json.Marshal(map[string]string{"publicKey": pkp.PublicKey, "toSign": fmt.Sprintf("0x%x", h)})
						t0 := time.Now()
						res, err := cl.Execute(ctx, client.ExecuteRequest{CID: cid, JSParams: params, Auth: auth})
						took := time.Since(t0)
						if err != nil {
							b.Fatal(err)
						}
						if strings.Contains(tc.name, "sign") && !strings.Contains(tc.name, "combine") && res.Signatures["sig"] == nil {
							b.Fatalf("no signature: %v", res.SignatureErrors)
						}
						return took
					}
					for range 3 {
						once()
					}
					c.WaitPools(ctx, 16)
					lat := make([]time.Duration, 0, b.N)
					for b.Loop() {
						lat = append(lat, once())
					}
					slices.Sort(lat)
					b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
					b.ReportMetric(ms(lat[len(lat)*9/10]), "p90-ms")
				})
			}
		})
	}
}
