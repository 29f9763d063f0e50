package client

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// A node's TLS certificate is verified by its attestation, never by a CA: the handshake's
// REPORT_DATA binds the SHA-256 of the SubjectPublicKeyInfo the node serves with, and the
// client compares it with the certificate on the connection that carried the handshake. Only
// then is the node's key pinned, and requests carrying credentials (authSigs, session
// signatures) go out only over connections to pinned keys: a man in the middle with another
// certificate — even one a CA signed — gets nothing to replay.

// TLSCheck is a client's verdict on a node's TLS certificate.
type TLSCheck struct {
	// Verified: the certificate the node served is the one its verified attestation vouches
	// for.
	Verified bool `json:"verified"`
	// SPKI is the SHA-256 of the served certificate's SubjectPublicKeyInfo, hex.
	SPKI   string `json:"spkiSha256,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// ErrTLSUnverified means the client refused to send credentials to a node whose TLS key its
// attestation does not vouch for (or that it has not verified yet).
var ErrTLSUnverified = errors.New("TLS certificate not verified by the node's attestation")

// pins are the nodes' attested TLS keys, by host:port.
type pins struct {
	mu   sync.Mutex
	keys map[string][sha256.Size]byte
	// changed is called after a pin is replaced, so pooled connections to the old key close.
	changed func()
}

func (p *pins) get(addr string) ([sha256.Size]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	k, ok := p.keys[addr]
	return k, ok
}

func (p *pins) set(addr string, spki [sha256.Size]byte) {
	p.mu.Lock()
	old, had := p.keys[addr]
	if p.keys == nil {
		p.keys = map[string][sha256.Size]byte{}
	}
	p.keys[addr] = spki
	changed := p.changed
	p.mu.Unlock()
	if had && old != spki && changed != nil {
		changed()
	}
}

func (p *pins) drop(addr string) {
	p.mu.Lock()
	_, had := p.keys[addr]
	delete(p.keys, addr)
	changed := p.changed
	p.mu.Unlock()
	if had && changed != nil {
		changed()
	}
}

// pinKey is how pins are keyed: the URL's host:port, lowercase, with the scheme's default port.
func pinKey(nodeURL string) (string, error) {
	u, err := url.Parse(strings.TrimRight(nodeURL, "/"))
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("node URL %q: not a URL", nodeURL)
	}
	if u.Scheme != "https" {
		return "", fmt.Errorf("node URL %q: %w (the node is not served over HTTPS)", nodeURL, ErrTLSUnverified)
	}
	port := u.Port()
	if port == "" {
		port = "443"
	}
	return strings.ToLower(net.JoinHostPort(u.Hostname(), port)), nil
}

// newTransport is http.DefaultTransport's settings with room for the concurrent requests one
// client makes to each node.
func newTransport() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 64
	return tr
}

// refuseRedirect is every node client's CheckRedirect: a node answers for itself. Whatever its
// URL redirects to is another host, whose answer must not count as the node's (a handshake
// would be checked, and its certificate pinned, for the wrong host), and a 307 would resend a
// request's body, credentials included.
func refuseRedirect(req *http.Request, via []*http.Request) error {
	return fmt.Errorf("%s redirected to %s: a node must answer itself, and the client follows no redirects", via[0].URL.Host, req.URL.Host)
}

// plainHTTP reads what nodes publish to anyone (status, handshakes, metrics, code to pin): TLS
// without certificate verification, since a node's certificate is verified by its attestation,
// which the handshake carries. It follows no redirect. Never send credentials through it.
var plainHTTP = func() *http.Client {
	tr := newTransport()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12} //nolint:gosec // verified by attestation (handshake) or carrying nothing secret
	return &http.Client{Transport: tr, Timeout: 2 * time.Minute, CheckRedirect: refuseRedirect}
}()

// UnverifiedHTTPClient is the client for what nodes publish to anyone (GET /web/status,
// /metrics): it does not verify the node's certificate, and follows no redirect. Never send credentials through it;
// Client verifies nodes by their attestation and sends credentials only to verified keys.
func UnverifiedHTTPClient() *http.Client { return plainHTTP }

// newPinnedHTTP is the client credentials go through: a connection is made only to a node
// whose attested key is pinned, and only if the certificate it serves carries that key.
func newPinnedHTTP(p *pins) *http.Client {
	tr := newTransport()
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	tr.DialTLSContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		key := strings.ToLower(addr)
		want, ok := p.get(key)
		if !ok {
			return nil, fmt.Errorf("refusing to send credentials to %s: %w", addr, ErrTLSUnverified)
		}
		raw, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		host, _, _ := net.SplitHostPort(addr)
		conn := tls.Client(raw, &tls.Config{
			ServerName:         host,
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: true, //nolint:gosec // the certificate is checked against the attested key below
			VerifyConnection: func(cs tls.ConnectionState) error {
				if len(cs.PeerCertificates) == 0 {
					return fmt.Errorf("%s served no certificate: %w", addr, ErrTLSUnverified)
				}
				if got := sha256.Sum256(cs.PeerCertificates[0].RawSubjectPublicKeyInfo); got != want {
					return fmt.Errorf("%s serves TLS key %x, its attestation vouches for %x: %w", addr, got[:8], want[:8], ErrTLSUnverified)
				}
				return nil
			},
		})
		if err := conn.HandshakeContext(ctx); err != nil {
			raw.Close()
			return nil, err
		}
		return conn, nil
	}
	c := &http.Client{Transport: tr, Timeout: 2 * time.Minute, CheckRedirect: refuseRedirect}
	p.mu.Lock()
	p.changed = tr.CloseIdleConnections
	p.mu.Unlock()
	return c
}

// pinned returns the client's credential transport, made on first use.
func (c *Client) pinned() *http.Client {
	c.pinOnce.Do(func() { c.pinnedHTTP = newPinnedHTTP(&c.pins) })
	return c.pinnedHTTP
}

// checkTLS compares the certificate the node served on the handshake's connection with the
// key its (verified) attestation vouches for, and pins it when they agree.
func (c *Client) checkTLS(nodeURL string, served *tls.ConnectionState, attested string, attestationOK bool) TLSCheck {
	key, err := pinKey(nodeURL)
	if err != nil {
		return TLSCheck{Reason: err.Error()}
	}
	if served == nil || len(served.PeerCertificates) == 0 {
		c.pins.drop(key)
		return TLSCheck{Reason: "the node served no certificate"}
	}
	got := sha256.Sum256(served.PeerCertificates[0].RawSubjectPublicKeyInfo)
	out := TLSCheck{SPKI: hex.EncodeToString(got[:])}
	switch {
	case !attestationOK:
		out.Reason = "the attestation did not verify, so it vouches for no TLS key"
	case !strings.EqualFold(attested, out.SPKI):
		out.Reason = fmt.Sprintf("the served certificate's key %s is not the attested %s (a proxy or a man in the middle?)", short(out.SPKI), short(attested))
	default:
		out.Verified = true
		c.pins.set(key, got)
		return out
	}
	c.pins.drop(key)
	return out
}

func short(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}

// postPlain posts JSON through the unverified transport (nothing secret in it) and returns the
// TLS state of the connection that answered.
func postPlain(ctx context.Context, nodeURL, route string, body, out any) (*tls.ConnectionState, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("encode request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(nodeURL, "/")+route, bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header["Idempotency-Key"] = nil // replayable: a handshake is safe to send twice
	resp, err := plainHTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", req.Method, req.URL, unwrapURLError(err))
	}
	defer resp.Body.Close()
	if err := decodeBody(req, resp, out); err != nil {
		return nil, err
	}
	return resp.TLS, nil
}

// postAuthed posts a request that carries credentials, through the pinned transport: only to a
// node whose attested TLS key is pinned. idempotent marks requests safe to send twice.
func (c *Client) postAuthed(ctx context.Context, nodeURL, route string, body any, out any, idempotent bool) error {
	raw, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("encode request: %w", err)
	}
	req, err := c.authedRequest(ctx, nodeURL, route, raw)
	if err != nil {
		return err
	}
	if idempotent {
		req.Header["Idempotency-Key"] = nil
	}
	resp, err := c.pinned().Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", req.Method, req.URL, unwrapURLError(err))
	}
	defer resp.Body.Close()
	return decodeBody(req, resp, out)
}

func (c *Client) authedRequest(ctx context.Context, nodeURL, route string, body []byte) (*http.Request, error) {
	key, err := pinKey(nodeURL)
	if err != nil {
		return nil, fmt.Errorf("refusing to send credentials: %w", err)
	}
	if _, ok := c.pins.get(key); !ok {
		return nil, fmt.Errorf("refusing to send credentials to %s: %w", nodeURL, ErrTLSUnverified)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(nodeURL, "/")+route, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

// readBody reads a bounded response body.
func readBody(req *http.Request, resp *http.Response) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return nil, fmt.Errorf("read response from %s: %w", req.URL, err)
	}
	if len(body) > maxResponse {
		return nil, fmt.Errorf("response from %s over %d bytes", req.URL, maxResponse)
	}
	return body, nil
}

// ensureVerified handshakes, once, every node of nodes whose TLS key is not pinned yet, so
// credentials can go to it. A node that fails is left unpinned (requests to it are refused).
func (c *Client) ensureVerified(ctx context.Context, nodes []NodeEntry) {
	var wg sync.WaitGroup
	for _, n := range nodes {
		key, err := pinKey(n.URL)
		if err != nil {
			continue
		}
		if _, ok := c.pins.get(key); ok {
			continue
		}
		wg.Go(func() {
			hctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
			defer cancel()
			_, _, _ = c.Handshake(hctx, n)
		})
	}
	wg.Wait()
}
