package node

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"time"

	"golang.org/x/crypto/acme"
	"golang.org/x/crypto/acme/autocert"

	"github.com/litmesh/litmesh/mpc/keystore"
)

// The TLS certificate modes (tls_mode).
const (
	// TLSSelfSigned: the node signs its own certificate; clients verify it by the attestation
	// (which binds the key), not by a CA. The default.
	TLSSelfSigned = "self-signed"
	// TLSACME: certificates from an ACME CA (Let's Encrypt) for the public URL's DNS name.
	TLSACME = "acme"
	// TLSFiles: the certificate (chain) comes from tls_cert_file; it must certify the node's own
	// sealed key (`litnode tls csr` prints a signing request for it).
	TLSFiles = "files"
	// TLSDevnetCA: devnet only. The node has the devnet CA in tls_devnet_ca (ca.pem, ca.key)
	// certify its key, so ordinary HTTPS clients that trust ca.pem trust the devnet.
	TLSDevnetCA = "devnet-ca"
)

// tlsKeyName is the node's TLS private key in the keystore's lifetime epoch (PKCS #8).
const tlsKeyName = "tls-key-p256"

// Devnet CA file names inside tls_devnet_ca.
const (
	DevnetCACert = "ca.pem"
	DevnetCAKey  = "ca.key"
)

// tlsService is the node's HTTPS: the key generated in the node and sealed at rest, the
// certificate of the mode, and the SHA-256 of the SubjectPublicKeyInfo the handshake attests.
type tlsService struct {
	mode string
	cert *tls.Certificate  // self-signed, files, devnet-ca
	acme *autocert.Manager // acme
	host string            // the public host, for ACME
	spki [sha256.Size]byte // of cert (not acme)
	log  *slog.Logger
}

// startTLS loads (or on first start generates) the node's TLS key from the sealed keystore and
// prepares its certificate. It runs after the keystore is open.
func (n *Node) startTLS() error {
	t, err := newTLSService(n.cfg, n.keystore, n.id.PeerID().String(), n.log.With("component", "tls"))
	if err != nil {
		return err
	}
	n.tls = t
	return nil
}

func newTLSService(cfg Config, ks *keystore.Keystore, name string, log *slog.Logger) (*tlsService, error) {
	t := &tlsService{mode: cfg.TLSMode, log: log}
	hosts, err := certHosts(cfg)
	if err != nil {
		return nil, err
	}
	t.host = hosts[0]
	if t.mode == TLSACME {
		t.acme = &autocert.Manager{
			Prompt:     autocert.AcceptTOS,
			Cache:      sealedCache{ks},
			HostPolicy: autocert.HostWhitelist(t.host),
			Email:      cfg.TLSACMEEmail,
		}
		if cfg.TLSACMEDirectory != "" {
			t.acme.Client = &acme.Client{DirectoryURL: cfg.TLSACMEDirectory}
		}
		return t, nil
	}
	key, err := loadTLSKey(ks)
	if err != nil {
		return nil, err
	}
	var chain [][]byte
	switch t.mode {
	case TLSSelfSigned:
		der, err := issueCert(key, hosts, "litmesh node "+name, key, nil)
		if err != nil {
			return nil, err
		}
		chain = [][]byte{der}
	case TLSDevnetCA:
		if _, err := EnsureDevnetCA(cfg.TLSDevnetCA); err != nil {
			return nil, err
		}
		caCert, caKey, err := loadDevnetCA(cfg.TLSDevnetCA)
		if err != nil {
			return nil, err
		}
		der, err := issueCert(key, hosts, "litmesh devnet node "+name, caKey, caCert)
		if err != nil {
			return nil, err
		}
		chain = [][]byte{der, caCert.Raw}
	case TLSFiles:
		if chain, err = readCertChain(cfg.TLSCertFile, key); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("tls_mode: unknown mode %q", t.mode)
	}
	leaf, err := x509.ParseCertificate(chain[0])
	if err != nil {
		return nil, fmt.Errorf("tls certificate: %w", err)
	}
	t.cert = &tls.Certificate{Certificate: chain, PrivateKey: key, Leaf: leaf}
	t.spki = sha256.Sum256(leaf.RawSubjectPublicKeyInfo)
	return t, nil
}

// serverConfig is the TLS configuration of the API listener.
func (t *tlsService) serverConfig() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: t.certificate}
	if t.acme != nil {
		cfg.NextProtos = []string{"h2", "http/1.1", acme.ALPNProto}
	}
	return cfg
}

// certificate picks the certificate for a connection. Under ACME every ordinary connection
// gets the ECDSA certificate (all current clients take ECDSA P-256), so the certificate the
// handshake attests is the one served; only the CA's TLS-ALPN-01 challenge sees the client's
// own hello.
func (t *tlsService) certificate(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
	if t.acme == nil {
		return t.cert, nil
	}
	if slices.Contains(hello.SupportedProtos, acme.ALPNProto) {
		return t.acme.GetCertificate(hello)
	}
	return t.acme.GetCertificate(ecdsaHello(hello.ServerName, t.host))
}

