package node

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/litmesh/litmesh/access"
)

// Access conditions read the chain at its latest block for every decryption share (and every
// Lit Action condition check): a balance or a contract call per condition, one RPC round trip
// each, which on a busy node repeat — the same requester's balance, the same token's owner —
// within one block. The readers of the node's own chain answer those repeats from a cache kept
// for the head block the chain client last saw (polled every second, chain.Client), and
// dropped as soon as the head moves. A cached answer is therefore at most one block, and one
// poll interval, older than a fresh read would be — the lag every RPC endpoint already has.
//
// The cache must never refuse what a fresh read would grant: a requester who just funded their
// account must not wait for the next poll. So an evaluation that found the conditions not met
// after using any cached answer is done again with fresh reads (conditionsEvaluator), and only
// that verdict counts. What the cache can do is grant, for at most a poll interval, what was
// granted a moment before — the same decryption key the requester could have fetched then.
// Nothing is cached while the chain client cannot reach its endpoint, and errors are never
// cached. Only reads made through conditionsEvaluator use the cache.

// condCacheEntries bounds the cache; it is emptied when full (and at every new block).
const condCacheEntries = 4096

// headView is where the cache learns the chain's head block (chain.Client).
type headView interface {
	CurrentHead(maxAge time.Duration) (uint64, bool)
	PollInterval() time.Duration
}

// conditionsEvaluator is the node's access-condition checker: the evaluator, whose reads of
// the node's chain go through a cachedReader, with a verdict of "not met" that used a cached
// answer checked again with fresh reads.
type conditionsEvaluator struct {
	ev *access.Evaluator
}

// readUse is what one evaluation asked of the cache: fresh reads only, and whether any answer
// came from the cache.
type readUse struct {
	fresh bool
	hit   atomic.Bool
}

type readUseKey struct{}

// Check evaluates c for s (access.Evaluator.Check).
func (e conditionsEvaluator) Check(ctx context.Context, c *access.Conditions, s access.Subject) error {
	use := &readUse{}
	err := e.ev.Check(context.WithValue(ctx, readUseKey{}, use), c, s)
	var notMet *access.NotMetError
	if err != nil && use.hit.Load() && errors.As(err, &notMet) {
		return e.ev.Check(context.WithValue(ctx, readUseKey{}, &readUse{fresh: true}), c, s)
	}
	return err
}

// cachedReader is an access.ChainReader that answers BalanceAt and CallContract at the latest
// block from its cache when the head block has not moved since the answer was read. Headers
// and reads at a given block go straight to r.
type cachedReader struct {
	r     access.ChainReader
	heads headView

	mu   sync.Mutex
	head uint64            // the block the entries belong to
	vals map[string][]byte // balance (big-endian) or call output, by read
}

func newCachedReader(r access.ChainReader, heads headView) *cachedReader {
	return &cachedReader{r: r, heads: heads, vals: map[string][]byte{}}
}

// current returns the head the cache may serve for, if the evaluation may use the cache and
// the head is known and current.
func (c *cachedReader) current(ctx context.Context) (uint64, *readUse, bool) {
	use, _ := ctx.Value(readUseKey{}).(*readUse)
	if use == nil {
		return 0, nil, false
	}
	// Three poll intervals: one missed poll does not turn the cache off.
	head, ok := c.heads.CurrentHead(3 * c.heads.PollInterval())
	return head, use, ok
}

func (c *cachedReader) get(head uint64, use *readUse, key string) ([]byte, bool) {
	if use.fresh {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if head != c.head {
		return nil, false
	}
	v, ok := c.vals[key]
	if ok {
		use.hit.Store(true)
	}
	return v, ok
}

// put stores v, read after the head was head, for head.
func (c *cachedReader) put(head uint64, key string, v []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if head != c.head || len(c.vals) >= condCacheEntries {
		clear(c.vals)
		c.head = head
	}
	c.vals[key] = v
}

func (c *cachedReader) BalanceAt(ctx context.Context, a common.Address, n *big.Int) (*big.Int, error) {
	head, use, ok := c.current(ctx)
	if n != nil || !ok {
		return c.r.BalanceAt(ctx, a, n)
	}
	key := "balance:" + string(a.Bytes())
	if v, hit := c.get(head, use, key); hit {
		return new(big.Int).SetBytes(v), nil
	}
	b, err := c.r.BalanceAt(ctx, a, nil)
	if err != nil {
		return nil, err
	}
	if b.Sign() >= 0 {
		c.put(head, key, b.Bytes())
	}
	return b, nil
}

func (c *cachedReader) CallContract(ctx context.Context, m ethereum.CallMsg, n *big.Int) ([]byte, error) {
	head, use, ok := c.current(ctx)
	key, cacheable := callKey(m)
	if n != nil || !ok || !cacheable {
		return c.r.CallContract(ctx, m, n)
	}
	if v, hit := c.get(head, use, key); hit {
		return bytes.Clone(v), nil
	}
	out, err := c.r.CallContract(ctx, m, nil)
	if err != nil {
		return nil, err
	}
	c.put(head, key, bytes.Clone(out))
	return out, nil
}

func (c *cachedReader) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	return c.r.HeaderByNumber(ctx, n)
}

// callKey names a call by everything that decides its result; calls with fields the
// evaluator never sets (gas, prices, access lists, blobs) are not cached.
func callKey(m ethereum.CallMsg) (string, bool) {
	if m.To == nil || m.Gas != 0 || m.GasPrice != nil || m.GasFeeCap != nil || m.GasTipCap != nil ||
		m.AccessList != nil || m.BlobGasFeeCap != nil || m.BlobHashes != nil || m.AuthorizationList != nil ||
		(m.Value != nil && m.Value.Sign() != 0) {
		return "", false
	}
	var b bytes.Buffer
	b.WriteString("call:")
	b.Write(m.From.Bytes())
	b.Write(m.To.Bytes())
	b.Write(m.Data)
	return b.String(), true
}
