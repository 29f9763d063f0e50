package runtime_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/litmesh/litmesh/runtime"
)

// TestMain lets the Pool re-execute this test binary as its workers, the way the node binary
// re-executes itself.
func TestMain(m *testing.M) {
	runtime.RunWorkerIfRequested()
	os.Exit(m.Run())
}

// testLimits are the defaults with a short timeout and a small heap so the bad cases are quick.
var testLimits = runtime.Limits{Timeout: 3 * time.Second, MaxHeap: 64 << 20, WorkerMemory: 512 << 20}

var (
	sharedOnce sync.Once
	sharedPool *runtime.Pool
	sharedErr  error
)

// pool is one warm pool shared by the tests that do not need their own: starting workers costs
// a V8 isolate each.
func pool(t testing.TB) *runtime.Pool {
	t.Helper()
	sharedOnce.Do(func() {
		sharedPool, sharedErr = runtime.NewPool(context.Background(), runtime.WithWorkers(2), runtime.WithLimits(testLimits))
	})
	if sharedErr != nil {
		t.Fatalf("start the pool: %v", sharedErr)
	}
	return sharedPool
}

// testHost is a Host whose fetch performs real HTTP requests (to an httptest server) and whose
// other calls answer from fixed tables, recording what they were asked.
type testHost struct {
	client *http.Client

	mu     sync.Mutex
	signed []runtime.SignRequest
	conds  []runtime.ConditionsRequest
}

func newTestHost() *testHost { return &testHost{client: &http.Client{Timeout: 5 * time.Second}} }

func (h *testHost) Fetch(ctx context.Context, req runtime.FetchRequest, maxBody int) (runtime.FetchResponse, error) {
	hr, err := http.NewRequestWithContext(ctx, req.Method, req.URL, strings.NewReader(string(req.Body)))
	if err != nil {
		return runtime.FetchResponse{}, err
	}
	hr.Header = req.Header
	resp, err := h.client.Do(hr)
	if err != nil {
		return runtime.FetchResponse{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(maxBody)+1))
	if err != nil {
		return runtime.FetchResponse{}, err
	}
	if len(body) > maxBody {
		return runtime.FetchResponse{}, fmt.Errorf("response body over %d bytes", maxBody)
	}
	return runtime.FetchResponse{Status: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

// shareFor is the test host's "signature share": a value the test can recompute.
func shareFor(toSign []byte, publicKey string) json.RawMessage {
	sum := sha256.Sum256(append(append([]byte{}, toSign...), publicKey...))
	return json.RawMessage(fmt.Sprintf(`{"shareHex":%q,"publicKey":%q}`, hex.EncodeToString(sum[:]), publicKey))
}

func (h *testHost) SignECDSA(ctx context.Context, req runtime.SignRequest) (json.RawMessage, error) {
	h.mu.Lock()
	h.signed = append(h.signed, req)
	h.mu.Unlock()
	if req.PublicKey == "0xforbidden" {
		return nil, errors.New("this action may not sign with PKP 0xforbidden")
	}
	return shareFor(req.ToSign, req.PublicKey), nil
}

func (h *testHost) CheckConditions(ctx context.Context, req runtime.ConditionsRequest) (bool, error) {
	h.mu.Lock()
	h.conds = append(h.conds, req)
	h.mu.Unlock()
	var conds []map[string]any
	if err := json.Unmarshal(req.Conditions, &conds); err != nil {
		return false, err
	}
	return len(conds) > 0 && conds[0]["pass"] == true, nil
}

func (h *testHost) RPCURL(ctx context.Context, chain string) (string, error) {
	if chain == "litdevnet" {
		return "http://127.0.0.1:8545", nil
	}
	return "", fmt.Errorf("unknown chain %q", chain)
}

func (h *testHost) IsPermittedAction(ctx context.Context, tokenID, ipfsID string) (bool, error) {
	return tokenID == "42" && ipfsID == "QmPermitted", nil
}

// run executes code with jsParams on p, bounded by a test deadline.
func run(t testing.TB, p *runtime.Pool, h runtime.Host, code string, params string) (runtime.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	req := runtime.Request{Code: code, IPFSID: "QmTestAction", Auth: runtime.Auth{AuthSigAddress: "0x1111111111111111111111111111111111111111"}}
	if params != "" {
		req.JSParams = json.RawMessage(params)
	}
	return p.Execute(ctx, req, h)
}

// mustServe checks that the pool still runs a trivial action correctly.
func mustServe(t *testing.T, p *runtime.Pool) {
	t.Helper()
	res, err := run(t, p, newTestHost(), `Lit.Actions.setResponse({response: "alive:" + (6 * 7)})`, "")
	if err != nil || res.Response != "alive:42" {
		t.Fatalf("the pool no longer serves: response %q, err %v", res.Response, err)
	}
}

func newEchoServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Echo-Method", r.Method)
		json.NewEncoder(w).Encode(map[string]string{
			"method": r.Method, "path": r.URL.Path, "body": string(body), "auth": r.Header.Get("Authorization"),
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}
