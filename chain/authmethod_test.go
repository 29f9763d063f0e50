package chain_test

import (
	"bytes"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/bindings"
)

var (
	coseKeyA = []byte{0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, 0xaa} // shape only: the contract stores bytes
	coseKeyB = []byte{0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, 0xbb}
)

func webauthnMethod(cred string, key []byte, scopes ...uint64) chain.AuthMethod {
	return chain.AuthMethod{Type: chain.AuthMethodTypeWebAuthn, ID: crypto.Keccak256([]byte(cred + ":lit")), UserPubkey: key, Scopes: scopes}
}

func oidcMethod(sub string, scopes ...uint64) chain.AuthMethod {
	return chain.AuthMethod{Type: chain.AuthMethodTypeOIDC, ID: crypto.Keccak256([]byte("oidc " + sub)), Scopes: scopes}
}

func TestAuthMethodsListScopesAndUserKeys(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	owner, other := e.users[0], e.users[1]
	p, err := e.c.MintPKP(e.ctx, owner)
	e.must(err)
	id := p.TokenID
	wa := webauthnMethod("cred-1", coseKeyA, chain.ScopeSignAnything)
	oi := oidcMethod("alice", chain.ScopePersonalSign)
	e.must(e.c.PermitAuthMethod(e.ctx, owner, id, wa))
	e.must(e.c.PermitAuthMethod(e.ctx, owner, id, oi))
	e.must(e.c.PermitAction(e.ctx, owner, id, mustCID(t, cidA)))
	e.must(e.c.PermitAddress(e.ctx, owner, id, addr(other)))

	all, err := e.c.AuthMethods(e.ctx, id)
	e.must(err)
	want := []chain.AuthMethod{
		wa, oi,
		{Type: chain.AuthMethodTypeLitAction, ID: mustCID(t, cidA), UserPubkey: []byte{}, Scopes: []uint64{chain.ScopeSignAnything}},
		{Type: chain.AuthMethodTypeEthWallet, ID: addr(other).Bytes(), UserPubkey: []byte{}, Scopes: []uint64{chain.ScopeSignAnything}},
	}
	if len(all) != len(want) {
		t.Fatalf("%d auth methods, want %d: %+v", len(all), len(want), all)
	}
	for i := range want {
		g, w := all[i], want[i]
		if g.Type != w.Type || !bytes.Equal(g.ID, w.ID) || !bytes.Equal(g.UserPubkey, w.UserPubkey) || !slices.Equal(g.Scopes, w.Scopes) {
			t.Errorf("auth method %d = %+v, want %+v", i, g, w)
		}
	}
	// The split view keeps actions and addresses apart from the other methods.
	perms, err := e.c.Permissions(e.ctx, id)
	e.must(err)
	if len(perms.Actions) != 1 || len(perms.Addresses) != 1 || perms.Addresses[0] != addr(other) || len(perms.AuthMethods) != 2 {
		t.Fatalf("permissions %+v", perms)
	}

	// Scopes: PersonalSign is implied by SignAnything, not the other way round.
	if !wa.HasScope(chain.ScopePersonalSign) || oi.HasScope(chain.ScopeSignAnything) || !oi.HasScope(chain.ScopePersonalSign) {
		t.Fatal("HasScope does not follow Lit's rule")
	}
	e.must(e.c.AddAuthMethodScope(e.ctx, owner, id, oi.Type, oi.ID, chain.ScopeSignAnything))
	wantRevert(t, e.c.AddAuthMethodScope(e.ctx, owner, id, oi.Type, oi.ID, chain.ScopeSignAnything), "AlreadyPermitted")
	wantRevert(t, e.c.AddAuthMethodScope(e.ctx, other, id, oi.Type, oi.ID, 3), "NotTokenOwner")
	wantRevert(t, e.c.AddAuthMethodScope(e.ctx, owner, id, oi.Type, oi.ID, 256), "BadField")
	wantRevert(t, e.c.AddAuthMethodScope(e.ctx, owner, id, oi.Type, []byte("nobody"), 1), "NotPermitted")
	e.must(e.c.RemoveAuthMethodScope(e.ctx, owner, id, oi.Type, oi.ID, chain.ScopePersonalSign))
	wantRevert(t, e.c.RemoveAuthMethodScope(e.ctx, owner, id, oi.Type, oi.ID, chain.ScopePersonalSign), "NotPermitted")
	m, ok, err := e.c.PermittedAuthMethod(e.ctx, id, oi.Type, oi.ID)
	e.must(err)
	if !ok || !slices.Equal(m.Scopes, []uint64{chain.ScopeSignAnything}) {
		t.Fatalf("OIDC method after the scope changes: %+v, %v", m, ok)
	}

	// Lit's views answer the same.
	perm := bindings.NewPKPPermissions()
	out, err := e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPPermissions, perm.PackGetPermittedAuthMethodScopes(id, big.NewInt(int64(oi.Type)), oi.ID, big.NewInt(4))), nil)
	e.must(err)
	scopes, err := perm.UnpackGetPermittedAuthMethodScopes(out)
	e.must(err)
	if !slices.Equal(scopes, []bool{false, true, false, false}) {
		t.Fatalf("getPermittedAuthMethodScopes = %v", scopes)
	}
	out, err = e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPPermissions, perm.PackGetPermittedAuthMethodUserPubkey(id, big.NewInt(3), wa.ID)), nil)
	e.must(err)
	if k, _ := perm.UnpackGetPermittedAuthMethodUserPubkey(out); !bytes.Equal(k, coseKeyA) {
		t.Fatalf("user pubkey %x", k)
	}
	out, err = e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPPermissions, perm.PackGetAuthMethodId(big.NewInt(3), wa.ID)), nil)
	e.must(err)
	if got, _ := perm.UnpackGetAuthMethodId(out); got.Cmp(chain.LitAuthMethodID(3, wa.ID)) != 0 {
		t.Fatalf("getAuthMethodId %x, LitAuthMethodID %x", got, chain.LitAuthMethodID(3, wa.ID))
	}

	e.must(e.c.RevokeAuthMethod(e.ctx, owner, id, wa.Type, wa.ID))
	if ok, err := e.c.IsPermittedAuthMethod(e.ctx, id, wa.Type, wa.ID); err != nil || ok {
		t.Fatalf("revoked method still permitted: %v %v", ok, err)
	}
}

