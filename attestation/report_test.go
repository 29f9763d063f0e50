package attestation_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/internal/testutil"
)

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), got)
}

func TestReportJSONIsReadableForOperators(t *testing.T) {
	r, err := attestation.ParseReport(milanEvidence())
	if err != nil {
		t.Fatalf("parse report: %v", err)
	}
	out, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatalf("marshal report: %v", err)
	}
	golden(t, "milan_report.json", append(out, '\n'))

	var back struct {
		Measurement string `json:"measurement"`
		Policy      struct {
			Debug bool `json:"debug"`
			SMT   bool `json:"smt"`
		} `json:"policy"`
		ReportedTCB struct {
			Microcode int `json:"microcode"`
		} `json:"reportedTcb"`
		Signer struct {
			Key         string `json:"key"`
			Certificate struct {
				ProductName string `json:"productName"`
			} `json:"certificate"`
		} `json:"signer"`
	}
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("unmarshal report JSON: %v", err)
	}
	if back.Measurement != milanMeasurement || !back.Policy.Debug || !back.Policy.SMT ||
		back.ReportedTCB.Microcode != 68 || back.Signer.Key != "VCEK" || back.Signer.Certificate.ProductName != "Milan-B0" {
		t.Errorf("report JSON lost fields: %+v", back)
	}
}

func TestParseReportRefusesWrongSizes(t *testing.T) {
	ev := milanEvidence()
	for _, tc := range []struct {
		name   string
		report []byte
		want   error
	}{
		{"empty", nil, attestation.ErrReportTruncated},
		{"one byte short", ev.Report[:attestation.ReportSize-1], attestation.ErrReportTruncated},
		{"one byte long", append(bytes.Clone(ev.Report), 0), attestation.ErrReportOversized},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := attestation.ParseReport(attestation.Evidence{Report: tc.report}); !errors.Is(err, tc.want) {
				t.Fatalf("parse: got %v, want %v", err, tc.want)
			}
		})
	}
}
