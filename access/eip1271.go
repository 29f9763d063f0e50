package access

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
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
	// with the given ID and reports whether it answered exactly the EIP-1271 magic value. An
	// error wrapping ErrUnknownChain means it reads no such chain, and one wrapping
	// ErrNotAContract that there is no wallet to ask at that address (both refusals); any other
	// error means the chain could not be asked.
	IsValidSignature(ctx context.Context, chainID uint64, wallet common.Address, hash [32]byte, sig []byte) (bool, error)
}

// ErrUnknownChain is what ContractWallets answers for a chain ID it reads no chain for (or
// whose RPC turns out to serve another chain): a refusal (the wallet cannot be asked here), not
// an outage.
var ErrUnknownChain = errors.New("no chain with that ID")

// ErrNotAContract is what ContractWallets answers for an address that is no contract wallet:
// one without code, a precompile or another reserved address. A refusal.
var ErrNotAContract = errors.New("not a contract wallet")

// WalletReader is what an EIP-1271 check reads from the chain the wallet lives on.
// go-ethereum's *ethclient.Client and simulated.Client satisfy it.
type WalletReader interface {
	ChainID(ctx context.Context) (*big.Int, error)
	CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
}

// maxContractSig bounds a contract wallet's signature (multisigs concatenate several).
const maxContractSig = 4 << 10

// eip1271Magic is what isValidSignature returns for a valid signature: its own selector.
var eip1271Magic = [4]byte{0x16, 0x26, 0xba, 0x7e}

// eip1271Answer is the whole answer that means yes: the ABI encoding of the bytes4 magic value,
// its four bytes followed by 28 zero bytes. Nothing else is taken — no shorter or longer return
// data, no other tail — so a contract (or precompile) that echoes its call data, whose selector
// is the magic value, signs nothing.
var eip1271Answer = [32]byte{0x16, 0x26, 0xba, 0x7e}

// reservedAddressLimit: addresses below it are refused as wallets without asking the chain.
// They hold Ethereum's precompiles (0x01–0x11 so far), RIP-7212's P-256 verifier (0x100), the
// precompiles and system contracts of L2s (Arbitrum's 0x64–0xff, zkSync's 0x8000–0x80ff) and
// the zero address; no key or CREATE/CREATE2 can produce one (it would take a hash with 18
// leading zero bytes).
var reservedAddressLimit = new(big.Int).Lsh(big.NewInt(1), 16)

// checkWalletAddress refuses an address that cannot be a contract wallet whatever the chain
// says: a precompile or another reserved address.
func checkWalletAddress(wallet common.Address) error {
	if new(big.Int).SetBytes(wallet[:]).Cmp(reservedAddressLimit) < 0 {
		return fmt.Errorf("%w: %s is a precompile or reserved address (below 0x10000)", ErrNotAContract, wallet.Hex())
	}
	return nil
}

// CallIsValidSignature asks the contract at wallet on the chain r serves whether sig is its
// signature of hash, at the latest block: r must serve the chain with ID chainID (else an error
// wrapping ErrUnknownChain), wallet must be no reserved address and must have code (else one
// wrapping ErrNotAContract), and then an eth_call of isValidSignature(bytes32, bytes) must
// return exactly the ABI-encoded magic value. A revert or any other answer is a plain "no";
// only a failure to reach the chain is another error.
func CallIsValidSignature(ctx context.Context, r WalletReader, chainID uint64, wallet common.Address, hash [32]byte, sig []byte) (bool, error) {
	if err := checkWalletAddress(wallet); err != nil {
		return false, err
	}
	id, err := r.ChainID(ctx)
	if err != nil {
		return false, fmt.Errorf("chain ID: %w", err)
	}
	if !id.IsUint64() || id.Uint64() != chainID {
		return false, fmt.Errorf("%w %d: the RPC answers chain ID %s", ErrUnknownChain, chainID, id)
	}
	code, err := r.CodeAt(ctx, wallet, nil)
	if err != nil {
		return false, fmt.Errorf("code of %s: %w", wallet.Hex(), err)
	}
	if len(code) == 0 {
		return false, fmt.Errorf("%w: no contract at %s on chain %d (an account's own key signs with %s)", ErrNotAContract, wallet.Hex(), chainID, DerivedViaPersonalSign)
	}
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
	return bytes.Equal(out, eip1271Answer[:]), nil
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
	if err := checkWalletAddress(m.Address); err != nil {
		return unauthorized("authSig.address", "%v", err)
	}
	ok, err := wallets.IsValidSignature(ctx, m.ChainID, m.Address, hash, sig)
	if errors.Is(err, ErrNotAContract) {
		return unauthorized("authSig.address", "%v", err)
	}
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
