package keyround_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/litmesh/litmesh/node/keyround"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// step is one event of a case, at t0+at, with what it must produce.
type step struct {
	at   time.Duration
	ev   keyround.Event
	want keyround.Phase
	acts []keyround.Kind // the kinds of the actions, in order
	err  error           // the event is rejected with this
}

func tick(at time.Duration, want keyround.Phase, acts ...keyround.Kind) step {
	return step{at: at, ev: keyround.Event{Kind: keyround.EvTick}, want: want, acts: acts}
}

func ev(at time.Duration, e keyround.Event, want keyround.Phase, acts ...keyround.Kind) step {
	return step{at: at, ev: e, want: want, acts: acts}
}

func rejected(at time.Duration, e keyround.Event, want keyround.Phase, err error) step {
	return step{at: at, ev: e, want: want, err: err}
}

func hello(from int) keyround.Event { return keyround.Event{Kind: keyround.EvHello, From: from} }
func ok(from int, a uint32) keyround.Event {
	return keyround.Event{Kind: keyround.EvOK, From: from, Attempt: a}
}
func started(a uint32) keyround.Event { return keyround.Event{Kind: keyround.EvStarted, Attempt: a} }
func start(from int, a uint32) keyround.Event {
	return keyround.Event{Kind: keyround.EvStart, From: from, Attempt: a}
}
func done(from int, a uint32) keyround.Event {
	return keyround.Event{Kind: keyround.EvDone, From: from, Attempt: a}
}
func succeeded(keys bool) keyround.Event {
	return keyround.Event{Kind: keyround.EvAttemptDone, Keys: keys}
}

var errDKG = errors.New("dkg phase timed out")

func failedAttempt() keyround.Event { return keyround.Event{Kind: keyround.EvAttemptDone, Err: errDKG} }

const (
	C = keyround.Gathering
	S = keyround.Starting
	R = keyround.Running
	F = keyround.Confirming
	W = keyround.Waiting
	P = keyround.Pending
	D = keyround.Done
	X = keyround.Failed
)

const (
	aStart  = keyround.ActStart
	aBcast  = keyround.ActBroadcast
	aSend   = keyround.ActSendStart
	aRun    = keyround.ActRunAttempt
	aHello  = keyround.ActHello
	aOK     = keyround.ActSendOK
	aKeep   = keyround.ActKeep
	aDone   = keyround.ActSendDone
	aDoneTo = keyround.ActSendDoneTo
)

// gathered is the coordinator (member 0) of a 3-member next set plus one leaving member,
// started on attempt 7 once everyone said hello.
func gathered() []step {
	return []step{ev(0, hello(1), C), ev(0, hello(2), C), ev(0, hello(3), S, aStart), ev(0, started(7), R, aBcast, aRun)}
}

func join(parts ...[]step) []step { return slices.Concat(parts...) }

