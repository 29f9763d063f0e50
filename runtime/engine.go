package runtime

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	v8 "github.com/tommie/v8go"
	"golang.org/x/crypto/sha3"
)

//go:embed js/prelude.js
var preludeJS string

//go:embed js/ethers-5.7.2.umd.min.js
var ethersJS string

// maxTimers bounds the timers one execution may have pending at once.
const maxTimers = 10_000

// engine is the V8 side of a worker: one warm isolate, with the prelude and ethers compiled
// once, running one execution at a time, each in a fresh context. It lives only in worker
// processes.
type engine struct {
	lim      Limits
	iso      *v8.Isolate
	prelude  *v8.UnboundScript
	ethers   *v8.UnboundScript
	natives  *v8.ObjectTemplate
	fns      []*v8.FunctionTemplate // kept referenced: templates are freed by finalizers
	gcCtx    *v8.Context            // a context no action sees, holding V8's gc() (--expose-gc)
	gc       *v8.Function
	send     func(message) error // to the parent
	replies  *inbox              // host call answers, from the worker's reader
	nextCall uint64              // host call IDs are unique for the worker's life, so a late answer never matches a new call

	mu  sync.Mutex // guards cur and the termination fields of the current execution
	cur *execution
}

// execution is the state of one run. Only the engine's goroutine touches it, except the
// fields guarded by engine.mu.
type execution struct {
	ctx       *v8.Context
	fireTimer *v8.Function
	pending   map[uint64]*v8.PromiseResolver
	inflight  int       // host calls sent and not yet answered: at most Limits.MaxConcurrentCalls
	queued    []message // host calls waiting for one of those to be answered
	timers    map[int64]time.Time
	logs      strings.Builder
	truncated bool
	response  []byte
	failure   *Error // a sticky failure raised inside the sandbox (response too large, uncaught timer exception)

	// guarded by engine.mu
	finished   bool
	terminated ErrorKind     // why TerminateExecution was called; "" if it was not
	stop       chan struct{} // closed on termination, wakes the event loop
}

func newEngine(lim Limits, send func(message) error, replies *inbox) (*engine, error) {
	e := &engine{lim: lim, send: send, replies: replies}
	// Before the isolate exists. --expose-gc: collect() needs gc(); the prelude hides it from
	// actions. --no-compilation-cache: V8's cache of compiled scripts keeps every action's
	// source alive for a dozen or so full collections after its context is gone, so a run of
	// large actions could fill the heap with sources no execution uses; the prelude and ethers
	// are compiled once per isolate and do not need it.
	v8.SetFlags("--expose-gc", "--no-compilation-cache")
	e.iso = v8.NewIsolate(v8.WithResourceConstraints(uint64(min(16<<20, lim.MaxHeap)), uint64(lim.MaxHeap)))
	e.gcCtx = v8.NewContext(e.iso)
	gc, err := e.gcCtx.RunScript("gc", "litmesh:gc.js")
	if err == nil {
		e.gc, err = gc.AsFunction()
	}
	if err != nil {
		return nil, fmt.Errorf("find V8's gc: %w", err)
	}
	if e.prelude, err = e.iso.CompileUnboundScript(preludeJS, "litmesh:prelude.js", v8.CompileOptions{}); err != nil {
		return nil, fmt.Errorf("compile the prelude: %w", err)
	}
	// The UMD bundle takes its CommonJS branch when module and exports exist, so wrapping it in
	// a function gives a factory that builds a fresh ethers in whatever context calls it.
	bundle, err := lazyENS(ethersJS)
	if err != nil {
		return nil, err
	}
	wrapped := "(function () { var module = { exports: {} }, exports = module.exports;\n" + bundle + "\n;return module.exports; })"
	if e.ethers, err = e.iso.CompileUnboundScript(wrapped, "litmesh:ethers-5.7.2.js", v8.CompileOptions{}); err != nil {
		return nil, fmt.Errorf("compile ethers: %w", err)
	}
	if err := e.warmEthers(); err != nil {
		return nil, err
	}
	e.natives = v8.NewObjectTemplate(e.iso)
	for name, fn := range map[string]func(*execution, *v8.FunctionCallbackInfo) (*v8.Value, error){
		"log":             e.nativeLog,
		"setResponse":     e.nativeSetResponse,
		"call":            e.nativeCall,
		"setTimer":        e.nativeSetTimer,
		"clearTimer":      e.nativeClearTimer,
		"random":          e.nativeRandom,
		"pubkeyToTokenId": e.nativePubkeyToTokenID,
		"ethers":          e.nativeEthers,
	} {
		tmpl := v8.NewFunctionTemplateWithError(e.iso, e.native(fn))
		e.fns = append(e.fns, tmpl)
		if err := e.natives.Set(name, tmpl); err != nil {
			return nil, fmt.Errorf("install native %s: %w", name, err)
		}
	}
	return e, nil
}

