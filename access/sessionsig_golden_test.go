package access_test

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// golden is testdata/sessionsigs_lit_v7.json, made by testdata/gen/gen.js with Lit's own JS SDK
// (@lit-protocol/auth-helpers and lit-node-client-nodejs 7.4.0, getSessionSigs).
type golden struct {
	WalletAddress     string          `json:"walletAddress"`
	SessionPublicKey  string          `json:"sessionPublicKey"`
	Nodes             []string        `json:"nodes"`
	Conditions        json.RawMessage `json:"accessControlConditions"`
	DataToEncryptHash string          `json:"dataToEncryptHash"`
	AccResource       string          `json:"accResource"`
	PKPTokenID        string          `json:"pkpTokenId"`
	ActionCID         string          `json:"actionCid"`
	Cases             []struct {
		Name        string                    `json:"name"`
		SessionSigs map[string]access.AuthSig `json:"sessionSigs"`
	} `json:"cases"`
	PlainAuthSig access.AuthSig `json:"plainAuthSig"`
}

func loadGolden(t *testing.T) *golden {
	t.Helper()
	raw, err := os.ReadFile("testdata/sessionsigs_lit_v7.json")
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	return &g
}

// goldenSeed is how gen.js derives its fixed keys: keccak256 of a label.
func goldenSeed(label string) []byte { return crypto.Keccak256([]byte(label)) }

// goldenNow is a moment inside every golden signature's validity: a minute after it was made.
func goldenNow(t *testing.T, s access.AuthSig) time.Time {
	t.Helper()
	m, err := access.ParseSessionMessage(s.SignedMessage)
	if err != nil {
		t.Fatalf("parse golden session message: %v", err)
	}
	return m.IssuedAt.Add(time.Minute)
}

func (g *golden) requests(t *testing.T) map[string]access.ResourceAbility {
	t.Helper()
	conds, err := access.ParseRequest(g.Conditions, nil, nil)
	if err != nil {
		t.Fatalf("parse the golden conditions: %v", err)
	}
	data, err := hex.DecodeString(g.DataToEncryptHash)
	if err != nil {
		t.Fatal(err)
	}
	tok, ok := new(big.Int).SetString(strings.TrimPrefix(g.PKPTokenID, "0x"), 16)
	if !ok {
		t.Fatal("golden pkp token id")
	}
	return map[string]access.ResourceAbility{
		"decrypt":       access.DecryptionRequest(conds.LitHash(), [32]byte(data)),
		"pkp":           access.PKPSigningRequest(tok),
		"action":        access.ExecutionRequest(g.ActionCID),
		"another pkp":   access.PKPSigningRequest(big.NewInt(7)),
		"another cid":   access.ExecutionRequest("QmQm5bYDbstxxD1aVKS3q1YD8LxnwvpTyKiQDz1hKfz2Xy"),
		"another conds": access.DecryptionRequest([32]byte{1}, [32]byte(data)),
	}
}

// The decryption resource Lit's SDK grants names the conditions by Lit's hash, which litmesh
// computes the same way (LitHash): the node asks for exactly that resource.
func TestGoldenConditionsHashIsLits(t *testing.T) {
	g := loadGolden(t)
	conds, err := access.ParseRequest(g.Conditions, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := conds.LitHash()
	if want, _, _ := strings.Cut(g.AccResource, "/"); hex.EncodeToString(h[:]) != want {
		t.Fatalf("Lit hash %x, Lit's SDK says %s", h, want)
	}
}

func TestGoldenSessionSigsFromLitsSDKVerify(t *testing.T) {
	g := loadGolden(t)
	reqs := g.requests(t)
	wants := []struct {
		allowed, refused []string
	}{
		{allowed: []string{"decrypt"}, refused: []string{"another conds", "pkp", "action"}},
		{allowed: []string{"pkp", "action", "another pkp", "another cid"}, refused: []string{"decrypt"}},
		{allowed: []string{"pkp", "action"}, refused: []string{"another pkp", "another cid", "decrypt"}},
	}
	if len(g.Cases) != len(wants) {
		t.Fatalf("%d golden cases, want %d", len(g.Cases), len(wants))
	}
	for ci, c := range g.Cases {
		for _, node := range g.Nodes {
			s := c.SessionSigs[node]
			now := goldenNow(t, s)
			opts := func(req string, nodeAddr string) access.SessionOptions {
				return access.SessionOptions{NodeAddresses: []string{nodeAddr}, Request: reqs[req], Now: now}
			}
			for _, r := range wants[ci].allowed {
				auth, err := access.VerifySessionSig(context.Background(), &s, opts(r, node))
				if err != nil {
					t.Errorf("%s, %s, %s: %v", c.Name, node, r, err)
					continue
				}
				if auth.Address.Hex() != g.WalletAddress || hex.EncodeToString(auth.Session.Key) != g.SessionPublicKey {
					t.Errorf("%s: verified as %s with session key %x, want %s and %s", c.Name, auth.Address.Hex(), auth.Session.Key, g.WalletAddress, g.SessionPublicKey)
				}
			}
			for _, r := range wants[ci].refused {
				if _, err := access.VerifySessionSig(context.Background(), &s, opts(r, node)); api.KindOf(err) != api.KindForbidden {
					t.Errorf("%s, %s: %s was not refused as forbidden: %v", c.Name, node, r, err)
				}
			}
			// The signature made for one node is refused by the other.
			for _, other := range g.Nodes {
				if other == node {
					continue
				}
				_, err := access.VerifySessionSig(context.Background(), &s, opts(wants[ci].allowed[0], other))
				if api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), "nodeAddress") {
					t.Errorf("%s: the signature for %s was not refused by %s naming nodeAddress: %v", c.Name, node, other, err)
				}
			}
		}
	}
}

