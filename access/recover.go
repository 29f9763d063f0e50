package access

import (
	"crypto/sha256"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// maxRecovered bounds the signers remembered by recoverSigner.
const maxRecovered = 1024

// recovered remembers the address that recovers from a (hash, signature) pair. A session
// signature carries the same wallet capability at every request of its session, and recovering
// the wallet's key from it was the largest part of verifying a request after the session key's
// signature (~3% of a node's CPU in lit bench execute-sign). The recovery is a function of the
// pair alone, so remembering its result changes no outcome: every other check of the
// capability (its times, URI, ReCap, the request) still runs on each request, and failures are
// not remembered.
var recovered = struct {
	sync.Mutex
	m map[[32]byte]common.Address
}{m: map[[32]byte]common.Address{}}

// recoverSigner is crypto.SigToPub's address for a 32-byte hash and a 65-byte [R || S || V]
// signature, remembered.
func recoverSigner(hash, sig []byte) (common.Address, error) {
	h := sha256.New()
	h.Write(hash)
	h.Write(sig)
	var key [32]byte
	h.Sum(key[:0])
	recovered.Lock()
	a, ok := recovered.m[key]
	recovered.Unlock()
	if ok {
		return a, nil
	}
	pub, err := crypto.SigToPub(hash, sig)
	if err != nil {
		return common.Address{}, err
	}
	a = crypto.PubkeyToAddress(*pub)
	recovered.Lock()
	if len(recovered.m) >= maxRecovered {
		clear(recovered.m) // a full table starts over: a miss costs one recovery
	}
	recovered.m[key] = a
	recovered.Unlock()
	return a, nil
}
