//go:build linux

package runtime

import (
	"context"
	"strings"
	"syscall"
	"testing"
)

// When the kernel or a container refuses a plan (here: clone flags the kernel rejects, as
// Docker's seccomp profile rejects CLONE_NEWUSER), a best-effort pool falls back to the next
// plan and reports what it lacks; a required one fails, naming the refusal.
func TestARefusedLaunchPlanFallsBackOrFails(t *testing.T) {
	defer func(orig func(Sandbox) []launchPlan) { launchPlans = orig }(launchPlans)
	launchPlans = func(s Sandbox) []launchPlan {
		refused := launchPlan{attr: &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWPID | syscall.CLONE_THREAD}, namespaces: []string{"user", "mount", "pid", "net", "ipc", "uts"}, dedicated: true}
		return append([]launchPlan{refused}, sandboxPlans(s)[1:]...)
	}
	ctx := context.Background()

	p, err := NewPool(ctx, WithWorkers(1), WithSandbox(Sandbox{Mode: SandboxBestEffort}))
	if err != nil {
		t.Fatalf("best effort with the strongest plan refused: %v", err)
	}
	r := p.Sandbox()
	p.Close()
	if len(r.Namespaces) == 6 && r.Namespaces[0] == "user" {
		t.Fatalf("the refused plan was reported as in use: %s", r)
	}
	if !strings.Contains(strings.Join(r.Missing, "; "), "namespaces") {
		t.Fatalf("the missing namespaces are not reported: %q", r.Missing)
	}

	_, err = NewPool(ctx, WithWorkers(1), WithSandbox(Sandbox{Mode: SandboxRequired}))
	if err == nil || !strings.Contains(err.Error(), "invalid argument") {
		t.Fatalf("a required sandbox whose plan the kernel refuses: %v, want the refusal", err)
	}
}

// A deny path that does not exist here (/dev/sev-guest off SEV-SNP hardware) leaves nothing to
// reach: it does not make the sandbox incomplete. Any other outcome that is not a denial does.
func TestAnAbsentDenyPathIsNoHole(t *testing.T) {
	r := SandboxReport{Probes: map[string]string{
		"open /data":          "denied: permission denied",
		"open /dev/sev-guest": "absent",
		"socket inet":         "denied: operation not permitted",
		"fork and exec":       "denied: operation not permitted",
	}}
	if !r.Complete() || r.Problem() != nil {
		t.Fatalf("an absent device counted as a hole: %v", r.Problem())
	}
	r.Probes["open /data"] = "ALLOWED"
	if r.Complete() || r.Problem() == nil || !strings.Contains(r.Problem().Error(), "open /data") {
		t.Fatalf("an allowed open was not reported: %v", r.Problem())
	}
}