// warmEthers instantiates ethers once in a context no action sees, then drops it. V8 compiles
// a function's bytecode on its first call and keeps it with the isolate's compiled script, so
// the first action to use ethers does not pay for compiling the bundle's load path (~50 ms).
// Only code is kept; the objects built here die with their context.
func (e *engine) warmEthers() error {
	ctx := v8.NewContext(e.iso)
	defer ctx.Close()
	factory, err := e.ethers.Run(ctx)
	if err == nil {
		var fn *v8.Function
		if fn, err = factory.AsFunction(); err == nil {
			_, err = fn.Call(v8.Undefined(e.iso))
		}
	}
	if err != nil {
		return fmt.Errorf("load ethers: %w", err)
	}
	return nil
}

// terminate stops the JavaScript of st if it is still running. It may be called from any
// goroutine; it is a no-op once st has finished, so a late timer can never poison the next
// execution. The worker retires after any terminated execution.
func (e *engine) terminate(st *execution, why ErrorKind) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if st == nil || st.finished || st.terminated != "" {
		return
	}
	st.terminated = why
	close(st.stop)
	e.iso.TerminateExecution()
}

// cancelCurrent terminates whatever is running, for a cancel frame from the parent.
func (e *engine) cancelCurrent() {
	e.mu.Lock()
	st := e.cur
	e.mu.Unlock()
	e.terminate(st, KindCanceled)
}

// run executes one action and returns the result frame for the parent.
func (e *engine) run(ex *execMsg, code, params []byte) message {
	st := &execution{
		pending: map[uint64]*v8.PromiseResolver{},
		timers:  map[int64]time.Time{},
		stop:    make(chan struct{}),
	}
	e.replies.take() // answers to calls of earlier executions match no call of this one
	st.ctx = v8.NewContext(e.iso)
	defer st.ctx.Close()
	heapLimit := e.iso.GetHeapStatistics().HeapSizeLimit

	e.mu.Lock()
	e.cur = st
	e.mu.Unlock()
	watchdog := time.AfterFunc(e.lim.Timeout, func() { e.terminate(st, KindTimeout) })

	failure := e.execute(st, ex, code, params, heapLimit)

	watchdog.Stop()
	e.mu.Lock()
	st.finished = true
	e.cur = nil
	terminated := st.terminated
	e.mu.Unlock()

	var stopped *Error
	switch {
	case e.iso.GetHeapStatistics().HeapSizeLimit > heapLimit:
		// v8go's near-heap-limit callback raised the limit to let the termination unwind: the
		// action hit the heap limit, and this isolate must not be reused.
		stopped = errorf(KindMemory, "action exceeded its memory limit (%d MiB heap)", e.lim.MaxHeap>>20)
	case terminated == KindTimeout:
		stopped = errorf(KindTimeout, "action exceeded its time limit of %s", e.lim.Timeout)
	case terminated == KindCanceled:
		stopped = errorf(KindCanceled, "execution canceled")
	}
	res := &resultMsg{Error: failure, Retire: stopped != nil}
	switch {
	case st.failure != nil:
		res.Error = st.failure // the first limit the action broke, not what followed from it
	case stopped != nil:
		res.Error = stopped
	}
	logs := st.logs.String()
	if st.truncated {
		logs += "[logs truncated]\n"
	}
	return message{Type: msgResult, Result: res, parts: [][]byte{st.response, []byte(logs)}}
}

