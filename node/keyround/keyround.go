// Package keyround is the coordination protocol of an epoch's key round — the first key
// generation of a network, or the resharing of its root keys to the next validator set — as an
// explicit state machine. It knows nothing of the network, the chain or the keys: its driver
// (node/keyround.go) feeds it events (messages, the outcome of an attempt, the clock) and carries
// out the actions it returns (send a message, run an attempt, keep the result).
//
// One member of the round coordinates: it waits until every member said hello, starts a
// numbered attempt (each attempt its own set of DKG sessions, so a failed attempt's messages
// never mix into the next), waits until every member of the next set confirmed that its own
// agreement check passed, and only then declares the attempt done; only a done attempt's
// result is kept. The others (followers) say hello until started, run the attempt, confirm,
// and keep the result when the coordinator says done.
//
// Coordinator states:
//
//	Gathering ──every hello (leaving members: or a grace period in a resharing)──▶ Starting
//	Gathering ──Join passed──▶ Failed (ErrJoinTimeout)
//	Starting ──the driver named the attempt──▶ Running
//	Running ──attempt failed──▶ Gathering (or Failed: ErrAttemptsExhausted)
//	Running ──attempt succeeded, this node keeps keys──▶ Confirming
//	Running ──attempt succeeded, this node leaves──▶ Done
//	Confirming ──every ok from the next set──▶ Done
//	Confirming ──Confirm passed──▶ Gathering (or Failed: ErrAttemptsExhausted)
//	Done ──an ok of the done attempt, within Follow──▶ Done, answering with done (Lingering)
//
// Follower states:
//
//	Waiting ──start──▶ Running ──attempt failed──▶ Waiting
//	Running ──attempt succeeded──▶ Pending ──done of that attempt──▶ Done
//	Pending ──every Hello──▶ Pending, repeating its ok (it may have missed the done)
//	Pending ──start of a new attempt (a restarted coordinator)──▶ Running
//	Waiting, Pending ──Follow passed without a start or done──▶ Failed (ErrCoordinatorSilent)
//	Waiting, Pending ──done of an attempt this node does not hold──▶ Failed (ErrUnknownAttempt)
//	Waiting, Pending ──start whose contents fail the driver's checks──▶ Failed (ErrBadStart)
//
// A round that ends Failed is retried whole, with a new state machine, by the epoch watcher.
//
// The driver keeps the control messages it has not handled yet in an Inbox (inbox.go), by
// sender, so that no member can crowd out another's messages.
package keyround

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Phase names a state of the key round.
type Phase uint8

// The phases. Done and Failed are final (a done coordinator still answers late oks: Lingering).
const (
	Gathering  Phase = iota + 1 // coordinator: waiting for every member's hello
	Starting                    // coordinator: ready; the driver names the attempt (EvStarted)
	Running                     // an attempt is under way
	Confirming                  // coordinator: waiting for the next set's oks
	Waiting                     // follower: saying hello, waiting for a start
	Pending                     // follower: its attempt succeeded; waiting for done
	Done
	Failed
)

func (p Phase) String() string {
	switch p {
	case Gathering:
		return "gathering"
	case Starting:
		return "starting"
	case Running:
		return "running"
	case Confirming:
		return "confirming"
	case Waiting:
		return "waiting"
	case Pending:
		return "pending"
	case Done:
		return "done"
	case Failed:
		return "failed"
	}
	return fmt.Sprintf("phase(%d)", uint8(p))
}

// Errors. A final state's Err wraps one of the first group; Step returns one of the second
// group for an event it rejects (the state is unchanged: the driver logs and goes on).
var (
	ErrJoinTimeout       = errors.New("members did not join the key round")
	ErrConfirmTimeout    = errors.New("members did not confirm the result")
	ErrAttemptsExhausted = errors.New("key round failed every attempt")
	ErrCoordinatorSilent = errors.New("waiting for the coordinator: no key round finished")
	ErrUnknownAttempt    = errors.New("the coordinator finished an attempt this node does not hold")
	ErrBadStart          = errors.New("the coordinator's start message")

	ErrBadRound       = errors.New("bad key round")
	ErrBadMember      = errors.New("no such member")
	ErrNotCoordinator = errors.New("a control message from a member that does not coordinate")
	ErrRepeatedStart  = errors.New("a repeated start of an attempt this node already ran")
	ErrStaleAttempt   = errors.New("a message of another attempt")
	ErrUnexpected     = errors.New("an event this state does not take")
	ErrFinished       = errors.New("the key round is over")
)

