package node_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/node"
)

const validPeer = "12D3KooWFphciAe2S99Ze9SN5cm43WNhCmqHJNWygHzp59wCvws3"

func writeFile(t *testing.T, dir, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, node.ConfigFile), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestFlagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, `api_addr = "127.0.0.1:9001"
mode = "devnet"
log_level = "warn"
network = "from-file"
`)
	env := map[string]string{"LITMESH_API_ADDR": "127.0.0.1:9002", "LITMESH_NETWORK": "from-env"}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	node.RegisterFlags(fs)
	if err := fs.Parse([]string{"--api-addr", "127.0.0.1:9003"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := node.LoadConfig(dir, fs, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.APIAddr != "127.0.0.1:9003" {
		t.Errorf("api_addr = %s, want the flag's value", cfg.APIAddr)
	}
	if cfg.Network != "from-env" {
		t.Errorf("network = %s, want the environment's value", cfg.Network)
	}
	if cfg.LogLevel != "warn" {
		t.Errorf("log_level = %s, want the file's value", cfg.LogLevel)
	}
	if cfg.ConnHigh != node.DefaultConfig().ConnHigh {
		t.Errorf("conn_high = %d, want the default", cfg.ConnHigh)
	}
}

func TestBadSettingsAreRejectedNamingTheKeyAndItsSource(t *testing.T) {
	cases := []struct {
		name    string
		file    string
		env     map[string]string
		flags   []string
		wantKey string
		wantSrc string
	}{
		{name: "a malformed listen multiaddr in the file", file: `listen = ["/ip4/127.0.0.1/tcp/notaport"]`, wantKey: "listen", wantSrc: "config.toml"},
		{name: "a bootstrap address without a peer ID from the environment", env: map[string]string{"LITMESH_BOOTSTRAP": "/ip4/127.0.0.1/tcp/4001"}, wantKey: "bootstrap", wantSrc: "env LITMESH_BOOTSTRAP"},
		{name: "an API address without a port from a flag", flags: []string{"--api-addr", "localhost"}, wantKey: "api_addr", wantSrc: "flag --api-addr"},
		{name: "an unknown key in the file", file: `colour = "blue"`, wantKey: "colour", wantSrc: "config.toml"},
		{name: "an unknown log level", flags: []string{"--log-level", "loud"}, wantKey: "log_level", wantSrc: "flag --log-level"},
		{name: "a duration without a unit", env: map[string]string{"LITMESH_DISCOVERY_INTERVAL": "10"}, wantKey: "discovery_interval", wantSrc: "env LITMESH_DISCOVERY_INTERVAL"},
		{name: "a non-numeric connection limit", flags: []string{"--conn-low", "many"}, wantKey: "conn_low", wantSrc: "flag --conn-low"},
		{name: "a network name with a slash", file: `network = "a/b"`, wantKey: "network", wantSrc: "config.toml"},
		{name: "simulated attestation in production mode", flags: []string{"--attestation", "simulated", "--chain-rpc", "http://127.0.0.1:8545", "--staking-contract", "0x0000000000000000000000000000000000000001", "--pkp-nft-contract", "0x0000000000000000000000000000000000000002", "--pkp-permissions-contract", "0x0000000000000000000000000000000000000003"}, wantKey: "attestation", wantSrc: "flag --attestation"},
		{name: "a production node without a chain", flags: []string{}, wantKey: "chain_rpc", wantSrc: "default"},
		{name: "a malformed contract address", flags: []string{"--mode", "devnet", "--chain-rpc", "http://127.0.0.1:8545", "--staking-contract", "0x12"}, wantKey: "staking_contract", wantSrc: "flag --staking-contract"},
		{name: "a chain entry without a URL", env: map[string]string{"LITMESH_MODE": "devnet", "LITMESH_CHAINS": "ethereum"}, wantKey: "chains", wantSrc: "env LITMESH_CHAINS"},
		{name: "a Lit Action heap too small for ethers", env: map[string]string{"LITMESH_MODE": "devnet", "LITMESH_ACTION_MAX_HEAP_MB": "8"}, wantKey: "action_max_heap_mb", wantSrc: "env LITMESH_ACTION_MAX_HEAP_MB"},
		{name: "a Lit Action code limit above what the node stores", file: "mode = \"devnet\"\naction_max_code_kb = 20000", wantKey: "action_max_code_kb", wantSrc: "config.toml"},
		{name: "a zero Lit Action time limit", flags: []string{"--mode", "devnet", "--action-timeout", "0s"}, wantKey: "action_timeout", wantSrc: "flag --action-timeout"},
		{name: "a presignature pool over its limit", env: map[string]string{"LITMESH_PKP_POOL": "5000"}, wantKey: "pkp_pool", wantSrc: "env LITMESH_PKP_POOL"},
		{name: "a host name in the fetch allowlist", env: map[string]string{"LITMESH_ACTION_FETCH_ALLOW": "10.0.0.0/8,intranet.local"}, wantKey: "action_fetch_allow", wantSrc: "env LITMESH_ACTION_FETCH_ALLOW"},
		{name: "a worker memory cap below the heap", flags: []string{"--action-max-worker-mb", "100"}, wantKey: "action_max_worker_mb", wantSrc: "flag --action-max-worker-mb"},
		{name: "a sandbox switch that is not a boolean", env: map[string]string{"LITMESH_INSECURE_NO_SANDBOX": "maybe"}, wantKey: "insecure_no_sandbox", wantSrc: "env LITMESH_INSECURE_NO_SANDBOX"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.file != "" {
				writeFile(t, dir, tc.file)
			}
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			node.RegisterFlags(fs)
			if err := fs.Parse(tc.flags); err != nil {
				t.Fatal(err)
			}
			env := func(k string) string {
				if v, ok := tc.env[k]; ok {
					return v
				}
				if k == "LITMESH_MODE" && tc.wantKey != "chain_rpc" && tc.wantKey != "attestation" {
					return "devnet"
				}
				return ""
			}
			_, err := node.LoadConfig(dir, fs, env)
			var ce *node.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *ConfigError", err)
			}
			if ce.Key != tc.wantKey || ce.Source != tc.wantSrc {
				t.Fatalf("error names %s from %s, want %s from %s (%v)", ce.Key, ce.Source, tc.wantKey, tc.wantSrc, err)
			}
		})
	}
}

