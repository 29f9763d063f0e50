package node

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/litmesh/litmesh/runtime"
)

// Every class of internal address is refused, including each IPv6 form that embeds a refused
// IPv4 address; public addresses are not.
func TestFetchPolicyRefusesInternalAddresses(t *testing.T) {
	cases := []struct {
		addr, want string // want: a word of the reason, or "" for allowed
	}{
		{"127.0.0.1", "loopback"},
		{"127.255.0.9", "loopback"},
		{"::1", "loopback"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"10.1.2.3", "RFC 1918"},
		{"172.16.0.1", "RFC 1918"},
		{"172.31.255.254", "RFC 1918"},
		{"192.168.1.1", "RFC 1918"},
		{"100.64.0.1", "carrier-grade NAT"},
		{"100.127.255.254", "carrier-grade NAT"},
		{"169.254.1.1", "link-local"},
		{"fe80::1", "link-local"},
		{"fd12:3456::1", "unique local"},
		{"fc00::1", "unique local"},
		{"169.254.169.254", "metadata"},
		{"fd00:ec2::254", "metadata"},
		{"100.100.100.200", "metadata"},
		{"::ffff:127.0.0.1", "loopback"},
		{"::ffff:10.0.0.1", "RFC 1918"},
		{"::ffff:169.254.169.254", "metadata"},
		{"64:ff9b::7f00:1", "NAT64 address of 127.0.0.1"},
		{"64:ff9b::a9fe:a9fe", "NAT64 address of 169.254.169.254"},
		{"64:ff9b::a00:1", "NAT64 address of 10.0.0.1"},
		{"64:ff9b:1::1", "NAT64"},
		{"2002:7f00:1::1", "6to4 address of 127.0.0.1"},
		{"2002:c0a8:101::1", "6to4 address of 192.168.1.1"},
		{"::127.0.0.1", "IPv4-compatible"},
		{"::8.8.8.8", "IPv4-compatible"},
		{"2001:0:4136:e378::1", "Teredo"},
		{"224.0.0.1", "multicast"},
		{"ff02::1", "multicast"},
		{"255.255.255.255", "broadcast"},
		{"8.8.8.8", ""},
		{"1.1.1.1", ""},
		{"2606:4700:4700::1111", ""},
		{"64:ff9b::808:808", ""}, // NAT64 of a public address
		{"2002:808:808::1", ""},  // 6to4 of a public address
		{"::ffff:8.8.8.8", ""},
	}
	for _, tc := range cases {
		why := refusedReason(netip.MustParseAddr(tc.addr))
		switch {
		case tc.want == "" && why != "":
			t.Errorf("%s refused (%s), want allowed", tc.addr, why)
		case tc.want != "" && !strings.Contains(why, tc.want):
			t.Errorf("%s: reason %q, want one mentioning %q", tc.addr, why, tc.want)
		}
	}
}

// dnsServer answers A and AAAA queries on loopback from a fixed table, as an attacker's
// nameserver would answer for its own names.
func dnsServer(t *testing.T, records map[string][]netip.Addr) string {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			var p dnsmessage.Parser
			hdr, err := p.Start(buf[:n])
			if err != nil {
				continue
			}
			q, err := p.Question()
			if err != nil {
				continue
			}
			b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: hdr.ID, Response: true, Authoritative: true})
			b.EnableCompression()
			_ = b.StartQuestions()
			_ = b.Question(q)
			_ = b.StartAnswers()
			for _, a := range records[strings.TrimSuffix(q.Name.String(), ".")] {
				rh := dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 0}
				switch {
				case q.Type == dnsmessage.TypeA && a.Is4():
					_ = b.AResource(rh, dnsmessage.AResource{A: a.As4()})
				case q.Type == dnsmessage.TypeAAAA && !a.Is4():
					_ = b.AAAAResource(rh, dnsmessage.AAAAResource{AAAA: a.As16()})
				}
			}
			msg, err := b.Finish()
			if err == nil {
				_, _ = pc.WriteTo(msg, from)
			}
		}
	}()
	return pc.LocalAddr().String()
}

