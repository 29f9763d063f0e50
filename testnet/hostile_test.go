package testnet_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
)

// TestHostile attacks one running cluster the way issue 19 lists, one subtest per class: after
// each, every node still serves, the peers are still meshed, a decryption and a PKP signature
// still succeed, and no node lost a key share (hostileNet.checkHealthy).
func TestHostile(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 12*time.Minute)
	defer cancel()
	bigBodies := serveBigBodies(t)
	h := startHostileNet(ctx, t, 4, func(_ int, cfg *node.Config) {
		cfg.ActionWorkers = 2
		cfg.ActionMaxHeapMB = 64
		cfg.ActionMaxWorkerMB = 256 // four nodes' bombs fill a quarter of the default each
		cfg.ActionFetchAllow = []string{"127.0.0.2"}
	})
	h.bigBodies = bigBodies

	t.Run("poisoned condition ABIs through /web/encryption/sign", func(t *testing.T) {
		h.poisonedConditionsOverHTTP(ctx, t)
		h.checkHealthy(t)
	})
	t.Run("poisoned condition ABIs through Lit.Actions.checkConditions", func(t *testing.T) {
		h.poisonedConditionsInAnAction(ctx, t)
		h.checkHealthy(t)
	})
	t.Run("a 300 MB body", func(t *testing.T) {
		h.hugeBodies(ctx, t)
		h.checkHealthy(t)
	})
	t.Run("200,000-deep JSON", func(t *testing.T) {
		h.deepJSON(ctx, t)
		h.checkHealthy(t)
	})
	t.Run("garbage authSigs", func(t *testing.T) {
		h.garbageAuthSigs(ctx, t)
		h.checkHealthy(t)
	})
	t.Run("a peer sending garbage and oversized frames on every litmesh protocol", func(t *testing.T) {
		h.garbagePeers(ctx, t)
		h.checkHealthy(t)
	})
	t.Run("a chain RPC that jumps the epoch by 5", func(t *testing.T) {
		h.lyingEpoch(ctx, t, +5)
		h.checkHealthy(t)
	})
	t.Run("a chain RPC that goes backwards", func(t *testing.T) {
		h.lyingEpoch(ctx, t, -1)
		h.checkHealthy(t)
	})
	t.Run("memory-bomb and fetch-storm actions on every node at once", func(t *testing.T) {
		h.hostileActions(ctx, t)
		h.checkHealthy(t)
	})
	// Last: it adds a fifth node and reshares to epoch 2.
	t.Run("a handshake flood while a resharing runs", func(t *testing.T) {
		h.handshakeFloodDuringResharing(ctx, t)
		h.checkHealthy(t)
	})
}

// lyingEpoch makes the lying node's chain RPC shift the epoch number, and checks that the node
// notices, keeps serving the epoch it holds keys for without acting on the lie, and keeps its
// shares; then the RPC tells the truth again and the node carries on.
func (h *hostileNet) lyingEpoch(ctx context.Context, t *testing.T, shift int64) {
	t.Helper()
	nd := h.Members()[h.LyingNode].Node()
	real := nd.Status().Epoch
	claimed := uint64(int64(real) + shift)
	h.RPC.lie(shift)
	h.mineBlock(ctx, t) // a new block: the node's chain client reads the epoch afresh
	h.WaitFor(ctx, fmt.Sprintf("node %d to read epoch %d", h.LyingNode, claimed), func() (bool, string) {
		st := nd.Status()
		return h.RPC.told() > 0 && (st.Epoch != real || strings.Contains(st.EpochStatus, fmt.Sprintf("reports epoch %d", claimed))),
			fmt.Sprintf("lies told %d; epoch %d: %s", h.RPC.told(), st.Epoch, st.EpochStatus)
	})
	if st := nd.Status(); st.Epoch != real {
		t.Errorf("node %d acted on the lie: it serves epoch %d (%s); the chain is at %d", h.LyingNode, st.Epoch, st.EpochStatus, real)
	}
	if nd.KeyShareDigest(real) == "" {
		t.Errorf("node %d erased its shares of epoch %d because its RPC claimed epoch %d", h.LyingNode, real, claimed)
	}
	if code, body := h.shareFrom(ctx, t, h.LyingNode); code != http.StatusOK {
		t.Errorf("node %d stopped releasing decryption shares while its RPC lies: HTTP %d %s", h.LyingNode, code, body)
	}
	h.RPC.lie(0)
	h.mineBlock(ctx, t)
	h.WaitFor(ctx, fmt.Sprintf("node %d to serve epoch %d again", h.LyingNode, real), func() (bool, string) {
		st := nd.Status()
		return st.Epoch == real && strings.Contains(st.EpochStatus, "serving epoch"), st.EpochStatus
	})
}

// mineBlock sends a transaction so the dev chain (which mines on transactions) moves on.
func (h *hostileNet) mineBlock(ctx context.Context, t *testing.T) {
	t.Helper()
	if err := h.Chain.Transfer(ctx, devchain.Admin().Key, crypto.PubkeyToAddress(h.reader.PublicKey), big.NewInt(1)); err != nil {
		t.Fatalf("mine a block: %v", err)
	}
}

// shareFrom asks node i alone for its decryption share of the cluster's file.
func (h *hostileNet) shareFrom(ctx context.Context, t *testing.T, i int) (int, string) {
	t.Helper()
	auth, err := json.Marshal(authSigOf(t, h.reader))
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(api.EncryptionSignRequest{
		AccessControlConditions: h.file.AccessControlConditions,
		DataToEncryptHash:       h.file.DataToEncryptHash,
		Chain:                   h.file.Chain,
		AuthSig:                 auth,
	})
	if err != nil {
		t.Fatal(err)
	}
	return postHostile(ctx, nil, h.Members()[i].Node().URL()+"/web/encryption/sign", "application/json", bytes.NewReader(body))
}

// hostileHTTP speaks HTTP/1.1 to the nodes, so every hostile byte reaches them: Go's HTTP/2
// client itself refuses to send a header list over the server's advertised limit.
var hostileHTTP = func() *http.Client {
	tr := client.UnverifiedHTTPClient().Transport.(*http.Transport).Clone()
	tr.ForceAttemptHTTP2 = false
	tr.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	tr.TLSClientConfig = tr.TLSClientConfig.Clone()
	tr.TLSClientConfig.NextProtos = []string{"http/1.1"}
	return &http.Client{Transport: tr, Timeout: 2 * time.Minute}
}()

// postHostile posts body (with extra headers) and returns the status and (the start of) the answer.
func postHostile(ctx context.Context, header http.Header, url, contentType string, body io.Reader) (int, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return 0, err.Error()
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := hostileHTTP.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	return resp.StatusCode, string(answer)
}
