package node

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
)

// validate checks a resolved Config; sources names where each setting came from, for errors.
// The checks run in a fixed order and the first failure is reported.
func (c *Config) validate(sources map[string]string) error {
	for _, check := range []func() *ConfigError{c.validateNetwork, c.validateTLS, c.validateMode, c.validateChains, c.validateActions, c.validateLimits} {
		if err := check(); err != nil {
			return &ConfigError{Key: err.Key, Source: sources[err.Key], Err: err.Err}
		}
	}
	return nil
}

// cfgErr names the setting an error is about; validate fills in its source.
func cfgErr(key string, err error) *ConfigError { return &ConfigError{Key: key, Err: err} }

// validateNetwork checks the network name and the p2p and API addresses.
func (c *Config) validateNetwork() *ConfigError {
	if c.Network == "" || strings.ContainsAny(c.Network, "/ \t\n") {
		return cfgErr("network", fmt.Errorf("must be a non-empty name without '/' or spaces, got %q", c.Network))
	}
	if len(c.Listen) == 0 {
		return cfgErr("listen", errors.New("at least one listen address is needed"))
	}
	for i, s := range c.Listen {
		if _, err := ma.NewMultiaddr(s); err != nil {
			return cfgErr("listen", fmt.Errorf("entry %d %q: %w", i, s, err))
		}
	}
	for i, s := range c.Announce {
		if _, err := ma.NewMultiaddr(s); err != nil {
			return cfgErr("announce", fmt.Errorf("entry %d %q: %w", i, s, err))
		}
	}
	if _, err := ParseBootstrap(c.Bootstrap); err != nil {
		return cfgErr("bootstrap", err)
	}
	if c.DebugAddr != "" {
		if _, _, err := net.SplitHostPort(c.DebugAddr); err != nil {
			return cfgErr("debug_addr", fmt.Errorf("want host:port, got %q", c.DebugAddr))
		}
	}
	if _, port, err := net.SplitHostPort(c.APIAddr); err != nil {
		return cfgErr("api_addr", fmt.Errorf("want host:port, got %q", c.APIAddr))
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return cfgErr("api_addr", fmt.Errorf("bad port %q", port))
	}
	if c.PublicURL != "" && !strings.HasPrefix(c.PublicURL, "https://") {
		return cfgErr("public_url", fmt.Errorf("want an https:// URL (the API is served over TLS only), got %q", c.PublicURL))
	}
	return nil
}

// validateMode checks the log level, the connection limits, the mode and the attestation.
func (c *Config) validateMode() *ConfigError {
	if _, err := ParseLogLevel(c.LogLevel); err != nil {
		return cfgErr("log_level", err)
	}
	if c.ConnLow < 1 || c.ConnHigh < c.ConnLow {
		return cfgErr("conn_high", fmt.Errorf("need 1 <= conn_low (%d) <= conn_high (%d)", c.ConnLow, c.ConnHigh))
	}
	switch c.Mode {
	case "production", "devnet":
	default:
		return cfgErr("mode", fmt.Errorf("want production or devnet, got %q", c.Mode))
	}
	switch c.Attestation {
	case "sev-snp":
	case "simulated":
		if c.Mode != "devnet" {
			return cfgErr("attestation", errors.New("simulated attestation proves nothing about the hardware and is refused in production mode (set mode = \"devnet\" for a local network)"))
		}
	default:
		return cfgErr("attestation", fmt.Errorf("want sev-snp or simulated, got %q", c.Attestation))
	}
	return nil
}

// validateChains checks the chain RPC and contracts, the extra chains and the IPFS sources.
func (c *Config) validateChains() *ConfigError {
	if c.ChainRPC == "" && c.Mode != "devnet" {
		return cfgErr("chain_rpc", errors.New("a production node needs the chain that holds its validator set"))
	}
	if c.ChainRPC != "" {
		if err := checkRPCURL(c.ChainRPC, c.Devnet()); err != nil {
			return cfgErr("chain_rpc", err)
		}
		for _, kv := range [][2]string{{"staking_contract", c.Staking}, {"pkp_nft_contract", c.PKPNFT}, {"pkp_permissions_contract", c.PKPPerms}} {
			if !common.IsHexAddress(kv[1]) {
				return cfgErr(kv[0], fmt.Errorf("want a 0x-prefixed 20-byte address, got %q", kv[1]))
			}
		}
	}
	chains, err := ParseChains(c.Chains)
	if err != nil {
		return cfgErr("chains", err)
	}
	for name, u := range chains {
		if err := checkRPCURL(u, c.Devnet()); err != nil {
			return cfgErr("chains", fmt.Errorf("chain %q: %w", name, err))
		}
	}
	if _, err := ParseBootstrap(c.IPFSPeers); err != nil {
		return cfgErr("ipfs_peers", err)
	}
	for i, g := range c.IPFSGateways {
		if !strings.HasPrefix(g, "http://") && !strings.HasPrefix(g, "https://") {
			return cfgErr("ipfs_gateways", fmt.Errorf("entry %d %q: want an http:// or https:// URL", i, g))
		}
	}
	return nil
}

