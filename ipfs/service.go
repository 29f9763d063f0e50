package ipfs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ipfs/boxo/bitswap"
	"github.com/ipfs/boxo/bitswap/network/bsnet"
	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	uio "github.com/ipfs/boxo/ipld/unixfs/io"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	flatfs "github.com/ipfs/go-ds-flatfs"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/peerstore"
	"github.com/libp2p/go-libp2p/core/protocol"
)

// Service is the node's IPFS layer on its libp2p host. Its methods are safe for concurrent use.
type Service struct {
	host     host.Host
	cfg      config
	ds       *flatfs.Datastore
	store    blockstore.Blockstore // what bitswap serves from
	verified blockstore.Blockstore // the same store, re-hashing every block it returns
	bitswap  *bitswap.Bitswap
	local    ipld.DAGService // Add's: stores locally and tells bitswap
	pins     *pinSet
	cats     *catCache // small files Cat read, by CID
	// gcMu: operations that store blocks (add, pin, cat) hold it shared; GC holds it alone,
	// so it never removes blocks an operation is about to pin.
	gcMu sync.RWMutex

	ctx       context.Context
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	closeOnce sync.Once
}

// New opens (creating if needed) the blockstore in dir and starts bitswap on h. Close it.
func New(h host.Host, dir string, opts ...Option) (*Service, error) {
	cfg := config{
		timeout:        DefaultTimeout,
		gatewayDelay:   DefaultGatewayDelay,
		gatewayTimeout: DefaultGatewayTimeout,
		dialWait:       defaultDialWait,
		maxDAGSize:     DefaultMaxDAGSize,
		httpClient:     &http.Client{},
		log:            slog.Default(),
		set:            map[string]bool{},
		gcInterval:     DefaultGCInterval,
		cacheFor:       DefaultCacheFor,
	}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, fmt.Errorf("configure ipfs: %w", err)
		}
	}
	if h == nil {
		return nil, errors.New("configure ipfs: host is nil")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create blockstore directory: %w", err)
	}
	pins, err := openPins(dir)
	if err != nil {
		return nil, err
	}
	ds, err := flatfs.CreateOrOpen(filepath.Join(dir, "blocks"), flatfs.NextToLast(2), true)
	if err != nil {
		return nil, fmt.Errorf("open blockstore in %s: %w", dir, err)
	}
	store := blockstore.NewIdStore(blockstore.NewBlockstore(ds, blockstore.NoPrefix()))

	s := &Service{host: h, cfg: cfg, ds: ds, store: store, verified: verifyingStore{store}, pins: pins, cats: newCatCache()}
	s.ctx, s.cancel = context.WithCancel(context.Background())

	bsOpts := []bitswap.Option{
		bitswap.SetSendDontHaves(true),
		// Answer a want-have for a block up to 16 KiB (most Lit Actions) with the block
		// itself: one round trip instead of two, at the cost of a few duplicate small blocks.
		bitswap.WithWantHaveReplaceSize(wantHaveReplaceSize),
	}
	if cfg.allow != nil {
		allow := cfg.allow
		bsOpts = append(bsOpts, bitswap.WithPeerBlockRequestFilter(func(p peer.ID, _ cid.Cid) bool {
			return allow(p)
		}))
	}
	s.bitswap = bitswap.New(s.ctx, bsnet.NewFromIpfsHost(h), cfg.routing, store, bsOpts...)
	s.local = merkledag.NewDAGService(blockservice.New(store, s.bitswap))

	for _, ai := range cfg.peers {
		h.Peerstore().AddAddrs(ai.ID, ai.Addrs, peerstore.PermanentAddrTTL)
		h.ConnManager().Protect(ai.ID, connTag)
	}
	if len(cfg.peers) > 0 {
		s.wg.Go(s.keepPeers)
	}
	if cfg.gcInterval > 0 {
		s.wg.Go(func() { s.collect(cfg.gcInterval) })
	}
	return s, nil
}

// Close stops bitswap, removes its handlers from the host and closes the blockstore. The
// host itself is the caller's.
func (s *Service) Close() error {
	var err error
	s.closeOnce.Do(func() {
		s.cancel()
		s.wg.Wait()
		for _, ai := range s.cfg.peers {
			s.host.ConnManager().Unprotect(ai.ID, connTag)
		}
		berr := s.bitswap.Close()
		for _, p := range []protocol.ID{bsnet.ProtocolBitswap, bsnet.ProtocolBitswapOneOne, bsnet.ProtocolBitswapOneZero, bsnet.ProtocolBitswapNoVers} {
			s.host.RemoveStreamHandler(p)
		}
		err = errors.Join(berr, s.ds.Close())
	})
	return err
}