// execute runs the prelude, the action and its event loop. It returns the action's failure,
// or nil; terminations are classified by the caller.
func (e *engine) execute(st *execution, ex *execMsg, code, params []byte, heapLimit uint64) *Error {
	ctx := st.ctx
	authJSON, err := json.Marshal(ex.Auth)
	if err != nil {
		return errorf(KindBadRequest, "encode auth: %v", err)
	}
	if err := e.setUp(st, string(params), string(authJSON), ex.IPFSID); err != nil {
		if ctx.Isolate().IsExecutionTerminating() || e.stopped(st) {
			return nil
		}
		return errorf(KindBadRequest, "set up the action's globals: %v", err)
	}

	// Not CompileUnboundScript: v8go keeps every unbound script for the isolate's life, which
	// would leak each action's source and bytecode into every later execution's heap.
	val, err := ctx.RunScript(string(code), "action.js")
	if err != nil {
		if e.stopped(st) || e.iso.GetHeapStatistics().HeapSizeLimit > heapLimit {
			return nil
		}
		kind := KindException
		if isCompileError(err) {
			kind = KindSyntax
		}
		return &Error{Kind: kind, Message: describeJSError(err)}
	}
	var top *v8.Promise
	if val != nil && val.IsPromise() {
		top, _ = val.AsPromise()
	}

	// The event loop: drain microtasks, then wait for a host call answer or a timer, until
	// nothing can make progress any more.
	for {
		ctx.PerformMicrotaskCheckpoint()
		if e.stopped(st) || st.failure != nil || e.iso.GetHeapStatistics().HeapSizeLimit > heapLimit {
			break
		}
		if top != nil && top.State() == v8.Rejected {
			break // an uncaught rejection ends the action at once, as in Deno
		}
		if len(st.pending) == 0 && len(st.timers) == 0 {
			break
		}
		var (
			timer  *time.Timer
			timerC <-chan time.Time
		)
		if due, ok := st.nextTimer(); ok {
			timer = time.NewTimer(time.Until(due))
			timerC = timer.C
		}
		select {
		case <-e.replies.ready():
			for _, m := range e.replies.take() {
				e.deliver(st, m)
			}
		case <-timerC:
			e.fireDueTimers(st)
		case <-st.stop:
		}
		if timer != nil {
			timer.Stop()
		}
	}
	if st.failure != nil {
		return st.failure
	}
	if e.stopped(st) {
		return nil
	}
	if top != nil {
		switch top.State() {
		case v8.Rejected:
			return &Error{Kind: KindException, Message: describeRejection(top.Result())}
		case v8.Pending:
			return errorf(KindException, "the action's top-level promise never settled: it awaits something that nothing will resolve")
		}
	}
	return nil
}

func (e *engine) stopped(st *execution) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return st.terminated != ""
}

// setUp runs the prelude in the fresh context: the Lit globals, jsParams, timers.
func (e *engine) setUp(st *execution, params, authJSON, ipfsID string) error {
	fnv, err := e.prelude.Run(st.ctx)
	if err != nil {
		return err
	}
	fn, err := fnv.AsFunction()
	if err != nil {
		return err
	}
	nat, err := e.natives.NewInstance(st.ctx)
	if err != nil {
		return err
	}
	args := make([]v8.Valuer, 0, 4)
	args = append(args, nat)
	for _, s := range []string{params, authJSON, ipfsID} {
		v, err := jsValue(st.ctx, s)
		if err != nil {
			return err
		}
		args = append(args, v)
	}
	ft, err := fn.Call(v8.Undefined(e.iso), args...)
	if err != nil {
		return err
	}
	st.fireTimer, err = ft.AsFunction()
	return err
}

