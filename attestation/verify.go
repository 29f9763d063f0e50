package attestation

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/kds"
	spb "github.com/google/go-sev-guest/proto/sevsnp"
	"github.com/google/go-sev-guest/validate"
	"github.com/google/go-sev-guest/verify"
	"github.com/google/go-sev-guest/verify/trust"
)

// Mode says which trust roots a verifier may use.
type Mode uint8

// The modes.
const (
	// ModeProduction trusts only AMD's roots. Simulated evidence fails as an untrusted chain.
	ModeProduction Mode = 1
	// ModeDevnet trusts the roots it is given, which may be the simulated test chain.
	ModeDevnet Mode = 2
)

// String names the mode.
func (m Mode) String() string {
	switch m {
	case ModeProduction:
		return "production"
	case ModeDevnet:
		return "devnet"
	default:
		return fmt.Sprintf("mode(%d)", uint8(m))
	}
}

// ErrDevnetRootsInProduction is returned when a production verifier is given devnet roots.
var ErrDevnetRootsInProduction = errors.New("devnet trust roots refused in production mode")

// Roots is a set of trust anchors (ARK and ASK/ASVK per product line).
type Roots struct {
	name       string
	devnetOnly bool
	byLine     map[string][]*trust.AMDRootCerts
}

// Name describes the roots, for logs.
func (r Roots) Name() string { return r.name }

// DevnetOnly reports whether only a devnet verifier accepts these roots.
func (r Roots) DevnetOnly() bool { return r.devnetOnly }

