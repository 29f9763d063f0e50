// Package pkptest holds the helpers the whole-cluster test packages share (testnet, testnet/attack,
// testnet/epochs): a cluster with warm presignature pools, the dev chain's keys as sessions, raw
// share requests, independent signature verifiers and the devnet balance condition. Test-only:
// imported by _test.go files, never by the product.
package pkptest

import (
	"os"
	"os/exec"
	"slices"

	blst "github.com/supranational/blst/bindings/go"

	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"testing"

	"github.com/btcsuite/btcd/btcec/v2/schnorr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/frost"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
)

// Cluster starts n nodes on a dev chain with the given pool target, and waits for epoch 1
// and for every warm signer set's pool to hold `ready` presignatures at its coordinator.
func Cluster(ctx context.Context, t testing.TB, n, pool, ready int, configure ...func(int, *node.Config)) *testnet.Cluster {
	t.Helper()
	c := testnet.Start(ctx, t, n, testnet.WithChain(), testnet.WithConfig(func(i int, cfg *node.Config) {
		cfg.PKPPool = pool
		for _, f := range configure {
			f(i, cfg)
		}
	}))
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	c.WaitPools(ctx, ready)
	return c
}

func DevKey(t testing.TB, i int) *ecdsa.PrivateKey {
	t.Helper()
	a, err := devchain.AccountByIndex(i)
	if err != nil {
		t.Fatal(err)
	}
	return a.Key
}

// Session is a session of the key: a capability for exactly the PKP each request names,
// and a session signature per node.
func Session(t testing.TB, key *ecdsa.PrivateKey) *client.Session {
	t.Helper()
	s, err := client.NewSession(key, client.SessionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// CheckRecovers asserts that go-ethereum recovers the PKP's address from a low-s signature.
func CheckRecovers(t testing.TB, sig *client.PKPSignature, hash [32]byte, want string) {
	t.Helper()
	raw := sig.Bytes()
	pub, err := crypto.Ecrecover(hash[:], raw[:])
	if err != nil {
		t.Fatalf("ecrecover: %v", err)
	}
	if got := common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]); got.Hex() != want {
		t.Fatalf("signature recovers to %s, the PKP's address is %s", got.Hex(), want)
	}
	if !crypto.ValidateSignatureValues(raw[64], new(big.Int).SetBytes(raw[:32]), new(big.Int).SetBytes(raw[32:64]), true) {
		t.Fatal("signature is not a valid low-s signature")
	}
}

func KindOf(err error) api.Kind {
	var ae *api.Error
	if errors.As(err, &ae) {
		return ae.Kind
	}
	return ""
}

// PostSign sends a raw POST /web/pkp/sign and returns the ECDSA share or the typed error. With
// a session it carries the session's signature for that node and PKP; without, req's AuthSig.
func PostSign(ctx context.Context, t testing.TB, nodeURL string, req api.PKPSignRequest, auth *client.Session) (*api.PKPSignShare, error) {
	t.Helper()
	return PostSignAs[api.PKPSignShare](ctx, t, nodeURL, req, auth)
}

// PostSignAs is PostSign for any share type: api.PKPSchemeShare for the schemes other than
// ECDSA.
func PostSignAs[T any](ctx context.Context, t testing.TB, nodeURL string, req api.PKPSignRequest, auth *client.Session) (*T, error) {
	t.Helper()
	if auth != nil {
		tok, err := client.PKPTokenID(req.PubKey)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := auth.SessionSig(nodeURL, access.PKPSigningRequest(tok), devchain.ChainID)
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
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, nodeURL+"/web/pkp/sign", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.UnverifiedHTTPClient().Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		var eb api.ErrorBody
		if json.Unmarshal(raw, &eb) != nil || eb.Error == nil {
			t.Fatalf("HTTP %d without a typed error: %s", resp.StatusCode, raw)
		}
		if eb.Error.Kind.Status() != resp.StatusCode {
			t.Fatalf("error kind %s sent with HTTP %d", eb.Error.Kind, resp.StatusCode)
		}
		return nil, eb.Error
	}
	var out T
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return &out, nil
}

