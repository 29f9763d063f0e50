// Package devchain runs litmesh's development chain in-process: what `geth --dev` does
// (go-ethereum's node, eth service and a simulated beacon with period 0, mining a block as
// soon as a transaction arrives), with ten funded, well-known dev accounts and the litmesh
// contracts deployed. It serves JSON-RPC over HTTP on loopback, so the devnet needs no
// separately installed geth. Development only: the accounts' keys are public.
//
// It imports chain and chain/bindings; nothing of litmesh imports it except the devnet
// launcher and the CLI.
package devchain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	gethlog "github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
)

// ChainID is the dev chain's chain id (geth --dev's).
const ChainID = 1337

// Name is the chain's name in network.json and in access-control conditions.
const Name = "litdevnet"

// gasLimit per block: generous, so deployments and big batches fit in one block.
const gasLimit = 30_000_000

// Config configures a dev chain.
type Config struct {
	// DataDir keeps the chain across restarts; empty runs it in memory.
	DataDir string
	// HTTPAddr is the JSON-RPC listen address, host:port; port 0 picks a free one.
	// Default 127.0.0.1:8545.
	HTTPAddr string
	// AllowReleases are release measurements Run adds to the allowlist once deployed.
	AllowReleases [][]byte
	// AutoLock, if positive, makes Run lock the next validator set as the admin whenever it
	// has at least this many members and differs from the active set (container devnets).
	AutoLock int
}

// Chain is a running dev chain.
type Chain struct {
	stack  *node.Node
	beacon *catalyst.SimulatedBeacon
	url    string
	dir    string
}

// Start starts a dev chain. With a DataDir that already holds one, the chain continues from
// its last block. Close it when done.
func Start(cfg Config) (*Chain, error) {
	if cfg.HTTPAddr == "" {
		cfg.HTTPAddr = "127.0.0.1:8545"
	}
	host, portStr, err := net.SplitHostPort(cfg.HTTPAddr)
	if err != nil {
		return nil, fmt.Errorf("dev chain http address %q: %w", cfg.HTTPAddr, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("dev chain http address %q: bad port", cfg.HTTPAddr)
	}
	if cfg.DataDir != "" {
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("dev chain data dir: %w", err)
		}
	}

	nodeConf := node.DefaultConfig
	nodeConf.Name = "litdevchain"
	nodeConf.DataDir = cfg.DataDir
	nodeConf.P2P = p2p.Config{NoDiscovery: true, MaxPeers: 0, ListenAddr: ""}
	nodeConf.HTTPHost = host
	nodeConf.HTTPPort = port
	nodeConf.HTTPModules = []string{"eth", "net", "web3", "txpool"}
	// Loopback only, so any Host header may reach it (docker-compose uses service names).
	nodeConf.HTTPVirtualHosts = []string{"*"}
	nodeConf.HTTPCors = []string{"*"}
	nodeConf.AuthPort = 0 // no engine API is registered; never bind 8551
	nodeConf.UseLightweightKDF = true
	stack, err := node.New(&nodeConf)
	if err != nil {
		return nil, fmt.Errorf("dev chain node: %w", err)
	}
	c, err := startOn(stack, cfg.DataDir)
	if err != nil {
		_ = stack.Close()
		return nil, err
	}
	return c, nil
}

func startOn(stack *node.Node, dir string) (*Chain, error) {
	ethConf := ethconfig.Defaults
	ethConf.NetworkId = ChainID
	ethConf.Genesis = genesis()
	ethConf.SyncMode = ethconfig.FullSync
	ethConf.TxPool.NoLocals = true
	ethConf.Miner.GasPrice = big.NewInt(1)
	ethConf.Miner.GasCeil = gasLimit
	ethConf.RPCGasCap = 50_000_000
	if dir != "" {
		// Archive mode on the hash scheme writes every block's state to disk as it is made,
		// so even a killed dev chain restarts at its last block.
		ethConf.NoPruning = true
		ethConf.StateScheme = rawdb.HashScheme
	}
	backend, err := eth.New(stack, &ethConf)
	if err != nil {
		return nil, fmt.Errorf("dev chain eth service: %w", err)
	}
	filterSystem := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(filterSystem)}})
	beacon, err := catalyst.NewSimulatedBeacon(0, common.Address{}, backend)
	if err != nil {
		return nil, fmt.Errorf("dev chain beacon: %w", err)
	}
	// Registering the beacon's API starts its mine-on-transaction loop (period 0).
	catalyst.RegisterSimulatedBeaconAPIs(stack, beacon)
	stack.RegisterLifecycle(beacon)
	if err := stack.Start(); err != nil {
		return nil, fmt.Errorf("start dev chain: %w", err)
	}
	return &Chain{stack: stack, beacon: beacon, url: stack.HTTPEndpoint(), dir: dir}, nil
}

// genesis funds every dev account. It must be byte-for-byte stable: a restart compares it
// with the genesis stored in the data dir.
func genesis() *core.Genesis {
	g := core.DeveloperGenesisBlock(gasLimit, nil)
	balance := new(big.Int).Mul(big.NewInt(10_000), big.NewInt(params.Ether))
	for _, a := range accounts {
		g.Alloc[a.Address] = types.Account{Balance: balance}
	}
	return g
}

// URL is the JSON-RPC endpoint, http://host:port.
func (c *Chain) URL() string { return c.url }

// DataDir is the chain's data directory ("" in memory).
func (c *Chain) DataDir() string { return c.dir }

// Close stops the chain, flushing its state to the data dir.
func (c *Chain) Close() error {
	if c.stack == nil {
		return nil
	}
	err := c.stack.Close()
	c.stack = nil
	if err != nil && !errors.Is(err, node.ErrNodeStopped) {
		return fmt.Errorf("close dev chain: %w", err)
	}
	return nil
}

// deploymentFile is where Run records what it deployed, inside the data dir.
func deploymentFile(dir string) string { return filepath.Join(dir, "deployment.json") }

// logTo routes go-ethereum's own logs (warnings and worse) into l. It sets go-ethereum's
// process-wide logger, so only the process entry point (Run) calls it.
func logTo(l *slog.Logger) {
	gethlog.SetDefault(gethlog.NewLogger(levelFilter{h: l.Handler(), min: slog.LevelWarn}))
}

type levelFilter struct {
	h   slog.Handler
	min slog.Level
}

func (f levelFilter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= f.min && f.h.Enabled(ctx, l)
}
func (f levelFilter) Handle(ctx context.Context, r slog.Record) error { return f.h.Handle(ctx, r) }
func (f levelFilter) WithAttrs(a []slog.Attr) slog.Handler {
	return levelFilter{h: f.h.WithAttrs(a), min: f.min}
}
func (f levelFilter) WithGroup(n string) slog.Handler {
	return levelFilter{h: f.h.WithGroup(n), min: f.min}
}
