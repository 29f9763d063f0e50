package access

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/api"
)

// ContractWallets asks smart-contract wallets whether they signed a hash (EIP-1271). The node
// implements it over its chain readers, choosing the chain by the SIWE message's chain ID.
type ContractWallets interface {
	// IsValidSignature calls isValidSignature(hash, sig) on the contract at wallet on the chain
	// with the given ID and reports whether it answered the EIP-1271 magic value. An error
	// wrapping ErrUnknownChain means it reads no such chain (a refusal); any other error means
	// the chain could not be asked.
	IsValidSignature(ctx context.Context, chainID uint64, wallet common.Address, hash [32]byte, sig []byte) (bool, error)
}

// ErrUnknownChain is what ContractWallets answers for a chain ID it reads no chain for: a
// refusal (the wallet cannot be asked here), not an outage.
var ErrUnknownChain = errors.New("no chain with that ID")

// maxContractSig bounds a contract wallet's signature (multisigs concatenate several).
const maxContractSig = 4 << 10

// eip1271Magic is what isValidSignature returns for a valid signature: its own selector.
var eip1271Magic = [4]byte{0x16, 0x26, 0xba, 0x7e}

// CallIsValidSignature asks the contract at wallet through r whether sig is its signature of
// hash: an eth_call of isValidSignature(bytes32, bytes) at the latest block. A revert or an
// answer other than the magic value is a plain "no"; only a failure to reach the chain is an
// error.
func CallIsValidSignature(ctx context.Context, r ChainReader, wallet common.Address, hash [32]byte, sig []byte) (bool, error) {
	data := make([]byte, 0, 4+32*4+len(sig)+32)
	data = append(data, eip1271Magic[:]...) // the selector of isValidSignature(bytes32,bytes)
	data = append(data, hash[:]...)
	data = append(data, common.LeftPadBytes([]byte{0x40}, 32)...)
	data = append(data, common.LeftPadBytes(uint64Bytes(uint64(len(sig))), 32)...)
	data = append(data, sig...)
	if pad := len(sig) % 32; pad != 0 {
		data = append(data, make([]byte, 32-pad)...)
	}
	out, err := r.CallContract(ctx, ethereum.CallMsg{To: &wallet, Data: data}, nil)
	if err != nil {
		if isRevert(err) {
			return false, nil
		}
		return false, err
	}
	return len(out) >= 4 && bytes.Equal(out[:4], eip1271Magic[:]), nil
}

func uint64Bytes(n uint64) []byte {
	var b [8]byte
	for i := 7; i >= 0; i-- {
		b[i] = byte(n)
		n >>= 8
	}
	return b[:]
}

// parseContractSignature reads a contract wallet's signature: hex (0x optional, as Lit's nodes
// take it) of 1 to maxContractSig bytes (its format is the contract's business).
func parseContractSignature(s string) ([]byte, error) {
	h := strings.TrimPrefix(s, "0x")
	if h == "" || len(h)%2 != 0 || len(h) > 2*maxContractSig {
		return nil, fmt.Errorf("want the contract wallet's signature in hex (at most %d bytes)", maxContractSig)
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return nil, errors.New("not hex")
	}
	return b, nil
}

// verifyContractSig asks the contract wallet that the message names whether it signed it.
func verifyContractSig(ctx context.Context, wallets ContractWallets, a *AuthSig, m *SIWEMessage, sig []byte) error {
	if wallets == nil {
		return unauthorized("authSig.derivedVia", "%q: this node cannot check smart-contract wallet signatures", a.DerivedVia)
	}
	var hash [32]byte
	if a.DerivedVia == DerivedViaEIP1271SHA256 {
		hash = sha256.Sum256([]byte(a.SignedMessage))
	} else {
		copy(hash[:], accounts.TextHash([]byte(a.SignedMessage)))
	}
	ok, err := wallets.IsValidSignature(ctx, m.ChainID, m.Address, hash, sig)
	if errors.Is(err, ErrUnknownChain) {
		return unauthorized("authSig.signedMessage.chainId", "the contract wallet %s is on chain %d, which this node does not read (%v)", m.Address.Hex(), m.ChainID, err)
	}
	if err != nil {
		return api.Errorf(api.KindUnavailable, "authSig.sig: could not ask the contract wallet %s on chain %d (EIP-1271): %v", m.Address.Hex(), m.ChainID, err)
	}
	if !ok {
		return unauthorized("authSig.sig", "the contract wallet %s on chain %d does not accept the signature (EIP-1271)", m.Address.Hex(), m.ChainID)
	}
	return nil
}
