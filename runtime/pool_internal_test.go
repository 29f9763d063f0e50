package runtime

import (
	"context"
	"encoding/json"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/litmesh/litmesh/internal/testutil"
)

// nopHost refuses every call; the tests here never make one.
type nopHost struct{}

var errNop = errorf(kindHostCall, "not on this host")

func (nopHost) Fetch(context.Context, FetchRequest, int) (FetchResponse, error) {
	return FetchResponse{}, errNop
}
func (nopHost) Sign(context.Context, SignRequest) (SignResult, error) { return SignResult{}, errNop }
func (nopHost) CheckConditions(context.Context, ConditionsRequest) (bool, error) {
	return false, errNop
}
func (nopHost) RPCURL(context.Context, string) (string, error) { return "", errNop }
func (nopHost) Permissions(context.Context, PermissionsRequest) (json.RawMessage, error) {
	return nil, errNop
}
func (nopHost) Chain(context.Context, ChainRequest) (string, error) { return "", errNop }
func (nopHost) Encrypt(context.Context, EncryptRequest) (EncryptResult, error) {
	return EncryptResult{}, errNop
}
func (nopHost) Decrypt(context.Context, DecryptRequest) (string, error)         { return "", errNop }
func (nopHost) ClaimKey(context.Context, ClaimRequest) (json.RawMessage, error) { return nil, errNop }
func (nopHost) ActionKey(context.Context, ActionKeyRequest) (json.RawMessage, error) {
	return nil, errNop
}
func (nopHost) ChildCode(context.Context, string, int) (string, error) { return "", errNop }
func (nopHost) Coordinate(context.Context, CoordinateRequest) (CoordinateResult, error) {
	return CoordinateResult{}, errNop
}

func onlyWorker(t *testing.T, p *Pool) *proc {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.live) != 1 {
		t.Fatalf("%d live workers, want 1", len(p.live))
	}
	for w := range p.live {
		return w
	}
	return nil
}

// A worker process that dies — here from a signal, as it would from a V8 abort or the kernel's
// OOM killer — fails only the execution it was running, and is replaced.
func TestAWorkerThatDiesIsReplaced(t *testing.T) {
	ctx := context.Background()
	p, err := NewPool(ctx, WithWorkers(1), WithLimits(Limits{Timeout: 20 * time.Second}), WithIdleRecycle(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	trivial := Request{Code: `Lit.Actions.setResponse({response: "fine"})`}

	// Dies while running an action.
	victim := onlyWorker(t, p)
	errc := make(chan error, 1)
	go func() {
		_, err := p.Execute(ctx, Request{Code: `while (true) {}`}, nopHost{})
		errc <- err
	}()
	testutil.WaitFor(t, 30*time.Second, "the action to start", func() bool { return p.Stats().Idle == 0 })
	if err := syscall.Kill(victim.pid, syscall.SIGSEGV); err != nil {
		t.Fatal(err)
	}
	err = <-errc
	if KindOf(err) != KindCrashed || !strings.Contains(err.Error(), "died") {
		t.Fatalf("got %v, want a crash error", err)
	}
	if res, err := p.Execute(ctx, trivial, nopHost{}); err != nil || res.Response != "fine" {
		t.Fatalf("after the crash: response %q, err %v", res.Response, err)
	}

	// Dies while idle: the next execution must not inherit the death.
	idle := onlyWorker(t, p)
	if err := syscall.Kill(idle.pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-idle.exited
	if res, err := p.Execute(ctx, trivial, nopHost{}); err != nil || res.Response != "fine" {
		t.Fatalf("after an idle death: response %q, err %v", res.Response, err)
	}
	if s := p.Stats(); s.Started != 3 || s.Exited != 2 {
		t.Fatalf("stats %+v, want 3 workers started and 2 ended", s)
	}
}

func TestCloseFailsRunningExecutionsAndRefusesNewOnes(t *testing.T) {
	ctx := context.Background()
	p, err := NewPool(ctx, WithWorkers(1))
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() {
		_, err := p.Execute(ctx, Request{Code: `while (true) {}`}, nopHost{})
		errc <- err
	}()
	testutil.WaitFor(t, 30*time.Second, "the action to start", func() bool { return p.Stats().Idle == 0 })
	p.Close()
	if err := <-errc; KindOf(err) != KindUnavailable {
		t.Fatalf("running execution: got %v, want unavailable", err)
	}
	if _, err := p.Execute(ctx, Request{Code: `1`}, nopHost{}); KindOf(err) != KindUnavailable {
		t.Fatalf("execution after Close: got %v, want unavailable", err)
	}
	if s := p.Stats(); s.Workers != 0 {
		t.Fatalf("stats %+v after Close, want no live workers", s)
	}
}
