package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// ErrBurnedPKP means the PKP was burned: it has no owner and its permissions can never change.
var ErrBurnedPKP = errors.New("pkp burned")

// PKP is a minted programmable key pair.
type PKP struct {
	TokenID *big.Int
	KeyID   [32]byte
	KeyType KeyType
	// PublicKey in the contract's encoding: 65-byte uncompressed secp256k1 (ECDSA), 32 bytes
	// (Ed25519), 33-byte compressed secp256k1 (Schnorr), 48-byte compressed G1 (BLS).
	PublicKey  []byte
	EthAddress common.Address // ECDSA PKPs only
	Owner      common.Address // zero when burned
	Burned     bool
}

// Permissions are everything permitted to use a PKP besides its owner.
type Permissions struct {
	Actions   [][]byte         // binary IPFS CIDs (see CanonicalCID): the LitAction auth methods
	Addresses []common.Address // the EthWallet auth methods
	// AuthMethods are the other auth methods (WebAuthn, OIDC, …); AuthMethods lists all.
	AuthMethods []AuthMethod
}

// PKP reads a PKP's key id, public key and owner. ErrUnknownPKP if it was never minted.
func (c *Client) PKP(ctx context.Context, tokenID *big.Int) (PKP, error) {
	keyID, err := c.KeyIDOf(ctx, tokenID)
	if err != nil {
		return PKP{}, err
	}
	out, err := c.callImmutable(ctx, c.addrs.PKPNFT, c.pkpNFT.PackPubkeyOf(tokenID), nonEmptyBytes(c.pkpNFT.UnpackPubkeyOf))
	if err != nil {
		return PKP{}, fmt.Errorf("read pubkey of pkp %s: %w", tokenID, err)
	}
	pub, err := c.pkpNFT.UnpackPubkeyOf(out)
	if err != nil {
		return PKP{}, fmt.Errorf("decode pubkey of pkp %s: %w", tokenID, err)
	}
	kt, err := c.KeyTypeOf(ctx, tokenID)
	if err != nil {
		return PKP{}, err
	}
	p := PKP{TokenID: new(big.Int).Set(tokenID), KeyID: keyID, KeyType: kt, PublicKey: pub}
	if kt == KeyTypeECDSA && len(pub) == 65 {
		p.EthAddress = common.BytesToAddress(crypto.Keccak256(pub[1:])[12:])
	}
	owner, err := c.OwnerOf(ctx, tokenID)
	switch {
	case errors.Is(err, ErrBurnedPKP):
		p.Burned = true
	case err != nil:
		return PKP{}, err
	default:
		p.Owner = owner
	}
	return p, nil
}

// KeyIDOf returns the key id a PKP's key is derived from. ErrUnknownPKP if never minted.
func (c *Client) KeyIDOf(ctx context.Context, tokenID *big.Int) ([32]byte, error) {
	out, err := c.callImmutable(ctx, c.addrs.PKPNFT, c.pkpNFT.PackKeyIdOf(tokenID), func(out []byte) bool {
		id, err := c.pkpNFT.UnpackKeyIdOf(out)
		return err == nil && id != [32]byte{}
	})
	if err != nil {
		return [32]byte{}, fmt.Errorf("read key id of pkp %s: %w", tokenID, err)
	}
	id, err := c.pkpNFT.UnpackKeyIdOf(out)
	if err != nil {
		return [32]byte{}, fmt.Errorf("decode key id of pkp %s: %w", tokenID, err)
	}
	if id == [32]byte{} {
		return [32]byte{}, fmt.Errorf("pkp %s: %w", tokenID, ErrUnknownPKP)
	}
	return id, nil
}

// PubkeyOf returns a PKP's 65-byte uncompressed public key.
func (c *Client) PubkeyOf(ctx context.Context, tokenID *big.Int) ([]byte, error) {
	p, err := c.PKP(ctx, tokenID)
	if err != nil {
		return nil, err
	}
	return p.PublicKey, nil
}

