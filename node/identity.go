package node

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	libp2pcrypto "github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
)

// Files in the node directory holding the node's long-lived secrets.
const (
	IdentityFile = "identity.key" // libp2p Ed25519 private key, protobuf-marshalled
	OperatorFile = "operator.key" // operator EVM (secp256k1) private key, hex
)

// Identity is a node's long-lived keys: its libp2p identity (the peer ID) and the operator's EVM
// key that stakes and signs for the node on chain.
type Identity struct {
	Libp2p   libp2pcrypto.PrivKey
	Operator *ecdsa.PrivateKey
}

// PeerID is the libp2p peer ID of the identity.
func (id Identity) PeerID() peer.ID {
	p, err := peer.IDFromPrivateKey(id.Libp2p)
	if err != nil {
		// Only possible for key types we never create.
		panic(fmt.Sprintf("peer ID of identity: %v", err))
	}
	return p
}

// OperatorAddress is the operator's EVM address, 0x-prefixed and checksummed.
func (id Identity) OperatorAddress() string {
	return crypto.PubkeyToAddress(id.Operator.PublicKey).Hex()
}

// OperatorAddress20 is the operator's EVM address.
func (id Identity) OperatorAddress20() common.Address {
	return crypto.PubkeyToAddress(id.Operator.PublicKey)
}

// InitIdentity creates fresh keys in dir. It refuses to overwrite existing ones: a node's
// identity is what other nodes and the chain know it by.
func InitIdentity(dir string) (Identity, error) {
	for _, name := range []string{IdentityFile, OperatorFile} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return Identity{}, fmt.Errorf("%s already exists in %s: refusing to replace a node identity", name, dir)
		}
	}
	priv, _, err := libp2pcrypto.GenerateEd25519Key(nil)
	if err != nil {
		return Identity{}, fmt.Errorf("generate libp2p key: %w", err)
	}
	op, err := crypto.GenerateKey()
	if err != nil {
		return Identity{}, fmt.Errorf("generate operator key: %w", err)
	}
	raw, err := libp2pcrypto.MarshalPrivateKey(priv)
	if err != nil {
		return Identity{}, fmt.Errorf("marshal libp2p key: %w", err)
	}
	if err := writeSecret(filepath.Join(dir, IdentityFile), raw); err != nil {
		return Identity{}, err
	}
	if err := writeSecret(filepath.Join(dir, OperatorFile), []byte(hex.EncodeToString(crypto.FromECDSA(op))+"\n")); err != nil {
		return Identity{}, err
	}
	return Identity{Libp2p: priv, Operator: op}, nil
}

// LoadIdentity reads the keys InitIdentity wrote.
func LoadIdentity(dir string) (Identity, error) {
	raw, err := os.ReadFile(filepath.Join(dir, IdentityFile))
	if errors.Is(err, os.ErrNotExist) {
		return Identity{}, fmt.Errorf("no %s in %s: run `litnode init --dir %s` first", IdentityFile, dir, dir)
	}
	if err != nil {
		return Identity{}, fmt.Errorf("read identity: %w", err)
	}
	priv, err := libp2pcrypto.UnmarshalPrivateKey(raw)
	if err != nil {
		return Identity{}, fmt.Errorf("decode %s: %w", IdentityFile, err)
	}
	hexKey, err := os.ReadFile(filepath.Join(dir, OperatorFile))
	if err != nil {
		return Identity{}, fmt.Errorf("read operator key: %w", err)
	}
	op, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(hexKey)), "0x"))
	if err != nil {
		return Identity{}, fmt.Errorf("decode %s: %w", OperatorFile, err)
	}
	return Identity{Libp2p: priv, Operator: op}, nil
}

func writeSecret(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	return f.Close()
}

// InitDevIdentity creates keys derived deterministically from seed. It is INSECURE by design —
// anyone who knows the seed holds the node's keys — and exists only so container devnets can
// name their bootstrap peer in a static compose file. It refuses to overwrite existing keys.
func InitDevIdentity(dir, seed string) (Identity, error) {
	for _, name := range []string{IdentityFile, OperatorFile} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return Identity{}, fmt.Errorf("%s already exists in %s: refusing to replace a node identity", name, dir)
		}
	}
	libSeed := sha256.Sum256([]byte("litmesh/insecure-dev-identity/libp2p/" + seed))
	priv, err := libp2pcrypto.UnmarshalEd25519PrivateKey(ed25519.NewKeyFromSeed(libSeed[:]))
	if err != nil {
		return Identity{}, fmt.Errorf("derive libp2p key: %w", err)
	}
	opSeed := sha256.Sum256([]byte("litmesh/insecure-dev-identity/operator/" + seed))
	op, err := crypto.ToECDSA(opSeed[:])
	if err != nil {
		return Identity{}, fmt.Errorf("derive operator key: %w", err)
	}
	raw, err := libp2pcrypto.MarshalPrivateKey(priv)
	if err != nil {
		return Identity{}, fmt.Errorf("marshal libp2p key: %w", err)
	}
	if err := writeSecret(filepath.Join(dir, IdentityFile), raw); err != nil {
		return Identity{}, err
	}
	if err := writeSecret(filepath.Join(dir, OperatorFile), []byte(hex.EncodeToString(crypto.FromECDSA(op))+"\n")); err != nil {
		return Identity{}, err
	}
	return Identity{Libp2p: priv, Operator: op}, nil
}
