package deptest

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/litmesh/litmesh"

// A rule forbids the packages matching From (and everything they depend on, directly or not)
// to depend on the packages matching any of Forbid, unless Except matches the importer.
// Patterns are module-relative: "client" is that package, "mpc/..." the package and all below.
type rule struct {
	From   []string
	Forbid []string
	Except []string
	Why    string
}

var rules = []rule{
	{
		From:   []string{"client/..."},
		Forbid: []string{"node/...", "attestation/simulated", "github.com/google/go-sev-guest/testing"},
		Why:    "the SDK links neither the node nor the simulated attestation and its test keys (a devnet's roots are passed with client.WithDevnetRoots)",
	},
	{
		From:   []string{"mpc/..."},
		Forbid: []string{"p2p/...", "node/...", "chain/..."},
		Why:    "the cryptographic protocols are transport- and chain-agnostic libraries",
	},
	{
		From:   []string{"access/...", "chain/...", "runtime/...", "ipfs/...", "attestation/...", "api/...", "p2p/..."},
		Forbid: []string{"node/..."},
		Why:    "libraries the node is built from never reach back into it",
	},
	{
		From:   []string{"..."},
		Forbid: []string{"internal/cli/..."},
		Except: []string{"cmd/...", "internal/..."},
		Why:    "the command-line code is only for the commands",
	},
	{
		From:   []string{"..."},
		Forbid: []string{"internal/testutil"},
		Why:    "the shared test helpers (and their -update flag) are for _test.go files only",
	},
}

// match reports whether the import path p matches the module-relative pattern pat, or, for a
// pattern outside the module (a dot in its first element), the full path.
func match(pat, p string) bool {
	if pat == "..." {
		return p == module || strings.HasPrefix(p, module+"/")
	}
	if strings.Contains(strings.SplitN(pat, "/", 2)[0], ".") {
		return p == pat || strings.HasPrefix(p, pat+"/")
	}
	rel, ok := strings.CutPrefix(p, module+"/")
	if !ok {
		if p != module {
			return false
		}
		rel = ""
	}
	if base, ok := strings.CutSuffix(pat, "/..."); ok {
		return rel == base || strings.HasPrefix(rel, base+"/")
	}
	return rel == pat
}

func matchAny(pats []string, p string) bool {
	for _, pat := range pats {
		if match(pat, p) {
			return true
		}
	}
	return false
}

// violations lists, for a graph of package → all its dependencies, every dependency a rule
// forbids, as "importer → dependency: why".
func violations(graph map[string][]string) []string {
	var out []string
	for pkg, deps := range graph {
		for _, r := range rules {
			if !matchAny(r.From, pkg) || matchAny(r.Except, pkg) {
				continue
			}
			for _, d := range deps {
				if matchAny(r.Forbid, d) {
					out = append(out, pkg+" → "+d+": "+r.Why)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// moduleGraph is `go list`'s graph of the module's packages (test files excluded) and their
// transitive dependencies.
func moduleGraph(t *testing.T) map[string][]string {
	t.Helper()
	root, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	cmd := exec.Command("go", "list", "-e", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}", "./...")
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(root)))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	graph := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) > 0 {
			graph[f[0]] = f[1:]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return graph
}

func TestTheModuleKeepsItsImportRules(t *testing.T) {
	graph := moduleGraph(t)
	if _, ok := graph[module+"/client"]; !ok {
		t.Fatalf("go list did not list %s/client: the graph is not the module's", module)
	}
	for _, v := range violations(graph) {
		t.Error(v)
	}
}

// The rules catch what they are meant to: each forbidden import added to a copy of a real graph
// is reported, and only it.
func TestAForbiddenImportIsCaught(t *testing.T) {
	graph := moduleGraph(t)
	cases := []struct{ from, dep string }{
		{"client", "node"},
		{"client", "attestation/simulated"},
		{"client", "github.com/google/go-sev-guest/testing"},
		{"mpc/ecdsa", "p2p"},
		{"mpc/frost", "chain"},
		{"mpc/bls", "node"},
		{"access", "node"},
		{"runtime", "node"},
		{"attestation/handshake", "node"},
		{"client", "internal/cli/lit"},
		{"node", "internal/cli/lit"},
		{"node", "internal/testutil"},
		{"testnet", "internal/testutil"},
	}
	for _, c := range cases {
		from, dep := module+"/"+c.from, c.dep
		if !strings.Contains(dep, ".") {
			dep = module + "/" + dep
		}
		before := len(violations(map[string][]string{from: graph[from]}))
		v := violations(map[string][]string{from: append(append([]string(nil), graph[from]...), dep)})
		if len(v) != before+1 || !containsPrefix(v, from+" → "+dep+":") {
			t.Errorf("%s importing %s: got %q, want it named as a violation", c.from, c.dep, v)
		}
	}
	// Allowed edges stay allowed.
	for _, c := range []struct{ from, dep string }{
		{"cmd/lit", "internal/cli/lit"},
		{"node", "mpc/ecdsa"},
		{"testnet", "node"},
	} {
		from, dep := module+"/"+c.from, module+"/"+c.dep
		if v := violations(map[string][]string{from: {dep}}); len(v) != 0 {
			t.Errorf("%s importing %s is allowed, got %q", c.from, c.dep, v)
		}
	}
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
