package chain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/litmesh/litmesh/chain/bindings"
)

// Backend is what the client needs from a chain connection. *ethclient.Client and the
// go-ethereum simulated backend's client both satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ethereum.BlockNumberReader
	ethereum.ChainIDReader
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

// Addresses are the deployed contracts of one network, as listed in network.json.
type Addresses struct {
	Staking        common.Address `json:"staking"`
	PKPNFT         common.Address `json:"pkpNft"`
	PKPPermissions common.Address `json:"pkpPermissions"`
	StakeToken     common.Address `json:"stakeToken"`
	PKPHelper      common.Address `json:"pkpHelper,omitzero"`
	DemoERC20      common.Address `json:"demoErc20,omitzero"`
	DemoERC721     common.Address `json:"demoErc721,omitzero"`
	DemoERC1155    common.Address `json:"demoErc1155,omitzero"`
}

// Option configures a Client.
type Option func(*config) error

type config struct {
	pollInterval time.Duration
	callTimeout  time.Duration
	logger       *slog.Logger
	chainID      *big.Int
	cacheEntries int
	url          string // for errors and logs: RedactURL of the endpoint
	secretURL    string // the endpoint as configured, scrubbed from transport errors
}

// WithPollInterval sets how often the client asks for the newest block number; the read
// cache answers from the newest block seen, so this bounds how stale a cached answer can be.
// Default 1s.
func WithPollInterval(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("poll interval %s: must be positive", d)
		}
		c.pollInterval = d
		return nil
	}
}

// WithCallTimeout bounds each RPC request (default 10s); a request that times out counts as
// the endpoint being unreachable.
func WithCallTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("call timeout %s: must be positive", d)
		}
		c.callTimeout = d
		return nil
	}
}

// WithLogger sets the logger for connection state changes (RPC down / back). Default: discard.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("nil logger")
		}
		c.logger = l
		return nil
	}
}

// WithChainID makes Dial and New fail unless the endpoint reports this chain id.
func WithChainID(id uint64) Option {
	return func(c *config) error {
		c.chainID = new(big.Int).SetUint64(id)
		return nil
	}
}

// WithCacheEntries bounds the per-block read cache (default 4096 entries).
func WithCacheEntries(n int) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("cache entries %d: must be positive", n)
		}
		c.cacheEntries = n
		return nil
	}
}

// Client reads and writes the litmesh contracts. Reads are pinned to the newest block the
// client has seen and cached until a newer block appears, so hot paths cost no RPC round trip
// within a block and every answer of one snapshot is consistent. A background poller (see
// WithPollInterval) notices new blocks; a transaction sent through the client moves the view
// to its receipt's block, so the sender reads its own writes. Safe for concurrent use.
type Client struct {
	backend Backend
	closer  func()
	addrs   Addresses
	chainID *big.Int
	cfg     config

	staking     *bindings.Staking
	pkpNFT      *bindings.PKPNFT
	permissions *bindings.PKPPermissions
	helper      *bindings.PKPHelper
	erc20       *bindings.StakeToken

	mu        sync.Mutex
	head      uint64
	headKnown bool
	headPoll  time.Time // when the endpoint last reported its newest block (refreshHead)
	down      error     // last poll error while the endpoint is unreachable
	downSince time.Time
	cache     map[string][]byte // results at head, keyed by contract address + calldata
	immutable map[string][]byte // results that can never change (key ids, pubkeys, final root keys)
	members   *Membership

	sendMu sync.Mutex // one transaction at a time gets its nonce

	stopPoll  context.CancelFunc
	done      chan struct{}
	closeOnce sync.Once
}

// Dial connects to a JSON-RPC endpoint. It fails with an *RPCError naming the endpoint if it
// does not answer, and with ErrNoContract if addrs.Staking is set but has no code. Errors and
// logs name the endpoint by RedactURL only: its URL may carry an API key.
func Dial(ctx context.Context, rpcURL string, addrs Addresses, opts ...Option) (*Client, error) {
	ec, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return nil, &RPCError{URL: RedactURL(rpcURL), Err: scrub(err, rpcURL)}
	}
	c, err := newClient(ctx, ec, rpcURL, addrs, opts)
	if err != nil {
		ec.Close()
		return nil, err
	}
	c.closer = ec.Close
	return c, nil
}

// New wraps an existing backend (for example go-ethereum's simulated backend). name is used
// in errors in place of a URL.
func New(ctx context.Context, backend Backend, name string, addrs Addresses, opts ...Option) (*Client, error) {
	return newClient(ctx, backend, name, addrs, opts)
}