func ecdsaHello(serverName, host string) *tls.ClientHelloInfo {
	if serverName == "" {
		serverName = host
	}
	return &tls.ClientHelloInfo{
		ServerName:        serverName,
		SignatureSchemes:  []tls.SignatureScheme{tls.ECDSAWithP256AndSHA256},
		SupportedCurves:   []tls.CurveID{tls.CurveP256},
		CipherSuites:      []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256},
		SupportedVersions: []uint16{tls.VersionTLS13, tls.VersionTLS12},
	}
}

// attestedSPKI is the SHA-256 of the SubjectPublicKeyInfo of the certificate the node serves
// to a client that asked for serverName: what a client handshake's REPORT_DATA binds.
func (t *tlsService) attestedSPKI(serverName string) ([sha256.Size]byte, error) {
	if t.acme == nil {
		return t.spki, nil
	}
	c, err := t.acme.GetCertificate(ecdsaHello(serverName, t.host))
	if err != nil {
		return [sha256.Size]byte{}, fmt.Errorf("acme certificate: %w", err)
	}
	leaf := c.Leaf
	if leaf == nil {
		if leaf, err = x509.ParseCertificate(c.Certificate[0]); err != nil {
			return [sha256.Size]byte{}, err
		}
	}
	return sha256.Sum256(leaf.RawSubjectPublicKeyInfo), nil
}

// certHosts are the names the node's certificate covers: the public URL's host (or the API
// address's), and on loopback also localhost and both loopback addresses.
func certHosts(cfg Config) ([]string, error) {
	u, err := url.Parse(cfg.URL())
	if err != nil || u.Hostname() == "" {
		return nil, fmt.Errorf("tls: cannot tell the node's host from %q", cfg.URL())
	}
	host := u.Hostname()
	hosts := []string{host}
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && (ip.IsLoopback() || ip.IsUnspecified())) {
		for _, h := range []string{"localhost", "127.0.0.1", "::1"} {
			if !slices.Contains(hosts, h) {
				hosts = append(hosts, h)
			}
		}
	}
	return hosts, nil
}

// loadTLSKey returns the node's TLS key from the keystore, generating and sealing it on first
// use. It never leaves the node in plaintext.
func loadTLSKey(ks *keystore.Keystore) (*ecdsa.PrivateKey, error) {
	raw, err := ks.Get(lifetimeEpoch, tlsKeyName)
	if errors.Is(err, keystore.ErrNotFound) {
		key, gerr := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if gerr != nil {
			return nil, fmt.Errorf("generate the TLS key: %w", gerr)
		}
		der, merr := x509.MarshalPKCS8PrivateKey(key)
		if merr != nil {
			return nil, fmt.Errorf("encode the TLS key: %w", merr)
		}
		if perr := ks.Put(lifetimeEpoch, tlsKeyName, der); perr != nil {
			return nil, fmt.Errorf("seal the TLS key: %w", perr)
		}
		return key, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load the TLS key: %w", err)
	}
	k, err := x509.ParsePKCS8PrivateKey(raw)
	if err != nil {
		return nil, fmt.Errorf("load the TLS key: %w", err)
	}
	key, ok := k.(*ecdsa.PrivateKey)
	if !ok {
		return nil, errors.New("load the TLS key: not an ECDSA key")
	}
	return key, nil
}

// issueCert certifies key for hosts, signed by signer (the key itself for a self-signed
// certificate, with parent nil). Valid from an hour ago for a year; issued again at every start.
func issueCert(key *ecdsa.PrivateKey, hosts []string, cn string, signer crypto.Signer, parent *x509.Certificate) ([]byte, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: cn},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	if parent == nil {
		parent = tmpl
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, signer)
	if err != nil {
		return nil, fmt.Errorf("issue the TLS certificate: %w", err)
	}
	return der, nil
}

// readCertChain reads tls_cert_file (PEM, leaf first) and checks that the leaf certifies the
// node's own key: the key never comes from a file.
func readCertChain(path string, key *ecdsa.PrivateKey) ([][]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tls_cert_file: %w", err)
	}
	var chain [][]byte
	for {
		var b *pem.Block
		b, raw = pem.Decode(raw)
		if b == nil {
			break
		}
		if b.Type == "CERTIFICATE" {
			chain = append(chain, b.Bytes)
		}
	}
	if len(chain) == 0 {
		return nil, fmt.Errorf("tls_cert_file %s: no PEM certificate", path)
	}
	leaf, err := x509.ParseCertificate(chain[0])
	if err != nil {
		return nil, fmt.Errorf("tls_cert_file %s: %w", path, err)
	}
	pub, ok := leaf.PublicKey.(*ecdsa.PublicKey)
	if !ok || !pub.Equal(&key.PublicKey) {
		return nil, fmt.Errorf("tls_cert_file %s: the certificate is not for this node's TLS key (get a signing request for it with `litnode tls csr`)", path)
	}
	return chain, nil
}

