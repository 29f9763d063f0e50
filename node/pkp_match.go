package node

import "sync"

// replayGuard remembers the most recent request ids this node accepted, so a replayed id is
// refused. It forgets the oldest beyond its capacity.
type replayGuard struct {
	mu       sync.Mutex
	capacity int
	seen     map[string]struct{}
	ring     []string // grows to capacity, then the oldest is overwritten
	next     int
}

// newReplayGuard remembers up to capacity ids; it allocates as ids arrive, so an idle node holds
// nothing for it.
func newReplayGuard(capacity int) *replayGuard {
	return &replayGuard{capacity: max(1, capacity), seen: map[string]struct{}{}}
}

// add records id and reports whether it is new.
func (g *replayGuard) add(id string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.seen[id]; ok {
		return false
	}
	if len(g.ring) < g.capacity {
		g.ring = append(g.ring, id)
	} else {
		delete(g.seen, g.ring[g.next])
		g.ring[g.next] = id
		g.next = (g.next + 1) % g.capacity
	}
	g.seen[id] = struct{}{}
	return true
}
