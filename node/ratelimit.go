package node

import (
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"

	"github.com/litmesh/litmesh/api"
)

// Rate limits of the client HTTP API (docs/security.md, "Floods"). Every /web route is
// budgeted per client IP before anything is decoded, and per authenticated address once the
// authSig verified; requests that take a presignature have a budget of their own per requester.
// A refusal is 429 with Retry-After. Every limit is a setting; 0 turns it off.

const (
	// limiterEntries bounds the remembered clients of each budget (least recently seen go
	// first); limiterIdle forgets a client's budget after it has been quiet this long.
	limiterEntries = 1 << 16
	limiterIdle    = 10 * time.Minute
	// handshakeWait is how long a client handshake waits for an attestation slot before 429.
	handshakeWait = 2 * time.Second
	// handshakeCacheTTL is how long a client attestation answer is kept for the same challenge.
	handshakeCacheTTL = time.Second
	// executeBodies bounds /web/execute bodies being read and checked at once (each up to
	// ~25 MiB): they are read before the authSig inside them can be checked.
	executeBodies = 4
)

// limits holds the node's budgets.
type limits struct {
	ip, address, presign *keyedLimiter
	// handshake bounds client attestation reports made at once; attest orders every report,
	// the peers' first.
	handshake chan struct{}
	attest    *attestQueue
	hsCache   *handshakeCache
	bodies    chan struct{}
}

func newLimits(cfg Config) *limits {
	l := &limits{
		ip:        newKeyedLimiter(cfg.RateLimitIP),
		address:   newKeyedLimiter(cfg.RateLimitAddress),
		presign:   newKeyedLimiter(cfg.RateLimitPresign),
		handshake: make(chan struct{}, max(cfg.HandshakeConcurrency, 1)),
		attest:    &attestQueue{},
		hsCache:   newHandshakeCache(),
		bodies:    make(chan struct{}, executeBodies),
	}
	return l
}

// keyedLimiter is one token bucket per key (an IP prefix, an address), refilled at perSecond
// with bursts of twice that, remembering at most limiterEntries keys.
type keyedLimiter struct {
	perSecond rate.Limit
	burst     int
	cache     *lru.Cache[string, *limiterEntry]
	now       func() time.Time
}

type limiterEntry struct {
	lim  *rate.Limiter
	seen time.Time
}

// newKeyedLimiter returns a limiter of perSecond per key, or nil (no limit) for 0.
func newKeyedLimiter(perSecond int) *keyedLimiter {
	if perSecond <= 0 {
		return nil
	}
	c, err := lru.New[string, *limiterEntry](limiterEntries)
	if err != nil {
		panic(err) // a positive constant size
	}
	return &keyedLimiter{perSecond: rate.Limit(perSecond), burst: 2 * perSecond, cache: c, now: time.Now}
}

// allow takes one token for key, or says how long until one is available.
func (k *keyedLimiter) allow(key string) (bool, time.Duration) {
	if k == nil {
		return true, 0
	}
	now := k.now()
	e, ok := k.cache.Get(key)
	if !ok || now.Sub(e.seen) > limiterIdle {
		e = &limiterEntry{lim: rate.NewLimiter(k.perSecond, k.burst)}
		k.cache.Add(key, e)
	}
	e.seen = now
	r := e.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// charge takes n tokens from key's budget, into debt if it holds fewer (the key waits longer).
func (k *keyedLimiter) charge(key string, n int) {
	if k == nil {
		return
	}
	now := k.now()
	e, ok := k.cache.Get(key)
	if !ok {
		return // an idle budget is full again anyway
	}
	e.lim.ReserveN(now, min(n, k.burst)) // not cancelled: the tokens are spent
}

// limitedError is a refusal by a budget: HTTP 429 with Retry-After.
type limitedError struct {
	err        *api.Error
	retryAfter time.Duration
}

func (e *limitedError) Error() string             { return e.err.Error() }
func (e *limitedError) Unwrap() error             { return e.err }
func (e *limitedError) RetryAfter() time.Duration { return e.retryAfter }

func limited(retry time.Duration, format string, args ...any) error {
	return &limitedError{err: api.Errorf(api.KindRateLimited, format, args...), retryAfter: retry}
}

// setRetryAfter adds the Retry-After header (whole seconds, at least 1) for a rate-limit error.
func setRetryAfter(w http.ResponseWriter, err error) {
	var le *limitedError
	if errors.As(err, &le) {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(le.retryAfter.Seconds())))))
	}
}

// clientKey is the budget key of a request's client: its IP, or for IPv6 its /64 (one
// subscriber's allocation: an attacker has far more addresses than that in it).
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return host
	}
	if ip4 := ip.To4(); ip4 != nil {
		return ip4.String()
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// perIP is the middleware that budgets every request by client IP before the handler reads
// anything.
func (l *limits) perIP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ok, retry := l.ip.allow(clientKey(r)); !ok {
			err := limited(retry, "too many requests from this address; retry in %s", retry.Round(time.Millisecond))
			setRetryAfter(w, err)
			writeError(w, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// allowAddress takes one request from an authenticated address's budget.
func (n *Node) allowAddress(addr fmt.Stringer) error {
	if ok, retry := n.limits.address.allow(addr.String()); !ok {
		return limited(retry, "too many requests for %s; retry in %s", addr, retry.Round(time.Millisecond))
	}
	return nil
}

// allowPresign takes one presignature from a requester's budget (an address or an action).
func (n *Node) allowPresign(requester string) error {
	if ok, retry := n.limits.presign.allow(requester); !ok {
		return limited(retry, "too many PKP signatures for %s; retry in %s", requester, retry.Round(time.Millisecond))
	}
	return nil
}

// chargePresign takes n more presignatures from a requester's budget, going into debt if need
// be: the cost of a request that burnt a presignature without a signature.
func (n *Node) chargePresign(requester string, count int) {
	n.limits.presign.charge(requester, count)
}

// readExecuteBody reads a /web/execute body of at most limit bytes, a few bodies at a time:
// a body is held whole before its authSig can be checked.
func (n *Node) readExecuteBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	wait := time.NewTimer(handshakeWait)
	defer wait.Stop()
	select {
	case n.limits.bodies <- struct{}{}:
		defer func() { <-n.limits.bodies }()
	case <-wait.C:
		return nil, limited(time.Second, "too many large requests at once; retry shortly")
	case <-r.Context().Done():
		return nil, api.Errorf(api.KindUnavailable, "request canceled")
	}
	return readBody(w, r, limit)
}
