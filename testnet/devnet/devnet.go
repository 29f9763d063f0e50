// Package devnet launches a local litmesh network of real litnode processes on loopback: it
// initialises one node directory per node, starts the processes (node 0 is the bootstrap node),
// waits until every node sees every other, and writes network.json. It also stops a devnet that
// was started detached. It is used by `lit devnet` and must not import package testing.
package devnet

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
)

// Files and directories inside the devnet directory.
const (
	NetworkFileName   = "network.json"
	processesFileName = "processes.json"
	binDir            = "bin"
)

// Options configure Up.
type Options struct {
	Dir        string        // devnet directory (default .litdevnet)
	Nodes      int           // number of nodes (default 4)
	BasePort   int           // node i's API listens on BasePort+i, its libp2p on BasePort+100+i
	ChainPort  int           // the dev chain's JSON-RPC port (default 8545)
	Executable string        // the binary to run as litnode (default: this program)
	Timeout    time.Duration // how long to wait for the mesh (default 60s)
	Progress   io.Writer     // human progress text (default io.Discard)
	// Profiling serves each node's Go profiles (/debug/pprof/) on loopback port BasePort+300+i.
	Profiling bool
}

// Devnet is a running devnet started by this process.
type Devnet struct {
	Dir     string
	Network *client.NetworkFile
	procs   []*process
	crashed chan string
}

type process struct {
	name string
	dir  string
	log  string
	cmd  *exec.Cmd
	done chan struct{}
	err  error // exit error, valid after done is closed
}

// processRecord is what processes.json remembers so `lit devnet down` can stop a detached devnet.
type processRecord struct {
	Name string `json:"name"`
	Pid  int    `json:"pid"`
	Dir  string `json:"dir"`
}

