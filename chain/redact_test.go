package chain_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/chain"
)

func TestRedactURLKeepsOnlySchemeAndHost(t *testing.T) {
	for in, want := range map[string]string{
		"https://mainnet.infura.io/v3/0123456789abcdef": "https://mainnet.infura.io/…",
		"wss://user:secret@rpc.example.com:8546":        "wss://rpc.example.com:8546/…",
		"https://rpc.example.com/?apikey=s3cr3t":        "https://rpc.example.com/…",
		"http://127.0.0.1:8545":                         "http://127.0.0.1:8545",
		"http://127.0.0.1:8545/":                        "http://127.0.0.1:8545",
		"not a url":                                     "(RPC endpoint)",
	} {
		if got := chain.RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// An unreachable endpoint's error names it without its API key, although Go's HTTP client
// quotes the whole URL in its own error.
func TestErrorsOfAnUnreachableEndpointHideItsKey(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	const key = "k3y-0123456789abcdef"
	for _, url := range []string{
		"http://127.0.0.1:1/v3/" + key,
		"http://127.0.0.1:1/?apikey=" + key,
		"http://user:" + key + "@127.0.0.1:1/",
	} {
		_, err := chain.Dial(ctx, url, chain.Addresses{}, chain.WithCallTimeout(2*time.Second))
		if err == nil {
			t.Fatalf("dialled %s", url)
		}
		if strings.Contains(err.Error(), key) {
			t.Errorf("the error shows the key: %v", err)
		}
		if !strings.Contains(err.Error(), "127.0.0.1:1") {
			t.Errorf("the error does not name the endpoint: %v", err)
		}
	}
}
