package runtime_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
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
// other calls answer from fixed tables, recording what they were asked. It stands in for the
// node: these tests check the runtime's side of every call (arguments, limits, return shapes);
// the node's side runs against real nodes in package testnet.
type testHost struct {
	client   *http.Client
	children map[string]string // CID → code, for Lit.Actions.call
	leader   bool

	mu     sync.Mutex
	signed []runtime.SignRequest
	conds  []runtime.ConditionsRequest
	claims []runtime.ClaimRequest
	coords []runtime.CoordinateRequest
	perms  []runtime.PermissionsRequest
	chains []runtime.ChainRequest
	decs   []runtime.DecryptRequest
}

func newTestHost() *testHost {
	return &testHost{client: &http.Client{Timeout: 5 * time.Second}, children: map[string]string{}, leader: true}
}

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

func (h *testHost) Sign(ctx context.Context, req runtime.SignRequest) (runtime.SignResult, error) {
	h.mu.Lock()
	h.signed = append(h.signed, req)
	h.mu.Unlock()
	if req.PublicKey == "0xforbidden" {
		return runtime.SignResult{}, errors.New("this action may not sign with PKP 0xforbidden")
	}
	if req.Scheme != runtime.SchemeEcdsaK256 {
		return runtime.SignResult{}, fmt.Errorf("signing scheme %s is not supported by this node yet", req.Scheme)
	}
	switch req.Mode {
	case runtime.SignCombine:
		return runtime.SignResult{Combined: fmt.Sprintf(`{"r":"03%x","s":"%x","v":0}`, sha256.Sum256(req.ToSign), sha256.Sum256([]byte(req.PublicKey)))}, nil
	case runtime.SignAsAction:
		return runtime.SignResult{Combined: fmt.Sprintf(`{"signature":"sig-of-%x","verifyingKey":"key-of-%s"}`, req.ToSign, req.Action.IPFSID)}, nil
	}
	return runtime.SignResult{Share: shareFor(req.ToSign, req.PublicKey)}, nil
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

func (h *testHost) Permissions(ctx context.Context, req runtime.PermissionsRequest) (json.RawMessage, error) {
	h.mu.Lock()
	h.perms = append(h.perms, req)
	h.mu.Unlock()
	switch req.Method {
	case "isPermittedAction":
		return json.Marshal(req.TokenID == "42" && req.Arg == "QmPermitted")
	case "getPermittedActions":
		return json.RawMessage(`["QmPermitted"]`), nil
	case "getPermittedAuthMethodScopes":
		scopes := make([]bool, req.MaxScopeID)
		if len(scopes) > 1 {
			scopes[1] = true
		}
		return json.Marshal(scopes)
	}
	return json.Marshal(false)
}

func (h *testHost) Chain(ctx context.Context, req runtime.ChainRequest) (string, error) {
	h.mu.Lock()
	h.chains = append(h.chains, req)
	h.mu.Unlock()
	if req.Txn != nil {
		return "0x" + hex.EncodeToString(req.Txn), nil
	}
	return "0x5", nil
}

func (h *testHost) Encrypt(ctx context.Context, req runtime.EncryptRequest) (runtime.EncryptResult, error) {
	sum := sha256.Sum256(req.Data)
	return runtime.EncryptResult{Ciphertext: base64.StdEncoding.EncodeToString(req.Data), DataToEncryptHash: hex.EncodeToString(sum[:])}, nil
}

func (h *testHost) Decrypt(ctx context.Context, req runtime.DecryptRequest) (string, error) {
	h.mu.Lock()
	h.decs = append(h.decs, req)
	h.mu.Unlock()
	b, err := base64.StdEncoding.DecodeString(req.Ciphertext)
	return string(b), err
}

func (h *testHost) ClaimKey(ctx context.Context, req runtime.ClaimRequest) (json.RawMessage, error) {
	h.mu.Lock()
	h.claims = append(h.claims, req)
	h.mu.Unlock()
	return json.Marshal(map[string]string{"derivedKeyId": hex.EncodeToString(keccak([]byte(req.Action.IPFSID + "_" + req.KeyID))), "signature": "sig"})
}

func (h *testHost) ActionKey(ctx context.Context, req runtime.ActionKeyRequest) (json.RawMessage, error) {
	if req.Verify {
		return json.Marshal(req.SignOutput == "good")
	}
	sum := sha256.Sum256([]byte(req.IPFSID))
	return json.Marshal("0x" + hex.EncodeToString(sum[:]))
}

func (h *testHost) ChildCode(ctx context.Context, ipfsID string, maxCode int) (string, error) {
	code, ok := h.children[ipfsID]
	if !ok {
		return "", fmt.Errorf("ipfsId %s: not found", ipfsID)
	}
	return code, nil
}

func (h *testHost) Coordinate(ctx context.Context, req runtime.CoordinateRequest) (runtime.CoordinateResult, error) {
	h.mu.Lock()
	h.coords = append(h.coords, req)
	h.mu.Unlock()
	switch req.Op {
	case runtime.CoordIsLeader:
		return runtime.CoordinateResult{Leader: h.leader}, nil
	case runtime.CoordCollectFromLeader:
		return runtime.CoordinateResult{Value: "from the leader"}, nil
	case runtime.CoordBroadcastAndCollect:
		return runtime.CoordinateResult{Values: []string{req.Value, "other node's " + req.Name}}, nil
	}
	return runtime.CoordinateResult{}, nil
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