// Up starts a fresh devnet and waits until it is fully meshed. On any failure every process it
// started is stopped again. The processes run in their own session, so they survive this
// process exiting (detached mode) and do not see the terminal's Ctrl-C; call Stop to end them.
//
//nolint:funlen,gocognit // the devnet's start-up steps in order, each undone on a later failure
func Up(ctx context.Context, o Options) (*Devnet, error) {
	o = o.withDefaults()
	if err := o.validate(); err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, err
	}
	if running, err := runningProcesses(dir); err != nil {
		return nil, err
	} else if len(running) > 0 {
		return nil, fmt.Errorf("a devnet is already running in %s (%d processes); stop it with `lit devnet down --dir %s`", dir, len(running), o.Dir)
	}
	if err := checkPorts(o); err != nil {
		return nil, err
	}
	if err := resetDir(dir, o.Progress); err != nil {
		return nil, err
	}
	exe, err := installExecutable(dir, o.Executable)
	if err != nil {
		return nil, err
	}

	d := &Devnet{Dir: dir, crashed: make(chan string, o.Nodes)}
	ok := false
	defer func() {
		if !ok {
			sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			_ = d.Stop(sctx)
		}
	}()

	// 1. The chain, with every contract deployed.
	chainDir := filepath.Join(dir, "chain")
	if err := os.MkdirAll(chainDir, 0o700); err != nil {
		return nil, err
	}
	if _, err := d.start("chain", chainDir, "chain.log", exe, "devchain", "--dir", chainDir, "--http", fmt.Sprintf("127.0.0.1:%d", o.ChainPort)); err != nil {
		return nil, err
	}
	dep, err := d.waitChain(ctx, chainDir)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(o.Progress, "dev chain up at %s (chain id %d)\n", dep.RPCURL, dep.ChainID)
	cc, err := chain.Dial(ctx, dep.RPCURL, dep.Contracts)
	if err != nil {
		return nil, err
	}
	defer cc.Close()
	if err := d.startIssuer(ctx, dir, exe, o.BasePort); err != nil {
		return nil, err
	}
	fmt.Fprintf(o.Progress, "OIDC issuer up at %s (devnet only: `lit devnet id-token` signs its tokens)\n", IssuerURL(o.BasePort))

	// 2. The devnet CA (DIR/ca.pem): the nodes have it certify their own TLS keys, so curl and
	// Node (NODE_EXTRA_CA_CERTS) trust the devnet; litmesh's clients verify by attestation.
	if _, err := node.EnsureDevnetCA(dir); err != nil {
		return nil, err
	}
	fmt.Fprintf(o.Progress, "devnet CA at %s\n", filepath.Join(dir, node.DevnetCACert))

	// 3. Node directories: identity, operator key, DKG keys, config pointing at the chain.
	nf := &client.NetworkFile{
		Name:        "litdevnet",
		Mode:        "devnet",
		Chain:       client.Chain{Name: dep.Name, ChainID: dep.ChainID, RPCURL: dep.RPCURL},
		Contracts:   contractMap(dep.Contracts),
		DevAccounts: devAccounts(dep),
	}
	if nf.LitSDK, err = litSDK(dep, dir); err != nil {
		return nil, err
	}
	var specs []devchain.ValidatorSpec
	var bootstrap string
	for i := 0; i < o.Nodes; i++ {
		name := fmt.Sprintf("node-%d", i)
		ndir := filepath.Join(dir, name)
		p2pPort := o.BasePort + 100 + i
		ident, err := initNode(ctx, exe, ndir, dep, o.BasePort, i, bootstrap, o.Profiling)
		if err != nil {
			return nil, err
		}
		spec, err := ident.spec(ndir)
		if err != nil {
			return nil, fmt.Errorf("init %s: %w", name, err)
		}
		specs = append(specs, spec)
		p2pAddr := fmt.Sprintf("/ip4/127.0.0.1/tcp/%d/p2p/%s", p2pPort, ident.PeerID)
		if i == 0 {
			bootstrap = p2pAddr
		}
		nf.Nodes = append(nf.Nodes, client.NodeEntry{
			URL:        ident.URL,
			PeerID:     ident.PeerID,
			Multiaddrs: []string{p2pAddr, fmt.Sprintf("/ip4/127.0.0.1/udp/%d/quic-v1/p2p/%s", p2pPort, ident.PeerID)},
		})
	}

	// 4. The release allowlist gets this exact binary; every node stakes, registers and the
	// first validator set is locked, so the nodes run the first DKG and start epoch 1.
	measurement, err := attestation.MeasureFile(exe)
	if err != nil {
		return nil, err
	}
	if err := cc.AllowRelease(ctx, devchain.Admin().Key, measurement[:]); err != nil {
		return nil, fmt.Errorf("allow the release measurement: %w", err)
	}
	fmt.Fprintf(o.Progress, "allowed release %s (sha384 of %s)\n", measurement, exe)
	if err := devchain.SetupValidators(ctx, cc, specs); err != nil {
		return nil, fmt.Errorf("register the validators: %w", err)
	}
	fmt.Fprintf(o.Progress, "registered %d staked validators; next validator set locked\n", len(specs))

	// 5. The node processes.
	for i := range nf.Nodes {
		name := fmt.Sprintf("node-%d", i)
		ndir := filepath.Join(dir, name)
		p, err := d.start(name, ndir, "node.log", exe, "run", "--dir", ndir)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(o.Progress, "started %s (pid %d) api %s\n", name, p.cmd.Process.Pid, nf.Nodes[i].URL)
	}
	if err := d.writeProcesses(); err != nil {
		return nil, err
	}
	d.Network = nf
	if err := d.waitMesh(ctx, o); err != nil {
		return nil, err
	}
	if err := d.waitEpoch(ctx, o, cc, 1); err != nil {
		return nil, err
	}
	if err := client.WriteNetwork(filepath.Join(dir, NetworkFileName), nf); err != nil {
		return nil, err
	}
	if err := writeState(dir, state{BasePort: o.BasePort, ChainPort: o.ChainPort, Nodes: o.Nodes, Profiling: o.Profiling}); err != nil {
		return nil, err
	}
	ok = true
	return d, nil
}