func MustToken(t testing.TB, s string) *big.Int {
	t.Helper()
	ref, err := api.ParsePKPRef(s)
	if err != nil || ref.TokenID == nil {
		t.Fatalf("token id %q: %v", s, err)
	}
	return ref.TokenID
}

// WaitFrostPools waits until every running node's warm FROST sets it coordinates hold
// `ready` slots, for every suite kept warm.
func WaitFrostPools(ctx context.Context, c *testnet.Cluster, ready int) {
	c.WaitFor(ctx, "warm FROST slot pools", func() (bool, string) {
		for _, m := range c.Members() {
			nd := m.Node()
			if nd == nil {
				continue
			}
			st, ok := nd.PKPPools()
			if !ok || len(st.Schemes) < 2 {
				return false, fmt.Sprintf("node %d: no FROST sets yet", m.Index)
			}
			for name, sets := range st.Schemes {
				for _, s := range sets {
					if s.Coordinator && s.Warm && len(s.Ready) < ready {
						return false, fmt.Sprintf("node %d: %s set %v holds %d of %d", m.Index, name, s.Signers, len(s.Ready), ready)
					}
				}
			}
		}
		return true, ""
	})
}

// VerifyIndependently checks a scheme signature with implementations outside litmesh: Go's
// crypto/ed25519, btcec/v2's BIP-340 schnorr.Verify, supranational/blst with the
// message-augmentation ciphersuite. SchnorrK256Sha256 has no independent verifier; the test
// checks it with frost.Verify (RFC 9591 appendix B), which the RFC's vectors pin.
func VerifyIndependently(t testing.TB, sig *client.SchemeSignature, msg, wantPub []byte) {
	t.Helper()
	raw, pub := sig.Bytes()
	if hex.EncodeToString(pub) != sig.PublicKey || hex.EncodeToString(raw) != sig.Signature {
		t.Fatal("the printed signature or key differs from the bytes")
	}
	if wantPub != nil && string(pub) != string(wantPub) {
		t.Fatalf("%s: signed under %x, the PKP's key is %x", sig.SigningScheme, pub, wantPub)
	}
	VerifySchemeSignature(t, sig.SigningScheme, pub, msg, raw)
}

// VerifySchemeSignature is VerifyIndependently's check of a signature given as bytes (as a
// Lit Action gets it from signAndCombine).
func VerifySchemeSignature(t testing.TB, scheme string, pub, msg, raw []byte) {
	t.Helper()
	switch scheme {
	case api.SchemeSchnorrEd25519Sha512:
		if len(raw) != ed25519.SignatureSize || !ed25519.Verify(pub, msg, raw) {
			t.Fatal("crypto/ed25519 rejects the signature")
		}
		if ed25519.Verify(pub, append(msg, 0), raw) {
			t.Fatal("crypto/ed25519 accepts it for another message")
		}
		verifyWithNodeJS(t, pub, msg, raw)
	case api.SchemeSchnorrK256Taproot:
		pk, err := schnorr.ParsePubKey(pub)
		if err != nil {
			t.Fatal(err)
		}
		s, err := schnorr.ParseSignature(raw)
		if err != nil {
			t.Fatal(err)
		}
		if !s.Verify(msg, pk) {
			t.Fatal("btcec's schnorr.Verify rejects the signature")
		}
		other := sha256.Sum256(msg)
		if s.Verify(other[:], pk) {
			t.Fatal("btcec accepts it for another message")
		}
	case api.SchemeSchnorrK256Sha256:
		if err := frost.Verify(frost.Secp256k1, pub, msg, raw); err != nil {
			t.Fatal(err)
		}
	case api.SchemeBLSAugmentation:
		pk := new(blst.P1Affine).Uncompress(pub)
		s := new(blst.P2Affine).Uncompress(raw)
		if pk == nil || s == nil || !s.Verify(true, pk, true, msg, []byte(bls.PKPCiphersuite), pub) {
			t.Fatal("blst rejects the signature")
		}
		if s.Verify(true, pk, true, msg, []byte(bls.PKPCiphersuite)) {
			t.Fatal("blst accepts it without the key prepended")
		}
	default:
		t.Fatalf("scheme %s", scheme)
	}
}