// keepPeers reconnects configured IPFS peers until Close.
func (s *Service) keepPeers() {
	t := time.NewTicker(redialInterval)
	defer t.Stop()
	for {
		s.ensurePeers(s.ctx, redialInterval/2)
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
	}
}

// ensurePeers dials the configured peers that are not connected, waiting at most wait.
func (s *Service) ensurePeers(ctx context.Context, wait time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	var wg sync.WaitGroup
	for _, ai := range s.cfg.peers {
		if s.host.Network().Connectedness(ai.ID) == network.Connected {
			continue
		}
		wg.Go(func() {
			if err := s.host.Connect(ctx, ai); err != nil {
				s.cfg.log.Debug("connect IPFS peer", "peer", ai.ID, "err", err)
			}
		})
	}
	wg.Wait()
}

// Add imports r as a UnixFS file with kubo's defaults (the CID equals CIDOf's and
// `ipfs add -Q`'s), stores it and offers it to bitswap peers. The caller bounds r. The file is
// not pinned: garbage collection removes it some minutes after (see AddFor).
func (s *Service) Add(ctx context.Context, r io.Reader) (cid.Cid, error) {
	s.gcMu.RLock()
	defer s.gcMu.RUnlock()
	c, err := s.add(ctx, r)
	if err == nil {
		s.pins.touch(c)
	}
	return c, err
}

func (s *Service) add(ctx context.Context, r io.Reader) (cid.Cid, error) {
	buf := ipld.NewBufferedDAG(ctx, s.local)
	nd, err := importFile(buf, r)
	if err != nil {
		return cid.Undef, fmt.Errorf("add file: %w", err)
	}
	if err := buf.Commit(); err != nil {
		return cid.Undef, fmt.Errorf("add file: store blocks: %w", err)
	}
	return nd.Cid(), nil
}

// Cat returns the content of the UnixFS file (or raw block) c, resolving missing blocks
// under the service's deadline. More than maxSize bytes is ErrTooLarge, found before
// fetching the file's body when the root declares its size.
func (s *Service) Cat(ctx context.Context, c cid.Cid, maxSize int64) ([]byte, error) {
	s.gcMu.RLock()
	defer s.gcMu.RUnlock()
	s.pins.touch(c)
	if data, ok := s.cats.get(c, maxSize); ok {
		return data, nil
	}
	data, err := s.cat(ctx, c, maxSize)
	if err != nil {
		return nil, fmt.Errorf("cat %s: %w", c, err)
	}
	s.cats.put(c, data)
	return data, nil
}

func (s *Service) cat(ctx context.Context, c cid.Cid, maxSize int64) ([]byte, error) {
	if maxSize < 0 {
		return nil, fmt.Errorf("max size %d: must not be negative", maxSize)
	}
	if err := checkCID(c); err != nil {
		return nil, err
	}
	r := s.newResolve(ctx)
	defer r.close()

	root, err := r.dag.Get(r.ctx, c)
	if err != nil {
		return nil, r.fail(err)
	}
	size, err := fileSize(root)
	if err != nil {
		return nil, err
	}
	if size > uint64(maxSize) {
		return nil, fmt.Errorf("file is %d bytes, limit %d: %w", size, maxSize, ErrTooLarge)
	}
	rd, err := uio.NewDagReader(r.ctx, root, r.dag)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotFile, err)
	}
	defer rd.Close()
	var buf bytes.Buffer
	buf.Grow(int(min(size, catPrealloc))) // the declared size comes from outside: trust it only so far
	if _, err := buf.ReadFrom(io.LimitReader(rd, min(maxSize, math.MaxInt64-1)+1)); err != nil {
		return nil, r.fail(err)
	}
	data := buf.Bytes()
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("file is over %d bytes: %w", maxSize, ErrTooLarge)
	}
	return data, nil
}

