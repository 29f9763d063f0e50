package node

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// pkpEpoch is one epoch's PKP signing state for one scheme: the root share, the members, the
// signer sets this node belongs to, the pool and the pending requests. The ECDSA epoch is
// pkpService.ep; each FROST suite has its own (pkpService.frost).
type pkpEpoch struct {
	s       *pkpService
	number  uint64
	self    int             // this node's share index
	key     *ecdsa.KeyShare // ECDSA only
	scheme  pkpScheme
	size    int // signers per set: 2t+1 for ECDSA, T for FROST
	peers   []peer.ID
	members []Member
	byPeer  map[peer.ID]int
	ring    []int              // share indices ordered by peer ID
	pos     []int              // share index → ring position
	warm    bool               // keep the windows warm (else every set is opened on demand)
	target  int                // material each warm set keeps
	reach   func(peer.ID) bool // overrides connected (unit tests without a host)
	agree   *agreeState
	excl    *exclusions // peers this node leaves out of its signer sets (pkp_blame.go)

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu   sync.Mutex
	sets map[string]*signerSet
	lazy []string // keys of sets opened on demand, least recently used first
}

func (s *pkpService) newEpoch(ctx context.Context, k *EpochKeys) (*pkpEpoch, error) {
	commits := make([][]byte, len(k.Secp.Commits))
	for i, c := range k.Secp.Commits {
		b, err := c.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("encode root commitment %d: %w", i, err)
		}
		commits[i] = b
	}
	root, err := ecdsa.NewRootCommitments(commits)
	if err != nil {
		return nil, err
	}
	if k.Secp.Share.I != k.Self {
		return nil, fmt.Errorf("secp256k1 share has index %d, this node is member %d", k.Secp.Share.I, k.Self)
	}
	secret, err := k.Secp.Share.V.MarshalBinary()
	if err != nil {
		return nil, err
	}
	key, err := ecdsa.NewKeyShare(root, k.Self, secret)
	clear(secret)
	if err != nil {
		return nil, err
	}
	ep := &pkpEpoch{
		s: s, number: k.Epoch, self: k.Self, key: key, size: k.ECDSASigners(), warm: true, target: s.target,
		scheme: &ecdsaScheme{key: key, pool: ecdsa.NewPool(poolCapacity(s.target)), compute: s.compute()},
	}
	if err := ep.start(ctx, k, newExclusions()); err != nil {
		return nil, err
	}
	return ep, nil
}

// start fills in the members and the ring and opens the warm sets this node belongs to.
func (ep *pkpEpoch) start(ctx context.Context, k *EpochKeys, excl *exclusions) error {
	ep.members, ep.byPeer, ep.sets = k.Members, map[peer.ID]int{}, map[string]*signerSet{}
	ep.agree, ep.excl = newAgreeState(), excl
	s := ep.s
	for i, m := range k.Members {
		p, err := peer.Decode(m.PeerID)
		if err != nil {
			return fmt.Errorf("member %d peer ID %q: %w", i, m.PeerID, err)
		}
		ep.peers = append(ep.peers, p)
		ep.byPeer[p] = i
		ep.ring = append(ep.ring, i)
	}
	if ep.peers[k.Self] != s.deps.self {
		return fmt.Errorf("member %d of epoch %d is %s, not this node", k.Self, k.Epoch, ep.peers[k.Self])
	}
	slices.SortFunc(ep.ring, func(a, b int) int { return strings.Compare(k.Members[a].PeerID, k.Members[b].PeerID) })
	ep.pos = make([]int, len(ep.ring))
	for p, i := range ep.ring {
		ep.pos[i] = p
	}
	ep.ctx, ep.cancel = context.WithCancel(ctx)
	n := len(ep.ring)
	for r := 0; ep.warm && r < min(n, maxWarmSets); r++ {
		win := make([]int, ep.size)
		for j := range win {
			win[j] = ep.ring[(r+j)%n]
		}
		if !slices.Contains(win, ep.self) {
			continue
		}
		if _, err := ep.openSet(ep.canonical(win), true); err != nil {
			ep.stop()
			return err
		}
	}
	return nil
}

// stop ends every goroutine of the epoch, closes its sessions and forgets its presignatures.
// It cancels under ep.mu, so no set opens (and adds to wg) once Wait has begun.
func (ep *pkpEpoch) stop() {
	ep.mu.Lock()
	ep.cancel()
	ep.mu.Unlock()
	ep.wg.Wait()
	ep.mu.Lock()
	for _, ss := range ep.sets {
		ss.ctl.Close()
	}
	ep.sets = map[string]*signerSet{}
	ep.mu.Unlock()
	ep.scheme.Clear()
	ep.agree.clear()
}

