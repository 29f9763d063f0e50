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
	"unicode/utf8"

	v8 "github.com/tommie/v8go"
	"golang.org/x/crypto/sha3"
)

//go:embed js/prelude.js
var preludeJS string

//go:embed js/ethers-5.7.2.umd.min.js
var ethersJS string

//go:embed js/web.js
var webJS string

//go:embed js/jwt.js
var jwtJS string

//go:embed js/encodings.js
var encodingsJS string

// maxTimers bounds the timers one execution may have pending at once.
const maxTimers = 10_000

// engine is the V8 side of a worker: one warm isolate, with the prelude and ethers compiled
// once, running one execution at a time, each in a fresh context. It lives only in worker
// processes.
type engine struct {
	lim     Limits
	iso     *v8.Isolate
	prelude *v8.UnboundScript
	ethers  *v8.UnboundScript
	bundles map[string]*v8.UnboundScript // lazily instantiated API bundles (web APIs, jwt)
	natives *v8.ObjectTemplate
	fns     []*v8.FunctionTemplate // kept referenced: templates are freed by finalizers
	gcCtx   *v8.Context            // a context no action sees, holding V8's gc() (--expose-gc)
	gc      *v8.Function
	// heapLimit is the isolate's heap limit as created; a higher one means V8 raised it to
	// let a termination unwind, and the worker retires.
	heapLimit uint64
	send      func(message) error // to the parent
	replies   *inbox              // host call answers, from the worker's reader
	nextCall  uint64              // host call IDs are unique for the worker's life, so a late answer never matches a new call

	// next is a context made ready for the next execution while the worker waited (prepare),
	// or nil; preload says whether to instantiate ethers in it: whether the last execution
	// used ethers (a worker serves one requester, who mostly runs the same actions).
	next    *prepared
	preload bool

	mu  sync.Mutex // guards cur and the termination fields of the current execution
	cur *execution
}

// prepared is a new context with the request-independent part of the prelude run in it, and
// ethers if preloaded. No action has run in it; one execution takes it, then it is closed.
type prepared struct {
	ctx    *v8.Context
	finish *v8.Function // the prelude's request part: (params, auth, stack, headers, ethers)
	ethers *v8.Value    // nil unless preloaded
}

// execution is the state of one run: the root action and the child actions it calls
// (Lit.Actions.call), each in its own context (a frame), sharing the response, the logs and
// the limits. Only the engine's goroutine touches it, except the fields guarded by engine.mu.
type execution struct {
	root      *frame
	frames    map[*v8.Context]*frame
	pending   map[uint64]*pendingCall
	headers   string // Lit.Headers, JSON
	auth      string // Lit.Auth's request part, JSON
	start     time.Time
	sent      map[uint64]struct{} // host calls sent and not yet answered: at most Limits.MaxConcurrentCalls
	queued    []message           // host calls waiting for one of those to be answered
	logs      strings.Builder
	response  []byte
	failure   *Error // a sticky failure raised inside the sandbox (an uncaught timer exception)
	heapLimit uint64
	ethers    bool // an action of the execution used ethers

	// guarded by engine.mu
	finished   bool
	terminated ErrorKind     // why TerminateExecution was called; "" if it was not
	stop       chan struct{} // closed on termination, wakes the event loop
}

// frame is one action of the execution in its own context: the root, or a child started by a
// call of its parent frame.
type frame struct {
	id        uint64 // 0 for the root; a child's is the ID of the call that started it
	ctx       *v8.Context
	fireTimer *v8.Function
	timers    map[int64]time.Time
	top       *v8.Promise // the script's completion value, if a promise
	calls     int         // host calls of this frame not answered yet (a running child counts)
	parent    *frame
	answer    *v8.PromiseResolver // the parent's call promise, resolved when this child ends
	err       *Error              // the frame's own failure: it threw, or its promise rejected
}

// pendingCall is a host call waiting for the parent's answer.
type pendingCall struct {
	f        *frame
	resolver *v8.PromiseResolver
}

