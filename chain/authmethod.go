package chain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain/bindings"
)

// Auth method types. 1–13 are Lit's numbering (PKPPermissions' AuthMethodType); litmesh
// verifies EthWallet, LitAction, WebAuthn and OIDC ID tokens: its own OIDC type for any
// allowlisted issuer, and Lit's Google and Apple JWT types as that issuer's instances
// (docs/auth-methods.md).
const (
	AuthMethodTypeEthWallet uint64 = 1
	AuthMethodTypeLitAction uint64 = 2
	AuthMethodTypeWebAuthn  uint64 = 3
	AuthMethodTypeGoogleJWT uint64 = 6
	AuthMethodTypeAppleJWT  uint64 = 8
	// AuthMethodTypeOIDC is "OIDC" in ASCII: outside Lit's sequence, so it never collides
	// with a type Lit adds, and small enough for a JSON number.
	AuthMethodTypeOIDC uint64 = 0x4f494443
)

// Auth method scopes (Lit's AuthMethodScope).
const (
	ScopeSignAnything uint64 = 1 // sign any 32-byte hash
	ScopePersonalSign uint64 = 2 // sign EIP-191 personal messages only
)

// maxScopeID mirrors PKPPermissions.SCOPE_ID_LIMIT: scope ids are below it.
const maxScopeID = 256

// AuthMethod is one auth method permitted to use a PKP.
type AuthMethod struct {
	Type       uint64
	ID         []byte
	UserPubkey []byte   // e.g. a WebAuthn credential's COSE public key; empty for most types
	Scopes     []uint64 // ascending
}

// HasScope reports whether the method may be used for scope, with Lit's rule that
// SignAnything also allows PersonalSign.
func (m AuthMethod) HasScope(scope uint64) bool {
	if slices.Contains(m.Scopes, scope) {
		return true
	}
	return scope == ScopePersonalSign && slices.Contains(m.Scopes, ScopeSignAnything)
}

// AuthMethodTypeName is the CLI's name of a type ("" for a type litmesh does not name).
func AuthMethodTypeName(t uint64) string {
	switch t {
	case AuthMethodTypeEthWallet:
		return "eth-wallet"
	case AuthMethodTypeLitAction:
		return "lit-action"
	case AuthMethodTypeWebAuthn:
		return "webauthn"
	case AuthMethodTypeGoogleJWT:
		return "google-jwt"
	case AuthMethodTypeAppleJWT:
		return "apple-jwt"
	case AuthMethodTypeOIDC:
		return "oidc"
	}
	return ""
}

// LitAuthMethodID is Lit's key of an auth method: uint256(keccak256(abi.encode(type, id))),
// as getTokenIdsForAuthMethod uses it.
func LitAuthMethodID(authType uint64, id []byte) *big.Int {
	// abi.encode(uint256, bytes): type, offset 0x40, length, data padded to 32 bytes.
	enc := make([]byte, 0, 96+len(id)+31)
	enc = append(enc, common.LeftPadBytes(new(big.Int).SetUint64(authType).Bytes(), 32)...)
	enc = append(enc, common.LeftPadBytes([]byte{0x40}, 32)...)
	enc = append(enc, common.LeftPadBytes(big.NewInt(int64(len(id))).Bytes(), 32)...)
	enc = append(enc, id...)
	if r := len(id) % 32; r != 0 {
		enc = append(enc, make([]byte, 32-r)...)
	}
	return new(big.Int).SetBytes(crypto.Keccak256(enc))
}

// AuthMethods lists every auth method permitted to use the PKP, permitted actions (type 2)
// and addresses (type 1) included, with scopes and user public keys, from one block.
func (c *Client) AuthMethods(ctx context.Context, tokenID *big.Int) ([]AuthMethod, error) {
	out, err := c.call(ctx, c.addrs.PKPPermissions, c.permissions.PackGetPermittedAuthMethodsWithScopes(tokenID))
	if err != nil {
		return nil, fmt.Errorf("read auth methods of pkp %s: %w", tokenID, err)
	}
	res, err := c.permissions.UnpackGetPermittedAuthMethodsWithScopes(out)
	if err != nil {
		return nil, fmt.Errorf("decode auth methods of pkp %s: %w", tokenID, err)
	}
	if len(res.Methods) != len(res.ScopeMasks) {
		return nil, fmt.Errorf("decode auth methods of pkp %s: %d methods but %d scope masks", tokenID, len(res.Methods), len(res.ScopeMasks))
	}
	methods := make([]AuthMethod, 0, len(res.Methods))
	for i, m := range res.Methods {
		am := AuthMethod{Type: u64(m.AuthMethodType), ID: m.Id, UserPubkey: m.UserPubkey}
		for s := 0; s < maxScopeID; s++ {
			if res.ScopeMasks[i].Bit(s) == 1 {
				am.Scopes = append(am.Scopes, uint64(s))
			}
		}
		methods = append(methods, am)
	}
	return methods, nil
}

// PermittedAuthMethod returns the PKP's auth method of this type and id, and whether it is
// permitted at all.
func (c *Client) PermittedAuthMethod(ctx context.Context, tokenID *big.Int, authType uint64, id []byte) (AuthMethod, bool, error) {
	all, err := c.AuthMethods(ctx, tokenID)
	if err != nil {
		return AuthMethod{}, false, err
	}
	for _, m := range all {
		if m.Type == authType && bytes.Equal(m.ID, id) {
			return m, true, nil
		}
	}
	return AuthMethod{}, false, nil
}

