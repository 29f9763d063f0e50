package node

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/drand/kyber"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/node/keyround"
)

// dkgPhase bounds one phase of a DKG or resharing among n members (keyround.Config.Phase).
func dkgPhase(n int) time.Duration { return keyround.DefaultConfig().Phase(n) }

// keyRound is one epoch's key generation or resharing as this node sees it. Its session
// members are the next set followed by the members leaving the current set. Its coordination
// is the keyround state machine; keyRound drives it (run) and does the key work (attempt,
// keys_attempt.go).
type keyRound struct {
	rk       *keyRounds
	ms       *chain.Membership
	epoch    uint64 // the epoch the new shares are for
	fresh    bool
	newSet   []chain.Validator
	oldSet   []chain.Validator // the current set (resharing)
	oldKeys  *EpochKeys        // this node's shares of the current epoch (nil if none)
	union    []chain.Validator
	peers    []peer.ID
	self     int // index in union
	newIndex int // index in newSet, or -1 for a leaving member
	coord    int // the coordinator's index in union
	sid      string
	longterm DKGKeys
	members  []Member
	edKeys   []kyber.Point // the members' edwards25519 DKG keys (session order; nil: unknown)
}

func (rk *keyRounds) newRound(ms *chain.Membership, fresh bool) (*keyRound, error) {
	r := &keyRound{rk: rk, ms: ms, epoch: ms.Epoch.Number + 1, fresh: fresh, newSet: ms.Next}
	op := rk.operator
	isOp := func(v chain.Validator) bool { return v.Operator == op }
	inOld := func(v chain.Validator) bool {
		return slices.ContainsFunc(r.oldSet, func(w chain.Validator) bool { return w.Operator == v.Operator })
	}
	r.union = append([]chain.Validator(nil), r.newSet...)
	if !fresh {
		r.oldSet = ms.Active
		for _, v := range r.oldSet {
			if !slices.ContainsFunc(r.newSet, func(w chain.Validator) bool { return w.Operator == v.Operator }) {
				r.union = append(r.union, v)
			}
		}
		if k, ok := rk.keys.ForEpoch(ms.Epoch.Number); ok {
			r.oldKeys = k
		}
	}
	r.self = slices.IndexFunc(r.union, isOp)
	if r.self < 0 {
		return nil, errors.New("this node is in neither the current nor the next validator set")
	}
	r.newIndex = slices.IndexFunc(r.newSet, isOp)
	if r.newIndex < 0 && r.oldKeys == nil {
		return nil, fmt.Errorf("leaving the set without shares of epoch %d: nothing to deal", ms.Epoch.Number)
	}
	// The coordinator: the first member of the next set that also holds the current keys, so it
	// can hand the current public polynomials to newcomers; the first current member otherwise.
	if !fresh {
		if r.coord = slices.IndexFunc(r.union, inOld); r.coord < 0 {
			return nil, errors.New("no member of the current set takes part in the resharing")
		}
	}
	var err error
	if r.longterm, err = rk.longterm(); err != nil {
		return nil, err
	}
	r.peers = make([]peer.ID, len(r.union))
	for i, v := range r.union {
		r.peers[i] = peer.ID(v.PeerID)
	}
	r.members = make([]Member, len(r.newSet))
	for i, v := range r.newSet {
		r.members[i] = Member{Operator: v.Operator.Hex(), PeerID: peer.ID(v.PeerID).String(), URL: v.URL}
	}
	r.sid = sessionID(rk.network, r.epoch, r.union)
	return r, nil
}

// roundDriver carries out the state machine's actions for one run of a key round.
type roundDriver struct {
	r      *keyRound
	ctl    mpc.Transport
	start  keyround.Msg          // the coordinator's start message (its attempt and keys set per attempt)
	signed []*keyround.SignedKey // the coordinator's: members' signed Ed25519 DKG keys from their hellos
	own    *keyround.SignedKey
	// offer is a follower's view of the last start it received (checked, not yet accepted):
	// it becomes the attempt's input only when the state machine runs that attempt, so a start
	// the state machine refuses changes nothing.
	offer    *startOffer
	okFailed bool       // an ok could not be sent (logged once)
	keys     *EpochKeys // the result of this node's last attempt (nil: none, or a leaving member)
	done     chan attemptResult
	wg       sync.WaitGroup // the control listener and a coordinator's attempt
}

// startOffer is what a follower took from a coordinator's start: the current polynomials (nil
// for a first key generation) and the members' Ed25519 DKG keys.
type startOffer struct {
	attempt uint32
	old     *oldPolys
	edKeys  []kyber.Point
}

