package testnet_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// schemeSignAndCombine signs in the action with a scheme and returns the SignedDataOutput JSON
// it got; toSign comes as hex.
const schemeSignAndCombine = `(async () => {
  const sig = await Lit.Actions.signAndCombine({
    toSign: ethers.utils.arrayify('0x' + toSign), publicKey, sigName: 'sig', signingScheme: scheme,
  });
  Lit.Actions.setResponse({ response: sig });
})();`

// schemeSign sends the nodes' shares to the client, which combines them.
const schemeSign = `(async () => {
  const r = await Lit.Actions.sign({
    toSign: ethers.utils.arrayify('0x' + toSign), publicKey, sigName: 'sig', signingScheme: scheme,
  });
  Lit.Actions.setResponse({ response: r });
})();`

// Lit.Actions.signAndCombine and Lit.Actions.sign sign with every scheme of PKPs on a cluster:
// each signature passes an independent verifier (crypto/ed25519, btcec's schnorr.Verify,
// blst) under the PKP's key; a scheme that does not fit the PKP's key type, Lit's
// proof-of-possession BLS name and a PKP named by public key are refused with errors naming
// the problem; the example actions of examples/actions run.
func TestLitActionsSignWithEveryScheme(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c := pkptest.Cluster(ctx, t, 4, 4, 1, func(_ int, cfg *node.Config) {
		cfg.ActionTimeout = node.Duration{Duration: 20 * time.Second}
		cfg.ActionWorkers = 2
	})
	pkptest.WaitFrostPools(ctx, c, 1)
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	const owner = 7
	pkps := pkptest.SchemePKPs(ctx, t, cl, c, owner)
	cf := &conformance{t: t, ctx: ctx, c: c, cl: cl, auth: pkptest.Session(t, pkptest.DevKey(t, owner)), pinned: map[string]string{}}

	for i, sc := range pkptest.SchemeCases {
		p := pkps[sc.KT]
		want, _ := hex.DecodeString(strings.TrimPrefix(p.PublicKey, "0x"))
		if sc.Scheme == api.SchemeSchnorrK256Taproot {
			want = want[1:] // the x-only key
		}
		t.Run(sc.Scheme+"/signAndCombine", func(t *testing.T) {
			msg := sc.Msg(100 + i)
			res := cf.run(t, schemeSignAndCombine, map[string]string{"toSign": hex.EncodeToString(msg), "publicKey": p.TokenID, "scheme": sc.Scheme})
			var out struct {
				Signature    string `json:"signature"`
				VerifyingKey string `json:"verifying_key"`
				SignedData   string `json:"signed_data"`
				RecoveryID   *int   `json:"recovery_id"`
			}
			decodeResponse(t, res, &out)
			sig, err1 := hex.DecodeString(out.Signature)
			pub, err2 := hex.DecodeString(out.VerifyingKey)
			if err1 != nil || err2 != nil || out.SignedData != hex.EncodeToString(msg) || out.RecoveryID != nil {
				t.Fatalf("not SignedDataOutput of the message: %s", res.Response)
			}
			if string(pub) != string(want) {
				t.Fatalf("verifying_key %x, the PKP's key is %x", pub, want)
			}
			pkptest.VerifySchemeSignature(t, sc.Scheme, pub, msg, sig)
			if len(res.Shares) != 0 {
				t.Fatalf("signAndCombine's shares went to the client: %v", res.Shares)
			}
		})
		t.Run(sc.Scheme+"/sign", func(t *testing.T) {
			msg := sc.Msg(200 + i)
			res := cf.run(t, schemeSign, map[string]string{"toSign": hex.EncodeToString(msg), "publicKey": p.TokenID, "scheme": sc.Scheme})
			sig := res.SchemeSignatures["sig"]
			if sig == nil || res.Response != "success" {
				t.Fatalf("no combined signature (errors %v, response %q)", res.SignatureErrors, res.Response)
			}
			pkptest.VerifyIndependently(t, sig, msg, want)
			if len(sig.Rejected) != 0 {
				t.Fatalf("honest nodes rejected: %v", sig.Rejected)
			}
		})
	}

	t.Run("refusals", func(t *testing.T) {
		ed, blsPKP := pkps[chain.KeyTypeEd25519], pkps[chain.KeyTypeBLSPKP]
		for _, tc := range []struct {
			name, code, publicKey, scheme, want string
		}{
			{"an Ed25519 PKP with BIP-340", schemeSignAndCombine, ed.TokenID, api.SchemeSchnorrK256Taproot, "is a ed25519 PKP: it signs with SchnorrEd25519Sha512, not SchnorrK256Taproot"},
			{"an Ed25519 PKP with ECDSA", schemeSign, ed.TokenID, api.SchemeEcdsaK256Sha256, "want the PKP's secp256k1 public key"},
			{"a BLS PKP with Lit's proof-of-possession scheme", schemeSign, blsPKP.TokenID, api.SchemeBLSProofOfPossession, api.SchemeBLSAugmentation},
			{"a scheme litmesh does not sign with", schemeSign, ed.TokenID, "EcdsaP256Sha256", "is not one litmesh signs with"},
			{"a PKP named by its public key", schemeSign, pkps[chain.KeyTypeSchnorrK256].PublicKey, api.SchemeSchnorrK256Sha256, "names its PKP by token id"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				hash := sha256.Sum256([]byte("m")) // 32 bytes, as ECDSA needs
				failed := cf.fails(t, tc.code, map[string]string{"toSign": hex.EncodeToString(hash[:]), "publicKey": tc.publicKey, "scheme": tc.scheme})
				if !strings.Contains(failed.Message, tc.want) {
					t.Fatalf("got %v, want an error saying %q", failed, tc.want)
				}
			})
		}
	})

	t.Run("examples", func(t *testing.T) {
		read := func(name string) string {
			b, err := os.ReadFile(filepath.Join("..", "examples", "actions", name))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		res := cf.run(t, read("sign-ed25519.js"), map[string]string{"tokenId": pkps[chain.KeyTypeEd25519].TokenID, "message": "a Solana transfer"})
		var ed struct{ Signature, PublicKey, SignedData string }
		decodeResponse(t, res, &ed)
		sig, _ := hex.DecodeString(ed.Signature)
		pub, _ := hex.DecodeString(ed.PublicKey)
		pkptest.VerifySchemeSignature(t, api.SchemeSchnorrEd25519Sha512, pub, []byte("a Solana transfer"), sig)
		if s := res.SchemeSignatures["solana"]; s == nil {
			t.Fatalf("sign-ed25519.js: no client-side signature (%v)", res.SignatureErrors)
		} else {
			pkptest.VerifyIndependently(t, s, []byte("a Solana transfer"), pub)
		}
		res = cf.run(t, read("sign-taproot.js"), map[string]string{"tokenId": pkps[chain.KeyTypeSchnorrK256].TokenID, "message": "a taproot spend"})
		var tap struct{ Signature, XOnlyKey, Sighash string }
		decodeResponse(t, res, &tap)
		sig, _ = hex.DecodeString(tap.Signature)
		pub, _ = hex.DecodeString(tap.XOnlyKey)
		sighash := sha256.Sum256([]byte("a taproot spend"))
		if tap.Sighash != hex.EncodeToString(sighash[:]) {
			t.Fatalf("sign-taproot.js signed %s, not the message's SHA-256", tap.Sighash)
		}
		pkptest.VerifySchemeSignature(t, api.SchemeSchnorrK256Taproot, pub, sighash[:], sig)
	})
}

