package node_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
)

// signingAction tries to sign with the PKP publicKey and reports what the node said.
const signingAction = `(async () => {
  let outcome = "signed";
  try {
    await Lit.Actions.signEcdsa({ toSign: ethers.utils.arrayify(ethers.utils.keccak256("0x01")), publicKey, sigName: "sig" });
  } catch (e) {
    outcome = e.message;
  }
  Lit.Actions.setResponse({ response: outcome });
})();`

func cidOf(t *testing.T, code string) string {
	t.Helper()
	c, err := ipfs.CIDOf(strings.NewReader(code))
	if err != nil {
		t.Fatal(err)
	}
	return c.String()
}

func canonical(t *testing.T, cid string) []byte {
	t.Helper()
	b, err := chain.CanonicalCID(cid)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// authSigOf is a session of the account's key: what executions and signatures take.
func authSigOf(t *testing.T, a devchain.Account) client.Auth {
	t.Helper()
	s, err := client.NewSession(a.Key, client.SessionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authSigStruct(t *testing.T, a devchain.Account) *access.AuthSig {
	t.Helper()
	sig, err := access.CreateAuthSig(a.Key, access.AuthSigOptions{ChainID: devchain.ChainID})
	if err != nil {
		t.Fatal(err)
	}
	return sig
}

func pubHex(p chain.PKP) string { return "0x" + hex.EncodeToString(p.PublicKey) }

// On a network with PKPs on chain: who may sign from an action (checked directly and through
// /web/execute), and a Lit Action access-control condition evaluated by a node.
func TestLitActionsOnANetworkWithPKPs(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	// The condition action below fetches an allow list from a test server on loopback, which
	// actions may reach only because the operator allowed it.
	c := testnet.Start(ctx, t, 4, testnet.WithChain(), testnet.WithConfig(func(_ int, cfg *node.Config) {
		cfg.ActionFetchAllow = []string{"127.0.0.1"}
	}))
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	// Keys for epoch 1 come before PKP signing for it: a signEcdsa reaching a node whose
	// signing service is still starting is refused, and the others wait on it.
	c.WaitFor(ctx, "PKP signing ready on every node", func() (bool, string) {
		for _, m := range c.Members() {
			if nd := m.Node(); nd != nil {
				if _, ok := nd.PKPPools(); !ok {
					return false, fmt.Sprintf("node %d: PKP signing not ready", m.Index)
				}
			}
		}
		return true, ""
	})
	cl := client.New(c.NetworkFile())
	defer cl.Close()

	owner, other := devchain.Accounts()[1], devchain.Accounts()[2]
	permittedCID := cidOf(t, signingAction)
	grantedCID := cidOf(t, signingAction+"\n// the Mint/Grant/Burn action")
	strangerCID := cidOf(t, signingAction+"\n// never permitted")

	owned, err := c.Chain.MintPKP(ctx, owner.Key)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Chain.PermitAction(ctx, owner.Key, owned.TokenID, canonical(t, permittedCID)); err != nil {
		t.Fatal(err)
	}
	burned, err := c.Chain.MintGrantAndBurnPKP(ctx, owner.Key, canonical(t, grantedCID))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Chain.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	var unknown chain.PKP
	unknown.PublicKey, _ = hex.DecodeString("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")

	t.Run("the signing rule", func(t *testing.T) {
		withAddress, err := c.Chain.MintPKP(ctx, owner.Key)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Chain.PermitAddress(ctx, owner.Key, withAddress.TokenID, other.Address); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name    string
			pkp     chain.PKP
			stack   []string // the call stack, the running action last
			auth    common.Address
			refusal string // "" when allowed
		}{
			{name: "an action whose CID the PKP permits, for anyone", pkp: owned, stack: []string{permittedCID}, auth: other.Address},
			{name: "an action whose CID the PKP permits, without an authSig", pkp: owned, stack: []string{permittedCID}},
			{name: "a child action whose caller's CID the PKP permits", pkp: owned, stack: []string{permittedCID, strangerCID}, auth: other.Address},
			{name: "a caller whose child's CID the PKP permits", pkp: owned, stack: []string{strangerCID, permittedCID}, auth: other.Address},
			{name: "any action for the PKP's owner", pkp: owned, stack: []string{strangerCID}, auth: owner.Address},
			{name: "any action for a permitted address", pkp: withAddress, stack: []string{strangerCID}, auth: other.Address},
			{name: "an action not permitted, for someone else", pkp: owned, stack: []string{strangerCID}, auth: other.Address, refusal: "Lit Action " + strangerCID + " is not permitted to sign"},
			{name: "a call stack none of whose actions is permitted", pkp: owned, stack: []string{strangerCID, grantedCID}, auth: other.Address, refusal: "none of the Lit Actions of the call stack"},
			{name: "an action not permitted, without an authSig", pkp: owned, stack: []string{strangerCID}, refusal: "the request has no authSig"},
			{name: "the action a Mint/Grant/Burn PKP was granted to", pkp: burned, stack: []string{grantedCID}, auth: other.Address},
			{name: "another action with a Mint/Grant/Burn PKP, even for its minter", pkp: burned, stack: []string{permittedCID}, auth: owner.Address, refusal: "neither owns it nor is a permitted address"},
			{name: "a key no PKP has", pkp: unknown, stack: []string{permittedCID}, auth: owner.Address, refusal: "no PKP has the public key"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				got, err := node.ActionMaySign(ctx, c.Chain, pubHex(tc.pkp), tc.stack, tc.auth, 1)
				switch {
				case tc.refusal == "" && err != nil:
					t.Fatalf("refused: %v", err)
				case tc.refusal == "" && got.Cmp(tc.pkp.TokenID) != 0:
					t.Fatalf("allowed PKP %s, want %s", got, tc.pkp.TokenID)
				case tc.refusal != "" && (err == nil || !strings.Contains(err.Error(), tc.refusal)):
					t.Fatalf("got %v, want a refusal mentioning %q", err, tc.refusal)
				case tc.refusal != "" && api.KindOf(err) != api.KindForbidden:
					t.Fatalf("refusal %v is not forbidden", err)
				}
			})
		}
	})

	t.Run("signEcdsa in an action applies the rule", func(t *testing.T) {
		cid, _, err := cl.PinAction(ctx, []byte(signingAction), authSigStruct(t, owner))
		if err != nil || cid != permittedCID {
			t.Fatalf("pin: %s, %v", cid, err)
		}
		run := func(req client.ExecuteRequest, pkp chain.PKP) *client.ExecuteResult {
			t.Helper()
			req.JSParams = json.RawMessage(fmt.Sprintf(`{"publicKey": %q}`, pubHex(pkp)))
			res, err := cl.Execute(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if res.Agreed != 4 {
				for _, n := range res.Nodes {
					t.Logf("%s: %s / %s", n.URL, n.Error, clipResult(n.Result))
				}
				t.Fatalf("only %d of 4 nodes agree", res.Agreed)
			}
			return res
		}
		// An allowed signEcdsa yields shares the client combines into a signature of the PKP.
		signed := func(what string, res *client.ExecuteResult, pkp chain.PKP) {
			t.Helper()
			sig := res.Signatures["sig"]
			if res.Response != "signed" || sig == nil {
				t.Fatalf("%s: response %q, signature %v (%v)", what, res.Response, sig, res.SignatureErrors)
			}
			if sig.PublicKey != pubHex(pkp) {
				t.Fatalf("%s: signed by %s, want %s", what, sig.PublicKey, pubHex(pkp))
			}
		}
		signed("permitted CID", run(client.ExecuteRequest{CID: cid, Auth: authSigOf(t, other)}, owned), owned)
		another, err := c.Chain.MintPKP(ctx, owner.Key)
		if err != nil {
			t.Fatal(err)
		}
		if got := run(client.ExecuteRequest{CID: cid, Auth: authSigOf(t, other)}, another); !strings.Contains(got.Response, "is not permitted to sign") || got.Signatures["sig"] != nil {
			t.Errorf("CID not permitted for the PKP, someone else's authSig: %q", got.Response)
		}
		signed("the owner's authSig", run(client.ExecuteRequest{CID: cid, Auth: authSigOf(t, owner)}, another), another)
		signed("inline code for the owner", run(client.ExecuteRequest{Code: []byte(signingAction), Auth: authSigOf(t, owner)}, another), another)
		// Inline code is the code its CID names: a permitted CID lets it sign, as on Lit.
		signed("inline code of a permitted CID", run(client.ExecuteRequest{Code: []byte(signingAction), Auth: authSigOf(t, other)}, owned), owned)

		// Mint/Grant/Burn: the PKP signs through the action it was granted to, and only that.
		granted := signingAction + "\n// the Mint/Grant/Burn action"
		gcid, _, err := cl.PinAction(ctx, []byte(granted), authSigStruct(t, owner))
		if err != nil || gcid != grantedCID {
			t.Fatalf("pin the granted action: %s, %v", gcid, err)
		}
		signed("the Mint/Grant/Burn PKP through its action", run(client.ExecuteRequest{CID: gcid, Auth: authSigOf(t, other)}, burned), burned)
		if got := run(client.ExecuteRequest{CID: cid, Auth: authSigOf(t, owner)}, burned); got.Signatures["sig"] != nil {
			t.Error("the Mint/Grant/Burn PKP signed through another action")
		}
		hash := sha256.Sum256([]byte("direct"))
		minterAuth, err := client.NewSession(owner.Key, client.SessionOptions{TTL: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := cl.PKPSign(ctx, pubHex(burned), hash, minterAuth); err == nil {
			t.Error("the minter signed directly with a Mint/Grant/Burn PKP")
		}
	})

	t.Run("a Lit Action condition gates access", func(t *testing.T) {
		allowList := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, "[%q]", strings.ToLower(owner.Address.Hex()))
		}))
		defer allowList.Close()
		// The shape of Lit's documented condition actions: a function of the parameters whose
		// result the returnValueTest compares as a string.
		code := `const go = async (user, listURL) => {
  const allowed = await fetch(listURL).then((r) => r.json());
  return allowed.includes(user.toLowerCase());
};`
		cid, _, err := cl.PinAction(ctx, []byte(code), authSigStruct(t, owner))
		if err != nil {
			t.Fatal(err)
		}
		raw := fmt.Sprintf(`[{"contractAddress": "ipfs://%s", "standardContractType": "LitAction", "chain": "litdevnet",
			"method": "go", "parameters": [":userAddress", %q], "returnValueTest": {"comparator": "=", "value": "true"}}]`, cid, allowList.URL)
		conds, err := access.Parse(access.KindAccessControl, []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		ev := c.Members()[2].Node().Evaluator()
		if err := ev.Check(ctx, conds, access.Subject{Address: owner.Address}); err != nil {
			t.Fatalf("the allowed address is refused: %v", err)
		}
		err = ev.Check(ctx, conds, access.Subject{Address: other.Address})
		var notMet *access.NotMetError
		if !errors.As(err, &notMet) || !strings.Contains(err.Error(), "Lit Action "+cid+" go()") {
			t.Fatalf("another address: %v, want conditions not met by the Lit Action", err)
		}

		failing := fmt.Sprintf(`[{"contractAddress": "ipfs://%s", "standardContractType": "LitAction", "chain": "litdevnet",
			"method": "nope", "parameters": [], "returnValueTest": {"comparator": "=", "value": "true"}}]`, cid)
		conds, err = access.Parse(access.KindAccessControl, []byte(failing))
		if err != nil {
			t.Fatal(err)
		}
		err = ev.Check(ctx, conds, access.Subject{Address: owner.Address})
		if api.KindOf(err) != api.KindBadRequest || !strings.Contains(err.Error(), "nope is not defined") {
			t.Fatalf("a condition calling a missing function: %v", err)
		}

		// From inside an action the same condition is refused, not run in a second worker.
		check := fmt.Sprintf(`(async () => {
  try { await Lit.Actions.checkConditions({ conditions: %s, chain: "litdevnet" }); }
  catch (e) { Lit.Actions.setResponse({ response: e.message }); }
})();`, raw)
		res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(check), Auth: authSigOf(t, owner)})
		if err != nil || !strings.Contains(res.Response, "cannot be checked from inside a Lit Action") {
			t.Fatalf("checkConditions with a Lit Action condition from an action: %+v, %v", res, err)
		}
	})

	t.Run("an action reads the chain through the node", func(t *testing.T) {
		code := fmt.Sprintf(`(async () => {
  const url = await Lit.Actions.getRpcUrl({ chain: "litdevnet" });
  const permitted = await Lit.Actions.isPermittedAction({ tokenId: %q, ipfsId: %q });
  const holds = await Lit.Actions.checkConditions({ conditions: [{ contractAddress: "", standardContractType: "", chain: "litdevnet",
    method: "", parameters: [":userAddress"], returnValueTest: { comparator: "=", value: %q } }] });
  // The node's RPC proxy, never the chain endpoint itself (rpcproxy_test.go tests the proxy).
  const proxied = url.startsWith("http://127.0.0.1:") && !url.startsWith(%q);
  Lit.Actions.setResponse({ response: [proxied, permitted, holds].join(" ") });
})();`, owned.TokenID.String(), permittedCID, owner.Address.Hex(), c.Deployment.RPCURL)
		res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(code), Auth: authSigOf(t, owner)})
		if err != nil {
			t.Fatal(err)
		}
		if want := "true true true"; res.Response != want {
			t.Fatalf("response %q, want %q", res.Response, want)
		}
		res, err = cl.Execute(ctx, client.ExecuteRequest{Code: []byte(code), Auth: authSigOf(t, other)})
		if err != nil || !strings.HasSuffix(res.Response, " true false") {
			t.Fatalf("for another address: %+v, %v", res, err)
		}
	})
}

func clipResult(v any) string {
	raw, _ := json.Marshal(v)
	if len(raw) > 400 {
		raw = raw[:400]
	}
	return string(raw)
}
