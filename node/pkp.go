package node

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/frost"
)

// PKP signing in the node (docs/pkp.md): presignatures are made in the background, per signer
// set, by the set's members over MPC sessions (deps.sessions), agreed by every member
// (pkp_presign.go) and kept in memory in an ecdsa.Pool; a signature request (POST /web/pkp/sign, or
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
	// setupRetry is the pause before the set-up of an epoch that failed is tried again.
	setupRetry = 10 * time.Second
	// sweepEvery is how often assignments whose requests never came are looked for (they
	// expire after earlyTTL).
	sweepEvery = 250 * time.Millisecond
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
	deps    *pkpDeps // what it uses of the node (pkp_deps.go)
	target  int      // presignatures each warm set keeps
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
}

func newPKPService(deps *pkpDeps, reg *prometheus.Registry) *pkpService {
	s := &pkpService{deps: deps, target: deps.cfg.PKPPool, replay: newReplayGuard(1 << 16), assignWait: assignWait, confirmWait: confirmWait, voteWait: voteWait, changed: make(chan struct{})}
	s.metrics = newPKPMetrics(reg, s)
	return s
}

// run follows the serving epoch until ctx ends: whenever the epoch feed reports a change it
// builds the new epoch's signer sets (once this node holds its keys) and drops every
// presignature of the old one. A set-up that failed is retried after setupRetry.
func (s *pkpService) run(ctx context.Context) {
	sweep := time.NewTicker(sweepEvery)
	defer sweep.Stop()
	var release func()
	s.cpu, release = acquireCPUPool(s.deps.log)
	defer release() // after every session stopped (drop waits for them)
	defer s.drop("node stopping")
	for {
		changed := s.deps.epochChanged() // before reading the keys: a change in between wakes us
		var retry <-chan time.Time
		if err := s.refresh(ctx); err != nil {
			retry = time.After(setupRetry)
		}
	wait:
		for {
			select {
			case <-ctx.Done():
				return
			case <-changed:
				break wait
			case <-retry:
				break wait
			case <-sweep.C:
				s.sweep()
			}
		}
	}
}

// sweep discards, in every signer set of the serving epoch, the presignatures of assignments
// whose requests never came.
func (s *pkpService) sweep() {
	s.mu.Lock()
	eps := make([]*pkpEpoch, 0, 1+len(s.frost))
	if s.ep != nil {
		eps = append(eps, s.ep)
	}
	for _, f := range s.frost {
		eps = append(eps, f)
	}
	s.mu.Unlock()
	for _, ep := range eps {
		ep.sweep()
	}
}

// refresh brings the service to the epoch the node serves now: it drops the old epoch's work
// and sets up the new one's. It returns an error only when a set-up failed (to be retried).
func (s *pkpService) refresh(ctx context.Context) error {
	k, err := s.deps.keys.Current()
	s.mu.Lock()
	cur := s.ep
	s.mu.Unlock()
	switch {
	case err != nil:
		if cur != nil {
			s.drop(fmt.Sprintf("epoch %d is no longer served: %v", cur.number, err))
		}
		return nil
	case cur != nil && cur.number == k.Epoch:
		return nil
	case cur != nil:
		s.drop(fmt.Sprintf("epoch changed from %d to %d", cur.number, k.Epoch))
	}
	ep, err := s.newEpoch(ctx, k)
	if err != nil {
		s.deps.log.Error("cannot serve PKP signatures this epoch", "epoch", k.Epoch, "error", err, "retry_in", setupRetry.String())
		return err
	}
	fr, err := s.newFrostEpochs(ctx, k, ep.excl)
	if err != nil {
		ep.stop()
		s.deps.log.Error("cannot serve FROST signatures this epoch", "epoch", k.Epoch, "error", err, "retry_in", setupRetry.String())
		return err
	}
	s.mu.Lock()
	s.ep = ep
	s.frost = fr
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	s.deps.log.Info("PKP signing ready", "epoch", k.Epoch, "signers", ep.size, "warm_sets", len(ep.sets), "pool_target", s.target, "frost_suites", len(fr))
	return nil
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
	s.deps.log.Info("dropped the epoch's presignatures", "epoch", ep.number, "reason", why)
}

// current returns the serving epoch's state, or a retryable error.
func (s *pkpService) current() (*pkpEpoch, error) {
	k, err := s.deps.keys.Current()
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
		if _, kerr := s.deps.keys.Current(); kerr != nil {
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