// nextTimer is when the earliest pending timer is due.
func (st *execution) nextTimer() (time.Time, bool) {
	var (
		next  time.Time
		found bool
	)
	for _, due := range st.timers {
		if !found || due.Before(next) {
			next, found = due, true
		}
	}
	return next, found
}

// fireDueTimers runs every timer that is due, earliest first; an exception thrown by a timer
// callback fails the execution, as an uncaught exception would in Deno.
func (e *engine) fireDueTimers(st *execution) {
	now := time.Now()
	var due []int64
	for id, t := range st.timers {
		if !t.After(now) {
			due = append(due, id)
		}
	}
	sort.Slice(due, func(i, j int) bool {
		ti, tj := st.timers[due[i]], st.timers[due[j]]
		return ti.Before(tj) || (ti.Equal(tj) && due[i] < due[j])
	})
	for _, id := range due {
		delete(st.timers, id)
		idv, err := jsValue(st.ctx, id)
		if err != nil {
			st.failure = errorf(KindException, "timer: %v", err)
			return
		}
		if _, err := st.fireTimer.Call(v8.Undefined(e.iso), idv); err != nil {
			if !e.stopped(st) {
				st.failure = &Error{Kind: KindException, Message: "uncaught in a timer callback: " + describeJSError(err)}
			}
			return
		}
		st.ctx.PerformMicrotaskCheckpoint()
	}
}

// deliver resolves the promise of a host call with the parent's answer: {value, body} or
// {error}. A host failure resolves rather than rejects; the prelude turns it into an Error of
// the action's own context.
func (e *engine) deliver(st *execution, m message) {
	r := m.Reply
	resolver, ok := st.pending[r.ID]
	if !ok {
		return // an answer to a call of an earlier execution
	}
	delete(st.pending, r.ID)
	st.inflight--
	defer e.sendQueued(st)
	answer := map[string]any{}
	if r.Error != nil {
		if r.Error.Kind.sticky() && st.failure == nil {
			st.failure = r.Error
		}
		answer["error"] = r.Error.Message
	} else {
		value := r.Value
		if len(value) == 0 {
			value = json.RawMessage("null")
		}
		answer["value"] = value
		if b := m.part(0); b != nil {
			answer["body"] = strings.ToValidUTF8(string(b), "\uFFFD")
		}
	}
	v, err := jsValue(st.ctx, answer)
	if err != nil {
		v, _ = jsValue(st.ctx, map[string]string{"error": "host call answer: " + err.Error()})
	}
	resolver.Resolve(v)
}

// jsValue makes v (anything JSON can encode) a value of ctx. Go-made values must come from
// here, never from v8.NewValue or v8.NewError: v8go gives those to the isolate's internal
// context, where they live as long as the isolate and, for error objects, carry that shared
// context's prototypes into every execution.
func jsValue(ctx *v8.Context, v any) (*v8.Value, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return v8.JSONParse(ctx, string(b))
}

// fail is a native function's failure: an {error, type} object the prelude throws as an Error
// of that type. Natives never return Go errors, which v8go would turn into internal-context
// strings.
func fail(info *v8.FunctionCallbackInfo, typ, msg string) (*v8.Value, error) {
	return jsValue(info.Context(), map[string]string{"error": msg, "type": typ})
}

// native wraps a native function with the lookup of the running execution.
func (e *engine) native(fn func(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error)) v8.FunctionCallbackWithError {
	return func(info *v8.FunctionCallbackInfo) (*v8.Value, error) {
		e.mu.Lock()
		st := e.cur
		e.mu.Unlock()
		if st == nil {
			return fail(info, "Error", "no execution is running")
		}
		return fn(st, info)
	}
}

func argString(info *v8.FunctionCallbackInfo, i int) string {
	if args := info.Args(); i < len(args) && !args[i].IsNullOrUndefined() {
		return args[i].String()
	}
	return ""
}