// canonical orders a set of share indices: around the ring, starting after the largest gap
// (ties: the earliest ring position). Every node computes the same order for the same set,
// whatever order a client listed it in.
func (ep *pkpEpoch) canonical(set []int) []int {
	n := len(ep.ring)
	ps := make([]int, len(set))
	for i, idx := range set {
		ps[i] = ep.pos[idx]
	}
	slices.Sort(ps)
	best, bestGap := 0, -1
	for j := range ps {
		gap := ps[j] - ps[(j+len(ps)-1)%len(ps)]
		if j == 0 {
			gap = ps[0] + n - ps[len(ps)-1]
		}
		if gap > bestGap {
			best, bestGap = j, gap
		}
	}
	out := make([]int, len(ps))
	for j := range ps {
		out[j] = ep.ring[ps[(best+j)%len(ps)]]
	}
	return out
}

// setKey names a set independently of order.
func setKey(order []int) string {
	s := slices.Clone(order)
	slices.Sort(s)
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ",")
}

// setFor returns the signer set with these members (canonical order), opening a set used on
// demand if needed.
func (ep *pkpEpoch) setFor(order []int) (*signerSet, error) {
	key := setKey(order)
	ep.mu.Lock()
	ss, ok := ep.sets[key]
	if ok && !ss.warm {
		ep.touchLocked(key)
	}
	ep.mu.Unlock()
	if !ok {
		var err error
		if ss, err = ep.openSet(order, false); err != nil {
			return nil, err
		}
	}
	ss.used.Store(time.Now().UnixNano())
	return ss, nil
}

func (ep *pkpEpoch) touchLocked(key string) {
	if i := slices.Index(ep.lazy, key); i >= 0 {
		ep.lazy = slices.Delete(ep.lazy, i, i+1)
	}
	ep.lazy = append(ep.lazy, key)
}

// openSet opens the control session of a set this node belongs to.
func (ep *pkpEpoch) openSet(order []int, warm bool) (*signerSet, error) {
	key := setKey(order)
	self := slices.Index(order, ep.self)
	if self < 0 {
		return nil, fmt.Errorf("signer set %s does not include this node", key)
	}
	sum := sha256.Sum256([]byte(key))
	ss := &signerSet{
		ep: ep, key: key, order: order, self: self, warm: warm, tag: hex.EncodeToString(sum[:6]),
		slot: make(chan struct{}, 1), poked: make(chan struct{}, 1), nonces: map[[32]byte]struct{}{},
		votes: map[[32]byte]*voteBox{}, target: ep.target,
	}
	if !warm {
		ss.target = min(ep.target, lazyTarget)
	}
	for _, idx := range order {
		ss.peers = append(ss.peers, ep.peers[idx])
	}
	pub, err := ss.peers[0].ExtractPublicKey()
	if err != nil {
		return nil, fmt.Errorf("signer set %s: the coordinator's peer ID %s holds no public key: %w", key, ss.peers[0], err)
	}
	ss.coordPub = pub
	ss.ctx, ss.cancel = context.WithCancel(ep.ctx)

	ep.mu.Lock()
	defer ep.mu.Unlock()
	if old, ok := ep.sets[key]; ok {
		ss.cancel()
		return old, nil
	}
	if ep.ctx.Err() != nil {
		ss.cancel()
		return nil, api.WrongEpoch(0, "epoch changing")
	}
	ctl, err := ep.s.deps.sessions.OpenControl(ss.session("ctl"), ss.peers)
	if err != nil {
		ss.cancel()
		return nil, fmt.Errorf("open the control session of signer set %s: %w", key, err)
	}
	ss.ctl = ctl
	ep.sets[key] = ss
	ss.start()
	if !warm {
		ep.touchLocked(key)
		for len(ep.lazy) > maxLazySets {
			ep.evictLocked(ep.lazy[0])
		}
	}
	return ss, nil
}

// evictLocked closes a set opened on demand and drops its presignatures.
func (ep *pkpEpoch) evictLocked(key string) {
	ep.lazy = slices.DeleteFunc(ep.lazy, func(k string) bool { return k == key })
	ss, ok := ep.sets[key]
	if !ok {
		return
	}
	delete(ep.sets, key)
	ss.cancel()
	ss.ctl.Close()
	for _, id := range ep.scheme.IDs(ss.order) {
		if m, err := ep.scheme.Take(id); err == nil {
			m.Discard()
		}
	}
}

// sweep discards the presignatures of assignments whose requests never came.
func (ep *pkpEpoch) sweep() {
	for _, x := range ep.agree.expired(time.Now()) {
		x.ss.discard(x.id)
	}
}

// connected reports whether this node has a trusted live connection to peer p.
func (ep *pkpEpoch) connected(p peer.ID) bool {
	if ep.reach != nil {
		return ep.reach(p)
	}
	return p == ep.s.deps.self || ep.s.deps.connected(p)
}
