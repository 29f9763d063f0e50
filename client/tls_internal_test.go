package client

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Credentials go only to a pinned key: no pin, no connection; a server whose certificate is not
// the pinned one (another process on the node's address, a proxy) gets no connection either,
// even after the pin was set from an earlier, honest handshake.
func TestCredentialsGoOnlyToThePinnedKey(t *testing.T) {
	var hits int
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	})
	honest := httptest.NewTLSServer(handler)
	defer honest.Close()
	// httptest's servers share one built-in certificate: the impostor gets a key of its own.
	impostor := httptest.NewUnstartedServer(handler)
	impostor.TLS = &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
	impostor.StartTLS()
	defer impostor.Close()

	c := New(&NetworkFile{})
	ctx := context.Background()
	var out map[string]any

	if err := c.postAuthed(ctx, honest.URL, "/web/x", map[string]string{"authSig": "secret"}, &out, false); !errors.Is(err, ErrTLSUnverified) {
		t.Fatalf("no pin: %v", err)
	}
	key, _ := pinKey(honest.URL)
	c.pins.set(key, sha256.Sum256(honest.Certificate().RawSubjectPublicKeyInfo))
	if err := c.postAuthed(ctx, honest.URL, "/web/x", map[string]string{"authSig": "secret"}, &out, false); err != nil {
		t.Fatalf("pinned: %v", err)
	}
	// The impostor's address pinned to the honest key: the impostor's certificate is refused.
	ikey, _ := pinKey(impostor.URL)
	c.pins.set(ikey, sha256.Sum256(honest.Certificate().RawSubjectPublicKeyInfo))
	err := c.postAuthed(ctx, impostor.URL, "/web/x", map[string]string{"authSig": "secret"}, &out, false)
	if !errors.Is(err, ErrTLSUnverified) || !strings.Contains(err.Error(), "its attestation vouches for") {
		t.Fatalf("impostor: %v", err)
	}
	if hits != 1 {
		t.Fatalf("%d requests reached a server, want only the pinned one", hits)
	}
	// Plain http is never a place for credentials.
	if err := c.postAuthed(ctx, "http://127.0.0.1:1", "/web/x", nil, &out, false); !errors.Is(err, ErrTLSUnverified) {
		t.Fatalf("http: %v", err)
	}
}

func selfSigned(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "impostor"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}
