package client

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
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
				nodes = append(nodes, pinnedNode(t, c, name, func(w http.ResponseWriter, _ *http.Request) {
					mu.Lock()
					asked[name]++
					n := asked[name]
					mu.Unlock()
					if n <= tc.refusals {
						writeAPIError(w, api.Errorf(api.KindRateLimited, "too many requests for 0xabc; retry in 3ms"))
						return
					}
					w.Header().Set("Content-Type", "application/json")
					_ = json.NewEncoder(w).Encode(api.ExecuteResponse{Success: true, Response: "ran"})
				}))
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

// Every member of a signer set must confirm before any releases a share, so a member that
// refuses with rate_limited (429, before the agreement) leaves the others waiting out their
// 10 s. The client used to wait for them too: lit bench sign c8 at n = 4 (one requester over its
// per-node presign budget) served nothing for 9–10 s at a time. Now a 429 ends the attempt at
// once, canceling the other members' requests, and the client tries again after a short wait.
func TestASignerThatRateLimitsEndsTheAttemptAtOnce(t *testing.T) {
	c := &Client{Network: &NetworkFile{}}
	nw := &pkpNetwork{size: 3, t: 1, live: map[string]bool{}}
	release := make(chan struct{})
	for _, name := range []string{"peer-A", "peer-L", "peer-B"} {
		nw.ring = append(nw.ring, pinnedNode(t, c, name, func(w http.ResponseWriter, r *http.Request) {
			if name == "peer-L" {
				writeAPIError(w, api.Errorf(api.KindRateLimited, "too many PKP signatures for 0xabc; retry in 5ms"))
				return
			}
			// In the agreement, waiting for peer-L's confirmation until its timeout.
			select {
			case <-r.Context().Done():
				return
			case <-release:
			}
			writeAPIError(w, api.Errorf(api.KindTimeout, "the signer set did not agree on request r within 10s: no confirmation from peer-L"))
		}))
		nw.live[name] = true
	}
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	defer free() // (runs before the servers close: t.Cleanup)
	wallet, _ := crypto.GenerateKey()
	sess, err := NewSession(wallet, SessionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pk, _ := secp256k1.GeneratePrivateKey()
	key := &pkpKey{tokenID: big.NewInt(1), pub: pk.PubKey()}
	// The waiting members answer only when released: without the fix signWith waits for
	// them, so it runs in a goroutine and they are released if it has not returned by then.
	done := make(chan error, 1)
	go func() {
		_, _, _, err := c.signWith(context.Background(), nw, nw.ring, key, [32]byte{1}, sess)
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		free()
		err = <-done
		t.Fatalf("the client waited for members that cannot agree without the rate-limited one: %v", err)
	}
	if !isRateLimited(err) {
		t.Fatalf("the attempt failed with %v, want the rate_limited refusal", err)
	}
}