// fileSize is the size a root node declares for its file, refusing anything but a UnixFS
// file or a raw block. The root comes from outside: this is where its bytes are decoded.
func fileSize(nd ipld.Node) (uint64, error) {
	switch nd := nd.(type) {
	case *merkledag.RawNode:
		return uint64(len(nd.RawData())), nil
	case *merkledag.ProtoNode:
		fs, err := unixfs.FSNodeFromBytes(nd.Data())
		if err != nil {
			return 0, fmt.Errorf("%w: decode UnixFS data: %w", ErrNotFile, err)
		}
		switch t := fs.Type(); t {
		case unixfs.TFile, unixfs.TRaw:
			return fs.FileSize(), nil
		default:
			return 0, fmt.Errorf("%w: UnixFS type %s", ErrNotFile, t)
		}
	default:
		return 0, fmt.Errorf("%w: %T node", ErrNotFile, nd)
	}
}

// Pin fetches the whole DAG under c (at most the service's max DAG size) and pins it for the
// node itself, outside every quota; bitswap then serves it. See PinFor.
func (s *Service) Pin(ctx context.Context, c cid.Cid) error {
	return s.PinFor(ctx, c, OwnerNode)
}

// HasAll reports whether every block of the DAG under c is in the local store (and intact),
// without asking the network.
func (s *Service) HasAll(ctx context.Context, c cid.Cid) (bool, error) {
	if err := checkCID(c); err != nil {
		return false, fmt.Errorf("check %s: %w", c, err)
	}
	offline := oneByOne{merkledag.NewDAGService(blockservice.New(s.verified, nil))}
	_, err := walkDAG(ctx, offline, c, s.cfg.maxDAGSize)
	switch {
	case err == nil:
		return true, nil
	case ipld.IsNotFound(err):
		return false, nil
	default:
		return false, fmt.Errorf("check %s: %w", c, err)
	}
}

// walkBatch bounds the links asked for in one GetMany.
const walkBatch = 256

// walkDAG gets every node under root, level by level, failing once more than limit bytes
// of blocks have been seen. It returns the DAG's size (every distinct block once).
//
//nolint:gocognit // a breadth-first walk with a byte budget and de-duplication sharing one loop
func walkDAG(ctx context.Context, ng ipld.NodeGetter, root cid.Cid, limit int64) (int64, error) {
	seen := cid.NewSet()
	seen.Add(root)
	level := []cid.Cid{root}
	var total int64
	for len(level) > 0 {
		var next []cid.Cid
		for start := 0; start < len(level); start += walkBatch {
			batch := level[start:min(start+walkBatch, len(level))]
			got := 0
			for opt := range ng.GetMany(ctx, batch) {
				if opt.Err != nil {
					return 0, opt.Err
				}
				got++
				total += int64(len(opt.Node.RawData()))
				if total > limit {
					return 0, fmt.Errorf("DAG is over %d bytes: %w", limit, ErrTooLarge)
				}
				for _, l := range opt.Node.Links() {
					if err := checkCID(l.Cid); err != nil {
						return 0, fmt.Errorf("link in %s: %w", opt.Node.Cid(), err)
					}
					if seen.Visit(l.Cid) {
						next = append(next, l.Cid)
					}
				}
			}
			if got != len(batch) {
				if err := ctx.Err(); err != nil {
					return 0, err
				}
				return 0, fmt.Errorf("DAG incomplete: got %d of %d blocks", got, len(batch))
			}
		}
		level = next
	}
	return total, nil
}

// verifyingStore re-hashes every block it returns, so a block corrupted on disk is an
// error rather than content.
type verifyingStore struct{ blockstore.Blockstore }

func (v verifyingStore) Get(ctx context.Context, c cid.Cid) (blocks.Block, error) {
	blk, err := v.Blockstore.Get(ctx, c)
	if err != nil {
		return nil, err
	}
	if err := verifyBlock(c, blk.RawData()); err != nil {
		return nil, fmt.Errorf("local store: %w", err)
	}
	return blk, nil
}

// oneByOne gets nodes with single Gets, so a missing block surfaces as ipld.ErrNotFound
// (boxo's GetMany reports it only as "failed to fetch all nodes").
type oneByOne struct{ ipld.DAGService }

func (o oneByOne) GetMany(ctx context.Context, keys []cid.Cid) <-chan *ipld.NodeOption {
	out := make(chan *ipld.NodeOption, len(keys))
	defer close(out)
	for _, k := range keys {
		nd, err := o.Get(ctx, k)
		out <- &ipld.NodeOption{Node: nd, Err: err}
		if err != nil {
			break
		}
	}
	return out
}