// Round is what the state machine knows of one key round: its session members are the next
// set (indices 0..Next−1) followed by the members leaving the current set.
type Round struct {
	Members int
	Next    int
	Self    int
	Coord   int
	Fresh   bool     // a first key generation (no current keys to reshare)
	Names   []string // optional, by member index: how errors name members
}

func (r Round) check() error {
	switch {
	case r.Members < 1 || r.Next < 1 || r.Next > r.Members:
		return fmt.Errorf("%w: %d members, %d in the next set", ErrBadRound, r.Members, r.Next)
	case r.Self < 0 || r.Self >= r.Members || r.Coord < 0 || r.Coord >= r.Members:
		return fmt.Errorf("%w: self %d, coordinator %d of %d members", ErrBadRound, r.Self, r.Coord, r.Members)
	case r.Names != nil && len(r.Names) != r.Members:
		return fmt.Errorf("%w: %d names for %d members", ErrBadRound, len(r.Names), r.Members)
	}
	return nil
}

func (r Round) name(i int) string {
	if r.Names != nil {
		return r.Names[i]
	}
	return fmt.Sprintf("member %d", i)
}

// State is the key round as this node sees it: a value, changed only by Step.
type State struct {
	Phase   Phase
	Attempt uint32 // the attempt under way, or the last one run
	Tries   int    // the coordinator's failed attempts
	Keys    bool   // the attempt's result holds keys for this node (to keep on Done)
	LastErr error  // why the last attempt failed (for the log)
	Err     error  // why the round failed (Failed only)

	cfg      Config
	round    Round
	got      []bool // hellos (Gathering) or oks (Running, Confirming), by member
	deadline time.Time
	grace    time.Time
	hello    time.Time // a follower's next hello (Waiting) or repeated ok (Pending)
	ran      []uint32  // attempts a follower took part in: never run one twice
}

// Kind names an event or an action.
type Kind uint8

// Events.
const (
	EvTick        Kind = iota + 1 // the clock: deadlines, grace periods, a follower's hello
	EvHello                       // From said hello (coordinator)
	EvStarted                     // the driver named the attempt (coordinator, Starting)
	EvStart                       // From started Attempt; Err: the driver's checks of its contents (follower)
	EvOK                          // From confirmed Attempt (coordinator)
	EvDone                        // From declared Attempt done (follower)
	EvAttemptDone                 // this node's attempt ended: Err, or success with Keys
)

// Actions.
const (
	ActStart      Kind = iota + 20 // name an attempt (then feed EvStarted)
	ActBroadcast                   // send start of Attempt to every member
	ActSendStart                   // send start of Attempt to To (a member that said hello late)
	ActRunAttempt                  // run Attempt's key protocols, then feed EvAttemptDone
	ActHello                       // say hello to the coordinator (if connected to the next set)
	ActSendOK                      // confirm Attempt to the coordinator
	ActKeep                        // keep (store) the attempt's keys
	ActSendDone                    // tell every member that Attempt is done
	ActSendDoneTo                  // tell To that Attempt is done (it repeated its ok: it missed the done)
)

// Event is an input of Step.
type Event struct {
	Kind    Kind
	From    int
	Attempt uint32
	Keys    bool
	Err     error
}

// Action is an output of Step, for the driver to carry out in order.
type Action struct {
	Kind    Kind
	To      int
	Attempt uint32
}

