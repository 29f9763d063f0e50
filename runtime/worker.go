package runtime

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// workerEnv marks a process as a runtime worker; its value is the protocol version.
const (
	workerEnv     = "LITMESH_RUNTIME_WORKER"
	workerVersion = "2"
)

// The descriptors a worker inherits from its parent (exec.Cmd.ExtraFiles start at descriptor
// 3): its two pipes, and the executable it was started from (exec'd as /proc/self/fd/5, so a
// worker under the sandbox's uid needs no search permission on the directories above it).
const (
	workerInFD  = 3
	workerOutFD = 4
	workerExeFD = 5
)

// RunWorkerIfRequested turns this process into a runtime worker and never returns if the Pool
// started it as one; otherwise it returns at once. Every binary that creates a Pool must call
// it first thing in main(), before flag parsing or any other work, and tests of packages that
// create a Pool must call it first in TestMain:
//
//	func main() {
//		runtime.RunWorkerIfRequested()
//		...
//	}
func RunWorkerIfRequested() {
	exitIfExecProbe()
	v, ok := os.LookupEnv(workerEnv)
	if !ok {
		return
	}
	if v != workerVersion {
		fmt.Fprintf(os.Stderr, "runtime worker: protocol version %q, this binary speaks %q\n", v, workerVersion)
		os.Exit(2)
	}
	_ = os.NewFile(workerExeFD, "runtime-exe").Close()
	err := serveWorker(os.NewFile(workerInFD, "runtime-in"), os.NewFile(workerOutFD, "runtime-out"))
	if err != nil {
		fmt.Fprintf(os.Stderr, "runtime worker: %v\n", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// prepareAfter is how long a worker waits for its next request before preparing the context.
const prepareAfter = 20 * time.Millisecond

// awaitExec waits for the next execution. Its context is prepared once the worker has been
// idle a while: on a machine that runs several nodes, a worker that prepared at once would take
// CPU from the other nodes still working on the same request.
func awaitExec(eng *engine, execs <-chan message, idle *time.Timer) (message, bool) {
	idle.Reset(prepareAfter)
	select {
	case m, ok := <-execs:
		return m, ok
	case <-idle.C:
		eng.prepareNext()
		m, ok := <-execs
		return m, ok
	}
}

// serveWorker is the worker's life: read the limits, warm an isolate, then run executions one
// at a time until the parent closes the pipe or an execution leaves the isolate unfit for reuse.
//
//nolint:funlen // the worker's read-run-reply loop with its fitness checks
func serveWorker(in io.Reader, out io.Writer) error {
	r := bufio.NewReaderSize(in, 64<<10)
	first, err := readMessage(r, frameLimit{})
	if err != nil {
		return fmt.Errorf("read init: %w", err)
	}
	if first.Type != msgInit {
		return fmt.Errorf("first frame is %s, want init", first.Type)
	}
	lim, err := first.Init.Limits.withDefaults()
	if err != nil {
		return fmt.Errorf("limits: %w", err)
	}
	flim := limitFor(lim)

	var sendMu sync.Mutex
	bw := bufio.NewWriterSize(out, 64<<10)
	send := func(m message) error {
		sendMu.Lock()
		defer sendMu.Unlock()
		if err := writeMessage(bw, m, flim); err != nil {
			return err
		}
		return bw.Flush()
	}

	replies := newInbox()
	eng, err := newEngine(lim, send, replies)
	if err != nil {
		return err
	}
	// Confined only now: warming the isolate is the node's own code, and after it a worker
	// needs far fewer system calls than V8 needs to start.
	var ready readyMsg
	if spec := first.Init.Sandbox; spec != nil {
		ready.Sandbox = confine(spec)
	}
	if err := send(message{Type: msgReady, Ready: &ready}); err != nil {
		return fmt.Errorf("send ready: %w", err)
	}

	// The reader runs beside the engine so that a cancel can terminate JavaScript that is busy.
	execs := make(chan message)
	readErr := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				readErr <- fmt.Errorf("read frames: panic: %v", r)
				close(execs)
				eng.cancelCurrent()
			}
		}()
		for {
			m, err := readMessage(r, flim)
			if err != nil {
				readErr <- err
				close(execs)
				eng.cancelCurrent() // the parent is gone or broken: stop now, not at the deadline
				return
			}
			switch m.Type {
			case msgCancel:
				eng.cancelCurrent()
			case msgReply:
				replies.push(m)
			case msgExec:
				execs <- m
			default:
				readErr <- fmt.Errorf("unexpected %s frame from the parent", m.Type)
				close(execs)
				return
			}
		}
	}()

	idle := time.NewTimer(prepareAfter)
	defer idle.Stop()
	for {
		m, ok := awaitExec(eng, execs, idle)
		if !ok {
			if err := <-readErr; !errors.Is(err, io.EOF) {
				return err
			}
			return nil // the parent closed the pipe: it no longer needs this worker
		}
		res := eng.run(m.Exec, m.part(0), m.part(1))
		if err := send(res); err != nil {
			return fmt.Errorf("send result: %w", err)
		}
		if res.Result.Retire {
			return nil
		}
		eng.collect()
	}
}
