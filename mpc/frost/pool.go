package frost

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

// Pool errors.
var (
	// ErrUnknownSlot: no slot with that ID is in the pool (and none was taken recently).
	ErrUnknownSlot = errors.New("frost: unknown slot")
	// ErrPoolFull: the signer set already has as many slots as the pool holds.
	ErrPoolFull = errors.New("frost: nonce pool full")
)

// Pool holds this member's ready nonces in memory, per suite and signer set, and hands each out
// at most once: Take removes it, and a nonce that left the pool can never come back (Put
// refuses a slot that was taken, and SignShare refuses a nonce that signed). A restart empties
// the pool; nothing is persisted, so nothing can be replayed from disk.
//
// The node layer agrees which slot serves which request (docs/schemes.md): the coordinator
// picks one from IDs (oldest first), every member confirms the same signing package, and
// every member Takes that exact slot — participants sign with it, the others Discard it.
// Pool is safe for concurrent use.
type Pool struct {
	mu     sync.Mutex
	perSet int
	sets   map[string][]SlotID // oldest first
	byID   map[SlotID]*Nonce
	taken  map[SlotID]struct{}
	ring   []SlotID // the most recently taken IDs, bounding taken
	next   int
}

// NewPool returns a pool holding at most perSet slots per suite and signer set. It remembers
// the last 4·perSet taken slots so that a repeated Take says ErrNonceReused rather than
// ErrUnknownSlot.
func NewPool(perSet int) *Pool {
	perSet = max(perSet, 1)
	return &Pool{
		perSet: perSet,
		sets:   map[string][]SlotID{},
		byID:   map[SlotID]*Nonce{},
		taken:  map[SlotID]struct{}{},
		ring:   make([]SlotID, 4*perSet),
	}
}

// Put adds every nonce of the batch. It adds all or nothing: a nonce already used, a slot
// already in the pool or taken before, or a batch beyond the signer set's capacity is refused
// whole.
func (p *Pool) Put(b *Batch) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	key := signersKey(b.suite, b.signers)
	if len(p.sets[key])+len(b.nonces) > p.perSet {
		return fmt.Errorf("pool: put batch of %d: %w", len(b.nonces), ErrPoolFull)
	}
	for _, n := range b.nonces {
		id := n.slot.id
		if n.Used() {
			return fmt.Errorf("pool: put slot %s: %w", id, ErrNonceReused)
		}
		if _, ok := p.taken[id]; ok {
			return fmt.Errorf("pool: put slot %s: %w", id, ErrNonceReused)
		}
		if _, ok := p.byID[id]; ok {
			return fmt.Errorf("pool: put slot %s: already in the pool: %w", id, ErrInvalid)
		}
	}
	for _, n := range b.nonces {
		p.sets[key] = append(p.sets[key], n.slot.id)
		p.byID[n.slot.id] = n
	}
	return nil
}

// Take removes and returns the nonce of the slot.
func (p *Pool) Take(id SlotID) (*Nonce, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n, ok := p.byID[id]
	if !ok {
		if _, used := p.taken[id]; used {
			return nil, fmt.Errorf("pool: take slot %s: %w", id, ErrNonceReused)
		}
		return nil, fmt.Errorf("pool: take slot %s: %w", id, ErrUnknownSlot)
	}
	delete(p.byID, id)
	key := signersKey(n.slot.suite, n.slot.Signers())
	ids := p.sets[key]
	if i := slices.Index(ids, id); i >= 0 {
		ids = slices.Delete(ids, i, i+1)
	}
	if len(ids) == 0 {
		delete(p.sets, key)
	} else {
		p.sets[key] = ids
	}
	if old := p.ring[p.next]; old != (SlotID{}) {
		delete(p.taken, old)
	}
	p.ring[p.next] = id
	p.next = (p.next + 1) % len(p.ring)
	p.taken[id] = struct{}{}
	return n, nil
}

// IDs returns the slots ready for the suite and signer set (share indices in transport
// order), oldest first.
func (p *Pool) IDs(s Suite, signers []int) []SlotID {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.sets[signersKey(s, signers)])
}

// Len returns how many slots are ready for the suite and signer set.
func (p *Pool) Len(s Suite, signers []int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.sets[signersKey(s, signers)])
}

// Clear zeroes and drops every nonce, for example when the epoch changes.
func (p *Pool) Clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, n := range p.byID {
		n.Discard()
	}
	p.sets = map[string][]SlotID{}
	p.byID = map[SlotID]*Nonce{}
}
