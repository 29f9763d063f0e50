package attestation

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/client"
	labi "github.com/google/go-sev-guest/client/linuxabi"
	"github.com/google/go-sev-guest/kds"
	sevtest "github.com/google/go-sev-guest/testing"
	"github.com/google/go-sev-guest/verify/trust"
)

// leveled adapts go-sev-guest's fake quote provider (VMPL 0 only) to the leveled interface
// the real provider uses.
type leveled struct{ *sevtest.QuoteProvider }

func (l leveled) GetRawQuoteAtLevel(rd [64]byte, vmpl uint) ([]uint8, error) {
	if vmpl != 0 {
		return nil, fmt.Errorf("fake device answers VMPL 0 only, asked %d", vmpl)
	}
	return l.GetRawQuote(rd)
}

// fakeSEVSNP is the real provider talking to go-sev-guest's fake AMD secure processor, which
// answers the given report data with a report (debug policy, as go-sev-guest's test reports
// have) signed by the fake's own test chain. certs replaces the host's certificate table.
func fakeSEVSNP(t *testing.T, rd [64]byte, certs func(*sevtest.AmdSigner) []byte, opts ...SEVSNPOption) (*SEVSNP, *sevtest.Device) {
	t.Helper()
	signer, err := sevtest.DefaultTestOnlyCertChain("Milan-B0", time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatalf("fake chain: %v", err)
	}
	table, err := signer.CertTableBytes()
	if err != nil {
		t.Fatalf("fake cert table: %v", err)
	}
	if certs != nil {
		table = certs(signer)
	}
	raw := sevtest.CreateRawReport(&sevtest.TestReportOptions{ReportData: rd[:]})
	d := &sevtest.Device{
		ReportDataRsp: map[string]any{hex.EncodeToString(rd[:]): &sevtest.GetReportResponse{Resp: labi.SnpReportRespABI{Data: raw}}},
		Certs:         table,
		Signer:        signer,
		SevProduct:    abi.DefaultSevProduct(),
		Keys:          map[string][]byte{},
	}
	open := func() (client.Device, error) { return d, d.Open("fake") }
	p, err := newSEVSNP(leveled{&sevtest.QuoteProvider{Device: d}}, open, opts...)
	if err != nil {
		t.Fatalf("new provider: %v", err)
	}
	return p, d
}

func fakeRoots(d *sevtest.Device) Roots {
	s := d.Signer
	return DevnetRoots("fake AMD-SP", map[string][]*trust.AMDRootCerts{
		"Milan": {{ProductLine: "Milan", ProductCerts: &trust.ProductCerts{Ark: s.Ark, Ask: s.Ask, Asvk: s.Asvk}}},
	})
}

func TestSEVSNPProviderEvidenceVerifies(t *testing.T) {
	rd := [64]byte{7, 7, 7}
	p, d := fakeSEVSNP(t, rd, nil)
	if p.Kind() != KindSEVSNP {
		t.Errorf("kind %q", p.Kind())
	}
	ev, err := p.Evidence(context.Background(), rd)
	if err != nil {
		t.Fatalf("evidence: %v", err)
	}
	if !bytes.Equal(ev.Certs.VCEK, d.Signer.Vcek.Raw) || !bytes.Equal(ev.Certs.ARK, d.Signer.Ark.Raw) {
		t.Fatalf("chain from the host's certificate table not carried into the evidence")
	}
	v, err := NewVerifier(ModeDevnet, fakeRoots(d))
	if err != nil {
		t.Fatalf("verifier: %v", err)
	}
	var zero Measurement // go-sev-guest's fake reports measure all zeros
	_, err = v.Verify(ev, rd, Policy{Measurements: []Measurement{zero}})
	if !errors.Is(err, ErrDebugPolicy) {
		t.Fatalf("verify a fake-hardware report: got %v, want %v (everything else passes)", err, ErrDebugPolicy)
	}
}

func TestSEVSNPProviderFetchesAMissingVCEKFromKDS(t *testing.T) {
	rd := [64]byte{8}
	noVCEK := func(s *sevtest.AmdSigner) []byte {
		t := &abi.CertTable{}
		t.Entries = append(t.Entries, abi.CertTableEntry{GUID: guidARK, RawCert: s.Ark.Raw})
		return t.Marshal()
	}
	var fetched int
	p, d := fakeSEVSNP(t, rd, noVCEK)
	vcekURL := kds.VCEKCertURL("Milan", make([]byte, abi.ChipIDSize), 0)
	chainURL := kds.ProductCertChainURL(abi.VcekReportSigner, "Milan")
	kdsFake := sevtest.SimpleGetter(map[string][]byte{
		vcekURL:  d.Signer.Vcek.Raw,
		chainURL: append(pemCert(d.Signer.Ask.Raw), pemCert(d.Signer.Ark.Raw)...),
	})
	p.kds = countingGetter{kdsFake, &fetched}
	trust.ClearProductCertCache()
	defer trust.ClearProductCertCache()
	for i := 0; i < 2; i++ {
		ev, err := p.Evidence(context.Background(), rd)
		if err != nil {
			t.Fatalf("evidence: %v", err)
		}
		if !bytes.Equal(ev.Certs.VCEK, d.Signer.Vcek.Raw) {
			t.Fatalf("VCEK not fetched")
		}
	}
	if fetched != 2 { // the ASK/ARK bundle and the VCEK, once each: the second report hits the cache
		t.Errorf("%d KDS fetches, want 2", fetched)
	}

	p.kds = nil
	p.vcek = nil
	if _, err := p.Evidence(context.Background(), rd); err == nil {
		t.Error("evidence without a VCEK and with KDS fetching off: accepted")
	}
}

type countingGetter struct {
	g trust.HTTPSGetter
	n *int
}

func (c countingGetter) Get(url string) ([]byte, error) { *c.n++; return c.g.Get(url) }

func pemCert(der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

func TestSEVSNPProviderDerivesTheSealingKeyFromMeasurementAndPolicy(t *testing.T) {
	p, d := fakeSEVSNP(t, [64]byte{}, nil)
	want := bytes.Repeat([]byte{0x5a}, 32)
	// The key the secure processor returns for a VCEK-rooted key mixing in the measurement and
	// the guest policy at VMPL 0, and nothing else.
	req := &labi.SnpDerivedKeyReqABI{RootKeySelect: 0, GuestFieldSelect: 1<<3 | 1<<0, Vmpl: 0}
	d.Keys[sevtest.DerivedKeyRequestToString(req)] = want
	got, err := p.SealingKey(context.Background())
	if err != nil {
		t.Fatalf("sealing key: %v", err)
	}
	if !bytes.Equal(got[:], want) {
		t.Errorf("sealing key %x, want %x", got, want)
	}
}

func TestSEVSNPDetectionSaysWhyNot(t *testing.T) {
	err := DetectSEVSNP()
	if err == nil {
		t.Skip("this machine is an SEV-SNP guest") // the only case where there is no reason to check
	}
	if !errors.Is(err, ErrNoSEVSNP) {
		t.Fatalf("detect: %v does not wrap ErrNoSEVSNP", err)
	}
	if _, err := NewSEVSNP(); !errors.Is(err, ErrNoSEVSNP) {
		t.Fatalf("new provider without hardware: %v does not wrap ErrNoSEVSNP", err)
	}
	t.Logf("no SEV-SNP here: %v", err)
}