// The events carry Lit's signatures, so Lit's indexers and SDK decode them.
func TestAuthMethodEventsAreLits(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	owner := e.users[0]
	p, err := e.c.MintPKP(e.ctx, owner)
	e.must(err)
	m := webauthnMethod("cred-ev", coseKeyA, 1, 2)
	e.must(e.c.PermitAuthMethod(e.ctx, owner, p.TokenID, m))
	logs, err := e.sim.Backend.Client().FilterLogs(e.ctx, ethereum.FilterQuery{Addresses: []common.Address{e.addrs.PKPPermissions}})
	e.must(err)
	topic := func(sig string) common.Hash { return crypto.Keccak256Hash([]byte(sig)) }
	var added, scopes int
	perm := bindings.NewPKPPermissions()
	for _, l := range logs {
		switch l.Topics[0] {
		case topic("PermittedAuthMethodAdded(uint256,uint256,bytes,bytes)"):
			ev, err := perm.UnpackPermittedAuthMethodAddedEvent(&l)
			e.must(err)
			if ev.TokenId.Cmp(p.TokenID) != 0 || ev.AuthMethodType.Uint64() != 3 || !bytes.Equal(ev.Id, m.ID) || !bytes.Equal(ev.UserPubkey, coseKeyA) {
				t.Fatalf("PermittedAuthMethodAdded %+v", ev)
			}
			added++
		case topic("PermittedAuthMethodScopeAdded(uint256,uint256,bytes,uint256)"):
			scopes++
		}
	}
	if added != 1 || scopes != 2 {
		t.Fatalf("%d PermittedAuthMethodAdded, %d PermittedAuthMethodScopeAdded events; want 1 and 2", added, scopes)
	}
}