// TestKeyRoundTransitions drives the state machine through every transition of both roles,
// with the timeouts of DefaultConfig and the coordinator failing or crashing at each step.
func TestKeyRoundTransitions(t *testing.T) {
	cfg := keyround.DefaultConfig()
	reshare := keyround.Round{Members: 4, Next: 3, Self: 0, Coord: 0}
	fresh := keyround.Round{Members: 3, Next: 3, Self: 0, Coord: 0, Fresh: true}
	follower := keyround.Round{Members: 4, Next: 3, Self: 1, Coord: 0}
	leaver := keyround.Round{Members: 4, Next: 3, Self: 3, Coord: 0}
	confirmWait := cfg.ConfirmWait(3)
	for _, tc := range []struct {
		name    string
		round   keyround.Round
		initial keyround.Phase
		init    []keyround.Kind
		steps   []step
		err     error // the final state's Err
	}{
		{name: "a coordinator alone starts at once", round: keyround.Round{Members: 1, Next: 1}, initial: S, init: []keyround.Kind{aStart}},
		{name: "a coordinator starts once every member said hello", round: reshare, initial: C, steps: gathered()},
		{name: "a repeated hello changes nothing", round: reshare, initial: C,
			steps: []step{ev(0, hello(1), C), ev(0, hello(1), C), tick(time.Second, C)}},
		{name: "a resharing starts without a silent leaving member after the grace period", round: reshare, initial: C,
			steps: []step{ev(0, hello(1), C), ev(0, hello(2), C), tick(cfg.LeaverGrace-time.Millisecond, C), tick(cfg.LeaverGrace, S, aStart)}},
		{name: "a hello after the grace period starts at once", round: reshare, initial: C,
			steps: []step{ev(0, hello(3), C), tick(cfg.LeaverGrace, C), ev(cfg.LeaverGrace+time.Second, hello(1), C), ev(cfg.LeaverGrace+time.Second, hello(2), S, aStart)}},
		{name: "a first key generation waits for every member, grace or not", round: fresh, initial: C,
			steps: []step{ev(0, hello(1), C), tick(cfg.LeaverGrace, C), tick(cfg.Join-time.Millisecond, C), ev(cfg.Join-time.Millisecond, hello(2), S, aStart)}},
		{name: "a member of the next set that never joins fails the round", round: reshare, initial: C,
			steps: []step{ev(0, hello(1), C), ev(0, hello(3), C), tick(cfg.Join-time.Millisecond, C), tick(cfg.Join, X)}, err: keyround.ErrJoinTimeout},
		{name: "an ok between attempts is stale", round: reshare, initial: C,
			steps: []step{rejected(0, ok(1, 7), C, keyround.ErrStaleAttempt)}},
		{name: "a hello from oneself or a stranger is refused", round: reshare, initial: C,
			steps: []step{rejected(0, hello(0), C, keyround.ErrBadMember), rejected(0, hello(4), C, keyround.ErrBadMember), rejected(0, hello(-1), C, keyround.ErrBadMember)}},
		{name: "a late hello gets the start again", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(time.Second, hello(2), R, aSend)})},
		{name: "oks may come before the coordinator's own attempt ends", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(0, ok(1, 7), R), ev(0, ok(2, 7), R), ev(time.Second, succeeded(true), D, aKeep, aDone)})},
		{name: "the coordinator keeps the result once every member of the next set confirmed", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(0, succeeded(true), F), ev(0, ok(1, 7), F), ev(0, hello(3), F, aSend), ev(0, ok(2, 7), D, aKeep, aDone)})},
		{name: "an ok of another attempt is stale", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(0, succeeded(true), F), rejected(0, ok(1, 6), F, keyround.ErrStaleAttempt)})},
		{name: "a leaving coordinator is done once it dealt", round: keyround.Round{Members: 3, Next: 2, Self: 2, Coord: 2}, initial: C,
			steps: []step{ev(0, hello(0), C), ev(0, hello(1), S, aStart), ev(0, started(9), R, aBcast, aRun), ev(0, succeeded(false), D, aDone)}},
		{name: "a failed attempt waits for fresh hellos", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(time.Minute, failedAttempt(), C), ev(time.Minute, hello(1), C), ev(time.Minute, hello(2), C), ev(time.Minute, hello(3), S, aStart)})},
		{name: "a failed attempt's join wait starts anew", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(time.Minute, failedAttempt(), C), tick(time.Minute+cfg.Join-time.Millisecond, C), tick(time.Minute+cfg.Join, X)}), err: keyround.ErrJoinTimeout},
		{name: "a member that never confirms fails the attempt", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(0, succeeded(true), F), ev(0, ok(1, 7), F), tick(confirmWait-time.Millisecond, F), tick(confirmWait, C)})},
		{name: "five failed attempts fail the round", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(0, failedAttempt(), C)},
				gathered()[:3], []step{ev(0, started(8), R, aBcast, aRun), ev(0, failedAttempt(), C)},
				gathered()[:3], []step{ev(0, started(9), R, aBcast, aRun), ev(0, failedAttempt(), C)},
				gathered()[:3], []step{ev(0, started(10), R, aBcast, aRun), ev(0, succeeded(true), F), tick(confirmWait, C)},
				gathered()[:3], []step{ev(0, started(11), R, aBcast, aRun), ev(0, failedAttempt(), X)}),
			err: keyround.ErrAttemptsExhausted},
		{name: "the coordinator takes no follower messages", round: reshare, initial: C,
			steps: join(gathered(), []step{rejected(0, start(1, 7), R, keyround.ErrUnexpected), rejected(0, done(1, 7), R, keyround.ErrUnexpected), rejected(0, started(8), R, keyround.ErrUnexpected)})},
		// A member that missed the done repeats its ok; the done coordinator answers it with the
		// done for as long as a follower waits (Follow), else that member never keeps its keys,
		// never signals ready, and the epoch never advances.
		{name: "a done coordinator answers a member that missed the done", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(0, ok(1, 7), R), ev(0, ok(2, 7), R), ev(0, succeeded(true), D, aKeep, aDone),
				ev(time.Minute, ok(2, 7), D, aDoneTo), rejected(time.Minute, ok(2, 6), D, keyround.ErrStaleAttempt),
				rejected(time.Minute, ok(3, 7), D, keyround.ErrBadMember), rejected(time.Minute, hello(2), D, keyround.ErrFinished),
				ev(cfg.Follow-time.Millisecond, ok(1, 7), D, aDoneTo), rejected(cfg.Follow, ok(1, 7), D, keyround.ErrFinished)})},
		{name: "a leaving coordinator answers a member that missed the done", round: keyround.Round{Members: 3, Next: 2, Self: 2, Coord: 2}, initial: C,
			steps: []step{ev(0, hello(0), C), ev(0, hello(1), S, aStart), ev(0, started(9), R, aBcast, aRun), ev(0, succeeded(false), D, aDone),
				ev(time.Second, ok(1, 9), D, aDoneTo)}},
		{name: "a done round takes nothing more", round: reshare, initial: C,
			steps: join(gathered(), []step{ev(0, ok(1, 7), R), ev(0, ok(2, 7), R), ev(0, succeeded(true), D, aKeep, aDone), rejected(0, hello(1), D, keyround.ErrFinished), rejected(time.Hour, keyround.Event{Kind: keyround.EvTick}, D, keyround.ErrFinished)})},

		{name: "a follower says hello until started", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{tick(cfg.Hello/2, W), tick(cfg.Hello, W, aHello), tick(cfg.Hello+cfg.Hello/2, W), tick(2*cfg.Hello, W, aHello)}},
		{name: "a follower keeps the result when the coordinator says done", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(time.Minute, succeeded(true), P, aOK), tick(time.Minute+cfg.Hello/2, P), ev(2*time.Minute, done(0, 7), D, aKeep)}},
		{name: "a follower repeats its ok until done comes", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, succeeded(true), P, aOK), tick(cfg.Hello/2, P), tick(cfg.Hello, P, aOK),
				tick(cfg.Hello+cfg.Hello/2, P), tick(2*cfg.Hello, P, aOK), ev(2*cfg.Hello, done(0, 7), D, aKeep)}},
		{name: "a leaving follower has no ok to repeat", round: leaver, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, succeeded(false), P), tick(cfg.Hello, P), tick(time.Minute, P)}},
		{name: "a leaving follower deals, confirms nothing and keeps nothing", round: leaver, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, succeeded(false), P), ev(0, done(0, 7), D)}},
		{name: "a follower whose attempt failed says hello again", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, failedAttempt(), W, aHello), ev(0, start(0, 8), R, aRun)}},
		{name: "a follower never runs an attempt twice", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, failedAttempt(), W, aHello), rejected(0, start(0, 7), W, keyround.ErrRepeatedStart)}},
		{name: "a follower takes control messages from the coordinator only", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{rejected(0, start(2, 7), W, keyround.ErrNotCoordinator), rejected(0, done(3, 7), W, keyround.ErrNotCoordinator), rejected(0, hello(0), W, keyround.ErrUnexpected)}},
		{name: "a start that fails the follower's checks fails the round", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, keyround.Event{Kind: keyround.EvStart, From: 0, Attempt: 7, Err: errors.New("the BLS key is not the chain's")}, X)}, err: keyround.ErrBadStart},
		{name: "a done before any start fails the round", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, done(0, 7), X)}, err: keyround.ErrUnknownAttempt},
		{name: "a done of another attempt fails the round", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, succeeded(true), P, aOK), ev(0, done(0, 6), X)}, err: keyround.ErrUnknownAttempt},

		// The coordinator crashes (or goes silent) at each step; a restarted coordinator starts
		// a new attempt with a new random ID.
		{name: "coordinator down before any start: the follower gives up after Follow", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{tick(cfg.Follow-time.Millisecond, W, aHello), tick(cfg.Follow, X)}, err: keyround.ErrCoordinatorSilent},
		{name: "coordinator down during the attempt: the attempt fails, the follower waits on", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(time.Minute, start(0, 7), R, aRun), tick(cfg.Follow, R), ev(cfg.Follow, failedAttempt(), W, aHello),
				tick(2*cfg.Follow-time.Millisecond, W, aHello), tick(2*cfg.Follow, X)}, err: keyround.ErrCoordinatorSilent},
		{name: "a follower whose long attempt failed waits a whole Follow for the next start", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(cfg.Follow-time.Second, failedAttempt(), W, aHello),
				tick(cfg.Follow, W, aHello), ev(cfg.Follow+time.Minute, start(0, 8), R, aRun)}},
		{name: "coordinator down before done: the follower gives up Follow after its attempt", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(time.Minute, succeeded(true), P, aOK), tick(time.Minute+cfg.Follow-time.Millisecond, P, aOK), tick(time.Minute+cfg.Follow, X)}, err: keyround.ErrCoordinatorSilent},
		{name: "coordinator restarted before done: the follower runs its new attempt", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, succeeded(true), P, aOK), ev(time.Minute, start(0, 1234), R, aRun), ev(time.Minute, succeeded(true), P, aOK), ev(time.Minute, done(0, 1234), D, aKeep)}},
		{name: "coordinator restarted after a failed attempt: a repeated start is ignored, a new one runs", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, failedAttempt(), W, aHello), rejected(0, start(0, 7), W, keyround.ErrRepeatedStart), ev(0, start(0, 99), R, aRun)}},
		{name: "a follower in an attempt takes no messages (the driver holds them)", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), rejected(0, done(0, 7), R, keyround.ErrUnexpected), tick(time.Hour, R)}},
		// The driver adopts a start's contents (the polynomials, the members' keys) only with
		// the run it is told to make: a start the state machine refuses must yield none.
		{name: "a repeated start while pending is refused and runs nothing", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), ev(0, succeeded(true), P, aOK), rejected(0, start(0, 7), P, keyround.ErrRepeatedStart),
				rejected(0, keyround.Event{Kind: keyround.EvStart, From: 0, Attempt: 7, Err: errors.New("other polynomials")}, P, keyround.ErrRepeatedStart),
				ev(0, done(0, 7), D, aKeep)}},
		{name: "a start during an attempt is refused and runs nothing", round: follower, initial: W, init: []keyround.Kind{aHello},
			steps: []step{ev(0, start(0, 7), R, aRun), rejected(0, start(0, 8), R, keyround.ErrUnexpected), ev(0, succeeded(true), P, aOK)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, acts, err := keyround.New(cfg, tc.round, t0)
			if err != nil {
				t.Fatal(err)
			}
			if s.Phase != tc.initial || !sameKinds(acts, tc.init) {
				t.Fatalf("initial state %s %v, want %s %v", s.Phase, kinds(acts), tc.initial, tc.init)
			}
			for i, st := range tc.steps {
				next, acts, err := s.Step(st.ev, t0.Add(st.at))
				switch {
				case st.err != nil && !errors.Is(err, st.err):
					t.Fatalf("step %d (event %d): error %v, want %v", i, st.ev.Kind, err, st.err)
				case st.err == nil && err != nil:
					t.Fatalf("step %d (event %d): %v", i, st.ev.Kind, err)
				case st.err != nil && (next.Phase != s.Phase || len(acts) != 0):
					t.Fatalf("step %d: a rejected event changed the state to %s with %v", i, next.Phase, kinds(acts))
				}
				if next.Phase != st.want || !sameKinds(acts, st.acts) {
					t.Fatalf("step %d (event %d at %s): %s %v, want %s %v", i, st.ev.Kind, st.at, next.Phase, kinds(acts), st.want, st.acts)
				}
				for _, a := range acts {
					if (a.Kind == aBcast || a.Kind == aRun || a.Kind == aSend || a.Kind == aOK || a.Kind == aDone || a.Kind == aDoneTo || a.Kind == aKeep) && a.Attempt != next.Attempt {
						t.Fatalf("step %d: action %d names attempt %d, the state %d", i, a.Kind, a.Attempt, next.Attempt)
					}
					if a.Kind == aDoneTo && a.To != st.ev.From {
						t.Fatalf("step %d: the done goes to member %d, not to %d that asked", i, a.To, st.ev.From)
					}
				}
				s = next
			}
			if tc.err != nil && !errors.Is(s.Err, tc.err) {
				t.Fatalf("final error %v, want %v", s.Err, tc.err)
			}
			if tc.err == nil && s.Err != nil {
				t.Fatalf("final error %v", s.Err)
			}
		})
	}
}