// validateLimits checks the auth-method settings, the pool size and the durations.
func (c *Config) validateLimits() *ConfigError {
	if err := access.CheckOIDCIssuers(c.OIDCIssuers, c.Devnet()); err != nil {
		return cfgErr("oidc_issuers", err)
	}
	if err := access.CheckWebAuthnConfig(c.WebAuthnRPID, c.WebAuthnOrigins); err != nil {
		return cfgErr("webauthn_origins", err)
	}
	if c.PKPPool < 0 || c.PKPPool > 1024 {
		return cfgErr("pkp_pool", fmt.Errorf("want 0…1024 presignatures, got %d", c.PKPPool))
	}
	for _, kd := range []struct {
		key string
		d   Duration
	}{{"discovery_interval", c.Discovery}, {"reconnect_interval", c.Reconnect}, {"shutdown_timeout", c.ShutdownIn}, {"ipfs_timeout", c.IPFSTimeout}, {"action_timeout", c.ActionTimeout}, {"auth_max_lifetime", c.AuthMaxLifetime}} {
		if kd.d.Duration <= 0 {
			return cfgErr(kd.key, fmt.Errorf("must be positive, got %s", kd.d))
		}
	}
	return nil
}

// maxAuthLifetime is the most auth_max_lifetime may be: Lit's nodes refuse sessions valid for
// longer than 30 days.
const maxAuthLifetime = 30 * 24 * time.Hour

// validateTLS checks the certificate mode and its settings, and the auth lifetime; the error's
// Source is filled by the caller.
func (c *Config) validateTLS() *ConfigError {
	switch c.TLSMode {
	case TLSSelfSigned:
	case TLSFiles:
		if c.TLSCertFile == "" {
			return &ConfigError{Key: "tls_cert_file", Err: errors.New("tls_mode files needs tls_cert_file (a certificate for the key `litnode tls csr` prints a request for)")}
		}
	case TLSACME:
		if c.PublicURL == "" {
			return &ConfigError{Key: "public_url", Err: errors.New("tls_mode acme needs public_url with the DNS name to get a certificate for")}
		}
		if h := hostOf(c.PublicURL); h == "" || net.ParseIP(h) != nil || h == "localhost" {
			return &ConfigError{Key: "public_url", Err: fmt.Errorf("tls_mode acme needs a public DNS name, got %q", c.PublicURL)}
		}
	case TLSDevnetCA:
		if c.Mode != "devnet" {
			return &ConfigError{Key: "tls_mode", Err: errors.New("devnet-ca reads a CA key from disk and is refused in production mode")}
		}
		if c.TLSDevnetCA == "" {
			return &ConfigError{Key: "tls_devnet_ca", Err: errors.New("tls_mode devnet-ca needs the devnet CA directory")}
		}
	default:
		return &ConfigError{Key: "tls_mode", Err: fmt.Errorf("want self-signed, acme, files or devnet-ca, got %q", c.TLSMode)}
	}
	if c.AuthMaxLifetime.Duration > maxAuthLifetime {
		return &ConfigError{Key: "auth_max_lifetime", Err: fmt.Errorf("at most %s, got %s", maxAuthLifetime, c.AuthMaxLifetime)}
	}
	return nil
}

// hostOf returns the lowercase host of a URL.
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.ToLower(p.Hostname())
}

