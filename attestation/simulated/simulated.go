// Package simulated is the devnet-only attestation provider: it produces real-format AMD
// SEV-SNP attestation reports signed with go-sev-guest's test-only AMD key chain (an ARK, ASK
// and VCEK whose private keys are published in go-sev-guest's source), so every node of a local
// devnet runs the same handshake, binding and verification code as a production node.
//
// What it proves and what it does not: a simulated report proves that the code path works and
// that the report is bound to one libp2p identity, one operator and one fresh nonce. It proves
// NOTHING about hardware isolation: anyone can sign such a report for any measurement, so the
// claimed measurement (by default the SHA-384 of the running executable, overridable for
// tests) is only a label that lets a devnet allowlist name the exact binary it launched.
//
// Guard rails: New requires attestation.ModeDevnet as an explicit argument and refuses
// attestation.ModeProduction; it logs a loud warning (slog, level warn) that attestation is
// simulated. Roots returns the simulated trust anchors as devnet-only roots: a production
// verifier refuses to be built with them, and a production verifier (AMD's roots) refuses a
// simulated report as an untrusted chain.
//
// The sealing key is a random 32-byte key kept in the node directory (sealing.key, mode 0600,
// hex): it protects nothing against whoever controls the machine.
//
// This package imports go-sev-guest's testing package, which imports Go's testing package; that
// is why it is isolated here, the one deliberate exception to keeping test code out of the
// binaries. Only the node's devnet switch and tests may import it; package attestation must
// not. It must not import any other litmesh package than attestation.
package simulated

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha512"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/kds"
	spb "github.com/google/go-sev-guest/proto/sevsnp"
	sevtest "github.com/google/go-sev-guest/testing"
	"github.com/google/go-sev-guest/verify/trust"

	"github.com/litmesh/litmesh/attestation"
)

// ErrProductionMode is returned by New outside devnet mode.
var ErrProductionMode = errors.New("simulated attestation is refused in production mode")

// The simulated platform: a Milan chip, firmware 1.55 build 0.
const (
	productName  = "Milan-B0"
	productLine  = "Milan"
	fwMajor      = 1
	fwMinor      = 55
	reportFormat = 3
)

// chainCreated is the fixed creation time of the simulated ARK and ASK, so that every process
// builds the same anchors (they stay valid for 25 years from it).
var chainCreated = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// builderMu serialises go-sev-guest's certificate builder, which draws from a shared,
// unsynchronised math/rand source.
var builderMu sync.Mutex

// Option configures a simulated provider.
type Option func(*config) error

type config struct {
	measurement *attestation.Measurement
	debug       bool
	tcb         kds.TCBParts
	vmpl        uint32
	keys        *sevtest.AmdKeys
	logger      *slog.Logger
}

// WithMeasurement sets the measurement the provider claims instead of its executable's hash.
func WithMeasurement(m attestation.Measurement) Option {
	return func(c *config) error { c.measurement = &m; return nil }
}

// WithDebugPolicy makes reports claim a debuggable guest policy (to test that verifiers
// refuse it).
func WithDebugPolicy() Option {
	return func(c *config) error { c.debug = true; return nil }
}

// WithTCB sets the TCB the reports and the VCEK certificate claim (default all zero).
func WithTCB(t kds.TCBParts) Option {
	return func(c *config) error { c.tcb = t; return nil }
}

// WithVMPL sets the VMPL the reports claim (default 0).
func WithVMPL(vmpl uint32) Option {
	return func(c *config) error {
		if vmpl > 3 {
			return fmt.Errorf("VMPL %d, want 0..3", vmpl)
		}
		c.vmpl = vmpl
		return nil
	}
}

// WithChainKeys signs with another test key chain instead of go-sev-guest's default one (to
// test that verifiers refuse a chain they do not trust). All of ARK, ASK, ASVK and VCEK must
// be set.
func WithChainKeys(keys *sevtest.AmdKeys) Option {
	return func(c *config) error {
		if keys == nil || keys.Ark == nil || keys.Ask == nil || keys.Asvk == nil || keys.Vcek == nil {
			return errors.New("chain keys need ARK, ASK, ASVK and VCEK")
		}
		c.keys = keys
		return nil
	}
}

