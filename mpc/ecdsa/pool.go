package ecdsa

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

// Pool errors.
var (
	// ErrUnknown: no presignature with that ID is in the pool (and none was taken recently).
	ErrUnknown = errors.New("ecdsa: unknown presignature")
	// ErrPoolFull: the signer set already has as many presignatures as the pool holds.
	ErrPoolFull = errors.New("ecdsa: presignature pool full")
)

// Pool holds ready presignatures in memory, per signer set, and hands each out at most once:
// Take removes it, and a presignature that left the pool can never come back (Put refuses an ID
// that was taken, and SignShare refuses a presignature that signed). A restart empties the pool;
// nothing is persisted, so nothing can be replayed from disk.
//
// The node layer agrees which presignature serves which request: a coordinator picks an ID
// from IDs (oldest first) and signs the assignment, every signer Takes that exact ID, and none
// signs before every other confirmed the same request (docs/ecdsa.md, "Signer agreement").
// Pool is safe for concurrent use.
type Pool struct {
	mu     sync.Mutex
	perSet int
	sets   map[string][]ID // oldest first
	byID   map[ID]*Presignature
	taken  map[ID]struct{}
	ring   []ID // the most recently taken IDs, bounding taken
	next   int
}

// NewPool returns a pool holding at most perSet presignatures per signer set. It remembers the
// last 4·perSet taken IDs per pool so that a repeated Take says ErrUsed rather than ErrUnknown.
func NewPool(perSet int) *Pool {
	perSet = max(perSet, 1)
	return &Pool{
		perSet: perSet,
		sets:   map[string][]ID{},
		byID:   map[ID]*Presignature{},
		taken:  map[ID]struct{}{},
		ring:   make([]ID, 4*perSet),
	}
}

// Put adds presignatures. It stops at the first that cannot be added: already used, already in
// the pool or taken before, or beyond the signer set's capacity.
func (p *Pool) Put(ps ...*Presignature) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, ps := range ps {
		id := ps.ID()
		if ps.Used() {
			return fmt.Errorf("pool: put %s: %w", id, ErrUsed)
		}
		if _, ok := p.taken[id]; ok {
			return fmt.Errorf("pool: put %s: %w", id, ErrUsed)
		}
		if _, ok := p.byID[id]; ok {
			return fmt.Errorf("pool: put %s: already in the pool: %w", id, ErrInvalid)
		}
		key := signersKey(ps.pub.signers)
		if len(p.sets[key]) >= p.perSet {
			return fmt.Errorf("pool: put %s: %w", id, ErrPoolFull)
		}
		p.sets[key] = append(p.sets[key], id)
		p.byID[id] = ps
	}
	return nil
}

// Take removes and returns the presignature with the given ID.
func (p *Pool) Take(id ID) (*Presignature, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ps, ok := p.byID[id]
	if !ok {
		if _, used := p.taken[id]; used {
			return nil, fmt.Errorf("pool: take %s: %w", id, ErrUsed)
		}
		return nil, fmt.Errorf("pool: take %s: %w", id, ErrUnknown)
	}
	delete(p.byID, id)
	key := signersKey(ps.pub.signers)
	ids := p.sets[key]
	if i := slices.Index(ids, id); i >= 0 {
		ids = slices.Delete(ids, i, i+1)
	}
	if len(ids) == 0 {
		delete(p.sets, key)
	} else {
		p.sets[key] = ids
	}
	if old := p.ring[p.next]; old != (ID{}) {
		delete(p.taken, old)
	}
	p.ring[p.next] = id
	p.next = (p.next + 1) % len(p.ring)
	p.taken[id] = struct{}{}
	return ps, nil
}

// IDs returns the IDs of the presignatures ready for the signer set (share indices, any order),
// oldest first.
func (p *Pool) IDs(signers []int) []ID {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.sets[signersKey(signers)])
}

// Len returns how many presignatures are ready for the signer set.
func (p *Pool) Len(signers []int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.sets[signersKey(signers)])
}

// Clear drops every presignature, for example when the signer set's membership changes.
func (p *Pool) Clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sets = map[string][]ID{}
	p.byID = map[ID]*Presignature{}
}
