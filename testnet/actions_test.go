package testnet_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
)

// anyAction is the grant of a session that may run any Lit Action.
var anyAction = access.ExecutionRequest("*")

// newAuthSig makes a session of a new key that may run any action, and returns it with the
// key's address.
func newAuthSig(t testing.TB) (*client.Session, string) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	s, err := client.NewSession(key, client.SessionOptions{Grants: []access.ResourceAbility{anyAction}})
	if err != nil {
		t.Fatal(err)
	}
	return s, crypto.PubkeyToAddress(key.PublicKey).Hex()
}

// An action written the way Lit's documentation writes them: a go() function run at the top
// level, jsParams as globals, ethers v5 from the global scope.
const litDocsAction = `
const go = async () => {
  const messageHash = ethers.utils.keccak256(ethers.utils.toUtf8Bytes(message));
  const toSign = ethers.utils.arrayify(messageHash);
  console.log("hashed", message);
  Lit.Actions.setResponse({ response: JSON.stringify({ messageHash, bytes: toSign.length, magicNumber }) });
};

go();
`

func TestLitActionsRunOnEveryNodeOfTheNetwork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	c := testnet.Start(ctx, t, 4)
	c.WaitMesh(ctx)
	cl := client.New(c.NetworkFile())
	auth, addr := newAuthSig(t)

	t.Run("a pinned action runs by CID on every node", func(t *testing.T) {
		code := []byte(`Lit.Actions.setResponse({response: "hello " + who + " from " + Lit.Auth.actionIpfsIds[0] + " for " + Lit.Auth.authSigAddress})`)
		cid, _, err := cl.PinAction(ctx, code, anyAuthSig(t))
		if err != nil {
			t.Fatal(err)
		}
		res, err := cl.Execute(ctx, client.ExecuteRequest{CID: cid, JSParams: json.RawMessage(`{"who": "litmesh"}`), Auth: auth})
		if err != nil {
			t.Fatal(err)
		}
		if want := "hello litmesh from " + cid + " for " + addr; res.Response != want || res.Agreed != 4 {
			t.Fatalf("response %q from %d of 4 nodes, want %q from all", res.Response, res.Agreed, want)
		}
		c0, err := ipfs.ParseCID(cid)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range c.Members() {
			if has, err := m.Node().IPFS().HasAll(ctx, c0); err != nil || !has {
				t.Errorf("node %d does not hold the pinned action (%v)", m.Index, err)
			}
		}
	})

	t.Run("an action stored on one node is fetched from its peers by every other node", func(t *testing.T) {
		code := []byte(`Lit.Actions.setResponse({response: String(6 * 7)}) // stored on node 0 only`)
		want, err := c.Members()[0].Node().IPFS().Add(ctx, bytes.NewReader(code))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range c.Members()[1:] {
			if has, err := m.Node().IPFS().HasAll(ctx, want); err != nil || has {
				t.Fatalf("node %d holds the action before running it (%v): the test proves nothing", m.Index, err)
			}
		}
		res, err := cl.Execute(ctx, client.ExecuteRequest{CID: want.String(), Auth: auth})
		if err != nil {
			t.Fatal(err)
		}
		if res.Response != "42" || res.Agreed != 4 {
			t.Fatalf("response %q from %d of 4 nodes", res.Response, res.Agreed)
		}
		for _, m := range c.Members() {
			if has, err := m.Node().IPFS().HasAll(ctx, want); err != nil || !has {
				t.Errorf("node %d does not hold the action after running it (%v)", m.Index, err)
			}
		}
	})

	t.Run("an action written as Lit's docs show runs unmodified", func(t *testing.T) {
		params := json.RawMessage(`{"message": "Hello from a Lit Action", "magicNumber": 42}`)
		res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(litDocsAction), JSParams: params, Auth: auth})
		if err != nil {
			t.Fatal(err)
		}
		hash := "0x" + hex.EncodeToString(crypto.Keccak256([]byte("Hello from a Lit Action")))
		if want := `{"messageHash":"` + hash + `","bytes":32,"magicNumber":42}`; res.Response != want {
			t.Fatalf("response %s, want %s", res.Response, want)
		}
		if res.Logs != "hashed Hello from a Lit Action\n" {
			t.Fatalf("logs %q", res.Logs)
		}
	})

	t.Run("inline code is identified by the CID ipfs add gives it", func(t *testing.T) {
		code := []byte(`Lit.Actions.setResponse({response: Lit.Auth.actionIpfsIds.join(",")})`)
		want, err := ipfs.CIDOf(bytes.NewReader(code))
		if err != nil {
			t.Fatal(err)
		}
		res, err := cl.Execute(ctx, client.ExecuteRequest{Code: code, Auth: auth})
		if err != nil {
			t.Fatal(err)
		}
		if res.Response != want.String() {
			t.Fatalf("the action saw its CID as %q, want %s", res.Response, want)
		}
	})

	t.Run("a failing action is a clear error with its logs, agreed by every node", func(t *testing.T) {
		res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(`console.log("about to fail"); null.boom;`), Auth: auth})
		var failed *client.ActionFailedError
		if !errors.As(err, &failed) || failed.Kind != api.ActionException || failed.Agreed != 4 || !strings.Contains(failed.Message, "null") {
			t.Fatalf("err %v, want an exception from all 4 nodes", err)
		}
		if res == nil || res.Logs != "about to fail\n" {
			t.Fatalf("result %+v, want the logs written before the failure", res)
		}
	})
}

