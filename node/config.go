package node

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// ConfigFile is the name of the operator's config file inside the node directory.
const ConfigFile = "config.toml"

// Config is everything a node needs, in one flat struct. It is filled in exactly one place,
// LoadConfig, with this precedence: command-line flags, then LITMESH_* environment variables,
// then DIR/config.toml, then the defaults below.
//
// Each field's tags name it in the file (toml), the environment (env) and on the command line
// (flag); help is the flag's usage text.
type Config struct {
	Dir string `toml:"-" env:"-" flag:"-"`

	Network    string   `toml:"network" env:"LITMESH_NETWORK" flag:"network" help:"network name: nodes only discover peers of the same network"`
	Listen     []string `toml:"listen" env:"LITMESH_LISTEN" flag:"listen" help:"libp2p listen multiaddrs, comma-separated"`
	Announce   []string `toml:"announce" env:"LITMESH_ANNOUNCE" flag:"announce" help:"multiaddrs to announce instead of the listen addresses, comma-separated"`
	Bootstrap  []string `toml:"bootstrap" env:"LITMESH_BOOTSTRAP" flag:"bootstrap" help:"bootstrap peer multiaddrs with /p2p/ID, comma-separated"`
	APIAddr    string   `toml:"api_addr" env:"LITMESH_API_ADDR" flag:"api-addr" help:"host:port of the client HTTP API"`
	PublicURL  string   `toml:"public_url" env:"LITMESH_PUBLIC_URL" flag:"public-url" help:"https:// URL clients reach the API at (default https://API_ADDR); session signatures must name it"`
	LogLevel   string   `toml:"log_level" env:"LITMESH_LOG_LEVEL" flag:"log-level" help:"debug, info, warn or error"`
	DebugAddr  string   `toml:"debug_addr" env:"LITMESH_DEBUG_ADDR" flag:"debug-addr" help:"host:port to serve Go profiling (/debug/pprof/) on; empty: off. Keep it on loopback"`
	ConnLow    int      `toml:"conn_low" env:"LITMESH_CONN_LOW" flag:"conn-low" help:"connection manager low watermark"`
	ConnHigh   int      `toml:"conn_high" env:"LITMESH_CONN_HIGH" flag:"conn-high" help:"connection manager high watermark"`
	Discovery  Duration `toml:"discovery_interval" env:"LITMESH_DISCOVERY_INTERVAL" flag:"discovery-interval" help:"how often to look for peers once the mesh is stable"`
	Reconnect  Duration `toml:"reconnect_interval" env:"LITMESH_RECONNECT_INTERVAL" flag:"reconnect-interval" help:"how often to redial bootstrap and known member peers that dropped"`
	ShutdownIn Duration `toml:"shutdown_timeout" env:"LITMESH_SHUTDOWN_TIMEOUT" flag:"shutdown-timeout" help:"how long a clean shutdown may take"`

	Mode        string   `toml:"mode" env:"LITMESH_MODE" flag:"mode" help:"production or devnet; devnet allows simulated attestation and running without a chain"`
	Attestation string   `toml:"attestation" env:"LITMESH_ATTESTATION" flag:"attestation" help:"sev-snp (the hardware) or simulated (devnet only: proves nothing about the hardware)"`
	ChainRPC    string   `toml:"chain_rpc" env:"LITMESH_CHAIN_RPC" flag:"chain-rpc" help:"JSON-RPC URL of the chain holding the staking, PKP and permission contracts"`
	ChainName   string   `toml:"chain_name" env:"LITMESH_CHAIN_NAME" flag:"chain-name" help:"the network chain's name in access-control conditions"`
	Staking     string   `toml:"staking_contract" env:"LITMESH_STAKING_CONTRACT" flag:"staking-contract" help:"address of the Staking contract"`
	PKPNFT      string   `toml:"pkp_nft_contract" env:"LITMESH_PKP_NFT_CONTRACT" flag:"pkp-nft-contract" help:"address of the PKPNFT contract"`
	PKPPerms    string   `toml:"pkp_permissions_contract" env:"LITMESH_PKP_PERMISSIONS_CONTRACT" flag:"pkp-permissions-contract" help:"address of the PKPPermissions contract"`
	Chains      []string `toml:"chains" env:"LITMESH_CHAINS" flag:"chains" help:"more chains for access-control conditions, as name=rpcURL, comma-separated"`

	IPFSPeers    []string `toml:"ipfs_peers" env:"LITMESH_IPFS_PEERS" flag:"ipfs-peers" help:"extra IPFS peers (multiaddrs with /p2p/ID, e.g. a local kubo) to fetch blocks from, comma-separated"`
	IPFSGateways []string `toml:"ipfs_gateways" env:"LITMESH_IPFS_GATEWAYS" flag:"ipfs-gateways" help:"trustless IPFS HTTP gateways to fall back on (every block is re-hashed), comma-separated"`
	IPFSTimeout  Duration `toml:"ipfs_timeout" env:"LITMESH_IPFS_TIMEOUT" flag:"ipfs-timeout" help:"how long to look for a CID before giving up"`

	ActionWorkers       int      `toml:"action_workers" env:"LITMESH_ACTION_WORKERS" flag:"action-workers" help:"Lit Action worker processes, i.e. concurrent executions; 0 means one per CPU"`
	ActionTimeout       Duration `toml:"action_timeout" env:"LITMESH_ACTION_TIMEOUT" flag:"action-timeout" help:"wall-time limit of one Lit Action execution, host calls included"`
	ActionMaxHeapMB     int      `toml:"action_max_heap_mb" env:"LITMESH_ACTION_MAX_HEAP_MB" flag:"action-max-heap-mb" help:"V8 heap limit of one Lit Action execution, MiB"`
	ActionMaxCodeKB     int      `toml:"action_max_code_kb" env:"LITMESH_ACTION_MAX_CODE_KB" flag:"action-max-code-kb" help:"largest Lit Action source this node runs, KiB (at most 16384)"`
	ActionMaxResponseKB int      `toml:"action_max_response_kb" env:"LITMESH_ACTION_MAX_RESPONSE_KB" flag:"action-max-response-kb" help:"largest response a Lit Action may set, KiB"`
	ActionMaxFetches    int      `toml:"action_max_fetches" env:"LITMESH_ACTION_MAX_FETCHES" flag:"action-max-fetches" help:"fetch() calls one Lit Action execution may make"`
	ActionMaxSignatures int      `toml:"action_max_signatures" env:"LITMESH_ACTION_MAX_SIGNATURES" flag:"action-max-signatures" help:"signatures (signEcdsa, sign, signAndCombine…, signAsAction) one Lit Action execution may make"`
	ActionMaxContracts  int      `toml:"action_max_contract_calls" env:"LITMESH_ACTION_MAX_CONTRACT_CALLS" flag:"action-max-contract-calls" help:"Lit.Actions.callContract calls one Lit Action execution may make"`
	ActionMaxBroadcasts int      `toml:"action_max_broadcasts" env:"LITMESH_ACTION_MAX_BROADCASTS" flag:"action-max-broadcasts" help:"exchanges with the other nodes (runOnce, broadcastAndCollect, decrypt…, signAndCombine…) one Lit Action execution may make"`
	ActionMaxCallDepth  int      `toml:"action_max_call_depth" env:"LITMESH_ACTION_MAX_CALL_DEPTH" flag:"action-max-call-depth" help:"how deep Lit.Actions.call may nest child actions"`
	ActionMaxWorkerMB   int      `toml:"action_max_worker_mb" env:"LITMESH_ACTION_MAX_WORKER_MB" flag:"action-max-worker-mb" help:"resident memory a Lit Action worker may reach (V8 heap plus ArrayBuffers and WebAssembly memory) before it is killed, MiB; 0: the larger of 1024 and 4 x action_max_heap_mb"`
	ActionMaxFetchMB    int      `toml:"action_max_fetch_mb" env:"LITMESH_ACTION_MAX_FETCH_MB" flag:"action-max-fetch-mb" help:"response bytes all fetches of one Lit Action execution may read together, MiB"`
	ActionFetchAllow    []string `toml:"action_fetch_allow" env:"LITMESH_ACTION_FETCH_ALLOW" flag:"action-fetch-allow" help:"IP addresses or CIDR prefixes Lit Actions may fetch from although they are loopback, private, link-local or otherwise internal, comma-separated"`
	ActionRPCCalls      int      `toml:"action_rpc_calls" env:"LITMESH_ACTION_RPC_CALLS" flag:"action-rpc-calls" help:"JSON-RPC calls one Lit Action execution may make through the node's RPC proxy"`
	ActionSandboxID     int      `toml:"action_sandbox_id" env:"LITMESH_ACTION_SANDBOX_ID" flag:"action-sandbox-id" help:"host uid and gid Lit Action workers run as when the node runs as root (0: 2000000000); no file should belong to it"`
	InsecureNoSandbox   bool     `toml:"insecure_no_sandbox" env:"LITMESH_INSECURE_NO_SANDBOX" flag:"insecure-no-sandbox" help:"INSECURE: run Lit Actions although the kernel or the node's privileges leave a layer of the worker sandbox out (production refuses to start otherwise); every layer available is still applied"`
	PKPPool             int      `toml:"pkp_pool" env:"LITMESH_PKP_POOL" flag:"pkp-pool" help:"presignatures kept ready per signer set this node coordinates (0: compute every one on demand)"`

	// Limits of the client HTTP API (docs/security.md, "Floods"); 0 turns one off.
	RateLimitIP          int `toml:"rate_limit_ip" env:"LITMESH_RATE_LIMIT_IP" flag:"rate-limit-ip" help:"requests per second one client IP (IPv6: one /64) may make to the HTTP API, in bursts of up to twice that; over it: 429 with Retry-After. 0: no limit"`
	RateLimitAddress     int `toml:"rate_limit_address" env:"LITMESH_RATE_LIMIT_ADDRESS" flag:"rate-limit-address" help:"authenticated requests per second one address may make, in bursts of up to twice that. 0: no limit"`
	RateLimitPresign     int `toml:"rate_limit_presign" env:"LITMESH_RATE_LIMIT_PRESIGN" flag:"rate-limit-presign" help:"PKP signatures per second one requester (address or Lit Action) may take presignatures for, in bursts of up to twice that. 0: no limit"`
	MaxConnections       int `toml:"max_connections" env:"LITMESH_MAX_CONNECTIONS" flag:"max-connections" help:"open HTTP API connections at most; further ones wait to be accepted. 0: no limit"`
	HandshakeConcurrency int `toml:"handshake_concurrency" env:"LITMESH_HANDSHAKE_CONCURRENCY" flag:"handshake-concurrency" help:"attestation reports made at once for clients' /web/handshake (peers' handshakes always go first)"`
	IPFSQuotaMB          int `toml:"ipfs_quota_mb" env:"LITMESH_IPFS_QUOTA_MB" flag:"ipfs-quota-mb" help:"MiB of IPFS content one address may add and pin on this node"`
	IPFSStoreMB          int `toml:"ipfs_store_mb" env:"LITMESH_IPFS_STORE_MB" flag:"ipfs-store-mb" help:"MiB of pinned IPFS content this node keeps for all addresses together"`

	TLSMode          string   `toml:"tls_mode" env:"LITMESH_TLS_MODE" flag:"tls-mode" help:"the API's certificate: self-signed (clients verify it by attestation), acme (a public DNS name), files (tls_cert_file certifies the node's own key), devnet-ca (devnet only)"`
	TLSCertFile      string   `toml:"tls_cert_file" env:"LITMESH_TLS_CERT_FILE" flag:"tls-cert-file" help:"tls_mode files: PEM certificate chain for the node's TLS key (see litnode tls csr)"`
	TLSACMEEmail     string   `toml:"tls_acme_email" env:"LITMESH_TLS_ACME_EMAIL" flag:"tls-acme-email" help:"tls_mode acme: contact address for the ACME account"`
	TLSACMEDirectory string   `toml:"tls_acme_directory" env:"LITMESH_TLS_ACME_DIRECTORY" flag:"tls-acme-directory" help:"tls_mode acme: ACME directory URL (default Let's Encrypt)"`
	TLSDevnetCA      string   `toml:"tls_devnet_ca" env:"LITMESH_TLS_DEVNET_CA" flag:"tls-devnet-ca" help:"tls_mode devnet-ca: directory with the devnet CA's ca.pem and ca.key (created if missing)"`
	AuthMaxLifetime  Duration `toml:"auth_max_lifetime" env:"LITMESH_AUTH_MAX_LIFETIME" flag:"auth-max-lifetime" help:"longest validity (expiration minus issue time) of an authSig, session signature or capability this node takes"`

	// PKPHooks makes this node misbehave in PKP signing, for attack tests (testnet) only. It
	// has no file key, variable or flag: every binary runs with it nil.
	PKPHooks *PKPHooks `toml:"-" env:"-" flag:"-"`

	// Auth methods (docs/auth-methods.md).
	OIDCIssuers     []string `toml:"oidc_issuers" env:"LITMESH_OIDC_ISSUERS" flag:"oidc-issuers" help:"issuers whose ID tokens are PKP auth methods, as OIDC issuer URLs (https://accounts.google.com), comma-separated; http:// only on loopback in devnet mode"`
	WebAuthnRPID    string   `toml:"webauthn_rp_id" env:"LITMESH_WEBAUTHN_RP_ID" flag:"webauthn-rp-id" help:"the relying party id (the wallet site's host name) passkey assertions must be made for; empty: passkeys off"`
	WebAuthnOrigins []string `toml:"webauthn_origins" env:"LITMESH_WEBAUTHN_ORIGINS" flag:"webauthn-origins" help:"origins (https://host[:port]) of the pages passkey assertions may come from, comma-separated"`
}

