package node

import (
	"context"
	"errors"
	"fmt"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/frost"
)

// FROST in the node (docs/schemes.md): each suite has its own signer sets — T members of the
// epoch (every member a participant: FROST is not robust, a silent signer means a retry on
// another set) — whose coordinators start preprocessing sessions like presigning sessions
// (frost.Preprocess makes a batch of nonce-commitment slots, every member votes the batch's
// digest before pooling it), and each request goes through the same agreement as ECDSA's: the
// coordinator signs an assignment naming a slot, every member takes that slot, builds the
// signing package and confirms its digest to every other member, and releases its share only
// when all of them confirmed the same package.

// frostWarmTarget is how many slots a warm FROST set keeps (at most the node's PKP pool
// target): slots are cheap to make, and every suite keeps its own.
const frostWarmTarget = 32

// frostScheme is one suite's material: nonce-commitment slots (mpc/frost).
type frostScheme struct {
	suite frost.Suite
	key   *frost.KeyShare
	pool  *frost.Pool
	// compute runs preprocessing's CPU-heavy steps (the service's low-priority pool); nil: inline.
	compute func(ctx context.Context, f func()) error
}

// frostSchemeName is the session name of a suite: frost-ed25519, frost-taproot, frost-secp256k1.
func frostSchemeName(s frost.Suite) string {
	switch s {
	case frost.Ed25519:
		return "frost-ed25519"
	case frost.Taproot:
		return "frost-taproot"
	default:
		return "frost-secp256k1"
	}
}

func (s *frostScheme) Name() string { return frostSchemeName(s.suite) }

func (s *frostScheme) IDs(order []int) []ecdsa.ID {
	ids := s.pool.IDs(s.suite, order)
	out := make([]ecdsa.ID, len(ids))
	for i, id := range ids {
		out[i] = ecdsa.ID(id)
	}
	return out
}

func (s *frostScheme) Len(order []int) int { return s.pool.Len(s.suite, order) }
func (s *frostScheme) Clear()              { s.pool.Clear() }

func (s *frostScheme) Take(id ecdsa.ID) (material, error) {
	n, err := s.pool.Take(frost.SlotID(id))
	switch {
	case errors.Is(err, frost.ErrNonceReused):
		return nil, fmt.Errorf("slot %s: %w", id, errMaterialUsed)
	case err != nil:
		return nil, fmt.Errorf("slot %s: %w", id, errMaterialUnknown)
	}
	return frostMat{n}, nil
}

func (s *frostScheme) Presign(ctx context.Context, tr mpc.Transport, order []int, session, _ [32]byte, count int) (presignBatch, error) {
	b, err := frost.Preprocess(ctx, tr, s.key, frost.PreprocessConfig{Session: session, Signers: order, Count: count, Compute: s.compute})
	if err != nil {
		return nil, err
	}
	return frostBatch{b}, nil
}

func (s *frostScheme) Put(b presignBatch) error {
	fb := b.(frostBatch).Batch
	if err := s.pool.Put(fb); err != nil {
		fb.Discard()
		if !errors.Is(err, frost.ErrPoolFull) {
			return err
		}
	}
	return nil
}

func (s *frostScheme) Fault(err error) (int, bool) {
	var fe *frost.FaultError
	if errors.As(err, &fe) && !fe.Disputed {
		return fe.Member, true
	}
	return 0, false
}

type frostBatch struct{ *frost.Batch }

// frostMat is this member's nonces for one slot.
type frostMat struct{ nonce *frost.Nonce }

func (m frostMat) ID() ecdsa.ID { return ecdsa.ID(m.nonce.Slot().ID()) }
func (m frostMat) Discard()     { m.nonce.Discard() }

// frostHeld is a slot bound to a request: the signing package this member built from its own
// copy of the request, the slot's agreed commitments and the set's members as participants.
// Its confirmation is the package's digest; every other member must confirm the same.
type frostHeld struct {
	frostMat
	pkg *frost.SigningPackage
}

func (h *frostHeld) Contribution() [32]byte { return h.pkg.Digest() }

