package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"

	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/keystore"
)

// The long-term DKG keys live in the keystore under epoch 0, which holds node-lifetime secrets.
const (
	lifetimeEpoch    = 0
	dkgKeyBLSName    = "dkg-longterm-bls12381"
	dkgKeySecpName   = "dkg-longterm-secp256k1"
	dkgKeyEdName     = "dkg-longterm-ed25519"
	lifetimeKeysNote = "created by litnode init"
)

// DKGKeys are a node's long-term key pairs for the DKG and resharing protocols, one per group:
// the other members encrypt their deals to the public halves. The BLS12-381 and secp256k1 ones
// are registered on chain; the edwards25519 one (for the Ed25519 PKP root, which came later) is
// published in the key round, signed by the node's libp2p identity (keys_schemes.go), so that
// registered nodes need no new registration.
type DKGKeys struct {
	BLS  *dkg.KeyPair
	Secp *dkg.KeyPair
	Ed   *dkg.KeyPair
}

// PublicKeys returns the compressed public keys (BLS G1, secp256k1) as registered on chain.
func (k DKGKeys) PublicKeys() (bls, secp []byte, err error) {
	if bls, err = k.BLS.MarshalPublic(); err != nil {
		return nil, nil, err
	}
	if secp, err = k.Secp.MarshalPublic(); err != nil {
		return nil, nil, err
	}
	return bls, secp, nil
}

// openKeystore opens the node's keystore under the attestation provider's sealing key.
func openKeystore(ctx context.Context, cfg Config, log *slog.Logger) (*keystore.Keystore, error) {
	prov, err := NewProvider(cfg, log)
	if err != nil {
		return nil, err
	}
	sealing, err := prov.SealingKey(ctx)
	if err != nil {
		return nil, fmt.Errorf("attestation: sealing key: %w", err)
	}
	return keystore.Open(filepath.Join(cfg.Dir, "keystore"), sealing[:])
}

// ErrDKGKeysExist is returned by InitDKGKeys when the node already has its DKG keys.
var ErrDKGKeysExist = errors.New("the node already has DKG keys: refusing to replace keys registered on chain")

// InitDKGKeys creates the node's long-term DKG keys, sealed in its keystore. It refuses to
// replace existing ones: they are registered on chain.
func InitDKGKeys(ctx context.Context, cfg Config, log *slog.Logger) (DKGKeys, error) {
	ks, err := openKeystore(ctx, cfg, log)
	if err != nil {
		return DKGKeys{}, err
	}
	if _, err := ks.Get(lifetimeEpoch, dkgKeyBLSName); err == nil {
		return DKGKeys{}, ErrDKGKeysExist
	}
	keys := DKGKeys{BLS: dkg.GenerateKeyPair(dkg.BLS12381()), Secp: dkg.GenerateKeyPair(dkg.Secp256k1()), Ed: dkg.GenerateKeyPair(dkg.Ed25519())}
	for name, kp := range map[string]*dkg.KeyPair{dkgKeyBLSName: keys.BLS, dkgKeySecpName: keys.Secp, dkgKeyEdName: keys.Ed} {
		raw, err := kp.MarshalPrivate()
		if err != nil {
			return DKGKeys{}, err
		}
		if err := ks.Put(lifetimeEpoch, name, raw); err != nil {
			return DKGKeys{}, fmt.Errorf("store %s: %w", name, err)
		}
	}
	return keys, nil
}

// dkgKeysMu serialises loadDKGKeys, which may create the edwards25519 key.
var dkgKeysMu sync.Mutex

// loadDKGKeys reads the long-term DKG keys from an open keystore.
func loadDKGKeys(ks *keystore.Keystore) (DKGKeys, error) {
	dkgKeysMu.Lock()
	defer dkgKeysMu.Unlock()
	var keys DKGKeys
	for _, k := range []struct {
		name  string
		suite dkg.Suite
		dst   **dkg.KeyPair
	}{{dkgKeyBLSName, dkg.BLS12381(), &keys.BLS}, {dkgKeySecpName, dkg.Secp256k1(), &keys.Secp}} {
		raw, err := ks.Get(lifetimeEpoch, k.name)
		if err != nil {
			return DKGKeys{}, fmt.Errorf("load %s (%s): %w", k.name, lifetimeKeysNote, err)
		}
		if *k.dst, err = dkg.ParsePrivateKey(k.suite, raw); err != nil {
			return DKGKeys{}, fmt.Errorf("load %s: %w", k.name, err)
		}
	}
	// The edwards25519 key came after the others: a node initialised before it gets one now
	// (it is never registered on chain, so nothing else has to change).
	raw, err := ks.Get(lifetimeEpoch, dkgKeyEdName)
	switch {
	case errors.Is(err, keystore.ErrNotFound):
		keys.Ed = dkg.GenerateKeyPair(dkg.Ed25519())
		if raw, err = keys.Ed.MarshalPrivate(); err != nil {
			return DKGKeys{}, err
		}
		if err := ks.Put(lifetimeEpoch, dkgKeyEdName, raw); err != nil {
			return DKGKeys{}, fmt.Errorf("store %s: %w", dkgKeyEdName, err)
		}
	case err != nil:
		return DKGKeys{}, fmt.Errorf("load %s: %w", dkgKeyEdName, err)
	default:
		if keys.Ed, err = dkg.ParsePrivateKey(dkg.Ed25519(), raw); err != nil {
			return DKGKeys{}, fmt.Errorf("load %s: %w", dkgKeyEdName, err)
		}
	}
	return keys, nil
}
