package node

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	libp2pcrypto "github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/frost"
)

// PKP signing in the node (docs/pkp.md): presignatures are made in the background, per signer
// set, by the set's members over n.sessions, agreed by every member (pkp_presign.go) and kept
// in memory in an ecdsa.Pool; a signature request (POST /web/pkp/sign, or
// Lit.Actions.signEcdsa through PKPSignForAction) is agreed across the whole set — the
// coordinator signs which presignature serves it, every member confirms that to every other
// with its ρ contribution (pkp_agree.go) — and answered with one signature share.
//
// A signer set is 2t+1 members of the current epoch. Members are ordered on a ring by peer ID;
// the sets kept warm are the windows of 2t+1 consecutive ring members (one per starting
// member, so every member coordinates one). Any other set of live members works too, with
// presignatures computed on demand. A set's canonical order starts after the largest gap on
// the ring (for a window: at its first member); its first member coordinates.
const (
	maxWarmSets    = 16               // windows kept warm (networks larger than this warm the first 16)
	maxLazySets    = 16               // other sets opened on demand at once
	lazyTarget     = 16               // presignatures kept for a set opened on demand
	lazyIdle       = 2 * time.Minute  // a set opened on demand is refilled only while in use
	maxBatch       = 64               // presignatures per presigning session of a set of 5 (see presignBatch)
	onDemandBatch  = 4                // presignatures made when a request finds the pool empty
	presignTimeout = 30 * time.Second // one presigning session of up to 5 members, start to end (see presignDeadline)
	assignWait     = 10 * time.Second // how long a member waits for the coordinator's assignment
	earlyTTL       = 15 * time.Second // how long an assignment waits for its request
	maxEarly       = 4096             // assignments waiting for their requests, per node
	sendTimeout    = 2 * time.Second  // one control message
	epochPoll      = 250 * time.Millisecond
	// readyWait is how long a request that arrives while this node sets up the signer sets of
	// an epoch it already holds keys for waits for them, rather than being refused: the
	// node's peers may have finished a moment earlier, and the client sent to all at once.
	readyWait = 5 * time.Second
)

// presignBatchSize is the largest presigning session a set of size members runs. One presignature
// costs each member work proportional to members·t ≈ members²/2 (it checks every dealer's
// commitments of degree t and 2t and every member's proofs), so the batch shrinks with
// members²: 64 per session for sets of up to 5 (7 nodes), 32 for 7 (10 nodes), 13 for 11 (16
// nodes), 4 for 22 (32 nodes). Each member's work per session then stays near that of a 64-batch
// of a 5-member set. Never fewer than onDemandBatch: three message rounds per session are the
// fixed cost.
func presignBatchSize(members int) int {
	const ref = 5 // a 5-member set (7 nodes) runs maxBatch
	if members <= ref {
		return maxBatch
	}
	return max(onDemandBatch, maxBatch*ref*ref/(members*members))
}

// presignDeadline bounds one presigning session of a set of size members: presignTimeout for up
// to 5 members, growing linearly beyond. A session of presignBatchSize(members) costs each member
// about the same CPU whatever the size, but the set's total grows with members — and on one
// machine (a devnet) every member's work shares the same cores.
func presignDeadline(members int) time.Duration {
	return presignTimeout * time.Duration(max(members, 5)) / 5
}

// pkpService owns the presignature pools and the request matching of the serving epoch.
type pkpService struct {
	n       *Node
	target  int // presignatures each warm set keeps
	replay  *replayGuard
	metrics *pkpMetrics
	cpu     *cpuPool // presigning's heavy steps, at low priority (cpu.go); nil runs them inline
	// How long a request waits for its assignment, and then for the set's confirmations
	// (assignWait, confirmWait; shorter in unit tests).
	assignWait, confirmWait, voteWait time.Duration

	mu sync.Mutex
	ep *pkpEpoch // nil until the node holds keys for the chain's current epoch
	// frost are the serving epoch's FROST signer sets per suite (pkp_frost.go); empty while
	// the network has no scheme roots.
	frost map[frost.Suite]*pkpEpoch
	// changed is closed (and replaced) whenever ep is set, so requests waiting for the
	// serving epoch's set-up wake at once.
	changed chan struct{}

	failedEpoch uint64 // the epoch whose set-up failed last, retried after a pause
	failedAt    time.Time
}

