package node_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
)

// The shape of Lit's guides: an action builds ethers' JsonRpcProvider on getRpcUrl, signs a
// transaction with a key it holds and sends it. getRpcUrl hands out the node's proxy, never the
// operator's endpoint (whose URL carries the API key on a real network); the proxy forwards
// what ethers needs and nothing that administers or signs with the RPC node, and an error
// never shows the real URL. Real dev chain, real ethers in V8.
func TestActionsReachTheChainOnlyThroughTheNodesRPCProxy(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	c := testnet.Start(ctx, t, 1, testnet.WithChain())
	c.WaitMesh(ctx)
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	chainURL := c.Chain.URL()
	sender, payee := devchain.Accounts()[4], devchain.Accounts()[5]
	before, err := c.Chain.Balance(ctx, payee.Address)
	if err != nil {
		t.Fatal(err)
	}

	const action = `(async () => {
  const url = await Lit.Actions.getRpcUrl({ chain: "litdevnet" });
  const provider = new ethers.providers.JsonRpcProvider(url);
  const wallet = new ethers.Wallet(jsParams.key, provider);
  const tx = await wallet.sendTransaction({ to: jsParams.to, value: 12345 });
  const out = { url, hash: tx.hash, block: await provider.getBlockNumber(), chainId: (await provider.getNetwork()).chainId, refused: {} };
  for (const m of ["admin_peers", "debug_traceTransaction", "personal_listAccounts", "eth_sendTransaction", "eth_sign", "eth_accounts", "miner_start", "engine_exchangeCapabilities", "txpool_content"]) {
    try { await provider.send(m, []); out.refused[m] = "ALLOWED"; } catch (e) { out.refused[m] = String(e.message); }
  }
  try { await provider.call({ to: jsParams.to, data: "0x12" }); } catch (e) { out.chainError = String(e.message); }
  try {
    await fetch(jsParams.chainURL, { method: "POST", body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' });
    out.direct = "ALLOWED";
  } catch (e) { out.direct = String(e.message); }
  Lit.Actions.setResponse({ response: JSON.stringify(out) });
})()`
	params, _ := json.Marshal(map[string]string{
		"key": "0x" + hex.EncodeToString(crypto.FromECDSA(sender.Key)), "to": payee.Address.Hex(), "chainURL": chainURL,
	})
	res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(action), JSParams: params, Auth: authSigOf(t, sender)})
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		URL, Hash, ChainError, Direct string
		Block                         uint64
		ChainID                       int64
		Refused                       map[string]string
	}
	if err := json.Unmarshal([]byte(res.Response), &out); err != nil {
		t.Fatalf("response %q: %v (logs %s)", res.Response, err, res.Logs)
	}
	t.Logf("the action saw: %s", res.Response)
	if !strings.HasPrefix(out.URL, "http://127.0.0.1:") || strings.Contains(out.URL, strings.TrimPrefix(chainURL, "http://")) {
		t.Errorf("getRpcUrl gave %q: want the node's proxy, not the chain endpoint %s", out.URL, chainURL)
	}
	if out.ChainID != devchain.ChainID || out.Block == 0 || out.Hash == "" {
		t.Errorf("through the proxy: chain %d, block %d, tx %q", out.ChainID, out.Block, out.Hash)
	}
	for m, msg := range out.Refused {
		if !strings.Contains(msg, "not available to Lit Actions") {
			t.Errorf("%s: %q, want refused by the proxy", m, msg)
		}
	}
	if !strings.Contains(out.Direct, "refused") {
		t.Errorf("a fetch of the chain endpoint itself: %q, want refused", out.Direct)
	}
	chainHostPort := strings.TrimPrefix(chainURL, "http://")
	if strings.Contains(res.Response, chainHostPort) && !strings.Contains(out.Direct, chainHostPort) {
		t.Errorf("the chain endpoint %s appears in what the action saw: %s", chainURL, res.Response)
	}
	c.WaitFor(ctx, "the action's transaction to be mined", func() (bool, string) {
		after, err := c.Chain.Balance(ctx, payee.Address)
		if err != nil {
			return false, err.Error()
		}
		got := new(big.Int).Sub(after, before)
		return got.Cmp(big.NewInt(12345)) == 0, fmt.Sprintf("payee received %s wei", got)
	})

	// The URL dies with the execution.
	resp, err := http.Post(out.URL, "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("the proxy URL after its execution ended: HTTP %d, want 404", resp.StatusCode)
	}

	t.Run("an execution's RPC calls are budgeted", func(t *testing.T) {
		const flood = `(async () => {
  const url = await Lit.Actions.getRpcUrl({ chain: "litdevnet" });
  const batch = JSON.stringify(Array.from({ length: 20 }, (_, id) => ({ jsonrpc: "2.0", id, method: "eth_blockNumber", params: [] })));
  let ok = 0, limited = 0;
  for (let i = 0; i < 6; i++) {
    const answers = await fetch(url, { method: "POST", body: batch }).then((r) => r.json());
    for (const a of answers) { if (a.result) ok++; else if (a.error && a.error.code === -32005) limited++; }
  }
  Lit.Actions.setResponse({ response: ok + "," + limited });
})()`
		res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(flood), Auth: authSigOf(t, sender)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Response != "100,20" {
			t.Fatalf("answered,limited = %s, want 100,20 (the default budget is 100 calls)", res.Response)
		}
	})
}
