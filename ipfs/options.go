package ipfs

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/routing"
)

// Defaults; each has an option.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultGatewayDelay   = 2 * time.Second
	DefaultGatewayTimeout = 10 * time.Second
	DefaultMaxDAGSize     = 64 << 20
)

// dialWait bounds how long a resolve waits for configured IPFS peers to connect, and
// redialInterval how often the service tries to reconnect them in the background.
const (
	defaultDialWait = 2 * time.Second
	redialInterval  = 30 * time.Second
	connTag         = "litmesh-ipfs"

	wantHaveReplaceSize = 16 << 10
	catPrealloc         = 1 << 20
)

type config struct {
	allow          func(peer.ID) bool
	peers          []peer.AddrInfo
	gateways       []string
	timeout        time.Duration
	gatewayDelay   time.Duration
	gatewayTimeout time.Duration
	dialWait       time.Duration
	maxDAGSize     int64
	httpClient     *http.Client
	routing        routing.ContentDiscovery
	log            *slog.Logger
	set            map[string]bool
	ownerQuota     int64 // bytes one owner may pin; 0: no limit
	storeQuota     int64 // bytes all pins together may hold; 0: no limit
	gcInterval     time.Duration
	cacheFor       time.Duration // unpinned content touched this recently survives collection
}

// Option configures a Service. Giving the same option twice is an error.
type Option func(*config) error

func once(c *config, name string) error {
	if c.set[name] {
		return fmt.Errorf("option %s given twice", name)
	}
	c.set[name] = true
	return nil
}

// WithPeerFilter sets the check consulted before any want (block or have) from a peer is
// accepted; a peer it refuses is served nothing. Without it every peer is served.
func WithPeerFilter(allow func(peer.ID) bool) Option {
	return func(c *config) error {
		if allow == nil {
			return errors.New("peer filter is nil")
		}
		c.allow = allow
		return once(c, "WithPeerFilter")
	}
}

// WithIPFSPeers names IPFS peers (full multiaddrs ending in /p2p/<id>, e.g. a local kubo)
// the service keeps connected to, so bitswap asks them too.
func WithIPFSPeers(addrs ...string) Option {
	return func(c *config) error {
		infos, err := parsePeers(addrs)
		if err != nil {
			return err
		}
		c.peers = infos
		return once(c, "WithIPFSPeers")
	}
}

// WithGateways sets the trustless HTTP gateways asked, in order, after bitswap.
func WithGateways(urls ...string) Option {
	return func(c *config) error {
		c.gateways = nil
		for _, u := range urls {
			base, err := parseGateway(u)
			if err != nil {
				return err
			}
			c.gateways = append(c.gateways, base)
		}
		return once(c, "WithGateways")
	}
}

// WithTimeout bounds every Cat and Pin (the caller's context may bound them further).
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("timeout %s: must be positive", d)
		}
		c.timeout = d
		return once(c, "WithTimeout")
	}
}

// WithGatewayDelay sets how long bitswap has a block to itself before gateways are asked.
func WithGatewayDelay(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("gateway delay %s: must not be negative", d)
		}
		c.gatewayDelay = d
		return once(c, "WithGatewayDelay")
	}
}

// WithGatewayTimeout bounds one request to one gateway.
func WithGatewayTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("gateway timeout %s: must be positive", d)
		}
		c.gatewayTimeout = d
		return once(c, "WithGatewayTimeout")
	}
}

// WithMaxDAGSize bounds the bytes (all blocks) Pin fetches for one CID.
func WithMaxDAGSize(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("max DAG size %d: must be positive", n)
		}
		c.maxDAGSize = n
		return once(c, "WithMaxDAGSize")
	}
}

// WithHTTPClient sets the client used for gateways (default: a client with no overall
// timeout of its own; every request is bounded by the gateway timeout).
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("HTTP client is nil")
		}
		c.httpClient = hc
		return once(c, "WithHTTPClient")
	}
}

// WithContentRouting lets bitswap look for providers beyond the connected peers (e.g. the
// node's DHT). Without it bitswap asks connected peers only.
func WithContentRouting(r routing.ContentDiscovery) Option {
	return func(c *config) error {
		if r == nil {
			return errors.New("content routing is nil")
		}
		c.routing = r
		return once(c, "WithContentRouting")
	}
}

// WithQuotas bounds what AddFor and PinFor keep: perOwner bytes for each owner, total bytes for
// all pins together (0: no limit). Pins of OwnerNode count towards total only.
func WithQuotas(perOwner, total int64) Option {
	return func(c *config) error {
		if perOwner < 0 || total < 0 {
			return fmt.Errorf("quotas %d, %d: must not be negative", perOwner, total)
		}
		c.ownerQuota, c.storeQuota = perOwner, total
		return once(c, "WithQuotas")
	}
}

// WithGCInterval sets how often unpinned blocks are collected (DefaultGCInterval; 0: never,
// except by calling GC).
func WithGCInterval(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("GC interval %s: must not be negative", d)
		}
		c.gcInterval = d
		return once(c, "WithGCInterval")
	}
}

// WithCacheFor sets how long unpinned content an operation touched (an action fetched, a
// file added without a pin) survives garbage collection (DefaultCacheFor; 0: not at all).
func WithCacheFor(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("cache time %s: must not be negative", d)
		}
		c.cacheFor = d
		return once(c, "WithCacheFor")
	}
}

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("logger is nil")
		}
		c.log = l
		return once(c, "WithLogger")
	}
}

func parsePeers(addrs []string) ([]peer.AddrInfo, error) {
	byID := map[peer.ID]int{}
	var infos []peer.AddrInfo
	for _, a := range addrs {
		ai, err := peer.AddrInfoFromString(a)
		if err != nil {
			return nil, fmt.Errorf("IPFS peer %q: want a multiaddr ending in /p2p/<peer id>: %w", a, err)
		}
		if i, ok := byID[ai.ID]; ok {
			infos[i].Addrs = append(infos[i].Addrs, ai.Addrs...)
			continue
		}
		byID[ai.ID] = len(infos)
		infos = append(infos, *ai)
	}
	return infos, nil
}
