package runtime_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/runtime"
)

// BenchmarkWorkerStart is the cost of one warm worker: process start, V8 isolate, the prelude
// and ethers compiled, and (sandboxed) namespaces, seccomp, Landlock and the worker's probes.
func BenchmarkWorkerStart(b *testing.B) {
	for _, mode := range []runtime.SandboxMode{runtime.SandboxBestEffort, runtime.SandboxOff} {
		b.Run("sandbox="+mode.String(), func(b *testing.B) {
			for b.Loop() {
				p, err := runtime.NewPool(context.Background(), runtime.WithWorkers(1), runtime.WithSandbox(runtime.Sandbox{Mode: mode}))
				if err != nil {
					b.Fatal(err)
				}
				p.Close()
			}
		})
	}
}

func benchmarkExecute(b *testing.B, code string) {
	benchmarkExecuteOn(b, pool(b), code)
}

func benchmarkExecuteOn(b *testing.B, p *runtime.Pool, code string) {
	h := newTestHost()
	req := runtime.Request{Code: code, IPFSID: "QmBench", Requester: "0xbench"}
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

// BenchmarkExecuteTrivialUnsandboxed is the same on workers started without the sandbox: the
// difference is what seccomp and the rest cost an execution.
func BenchmarkExecuteTrivialUnsandboxed(b *testing.B) {
	p, err := runtime.NewPool(context.Background(), runtime.WithWorkers(2), runtime.WithLimits(testLimits), runtime.WithSandbox(runtime.Sandbox{Mode: runtime.SandboxOff}))
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	benchmarkExecuteOn(b, p, `Lit.Actions.setResponse({response: "hi"})`)
}

// BenchmarkExecuteTrivialNewRequester runs each execution for a requester the pool has not
// served: every one waits for a recycled worker's fresh replacement.
func BenchmarkExecuteTrivialNewRequester(b *testing.B) {
	p := pool(b)
	h := newTestHost()
	ctx := context.Background()
	var took []time.Duration
	i := 0
	for b.Loop() {
		i++
		start := time.Now()
		req := runtime.Request{Code: `Lit.Actions.setResponse({response: "hi"})`, IPFSID: "QmBench", Requester: fmt.Sprintf("0xrequester%d", i)}
		if _, err := p.Execute(ctx, req, h); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	reportP50(b, took)
}

// BenchmarkExecuteEthers adds the first use of ethers in the execution's context.
func BenchmarkExecuteEthers(b *testing.B) {
	benchmarkExecute(b, `Lit.Actions.setResponse({response: ethers.utils.keccak256("0x01")})`)
}

// BenchmarkExecuteHostCall adds one host round trip from an async action.
func BenchmarkExecuteHostCall(b *testing.B) {
	benchmarkExecute(b, `(async () => Lit.Actions.setResponse({response: await Lit.Actions.getRpcUrl({chain: "litdevnet"})}))()`)
}

// signBenchRequest is the action of `lit bench execute-sign` (ethers.utils.arrayify, then
// signEcdsa), with its params.
var signBenchRequest = runtime.Request{
	Code: `(async () => {
  await Lit.Actions.signEcdsa({ toSign: ethers.utils.arrayify(toSign), publicKey, sigName: "sig" });
  Lit.Actions.setResponse({ response: "signed" });
})();`,
	IPFSID:    "QmBench",
	JSParams:  []byte(`{"publicKey":"0x04aa","toSign":"0x` + strings.Repeat("ab", 32) + `"}`),
	Requester: "0xbench",
}

// BenchmarkExecuteSign runs that action back to back against a host that answers at once: the
// worker's share of the scenario when requests queue.
func BenchmarkExecuteSign(b *testing.B) {
	benchmarkSign(b, 0)
}

// BenchmarkExecuteSignSpaced leaves the worker idle 30 ms between requests, long enough to
// prepare the next context (after 20 ms idle): the latency a request sees on a node that is
// not busy.
func BenchmarkExecuteSignSpaced(b *testing.B) {
	benchmarkSign(b, 30*time.Millisecond)
}

func benchmarkSign(b *testing.B, gap time.Duration) {
	p := pool(b)
	h := newTestHost()
	ctx := context.Background()
	if _, err := p.Execute(ctx, signBenchRequest, h); err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	for b.Loop() {
		if gap > 0 {
			b.StopTimer()
			time.Sleep(gap) // the spacing of requests being modelled, not a wait for a condition
			b.StartTimer()
		}
		start := time.Now()
		if _, err := p.Execute(ctx, signBenchRequest, h); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	reportP50(b, took)
}
