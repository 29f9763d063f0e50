package client

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
)

// A session signature is made once per node, resource and chain and reused while its
// capability is current, and each one verifies at the node it names.
func TestSessionSignaturesAreReusedPerNodeAndResource(t *testing.T) {
	wallet, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSession(wallet, SessionOptions{Domain: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	pkp1, pkp2 := access.PKPSigningRequest(big.NewInt(1)), access.PKPSigningRequest(big.NewInt(2))
	get := func(node string, req access.ResourceAbility) json.RawMessage {
		t.Helper()
		b, err := s.authFor(ctx, node, req, 1337)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a := get("https://127.0.0.1:1", pkp1)
	if again := get("https://127.0.0.1:1", pkp1); !bytes.Equal(a, again) {
		t.Error("a second request to the same node for the same resource made a new session signature")
	}
	b := get("https://127.0.0.1:2", pkp1)
	c := get("https://127.0.0.1:1", pkp2)
	if bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Fatal("a session signature was reused for another node or another resource")
	}
	for _, tc := range []struct {
		raw  json.RawMessage
		node string
		req  access.ResourceAbility
	}{{a, "https://127.0.0.1:1", pkp1}, {b, "https://127.0.0.1:2", pkp1}, {c, "https://127.0.0.1:1", pkp2}} {
		sig, err := access.ParseAuthSig(tc.raw)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := access.VerifySessionSig(ctx, sig, access.SessionOptions{
			NodeAddresses: []string{tc.node}, Request: tc.req, Now: time.Now(),
		}); err != nil {
			t.Errorf("reused session signature for %s refused: %v", tc.node, err)
		}
	}
}
