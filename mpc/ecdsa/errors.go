package ecdsa

import (
	"errors"
	"fmt"
)

// Sentinels a FaultError wraps, saying what the named member did wrong.
var (
	// ErrBadShare: a secret share sent to this member does not match its sender's commitments.
	ErrBadShare = errors.New("ecdsa: share does not match commitments")
	// ErrBadProof: a zero-knowledge proof or a signature share fails verification.
	ErrBadProof = errors.New("ecdsa: proof does not verify")
	// ErrEquivocation: a member's broadcast differs between two receivers.
	ErrEquivocation = errors.New("ecdsa: broadcast differs between receivers")
	// ErrUnexpected: a message arrived twice, out of order or for no reason.
	ErrUnexpected = errors.New("ecdsa: unexpected message")
)

// FaultError names the signer whose message failed a check. Member is its position in the
// signer set (the transport index); Index is its share index.
//
// One case is not certain: when member Accuser reports a different broadcast from Member than
// this member received, either Member equivocated or Accuser lied, and without signatures on
// messages no third member can tell which. Then Disputed is set and both are named.
type FaultError struct {
	Member   int
	Index    int
	Round    int // presign round 1–3, or 0 for a signature share
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
		return fmt.Sprintf("ecdsa: signer %s: %v", who, e.Err)
	}
	return fmt.Sprintf("ecdsa: presign round %d: member %s: %v", e.Round, who, e.Err)
}

func (e *FaultError) Unwrap() error { return e.Err }

// AbortError reports that another member stopped the session, and whom it blamed. The blamed
// member is that member's claim, not a fact this member checked.
type AbortError struct {
	Member int // who aborted
	Blamed int // whom it blamed, or -1
	Reason string
}

func (e *AbortError) Error() string {
	if e.Blamed < 0 {
		return fmt.Sprintf("ecdsa: presign aborted by member %d: %s", e.Member, e.Reason)
	}
	return fmt.Sprintf("ecdsa: presign aborted by member %d, blaming member %d: %s", e.Member, e.Blamed, e.Reason)
}

func reasonOf(err error) byte {
	switch {
	case errors.Is(err, ErrBadMessage):
		return reasonBadMessage
	case errors.Is(err, ErrBadShare):
		return reasonBadShare
	case errors.Is(err, ErrBadProof):
		return reasonBadProof
	case errors.Is(err, ErrEquivocation):
		return reasonEquivocation
	case errors.Is(err, ErrUnexpected):
		return reasonUnexpected
	case errors.Is(err, ErrDegenerate):
		return reasonDegenerate
	default:
		return reasonOther
	}
}

func reasonText(r byte) string {
	switch r {
	case reasonBadMessage:
		return ErrBadMessage.Error()
	case reasonBadShare:
		return ErrBadShare.Error()
	case reasonBadProof:
		return ErrBadProof.Error()
	case reasonEquivocation:
		return ErrEquivocation.Error()
	case reasonUnexpected:
		return ErrUnexpected.Error()
	case reasonDegenerate:
		return ErrDegenerate.Error()
	default:
		return "other"
	}
}
