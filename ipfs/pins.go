package ipfs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
)

// What the node keeps, and for whom. A pin is a root CID some owner (an authenticated
// address) added or pinned, with the DAG's size; every owner is charged the size of each pin
// it holds against its quota, and all pins together against the store's. Everything else in
// the blockstore — blocks fetched to run an action, a pin that failed halfway — is a cache:
// garbage collection removes every block no pin (and no recent operation) reaches.

// ErrQuota is returned when the owner, or the node as a whole, has no room left for the
// content.
var ErrQuota = errors.New("storage quota exceeded")

// OwnerNode is the owner of what the node pins for itself (no quota). Other owners are
// authenticated addresses.
const OwnerNode = "node"

const (
	pinsFile = "pins.json"
	// DefaultGCInterval is how often unpinned blocks are collected.
	DefaultGCInterval = time.Hour
	// DefaultCacheFor keeps what an operation (an add, a cat, a pin) touched for a while
	// after, even unpinned: an action's code fetched a minute ago is still a useful cache.
	DefaultCacheFor = 10 * time.Minute
	// maxRecent bounds the roots remembered as recent.
	maxRecent = 4096
)

type pinRecord struct {
	Size   int64    `json:"size"`
	Owners []string `json:"owners"`
}

// pinSet is the pins, kept in DIR/pins.json.
type pinSet struct {
	path string

	mu     sync.Mutex
	pins   map[string]*pinRecord // by CID string
	recent map[cid.Cid]time.Time // roots touched lately, kept by collection for a while
}

func openPins(dir string) (*pinSet, error) {
	ps := &pinSet{path: filepath.Join(dir, pinsFile), pins: map[string]*pinRecord{}, recent: map[cid.Cid]time.Time{}}
	raw, err := os.ReadFile(ps.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return ps, nil
	case err != nil:
		return nil, fmt.Errorf("read pins: %w", err)
	}
	if err := json.Unmarshal(raw, &ps.pins); err != nil {
		return nil, fmt.Errorf("decode %s: %w", ps.path, err)
	}
	for k, r := range ps.pins {
		if _, err := cid.Decode(k); err != nil || r == nil || r.Size < 0 {
			return nil, fmt.Errorf("decode %s: bad pin %q", ps.path, k)
		}
	}
	return ps, nil
}

// saveLocked writes the pins atomically. ps.mu is held.
func (ps *pinSet) saveLocked() error {
	raw, err := json.Marshal(ps.pins)
	if err != nil {
		return err
	}
	tmp := ps.path + ".tmp"
	if err := os.WriteFile(tmp, raw, 0o600); err != nil {
		return fmt.Errorf("write pins: %w", err)
	}
	if err := os.Rename(tmp, ps.path); err != nil {
		return fmt.Errorf("write pins: %w", err)
	}
	return nil
}

// usedLocked is what owner holds, and what all pins hold together.
func (ps *pinSet) usedLocked(owner string) (mine, all int64) {
	for _, r := range ps.pins {
		all += r.Size
		for _, o := range r.Owners {
			if o == owner {
				mine += r.Size
			}
		}
	}
	return mine, all
}

// room is how many more bytes owner may pin under the service's quotas (-1: no limit).
func (s *Service) room(owner string) int64 {
	if owner == OwnerNode {
		return -1
	}
	s.pins.mu.Lock()
	defer s.pins.mu.Unlock()
	mine, all := s.pins.usedLocked(owner)
	room := int64(-1)
	if s.cfg.ownerQuota > 0 {
		room = max(0, s.cfg.ownerQuota-mine)
	}
	if s.cfg.storeQuota > 0 {
		left := max(0, s.cfg.storeQuota-all)
		if room < 0 || left < room {
			room = left
		}
	}
	return room
}

// keep records c (size bytes) as pinned by owner, within the quotas.
func (s *Service) keep(c cid.Cid, size int64, owner string) error {
	ps := s.pins
	ps.mu.Lock()
	defer ps.mu.Unlock()
	r, ok := ps.pins[c.String()]
	if ok {
		for _, o := range r.Owners {
			if o == owner {
				return nil // pinned by this owner already: nothing more to charge
			}
		}
	}
	if owner != OwnerNode {
		mine, all := ps.usedLocked(owner)
		if s.cfg.ownerQuota > 0 && mine+size > s.cfg.ownerQuota {
			return fmt.Errorf("%w: %s would hold %d bytes, over its %d-byte quota on this node", ErrQuota, owner, mine+size, s.cfg.ownerQuota)
		}
		if s.cfg.storeQuota > 0 && all+size > s.cfg.storeQuota {
			return fmt.Errorf("%w: the node keeps at most %d bytes of pinned content", ErrQuota, s.cfg.storeQuota)
		}
	}
	if !ok {
		r = &pinRecord{Size: size}
		ps.pins[c.String()] = r
	}
	r.Owners = append(r.Owners, owner)
	sort.Strings(r.Owners)
	return ps.saveLocked()
}

// touch remembers c as recently used, so collection keeps it for a while.
func (ps *pinSet) touch(c cid.Cid) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if len(ps.recent) >= maxRecent {
		var oldest cid.Cid
		var at time.Time
		for k, t := range ps.recent {
			if at.IsZero() || t.Before(at) {
				oldest, at = k, t
			}
		}
		delete(ps.recent, oldest)
	}
	ps.recent[c] = time.Now()
}