func newClient(ctx context.Context, backend Backend, url string, addrs Addresses, opts []Option) (*Client, error) {
	cfg := config{
		pollInterval: time.Second,
		callTimeout:  10 * time.Second,
		logger:       slog.New(slog.DiscardHandler),
		cacheEntries: 4096,
		url:          url,
	}
	if strings.Contains(url, "://") {
		cfg.url, cfg.secretURL = RedactURL(url), url
	}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, fmt.Errorf("chain client option: %w", err)
		}
	}
	c := &Client{
		backend:     backend,
		addrs:       addrs,
		cfg:         cfg,
		staking:     bindings.NewStaking(),
		pkpNFT:      bindings.NewPKPNFT(),
		permissions: bindings.NewPKPPermissions(),
		helper:      bindings.NewPKPHelper(),
		erc20:       bindings.NewStakeToken(),
		cache:       make(map[string][]byte),
		immutable:   make(map[string][]byte),
		done:        make(chan struct{}),
	}
	cctx, cancel := context.WithTimeout(ctx, cfg.callTimeout)
	defer cancel()
	id, err := backend.ChainID(cctx)
	if err != nil {
		return nil, c.classify(ctx, "read chain id", err)
	}
	if cfg.chainID != nil && cfg.chainID.Cmp(id) != 0 {
		return nil, fmt.Errorf("chain RPC %s serves chain id %s, want %s", cfg.url, id, cfg.chainID)
	}
	c.chainID = id
	if addrs.Staking != (common.Address{}) {
		code, err := backend.CodeAt(cctx, addrs.Staking, nil)
		if err != nil {
			return nil, c.classify(ctx, "read staking contract code", err)
		}
		if len(code) == 0 {
			return nil, fmt.Errorf("staking %s on chain %s: %w", addrs.Staking.Hex(), id, ErrNoContract)
		}
	}
	if _, err := c.refreshHead(ctx); err != nil {
		return nil, err
	}
	pollCtx, stop := context.WithCancel(context.Background())
	c.stopPoll = stop
	go c.poll(pollCtx)
	return c, nil
}

// Close stops the block poller and, for a dialled client, the connection.
func (c *Client) Close() {
	c.closeOnce.Do(func() {
		c.stopPoll()
		<-c.done
		if c.closer != nil {
			c.closer()
		}
	})
}

// Addresses returns the contract addresses the client was built with.
func (c *Client) Addresses() Addresses { return c.addrs }

// ChainID returns the endpoint's chain id.
func (c *Client) ChainID() *big.Int { return new(big.Int).Set(c.chainID) }

// URL returns the endpoint as errors and logs name it: RedactURL of the URL (or the name given
// to New).
func (c *Client) URL() string { return c.cfg.url }

// Backend returns the underlying connection, for reads the client has no method for.
func (c *Client) Backend() Backend { return c.backend }

// Head returns the newest block number the client has seen.
func (c *Client) Head() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.head
}

// Refresh asks the endpoint for its newest block now instead of waiting for the poller.
func (c *Client) Refresh(ctx context.Context) error {
	_, err := c.refreshHead(ctx)
	return err
}

// Balance returns an account's native balance at the newest block.
func (c *Client) Balance(ctx context.Context, account common.Address) (*big.Int, error) {
	cctx, cancel := context.WithTimeout(ctx, c.cfg.callTimeout)
	defer cancel()
	b, err := c.backend.BalanceAt(cctx, account, nil)
	if err != nil {
		return nil, c.classify(ctx, "read balance of "+account.Hex(), err)
	}
	return b, nil
}

// poll follows the chain head until ctx ends (Close).
func (c *Client) poll(ctx context.Context) {
	defer close(c.done)
	t := time.NewTicker(c.cfg.pollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = c.refreshHead(ctx) // refreshHead records the state; readers see it
		}
	}
}

