package chain_test

import (
	"bytes"
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/bindings"
)

// pkpNetwork is a 4-validator network whose ECDSA root key is voted; it returns the root
// secret so tests can check derived keys independently of chain.DerivePKPKey.
func pkpNetwork(t testing.TB) (*env, *secp256k1.ModNScalar, *secp256k1.PublicKey) {
	e := activeNetwork(t, 4)
	x, X := rootKey(t)
	for i := range 3 {
		e.must(e.c.VoteRootKey(e.ctx, e.ops[i], chain.KeyTypeECDSA, X.SerializeCompressed()))
	}
	return e, x, X
}

func mustCID(t testing.TB, s string) []byte {
	t.Helper()
	b, err := chain.CanonicalCID(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Two action CIDs in the CIDv0 form `ipfs add` prints.
var (
	cidA = cidOf("Lit.Actions.setResponse({response: 'a'})")
	cidB = cidOf("Lit.Actions.setResponse({response: 'b'})")
)

func cidOf(content string) string {
	h, err := mh.Sum([]byte(content), mh.SHA2_256, -1)
	if err != nil {
		panic(err)
	}
	return cid.NewCidV0(h).String()
}

func TestMintDerivesTheKeyFromTheRoot(t *testing.T) {
	e, x, _ := pkpNetwork(t)
	pkp := bindings.NewPKPNFT()
	user := e.users[0]

	out, err := e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPNFT, pkp.PackNextKeyId(addr(user))), nil)
	e.must(err)
	keyID, err := pkp.UnpackNextKeyId(out)
	e.must(err)

	p, err := e.c.MintPKP(e.ctx, user)
	e.must(err)
	if p.KeyID != keyID {
		t.Fatalf("minted key id %x, want the announced next key id %x", p.KeyID, keyID)
	}
	// Independently: the PKP secret is x + ε, so its public key is (x+ε)·G.
	eps, err := chain.KeyEpsilon(keyID)
	e.must(err)
	var y secp256k1.ModNScalar
	y.Add2(x, eps)
	want := secp256k1.NewPrivateKey(&y).PubKey().SerializeUncompressed()
	if !bytes.Equal(p.PublicKey, want) {
		t.Fatalf("minted pubkey %x, want (x+ε)·G = %x", p.PublicKey, want)
	}
	if want := new(big.Int).SetBytes(crypto.Keccak256(want)); p.TokenID.Cmp(want) != 0 {
		t.Fatalf("token id %s, want keccak256(pubkey) %s", p.TokenID, want)
	}
	got, err := e.c.PKP(e.ctx, p.TokenID)
	e.must(err)
	if got.Owner != addr(user) || got.KeyID != keyID || !bytes.Equal(got.PublicKey, want) || got.Burned {
		t.Fatalf("PKP(%s) = %+v", p.TokenID, got)
	}
	if ethAddr := common.BytesToAddress(crypto.Keccak256(want[1:])[12:]); got.EthAddress != ethAddr {
		t.Fatalf("eth address %s, want %s", got.EthAddress.Hex(), ethAddr.Hex())
	}

	// The next mint gets a fresh key id.
	p2, err := e.c.MintPKP(e.ctx, user)
	e.must(err)
	if p2.KeyID == p.KeyID || p2.TokenID.Cmp(p.TokenID) == 0 {
		t.Fatal("second mint reused the key id")
	}
	if _, err := e.c.PKP(e.ctx, big.NewInt(12345)); !errors.Is(err, chain.ErrUnknownPKP) {
		t.Fatalf("PKP(never minted) err %v, want ErrUnknownPKP", err)
	}
}