// The BLS client stops at the first T partial signatures that combine: a node that never
// answers is neither waited for nor blamed. (Before, the client waited for every node until its
// context ran out and then named the silent one.)
func TestBLSClientStopsAtTPartials(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	release := make(chan struct{})
	entered := make(chan struct{}, 16)
	c := pkptest.Cluster(ctx, t, 4, 2, 1, func(i int, cfg *node.Config) {
		if i == 0 {
			cfg.PKPHooks = &node.PKPHooks{SchemeShare: func(scheme string, share []byte) []byte {
				if scheme == api.SchemeBLSAugmentation {
					entered <- struct{}{}
					<-release // a node that is slow to answer, here until the test ends
				}
				return share
			}}
		}
	})
	defer close(release) // before the cluster stops
	slow := c.Members()[0].ID.String()
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	const owner = 6
	p, err := cl.MintPKPOfType(ctx, pkptest.DevKey(t, owner), chain.KeyTypeBLSPKP)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := hex.DecodeString(strings.TrimPrefix(p.PublicKey, "0x"))
	// Well inside the client's 45 s share timeout: waiting for the silent node would run into
	// this deadline, and the node would be rejected for it.
	sctx, scancel := context.WithTimeout(ctx, 20*time.Second)
	defer scancel()
	msg := []byte("T partials are enough")
	sig, err := cl.PKPSignScheme(sctx, p.TokenID, api.SchemeBLSAugmentation, msg, pkptest.Session(t, pkptest.DevKey(t, owner)), nil)
	if err != nil {
		t.Fatal(err)
	}
	pkptest.VerifyIndependently(t, sig, msg, want)
	select {
	case <-entered: // the slow node was asked (and holds its answer until the test ends)
	case <-ctx.Done():
		t.Fatal("the slow node was never asked")
	}
	if len(sig.Rejected) != 0 || slices.Contains(sig.Signers, slow) {
		t.Fatalf("the client waited for the slow node: rejected %v, signers %v", sig.Rejected, sig.Signers)
	}
}