// TestKeyRoundErrorsNameTheMissingMembers: a timeout says whom it waited for.
func TestKeyRoundErrorsNameTheMissingMembers(t *testing.T) {
	cfg := keyround.DefaultConfig()
	r := keyround.Round{Members: 3, Next: 3, Fresh: true, Names: []string{"a", "b", "c"}}
	s, _, err := keyround.New(cfg, r, t0)
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ = s.Step(hello(1), t0)
	if got := s.Missing(); !slices.Equal(got, []int{2}) {
		t.Fatalf("missing %v, want [2]", got)
	}
	if s.Wake(t0) != t0.Add(cfg.Join) {
		t.Fatalf("a first key generation wakes at %v, want the join deadline", s.Wake(t0))
	}
	s, _, _ = s.Step(keyround.Event{Kind: keyround.EvTick}, t0.Add(cfg.Join))
	if want := fmt.Sprintf("%v: [c]", keyround.ErrJoinTimeout); s.Err == nil || s.Err.Error() != want {
		t.Fatalf("error %v, want %q", s.Err, want)
	}
}

// TestKeyRoundRefusesABadRound: a round the driver got wrong is refused, not run.
func TestKeyRoundRefusesABadRound(t *testing.T) {
	cfg := keyround.DefaultConfig()
	for _, r := range []keyround.Round{{}, {Members: 2, Next: 3}, {Members: 2, Next: 1, Self: 2}, {Members: 2, Next: 2, Coord: -1}, {Members: 2, Next: 2, Names: []string{"a"}}} {
		if _, _, err := keyround.New(cfg, r, t0); !errors.Is(err, keyround.ErrBadRound) {
			t.Errorf("%+v: %v, want ErrBadRound", r, err)
		}
	}
	cfg.Attempts = 0
	if _, _, err := keyround.New(cfg, keyround.Round{Members: 1, Next: 1}, t0); !errors.Is(err, keyround.ErrBadRound) {
		t.Errorf("no attempts: %v, want ErrBadRound", err)
	}
}