func TestMintRefusesAKeyNotDerivedFromTheRoot(t *testing.T) {
	e, _, X := pkpNetwork(t)
	pkp := bindings.NewPKPNFT()
	user := e.users[0]
	out, err := e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPNFT, pkp.PackNextKeyId(addr(user))), nil)
	e.must(err)
	keyID, err := pkp.UnpackNextKeyId(out)
	e.must(err)

	otherID := keyID
	otherID[0] ^= 1
	wrongID, err := chain.DerivePKPKey(X, otherID) // right root, someone else's key id
	e.must(err)
	_, stranger := rootKey(t)
	strangerKey, err := chain.DerivePKPKey(stranger, keyID) // right key id, wrong root
	e.must(err)
	for name, pub := range map[string][]byte{
		"a key derived for another key id": wrongID.SerializeUncompressed(),
		"a key derived from another root":  strangerKey.SerializeUncompressed(),
		"the root key itself":              X.SerializeUncompressed(),
	} {
		t.Run(name, func(t *testing.T) {
			err := e.tx(user, e.addrs.PKPNFT, pkp.PackMintNext(big.NewInt(2), pub))
			rev := wantRevert(t, err, "WrongDerivedKey")
			if len(rev.Args) != 1 || rev.Args[0] != keyID {
				t.Fatalf("revert args %v, want the key id %x", rev.Args, keyID)
			}
		})
	}
	right, err := chain.DerivePKPKey(X, keyID)
	e.must(err)
	wantRevert(t, e.tx(user, e.addrs.PKPNFT, pkp.PackMintNext(big.NewInt(2), right.SerializeCompressed())), "BadPubkey")
	wantRevert(t, e.tx(user, e.addrs.PKPNFT, pkp.PackMintNext(big.NewInt(1), right.SerializeUncompressed())), "UnknownKeyType")
	// A refused mint does not use up the key id.
	e.must(e.tx(user, e.addrs.PKPNFT, pkp.PackMintNext(big.NewInt(2), right.SerializeUncompressed())))
}

func TestMintNeedsTheRootKey(t *testing.T) {
	e := activeNetwork(t, 1)
	_, err := e.c.MintPKP(e.ctx, e.users[0])
	if !errors.Is(err, chain.ErrNoRootKey) {
		t.Fatalf("MintPKP before the root key vote: %v, want ErrNoRootKey", err)
	}
	// Submitted directly, the contract refuses too.
	_, X := rootKey(t)
	wantRevert(t, e.tx(e.users[0], e.addrs.PKPNFT, bindings.NewPKPNFT().PackMintNext(big.NewInt(2), X.SerializeUncompressed())), "NoRootKey")
}

func TestTransferMovesControl(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	alice, bob := e.users[0], e.users[1]
	p, err := e.c.MintPKP(e.ctx, alice)
	e.must(err)
	a, b := mustCID(t, cidA), mustCID(t, cidB)
	e.must(e.c.PermitAction(e.ctx, alice, p.TokenID, a))

	wantRevert(t, e.c.PermitAction(e.ctx, bob, p.TokenID, b), "NotTokenOwner")
	wantRevert(t, e.c.TransferPKP(e.ctx, bob, p.TokenID, addr(bob)), "ERC721InsufficientApproval")
	e.must(e.c.TransferPKP(e.ctx, alice, p.TokenID, addr(bob)))

	rev := wantRevert(t, e.c.PermitAction(e.ctx, alice, p.TokenID, b), "NotTokenOwner")
	if rev.Args[1] != addr(alice) {
		t.Fatalf("NotTokenOwner names caller %v, want alice", rev.Args[1])
	}
	wantRevert(t, e.c.RevokeAction(e.ctx, alice, p.TokenID, a), "NotTokenOwner")
	e.must(e.c.PermitAction(e.ctx, bob, p.TokenID, b))
	e.must(e.c.RevokeAction(e.ctx, bob, p.TokenID, a))
	if owner, err := e.c.OwnerOf(e.ctx, p.TokenID); err != nil || owner != addr(bob) {
		t.Fatalf("owner after transfer %s, %v", owner.Hex(), err)
	}
	perms, err := e.c.Permissions(e.ctx, p.TokenID)
	e.must(err)
	if len(perms.Actions) != 1 || !bytes.Equal(perms.Actions[0], b) {
		t.Fatalf("actions after bob's changes: %x, want only %s", perms.Actions, cidB)
	}
}

