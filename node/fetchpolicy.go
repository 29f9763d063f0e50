package node

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// What a Lit Action's fetch may connect to. Actions are anyone's code running inside the
// operator's network, so fetch is a server-side request forgery tool unless the node refuses
// the addresses only an insider should reach: its own loopback, the private and carrier-grade
// NAT ranges, link-local (where cloud metadata services hand out credentials), unique-local
// IPv6, and every IPv6 form that embeds one of those IPv4 addresses. The check runs when the
// connection is made, on the address the name resolved to, so a name that resolves to a public
// address for the check and a private one for the connection (DNS rebinding) gains nothing:
// there is only one resolution, and the socket connects to the address that was checked.

// refusedRange is an address range actions may not reach, with the reason an action is told.
type refusedRange struct {
	prefix netip.Prefix
	why    string
}

var refusedRanges = func() []refusedRange {
	var out []refusedRange
	for _, r := range []struct{ cidr, why string }{
		{"0.0.0.0/8", "the unspecified or 'this network' range"},
		{"127.0.0.0/8", "loopback"},
		{"10.0.0.0/8", "a private address (RFC 1918)"},
		{"172.16.0.0/12", "a private address (RFC 1918)"},
		{"192.168.0.0/16", "a private address (RFC 1918)"},
		{"100.100.100.200/32", "a cloud metadata service (Alibaba Cloud)"},
		{"100.64.0.0/10", "carrier-grade NAT space (RFC 6598)"},
		{"169.254.169.254/32", "a cloud metadata service"},
		{"169.254.0.0/16", "link-local"},
		{"192.0.0.0/24", "IETF protocol assignments"},
		{"192.0.2.0/24", "documentation space"},
		{"198.18.0.0/15", "benchmarking space"},
		{"198.51.100.0/24", "documentation space"},
		{"203.0.113.0/24", "documentation space"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved space or broadcast"},
		{"::/128", "the unspecified address"},
		{"::1/128", "loopback"},
		{"fd00:ec2::254/128", "a cloud metadata service (AWS)"},
		{"fc00::/7", "a unique local address (ULA)"},
		{"fe80::/10", "link-local"},
		{"fec0::/10", "site-local"},
		{"ff00::/8", "multicast"},
		{"64:ff9b:1::/48", "local-use NAT64"},
		{"2001::/32", "Teredo, which hides an IPv4 address"},
		{"2001:db8::/32", "documentation space"},
		{"100::/64", "discard space"},
	} {
		out = append(out, refusedRange{netip.MustParsePrefix(r.cidr), r.why})
	}
	return out
}()

// IPv6 prefixes whose addresses carry an IPv4 address, which is checked in their place.
// (IPv4-mapped addresses, ::ffff:a.b.c.d, are unmapped before anything is checked.)
var embeddedIPv4 = []struct {
	prefix netip.Prefix
	offset int    // where the IPv4 address sits in the 16 bytes
	why    string // the reason, given the IPv4 address and why it is refused
}{
	{netip.MustParsePrefix("64:ff9b::/96"), 12, "a NAT64 address of %s (%s)"},     // RFC 6052
	{netip.MustParsePrefix("::/96"), 12, "an IPv4-compatible address of %s (%s)"}, // deprecated
	{netip.MustParsePrefix("2002::/16"), 2, "a 6to4 address of %s (%s)"},          // RFC 3056
}

// fetchPolicy decides what an action's fetch may connect to.
type fetchPolicy struct {
	allow []netip.Prefix          // the operator's exceptions (action_fetch_allow)
	exact map[netip.AddrPort]bool // single endpoints always allowed: the node's RPC proxy
	// resolver and dialGuard are test seams: a resolver that answers from a test DNS server,
	// and a last check after the policy (tests refuse anything off loopback there, so a policy
	// bug can never send a packet to a real private address).
	resolver  *net.Resolver
	dialGuard func(netip.AddrPort) error
}

// newFetchPolicy parses the operator's allowlist: IP addresses or CIDR prefixes.
func newFetchPolicy(allow []string) (*fetchPolicy, error) {
	p := &fetchPolicy{exact: map[netip.AddrPort]bool{}}
	for i, s := range allow {
		s = strings.TrimSpace(s)
		pfx, err := netip.ParsePrefix(s)
		if err != nil {
			addr, aerr := netip.ParseAddr(s)
			if aerr != nil {
				return nil, fmt.Errorf("entry %d %q: want an IP address or a CIDR prefix like 10.1.2.0/24", i, s)
			}
			pfx = netip.PrefixFrom(addr, addr.BitLen())
		}
		p.allow = append(p.allow, pfx.Masked())
	}
	return p, nil
}

// allowEndpoint lets actions connect to one exact address and port (the node's RPC proxy).
func (p *fetchPolicy) allowEndpoint(ap netip.AddrPort) { p.exact[ap] = true }

// check returns nil if an action may connect to ap, or an error saying why not.
func (p *fetchPolicy) check(ap netip.AddrPort) error {
	addr := ap.Addr().Unmap()
	if p.exact[netip.AddrPortFrom(addr, ap.Port())] {
		return nil
	}
	for _, pfx := range p.allow {
		if pfx.Contains(addr) {
			return nil
		}
	}
	if why := refusedReason(addr); why != "" {
		return &refusedAddrError{addr: addr, why: why}
	}
	return nil
}

// refusedReason is why addr may not be reached, or "" if it may.
func refusedReason(addr netip.Addr) string {
	addr = addr.Unmap()
	if addr.Is6() && addr != netip.IPv6Unspecified() && addr != netip.IPv6Loopback() {
		for _, e := range embeddedIPv4 {
			if !e.prefix.Contains(addr) {
				continue
			}
			b := addr.As16()
			v4 := netip.AddrFrom4([4]byte(b[e.offset : e.offset+4]))
			why := refusedReason(v4)
			if why == "" && e.offset == 12 && e.prefix.Bits() == 96 && e.prefix.Addr() == netip.IPv6Unspecified() {
				why = "deprecated" // an IPv4-compatible address is never a real destination
			}
			if why != "" {
				return fmt.Sprintf(e.why, v4, why)
			}
		}
	}
	for _, r := range refusedRanges {
		if r.prefix.Contains(addr) {
			return r.why
		}
	}
	return ""
}

// refusedAddrError is a connection the policy refused.
type refusedAddrError struct {
	addr netip.Addr
	why  string
}

func (e *refusedAddrError) Error() string {
	return fmt.Sprintf("connection to %s refused: %s is not reachable from Lit Actions (operators can allow it with action_fetch_allow)", e.addr, e.why)
}

// control is the dialer's Control function: it runs once the address is resolved, before the
// socket connects.
func (p *fetchPolicy) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("fetch dial to %q: not an IP address and port", address)
	}
	if err := p.check(ap); err != nil {
		return err
	}
	if p.dialGuard != nil {
		return p.dialGuard(ap)
	}
	return nil
}