type attemptResult struct {
	keys *EpochKeys
	err  error
}

// run takes part in the round (see package keyround for the protocol). It returns nil keys
// for a leaving member.
//
//nolint:funlen,gocognit // drives node/keyround's state machine: one loop over its timers and messages
func (r *keyRound) run(ctx context.Context) (*EpochKeys, error) {
	ctl, err := r.rk.sessions.Open(r.sid+"/control/v2", r.peers)
	if err != nil {
		return nil, err
	}
	lingering := false // the control session and its listener are handed to linger
	defer func() {
		if !lingering {
			ctl.Close()
		}
	}()
	d := &roundDriver{r: r, ctl: ctl, done: make(chan attemptResult, 1)}
	if d.own, err = r.rk.signEdKey(r.longterm.Ed); err != nil {
		return nil, err
	}
	if r.self == r.coord {
		if d.start, err = r.startMsg(); err != nil {
			return nil, err
		}
		d.signed = make([]*keyround.SignedKey, len(r.peers))
		d.signed[r.self] = d.own
	}
	names := make([]string, len(r.peers))
	for i, p := range r.peers {
		names[i] = p.String()
	}
	clock := r.rk.clock
	s, acts, err := keyround.New(r.rk.roundCfg, keyround.Round{Members: len(r.peers), Next: len(r.newSet), Self: r.self, Coord: r.coord, Fresh: r.fresh, Names: names}, clock.Now())
	if err != nil {
		return nil, err
	}
	lctx, stop := context.WithCancel(ctx)
	defer func() {
		if !lingering {
			stop()
			d.wg.Wait()
		}
	}()
	// The listener files every message at once, by sender, even while this loop is busy (a
	// follower's attempt runs inline): a member flooding the session must not fill its buffer
	// and make it drop the coordinator's start or done.
	inbox := keyround.NewInbox(len(r.peers))
	d.wg.Go(func() {
		defer recoverGoroutine(r.rk.log, "key round control")
		warned := make([]bool, len(r.peers))
		for {
			m, err := ctl.Receive(lctx)
			if err != nil {
				return
			}
			if !inbox.Put(m.From, m.Payload) && !warned[m.From] {
				warned[m.From] = true
				r.rk.log.Warn("dropping key-round control messages of a member: oversized, or more than the round uses (its oldest make way)",
					"from", r.peers[m.From], "bytes", len(m.Payload))
			}
		}
	})
	for {
		for len(acts) > 0 {
			a := acts[0]
			acts = acts[1:]
			ev, err := d.do(lctx, a)
			if err != nil {
				return nil, err
			}
			if ev != nil {
				next, more, err := s.Step(*ev, clock.Now())
				if err != nil {
					return nil, fmt.Errorf("key round: %w", err) // the driver's own event: a bug
				}
				s, acts = d.observe(s, next), append(acts, more...)
			}
		}
		switch s.Phase {
		case keyround.Done:
			if s.Lingering(clock.Now()) && !r.rk.stopping() {
				lingering = true
				r.rk.lingering.Go(func() {
					defer ctl.Close()
					defer func() { stop(); d.wg.Wait() }()
					d.linger(lctx, s, inbox)
				})
			}
			return d.keys, nil
		case keyround.Failed:
			return nil, s.Err
		}
		d.status(s)
		var ev keyround.Event
		var wake <-chan time.Time
		if at := s.Wake(clock.Now()); !at.IsZero() {
			wake = clock.After(at.Sub(clock.Now()))
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-wake:
			ev = keyround.Event{Kind: keyround.EvTick}
		case res := <-d.done:
			d.keys = res.keys
			ev = keyround.Event{Kind: keyround.EvAttemptDone, Err: res.err, Keys: res.keys != nil}
		case <-inbox.Ready():
			from, payload, ok := inbox.Next()
			if !ok {
				continue
			}
			if ev, ok = d.event(mpc.Message{From: from, Payload: payload}); !ok {
				continue
			}
		}
		next, more, err := s.Step(ev, clock.Now())
		if err != nil {
			d.rejected(ev, err)
			continue
		}
		s, acts = d.observe(s, next), more
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

// observe logs what a step did that an operator wants to see, and returns next.
func (d *roundDriver) observe(s, next keyround.State) keyround.State {
	failed := next.Tries > s.Tries || (s.Phase == keyround.Running && next.Phase == keyround.Waiting)
	if failed && next.LastErr != nil {
		d.r.rk.log.Warn("key round attempt failed", "epoch", d.r.epoch, "attempt", s.Attempt, "error", next.LastErr)
	}
	return next
}

// status tells /web/status what the coordinator is waiting for.
func (d *roundDriver) status(s keyround.State) {
	what := map[keyround.Phase]string{keyround.Gathering: "join the key round", keyround.Confirming: "confirm the result"}[s.Phase]
	if what == "" {
		return
	}
	missing := s.Missing()
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = d.r.peers[m].String()
	}
	d.r.rk.setStatus(fmt.Sprintf("epoch %d → %d: waiting for %d member(s) to %s: [%s]",
		d.r.epoch-1, d.r.epoch, len(missing), what, strings.Join(names, " ")))
}

// do carries out one action, returning the event it produces, if any.
func (d *roundDriver) do(ctx context.Context, a keyround.Action) (*keyround.Event, error) {
	r, log := d.r, d.r.rk.log
	switch a.Kind {
	case keyround.ActStart:
		// Attempt IDs are random, not counted: a coordinator that restarts must never reuse
		// the session of an attempt it started before.
		d.start.Attempt = randomAttemptID()
		d.start.EdKeys = slices.Clone(d.signed)
		r.edKeys = r.checkEdKeys(d.start.EdKeys)
		return &keyround.Event{Kind: keyround.EvStarted, Attempt: d.start.Attempt}, nil
	case keyround.ActBroadcast, keyround.ActSendStart:
		raw, err := d.start.Encode()
		if err != nil {
			return nil, fmt.Errorf("encode the key round's start: %w", err)
		}
		if a.Kind == keyround.ActSendStart {
			_ = d.ctl.Send(ctx, a.To, raw) // the member says hello again if this is lost
		} else if err := mpc.Broadcast(ctx, d.ctl, raw); err != nil {
			log.Debug("some members missed the start; they get it on their next hello", "attempt", a.Attempt, "error", err)
		}
	case keyround.ActRunAttempt:
		if r.self == r.coord {
			// The coordinator keeps taking hellos and oks while its attempt runs.
			d.wg.Go(func() {
				var res attemptResult
				defer func() { d.done <- res }()
				defer recoverAsError(&res.err, "key round attempt")
				res.keys, res.err = r.attempt(ctx, a.Attempt, r.oldCommits())
			})
			return nil, nil
		}
		// A follower runs it inline: control messages wait in the inbox until it ends.
		offer := d.offer
		if offer == nil || offer.attempt != a.Attempt {
			return nil, fmt.Errorf("key round: attempt %d runs without its start", a.Attempt) // a bug
		}
		d.offer, r.edKeys = nil, offer.edKeys
		k, err := r.attempt(ctx, a.Attempt, offer.old)
		d.keys = k
		return &keyround.Event{Kind: keyround.EvAttemptDone, Err: err, Keys: k != nil}, nil
	case keyround.ActHello:
		if !r.meshed() {
			return nil, nil // not yet connected to every member: the attempt would fail for us
		}
		raw, err := (&keyround.Msg{Kind: keyround.KindHello, EdKey: d.own}).Encode()
		if err != nil {
			return nil, fmt.Errorf("encode the key round's hello: %w", err)
		}
		if err := d.ctl.Send(ctx, r.coord, raw); err != nil {
			log.Debug("hello to the key-round coordinator failed; retrying", "error", err)
		}
	case keyround.ActSendOK:
		d.sendOK(ctx, a.Attempt)
	case keyround.ActKeep:
		if d.keys != nil {
			if err := r.rk.keys.store(d.keys); err != nil {
				return nil, err
			}
		}
	case keyround.ActSendDoneTo:
		raw, _ := (&keyround.Msg{Kind: keyround.KindDone, Attempt: a.Attempt}).Encode()
		sctx, cancel := context.WithTimeout(ctx, r.rk.roundCfg.DoneSend)
		defer cancel()
		if err := d.ctl.Send(sctx, a.To, raw); err != nil {
			log.Debug("could not repeat the key round's done to a member that missed it", "to", r.peers[a.To], "error", err)
		}
	case keyround.ActSendDone:
		raw, _ := (&keyround.Msg{Kind: keyround.KindDone, Attempt: a.Attempt}).Encode()
		if err := sendAll(ctx, d.ctl, raw, r.rk.roundCfg.DoneSend); err != nil {
			log.Warn("could not tell every member the key round is done", "error", err)
		}
	}
	return nil, nil
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
