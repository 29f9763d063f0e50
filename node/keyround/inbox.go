package keyround

import "sync"

// PerMember is how many control messages of one member an Inbox holds. An honest member has
// at most a few in flight (a hello or ok repeated, a start and its repeats, a done); more is
// a flood, and only the flooder's own oldest messages make way.
const PerMember = 8

// Inbox holds the control messages a driver received and has not handled yet, by sender, so
// that one member flooding the round's session cannot crowd out another's: the driver's
// listener puts every message here at once (the session's shared buffer is never left full,
// where it would drop the coordinator's start or done with the flood), each member's queue
// keeps its newest PerMember messages, and Next takes the members in turn. Messages over
// MaxMessage are dropped on arrival. It is safe for one putter and one taker at a time.
type Inbox struct {
	mu     sync.Mutex
	queues [][][]byte // by member
	turn   int        // the member Next looks at first
	held   int        // messages in all queues
	ready  chan struct{}
}

// NewInbox returns an empty inbox for a round of members.
func NewInbox(members int) *Inbox {
	return &Inbox{queues: make([][][]byte, members), ready: make(chan struct{}, 1)}
}

// Put files a message from member from. It reports false if the message was dropped — from
// no member, or over MaxMessage — or made another of from's messages drop (a full queue).
func (b *Inbox) Put(from int, payload []byte) bool {
	if from < 0 || from >= len(b.queues) || len(payload) > MaxMessage {
		return false
	}
	b.mu.Lock()
	q, kept := b.queues[from], true
	if len(q) >= PerMember {
		q, kept = q[1:], false
		b.held--
	}
	b.queues[from] = append(q, payload)
	b.held++
	b.mu.Unlock()
	select {
	case b.ready <- struct{}{}:
	default:
	}
	return kept
}

// Ready has a value while the inbox may hold messages: wait on it, then call Next until it
// reports none.
func (b *Inbox) Ready() <-chan struct{} { return b.ready }

// Next takes the oldest message of the next member in turn that has one.
func (b *Inbox) Next() (from int, payload []byte, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.held == 0 {
		return 0, nil, false
	}
	for range b.queues {
		i := b.turn
		b.turn = (b.turn + 1) % len(b.queues)
		if q := b.queues[i]; len(q) > 0 {
			b.queues[i] = q[1:]
			b.held--
			if b.held > 0 {
				select {
				case b.ready <- struct{}{}:
				default:
				}
			}
			return i, q[0], true
		}
	}
	return 0, nil, false
}
