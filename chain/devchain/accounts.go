package devchain

import (
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// Mnemonic is the BIP-39 phrase the dev accounts derive from: the well-known test phrase
// Hardhat and Anvil use, so wallets and tools that know those accounts work against the
// devnet unchanged. Its keys are public: never use them on a real network.
const Mnemonic = "test test test test test test test test test test test junk"

// NumAccounts is how many funded dev accounts the dev chain has.
const NumAccounts = 10

// Account is a funded dev account.
type Account struct {
	Address common.Address
	Key     *ecdsa.PrivateKey
}

// AccountJSON is the network.json form: {"address", "privateKey"}.
type AccountJSON struct {
	Address    common.Address `json:"address"`
	PrivateKey string         `json:"privateKey"`
}

// JSON returns the network.json form (it contains the private key, which is public anyway).
func (a Account) JSON() AccountJSON {
	return AccountJSON{Address: a.Address, PrivateKey: hexutil.Encode(crypto.FromECDSA(a.Key))}
}

var accounts = func() []Account {
	seed, err := pbkdf2.Key(sha512.New, Mnemonic, []byte("mnemonic"), 2048, 64)
	if err != nil {
		panic(err)
	}
	out := make([]Account, NumAccounts)
	for i := range out {
		k, err := deriveBIP32(seed, fmt.Sprintf("m/44'/60'/0'/0/%d", i))
		if err != nil {
			panic(err) // fixed inputs; a failure is a bug caught by every test
		}
		out[i] = Account{Address: crypto.PubkeyToAddress(k.PublicKey), Key: k}
	}
	return out
}()

// Accounts returns the dev accounts: account i is BIP-44 path m/44'/60'/0'/0/i of Mnemonic
// (account 0 = 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266). Account 0 deploys and owns the
// contracts. The returned slice is a copy; the keys are shared.
func Accounts() []Account { return append([]Account(nil), accounts...) }

// AccountByIndex returns dev account i (the CLI's `dev:N`).
func AccountByIndex(i int) (Account, error) {
	if i < 0 || i >= NumAccounts {
		return Account{}, fmt.Errorf("dev account %d: want 0..%d", i, NumAccounts-1)
	}
	return accounts[i], nil
}

// deriveBIP32 derives the secp256k1 key at path from a BIP-32 seed.
func deriveBIP32(seed []byte, path string) (*ecdsa.PrivateKey, error) {
	mac := hmac.New(sha512.New, []byte("Bitcoin seed"))
	mac.Write(seed)
	sum := mac.Sum(nil)
	var k secp256k1.ModNScalar
	if overflow := k.SetByteSlice(sum[:32]); overflow || k.IsZero() {
		return nil, errors.New("invalid master key")
	}
	chainCode := sum[32:]
	parts := strings.Split(path, "/")
	if len(parts) == 0 || parts[0] != "m" {
		return nil, fmt.Errorf("path %q does not start at m", path)
	}
	for _, p := range parts[1:] {
		hardened := strings.HasSuffix(p, "'")
		n, err := strconv.ParseUint(strings.TrimSuffix(p, "'"), 10, 31)
		if err != nil {
			return nil, fmt.Errorf("path %q: %w", path, err)
		}
		idx := uint32(n)
		var data []byte
		if hardened {
			idx |= 1 << 31
			kb := k.Bytes()
			data = append([]byte{0}, kb[:]...)
		} else {
			data = secp256k1.NewPrivateKey(&k).PubKey().SerializeCompressed()
		}
		data = binary.BigEndian.AppendUint32(data, idx)
		mac := hmac.New(sha512.New, chainCode)
		mac.Write(data)
		sum := mac.Sum(nil)
		var il secp256k1.ModNScalar
		if overflow := il.SetByteSlice(sum[:32]); overflow {
			return nil, fmt.Errorf("path %q: invalid child %s", path, p)
		}
		k.Add(&il)
		if k.IsZero() {
			return nil, fmt.Errorf("path %q: invalid child %s", path, p)
		}
		chainCode = sum[32:]
	}
	kb := k.Bytes()
	return crypto.ToECDSA(kb[:])
}