// TestPhaseBoundGrowsWithTheNetwork: the DKG phase bound grows with n², within its limits.
func TestPhaseBoundGrowsWithTheNetwork(t *testing.T) {
	cfg := keyround.DefaultConfig()
	for _, tc := range []struct {
		n              int
		phase, confirm time.Duration
	}{{1, 15 * time.Second, 30 * time.Second}, {16, 15 * time.Second, 30 * time.Second}, {32, 60 * time.Second, 60 * time.Second}, {100, 5 * time.Minute, 5 * time.Minute}} {
		if got := cfg.Phase(tc.n); got != tc.phase {
			t.Errorf("Phase(%d) = %v, want %v", tc.n, got, tc.phase)
		}
		if got := cfg.ConfirmWait(tc.n); got != tc.confirm {
			t.Errorf("ConfirmWait(%d) = %v, want %v", tc.n, got, tc.confirm)
		}
	}
}

func kinds(acts []keyround.Action) []keyround.Kind {
	out := make([]keyround.Kind, len(acts))
	for i, a := range acts {
		out[i] = a.Kind
	}
	return out
}

func sameKinds(acts []keyround.Action, want []keyround.Kind) bool {
	return slices.Equal(kinds(acts), want)
}

// TestKeyRoundWakesForRepeatedOKsAndWhileLingering: a pending follower wakes to repeat its ok
// (a leaving one only for its deadline); a done coordinator lingers, awake for its end, for
// Follow after the done.
func TestKeyRoundWakesForRepeatedOKsAndWhileLingering(t *testing.T) {
	cfg := keyround.DefaultConfig()
	s, _, _ := keyround.New(cfg, keyround.Round{Members: 3, Next: 2, Self: 1, Coord: 0}, t0)
	s, _, _ = s.Step(start(0, 7), t0)
	s, _, _ = s.Step(succeeded(true), t0)
	if got := s.Wake(t0); got != t0.Add(cfg.Hello) {
		t.Fatalf("a pending member wakes at %v, want its next ok at %v", got, t0.Add(cfg.Hello))
	}
	l, _, _ := keyround.New(cfg, keyround.Round{Members: 3, Next: 2, Self: 2, Coord: 0}, t0)
	l, _, _ = l.Step(start(0, 7), t0)
	l, _, _ = l.Step(succeeded(false), t0)
	if got := l.Wake(t0); got != t0.Add(cfg.Follow) {
		t.Fatalf("a pending leaving member wakes at %v, want its deadline", got)
	}
	c, _, _ := keyround.New(cfg, keyround.Round{Members: 2, Next: 2, Fresh: true}, t0)
	for _, e := range []keyround.Event{hello(1), started(7), ok(1, 7), succeeded(true)} {
		var err error
		if c, _, err = c.Step(e, t0); err != nil {
			t.Fatal(err)
		}
	}
	if c.Phase != D || !c.Lingering(t0) || c.Wake(t0) != t0.Add(cfg.Follow) {
		t.Fatalf("a done coordinator: %s, lingering %v, wakes at %v", c.Phase, c.Lingering(t0), c.Wake(t0))
	}
	if c.Lingering(t0.Add(cfg.Follow)) || !c.Wake(t0.Add(cfg.Follow)).IsZero() {
		t.Fatal("the coordinator lingers past Follow")
	}
	if s.Lingering(t0) {
		t.Fatal("a follower lingers")
	}
}
