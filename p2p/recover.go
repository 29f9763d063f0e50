package p2p

import (
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/libp2p/go-libp2p/core/peer"
)

// recoverPanic, deferred first thing in a goroutine that handles a peer's data, ends that
// goroutine instead of the node when a bug panics on hostile input: the panic is logged with
// its stack (an error: a bug to fix) and the caller's deferred cleanup still runs.
func recoverPanic(log *slog.Logger, what string, p peer.ID) {
	if v := recover(); v != nil {
		log.Error("recovered from a panic handling a peer's data", "in", what, "peer", p, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	}
}