func TestAWrittenConfigReadsBackTheSame(t *testing.T) {
	dir := t.TempDir()
	want := node.DefaultConfig()
	want.Dir = dir
	want.Mode = "devnet"
	want.Bootstrap = []string{"/ip4/127.0.0.1/tcp/4001/p2p/" + validPeer}
	want.Discovery = node.Duration{Duration: 42 * time.Second}
	if err := node.WriteConfigFile(want); err != nil {
		t.Fatal(err)
	}
	got, err := node.LoadConfig(dir, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Discovery != want.Discovery || got.Bootstrap[0] != want.Bootstrap[0] || got.APIAddr != want.APIAddr {
		t.Fatalf("read back %+v, want %+v", got, want)
	}
}

func TestBootstrapAddressesOfOnePeerAreMerged(t *testing.T) {
	infos, err := node.ParseBootstrap([]string{
		"/ip4/127.0.0.1/tcp/4001/p2p/" + validPeer,
		"/ip4/127.0.0.1/udp/4001/quic-v1/p2p/" + validPeer,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || len(infos[0].Addrs) != 2 {
		t.Fatalf("got %+v, want one peer with two addresses", infos)
	}
}

func FuzzParseBootstrap(f *testing.F) {
	for _, s := range []string{
		"/ip4/127.0.0.1/tcp/4001/p2p/" + validPeer,
		"/dns4/node0/tcp/7100/p2p/" + validPeer,
		"/ip4/1.2.3.4/tcp/1",
		"/p2p/" + validPeer,
		"garbage", "", "/ip6/::1/udp/1/quic-v1/p2p/x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		infos, err := node.ParseBootstrap(node.SplitList(s))
		if err != nil {
			return
		}
		for _, ai := range infos {
			if ai.ID == "" {
				t.Fatalf("parsed %q into a peer without an ID", s)
			}
		}
	})
}

func FuzzLoadConfigFile(f *testing.F) {
	f.Add(`api_addr = "127.0.0.1:1"` + "\n" + `bootstrap = ["/ip4/127.0.0.1/tcp/4001/p2p/` + validPeer + `"]`)
	f.Add(`listen = "not a list"`)
	f.Add(`discovery_interval = "1h"`)
	f.Add("[[[")
	f.Fuzz(func(t *testing.T, content string) {
		dir := t.TempDir()
		content = "mode = \"devnet\"\n" + content
		if err := os.WriteFile(filepath.Join(dir, node.ConfigFile), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := node.LoadConfig(dir, nil, nil)
		if err != nil {
			if !strings.Contains(err.Error(), "config") {
				t.Fatalf("error does not say it is about config: %v", err)
			}
			return
		}
		if cfg.APIAddr == "" || len(cfg.Listen) == 0 {
			t.Fatalf("accepted config without API address or listen addresses: %+v", cfg)
		}
	})
}

// The sandbox switch is a plain boolean flag, and the fetch allowlist a list, from any source.
func TestActionSandboxAndFetchSettings(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	node.RegisterFlags(fs)
	if err := fs.Parse([]string{"--mode", "devnet", "--insecure-no-sandbox"}); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"LITMESH_ACTION_FETCH_ALLOW": "10.1.2.3, 192.168.0.0/16", "LITMESH_ACTION_SANDBOX_ID": "70000"}
	cfg, err := node.LoadConfig(t.TempDir(), fs, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.InsecureNoSandbox || cfg.ActionSandboxID != 70000 || len(cfg.ActionFetchAllow) != 2 || cfg.ActionFetchAllow[1] != "192.168.0.0/16" {
		t.Fatalf("insecure_no_sandbox %t, action_sandbox_id %d, action_fetch_allow %q", cfg.InsecureNoSandbox, cfg.ActionSandboxID, cfg.ActionFetchAllow)
	}
	if def := node.DefaultConfig(); def.InsecureNoSandbox || def.ActionRPCCalls != 100 || def.ActionMaxFetchMB != 32 {
		t.Fatalf("defaults: %+v", def)
	}
}

// A production node reads its chain over TLS only, and no config error quotes an RPC URL
// (operators' URLs carry API keys).
func TestAProductionNodeNeedsTLSToItsChainAndErrorsHideTheURL(t *testing.T) {
	const key = "0123456789abcdefKEY"
	contracts := []string{"--staking-contract", "0x0000000000000000000000000000000000000001", "--pkp-nft-contract", "0x0000000000000000000000000000000000000002", "--pkp-permissions-contract", "0x0000000000000000000000000000000000000003"}
	for _, tc := range []struct {
		name    string
		flags   []string
		wantKey string // "" when the config is valid
	}{
		{"plain http", []string{"--chain-rpc", "http://rpc.example.com/v3/" + key}, "chain_rpc"},
		{"plain ws", []string{"--chain-rpc", "ws://rpc.example.com/?key=" + key}, "chain_rpc"},
		{"https", []string{"--chain-rpc", "https://rpc.example.com/v3/" + key}, ""},
		{"wss", []string{"--chain-rpc", "wss://rpc.example.com/v3/" + key}, ""},
		{"an extra chain over plain http", []string{"--chain-rpc", "https://rpc.example.com/", "--chains", "ethereum=http://eth.example.com/" + key}, "chains"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			node.RegisterFlags(fs)
			if err := fs.Parse(append(tc.flags, contracts...)); err != nil {
				t.Fatal(err)
			}
			_, err := node.LoadConfig(t.TempDir(), fs, nil)
			if tc.wantKey == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ce *node.ConfigError
			if !errors.As(err, &ce) || ce.Key != tc.wantKey {
				t.Fatalf("err = %v, want a ConfigError naming %s", err, tc.wantKey)
			}
			if !strings.Contains(err.Error(), "https:// or wss://") || strings.Contains(err.Error(), key) {
				t.Fatalf("the error must ask for TLS and hide the key: %v", err)
			}
		})
	}
}
