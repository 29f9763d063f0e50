package access

import (
	"crypto/sha256"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	lru "github.com/hashicorp/golang-lru/v2"
)

// A client signs one capability (a SIWE message with a ReCap) and then sends it inside every
// session signature until it expires: the same wallet signature, recovered again for every
// request at every node. recovered remembers the signer of each (message, signature) pair
// it has recovered. That is safe because recovery is a pure function of the pair — the key
// holds the whole of both (the message by its SHA-256) — and everything that depends on the
// time or the request (expiry, URI, ReCap, chain) is still checked on every use. Only
// successful EIP-191 recoveries are kept; EIP-1271 answers depend on the chain and are never
// cached.
const recoveredEntries = 4096

type recoveryKey struct {
	msg [32]byte
	sig [65]byte
}

var recovered = mustLRU()

func mustLRU() *lru.Cache[recoveryKey, common.Address] {
	c, err := lru.New[recoveryKey, common.Address](recoveredEntries)
	if err != nil {
		panic(err) // only for a size ≤ 0
	}
	return c
}

// recoverPersonalSigner returns the address whose key made sig, a 65-byte EIP-191
// (personal_sign) signature of msg.
func recoverPersonalSigner(msg string, sig []byte) (common.Address, error) {
	var k recoveryKey
	k.msg = sha256.Sum256([]byte(msg))
	copy(k.sig[:], sig)
	if len(sig) == len(k.sig) {
		if a, ok := recovered.Get(k); ok {
			return a, nil
		}
	}
	pub, err := crypto.SigToPub(accounts.TextHash([]byte(msg)), sig)
	if err != nil {
		return common.Address{}, err
	}
	a := crypto.PubkeyToAddress(*pub)
	if len(sig) == len(k.sig) {
		recovered.Add(k, a)
	}
	return a, nil
}