func TestAuthMethodBadInputIsRefused(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	owner := e.users[0]
	p, err := e.c.MintPKP(e.ctx, owner)
	e.must(err)
	id := p.TokenID
	long := bytes.Repeat([]byte{1}, 257)
	for name, m := range map[string]chain.AuthMethod{
		"a WebAuthn method without its credential key": {Type: chain.AuthMethodTypeWebAuthn, ID: []byte{1}},
		"an empty id":                         {Type: chain.AuthMethodTypeOIDC},
		"an id over 256 bytes":                {Type: chain.AuthMethodTypeOIDC, ID: long},
		"a user key over 512 bytes":           {Type: chain.AuthMethodTypeWebAuthn, ID: []byte{1}, UserPubkey: bytes.Repeat(long, 2)},
		"a scope id of 256":                   {Type: chain.AuthMethodTypeOIDC, ID: []byte{1}, Scopes: []uint64{256}},
		"seventeen scopes":                    {Type: chain.AuthMethodTypeOIDC, ID: []byte{1}, Scopes: make([]uint64, 17)},
		"an EthWallet id that is no address":  {Type: chain.AuthMethodTypeEthWallet, ID: []byte{1, 2}},
		"the zero address":                    {Type: chain.AuthMethodTypeEthWallet, ID: make([]byte, 20)},
		"a LitAction id over 128 bytes (CID)": {Type: chain.AuthMethodTypeLitAction, ID: long[:129]},
	} {
		t.Run(name, func(t *testing.T) { wantRevert(t, e.c.PermitAuthMethod(e.ctx, owner, id, m), "BadField") })
	}
	// A type beyond uint64 (Lit's hashed custom types) is refused: litmesh keeps types small.
	huge := new(big.Int).Lsh(big.NewInt(1), 64)
	data := bindings.NewPKPPermissions().PackAddPermittedAuthMethod(id, bindings.PKPPermissionsAuthMethod{AuthMethodType: huge, Id: []byte{1}, UserPubkey: []byte{}}, nil)
	wantRevert(t, e.tx(owner, e.addrs.PKPPermissions, data), "BadField")
}

// Each PKP holds its own record: another owner registering the same credential id with a
// different key changes nothing for the first PKP (Lit's contract keeps one key per id).
func TestAuthMethodRecordsArePerPKP(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	alice, mallory := e.users[0], e.users[1]
	pa, err := e.c.MintPKP(e.ctx, alice)
	e.must(err)
	pm, err := e.c.MintPKP(e.ctx, mallory)
	e.must(err)
	e.must(e.c.PermitAuthMethod(e.ctx, alice, pa.TokenID, webauthnMethod("shared", coseKeyA, 1)))
	e.must(e.c.PermitAuthMethod(e.ctx, mallory, pm.TokenID, webauthnMethod("shared", coseKeyB, 1)))
	ma, ok, err := e.c.PermittedAuthMethod(e.ctx, pa.TokenID, chain.AuthMethodTypeWebAuthn, webauthnMethod("shared", nil).ID)
	e.must(err)
	if !ok || !bytes.Equal(ma.UserPubkey, coseKeyA) {
		t.Fatalf("alice's credential key after mallory's registration: %x (permitted %v)", ma.UserPubkey, ok)
	}
	ids, err := e.c.TokenIDsForAuthMethod(e.ctx, chain.AuthMethodTypeWebAuthn, ma.ID)
	e.must(err)
	if len(ids) != 2 || ids[0].Cmp(pa.TokenID) != 0 || ids[1].Cmp(pm.TokenID) != 0 {
		t.Fatalf("tokens of the credential: %v", ids)
	}
	e.must(e.c.RevokeAuthMethod(e.ctx, mallory, pm.TokenID, chain.AuthMethodTypeWebAuthn, ma.ID))
	ids, err = e.c.TokenIDsForAuthMethod(e.ctx, chain.AuthMethodTypeWebAuthn, ma.ID)
	e.must(err)
	if len(ids) != 1 || ids[0].Cmp(pa.TokenID) != 0 {
		t.Fatalf("tokens after mallory revoked: %v", ids)
	}
}

