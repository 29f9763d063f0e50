package node

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The operator's RPC URL carries its API key; nothing the proxy answers may contain it, whether
// the endpoint is down (a transport error, whose text names the URL) or answers with an error
// that quotes it.
func TestTheRPCProxyNeverShowsTheOperatorsURL(t *testing.T) {
	const key = "k3y-0f-the-0perator"
	quoting := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req struct {
			ID json.RawMessage `json:"id"`
		}
		_ = json.Unmarshal(body, &req)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"jsonrpc":"2.0","id":` + string(req.ID) + `,"error":{"code":-32000,"message":"quota exceeded for ` + "http://" + r.Host + "/v3/" + key + `","data":"key ` + key + `"}}`))
	}))
	defer quoting.Close()
	up := map[string]string{
		"down":    "http://127.0.0.1:1/v3/" + key,
		"quoting": quoting.URL + "/v3/" + key,
	}
	p, err := startRPCProxy(slog.New(slog.NewTextHandler(io.Discard, nil)), up, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer p.close(context.Background())
	token := p.open()
	for chain := range up {
		resp, err := http.Post(p.url(token, chain), "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":7,"method":"eth_blockNumber","params":[]}`))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), `"error"`) {
			t.Fatalf("%s: %s, want an error", chain, body)
		}
		for _, secret := range []string{key, "127.0.0.1:1", strings.TrimPrefix(quoting.URL, "http://")} {
			if strings.Contains(string(body), secret) {
				t.Errorf("%s: the answer %s shows %q", chain, body, secret)
			}
		}
	}
	p.end(token)
	resp, err := http.Post(p.url(token, "quoting"), "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("an ended session's URL: HTTP %d, want 404", resp.StatusCode)
	}
}
