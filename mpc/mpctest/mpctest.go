// Package mpctest provides an in-memory mpc.Transport for testing protocols without a network.
// It is for tests only: nothing outside _test files and test helpers may import it.
package mpctest

import (
	"context"
	"fmt"
	"sync"

	"github.com/litmesh/litmesh/mpc"
)

// Network connects n in-memory members of one session. Messages are delivered in order per
// sender. A Filter can drop or rewrite messages to simulate faulty or malicious members.
type Network struct {
	mu      sync.Mutex
	inboxes []chan mpc.Message
	closed  bool
	filter  Filter
}

// Filter sees every message before delivery and returns the payload to deliver, or false to drop
// it. It must not retain or modify payload in place.
type Filter func(from, to int, payload []byte) ([]byte, bool)

// NewNetwork returns a network of n members with room for buffer undelivered messages per member.
func NewNetwork(n, buffer int) *Network {
	inboxes := make([]chan mpc.Message, n)
	for i := range inboxes {
		inboxes[i] = make(chan mpc.Message, buffer)
	}
	return &Network{inboxes: inboxes}
}

// SetFilter installs f for every later message (nil removes it).
func (n *Network) SetFilter(f Filter) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.filter = f
}

// Transport returns member i's end of the network.
func (n *Network) Transport(i int) mpc.Transport { return &transport{net: n, self: i} }

// Transports returns every member's end, in index order.
func (n *Network) Transports() []mpc.Transport {
	ts := make([]mpc.Transport, len(n.inboxes))
	for i := range ts {
		ts[i] = n.Transport(i)
	}
	return ts
}

// Close makes every later Send and Receive fail with mpc.ErrClosed.
func (n *Network) Close() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.closed = true
}

type transport struct {
	net  *Network
	self int
}

func (t *transport) Self() int    { return t.self }
func (t *transport) Members() int { return len(t.net.inboxes) }

func (t *transport) Send(ctx context.Context, to int, payload []byte) error {
	if to < 0 || to >= len(t.net.inboxes) || to == t.self {
		return fmt.Errorf("mpctest: send from %d to invalid member %d", t.self, to)
	}
	t.net.mu.Lock()
	closed, filter := t.net.closed, t.net.filter
	t.net.mu.Unlock()
	if closed {
		return mpc.ErrClosed
	}
	msg := append([]byte(nil), payload...)
	if filter != nil {
		var ok bool
		if msg, ok = filter(t.self, to, msg); !ok {
			return nil
		}
	}
	select {
	case t.net.inboxes[to] <- mpc.Message{From: t.self, Payload: msg}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (t *transport) Receive(ctx context.Context) (mpc.Message, error) {
	t.net.mu.Lock()
	closed := t.net.closed
	t.net.mu.Unlock()
	if closed {
		return mpc.Message{}, mpc.ErrClosed
	}
	select {
	case m := <-t.net.inboxes[t.self]:
		return m, nil
	case <-ctx.Done():
		return mpc.Message{}, ctx.Err()
	}
}
