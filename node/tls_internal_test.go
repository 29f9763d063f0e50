package node

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/acme/autocert"

	"github.com/litmesh/litmesh/mpc/keystore"
)

func testKeystore(t *testing.T, dir string) *keystore.Keystore {
	t.Helper()
	ks, err := keystore.Open(filepath.Join(dir, "keystore"), make([]byte, keystore.SealingKeySize))
	if err != nil {
		t.Fatal(err)
	}
	return ks
}

func testTLSConfig(t *testing.T, dir string) Config {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Dir = dir
	cfg.Mode = "devnet"
	cfg.Attestation = "simulated"
	cfg.APIAddr = "127.0.0.1:7001"
	return cfg
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// The key is made once and sealed: a restart serves a new self-signed certificate for the same
// key, so the attested SPKI (and clients' pins) survive restarts; the key is nowhere on disk in
// the clear.
func TestSelfSignedTLSKeepsItsSealedKey(t *testing.T) {
	dir := t.TempDir()
	cfg := testTLSConfig(t, dir)
	ks := testKeystore(t, dir)
	a, err := newTLSService(cfg, ks, "n", quiet)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newTLSService(cfg, testKeystore(t, dir), "n", quiet)
	if err != nil {
		t.Fatal(err)
	}
	if a.spki != b.spki {
		t.Fatal("the TLS key changed across a restart")
	}
	if a.spki != sha256.Sum256(a.cert.Leaf.RawSubjectPublicKeyInfo) {
		t.Fatal("the attested SPKI is not the served certificate's")
	}
	if err := a.cert.Leaf.VerifyHostname("127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(a.cert.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(raw), string(der)) {
			t.Errorf("%s holds the TLS key in the clear", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Every node of a devnet gets a certificate from the devnet CA, which ordinary clients trust
// through ca.pem; concurrent starts (containers sharing the directory) agree on one CA.
func TestDevnetCACertifiesTheNodesOwnKey(t *testing.T) {
	caDir := t.TempDir()
	pems := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range pems {
		wg.Go(func() {
			p, err := EnsureDevnetCA(caDir)
			if err != nil {
				t.Error(err)
			}
			pems[i] = p
		})
	}
	wg.Wait()
	for _, p := range pems[1:] {
		if string(p) != string(pems[0]) {
			t.Fatal("concurrent callers made different CAs")
		}
	}
	dir := t.TempDir()
	cfg := testTLSConfig(t, dir)
	cfg.TLSMode, cfg.TLSDevnetCA = TLSDevnetCA, caDir
	svc, err := newTLSService(cfg, testKeystore(t, dir), "n", quiet)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(pems[0])
	if _, err := svc.cert.Leaf.Verify(x509.VerifyOptions{Roots: roots, DNSName: "localhost"}); err != nil {
		t.Fatalf("the node's certificate does not verify under ca.pem: %v", err)
	}
	key, err := loadTLSKey(testKeystore(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if !key.PublicKey.Equal(svc.cert.Leaf.PublicKey) {
		t.Fatal("the certificate is not for the node's sealed key")
	}
	if info, err := os.Stat(filepath.Join(caDir, DevnetCAKey)); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("ca.key: %v %v", info.Mode(), err)
	}
}

// files: a CA's certificate for the node's own key (from `litnode tls csr`) is served; one for
// any other key is refused, saying how to get the right one.
func TestFilesModeTakesOnlyACertificateForTheNodesKey(t *testing.T) {
	dir := t.TempDir()
	cfg := testTLSConfig(t, dir)
	csrPEM, err := tlsCSRFor(t, cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(csrPEM)
	csr, err := x509.ParseCertificateRequest(block.Bytes)
	if err != nil || csr.CheckSignature() != nil {
		t.Fatalf("csr: %v", err)
	}
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "ca"}, IsCA: true, BasicConstraintsValid: true,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), KeyUsage: x509.KeyUsageCertSign}
	issue := func(pub any) string {
		leaf := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "node"}, IPAddresses: csr.IPAddresses, DNSNames: csr.DNSNames,
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
		der, err := x509.CreateCertificate(rand.Reader, leaf, ca, pub, caKey)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "cert.pem")
		if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cfg.TLSMode = TLSFiles
	cfg.TLSCertFile = issue(csr.PublicKey)
	if _, err := newTLSService(cfg, testKeystore(t, dir), "n", quiet); err != nil {
		t.Fatalf("a certificate for the node's key: %v", err)
	}
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	cfg.TLSCertFile = issue(&other.PublicKey)
	if _, err := newTLSService(cfg, testKeystore(t, dir), "n", quiet); err == nil || !strings.Contains(err.Error(), "litnode tls csr") {
		t.Fatalf("a certificate for another key: %v", err)
	}
}

func tlsCSRFor(t *testing.T, cfg Config, dir string) ([]byte, error) {
	t.Helper()
	// TLSCertificateRequest opens the keystore under the provider's sealing key; these tests
	// seal with a zero key, so they take its two steps themselves.
	key, err := loadTLSKey(testKeystore(t, dir))
	if err != nil {
		return nil, err
	}
	hosts, err := certHosts(cfg)
	if err != nil {
		return nil, err
	}
	return certificateRequest(key, hosts)
}

// ACME's account key and certificates are sealed like every other key.
func TestACMECacheIsSealed(t *testing.T) {
	dir := t.TempDir()
	c := sealedCache{testKeystore(t, dir)}
	ctx := context.Background()
	if _, err := c.Get(ctx, "node.example.com"); !errors.Is(err, autocert.ErrCacheMiss) {
		t.Fatalf("empty cache: %v", err)
	}
	secret := []byte("-----BEGIN EC PRIVATE KEY----- not really")
	if err := c.Put(ctx, "node.example.com", secret); err != nil {
		t.Fatal(err)
	}
	got, err := c.Get(ctx, "node.example.com")
	if err != nil || string(got) != string(secret) {
		t.Fatalf("get: %q %v", got, err)
	}
	if err := c.Delete(ctx, "node.example.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(ctx, "node.example.com"); !errors.Is(err, autocert.ErrCacheMiss) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestTLSSettingsAreChecked(t *testing.T) {
	for name, tc := range map[string]struct {
		set  func(*Config)
		want string
	}{
		"devnet-ca in production": {func(c *Config) {
			c.Mode, c.Attestation, c.TLSMode, c.TLSDevnetCA = "production", "sev-snp", TLSDevnetCA, "/ca"
		}, "refused in production"},
		"acme without a public URL": {func(c *Config) { c.TLSMode = TLSACME }, "public_url"},
		"acme on an IP address":     {func(c *Config) { c.TLSMode, c.PublicURL = TLSACME, "https://10.0.0.1" }, "public DNS name"},
		"files without a file":      {func(c *Config) { c.TLSMode = TLSFiles }, "tls_cert_file"},
		"an unknown mode":           {func(c *Config) { c.TLSMode = "letsencrypt" }, "want self-signed, acme, files or devnet-ca"},
		"an http public URL":        {func(c *Config) { c.PublicURL = "http://node.example.com" }, "https://"},
		"a lifetime over 30 days":   {func(c *Config) { c.AuthMaxLifetime = Duration{31 * 24 * time.Hour} }, "auth_max_lifetime"},
	} {
		t.Run(name, func(t *testing.T) {
			c := DefaultConfig()
			c.Mode, c.Attestation = "devnet", "simulated"
			tc.set(&c)
			err := c.validate(map[string]string{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}