// WithLogger sets the logger for the simulation warning (default slog.Default()).
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("nil logger")
		}
		c.logger = l
		return nil
	}
}

// Provider signs real-format SEV-SNP reports with a test-only AMD key chain.
type Provider struct {
	cfg    config
	signer *sevtest.AmdSigner
	chipID [abi.ChipIDSize]byte
	dir    string

	sealOnce sync.Once
	sealKey  [attestation.SealingKeySize]byte
	sealErr  error
}

var _ attestation.Provider = (*Provider)(nil)

// New returns a simulated provider. mode must be attestation.ModeDevnet; dir is the node
// directory that holds sealing.key.
func New(mode attestation.Mode, dir string, opts ...Option) (*Provider, error) {
	if mode != attestation.ModeDevnet {
		return nil, fmt.Errorf("new simulated provider in %v mode: %w", mode, ErrProductionMode)
	}
	if dir == "" {
		return nil, errors.New("new simulated provider: no node directory")
	}
	cfg := config{logger: slog.Default()}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, fmt.Errorf("new simulated provider: %w", err)
		}
	}
	if cfg.measurement == nil {
		m, err := attestation.MeasureExecutable()
		if err != nil {
			return nil, fmt.Errorf("new simulated provider: %w", err)
		}
		cfg.measurement = &m
	}
	p := &Provider{cfg: cfg, dir: dir}
	if _, err := rand.Read(p.chipID[:]); err != nil {
		return nil, fmt.Errorf("new simulated provider: %w", err)
	}
	keys := cfg.keys
	if keys == nil {
		keys = sevtest.DefaultAmdKeys()
	}
	signer, err := buildChain(keys, cfg.tcb, p.chipID[:], time.Now())
	if err != nil {
		return nil, fmt.Errorf("new simulated provider: %w", err)
	}
	p.signer = signer
	cfg.logger.Warn("attestation is SIMULATED: reports are signed with go-sev-guest's public test keys and prove nothing about hardware isolation; devnet use only",
		"kind", attestation.KindSimulated, "measurement", cfg.measurement.String(), "debug_policy", cfg.debug)
	return p, nil
}

// buildChain certifies an ARK, ASK, ASVK and a VCEK (carrying tcb and chipID in its
// extensions) from keys. The VCEK is issued now and valid for seven years.
func buildChain(keys *sevtest.AmdKeys, tcb kds.TCBParts, chipID []byte, now time.Time) (*sevtest.AmdSigner, error) {
	b := &sevtest.AmdSignerBuilder{
		Keys:             keys,
		ProductName:      productName,
		ArkCreationTime:  chainCreated,
		AskCreationTime:  chainCreated,
		AsvkCreationTime: chainCreated,
		VcekCreationTime: now,
		VlekCreationTime: now,
	}
	if chipID != nil {
		b.VcekCustom.Extensions = sevtest.CustomExtensions(tcb, chipID, "", productName)
	}
	builderMu.Lock()
	defer builderMu.Unlock()
	s, err := b.TestOnlyCertChain()
	if err != nil {
		return nil, fmt.Errorf("build simulated AMD chain: %w", err)
	}
	return s, nil
}

var roots = sync.OnceValues(func() (attestation.Roots, error) {
	s, err := buildChain(sevtest.DefaultAmdKeys(), kds.TCBParts{}, nil, chainCreated)
	if err != nil {
		return attestation.Roots{}, err
	}
	return rootsOf("simulated AMD chain (go-sev-guest public test keys)", s), nil
})

// Roots returns the devnet-only trust anchors of the default simulated chain: the only roots a
// devnet verifier should trust when its nodes run simulated attestation.
func Roots() (attestation.Roots, error) { return roots() }

// RootsOf returns devnet-only trust anchors for the chain of another set of test keys.
func RootsOf(name string, keys *sevtest.AmdKeys) (attestation.Roots, error) {
	s, err := buildChain(keys, kds.TCBParts{}, nil, chainCreated)
	if err != nil {
		return attestation.Roots{}, err
	}
	return rootsOf(name, s), nil
}