// New returns the initial state of a round at now and the actions it begins with: this node
// coordinates if r.Self == r.Coord.
func New(cfg Config, r Round, now time.Time) (State, []Action, error) {
	if err := r.check(); err != nil {
		return State{}, nil, err
	}
	if cfg.Attempts < 1 {
		return State{}, nil, fmt.Errorf("%w: %d attempts", ErrBadRound, cfg.Attempts)
	}
	s := State{cfg: cfg, round: r}
	if r.Self == r.Coord {
		s = s.gather(now)
		return s.settle(now)
	}
	s.Phase, s.deadline, s.hello = Waiting, now.Add(cfg.Follow), now.Add(cfg.Hello)
	return s, []Action{{Kind: ActHello}}, nil
}

// Round returns the round the state belongs to.
func (s State) Round() Round { return s.round }

// Wake returns when, after now, a tick next matters (the zero time: only other events do).
func (s State) Wake(now time.Time) time.Time {
	switch s.Phase {
	case Gathering:
		if !s.round.Fresh && now.Before(s.grace) && s.grace.Before(s.deadline) {
			return s.grace
		}
		return s.deadline
	case Confirming:
		return s.deadline
	case Waiting, Pending:
		if (s.Phase == Waiting || s.Keys) && s.hello.Before(s.deadline) {
			return s.hello
		}
		return s.deadline
	case Done:
		if s.Lingering(now) {
			return s.deadline
		}
	}
	return time.Time{}
}

// Lingering reports whether a coordinator that declared the round done still answers the
// oks of members that missed its done (ActSendDoneTo): until Follow after, when every follower
// has given up on the round anyway. Its driver keeps the control session open until then.
func (s State) Lingering(now time.Time) bool {
	return s.Phase == Done && s.round.Self == s.round.Coord && now.Before(s.deadline)
}

// answerLateOK: a member of the next set repeats its ok of the attempt this coordinator
// declared done, so it missed the done; it gets the done again.
func (s State) answerLateOK(ev Event) (State, []Action, error) {
	switch {
	case ev.From < 0 || ev.From >= s.round.Next || ev.From == s.round.Self:
		return s, nil, fmt.Errorf("%w: %d", ErrBadMember, ev.From)
	case ev.Attempt != s.Attempt:
		return s, nil, fmt.Errorf("%w: ok of %d, attempt %d is done", ErrStaleAttempt, ev.Attempt, s.Attempt)
	}
	return s, []Action{{Kind: ActSendDoneTo, To: ev.From, Attempt: s.Attempt}}, nil
}

// Missing returns the members the coordinator is waiting for: every other member's hello
// (Gathering), or the next set's oks (Running, Confirming).
func (s State) Missing() []int {
	if s.Phase != Gathering && s.Phase != Running && s.Phase != Confirming {
		return nil
	}
	var out []int
	for i := range s.round.Members {
		if i == s.round.Self || s.got[i] || (s.Phase != Gathering && i >= s.round.Next) {
			continue
		}
		out = append(out, i)
	}
	return out
}

func (s State) names(idx []int) string {
	out := make([]string, len(idx))
	for i, m := range idx {
		out[i] = s.round.name(m)
	}
	return "[" + strings.Join(out, " ") + "]"
}

// Step is the transition function: the state after ev at now, and what the driver must do.
// An event the state does not take is rejected with an error and the state is unchanged.
func (s State) Step(ev Event, now time.Time) (State, []Action, error) {
	if s.Phase == Done && ev.Kind == EvOK && s.Lingering(now) {
		return s.answerLateOK(ev)
	}
	if s.Phase == Done || s.Phase == Failed {
		return s, nil, ErrFinished
	}
	if ev.Kind != EvTick && ev.Kind != EvStarted && ev.Kind != EvAttemptDone && (ev.From < 0 || ev.From >= s.round.Members || ev.From == s.round.Self) {
		return s, nil, fmt.Errorf("%w: %d", ErrBadMember, ev.From)
	}
	if s.round.Self == s.round.Coord {
		return s.coordinator(ev, now)
	}
	return s.follower(ev, now)
}