func (o Options) withDefaults() Options {
	if o.Dir == "" {
		o.Dir = ".litdevnet"
	}
	if o.Nodes == 0 {
		o.Nodes = 4
	}
	if o.BasePort == 0 {
		o.BasePort = 7001
	}
	if o.ChainPort == 0 {
		o.ChainPort = 8545
	}
	if o.Timeout == 0 {
		o.Timeout = 60 * time.Second
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	return o
}

func (o Options) validate() error {
	if o.Nodes < 1 || o.Nodes > 64 {
		return fmt.Errorf("--nodes %d: want between 1 and 64", o.Nodes)
	}
	if o.BasePort < 1024 || o.BasePort+max(300+o.Nodes, examplePortOffset) > 65535 {
		return fmt.Errorf("--base-port %d: want a port from 1024 leaving room for %d nodes", o.BasePort, o.Nodes)
	}
	return nil
}

// checkPorts fails early, naming the port, if anything already listens where a node would.
func checkPorts(o Options) error {
	if ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", o.ChainPort)); err != nil {
		return fmt.Errorf("port %d (the dev chain's JSON-RPC) is already in use; stop whatever uses it or pass --chain-port", o.ChainPort)
	} else {
		ln.Close()
	}
	if ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", o.BasePort+issuerPortOffset)); err != nil {
		return fmt.Errorf("port %d (the devnet OIDC issuer, BASE+%d) is already in use; stop whatever uses it or pass --base-port", o.BasePort+issuerPortOffset, issuerPortOffset)
	} else {
		ln.Close()
	}
	for i := 0; i < o.Nodes; i++ {
		for _, c := range []struct {
			network, what string
			port          int
		}{
			{"tcp", "HTTP API", o.BasePort + i},
			{"tcp", "libp2p TCP", o.BasePort + 100 + i},
			{"udp", "libp2p QUIC", o.BasePort + 100 + i},
		} {
			addr := fmt.Sprintf("127.0.0.1:%d", c.port)
			var err error
			if c.network == "tcp" {
				var ln net.Listener
				if ln, err = net.Listen("tcp", addr); err == nil {
					ln.Close()
				}
			} else {
				var pc net.PacketConn
				if pc, err = net.ListenPacket("udp", addr); err == nil {
					pc.Close()
				}
			}
			if err != nil {
				return fmt.Errorf("port %d (%s of node-%d) is already in use; stop whatever uses it or pass --base-port", c.port, c.what, i)
			}
		}
	}
	return nil
}

// resetDir removes the state of a previous, stopped devnet: every `up` is a fresh network.
func resetDir(dir string, progress io.Writer) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o700)
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	if len(entries) > 0 {
		fmt.Fprintf(progress, "removing the previous devnet's state in %s\n", dir)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("clean %s: %w", dir, err)
		}
	}
	return nil
}

// installExecutable copies the litnode binary into the devnet so the processes keep running from
// a stable path even when the launching binary was a temporary `go run` build.
func installExecutable(dir, exe string) (string, error) {
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return "", fmt.Errorf("find this executable: %w", err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, binDir), 0o700); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, binDir, "litnode")
	src, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", exe, err)
	}
	defer src.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o700) //nolint:gosec // an executable needs its x bit; owner only
	if err != nil {
		return "", fmt.Errorf("install litnode: %w", err)
	}
	if _, err := io.Copy(out, src); err != nil {
		out.Close()
		return "", fmt.Errorf("install litnode: %w", err)
	}
	return dst, out.Close()
}

