package node

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/litmesh/litmesh/api"
)

// A client over its budget gets 429 with a Retry-After and a typed error, and does not use up
// anyone else's budget; IPv6 clients are budgeted per /64.
func TestAClientOverItsBudgetGets429WithRetryAfter(t *testing.T) {
	cfg := DefaultConfig()
	cfg.RateLimitIP = 5
	l := newLimits(cfg)
	now := time.Now()
	l.ip.now = func() time.Time { return now } // no refill during the test
	served := 0
	h := l.perIP(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { served++ }))
	send := func(addr string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, "/web/status", nil)
		r.RemoteAddr = addr
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	refused := 0
	for range 20 {
		w := send("203.0.113.7:40000")
		if w.Code == http.StatusTooManyRequests {
			refused++
			secs, err := strconv.Atoi(w.Header().Get("Retry-After"))
			if err != nil || secs < 1 {
				t.Fatalf("Retry-After %q", w.Header().Get("Retry-After"))
			}
			var body api.ErrorBody
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || body.Error == nil || body.Error.Kind != api.KindRateLimited {
				t.Fatalf("body %s", w.Body.String())
			}
		}
	}
	if served != 10 || refused != 10 {
		t.Fatalf("served %d, refused %d of 20 at 5/s with bursts of 10", served, refused)
	}
	if w := send("198.51.100.1:1234"); w.Code != http.StatusOK {
		t.Fatalf("another client was refused: %d", w.Code)
	}
	for range 10 {
		send("[2001:db8:1:2::1]:1")
	}
	if w := send("[2001:db8:1:2:ffff::9]:1"); w.Code != http.StatusTooManyRequests {
		t.Fatalf("an address in the same /64 got a fresh budget: %d", w.Code)
	}
	if w := send("[2001:db8:1:3::1]:1"); w.Code != http.StatusOK {
		t.Fatalf("another /64 was refused: %d", w.Code)
	}
}

func TestALimitOfZeroIsOff(t *testing.T) {
	k := newKeyedLimiter(0)
	for range 1000 {
		if ok, _ := k.allow("x"); !ok {
			t.Fatal("refused without a limit")
		}
	}
}

// Peers waiting for the attestation device are served before clients that waited longer.
func TestPeersGetTheAttestationDeviceBeforeClients(t *testing.T) {
	q := &attestQueue{}
	ctx := context.Background()
	if err := q.acquire(ctx, false); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var order []string
	var wg sync.WaitGroup
	wait := func(name string, peer bool) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := q.acquire(ctx, peer); err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			order = append(order, name)
			mu.Unlock()
			q.release()
		}()
	}
	queued := func(n int) {
		deadline := time.Now().Add(5 * time.Second)
		for {
			q.mu.Lock()
			got := len(q.peers) + len(q.clients)
			q.mu.Unlock()
			if got == n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d waiting, want %d", got, n)
			}
			time.Sleep(time.Millisecond)
		}
	}
	wait("client 1", false)
	queued(1)
	wait("client 2", false)
	queued(2)
	wait("peer", true)
	queued(3)
	q.release()
	wg.Wait()
	if len(order) != 3 || order[0] != "peer" || order[1] != "client 1" {
		t.Fatalf("served in order %v, want the peer first, then the clients in turn", order)
	}
	// A waiter that gives up leaves the queue, and the device stays usable.
	if err := q.acquire(ctx, false); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	if err := q.acquire(cctx, true); err == nil {
		t.Fatal("acquired a busy device")
	}
	q.release()
	if err := q.acquire(ctx, true); err != nil {
		t.Fatal(err)
	}
	q.release()
}