// badActionLimits keep the bad cases quick: a short time limit, a small heap, a short IPFS
// deadline.
func badActionLimits(_ int, cfg *node.Config) {
	cfg.ActionTimeout = node.Duration{Duration: 3 * time.Second}
	cfg.ActionMaxHeapMB = 64
	cfg.IPFSTimeout = node.Duration{Duration: 3 * time.Second}
}

// postExecute sends one /web/execute request as Lit's SDK would, with the session's signature
// for that node if there is a session, and decodes the answer.
func postExecute(t *testing.T, url string, req api.ExecuteRequest, auth *client.Session) (int, api.ExecuteResponse) {
	t.Helper()
	if auth != nil {
		sig, err := auth.SessionSig(url, anyAction, 0)
		if err != nil {
			t.Fatal(err)
		}
		if req.AuthSig, err = json.Marshal(sig); err != nil {
			t.Fatal(err)
		}
	}
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.UnverifiedHTTPClient().Post(url+"/web/execute", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out api.ExecuteResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("HTTP %d body %q: %v", resp.StatusCode, raw, err)
	}
	return resp.StatusCode, out
}

func inline(code string) string { return base64.StdEncoding.EncodeToString([]byte(code)) }

// Each way an action can go wrong gets a clear error naming the problem, through the HTTP API,
// and the node keeps serving: its status and a good action still answer after every one.
func TestBadActionsGetClearErrorsAndTheNodeKeepsServing(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	c := testnet.Start(ctx, t, 1, testnet.WithConfig(badActionLimits))
	url := c.NetworkFile().Nodes[0].URL
	auth, _ := newAuthSig(t)

	random := make([]byte, 64)
	if _, err := rand.Read(random); err != nil {
		t.Fatal(err)
	}
	missing, err := ipfs.CIDOf(bytes.NewReader(random))
	if err != nil {
		t.Fatal(err)
	}
	const pubKey = "0x04" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"

	cases := []struct {
		name       string
		req        api.ExecuteRequest
		wantStatus int
		wantKind   string
		wantInMsg  string
		wantLogs   string
	}{
		{name: "a syntax error", req: api.ExecuteRequest{Code: inline(`Lit.Actions.setResponse({response: "x"`)},
			wantStatus: 400, wantKind: api.ActionSyntaxError, wantInMsg: "SyntaxError"},
		{name: "a thrown exception", req: api.ExecuteRequest{Code: inline(`console.log("before the throw"); throw new Error("boom from the action");`)},
			wantStatus: 400, wantKind: api.ActionException, wantInMsg: "boom from the action", wantLogs: "before the throw\n"},
		{name: "an infinite loop", req: api.ExecuteRequest{Code: inline(`for (;;) {}`)},
			wantStatus: 400, wantKind: api.ActionTimeout, wantInMsg: "time limit of 3s"},
		{name: "a memory bomb", req: api.ExecuteRequest{Code: inline(`const a = []; for (;;) a.push(new Array(1e5).fill(1.5));`)},
			wantStatus: 400, wantKind: api.ActionMemory, wantInMsg: "memory limit"},
		{name: "a huge response the action does not catch", req: api.ExecuteRequest{Code: inline(`Lit.Actions.setResponse({response: "x".repeat(200 * 1024)})`)},
			wantStatus: 400, wantKind: api.ActionException, wantInMsg: "Response is too long. Max length is 102400 bytes"},
		{name: "a fetch to a non-HTTP scheme", req: api.ExecuteRequest{Code: inline(`(async () => { try { await fetch("file:///etc/passwd"); } catch (e) {} Lit.Actions.setResponse({response: "read it"}); })()`)},
			wantStatus: 400, wantKind: api.ActionBadFetchScheme, wantInMsg: `"file" URL`},
		{name: "too many signatures", req: api.ExecuteRequest{
			Code: inline(`(async () => {
				for (let i = 0; i < 11; i++) {
					try { await Lit.Actions.signEcdsa({ toSign: new Uint8Array(32), publicKey, sigName: "sig" + i }); } catch (e) {}
				}
			})()`),
			JSParams: json.RawMessage(`{"publicKey": "` + pubKey + `"}`)},
			wantStatus: 400, wantKind: api.ActionTooManySignatures, wantInMsg: "more than 10 signatures"},
		{name: "a CID no one has", req: api.ExecuteRequest{IPFSID: missing.String()},
			wantStatus: 504, wantKind: string(api.KindTimeout), wantInMsg: "CID not found within the deadline"},
		{name: "both code and a CID", req: api.ExecuteRequest{Code: inline(`1`), IPFSID: missing.String()},
			wantStatus: 400, wantKind: string(api.KindBadRequest), wantInMsg: "not both"},
		{name: "code that is not base64", req: api.ExecuteRequest{Code: "Lit.Actions.setResponse({})"},
			wantStatus: 400, wantKind: string(api.KindBadRequest), wantInMsg: "not base64"},
		{name: "jsParams that are not an object", req: api.ExecuteRequest{Code: inline(`1`), JSParams: json.RawMessage(`[1, 2]`)},
			wantStatus: 400, wantKind: string(api.KindBadRequest), wantInMsg: "jsParams"},
	}
	good := api.ExecuteRequest{Code: inline(`Lit.Actions.setResponse({response: "still here"})`)}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, res := postExecute(t, url, tc.req, auth)
			if status != tc.wantStatus || res.Success || res.Error == nil || res.Error.Kind != tc.wantKind || !strings.Contains(res.Error.Message, tc.wantInMsg) {
				t.Fatalf("HTTP %d %+v (error %+v), want HTTP %d %s mentioning %q", status, res, res.Error, tc.wantStatus, tc.wantKind, tc.wantInMsg)
			}
			if res.Logs != tc.wantLogs {
				t.Fatalf("logs %q, want %q", res.Logs, tc.wantLogs)
			}
			if _, err := client.Status(ctx, url); err != nil {
				t.Fatalf("the node no longer answers /web/status: %v", err)
			}
			if status, res := postExecute(t, url, good, auth); status != 200 || res.Response != "still here" {
				t.Fatalf("a good action after this one: HTTP %d %+v", status, res)
			}
		})
	}

	t.Run("a request without an authSig", func(t *testing.T) {
		status, res := postExecute(t, url, api.ExecuteRequest{Code: inline(`1`)}, nil)
		if status != 401 || res.Error == nil || res.Error.Kind != string(api.KindUnauthorized) {
			t.Fatalf("HTTP %d %+v, want 401 unauthorized", status, res.Error)
		}
	})
}
