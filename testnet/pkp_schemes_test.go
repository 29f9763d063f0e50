package testnet_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/btcsuite/btcd/btcec/v2/schnorr"
	blst "github.com/supranational/blst/bindings/go"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/frost"
	"github.com/litmesh/litmesh/testnet"
)

// waitFrostPools waits until every running node's warm FROST sets it coordinates hold
// `ready` slots, for every suite kept warm.
func waitFrostPools(ctx context.Context, c *testnet.Cluster, ready int) {
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

// verifyIndependently checks a scheme signature with implementations outside litmesh: Go's
// crypto/ed25519, btcec/v2's BIP-340 schnorr.Verify, supranational/blst with the
// message-augmentation ciphersuite. SchnorrK256Sha256 has no independent verifier; the test
// checks it with frost.Verify (RFC 9591 appendix B), which the RFC's vectors pin.
func verifyIndependently(t testing.TB, sig *client.SchemeSignature, msg, wantPub []byte) {
	t.Helper()
	raw, pub := sig.Bytes()
	if hex.EncodeToString(pub) != sig.PublicKey || hex.EncodeToString(raw) != sig.Signature {
		t.Fatal("the printed signature or key differs from the bytes")
	}
	if wantPub != nil && string(pub) != string(wantPub) {
		t.Fatalf("%s: signed under %x, the PKP's key is %x", sig.SigningScheme, pub, wantPub)
	}
	verifySchemeSignature(t, sig.SigningScheme, pub, msg, raw)
}

// verifySchemeSignature is verifyIndependently's check of the bytes of a signature.
func verifySchemeSignature(t testing.TB, scheme string, pub, msg, raw []byte) {
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

// schemePKPs mints one PKP of each scheme key type, owned by owner's address.
func schemePKPs(ctx context.Context, t *testing.T, cl *client.Client, c *testnet.Cluster, owner int) map[chain.KeyType]*client.SchemePKP {
	t.Helper()
	out := map[chain.KeyType]*client.SchemePKP{}
	for _, kt := range chain.SchemeKeyTypes {
		p, err := cl.MintPKPOfType(ctx, devKey(t, owner), kt)
		if err != nil {
			t.Fatalf("mint a %s PKP: %v", kt, err)
		}
		out[kt] = p
	}
	return out
}

// schemeCases are the schemes and the key types they sign with, with a message each: BIP-340
// signs a 32-byte sighash (btcec's verifier takes nothing else), Ed25519 and BLS a message of
// any length.
var schemeCases = []struct {
	scheme string
	kt     chain.KeyType
	msg    func(i int) []byte
}{
	{api.SchemeSchnorrEd25519Sha512, chain.KeyTypeEd25519, func(i int) []byte { return []byte(fmt.Sprintf("a Solana transfer, message %d", i)) }},
	{api.SchemeSchnorrK256Taproot, chain.KeyTypeSchnorrK256, func(i int) []byte {
		h := sha256.Sum256([]byte(fmt.Sprintf("a taproot sighash %d", i)))
		return h[:]
	}},
	{api.SchemeSchnorrK256Sha256, chain.KeyTypeSchnorrK256, func(i int) []byte { return []byte(fmt.Sprintf("an RFC 9591 message %d", i)) }},
	{api.SchemeBLSAugmentation, chain.KeyTypeBLSPKP, func(i int) []byte { return []byte(fmt.Sprintf("a BLS message %d", i)) }},
}

// signEveryScheme signs with every scheme and checks each signature with an independent
// verifier, under the key the PKP was minted with.
func signEveryScheme(ctx context.Context, t *testing.T, cl *client.Client, pkps map[chain.KeyType]*client.SchemePKP, owner int, round int) {
	t.Helper()
	for _, sc := range schemeCases {
		p := pkps[sc.kt]
		msg := sc.msg(round)
		sig, err := cl.PKPSignScheme(ctx, p.TokenID, sc.scheme, msg, pkpAuthSig(t, devKey(t, owner)), nil)
		if err != nil {
			t.Fatalf("round %d: sign with %s: %v", round, sc.scheme, err)
		}
		want, _ := hex.DecodeString(strings.TrimPrefix(p.PublicKey, "0x"))
		if sc.kt == chain.KeyTypeSchnorrK256 && sc.scheme == api.SchemeSchnorrK256Taproot {
			want = want[1:] // the x-only key
		}
		verifyIndependently(t, sig, msg, want)
		if len(sig.Rejected) != 0 {
			t.Fatalf("round %d, %s: honest nodes rejected: %v", round, sc.scheme, sig.Rejected)
		}
	}
}

// Every scheme signs on n = 4 and n = 7, before and after n − T nodes are killed, and every
// signature passes an independent verifier (crypto/ed25519, btcec schnorr.Verify, blst).
func TestPKPSchemesSignWithNodesDown(t *testing.T) {
	for _, n := range []int{4, 7} {
		t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
			if n == 7 && testing.Short() {
				t.Skip("the 7-node cluster is long")
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			c := pkpCluster(ctx, t, n, 8, 2)
			waitFrostPools(ctx, c, 2)
			cl := testnet.NewClient(c.NetworkFile())
			defer cl.Close()
			const owner = 5
			pkps := schemePKPs(ctx, t, cl, c, owner)
			signEveryScheme(ctx, t, cl, pkps, owner, 0)

			T := chain.Threshold(n)
			for i := 0; i < n-T; i++ {
				c.Stop(n - 1 - 2*i) // not adjacent on the node list
			}
			cl.Close()
			cl = testnet.NewClient(c.NetworkFile())
			signEveryScheme(ctx, t, cl, pkps, owner, 1)
		})
	}
}

// A PKP signs only with its key type's schemes; Lit's proof-of-possession BLS scheme is
// refused with the reason and the scheme to use.
func TestPKPSchemeMustFitTheKeyType(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := pkpCluster(ctx, t, 4, 4, 1)
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	const owner = 4
	pkps := schemePKPs(ctx, t, cl, c, owner)
	ecdsaPKP, err := cl.MintPKP(ctx, devKey(t, owner))
	if err != nil {
		t.Fatal(err)
	}
	auth := pkpAuthSig(t, devKey(t, owner))
	for _, tc := range []struct {
		name, pkp, scheme, want string
	}{
		{"an ECDSA PKP with Ed25519", ecdsaPKP.TokenID, api.SchemeSchnorrEd25519Sha512, "is a ecdsa PKP"},
		{"an Ed25519 PKP with BIP-340", pkps[chain.KeyTypeEd25519].TokenID, api.SchemeSchnorrK256Taproot, "is a ed25519 PKP"},
		{"a BLS PKP with Lit's proof-of-possession scheme", pkps[chain.KeyTypeBLSPKP].TokenID, api.SchemeBLSProofOfPossession, api.SchemeBLSAugmentation},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cl.PKPSignScheme(ctx, tc.pkp, tc.scheme, []byte("m"), auth, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
	// The nodes refuse it too, whatever the client checks.
	nf := c.NetworkFile()
	var set []string
	for _, e := range nf.Nodes {
		set = append(set, e.PeerID)
	}
	hash := sha256.Sum256([]byte("m"))
	for i, tc := range []struct{ pkp, scheme, want string }{
		{pkps[chain.KeyTypeEd25519].TokenID, api.SchemeSchnorrK256Sha256, "signs with SchnorrEd25519Sha512"},
		{pkps[chain.KeyTypeBLSPKP].TokenID, api.SchemeBLSProofOfPossession, api.SchemeBLSAugmentation},
		{pkps[chain.KeyTypeEd25519].TokenID, api.SchemeEcdsaK256Sha256, "signs with signingScheme SchnorrEd25519Sha512"},
		{pkps[chain.KeyTypeSchnorrK256].TokenID, "EcdsaP256Sha256", "not one litmesh signs with"},
	} {
		_, err := postSign(ctx, t, nf.Nodes[0].URL, api.PKPSignRequest{
			ToSign: hash[:], PubKey: tc.pkp, RequestID: fmt.Sprintf("fit-%d", i), NodeSet: set, SigningScheme: tc.scheme,
		}, auth)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Fatalf("node 0 answered %s for %s with %v, want an error saying %q", tc.pkp, tc.scheme, err, tc.want)
		}
	}
}