func (s State) coordinator(ev Event, now time.Time) (State, []Action, error) {
	switch {
	case ev.Kind == EvTick && (s.Phase == Gathering || s.Phase == Confirming):
		return s.settle(now)
	case ev.Kind == EvTick:
		return s, nil, nil
	case ev.Kind == EvHello && s.Phase == Gathering:
		s.got = slices.Clone(s.got)
		s.got[ev.From] = true
		return s.settle(now)
	case ev.Kind == EvHello && (s.Phase == Running || s.Phase == Confirming):
		// A member that missed the start (or failed before it) gets it again.
		return s, []Action{{Kind: ActSendStart, To: ev.From, Attempt: s.Attempt}}, nil
	case ev.Kind == EvHello:
		return s, nil, nil // Starting: the start follows at once
	case ev.Kind == EvStarted && s.Phase == Starting:
		s.Phase, s.Attempt, s.got = Running, ev.Attempt, make([]bool, s.round.Members)
		return s, []Action{{Kind: ActBroadcast, Attempt: ev.Attempt}, {Kind: ActRunAttempt, Attempt: ev.Attempt}}, nil
	case ev.Kind == EvOK && (s.Phase == Running || s.Phase == Confirming):
		if ev.Attempt != s.Attempt {
			return s, nil, fmt.Errorf("%w: ok of %d, attempt %d under way", ErrStaleAttempt, ev.Attempt, s.Attempt)
		}
		s.got = slices.Clone(s.got)
		s.got[ev.From] = true // oks may come before this node's own attempt ends
		if s.Phase == Confirming {
			return s.settle(now)
		}
		return s, nil, nil
	case ev.Kind == EvOK:
		return s, nil, fmt.Errorf("%w: ok of %d between attempts", ErrStaleAttempt, ev.Attempt)
	case ev.Kind == EvAttemptDone && s.Phase == Running:
		switch {
		case ev.Err != nil:
			return s.failAttempt(ev.Err, now)
		case !ev.Keys: // a leaving coordinator dealt its shares: nothing to confirm
			s.Phase, s.Keys, s.deadline = Done, false, now.Add(s.cfg.Follow)
			return s, []Action{{Kind: ActSendDone, Attempt: s.Attempt}}, nil
		}
		s.Phase, s.Keys, s.deadline = Confirming, true, now.Add(s.cfg.ConfirmWait(s.round.Next))
		return s.settle(now)
	}
	return s, nil, fmt.Errorf("%w: event %d in %s", ErrUnexpected, ev.Kind, s.Phase)
}

// gather begins a wait for hellos.
func (s State) gather(now time.Time) State {
	s.Phase, s.got = Gathering, make([]bool, s.round.Members)
	s.deadline, s.grace = now.Add(s.cfg.Join), now.Add(s.cfg.LeaverGrace)
	return s
}

// settle moves a waiting coordinator on once what it waits for is there, or its time is up.
func (s State) settle(now time.Time) (State, []Action, error) {
	missing := s.Missing()
	switch s.Phase {
	case Gathering:
		missingNew := slices.ContainsFunc(missing, func(i int) bool { return i < s.round.Next })
		if len(missing) == 0 || (!s.round.Fresh && !missingNew && !now.Before(s.grace)) {
			s.Phase = Starting
			return s, []Action{{Kind: ActStart}}, nil
		}
		if !now.Before(s.deadline) {
			s.Phase, s.Err = Failed, fmt.Errorf("%w: %s", ErrJoinTimeout, s.names(missing))
		}
	case Confirming:
		if len(missing) == 0 {
			s.Phase, s.deadline = Done, now.Add(s.cfg.Follow)
			return s, []Action{{Kind: ActKeep, Attempt: s.Attempt}, {Kind: ActSendDone, Attempt: s.Attempt}}, nil
		}
		if !now.Before(s.deadline) {
			return s.failAttempt(fmt.Errorf("%w: %s", ErrConfirmTimeout, s.names(missing)), now)
		}
	}
	return s, nil, nil
}

