package node

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"testing"

	"github.com/drand/kyber/share"
	blst "github.com/supranational/blst/bindings/go"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/frost"
)

// dealtScheme deals a root of degree t−1 over the suite's group for n members and derives a PKP
// of key type kt from it.
func dealtScheme(t testing.TB, s dkg.Suite, kt chain.KeyType, threshold, n int) ([]*dkg.KeyShare, chain.PKP) {
	t.Helper()
	poly := share.NewPriPoly(s, threshold, nil, s.RandomStream())
	_, commits := poly.Commit(nil).Info()
	shares := make([]*dkg.KeyShare, n)
	for i := range shares {
		shares[i] = &dkg.KeyShare{Share: poly.Eval(i), Commits: commits}
	}
	keyID := [32]byte{1, 2, 3}
	pub, err := deriveSchemeKey(kt, shares[0], keyID)
	if err != nil {
		t.Fatal(err)
	}
	return shares, chain.PKP{TokenID: big.NewInt(77), KeyID: keyID, PublicKey: pub, KeyType: kt}
}

// The combiner of signAndCombine makes a BLS signature out of T good partials whatever the
// others send — a wrong partial, a share for another message, PKP or scheme — and it verifies
// under the PKP's key; with fewer than T good ones it makes none.
func TestSchemeCombinerBLS(t *testing.T) {
	const T, n = 3, 5
	shares, pkp := dealtScheme(t, dkg.BLS12381(), chain.KeyTypeBLSPKP, T, n)
	sc := signScheme{name: api.SchemeBLSAugmentation, kt: chain.KeyTypeBLSPKP}
	msg := []byte("signed in an action")
	c, err := newSchemeCombiner(sc, pkp, shares[0], msg)
	if err != nil {
		t.Fatal(err)
	}
	partial := func(i int, m []byte) *api.PKPSchemeShare {
		p, err := bls.PKPPartialSign(shares[i].Share, shares[i].PublicKey(), pkp.KeyID, m)
		if err != nil {
			t.Fatal(err)
		}
		return &api.PKPSchemeShare{ShareIndex: i, SigningScheme: sc.name, TokenID: fmt.Sprintf("0x%064x", pkp.TokenID),
			DataSigned: "0x" + hex.EncodeToString(msg), SignatureShare: hex.EncodeToString(p)}
	}
	wrong := partial(1, []byte("another message")) // claims msg, signs another
	otherPKP := partial(2, msg)
	otherPKP.TokenID = "0x01"
	otherScheme := partial(3, msg)
	otherScheme.SigningScheme = api.SchemeSchnorrEd25519Sha512
	if _, _, err := c.combine([]*api.PKPSchemeShare{partial(0, msg), wrong, otherPKP, otherScheme}); err == nil {
		t.Fatal("combined with one good partial")
	}
	sig, pub, err := c.combine([]*api.PKPSchemeShare{wrong, partial(0, msg), otherPKP, partial(2, msg), otherScheme, partial(4, msg)})
	if err != nil {
		t.Fatal(err)
	}
	if string(pub) != string(pkp.PublicKey) {
		t.Fatalf("under %x, the PKP's key is %x", pub, pkp.PublicKey)
	}
	pk := new(blst.P1Affine).Uncompress(pub)
	s := new(blst.P2Affine).Uncompress(sig)
	if pk == nil || s == nil || !s.Verify(true, pk, true, msg, []byte(bls.PKPCiphersuite), pub) {
		t.Fatal("blst rejects the combined signature")
	}
}

// Whatever other nodes send as shares, the combiner neither panics nor makes a signature.
func FuzzSchemeCombiner(f *testing.F) {
	blsShares, blsPKP := dealtScheme(f, dkg.BLS12381(), chain.KeyTypeBLSPKP, 2, 3)
	edShares, edPKP := dealtScheme(f, dkg.Ed25519(), chain.KeyTypeEd25519, 2, 3)
	msg := []byte("m")
	blsC, err := newSchemeCombiner(signScheme{name: api.SchemeBLSAugmentation, kt: chain.KeyTypeBLSPKP}, blsPKP, blsShares[0], msg)
	if err != nil {
		f.Fatal(err)
	}
	edC, err := newSchemeCombiner(signScheme{api.SchemeSchnorrEd25519Sha512, chain.KeyTypeEd25519, frost.Ed25519}, edPKP, edShares[0], msg)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`[{"signingScheme":"Bls12381G1MessageAugmentation","tokenId":"0x4d","dataSigned":"6d","signatureShare":"0001c0"}]`))
	f.Add([]byte(`[{"signingScheme":"SchnorrEd25519Sha512","tokenId":"0x4d","dataSigned":"0x6d","signingPackage":"01","signatureShare":"00"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var shares []*api.PKPSchemeShare
		if json.Unmarshal(data, &shares) != nil {
			return
		}
		for i, s := range shares {
			if s == nil {
				shares[i] = &api.PKPSchemeShare{}
			}
		}
		for _, c := range []*schemeCombiner{blsC, edC} {
			if sig, _, err := c.combine(shares); err == nil || sig != nil {
				t.Fatalf("%s: a signature out of fuzzed shares", c.sc.name)
			}
		}
	})
}
