package node

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
)

func TestLitSignerSetsAreWindowsEveryNodeDerivesAlike(t *testing.T) {
	for _, n := range []int{4, 5, 7, 8, 10, 20} { // 5 and 8: T even, 2t+1 < T
		t.Run(fmt.Sprintf("%d nodes", n), func(t *testing.T) {
			size := 2*ECDSADegree(n) + 1
			want := max(size, chain.Threshold(n)) // Lit's SDK wants minNodeCount = T shares
			ep := testEpoch(n, size)
			ep.number = 5
			windows := map[int]bool{}
			for i := range 400 {
				id := fmt.Sprintf("lit_%x", i)
				set := ep.litSignerSet(id, [32]byte{1}, [32]byte{2})
				if len(set) != want {
					t.Fatalf("%s: %d signers, want %d", id, len(set), want)
				}
				// a window of consecutive ring positions, in canonical order
				start := ep.pos[set[0]]
				for j, idx := range set {
					if ep.pos[idx] != (start+j)%n {
						t.Fatalf("%s: %v is not a window of the ring", id, set)
					}
				}
				if !slices.Equal(ep.canonical(set), set) {
					t.Fatalf("%s: %v is not in canonical order", id, set)
				}
				// another node (same epoch, same ring) derives the same set
				other := testEpoch(n, size)
				other.number = 5
				if got := other.litSignerSet(id, [32]byte{1}, [32]byte{2}); !slices.Equal(got, set) {
					t.Fatalf("%s: two nodes derive %v and %v", id, set, got)
				}
				windows[start] = true
			}
			// The start spreads over every window, and only over warm ones when the set has 2t+1
			// members (the first 16 ring positions on larger networks).
			wantWindows := n
			if want == size {
				wantWindows = min(n, maxWarmSets)
			}
			if len(windows) != wantWindows {
				t.Fatalf("requests started at %d windows, want %d", len(windows), wantWindows)
			}
		})
	}
	t.Run("every input moves the set", func(t *testing.T) {
		ep := testEpoch(20, 2*ECDSADegree(20)+1)
		base := func(ep *pkpEpoch, id string, tok, h byte) int {
			return ep.pos[ep.litSignerSet(id, [32]byte{tok}, [32]byte{h})[0]]
		}
		moved := map[string]bool{}
		for i := range 64 {
			id := fmt.Sprintf("lit_%d", i)
			b := base(ep, id, 1, 1)
			moved["request id"] = moved["request id"] || base(ep, id+"x", 1, 1) != b
			moved["token id"] = moved["token id"] || base(ep, id, 2, 1) != b
			moved["hash"] = moved["hash"] || base(ep, id, 1, 2) != b
			ep.number++
			moved["epoch"] = moved["epoch"] || base(ep, id, 1, 1) != b
			ep.number--
		}
		for _, what := range []string{"request id", "token id", "hash", "epoch"} {
			if !moved[what] {
				t.Errorf("the %s never changes the set", what)
			}
		}
	})
}

func TestLitRequestsMayNameThePreviousEpochOnlyForAGraceWindow(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		name      string
		requested uint64
		now       time.Time
		says      string // "" = allowed
	}{
		{"no epoch named", 0, start.Add(time.Hour), ""},
		{"the current epoch", 7, start.Add(time.Hour), ""},
		{"the previous epoch 45 s after the change (Lit's SDK does this)", 6, start.Add(45 * time.Second), ""},
		{"the previous epoch with the SDK's clock a minute behind", 6, start.Add(105 * time.Second), ""},
		{"the previous epoch after the grace window", 6, start.Add(litEpochGrace + time.Second), "epoch 6 ended at 2026-01-02T03:04:05Z"},
		{"an older epoch", 5, start.Add(time.Second), "epoch 5 is over"},
		{"a future epoch", 8, start.Add(time.Second), "not reached epoch 8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := litEpochAllowed(tc.requested, 7, start, tc.now)
			switch {
			case tc.says == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.says != "" && (err == nil || !strings.Contains(err.Error(), tc.says) || api.KindOf(err) != api.KindWrongEpoch):
				t.Fatalf("got %v, want an unavailable error saying %q", err, tc.says)
			}
		})
	}
}