// Duration is a time.Duration that reads and writes as text ("10s") in TOML.
type Duration struct{ time.Duration }

// UnmarshalText parses a Go duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

// MarshalText writes the duration as a Go duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// DefaultConfig is what a node runs with when nothing overrides it. It listens on loopback only:
// an operator joining a real network sets listen/announce to reachable addresses.
func DefaultConfig() Config {
	return Config{
		Network:     "litmesh",
		Listen:      []string{"/ip4/127.0.0.1/tcp/7100", "/ip4/127.0.0.1/udp/7100/quic-v1"},
		APIAddr:     "127.0.0.1:7001",
		LogLevel:    "info",
		ConnLow:     64,
		ConnHigh:    192,
		Discovery:   Duration{30 * time.Second},
		Reconnect:   Duration{5 * time.Second},
		ShutdownIn:  Duration{10 * time.Second},
		IPFSTimeout: Duration{30 * time.Second},
		Mode:        "production",
		Attestation: "sev-snp",
		ChainName:   "litdevnet",

		// The Lit Action limits of DESIGN.md §5, which are Lit's own.
		ActionTimeout:       Duration{30 * time.Second},
		ActionMaxHeapMB:     256,
		ActionMaxCodeKB:     api.MaxActionCode >> 10,
		ActionMaxResponseKB: 100,
		ActionMaxFetches:    75,
		ActionMaxSignatures: 10,
		ActionMaxContracts:  30,
		ActionMaxBroadcasts: 30,
		ActionMaxCallDepth:  5,
		ActionMaxFetchMB:    32,
		ActionRPCCalls:      100,
		PKPPool:             64,

		// Generous: a busy client or a benchmark stays under them, a flood does not.
		RateLimitIP:          200,
		RateLimitAddress:     100,
		RateLimitPresign:     100,
		MaxConnections:       1024,
		HandshakeConcurrency: 2,
		IPFSQuotaMB:          64,
		IPFSStoreMB:          4096,

		TLSMode:         TLSSelfSigned,
		AuthMaxLifetime: Duration{24 * time.Hour},
	}
}

