package bench_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/bench"
)

func TestARunCountsEveryOperationAndItsFailuresByKind(t *testing.T) {
	var calls atomic.Int64
	s := bench.Scenario{Name: "t", Setup: func(context.Context) (bench.Op, error) {
		return func(_ context.Context, _ int, seq int64) error {
			calls.Add(1)
			switch {
			case seq%10 == 0:
				return api.Errorf(api.KindForbidden, "no")
			case seq%10 == 1:
				return errors.New("boom: detail")
			}
			time.Sleep(time.Duration(seq%3) * time.Millisecond) // the measured work itself
			return nil
		}, nil
	}}
	r, err := bench.Run(context.Background(), s, bench.Options{Concurrency: 4, Count: 200, Warmup: 5})
	if err != nil {
		t.Fatal(err)
	}
	if r.Operations != 200 || calls.Load() != 205 {
		t.Fatalf("measured %d operations (%d calls), want 200 (205 with warm-up)", r.Operations, calls.Load())
	}
	if r.Errors != 40 || r.ErrorsByKind["forbidden"] != 20 || r.ErrorsByKind["boom"] != 20 {
		t.Fatalf("errors %d by kind %v, want 20 forbidden and 20 boom", r.Errors, r.ErrorsByKind)
	}
	if r.ErrorSamples["boom"] != "boom: detail" {
		t.Fatalf("error samples %v, want the full first boom", r.ErrorSamples)
	}
	if !(r.Latency.Min <= r.Latency.P50 && r.Latency.P50 <= r.Latency.P99 && r.Latency.P99 <= r.Latency.Max) {
		t.Fatalf("percentiles out of order: %+v", r.Latency)
	}
	total := 0
	for _, b := range r.Histogram {
		total += b.Count
	}
	if total != 160 {
		t.Fatalf("histogram holds %d operations, want the 160 successes", total)
	}
	var svg bytes.Buffer
	if err := bench.WriteSVG(&svg, r); err != nil || !strings.HasPrefix(svg.String(), "<svg") {
		t.Fatalf("chart: %v", err)
	}
}

func TestADurationRunStopsAndDoesNotCountTheCutOffOperation(t *testing.T) {
	s := bench.Scenario{Name: "t", Setup: func(context.Context) (bench.Op, error) {
		return func(ctx context.Context, _ int, _ int64) error {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(20 * time.Millisecond):
				return nil
			}
		}, nil
	}}
	r, err := bench.Run(context.Background(), s, bench.Options{Concurrency: 2, Duration: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 0 || r.Operations == 0 {
		t.Fatalf("%d operations, %d errors; want some and none", r.Operations, r.Errors)
	}
}

// TestIdleSendsNothingAndStopsWithItsContext: the idle scenario's operation only waits (no
// target is needed, so it cannot be sending requests) and returns as soon as its context ends.
func TestIdleSendsNothingAndStopsWithItsContext(t *testing.T) {
	s, err := bench.Lookup("idle", bench.Target{})
	if err != nil {
		t.Fatal(err)
	}
	op, err := s.Setup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := op(ctx, 0, 0); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled idle operation returned %v, want context.Canceled", err)
	}
	if err := op(context.Background(), 0, 1); err != nil {
		t.Fatalf("an idle operation failed: %v", err)
	}
}