func rootsOf(name string, s *sevtest.AmdSigner) attestation.Roots {
	return attestation.DevnetRoots(name, map[string][]*trust.AMDRootCerts{
		productLine: {{
			Product:      productLine,
			ProductLine:  productLine,
			ProductCerts: &trust.ProductCerts{Ark: s.Ark, Ask: s.Ask, Asvk: s.Asvk},
		}},
	})
}

// Kind returns attestation.KindSimulated.
func (p *Provider) Kind() attestation.Kind { return attestation.KindSimulated }

// Measurement returns the measurement the provider claims.
func (p *Provider) Measurement() attestation.Measurement { return *p.cfg.measurement }

// Evidence returns a report over reportData, signed by the simulated VCEK.
func (p *Provider) Evidence(ctx context.Context, reportData [attestation.ReportDataSize]byte) (attestation.Evidence, error) {
	if err := ctx.Err(); err != nil {
		return attestation.Evidence{}, err
	}
	raw, err := p.report(reportData)
	if err != nil {
		return attestation.Evidence{}, fmt.Errorf("simulate SEV-SNP report: %w", err)
	}
	return attestation.Evidence{
		Report: raw,
		Certs: attestation.CertChain{
			VCEK: p.signer.Vcek.Raw,
			ASK:  p.signer.Ask.Raw,
			ARK:  p.signer.Ark.Raw,
		},
	}, nil
}

func (p *Provider) report(reportData [attestation.ReportDataSize]byte) ([]byte, error) {
	tcb, err := kds.ComposeTCBParts(p.cfg.tcb)
	if err != nil {
		return nil, err
	}
	reportID := make([]byte, abi.ReportIDSize)
	if _, err := rand.Read(reportID); err != nil {
		return nil, err
	}
	reportIDMA := make([]byte, abi.ReportIDMASize)
	for i := range reportIDMA {
		reportIDMA[i] = 0xff // no migration agent
	}
	r := &spb.Report{
		Version:         reportFormat,
		Policy:          abi.SnpPolicyToBytes(abi.SnpPolicy{SMT: true, Debug: p.cfg.debug}),
		FamilyId:        make([]byte, abi.FamilyIDSize),
		ImageId:         make([]byte, abi.ImageIDSize),
		Vmpl:            p.cfg.vmpl,
		SignatureAlgo:   abi.SignEcdsaP384Sha384,
		CurrentTcb:      uint64(tcb),
		PlatformInfo:    1, // SMT enabled
		SignerInfo:      abi.ComposeSignerInfo(abi.SignerInfo{SigningKey: abi.VcekReportSigner}),
		ReportData:      reportData[:],
		Measurement:     p.cfg.measurement[:],
		HostData:        make([]byte, abi.HostDataSize),
		IdKeyDigest:     make([]byte, abi.IDKeyDigestSize),
		AuthorKeyDigest: make([]byte, abi.AuthorKeyDigestSize),
		ReportId:        reportID,
		ReportIdMa:      reportIDMA,
		ReportedTcb:     uint64(tcb),
		Cpuid1EaxFms:    abi.MaskedCpuid1EaxFromSevProduct(abi.DefaultSevProduct()),
		ChipId:          p.chipID[:],
		CommittedTcb:    uint64(tcb),
		CurrentBuild:    0,
		CurrentMinor:    fwMinor,
		CurrentMajor:    fwMajor,
		CommittedMinor:  fwMinor,
		CommittedMajor:  fwMajor,
		LaunchTcb:       uint64(tcb),
		Signature:       make([]byte, abi.SignatureSize),
	}
	raw, err := abi.ReportToAbiBytes(r)
	if err != nil {
		return nil, err
	}
	if err := sign(raw, p.signer.Keys.Vcek); err != nil {
		return nil, err
	}
	return raw, nil
}

// sign sets the report's signature the way the AMD secure processor does: ECDSA P-384 over
// SHA-384 of everything before the signature field.
func sign(raw []byte, key *ecdsa.PrivateKey) error {
	digest := sha512.Sum384(abi.SignedComponent(raw))
	r, s, err := ecdsa.Sign(rand.Reader, key, digest[:])
	if err != nil {
		return err
	}
	return abi.SetSignature(r, s, raw)
}