func (e *engine) nativeLog(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	if st.truncated {
		return nil, nil
	}
	line := argString(info, 0)
	if st.logs.Len()+len(line)+1 > e.lim.MaxLogs {
		st.truncated = true
		return nil, nil
	}
	st.logs.WriteString(line)
	st.logs.WriteByte('\n')
	return nil, nil
}

func (e *engine) nativeSetResponse(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	resp := argString(info, 0)
	if len(resp) > e.lim.MaxResponse {
		if st.failure == nil {
			st.failure = errorf(KindResponseTooLarge, "response is %d bytes, over the %d-byte limit", len(resp), e.lim.MaxResponse)
		}
		return fail(info, "RangeError", st.failure.Message)
	}
	st.response = []byte(resp)
	return nil, nil
}

func (e *engine) nativeCall(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	op, args := argString(info, 0), argString(info, 1)
	if !knownOp(op) || !json.Valid([]byte(args)) {
		return fail(info, "TypeError", "invalid host call "+op)
	}
	var body []byte
	if len(info.Args()) > 2 && info.Args()[2].IsString() {
		body = []byte(info.Args()[2].String())
	}
	resolver, err := v8.NewPromiseResolver(info.Context())
	if err != nil {
		return fail(info, "Error", "host call "+op+": "+err.Error())
	}
	e.nextCall++
	id := e.nextCall
	m := message{Type: msgCall, Call: &callMsg{ID: id, Op: op, Args: json.RawMessage(args)}}
	if body != nil {
		m.parts = [][]byte{body}
	}
	// The parent serves at most MaxConcurrentCalls calls of an execution at once and kills a
	// worker that sends more; the rest wait here, in the worker's memory, not the node's.
	if st.inflight >= e.lim.MaxConcurrentCalls {
		st.queued = append(st.queued, m)
	} else {
		if err := e.send(m); err != nil {
			return fail(info, "Error", "host call "+op+": "+err.Error())
		}
		st.inflight++
	}
	st.pending[id] = resolver
	return resolver.GetPromise().Value, nil
}

// sendQueued sends waiting host calls while fewer than the cap are in flight. A call that
// cannot be sent is answered with the error at once.
func (e *engine) sendQueued(st *execution) {
	for len(st.queued) > 0 && st.inflight < e.lim.MaxConcurrentCalls {
		m := st.queued[0]
		st.queued = st.queued[1:]
		if err := e.send(m); err != nil {
			if resolver, ok := st.pending[m.Call.ID]; ok {
				delete(st.pending, m.Call.ID)
				if v, jerr := jsValue(st.ctx, map[string]string{"error": "host call " + m.Call.Op + ": " + err.Error()}); jerr == nil {
					resolver.Resolve(v)
				}
			}
			continue
		}
		st.inflight++
	}
}

func (e *engine) nativeSetTimer(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	args := info.Args()
	if len(args) < 2 {
		return fail(info, "TypeError", "setTimer needs an id and a delay")
	}
	if len(st.timers) >= maxTimers {
		return fail(info, "RangeError", fmt.Sprintf("more than %d pending timers", maxTimers))
	}
	ms := args[1].Number()
	delay := e.lim.Timeout // a longer delay cannot fire before the execution's deadline anyway
	if ms >= 0 && ms < float64(delay/time.Millisecond) {
		delay = time.Duration(ms * float64(time.Millisecond))
	}
	st.timers[args[0].Integer()] = time.Now().Add(delay)
	return nil, nil
}

func (e *engine) nativeClearTimer(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	if args := info.Args(); len(args) > 0 {
		delete(st.timers, args[0].Integer())
	}
	return nil, nil
}

func (e *engine) nativeRandom(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	n := -1
	if args := info.Args(); len(args) > 0 {
		n = int(args[0].Integer())
	}
	if n < 0 || n > 65536 {
		return fail(info, "RangeError", "random: length out of range")
	}
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails on Linux (Go 1.24+ crashes the program instead)
	return jsValue(info.Context(), hex.EncodeToString(b))
}

