package node

import "sync"

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
