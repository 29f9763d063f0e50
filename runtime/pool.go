package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Request is one execution of an action.
type Request struct {
	Code     string          // the JavaScript source
	IPFSID   string          // the action's CID, or empty for inline code
	JSParams json.RawMessage // a JSON object, or empty; each key also becomes a global (see docs/actions.md for a jsParams key)
	Auth     Auth            // visible to the action as Lit.Auth
	Headers  [][2]string     // the HTTP request's headers, visible to the action as Lit.Headers
	// Requester is who the execution runs for (the node passes the authenticated address). A
	// worker serves one requester for its whole life: an execution for another never runs in a
	// process an earlier requester's code ran in, so nothing one leaves behind (in V8's heap, in
	// the process) can reach the next.
	Requester string
}

// Result is what an execution produced. When Execute returns an error the Result still holds
// the logs written before the failure, but never signatures.
type Result struct {
	Response   string                     // the string given to Lit.Actions.setResponse
	Logs       string                     // console output, one line per call, truncated at Limits.MaxLogs
	Signatures map[string]json.RawMessage // the host's signature shares, by sigName
	Claims     map[string]json.RawMessage // the host's claimKey results, by keyId
}

// Stats describes the pool's workers.
type Stats struct {
	Workers int    // live worker processes
	Idle    int    // of which waiting for an execution
	Started uint64 // worker processes started since the pool was created
	Exited  uint64 // worker processes that ended: retired, crashed or killed
	// Recycled counts the idle workers retired because an execution for another requester
	// needed a worker (included in Exited).
	Recycled uint64
}

// Option configures a Pool.
type Option func(*config) error

type config struct {
	workers int
	limits  Limits
	log     *slog.Logger
	exe     string
	args    []string
	sandbox Sandbox
	recycle time.Duration
}

// WithWorkers sets how many worker processes (and so concurrent executions) the pool keeps.
// The default is 2.
func WithWorkers(n int) Option {
	return func(c *config) error {
		if n < 1 || n > 256 {
			return fmt.Errorf("workers %d: want 1..256", n)
		}
		c.workers = n
		return nil
	}
}

// WithLimits sets the per-execution limits; zero fields keep their defaults.
func WithLimits(l Limits) Option {
	return func(c *config) error {
		var err error
		c.limits, err = l.withDefaults()
		return err
	}
}

// WithIdleRecycle sets how long a worker that served a requester may stay free before it is
// replaced by a fresh one (default 2 s), so a new requester rarely waits for a worker start.
func WithIdleRecycle(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("idle recycle %s: want a positive duration", d)
		}
		c.recycle = d
		return nil
	}
}

// WithLogger sets where the pool reports worker deaths and restarts.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("nil logger")
		}
		c.log = l
		return nil
	}
}

// WithWorkerCommand sets the executable started as a worker (default: this process's own
// executable). The program must call RunWorkerIfRequested first in main.
func WithWorkerCommand(path string, args ...string) Option {
	return func(c *config) error {
		if path == "" {
			return errors.New("empty worker command")
		}
		c.exe, c.args = path, args
		return nil
	}
}

// Pool runs actions in supervised worker processes, each with a warm V8 isolate, confined by
// the sandbox (sandbox*.go). A worker that dies or whose isolate is unfit for reuse (after a
// timeout or a heap exhaustion) is replaced in the background; the executions on other workers
// are not affected. A worker serves one requester: a free worker that served another is
// recycled (replaced by a fresh one) rather than handed to someone else.
type Pool struct {
	cfg config
	log *slog.Logger
	// life is canceled by Close; its Done channel says the pool is closed
	life   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	live    map[*proc]struct{}
	idle    []*proc       // free workers, most recently used last
	idleSig chan struct{} // closed and replaced whenever idle gains a worker
	closed  bool
	plan    launchPlan    // how workers are started, once the first start chose it
	report  SandboxReport // the last started worker's sandbox

	started, exited, recycled atomic.Uint64
}

