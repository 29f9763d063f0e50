package bench

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
)

func init() {
	Register("execute-sign-combine", ExecuteSignCombine)
	Register("run-once", RunOnce)
}

const signCombineAction = `(async () => {
  const sig = await Lit.Actions.signAndCombineEcdsa({ toSign: ethers.utils.arrayify(toSign), publicKey, sigName: "sig" });
  Lit.Actions.setResponse({ response: sig });
})();`

// ExecuteSignCombine runs, by CID, an action that signs with signAndCombineEcdsa: every node
// makes its share, the nodes exchange them and each combines; the client checks the {r, s, v}
// the action returns against the PKP's address.
func ExecuteSignCombine(t Target) Scenario {
	return Scenario{
		Name:        "execute-sign-combine",
		Description: "run a Lit Action by CID that signs with signAndCombineEcdsa: the nodes combine the signature among themselves",
		Setup: func(ctx context.Context) (Op, error) {
			auth, err := session(t)
			if err != nil {
				return nil, err
			}
			pkp, cid, err := permittedPKP(ctx, t, signCombineAction)
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, _ int, seq int64) error {
				hash := sha256.Sum256([]byte(fmt.Sprintf("bench %d", seq)))
				params, _ := json.Marshal(map[string]string{"publicKey": pkp.PublicKey, "toSign": fmt.Sprintf("0x%x", hash)})
				res, err := t.Client.Execute(ctx, client.ExecuteRequest{CID: cid, JSParams: params, Auth: auth})
				if err != nil {
					return err
				}
				return checkRSV(res.Response, hash, pkp.EthAddress)
			}, nil
		},
	}
}

// checkRSV checks Lit's {r, s, v} JSON (r the compressed R point) recovers addr.
func checkRSV(resp string, hash [32]byte, addr string) error {
	var sig struct {
		R, S string
		V    byte
	}
	if err := json.Unmarshal([]byte(resp), &sig); err != nil || len(sig.R) != 66 {
		return fmt.Errorf("action answered %q, not Lit's {r, s, v}", resp)
	}
	r, err1 := hex.DecodeString(sig.R[2:])
	s, err2 := hex.DecodeString(sig.S)
	if err1 != nil || err2 != nil || len(r) != 32 || len(s) != 32 {
		return fmt.Errorf("action answered %q, not Lit's {r, s, v}", resp)
	}
	pub, err := crypto.SigToPub(hash[:], append(append(r, s...), sig.V))
	if err != nil || crypto.PubkeyToAddress(*pub) != common.HexToAddress(addr) {
		return fmt.Errorf("the combined signature does not recover the PKP %s", addr)
	}
	return nil
}

const runOnceAction = `(async () => {
  const r = await Lit.Actions.runOnce({ waitForResponse: true, name: "once" }, async () => "done");
  Lit.Actions.setResponse({ response: r });
})();`

// RunOnce runs, by CID, an action whose leader runs a function and hands its result to the
// other nodes (runOnce with waitForResponse).
func RunOnce(t Target) Scenario {
	return Scenario{
		Name:        "run-once",
		Description: "run a Lit Action by CID that calls runOnce: one node runs the function, every node gets its result",
		Setup: func(ctx context.Context) (Op, error) {
			auth, err := session(t)
			if err != nil {
				return nil, err
			}
			pinAuth, err := pinAuthSig(t)
			if err != nil {
				return nil, err
			}
			cid, _, err := t.Client.PinAction(ctx, []byte(runOnceAction), pinAuth)
			if err != nil {
				return nil, fmt.Errorf("pin: %w", err)
			}
			return func(ctx context.Context, _ int, _ int64) error {
				res, err := t.Client.Execute(ctx, client.ExecuteRequest{CID: cid, Auth: auth})
				if err != nil {
					return err
				}
				if res.Response != "done" || res.Agreed != len(res.Nodes) {
					return fmt.Errorf("action answered %q on %d of %d nodes", res.Response, res.Agreed, len(res.Nodes))
				}
				return nil
			}, nil
		},
	}
}

// permittedPKP mints a PKP for the target's key, pins code and permits its CID on the PKP.
func permittedPKP(ctx context.Context, t Target, code string) (*client.PKPInfo, string, error) {
	pkp, err := t.Client.MintPKP(ctx, t.Key)
	if err != nil {
		return nil, "", fmt.Errorf("mint a PKP: %w", err)
	}
	pinAuth, err := pinAuthSig(t)
	if err != nil {
		return nil, "", err
	}
	cid, _, err := t.Client.PinAction(ctx, []byte(code), pinAuth)
	if err != nil {
		return nil, "", fmt.Errorf("pin: %w", err)
	}
	cc, err := t.Client.Chain(ctx)
	if err != nil {
		return nil, "", err
	}
	tokenID, ok := new(big.Int).SetString(strings.TrimPrefix(pkp.TokenID, "0x"), 16)
	if !ok {
		return nil, "", fmt.Errorf("token id %q", pkp.TokenID)
	}
	canon, err := chain.CanonicalCID(cid)
	if err != nil {
		return nil, "", err
	}
	if err := cc.PermitAction(ctx, t.Key, tokenID, canon); err != nil {
		return nil, "", fmt.Errorf("permit the action: %w", err)
	}
	return pkp, cid, nil
}
