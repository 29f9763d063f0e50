package testnet_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// signEveryScheme signs with every scheme and checks each signature with an independent
// verifier, under the key the PKP was minted with.
func signEveryScheme(ctx context.Context, t *testing.T, cl *client.Client, pkps map[chain.KeyType]*client.SchemePKP, owner int, round int) {
	t.Helper()
	for _, sc := range pkptest.SchemeCases {
		p := pkps[sc.KT]
		msg := sc.Msg(round)
		sig, err := cl.PKPSignScheme(ctx, p.TokenID, sc.Scheme, msg, pkptest.Session(t, pkptest.DevKey(t, owner)), nil)
		if err != nil {
			t.Fatalf("round %d: sign with %s: %v", round, sc.Scheme, err)
		}
		want, _ := hex.DecodeString(strings.TrimPrefix(p.PublicKey, "0x"))
		if sc.KT == chain.KeyTypeSchnorrK256 && sc.Scheme == api.SchemeSchnorrK256Taproot {
			want = want[1:] // the x-only key
		}
		pkptest.VerifyIndependently(t, sig, msg, want)
		if len(sig.Rejected) != 0 {
			t.Fatalf("round %d, %s: honest nodes rejected: %v", round, sc.Scheme, sig.Rejected)
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
			c := pkptest.Cluster(ctx, t, n, 8, 2)
			pkptest.WaitFrostPools(ctx, c, 2)
			cl := testnet.NewClient(c.NetworkFile())
			defer cl.Close()
			const owner = 5
			pkps := pkptest.SchemePKPs(ctx, t, cl, c, owner)
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
	c := pkptest.Cluster(ctx, t, 4, 4, 1)
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	const owner = 4
	pkps := pkptest.SchemePKPs(ctx, t, cl, c, owner)
	ecdsaPKP, err := cl.MintPKP(ctx, pkptest.DevKey(t, owner))
	if err != nil {
		t.Fatal(err)
	}
	auth := pkptest.Session(t, pkptest.DevKey(t, owner))
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
		_, err := pkptest.PostSign(ctx, t, nf.Nodes[0].URL, api.PKPSignRequest{
			ToSign: hash[:], PubKey: tc.pkp, RequestID: fmt.Sprintf("fit-%d", i), NodeSet: set, SigningScheme: tc.scheme,
		}, auth)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Fatalf("node 0 answered %s for %s with %v, want an error saying %q", tc.pkp, tc.scheme, err, tc.want)
		}
	}
}
