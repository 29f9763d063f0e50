package bench

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
)

func init() {
	Register("sign", Sign)
	Register("decrypt", Decrypt)
	Register("execute", Execute)
	Register("execute-sign", ExecuteSign)
}

// session is a session of the target's key for the whole run: the wallet signs one capability
// per resource (renewed before it expires), every request gets session signatures per node.
func session(t Target) (*client.Session, error) {
	if t.Key == nil {
		return nil, errors.New("no key to authenticate with (pass --key)")
	}
	return client.NewSession(t.Key, client.SessionOptions{TTL: 2 * time.Hour})
}

// pinAuthSig is a SIWE authSig of the target's key for pinning actions (nodes keep files for
// an authenticated address, within its quota).
func pinAuthSig(t Target) (*access.AuthSig, error) {
	if t.Key == nil {
		return nil, errors.New("no key to authenticate with (pass --key)")
	}
	return access.CreateAuthSig(t.Key, access.AuthSigOptions{ChainID: t.Network.Chain.ChainID, TTL: 2 * time.Hour})
}

// Sign is a PKP signature of a fresh hash with a warm presignature pool: the client picks a
// signer set, each signer returns one share, the client combines and verifies. With
// t.Scheme set to a scheme other than ECDSA (docs/schemes.md) it is that scheme's signature of
// a fresh 32-byte message by a PKP of its key type — FROST with warm nonce-commitment pools,
// or BLS partial signatures — combined and verified by the client the same way; the
// scenario is then named sign-SCHEME.
func Sign(t Target) Scenario {
	if t.Scheme != "" && t.Scheme != api.SchemeEcdsaK256Sha256 {
		return signScheme(t)
	}
	return Scenario{
		Name:        "sign",
		Description: "PKP sign of a fresh 32-byte hash (warm presignature pools), combined and verified by the client",
		Setup: func(ctx context.Context) (Op, error) {
			auth, err := session(t)
			if err != nil {
				return nil, err
			}
			pkp, err := t.Client.MintPKP(ctx, t.Key)
			if err != nil {
				return nil, fmt.Errorf("mint a PKP: %w", err)
			}
			return func(ctx context.Context, _ int, seq int64) error {
				hash := sha256.Sum256([]byte(fmt.Sprintf("bench %d", seq)))
				_, err := t.Client.PKPSign(ctx, pkp.TokenID, hash, auth)
				return err
			}, nil
		},
	}
}

func signScheme(t Target) Scenario {
	return Scenario{
		Name:        "sign-" + t.Scheme,
		Description: "PKP " + t.Scheme + " signature of a fresh 32-byte message, combined and verified by the client",
		Setup: func(ctx context.Context) (Op, error) {
			kt, err := client.SchemeKeyType(t.Scheme)
			if err != nil {
				return nil, err
			}
			auth, err := session(t)
			if err != nil {
				return nil, err
			}
			pkp, err := t.Client.MintPKPOfType(ctx, t.Key, kt)
			if err != nil {
				return nil, fmt.Errorf("mint a %s PKP: %w", t.Scheme, err)
			}
			return func(ctx context.Context, _ int, seq int64) error {
				msg := sha256.Sum256([]byte(fmt.Sprintf("bench %d", seq)))
				_, err := t.Client.PKPSignScheme(ctx, pkp.TokenID, t.Scheme, msg[:], auth, nil)
				return err
			}, nil
		},
	}
}

// Decrypt is a threshold decryption of a 1 KiB file gated by "native balance ≥ 1 ETH": every
// node checks the balance on chain and returns a share, the client verifies T of them and
// decrypts.
func Decrypt(t Target) Scenario {
	return Scenario{
		Name:        "decrypt",
		Description: "decrypt 1 KiB gated by a native-balance condition (T verified shares, IBE decrypt)",
		Setup: func(ctx context.Context) (Op, error) {
			auth, err := session(t)
			if err != nil {
				return nil, err
			}
			conds := fmt.Sprintf(`{"accessControlConditions":[{"contractAddress":"","standardContractType":"","chain":%q,"method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1000000000000000000"}}]}`, t.Network.Chain.Name)
			plain := make([]byte, 1024)
			if _, err := rand.Read(plain); err != nil {
				return nil, err
			}
			f, err := t.Client.Encrypt(ctx, []byte(conds), plain)
			if err != nil {
				return nil, fmt.Errorf("encrypt: %w", err)
			}
			return func(ctx context.Context, _ int, _ int64) error {
				d, err := t.Client.Decrypt(ctx, f, auth)
				if err != nil {
					return err
				}
				if !bytes.Equal(d.Plaintext, plain) {
					return errors.New("decrypted the wrong bytes")
				}
				return nil
			}, nil
		},
	}
}

