package node

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// An execute request's session signature is checked once before the body is decoded
// (precheckAuth) and the checked envelope is carried to authenticateChecked, so the session
// key's signature is verified once per request. What was checked authorises only those exact
// bytes: an attacker who sends a genuine session signature where the pre-check reads it and a
// forged one where the request is decoded (duplicate keys, or Lit's route handing the body on)
// gets the forged one verified from scratch, and refused. The carried envelope is still
// checked against the request: a session that does not ask for the action is refused.
func TestAPrecheckedAuthSigAuthorisesOnlyItsOwnBytes(t *testing.T) {
	const url = "https://127.0.0.1:7001"
	n := &Node{cfg: Config{PublicURL: url, AuthMaxLifetime: Duration{24 * time.Hour}}, limits: newLimits(Config{})}
	wallet, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	_, sessionKey, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	actionA := access.ExecutionRequest("QmRwN9GKHvCn4Vk7biqtr6adjXMs7PzzYPCzNCRjPFiDjm")
	actionB := access.ExecutionRequest("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG")
	capability, err := access.NewCapability(wallet, sessionKey.Public().(ed25519.PublicKey), []access.ResourceAbility{actionA}, access.CapabilityOptions{TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	sign := func(issuedAt time.Time) json.RawMessage {
		s, err := access.SignSession(sessionKey, &access.SessionMessage{
			Requests: []access.ResourceAbility{actionA}, Capabilities: []access.AuthSig{*capability},
			IssuedAt: issuedAt, Expiration: now.Add(30 * time.Minute), NodeAddress: url,
		})
		if err != nil {
			t.Fatal(err)
		}
		raw, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	genuine := sign(now.Add(-time.Minute))
	pre, err := n.precheckAuth(genuine, access.AbilityExecution)
	if err != nil {
		t.Fatal(err)
	}
	auth, err := n.authenticateChecked(context.Background(), pre, genuine, actionA)
	if err != nil {
		t.Fatal(err)
	}
	if auth.Address != crypto.PubkeyToAddress(wallet.PublicKey) {
		t.Fatalf("requester %s, want the wallet", auth.Address.Hex())
	}
	if _, err := n.authenticateChecked(context.Background(), pre, genuine, actionB); api.KindOf(err) != api.KindForbidden {
		t.Fatalf("the checked session for another action: got %v, want forbidden", err)
	}

	// The same session signature with its message changed after signing: the signature no
	// longer covers it.
	var forged access.AuthSig
	if err := json.Unmarshal(sign(now.Add(-2*time.Minute)), &forged); err != nil {
		t.Fatal(err)
	}
	var orig access.AuthSig
	if err := json.Unmarshal(genuine, &orig); err != nil {
		t.Fatal(err)
	}
	forged.Sig = orig.Sig
	forgedRaw, err := json.Marshal(&forged)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.authenticateChecked(context.Background(), pre, forgedRaw, actionA); api.KindOf(err) != api.KindUnauthorized {
		t.Fatalf("a forged session signature after a genuine one was pre-checked: got %v, want unauthorized", err)
	}
	ctx := context.WithValue(context.Background(), checkedAuthKey{}, pre)
	if checkedAuthOf(ctx, forgedRaw) != nil {
		t.Fatal("the pre-check of one authSig was handed on for other bytes")
	}
	if checkedAuthOf(ctx, genuine) != pre {
		t.Fatal("the pre-check was not handed on for its own bytes")
	}
}