// testFetcher is the node's fetch path (actionHost.Fetch through newActionHTTPClient) with a
// resolver that asks dnsAddr, and a guard that stops any connection off loopback, so a policy
// bug shows as a test failure rather than a packet to a real private address.
type testFetcher struct {
	host    *actionHost
	policy  *fetchPolicy
	offLoop atomic.Int32 // connections the policy let through to non-loopback addresses
}

func newTestFetcher(t *testing.T, allow []string, dnsAddr string) *testFetcher {
	t.Helper()
	policy, err := newFetchPolicy(allow)
	if err != nil {
		t.Fatal(err)
	}
	f := &testFetcher{policy: policy}
	if dnsAddr != "" {
		policy.resolver = &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "udp", dnsAddr)
		}}
	}
	policy.dialGuard = func(ap netip.AddrPort) error {
		if !ap.Addr().Unmap().IsLoopback() {
			f.offLoop.Add(1)
			return fmt.Errorf("test guard: the policy allowed %s, which this machine must not contact", ap)
		}
		return nil
	}
	f.host = &actionHost{svc: &actionService{actionDeps: actionDeps{fetch: newActionHTTPClient(5*time.Second, policy)}}}
	return f
}

func (f *testFetcher) get(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := f.host.Fetch(ctx, runtime.FetchRequest{Method: "GET", URL: url, Header: http.Header{}}, 1<<20)
	return err
}

func refused(err error) bool {
	var re *refusedAddrError
	return errors.As(err, &re)
}

