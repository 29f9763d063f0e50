package runtime_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/litmesh/litmesh/runtime"
)

// BenchmarkWorkerStart is the cost of one warm worker: process start, V8 isolate, the prelude
// and ethers compiled.
func BenchmarkWorkerStart(b *testing.B) {
	for b.Loop() {
		p, err := runtime.NewPool(context.Background(), runtime.WithWorkers(1))
		if err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

func benchmarkExecute(b *testing.B, code string) {
	p := pool(b)
	h := newTestHost()
	req := runtime.Request{Code: code, IPFSID: "QmBench"}
	ctx := context.Background()
	if _, err := p.Execute(ctx, req, h); err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := p.Execute(ctx, req, h); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	reportP50(b, took)
}

// reportP50 adds the median latency as a metric: the mean that ns/op reports hides whether a
// few slow runs or all of them moved.
func reportP50(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
}

// BenchmarkExecuteTrivial is one trivial action on a warm pool: fresh context, prelude, run,
// result over the pipe.
func BenchmarkExecuteTrivial(b *testing.B) {
	benchmarkExecute(b, `Lit.Actions.setResponse({response: "hi"})`)
}

// BenchmarkExecuteEthers adds the first use of ethers in the execution's context.
func BenchmarkExecuteEthers(b *testing.B) {
	benchmarkExecute(b, `Lit.Actions.setResponse({response: ethers.utils.keccak256("0x01")})`)
}

// BenchmarkExecuteHostCall adds one host round trip from an async action.
func BenchmarkExecuteHostCall(b *testing.B) {
	benchmarkExecute(b, `(async () => Lit.Actions.setResponse({response: await Lit.Actions.getRpcUrl({chain: "litdevnet"})}))()`)
}