// roots are what collection keeps: every pin and every root touched within cacheFor.
func (ps *pinSet) roots(now time.Time, cacheFor time.Duration) []cid.Cid {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	var out []cid.Cid
	for k := range ps.pins {
		if c, err := cid.Decode(k); err == nil {
			out = append(out, c)
		}
	}
	for c, at := range ps.recent {
		if now.Sub(at) >= cacheFor {
			delete(ps.recent, c)
			continue
		}
		out = append(out, c)
	}
	return out
}

// AddFor stores data (size bytes, already read and bounded by the caller) as a UnixFS file
// and pins it for owner, if owner has room under the quotas (ErrQuota otherwise).
func (s *Service) AddFor(ctx context.Context, data io.Reader, size int64, owner string) (cid.Cid, error) {
	if room := s.room(owner); room >= 0 && size > room {
		return cid.Undef, fmt.Errorf("add file: %w: %d bytes, %d left for %s on this node", ErrQuota, size, room, owner)
	}
	s.gcMu.RLock()
	defer s.gcMu.RUnlock()
	c, err := s.add(ctx, data)
	if err != nil {
		return cid.Undef, err
	}
	s.pins.touch(c)
	if err := s.keep(c, size, owner); err != nil {
		return cid.Undef, fmt.Errorf("add file: %w", err)
	}
	return c, nil
}

// PinFor fetches the whole DAG under c, at most the room owner has left (ErrQuota beyond),
// and pins it for owner.
func (s *Service) PinFor(ctx context.Context, c cid.Cid, owner string) error {
	if err := checkCID(c); err != nil {
		return fmt.Errorf("pin %s: %w", c, err)
	}
	limit := s.cfg.maxDAGSize
	quota := false
	if room := s.room(owner); room >= 0 && room < limit {
		limit, quota = room, true
	}
	s.gcMu.RLock()
	defer s.gcMu.RUnlock()
	s.pins.touch(c)
	r := s.newResolve(ctx)
	defer r.close()
	size, err := walkDAG(r.ctx, r.dag, c, limit)
	if err != nil {
		if quota && errors.Is(err, ErrTooLarge) {
			return fmt.Errorf("pin %s: %w: over the %d bytes left for %s on this node", c, ErrQuota, limit, owner)
		}
		return fmt.Errorf("pin %s: %w", c, r.fail(err))
	}
	if err := s.keep(c, size, owner); err != nil {
		return fmt.Errorf("pin %s: %w", c, err)
	}
	return nil
}

// Pinned reports whether c is pinned, and by whom.
func (s *Service) Pinned(c cid.Cid) ([]string, bool) {
	s.pins.mu.Lock()
	defer s.pins.mu.Unlock()
	r, ok := s.pins.pins[c.String()]
	if !ok {
		return nil, false
	}
	return append([]string(nil), r.Owners...), true
}

// GC removes every stored block that no pin, and nothing an operation touched within the
// cache time (WithCacheFor), reaches; it returns how many it removed. Operations wait while it
// runs.
func (s *Service) GC(ctx context.Context) (int, error) {
	s.gcMu.Lock()
	defer s.gcMu.Unlock()
	// The blockstore keys blocks by multihash (AllKeysChan hands them back as raw CIDv1s), so
	// what to keep is a set of multihashes.
	keep := map[string]bool{}
	offline := merkledag.NewDAGService(blockservice.New(s.store, nil))
	for _, root := range s.pins.roots(time.Now(), s.cfg.cacheFor) {
		if err := markDAG(ctx, offline, root, keep); err != nil {
			return 0, err
		}
	}
	keys, err := s.store.AllKeysChan(ctx)
	if err != nil {
		return 0, fmt.Errorf("collect garbage: list blocks: %w", err)
	}
	var drop []cid.Cid
	for k := range keys {
		if !keep[string(k.Hash())] {
			drop = append(drop, k)
		}
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	removed := 0
	for _, k := range drop {
		if err := s.store.DeleteBlock(ctx, k); err != nil {
			return removed, fmt.Errorf("collect garbage: delete %s: %w", k, err)
		}
		removed++
	}
	return removed, nil
}

// markDAG adds the multihash of every locally stored block under root to keep; a block that
// is not stored (a DAG fetched halfway) or does not decode ends the walk of its branch.
func markDAG(ctx context.Context, dag ipld.NodeGetter, root cid.Cid, keep map[string]bool) error {
	stack := []cid.Cid{root}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if keep[string(c.Hash())] {
			continue
		}
		keep[string(c.Hash())] = true
		nd, err := dag.Get(ctx, c)
		if err != nil {
			if err := ctx.Err(); err != nil {
				return err
			}
			continue
		}
		for _, l := range nd.Links() {
			stack = append(stack, l.Cid)
		}
	}
	return nil
}

// collect runs GC every interval until the service closes.
func (s *Service) collect(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
		n, err := s.GC(s.ctx)
		switch {
		case err != nil && s.ctx.Err() == nil:
			s.cfg.log.Warn("IPFS garbage collection failed", "error", err)
		case n > 0:
			s.cfg.log.Info("IPFS garbage collected", "blocks_removed", n)
		}
	}
}