// TLSCertificateRequest returns a PEM certificate signing request for the node's TLS key
// (generated and sealed now if the node has none), for hosts: what an operator using
// tls_mode = "files" has a CA sign.
func TLSCertificateRequest(ctx context.Context, cfg Config, hosts []string, log *slog.Logger) ([]byte, error) {
	ks, err := openKeystore(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	key, err := loadTLSKey(ks)
	if err != nil {
		return nil, err
	}
	if len(hosts) == 0 {
		if hosts, err = certHosts(cfg); err != nil {
			return nil, err
		}
	}
	return certificateRequest(key, hosts)
}

func certificateRequest(key *ecdsa.PrivateKey, hosts []string) ([]byte, error) {
	tmpl := &x509.CertificateRequest{Subject: pkix.Name{CommonName: hosts[0]}}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, tmpl, key)
	if err != nil {
		return nil, fmt.Errorf("certificate request: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}), nil
}

// EnsureDevnetCA makes the devnet CA in dir (ca.pem, and ca.key readable by the owner only)
// unless it exists, and returns its certificate in PEM. Concurrent callers (containers sharing
// the directory) all end up with the same CA: the files appear atomically and are never
// replaced. Devnets only: whoever reads ca.key can impersonate every devnet node.
func EnsureDevnetCA(dir string) ([]byte, error) {
	certPath, keyPath := filepath.Join(dir, DevnetCACert), filepath.Join(dir, DevnetCAKey)
	if pemCert, err := os.ReadFile(certPath); err == nil {
		if _, _, err := loadDevnetCA(dir); err != nil {
			return nil, err
		}
		return pemCert, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("devnet CA: %w", err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "litmesh devnet CA", Organization: []string{"litmesh devnet (insecure: for local testing only)"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("devnet CA: %w", err)
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	// The key first, then the certificate: a reader that sees ca.pem finds ca.key.
	if err := writeOnce(keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		if errors.Is(err, os.ErrExist) {
			return waitDevnetCA(dir)
		}
		return nil, err
	}
	if err := writeOnce(certPath, certPEM, 0o644); err != nil {
		return nil, err
	}
	return certPEM, nil
}

// waitDevnetCA waits briefly for another process's CA to appear complete.
func waitDevnetCA(dir string) ([]byte, error) {
	var last error
	for i := 0; i < 50; i++ {
		if _, _, err := loadDevnetCA(dir); err == nil {
			return os.ReadFile(filepath.Join(dir, DevnetCACert))
		} else {
			last = err
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, last
}

// writeOnce creates path with data atomically, failing with os.ErrExist if it exists.
func writeOnce(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Link(tmp.Name(), path)
}

// loadDevnetCA reads the devnet CA's certificate and key.
func loadDevnetCA(dir string) (*x509.Certificate, crypto.Signer, error) {
	if dir == "" {
		return nil, nil, errors.New("tls_devnet_ca: no directory set")
	}
	certPEM, err := os.ReadFile(filepath.Join(dir, DevnetCACert))
	if err != nil {
		return nil, nil, fmt.Errorf("devnet CA: %w", err)
	}
	keyPEM, err := os.ReadFile(filepath.Join(dir, DevnetCAKey))
	if err != nil {
		return nil, nil, fmt.Errorf("devnet CA: %w", err)
	}
	cb, _ := pem.Decode(certPEM)
	kb, _ := pem.Decode(keyPEM)
	if cb == nil || kb == nil {
		return nil, nil, fmt.Errorf("devnet CA in %s: not PEM", dir)
	}
	cert, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return nil, nil, fmt.Errorf("devnet CA: %w", err)
	}
	k, err := x509.ParsePKCS8PrivateKey(kb.Bytes)
	if err != nil {
		return nil, nil, fmt.Errorf("devnet CA key: %w", err)
	}
	signer, ok := k.(crypto.Signer)
	if !ok || !cert.IsCA {
		return nil, nil, fmt.Errorf("devnet CA in %s: not a CA certificate and key", dir)
	}
	return cert, signer, nil
}

// sealedCache keeps ACME account keys and certificates in the sealed keystore (autocert.Cache).
type sealedCache struct{ ks *keystore.Keystore }

func (c sealedCache) name(key string) string {
	h := sha256.Sum256([]byte(key))
	return fmt.Sprintf("acme-%x", h[:16])
}

func (c sealedCache) Get(_ context.Context, key string) ([]byte, error) {
	b, err := c.ks.Get(lifetimeEpoch, c.name(key))
	if errors.Is(err, keystore.ErrNotFound) {
		return nil, autocert.ErrCacheMiss
	}
	return b, err
}

func (c sealedCache) Put(_ context.Context, key string, data []byte) error {
	return c.ks.Put(lifetimeEpoch, c.name(key), data)
}

func (c sealedCache) Delete(_ context.Context, key string) error {
	return c.ks.Delete(lifetimeEpoch, c.name(key))
}
