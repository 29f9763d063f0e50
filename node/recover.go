package node

import (
	"fmt"
	"log/slog"
	"runtime/debug"
)

// A bug that panics on a peer's or a client's data must end the goroutine handling it, not the
// node (a panic in any goroutine kills the process). Goroutines that handle outside data defer
// one of these first; HTTP handlers have recoverPanics.

// recoverGoroutine logs a panic (an error: a bug to fix) and lets the goroutine end.
func recoverGoroutine(log *slog.Logger, what string) {
	if v := recover(); v != nil {
		log.Error("recovered from a panic", "in", what, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	}
}

// recoverAsError turns a panic into the function's error.
func recoverAsError(err *error, what string) {
	if v := recover(); v != nil {
		*err = fmt.Errorf("%s: internal error (recovered panic: %v)", what, v)
		slog.Error("recovered from a panic", "in", what, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	}
}
