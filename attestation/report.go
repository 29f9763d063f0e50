package attestation

import (
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/kds"
	spb "github.com/google/go-sev-guest/proto/sevsnp"
)

// Report is a parsed attestation report in a form operators can read: `litnode attest` prints
// it as JSON. Parsing it does not verify it; Verifier.Authenticate and Verifier.Verify return
// one only after the checks pass.
type Report struct {
	Version           uint32      `json:"version"`
	GuestSVN          uint32      `json:"guestSvn"`
	Policy            GuestPolicy `json:"policy"`
	FamilyID          HexBytes    `json:"familyId"`
	ImageID           HexBytes    `json:"imageId"`
	VMPL              uint32      `json:"vmpl"`
	SignatureAlgo     string      `json:"signatureAlgo"`
	CurrentTCB        TCB         `json:"currentTcb"`
	ReportedTCB       TCB         `json:"reportedTcb"`
	CommittedTCB      TCB         `json:"committedTcb"`
	LaunchTCB         TCB         `json:"launchTcb"`
	PlatformInfo      string      `json:"platformInfo"`
	ReportData        HexBytes    `json:"reportData"`
	Measurement       Measurement `json:"measurement"`
	HostData          HexBytes    `json:"hostData"`
	IDKeyDigest       HexBytes    `json:"idKeyDigest"`
	AuthorKeyDigest   HexBytes    `json:"authorKeyDigest"`
	ReportID          HexBytes    `json:"reportId"`
	ReportIDMA        HexBytes    `json:"reportIdMa"`
	ChipID            HexBytes    `json:"chipId"`
	CurrentFirmware   string      `json:"currentFirmware"`
	CommittedFirmware string      `json:"committedFirmware"`
	CPUID             *CPUID      `json:"cpuid,omitempty"`
	Signer            Signer      `json:"signer"`
	proto             *spb.Report // the go-sev-guest form, for validate
	signerCert        *x509.Certificate
}

// GuestPolicy is the decoded POLICY field.
type GuestPolicy struct {
	Raw                  string `json:"raw"`
	ABIMajor             uint8  `json:"abiMajor"`
	ABIMinor             uint8  `json:"abiMinor"`
	SMT                  bool   `json:"smt"`
	MigrateMA            bool   `json:"migrateMa"`
	Debug                bool   `json:"debug"`
	SingleSocket         bool   `json:"singleSocket"`
	CXLAllowed           bool   `json:"cxlAllowed"`
	MemAES256XTS         bool   `json:"memAes256Xts"`
	RAPLDisabled         bool   `json:"raplDisabled"`
	CiphertextHidingDRAM bool   `json:"ciphertextHidingDram"`
	PageSwapDisabled     bool   `json:"pageSwapDisabled"`
}

// TCB is a decoded TCB_VERSION: the security patch levels of each firmware component.
type TCB struct {
	Raw        string `json:"raw"`
	Bootloader uint8  `json:"bootloader"`
	TEE        uint8  `json:"tee"`
	SNP        uint8  `json:"snp"`
	Microcode  uint8  `json:"microcode"`
	parts      kds.TCBParts
}

// Parts returns the TCB in go-sev-guest's form.
func (t TCB) Parts() kds.TCBParts { return t.parts }

// CPUID is the family/model/stepping of the chip (report version 3 and later).
type CPUID struct {
	Family   uint8 `json:"family"`
	Model    uint8 `json:"model"`
	Stepping uint8 `json:"stepping"`
}

// Signer describes who signed the report.
type Signer struct {
	// Key is "VCEK", "VLEK" or "None".
	Key              string `json:"key"`
	MaskChipID       bool   `json:"maskChipId"`
	AuthorKeyEnabled bool   `json:"authorKeyEnabled"`
	// Certificate describes the endorsement certificate in the evidence, if it parses.
	Certificate *CertInfo `json:"certificate,omitempty"`
}

// CertInfo is a readable summary of an endorsement (VCEK or VLEK) certificate.
type CertInfo struct {
	Subject     string    `json:"subject"`
	Issuer      string    `json:"issuer"`
	Serial      string    `json:"serial"`
	NotBefore   time.Time `json:"notBefore"`
	NotAfter    time.Time `json:"notAfter"`
	ProductName string    `json:"productName,omitempty"`
	HWID        HexBytes  `json:"hwid,omitempty"`
	CSPID       string    `json:"cspId,omitempty"`
	TCB         *TCB      `json:"tcb,omitempty"`
}

// HexBytes renders as lowercase hex in JSON.
type HexBytes []byte

// MarshalText encodes the bytes as hex.
func (b HexBytes) MarshalText() ([]byte, error) { return []byte(hex.EncodeToString(b)), nil }

// UnmarshalText decodes hex.
func (b *HexBytes) UnmarshalText(text []byte) error {
	out, err := hex.DecodeString(string(text))
	if err != nil {
		return fmt.Errorf("decode hex: %w", err)
	}
	*b = out
	return nil
}

// ParseReport decodes the evidence for display without verifying anything. It fails with
// ErrReportTruncated, ErrReportOversized or ErrMalformedReport.
func ParseReport(ev Evidence) (*Report, error) {
	p, err := parseRaw(ev.Report)
	if err != nil {
		return nil, err
	}
	r := fromProto(p)
	if der := endorsementCert(ev.Certs, p); len(der) > 0 {
		if c, err := x509.ParseCertificate(der); err == nil {
			r.signerCert = c
			r.Signer.Certificate = certInfo(c, signingKey(p))
		}
	}
	return r, nil
}