// ConfigError names the offending setting and where its value came from.
type ConfigError struct {
	Key    string // the file key, e.g. "bootstrap"
	Source string // "flag --bootstrap", "env LITMESH_BOOTSTRAP", "config.toml", "default"
	Err    error
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("config %s (from %s): %v", e.Key, e.Source, e.Err)
}

func (e *ConfigError) Unwrap() error { return e.Err }

// RegisterFlags adds one string flag per settable Config field to fs. LoadConfig reads back
// only the flags that were actually set, so unset flags never mask the file or environment.
func RegisterFlags(fs *flag.FlagSet) {
	forEachField(func(f reflect.StructField) {
		if f.Type.Kind() == reflect.Bool {
			fs.Bool(f.Tag.Get("flag"), false, f.Tag.Get("help"))
			return
		}
		fs.String(f.Tag.Get("flag"), "", f.Tag.Get("help"))
	})
}

// LoadConfig resolves the node's config for directory dir. fs may be nil (no flags); getenv
// may be nil (no environment). A missing config file is not an error.
func LoadConfig(dir string, fs *flag.FlagSet, getenv func(string) string) (Config, error) {
	cfg := DefaultConfig()
	cfg.Dir = dir
	sources := map[string]string{}
	forEachField(func(f reflect.StructField) { sources[f.Tag.Get("toml")] = "default" })

	if dir != "" {
		path := filepath.Join(dir, ConfigFile)
		md, err := toml.DecodeFile(path, &cfg)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return Config{}, fmt.Errorf("read %s: %w", path, err)
		default:
			if un := md.Undecoded(); len(un) > 0 {
				return Config{}, &ConfigError{Key: un[0].String(), Source: ConfigFile, Err: errors.New("unknown setting")}
			}
			for _, k := range md.Keys() {
				sources[k.String()] = ConfigFile
			}
		}
	}

	v := reflect.ValueOf(&cfg).Elem()
	var firstErr error
	set := func(f reflect.StructField, raw, source string) {
		if firstErr != nil {
			return
		}
		key := f.Tag.Get("toml")
		if err := setField(v.FieldByIndex(f.Index), raw); err != nil {
			firstErr = &ConfigError{Key: key, Source: source, Err: err}
			return
		}
		sources[key] = source
	}
	if getenv != nil {
		forEachField(func(f reflect.StructField) {
			if raw := getenv(f.Tag.Get("env")); raw != "" {
				set(f, raw, "env "+f.Tag.Get("env"))
			}
		})
	}
	if fs != nil {
		forEachField(func(f reflect.StructField) {
			name := f.Tag.Get("flag")
			fs.Visit(func(fl *flag.Flag) {
				if fl.Name == name {
					set(f, fl.Value.String(), "flag --"+name)
				}
			})
		})
	}
	if firstErr != nil {
		return Config{}, firstErr
	}
	if err := cfg.validate(sources); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// WriteConfigFile writes cfg as DIR/config.toml (mode 0600), for `litnode init`.