func (d *Devnet) start(name, dir, logName, exe string, args ...string) (*process, error) {
	logf, err := os.OpenFile(filepath.Join(dir, logName), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	logf.Close() // the child holds its own descriptor
	p := &process{name: name, dir: dir, log: filepath.Join(dir, logName), cmd: cmd, done: make(chan struct{})}
	d.procs = append(d.procs, p)
	go func() {
		p.err = cmd.Wait()
		close(p.done)
		select {
		case d.crashed <- p.name:
		default:
		}
	}()
	return p, nil
}

func (d *Devnet) writeProcesses() error {
	var recs []processRecord
	for _, p := range d.procs {
		recs = append(recs, processRecord{Name: p.name, Pid: p.cmd.Process.Pid, Dir: p.dir})
	}
	raw, _ := json.MarshalIndent(recs, "", "  ")
	return os.WriteFile(filepath.Join(d.Dir, processesFileName), raw, 0o600)
}

// waitMesh polls every node's status until each reports all others as connected peers.
func (d *Devnet) waitMesh(ctx context.Context, o Options) error {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	want := len(d.Network.Nodes) - 1
	last := ""
	ticker := time.NewTicker(200 * time.Millisecond)
	defer ticker.Stop()
	for {
		for _, p := range d.procs {
			select {
			case <-p.done:
				return fmt.Errorf("%s exited during start-up (%w); last log lines:\n%s", p.name, p.err, Tail(p.log, 15))
			default:
			}
		}
		counts := make([]int, len(d.Network.Nodes))
		var wg sync.WaitGroup
		for i, n := range d.Network.Nodes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sctx, scancel := context.WithTimeout(ctx, time.Second)
				defer scancel()
				counts[i] = -1
				if st, err := client.Status(sctx, n.URL); err == nil {
					counts[i] = st.ConnectedPeers
				}
			}()
		}
		wg.Wait()
		var parts []string
		done := true
		for i, c := range counts {
			if c < want {
				done = false
			}
			if c < 0 {
				parts = append(parts, fmt.Sprintf("node-%d starting", i))
			} else {
				parts = append(parts, fmt.Sprintf("node-%d %d/%d", i, c, want))
			}
		}
		if line := strings.Join(parts, ", "); line != last {
			fmt.Fprintf(o.Progress, "mesh: %s\n", line)
			last = line
		}
		if done {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the nodes did not mesh within %s (%s); see the node.log files in %s", o.Timeout, last, d.Dir)
		case <-ticker.C:
		}
	}
}

// Crashed delivers the name of a node process that exited while the devnet was running.
func (d *Devnet) Crashed() <-chan string { return d.crashed }

// ExitReason describes how a crashed process ended, with its last log lines.
func (d *Devnet) ExitReason(name string) string {
	for _, p := range d.procs {
		if p.name == name {
			<-p.done
			return fmt.Sprintf("%s exited (%v); last log lines:\n%s", name, p.err, Tail(p.log, 15))
		}
	}
	return name + " is unknown"
}

// Stop terminates every process this Devnet started (SIGTERM, then SIGKILL after ctx ends)
// and forgets them.
func (d *Devnet) Stop(ctx context.Context) error {
	// Nodes first, the chain last (it is first in the list).
	for i := len(d.procs) - 1; i >= 0; i-- {
		p := d.procs[i]
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Signal(syscall.SIGTERM)
		}
	}
	var errs []error
	for _, p := range d.procs {
		select {
		case <-p.done:
		case <-ctx.Done():
			_ = p.cmd.Process.Kill()
			<-p.done
			errs = append(errs, fmt.Errorf("%s did not stop in time and was killed", p.name))
		}
	}
	d.procs = nil
	_ = os.Remove(filepath.Join(d.Dir, processesFileName))
	return errors.Join(errs...)
}

// Down stops a devnet started (possibly detached) in dir by another process. It returns how
// many processes it stopped.
func Down(ctx context.Context, dir string) (int, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	procs, err := runningProcesses(abs)
	if err != nil {
		return 0, err
	}
	for _, r := range procs {
		_ = syscall.Kill(r.Pid, syscall.SIGTERM)
	}
	var errs []error
	for _, r := range procs {
		if !waitExit(ctx, r) {
			_ = syscall.Kill(r.Pid, syscall.SIGKILL)
			if !waitExit(context.Background(), r) {
				errs = append(errs, fmt.Errorf("%s (pid %d) would not die", r.Name, r.Pid))
				continue
			}
			errs = append(errs, fmt.Errorf("%s (pid %d) did not stop in time and was killed", r.Name, r.Pid))
		}
	}
	if len(errs) == 0 {
		_ = os.Remove(filepath.Join(abs, processesFileName))
	}
	return len(procs), errors.Join(errs...)
}

// runningProcesses returns the recorded processes of the devnet in dir that are still alive
// and still ours (a recycled PID running something else is ignored).
func runningProcesses(dir string) ([]processRecord, error) {
	raw, err := os.ReadFile(filepath.Join(dir, processesFileName))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var recs []processRecord
	if err := json.Unmarshal(raw, &recs); err != nil {
		return nil, fmt.Errorf("read %s: %w", processesFileName, err)
	}
	var alive []processRecord
	for _, r := range recs {
		if isOurs(r) {
			alive = append(alive, r)
		}
	}
	return alive, nil
}