// maxRedirects bounds the redirects one fetch follows.
const maxRedirects = 10

// newActionHTTPClient is the client actions fetch through: http and https only (also after
// redirects), no proxy from the environment (a proxy would make the connection, out of the
// policy's sight), every connection checked by policy, bounded headers, and no request longer
// than an execution may run.
func newActionHTTPClient(timeout time.Duration, policy *fetchPolicy) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: policy.control, Resolver: policy.resolver}
	tr := &http.Transport{
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  timeout,
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConns:           64,
		IdleConnTimeout:        90 * time.Second,
		ForceAttemptHTTP2:      true,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %q URL: only http and https are allowed", req.URL.Scheme)
			}
			return nil
		},
	}
}

// readResponseBody reads at most max bytes of a response body into one buffer sized from the
// Content-Length when the server sent one, so a large body is not copied while it grows; a
// longer body is an error.
func readResponseBody(ctx context.Context, resp *http.Response, max int) ([]byte, error) {
	size := 512
	if resp.ContentLength > int64(max) {
		return nil, errBodyTooLarge
	}
	if resp.ContentLength > 0 {
		size = int(resp.ContentLength) + 1 // +1: see the end without another grow
	}
	buf := make([]byte, 0, size)
	r := io.LimitReader(resp.Body, int64(max)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	if len(buf) > max {
		return nil, errBodyTooLarge
	}
	return buf, nil
}

var errBodyTooLarge = errors.New("over the size limit")