func TestMintWithAuthMethodsIsOneTransaction(t *testing.T) {
	e, _, X := pkpNetwork(t)
	user := e.users[0]
	wa := webauthnMethod("cred-mint", coseKeyA, chain.ScopeSignAnything)
	oi := oidcMethod("bob", chain.ScopeSignAnything, chain.ScopePersonalSign)

	p, err := e.c.MintPKPWithAuthMethods(e.ctx, user, []chain.AuthMethod{wa, oi}, chain.MintOptions{})
	e.must(err)
	got, err := e.c.PKP(e.ctx, p.TokenID)
	e.must(err)
	want, err := chain.DerivePKPKey(X, got.KeyID)
	e.must(err)
	if got.Owner != addr(user) || !bytes.Equal(got.PublicKey, want.SerializeUncompressed()) || p.Owner != addr(user) {
		t.Fatalf("PKP minted through the helper: %+v (returned %+v)", got, p)
	}
	all, err := e.c.AuthMethods(e.ctx, p.TokenID)
	e.must(err)
	if len(all) != 2 || !bytes.Equal(all[0].UserPubkey, coseKeyA) || !slices.Equal(all[1].Scopes, []uint64{1, 2}) {
		t.Fatalf("auth methods of the new PKP: %+v", all)
	}
	// The helper used the user's own key id sequence: a plain mint next gets the next one.
	p2, err := e.c.MintPKP(e.ctx, user)
	e.must(err)
	if p2.KeyID == p.KeyID {
		t.Fatal("the plain mint after the helper mint reused the key id")
	}

	// Self-owned, with its own address permitted.
	p3, err := e.c.MintPKPWithAuthMethods(e.ctx, user, []chain.AuthMethod{oi}, chain.MintOptions{AddPKPAddress: true, SendToItself: true})
	e.must(err)
	owner, err := e.c.OwnerOf(e.ctx, p3.TokenID)
	e.must(err)
	if owner != p3.EthAddress || p3.Owner != p3.EthAddress {
		t.Fatalf("self-owned PKP owned by %s, want its own address %s", owner.Hex(), p3.EthAddress.Hex())
	}
	perms, err := e.c.Permissions(e.ctx, p3.TokenID)
	e.must(err)
	if len(perms.Addresses) != 1 || perms.Addresses[0] != p3.EthAddress {
		t.Fatalf("self-owned PKP's addresses %v", perms.Addresses)
	}
	// The minter no longer controls it.
	wantRevert(t, e.c.PermitAuthMethod(e.ctx, user, p3.TokenID, wa), "NotTokenOwner")
}

func TestMintWithAuthMethodsIsAllOrNothing(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	user := e.users[0]
	pkp := bindings.NewPKPNFT()
	out, err := e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPNFT, pkp.PackMintNonce(addr(user))), nil)
	e.must(err)
	before, err := pkp.UnpackMintNonce(out)
	e.must(err)

	// A WebAuthn method without its key makes the whole mint revert: no PKP without its methods.
	_, err = e.c.MintPKPWithAuthMethods(e.ctx, user, []chain.AuthMethod{oidcMethod("c", 1), {Type: chain.AuthMethodTypeWebAuthn, ID: []byte{1}, Scopes: []uint64{1}}}, chain.MintOptions{})
	wantRevert(t, err, "BadField")
	out, err = e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPNFT, pkp.PackMintNonce(addr(user))), nil)
	e.must(err)
	if after, _ := pkp.UnpackMintNonce(out); after.Cmp(before) != 0 {
		t.Fatalf("mint nonce moved from %s to %s on a refused mint", before, after)
	}
	// Lists of different lengths.
	helper := bindings.NewPKPHelper()
	data := helper.PackMintNextAndAddAuthMethods(big.NewInt(2), make([]byte, 65), []*big.Int{big.NewInt(3)}, nil, nil, nil, false, false)
	wantRevert(t, e.tx(user, e.addrs.PKPHelper, data), "BadField")

	// Only the helper may mint for someone else, and the helper is wired once.
	wantRevert(t, e.tx(user, e.addrs.PKPNFT, pkp.PackMintNextFor(addr(e.users[1]), big.NewInt(2), make([]byte, 65))), "NotHelper")
	wantRevert(t, e.tx(e.admin, e.addrs.PKPNFT, pkp.PackSetHelper(addr(user))), "HelperAlreadySet")
}