// parseRaw checks the size and structure of a raw report.
func parseRaw(raw []byte) (*spb.Report, error) {
	switch {
	case len(raw) < ReportSize:
		return nil, fmt.Errorf("%w: %d bytes, want %d", ErrReportTruncated, len(raw), ReportSize)
	case len(raw) > ReportSize:
		return nil, fmt.Errorf("%w: %d bytes, want %d", ErrReportOversized, len(raw), ReportSize)
	}
	if err := abi.ValidateReportFormat(raw); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedReport, err)
	}
	if algo := abi.SignatureAlgo(raw); algo != abi.SignEcdsaP384Sha384 {
		return nil, fmt.Errorf("%w: signature algorithm %d, want ECDSA P-384 with SHA-384", ErrMalformedReport, algo)
	}
	p, err := abi.ReportToProto(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedReport, err)
	}
	return p, nil
}

func signingKey(p *spb.Report) abi.ReportSigner {
	info, err := abi.ParseSignerInfo(p.GetSignerInfo())
	if err != nil { // ReportToProto already refused reserved values
		return abi.NoneReportSigner
	}
	return info.SigningKey
}

func endorsementCert(c CertChain, p *spb.Report) []byte {
	switch signingKey(p) {
	case abi.VcekReportSigner:
		return c.VCEK
	case abi.VlekReportSigner:
		return c.VLEK
	default:
		return nil
	}
}

func fromProto(p *spb.Report) *Report {
	info, _ := abi.ParseSignerInfo(p.GetSignerInfo())
	pol, _ := abi.ParseSnpPolicy(p.GetPolicy())
	var m Measurement
	copy(m[:], p.GetMeasurement())
	r := &Report{
		Version:  p.GetVersion(),
		GuestSVN: p.GetGuestSvn(),
		Policy: GuestPolicy{
			Raw:                  fmt.Sprintf("0x%x", p.GetPolicy()),
			ABIMajor:             pol.ABIMajor,
			ABIMinor:             pol.ABIMinor,
			SMT:                  pol.SMT,
			MigrateMA:            pol.MigrateMA,
			Debug:                pol.Debug,
			SingleSocket:         pol.SingleSocket,
			CXLAllowed:           pol.CXLAllowed,
			MemAES256XTS:         pol.MemAES256XTS,
			RAPLDisabled:         pol.RAPLDis,
			CiphertextHidingDRAM: pol.CipherTextHidingDRAM,
			PageSwapDisabled:     pol.PageSwapDisable,
		},
		FamilyID:          p.GetFamilyId(),
		ImageID:           p.GetImageId(),
		VMPL:              p.GetVmpl(),
		SignatureAlgo:     "ECDSA-P384-SHA384",
		CurrentTCB:        tcbOf(p.GetCurrentTcb()),
		ReportedTCB:       tcbOf(p.GetReportedTcb()),
		CommittedTCB:      tcbOf(p.GetCommittedTcb()),
		LaunchTCB:         tcbOf(p.GetLaunchTcb()),
		PlatformInfo:      fmt.Sprintf("0x%x", p.GetPlatformInfo()),
		ReportData:        p.GetReportData(),
		Measurement:       m,
		HostData:          p.GetHostData(),
		IDKeyDigest:       p.GetIdKeyDigest(),
		AuthorKeyDigest:   p.GetAuthorKeyDigest(),
		ReportID:          p.GetReportId(),
		ReportIDMA:        p.GetReportIdMa(),
		ChipID:            p.GetChipId(),
		CurrentFirmware:   fmt.Sprintf("%d.%d build %d", p.GetCurrentMajor(), p.GetCurrentMinor(), p.GetCurrentBuild()),
		CommittedFirmware: fmt.Sprintf("%d.%d build %d", p.GetCommittedMajor(), p.GetCommittedMinor(), p.GetCommittedBuild()),
		Signer: Signer{
			Key:              info.SigningKey.String(),
			MaskChipID:       info.MaskChipKey,
			AuthorKeyEnabled: info.AuthorKeyEn,
		},
		proto: p,
	}
	if p.GetVersion() >= abi.ReportVersion3 {
		f, mo, s := abi.FmsFromCpuid1Eax(p.GetCpuid1EaxFms())
		r.CPUID = &CPUID{Family: f, Model: mo, Stepping: s}
	}
	return r
}

func tcbOf(v uint64) TCB {
	parts := kds.DecomposeTCBVersion(kds.TCBVersion(v))
	return TCB{
		Raw:        fmt.Sprintf("0x%016x", v),
		Bootloader: parts.BlSpl,
		TEE:        parts.TeeSpl,
		SNP:        parts.SnpSpl,
		Microcode:  parts.UcodeSpl,
		parts:      parts,
	}
}

func certInfo(c *x509.Certificate, key abi.ReportSigner) *CertInfo {
	ci := &CertInfo{
		Subject:   c.Subject.String(),
		Issuer:    c.Issuer.String(),
		Serial:    c.SerialNumber.Text(16),
		NotBefore: c.NotBefore.UTC(),
		NotAfter:  c.NotAfter.UTC(),
	}
	if key != abi.VcekReportSigner && key != abi.VlekReportSigner {
		return ci
	}
	exts, err := kds.CertificateExtensions(c, key)
	if err != nil {
		return ci
	}
	ci.ProductName = exts.ProductName
	if key == abi.VcekReportSigner {
		ci.HWID = exts.HWID
	}
	ci.CSPID = exts.CspID
	t := tcbOf(uint64(exts.TCBVersion))
	ci.TCB = &t
	return ci
}