// litmesh writes session signatures and capabilities byte for byte as Lit's SDK does: the same
// inputs give the same signed message and, ed25519 being deterministic, the same signature;
// the same grants give the same ReCap and statement.
func TestGoldenSessionSigsAreReproducedByteForByte(t *testing.T) {
	g := loadGolden(t)
	session := ed25519.NewKeyFromSeed(goldenSeed("litmesh golden session key"))
	if hex.EncodeToString(session.Public().(ed25519.PublicKey)) != g.SessionPublicKey {
		t.Fatal("the session key does not derive as gen.js derives it")
	}
	for _, c := range g.Cases {
		for _, node := range g.Nodes {
			s := c.SessionSigs[node]
			m, err := access.ParseSessionMessage(s.SignedMessage)
			if err != nil {
				t.Fatal(err)
			}
			again, err := access.SignSession(session, m)
			if err != nil {
				t.Fatal(err)
			}
			if again.SignedMessage != s.SignedMessage {
				t.Fatalf("%s: signed message differs from Lit's:\n got %s\nwant %s", c.Name, again.SignedMessage, s.SignedMessage)
			}
			if *again != s {
				t.Fatalf("%s: session signature differs from Lit's:\n got %+v\nwant %+v", c.Name, again, s)
			}
			capMsg, err := access.ParseSIWE(m.Capabilities[0].SignedMessage)
			if err != nil {
				t.Fatal(err)
			}
			rc, err := access.NewRecap(m.Requests...)
			if err != nil {
				t.Fatal(err)
			}
			if capMsg.Resources[len(capMsg.Resources)-1] != rc.URN() {
				t.Errorf("%s: ReCap %s, Lit's SDK wrote %s", c.Name, rc.URN(), capMsg.Resources[0])
			}
			if !strings.HasSuffix(capMsg.Statement, " "+rc.Statement()) {
				t.Errorf("%s: statement %q does not end with ours %q", c.Name, capMsg.Statement, rc.Statement())
			}
		}
	}
}

func TestGoldenPlainAuthSigFromLitsSDKVerifies(t *testing.T) {
	g := loadGolden(t)
	m, err := access.ParseSIWE(g.PlainAuthSig.SignedMessage)
	if err != nil {
		t.Fatal(err)
	}
	auth, err := g.PlainAuthSig.Verify(access.VerifyOptions{Now: m.IssuedAt.Add(time.Minute), RequireExpiration: true, MaxLifetime: access.DefaultMaxLifetime})
	if err != nil {
		t.Fatal(err)
	}
	other, err := crypto.ToECDSA(goldenSeed("litmesh golden other wallet"))
	if err != nil {
		t.Fatal(err)
	}
	if auth.Address != crypto.PubkeyToAddress(other.PublicKey) {
		t.Fatalf("verified as %s", auth.Address.Hex())
	}
	// A plain authSig is no session signature.
	if _, err := access.VerifySessionSig(context.Background(), &g.PlainAuthSig, access.SessionOptions{}); api.KindOf(err) != api.KindUnauthorized {
		t.Fatalf("a plain authSig passed as a session signature: %v", err)
	}
}
