package runtime

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// SandboxMode says how hard the pool insists on confining its workers at the OS level.
type SandboxMode int

// The sandbox modes.
const (
	// SandboxRequired refuses to start workers unless every layer is in place and each worker's
	// own check at start shows the data directory, sockets and exec denied. Production nodes use it.
	SandboxRequired SandboxMode = iota
	// SandboxBestEffort applies every layer the kernel and the node's privileges allow and
	// reports the missing ones (the node logs them as errors). Devnets and
	// --insecure-no-sandbox use it.
	SandboxBestEffort
	// SandboxOff starts workers as plain child processes: for measuring what the sandbox costs.
	SandboxOff
)

func (m SandboxMode) String() string {
	switch m {
	case SandboxRequired:
		return "required"
	case SandboxBestEffort:
		return "best-effort"
	case SandboxOff:
		return "off"
	}
	return fmt.Sprintf("SandboxMode(%d)", int(m))
}

// SandboxLayer is one layer of the worker sandbox.
type SandboxLayer uint

// The layers; Sandbox.Layers selects them (all by default).
const (
	// LayerUser runs workers under a dedicated unprivileged uid/gid with no supplementary
	// groups (the node must be root to switch to it).
	LayerUser SandboxLayer = 1 << iota
	// LayerNamespaces starts workers in new user, mount, PID, network, IPC and UTS namespaces:
	// no network interface but a loopback that is down, no view of the node's processes.
	LayerNamespaces
	// LayerSeccomp installs a seccomp allowlist once the isolate is warm: no sockets, no
	// process creation, no exec, no ptrace, no mounts — only what V8 and Go need to run.
	LayerSeccomp
	// LayerLandlock restricts the filesystem before the worker's first thread starts: read
	// access to three files the runtime needs, nothing else (the data directory and
	// /dev/sev-guest included); no TCP, no signals or abstract sockets outside the worker.
	LayerLandlock

	allLayers = LayerUser | LayerNamespaces | LayerSeccomp | LayerLandlock
)

// DefaultSandboxID is the host uid and gid workers run under when the node is root and no
// other is configured: far above the ranges of system users (< 1000), people (1000–60000),
// systemd's dynamic users (61184–65519) and the subordinate ranges container runtimes hand out
// from 100000 on. No file on the host should belong to it.
const DefaultSandboxID = 2_000_000_000

// Sandbox configures how workers are confined.
type Sandbox struct {
	Mode SandboxMode
	// Layers to apply; zero means all of them.
	Layers SandboxLayer
	// UID and GID are the host ids workers run as when the node is root; zero means
	// DefaultSandboxID.
	UID, GID uint32
	// DenyPaths are paths a worker must not be able to open — the node's data directory,
	// /dev/sev-guest. Landlock already denies everything but its short allowlist; these are what
	// each worker tries to open at start, so a sandbox that does not hold is caught before any
	// action runs.
	DenyPaths []string
}

// WithSandbox sets how workers are confined. Without it a pool applies every layer it can
// (SandboxBestEffort).
func WithSandbox(s Sandbox) Option {
	return func(c *config) error {
		if s.Layers == 0 {
			s.Layers = allLayers
		}
		if s.Layers&^allLayers != 0 {
			return fmt.Errorf("unknown sandbox layers %#x", uint(s.Layers&^allLayers))
		}
		if s.Mode < SandboxRequired || s.Mode > SandboxOff {
			return fmt.Errorf("unknown sandbox mode %d", int(s.Mode))
		}
		if s.UID == 0 {
			s.UID = DefaultSandboxID
		}
		if s.GID == 0 {
			s.GID = DefaultSandboxID
		}
		for _, p := range s.DenyPaths {
			if !strings.HasPrefix(p, "/") {
				return fmt.Errorf("sandbox deny path %q is not absolute", p)
			}
		}
		c.sandbox = s
		return nil
	}
}

// launchPlans lists the ways to start a worker, strongest first; a variable so that a test can
// put a plan the kernel refuses in front.
var launchPlans = sandboxPlans

func defaultSandbox() Sandbox {
	return Sandbox{Mode: SandboxBestEffort, Layers: allLayers, UID: DefaultSandboxID, GID: DefaultSandboxID}
}

// SandboxReport is what a worker's sandbox turned out to be, checked from both sides: the
// parent's view of the process (its host uid, its namespaces) and the worker's own attempts,
// after it was confined, to open the denied paths, open sockets and exec.
type SandboxReport struct {
	Mode       SandboxMode
	UID, GID   int      // the host ids the worker runs as
	Dedicated  bool     // UID and GID are the sandbox's own, not the node's
	Namespaces []string // new namespaces the worker runs in: user, mount, pid, net, ipc, uts
	Seccomp    bool     // the seccomp allowlist is installed
	Landlock   int      // the Landlock ABI the worker is restricted with; 0: none
	// Probes maps each attempt ("open /data", "socket inet", "exec") to its outcome:
	// "denied: <errno>", "absent" (a path that does not exist here, e.g. /dev/sev-guest off
	// SEV-SNP hardware: nothing to reach) or "ALLOWED".
	Probes map[string]string
	// Missing names each layer that is not in place and why.
	Missing []string
}

// Complete reports whether every layer is in place and every probe was denied.
func (r SandboxReport) Complete() bool { return len(r.Missing) == 0 && len(r.allowed()) == 0 }

func (r SandboxReport) allowed() []string {
	var out []string
	for what, outcome := range r.Probes {
		if !strings.HasPrefix(outcome, "denied") && outcome != "absent" {
			out = append(out, what)
		}
	}
	sort.Strings(out)
	return out
}

// Problem is nil for a complete sandbox, or an error naming every missing layer and every
// attempt that should have been denied and was not.
func (r SandboxReport) Problem() error {
	var errs []error
	for _, m := range r.Missing {
		errs = append(errs, errors.New(m))
	}
	for _, a := range r.allowed() {
		errs = append(errs, fmt.Errorf("a sandboxed worker could %s", a))
	}
	return errors.Join(errs...)
}

// String is the one-line summary the node logs at start.
func (r SandboxReport) String() string {
	if r.Mode == SandboxOff {
		return "off"
	}
	ns := "none"
	if len(r.Namespaces) > 0 {
		ns = strings.Join(r.Namespaces, ",")
	}
	ll := "no"
	if r.Landlock > 0 {
		ll = fmt.Sprintf("ABI %d", r.Landlock)
	}
	return fmt.Sprintf("uid %d gid %d (dedicated: %t), namespaces %s, seccomp %t, landlock %s", r.UID, r.GID, r.Dedicated, ns, r.Seccomp, ll)
}

// sandboxSpec is what the parent tells a worker to do to itself, in the init frame.
type sandboxSpec struct {
	Seccomp   bool     `json:"seccomp,omitempty"`
	Landlock  bool     `json:"landlock,omitempty"` // the constructor was asked to apply it
	DenyPaths []string `json:"denyPaths,omitempty"`
}

// workerSandbox is what a worker reports about itself in its ready frame.
type workerSandbox struct {
	Seccomp      bool              `json:"seccomp"`
	SeccompError string            `json:"seccompError,omitempty"`
	Landlock     int               `json:"landlock"`
	LandlockErr  string            `json:"landlockError,omitempty"`
	PID          int               `json:"pid"` // as the worker sees it: 1 in a new PID namespace
	Probes       map[string]string `json:"probes,omitempty"`
}
