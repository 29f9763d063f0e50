// Package testnet runs an in-process cluster of real litmesh nodes — real libp2p over loopback,
// real HTTP APIs — for tests. It is test-only: it imports "testing" and must never be imported by
// a binary (the devnet launcher, which binaries use, is package testnet/devnet).
//
// Nodes run Lit Actions in worker processes that are the running binary re-executed, so a test
// binary that starts a cluster must call runtime.RunWorkerIfRequested first in its TestMain.
package testnet

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/simulated"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/mpc/keystore"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/p2p"
)

// Cluster is a set of in-process nodes. Node 0 is the bootstrap node; by default every other
// node knows only node 0's address and must find the rest through the DHT.
type Cluster struct {
	t       testing.TB
	ctx     context.Context
	members []*Member
	opts    options

	// Chain is the cluster's dev chain client (nil without WithChain); Deployment its
	// contracts and dev accounts.
	Chain      *chain.Client
	Deployment devchain.Deployment
	devchain   *devchain.Chain
}

// Member is one node of the cluster. Node is nil while the member is stopped.
type Member struct {
	Index    int
	Dir      string
	Cfg      node.Config
	ID       peer.ID
	Operator *ecdsa.PrivateKey // the node's operator key (the cluster owns these test nodes)

	mu   sync.Mutex
	node *node.Node
	log  *os.File
}

// Option adjusts a cluster.
type Option func(*options)

type options struct {
	configure func(i int, cfg *node.Config)
	chain     bool
	rpc       func(i int, url string) string
}

// WithChain runs an in-process dev chain with every contract deployed, registers and stakes
// every node as a validator, allows the test binary's measurement, and locks the first
// validator set, so the nodes run the first key generation and start epoch 1. Use
// WaitEpoch to wait for it.
func WithChain() Option {
	return func(o *options) { o.chain = true }
}

// WithChainRPC lets a test put something between node i and the dev chain: rpc gets the dev
// chain's URL and returns the one node i uses (e.g. a proxy that rewrites answers). It
// applies with WithChain.
func WithChainRPC(rpc func(i int, url string) string) Option {
	return func(o *options) { o.rpc = rpc }
}

// WithConfig lets a test adjust each node's config before it starts.
func WithConfig(fn func(i int, cfg *node.Config)) Option {
	return func(o *options) { o.configure = fn }
}

// Start starts n nodes and registers their shutdown with t.Cleanup. It does not wait for the
// mesh: call WaitMesh.
func Start(ctx context.Context, t testing.TB, n int, opts ...Option) *Cluster {
	t.Helper()
	c := &Cluster{t: t, ctx: ctx}
	for _, o := range opts {
		o(&c.opts)
	}
	// The root directory is created before the shutdown is registered, so cleanups (which run
	// in reverse) stop the nodes before their directories are removed.
	root := t.TempDir()
	t.Cleanup(c.stopAll)
	if c.opts.chain {
		c.startChain(ctx, filepath.Join(root, "chain"))
	}
	var specs []devchain.ValidatorSpec
	for i := 0; i < n; i++ {
		m, spec := c.newMember(ctx, root, i)
		c.members = append(c.members, m)
		if c.Chain == nil {
			if err := c.startMember(m); err != nil {
				t.Fatalf("start node %d: %v", i, err)
			}
		} else {
			specs = append(specs, spec)
		}
	}
	if c.Chain != nil {
		if err := devchain.SetupValidators(ctx, c.Chain, specs); err != nil {
			t.Fatalf("register the validators: %v", err)
		}
		// Node 0 first: the others bootstrap from its address.
		for _, m := range c.members {
			if m.Index > 0 {
				m.Cfg.Bootstrap = c.members[0].Node().Addrs()
			}
			if err := c.startMember(m); err != nil {
				t.Fatalf("start node %d: %v", m.Index, err)
			}
		}
	}
	return c
}

