package runtime_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/litmesh/litmesh/runtime"
)

// panickyHost panics in one host call, as a bug in the node's code behind it would.
type panickyHost struct{ *testHost }

func (h panickyHost) Permissions(ctx context.Context, req runtime.PermissionsRequest) (json.RawMessage, error) {
	panic("a bug in the node behind isPermittedAction")
}

// A panic in the node's code serving a host call fails that call — the action can catch it —
// and never the node: before, the call ran in a goroutine without recover and took the whole
// process down.
func TestAPanicInAHostCallFailsOnlyThatCall(t *testing.T) {
	p := pool(t)
	res, err := run(t, p, panickyHost{newTestHost()}, `(async () => {
		try { await Lit.Actions.isPermittedAction({tokenId: "1", ipfsId: "QmX"}); Lit.Actions.setResponse({response: "no error"}); }
		catch (e) { Lit.Actions.setResponse({response: "caught: " + e.message}); }
	})()`, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Response, "caught: ") || !strings.Contains(res.Response, "internal error") {
		t.Fatalf("response %q, want the call's internal error caught by the action", res.Response)
	}
	mustServe(t, p)
}

// An action that starts many fetches at once gets all of them, served at most
// MaxConcurrentCalls at a time; the node never holds more in flight.
func TestHostCallsOfOneExecutionAreServedAFewAtATime(t *testing.T) {
	var now, peak atomic.Int32
	release := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		defer now.Add(-1)
		for {
			old := peak.Load()
			if n <= old || peak.CompareAndSwap(old, n) {
				break
			}
		}
		if n >= 8 {
			once.Do(func() { close(release) })
		}
		select { // hold each request until the cap is reached, so concurrency is really tested
		case <-release:
		case <-time.After(2 * time.Second):
		}
		w.Write([]byte("x"))
	}))
	defer srv.Close()
	res, err := run(t, pool(t), newTestHost(), `(async () => {
		const all = await Promise.all(Array.from({length: 40}, () => fetch(jsParams.url).then((r) => r.text())));
		Lit.Actions.setResponse({response: all.join("")});
	})()`, `{"url":"`+srv.URL+`"}`)
	if err != nil {
		t.Fatal(err)
	}
	if res.Response != strings.Repeat("x", 40) {
		t.Fatalf("response %q, want 40 answers", res.Response)
	}
	if got := peak.Load(); got != int32(runtime.DefaultLimits().MaxConcurrentCalls) {
		t.Fatalf("%d fetches in flight at once, want exactly the cap of %d", got, runtime.DefaultLimits().MaxConcurrentCalls)
	}
}

// The response bodies of one execution's fetches are capped together, not only one by one.
func TestFetchedBytesAreCappedPerExecution(t *testing.T) {
	body := strings.Repeat("a", 1<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(body)) }))
	defer srv.Close()
	lim := testLimits
	lim.MaxFetchTotal = 3 << 20
	p, err := runtime.NewPool(context.Background(), runtime.WithWorkers(1), runtime.WithLimits(lim))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	_, err = run(t, p, newTestHost(), `(async () => {
		for (let i = 0; i < 5; i++) { try { await fetch(jsParams.url); } catch (e) {} }
		Lit.Actions.setResponse({response: "fetched 5 MiB"});
	})()`, `{"url":"`+srv.URL+`"}`)
	if runtime.KindOf(err) != runtime.KindFetchedTooMuch {
		t.Fatalf("got %v, want %s even though the action caught it", err, runtime.KindFetchedTooMuch)
	}
	mustServe(t, p)
}

// A child action that throws while more host calls are in flight and queued than the node serves
// at once ends without them: the calls in flight free their slots when answered, the queued ones
// are never sent, and the parent goes on to make its own calls. (Were the answered calls of an
// ended child not counted as answered, the parent would wait for a slot until the time limit.)
func TestQueuedHostCallsOfAnEndedChildDoNotBlockItsParent(t *testing.T) {
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		if r.URL.Path == "/slow" {
			time.Sleep(200 * time.Millisecond)
		}
		_, _ = w.Write([]byte("ok"))
	}))
	defer srv.Close()
	h := newTestHost()
	h.children["QmBusyChild"] = `(async () => {
		for (let i = 0; i < 20; i++) fetch(base + "/slow").catch(() => {});
		throw new Error("child gave up");
	})()`
	res := mustRun(t, h, `(async () => {
		let thrown = "";
		try { await Lit.Actions.call({ipfsId: "QmBusyChild", params: {base}}) } catch (e) { thrown = e.message }
		const texts = await Promise.all(Array.from({length: 10}, () => fetch(base + "/fast").then((r) => r.text())));
		Lit.Actions.setResponse({response: JSON.stringify({thrown, texts: texts.join("")})});
	})()`, `{"base": "`+srv.URL+`"}`)
	var got struct{ Thrown, Texts string }
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Thrown, "child gave up") || got.Texts != strings.Repeat("ok", 10) {
		t.Fatalf("got %+v", got)
	}
	// At most the child's first 8 fetches reached the server, plus the parent's 10.
	if n := served.Load(); n > 18 {
		t.Errorf("%d fetches reached the server: the ended child's queued calls were sent", n)
	}
}