func TestPermissionsAddAndRemove(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	owner, other := e.users[0], e.users[1]
	p, err := e.c.MintPKP(e.ctx, owner)
	e.must(err)
	id := p.TokenID
	a := mustCID(t, cidA)
	authID := crypto.Keccak256([]byte("a webauthn credential"))
	method := chain.AuthMethod{Type: 3, ID: authID, UserPubkey: coseKeyA, Scopes: []uint64{1, 2}}

	// Only the owner, of an existing token, with well-formed input.
	wantRevert(t, e.c.PermitAction(e.ctx, other, id, a), "NotTokenOwner")
	wantRevert(t, e.c.PermitAddress(e.ctx, other, id, addr(other)), "NotTokenOwner")
	wantRevert(t, e.c.PermitAuthMethod(e.ctx, other, id, method), "NotTokenOwner")
	wantRevert(t, e.c.PermitAction(e.ctx, owner, big.NewInt(7), a), "UnknownOrBurnedToken")
	wantRevert(t, e.c.PermitAction(e.ctx, owner, id, nil), "BadField")
	wantRevert(t, e.c.PermitAddress(e.ctx, owner, id, common.Address{}), "BadField")
	wantRevert(t, e.c.PermitAuthMethod(e.ctx, owner, id, chain.AuthMethod{Type: 0, ID: authID}), "BadField")

	e.must(e.c.PermitAction(e.ctx, owner, id, a))
	e.must(e.c.PermitAddress(e.ctx, owner, id, addr(other)))
	e.must(e.c.PermitAuthMethod(e.ctx, owner, id, method))
	wantRevert(t, e.c.PermitAction(e.ctx, owner, id, a), "AlreadyPermitted")
	wantRevert(t, e.c.PermitAddress(e.ctx, owner, id, addr(other)), "AlreadyPermitted")
	wantRevert(t, e.c.PermitAuthMethod(e.ctx, owner, id, method), "AlreadyPermitted")

	check := func(wantAction, wantAddr, wantAuth bool) {
		t.Helper()
		if ok, err := e.c.IsPermittedAction(e.ctx, id, a); err != nil || ok != wantAction {
			t.Fatalf("isPermittedAction = %v, %v; want %v", ok, err, wantAction)
		}
		if ok, err := e.c.IsPermittedAddress(e.ctx, id, addr(other)); err != nil || ok != wantAddr {
			t.Fatalf("isPermittedAddress = %v, %v; want %v", ok, err, wantAddr)
		}
		if ok, err := e.c.IsPermittedAuthMethod(e.ctx, id, method.Type, method.ID); err != nil || ok != wantAuth {
			t.Fatalf("isPermittedAuthMethod = %v, %v; want %v", ok, err, wantAuth)
		}
	}
	check(true, true, true)
	perms, err := e.c.Permissions(e.ctx, id)
	e.must(err)
	if len(perms.Actions) != 1 || len(perms.Addresses) != 1 || perms.Addresses[0] != addr(other) ||
		len(perms.AuthMethods) != 1 || perms.AuthMethods[0].Type != 3 || !slices.Equal(perms.AuthMethods[0].Scopes, []uint64{1, 2}) {
		t.Fatalf("permissions %+v", perms)
	}
	if s, err := chain.CIDString(perms.Actions[0]); err != nil || s != cidA {
		t.Fatalf("stored action renders as %q, %v; want %s", s, err, cidA)
	}

	wantRevert(t, e.c.RevokeAddress(e.ctx, other, id, addr(other)), "NotTokenOwner")
	e.must(e.c.RevokeAction(e.ctx, owner, id, a))
	e.must(e.c.RevokeAddress(e.ctx, owner, id, addr(other)))
	e.must(e.c.RevokeAuthMethod(e.ctx, owner, id, method.Type, method.ID))
	wantRevert(t, e.c.RevokeAction(e.ctx, owner, id, a), "NotPermitted")
	check(false, false, false)
	perms, err = e.c.Permissions(e.ctx, id)
	e.must(err)
	if len(perms.Actions)+len(perms.Addresses)+len(perms.AuthMethods) != 0 {
		t.Fatalf("permissions after removing all: %+v", perms)
	}
}

