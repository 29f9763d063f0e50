package node

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
)

// Security review (review-sec): a session capability is a bearer decryption token.
//
// Every node that serves a session-signature request receives, inside it, the wallet-signed
// capability (a SIWE message, URI lit:session:<key>, with a ReCap). Sent on its own as a plain
// authSig, node.authenticate takes it for decryption at any node: the plain path checks neither
// the URI (that it delegates to a session key), nor the ReCap (here it grants only PKP signing
// on one PKP), nor any domain. So one node operator who saw a user's session signature for
// anything — a PKP signature, one decryption — can decrypt everything gated on the user's
// address at every node until the capability expires (up to auth_max_lifetime, 24 h).
// docs/auth.md says "A stolen capability ... is useless without the session's ed25519 private key".
//
// Run: go test ./node -run TestReviewCapabilityAsPlainAuthSig -count=1 -v
// FAILS on main (the capability is accepted); passes once plain authSigs whose URI is
// lit:session:… (or that carry a urn:recap: resource) are refused.
func TestReviewCapabilityAsPlainAuthSig(t *testing.T) {
	wallet, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	sessionPub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	// The capability `lit pkp sign --key` makes: PKP signing on one PKP, nothing else.
	capability, err := access.NewCapability(wallet, sessionPub, []access.ResourceAbility{access.PKPSigningRequest(big.NewInt(42))},
		access.CapabilityOptions{TTL: 15 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(capability)
	if err != nil {
		t.Fatal(err)
	}
	n := &Node{cfg: Config{AuthMaxLifetime: Duration{24 * time.Hour}}}
	req := access.DecryptionRequest([32]byte{1}, [32]byte{2}) // any data, any conditions
	auth, err := n.authenticate(context.Background(), raw, req)
	if err == nil {
		t.Fatalf("a PKP-signing capability, replayed as a plain authSig, authenticates %s for %s", auth.Address.Hex(), req)
	}
	t.Logf("refused: %v", err)
}
