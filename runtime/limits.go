package runtime

import (
	"errors"
	"fmt"
	"time"
)

// Limits bound one execution. The zero value of a field means "use the default".
type Limits struct {
	Timeout       time.Duration // wall time of one execution, including waiting for host calls
	MaxHeap       int64         // V8 heap of one isolate, bytes
	MaxCode       int           // action source, bytes
	MaxParams     int           // jsParams JSON, bytes
	MaxResponse   int           // the string given to setResponse, bytes
	MaxLogs       int           // captured console output, bytes; longer output is truncated, not an error
	MaxFetches    int           // fetch calls
	MaxSignatures int           // signatures, across every signing function (signEcdsa, sign, signAndCombine…, signAsAction)
	MaxContracts  int           // callContract calls
	MaxBroadcasts int           // exchanges with the other nodes (runOnce steps, broadcastAndCollect, decrypt…, signAndCombine…)
	MaxCallDepth  int           // nesting of Lit.Actions.call: a child of the root action is depth 1
	MaxHostCalls  int           // every call that leaves the sandbox (fetch, signing, condition and chain reads)
	MaxFetchBody  int           // one fetch request or response body, bytes
	// MaxFetchTotal caps the response bodies of all of an execution's fetches together, bytes.
	MaxFetchTotal int
	// MaxConcurrentCalls caps the host calls of one execution the node serves at once; the
	// worker holds the others back until one is answered.
	MaxConcurrentCalls int
	// WorkerMemory caps the resident memory of a worker process while it executes; a worker
	// above it is killed and the execution fails with a memory error. It backstops what the V8
	// heap limit does not count (ArrayBuffer contents, WebAssembly memory).
	WorkerMemory int64
}

// maxCallDepthLimit bounds the call depth setting: every level of Lit.Actions.call is a V8
// context alive at once in the worker.
const maxCallDepthLimit = 16

// DefaultLimits are the limits of DESIGN.md §5 (Lit's own defaults) plus the bounds this
// package adds for the calls and buffers Lit leaves unbounded.
func DefaultLimits() Limits {
	return Limits{
		Timeout:       30 * time.Second,
		MaxHeap:       256 << 20,
		MaxCode:       16 << 20,
		MaxParams:     4 << 20,
		MaxResponse:   100 << 10,
		MaxLogs:       100 << 10,
		MaxFetches:    75,
		MaxSignatures: 10,
		MaxContracts:  30,
		MaxBroadcasts: 30,
		MaxCallDepth:  5,
		MaxHostCalls:  1000,
		MaxFetchBody:  4 << 20,
		MaxFetchTotal: 32 << 20,
		WorkerMemory:  1 << 30,

		MaxConcurrentCalls: 8,
	}
}

// withDefaults fills zero fields from DefaultLimits and validates the result.
func (l Limits) withDefaults() (Limits, error) {
	d := DefaultLimits()
	if l.Timeout == 0 {
		l.Timeout = d.Timeout
	}
	fill := func(v *int, def int) {
		if *v == 0 {
			*v = def
		}
	}
	fill(&l.MaxCode, d.MaxCode)
	fill(&l.MaxParams, d.MaxParams)
	fill(&l.MaxResponse, d.MaxResponse)
	fill(&l.MaxLogs, d.MaxLogs)
	fill(&l.MaxFetches, d.MaxFetches)
	fill(&l.MaxSignatures, d.MaxSignatures)
	fill(&l.MaxContracts, d.MaxContracts)
	fill(&l.MaxBroadcasts, d.MaxBroadcasts)
	fill(&l.MaxCallDepth, d.MaxCallDepth)
	fill(&l.MaxHostCalls, d.MaxHostCalls)
	fill(&l.MaxFetchBody, d.MaxFetchBody)
	fill(&l.MaxFetchTotal, d.MaxFetchTotal)
	fill(&l.MaxConcurrentCalls, d.MaxConcurrentCalls)
	if l.MaxHeap == 0 {
		l.MaxHeap = d.MaxHeap
	}
	if l.WorkerMemory == 0 {
		l.WorkerMemory = max(d.WorkerMemory, 4*l.MaxHeap)
	}
	var errs []error
	if l.Timeout < 0 {
		errs = append(errs, errors.New("timeout is negative"))
	}
	if l.MaxHeap < 16<<20 {
		errs = append(errs, fmt.Errorf("max heap %d is below 16 MiB, too small for ethers", l.MaxHeap))
	}
	if l.WorkerMemory < l.MaxHeap+64<<20 {
		errs = append(errs, fmt.Errorf("worker memory %d leaves under 64 MiB above the heap limit %d", l.WorkerMemory, l.MaxHeap))
	}
	for name, v := range map[string]int{
		"max code": l.MaxCode, "max params": l.MaxParams, "max response": l.MaxResponse,
		"max logs": l.MaxLogs, "max fetches": l.MaxFetches, "max signatures": l.MaxSignatures,
		"max host calls": l.MaxHostCalls, "max fetch body": l.MaxFetchBody, "max contract calls": l.MaxContracts,
		"max broadcasts": l.MaxBroadcasts, "max call depth": l.MaxCallDepth,
		"max fetch total": l.MaxFetchTotal, "max concurrent calls": l.MaxConcurrentCalls,
	} {
		if v < 0 {
			errs = append(errs, fmt.Errorf("%s is negative", name))
		}
	}
	if l.MaxCallDepth > maxCallDepthLimit {
		errs = append(errs, fmt.Errorf("max call depth %d is above %d", l.MaxCallDepth, maxCallDepthLimit))
	}
	if l.MaxConcurrentCalls > 256 {
		errs = append(errs, fmt.Errorf("max concurrent calls %d is above 256", l.MaxConcurrentCalls))
	}
	if l.MaxCode > 1<<30 || l.MaxParams > 1<<30 || l.MaxFetchBody > 1<<30 || l.MaxFetchTotal > 1<<30 || l.MaxResponse > 1<<30 || l.MaxLogs > 1<<30 {
		errs = append(errs, errors.New("a size limit is above 1 GiB"))
	}
	return l, errors.Join(errs...)
}
