// Package bench measures a litmesh network the way its users experience it: it drives one
// operation (a scenario) at a chosen concurrency for a duration or a count, records every
// latency, and reports percentiles, throughput, errors by kind and the nodes' CPU and memory
// (read from their /metrics), with an SVG chart of the latency histogram and throughput over
// time. `lit bench` is its command line. It talks to nodes only through client and their HTTP
// APIs, never through node internals.
package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/litmesh/litmesh/api"
)

// Op performs one operation; worker is the caller's worker index (0…concurrency−1) and seq a
// sequence number unique within the run.
type Op func(ctx context.Context, worker int, seq int64) error

// Scenario is a named operation with its set-up and tear-down.
type Scenario struct {
	Name        string
	Description string
	// Setup prepares shared state (a PKP, a pinned action, a ciphertext…) and returns the
	// operation to measure; the time it takes is not measured.
	Setup func(ctx context.Context) (Op, error)
	// Teardown, if set, runs after the measurement.
	Teardown func(ctx context.Context) error
}

// Options say how hard and how long to drive a scenario.
type Options struct {
	Concurrency int
	Duration    time.Duration // used when Count is 0
	Count       int64
	Warmup      int64     // operations run (and discarded) before measuring
	Progress    io.Writer // a progress bar on a terminal; nil for none
}

type reportedKey struct{}

// ReportDuration lets an operation state its own latency (for example a key generation it
// timed inside the network) instead of its wall time.
func ReportDuration(ctx context.Context, d time.Duration) {
	if p, ok := ctx.Value(reportedKey{}).(*time.Duration); ok {
		*p = d
	}
}

// sample is one measured operation.
type sample struct {
	start   time.Duration // since the measurement began
	latency time.Duration
	err     error
}

// Run measures s with o and returns its report (without node resources; see Measure).
//
//nolint:funlen,gocognit // the measurement loop: warm-up, concurrency, deadline and error accounting share the loop's state
func Run(ctx context.Context, s Scenario, o Options) (*Report, error) {
	if o.Concurrency <= 0 {
		o.Concurrency = 1
	}
	if o.Count <= 0 && o.Duration <= 0 {
		o.Duration = 10 * time.Second
	}
	op, err := s.Setup(ctx)
	if err != nil {
		return nil, fmt.Errorf("set up %s: %w", s.Name, err)
	}
	if s.Teardown != nil {
		defer func() { _ = s.Teardown(context.WithoutCancel(ctx)) }()
	}
	// Warm-up operations take the first sequence numbers, so every operation of a run has its
	// own (scenarios use them for request IDs).
	for i := int64(0); i < o.Warmup; i++ {
		if err := op(ctx, 0, i); err != nil && ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}

	// With a duration, workers stop starting operations at the deadline but let the ones in
	// flight finish: cancelling them would count the system's latency as errors.
	var deadline time.Time
	if o.Count <= 0 {
		deadline = time.Now().Add(o.Duration)
	}
	running := func() bool { return ctx.Err() == nil && (deadline.IsZero() || time.Now().Before(deadline)) }

	var (
		mu      sync.Mutex
		samples []sample
		next    atomic.Int64
		done    atomic.Int64
		failed  atomic.Int64
		wg      sync.WaitGroup
	)
	begin := time.Now()
	bar := newProgress(o, begin)
	stopBar := make(chan struct{})
	barDone := make(chan struct{})
	go func() {
		defer close(barDone)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stopBar:
				bar.draw(done.Load(), failed.Load(), true)
				return
			case <-t.C:
				bar.draw(done.Load(), failed.Load(), false)
			}
		}
	}()
	for w := 0; w < o.Concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []sample
			for running() {
				seq := next.Add(1) - 1
				if o.Count > 0 && seq >= o.Count {
					break
				}
				seq += o.Warmup
				var reported time.Duration
				t0 := time.Now()
				err := op(context.WithValue(ctx, reportedKey{}, &reported), w, seq)
				lat := time.Since(t0)
				if reported > 0 {
					lat = reported
				}
				if err != nil && ctx.Err() != nil {
					break // the whole bench was interrupted
				}
				local = append(local, sample{start: t0.Sub(begin), latency: lat, err: err})
				done.Add(1)
				if err != nil {
					failed.Add(1)
				}
			}
			mu.Lock()
			samples = append(samples, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(begin)
	close(stopBar)
	<-barDone
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return summarise(s, o, samples, elapsed), nil
}

// Report is what one run measured. Latencies are in milliseconds.
type Report struct {
	Scenario    string  `json:"scenario"`
	Description string  `json:"description,omitempty"`
	Concurrency int     `json:"concurrency"`
	Seconds     float64 `json:"seconds"`
	Operations  int     `json:"operations"`
	Errors      int     `json:"errors"`
	// ErrorsByKind counts failures by their API kind (or a short description).
	ErrorsByKind map[string]int `json:"errorsByKind,omitempty"`
	// ErrorSamples holds the first error of each kind in full (at most 500 bytes).
	ErrorSamples map[string]string `json:"errorSamples,omitempty"`
	Throughput   float64           `json:"throughputPerSecond"` // successful operations per second
	Latency      Latency           `json:"latencyMs"`
	// Histogram of successful latencies: counts per bucket, bucket upper bounds in ms.
	Histogram []Bucket `json:"histogram"`
	// PerSecond is the number of successful operations completed in each second of the run.
	PerSecond []int `json:"perSecond"`
	// Nodes are the nodes' resources over the run (filled by Measure).
	Nodes []NodeResources `json:"nodes,omitempty"`
	// Phases are the nodes' own times for the phases of a signature request during the run
	// (filled by Measure, from litmesh_sign_phase_seconds; empty for other scenarios).
	Phases []Phase `json:"nodePhases,omitempty"`
	// Ratios to the baseline of the same run (filled by the caller that ran one).
	Ratios map[string]float64 `json:"ratiosToBaseline,omitempty"`
}