func WriteConfigFile(cfg Config) error {
	var b strings.Builder
	b.WriteString("# litmesh node configuration. Precedence: flags > LITMESH_* env > this file > defaults.\n")
	b.WriteString("# To join a real network, set listen/announce to reachable addresses and add bootstrap peers.\n\n")
	if err := toml.NewEncoder(&b).Encode(cfg); err != nil {
		return fmt.Errorf("encode config: %w", err)
	}
	path := filepath.Join(cfg.Dir, ConfigFile)
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func forEachField(fn func(reflect.StructField)) {
	t := reflect.TypeOf(Config{})
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.Tag.Get("flag") != "-" {
			fn(f)
		}
	}
}

func setField(v reflect.Value, raw string) error {
	switch v.Interface().(type) {
	case string:
		v.SetString(strings.TrimSpace(raw))
	case []string:
		v.Set(reflect.ValueOf(SplitList(raw)))
	case bool:
		b, err := strconv.ParseBool(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("not a boolean (true or false): %q", raw)
		}
		v.SetBool(b)
	case int:
		n, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("not an integer: %q", raw)
		}
		v.SetInt(int64(n))
	case Duration:
		d, err := time.ParseDuration(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("not a duration (like 10s or 2m): %q", raw)
		}
		v.Set(reflect.ValueOf(Duration{d}))
	default:
		return fmt.Errorf("unsupported config type %s", v.Type())
	}
	return nil
}