// OwnerOf returns a PKP's owner: ErrBurnedPKP if it was burned, ErrUnknownPKP if it never
// existed.
func (c *Client) OwnerOf(ctx context.Context, tokenID *big.Int) (common.Address, error) {
	out, err := c.call(ctx, c.addrs.PKPNFT, c.pkpNFT.PackOwnerOf(tokenID))
	var rev *RevertError
	if errors.As(err, &rev) && rev.Name == "ERC721NonexistentToken" {
		if _, idErr := c.KeyIDOf(ctx, tokenID); idErr != nil {
			return common.Address{}, idErr
		}
		return common.Address{}, fmt.Errorf("pkp %s: %w", tokenID, ErrBurnedPKP)
	}
	if err != nil {
		return common.Address{}, fmt.Errorf("read owner of pkp %s: %w", tokenID, err)
	}
	return c.pkpNFT.UnpackOwnerOf(out)
}

// IsPermittedAction reports whether a Lit Action (binary CID) may use the PKP.
func (c *Client) IsPermittedAction(ctx context.Context, tokenID *big.Int, cid []byte) (bool, error) {
	ok, err := c.callBool(ctx, c.addrs.PKPPermissions, c.permissions.PackIsPermittedAction(tokenID, cid), c.permissions.UnpackIsPermittedAction)
	if err != nil {
		return false, fmt.Errorf("read permitted action of pkp %s: %w", tokenID, err)
	}
	return ok, nil
}

// IsPermittedAddress reports whether an address may use the PKP (the owner always may; this
// is the explicit list).
func (c *Client) IsPermittedAddress(ctx context.Context, tokenID *big.Int, account common.Address) (bool, error) {
	ok, err := c.callBool(ctx, c.addrs.PKPPermissions, c.permissions.PackIsPermittedAddress(tokenID, account), c.permissions.UnpackIsPermittedAddress)
	if err != nil {
		return false, fmt.Errorf("read permitted address of pkp %s: %w", tokenID, err)
	}
	return ok, nil
}

// Permissions lists everything permitted to use the PKP, from one block.
func (c *Client) Permissions(ctx context.Context, tokenID *big.Int) (Permissions, error) {
	all, err := c.AuthMethods(ctx, tokenID)
	if err != nil {
		return Permissions{}, fmt.Errorf("list permissions of pkp %s: %w", tokenID, err)
	}
	var p Permissions
	for _, m := range all {
		// Actions and addresses are the ones that may sign anything, as the contract's
		// isPermittedAction/isPermittedAddress say; others stay visible as auth methods.
		switch signs := m.HasScope(ScopeSignAnything); {
		case m.Type == AuthMethodTypeLitAction && signs:
			p.Actions = append(p.Actions, m.ID)
		case m.Type == AuthMethodTypeEthWallet && signs:
			p.Addresses = append(p.Addresses, common.BytesToAddress(m.ID))
		default:
			p.AuthMethods = append(p.AuthMethods, m)
		}
	}
	return p, nil
}

// ECDSARootKey returns the network's secp256k1 root public key.
func (c *Client) ECDSARootKey(ctx context.Context) (*secp256k1.PublicKey, error) {
	raw, err := c.RootKey(ctx, KeyTypeECDSA)
	if err != nil {
		return nil, err
	}
	pub, err := secp256k1.ParsePubKey(raw)
	if err != nil {
		return nil, fmt.Errorf("parse ecdsa root key: %w", err)
	}
	return pub, nil
}

// MintPKP mints the signer's next PKP: it reads the key id the contract will assign, derives
// the public key from the network's ECDSA root locally, and submits it for the contract to
// verify.
func (c *Client) MintPKP(ctx context.Context, key *ecdsa.PrivateKey) (PKP, error) {
	pub, err := c.nextDerivedKey(ctx, key)
	if err != nil {
		return PKP{}, fmt.Errorf("mint pkp: %w", err)
	}
	r, err := c.Transact(ctx, key, c.addrs.PKPNFT, c.pkpNFT.PackMintNext(big.NewInt(int64(KeyTypeECDSA)), pub.SerializeUncompressed()))
	if err != nil {
		return PKP{}, fmt.Errorf("mint pkp: %w", err)
	}
	return c.mintedFrom(r, crypto.PubkeyToAddress(key.PublicKey))
}

