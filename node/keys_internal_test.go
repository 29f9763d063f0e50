package node

import (
	"testing"

	"github.com/drand/kyber"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/dkg"
)

// TestOneCheckHoldsKeysToTheChainsRootKeys: the coordinator's current polynomials, a
// resharing's result and a vote all go through checkChainRoot: the BLS and ECDSA roots must be
// the chain's; a scheme root must be the chain's once the chain has one.
func TestOneCheckHoldsKeysToTheChainsRootKeys(t *testing.T) {
	bls, otherBLS := dkg.GenerateKeyPair(dkg.BLS12381()).Public, dkg.GenerateKeyPair(dkg.BLS12381()).Public
	secp := dkg.GenerateKeyPair(dkg.Secp256k1()).Public
	ed, otherEd := dkg.GenerateKeyPair(dkg.Ed25519()).Public, dkg.GenerateKeyPair(dkg.Ed25519()).Public
	raw := func(p kyber.Point) []byte {
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	ms := &chain.Membership{BLSRootKey: raw(bls), ECDSARootKey: raw(secp), SchemeRootKeys: map[chain.KeyType][]byte{chain.KeyTypeEd25519: raw(ed)}}
	noRoots := &chain.Membership{}
	for _, tc := range []struct {
		name string
		ms   *chain.Membership
		kt   chain.KeyType
		p    kyber.Point
		ok   bool
	}{
		{"the chain's BLS root", ms, chain.KeyTypeBLS, bls, true},
		{"another BLS key", ms, chain.KeyTypeBLS, otherBLS, false},
		{"the chain's ECDSA root", ms, chain.KeyTypeECDSA, secp, true},
		{"the BLS root given as the ECDSA one", ms, chain.KeyTypeECDSA, bls, false},
		{"a BLS key when the chain has no BLS root", noRoots, chain.KeyTypeBLS, bls, false},
		{"the chain's Ed25519 root", ms, chain.KeyTypeEd25519, ed, true},
		{"another Ed25519 key", ms, chain.KeyTypeEd25519, otherEd, false},
		{"a scheme root the chain has not recorded yet", ms, chain.KeyTypeBLSPKP, otherBLS, true},
	} {
		err := checkChainRoot(tc.ms, tc.kt, tc.p)
		if (err == nil) != tc.ok {
			t.Errorf("%s: %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}