// oidcAuthMethodId on chain is keccak256(abi.encode(iss, aud, sub)), computed here with
// go-ethereum's ABI encoder independently of the contract.
func TestOIDCAuthMethodIDView(t *testing.T) {
	e := newEnv(t, 1)
	perm := bindings.NewPKPPermissions()
	iss, aud, sub := "https://issuer.example", "demo-app", "alice"
	out, err := e.c.Backend().CallContract(e.ctx, callMsg(e.addrs.PKPPermissions, perm.PackOidcAuthMethodId(iss, aud, sub)), nil)
	e.must(err)
	got, err := perm.UnpackOidcAuthMethodId(out)
	e.must(err)
	str, _ := abi.NewType("string", "", nil)
	enc, err := abi.Arguments{{Type: str}, {Type: str}, {Type: str}}.Pack(iss, aud, sub)
	e.must(err)
	if want := crypto.Keccak256Hash(enc); common.Hash(got) != want {
		t.Fatalf("oidcAuthMethodId = %x, want %x", got, want)
	}
	// The golden vector access.OIDCAuthMethodID is tested against too.
	if hex := common.Bytes2Hex(got[:]); hex != "a20f03636e8dbb4bc1fd0c7cb2667a24383277a9b4e258c6299d56738253fbc7" {
		t.Fatalf("oidcAuthMethodId = %s, not the golden vector", hex)
	}
}

// An address or action permitted with PersonalSign only must not count as a permitted
// address or action, which the node lets sign any hash: the scope would be bypassed.
func TestPersonalSignOnlyIsNotSignAnything(t *testing.T) {
	e, _, _ := pkpNetwork(t)
	owner, friend := e.users[0], e.users[1]
	p, err := e.c.MintPKP(e.ctx, owner)
	e.must(err)
	a := mustCID(t, cidA)
	e.must(e.c.PermitAuthMethod(e.ctx, owner, p.TokenID, chain.AuthMethod{Type: chain.AuthMethodTypeEthWallet, ID: addr(friend).Bytes(), Scopes: []uint64{chain.ScopePersonalSign}}))
	e.must(e.c.PermitAuthMethod(e.ctx, owner, p.TokenID, chain.AuthMethod{Type: chain.AuthMethodTypeLitAction, ID: a, Scopes: []uint64{chain.ScopePersonalSign}}))
	check := func(want bool) {
		t.Helper()
		if ok, err := e.c.IsPermittedAddress(e.ctx, p.TokenID, addr(friend)); err != nil || ok != want {
			t.Fatalf("isPermittedAddress = %v, %v; want %v", ok, err, want)
		}
		if ok, err := e.c.IsPermittedAction(e.ctx, p.TokenID, a); err != nil || ok != want {
			t.Fatalf("isPermittedAction = %v, %v; want %v", ok, err, want)
		}
		perms, err := e.c.Permissions(e.ctx, p.TokenID)
		e.must(err)
		if n := len(perms.Addresses) + len(perms.Actions); (n == 2) != want || len(perms.AuthMethods) != 2-n {
			t.Fatalf("permissions %+v (sign-anything %v)", perms, want)
		}
	}
	check(false)
	e.must(e.c.AddAuthMethodScope(e.ctx, owner, p.TokenID, chain.AuthMethodTypeEthWallet, addr(friend).Bytes(), chain.ScopeSignAnything))
	e.must(e.c.AddAuthMethodScope(e.ctx, owner, p.TokenID, chain.AuthMethodTypeLitAction, a, chain.ScopeSignAnything))
	check(true)
	// Taking SignAnything away again takes the signing permission away.
	e.must(e.c.RemoveAuthMethodScope(e.ctx, owner, p.TokenID, chain.AuthMethodTypeLitAction, a, chain.ScopeSignAnything))
	if ok, err := e.c.IsPermittedAction(e.ctx, p.TokenID, a); err != nil || ok {
		t.Fatalf("action after losing SignAnything: %v, %v", ok, err)
	}
}
