package ipfs

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/exchange"
	"github.com/ipfs/boxo/ipld/merkledag"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
)

// fetchParallelism bounds the blocks one resolve asks for at once.
const fetchParallelism = 32

// maxCauses bounds the failures a NotFoundError carries.
const maxCauses = 8

// resolve is one bounded retrieval (a Cat or a Pin): one deadline, one bitswap session, and
// the gateway fallback. It is the exchange behind a DAG service used for that call only,
// so the blockservice in front of it keeps the order: local store first, then this.
type resolve struct {
	s       *Service
	ctx     context.Context
	cancel  context.CancelFunc
	started time.Time
	peers   int
	bits    exchange.Fetcher
	dag     ipld.DAGService

	// viaGateway is set once a block came from a gateway: bitswap is unlikely to have the
	// rest of that DAG, so later blocks ask gateways at once (still racing bitswap).
	viaGateway atomic.Bool

	mu     sync.Mutex
	causes []error
	failed error // a definite failure GetMany would otherwise swallow
}

func (s *Service) newResolve(ctx context.Context) *resolve {
	r := &resolve{s: s, started: time.Now()}
	r.ctx, r.cancel = context.WithTimeout(ctx, s.cfg.timeout)
	s.ensurePeers(r.ctx, s.cfg.dialWait)
	r.peers = len(s.host.Network().Peers())
	r.bits = s.bitswap.NewSession(r.ctx)
	r.dag = merkledag.NewDAGService(blockservice.New(s.verified, r))
	return r
}

func (r *resolve) close() { r.cancel() }

// fail turns the error of an operation that ran under r into what the caller sees: running
// out of time is a *NotFoundError listing what was tried; a definite failure recorded by
// GetBlock (a tampered block and no one else to ask) wins over a vaguer error boxo made of it.
func (r *resolve) fail(err error) error {
	if err == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if errors.Is(r.ctx.Err(), context.DeadlineExceeded) {
		return &NotFoundError{After: time.Since(r.started), Peers: r.peers, Causes: r.causes}
	}
	if r.failed != nil && !errors.Is(err, r.failed) {
		return r.failed
	}
	return err
}

func (r *resolve) note(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.causes) == maxCauses {
		r.causes = r.causes[1:]
	}
	r.causes = append(r.causes, err)
}

func (r *resolve) noteFailed(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failed == nil {
		r.failed = err
	}
}

// GetBlock fetches one block the local store lacks: bitswap first; the gateways after
// gatewayDelay (at once when no peer is connected or this DAG already came from one); the
// first verified block wins. Bitswap is asked until the deadline — it can never say "no" —
// unless no peer is connected, in which case the gateways' answer is final.
func (r *resolve) GetBlock(ctx context.Context, c cid.Cid) (blocks.Block, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		blk     blocks.Block
		err     error
		gateway bool
	}
	results := make(chan result, 2)
	running := 1
	go func() {
		blk, err := r.bits.GetBlock(ctx, c)
		results <- result{blk, err, false}
	}()
	gatewaysStarted := false
	startGateways := func() {
		gatewaysStarted = true
		running++
		go func() {
			var blk blocks.Block
			err := fmt.Errorf("gateway: internal error")
			defer func() {
				if v := recover(); v != nil {
					r.s.cfg.log.Error("recovered from a panic reading a gateway's answer", "cid", c, "panic", fmt.Sprint(v))
				}
				results <- result{blk, err, true}
			}()
			blk, err = r.fromGateways(ctx, c)
		}()
	}
	var delay <-chan time.Time
	if len(r.s.cfg.gateways) > 0 {
		if r.viaGateway.Load() || len(r.s.host.Network().Peers()) == 0 {
			startGateways()
		} else {
			t := time.NewTimer(r.s.cfg.gatewayDelay)
			defer t.Stop()
			delay = t.C
		}
	}

	var errs []error
	for running > 0 {
		select {
		case <-delay:
			delay = nil
			startGateways()
		case res := <-results:
			running--
			if res.err == nil {
				if res.gateway {
					r.viaGateway.Store(true)
				}
				return res.blk, nil
			}
			errs = append(errs, res.err)
			if res.gateway && ctx.Err() == nil && len(r.s.host.Network().Peers()) == 0 {
				// No peer to wait for: the gateways' answers are all there is.
				err := fmt.Errorf("fetch %s: %w", c, res.err)
				r.noteFailed(err)
				return nil, err
			}
			if !res.gateway && delay != nil && !gatewaysStarted {
				// Bitswap gave up early (closing): do not make the gateways wait.
				delay = nil
				startGateways()
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("fetch %s: %w", c, errors.Join(errs...))
}

// fromGateways asks each gateway in turn, each under the gateway timeout.
func (r *resolve) fromGateways(ctx context.Context, c cid.Cid) (blocks.Block, error) {
	var errs []error
	for _, base := range r.s.cfg.gateways {
		gctx, cancel := context.WithTimeout(ctx, r.s.cfg.gatewayTimeout)
		blk, err := fetchGatewayBlock(gctx, r.s.cfg.httpClient, base, c)
		cancel()
		if err == nil {
			return blk, nil
		}
		if ctx.Err() != nil {
			err = fmt.Errorf("gateway %s: no answer for %s before the deadline", base, c)
		}
		r.note(err)
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}

// GetBlocks fetches keys concurrently through GetBlock; blocks that cannot be had are left
// out, as the exchange contract allows (the DAG layer reports them missing).
func (r *resolve) GetBlocks(ctx context.Context, keys []cid.Cid) (<-chan blocks.Block, error) {
	out := make(chan blocks.Block)
	go func() {
		defer close(out)
		sem := make(chan struct{}, fetchParallelism)
		var wg sync.WaitGroup
		defer wg.Wait()
		for _, c := range keys {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Go(func() {
				defer func() { <-sem }()
				blk, err := r.GetBlock(ctx, c)
				if err != nil {
					return
				}
				select {
				case out <- blk:
				case <-ctx.Done():
				}
			})
		}
	}()
	return out, nil
}

// NotifyNewBlocks hands fetched blocks (already stored by the blockservice) to bitswap, so
// they are served to peers that want them and wake any session waiting for them.
func (r *resolve) NotifyNewBlocks(ctx context.Context, blks ...blocks.Block) error {
	return r.s.bitswap.NotifyNewBlocks(ctx, blks...)
}

// Close does nothing: a resolve's bitswap session ends with its context.
func (r *resolve) Close() error { return nil }

var _ exchange.Interface = (*resolve)(nil)
