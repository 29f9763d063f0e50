package testnet_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
)

// hostileActions runs actions written to hurt the node — on every node of the running network
// at once: heap and ArrayBuffer bombs, a fetch storm of large bodies and of the node's own API,
// a host-call flood. Each node must refuse each with the named limit; the network must then
// still run actions (the rest of "still serves" is checkHealthy).
func (h *hostileNet) hostileActions(ctx context.Context, t *testing.T) {
	cl := testnet.NewClient(h.NetworkFile())
	defer cl.Close()
	apiURL := h.Members()[0].Cfg.URL()
	hostile := []struct {
		name, code, params string
		want               string // the error kind every node must report
	}{
		{"a V8 heap bomb", `const a = []; for (;;) a.push(new Array(1e5).fill(1.5));`, `{}`, "memory"},
		{"an ArrayBuffer bomb outside the V8 heap", `const a = []; for (;;) { const b = new Uint8Array(32 << 20); b.fill(1); a.push(b); }`, `{}`, "memory"},
		{"a fetch storm of large bodies and of the node's own API", `(async () => {
			const urls = Array.from({length: 70}, (_, i) => i % 2 ? jsParams.big : jsParams.api + "/web/status");
			const rs = await Promise.allSettled(urls.map((u) => fetch(u).then((r) => r.text())));
			Lit.Actions.setResponse({response: JSON.stringify(rs.map((r) => r.status))});
		})()`, fmt.Sprintf(`{"big":"http://%s/","api":%q}`, h.bigBodies, apiURL), "fetched_too_much"},
		{"a host-call flood", `(async () => {
			await Promise.allSettled(Array.from({length: 900}, () => Lit.Actions.getRpcUrl({chain: "litdevnet"})));
			for (;;) await Lit.Actions.getRpcUrl({chain: "litdevnet"});
		})()`, `{}`, "too_many_calls"},
	}
	var wg sync.WaitGroup
	results := make([]*client.ExecuteResult, len(hostile))
	errs := make([]error, len(hostile))
	for i, a := range hostile {
		wg.Go(func() {
			auth, _ := newAuthSig(t) // each attack from its own requester, so none shares a worker
			results[i], errs[i] = cl.Execute(ctx, client.ExecuteRequest{Code: []byte(a.code), JSParams: json.RawMessage(a.params), Auth: auth})
		})
	}
	wg.Wait()
	for i, a := range hostile {
		var failed *client.ActionFailedError
		if !errors.As(errs[i], &failed) || results[i] == nil {
			t.Errorf("%s: %v, want it to fail with %s", a.name, errs[i], a.want)
			continue
		}
		// Each node says so itself (their messages differ: a memory cap names the size each
		// worker reached).
		for _, n := range results[i].Nodes {
			if n.Result == nil || n.Result.Error == nil || n.Result.Error.Kind != a.want {
				t.Errorf("%s on %s: %+v %s, want %s", a.name, n.URL, n.Result, n.Error, a.want)
			}
		}
	}

	auth, _ := newAuthSig(t)
	res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(`Lit.Actions.setResponse({response: "alive"})`), Auth: auth})
	if err != nil || res.Response != "alive" || res.Agreed != len(h.Members()) {
		t.Fatalf("a trivial action after the attacks: %+v, %v", res, err)
	}
}

// serveBigBodies starts a server off the nodes' address that streams 4 MiB bodies: the fetch
// storm's target. It listens on 127.0.0.2, the only address the operators allow actions to
// reach; the nodes' own APIs on 127.0.0.1 stay out of reach.
func serveBigBodies(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.2 (Linux routes all of 127/8 to loopback): %v", err)
	}
	big := strings.Repeat("x", 4<<20)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(big))
	}), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}
