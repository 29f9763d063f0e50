//go:build linux

package runtime_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/runtime"
)

// needRoot stops a test that needs root: CI runs as root, so there a missing privilege is a
// failure, never a skip.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("this sandbox test needs root (CI runs as root), but runs as uid %d", os.Geteuid())
	}
	t.Skipf("needs root to start workers under a dedicated uid (running as uid %d); CI runs it as root", os.Geteuid())
}

// nodeDir is a stand-in for a node's data directory: a key file only root may read, a file
// anyone may read, and a stand-in for /dev/sev-guest that anyone may read and write. Every
// directory above them is searchable, so only the sandbox can keep a worker out.
type nodeDir struct {
	dir, rootOnly, public, sevGuest string
}

func newNodeDir(t *testing.T) nodeDir {
	t.Helper()
	dir := t.TempDir()
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	nd := nodeDir{
		dir:      dir,
		rootOnly: filepath.Join(dir, "operator.key"),
		public:   filepath.Join(dir, "config.toml"),
		sevGuest: filepath.Join(dir, "sev-guest"),
	}
	for path, mode := range map[string]os.FileMode{nd.rootOnly: 0o600, nd.public: 0o644, nd.sevGuest: 0o666} {
		if err := os.WriteFile(path, []byte("secret"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil { // past the umask
			t.Fatal(err)
		}
	}
	return nd
}

func (nd nodeDir) paths() []string { return []string{nd.dir, nd.rootOnly, nd.public, nd.sevGuest} }

func sandboxedPool(t *testing.T, sb runtime.Sandbox) *runtime.Pool {
	t.Helper()
	p, err := runtime.NewPool(context.Background(), runtime.WithWorkers(1), runtime.WithLimits(testLimits), runtime.WithSandbox(sb))
	if err != nil {
		t.Fatalf("start a sandboxed pool: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func denied(outcome string) bool { return strings.HasPrefix(outcome, "denied") }

// A worker under the full sandbox cannot open the node's data directory or /dev/sev-guest (a
// stand-in here), cannot open a socket of any family, and cannot start or become another
// program — each tried from inside the confined worker process, where a V8 escape would run —
// and actions still run there: ethers, fetch through the node, timers, random bytes,
// WebAssembly, a heap that grows and is collected.
func TestSandboxedWorkerCannotReachTheNode(t *testing.T) {
	needRoot(t)
	nd := newNodeDir(t)
	p := sandboxedPool(t, runtime.Sandbox{Mode: runtime.SandboxRequired, DenyPaths: nd.paths()})

	r := p.Sandbox()
	t.Logf("sandbox: %s", r)
	if err := r.Problem(); err != nil {
		t.Fatalf("the sandbox is incomplete: %v", err)
	}
	if r.UID != runtime.DefaultSandboxID || r.GID != runtime.DefaultSandboxID || !r.Dedicated {
		t.Errorf("the worker runs as uid %d gid %d, want the dedicated %d", r.UID, r.GID, runtime.DefaultSandboxID)
	}
	if want := []string{"user", "mount", "pid", "net", "ipc", "uts"}; !slices.Equal(r.Namespaces, want) {
		t.Errorf("namespaces %v, want %v", r.Namespaces, want)
	}
	if !r.Seccomp || r.Landlock < 1 {
		t.Errorf("seccomp %t, landlock ABI %d: want both", r.Seccomp, r.Landlock)
	}
	for _, what := range []string{
		"open " + nd.dir, "open " + nd.rootOnly, "open " + nd.public, "open " + nd.sevGuest,
		"socket inet", "socket inet6", "socket unix", "socket netlink", "fork and exec", "exec",
	} {
		if outcome, ok := r.Probes[what]; !ok || !denied(outcome) {
			t.Errorf("%s: %q, want denied", what, outcome)
		}
	}

	srv := newEchoServer(t)
	res, err := run(t, p, newTestHost(), `(async () => {
		const r = await fetch(jsParams.url + "/x", {method: "POST", body: "hi"});
		const echoed = (await r.json()).body;
		await new Promise((ok) => setTimeout(ok, 5));
		const rnd = new Uint8Array(16); crypto.getRandomValues(rnd);
		const wasm = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0,97,115,109,1,0,0,0,1,7,1,96,2,127,127,1,127,3,2,1,0,7,7,1,3,97,100,100,0,0,10,9,1,7,0,32,0,32,1,106,11])));
		let junk = []; for (let i = 0; i < 200; i++) junk.push(new Array(10000).fill(i)); junk = null;
		Lit.Actions.setResponse({response: [echoed, ethers.utils.keccak256("0x01").slice(0, 10), wasm.exports.add(40, 2), rnd.some((b) => b !== 0)].join(",")});
	})()`, `{"url":"`+srv.URL+`"}`)
	if err != nil {
		t.Fatalf("an action under the sandbox failed: %v (logs %q)", err, res.Logs)
	}
	if want := "hi,0x5fe7f977,42,true"; res.Response != want {
		t.Fatalf("response %q, want %q", res.Response, want)
	}
}

// Each layer holds on its own, so a kernel or container that lacks one still gets the others;
// and each row also shows what its layer does not stop, which proves the probes would catch a
// sandbox that failed.
func TestEachSandboxLayerDeniesOnItsOwn(t *testing.T) {
	needRoot(t)
	nd := newNodeDir(t)
	cases := []struct {
		name    string
		layer   runtime.SandboxLayer
		denied  []string
		allowed []string
	}{
		{
			name:    "Landlock alone keeps even root out of the data directory and the sev-guest device",
			layer:   runtime.LayerLandlock,
			denied:  []string{"open " + nd.dir, "open " + nd.rootOnly, "open " + nd.public, "open " + nd.sevGuest, "exec", "fork and exec"},
			allowed: []string{"socket unix"},
		},
		{
			name:    "seccomp alone refuses sockets, new processes and exec",
			layer:   runtime.LayerSeccomp,
			denied:  []string{"socket inet", "socket inet6", "socket unix", "socket netlink", "fork and exec", "exec"},
			allowed: []string{"open " + nd.rootOnly, "open " + nd.sevGuest},
		},
		{
			name:    "the dedicated uid alone keeps the worker out of files only root may read",
			layer:   runtime.LayerUser,
			denied:  []string{"open " + nd.rootOnly},
			allowed: []string{"open " + nd.public, "open " + nd.sevGuest, "socket inet", "fork and exec"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := sandboxedPool(t, runtime.Sandbox{Mode: runtime.SandboxBestEffort, Layers: tc.layer, DenyPaths: nd.paths()})
			r := p.Sandbox()
			for _, what := range tc.denied {
				if outcome := r.Probes[what]; !denied(outcome) {
					t.Errorf("%s: %q, want denied", what, outcome)
				}
			}
			for _, what := range tc.allowed {
				if outcome := r.Probes[what]; !strings.HasPrefix(outcome, "ALLOWED") {
					t.Errorf("%s: %q, want allowed: this layer alone does not stop it", what, outcome)
				}
			}
			if r.Complete() {
				t.Errorf("a single layer reported as a complete sandbox: %s", r)
			}
			mustServe(t, p)
		})
	}
	t.Run("namespaces alone give the worker its own PID, network and mount namespaces", func(t *testing.T) {
		p := sandboxedPool(t, runtime.Sandbox{Mode: runtime.SandboxBestEffort, Layers: runtime.LayerNamespaces})
		r := p.Sandbox()
		if want := []string{"user", "mount", "pid", "net", "ipc", "uts"}; !slices.Equal(r.Namespaces, want) {
			t.Fatalf("namespaces %v, want %v", r.Namespaces, want)
		}
		for _, m := range r.Missing {
			if strings.HasPrefix(m, "namespaces") {
				t.Errorf("namespaces reported missing: %s", m)
			}
		}
		mustServe(t, p)
	})
}

// A production node refuses to run actions in a sandbox with a layer missing.
func TestRequiredSandboxRefusesAMissingLayer(t *testing.T) {
	needRoot(t)
	_, err := runtime.NewPool(context.Background(), runtime.WithWorkers(1), runtime.WithLimits(testLimits),
		runtime.WithSandbox(runtime.Sandbox{Mode: runtime.SandboxRequired, Layers: runtime.LayerNamespaces | runtime.LayerUser | runtime.LayerLandlock}))
	if err == nil || !strings.Contains(err.Error(), "seccomp") {
		t.Fatalf("a required sandbox without seccomp started: %v", err)
	}
}