// MintGrantAndBurnPKP mints a PKP that only the Lit Action with this binary CID can ever use:
// the contract permits the action and burns the token in the same transaction.
func (c *Client) MintGrantAndBurnPKP(ctx context.Context, key *ecdsa.PrivateKey, cid []byte) (PKP, error) {
	pub, err := c.nextDerivedKey(ctx, key)
	if err != nil {
		return PKP{}, fmt.Errorf("mint-grant-burn pkp: %w", err)
	}
	r, err := c.Transact(ctx, key, c.addrs.PKPNFT, c.pkpNFT.PackMintGrantAndBurnNext(big.NewInt(int64(KeyTypeECDSA)), cid, pub.SerializeUncompressed()))
	if err != nil {
		return PKP{}, fmt.Errorf("mint-grant-burn pkp: %w", err)
	}
	p, err := c.mintedFrom(r, common.Address{})
	p.Burned = true
	return p, err
}

func (c *Client) nextDerivedKey(ctx context.Context, key *ecdsa.PrivateKey) (*secp256k1.PublicKey, error) {
	root, err := c.ECDSARootKey(ctx)
	if err != nil {
		return nil, err
	}
	out, err := c.callLatest(ctx, c.addrs.PKPNFT, c.pkpNFT.PackNextKeyId(crypto.PubkeyToAddress(key.PublicKey)))
	if err != nil {
		return nil, fmt.Errorf("read next key id: %w", err)
	}
	keyID, err := c.pkpNFT.UnpackNextKeyId(out)
	if err != nil {
		return nil, fmt.Errorf("decode next key id: %w", err)
	}
	return DerivePKPKey(root, keyID)
}

func (c *Client) mintedFrom(r *types.Receipt, owner common.Address) (PKP, error) {
	for _, l := range r.Logs {
		if l.Address != c.addrs.PKPNFT {
			continue
		}
		ev, err := c.pkpNFT.UnpackPKPMintedEvent(l)
		if err != nil {
			continue // another event of the same contract
		}
		p := PKP{TokenID: ev.TokenId, KeyID: ev.KeyId, KeyType: KeyTypeECDSA, PublicKey: ev.Pubkey, Owner: owner}
		if len(ev.Pubkey) == 65 {
			p.EthAddress = common.BytesToAddress(crypto.Keccak256(ev.Pubkey[1:])[12:])
		}
		return p, nil
	}
	return PKP{}, fmt.Errorf("transaction %s has no PKPMinted event", r.TxHash.Hex())
}

// PermitAction lets the Lit Action with this binary CID use the PKP. Only the owner can.
func (c *Client) PermitAction(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, cid []byte) error {
	return c.permTx(ctx, key, "permit action", c.permissions.PackAddPermittedAction(tokenID, cid))
}

// RevokeAction removes a permitted Lit Action.
func (c *Client) RevokeAction(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, cid []byte) error {
	return c.permTx(ctx, key, "revoke action", c.permissions.PackRemovePermittedAction(tokenID, cid))
}

// PermitAddress lets an address use the PKP.
func (c *Client) PermitAddress(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, account common.Address) error {
	return c.permTx(ctx, key, "permit address", c.permissions.PackAddPermittedAddress(tokenID, account))
}

// RevokeAddress removes a permitted address.
func (c *Client) RevokeAddress(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, account common.Address) error {
	return c.permTx(ctx, key, "revoke address", c.permissions.PackRemovePermittedAddress(tokenID, account))
}

// TransferPKP moves the PKP, and with it control of its permissions, to another owner.
func (c *Client) TransferPKP(ctx context.Context, key *ecdsa.PrivateKey, tokenID *big.Int, to common.Address) error {
	from := crypto.PubkeyToAddress(key.PublicKey)
	if _, err := c.Transact(ctx, key, c.addrs.PKPNFT, c.pkpNFT.PackTransferFrom(from, to, tokenID)); err != nil {
		return fmt.Errorf("transfer pkp %s to %s: %w", tokenID, to.Hex(), err)
	}
	return nil
}

func (c *Client) permTx(ctx context.Context, key *ecdsa.PrivateKey, what string, data []byte) error {
	if _, err := c.Transact(ctx, key, c.addrs.PKPPermissions, data); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

func nonEmptyBytes(unpack func([]byte) ([]byte, error)) func([]byte) bool {
	return func(out []byte) bool {
		b, err := unpack(out)
		return err == nil && len(b) > 0
	}
}
