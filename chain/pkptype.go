package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/crypto"
)

// PKPs of other key types than ECDSA (docs/schemes.md, docs/pkp.md): their keys derive from
// the root key of their type. The PKPNFT contract checks their format, not their derivation
// (it cannot compute their tweaks cheaply); the nodes check the derivation at every signature.
// Their token id is keccak256(keyId ‖ pubkey), so nobody can take the token id of another
// minter's next key.

// KeyTypeOf returns the key type a PKP was minted with. ErrUnknownPKP if it was never minted;
// ECDSA for a PKP of a PKPNFT contract from before key types (it had no keyTypeOf).
func (c *Client) KeyTypeOf(ctx context.Context, tokenID *big.Int) (KeyType, error) {
	out, err := c.callImmutable(ctx, c.addrs.PKPNFT, c.pkpNFT.PackKeyTypeOf(tokenID), func(out []byte) bool {
		v, err := c.pkpNFT.UnpackKeyTypeOf(out)
		return err == nil && v.Sign() > 0
	})
	var rev *RevertError
	switch {
	case errors.As(err, &rev):
		// An older contract: only ECDSA PKPs existed.
		if _, err := c.KeyIDOf(ctx, tokenID); err != nil {
			return 0, err
		}
		return KeyTypeECDSA, nil
	case err != nil:
		return 0, fmt.Errorf("read key type of pkp %s: %w", tokenID, err)
	}
	v, err := c.pkpNFT.UnpackKeyTypeOf(out)
	if err != nil {
		return 0, fmt.Errorf("decode key type of pkp %s: %w", tokenID, err)
	}
	if v.Sign() == 0 {
		if _, err := c.KeyIDOf(ctx, tokenID); err != nil {
			return 0, err
		}
		return KeyTypeECDSA, nil
	}
	if !v.IsUint64() || v.Uint64() > 255 || KeyType(v.Uint64()).PubkeyLen() == 0 {
		return 0, fmt.Errorf("pkp %s has key type %s, which this software does not know", tokenID, v)
	}
	return KeyType(v.Uint64()), nil
}

// PKPTokenIDOf is the token id the PKPNFT contract gives a PKP of key type kt with this key
// id and public key: keccak256(pubkey) for ECDSA (Lit's rule), keccak256(keyId ‖ pubkey)
// otherwise.
func PKPTokenIDOf(kt KeyType, keyID [32]byte, pubkey []byte) *big.Int {
	if kt == KeyTypeECDSA {
		return new(big.Int).SetBytes(crypto.Keccak256(pubkey))
	}
	return new(big.Int).SetBytes(crypto.Keccak256(keyID[:], pubkey))
}

// DeriveFunc derives a PKP public key, in the PKPNFT contract's encoding, from the root key of
// its type (as voted on chain) and the key id.
type DeriveFunc func(root []byte, keyID [32]byte) ([]byte, error)

// MintPKPOfType mints the signer's next PKP of key type kt: it reads the type's root key and
// the key id the contract will assign, derives the public key with derive, and submits it.
// For ECDSA use MintPKP, whose derivation the contract checks.
func (c *Client) MintPKPOfType(ctx context.Context, key *ecdsa.PrivateKey, kt KeyType, derive DeriveFunc) (PKP, error) {
	if kt == KeyTypeECDSA {
		return c.MintPKP(ctx, key)
	}
	if kt.PubkeyLen() == 0 {
		return PKP{}, fmt.Errorf("mint pkp: key type %s has no PKPs", kt)
	}
	root, err := c.RootKey(ctx, kt)
	if err != nil {
		return PKP{}, fmt.Errorf("mint %s pkp: %w", kt, err)
	}
	minter := crypto.PubkeyToAddress(key.PublicKey)
	out, err := c.callLatest(ctx, c.addrs.PKPNFT, c.pkpNFT.PackNextKeyId(minter))
	if err != nil {
		return PKP{}, fmt.Errorf("mint %s pkp: read next key id: %w", kt, err)
	}
	keyID, err := c.pkpNFT.UnpackNextKeyId(out)
	if err != nil {
		return PKP{}, fmt.Errorf("mint %s pkp: decode next key id: %w", kt, err)
	}
	pub, err := derive(root, keyID)
	if err != nil {
		return PKP{}, fmt.Errorf("mint %s pkp: derive the key: %w", kt, err)
	}
	if len(pub) != kt.PubkeyLen() {
		return PKP{}, fmt.Errorf("mint %s pkp: derived a %d-byte key, want %d", kt, len(pub), kt.PubkeyLen())
	}
	r, err := c.Transact(ctx, key, c.addrs.PKPNFT, c.pkpNFT.PackMintNext(big.NewInt(int64(kt)), pub))
	if err != nil {
		return PKP{}, fmt.Errorf("mint %s pkp: %w", kt, err)
	}
	p, err := c.mintedFrom(r, minter)
	if err != nil {
		return PKP{}, err
	}
	p.KeyType = kt
	if p.KeyID != keyID {
		return PKP{}, fmt.Errorf("mint %s pkp: minted with key id %x, derived for %x (another mint by this account raced it): the token's key is not its derivation", kt, p.KeyID, keyID)
	}
	return p, nil
}