// NewPool starts the workers and returns once every one is warm. ctx bounds the start only.
func NewPool(ctx context.Context, opts ...Option) (*Pool, error) {
	if _, isWorker := os.LookupEnv(workerEnv); isWorker {
		// A worker whose main skipped RunWorkerIfRequested would otherwise start workers of its
		// own, without end.
		return nil, errors.New("this process was started as a runtime worker: main (or TestMain) must call runtime.RunWorkerIfRequested first")
	}
	cfg := config{workers: 2, limits: DefaultLimits(), log: slog.Default(), sandbox: defaultSandbox(), recycle: idleRecycle}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, fmt.Errorf("runtime pool option: %w", err)
		}
	}
	if cfg.exe == "" {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("find this executable to start workers: %w", err)
		}
		cfg.exe = exe
	}
	p := &Pool{
		cfg:     cfg,
		log:     cfg.log,
		live:    map[*proc]struct{}{},
		idleSig: make(chan struct{}),
	}
	p.life, p.cancel = context.WithCancel(context.Background())
	// The first worker chooses how workers start (the strongest sandbox this kernel and these
	// privileges allow); the others start the same way, in parallel.
	first, err := p.startFirst(ctx)
	if err != nil {
		p.Close()
		return nil, fmt.Errorf("start runtime workers: %w", err)
	}
	p.putIdle(first)
	p.goOwned(p.recycleIdle)
	errs := make(chan error, cfg.workers)
	for range cfg.workers - 1 {
		go func() {
			defer func() {
				if r := recover(); r != nil {
					errs <- fmt.Errorf("start a worker: panic: %v", r)
				}
			}()
			w, err := p.start(ctx)
			if err == nil {
				p.putIdle(w)
			}
			errs <- err
		}()
	}
	var failed error
	for range cfg.workers - 1 {
		if err := <-errs; err != nil && failed == nil {
			failed = err
		}
	}
	if failed != nil {
		p.Close()
		return nil, fmt.Errorf("start runtime workers: %w", failed)
	}
	return p, nil
}

// startFirst starts a worker with the strongest launch plan that works and keeps that plan.
func (p *Pool) startFirst(ctx context.Context) (*proc, error) {
	plans := launchPlans(p.cfg.sandbox)
	var refused []string
	for i, plan := range plans {
		p.mu.Lock()
		p.plan = plan
		p.mu.Unlock()
		w, err := p.start(ctx)
		if err == nil {
			if len(refused) > 0 {
				p.log.Error("the kernel or the node's privileges refused stronger worker sandboxes", "refused", strings.Join(refused, "; "))
			}
			return w, nil
		}
		if i == len(plans)-1 || !planRefused(err) || p.cfg.sandbox.Mode == SandboxRequired {
			if len(refused) > 0 {
				err = fmt.Errorf("%w (after: %s)", err, strings.Join(refused, "; "))
			}
			return nil, err
		}
		refused = append(refused, fmt.Sprintf("namespaces %v, dedicated uid %t: %v", plan.namespaces, plan.dedicated, err))
	}
	return nil, errors.New("no way to start a worker") // unreachable: the last plan returns
}

