package attestation_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"testing"
	"time"

	"github.com/google/go-sev-guest/verify/testdata"

	"github.com/litmesh/litmesh/attestation"
)

// The real SEV-SNP report go-sev-guest ships: made on an AMD Milan-B0 machine (VM launched with
// the debug policy bit set and without an ID block), signed by that chip's VCEK, whose
// certificate AMD's KDS issued on 2022-09-24, valid until 2029-09-24.
const milanMeasurement = "b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01"

// milanTime is inside the VCEK certificate's validity, so the test does not depend on today.
var milanTime = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func milanEvidence() attestation.Evidence {
	return attestation.Evidence{
		Report: bytes.Clone(testdata.AttestationBytes),
		Certs:  attestation.CertChain{VCEK: bytes.Clone(testdata.VcekBytes)},
	}
}

func milanReportData() [attestation.ReportDataSize]byte {
	return [attestation.ReportDataSize]byte{1, 2, 3, 4, 5}
}

func milanPolicy(t *testing.T) attestation.Policy {
	t.Helper()
	m, err := attestation.ParseMeasurement(milanMeasurement)
	if err != nil {
		t.Fatalf("parse measurement: %v", err)
	}
	return attestation.Policy{Measurements: []attestation.Measurement{m}}
}

func TestRealMilanReportAuthenticatesUnderAMDRoots(t *testing.T) {
	v := productionVerifier(t, attestation.WithClock(func() time.Time { return milanTime }))
	r, err := v.Authenticate(milanEvidence())
	if err != nil {
		t.Fatalf("authenticate the real Milan report: %v", err)
	}
	if r.Measurement.String() != milanMeasurement {
		t.Errorf("measurement %s, want %s", r.Measurement, milanMeasurement)
	}
	if r.Signer.Certificate == nil || r.Signer.Certificate.ProductName != "Milan-B0" {
		t.Errorf("signer certificate %+v, want a Milan-B0 VCEK", r.Signer.Certificate)
	}
	if got := r.ReportedTCB; got.Bootloader != 2 || got.SNP != 5 || got.Microcode != 68 {
		t.Errorf("reported TCB %+v, want bootloader 2, SNP 5, microcode 68", got)
	}
}

// The whole Verify path on the real report: chain, signature, REPORT_DATA and measurement all
// pass, and then the report is refused for what it is, a debuggable VM.
func TestRealMilanReportIsRefusedOnlyForItsDebugPolicy(t *testing.T) {
	v := productionVerifier(t, attestation.WithClock(func() time.Time { return milanTime }))
	_, err := v.Verify(milanEvidence(), milanReportData(), milanPolicy(t))
	if !errors.Is(err, attestation.ErrDebugPolicy) {
		t.Fatalf("verify the real Milan report: got %v, want %v", err, attestation.ErrDebugPolicy)
	}
	_, err = v.Verify(milanEvidence(), [attestation.ReportDataSize]byte{9}, milanPolicy(t))
	if !errors.Is(err, attestation.ErrReportDataMismatch) {
		t.Fatalf("verify the real Milan report against other report data: got %v, want %v", err, attestation.ErrReportDataMismatch)
	}
}

func TestRealMilanReportFailsAfterAOneByteChange(t *testing.T) {
	v := productionVerifier(t, attestation.WithClock(func() time.Time { return milanTime }))
	named := []struct {
		name string
		at   int
		xor  byte
		want error
	}{
		{"report data", 0x50, 0x01, attestation.ErrBadSignature},
		{"measurement", 0x90, 0x01, attestation.ErrBadSignature},
		{"reported TCB", 0x180, 0x01, attestation.ErrBadSignature},
		{"chip ID", 0x1a0, 0x01, attestation.ErrBadSignature},
		{"signature R", 0x2a0, 0x01, attestation.ErrBadSignature},
		{"signature S", 0x2a0 + 0x48, 0x01, attestation.ErrBadSignature},
		{"report version (2 to 3, still a known version)", 0x00, 0x01, attestation.ErrBadSignature},
		{"report version (2 to 10, unknown)", 0x00, 0x08, attestation.ErrMalformedReport},
		{"a reserved must-be-zero byte", 0x1eb, 0x01, attestation.ErrMalformedReport},
	}
	for _, tc := range named {
		t.Run(tc.name, func(t *testing.T) {
			ev := milanEvidence()
			ev.Report[tc.at] ^= tc.xor
			if _, err := v.Authenticate(ev); !errors.Is(err, tc.want) {
				t.Fatalf("authenticate with byte 0x%x flipped: got %v, want %v", tc.at, err, tc.want)
			}
		})
	}
	t.Run("any byte", func(t *testing.T) {
		for at := 3; at < attestation.ReportSize; at += 41 {
			ev := milanEvidence()
			ev.Report[at] ^= 0x80
			if _, err := v.Authenticate(ev); err == nil {
				t.Errorf("authenticate with byte 0x%x flipped: accepted", at)
			}
		}
	})
	t.Run("VCEK certificate", func(t *testing.T) {
		ev := milanEvidence()
		ev.Certs.VCEK[len(ev.Certs.VCEK)-1] ^= 0x01 // inside the ASK's signature over the VCEK
		if _, err := v.Authenticate(ev); !errors.Is(err, attestation.ErrUntrustedChain) {
			t.Fatalf("authenticate with the VCEK certificate altered: got %v, want %v", err, attestation.ErrUntrustedChain)
		}
	})
}

func TestRealMilanReportIsRefusedByADevnetVerifier(t *testing.T) {
	_, err := devnetVerifier(t).Authenticate(milanEvidence())
	if !errors.Is(err, attestation.ErrUntrustedChain) {
		t.Fatalf("devnet verifier on a real report: got %v, want %v", err, attestation.ErrUntrustedChain)
	}
}

func TestRealMilanReportIsRefusedOnceItsVCEKExpired(t *testing.T) {
	v := productionVerifier(t, attestation.WithClock(func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }))
	if _, err := v.Authenticate(milanEvidence()); !errors.Is(err, attestation.ErrUntrustedChain) {
		t.Fatalf("authenticate after the VCEK expired: got %v, want %v", err, attestation.ErrUntrustedChain)
	}
}

func TestParseMeasurementAcceptsHexWithOrWithoutPrefix(t *testing.T) {
	for _, s := range []string{milanMeasurement, "0x" + milanMeasurement} {
		m, err := attestation.ParseMeasurement(s)
		if err != nil || hex.EncodeToString(m[:]) != milanMeasurement {
			t.Errorf("ParseMeasurement(%q) = %s, %v", s, m, err)
		}
	}
	for _, s := range []string{"", milanMeasurement[:94], milanMeasurement + "00", "zz" + milanMeasurement[2:]} {
		if _, err := attestation.ParseMeasurement(s); err == nil {
			t.Errorf("ParseMeasurement(%q) accepted", s)
		}
	}
}