// newMember creates node i's directory, identity, DKG keys and config (and its chain
// registration, with a chain).
func (c *Cluster) newMember(ctx context.Context, root string, i int) (*Member, devchain.ValidatorSpec) {
	t := c.t
	t.Helper()
	dir := filepath.Join(root, fmt.Sprintf("node-%d", i))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatalf("make node dir: %v", err)
	}
	id, err := node.InitIdentity(dir)
	if err != nil {
		t.Fatalf("init node %d: %v", i, err)
	}
	env := map[string]string{"LITMESH_MODE": "devnet", "LITMESH_ATTESTATION": "simulated"}
	if c.Chain != nil {
		a := c.Deployment.Contracts
		env["LITMESH_CHAIN_RPC"] = c.Deployment.RPCURL
		if c.opts.rpc != nil {
			env["LITMESH_CHAIN_RPC"] = c.opts.rpc(i, c.Deployment.RPCURL)
		}
		env["LITMESH_STAKING_CONTRACT"] = a.Staking.Hex()
		env["LITMESH_PKP_NFT_CONTRACT"] = a.PKPNFT.Hex()
		env["LITMESH_PKP_PERMISSIONS_CONTRACT"] = a.PKPPermissions.Hex()
	}
	cfg, err := node.LoadConfig(dir, nil, func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("config node %d: %v", i, err)
	}
	cfg.Network = "testnet"
	// One warm Lit Action worker per node keeps clusters lean; a test that needs more
	// concurrent executions sets action_workers in WithConfig.
	cfg.ActionWorkers = 1
	cfg.Listen = []string{"/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/udp/0/quic-v1"}
	// The API port is fixed before start so the chain registration can name the URL.
	cfg.APIAddr = freeAddr(t)
	if i > 0 && c.Chain == nil {
		cfg.Bootstrap = c.members[0].Node().Addrs()
	}
	if c.opts.configure != nil {
		c.opts.configure(i, &cfg)
	}
	keys, err := node.InitDKGKeys(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("DKG keys of node %d: %v", i, err)
	}
	var spec devchain.ValidatorSpec
	if c.Chain != nil {
		bls, secp, err := keys.PublicKeys()
		if err != nil {
			t.Fatal(err)
		}
		spec = devchain.ValidatorSpec{OperatorKey: id.Operator, Registration: chain.Registration{
			PeerID: []byte(id.PeerID()), URL: cfg.URL(), BLSDKGKey: bls, SecpDKGKey: secp,
		}}
	}
	return &Member{Index: i, Dir: dir, Cfg: cfg, ID: id.PeerID(), Operator: id.Operator}, spec
}

// AddNodes creates k more nodes, stakes and registers them, starts them and locks the next
// validator set (current members plus the new ones), so the network reshares its keys to them
// and advances an epoch. Use WaitEpoch.
func (c *Cluster) AddNodes(ctx context.Context, k int) []*Member {
	c.t.Helper()
	root := filepath.Dir(c.members[0].Dir)
	var added []*Member
	var specs []devchain.ValidatorSpec
	for j := 0; j < k; j++ {
		m, spec := c.newMember(ctx, root, len(c.members))
		c.members = append(c.members, m)
		added = append(added, m)
		specs = append(specs, spec)
	}
	boot := c.runningAddrs()
	for _, m := range added {
		m.Cfg.Bootstrap = boot
		if err := c.startMember(m); err != nil {
			c.t.Fatalf("start node %d: %v", m.Index, err)
		}
	}
	if err := devchain.SetupValidators(ctx, c.Chain, specs); err != nil {
		c.t.Fatalf("register the new validators: %v", err)
	}
	return added
}

// AddUnregistered starts a node that is attested but not staked or registered on chain (an
// outsider): the cluster's nodes must keep it out.
func (c *Cluster) AddUnregistered(ctx context.Context) *Member {
	c.t.Helper()
	m, _ := c.newMember(ctx, filepath.Dir(c.members[0].Dir), len(c.members))
	c.members = append(c.members, m)
	m.Cfg.Bootstrap = c.runningAddrs()
	if err := c.startMember(m); err != nil {
		c.t.Fatalf("start node %d: %v", m.Index, err)
	}
	return m
}

