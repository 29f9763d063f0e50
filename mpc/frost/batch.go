package frost

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
)

// SlotID names one preprocessed slot: one pair of nonce commitments of every member of a signer
// set, usable for one signature.
type SlotID [32]byte

func (id SlotID) String() string { return hex.EncodeToString(id[:8]) }

// commitment is RFC 9591's (identifier, hiding_nonce_commitment, binding_nonce_commitment) of
// one signer for one slot, with the share index in place of the identifier (identifier =
// index+1).
type commitment struct {
	index           int
	hiding, binding element
}

// Slot is the public part of one slot: every signer-set member's commitments, as agreed in
// preprocessing. A signature uses the commitments of its participants (all of the set, or any
// subset of at least MinSigners).
type Slot struct {
	suite   Suite
	id      SlotID
	batch   [32]byte
	commits []commitment // in signer-set (transport) order
}

// ID names the slot.
func (s *Slot) ID() SlotID { return s.id }

// Batch is the digest of the preprocessing batch the slot belongs to.
func (s *Slot) Batch() [32]byte { return s.batch }

// Signers lists the share indices of the signer set, in transport order.
func (s *Slot) Signers() []int {
	out := make([]int, len(s.commits))
	for i, c := range s.commits {
		out[i] = c.index
	}
	return out
}

func (s *Slot) commitmentOf(index int) (commitment, bool) {
	for _, c := range s.commits {
		if c.index == index {
			return c, true
		}
	}
	return commitment{}, false
}

func slotID(batch [32]byte, k int) SlotID {
	h := sha256.New()
	h.Write([]byte("litmesh/frost/slot/v1"))
	h.Write(batch[:])
	h.Write(putU16(nil, k))
	return SlotID(h.Sum(nil))
}

// ErrNonceReused is returned when a nonce (a slot's secret half at one member) is asked to sign
// a second time, or a slot already handed out is put back or taken again. Two signatures with
// one nonce reveal the member's key share.
var ErrNonceReused = errors.New("frost: nonce commitment already used")

// Nonce is one member's secret nonces for one slot, (d, e) with commitments (d·G, e·G), and the
// slot's public commitments. It signs at most once: SignShare marks it used and zeroes the
// nonces. Nonces exist only in memory; nothing in this package writes them anywhere.
type Nonce struct {
	slot  *Slot
	index int // this member's share index
	mu    sync.Mutex
	used  bool
	d, e  scalar
}

// Slot is the public part of the nonce's slot.
func (n *Nonce) Slot() *Slot { return n.slot }

// Used reports whether the nonce has signed (or was discarded).
func (n *Nonce) Used() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.used
}

// Discard zeroes the nonce without signing, e.g. when its slot was used by a signature this
// member is not part of.
func (n *Nonce) Discard() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.consume()
}

// consume marks the nonce used and zeroes it; the caller holds mu.
func (n *Nonce) consume() {
	n.used = true
	if n.d != nil {
		n.d.wipe()
		n.e.wipe()
	}
}

// Batch is what one preprocessing session produced at one member: the slots (public, the same
// at every honest member) and this member's nonces for each.
type Batch struct {
	suite   Suite
	digest  [32]byte
	signers []int
	slots   []*Slot
	nonces  []*Nonce
}

// Digest identifies the batch: a hash of the session and of every member's commitment list.
// Members that finished the session with the same digest hold the same slots. The node layer
// agrees on it (every member of the set confirms the same digest) before pooling the batch.
func (b *Batch) Digest() [32]byte { return b.digest }

// Suite is the batch's ciphersuite.
func (b *Batch) Suite() Suite { return b.suite }

// Signers lists the share indices of the signer set, in transport order.
func (b *Batch) Signers() []int { return append([]int(nil), b.signers...) }

// Len is the number of slots.
func (b *Batch) Len() int { return len(b.slots) }

// Slots returns the public slots.
func (b *Batch) Slots() []*Slot { return append([]*Slot(nil), b.slots...) }

// Nonces returns this member's nonces, one per slot, in slot order.
func (b *Batch) Nonces() []*Nonce { return append([]*Nonce(nil), b.nonces...) }

// Discard zeroes every nonce of the batch (when the node layer's agreement on the batch fails).
func (b *Batch) Discard() {
	for _, n := range b.nonces {
		n.Discard()
	}
}

func signersKey(s Suite, signers []int) string {
	return fmt.Sprint(uint8(s), signers)
}
