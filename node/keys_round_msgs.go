package node

import (
	"context"
	"errors"
	"fmt"

	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/node/keyround"
)

// The key round driver's control messages: what a received one means to the state machine
// (event), the ok a follower repeats until done comes (sendOK), and a done coordinator's
// answers to members that missed its done (linger).

// event turns a control message into an event of the state machine.
func (d *roundDriver) event(m mpc.Message) (keyround.Event, bool) {
	r := d.r
	msg, err := keyround.Decode(m.Payload)
	if err != nil {
		r.rk.log.Warn("ignoring a bad key-round control message", "from", r.peers[m.From], "error", err)
		return keyround.Event{}, false
	}
	ev := keyround.Event{From: m.From, Attempt: msg.Attempt}
	switch msg.Kind {
	case keyround.KindHello:
		ev.Kind = keyround.EvHello
		if d.signed != nil {
			if _, err := verifyEdKey(r.rk.network, r.peers[m.From], msg.EdKey); err == nil {
				d.signed[m.From] = msg.EdKey
			}
		}
	case keyround.KindStart:
		ev.Kind = keyround.EvStart
		if m.From == r.coord && r.self != r.coord {
			old, err := r.checkCommits(msg)
			if err != nil {
				ev.Err = fmt.Errorf("the coordinator's current public keys: %w", err)
			}
			d.offer = &startOffer{attempt: msg.Attempt, old: old, edKeys: r.checkEdKeys(msg.EdKeys)}
		}
	case keyround.KindOK:
		ev.Kind = keyround.EvOK
	case keyround.KindDone:
		if r.rk.dropDone != nil && r.rk.dropDone() {
			return keyround.Event{}, false
		}
		ev.Kind = keyround.EvDone
	}
	return ev, true
}

// rejected logs an event the state machine did not take.
func (d *roundDriver) rejected(ev keyround.Event, err error) {
	log := d.r.rk.log
	switch {
	case errors.Is(err, keyround.ErrRepeatedStart):
	case errors.Is(err, keyround.ErrNotCoordinator):
		log.Warn("ignoring a key-round control message from a member that does not coordinate", "from", d.r.peers[ev.From])
	default:
		log.Debug("ignoring a key-round event", "event", int(ev.Kind), "error", err)
	}
}

// sendOK confirms an attempt to the coordinator; it is repeated every Hello until done comes,
// so a failure is logged once.
func (d *roundDriver) sendOK(ctx context.Context, attempt uint32) {
	raw, _ := (&keyround.Msg{Kind: keyround.KindOK, Attempt: attempt}).Encode()
	if err := d.ctl.Send(ctx, d.r.coord, raw); err != nil {
		if !d.okFailed {
			d.r.rk.log.Warn("could not confirm the key round to the coordinator", "error", err)
		}
		d.okFailed = true
	}
}

// linger keeps a coordinator that declared the round done answering the oks of members that
// missed its done (keyround.State.Lingering: until every follower has given up on the round),
// or until the node stops. It owns the round's control session and listener from then on.
func (d *roundDriver) linger(ctx context.Context, s keyround.State, inbox *keyround.Inbox) {
	clock := d.r.rk.clock
	for now := clock.Now(); s.Lingering(now); now = clock.Now() {
		select {
		case <-ctx.Done():
			return
		case <-d.r.rk.closing:
			return
		case <-clock.After(s.Wake(now).Sub(now)):
		case <-inbox.Ready():
			from, payload, ok := inbox.Next()
			if !ok {
				continue
			}
			ev, ok := d.event(mpc.Message{From: from, Payload: payload})
			if !ok {
				continue
			}
			_, acts, err := s.Step(ev, clock.Now())
			if err != nil {
				continue // a hello of a member that restarted its round, a stale ok: nothing to answer
			}
			for _, a := range acts {
				_, _ = d.do(ctx, a)
			}
		}
	}
}
