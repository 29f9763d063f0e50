package client

import (
	"context"
	"errors"
	"time"

	"github.com/litmesh/litmesh/api"
)

// A node that answers rate_limited (429) refused before doing anything: this requester is over
// its budget there for a moment (docs/security.md, "Floods"). The node is asked again after
// rateLimitWait, doubling, at most rateLimitRetries times (375 ms of waiting in all) before its
// answer stands. Decryption shares and Lit Action executions use it; PKP signing ends the
// attempt at once (every member must confirm) and tries again after the same waits.
const (
	rateLimitWait    = 25 * time.Millisecond
	rateLimitRetries = 4
)

// retryRateLimited calls do, and again after a wait while it answers rate_limited (see above).
func retryRateLimited[T any](ctx context.Context, do func() (T, error)) (T, error) {
	v, err := do()
	for try := 0; try < rateLimitRetries && isRateLimited(err); try++ {
		if sleepCtx(ctx, rateLimitWait<<try) != nil {
			return v, err
		}
		v, err = do()
	}
	return v, err
}

// sleepCtx waits d, or until ctx ends (its error).
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func isRateLimited(err error) bool {
	var ae *api.Error
	return errors.As(err, &ae) && ae.Kind == api.KindRateLimited
}
