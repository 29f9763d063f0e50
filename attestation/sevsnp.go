package attestation

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sync"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/client"
	"github.com/google/go-sev-guest/verify"
	"github.com/google/go-sev-guest/verify/trust"
)

// ErrNoSEVSNP says this machine cannot produce SEV-SNP evidence; the wrapping error says why.
var ErrNoSEVSNP = errors.New("SEV-SNP guest support not available")

// Where Linux exposes the SEV-SNP guest interfaces.
const (
	configfsTSMReport = "/sys/kernel/config/tsm/report"
	sevGuestDevice    = "/dev/sev-guest"
)

// DetectSEVSNP reports whether this machine is an SEV-SNP guest whose attestation interface
// this process can use. nil means yes; otherwise the error wraps ErrNoSEVSNP and says why.
func DetectSEVSNP() error {
	if runtime.GOOS != "linux" {
		return fmt.Errorf("%w: needs a Linux guest, this is %s", ErrNoSEVSNP, runtime.GOOS)
	}
	if configfsSupported() {
		return nil
	}
	cfsErr := statReason(configfsTSMReport)
	if cfsErr == nil {
		cfsErr = errors.New("present, but its provider is not sev_guest (or a report entry cannot be created)")
	}
	f, err := os.OpenFile(sevGuestDevice, os.O_RDWR, 0)
	if err == nil {
		f.Close()
		return nil
	}
	return fmt.Errorf("%w: configfs-tsm %s: %w; %s: %w (not an SEV-SNP guest, the sev-guest kernel module is not loaded, or this process lacks permission)",
		ErrNoSEVSNP, configfsTSMReport, cfsErr, sevGuestDevice, reasonOf(err))
}

func statReason(path string) error {
	_, err := os.Stat(path)
	return reasonOf(err)
}

func reasonOf(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("does not exist")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	default:
		return err
	}
}

// SEVSNPOption configures the real SEV-SNP provider.
type SEVSNPOption func(*SEVSNP) error

// WithVMPL sets the VM privilege level reports are requested at and the sealing key is
// derived for (default 0).
func WithVMPL(vmpl uint32) SEVSNPOption {
	return func(p *SEVSNP) error {
		if vmpl > 3 {
			return fmt.Errorf("VMPL %d, want 0..3", vmpl)
		}
		p.vmpl = vmpl
		return nil
	}
}

// WithKDS sets how a missing VCEK certificate is fetched from AMD's Key Distribution Service,
// when the host does not supply it with the report (default: HTTPS to kdsintf.amd.com).
// A nil getter disables fetching: evidence without a VCEK then fails to verify.
func WithKDS(getter trust.HTTPSGetter) SEVSNPOption {
	return func(p *SEVSNP) error {
		p.kds = getter
		return nil
	}
}

// SEVSNP is the real provider: reports from the AMD secure processor through go-sev-guest's
// client (configfs-tsm where the kernel has it, /dev/sev-guest otherwise), and a sealing key
// the secure processor derives from the chip's VCEK and this guest's measurement.
type SEVSNP struct {
	quotes     client.LeveledQuoteProvider
	openDevice func() (client.Device, error)
	vmpl       uint32
	kds        trust.HTTPSGetter

	mu    sync.Mutex // serialises guest requests; caches the endorsement cert
	vcek  []byte
	tcbAt uint64
}

// NewSEVSNP opens the platform's SEV-SNP attestation interface. It fails with ErrNoSEVSNP (and
// the reason) on a machine without one.
func NewSEVSNP(opts ...SEVSNPOption) (*SEVSNP, error) {
	if err := DetectSEVSNP(); err != nil {
		return nil, err
	}
	qp, err := client.GetLeveledQuoteProvider()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoSEVSNP, err)
	}
	open := func() (client.Device, error) { return client.OpenDevice() }
	return newSEVSNP(qp, open, opts...)
}

// newSEVSNP builds the provider over any quote provider and device (tests use go-sev-guest's
// fakes).
func newSEVSNP(qp client.LeveledQuoteProvider, open func() (client.Device, error), opts ...SEVSNPOption) (*SEVSNP, error) {
	p := &SEVSNP{quotes: qp, openDevice: open, kds: trust.DefaultHTTPSGetter()}
	for _, o := range opts {
		if err := o(p); err != nil {
			return nil, fmt.Errorf("new SEV-SNP provider: %w", err)
		}
	}
	return p, nil
}