func (h *frostHeld) CheckContribution(member int, c [32]byte) error {
	if c != h.pkg.Digest() {
		return fmt.Errorf("member %d confirmed signing package %x…, this node built %x…", member, c[:6], h.pkg.Digest())
	}
	return nil
}

// frostBinder binds a slot to the request: the package every participant must confirm.
func frostBinder(root *frost.RootKey, order []int, req frost.Request) binder {
	return func(m material) (held, error) {
		fm, ok := m.(frostMat)
		if !ok {
			return nil, errors.New("not a FROST slot")
		}
		pkg, err := frost.NewSigningPackage(root, fm.nonce.Slot(), order, req)
		if err != nil {
			return nil, err
		}
		return &frostHeld{frostMat: fm, pkg: pkg}, nil
	}
}

// newFrostEpochs opens the FROST signer sets of the epoch: Ed25519 from the Ed25519 root,
// Taproot and Secp256k1 from the Schnorr root. Ed25519 and Taproot sets are kept warm;
// SchnorrK256Sha256 sets open on demand. None while the network has no scheme roots.
func (s *pkpService) newFrostEpochs(ctx context.Context, k *EpochKeys, excl *exclusions) (map[frost.Suite]*pkpEpoch, error) {
	out := map[frost.Suite]*pkpEpoch{}
	for _, suite := range frost.Suites {
		ks := k.Ed25519
		if suite != frost.Ed25519 {
			ks = k.Schnorr
		}
		if ks == nil {
			continue
		}
		key, err := frostKeyShare(suite, ks.Share.I, ks)
		if err != nil {
			for _, ep := range out {
				ep.stop()
			}
			return nil, fmt.Errorf("%v key share: %w", suite, err)
		}
		target := min(s.target, frostWarmTarget)
		ep := &pkpEpoch{
			s: s, number: k.Epoch, self: k.Self, size: key.Root().MinSigners(), warm: suite != frost.Secp256k1, target: target,
			scheme: &frostScheme{suite: suite, key: key, pool: frost.NewPool(poolCapacity(target)), compute: s.compute()},
		}
		if err := ep.start(ctx, k, excl); err != nil {
			for _, ep := range out {
				ep.stop()
			}
			return nil, err
		}
		out[suite] = ep
	}
	return out, nil
}

// frostKeyShare converts a DKG share of a scheme root into the suite's key share.
func frostKeyShare(suite frost.Suite, index int, ks *dkg.KeyShare) (*frost.KeyShare, error) {
	root, err := frostRootOf(suite, ks)
	if err != nil {
		return nil, err
	}
	secret, err := ks.Share.V.MarshalBinary()
	if err != nil {
		return nil, err
	}
	defer clear(secret)
	return frost.NewKeyShare(root, index, secret)
}

// frostRootOf is the suite's root key (the whole public polynomial) of a DKG share of a scheme
// root: what a signing package names and Combine checks shares against.
func frostRootOf(suite frost.Suite, ks *dkg.KeyShare) (*frost.RootKey, error) {
	commits := make([][]byte, len(ks.Commits))
	for i, c := range ks.Commits {
		b, err := c.MarshalBinary()
		if err != nil {
			return nil, err
		}
		commits[i] = b
	}
	return frost.NewRootKey(suite, commits)
}

// currentFrost returns the serving epoch's signer sets of a suite, or a retryable error.
func (s *pkpService) currentFrost(suite frost.Suite) (*pkpEpoch, error) {
	k, err := s.deps.keys.Current()
	if err != nil {
		return nil, err
	}
	if k.SchemeRootKey(frostKeyType(suite)) == nil {
		return nil, api.Errorf(api.KindUnavailable, "this network has no %s root key yet: it comes with the next key round (epoch change)", frostKeyType(suite))
	}
	s.mu.Lock()
	ep := s.frost[suite]
	s.mu.Unlock()
	if ep == nil || ep.number != k.Epoch {
		return nil, api.Errorf(api.KindUnavailable, "epoch changing: %v signing for epoch %d is not ready on this node yet", suite, k.Epoch)
	}
	return ep, nil
}

func frostKeyType(s frost.Suite) chain.KeyType {
	if s == frost.Ed25519 {
		return chain.KeyTypeEd25519
	}
	return chain.KeyTypeSchnorrK256
}
