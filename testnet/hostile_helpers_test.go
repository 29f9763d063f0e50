package testnet_test

// Shared by the TestHostile suite (issue 19): one cluster that every subtest attacks, and the
// check run after each attack — every node still serves, the peers are still meshed, a
// decryption and a PKP signature still succeed, and no node lost a key share.

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/litmesh/litmesh/chain/bindings"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// hostileNet is a running cluster on a dev chain (epoch 1, keys generated), with a file
// encrypted to it and a PKP minted on it, and node lyingNode reading the chain through a proxy
// the test can make lie.
type hostileNet struct {
	*testnet.Cluster
	ctx context.Context

	// RPC sits between node LyingNode and the dev chain.
	RPC       *lyingRPC
	LyingNode int

	// bigBodies is the host:port of a server of 4 MiB bodies actions may fetch from.
	bigBodies string

	file          *client.EncryptedFile
	secret        []byte
	reader, owner *ecdsa.PrivateKey
	pkp           *client.PKPInfo

	mu     sync.Mutex
	shares map[int]map[uint64]string // node → epoch → KeyShareDigest, as last checked
}

// startHostileNet starts n nodes (n ≥ 4) with the given config changes, waits for the mesh,
// epoch 1 and warm presignature pools, then encrypts a file and mints a PKP, and records every
// node's key shares. Node n−1 reads its chain through h.RPC.
func startHostileNet(ctx context.Context, t *testing.T, n int, configure func(i int, cfg *node.Config)) *hostileNet {
	t.Helper()
	h := &hostileNet{ctx: ctx, LyingNode: n - 1, RPC: newLyingRPC(t), shares: map[int]map[uint64]string{}}
	h.Cluster = testnet.Start(ctx, t, n, testnet.WithChain(),
		testnet.WithChainRPC(func(i int, url string) string {
			if i == h.LyingNode {
				return h.RPC.wrap(url)
			}
			return url
		}),
		testnet.WithConfig(func(i int, cfg *node.Config) {
			cfg.PKPPool = 4
			if configure != nil {
				configure(i, cfg)
			}
		}))
	h.WaitMesh(ctx)
	h.WaitEpoch(ctx, 1)
	h.WaitPools(ctx, 2)

	h.reader, h.owner = pkptest.DevKey(t, 1), pkptest.DevKey(t, 8)
	h.secret = []byte("encrypted before the attacks")
	cl := testnet.NewClient(h.NetworkFile())
	defer cl.Close()
	var err error
	if h.file, err = cl.Encrypt(ctx, pkptest.NativeBalance, h.secret); err != nil {
		t.Fatalf("encrypt: %v", err)
	}
	if h.pkp, err = cl.MintPKP(ctx, h.owner); err != nil {
		t.Fatalf("mint a PKP: %v", err)
	}
	h.recordShares(t)
	return h
}

// recordShares takes every running node's current key shares as the baseline checkHealthy
// compares with (call it after an attack that legitimately changes them, e.g. a resharing).
func (h *hostileNet) recordShares(t *testing.T) {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, m := range h.Members() {
		nd := m.Node()
		if nd == nil {
			continue
		}
		held := map[uint64]string{}
		for e := uint64(1); e <= nd.Status().Epoch+1; e++ {
			if d := nd.KeyShareDigest(e); d != "" {
				held[e] = d
			}
		}
		h.shares[m.Index] = held
	}
}

// checkHealthy is what must hold after every attack: every running node answers its status
// and handshake routes, the peers are meshed, the file decrypts, the PKP signs, and no node
// lost (or changed) a key share it held before.
func (h *hostileNet) checkHealthy(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(h.ctx, 2*time.Minute)
	defer cancel()
	for _, m := range h.Members() {
		nd := m.Node()
		if nd == nil {
			continue
		}
		h.WaitFor(ctx, fmt.Sprintf("node %d to serve /web/status", m.Index), func() (bool, string) {
			code, body := getStatus(ctx, nd.URL()+"/web/status")
			return code == http.StatusOK, fmt.Sprintf("HTTP %d %s", code, body)
		})
	}
	h.WaitMesh(ctx)

	cl := testnet.NewClient(h.NetworkFile())
	defer cl.Close()
	d, err := cl.Decrypt(ctx, h.file, client.PlainAuthSig(authSigOf(t, h.reader)))
	if err != nil || !bytes.Equal(d.Plaintext, h.secret) {
		t.Fatalf("the file no longer decrypts: %v", err)
	}
	hash := sha256.Sum256([]byte("signed after an attack " + t.Name()))
	sig, err := cl.PKPSign(ctx, h.pkp.TokenID, hash, pkptest.Session(t, h.owner))
	if err != nil {
		t.Fatalf("the PKP no longer signs: %v", err)
	}
	pkptest.CheckRecovers(t, sig, hash, h.pkp.EthAddress)

	h.mu.Lock()
	defer h.mu.Unlock()
	for i, held := range h.shares {
		nd := h.Members()[i].Node()
		if nd == nil {
			continue
		}
		for e, want := range held {
			if got := nd.KeyShareDigest(e); got != want {
				t.Errorf("node %d lost or changed its key shares of epoch %d (digest %q, was %q)", i, e, shortDigest(got), shortDigest(want))
			}
		}
	}
}

