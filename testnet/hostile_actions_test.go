package testnet_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
)

// TestHostileActions runs actions written to hurt the node — on every node of a running
// network at once — and then checks that the network still does its job.
func TestHostileActions(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 240*time.Second)
	defer cancel()

	// A server off the nodes' address that streams large bodies: the storm's target. It listens
	// on 127.0.0.2, the only address the operators allow actions to reach; the nodes' own APIs
	// on 127.0.0.1 stay out of reach.
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.2 (Linux routes all of 127/8 to loopback): %v", err)
	}
	big := strings.Repeat("x", 4<<20)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(big))
	})}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	c := testnet.Start(ctx, t, 4, testnet.WithChain(), testnet.WithConfig(func(_ int, cfg *node.Config) {
		cfg.ActionWorkers = 2
		cfg.ActionMaxHeapMB = 64
		cfg.ActionMaxWorkerMB = 256 // four nodes' bombs fill a quarter of the default each
		cfg.ActionFetchAllow = []string{"127.0.0.2"}
	}))
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	c.WaitFor(ctx, "PKP signing ready on every node", func() (bool, string) {
		for _, m := range c.Members() {
			if _, ok := m.Node().PKPPools(); !ok {
				return false, fmt.Sprintf("node %d: PKP signing not ready", m.Index)
			}
		}
		return true, ""
	})
	cl := client.New(c.NetworkFile())
	defer cl.Close()

	t.Run("memory-bomb and fetch-storm actions on every node at once", func(t *testing.T) {
		apiURL := c.Members()[0].Cfg.URL()
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
			})()`, fmt.Sprintf(`{"big":"http://%s/","api":%q}`, ln.Addr(), apiURL), "fetched_too_much"},
			{"a host-call flood", `(async () => {
				await Promise.allSettled(Array.from({length: 900}, () => Lit.Actions.getRpcUrl({chain: "litdevnet"})));
				for (;;) await Lit.Actions.getRpcUrl({chain: "litdevnet"});
			})()`, `{}`, "too_many_calls"},
		}
		var wg sync.WaitGroup
		results := make([]*client.ExecuteResult, len(hostile))
		errs := make([]error, len(hostile))
		for i, h := range hostile {
			wg.Go(func() {
				auth, _ := newAuthSig(t) // each attack from its own requester, so none shares a worker
				results[i], errs[i] = cl.Execute(ctx, client.ExecuteRequest{Code: []byte(h.code), JSParams: json.RawMessage(h.params), AuthSig: auth})
			})
		}
		wg.Wait()
		for i, h := range hostile {
			var failed *client.ActionFailedError
			if !errors.As(errs[i], &failed) || results[i] == nil {
				t.Errorf("%s: %v, want it to fail with %s", h.name, errs[i], h.want)
				continue
			}
			// Each node says so itself (their messages differ: a memory cap names the size
			// each worker reached).
			for _, n := range results[i].Nodes {
				if n.Result == nil || n.Result.Error == nil || n.Result.Error.Kind != h.want {
					t.Errorf("%s on %s: %+v %s, want %s", h.name, n.URL, n.Result, n.Error, h.want)
				}
			}
		}
	})

	stillServes(ctx, t, c, cl)
}

// stillServes checks what every hostile test must leave intact: each node answers its API and
// runs actions, the peers are meshed, and a decryption and a PKP signature succeed.
func stillServes(ctx context.Context, t *testing.T, c *testnet.Cluster, cl *client.Client) {
	t.Helper()
	for _, m := range c.Members() {
		resp, err := http.Get(m.Cfg.URL() + "/web/status")
		if err != nil {
			t.Fatalf("node %d no longer serves: %v", m.Index, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("node %d status: HTTP %d", m.Index, resp.StatusCode)
		}
	}
	c.WaitMesh(ctx)
	auth, _ := newAuthSig(t)
	res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(`Lit.Actions.setResponse({response: "alive"})`), AuthSig: auth})
	if err != nil || res.Response != "alive" || res.Agreed != 4 {
		t.Fatalf("a trivial action after the attacks: %+v, %v", res, err)
	}

	reader := devchain.Accounts()[3]
	file, err := cl.Encrypt(ctx, []byte(`{"accessControlConditions":[{"contractAddress":"","standardContractType":"","chain":"litdevnet","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1"}}]}`), []byte("still here"))
	if err != nil {
		t.Fatalf("encrypt after the attacks: %v", err)
	}
	readerAuth, err := access.CreateAuthSig(reader.Key, access.AuthSigOptions{ChainID: devchain.ChainID, TTL: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	d, err := cl.Decrypt(ctx, file, readerAuth)
	if err != nil || string(d.Plaintext) != "still here" {
		t.Fatalf("decrypt after the attacks: %v", err)
	}

	pkp, err := cl.MintPKP(ctx, reader.Key)
	if err != nil {
		t.Fatalf("mint a PKP after the attacks: %v", err)
	}
	if _, err := cl.PKPSign(ctx, pkp.PublicKey, sha256.Sum256([]byte("after the attacks")), readerAuth); err != nil {
		t.Fatalf("PKP sign after the attacks: %v", err)
	}
}
