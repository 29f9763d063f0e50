package node

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// A message a wallet signed to delegate its authority — a session capability (URI
// lit:session:<key>, with a ReCap), Lit's capacity delegation (URI lit:capability:delegation),
// or any SIWE message carrying a ReCap — reaches whoever it delegates to, and every node that
// serves that delegate's session signatures. Sent on its own as a plain authSig it must
// authenticate nothing, on any route that takes plain authSigs: decryption shares, IPFS add and
// pin (the address's storage quota), and an action's Lit.Actions.checkConditions. A wallet's
// ordinary sign-in still works on each of them.
func TestAPlainAuthSigThatDelegatesIsRefusedOnEveryPlainRoute(t *testing.T) {
	wallet, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	sessionPub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	encode := func(a *access.AuthSig) json.RawMessage {
		raw, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	capability, err := access.NewCapability(wallet, sessionPub, []access.ResourceAbility{access.PKPSigningRequest(big.NewInt(42))},
		access.CapabilityOptions{TTL: 15 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	rc, err := access.NewRecap(access.DecryptionRequest([32]byte{1}, [32]byte{2}))
	if err != nil {
		t.Fatal(err)
	}
	signed := func(uri string, resources []string) json.RawMessage {
		now := time.Now().UTC().Truncate(time.Millisecond)
		a, err := access.SignSIWE(wallet, &access.SIWEMessage{
			Domain: "localhost", URI: uri, ChainID: 1, IssuedAt: now, ExpirationTime: now.Add(10 * time.Minute),
			Statement: rc.Statement(), Resources: resources,
		})
		if err != nil {
			t.Fatal(err)
		}
		return encode(a)
	}
	delegations := map[string]json.RawMessage{
		"a session capability (lit:session:, ReCap)":                  encode(capability),
		"a session URI in capitals":                                   signed("LIT:SESSION:"+hex.EncodeToString(sessionPub), []string{rc.URN()}),
		"a session URI without a ReCap":                               signed(access.SessionURIPrefix+hex.EncodeToString(sessionPub), nil),
		"Lit's capacity delegation (lit:capability:delegation)":       signed("lit:capability:delegation", []string{rc.URN()}),
		"a ReCap delegating to another URI":                           signed("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", []string{rc.URN()}),
		"a ReCap among other resources, with an ordinary sign-in URI": signed("https://app.example/login", []string{"https://app.example/terms", rc.URN()}),
	}
	login, err := access.CreateAuthSig(wallet, access.AuthSigOptions{TTL: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}

	n := &Node{cfg: Config{AuthMaxLifetime: Duration{24 * time.Hour}}, limits: newLimits(Config{})}
	req := access.DecryptionRequest([32]byte{1}, [32]byte{2})
	paths := map[string]func(raw json.RawMessage) (string, error){
		"decryption (authenticate)": func(raw json.RawMessage) (string, error) {
			a, err := n.authenticate(context.Background(), raw, req)
			if err != nil {
				return "", err
			}
			return a.Address.Hex(), nil
		},
		"IPFS add (Authorization header)": func(raw json.RawMessage) (string, error) {
			r := httptest.NewRequest("POST", "/web/ipfs/add", strings.NewReader("content"))
			r.Header.Set("Authorization", api.AuthSigScheme+" "+base64.StdEncoding.EncodeToString(raw))
			a, err := n.ipfsAuth(r, nil)
			if err != nil {
				return "", err
			}
			return a.Address.Hex(), nil
		},
		"IPFS pin (JSON body)": func(raw json.RawMessage) (string, error) {
			a, err := n.ipfsAuth(httptest.NewRequest("POST", "/web/ipfs/pin", nil), raw)
			if err != nil {
				return "", err
			}
			return a.Address.Hex(), nil
		},
		"checkConditions (conditionSubject)": func(raw json.RawMessage) (string, error) {
			s, err := (&actionHost{svc: &actionService{actionDeps: actionDeps{authenticatePlain: n.authenticatePlain}}}).conditionSubject(context.Background(), raw, "")
			if err != nil {
				return "", err
			}
			return s.Address.Hex(), nil
		},
	}
	for path, authenticate := range paths {
		t.Run(path, func(t *testing.T) {
			if got, err := authenticate(encode(login)); err != nil || got != crypto.PubkeyToAddress(wallet.PublicKey).Hex() {
				t.Fatalf("the wallet's own sign-in: %s, %v", got, err)
			}
			for what, raw := range delegations {
				got, err := authenticate(raw)
				if err == nil {
					t.Errorf("%s, sent as a plain authSig, authenticates %s", what, got)
					continue
				}
				if api.KindOf(err) != api.KindUnauthorized {
					t.Errorf("%s: refused as %s, want unauthorized: %v", what, api.KindOf(err), err)
				}
				if !strings.Contains(err.Error(), "authSig.signedMessage.") {
					t.Errorf("%s: the refusal does not name the field: %v", what, err)
				}
			}
		})
	}
}
