package p2p

import (
	"errors"
)

// ErrSessionClosed is opening a session of one-shot Sessions (OneShot) again after it closed.
var ErrSessionClosed = errors.New("a one-shot session cannot be opened again once closed")

// maxClosedSessions is how many closed sessions one-shot Sessions remember. Late messages come
// within moments of a session's close; at a few dozen sessions a second this is well over a
// minute of them.
const maxClosedSessions = 2048

// OneShot makes s's sessions one-shot: a session ID, once closed, is never opened again (the
// action protocol's executions each have an ID of their own, and a node refuses one it has
// seen), so a message that arrives for a recently closed session is dropped at once. Members
// of a session finish at different times — a node that combined a signature from the first
// t+1 shares closes before the other shares arrive — and without this every such late message
// parked its session in the early buffer, counting against its sender's quota of pending
// sessions for earlyTTL: at a dozen executions a second the quota filled and the sender's
// early messages for the next sessions were dropped. Call it before the sessions are used.
func (s *Sessions) OneShot() *Sessions {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = &closedSessions{ids: map[string]struct{}{}}
	return s
}

// closedSessions is the most recent maxClosedSessions closed session IDs. The nil value
// remembers nothing. Guarded by the Sessions' mu.
type closedSessions struct {
	ids  map[string]struct{}
	ring []string
	next int
}

func (c *closedSessions) has(sid string) bool {
	if c == nil {
		return false
	}
	_, ok := c.ids[sid]
	return ok
}

func (c *closedSessions) add(sid string) {
	if c == nil || c.has(sid) {
		return
	}
	if len(c.ring) < maxClosedSessions {
		c.ring = append(c.ring, sid)
	} else {
		delete(c.ids, c.ring[c.next])
		c.ring[c.next] = sid
		c.next = (c.next + 1) % maxClosedSessions
	}
	c.ids[sid] = struct{}{}
}
