package lit_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/litmesh/litmesh/runtime"
)

var litBinary string

// TestMain compiles the lit binary once for every test here: the devnet runs real processes.
// Tests that start in-process nodes make their Lit Action runtimes re-execute this binary as
// workers, which RunWorkerIfRequested hands off before anything else.
func TestMain(m *testing.M) {
	runtime.RunWorkerIfRequested()
	dir, err := os.MkdirTemp("", "lit-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	litBinary = filepath.Join(dir, "lit")
	out, err := exec.Command("go", "build", "-o", litBinary, "github.com/litmesh/litmesh/cmd/lit").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build lit: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func buildLit(*testing.T) string { return litBinary }

// freeBase finds a base port with room for n nodes (API at base+i, libp2p at base+100+i).
func freeBase(t *testing.T, n int) int {
	t.Helper()
	for try := 0; try < 50; try++ {
		base := 20000 + rand.IntN(20000)
		ok := true
		for _, p := range []int{base + 300, base + 400} { // the chain, the OIDC issuer
			ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
			if err != nil {
				ok = false
				break
			}
			ln.Close()
		}
		if !ok {
			continue
		}
		for i := 0; i < n && ok; i++ {
			for _, p := range []int{base + i, base + 100 + i} {
				ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
				if err != nil {
					ok = false
					break
				}
				ln.Close()
			}
		}
		if ok {
			return base
		}
	}
	t.Fatal("no free port range")
	return 0
}

type statusEntry struct {
	URL            string `json:"url"`
	PeerID         string `json:"peerId"`
	ConnectedPeers int    `json:"connectedPeers"`
	Epoch          uint64 `json:"epoch"`
	InActiveSet    bool   `json:"inActiveSet"`
	Attestation    *struct {
		Verified bool   `json:"verified"`
		Kind     string `json:"kind"`
		Reason   string `json:"reason"`
	} `json:"attestation"`
	Error string `json:"error"`
}

func runLit(t *testing.T, bin, dir string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.String(), e.String(), err
}

func pidsOf(t *testing.T, devDir string) map[string]int {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(devDir, "processes.json"))
	if err != nil {
		return nil
	}
	var recs []struct {
		Name string
		Pid  int
	}
	if err := json.Unmarshal(raw, &recs); err != nil {
		t.Fatal(err)
	}
	pids := map[string]int{}
	for _, r := range recs {
		pids[r.Name] = r.Pid
	}
	return pids
}

func alive(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(stat, ')')
	return i >= 0 && i+2 < len(stat) && stat[i+2] != 'Z' && stat[i+2] != 'X'
}

func TestDevnetUpMeshesReportsACrashedNodeAndDownLeavesNoProcess(t *testing.T) {
	bin := buildLit(t)
	work := t.TempDir()
	devDir := filepath.Join(work, "dn")
	base := freeBase(t, 4)
	t.Cleanup(func() { runLit(t, bin, work, "devnet", "down", "--dir", devDir) })

	out, errOut, err := runLit(t, bin, work, "devnet", "up", "--nodes", "4", "--detach", "--dir", devDir,
		"--base-port", strconv.Itoa(base), "--chain-port", strconv.Itoa(base+300))
	if err != nil {
		t.Fatalf("devnet up: %v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "mesh:") {
		t.Errorf("devnet up printed no mesh progress:\n%s", errOut)
	}
	var nf struct {
		Nodes []struct{ URL, PeerID string }
	}
	if err := json.Unmarshal([]byte(out), &nf); err != nil || len(nf.Nodes) != 4 {
		t.Fatalf("devnet up stdout is not the 4-node network file: %v\n%s", err, out)
	}
	netFile := filepath.Join(devDir, "network.json")

	out, errOut, err = runLit(t, bin, work, "status", "--verify", "--network", netFile)
	if err != nil {
		t.Fatalf("status: %v\n%s", err, errOut)
	}
	var st []statusEntry
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	for _, s := range st {
		if s.ConnectedPeers != 3 || s.Error != "" {
			t.Errorf("node %s: %d connected peers, error %q; want 3 and none", s.URL, s.ConnectedPeers, s.Error)
		}
		if s.Epoch != 1 || !s.InActiveSet {
			t.Errorf("node %s: epoch %d, in active set %v; want epoch 1 and in the set", s.URL, s.Epoch, s.InActiveSet)
		}
		if s.Attestation == nil || !s.Attestation.Verified || s.Attestation.Kind != "simulated" {
			t.Errorf("node %s: attestation %+v, want verified (simulated)", s.URL, s.Attestation)
		}
	}

	checkActionPinAndRun(t, bin, work, netFile)
	checkAuthMethodCommands(t, bin, work, devDir, netFile)

	// Kill one node hard: status must say so instead of hiding it.
	pids := pidsOf(t, devDir)
	if len(pids) != 6 {
		t.Fatalf("processes.json lists %d processes, want the chain, the OIDC issuer and 4 nodes", len(pids))
	}
	if err := syscall.Kill(pids["node-2"], syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		out, _, err = runLit(t, bin, work, "status", "--network", netFile)
		_ = json.Unmarshal([]byte(out), &st)
		if err != nil && st[2].Error != "" && st[0].ConnectedPeers == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("status after killing node-2 did not report it (err %v):\n%s", err, out)
		}
		time.Sleep(200 * time.Millisecond) // polling an external process's view; no event to wait on
	}

	if _, errOut, err := runLit(t, bin, work, "devnet", "down", "--dir", devDir); err != nil {
		t.Fatalf("devnet down: %v\n%s", err, errOut)
	}
	for _, pid := range pids {
		if alive(pid) {
			t.Errorf("process %d still alive after devnet down", pid)
		}
	}
}

func TestDevnetUpRefusesAPortInUseAndNamesIt(t *testing.T) {
	bin := buildLit(t)
	work := t.TempDir()
	base := freeBase(t, 2)
	ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(base+1))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, errOut, err := runLit(t, bin, work, "devnet", "up", "--nodes", "2", "--detach", "--dir", filepath.Join(work, "dn"),
		"--base-port", strconv.Itoa(base), "--chain-port", strconv.Itoa(base+300))
	if err == nil {
		runLit(t, bin, work, "devnet", "down", "--dir", filepath.Join(work, "dn"))
		t.Fatal("devnet up succeeded with a port in use")
	}
	if !strings.Contains(errOut, fmt.Sprintf("port %d", base+1)) || !strings.Contains(errOut, "in use") {
		t.Fatalf("error does not name the port in use:\n%s", errOut)
	}
}
