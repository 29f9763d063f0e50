package client

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/api"
)

// A node over one requester's budget answers 429 before it runs anything. lit bench execute
// at 115 executions/s on four nodes (each node runs every execution; rate_limit_address is
// 100/s) failed 41 of 1,776 with "no node ran the action: … rate_limited" from all four. Now
// the client asks a rate-limiting node again after a short wait; a node that keeps refusing
// still fails, after rateLimitRetries more requests.
func TestExecuteAsksARateLimitingNodeAgain(t *testing.T) {
	for _, tc := range []struct {
		name     string
		refusals int // 429s each node gives before it runs the action
		wantOK   bool
	}{
		{"limited for a moment", 2, true},
		{"limited for good", 1 << 30, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Client{Network: &NetworkFile{}}
			var mu sync.Mutex
			asked := map[string]int{}
			var nodes []NodeEntry
			for i := range 3 {
				name := string(rune('a' + i))
				srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
					mu.Lock()
					asked[name]++
					n := asked[name]
					mu.Unlock()
					w.Header().Set("Content-Type", "application/json")
					if n <= tc.refusals {
						e := api.Errorf(api.KindRateLimited, "too many requests for 0xabc; retry in 3ms")
						w.WriteHeader(e.Kind.Status())
						_ = json.NewEncoder(w).Encode(api.ErrorBody{Error: e})
						return
					}
					_ = json.NewEncoder(w).Encode(api.ExecuteResponse{Success: true, Response: "ran"})
				}))
				defer srv.Close()
				key, _ := pinKey(srv.URL)
				c.pins.set(key, sha256.Sum256(srv.Certificate().RawSubjectPublicKeyInfo))
				nodes = append(nodes, NodeEntry{URL: srv.URL, PeerID: name})
			}
			wallet, _ := crypto.GenerateKey()
			sess, err := NewSession(wallet, SessionOptions{})
			if err != nil {
				t.Fatal(err)
			}
			res, err := c.Execute(context.Background(), ExecuteRequest{Code: []byte("Lit.Actions.setResponse({response: 'ran'})"), Auth: sess, Nodes: nodes})
			mu.Lock()
			defer mu.Unlock()
			if tc.wantOK {
				if err != nil || res.Response != "ran" {
					t.Fatalf("nodes limiting for two requests: %v, %+v", err, res)
				}
				for name, n := range asked {
					if n != 3 {
						t.Fatalf("node %s was asked %d times, want 3", name, n)
					}
				}
				return
			}
			if err == nil {
				t.Fatal("nodes that never stop limiting: no error")
			}
			for name, n := range asked {
				if n != 1+rateLimitRetries {
					t.Fatalf("node %s was asked %d times, want %d", name, n, 1+rateLimitRetries)
				}
			}
		})
	}
}