func TestMintGrantAndBurnLeavesExactlyOneAction(t *testing.T) {
	e, _, X := pkpNetwork(t)
	minter := e.users[0]
	a, b := mustCID(t, cidA), mustCID(t, cidB)
	p, err := e.c.MintGrantAndBurnPKP(e.ctx, minter, a)
	e.must(err)

	// The key is the derived one, and its record survives the burn.
	want, err := chain.DerivePKPKey(X, p.KeyID)
	e.must(err)
	got, err := e.c.PKP(e.ctx, p.TokenID)
	e.must(err)
	if !got.Burned || got.Owner != (common.Address{}) || !bytes.Equal(got.PublicKey, want.SerializeUncompressed()) {
		t.Fatalf("PKP after mint-grant-burn: %+v", got)
	}
	if _, err := e.c.OwnerOf(e.ctx, p.TokenID); !errors.Is(err, chain.ErrBurnedPKP) {
		t.Fatalf("OwnerOf burned PKP: %v, want ErrBurnedPKP", err)
	}
	if ok, err := e.c.IsPermittedAction(e.ctx, p.TokenID, a); err != nil || !ok {
		t.Fatalf("granted action permitted = %v, %v", ok, err)
	}
	// Nobody — minter, admin, the contract's owner — can add, remove or take it.
	for _, k := range [][]byte{b, a} {
		wantRevert(t, e.c.PermitAction(e.ctx, minter, p.TokenID, k), "UnknownOrBurnedToken")
		wantRevert(t, e.c.PermitAction(e.ctx, e.admin, p.TokenID, k), "UnknownOrBurnedToken")
	}
	wantRevert(t, e.c.RevokeAction(e.ctx, minter, p.TokenID, a), "UnknownOrBurnedToken")
	wantRevert(t, e.c.PermitAddress(e.ctx, minter, p.TokenID, addr(minter)), "UnknownOrBurnedToken")
	wantRevert(t, e.c.PermitAuthMethod(e.ctx, minter, p.TokenID, chain.AuthMethod{Type: 1, ID: []byte{1}}), "UnknownOrBurnedToken")
	wantRevert(t, e.c.TransferPKP(e.ctx, minter, p.TokenID, addr(minter)), "ERC721NonexistentToken")
	perms, err := e.c.Permissions(e.ctx, p.TokenID)
	e.must(err)
	if len(perms.Actions) != 1 || !bytes.Equal(perms.Actions[0], a) || len(perms.Addresses)+len(perms.AuthMethods) != 0 {
		t.Fatalf("permissions of a mint-grant-burn PKP: %+v", perms)
	}
}

func TestBurnFreezesPermissions(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	owner := e.users[0]
	p, err := e.c.MintPKP(e.ctx, owner)
	e.must(err)
	e.must(e.c.PermitAction(e.ctx, owner, p.TokenID, mustCID(t, cidA)))
	wantRevert(t, e.tx(e.users[1], e.addrs.PKPNFT, bindings.NewPKPNFT().PackBurn(p.TokenID)), "ERC721InsufficientApproval")
	e.must(e.tx(owner, e.addrs.PKPNFT, bindings.NewPKPNFT().PackBurn(p.TokenID)))
	wantRevert(t, e.c.RevokeAction(e.ctx, owner, p.TokenID, mustCID(t, cidA)), "UnknownOrBurnedToken")
	if ok, err := e.c.IsPermittedAction(e.ctx, p.TokenID, mustCID(t, cidA)); err != nil || !ok {
		t.Fatalf("action permitted before the burn = %v, %v; want still true", ok, err)
	}
}

func TestPKPNFTWiringIsOneShotAndAdminOnly(t *testing.T) {
	e := newEnv(t, 1)
	pkp := bindings.NewPKPNFT()
	wantRevert(t, e.tx(e.users[0], e.addrs.PKPNFT, pkp.PackSetPermissions(addr(e.users[0]))), "OwnableUnauthorizedAccount")
	wantRevert(t, e.tx(e.admin, e.addrs.PKPNFT, pkp.PackSetPermissions(addr(e.users[0]))), "PermissionsAlreadySet")
}

func mustParseCID(t *testing.T, s string) cid.Cid {
	t.Helper()
	c, err := cid.Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