// IsPermittedAuthMethod reports whether an auth method may use the PKP (with any scopes).
func (c *Client) IsPermittedAuthMethod(ctx context.Context, tokenID *big.Int, authType uint64, id []byte) (bool, error) {
	ok, err := c.callBool(ctx, c.addrs.PKPPermissions, c.permissions.PackIsPermittedAuthMethod(tokenID, new(big.Int).SetUint64(authType), id), c.permissions.UnpackIsPermittedAuthMethod)
	if err != nil {
		return false, fmt.Errorf("read permitted auth method of pkp %s: %w", tokenID, err)
	}
	return ok, nil
}

// TokenIDsForAuthMethod lists the PKPs holding an auth method. Anyone may add any auth
// method to a PKP they own: treat the list as a hint and check each PKP's owner.
func (c *Client) TokenIDsForAuthMethod(ctx context.Context, authType uint64, id []byte) ([]*big.Int, error) {
	out, err := c.call(ctx, c.addrs.PKPPermissions, c.permissions.PackGetTokenIdsForAuthMethod(new(big.Int).SetUint64(authType), id))
	if err != nil {
		return nil, fmt.Errorf("read pkps of auth method: %w", err)
	}
	ids, err := c.permissions.UnpackGetTokenIdsForAuthMethod(out)
	if err != nil {
		return nil, fmt.Errorf("decode pkps of auth method: %w", err)
	}
	return ids, nil
}

// PermitAuthMethod lets an auth method use the PKP with the given scopes. Only the owner can.
func (c *Client) PermitAuthMethod(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, m AuthMethod) error {
	return c.permTx(ctx, key, "permit auth method", c.permissions.PackAddPermittedAuthMethod(tokenID, m.binding(), bigs(m.Scopes)))
}

// RevokeAuthMethod removes a permitted auth method.
func (c *Client) RevokeAuthMethod(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, authType uint64, id []byte) error {
	return c.permTx(ctx, key, "revoke auth method", c.permissions.PackRemovePermittedAuthMethod(tokenID, new(big.Int).SetUint64(authType), id))
}

// AddAuthMethodScope grants one more scope to a permitted auth method.
func (c *Client) AddAuthMethodScope(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, authType uint64, id []byte, scope uint64) error {
	return c.permTx(ctx, key, "add auth method scope", c.permissions.PackAddPermittedAuthMethodScope(tokenID, new(big.Int).SetUint64(authType), id, new(big.Int).SetUint64(scope)))
}

// RemoveAuthMethodScope takes a scope from a permitted auth method.
func (c *Client) RemoveAuthMethodScope(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, authType uint64, id []byte, scope uint64) error {
	return c.permTx(ctx, key, "remove auth method scope", c.permissions.PackRemovePermittedAuthMethodScope(tokenID, new(big.Int).SetUint64(authType), id, new(big.Int).SetUint64(scope)))
}

// MintOptions are PKPHelper.mintNextAndAddAuthMethods' two switches.
type MintOptions struct {
	// AddPKPAddress permits the PKP's own Ethereum address (type 1, SignAnything).
	AddPKPAddress bool
	// SendToItself makes the PKP its own owner: only its auth methods (through the PKP's
	// own signatures) can change its permissions afterwards.
	SendToItself bool
}

// ErrNoHelper means the network's contracts list no PKPHelper.
var ErrNoHelper = errors.New("the network lists no PKPHelper contract")

// MintPKPWithAuthMethods mints the signer's next PKP and permits the auth methods in the same
// transaction, through PKPHelper: no moment exists in which the PKP is minted without them.
func (c *Client) MintPKPWithAuthMethods(ctx context.Context, key *ecdsa.PrivateKey, methods []AuthMethod, o MintOptions) (PKP, error) {
	if c.addrs.PKPHelper == (common.Address{}) {
		return PKP{}, fmt.Errorf("mint pkp with auth methods: %w", ErrNoHelper)
	}
	pub, err := c.nextDerivedKey(ctx, key)
	if err != nil {
		return PKP{}, fmt.Errorf("mint pkp with auth methods: %w", err)
	}
	types := make([]*big.Int, len(methods))
	ids := make([][]byte, len(methods))
	pubkeys := make([][]byte, len(methods))
	scopes := make([][]*big.Int, len(methods))
	for i, m := range methods {
		types[i] = new(big.Int).SetUint64(m.Type)
		ids[i] = m.ID
		pubkeys[i] = m.UserPubkey
		if pubkeys[i] == nil {
			pubkeys[i] = []byte{}
		}
		scopes[i] = bigs(m.Scopes)
	}
	raw := pub.SerializeUncompressed()
	data := c.helper.PackMintNextAndAddAuthMethods(big.NewInt(int64(KeyTypeECDSA)), raw, types, ids, pubkeys, scopes, o.AddPKPAddress, o.SendToItself)
	r, err := c.Transact(ctx, key, c.addrs.PKPHelper, data)
	if err != nil {
		return PKP{}, fmt.Errorf("mint pkp with auth methods: %w", err)
	}
	owner := crypto.PubkeyToAddress(key.PublicKey)
	if o.SendToItself {
		owner = common.BytesToAddress(crypto.Keccak256(raw[1:])[12:])
	}
	return c.mintedFrom(r, owner)
}

func (m AuthMethod) binding() bindings.PKPPermissionsAuthMethod {
	pk := m.UserPubkey
	if pk == nil {
		pk = []byte{}
	}
	return bindings.PKPPermissionsAuthMethod{AuthMethodType: new(big.Int).SetUint64(m.Type), Id: m.ID, UserPubkey: pk}
}

func bigs(v []uint64) []*big.Int {
	out := make([]*big.Int, len(v))
	for i, s := range v {
		out[i] = new(big.Int).SetUint64(s)
	}
	return out
}
