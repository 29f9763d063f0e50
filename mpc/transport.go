// Package mpc holds litmesh's threshold cryptography: distributed key generation and resharing,
// threshold BLS and identity-based encryption, threshold ECDSA with presignatures, HD key
// derivation and the encrypted keystore (in its subpackages).
//
// Every protocol here is network-agnostic: it talks to its peers only through a Transport, so
// the same code runs over libp2p streams (package p2p adapts it) and over in-memory channels in
// tests (package mpctest). This package must not import libp2p or any other litmesh package.
package mpc

import (
	"context"
	"errors"
)

// Message is one payload received from a session member.
type Message struct {
	// From is the sender's index in the session's member list.
	From int
	// Payload is the sender's bytes, unvalidated: decode with size limits before use.
	Payload []byte
}

// Transport moves the messages of one protocol session between its members, addressed by their
// index in the session's member list (the same ordered list on every member).
//
// Implementations authenticate the sender (From is who really sent it), keep the order of the
// messages of any one sender, and bound how much they buffer. They do not provide broadcast
// consistency: a protocol that needs every member to see the same value from a sender must
// check that itself (for example by echoing a hash of what it received).
type Transport interface {
	// Self is this member's index in the session's member list.
	Self() int
	// Members is the number of members in the session.
	Members() int
	// Send delivers payload to member `to`. Sending to Self is an error.
	Send(ctx context.Context, to int, payload []byte) error
	// Receive blocks until the next message for this session arrives or ctx ends.
	Receive(ctx context.Context) (Message, error)
}

// ErrClosed is returned by Receive and Send after the session was closed.
var ErrClosed = errors.New("mpc: session closed")

// Broadcast sends payload to every member but Self, stopping at the first failure.
func Broadcast(ctx context.Context, t Transport, payload []byte) error {
	for i := 0; i < t.Members(); i++ {
		if i == t.Self() {
			continue
		}
		if err := t.Send(ctx, i, payload); err != nil {
			return err
		}
	}
	return nil
}
