package runtime

import (
	"errors"
	"fmt"
)

// ErrorKind says why an execution failed. The string values are stable: the node puts them in
// its responses and maps them to API error kinds.
type ErrorKind string

// The kinds of execution failure.
const (
	KindSyntax            ErrorKind = "syntax_error"            // the code does not parse
	KindException         ErrorKind = "exception"               // the action threw, or its top-level promise rejected
	KindTimeout           ErrorKind = "timeout"                 // over Limits.Timeout
	KindMemory            ErrorKind = "memory"                  // over the heap limit or the worker memory cap
	KindResponseTooLarge  ErrorKind = "response_too_large"      // setResponse over Limits.MaxResponse
	KindTooManyFetches    ErrorKind = "too_many_fetches"        // over Limits.MaxFetches
	KindTooManySignatures ErrorKind = "too_many_signatures"     // over Limits.MaxSignatures
	KindTooManyCalls      ErrorKind = "too_many_calls"          // over Limits.MaxHostCalls
	KindTooManyContracts  ErrorKind = "too_many_contract_calls" // over Limits.MaxContracts
	KindTooManyBroadcasts ErrorKind = "too_many_broadcasts"     // over Limits.MaxBroadcasts
	KindBadFetchScheme    ErrorKind = "bad_fetch_scheme"        // fetch of a URL that is not http or https
	KindFetchedTooMuch    ErrorKind = "fetched_too_much"        // fetch responses over Limits.MaxFetchTotal together
	KindBadRequest        ErrorKind = "bad_request"             // the request itself is invalid (code too large, jsParams not an object)
	KindCanceled          ErrorKind = "canceled"                // the caller's context ended first
	KindCrashed           ErrorKind = "crashed"                 // the worker process died for a reason other than memory
	KindUnavailable       ErrorKind = "unavailable"             // the pool is closed
)

// Error is an execution failure: a kind and a one-line message meant for the action's author.
type Error struct {
	Kind    ErrorKind `json:"kind"`
	Message string    `json:"message"`
}

func (e *Error) Error() string { return string(e.Kind) + ": " + e.Message }

func errorf(kind ErrorKind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// KindOf returns the kind of the first *Error in err's chain, or "" if there is none.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}

// sticky reports whether a failure of this kind, raised inside a host call, fails the whole
// execution even if the action catches the exception: count limits and the fetch scheme policy
// are not something an action can opt out of. (An oversized setResponse and too much console
// output throw an error the action may catch, as on Lit.)
func (k ErrorKind) sticky() bool {
	switch k {
	case KindTooManyFetches, KindTooManySignatures, KindTooManyCalls, KindTooManyContracts, KindTooManyBroadcasts, KindBadFetchScheme, KindFetchedTooMuch:
		return true
	}
	return false
}