// An action's fetch cannot reach any internal address: not by IP literal, not by a DNS name
// that resolves to one (the check runs at connect time, on the resolved address), not through
// a redirect, not through a proxy from the environment; the operator's allowlist and the exact
// endpoint of the node's RPC proxy are the only exceptions.
func TestFetchIsRefusedInternalAddressesAtDialTime(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte("internal"))
	}))
	defer srv.Close()
	srvAddr := netip.MustParseAddrPort(srv.Listener.Addr().String())
	port := srvAddr.Port()

	names := map[string]string{
		"loopback.attacker.test":   "127.0.0.1",
		"loopback6.attacker.test":  "::1",
		"private.attacker.test":    "10.0.0.7",
		"private172.attacker.test": "172.20.0.7",
		"private192.attacker.test": "192.168.7.7",
		"cgnat.attacker.test":      "100.64.0.7",
		"linklocal.attacker.test":  "169.254.7.7",
		"metadata.attacker.test":   "169.254.169.254",
		"alimeta.attacker.test":    "100.100.100.200",
		"awsmeta6.attacker.test":   "fd00:ec2::254",
		"ula.attacker.test":        "fd00::7",
		"linklocal6.attacker.test": "fe80::7",
		"mapped.attacker.test":     "::ffff:127.0.0.1",
		"nat64.attacker.test":      "64:ff9b::7f00:1",
	}
	records := map[string][]netip.Addr{}
	for name, a := range names {
		records[name] = []netip.Addr{netip.MustParseAddr(a)}
	}
	records["public.attacker.test"] = []netip.Addr{netip.MustParseAddr("93.184.216.34")}
	dns := dnsServer(t, records)

	t.Run("IP literals", func(t *testing.T) {
		f := newTestFetcher(t, nil, dns)
		for _, host := range []string{"127.0.0.1", "[::1]", "10.0.0.7", "169.254.169.254", "100.100.100.200", "[fd00:ec2::254]", "[::ffff:127.0.0.1]", "[64:ff9b::7f00:1]", "100.64.0.1", "[fc00::1]"} {
			if err := f.get(fmt.Sprintf("http://%s:%d/", host, port)); !refused(err) {
				t.Errorf("fetch of %s: %v, want refused by policy", host, err)
			}
		}
		if f.offLoop.Load() != 0 {
			t.Errorf("the policy let %d connections off loopback through", f.offLoop.Load())
		}
	})
	t.Run("names resolving to internal addresses", func(t *testing.T) {
		f := newTestFetcher(t, nil, dns)
		for name, addr := range names {
			err := f.get(fmt.Sprintf("http://%s:%d/", name, port))
			if !refused(err) {
				t.Errorf("fetch of %s (%s): %v, want refused by policy", name, addr, err)
			}
		}
		if f.offLoop.Load() != 0 {
			t.Errorf("the policy let %d connections off loopback through", f.offLoop.Load())
		}
	})
	t.Run("a public name passes the policy", func(t *testing.T) {
		f := newTestFetcher(t, nil, dns)
		err := f.get("http://public.attacker.test/")
		if refused(err) || f.offLoop.Load() != 1 {
			t.Fatalf("fetch of a public name: %v, %d guarded connections; want the policy to allow it (and the test guard to stop it)", err, f.offLoop.Load())
		}
	})
	t.Run("no proxy from the environment", func(t *testing.T) {
		var proxied atomic.Int32
		proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			proxied.Add(1)
			_, _ = w.Write([]byte("via the proxy"))
		}))
		defer proxy.Close()
		t.Setenv("HTTP_PROXY", proxy.URL)
		t.Setenv("HTTPS_PROXY", proxy.URL)
		f := newTestFetcher(t, nil, dns)
		f.policy.allowEndpoint(netip.MustParseAddrPort(proxy.Listener.Addr().String()))
		_ = f.get("http://public.attacker.test/")
		_ = f.get("http://metadata.attacker.test/latest/meta-data/")
		if proxied.Load() != 0 {
			t.Fatalf("%d fetches went through HTTP_PROXY, which would connect out of the policy's sight", proxied.Load())
		}
	})
	t.Run("the operator's allowlist and the RPC proxy endpoint", func(t *testing.T) {
		before := hits.Load()
		f := newTestFetcher(t, []string{"127.0.0.1/32"}, dns)
		if err := f.get(srv.URL); err != nil {
			t.Fatalf("fetch of an allowlisted address: %v", err)
		}
		if err := f.get(fmt.Sprintf("http://loopback.attacker.test:%d/", port)); err != nil {
			t.Fatalf("fetch of a name resolving to an allowlisted address: %v", err)
		}
		if err := f.get(fmt.Sprintf("http://[::1]:%d/", port)); !refused(err) {
			t.Fatalf("::1 is not in the allowlist 127.0.0.1/32: %v", err)
		}
		exact := newTestFetcher(t, nil, dns)
		exact.policy.allowEndpoint(srvAddr)
		if err := exact.get(srv.URL); err != nil {
			t.Fatalf("fetch of the allowed endpoint: %v", err)
		}
		if err := exact.get(fmt.Sprintf("http://127.0.0.1:%d/", port+1)); !refused(err) {
			t.Fatalf("another port of the allowed endpoint's address: %v, want refused", err)
		}
		if got := hits.Load() - before; got != 3 {
			t.Fatalf("the server saw %d requests, want 3", got)
		}
	})
	t.Run("a redirect to an internal address", func(t *testing.T) {
		internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
		defer internal.Close()
		redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, internal.URL+"/secret", http.StatusFound)
		}))
		defer redirector.Close()
		f := newTestFetcher(t, nil, dns)
		f.policy.allowEndpoint(netip.MustParseAddrPort(redirector.Listener.Addr().String()))
		before := hits.Load()
		if err := f.get(redirector.URL); !refused(err) {
			t.Fatalf("a redirect from an allowed endpoint to another loopback port: %v, want refused", err)
		}
		if hits.Load() != before {
			t.Fatal("the redirect target was reached")
		}
	})
}

// The allowlist setting accepts addresses and prefixes, and names a bad entry.
func TestFetchAllowlistParsing(t *testing.T) {
	p, err := newFetchPolicy([]string{"10.1.2.3", "192.168.0.0/16", " fd00::/8 "})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"10.1.2.3", "192.168.44.1", "fd00::9"} {
		if err := p.check(netip.AddrPortFrom(netip.MustParseAddr(a), 80)); err != nil {
			t.Errorf("%s: %v, want allowed", a, err)
		}
	}
	if err := p.check(netip.MustParseAddrPort("10.1.2.4:80")); err == nil {
		t.Error("10.1.2.4 is not in the allowlist")
	}
	if _, err := newFetchPolicy([]string{"10.0.0.0/8", "intranet.local"}); err == nil || !strings.Contains(err.Error(), "entry 1") {
		t.Fatalf("a host name in the allowlist: %v, want an error naming entry 1", err)
	}
}
