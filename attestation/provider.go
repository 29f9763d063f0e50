package attestation

import (
	"context"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/google/go-sev-guest/abi"
)

// Kind names where evidence comes from. Its string values appear on the wire and in JSON.
type Kind string

// The provider kinds.
const (
	// KindSEVSNP is evidence from AMD SEV-SNP hardware, signed by the chip's VCEK or VLEK.
	KindSEVSNP Kind = "sev-snp"
	// KindSimulated is evidence signed with go-sev-guest's public test keys: devnet only.
	KindSimulated Kind = "simulated"
)

// Sizes fixed by the SEV-SNP ABI.
const (
	// ReportSize is the size of a raw SEV-SNP attestation report.
	ReportSize = abi.ReportSize
	// ReportDataSize is the size of the REPORT_DATA field.
	ReportDataSize = abi.ReportDataSize
	// MeasurementSize is the size of the MEASUREMENT field (a SHA-384 digest).
	MeasurementSize = abi.MeasurementSize
	// SealingKeySize is the size of the keystore's sealing key.
	SealingKeySize = 32
	// MaxCertSize bounds each DER certificate in a chain. AMD's largest (an RSA-4096 ARK) is
	// about 1.6 KB.
	MaxCertSize = 8 << 10
)

// Provider produces this node's attestation evidence and its sealing key.
type Provider interface {
	// Kind says which kind of evidence the provider produces.
	Kind() Kind
	// Evidence returns a signed report whose REPORT_DATA is reportData, with the certificate
	// chain that verifies it.
	Evidence(ctx context.Context, reportData [ReportDataSize]byte) (Evidence, error)
	// SealingKey returns the 32-byte key that encrypts the keystore at rest. It is stable
	// across restarts of the same release on the same machine. Never log it.
	SealingKey(ctx context.Context) ([SealingKeySize]byte, error)
}

// Evidence is a raw SEV-SNP attestation report and the certificates that came with it.
type Evidence struct {
	// Report is the raw little-endian report, exactly ReportSize bytes.
	Report []byte
	// Certs is the chain as the platform (or AMD's KDS) supplied it.
	Certs CertChain
}

// CertChain holds DER certificates. Verification uses only the endorsement key certificate
// (VCEK or VLEK, as the report's SIGNING_KEY says); the intermediates and the root come from the
// verifier's own Roots, never from here. ASK, ASVK and ARK are carried for display.
type CertChain struct {
	VCEK []byte
	VLEK []byte
	ASK  []byte
	ASVK []byte
	ARK  []byte
}

// Measurement is a launch measurement (SHA-384). Its text form is lowercase hex.
type Measurement [MeasurementSize]byte

// String returns the measurement in hex.
func (m Measurement) String() string { return hex.EncodeToString(m[:]) }

// MarshalText encodes the measurement as hex.
func (m Measurement) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText decodes hex, with or without a 0x prefix.
func (m *Measurement) UnmarshalText(text []byte) error {
	parsed, err := ParseMeasurement(string(text))
	if err != nil {
		return err
	}
	*m = parsed
	return nil
}

// ParseMeasurement decodes a 48-byte measurement from hex, with or without a 0x prefix.
func ParseMeasurement(s string) (Measurement, error) {
	var m Measurement
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 2*MeasurementSize {
		return m, fmt.Errorf("parse measurement: want %d hex digits, got %d", 2*MeasurementSize, len(s))
	}
	if _, err := hex.Decode(m[:], []byte(s)); err != nil {
		return m, fmt.Errorf("parse measurement: %w", err)
	}
	return m, nil
}

// MeasureFile returns the SHA-384 of a file's contents. The simulated provider reports this
// for its own executable, so a devnet's allowlist can name the exact binary it runs.
func MeasureFile(path string) (Measurement, error) {
	var m Measurement
	f, err := os.Open(path)
	if err != nil {
		return m, fmt.Errorf("measure %s: %w", path, err)
	}
	defer f.Close()
	h := sha512.New384()
	if _, err := io.Copy(h, f); err != nil {
		return m, fmt.Errorf("measure %s: %w", path, err)
	}
	copy(m[:], h.Sum(nil))
	return m, nil
}

// MeasureExecutable returns the SHA-384 of the running executable.
func MeasureExecutable() (Measurement, error) {
	path, err := os.Executable()
	if err != nil {
		return Measurement{}, fmt.Errorf("measure executable: %w", err)
	}
	return MeasureFile(path)
}
