package runtime

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// proc is the parent's handle on one worker process.
type proc struct {
	cmd    *exec.Cmd
	pid    int
	toW    *os.File // the worker's input pipe
	bw     *bufio.Writer
	sendMu sync.Mutex
	lim    frameLimit
	output *tail // the worker's stdout and stderr, last bytes only

	frames  chan message  // from the worker; closed when its output ends
	readErr error         // why frames closed; written before the close
	exited  chan struct{} // closed once the process is reaped
	waitErr error         // written before exited is closed

	killMu     sync.Mutex
	killReason *Error // why the parent killed it, if it did

	sandbox workerSandbox // what the worker reported about its confinement when it was ready
	// owner is the requester this worker serves; set on its first execution and never changed
	// (guarded by the pool's mu).
	owner     string
	used      bool
	idleSince time.Time
}

const (
	readyTimeout = 60 * time.Second // a warm isolate: V8 start and the ethers compile, on a loaded machine
	cancelGrace  = 2 * time.Second  // a worker that does not answer a cancel in this time is killed
	deadlineLeft = 5 * time.Second  // how long past its own deadline a worker may take before it is killed
	reapTimeout  = 5 * time.Second  // how long a closed or killed worker may take to exit
	sendTimeout  = 10 * time.Second // how long one frame to a worker may take to write
)

// startProc starts a worker as plan says and waits until its isolate is warm and, when spec is
// not nil, confined.
//
//nolint:funlen // starts a worker and waits for its handshake; the steps share the pipes and the timer
func startProc(ctx context.Context, exe string, args []string, lim Limits, plan launchPlan, spec *sandboxSpec) (*proc, error) {
	exeFile, err := os.Open(exe)
	if err != nil {
		return nil, fmt.Errorf("open the worker executable: %w", err)
	}
	defer exeFile.Close()
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("worker input pipe: %w", err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, fmt.Errorf("worker output pipe: %w", err)
	}
	p := &proc{
		toW:    inW,
		bw:     bufio.NewWriterSize(inW, 64<<10),
		lim:    limitFor(lim),
		output: &tail{max: 16 << 10},
		frames: make(chan message),
		exited: make(chan struct{}),
	}
	// The worker gets no environment but its markers, no working directory of interest and no
	// stdin: actions have no file or environment API, and the worker needs neither.
	p.cmd = &exec.Cmd{
		Path:       fmt.Sprintf("/proc/self/fd/%d", workerExeFD),
		Args:       append([]string{exe}, args...),
		Env:        []string{workerEnv + "=" + workerVersion},
		Dir:        "/",
		Stdout:     p.output,
		Stderr:     p.output,
		ExtraFiles: []*os.File{inR, outW, exeFile}, // descriptors 3, 4 and 5
	}
	if spec != nil && spec.Landlock {
		p.cmd.Env = append(p.cmd.Env, landlockEnv+"=1")
	}
	setLaunchPlan(p.cmd, plan)
	err = p.cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, fmt.Errorf("start worker %s: %w", exe, err)
	}
	p.pid = p.cmd.Process.Pid

	go func() {
		br := bufio.NewReaderSize(outR, 64<<10)
		defer func() {
			if r := recover(); r != nil { // a decoder bug must not take the node down: drop the worker
				p.readErr = fmt.Errorf("read worker frames: panic: %v", r)
				close(p.frames)
				outR.Close()
				_ = p.cmd.Process.Kill()
			}
		}()
		for {
			m, err := readMessage(br, p.lim)
			if err != nil {
				p.readErr = err
				close(p.frames)
				outR.Close()
				return
			}
			p.frames <- m
		}
	}()
	go func() {
		p.waitErr = p.cmd.Wait()
		close(p.exited)
	}()

	if err := p.send(message{Type: msgInit, Init: &initMsg{Limits: lim, Sandbox: spec}}); err != nil {
		p.kill(nil)
		return nil, fmt.Errorf("send init to worker %d: %w", p.pid, err)
	}
	timer := time.NewTimer(readyTimeout)
	defer timer.Stop()
	select {
	case m, ok := <-p.frames:
		if ok && m.Type == msgReady {
			p.sandbox = m.Ready.Sandbox
			return p, nil
		}
		p.kill(nil)
		if !ok {
			status := p.death()
			if out := p.output.String(); strings.Contains(out, "sandbox probe") || strings.Contains(out, "runtime worker:") {
				return nil, fmt.Errorf("worker %d exited before it was ready (%s): %s", p.pid, status, strings.TrimSpace(lastLine(out)))
			}
			return nil, fmt.Errorf("worker %d exited before it was ready (%s); does main, or TestMain in tests, call runtime.RunWorkerIfRequested first?", p.pid, status)
		}
		return nil, fmt.Errorf("worker %d sent %s before ready", p.pid, m.Type)
	case <-timer.C:
		p.kill(nil)
		return nil, fmt.Errorf("worker %d not ready after %s", p.pid, readyTimeout)
	case <-ctx.Done():
		p.kill(nil)
		return nil, fmt.Errorf("start worker: %w", ctx.Err())
	}
}

func (p *proc) send(m message) error {
	p.sendMu.Lock()
	defer p.sendMu.Unlock()
	// A worker always drains its input, so a write that stalls means a broken worker; the
	// deadline keeps it from blocking the parent.
	_ = p.toW.SetWriteDeadline(time.Now().Add(sendTimeout))
	if err := writeMessage(p.bw, m, p.lim); err != nil {
		return err
	}
	return p.bw.Flush()
}

// kill ends the worker at once; reason, if not nil, is what the running execution reports.
func (p *proc) kill(reason *Error) {
	p.killMu.Lock()
	if p.killReason == nil {
		p.killReason = reason
	}
	p.killMu.Unlock()
	_ = p.cmd.Process.Kill() // fails only if it is already reaped
}

func (p *proc) killedFor() *Error {
	p.killMu.Lock()
	defer p.killMu.Unlock()
	return p.killReason
}

// close asks an idle worker to exit by closing its input, and kills it if it does not.
func (p *proc) close() {
	p.sendMu.Lock()
	p.toW.Close()
	p.sendMu.Unlock()
	p.reap()
}

// reap waits for the process to exit, killing it if it takes too long.
func (p *proc) reap() {
	select {
	case <-p.exited:
		return
	case <-time.After(reapTimeout):
	}
	p.kill(nil)
	<-p.exited
}

// death classifies why a worker died, once its output has ended: the parent's own reason if it
// killed it, otherwise what V8 printed on the way out.
func (p *proc) death() string {
	select {
	case <-p.exited:
	case <-time.After(reapTimeout):
		p.kill(nil)
		<-p.exited
	}
	if p.waitErr == nil {
		return "exited"
	}
	return p.waitErr.Error()
}

// deathError is the execution's error for a worker that died under it.
func (p *proc) deathError() *Error {
	status := p.death()
	p.sendMu.Lock()
	p.toW.Close()
	p.sendMu.Unlock()
	if r := p.killedFor(); r != nil {
		return r
	}
	out := strings.ToLower(p.output.String())
	if strings.Contains(out, "out of memory") || strings.Contains(out, "heap limit") || strings.Contains(out, "allocation failed") {
		return errorf(KindMemory, "action exceeded its memory limit: the V8 heap ran out and its worker process died")
	}
	return errorf(KindCrashed, "the worker process running the action died (%s)", status)
}

// rss is the worker's resident memory in bytes, or 0 if it cannot be read.
func (p *proc) rss() int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(p.pid) + "/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(string(f[1]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// lastLine is the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(b), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