// SplitList splits a comma-separated list, dropping empty entries and surrounding spaces.
func SplitList(raw string) []string {
	var out []string
	for _, s := range strings.Split(raw, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// OIDCVerifier is the verifier of ID tokens of the configured issuers (http:// ones on
// loopback accepted in devnet mode only).
func (c *Config) OIDCVerifier() (*access.OIDCVerifier, error) {
	var opts []access.OIDCOption
	if c.Devnet() {
		opts = append(opts, access.WithInsecureIssuers())
	}
	return access.NewOIDCVerifier(c.OIDCIssuers, opts...)
}

// WebAuthnVerifier is the verifier of passkey assertions for the configured rpId and origins.
func (c *Config) WebAuthnVerifier() (*access.WebAuthnVerifier, error) {
	return access.NewWebAuthnVerifier(c.WebAuthnRPID, c.WebAuthnOrigins)
}

// Devnet reports whether the node runs in devnet mode.
func (c *Config) Devnet() bool { return c.Mode == "devnet" }

// ParseLogLevel maps a level name to a slog level.
func ParseLogLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug, nil
	case "info", "":
		return slog.LevelInfo, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return 0, fmt.Errorf("unknown log level %q (want debug, info, warn or error)", s)
}

// URL is the base URL clients use to reach this node's HTTPS API.
func (c *Config) URL() string {
	if c.PublicURL != "" {
		return strings.TrimRight(c.PublicURL, "/")
	}
	return "https://" + c.APIAddr
}
