package runtime_test

import (
	"context"
	"testing"
	"time"

	"github.com/litmesh/litmesh/internal/testutil"
	"github.com/litmesh/litmesh/runtime"
)

// A worker serves one requester for its life: another requester's execution never runs in a
// process whose V8 heap an earlier requester's code has touched.
func TestAWorkerServesOneRequester(t *testing.T) {
	p, err := runtime.NewPool(context.Background(), runtime.WithWorkers(1), runtime.WithLimits(testLimits), runtime.WithIdleRecycle(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	exec := func(requester string) {
		t.Helper()
		ctx := context.Background()
		res, err := p.Execute(ctx, runtime.Request{Code: `Lit.Actions.setResponse({response: "ok"})`, Requester: requester}, newTestHost())
		if err != nil || res.Response != "ok" {
			t.Fatalf("execution for %s: %q, %v", requester, res.Response, err)
		}
	}
	exec("0xalice")
	exec("0xalice")
	if s := p.Stats(); s.Started != 1 || s.Recycled != 0 {
		t.Fatalf("after two executions for one requester: %+v, want the first worker reused", s)
	}
	exec("0xbob")
	if s := p.Stats(); s.Started != 2 || s.Recycled != 1 {
		t.Fatalf("after another requester: %+v, want alice's worker recycled and a fresh one started", s)
	}
	exec("0xalice")
	if s := p.Stats(); s.Started != 3 || s.Recycled != 2 {
		t.Fatalf("back to the first requester: %+v, want bob's worker recycled too", s)
	}
}

// A worker left free after serving someone is replaced by a fresh one, so the next new
// requester finds a worker ready.
func TestAnIdleUsedWorkerIsReplacedByAFreshOne(t *testing.T) {
	p, err := runtime.NewPool(context.Background(), runtime.WithWorkers(1), runtime.WithLimits(testLimits), runtime.WithIdleRecycle(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := p.Execute(context.Background(), runtime.Request{Code: `1`, Requester: "0xalice"}, newTestHost()); err != nil {
		t.Fatal(err)
	}
	testutil.WaitFor(t, 30*time.Second, "the used worker to be replaced", func() bool { s := p.Stats(); return s.Recycled == 1 && s.Started == 2 && s.Idle == 1 })
}