// Kind returns KindSEVSNP.
func (p *SEVSNP) Kind() Kind { return KindSEVSNP }

// Evidence asks the secure processor for a report over reportData. If the host supplied no
// endorsement certificate, it fetches the VCEK from AMD's KDS (once per reported TCB).
func (p *SEVSNP) Evidence(ctx context.Context, reportData [ReportDataSize]byte) (Evidence, error) {
	if err := ctx.Err(); err != nil {
		return Evidence{}, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	raw, err := p.quotes.GetRawQuoteAtLevel(reportData, uint(p.vmpl))
	if err != nil {
		return Evidence{}, fmt.Errorf("get SEV-SNP report: %w", err)
	}
	if len(raw) < ReportSize {
		return Evidence{}, fmt.Errorf("get SEV-SNP report: %w: %d bytes", ErrReportTruncated, len(raw))
	}
	ev := Evidence{Report: raw[:ReportSize:ReportSize]}
	if ev.Certs, err = ParseCertTable(raw[ReportSize:]); err != nil {
		return Evidence{}, fmt.Errorf("get SEV-SNP report: %w", err)
	}
	rep, err := parseRaw(ev.Report)
	if err != nil {
		return Evidence{}, fmt.Errorf("get SEV-SNP report: %w", err)
	}
	if signingKey(rep) == abi.VcekReportSigner && len(ev.Certs.VCEK) == 0 {
		if ev.Certs.VCEK, err = p.fetchVCEK(ctx, rep.GetReportedTcb(), ev.Report); err != nil {
			return Evidence{}, fmt.Errorf("get SEV-SNP report: %w", err)
		}
	}
	return ev, nil
}

// fetchVCEK gets this chip's VCEK for the report's TCB from AMD's KDS. Called with p.mu held.
func (p *SEVSNP) fetchVCEK(ctx context.Context, tcb uint64, raw []byte) ([]byte, error) {
	if p.vcek != nil && p.tcbAt == tcb {
		return p.vcek, nil
	}
	if p.kds == nil {
		return nil, errors.New("host supplied no VCEK certificate and KDS fetching is off")
	}
	rep, err := abi.ReportToProto(raw)
	if err != nil {
		return nil, err
	}
	att, err := verify.GetAttestationFromReportContext(ctx, rep, &verify.Options{Getter: p.kds})
	if err != nil {
		return nil, fmt.Errorf("fetch VCEK from AMD KDS: %w", err)
	}
	vcek := att.GetCertificateChain().GetVcekCert()
	if len(vcek) == 0 || len(vcek) > MaxCertSize {
		return nil, fmt.Errorf("fetch VCEK from AMD KDS: got %d bytes", len(vcek))
	}
	p.vcek, p.tcbAt = vcek, tcb
	return vcek, nil
}

// SealingKey asks the secure processor for a key derived from the chip's VCEK, this guest's
// measurement and policy, and the VMPL. The same release on the same chip gets the same key
// after a restart; another release or another machine cannot derive it (so an upgraded node
// recovers its shares through resharing, not from the old keystore). The TCB is not mixed
// in, so firmware updates keep the key.
func (p *SEVSNP) SealingKey(ctx context.Context) ([SealingKeySize]byte, error) {
	var key [SealingKeySize]byte
	if err := ctx.Err(); err != nil {
		return key, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	d, err := p.openDevice()
	if err != nil {
		return key, fmt.Errorf("derive sealing key: %w", err)
	}
	defer d.Close()
	resp, err := client.GetDerivedKeyAcknowledgingItsLimitations(d, &client.SnpDerivedKeyReq{
		UseVCEK:          true,
		GuestFieldSelect: client.GuestFieldSelect{Measurement: true, GuestPolicy: true},
		Vmpl:             p.vmpl,
	})
	if err != nil {
		return key, fmt.Errorf("derive sealing key: %w", err)
	}
	key = resp.Data
	resp.Data = [SealingKeySize]byte{}
	return key, nil
}
