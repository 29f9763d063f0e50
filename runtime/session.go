package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"
)

// kindHostCall marks the failure of one host call: the action sees it as a rejected promise and
// may handle it. It never becomes an execution's kind by itself.
const kindHostCall ErrorKind = "host_call"

// rssPoll is how often a busy worker's resident memory is checked.
const rssPoll = 50 * time.Millisecond

// Bounds on fetch arguments, beyond the body limit.
const (
	maxFetchHeaders     = 100
	maxFetchHeaderBytes = 64 << 10
	maxShortArg         = 1024 // publicKey, sigName, chain, tokenId, ipfsId
)

// session is the parent's side of one execution on one worker: it serves the worker's host
// calls, counts them against the limits, and collects the signature shares.
type session struct {
	req     Request
	host    Host
	lim     Limits
	w       *proc
	ctx     context.Context   // host calls run under it; canceled when the execution ends
	goOwned func(func()) bool // the pool's: Close waits for host call goroutines
	log     *slog.Logger

	mu         sync.Mutex
	closed     bool // the execution ended: answers are dropped
	calls      int
	inflight   int // calls being served now
	fetches    int
	fetched    int // response body bytes of all fetches so far
	signings   int
	contracts  int
	broadcasts int
	sigUses    map[string]int             // signing calls per sigName, in the order the worker made them
	signatures map[string]json.RawMessage // this node's shares by sigName; a later signing replaces an earlier one
	claims     map[string]json.RawMessage // claimKey results by keyId
	frames     map[uint64]*callFrame      // the actions running: 0 is the root, children by the call that started them
	violation  *Error                     // the first sticky failure
}

// callFrame is one action of the execution's call stack as the parent knows it: the worker says
// which frame a call comes from, and the parent accepts only frames it started and that have
// not ended.
type callFrame struct {
	ipfsID string
	stack  []string // the root's CID first, ipfsID last
	depth  int      // 0 for the root
}

// run executes req on worker w. reusable is false when the worker must be retired.
func (p *Pool) run(ctx context.Context, w *proc, req Request, host Host) (res Result, reusable bool, err error) {
	lim := p.cfg.limits
	hostCtx, cancelHost := context.WithTimeout(ctx, lim.Timeout)
	s := &session{req: req, host: host, lim: lim, w: w, ctx: hostCtx, goOwned: p.goOwned, log: p.log,
		signatures: map[string]json.RawMessage{}, claims: map[string]json.RawMessage{}, sigUses: map[string]int{},
		frames: map[uint64]*callFrame{0: {ipfsID: req.IPFSID, stack: rootStack(req.IPFSID)}}}
	defer func() {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		cancelHost()
	}()

	if err := checkHeaders(req.Headers); err != nil {
		return Result{}, true, err
	}
	exec := message{Type: msgExec, Exec: &execMsg{IPFSID: req.IPFSID, Auth: req.Auth, Headers: req.Headers}, parts: [][]byte{[]byte(req.Code), req.JSParams}}
	if err := w.send(exec); err != nil {
		if errors.Is(err, errFrameTooLarge) {
			return Result{}, true, errorf(KindBadRequest, "request too large for the runtime: %v", err)
		}
		w.kill(nil)
		return Result{}, false, errorf(KindCrashed, "send the action to its worker: %v", err)
	}

	backstop := time.NewTimer(lim.Timeout + deadlineLeft)
	defer backstop.Stop()
	rss := time.NewTicker(rssPoll)
	defer rss.Stop()
	done := ctx.Done()
	var graceC <-chan time.Time
	for {
		select {
		case m, ok := <-w.frames:
			if !ok {
				return Result{}, false, p.deathError(w)
			}
			switch m.Type {
			case msgCall:
				s.serve(m.Call, m.part(0))
			case msgResult:
				return s.finish(m)
			default:
				p.log.Warn("runtime worker broke the protocol; killing it", "pid", w.pid, "frame", m.Type)
				w.kill(errorf(KindCrashed, "the worker process running the action misbehaved (%s frame during an execution)", m.Type))
			}
		case <-done:
			done = nil
			if err := w.send(message{Type: msgCancel}); err != nil {
				w.kill(errorf(KindCanceled, "execution canceled: %v", ctx.Err()))
			}
			grace := time.NewTimer(cancelGrace)
			defer grace.Stop()
			graceC = grace.C
		case <-graceC:
			w.kill(errorf(KindCanceled, "execution canceled: %v", ctx.Err()))
		case <-backstop.C:
			w.kill(errorf(KindTimeout, "action exceeded its time limit of %s (its worker did not stop and was killed)", lim.Timeout))
		case <-rss.C:
			if n := w.rss(); n > lim.WorkerMemory {
				w.kill(errorf(KindMemory, "action exceeded its memory limit: its worker process used %d MiB, over the %d MiB cap", n>>20, lim.WorkerMemory>>20))
			}
		}
	}
}

