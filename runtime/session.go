package runtime

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
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
	signatures map[string]json.RawMessage // nil value: reserved by a signing in progress
	violation  *Error                     // the first sticky failure
}

// run executes req on worker w. reusable is false when the worker must be retired.
func (p *Pool) run(ctx context.Context, w *proc, req Request, host Host) (res Result, reusable bool, err error) {
	lim := p.cfg.limits
	hostCtx, cancelHost := context.WithTimeout(ctx, lim.Timeout)
	s := &session{req: req, host: host, lim: lim, w: w, ctx: hostCtx, goOwned: p.goOwned, log: p.log, signatures: map[string]json.RawMessage{}}
	defer func() {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		cancelHost()
	}()

	exec := message{Type: msgExec, Exec: &execMsg{IPFSID: req.IPFSID, Auth: req.Auth}, parts: [][]byte{[]byte(req.Code), req.JSParams}}
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
		if sig != nil { // nil: a signing the action did not wait for
			sigs[name] = sig
		}
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
	return res, !r.Retire, nil
}

// serve answers one host call in its own goroutine: calls are concurrent (Promise.all), up to
// MaxConcurrentCalls at once. An honest worker holds the others back (engine.nativeCall); one
// that sends more is broken or subverted, and is killed.
func (s *session) serve(c *callMsg, body []byte) {
	s.mu.Lock()
	s.inflight++
	over := s.inflight > s.lim.MaxConcurrentCalls
	s.mu.Unlock()
	if over {
		s.w.kill(errorf(KindCrashed, "the worker process running the action misbehaved (more than %d host calls at once)", s.lim.MaxConcurrentCalls))
		return
	}
	started := s.goOwned(func() { // when the pool is closing, the worker is being killed: no answer needed
		value, respBody, err := s.callSafely(c, body)
		// Done before the answer is sent: the worker sends its next call as soon as it has it.
		s.mu.Lock()
		s.inflight--
		s.mu.Unlock()
		reply := message{Type: msgReply, Reply: &replyMsg{ID: c.ID, Value: value}}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				e = &Error{Kind: kindHostCall, Message: c.Op + ": " + err.Error()}
			}
			reply.Reply = &replyMsg{ID: c.ID, Error: e}
		} else if respBody != nil {
			reply.parts = [][]byte{respBody}
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
func (s *session) callSafely(c *callMsg, body []byte) (value json.RawMessage, respBody []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("a Lit Action host call panicked", "op", c.Op, "panic", r, "stack", string(debug.Stack()))
			value, respBody, err = nil, nil, fmt.Errorf("the node failed to serve this call (internal error)")
		}
	}()
	return s.call(c, body)
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

// call checks one host call against the limits and performs it.
func (s *session) call(c *callMsg, body []byte) (json.RawMessage, []byte, error) {
	s.mu.Lock()
	s.calls++
	over := s.calls > s.lim.MaxHostCalls
	s.mu.Unlock()
	if over {
		return nil, nil, s.violate(errorf(KindTooManyCalls, "more than %d calls out of the sandbox", s.lim.MaxHostCalls))
	}
	switch c.Op {
	case opFetch:
		return s.fetch(c.Args, body)
	case opSignECDSA:
		return s.signECDSA(c.Args)
	case opCheckConditions:
		var a struct {
			Conditions json.RawMessage `json:"conditions"`
			AuthSig    json.RawMessage `json:"authSig"`
			Chain      string          `json:"chain"`
		}
		if err := json.Unmarshal(c.Args, &a); err != nil {
			return nil, nil, fmt.Errorf("arguments: %w", err)
		}
		if len(a.Conditions) == 0 || a.Conditions[0] != '[' {
			return nil, nil, errors.New("conditions must be an array")
		}
		if len(a.Chain) > maxShortArg {
			return nil, nil, errors.New("chain is too long")
		}
		ok, err := s.host.CheckConditions(s.ctx, ConditionsRequest{Conditions: a.Conditions, AuthSig: a.AuthSig, Chain: a.Chain, Auth: s.req.Auth})
		if err != nil {
			return nil, nil, err
		}
		return jsonValue(ok)
	case opGetRPCURL:
		var a struct {
			Chain string `json:"chain"`
		}
		if err := json.Unmarshal(c.Args, &a); err != nil {
			return nil, nil, fmt.Errorf("arguments: %w", err)
		}
		if a.Chain == "" || len(a.Chain) > maxShortArg {
			return nil, nil, errors.New("chain is required")
		}
		u, err := s.host.RPCURL(s.ctx, a.Chain)
		if err != nil {
			return nil, nil, err
		}
		return jsonValue(u)
	case opIsPermittedAction:
		var a struct {
			TokenID string `json:"tokenId"`
			IPFSID  string `json:"ipfsId"`
		}
		if err := json.Unmarshal(c.Args, &a); err != nil {
			return nil, nil, fmt.Errorf("arguments: %w", err)
		}
		if a.TokenID == "" || a.IPFSID == "" || len(a.TokenID) > maxShortArg || len(a.IPFSID) > maxShortArg {
			return nil, nil, errors.New("tokenId and ipfsId are required")
		}
		ok, err := s.host.IsPermittedAction(s.ctx, a.TokenID, a.IPFSID)
		if err != nil {
			return nil, nil, err
		}
		return jsonValue(ok)
	}
	return nil, nil, fmt.Errorf("unknown host call %q", c.Op) // decodeHeader lets only known ops through
}

func jsonValue(v any) (json.RawMessage, []byte, error) {
	b, err := json.Marshal(v)
	return b, nil, err
}

type fetchArgs struct {
	URL     string      `json:"url"`
	Method  string      `json:"method"`
	Headers [][2]string `json:"headers"`
	BodyHex string      `json:"bodyHex"`
}

type fetchMeta struct {
	Status     int         `json:"status"`
	StatusText string      `json:"statusText"`
	Headers    [][2]string `json:"headers"`
	URL        string      `json:"url"`
}

func (s *session) fetch(args json.RawMessage, body []byte) (json.RawMessage, []byte, error) {
	s.mu.Lock()
	s.fetches++
	over := s.fetches > s.lim.MaxFetches
	s.mu.Unlock()
	if over {
		return nil, nil, s.violate(errorf(KindTooManyFetches, "more than %d fetches", s.lim.MaxFetches))
	}
	var a fetchArgs
	if err := json.Unmarshal(args, &a); err != nil {
		return nil, nil, fmt.Errorf("arguments: %w", err)
	}
	u, err := url.Parse(a.URL)
	if err != nil {
		return nil, nil, fmt.Errorf("invalid URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, nil, s.violate(errorf(KindBadFetchScheme, "fetch of a %q URL: only http and https are allowed", u.Scheme))
	}
	if u.Host == "" {
		return nil, nil, fmt.Errorf("URL %q has no host", a.URL)
	}
	if !validMethod(a.Method) {
		return nil, nil, fmt.Errorf("invalid method %q", a.Method)
	}
	if len(a.Headers) > maxFetchHeaders {
		return nil, nil, fmt.Errorf("%d headers, over the limit of %d", len(a.Headers), maxFetchHeaders)
	}
	header := http.Header{}
	size := 0
	for _, h := range a.Headers {
		size += len(h[0]) + len(h[1])
		if !validMethod(h[0]) || strings.ContainsAny(h[1], "\r\n\x00") {
			return nil, nil, fmt.Errorf("invalid header %q", h[0])
		}
		header.Add(h[0], h[1])
	}
	if size > maxFetchHeaderBytes {
		return nil, nil, fmt.Errorf("headers are %d bytes, over the limit of %d", size, maxFetchHeaderBytes)
	}
	if a.BodyHex != "" {
		if body, err = hex.DecodeString(a.BodyHex); err != nil {
			return nil, nil, errors.New("invalid binary body")
		}
	}
	if len(body) > s.lim.MaxFetchBody {
		return nil, nil, fmt.Errorf("request body is %d bytes, over the limit of %d", len(body), s.lim.MaxFetchBody)
	}
	resp, err := s.host.Fetch(s.ctx, FetchRequest{Method: a.Method, URL: u.String(), Header: header, Body: body}, s.lim.MaxFetchBody)
	if err != nil {
		return nil, nil, err
	}
	if len(resp.Body) > s.lim.MaxFetchBody {
		return nil, nil, fmt.Errorf("response body of %s is over the limit of %d bytes", u.Redacted(), s.lim.MaxFetchBody)
	}
	s.mu.Lock()
	s.fetched += len(resp.Body)
	overTotal := s.fetched > s.lim.MaxFetchTotal
	s.mu.Unlock()
	if overTotal {
		return nil, nil, s.violate(errorf(KindFetchedTooMuch, "fetch responses over %d bytes together", s.lim.MaxFetchTotal))
	}
	meta := fetchMeta{Status: resp.Status, StatusText: resp.StatusText, URL: u.String(), Headers: [][2]string{}}
	if meta.StatusText == "" {
		meta.StatusText = http.StatusText(resp.Status)
	}
	for k, vs := range resp.Header {
		for _, v := range vs {
			meta.Headers = append(meta.Headers, [2]string{strings.ToLower(k), v})
		}
	}
	v, err := json.Marshal(meta)
	if err != nil {
		return nil, nil, err
	}
	if resp.Body == nil {
		resp.Body = []byte{}
	}
	return v, resp.Body, nil
}

// validMethod reports whether s is an HTTP token (RFC 9110), as methods and header names are.
func validMethod(s string) bool {
	if s == "" || len(s) > 256 {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

func (s *session) signECDSA(args json.RawMessage) (json.RawMessage, []byte, error) {
	var a struct {
		ToSign    string `json:"toSign"`
		PublicKey string `json:"publicKey"`
		SigName   string `json:"sigName"`
	}
	if err := json.Unmarshal(args, &a); err != nil {
		return nil, nil, fmt.Errorf("arguments: %w", err)
	}
	s.mu.Lock()
	s.signings++
	over := s.signings > s.lim.MaxSignatures
	s.mu.Unlock()
	if over {
		return nil, nil, s.violate(errorf(KindTooManySignatures, "more than %d signatures", s.lim.MaxSignatures))
	}
	toSign, err := hex.DecodeString(a.ToSign)
	if err != nil || len(toSign) != 32 {
		return nil, nil, fmt.Errorf("toSign must be a 32-byte hash, got %d bytes", len(a.ToSign)/2)
	}
	if a.PublicKey == "" || len(a.PublicKey) > maxShortArg {
		return nil, nil, errors.New("publicKey is required")
	}
	if a.SigName == "" || len(a.SigName) > maxShortArg {
		return nil, nil, errors.New("sigName is required")
	}
	s.mu.Lock()
	_, taken := s.signatures[a.SigName]
	if !taken {
		s.signatures[a.SigName] = nil // reserved until the share arrives
	}
	s.mu.Unlock()
	if taken {
		return nil, nil, fmt.Errorf("sigName %q is already used in this execution", a.SigName)
	}
	share, err := s.host.SignECDSA(s.ctx, SignRequest{ToSign: toSign, PublicKey: a.PublicKey, SigName: a.SigName, IPFSID: s.req.IPFSID, Auth: s.req.Auth})
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		delete(s.signatures, a.SigName)
		return nil, nil, err
	}
	if !json.Valid(share) {
		delete(s.signatures, a.SigName)
		return nil, nil, errors.New("the node produced an invalid signature share")
	}
	s.signatures[a.SigName] = share
	return json.RawMessage("true"), nil, nil
}
