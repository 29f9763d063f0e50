package keyround

import "time"

// Clock tells the time and makes timers; the driver takes one so tests can set the time.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now is time.Now.
func (SystemClock) Now() time.Time { return time.Now() }

// After is time.After.
func (SystemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Config holds every bound of the key round.
type Config struct {
	// Join bounds the coordinator's wait for every member's hello before an attempt.
	Join time.Duration
	// LeaverGrace: in a resharing, once every member of the next set said hello, leaving
	// members are waited for this long after the wait began (a resharing needs only enough
	// current members).
	LeaverGrace time.Duration
	// Confirm bounds the coordinator's wait for the next set's oks (at least Phase(next)).
	Confirm time.Duration
	// Follow bounds a follower's wait for a start (anew after each failed attempt), and then
	// for done.
	Follow time.Duration
	// Hello is how often a follower repeats its hello until started.
	Hello time.Duration
	// DoneSend bounds the coordinator's retries of its done message.
	DoneSend time.Duration
	// PhaseBase and PhaseMax bound one DKG phase (see Phase).
	PhaseBase, PhaseMax time.Duration
	// Attempts is how many attempts the coordinator starts before the round fails.
	Attempts int
}

// DefaultConfig returns the bounds litmesh nodes use.
func DefaultConfig() Config {
	return Config{
		Join:        2 * time.Minute,
		LeaverGrace: 15 * time.Second,
		Confirm:     30 * time.Second,
		Follow:      3 * time.Minute,
		Hello:       time.Second,
		DoneSend:    10 * time.Second,
		PhaseBase:   15 * time.Second,
		PhaseMax:    5 * time.Minute,
		Attempts:    5,
	}
}

// Phase bounds one phase (deals, responses, justifications) of a DKG or resharing among n
// members. A phase ends as soon as every bundle it expects has arrived, so the bound only
// decides how long a silent or slow member is waited for. Each member's work in a phase grows
// with n² (n bundles, each checked against a polynomial of degree ≈ 2n/3, each relayed to n−1
// peers), so the bound does too: PhaseBase up to 16 members, 4× at 32, ≈ 10× at 50, at most
// PhaseMax. (At 32 members on a loaded 2-core devnet a fixed 15 s failed every attempt: the
// response phase ended before the slowest members had checked their deals.)
func (c Config) Phase(n int) time.Duration {
	d := c.PhaseBase * time.Duration(n*n) / (16 * 16)
	return min(max(d, c.PhaseBase), c.PhaseMax)
}

// ConfirmWait is how long the coordinator waits for the oks of a next set of n members.
func (c Config) ConfirmWait(n int) time.Duration { return max(c.Confirm, c.Phase(n)) }