func TestLitPreflightAllowsTheSDKsHeadersAndNoOthers(t *testing.T) {
	r := httptest.NewRequest(http.MethodOptions, api.LitPKPSignPath, nil)
	r.Header.Set("Origin", "https://app.example")
	r.Header.Set("Access-Control-Request-Method", "POST")
	r.Header.Set("Access-Control-Request-Headers", "content-type,x-lit-sdk-version,x-lit-sdk-type,x-request-id,x-lit-sdk-build,authorization,x-lit-sdk-bad header")
	w := httptest.NewRecorder()
	litPreflight(w, r)
	if w.Code != http.StatusNoContent {
		t.Fatalf("preflight answered %d", w.Code)
	}
	h := w.Header()
	if h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") {
		t.Fatalf("preflight headers %v", h)
	}
	allowed := map[string]bool{}
	for _, v := range strings.Split(h.Get("Access-Control-Allow-Headers"), ",") {
		allowed[strings.ToLower(strings.TrimSpace(v))] = true
	}
	for _, want := range []string{"content-type", "x-lit-sdk-version", "x-lit-sdk-type", "x-request-id", "x-lit-sdk-build"} {
		if !allowed[want] {
			t.Errorf("%s is not allowed (allowed: %v)", want, h.Get("Access-Control-Allow-Headers"))
		}
	}
	for _, bad := range []string{"authorization", "x-lit-sdk-bad header"} {
		if allowed[bad] {
			t.Errorf("%s is allowed", bad)
		}
	}
}

func TestLitErrorsHaveLitsShape(t *testing.T) {
	for _, tc := range []struct {
		name       string
		err        error
		requestID  string
		status     int
		kind, code string
		message    string
		retryAfter bool
	}{
		{"conditions not met", api.Errorf(api.KindForbidden, "conditions not met: balance too low"), "lit_abc", 403, "Validation", "NodeNotAuthorized", "conditions not met: balance too low", false},
		{"a bad session signature", api.Errorf(api.KindUnauthorized, "sessionSig.sig: bad"), "lit_abc", 401, "Validation", "NodeInvalidAuthSig", "sessionSig.sig: bad", false},
		{"a rate limit", limited(3*time.Second, "too many requests"), "", 429, "Validation", "NodeRateLimitExceeded", "too many requests", true},
		{"an internal error hides its text", fmt.Errorf("keystore: /secret/path broke"), "lit_abc", 500, "Unexpected", "NodeSystemFault", "internal error", false},
		{"a request id that is not one is not echoed", api.Errorf(api.KindBadRequest, "toSign: 3 bytes"), "bad id\n", 400, "Validation", "NodeInvalidRequest", "toSign: 3 bytes", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, api.LitEncryptionSignPath, nil)
			r.Header.Set("X-Request-Id", tc.requestID)
			w := httptest.NewRecorder()
			writeLitError(w, r, tc.err)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d", w.Code, tc.status)
			}
			var body map[string]any
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			wantID := tc.requestID
			if checkRequestID(wantID) != nil {
				wantID = ""
			}
			gotID, _ := body["correlationId"].(string)
			if body["errorKind"] != tc.kind || body["errorCode"] != tc.code || body["message"] != tc.message ||
				body["status"] != float64(tc.status) || gotID != wantID {
				t.Fatalf("body %s", w.Body.String())
			}
			if _, ok := body["error"]; ok {
				t.Fatalf("body %s carries litmesh's error object too", w.Body.String())
			}
			if (w.Header().Get("Retry-After") != "") != tc.retryAfter {
				t.Fatalf("Retry-After %q", w.Header().Get("Retry-After"))
			}
		})
	}
}
