package devnet

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
)

const stateFileName = "devnet.json"

// state is what later `lit devnet` commands need to know about a devnet started by Up.
type state struct {
	BasePort  int  `json:"basePort"`
	ChainPort int  `json:"chainPort"`
	Nodes     int  `json:"nodes"` // node directories created so far (node-0 … node-(Nodes−1))
	Profiling bool `json:"profiling,omitzero"`
}

func writeState(dir string, s state) error {
	raw, _ := json.MarshalIndent(s, "", "  ")
	return os.WriteFile(filepath.Join(dir, stateFileName), raw, 0o600)
}

func readState(dir string) (state, error) {
	var s state
	raw, err := os.ReadFile(filepath.Join(dir, stateFileName))
	if err != nil {
		return s, fmt.Errorf("no devnet in %s (start one with `lit devnet up --detach`): %w", dir, err)
	}
	return s, json.Unmarshal(raw, &s)
}

// running loads what a membership change needs about a running devnet.
type running struct {
	dir   string
	st    state
	nf    *client.NetworkFile
	dep   devchain.Deployment
	chain *chain.Client
	exe   string
}

func openRunning(ctx context.Context, dir string) (*running, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r := &running{dir: abs, exe: filepath.Join(abs, binDir, "litnode")}
	if r.st, err = readState(abs); err != nil {
		return nil, err
	}
	if procs, err := runningProcesses(abs); err != nil {
		return nil, err
	} else if len(procs) == 0 {
		return nil, fmt.Errorf("the devnet in %s is not running (start it with `lit devnet up --detach`)", dir)
	}
	if r.nf, err = client.LoadNetwork(filepath.Join(abs, NetworkFileName)); err != nil {
		return nil, err
	}
	if r.dep, err = devchain.ReadDeployment(filepath.Join(abs, "chain")); err != nil {
		return nil, err
	}
	if r.chain, err = chain.Dial(ctx, r.dep.RPCURL, r.dep.Contracts); err != nil {
		return nil, err
	}
	return r, nil
}

// AddNode adds a node to a running devnet the way an operator would: it initialises the node,
// funds its operator from dev account 0 (gas and the minimum stake — what a real operator
// buys), starts it, runs `litnode join`, locks the next validator set as the chain's admin and
// waits until every member of the new set serves the next epoch (the keys are reshared to it).
func AddNode(ctx context.Context, dir string, timeout time.Duration, progress io.Writer) (client.NodeEntry, error) {
	r, err := openRunning(ctx, dir)
	if err != nil {
		return client.NodeEntry{}, err
	}
	defer r.chain.Close()
	i := r.st.Nodes
	name := fmt.Sprintf("node-%d", i)
	ndir := filepath.Join(r.dir, name)
	ident, err := initNode(ctx, r.exe, ndir, r.dep, r.st.BasePort, i, r.nf.Nodes[0].Multiaddrs[0], r.st.Profiling)
	if err != nil {
		return client.NodeEntry{}, err
	}
	p2pPort := r.st.BasePort + 100 + i
	entry := client.NodeEntry{
		URL:        ident.URL,
		PeerID:     ident.PeerID,
		Multiaddrs: []string{fmt.Sprintf("/ip4/127.0.0.1/tcp/%d/p2p/%s", p2pPort, ident.PeerID), fmt.Sprintf("/ip4/127.0.0.1/udp/%d/quic-v1/p2p/%s", p2pPort, ident.PeerID)},
	}
	r.st.Nodes++
	if err := writeState(r.dir, r.st); err != nil {
		return entry, err
	}
	spec, err := ident.spec(ndir)
	if err != nil {
		return entry, err
	}
	if err := devchain.FundOperator(ctx, r.chain, crypto.PubkeyToAddress(spec.OperatorKey.PublicKey)); err != nil {
		return entry, err
	}
	fmt.Fprintf(progress, "funded operator %s\n", ident.OperatorAddress)

	d := &Devnet{Dir: r.dir, crashed: make(chan string, 1)}
	p, err := d.start(name, ndir, "node.log", r.exe, "run", "--dir", ndir)
	if err != nil {
		return entry, err
	}
	if err := appendProcess(r.dir, processRecord{Name: name, Pid: p.cmd.Process.Pid, Dir: ndir}); err != nil {
		return entry, err
	}
	fmt.Fprintf(progress, "started %s (pid %d) api %s\n", name, p.cmd.Process.Pid, ident.URL)

	if err := runLitnode(ctx, r.exe, progress, "join", "--dir", ndir, "--no-wait"); err != nil {
		return entry, err
	}
	if err := r.chain.LockNextEpoch(ctx, devchain.Admin().Key); err != nil {
		return entry, fmt.Errorf("lock the next validator set: %w", err)
	}
	fmt.Fprintf(progress, "next validator set locked\n")
	r.nf.Nodes = append(r.nf.Nodes, entry)
	if err := client.WriteNetwork(filepath.Join(r.dir, NetworkFileName), r.nf); err != nil {
		return entry, err
	}
	return entry, r.waitNextEpoch(ctx, timeout, progress, d)
}