func (c *Client) refreshHead(ctx context.Context) (uint64, error) {
	cctx, cancel := context.WithTimeout(ctx, c.cfg.callTimeout)
	n, err := c.backend.BlockNumber(cctx)
	cancel()
	if err != nil {
		err = c.classify(ctx, "read block number", err)
		if ctx.Err() == nil {
			c.markDown(err)
		}
		return 0, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.down != nil {
		c.cfg.logger.Info("chain RPC reachable again", "rpc_url", c.cfg.url, "down_for", time.Since(c.downSince).Round(time.Millisecond))
		c.down = nil
	}
	c.setHeadLocked(n)
	c.headPoll = time.Now()
	return n, nil
}

// PollInterval is how often the client asks the endpoint for its newest block.
func (c *Client) PollInterval() time.Duration { return c.cfg.pollInterval }

// CurrentHead returns the newest block number the endpoint reported, and whether that report
// is current: made within maxAge, with the endpoint reachable since. A read cache keyed by it
// (node/condcache.go) serves nothing while the poller cannot reach the endpoint.
func (c *Client) CurrentHead(maxAge time.Duration) (uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ok := c.headKnown && c.down == nil && !c.headPoll.IsZero() && time.Since(c.headPoll) <= maxAge
	return c.head, ok
}

func (c *Client) markDown(err error) {
	if !errors.Is(err, ErrUnreachable) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.down == nil {
		c.downSince = time.Now()
		c.cfg.logger.Warn("chain RPC unreachable; serving last known state", "rpc_url", c.cfg.url, "err", err)
	}
	c.down = err
}

// setHeadLocked moves the view to block n, dropping every cached answer of another block.
// A lower n is accepted too: a restarted dev chain or a reorg must not leave stale answers.
func (c *Client) setHeadLocked(n uint64) {
	if c.headKnown && n == c.head {
		return
	}
	c.head, c.headKnown = n, true
	clear(c.cache)
}

// observeBlock moves the view forward to a block the client knows exists (a receipt's).
func (c *Client) observeBlock(n uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.headKnown || n > c.head {
		c.setHeadLocked(n)
	}
}

type pinnedHeadKey struct{}

// pinHead makes every read made with the returned context use block head, so that a
// snapshot assembled from several calls is consistent even if a new block arrives meanwhile.
func pinHead(ctx context.Context, head uint64) context.Context {
	return context.WithValue(ctx, pinnedHeadKey{}, head)
}

// viewHead returns the block reads are pinned to.
func (c *Client) viewHead(ctx context.Context) (uint64, error) {
	if h, ok := ctx.Value(pinnedHeadKey{}).(uint64); ok {
		return h, nil
	}
	c.mu.Lock()
	head, known := c.head, c.headKnown
	c.mu.Unlock()
	if known {
		return head, nil
	}
	return c.refreshHead(ctx)
}

// call runs a read-only call at the view head, answering from the cache when it can.
func (c *Client) call(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	head, err := c.viewHead(ctx)
	if err != nil {
		return nil, err
	}
	key := string(to[:]) + string(data)
	c.mu.Lock()
	if out, ok := c.cache[key]; ok && c.head == head {
		c.mu.Unlock()
		return bytes.Clone(out), nil
	}
	c.mu.Unlock()

	out, err := c.rawCall(ctx, to, data, new(big.Int).SetUint64(head))
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.head == head {
		if len(c.cache) >= c.cfg.cacheEntries {
			clear(c.cache)
		}
		c.cache[key] = bytes.Clone(out)
	}
	c.mu.Unlock()
	return out, nil
}

// callImmutable is call for results that never change once they are non-empty.
func (c *Client) callImmutable(ctx context.Context, to common.Address, data []byte, final func([]byte) bool) ([]byte, error) {
	key := string(to[:]) + string(data)
	c.mu.Lock()
	out, ok := c.immutable[key]
	c.mu.Unlock()
	if ok {
		return bytes.Clone(out), nil
	}
	out, err := c.call(ctx, to, data)
	if err != nil {
		return nil, err
	}
	if final(out) {
		c.mu.Lock()
		if len(c.immutable) >= c.cfg.cacheEntries {
			clear(c.immutable)
		}
		c.immutable[key] = bytes.Clone(out)
		c.mu.Unlock()
	}
	return out, nil
}

// callLatest runs an uncached call at the endpoint's latest block, for values about to be
// used in a transaction.
func (c *Client) callLatest(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	return c.rawCall(ctx, to, data, nil)
}

func (c *Client) rawCall(ctx context.Context, to common.Address, data []byte, block *big.Int) ([]byte, error) {
	cctx, cancel := context.WithTimeout(ctx, c.cfg.callTimeout)
	defer cancel()
	out, err := c.backend.CallContract(cctx, ethereum.CallMsg{To: &to, Data: data}, block)
	if err != nil {
		err = c.classify(ctx, "call "+to.Hex(), err)
		if errors.Is(err, ErrUnreachable) {
			c.markDown(err)
		}
		return nil, err
	}
	if err := c.checkAnswer(to, data, out); err != nil {
		return nil, fmt.Errorf("call %s on %s: %w", to.Hex(), c.cfg.url, err)
	}
	return out, nil
}

// classify turns a backend error into the package's error types: a revert into
// *RevertError, a failure to get any answer into *RPCError (ErrUnreachable), the caller's own
// cancellation into its context error, and leaves other server answers wrapped with op.
func (c *Client) classify(ctx context.Context, op string, err error) error {
	if rev, ok := revertOf(err); ok {
		return rev
	}
	if ctx.Err() != nil {
		return fmt.Errorf("%s: %w", op, ctx.Err())
	}
	err = scrub(err, c.cfg.secretURL)
	if isTransportError(err) {
		return &RPCError{URL: c.cfg.url, Err: err}
	}
	return fmt.Errorf("%s on %s: %w", op, c.cfg.url, err)
}