// start starts one worker, checks its sandbox and registers it as live.
func (p *Pool) start(ctx context.Context) (*proc, error) {
	p.mu.Lock()
	plan := p.plan
	p.mu.Unlock()
	var spec *sandboxSpec
	sb := p.cfg.sandbox
	if sb.Mode != SandboxOff {
		spec = &sandboxSpec{Seccomp: sb.Layers&LayerSeccomp != 0, Landlock: sb.Layers&LayerLandlock != 0, DenyPaths: sb.DenyPaths}
	}
	w, err := startProc(ctx, p.cfg.exe, p.cfg.args, p.cfg.limits, plan, spec)
	if err != nil {
		return nil, err
	}
	p.started.Add(1)
	report := sandboxReport(sb, plan, w)
	if sb.Mode == SandboxRequired {
		if err := report.Problem(); err != nil {
			w.kill(nil)
			<-w.exited
			p.exited.Add(1)
			return nil, fmt.Errorf("the action sandbox is incomplete, and this node requires it: %w", err)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.report = report
	if p.closed {
		go w.close()
		p.exited.Add(1)
		return nil, errors.New("runtime pool closed")
	}
	p.live[w] = struct{}{}
	return w, nil
}

// Sandbox reports how the pool's workers are confined, as the last started worker found it.
func (p *Pool) Sandbox() SandboxReport {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.report
}

// sandboxReport joins the parent's and the worker's view of a worker's confinement.
func sandboxReport(sb Sandbox, plan launchPlan, w *proc) SandboxReport {
	r := SandboxReport{Mode: sb.Mode, Namespaces: plan.namespaces, Dedicated: plan.dedicated, Missing: append([]string{}, plan.missing...)}
	r.UID, r.GID = hostIDs(w.pid)
	if sb.Mode == SandboxOff {
		return SandboxReport{Mode: SandboxOff, UID: r.UID, GID: r.GID}
	}
	ws := w.sandbox
	r.Seccomp, r.Landlock, r.Probes = ws.Seccomp, ws.Landlock, ws.Probes
	if r.Dedicated && (r.UID != int(sb.UID) || r.GID != int(sb.GID)) {
		r.Dedicated = false
		r.Missing = append(r.Missing, fmt.Sprintf("dedicated uid: the worker runs as uid %d gid %d, not %d/%d", r.UID, r.GID, sb.UID, sb.GID))
	}
	if shared := sharedNamespaces(w.pid, plan.namespaces); len(shared) > 0 {
		r.Missing = append(r.Missing, fmt.Sprintf("namespaces: the worker shares the node's %s namespaces", strings.Join(shared, ",")))
	}
	if slices.Contains(plan.namespaces, "pid") && ws.PID != 1 {
		r.Missing = append(r.Missing, fmt.Sprintf("namespaces: the worker sees itself as pid %d, not 1, in its PID namespace", ws.PID))
	}
	switch {
	case sb.Layers&LayerSeccomp == 0:
		r.Missing = append(r.Missing, "seccomp: not requested")
	case !ws.Seccomp:
		r.Missing = append(r.Missing, "seccomp: "+ws.SeccompError)
	}
	switch {
	case sb.Layers&LayerLandlock == 0:
		r.Missing = append(r.Missing, "landlock: not requested")
	case ws.Landlock == 0:
		r.Missing = append(r.Missing, "landlock: "+landlockProblem(ws.LandlockErr))
	}
	return r
}

func landlockProblem(e string) string {
	switch {
	case strings.Contains(e, "function not implemented"), strings.Contains(e, "operation not supported"):
		return "the kernel has no Landlock, or it is not enabled at boot (lsm=landlock,…): " + e
	case e == "":
		return "not applied"
	}
	return e
}

// Close stops every worker, failing the executions still running with KindUnavailable, and
// waits for the pool's goroutines.
func (p *Pool) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	p.cancel()
	workers := make([]*proc, 0, len(p.live))
	for w := range p.live {
		workers = append(workers, w)
	}
	p.mu.Unlock()
	for _, w := range workers {
		w.kill(errorf(KindUnavailable, "the runtime is shutting down"))
	}
	for _, w := range workers {
		<-w.exited
	}
	p.wg.Wait()
	return nil
}

// Stats reports the pool's workers.
func (p *Pool) Stats() Stats {
	p.mu.Lock()
	n, idle := len(p.live), len(p.idle)
	p.mu.Unlock()
	return Stats{Workers: n, Idle: idle, Started: p.started.Load(), Exited: p.exited.Load(), Recycled: p.recycled.Load()}
}

// Execute runs one action to completion: its top-level code, then every promise, host call and
// timer it started, within the pool's limits. host serves the action's calls out of the sandbox.
//
// A failure of the action is returned as an *Error (syntax error, exception, timeout, memory,
// a limit); the Result then still carries the logs. The pool keeps serving after any failure.
func (p *Pool) Execute(ctx context.Context, req Request, host Host) (Result, error) {
	lim := p.cfg.limits
	if err := validateRequest(req, lim); err != nil {
		return Result{}, err
	}
	if p.life.Err() != nil {
		return Result{}, errorf(KindUnavailable, "the runtime is shut down")
	}
	if host == nil {
		return Result{}, errorf(KindBadRequest, "no host")
	}
	w, err := p.acquire(ctx, req.Requester)
	if err != nil {
		return Result{}, err
	}
	res, reusable, err := p.run(ctx, w, req, host)
	if reusable {
		p.putIdle(w)
	} else {
		p.retire(w)
	}
	return res, err
}

// acquire takes a free worker for requester: one that already serves it, else a fresh one.
// When only workers of other requesters are free, one of them is recycled and the execution
// waits for its fresh replacement.
func (p *Pool) acquire(ctx context.Context, requester string) (*proc, error) {
	for {
		p.mu.Lock()
		w, stale := p.takeIdle(requester)
		sig := p.idleSig
		p.mu.Unlock()
		if stale != nil {
			p.recycled.Add(1)
			p.retire(stale)
		}
		if w != nil {
			select {
			case <-w.exited: // died while idle (killed from outside): not this execution's failure
				p.log.Warn("runtime worker died while idle; replacing it", "pid", w.pid, "status", w.death())
				p.retire(w)
				continue
			default:
			}
			w.owner, w.used = requester, true // only this execution holds w now
			return w, nil
		}
		if stale != nil {
			continue // its replacement may already be idle
		}
		select {
		case <-sig:
		case <-ctx.Done():
			return nil, errorf(KindCanceled, "waiting for a free worker: %v", ctx.Err())
		case <-p.life.Done():
			return nil, errorf(KindUnavailable, "the runtime is shut down")
		}
	}
}

// takeIdle removes and returns a free worker for requester, or else a free worker of another
// requester to recycle. Called with mu held.
func (p *Pool) takeIdle(requester string) (w, stale *proc) {
	pick := -1
	for i := len(p.idle) - 1; i >= 0; i-- { // most recently used first: its heap is warm
		if c := p.idle[i]; c.used && c.owner == requester {
			pick = i
			break
		}
	}
	if pick < 0 {
		for i, c := range p.idle {
			if !c.used {
				pick = i
				break
			}
		}
	}
	if pick >= 0 {
		w = p.idle[pick]
		p.idle = slices.Delete(p.idle, pick, pick+1)
		return w, nil
	}
	if len(p.idle) > 0 { // the least recently used goes
		stale = p.idle[0]
		p.idle = slices.Delete(p.idle, 0, 1)
	}
	return nil, stale
}

// idleRecycle is how long a worker that served a requester may stay free before it is
// replaced by a fresh one, so that a quiet node has fresh workers ready for a new requester
// instead of making it wait for a start.
const idleRecycle = 2 * time.Second

// recycleIdle replaces workers that served a requester and have been free for a while.
func (p *Pool) recycleIdle() {
	tick := time.NewTicker(p.cfg.recycle / 4)
	defer tick.Stop()
	for {
		select {
		case <-p.life.Done():
			return
		case <-tick.C:
		}
		var stale []*proc
		p.mu.Lock()
		keep := p.idle[:0]
		for _, w := range p.idle {
			if w.used && time.Since(w.idleSince) > p.cfg.recycle {
				stale = append(stale, w)
			} else {
				keep = append(keep, w)
			}
		}
		clear(p.idle[len(keep):])
		p.idle = keep
		p.mu.Unlock()
		for _, w := range stale {
			p.recycled.Add(1)
			p.retire(w)
		}
	}
}

// putIdle returns a worker to the free set and wakes the executions waiting for one.
func (p *Pool) putIdle(w *proc) {
	p.mu.Lock()
	defer p.mu.Unlock()
	w.idleSince = time.Now()
	p.idle = append(p.idle, w)
	close(p.idleSig)
	p.idleSig = make(chan struct{})
}

func validateRequest(req Request, lim Limits) *Error {
	if len(req.Code) == 0 {
		return errorf(KindBadRequest, "no code to execute")
	}
	if len(req.Code) > lim.MaxCode {
		return errorf(KindBadRequest, "code is %d bytes, over the %d-byte limit", len(req.Code), lim.MaxCode)
	}
	if len(req.IPFSID) > maxShortArg {
		return errorf(KindBadRequest, "ipfsId is %d bytes long", len(req.IPFSID))
	}
	if len(req.JSParams) > lim.MaxParams {
		return errorf(KindBadRequest, "jsParams is %d bytes, over the %d-byte limit", len(req.JSParams), lim.MaxParams)
	}
	if params := bytes.TrimSpace(req.JSParams); len(params) > 0 {
		if !json.Valid(params) {
			return errorf(KindBadRequest, "jsParams is not valid JSON")
		}
		if params[0] != '{' && !bytes.Equal(params, []byte("null")) {
			return errorf(KindBadRequest, "jsParams must be a JSON object")
		}
	}
	for i, c := range req.Auth.AuthMethodContexts {
		if !json.Valid(c) {
			return errorf(KindBadRequest, "auth method context %d is not valid JSON", i)
		}
	}
	return nil
}

// retire ends a worker that must not run again and starts its replacement.
func (p *Pool) retire(w *proc) {
	p.mu.Lock()
	delete(p.live, w)
	p.mu.Unlock()
	p.exited.Add(1)
	if !p.goOwned(func() {
		w.close()
		p.replace()
	}) {
		w.close() // closing: Close already killed it, this only reaps
	}
}

// goOwned runs f in a goroutine that Close waits for, unless the pool is closing; it reports
// whether it did. Adding to the WaitGroup under the lock that Close takes before Wait keeps
// every Add before the Wait.
func (p *Pool) goOwned(f func()) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				p.log.Error("a runtime goroutine panicked; the node keeps running", "panic", r, "stack", string(debug.Stack()))
			}
		}()
		f()
	}()
	return true
}

// replace starts a worker to take a retired one's place, retrying with backoff until it
// succeeds or the pool closes.
func (p *Pool) replace() {
	backoff := 100 * time.Millisecond
	for {
		w, err := p.start(p.life)
		if err == nil {
			p.putIdle(w)
			return
		}
		if p.life.Err() != nil {
			return
		}
		p.log.Warn("runtime worker failed to start; retrying", "err", err, "retry_in", backoff)
		select {
		case <-p.life.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 10*time.Second)
	}
}
