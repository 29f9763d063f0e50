package node

import (
	"context"
	"errors"
	"fmt"

	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// The signer sets, their pools, presigning sessions with batch votes and the per-request
// agreement (pkp.go, pkp_presign.go, pkp_agree.go) serve every interactive scheme: ECDSA
// presignatures and FROST nonce commitments (pkp_frost.go). A pkpScheme is what differs: the
// material a set makes ahead of time (one unit per signature, used at most once), how a
// session makes it, and — through a binder, per request — what every member confirms about it.
//
// Material IDs are 32 bytes in both schemes (ecdsa.ID, frost.SlotID); the agreement names
// them as ecdsa.ID.

// material is one unit a signer set made ahead of time: an ECDSA presignature or a FROST slot
// (this member's nonces for it). It serves at most one request.
type material interface {
	ID() ecdsa.ID
	// Discard zeroes the secret part: the material never serves a request.
	Discard()
}

// held is material reserved for one request and bound to it: what this member confirms to the
// others, and how it checks their confirmations. ECDSA: the ρ contribution committed during
// presigning; FROST: the digest of the signing package this member built.
type held interface {
	material
	Contribution() [32]byte
	CheckContribution(member int, c [32]byte) error
}

// binder binds reserved material to the request being agreed on.
type binder func(material) (held, error)

// presignBatch is what one presigning session made at this member, before the members agreed
// on it.
type presignBatch interface {
	// Digest is what every member of the session votes on.
	Digest() [32]byte
	// Discard zeroes every unit of the batch.
	Discard()
}

// pkpScheme is the material of one signing scheme and its pool at this node.
type pkpScheme interface {
	// Name separates the scheme's sessions and signed assignments from the others' ("" is
	// ECDSA, whose names predate the other schemes).
	Name() string
	// IDs lists the set's ready material, oldest first; Len counts it.
	IDs(order []int) []ecdsa.ID
	Len(order []int) int
	// Take removes material from the pool: errMaterialUsed if it was taken before,
	// errMaterialUnknown if the pool never held it.
	Take(id ecdsa.ID) (material, error)
	// Clear zeroes and drops everything (the epoch ended).
	Clear()
	// Presign runs one session of count units as member tr.Self() of the set (order: share
	// indices in transport order).
	Presign(ctx context.Context, tr mpc.Transport, order []int, session, nonce [32]byte, count int) (presignBatch, error)
	// Put pools a batch every member agreed on. A full pool is not an error (what does not fit
	// is discarded).
	Put(b presignBatch) error
	// Fault returns the transport index of the member a presigning error names as at fault
	// with certainty (a fault this member verified itself, never another member's word).
	Fault(err error) (int, bool)
}

var (
	errMaterialUsed    = errors.New("used before")
	errMaterialUnknown = errors.New("unknown at this node")
)

// ecdsaScheme is threshold ECDSA's material: presignatures (mpc/ecdsa, docs/ecdsa.md).
type ecdsaScheme struct {
	key  *ecdsa.KeyShare
	pool *ecdsa.Pool
	// compute runs presigning's CPU-heavy steps (the service's low-priority pool); nil: inline.
	compute func(ctx context.Context, f func()) error
}

func (s *ecdsaScheme) Name() string               { return "" }
func (s *ecdsaScheme) IDs(order []int) []ecdsa.ID { return s.pool.IDs(order) }
func (s *ecdsaScheme) Len(order []int) int        { return s.pool.Len(order) }
func (s *ecdsaScheme) Clear()                     { s.pool.Clear() }

func (s *ecdsaScheme) Take(id ecdsa.ID) (material, error) {
	ps, err := s.pool.Take(id)
	switch {
	case errors.Is(err, ecdsa.ErrUsed):
		return nil, fmt.Errorf("presignature %s: %w", id, errMaterialUsed)
	case err != nil:
		return nil, fmt.Errorf("presignature %s: %w", id, errMaterialUnknown)
	}
	return ecdsaHeld{ps}, nil
}

func (s *ecdsaScheme) Presign(ctx context.Context, tr mpc.Transport, order []int, session, nonce [32]byte, count int) (presignBatch, error) {
	ps, err := ecdsa.Presign(ctx, tr, s.key, ecdsa.Config{Session: session, Signers: order, Count: count, Compute: s.compute})
	if err != nil {
		return nil, err
	}
	return &ecdsaBatch{digest: batchDigest(nonce, ps), ps: ps}, nil
}

func (s *ecdsaScheme) Put(b presignBatch) error {
	if err := s.pool.Put(b.(*ecdsaBatch).ps...); err != nil && !errors.Is(err, ecdsa.ErrPoolFull) {
		return err
	}
	return nil
}

func (s *ecdsaScheme) Fault(err error) (int, bool) {
	var fe *ecdsa.FaultError
	if errors.As(err, &fe) && !fe.Disputed {
		return fe.Member, true
	}
	return 0, false
}

// ecdsaHeld is a presignature: what its holder confirms is its ρ contribution.
type ecdsaHeld struct{ *ecdsa.Presignature }

func (h ecdsaHeld) CheckContribution(member int, c [32]byte) error {
	return h.Public().CheckContribution(member, c)
}

// bindECDSA: a presignature serves any request as it is.
func bindECDSA(m material) (held, error) { return m.(ecdsaHeld), nil }

type ecdsaBatch struct {
	digest [32]byte
	ps     []*ecdsa.Presignature
}

func (b *ecdsaBatch) Digest() [32]byte { return b.digest }
func (b *ecdsaBatch) Discard() {
	for _, p := range b.ps {
		p.Discard()
	}
}