// failAttempt ends the coordinator's attempt with err: the next one waits for fresh hellos
// (members that failed say hello again), unless this was the last.
func (s State) failAttempt(err error, now time.Time) (State, []Action, error) {
	s.Tries++
	s.LastErr, s.Keys = err, false
	if s.Tries >= s.cfg.Attempts {
		s.Phase, s.Err = Failed, fmt.Errorf("%w (%d attempts): %w", ErrAttemptsExhausted, s.Tries, err)
		return s, nil, nil
	}
	s = s.gather(now)
	return s.settle(now)
}

// followerTick gives up on a silent coordinator, or repeats what the coordinator waits for: a
// hello until started, an ok until done (the coordinator may be done and this node have missed
// it).
func (s State) followerTick(now time.Time) (State, []Action, error) {
	switch {
	case !now.Before(s.deadline):
		s.Phase, s.Err = Failed, fmt.Errorf("%w (%s)", ErrCoordinatorSilent, s.round.name(s.round.Coord))
		return s, nil, nil
	case now.Before(s.hello):
		return s, nil, nil
	case s.Phase == Waiting:
		s.hello = now.Add(s.cfg.Hello)
		return s, []Action{{Kind: ActHello}}, nil
	case s.Keys: // Pending
		s.hello = now.Add(s.cfg.Hello)
		return s, []Action{{Kind: ActSendOK, Attempt: s.Attempt}}, nil
	}
	return s, nil, nil
}

func (s State) follower(ev Event, now time.Time) (State, []Action, error) {
	if ev.Kind != EvTick && ev.Kind != EvAttemptDone && ev.From != s.round.Coord {
		return s, nil, fmt.Errorf("%w: member %d", ErrNotCoordinator, ev.From)
	}
	switch {
	case ev.Kind == EvTick && (s.Phase == Waiting || s.Phase == Pending):
		return s.followerTick(now)
	case ev.Kind == EvTick:
		return s, nil, nil
	case ev.Kind == EvStart && (s.Phase == Waiting || s.Phase == Pending):
		if slices.Contains(s.ran, ev.Attempt) {
			return s, nil, fmt.Errorf("%w: %d", ErrRepeatedStart, ev.Attempt)
		}
		if ev.Err != nil {
			s.Phase, s.Err = Failed, fmt.Errorf("%w: %w", ErrBadStart, ev.Err)
			return s, nil, nil
		}
		s.ran = append(slices.Clone(s.ran), ev.Attempt)
		s.Phase, s.Attempt, s.Keys = Running, ev.Attempt, false
		return s, []Action{{Kind: ActRunAttempt, Attempt: ev.Attempt}}, nil
	case ev.Kind == EvAttemptDone && s.Phase == Running:
		if ev.Err != nil {
			// A fresh wait for the next start: the attempt may have taken most of the last one,
			// and the coordinator needs a join wait of its own before it starts again.
			s.Phase, s.LastErr = Waiting, ev.Err
			s.hello, s.deadline = now.Add(s.cfg.Hello), now.Add(s.cfg.Follow)
			return s, []Action{{Kind: ActHello}}, nil
		}
		s.Phase, s.Keys, s.deadline, s.hello = Pending, ev.Keys, now.Add(s.cfg.Follow), now.Add(s.cfg.Hello)
		if ev.Keys {
			return s, []Action{{Kind: ActSendOK, Attempt: s.Attempt}}, nil
		}
		return s, nil, nil // a leaving member has nothing to confirm
	case ev.Kind == EvDone && (s.Phase == Waiting || s.Phase == Pending):
		if s.Phase == Waiting || ev.Attempt != s.Attempt {
			s.Phase, s.Err = Failed, fmt.Errorf("%w: attempt %d", ErrUnknownAttempt, ev.Attempt)
			return s, nil, nil
		}
		s.Phase = Done
		if s.Keys {
			return s, []Action{{Kind: ActKeep, Attempt: s.Attempt}}, nil
		}
		return s, nil, nil
	}
	return s, nil, fmt.Errorf("%w: event %d in %s", ErrUnexpected, ev.Kind, s.Phase)
}