// Latency percentiles in milliseconds.
type Latency struct {
	Min  float64 `json:"min"`
	P50  float64 `json:"p50"`
	P90  float64 `json:"p90"`
	P99  float64 `json:"p99"`
	Max  float64 `json:"max"`
	Mean float64 `json:"mean"`
}

// Bucket is one histogram bar.
type Bucket struct {
	UpToMs float64 `json:"upToMs"`
	Count  int     `json:"count"`
}

func summarise(s Scenario, o Options, samples []sample, elapsed time.Duration) *Report {
	r := &Report{Scenario: s.Name, Description: s.Description, Concurrency: o.Concurrency,
		Seconds: elapsed.Seconds(), Operations: len(samples), ErrorsByKind: map[string]int{}, ErrorSamples: map[string]string{}}
	var ok []time.Duration
	secs := int(math.Ceil(elapsed.Seconds()))
	r.PerSecond = make([]int, max(secs, 1))
	for _, sm := range samples {
		if sm.err != nil {
			r.Errors++
			k := errorKind(sm.err)
			r.ErrorsByKind[k]++
			if _, ok := r.ErrorSamples[k]; !ok {
				msg := sm.err.Error()
				if len(msg) > 500 {
					msg = msg[:500] + "…"
				}
				r.ErrorSamples[k] = msg
			}
			continue
		}
		ok = append(ok, sm.latency)
		if i := int((sm.start + sm.latency).Seconds()); i < len(r.PerSecond) {
			r.PerSecond[i]++
		}
	}
	if len(r.ErrorsByKind) == 0 {
		r.ErrorsByKind, r.ErrorSamples = nil, nil
	}
	r.Throughput = float64(len(ok)) / elapsed.Seconds()
	if len(ok) == 0 {
		return r
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i] < ok[j] })
	ms := func(d time.Duration) float64 { return math.Round(float64(d.Microseconds())) / 1000 }
	pct := func(p float64) float64 { return ms(ok[min(len(ok)-1, int(math.Ceil(p*float64(len(ok))))-1)]) }
	var sum time.Duration
	for _, d := range ok {
		sum += d
	}
	r.Latency = Latency{Min: ms(ok[0]), P50: pct(0.50), P90: pct(0.90), P99: pct(0.99), Max: ms(ok[len(ok)-1]),
		Mean: ms(sum / time.Duration(len(ok)))}
	r.Histogram = histogram(ok)
	return r
}

// histogram buckets latencies on a log scale from the fastest to the slowest operation.
func histogram(sorted []time.Duration) []Bucket {
	lo, hi := float64(sorted[0].Microseconds())/1000, float64(sorted[len(sorted)-1].Microseconds())/1000
	lo = math.Max(lo, 0.01)
	if hi <= lo {
		hi = lo * 1.01
	}
	const n = 30
	step := math.Pow(hi/lo, 1.0/n)
	b := make([]Bucket, n)
	for i := range b {
		b[i].UpToMs = math.Round(lo*math.Pow(step, float64(i+1))*1000) / 1000
	}
	b[n-1].UpToMs = hi
	j := 0
	for _, d := range sorted {
		v := float64(d.Microseconds()) / 1000
		for j < n-1 && v > b[j].UpToMs {
			j++
		}
		b[j].Count++
	}
	return b
}

// errorKind names a failure for the errors-by-kind table.
func errorKind(err error) string {
	var ae *api.Error
	if errors.As(err, &ae) {
		return string(ae.Kind)
	}
	var ne net.Error
	var ue *url.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.As(err, &ue):
		return "connection"
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, ':'); i > 0 && i < 40 {
		return msg[:i]
	}
	if len(msg) > 40 {
		msg = msg[:40]
	}
	return msg
}

// progress draws a one-line progress bar on a terminal, and a line every few seconds
// elsewhere (a CI log).
type progress struct {
	w        io.Writer
	o        Options
	begin    time.Time
	terminal bool
	last     time.Time
}

func newProgress(o Options, begin time.Time) *progress {
	p := &progress{w: o.Progress, o: o, begin: begin}
	if f, ok := o.Progress.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) draw(done, failed int64, final bool) {
	if p.w == nil {
		return
	}
	if !p.terminal {
		if !final && time.Since(p.last) < 5*time.Second {
			return
		}
		p.last = time.Now()
		fmt.Fprintf(p.w, "  %d ops, %d errors, %s\n", done, failed, time.Since(p.begin).Round(time.Second))
		return
	}
	el := time.Since(p.begin)
	frac := 0.0
	if p.o.Count > 0 {
		frac = float64(done) / float64(p.o.Count)
	} else {
		frac = el.Seconds() / p.o.Duration.Seconds()
	}
	frac = math.Min(math.Max(frac, 0), 1)
	const width = 30
	filled := int(frac * width)
	rate := float64(done) / math.Max(el.Seconds(), 1e-9)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%%  %d ops  %d errors  %.0f/s  %s ",
		strings.Repeat("=", filled), strings.Repeat(" ", width-filled), frac*100, done, failed, rate, el.Round(time.Second))
	if final {
		fmt.Fprintln(p.w)
	}
}