func newEngine(lim Limits, send func(message) error, replies *inbox) (*engine, error) {
	e := &engine{lim: lim, send: send, replies: replies, bundles: map[string]*v8.UnboundScript{}, preload: true}
	// Before the isolate exists. --expose-gc: collect() needs gc(); the prelude hides it from
	// actions. --no-compilation-cache: V8's cache of compiled scripts keeps every action's
	// source alive for a dozen or so full collections after its context is gone, so a run of
	// large actions could fill the heap with sources no execution uses; the prelude and ethers
	// are compiled once per isolate and do not need it. --disallow-code-generation-from-strings:
	// no eval or new Function in actions, as on Lit's nodes. The semi-spaces: see semiSpaceMiB.
	semi := semiSpaceMiB(lim.MaxHeap)
	v8.SetFlags("--expose-gc", "--no-compilation-cache", "--disallow-code-generation-from-strings",
		fmt.Sprintf("--min-semi-space-size=%d", semi), fmt.Sprintf("--max-semi-space-size=%d", semi))
	e.iso = v8.NewIsolate(v8.WithResourceConstraints(uint64(min(16<<20, lim.MaxHeap)), uint64(lim.MaxHeap)))
	// The limit as set, not as found at an execution's start: v8go's near-heap-limit callback
	// raises it whenever the heap fills, also while the worker prepares a context or collects
	// between executions, and a limit raised then must still retire the worker.
	e.heapLimit = e.iso.GetHeapStatistics().HeapSizeLimit
	e.gcCtx = v8.NewContext(e.iso)
	gc, err := e.gcCtx.Global().Get("gc")
	if err == nil {
		e.gc, err = gc.AsFunction()
	}
	if err != nil {
		return nil, fmt.Errorf("find V8's gc: %w", err)
	}
	if e.prelude, err = e.iso.CompileUnboundScript(preludeJS, "litmesh:prelude.js", v8.CompileOptions{}); err != nil {
		return nil, fmt.Errorf("compile the prelude: %w", err)
	}
	for name, src := range map[string]string{"web": webJS, "jwt": jwtJS, "encodings": encodingsJS} {
		if e.bundles[name], err = e.iso.CompileUnboundScript(src, "litmesh:"+name+".js", v8.CompileOptions{}); err != nil {
			return nil, fmt.Errorf("compile %s.js: %w", name, err)
		}
	}
	// The UMD bundle takes its CommonJS branch when module and exports exist, so wrapping it in
	// a function gives a factory that builds a fresh ethers in whatever context calls it.
	bundle, err := lazyENS(ethersJS)
	if err != nil {
		return nil, err
	}
	if bundle, err = lazyModules(bundle); err != nil {
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
	natives := map[string]func(*execution, *frame, *v8.FunctionCallbackInfo) (*v8.Value, error){
		"log":             e.nativeLog,
		"setResponse":     e.nativeSetResponse,
		"call":            e.nativeCall,
		"setTimer":        e.nativeSetTimer,
		"clearTimer":      e.nativeClearTimer,
		"random":          e.nativeRandom,
		"now":             e.nativeNow,
		"pubkeyToTokenId": e.nativePubkeyToTokenID,
		"ethers":          e.nativeEthers,
		"bundle":          e.nativeBundle,
	}
	for name, fn := range cryptoNatives {
		natives[name] = fn
	}
	for name, fn := range natives {
		tmpl := v8.NewFunctionTemplateWithError(e.iso, e.native(fn))
		e.fns = append(e.fns, tmpl)
		if err := e.natives.Set(name, tmpl); err != nil {
			return nil, fmt.Errorf("install native %s: %w", name, err)
		}
	}
	return e, nil
}

// semiSpaceMiB sizes V8's young generation (each of its two semi-spaces) for the worker's
// isolate: 1/32 of the heap limit, 1 to 8 MiB. V8 sizes it from the heap limit much smaller,
// and one execution — a fresh context, the prelude, ethers — allocates a few MiB: each
// execution then ran several scavenges, each copying the execution's live objects and, at the
// second, promoting them to the old generation, where only a full collection frees them. With
// room for an execution's allocations they die young, with its context: ~25% less of a
// worker's CPU per execution of lit bench execute-sign's action (4.5 against 5.4–7.0 ms, same
// sitting), for up to 16 MiB more of the worker's memory.
func semiSpaceMiB(maxHeap int64) int64 {
	return min(max(maxHeap>>20/32, 1), 8)
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
		frames:  map[*v8.Context]*frame{},
		pending: map[uint64]*pendingCall{},
		sent:    map[uint64]struct{}{},
		stop:    make(chan struct{}),
		start:   time.Now(),
	}
	e.replies.take() // answers to calls of earlier executions match no call of this one
	headers, err := json.Marshal(ex.Headers)
	if err != nil || ex.Headers == nil {
		headers = []byte("[]")
	}
	st.headers = string(headers)
	st.heapLimit = e.heapLimit

	e.mu.Lock()
	e.cur = st
	e.mu.Unlock()
	watchdog := time.AfterFunc(e.lim.Timeout, func() { e.terminate(st, KindTimeout) })

	failure := e.execute(st, ex, code, params)

	watchdog.Stop()
	e.mu.Lock()
	st.finished = true
	e.cur = nil
	terminated := st.terminated
	e.mu.Unlock()
	for ctx := range st.frames {
		ctx.Close()
	}
	e.preload = st.ethers

	var stopped *Error
	switch {
	case e.iso.GetHeapStatistics().HeapSizeLimit > st.heapLimit:
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
	return message{Type: msgResult, Result: res, parts: [][]byte{st.response, []byte(st.logs.String())}}
}

// heapExceeded reports whether V8 raised the heap limit to let a termination unwind.
func (e *engine) heapExceeded(st *execution) bool {
	return e.iso.GetHeapStatistics().HeapSizeLimit > st.heapLimit
}

// execute runs the root action and its event loop. It returns the action's failure, or nil;
// terminations are classified by the caller.
func (e *engine) execute(st *execution, ex *execMsg, code, params []byte) *Error {
	auth, err := json.Marshal(ex.Auth)
	if err != nil {
		return errorf(KindBadRequest, "encode auth: %v", err)
	}
	st.auth = string(auth)
	root, setupErr := e.newFrame(st, 0, string(params), st.auth, ex.IPFSID, rootStack(ex.IPFSID))
	if root != nil {
		st.root = root
	}
	if setupErr != nil {
		if e.iso.IsExecutionTerminating() || e.stopped(st) {
			return nil
		}
		return errorf(KindBadRequest, "set up the action's globals: %v", setupErr)
	}
	e.runScript(st, root, code)
	if root.err != nil {
		if e.stopped(st) || e.heapExceeded(st) {
			return nil
		}
		return root.err
	}

	// The event loop: drain microtasks, end the child frames that are done, then wait for a
	// host call answer or a timer, until the root frame is done.
	for {
		root.ctx.PerformMicrotaskCheckpoint()
		if e.stopped(st) || st.failure != nil || e.heapExceeded(st) {
			break
		}
		if e.endChildren(st) {
			continue // a parent's promise settled: run its reactions first
		}
		if root.done() {
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
	if e.stopped(st) || e.heapExceeded(st) {
		return nil
	}
	return root.outcome()
}

// newFrame gives an action its context with the Lit globals: for the root action the context
// prepared while the worker waited, if there is one, else a new one; then the prelude's request
// part, with this execution's params, auth, call stack and headers.
func (e *engine) newFrame(st *execution, id uint64, params, auth, ipfsID string, stack []string) (*frame, error) {
	var pc *prepared
	if id == 0 {
		pc, e.next = e.next, nil
	}
	f := &frame{id: id, timers: map[int64]time.Time{}}
	if pc != nil {
		f.ctx = pc.ctx
	} else {
		f.ctx = v8.NewContext(e.iso)
	}
	st.frames[f.ctx] = f // closed when the execution ends
	if pc == nil {
		var err error
		if pc, err = e.prepareIn(f.ctx, false); err != nil {
			return f, err
		}
	}
	if stack == nil {
		stack = []string{}
	}
	stackJSON, _ := json.Marshal(stack)
	args := make([]v8.Valuer, 0, 5)
	for _, s := range []string{params, auth, string(stackJSON), st.headers} {
		v, err := jsValue(f.ctx, s)
		if err != nil {
			return f, err
		}
		args = append(args, v)
	}
	if pc.ethers != nil {
		args = append(args, pc.ethers)
	}
	ft, err := pc.finish.Call(v8.Undefined(e.iso), args...)
	if err != nil {
		return f, err
	}
	f.fireTimer, err = ft.AsFunction()
	return f, err
}

// prepare makes a new context with the request-independent part of the prelude run in it and,
// if withEthers, ethers instantiated. It runs no action code and reads nothing of a request.
func (e *engine) prepare(withEthers bool) (*prepared, error) {
	ctx := v8.NewContext(e.iso)
	pc, err := e.prepareIn(ctx, withEthers)
	if err != nil {
		ctx.Close()
		return nil, err
	}
	return pc, nil
}

func (e *engine) prepareIn(ctx *v8.Context, withEthers bool) (*prepared, error) {
	outer, err := e.prelude.Run(ctx)
	if err != nil {
		return nil, err
	}
	fn, err := outer.AsFunction()
	if err != nil {
		return nil, err
	}
	nat, err := e.natives.NewInstance(ctx)
	if err != nil {
		return nil, err
	}
	finish, err := fn.Call(v8.Undefined(e.iso), nat)
	if err != nil {
		return nil, err
	}
	pc := &prepared{ctx: ctx}
	if pc.finish, err = finish.AsFunction(); err != nil {
		return nil, err
	}
	if withEthers {
		factory, err := e.ethers.Run(ctx)
		if err != nil {
			return nil, fmt.Errorf("load ethers: %w", err)
		}
		ff, err := factory.AsFunction()
		if err != nil {
			return nil, fmt.Errorf("load ethers: %w", err)
		}
		if pc.ethers, err = ff.Call(v8.Undefined(e.iso)); err != nil {
			return nil, fmt.Errorf("load ethers: %w", err)
		}
		// ethers' modules load on first use (lazyModules); ethers.utils, which nearly every
		// action that uses ethers reaches, is loaded here ahead of the request with what it
		// loads at once (ethers' own module, the logger), off the execution's time. Has runs
		// the module proxy's has trap, which loads the module without reading an export.
		var utils *v8.Value
		obj, err := pc.ethers.AsObject()
		if err == nil {
			utils, err = obj.Get("utils")
		}
		if err == nil {
			if obj, err = utils.AsObject(); err == nil {
				obj.Has("arrayify")
			}
		}
		if err != nil {
			return nil, fmt.Errorf("load ethers.utils: %w", err)
		}
	}
	return pc, nil
}

// prepareNext readies the context of the next execution while the worker has nothing to run,
// taking that work off the next request's time. A failure is left for the execution to meet
// (it prepares its own context and reports the error).
func (e *engine) prepareNext() {
	if e.next != nil {
		return
	}
	if pc, err := e.prepare(e.preload); err == nil {
		e.next = pc
	}
}

// runScript runs an action's code in its frame, recording a failure or its completion promise.
func (e *engine) runScript(st *execution, f *frame, code []byte) {
	// Not CompileUnboundScript: v8go keeps every unbound script for the isolate's life, which
	// would leak each action's source and bytecode into every later execution's heap.
	val, err := f.ctx.RunScript(string(code), "action.js")
	if err != nil {
		kind := KindException
		if isCompileError(err) {
			kind = KindSyntax
		}
		f.err = &Error{Kind: kind, Message: describeJSError(err)}
		return
	}
	if val != nil && val.IsPromise() {
		f.top, _ = val.AsPromise()
	}
}

// done reports whether a frame can make no more progress: it failed, its completion promise
// rejected, or nothing of it is pending (no host call, no timer).
func (f *frame) done() bool {
	if f.err != nil || (f.top != nil && f.top.State() == v8.Rejected) {
		return true // an uncaught rejection ends the action at once, as in Deno
	}
	return f.calls == 0 && len(f.timers) == 0
}

// outcome is a done frame's failure, or nil.
func (f *frame) outcome() *Error {
	if f.err != nil {
		return f.err
	}
	if f.top != nil {
		switch f.top.State() {
		case v8.Rejected:
			return &Error{Kind: KindException, Message: describeRejection(f.top.Result())}
		case v8.Pending:
			return errorf(KindException, "the action's top-level promise never settled: it awaits something that nothing will resolve")
		}
	}
	return nil
}

// endChildren ends every child frame that is done: its parent's call promise resolves to the
// response (shared by the whole execution, as on Lit) or rejects with the child's failure. It
// reports whether it ended any.
func (e *engine) endChildren(st *execution) bool {
	ended := false
	for {
		var next *frame
		for _, f := range st.frames {
			if f != st.root && f.done() {
				next = f
				break
			}
		}
		if next == nil {
			return ended
		}
		e.endFrame(st, next, true)
		ended = true
	}
}

// endFrame ends a child frame and, first, every frame it started that still runs. With answer,
// the parent's call promise settles with the child's outcome.
func (e *engine) endFrame(st *execution, f *frame, answer bool) {
	for _, g := range st.frames {
		if g.parent == f {
			e.endFrame(st, g, false)
		}
	}
	if answer {
		reply := map[string]any{"value": string(st.response)}
		if err := f.outcome(); err != nil {
			reply = map[string]any{"error": "child action " + string(err.Kind) + ": " + err.Message}
		}
		if v, err := jsValue(f.parent.ctx, reply); err == nil {
			f.answer.Resolve(v)
		}
		f.parent.calls--
	}
	for id, pc := range st.pending {
		if pc.f == f {
			delete(st.pending, id) // answers that come later find no call
		}
	}
	delete(st.frames, f.ctx)
	f.ctx.Close()
	// The parent process stops accepting calls from this frame.
	_ = e.send(message{Type: msgCall, Call: &callMsg{ID: e.newCallID(), Frame: f.id, Op: opChildDone, Args: json.RawMessage("{}")}})
}

func (e *engine) newCallID() uint64 {
	e.nextCall++
	return e.nextCall
}

func (e *engine) stopped(st *execution) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return st.terminated != ""
}

// nextTimer is when the earliest pending timer of any frame is due.
func (st *execution) nextTimer() (time.Time, bool) {
	var (
		next  time.Time
		found bool
	)
	for _, f := range st.frames {
		for _, due := range f.timers {
			if !found || due.Before(next) {
				next, found = due, true
			}
		}
	}
	return next, found
}

// fireDueTimers runs every timer that is due, earliest first; an exception thrown by a timer
// callback fails its frame, as an uncaught exception would in Deno.
func (e *engine) fireDueTimers(st *execution) {
	now := time.Now()
	type due struct {
		f  *frame
		id int64
		at time.Time
	}
	var list []due
	for _, f := range st.frames {
		for id, t := range f.timers {
			if !t.After(now) {
				list = append(list, due{f, id, t})
			}
		}
	}
	sort.Slice(list, func(i, j int) bool {
		return list[i].at.Before(list[j].at) || (list[i].at.Equal(list[j].at) && list[i].id < list[j].id)
	})
	for _, d := range list {
		if d.f.err != nil {
			continue
		}
		delete(d.f.timers, d.id)
		idv, err := jsValue(d.f.ctx, d.id)
		if err != nil {
			st.failure = errorf(KindException, "timer: %v", err)
			return
		}
		if _, err := d.f.fireTimer.Call(v8.Undefined(e.iso), idv); err != nil {
			if e.stopped(st) {
				return
			}
			d.f.err = &Error{Kind: KindException, Message: "uncaught in a timer callback: " + describeJSError(err)}
			clear(d.f.timers)
		}
		d.f.ctx.PerformMicrotaskCheckpoint()
	}
}

// deliver resolves the promise of a host call with the parent's answer: {value, body} or
// {error, type}, or starts the child action an answer to Lit.Actions.call carries. A host
// failure resolves rather than rejects; the prelude turns it into an Error of the action's
// own context.
func (e *engine) deliver(st *execution, m message) {
	r := m.Reply
	if _, ok := st.sent[r.ID]; ok {
		delete(st.sent, r.ID)
		defer e.sendQueued(st)
	}
	pc, ok := st.pending[r.ID]
	if !ok {
		return // an answer to a call of an earlier execution, or of a frame that ended
	}
	delete(st.pending, r.ID)
	if r.Child != nil && r.Error == nil {
		e.startChild(st, pc, r.Child, m.part(0), m.part(1))
		return
	}
	pc.f.calls--
	answer := map[string]any{}
	if r.Error != nil {
		if r.Error.Kind.sticky() && st.failure == nil {
			st.failure = r.Error
		}
		answer["error"] = r.Error.Message
		switch r.Error.Kind {
		case kindRangeError:
			answer["type"] = "RangeError"
		case kindTypeError:
			answer["type"] = "TypeError"
		}
	} else {
		value := r.Value
		if len(value) == 0 {
			value = json.RawMessage("null")
		}
		answer["value"] = value
		if b := m.part(0); b != nil {
			// Text as it is; bytes that are not UTF-8 as hex, so arrayBuffer() gets them exactly.
			if utf8.Valid(b) {
				answer["body"] = string(b)
			} else {
				answer["bodyHex"] = hex.EncodeToString(b)
			}
		}
	}
	v, err := jsValue(pc.f.ctx, answer)
	if err != nil {
		v, _ = jsValue(pc.f.ctx, map[string]string{"error": "host call answer: " + err.Error()})
	}
	pc.resolver.Resolve(v)
}

// startChild runs a child action (Lit.Actions.call) in a new frame of the execution. Its
// parent's call promise stays pending until the child is done (endChildren).
func (e *engine) startChild(st *execution, pc *pendingCall, c *childMsg, code, params []byte) {
	f, err := e.newFrame(st, c.Frame, string(params), st.auth, c.IPFSID, c.Stack)
	f.parent, f.answer = pc.f, pc.resolver
	if err != nil {
		f.err = errorf(KindException, "set up the child action %s: %v", c.IPFSID, err)
		return
	}
	e.runScript(st, f, code)
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

// native wraps a native function with the lookup of the running execution and the frame of
// the context calling it.
func (e *engine) native(fn func(st *execution, f *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error)) v8.FunctionCallbackWithError {
	return func(info *v8.FunctionCallbackInfo) (*v8.Value, error) {
		e.mu.Lock()
		st := e.cur
		e.mu.Unlock()
		if st == nil {
			return fail(info, "Error", "no execution is running")
		}
		f := st.frames[info.Context()]
		if f == nil {
			return fail(info, "Error", "no action runs in this context")
		}
		return fn(st, f, info)
	}
}

func argString(info *v8.FunctionCallbackInfo, i int) string {
	if args := info.Args(); i < len(args) && !args[i].IsNullOrUndefined() {
		return args[i].String()
	}
	return ""
}

// nativeLog appends one line to the logs; past the log limit it throws, as Lit does.
func (e *engine) nativeLog(st *execution, _ *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	line := argString(info, 0)
	if st.logs.Len()+len(line)+1 > e.lim.MaxLogs {
		return fail(info, "Error", fmt.Sprintf("Console.log is printing something that is too long. Max length for all logs in a single request is %d bytes", e.lim.MaxLogs))
	}
	st.logs.WriteString(line)
	st.logs.WriteByte('\n')
	return nil, nil
}

// nativeSetResponse sets the execution's response. One over the limit throws a RangeError the
// action may catch, leaving the previous response, as on Lit.
func (e *engine) nativeSetResponse(st *execution, _ *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	resp := argString(info, 0)
	if len(resp) > e.lim.MaxResponse {
		return fail(info, "RangeError", fmt.Sprintf("Response is too long. Max length is %d bytes (this one is %d)", e.lim.MaxResponse, len(resp)))
	}
	st.response = []byte(resp)
	return nil, nil
}

func (e *engine) nativeCall(st *execution, f *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	op, args := argString(info, 0), argString(info, 1)
	if !knownOp(op) || op == opChildDone || !json.Valid([]byte(args)) {
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
	id := e.newCallID()
	m := message{Type: msgCall, Call: &callMsg{ID: id, Frame: f.id, Op: op, Args: json.RawMessage(args)}}
	if body != nil {
		m.parts = [][]byte{body}
	}
	// The parent serves at most MaxConcurrentCalls calls of an execution at once and kills a
	// worker that sends more; the rest wait here, in the worker's memory, not the node's.
	if len(st.sent) >= e.lim.MaxConcurrentCalls {
		st.queued = append(st.queued, m)
	} else {
		if err := e.send(m); err != nil {
			return fail(info, "Error", "host call "+op+": "+err.Error())
		}
		st.sent[id] = struct{}{}
	}
	st.pending[id] = &pendingCall{f: f, resolver: resolver}
	f.calls++
	return resolver.GetPromise().Value, nil
}

// sendQueued sends waiting host calls while fewer than the cap are in flight. A call whose
// frame has ended is dropped; one that cannot be sent is answered with the error at once.
func (e *engine) sendQueued(st *execution) {
	for len(st.queued) > 0 && len(st.sent) < e.lim.MaxConcurrentCalls {
		m := st.queued[0]
		st.queued = st.queued[1:]
		pc, ok := st.pending[m.Call.ID]
		if !ok {
			continue
		}
		if err := e.send(m); err != nil {
			delete(st.pending, m.Call.ID)
			pc.f.calls--
			if v, jerr := jsValue(pc.f.ctx, map[string]string{"error": "host call " + m.Call.Op + ": " + err.Error()}); jerr == nil {
				pc.resolver.Resolve(v)
			}
			continue
		}
		st.sent[m.Call.ID] = struct{}{}
	}
}

func (e *engine) nativeSetTimer(_ *execution, f *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	args := info.Args()
	if len(args) < 2 {
		return fail(info, "TypeError", "setTimer needs an id and a delay")
	}
	if len(f.timers) >= maxTimers {
		return fail(info, "RangeError", fmt.Sprintf("more than %d pending timers", maxTimers))
	}
	ms := args[1].Number()
	delay := e.lim.Timeout // a longer delay cannot fire before the execution's deadline anyway
	if ms >= 0 && ms < float64(delay/time.Millisecond) {
		delay = time.Duration(ms * float64(time.Millisecond))
	}
	f.timers[args[0].Integer()] = time.Now().Add(delay)
	return nil, nil
}

func (e *engine) nativeClearTimer(_ *execution, f *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	if args := info.Args(); len(args) > 0 {
		delete(f.timers, args[0].Integer())
	}
	return nil, nil
}

func (e *engine) nativeRandom(_ *execution, _ *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
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

// nativeNow is performance.now(): milliseconds since the execution started.
func (e *engine) nativeNow(st *execution, _ *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	return jsValue(info.Context(), float64(time.Since(st.start).Microseconds())/1000)
}

// nativePubkeyToTokenID is Lit's pubkeyToTokenId: "0x" + hex(keccak256(public key bytes)),
// hashing the bytes as given (Lit's PKP token IDs hash the 65-byte uncompressed key).
func (e *engine) nativePubkeyToTokenID(_ *execution, _ *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	raw := argString(info, 0)
	if strings.TrimSpace(raw) == "" {
		return fail(info, "RangeError", "publicKey must not be blank")
	}
	s := strings.TrimPrefix(strings.TrimPrefix(raw, "0x"), "0X")
	key, err := hex.DecodeString(s)
	if err != nil || len(key) == 0 {
		return fail(info, "TypeError", "pubkeyToTokenId: publicKey must be a non-empty hex string")
	}
	h := sha3.NewLegacyKeccak256()
	h.Write(key)
	return jsValue(info.Context(), "0x"+hex.EncodeToString(h.Sum(nil)))
}

// nativeEthers returns the ethers factory to run in the calling context; ethers(true) only
// notes that the action used the ethers preloaded in its context.
func (e *engine) nativeEthers(st *execution, _ *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	st.ethers = true
	if argString(info, 0) == "true" {
		return nil, nil
	}
	return e.ethers.Run(info.Context())
}

// nativeBundle returns the factory of a lazily loaded API bundle (web APIs, jwt, encodings).
func (e *engine) nativeBundle(_ *execution, _ *frame, info *v8.FunctionCallbackInfo) (*v8.Value, error) {
	b, ok := e.bundles[argString(info, 0)]
	if !ok {
		return fail(info, "Error", "no bundle "+argString(info, 0))
	}
	return b.Run(info.Context())
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