// nativePubkeyToTokenID is Lit's pubkeyToTokenId: "0x" + hex(keccak256(public key bytes)),
// hashing the bytes as given (Lit's PKP token IDs hash the 65-byte uncompressed key).
func (e *engine) nativePubkeyToTokenID(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	s := strings.TrimPrefix(strings.TrimPrefix(argString(info, 0), "0x"), "0X")
	key, err := hex.DecodeString(s)
	if err != nil || len(key) == 0 {
		return fail(info, "TypeError", "pubkeyToTokenId: publicKey must be a non-empty hex string")
	}
	h := sha3.NewLegacyKeccak256()
	h.Write(key)
	return jsValue(info.Context(), "0x"+hex.EncodeToString(h.Sum(nil)))
}

func (e *engine) nativeEthers(st *execution, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	return e.ethers.Run(info.Context())
}

// collect runs a full garbage collection once the heap holds much more than a fresh isolate.
// The contexts of finished executions are freed only by full collections; V8 would otherwise
// run them under pressure in the middle of a later action, on that action's time. This runs
// after the result is sent, off the execution's latency.
func (e *engine) collect() {
	if hs := e.iso.GetHeapStatistics(); hs.UsedHeapSize > uint64(max(8<<20, e.lim.MaxHeap/8)) || hs.NumberOfNativeContexts > 8 {
		_, _ = e.gc.Call(v8.Undefined(e.iso))
	}
}

// isCompileError tells a script that did not parse from one that threw: V8 reports a compile
// error with no stack frames, while anything thrown at run time (a SyntaxError from JSON.parse
// included) has at least one.
func isCompileError(err error) bool {
	var jsErr *v8.JSError
	return errors.As(err, &jsErr) && strings.HasPrefix(jsErr.Message, "SyntaxError") && !strings.Contains(jsErr.StackTrace, "\n    at ")
}

// describeJSError renders a V8 error as one line: the message and where it happened.
func describeJSError(err error) string {
	var jsErr *v8.JSError
	if !errors.As(err, &jsErr) {
		return err.Error()
	}
	msg := jsErr.Message
	if loc := firstFrame(jsErr.StackTrace); loc != "" {
		return msg + " (at " + loc + ")"
	}
	if jsErr.Location != "" {
		return msg + " (at " + jsErr.Location + ")"
	}
	return msg
}

// describeRejection renders the reason of a rejected top-level promise.
func describeRejection(reason *v8.Value) string {
	msg := "uncaught (in promise) " + reason.String()
	if reason.IsObject() {
		if obj, err := reason.AsObject(); err == nil {
			if stack, err := obj.Get("stack"); err == nil && stack.IsString() {
				if loc := firstFrame(stack.String()); loc != "" {
					msg += " (at " + loc + ")"
				}
			}
		}
	}
	return msg
}

// firstFrame is the location of the first frame of a V8 stack trace in the action's code.
func firstFrame(stack string) string {
	for _, line := range strings.Split(stack, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "at ") || !strings.Contains(line, "action.js") {
			continue
		}
		loc := strings.TrimPrefix(line, "at ")
		if i := strings.LastIndex(loc, "("); i >= 0 && strings.HasSuffix(loc, ")") {
			loc = loc[i+1 : len(loc)-1]
		}
		return loc
	}
	return ""
}

// inbox queues host call answers from the worker's reader without ever blocking it, so a
// cancel frame behind many answers is still read while JavaScript is busy.
type inbox struct {
	mu     sync.Mutex
	queue  []message
	signal chan struct{}
}

func newInbox() *inbox { return &inbox{signal: make(chan struct{}, 1)} }

func (b *inbox) push(m message) {
	b.mu.Lock()
	b.queue = append(b.queue, m)
	b.mu.Unlock()
	select {
	case b.signal <- struct{}{}:
	default:
	}
}

// ready fires when answers may be waiting.
func (b *inbox) ready() <-chan struct{} { return b.signal }

func (b *inbox) take() []message {
	b.mu.Lock()
	defer b.mu.Unlock()
	q := b.queue
	b.queue = nil
	return q
}