// Leave has the given members request to leave the validator set and locks the next set, so
// the network reshares its keys without them and advances an epoch. They keep running (they
// deal their shares) until the test stops them.
func (c *Cluster) Leave(ctx context.Context, idx ...int) {
	c.t.Helper()
	for _, i := range idx {
		if err := c.Chain.RequestToLeave(ctx, c.members[i].Operator); err != nil {
			c.t.Fatalf("node %d leaves: %v", i, err)
		}
	}
	if err := c.Chain.LockNextEpoch(ctx, devchain.Admin().Key); err != nil {
		c.t.Fatalf("lock the next validator set: %v", err)
	}
}

func (c *Cluster) runningAddrs() []string {
	for _, m := range c.members {
		if n := m.Node(); n != nil {
			return n.Addrs()
		}
	}
	return nil
}

// startChain runs the dev chain in-process and allows this test binary's measurement.
func (c *Cluster) startChain(ctx context.Context, dir string) {
	ch, err := devchain.Start(devchain.Config{DataDir: dir, HTTPAddr: "127.0.0.1:0"})
	if err != nil {
		c.t.Fatalf("start dev chain: %v", err)
	}
	c.devchain = ch
	dep, err := devchain.EnsureDeployed(ctx, ch)
	if err != nil {
		c.t.Fatalf("deploy contracts: %v", err)
	}
	c.Deployment = dep
	if c.Chain, err = chain.Dial(ctx, dep.RPCURL, dep.Contracts); err != nil {
		c.t.Fatalf("dial dev chain: %v", err)
	}
	m, err := attestation.MeasureExecutable()
	if err != nil {
		c.t.Fatal(err)
	}
	if err := c.Chain.AllowRelease(ctx, devchain.Admin().Key, m[:]); err != nil {
		c.t.Fatalf("allow the test binary's measurement: %v", err)
	}
}

// WaitEpoch waits until every running member of the chain's active set serves epoch e.
func (c *Cluster) WaitEpoch(ctx context.Context, e uint64) {
	c.t.Helper()
	c.WaitFor(ctx, fmt.Sprintf("epoch %d", e), func() (bool, string) {
		for _, m := range c.members {
			n := m.Node()
			if n == nil {
				continue
			}
			st := n.Status()
			if st.Epoch >= e && !st.InActiveSet {
				continue // a member that left the set
			}
			if st.Epoch < e || !st.InActiveSet {
				return false, fmt.Sprintf("node %d: epoch %d, in active set %v, %s", m.Index, st.Epoch, st.InActiveSet, st.EpochStatus)
			}
		}
		return true, ""
	})
}

// freeAddr is a loopback address with a port free now, for a node's API, which is fixed before
// the node starts (the chain registration names it) and may be bound again after a restart.
// The port is drawn below the kernel's ephemeral range (32768–60999 on Linux): a port the
// kernel handed out for ":0" goes back to the pool that every outgoing connection draws from,
// and under load another test's connection took it before the node bound it ("already in use").
//
// go test runs packages in parallel processes, each drawing ports for its clusters: a port free
// when one process drew it could be drawn by another before either node bound it (CI failed once
// on "api_addr … is already in use" at a cluster's start). So a drawn port is also reserved
// across processes, by a file created exclusively in a shared directory, kept until the test
// ends (a restarted node binds its port again) and ignored once older than portReservation (a
// test that crashed).
func freeAddr(t testing.TB) string {
	dir := filepath.Join(os.TempDir(), "litmesh-test-ports")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for range 200 {
		port := freePortLow + rand.IntN(freePortHigh-freePortLow) //nolint:gosec // a test port, not a secret
		release, ok := reservePort(dir, port)
		if !ok {
			continue // another test process holds it: draw again
		}
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			release()
			continue // taken: draw again
		}
		addr := ln.Addr().String()
		ln.Close()
		t.Cleanup(release)
		return addr
	}
	t.Fatal("no free loopback port below the ephemeral range after 200 draws")
	return ""
}

// portReservation is how long a reservation file holds its port against other test processes.
const portReservation = 30 * time.Minute

// reservePort creates dir/PORT exclusively (replacing one older than portReservation) and
// returns its removal.
func reservePort(dir string, port int) (release func(), ok bool) {
	path := filepath.Join(dir, fmt.Sprint(port))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		st, serr := os.Stat(path)
		if serr != nil || time.Since(st.ModTime()) < portReservation {
			return nil, false
		}
		_ = os.Remove(path) // a crashed test's
		if f, err = os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600); err != nil {
			return nil, false
		}
	}
	f.Close()
	return func() { _ = os.Remove(path) }, true
}