// isOurs reports whether pid is alive and was started on this devnet directory (a recycled
// PID running something else is not ours).
func isOurs(r processRecord) bool {
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(r.Pid) + "/cmdline")
	if err != nil || !bytes.Contains(cmdline, []byte(r.Dir)) {
		return false
	}
	return !gone(r.Pid)
}

// gone reports whether pid no longer runs: no such process, or a zombie. (An exiting process
// loses its cmdline before it becomes a zombie, so exit is judged by state, not cmdline.)
func gone(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	// The state follows the parenthesised command name: "pid (comm) S …".
	i := bytes.LastIndexByte(stat, ')')
	return i >= 0 && i+2 < len(stat) && (stat[i+2] == 'Z' || stat[i+2] == 'X')
}

func waitExit(ctx context.Context, r processRecord) bool {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if gone(r.Pid) {
			return true
		}
		select {
		case <-ctx.Done():
			return gone(r.Pid)
		case <-time.After(50 * time.Millisecond):
		}
	}
	return gone(r.Pid)
}

// jsonPart returns the JSON object in out, skipping any human text before it.
func jsonPart(out []byte) []byte {
	if i := bytes.IndexByte(out, '{'); i >= 0 {
		return out[i:]
	}
	return out
}

// Tail returns the last n lines of a file, for error reports.
func Tail(path string, n int) string {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// initNode runs `litnode init` for node i of a devnet on chain dep.
func initNode(ctx context.Context, exe, ndir string, dep devchain.Deployment, basePort, i int, bootstrap string, profiling bool) (initOutput, error) {
	name := filepath.Base(ndir)
	apiPort, p2pPort := basePort+i, basePort+100+i
	args := []string{"init", "--dir", ndir,
		"--network", "litdevnet",
		"--mode", "devnet",
		"--attestation", "simulated",
		"--chain-rpc", dep.RPCURL,
		"--chain-name", dep.Name,
		"--staking-contract", dep.Contracts.Staking.Hex(),
		"--pkp-nft-contract", dep.Contracts.PKPNFT.Hex(),
		"--pkp-permissions-contract", dep.Contracts.PKPPermissions.Hex(),
		"--api-addr", fmt.Sprintf("127.0.0.1:%d", apiPort),
		"--tls-mode", node.TLSDevnetCA,
		"--tls-devnet-ca", filepath.Dir(ndir), // the devnet directory, which holds ca.pem and ca.key
		"--listen", fmt.Sprintf("/ip4/127.0.0.1/tcp/%d,/ip4/127.0.0.1/udp/%d/quic-v1", p2pPort, p2pPort),
		"--discovery-interval", "10s",
	}
	if bootstrap != "" {
		args = append(args, "--bootstrap", bootstrap)
	}
	if profiling {
		args = append(args, "--debug-addr", fmt.Sprintf("127.0.0.1:%d", basePort+300+i))
	}
	args = append(args, authMethodFlags(basePort)...)
	var out bytes.Buffer
	initCmd := exec.CommandContext(ctx, exe, args...)
	initCmd.Stdout, initCmd.Stderr = &out, &out
	if err := initCmd.Run(); err != nil {
		return initOutput{}, fmt.Errorf("init %s: %w: %s", name, err, strings.TrimSpace(out.String()))
	}
	var ident initOutput
	if err := json.Unmarshal(jsonPart(out.Bytes()), &ident); err != nil || ident.PeerID == "" {
		return initOutput{}, fmt.Errorf("init %s: unexpected output %q", name, out.String())
	}
	return ident, nil
}

// initOutput is what `litnode init` prints.
type initOutput struct {
	PeerID          string `json:"peerId"`
	OperatorAddress string `json:"operatorAddress"`
	BLSDKGKey       string `json:"blsDkgKey"`
	SecpDKGKey      string `json:"secpDkgKey"`
	URL             string `json:"url"`
}

// spec turns a node's init output (and its operator key, read from its directory: the devnet
// owns these nodes) into a validator registration.
func (o initOutput) spec(dir string) (devchain.ValidatorSpec, error) {
	pid, err := peer.Decode(o.PeerID)
	if err != nil {
		return devchain.ValidatorSpec{}, err
	}
	bls, err1 := hex.DecodeString(o.BLSDKGKey)
	secp, err2 := hex.DecodeString(o.SecpDKGKey)
	if err := errors.Join(err1, err2); err != nil {
		return devchain.ValidatorSpec{}, fmt.Errorf("DKG keys: %w", err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "operator.key"))
	if err != nil {
		return devchain.ValidatorSpec{}, err
	}
	key, err := crypto.HexToECDSA(strings.TrimSpace(string(raw)))
	if err != nil {
		return devchain.ValidatorSpec{}, fmt.Errorf("operator key: %w", err)
	}
	return devchain.ValidatorSpec{OperatorKey: key, Registration: chain.Registration{
		PeerID: []byte(pid), URL: o.URL, BLSDKGKey: bls, SecpDKGKey: secp,
	}}, nil
}

func (d *Devnet) waitChain(ctx context.Context, dir string) (devchain.Deployment, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	done := make(chan struct{})
	var dep devchain.Deployment
	var err error
	go func() {
		defer close(done)
		dep, err = devchain.WaitForDeployment(ctx, dir)
	}()
	select {
	case <-done:
		if err != nil {
			return dep, fmt.Errorf("dev chain did not come up: %w; last log lines:\n%s", err, Tail(filepath.Join(dir, "chain.log"), 15))
		}
		return dep, nil
	case <-d.procs[0].done:
		cancel()
		<-done
		return dep, fmt.Errorf("dev chain exited during start-up (%w); last log lines:\n%s", d.procs[0].err, Tail(d.procs[0].log, 15))
	}
}

// waitEpoch waits until the chain's epoch reaches want: the nodes ran the first DKG, signalled
// ready and advanced.
func (d *Devnet) waitEpoch(ctx context.Context, o Options, cc *chain.Client, want uint64) error {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	last := ""
	ticker := time.NewTicker(250 * time.Millisecond)
	defer ticker.Stop()
	for {
		if err := d.checkAlive(); err != nil {
			return err
		}
		ms, err := cc.Membership(ctx)
		if err == nil {
			if ms.Epoch.Number >= want {
				if d.nodesServe(ctx, want) {
					fmt.Fprintf(o.Progress, "epoch %d started with %d validators\n", ms.Epoch.Number, len(ms.Active))
					return nil
				}
			}
			line := fmt.Sprintf("epoch %d %s, %d/%d ready", ms.Epoch.Number, ms.Epoch.State, ms.Epoch.ReadyCount, ms.Epoch.NextSetSize)
			if line != last {
				fmt.Fprintf(o.Progress, "%s\n", line)
				last = line
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("epoch %d did not start within %s (%s); see the node.log files in %s", want, o.Timeout, last, d.Dir)
		case <-ticker.C:
		}
	}
}

// nodesServe reports whether every node says it serves epoch e in the active set.
func (d *Devnet) nodesServe(ctx context.Context, e uint64) bool {
	for _, n := range d.Network.Nodes {
		sctx, cancel := context.WithTimeout(ctx, time.Second)
		st, err := client.Status(sctx, n.URL)
		cancel()
		if err != nil || st.Epoch < e || !st.InActiveSet {
			return false
		}
	}
	return true
}

func (d *Devnet) checkAlive() error {
	for _, p := range d.procs {
		select {
		case <-p.done:
			return fmt.Errorf("%s exited (%w); last log lines:\n%s", p.name, exitErr(p.err), Tail(p.log, 15))
		default:
		}
	}
	return nil
}

// exitErr is why a child process ended: its error, or that it exited cleanly (which for a node
// or the issuer is still unexpected while the devnet runs).
func exitErr(err error) error {
	if err == nil {
		return errors.New("status 0")
	}
	return err
}

func contractMap(a chain.Addresses) map[string]string {
	raw, _ := json.Marshal(a)
	var m map[string]string
	_ = json.Unmarshal(raw, &m)
	return m
}

func devAccounts(dep devchain.Deployment) []client.DevAccount {
	out := make([]client.DevAccount, len(dep.DevAccounts))
	for i, a := range dep.DevAccounts {
		out[i] = client.DevAccount{Address: a.Address.Hex(), PrivateKey: a.PrivateKey}
	}
	return out
}
