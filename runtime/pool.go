package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
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
}

// Option configures a Pool.
type Option func(*config) error

type config struct {
	workers int
	limits  Limits
	log     *slog.Logger
	exe     string
	args    []string
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

// Pool runs actions in supervised worker processes, each with a warm V8 isolate. A worker that
// dies or whose isolate is unfit for reuse (after a timeout or a heap exhaustion) is replaced in
// the background; the executions on other workers are not affected.
type Pool struct {
	cfg  config
	log  *slog.Logger
	idle chan *proc
	// life is canceled by Close; its Done channel says the pool is closed
	life   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	live   map[*proc]struct{}
	closed bool

	started, exited atomic.Uint64
}

// NewPool starts the workers and returns once every one is warm. ctx bounds the start only.
func NewPool(ctx context.Context, opts ...Option) (*Pool, error) {
	if _, isWorker := os.LookupEnv(workerEnv); isWorker {
		// A worker whose main skipped RunWorkerIfRequested would otherwise start workers of its
		// own, without end.
		return nil, errors.New("this process was started as a runtime worker: main (or TestMain) must call runtime.RunWorkerIfRequested first")
	}
	cfg := config{workers: 2, limits: DefaultLimits(), log: slog.Default()}
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
		cfg:  cfg,
		log:  cfg.log,
		idle: make(chan *proc, cfg.workers),
		live: map[*proc]struct{}{},
	}
	p.life, p.cancel = context.WithCancel(context.Background())
	errs := make(chan error, cfg.workers)
	for range cfg.workers {
		go func() {
			w, err := p.start(ctx)
			if err == nil {
				p.idle <- w
			}
			errs <- err
		}()
	}
	var failed error
	for range cfg.workers {
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

// start starts one worker and registers it as live.
func (p *Pool) start(ctx context.Context) (*proc, error) {
	w, err := startProc(ctx, p.cfg.exe, p.cfg.args, p.cfg.limits)
	if err != nil {
		return nil, err
	}
	p.started.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		go w.close()
		p.exited.Add(1)
		return nil, errors.New("runtime pool closed")
	}
	p.live[w] = struct{}{}
	return w, nil
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
	n := len(p.live)
	p.mu.Unlock()
	return Stats{Workers: n, Idle: len(p.idle), Started: p.started.Load(), Exited: p.exited.Load()}
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
	var w *proc
	for w == nil {
		select {
		case w = <-p.idle:
		case <-ctx.Done():
			return Result{}, errorf(KindCanceled, "waiting for a free worker: %v", ctx.Err())
		case <-p.life.Done():
			return Result{}, errorf(KindUnavailable, "the runtime is shut down")
		}
		select {
		case <-w.exited: // died while idle (killed from outside): not this execution's failure
			p.log.Warn("runtime worker died while idle; replacing it", "pid", w.pid, "status", w.death())
			p.retire(w)
			w = nil
		default:
		}
	}
	res, reusable, err := p.run(ctx, w, req, host)
	if reusable {
		p.idle <- w // never blocks: the channel holds every worker
	} else {
		p.retire(w)
	}
	return res, err
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
			p.idle <- w
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