func newPKPService(n *Node) *pkpService {
	s := &pkpService{n: n, target: n.cfg.PKPPool, replay: newReplayGuard(1 << 16), assignWait: assignWait, confirmWait: confirmWait, voteWait: voteWait, changed: make(chan struct{})}
	s.metrics = newPKPMetrics(n.metrics.reg, s)
	return s
}

// run follows the serving epoch until ctx ends: it builds the epoch's signer sets when the
// node gets keys for a new epoch and drops every presignature of the old one.
func (s *pkpService) run(ctx context.Context) {
	t := time.NewTicker(epochPoll)
	defer t.Stop()
	var release func()
	s.cpu, release = acquireCPUPool(s.n.log)
	defer release() // after every session stopped (drop waits for them)
	defer s.drop("node stopping")
	for {
		s.refresh(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (s *pkpService) refresh(ctx context.Context) {
	k, err := s.n.keys.Current()
	s.mu.Lock()
	cur := s.ep
	s.mu.Unlock()
	switch {
	case err != nil:
		if cur != nil {
			s.drop(fmt.Sprintf("epoch %d is no longer served: %v", cur.number, err))
		}
		return
	case cur != nil && cur.number == k.Epoch:
		cur.sweep()
		s.mu.Lock()
		for _, f := range s.frost {
			f.sweep()
		}
		s.mu.Unlock()
		return
	case cur != nil:
		s.drop(fmt.Sprintf("epoch changed from %d to %d", cur.number, k.Epoch))
	}
	if s.failedEpoch == k.Epoch && time.Since(s.failedAt) < 10*time.Second {
		return
	}
	ep, err := s.newEpoch(ctx, k)
	if err != nil {
		s.failedEpoch, s.failedAt = k.Epoch, time.Now()
		s.n.log.Error("cannot serve PKP signatures this epoch", "epoch", k.Epoch, "error", err)
		return
	}
	fr, err := s.newFrostEpochs(ctx, k, ep.excl)
	if err != nil {
		ep.stop()
		s.failedEpoch, s.failedAt = k.Epoch, time.Now()
		s.n.log.Error("cannot serve FROST signatures this epoch", "epoch", k.Epoch, "error", err)
		return
	}
	s.mu.Lock()
	s.ep = ep
	s.frost = fr
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	s.n.log.Info("PKP signing ready", "epoch", k.Epoch, "signers", ep.size, "warm_sets", len(ep.sets), "pool_target", s.target, "frost_suites", len(fr))
}

// drop ends the serving epoch's PKP work: its presigning stops and every presignature is
// forgotten, so none can ever be used with another epoch's shares.
func (s *pkpService) drop(why string) {
	s.mu.Lock()
	ep := s.ep
	s.ep = nil
	fr := s.frost
	s.frost = nil
	s.mu.Unlock()
	for _, f := range fr {
		f.stop()
	}
	if ep == nil {
		return
	}
	ep.stop()
	s.n.log.Info("dropped the epoch's presignatures", "epoch", ep.number, "reason", why)
}

// current returns the serving epoch's state, or a retryable error.
func (s *pkpService) current() (*pkpEpoch, error) {
	k, err := s.n.keys.Current()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	ep := s.ep
	s.mu.Unlock()
	if ep == nil || ep.number != k.Epoch {
		return nil, api.WrongEpoch(k.Epoch, "epoch changing: PKP signing for epoch %d is not ready on this node yet", k.Epoch)
	}
	return ep, nil
}

// ready is current for a request: when the node holds keys for the serving epoch but is still
// setting up its signer sets, it waits for them (at most readyWait) instead of refusing.
func (s *pkpService) ready(ctx context.Context) (*pkpEpoch, error) {
	return s.readyOf(ctx, s.current)
}

// readyFrost is ready for the FROST signer sets of a suite (pkp_frost.go).
func (s *pkpService) readyFrost(ctx context.Context, suite frost.Suite) (*pkpEpoch, error) {
	return s.readyOf(ctx, func() (*pkpEpoch, error) { return s.currentFrost(suite) })
}

func (s *pkpService) readyOf(ctx context.Context, current func() (*pkpEpoch, error)) (*pkpEpoch, error) {
	wait := time.NewTimer(readyWait)
	defer wait.Stop()
	for {
		s.mu.Lock()
		changed := s.changed
		s.mu.Unlock()
		ep, err := current()
		if err == nil {
			return ep, nil
		}
		if _, kerr := s.n.keys.Current(); kerr != nil {
			return nil, err // no keys for the epoch: nothing to wait for here
		}
		select {
		case <-changed:
		case <-wait.C:
			return nil, err
		case <-ctx.Done():
			return nil, err
		}
	}
}

// poolCapacity is how many presignatures a node holds per set. A coordinator keeps at most
// its target; a member may briefly hold more — the session that just ended at the coordinator
// and the presignatures it assigned but whose requests have not arrived yet — so it has room
// for a whole extra session and as many again.
func poolCapacity(target int) int {
	return 2*max(target, lazyTarget) + maxBatch
}

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
	if ep.peers[k.Self] != s.n.host.ID() {
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
	ctl, err := ep.s.n.sessions.Open(ss.session("ctl"), ss.peers)
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
	h := ep.s.n.host
	return p == h.ID() || (h.Gate.Trusted(p) && h.Network().Connectedness(p) == network.Connected)
}

// ctlTransport is a signer set's control session: a p2p.SessionTransport (in-memory in unit
// tests).
type ctlTransport interface {
	mpc.Transport
	Close()
}

// signerSet is one signer set this node belongs to.
type signerSet struct {
	ep     *pkpEpoch
	key    string
	tag    string // short name for session IDs
	order  []int  // share indices, canonical order; order[0] coordinates
	peers  []peer.ID
	self   int // this node's position in order
	warm   bool
	target int
	ctl    ctlTransport
	ctx    context.Context
	cancel context.CancelFunc

	coordPub libp2pcrypto.PubKey // verifies the coordinator's assignments

	// sendMu orders, at the coordinator, the keep-list snapshot of a batch message with the
	// presignatures taken for assignments: a member must never see a batch message whose keep
	// list lacks a presignature whose assignment is still on its way.
	sendMu sync.Mutex

	used atomic.Int64 // unix nanoseconds of the last request for the set

	slot  chan struct{} // holds one token while a presigning session of this set runs here
	poked chan struct{} // coordinator: a presignature was taken, refill

	mu      sync.Mutex
	running chan struct{} // closed when the running presigning session ends; nil if none
	queued  int
	nonces  map[[32]byte]struct{}
	nonceQ  [][32]byte
	votes   map[[32]byte]*voteBox // per presigning session (nonce): the members' verdicts
	pooled  int                   // sessions whose presignatures every member agreed on
	dropped int                   // sessions dropped: a veto, a digest mismatch, a missing vote
}

func (ss *signerSet) coordinator() bool { return ss.self == 0 }

// session names a session of this set in this epoch (pkp-<scheme>/… for schemes other than
// ECDSA, so that one set's sessions of two schemes never mix).
func (ss *signerSet) session(suffix string) string {
	n := ss.ep.s.n
	prefix := "pkp"
	if name := ss.ep.scheme.Name(); name != "" {
		prefix += "-" + name
	}
	return fmt.Sprintf("%s/%s/e%d/%s/%s", prefix, n.cfg.Network, ss.ep.number, ss.tag, suffix)
}

func (ss *signerSet) start() {
	ss.ep.wg.Add(1)
	go func() {
		defer ss.ep.wg.Done()
		defer recoverGoroutine(ss.ep.s.n.log, "PKP signer set")
		ss.receive(ss.ctx)
	}()
	if ss.coordinator() {
		ss.ep.wg.Add(1)
		go func() {
			defer ss.ep.wg.Done()
			defer recoverGoroutine(ss.ep.s.n.log, "PKP presigning")
			ss.fill(ss.ctx)
		}()
	}
}

// connectedAll reports whether every member is connected; otherwise it names one that is not.
func (ss *signerSet) connectedAll() (peer.ID, bool) {
	for _, p := range ss.peers {
		if !ss.ep.connected(p) {
			return p, false
		}
	}
	return "", true
}

// discard takes a presignature out of the pool without using it (its request never came, or
// was refused): it must never serve another request.
func (ss *signerSet) discard(id ecdsa.ID) {
	if !ss.holds(id) {
		return // not this set's: a coordinator may only name its own set's presignatures
	}
	if ps, err := ss.ep.scheme.Take(id); err == nil {
		ps.Discard()
		ss.ep.s.n.log.Debug("discarded an unused presignature", "presignature", id.String(), "set", ss.key)
	}
}

// holds reports whether this node's pool holds the presignature for this set.
func (ss *signerSet) holds(id ecdsa.ID) bool {
	return slices.Contains(ss.ep.scheme.IDs(ss.order), id)
}

// requestDigest binds everything the members of a set must agree on for a request.
func requestDigest(epoch uint64, requestID string, tokenID [32]byte, hash [32]byte, order []int) [32]byte {
	h := sha256.New()
	h.Write([]byte("litmesh/pkp/request/v1"))
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], epoch)
	h.Write(b[:])
	h.Write([]byte{byte(len(requestID))})
	h.Write([]byte(requestID))
	h.Write(tokenID[:])
	h.Write(hash[:])
	for _, v := range order {
		binary.BigEndian.PutUint16(b[:2], uint16(v))
		h.Write(b[:2])
	}
	return [32]byte(h.Sum(nil))
}

// sendAll sends payload to every other member of the set that is connected, each with its own
// deadline, and reports the members it could not reach.
func (ss *signerSet) sendAll(ctx context.Context, payload []byte) error {
	var errs []error
	for m := range ss.peers {
		if m == ss.self {
			continue
		}
		if !ss.ep.connected(ss.peers[m]) {
			errs = append(errs, fmt.Errorf("member %s not connected", ss.peers[m]))
			continue
		}
		sctx, cancel := context.WithTimeout(ctx, sendTimeout)
		err := ss.ctl.Send(sctx, m, payload)
		cancel()
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// PKPPoolStatus describes this node's presignature pools (public data only) and the peers it
// leaves out of its signer sets, for operators and tests.
type PKPPoolStatus struct {
	Epoch    uint64         `json:"epoch"`
	Sets     []PKPSetStatus `json:"sets"`
	Excluded []PKPExclusion `json:"excluded,omitempty"`
	// Schemes are the FROST suites' signer sets (SchnorrEd25519Sha512, …), by Lit's scheme
	// name: nonce-commitment slots in place of presignatures.
	Schemes map[string][]PKPSetStatus `json:"schemes,omitempty"`
}

// PKPSetStatus is one signer set's pool at this node.
type PKPSetStatus struct {
	Signers     []int    `json:"signers"` // share indices, canonical order
	Members     []string `json:"members"` // their peer IDs; the first coordinates
	Coordinator bool     `json:"coordinator"`
	Warm        bool     `json:"warm"`
	Target      int      `json:"target"`
	Ready       []string `json:"ready"` // presignature IDs, oldest first
	// Pooled and Dropped count this set's presigning sessions here: pooled once every member
	// agreed on them, dropped after a veto, a digest mismatch or a missing vote.
	Pooled  int `json:"pooled"`
	Dropped int `json:"dropped"`
}

// PKPPools reports the presignature pools of the serving epoch (ok false if none).
func (n *Node) PKPPools() (PKPPoolStatus, bool) {
	if n.pkp == nil {
		return PKPPoolStatus{}, false
	}
	ep, err := n.pkp.current()
	if err != nil {
		return PKPPoolStatus{}, false
	}
	st := PKPPoolStatus{Epoch: ep.number, Excluded: ep.excl.list(time.Now()), Sets: ep.setStatus()}
	n.pkp.mu.Lock()
	fr := maps.Clone(n.pkp.frost)
	n.pkp.mu.Unlock()
	for suite, f := range fr {
		if st.Schemes == nil {
			st.Schemes = map[string][]PKPSetStatus{}
		}
		st.Schemes[suite.String()] = f.setStatus()
	}
	return st, true
}

// setStatus describes the epoch's signer sets at this node.
func (ep *pkpEpoch) setStatus() []PKPSetStatus {
	var out []PKPSetStatus
	ep.mu.Lock()
	sets := make([]*signerSet, 0, len(ep.sets))
	for _, ss := range ep.sets {
		sets = append(sets, ss)
	}
	ep.mu.Unlock()
	slices.SortFunc(sets, func(a, b *signerSet) int { return strings.Compare(a.key, b.key) })
	for _, ss := range sets {
		ids := ep.scheme.IDs(ss.order)
		s := PKPSetStatus{Signers: slices.Clone(ss.order), Members: make([]string, len(ss.peers)), Coordinator: ss.coordinator(), Warm: ss.warm, Target: ss.target, Ready: make([]string, len(ids))}
		ss.mu.Lock()
		s.Pooled, s.Dropped = ss.pooled, ss.dropped
		ss.mu.Unlock()
		for i, id := range ids {
			s.Ready[i] = id.String()
		}
		for i, p := range ss.peers {
			s.Members[i] = p.String()
		}
		out = append(out, s)
	}
	return out
}