const trivialAction = `Lit.Actions.setResponse({ response: "ok" });`

// Execute runs a trivial Lit Action by CID on every node (warm worker pools, code in each
// node's blockstore) and takes the most common response.
func Execute(t Target) Scenario {
	return Scenario{
		Name:        "execute",
		Description: "run a trivial Lit Action by CID on every node",
		Setup: func(ctx context.Context) (Op, error) {
			auth, err := session(t)
			if err != nil {
				return nil, err
			}
			pinAuth, err := pinAuthSig(t)
			if err != nil {
				return nil, err
			}
			cid, _, err := t.Client.PinAction(ctx, []byte(trivialAction), pinAuth)
			if err != nil {
				return nil, fmt.Errorf("pin: %w", err)
			}
			return func(ctx context.Context, _ int, _ int64) error {
				res, err := t.Client.Execute(ctx, client.ExecuteRequest{CID: cid, Auth: auth})
				if err != nil {
					return err
				}
				if res.Response != "ok" {
					return fmt.Errorf("action answered %q", res.Response)
				}
				return nil
			}, nil
		},
	}
}

const signingAction = `(async () => {
  await Lit.Actions.signEcdsa({ toSign: ethers.utils.arrayify(toSign), publicKey, sigName: "sig" });
  Lit.Actions.setResponse({ response: "signed" });
})();`

// ExecuteSign runs, by CID, an action that signs with a PKP permitting that action: every node
// runs it, the signer set's nodes each return a share, the client combines them.
func ExecuteSign(t Target) Scenario {
	return Scenario{
		Name:        "execute-sign",
		Description: "run a Lit Action by CID that signs with a PKP permitting it; the client combines the signature",
		Setup: func(ctx context.Context) (Op, error) {
			auth, err := session(t)
			if err != nil {
				return nil, err
			}
			pinAuth, err := pinAuthSig(t)
			if err != nil {
				return nil, err
			}
			pkp, err := t.Client.MintPKP(ctx, t.Key)
			if err != nil {
				return nil, fmt.Errorf("mint a PKP: %w", err)
			}
			cid, _, err := t.Client.PinAction(ctx, []byte(signingAction), pinAuth)
			if err != nil {
				return nil, fmt.Errorf("pin: %w", err)
			}
			cc, err := t.Client.Chain(ctx)
			if err != nil {
				return nil, err
			}
			tokenID, ok := new(big.Int).SetString(strings.TrimPrefix(pkp.TokenID, "0x"), 16)
			if !ok {
				return nil, fmt.Errorf("token id %q", pkp.TokenID)
			}
			canon, err := chain.CanonicalCID(cid)
			if err != nil {
				return nil, err
			}
			if err := cc.PermitAction(ctx, t.Key, tokenID, canon); err != nil {
				return nil, fmt.Errorf("permit the action: %w", err)
			}
			return func(ctx context.Context, _ int, seq int64) error {
				hash := sha256.Sum256([]byte(fmt.Sprintf("bench %d", seq)))
				params, _ := json.Marshal(map[string]string{"publicKey": pkp.PublicKey, "toSign": fmt.Sprintf("0x%x", hash)})
				res, err := t.Client.Execute(ctx, client.ExecuteRequest{CID: cid, JSParams: params, Auth: auth})
				if err != nil {
					return err
				}
				if res.Signatures["sig"] == nil {
					return fmt.Errorf("no combined signature: %v", res.SignatureErrors)
				}
				return nil
			}, nil
		},
	}
}