// SchemeCases are the schemes and the key types they sign with, with a message each: BIP-340
// signs a 32-byte sighash (btcec's verifier takes nothing else), Ed25519 and BLS a message of
// any length.
var SchemeCases = []struct {
	Scheme string
	KT     chain.KeyType
	Msg    func(i int) []byte
}{
	{api.SchemeSchnorrEd25519Sha512, chain.KeyTypeEd25519, func(i int) []byte { return []byte(fmt.Sprintf("a Solana transfer, message %d", i)) }},
	{api.SchemeSchnorrK256Taproot, chain.KeyTypeSchnorrK256, func(i int) []byte {
		h := sha256.Sum256([]byte(fmt.Sprintf("a taproot sighash %d", i)))
		return h[:]
	}},
	{api.SchemeSchnorrK256Sha256, chain.KeyTypeSchnorrK256, func(i int) []byte { return []byte(fmt.Sprintf("an RFC 9591 message %d", i)) }},
	{api.SchemeBLSAugmentation, chain.KeyTypeBLSPKP, func(i int) []byte { return []byte(fmt.Sprintf("a BLS message %d", i)) }},
}

// SchemePKPs mints one PKP of each scheme key type, owned by owner's address.
func SchemePKPs(ctx context.Context, t *testing.T, cl *client.Client, c *testnet.Cluster, owner int) map[chain.KeyType]*client.SchemePKP {
	t.Helper()
	out := map[chain.KeyType]*client.SchemePKP{}
	for _, kt := range chain.SchemeKeyTypes {
		p, err := cl.MintPKPOfType(ctx, DevKey(t, owner), kt)
		if err != nil {
			t.Fatalf("mint a %s PKP: %v", kt, err)
		}
		out[kt] = p
	}
	return out
}

// verifyWithNodeJS checks an Ed25519 signature with Node.js's crypto.verify (OpenSSL), the
// check docs/schemes.md shows. Without node it logs and returns, except under CI=true, where
// .ci/run has installed it (for Lit's SDK) and its absence fails the test.
func verifyWithNodeJS(t testing.TB, pub, msg, sig []byte) {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and node is not installed: %v", err)
		}
		t.Log("node is not installed: Node's crypto.verify not checked")
		return
	}
	const script = `const c = require('crypto');
const [pub, msg, sig] = process.argv.slice(1).map(h => Buffer.from(h, 'hex'));
const key = c.createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub]), format: 'der', type: 'spki' });
process.stdout.write(String(c.verify(null, msg, key, sig)));`
	run := func(m []byte) string {
		out, err := exec.Command(bin, "-e", script, hex.EncodeToString(pub), hex.EncodeToString(m), hex.EncodeToString(sig)).CombinedOutput()
		if err != nil {
			t.Fatalf("node: %v: %s", err, out)
		}
		return string(out)
	}
	if got := run(msg); got != "true" {
		t.Fatalf("Node's crypto.verify rejects the Ed25519 signature: %s", got)
	}
	if got := run(append(slices.Clone(msg), 0)); got != "false" {
		t.Fatalf("Node's crypto.verify accepts it for another message: %s", got)
	}
}

// OneEther is 1 ETH in wei, as a decimal string.
const OneEther = "1000000000000000000"

// NativeBalance is the condition "native balance ≥ 1 ETH on the devnet chain".
var NativeBalance = []byte(`{"accessControlConditions":[{"contractAddress":"","standardContractType":"","chain":"litdevnet","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"` + OneEther + `"}}]}`)
