package p2p

import (
	"context"
	"errors"
	"time"

	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/peer"
)

// Policy decides whether a newly connected peer is trusted. Admit runs once per peer when its
// first connection is up (after the Noise/TLS handshake authenticated its peer ID), in its own
// goroutine with a deadline. It returns why the peer is trusted, or an error saying why not;
// a rejected peer is disconnected and refused for a while.
type Policy interface {
	Admit(ctx context.Context, h host.Host, p peer.ID) (reason string, err error)
}

// InsecureTrustAuthenticated trusts every peer whose secure channel handshake succeeded. It
// proves the peer holds the private key of its peer ID, and nothing about the code it runs or
// whether it is staked, so it is for tests of the mesh itself only: a node uses Attested. The
// name says so, and a Config without a Policy is refused rather than defaulting to it.
type InsecureTrustAuthenticated struct{}

// Admit trusts p.
func (InsecureTrustAuthenticated) Admit(context.Context, host.Host, peer.ID) (string, error) {
	return "authenticated peer ID (Noise/TLS); attestation and stake not checked", nil
}

// ErrTransient marks an admission failure that says nothing about the peer's honesty — the
// stream could not be opened, the peer timed out — so it is refused only briefly and retried
// on the next connection, instead of being banned.
var ErrTransient = errors.New("transient")

// Refusal times for peers that failed admission.
const (
	rejectFor          = time.Minute
	rejectTransientFor = 5 * time.Second
)