// RemoveNode takes node `index` of a running devnet out of the network the way an operator
// would: `litnode leave`, the admin locks the next set, the remaining nodes reshare the keys
// among themselves (the leaving node deals its shares), and once the next epoch is served the
// node's process is stopped.
func RemoveNode(ctx context.Context, dir string, index int, timeout time.Duration, progress io.Writer) error {
	r, err := openRunning(ctx, dir)
	if err != nil {
		return err
	}
	defer r.chain.Close()
	name := fmt.Sprintf("node-%d", index)
	ndir := filepath.Join(r.dir, name)
	id, err := node.LoadIdentity(ndir)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	pos := slices.IndexFunc(r.nf.Nodes, func(n client.NodeEntry) bool { return n.PeerID == id.PeerID().String() })
	if pos < 0 {
		return fmt.Errorf("%s is not a running node of the devnet in %s", name, dir)
	}
	if err := runLitnode(ctx, r.exe, progress, "leave", "--dir", ndir, "--no-wait"); err != nil {
		return err
	}
	if err := r.chain.LockNextEpoch(ctx, devchain.Admin().Key); err != nil {
		return fmt.Errorf("lock the next validator set: %w", err)
	}
	fmt.Fprintf(progress, "next validator set locked\n")
	r.nf.Nodes = slices.Delete(r.nf.Nodes, pos, pos+1)
	if err := r.waitNextEpoch(ctx, timeout, progress, &Devnet{Dir: r.dir}); err != nil {
		return err
	}
	if err := client.WriteNetwork(filepath.Join(r.dir, NetworkFileName), r.nf); err != nil {
		return err
	}
	procs, err := runningProcesses(r.dir)
	if err != nil {
		return err
	}
	for _, p := range procs {
		if p.Name == name {
			_ = syscall.Kill(p.Pid, syscall.SIGTERM)
			if !waitExit(ctx, p) {
				_ = syscall.Kill(p.Pid, syscall.SIGKILL)
			}
			fmt.Fprintf(progress, "stopped %s (pid %d)\n", name, p.Pid)
		}
	}
	return nil
}

// waitNextEpoch waits for the locked transition to complete and every node of the network file
// to serve the new epoch.
func (r *running) waitNextEpoch(ctx context.Context, timeout time.Duration, progress io.Writer, d *Devnet) error {
	ms, err := r.chain.Membership(ctx)
	if err != nil {
		return err
	}
	d.Network = r.nf
	return d.waitEpoch(ctx, Options{Timeout: timeout, Progress: progress}, r.chain, ms.Epoch.Number+1)
}

func runLitnode(ctx context.Context, exe string, progress io.Writer, args ...string) error {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Stdout, cmd.Stderr = &out, io.MultiWriter(&out, progress)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("litnode %s: %w: %s", args[0], err, strings.TrimSpace(out.String()))
	}
	return nil
}

func appendProcess(dir string, rec processRecord) error {
	path := filepath.Join(dir, processesFileName)
	var recs []processRecord
	if raw, err := os.ReadFile(path); err == nil {
		if err := json.Unmarshal(raw, &recs); err != nil {
			return fmt.Errorf("read %s: %w", processesFileName, err)
		}
	}
	recs = append(recs, rec)
	raw, _ := json.MarshalIndent(recs, "", "  ")
	return os.WriteFile(path, raw, 0o600)
}