// validateActions checks the Lit Action settings; the error's Source is filled by the caller.
func (c *Config) validateActions() *ConfigError {
	for _, r := range []struct {
		key      string
		v        int
		min, max int
	}{
		{"action_workers", c.ActionWorkers, 0, 256},
		{"action_max_heap_mb", c.ActionMaxHeapMB, 16, 16 << 10},
		{"action_max_code_kb", c.ActionMaxCodeKB, 1, api.MaxActionCode >> 10},
		{"action_max_response_kb", c.ActionMaxResponseKB, 1, 1 << 20},
		{"action_max_fetches", c.ActionMaxFetches, 1, 1 << 20},
		{"action_max_signatures", c.ActionMaxSignatures, 1, 1 << 10},
		{"action_max_contract_calls", c.ActionMaxContracts, 1, 1 << 10},
		{"action_max_broadcasts", c.ActionMaxBroadcasts, 1, 1 << 10},
		{"action_max_call_depth", c.ActionMaxCallDepth, 1, 16},
		{"action_max_fetch_mb", c.ActionMaxFetchMB, 1, 1 << 10},
		{"action_max_worker_mb", c.ActionMaxWorkerMB, 0, 1 << 20},
		{"action_rpc_calls", c.ActionRPCCalls, 1, 1 << 20},
		{"action_sandbox_id", c.ActionSandboxID, 0, 1<<31 - 2},
		{"rate_limit_ip", c.RateLimitIP, 0, 1 << 20},
		{"rate_limit_address", c.RateLimitAddress, 0, 1 << 20},
		{"rate_limit_presign", c.RateLimitPresign, 0, 1 << 20},
		{"max_connections", c.MaxConnections, 0, 1 << 20},
		{"handshake_concurrency", c.HandshakeConcurrency, 1, 64},
		{"ipfs_quota_mb", c.IPFSQuotaMB, 1, 1 << 20},
		{"ipfs_store_mb", c.IPFSStoreMB, 1, 1 << 30},
	} {
		if r.v < r.min || r.v > r.max {
			return &ConfigError{Key: r.key, Err: fmt.Errorf("want %d..%d, got %d", r.min, r.max, r.v)}
		}
	}
	if c.ActionMaxWorkerMB != 0 && c.ActionMaxWorkerMB < c.ActionMaxHeapMB+64 {
		return &ConfigError{Key: "action_max_worker_mb", Err: fmt.Errorf("%d MiB leaves under 64 MiB above the %d MiB heap", c.ActionMaxWorkerMB, c.ActionMaxHeapMB)}
	}
	if _, err := newFetchPolicy(c.ActionFetchAllow); err != nil {
		return &ConfigError{Key: "action_fetch_allow", Err: err}
	}
	return nil
}

// ParseBootstrap parses bootstrap multiaddrs; each must end in /p2p/<peer ID>. Addresses of the
// same peer are merged.
func ParseBootstrap(addrs []string) ([]peer.AddrInfo, error) {
	var infos []peer.AddrInfo
	index := map[peer.ID]int{}
	for i, s := range addrs {
		m, err := ma.NewMultiaddr(s)
		if err != nil {
			return nil, fmt.Errorf("entry %d %q: %w", i, s, err)
		}
		ai, err := peer.AddrInfoFromP2pAddr(m)
		if err != nil {
			return nil, fmt.Errorf("entry %d %q: needs a /p2p/<peer ID> suffix: %w", i, s, err)
		}
		if j, ok := index[ai.ID]; ok {
			infos[j].Addrs = append(infos[j].Addrs, ai.Addrs...)
			continue
		}
		index[ai.ID] = len(infos)
		infos = append(infos, *ai)
	}
	return infos, nil
}

// checkRPCURL checks an RPC endpoint's URL. Production nodes need https:// or wss://: over
// plain http anyone on the path reads the API key and can answer in the chain's place (docs/
// security.md, "A lying chain RPC"). Errors never quote the URL, which may carry an API key.
func checkRPCURL(raw string, devnet bool) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return errors.New("want an http(s):// or ws(s):// URL with a host")
	}
	switch u.Scheme {
	case "https", "wss":
		return nil
	case "http", "ws":
		if devnet {
			return nil
		}
		return fmt.Errorf("%s: production nodes need an https:// or wss:// RPC URL (plain %s can be read and answered by anyone on the path)", chain.RedactURL(raw), u.Scheme)
	}
	return fmt.Errorf("%s: want an http(s):// or ws(s):// URL", chain.RedactURL(raw))
}

// ParseChains parses name=rpcURL entries.
func ParseChains(entries []string) (map[string]string, error) {
	out := map[string]string{}
	for i, e := range entries {
		name, url, ok := strings.Cut(e, "=")
		name, url = strings.TrimSpace(name), strings.TrimSpace(url)
		if !ok || name == "" || !(strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "ws://") || strings.HasPrefix(url, "wss://")) {
			return nil, fmt.Errorf("entry %d (%s=%s): want name=http(s)://rpc-url", i, name, chain.RedactURL(url))
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("entry %d: chain %q given twice", i, name)
		}
		out[name] = url
	}
	return out, nil
}