// ProductLines lists the product lines the roots cover.
func (r Roots) ProductLines() []string {
	lines := make([]string, 0, len(r.byLine))
	for l := range r.byLine {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	return lines
}

// AMDRoots returns AMD's real roots as go-sev-guest embeds them (ARK and ASK for Milan, Genoa
// and Turin, plus the ASVK for VLEK-signed reports). Nothing is fetched from the network.
func AMDRoots() Roots {
	vlekBundles := map[string][]byte{
		"Milan": trust.AskArkMilanVlekBytes,
		"Genoa": trust.AskArkGenoaVlekBytes,
		"Turin": trust.AskArkTurinVlekBytes,
	}
	byLine := map[string][]*trust.AMDRootCerts{}
	for line, def := range trust.DefaultRootCerts {
		if def == nil || def.ProductCerts == nil || def.ProductCerts.Ark == nil {
			continue
		}
		pc := &trust.ProductCerts{Ark: def.ProductCerts.Ark, Ask: def.ProductCerts.Ask}
		pc.Asvk = asvkFrom(vlekBundles[line], pc.Ark)
		byLine[line] = []*trust.AMDRootCerts{{Product: line, ProductLine: line, ProductCerts: pc}}
	}
	return Roots{name: "AMD SEV-SNP roots (embedded in go-sev-guest)", byLine: byLine}
}

// asvkFrom picks the ASVK out of a KDS VLEK bundle (PEM), keeping it only if ark signed it.
func asvkFrom(bundle []byte, ark *x509.Certificate) *x509.Certificate {
	for len(bundle) > 0 {
		var b *pem.Block
		b, bundle = pem.Decode(bundle)
		if b == nil {
			return nil
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err == nil && strings.HasPrefix(c.Subject.CommonName, "SEV-VLEK-") && c.CheckSignatureFrom(ark) == nil {
			return c
		}
	}
	return nil
}

// DevnetRoots wraps trust anchors that only a devnet verifier accepts, such as the simulated
// test chain. byLine maps a product line ("Milan") to its roots.
func DevnetRoots(name string, byLine map[string][]*trust.AMDRootCerts) Roots {
	return Roots{name: name, devnetOnly: true, byLine: byLine}
}

// Policy is what a verified report must also satisfy. The node builds it from the chain's
// release allowlist and its own configuration.
type Policy struct {
	// Measurements is the allowlist of launch measurements. Empty refuses every report.
	Measurements []Measurement
	// MinTCB is the component-wise minimum of the report's REPORTED_TCB.
	MinTCB kds.TCBParts
	// VMPL is the VM privilege level the report must have been made at (0 unless the guest
	// runs under an SVSM).
	VMPL uint32
}

// acceptedGuestPolicy is the most permissive guest policy accepted: SMT (on almost every
// cloud host) and CXL memory are allowed; a debuggable VM or a migration agent is not. The
// debug bit is refused, with its own reason, before this is consulted.
var acceptedGuestPolicy = abi.SnpPolicy{SMT: true, CXLAllowed: true}

// VerifierOption configures a Verifier.
type VerifierOption func(*Verifier) error

// WithClock sets the time certificates are checked at (default time.Now).
func WithClock(now func() time.Time) VerifierOption {
	return func(v *Verifier) error {
		if now == nil {
			return errors.New("nil clock")
		}
		v.now = now
		return nil
	}
}

// Verifier checks evidence against one set of trust roots. It is safe for concurrent use.
type Verifier struct {
	mode  Mode
	roots Roots
	now   func() time.Time
}

// NewVerifier returns a verifier for mode that trusts roots. A production verifier refuses
// devnet roots.
func NewVerifier(mode Mode, roots Roots, opts ...VerifierOption) (*Verifier, error) {
	switch mode {
	case ModeProduction:
		if roots.devnetOnly {
			return nil, fmt.Errorf("new verifier with %q: %w", roots.name, ErrDevnetRootsInProduction)
		}
	case ModeDevnet:
	default:
		return nil, fmt.Errorf("new verifier: unknown %v", mode)
	}
	if len(roots.byLine) == 0 {
		return nil, errors.New("new verifier: no trust roots")
	}
	v := &Verifier{mode: mode, roots: roots, now: time.Now}
	for _, o := range opts {
		if err := o(v); err != nil {
			return nil, fmt.Errorf("new verifier: %w", err)
		}
	}
	return v, nil
}

// Mode returns the verifier's mode.
func (v *Verifier) Mode() Mode { return v.mode }

// Roots returns the verifier's trust roots.
func (v *Verifier) Roots() Roots { return v.roots }

// Authenticate checks that the report is well formed and signed by an endorsement key whose
// certificate chains up to the verifier's roots. It checks nothing about what the report says:
// use Verify for that.
func (v *Verifier) Authenticate(ev Evidence) (*Report, error) {
	p, err := parseRaw(ev.Report)
	if err != nil {
		return nil, err
	}
	key := signingKey(p)
	der := endorsementCert(ev.Certs, p)
	switch {
	case key != abi.VcekReportSigner && key != abi.VlekReportSigner:
		return nil, fmt.Errorf("%w: report is not signed (SIGNING_KEY %v)", ErrUntrustedChain, key)
	case len(der) == 0:
		return nil, fmt.Errorf("%w: evidence has no %v certificate", ErrUntrustedChain, key)
	case len(der) > MaxCertSize:
		return nil, fmt.Errorf("%w: %v certificate is %d bytes, limit %d", ErrUntrustedChain, key, len(der), MaxCertSize)
	}
	chain := &spb.CertificateChain{Extras: map[string][]byte{}}
	if key == abi.VcekReportSigner {
		chain.VcekCert = der
	} else {
		chain.VlekCert = der
	}
	now := v.now()
	opts := &verify.Options{
		DisableCertFetching: true,
		TrustedRoots:        v.roots.byLine,
		Now:                 now,
	}
	if err := verify.SnpAttestation(&spb.Attestation{Report: p, CertificateChain: chain}, opts); err != nil {
		return nil, v.classify(ev.Report, der, key, now, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil { // verify parsed it already; only a bug gets here
		return nil, fmt.Errorf("%w: parse %v certificate: %w", ErrUntrustedChain, key, err)
	}
	r := fromProto(p)
	r.signerCert = cert
	r.Signer.Certificate = certInfo(cert, key)
	return r, nil
}

// classify tells a bad signature under a trusted key from a chain that is not trusted:
// go-sev-guest reports both as untyped errors.
func (v *Verifier) classify(raw, der []byte, key abi.ReportSigner, now time.Time, verr error) error {
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return fmt.Errorf("%w: %v certificate: %w", ErrUntrustedChain, key, err)
	}
	chained := false
	for _, roots := range v.roots.byLine {
		for _, r := range roots {
			if o := r.X509Options(now, key); o != nil {
				if _, err := cert.Verify(*o); err == nil {
					chained = true
				}
			}
		}
	}
	if chained {
		if err := verify.SnpReportSignature(raw, cert); err != nil {
			return fmt.Errorf("%w: %w", ErrBadSignature, err)
		}
	}
	return fmt.Errorf("%w (roots: %s): %w", ErrUntrustedChain, v.roots.name, verr)
}

// Verify authenticates the evidence, then checks that its REPORT_DATA is reportData and that it
// meets the policy: measurement on the allowlist, no debug, TCB at least the minimum, the
// required VMPL, and every other check of go-sev-guest's validate. Each refusal wraps one of
// this package's Err* reasons.
func (v *Verifier) Verify(ev Evidence, reportData [ReportDataSize]byte, pol Policy) (*Report, error) {
	r, err := v.Authenticate(ev)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(r.ReportData, reportData[:]) {
		return nil, fmt.Errorf("%w: report binds %x…, expected %x…", ErrReportDataMismatch, r.ReportData[:8], reportData[:8])
	}
	if !allowed(r.Measurement, pol.Measurements) {
		return nil, fmt.Errorf("%w: %s (allowlist has %d)", ErrUnknownMeasurement, r.Measurement, len(pol.Measurements))
	}
	if r.Policy.Debug {
		return nil, fmt.Errorf("%w: policy %s", ErrDebugPolicy, r.Policy.Raw)
	}
	if !kds.TCBPartsLE(pol.MinTCB, r.ReportedTCB.parts) {
		return nil, fmt.Errorf("%w: reported %s, minimum %s", ErrTCBTooLow, tcbString(r.ReportedTCB.parts), tcbString(pol.MinTCB))
	}
	if r.VMPL != pol.VMPL {
		return nil, fmt.Errorf("%w: report made at VMPL %d, want %d", ErrVMPL, r.VMPL, pol.VMPL)
	}
	vmpl := int(pol.VMPL)
	opts := &validate.Options{
		GuestPolicy: acceptedGuestPolicy,
		ReportData:  reportData[:],
		Measurement: r.Measurement[:],
		MinimumTCB:  pol.MinTCB,
		VMPL:        &vmpl,
	}
	chain := &spb.CertificateChain{Extras: map[string][]byte{}}
	if signingKey(r.proto) == abi.VcekReportSigner {
		chain.VcekCert = r.signerCert.Raw
	} else {
		chain.VlekCert = r.signerCert.Raw
	}
	if err := validate.SnpAttestation(&spb.Attestation{Report: r.proto, CertificateChain: chain}, opts); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrPolicy, err)
	}
	return r, nil
}

func allowed(m Measurement, list []Measurement) bool {
	for _, a := range list {
		if a == m {
			return true
		}
	}
	return false
}

func tcbString(p kds.TCBParts) string {
	return fmt.Sprintf("bl=%d tee=%d snp=%d ucode=%d", p.BlSpl, p.TeeSpl, p.SnpSpl, p.UcodeSpl)
}
