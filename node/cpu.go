package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
)

// Presigning off the request path (docs/pkp.md, "Presigning and online work"). Presignatures are
// made in the background in big CPU-heavy steps (a batch's commitments, its batch verification);
// a signature, a decryption share or a handshake is a few milliseconds of work that a client is
// waiting for. cpuPool runs the heavy steps on a few dedicated OS threads whose scheduling
// priority is lowered (nice), so the kernel runs online work first — this node's and that of
// every other process on the machine (seven nodes of a devnet share two cores) — and presigning
// takes the CPU left over. One P (GOMAXPROCS) always stays free of presigning so this node's own
// requests never queue behind a step. The pool is shared by every node of the process (the
// in-process test networks run several): the budget is the process's, not each node's.

// presignNice is the nice value of presigning threads: CFS gives a nice-10 thread about a
// tenth of the weight of a nice-0 one, and all of an otherwise idle CPU.
const presignNice = 10

// presignWorkers is how many presigning steps run at once on this node: every P but one.
func presignWorkers() int { return max(1, runtime.GOMAXPROCS(0)-1) }

// errCPUPoolClosed is returned for work handed to a pool that has stopped.
var errCPUPoolClosed = errors.New("presigning stopped")

type cpuPool struct {
	jobs chan func()
	quit chan struct{}
	wg   sync.WaitGroup
}

// newCPUPool starts workers threads at nice; Close stops them.
func newCPUPool(workers, nice int, log *slog.Logger) *cpuPool {
	p := &cpuPool{jobs: make(chan func()), quit: make(chan struct{})}
	for range workers {
		p.wg.Add(1)
		go p.work(nice, log)
	}
	return p
}

func (p *cpuPool) work(nice int, log *slog.Logger) {
	defer p.wg.Done()
	// The thread is never unlocked: once its priority is lowered (which cannot be undone
	// without privileges) it must not run other goroutines; Go ends it when this one returns.
	runtime.LockOSThread()
	if err := lowerThreadPriority(nice); err != nil {
		log.Debug("presigning runs at normal priority", "reason", err)
	}
	for {
		select {
		case <-p.quit:
			return
		case job := <-p.jobs:
			job()
		}
	}
}

// Run runs f on a worker and returns when f has; it returns ctx's error if no worker took f
// before ctx ended. A panic in f is re-raised in the caller's goroutine, whose owner recovers
// it as it would have without the pool.
func (p *cpuPool) Run(ctx context.Context, f func()) error {
	done := make(chan any, 1)
	job := func() {
		defer func() { done <- recover() }()
		f()
	}
	select {
	case p.jobs <- job:
	case <-ctx.Done():
		return ctx.Err()
	case <-p.quit:
		return errCPUPoolClosed
	}
	if r := <-done; r != nil {
		panic(fmt.Sprintf("presigning step: %v", r))
	}
	return nil
}

// The process's pool, started by the first node that needs it and stopped by the last.
var sharedCPU struct {
	mu    sync.Mutex
	pool  *cpuPool
	users int
}

// acquireCPUPool returns the process's presigning pool; call release when done with it.
func acquireCPUPool(log *slog.Logger) (pool *cpuPool, release func()) {
	sharedCPU.mu.Lock()
	defer sharedCPU.mu.Unlock()
	if sharedCPU.users == 0 {
		sharedCPU.pool = newCPUPool(presignWorkers(), presignNice, log)
	}
	sharedCPU.users++
	p := sharedCPU.pool
	var once sync.Once
	return p, func() {
		once.Do(func() {
			sharedCPU.mu.Lock()
			defer sharedCPU.mu.Unlock()
			sharedCPU.users--
			if sharedCPU.users == 0 {
				sharedCPU.pool.Close()
				sharedCPU.pool = nil
			}
		})
	}
}

// Close stops the workers after the steps they are running.
func (p *cpuPool) Close() {
	close(p.quit)
	p.wg.Wait()
}

// compute is the Compute hook of the service's presigning: its low-priority pool, or nil
// (inline) without one.
func (s *pkpService) compute() func(ctx context.Context, f func()) error {
	if s.cpu == nil {
		return nil
	}
	return s.cpu.Run
}
