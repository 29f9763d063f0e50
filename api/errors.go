// Package api defines the client HTTP API of a litmesh node: request and response types and the
// error kinds, shared by the node (which serves them) and the client (which calls them) so the
// two cannot drift. It holds wire types only: no logic beyond validation and error mapping, and
// it imports no other litmesh package.
package api

import (
	"errors"
	"fmt"
	"net/http"
)

// Kind classifies an error a user or peer sees. Each kind maps to one HTTP status.
type Kind string

// The error kinds. Their string values are part of the wire format.
const (
	KindBadRequest   Kind = "bad_request"  // 400: malformed or invalid input; the message names the field
	KindUnauthorized Kind = "unauthorized" // 401: missing, malformed or failing auth material
	KindForbidden    Kind = "forbidden"    // 403: authenticated, but conditions or permissions not met
	KindNotFound     Kind = "not_found"    // 404: unknown PKP, CID, route
	KindConflict     Kind = "conflict"     // 409: replayed request id, mismatched pending request
	KindTooLarge     Kind = "too_large"    // 413: body or payload over its limit
	KindRateLimited  Kind = "rate_limited" // 429
	KindBadGateway   Kind = "bad_gateway"  // 502: an upstream (gateway, peer) sent something invalid
	KindUnavailable  Kind = "unavailable"  // 503: not enough peers, no keys yet, epoch changing (retryable)
	KindTimeout      Kind = "timeout"      // 504: a dependency (peer, chain, IPFS) did not answer in time
	KindInternal     Kind = "internal"     // 500: a bug; the message says nothing secret
)

var statusOf = map[Kind]int{
	KindBadRequest:   http.StatusBadRequest,
	KindUnauthorized: http.StatusUnauthorized,
	KindForbidden:    http.StatusForbidden,
	KindNotFound:     http.StatusNotFound,
	KindConflict:     http.StatusConflict,
	KindTooLarge:     http.StatusRequestEntityTooLarge,
	KindRateLimited:  http.StatusTooManyRequests,
	KindBadGateway:   http.StatusBadGateway,
	KindUnavailable:  http.StatusServiceUnavailable,
	KindTimeout:      http.StatusGatewayTimeout,
	KindInternal:     http.StatusInternalServerError,
}

// Status is the HTTP status for the kind (500 for an unknown kind).
func (k Kind) Status() int {
	if s, ok := statusOf[k]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// Error is a typed error for users and peers: a kind plus a one-line message, and — when the
// error is a refusal because of a signer's fault the node can prove — the proof.
type Error struct {
	Kind     Kind      `json:"kind"`
	Message  string    `json:"message"`
	Evidence *Evidence `json:"evidence,omitempty"`
}

func (e *Error) Error() string { return string(e.Kind) + ": " + e.Message }

// ErrorBody is the JSON body of every error response: {"error": {"kind", "message"}}.
type ErrorBody struct {
	Error *Error `json:"error"`
}

// Errorf builds an *Error of the given kind.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// KindOf returns the kind of the first *Error in err's chain, or KindInternal.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}
