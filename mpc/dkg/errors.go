package dkg

import (
	"errors"
	"fmt"
	"strings"
)

// What a member did wrong, as recorded in a Fault. ErrMalformed (codec.go) is one more.
var (
	ErrNoDeal          = errors.New("dkg: no deal bundle before the deal phase ended")
	ErrNoResponse      = errors.New("dkg: no response bundle before the response phase ended")
	ErrBadSignature    = errors.New("dkg: bundle signature does not verify")
	ErrWrongSender     = errors.New("dkg: bundle sent under an index that is not the sender's")
	ErrSessionMismatch = errors.New("dkg: bundle for another session (session ID or configuration differ)")
	ErrEquivocation    = errors.New("dkg: two different signed bundles of one kind")
	ErrUnknownMember   = errors.New("dkg: message from a member outside the node lists")
	ErrUnjustified     = errors.New("dkg: did not answer the complaints against its deal")
	ErrExcluded        = errors.New("dkg: excluded from the qualified set")
)

// ErrAborted is wrapped when the protocol itself gives up (too few valid deals, this member
// evicted, transport gone); the RunError lists what the other members did.
var ErrAborted = errors.New("dkg: run aborted")

// Fault is one member's misbehaviour seen during a run: silent, malformed, badly signed,
// equivocating or excluded. Member is the transport member index.
type Fault struct {
	Member int
	Err    error
}

func (f *Fault) Error() string { return fmt.Sprintf("member %d: %v", f.Member, f.Err) }
func (f *Fault) Unwrap() error { return f.Err }

// RunError is a failed run: why it failed, and every fault observed on the way, each naming the
// member. errors.Is matches the cause and each fault's sentinel.
type RunError struct {
	Err    error
	Faults []*Fault
}

func (e *RunError) Error() string {
	if len(e.Faults) == 0 {
		return e.Err.Error()
	}
	parts := make([]string, len(e.Faults))
	for i, f := range e.Faults {
		parts[i] = f.Error()
	}
	return e.Err.Error() + " (faults: " + strings.Join(parts, "; ") + ")"
}

func (e *RunError) Unwrap() []error {
	errs := []error{e.Err}
	for _, f := range e.Faults {
		errs = append(errs, f)
	}
	return errs
}