func shortDigest(d string) string {
	if len(d) > 12 {
		return d[:12] + "…"
	}
	return d
}

func getStatus(ctx context.Context, url string) (int, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err.Error()
	}
	resp, err := client.UnverifiedHTTPClient().Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	return resp.StatusCode, string(body)
}

// lyingRPC is a JSON-RPC proxy in front of the real dev chain. While lying it rewrites the
// epoch number in every answer to Staking.epoch() by a shift (+5: a jump; −1: a regression),
// leaving everything else as the chain answered: a lying or intercepted RPC endpoint.
type lyingRPC struct {
	srv      *httptest.Server
	selector []byte

	mu     sync.Mutex
	target string
	shift  int64
	lies   int
}

func newLyingRPC(t *testing.T) *lyingRPC {
	t.Helper()
	l := &lyingRPC{selector: bindings.NewStaking().PackEpoch()[:4]}
	l.srv = httptest.NewServer(http.HandlerFunc(l.serve))
	t.Cleanup(l.srv.Close)
	return l
}

// wrap makes the proxy forward to url and returns the proxy's own URL.
func (l *lyingRPC) wrap(url string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.target = url
	return l.srv.URL
}

// lie starts rewriting epoch numbers by shift (0: tell the truth again).
func (l *lyingRPC) lie(shift int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.shift, l.lies = shift, 0
}

// told reports how many answers were rewritten since the last lie call.
func (l *lyingRPC) told() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lies
}

type rpcRequest struct {
	ID     json.RawMessage   `json:"id"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

func (l *lyingRPC) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	l.mu.Lock()
	target, shift := l.target, l.shift
	l.mu.Unlock()
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	if shift != 0 && l.asksEpoch(body) {
		if rewritten, ok := shiftEpoch(answer, shift); ok {
			answer = rewritten
			l.mu.Lock()
			l.lies++
			l.mu.Unlock()
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(answer)
}

// asksEpoch reports whether a (single) JSON-RPC request is an eth_call of epoch().
func (l *lyingRPC) asksEpoch(body []byte) bool {
	var req rpcRequest
	if json.Unmarshal(body, &req) != nil || req.Method != "eth_call" || len(req.Params) == 0 {
		return false
	}
	var call struct {
		Input string `json:"input"`
		Data  string `json:"data"`
	}
	if json.Unmarshal(req.Params[0], &call) != nil {
		return false
	}
	want := "0x" + hex.EncodeToString(l.selector)
	return strings.HasPrefix(call.Input, want) || strings.HasPrefix(call.Data, want)
}

// shiftEpoch adds shift to the first word (the epoch number) of an eth_call result.
func shiftEpoch(answer []byte, shift int64) ([]byte, bool) {
	var resp map[string]json.RawMessage
	if json.Unmarshal(answer, &resp) != nil {
		return nil, false
	}
	var result string
	if json.Unmarshal(resp["result"], &result) != nil {
		return nil, false
	}
	raw, err := hex.DecodeString(strings.TrimPrefix(result, "0x"))
	if err != nil || len(raw) < 32 {
		return nil, false
	}
	n := new(big.Int).SetBytes(raw[:32])
	n.Add(n, big.NewInt(shift))
	if n.Sign() < 0 {
		n.SetInt64(0)
	}
	n.FillBytes(raw[:32])
	resp["result"], _ = json.Marshal("0x" + hex.EncodeToString(raw))
	out, err := json.Marshal(resp)
	return out, err == nil
}