// The range freeAddr draws from: above the devnets' default ports (7001…, 8545…, the helpers'
// 9001–21001 bases) and below the ephemeral range.
const freePortLow, freePortHigh = 22000, 32000

// Members returns the cluster's members in index order.
func (c *Cluster) Members() []*Member { return c.members }

// Node returns the running node, or nil if the member is stopped.
func (m *Member) Node() *node.Node {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.node
}

func (c *Cluster) startMember(m *Member) error {
	logf, err := os.OpenFile(filepath.Join(m.Dir, "node.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(logf, &slog.HandlerOptions{Level: slog.LevelDebug})).With("node", m.Index)
	n, err := node.Start(c.ctx, m.Cfg, log)
	if err != nil {
		logf.Close()
		return err
	}
	m.mu.Lock()
	m.node, m.log = n, logf
	m.mu.Unlock()
	// A restart must come back on the same addresses, as a restarted daemon would.
	m.Cfg.Listen = listenAddrsOf(n)
	return nil
}

func listenAddrsOf(n *node.Node) []string {
	var out []string
	for _, a := range n.Host().Network().ListenAddresses() {
		out = append(out, a.String())
	}
	return out
}

// Stop shuts member i down cleanly.
func (c *Cluster) Stop(i int) {
	c.t.Helper()
	m := c.members[i]
	m.mu.Lock()
	n, logf := m.node, m.log
	m.node, m.log = nil, nil
	m.mu.Unlock()
	if n == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := n.Close(ctx); err != nil {
		c.t.Errorf("stop node %d: %v", i, err)
	}
	logf.Close()
}

// Restart starts a stopped member again from its directory (same identity, same addresses).
func (c *Cluster) Restart(i int) {
	c.t.Helper()
	if err := c.startMember(c.members[i]); err != nil {
		c.t.Fatalf("restart node %d: %v", i, err)
	}
}

func (c *Cluster) stopAll() {
	for i := range c.members {
		c.Stop(i)
	}
	if c.Chain != nil {
		c.Chain.Close()
	}
	if c.devchain != nil {
		if err := c.devchain.Close(); err != nil {
			c.t.Errorf("stop dev chain: %v", err)
		}
	}
	if c.t.Failed() {
		for _, m := range c.members {
			c.t.Logf("--- node %d: warnings and errors (last 25) ---\n%s", m.Index, problems(filepath.Join(m.Dir, "node.log"), 25))
		}
	}
}

// WaitMesh waits until every running member trusts a live connection to every other running
// member, or fails the test when ctx ends.
func (c *Cluster) WaitMesh(ctx context.Context) {
	c.t.Helper()
	c.WaitFor(ctx, "full mesh", func() (bool, string) {
		var running []*Member
		for _, m := range c.members {
			if m.Node() != nil {
				running = append(running, m)
			}
		}
		var missing []string
		for _, a := range running {
			h := a.Node().Host()
			for _, b := range running {
				if a != b && !(h.Gate.Trusted(b.ID) && h.Network().Connectedness(b.ID) == network.Connected) {
					missing = append(missing, fmt.Sprintf("%d→%d", a.Index, b.Index))
				}
			}
		}
		return len(missing) == 0, "missing links: " + strings.Join(missing, " ")
	})
}

// WaitFor polls cond until it holds, failing the test with cond's last explanation when ctx
// ends. Polling a condition is the honest way to wait for a distributed system to converge.
func (c *Cluster) WaitFor(ctx context.Context, what string, cond func() (bool, string)) {
	c.t.Helper()
	ticker := time.NewTicker(50 * time.Millisecond)
	defer ticker.Stop()
	for {
		ok, why := cond()
		if ok {
			return
		}
		select {
		case <-ctx.Done():
			c.t.Fatalf("waiting for %s: %v; %s", what, ctx.Err(), why)
		case <-ticker.C:
		}
	}
}

// WaitPools waits until every running node's warm signer sets that it coordinates hold `ready`
// presignatures.
func (c *Cluster) WaitPools(ctx context.Context, ready int) {
	c.WaitFor(ctx, "warm presignature pools", func() (bool, string) {
		for _, m := range c.Members() {
			nd := m.Node()
			if nd == nil {
				continue
			}
			st, ok := nd.PKPPools()
			if !ok {
				return false, fmt.Sprintf("node %d: no pools yet", m.Index)
			}
			for _, s := range st.Sets {
				if s.Coordinator && s.Warm && len(s.Ready) < ready {
					return false, fmt.Sprintf("node %d: set %v holds %d of %d", m.Index, s.Signers, len(s.Ready), ready)
				}
			}
		}
		return true, ""
	})
}

// devnetRoots are the simulated attestation roots, built once for every client of the tests.
var devnetRoots = sync.OnceValues(simulated.Roots)

// NewClient is a client of nf given the simulated attestation roots a devnet's nodes attest
// with (tests build their clients with it instead of client.New).
func NewClient(nf *client.NetworkFile) *client.Client {
	roots, err := devnetRoots()
	if err != nil {
		panic(fmt.Sprintf("testnet: the simulated attestation roots: %v", err))
	}
	return client.New(nf, client.WithDevnetRoots(roots))
}

// NetworkFile describes the running members the way a network.json would, for the client.
func (c *Cluster) NetworkFile() *client.NetworkFile {
	nf := &client.NetworkFile{Name: "testnet", Mode: "devnet"}
	if c.Chain == nil {
		// No chain to read the release allowlist from: the nodes run this test binary.
		if m, err := attestation.MeasureExecutable(); err == nil {
			nf.Releases = []string{m.String()}
		}
	}
	if c.Chain != nil {
		d := c.Deployment
		nf.Chain = client.Chain{Name: d.Name, ChainID: d.ChainID, RPCURL: d.RPCURL}
		raw, _ := json.Marshal(d.Contracts)
		_ = json.Unmarshal(raw, &nf.Contracts)
		for _, a := range d.DevAccounts {
			nf.DevAccounts = append(nf.DevAccounts, client.DevAccount{Address: a.Address.Hex(), PrivateKey: a.PrivateKey})
		}
	}
	for _, m := range c.members {
		if n := m.Node(); n != nil {
			nf.Nodes = append(nf.Nodes, client.NodeEntry{URL: n.URL(), PeerID: m.ID.String(), Multiaddrs: n.Addrs()})
		}
	}
	return nf
}

// TLSCertificate is the running member's TLS certificate with its private key, read from the
// node's sealed keystore (the simulated sealing key is a file in its directory): for a test
// that puts a proxy in the node's place, i.e. the node itself misbehaving, which clients then
// verify as the node. Test-only: nothing else may take a node's key out of its keystore.
func (m *Member) TLSCertificate(ctx context.Context) (tls.Certificate, error) {
	n := m.Node()
	if n == nil {
		return tls.Certificate{}, fmt.Errorf("node %d is not running", m.Index)
	}
	prov, err := simulated.New(attestation.ModeDevnet, m.Dir)
	if err != nil {
		return tls.Certificate{}, err
	}
	sealing, err := prov.SealingKey(ctx)
	if err != nil {
		return tls.Certificate{}, err
	}
	ks, err := keystore.Open(filepath.Join(m.Dir, "keystore"), sealing[:])
	if err != nil {
		return tls.Certificate{}, err
	}
	der, err := ks.Get(0, "tls-key-p256") // node's lifetime epoch and TLS key name (node/tls.go)
	if err != nil {
		return tls.Certificate{}, err
	}
	key, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: n.TLSCertificate(), PrivateKey: key}, nil
}

// Host returns member i's libp2p host (the member must be running).
func (c *Cluster) Host(i int) *p2p.Host { return c.members[i].Node().Host() }

// problems returns the last n warning and error lines of a node's JSON log.
func problems(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if !strings.Contains(l, `"level":"WARN"`) && !strings.Contains(l, `"level":"ERROR"`) && !strings.Contains(l, "attempt") && !strings.Contains(l, "dealt") {
			continue
		}
		if lines = append(lines, l); len(lines) > n {
			lines = lines[1:]
		}
	}
	return strings.Join(lines, "\n")
}
