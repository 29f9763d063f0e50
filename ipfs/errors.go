package ipfs

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The sentinels callers branch on (errors.Is). Suggested API kinds: ErrNotFound → timeout,
// ErrInvalidCID and ErrNotFile → bad_request, ErrTooLarge → too_large, ErrHashMismatch →
// bad_request when the caller supplied the content, unavailable when a source did.
var (
	// ErrNotFound: no source delivered the content before the deadline. The concrete error
	// is a *NotFoundError saying what was tried.
	ErrNotFound = errors.New("content not found before the deadline")
	// ErrHashMismatch: bytes offered for a CID do not hash to it. They are never stored.
	ErrHashMismatch = errors.New("content does not hash to its CID")
	// ErrTooLarge: content or a DAG is over the caller's or the service's size limit.
	ErrTooLarge = errors.New("content over the size limit")
	// ErrNotFile: the CID names something other than a UnixFS file or a raw block.
	ErrNotFile = errors.New("not a UnixFS file")
	// ErrInvalidCID: the input is not a CID this node accepts.
	ErrInvalidCID = errors.New("invalid CID")
)

// NotFoundError reports a resolve that ran out of time. It matches ErrNotFound and
// context.DeadlineExceeded, and every cause it carries (a gateway's hash mismatch, say).
type NotFoundError struct {
	After  time.Duration // how long the resolve ran
	Peers  int           // connected peers bitswap could ask when it started
	Causes []error       // what failed along the way (gateway answers), most recent last
}

func (e *NotFoundError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "not found within %s (local store, bitswap with %d connected peer(s)", e.After.Round(time.Millisecond), e.Peers)
	for _, c := range e.Causes {
		b.WriteString("; ")
		b.WriteString(c.Error())
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap lets errors.Is see ErrNotFound, context.DeadlineExceeded and every cause.
func (e *NotFoundError) Unwrap() []error {
	return append([]error{ErrNotFound, context.DeadlineExceeded}, e.Causes...)
}
