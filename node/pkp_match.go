package node

import (
	"context"
	"sync"
	"time"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// Pending-request matching. A member of a signer set serves a request only when two things
// have met: the request itself (from the client, or from the member's own Lit Action run) and
// the coordinator's assignment for it (which presignature, which ρ, and a digest of the
// request the coordinator received). Either may come first; each waits a bounded time, and
// the state is bounded in size. An assignment whose request never comes has its presignature
// discarded, so pools stay in step with the coordinator's and nothing is ever used twice.

// assignment is the coordinator's word on one request, as received by a member.
type assignment struct {
	set     *signerSet
	msg     assignMsg
	expires time.Time
}

type matchKey struct {
	set       string
	requestID string
}

// matcher pairs requests with assignments at a member.
type matcher struct {
	mu      sync.Mutex
	waiting map[matchKey]chan *assignment // a request waits for its assignment
	early   map[matchKey]*assignment      // an assignment waits for its request
	ids     map[ecdsa.ID]int              // presignatures named by pending assignments
}

func newMatcher() *matcher {
	return &matcher{waiting: map[matchKey]chan *assignment{}, early: map[matchKey]*assignment{}, ids: map[ecdsa.ID]int{}}
}

// deliver hands a to the request waiting for it, or keeps it until it expires. It reports
// false if a cannot be kept (a second assignment for the same request, or too many pending):
// the caller must discard its presignature.
func (mt *matcher) deliver(a *assignment) bool {
	k := matchKey{a.set.key, a.msg.RequestID}
	mt.mu.Lock()
	defer mt.mu.Unlock()
	if ch, ok := mt.waiting[k]; ok {
		delete(mt.waiting, k)
		mt.ids[a.msg.Presig]++
		ch <- a // buffered, one send per channel
		return true
	}
	if _, dup := mt.early[k]; dup || len(mt.early) >= maxEarly {
		return false
	}
	mt.early[k] = a
	mt.ids[a.msg.Presig]++
	return true
}

// wait returns the assignment for the request, waiting at most d. ok is false on timeout or
// cancellation; no assignment is left pending for the request then (one arriving later
// expires and is discarded).
func (mt *matcher) wait(ctx context.Context, set *signerSet, requestID string, d time.Duration) (*assignment, bool) {
	k := matchKey{set.key, requestID}
	mt.mu.Lock()
	if a, ok := mt.early[k]; ok {
		delete(mt.early, k)
		mt.mu.Unlock()
		return a, true
	}
	if _, ok := mt.waiting[k]; ok {
		mt.mu.Unlock()
		return nil, false // the replay guard keeps this from happening
	}
	ch := make(chan *assignment, 1)
	mt.waiting[k] = ch
	mt.mu.Unlock()

	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case a := <-ch:
		return a, true
	case <-t.C:
	case <-ctx.Done():
	}
	mt.mu.Lock()
	defer mt.mu.Unlock()
	if mt.waiting[k] == ch {
		delete(mt.waiting, k)
		return nil, false
	}
	// The assignment arrived as we gave up: it is in ch. Serve it after all.
	return <-ch, true
}

// done releases the bookkeeping of an assignment once its presignature was taken or discarded.
func (mt *matcher) done(a *assignment) {
	mt.mu.Lock()
	defer mt.mu.Unlock()
	if mt.ids[a.msg.Presig]--; mt.ids[a.msg.Presig] <= 0 {
		delete(mt.ids, a.msg.Presig)
	}
}

// assigned reports whether a pending assignment names the presignature.
func (mt *matcher) assigned(id ecdsa.ID) bool {
	mt.mu.Lock()
	defer mt.mu.Unlock()
	return mt.ids[id] > 0
}

// expired removes and returns the assignments whose requests did not come in time.
func (mt *matcher) expired(now time.Time) []*assignment {
	mt.mu.Lock()
	var out []*assignment
	for k, a := range mt.early {
		if now.After(a.expires) {
			delete(mt.early, k)
			out = append(out, a)
		}
	}
	mt.mu.Unlock()
	for _, a := range out {
		mt.done(a)
	}
	return out
}

func (mt *matcher) clear() {
	mt.mu.Lock()
	defer mt.mu.Unlock()
	clear(mt.early)
	clear(mt.ids)
}

// replayGuard remembers the most recent request ids this node accepted, so a replayed id is
// refused. It forgets the oldest beyond its capacity.
type replayGuard struct {
	mu   sync.Mutex
	seen map[string]struct{}
	ring []string
	next int
}

func newReplayGuard(capacity int) *replayGuard {
	return &replayGuard{seen: make(map[string]struct{}, capacity), ring: make([]string, capacity)}
}

// add records id and reports whether it is new.
func (g *replayGuard) add(id string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.seen[id]; ok {
		return false
	}
	if old := g.ring[g.next]; old != "" {
		delete(g.seen, old)
	}
	g.ring[g.next] = id
	g.next = (g.next + 1) % len(g.ring)
	g.seen[id] = struct{}{}
	return true
}
