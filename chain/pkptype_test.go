package chain_test

import (
	"bytes"
	"errors"
	"math/big"
	"testing"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/bindings"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/frost"
)

// schemeRoots votes a root key for each scheme key type (Ed25519, Schnorr secp256k1, BLS PKP)
// on a 4-validator network and returns derivation functions as the client uses them.
func schemeRoots(t *testing.T, e *env) map[chain.KeyType]chain.DeriveFunc {
	t.Helper()
	out := map[chain.KeyType]chain.DeriveFunc{}
	newRoot := func(g dkg.Suite) []byte {
		kp := dkg.GenerateKeyPair(g)
		raw, err := kp.MarshalPublic()
		e.must(err)
		return raw
	}
	frostDerive := func(s frost.Suite) chain.DeriveFunc {
		return func(root []byte, keyID [32]byte) ([]byte, error) {
			rk, err := frost.NewRootKey(s, [][]byte{root})
			if err != nil {
				return nil, err
			}
			y, err := frost.DerivePublicKey(rk, frost.KeyID(keyID))
			if err != nil {
				return nil, err
			}
			return y.Bytes(), nil
		}
	}
	roots := map[chain.KeyType][]byte{
		chain.KeyTypeEd25519:     newRoot(dkg.Ed25519()),
		chain.KeyTypeSchnorrK256: newRoot(dkg.Secp256k1()),
		chain.KeyTypeBLSPKP:      newRoot(dkg.BLS12381()),
	}
	out[chain.KeyTypeEd25519] = frostDerive(frost.Ed25519)
	out[chain.KeyTypeSchnorrK256] = frostDerive(frost.Secp256k1)
	out[chain.KeyTypeBLSPKP] = func(root []byte, keyID [32]byte) ([]byte, error) {
		x, err := dkg.ParsePublicKey(dkg.BLS12381(), root)
		if err != nil {
			return nil, err
		}
		y, err := bls.DerivePKPKey(x, keyID)
		if err != nil {
			return nil, err
		}
		return y.MarshalBinary()
	}
	for kt, root := range roots {
		for i := range 3 {
			e.must(e.c.VoteRootKey(e.ctx, e.ops[i], kt, root))
		}
	}
	return out
}

// Every scheme key type mints: the key is the derivation for the contract's key id, the token
// id binds the key id, the key type is readable, and another minter cannot take the token id
// of someone's next key by minting that key first.
func TestMintOtherKeyTypes(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	derive := schemeRoots(t, e)
	pkp := bindings.NewPKPNFT()
	for _, kt := range chain.SchemeKeyTypes {
		t.Run(kt.String(), func(t *testing.T) {
			victim, squatter := e.users[0], e.users[1]
			// The squatter mints the victim's next key under its own key id.
			out, err := e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPNFT, pkp.PackNextKeyId(addr(victim))), nil)
			e.must(err)
			next, err := pkp.UnpackNextKeyId(out)
			e.must(err)
			root, err := e.c.RootKey(e.ctx, kt)
			e.must(err)
			victimKey, err := derive[kt](root, next)
			e.must(err)
			e.must(e.tx(squatter, e.addrs.PKPNFT, pkp.PackMintNext(big.NewInt(int64(kt)), victimKey)))

			p, err := e.c.MintPKPOfType(e.ctx, victim, kt, derive[kt])
			if err != nil {
				t.Fatalf("the victim's mint after a squat: %v", err)
			}
			if !bytes.Equal(p.PublicKey, victimKey) || p.KeyID != next || len(p.PublicKey) != kt.PubkeyLen() {
				t.Fatalf("minted key %x with key id %x, want %x with %x", p.PublicKey, p.KeyID, victimKey, next)
			}
			if want := chain.PKPTokenIDOf(kt, next, victimKey); p.TokenID.Cmp(want) != 0 {
				t.Fatalf("token id %x, want keccak256(keyId ‖ pubkey) %x", p.TokenID, want)
			}
			got, err := e.c.PKP(e.ctx, p.TokenID)
			e.must(err)
			if got.KeyType != kt || got.Owner != addr(victim) || !bytes.Equal(got.PublicKey, victimKey) {
				t.Fatalf("read back %+v", got)
			}
		})
	}
	if kt, err := e.c.KeyTypeOf(e.ctx, big.NewInt(12345)); !errors.Is(err, chain.ErrUnknownPKP) {
		t.Fatalf("an unminted token: type %v, %v", kt, err)
	}
	ecdsaPKP, err := e.c.MintPKP(e.ctx, e.users[2])
	e.must(err)
	if kt, err := e.c.KeyTypeOf(e.ctx, ecdsaPKP.TokenID); err != nil || kt != chain.KeyTypeECDSA {
		t.Fatalf("an ECDSA PKP: %v %v", kt, err)
	}
}

// Keys of the wrong format, unknown key types and key types whose root is not voted are
// refused; a refused mint does not use up the key id.
func TestMintOtherKeyTypesChecksFormats(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	pkp := bindings.NewPKPNFT()
	user := e.users[0]
	mint := func(kt int, pub []byte) error {
		return e.tx(user, e.addrs.PKPNFT, pkp.PackMintNext(big.NewInt(int64(kt)), pub))
	}
	wantRevert(t, mint(3, bytes.Repeat([]byte{1}, 32)), "NoRootKey")
	schemeRoots(t, e)
	for name, c := range map[string]struct {
		kt   int
		pub  []byte
		want string
	}{
		"Ed25519 of 33 bytes":          {3, bytes.Repeat([]byte{1}, 33), "BadPubkey"},
		"Schnorr key uncompressed":     {128, append([]byte{4}, bytes.Repeat([]byte{1}, 64)...), "BadPubkey"},
		"Schnorr key with prefix 0x04": {128, append([]byte{4}, bytes.Repeat([]byte{1}, 32)...), "BadPubkey"},
		"BLS key without the flag":     {10, bytes.Repeat([]byte{1}, 48), "BadPubkey"},
		"BLS point at infinity":        {10, append([]byte{0xc0}, make([]byte, 47)...), "BadPubkey"},
		"the encryption root's type":   {1, bytes.Repeat([]byte{0x8a}, 48), "UnknownKeyType"},
		"a type nobody defined":        {4, bytes.Repeat([]byte{1}, 32), "UnknownKeyType"},
	} {
		t.Run(name, func(t *testing.T) { wantRevert(t, mint(c.kt, c.pub), c.want) })
	}
}
