package testnet_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
)

// mitm is a TLS-terminating reverse proxy with its own certificate in front of a node: what an
// attacker on the path (or a CA-certified impostor) would run. It records every request body
// that reaches it and can rewrite the node's handshake to claim its own TLS key.
type mitm struct {
	srv *httptest.Server

	mu     sync.Mutex
	bodies map[string][][]byte // by path
	lie    bool                // claim the proxy's own key in handshakes
}

func newMITM(t *testing.T, target string) *mitm {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	m := &mitm{bodies: map[string][][]byte{}}
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.Transport = client.UnverifiedHTTPClient().Transport
	rp.ModifyResponse = func(resp *http.Response) error {
		m.mu.Lock()
		lie := m.lie
		m.mu.Unlock()
		if !lie || resp.Request.URL.Path != "/web/handshake" {
			return nil
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		var hs api.HandshakeResponse
		if err := json.Unmarshal(raw, &hs); err != nil {
			return err
		}
		own := sha256.Sum256(m.srv.Certificate().RawSubjectPublicKeyInfo)
		hs.Attestation.TLSSPKISHA256 = hex.EncodeToString(own[:])
		raw, _ = json.Marshal(hs)
		resp.Body = io.NopCloser(bytes.NewReader(raw))
		resp.ContentLength = int64(len(raw))
		resp.Header.Del("Content-Length")
		return nil
	}
	m.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		m.mu.Lock()
		m.bodies[r.URL.Path] = append(m.bodies[r.URL.Path], body)
		m.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		rp.ServeHTTP(w, r)
	}))
	m.srv.StartTLS()
	t.Cleanup(m.srv.Close)
	return m
}

// credentialsSeen counts the requests that reached the proxy carrying an authSig.
func (m *mitm) credentialsSeen() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for path, bodies := range m.bodies {
		if path == "/web/handshake" {
			continue
		}
		for _, b := range bodies {
			if bytes.Contains(b, []byte(`"authSig"`)) {
				n++
			}
		}
	}
	return n
}

// A node reached through a proxy that serves another certificate — a man in the middle, even
// one a CA would certify — is reported with its attestation verified but its TLS not, and the
// client sends no credentials there: the proxy never sees a session signature to replay.
func TestAServedCertificateThatIsNotTheAttestedOneGetsNoCredentials(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 1)
	nf := c.NetworkFile()
	direct := testnet.NewClient(nf)
	defer direct.Close()

	// The node itself verifies, attestation and TLS.
	_, att, err := direct.Handshake(ctx, nf.Nodes[0])
	if err != nil || !att.Verified || !att.TLS.Verified {
		t.Fatalf("the node reached directly: %v, %+v", err, att)
	}

	proxy := newMITM(t, nf.Nodes[0].URL)
	viaProxy := *nf
	viaProxy.Nodes = []client.NodeEntry{nf.Nodes[0]}
	viaProxy.Nodes[0].URL = proxy.srv.URL
	cl := testnet.NewClient(&viaProxy)
	defer cl.Close()

	_, att, err = cl.Handshake(ctx, viaProxy.Nodes[0])
	if err != nil {
		t.Fatal(err)
	}
	if !att.Verified || att.TLS.Verified || !strings.Contains(att.TLS.Reason, "is not the attested") {
		t.Fatalf("through the proxy: attestation %v, TLS %+v; want the attestation verified and the TLS refused", att.Verified, att.TLS)
	}
	own := sha256.Sum256(proxy.srv.Certificate().RawSubjectPublicKeyInfo)
	if att.TLS.SPKI != hex.EncodeToString(own[:]) {
		t.Fatalf("reported served key %s, the proxy serves %x", att.TLS.SPKI, own)
	}

	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	session, err := client.NewSession(key, client.SessionOptions{Grants: []access.ResourceAbility{access.ExecutionRequest("*")}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cl.Execute(ctx, client.ExecuteRequest{Code: []byte(`Lit.Actions.setResponse({response: "hi"})`), Auth: session})
	if err == nil || !strings.Contains(err.Error(), "TLS certificate not verified") {
		t.Fatalf("execute through the proxy: %v, want a refusal naming the TLS check", err)
	}

	// Claiming its own key in the handshake does not help: the node's report binds the node's
	// key, so the attestation no longer verifies at all.
	proxy.mu.Lock()
	proxy.lie = true
	proxy.mu.Unlock()
	_, att, err = cl.Handshake(ctx, viaProxy.Nodes[0])
	if err != nil {
		t.Fatal(err)
	}
	if att.Verified || att.TLS.Verified || att.Reason == "" || !strings.Contains(att.Reason, "report_data_mismatch") {
		t.Fatalf("a proxy claiming its own key: attestation %+v", att)
	}
	_, err = cl.Execute(ctx, client.ExecuteRequest{Code: []byte(`Lit.Actions.setResponse({response: "hi"})`), Auth: session})
	if !errors.Is(err, client.ErrTLSUnverified) && (err == nil || !strings.Contains(err.Error(), "TLS certificate not verified")) {
		t.Fatalf("execute through a lying proxy: %v", err)
	}
	if n := proxy.credentialsSeen(); n != 0 {
		t.Fatalf("the proxy received %d requests carrying credentials", n)
	}

	// The same session works with the node itself.
	res, err := direct.Execute(ctx, client.ExecuteRequest{Code: []byte(`Lit.Actions.setResponse({response: "hi"})`), Auth: session})
	if err != nil || res.Response != "hi" {
		t.Fatalf("execute at the node: %v", err)
	}
}

// A URL that redirects to a node is not that node. Before the client refused redirects, a
// handshake through one followed it: the node's answer verified — attestation bound to the
// peer ID the network file names, and TLS, since the certificate checked was the one on the
// redirected connection — so `lit status --verify` vouched for a host that is not the node,
// and its address was pinned to the node's key. Now the handshake fails, saying where the URL
// redirected.
func TestAURLThatRedirectsToANodeIsNotTakenForIt(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 1)
	nf := c.NetworkFile()
	redirector := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, nf.Nodes[0].URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	t.Cleanup(redirector.Close)
	viaRedirect := *nf
	viaRedirect.Nodes = []client.NodeEntry{nf.Nodes[0]}
	viaRedirect.Nodes[0].URL = redirector.URL
	cl := testnet.NewClient(&viaRedirect)
	defer cl.Close()

	_, att, err := cl.Handshake(ctx, viaRedirect.Nodes[0])
	want := "redirected to " + strings.TrimPrefix(nf.Nodes[0].URL, "https://")
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("handshake through a redirect: %v (attestation %v, TLS %v), want a refusal saying %q", err, att.Verified, att.TLS.Verified, want)
	}
	// The node itself still verifies.
	direct := testnet.NewClient(nf)
	defer direct.Close()
	if _, att, err := direct.Handshake(ctx, nf.Nodes[0]); err != nil || !att.Verified || !att.TLS.Verified {
		t.Fatalf("the node reached directly: %v, %+v", err, att)
	}
}
