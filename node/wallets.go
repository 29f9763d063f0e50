package node

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain"
)

// contractWallets answers EIP-1271 questions (access.ContractWallets) on the chains the node
// reads for access conditions, picking the chain by the SIWE message's chain ID. Each chain's ID
// is remembered for chainIDTTL to pick the chain by; access.CallIsValidSignature asks it again
// for every check, and a chain whose endpoint answers another ID is refused and asked afresh.
type contractWallets struct {
	mu     sync.Mutex
	chains []*walletChain
}

type walletChain struct {
	name string
	url  string // only to scrub it from errors: operators' RPC URLs carry API keys
	ec   *ethclient.Client
	id   uint64    // 0 until known
	idAt time.Time // when id was read
}

func (w *contractWallets) add(name, url string, ec *ethclient.Client) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.chains = append(w.chains, &walletChain{name: name, url: url, ec: ec})
}

// chainIDTimeout bounds asking one chain for its ID.
const chainIDTimeout = 5 * time.Second

// chainIDTTL is how long a chain's ID is remembered for picking the chain a message names.
const chainIDTTL = time.Minute

// IsValidSignature implements access.ContractWallets.
func (w *contractWallets) IsValidSignature(ctx context.Context, chainID uint64, wallet common.Address, hash [32]byte, sig []byte) (bool, error) {
	c, err := w.chain(ctx, chainID)
	if err != nil {
		return false, err
	}
	ok, err := access.CallIsValidSignature(ctx, c.ec, chainID, wallet, hash, sig)
	switch {
	case errors.Is(err, access.ErrUnknownChain):
		// The endpoint serves another chain now: ask it again next time, and refuse.
		w.mu.Lock()
		c.id = 0
		w.mu.Unlock()
		return false, fmt.Errorf("%s: %w", c.name, err)
	case errors.Is(err, access.ErrNotAContract):
		return false, err
	case err != nil:
		// The error may quote the endpoint (transport errors do); it reaches the requester.
		return false, errors.New(chain.ScrubURL(err.Error(), c.url))
	}
	return ok, nil
}

func (w *contractWallets) chain(ctx context.Context, chainID uint64) (*walletChain, error) {
	w.mu.Lock()
	chains := append([]*walletChain(nil), w.chains...)
	w.mu.Unlock()
	var names []string
	for _, c := range chains {
		w.mu.Lock()
		id := c.id
		if time.Since(c.idAt) > chainIDTTL {
			id = 0
		}
		w.mu.Unlock()
		if id == 0 {
			cctx, cancel := context.WithTimeout(ctx, chainIDTimeout)
			got, err := c.ec.ChainID(cctx)
			cancel()
			if err != nil || !got.IsUint64() {
				names = append(names, c.name+" (did not answer)")
				continue
			}
			id = got.Uint64()
			w.mu.Lock()
			c.id, c.idAt = id, time.Now()
			w.mu.Unlock()
		}
		if id == chainID {
			return c, nil
		}
		names = append(names, fmt.Sprintf("%s (%d)", c.name, id))
	}
	return nil, fmt.Errorf("%w %d (this node reads %v)", access.ErrUnknownChain, chainID, names)
}
