package frost

import (
	"errors"
	"fmt"
)

// Sentinels a FaultError wraps, saying what the named member did wrong.
var (
	// ErrBadShare: a signature share does not satisfy RFC 9591's verify_signature_share.
	ErrBadShare = errors.New("frost: signature share does not verify")
	// ErrEquivocation: a member's broadcast differs between two receivers.
	ErrEquivocation = errors.New("frost: broadcast differs between receivers")
	// ErrUnexpected: a message arrived twice, out of order, or for no reason.
	ErrUnexpected = errors.New("frost: unexpected message")
	// ErrBadMessage: a peer message does not decode (length, kind, session, an element that is
	// not in the group or is the identity, a non-canonical scalar).
	ErrBadMessage = errors.New("frost: malformed message")
	// ErrMismatch: a share made for another signing package, or a package that does not match
	// the key, slot or request it is used with.
	ErrMismatch = errors.New("frost: share or package does not match")
)

// FaultError names the member whose message failed a check. Member is its position in the
// signer set (the transport index, or −1 if the share came from outside the set); Index is its
// share index.
//
// One case is not certain: when member Accuser reports a different broadcast from Member than
// this member received, either Member equivocated or Accuser lied, and without signatures on
// messages no third member can tell which. Then Disputed is set and both are named.
type FaultError struct {
	Member   int
	Index    int
	Round    int // preprocessing round 1–2, or 0 for a signature share
	Disputed bool
	Accuser  int // meaningful only if Disputed
	Err      error
}

func (e *FaultError) Error() string {
	who := fmt.Sprintf("%d (share index %d)", e.Member, e.Index)
	if e.Disputed {
		who += fmt.Sprintf(" or member %d (one of the two lied)", e.Accuser)
	}
	if e.Round == 0 {
		return fmt.Sprintf("frost: signer %s: %v", who, e.Err)
	}
	return fmt.Sprintf("frost: preprocess round %d: member %s: %v", e.Round, who, e.Err)
}

func (e *FaultError) Unwrap() error { return e.Err }

// AbortError reports that another member stopped a preprocessing session, and whom it blamed:
// that member's claim, not a fact this member checked.
type AbortError struct {
	Member int // who aborted
	Blamed int // whom it blamed, or −1
	Reason string
}

func (e *AbortError) Error() string {
	if e.Blamed < 0 {
		return fmt.Sprintf("frost: preprocessing aborted by member %d: %s", e.Member, e.Reason)
	}
	return fmt.Sprintf("frost: preprocessing aborted by member %d, blaming member %d: %s", e.Member, e.Blamed, e.Reason)
}

// Reasons carried in an abort message.
const (
	reasonOther        = 0
	reasonBadMessage   = 1
	reasonEquivocation = 2
	reasonUnexpected   = 3
)

func reasonOf(err error) byte {
	switch {
	case errors.Is(err, ErrBadMessage):
		return reasonBadMessage
	case errors.Is(err, ErrEquivocation):
		return reasonEquivocation
	case errors.Is(err, ErrUnexpected):
		return reasonUnexpected
	default:
		return reasonOther
	}
}

func reasonText(r byte) string {
	switch r {
	case reasonBadMessage:
		return ErrBadMessage.Error()
	case reasonEquivocation:
		return ErrEquivocation.Error()
	case reasonUnexpected:
		return ErrUnexpected.Error()
	default:
		return "other"
	}
}