func (p *Pool) deathError(w *proc) *Error {
	e := w.deathError()
	select {
	case <-p.life.Done():
		return errorf(KindUnavailable, "the runtime shut down during the execution")
	default:
	}
	if w.killedFor() == nil {
		p.log.Warn("runtime worker died during an execution; replacing it", "pid", w.pid, "kind", e.Kind, "status", w.death())
	}
	return e
}

// finish turns the worker's result into the execution's outcome.
func (s *session) finish(m message) (Result, bool, error) {
	s.mu.Lock()
	s.closed = true
	violation := s.violation
	sigs := make(map[string]json.RawMessage, len(s.signatures))
	for name, sig := range s.signatures {
		sigs[name] = sig
	}
	claims := make(map[string]json.RawMessage, len(s.claims))
	for id, c := range s.claims {
		claims[id] = c
	}
	s.mu.Unlock()

	r := m.Result
	res := Result{Response: string(m.part(0)), Logs: string(m.part(1))}
	if len(res.Logs) > s.lim.MaxLogs+64 {
		res.Logs = res.Logs[:s.lim.MaxLogs]
	}
	var failure *Error
	switch {
	case violation != nil:
		failure = violation // the first limit broken, even if the action caught it
	case r.Error != nil:
		failure = r.Error
	case len(res.Response) > s.lim.MaxResponse:
		failure = errorf(KindResponseTooLarge, "response is %d bytes, over the %d-byte limit", len(res.Response), s.lim.MaxResponse)
	}
	if failure != nil {
		res.Response = ""
		return res, !r.Retire, failure
	}
	if len(sigs) > 0 {
		res.Signatures = sigs
	}
	if len(claims) > 0 {
		res.Claims = claims
	}
	return res, !r.Retire, nil
}

// serve answers one host call in its own goroutine: calls are concurrent (Promise.all), up to
// MaxConcurrentCalls at once. An honest worker holds the others back (engine.nativeCall); one
// that sends more is broken or subverted, and is killed. What depends on the order the action
// made its calls in (which frame is running, how often a sigName was used) is settled here, in
// the order the worker sent them.
func (s *session) serve(c *callMsg, body []byte) {
	if c.Op == opChildDone { // a notice, not a call: it has no answer and takes no slot
		s.endFrame(c.Frame)
		return
	}
	s.mu.Lock()
	s.inflight++
	over := s.inflight > s.lim.MaxConcurrentCalls
	f := s.frames[c.Frame]
	s.mu.Unlock()
	if over {
		s.w.kill(errorf(KindCrashed, "the worker process running the action misbehaved (more than %d host calls at once)", s.lim.MaxConcurrentCalls))
		return
	}
	seq := 0
	if c.Op == opSign {
		seq = s.sigUse(c.Args)
	}
	started := s.goOwned(func() { // when the pool is closing, the worker is being killed: no answer needed
		var (
			reply message
			err   error
		)
		if f == nil {
			err = fmt.Errorf("call from action frame %d, which is not running", c.Frame)
		} else {
			reply, err = s.callSafely(c, f, seq, body)
		}
		// Done before the answer is sent: the worker sends its next call as soon as it has it.
		s.mu.Lock()
		s.inflight--
		s.mu.Unlock()
		reply.Type = msgReply
		if reply.Reply == nil {
			reply.Reply = &replyMsg{}
		}
		reply.Reply.ID = c.ID
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				e = &Error{Kind: kindHostCall, Message: err.Error()}
			}
			reply = message{Type: msgReply, Reply: &replyMsg{ID: c.ID, Error: e}}
		}
		// Answers that arrive after the execution ended are harmless (call IDs are never reused
		// by a worker) but pointless, so they are dropped.
		s.mu.Lock()
		closed := s.closed
		s.mu.Unlock()
		if closed {
			return
		}
		if err := s.w.send(reply); err != nil {
			s.w.kill(nil) // the pipe is broken; the frames loop reports the death
		}
	})
	if !started {
		s.mu.Lock()
		s.inflight--
		s.mu.Unlock()
	}
}

// callSafely is call, with a panic in the node's code behind it turned into that call's error:
// a bug reachable from an action must fail the action, never the node.
func (s *session) callSafely(c *callMsg, f *callFrame, seq int, body []byte) (reply message, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("a Lit Action host call panicked", "op", c.Op, "panic", r, "stack", string(debug.Stack()))
			reply, err = message{}, fmt.Errorf("the node failed to serve this call (internal error)")
		}
	}()
	return s.call(c, f, seq, body)
}

// violate records a sticky failure and returns it for the call's answer.
func (s *session) violate(e *Error) *Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.violation == nil {
		s.violation = e
	}
	return e
}

// Bounds on Request.Headers (Lit.Headers).
const (
	maxHeaders     = 256
	maxHeaderBytes = 64 << 10
)

func checkHeaders(hs [][2]string) *Error {
	size := 0
	for _, h := range hs {
		size += len(h[0]) + len(h[1])
	}
	if len(hs) > maxHeaders || size > maxHeaderBytes {
		return errorf(KindBadRequest, "%d request headers of %d bytes, over the limits of %d and %d", len(hs), size, maxHeaders, maxHeaderBytes)
	}
	return nil
}
