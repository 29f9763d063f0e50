package attestation_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/go-sev-guest/kds"
	sevtest "github.com/google/go-sev-guest/testing"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/simulated"
)

var (
	release = measurementOf(0x11)
	other   = measurementOf(0x22)
)

func measurementOf(b byte) attestation.Measurement {
	var m attestation.Measurement
	for i := range m {
		m[i] = b
	}
	return m
}

func newSimulated(t *testing.T, opts ...simulated.Option) *simulated.Provider {
	t.Helper()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	opts = append([]simulated.Option{simulated.WithMeasurement(release), simulated.WithLogger(quiet)}, opts...)
	p, err := simulated.New(attestation.ModeDevnet, t.TempDir(), opts...)
	if err != nil {
		t.Fatalf("new simulated provider: %v", err)
	}
	return p
}

func devnetVerifier(t *testing.T) *attestation.Verifier {
	t.Helper()
	roots, err := simulated.Roots()
	if err != nil {
		t.Fatalf("simulated roots: %v", err)
	}
	v, err := attestation.NewVerifier(attestation.ModeDevnet, roots)
	if err != nil {
		t.Fatalf("new devnet verifier: %v", err)
	}
	return v
}

func productionVerifier(t *testing.T, opts ...attestation.VerifierOption) *attestation.Verifier {
	t.Helper()
	v, err := attestation.NewVerifier(attestation.ModeProduction, attestation.AMDRoots(), opts...)
	if err != nil {
		t.Fatalf("new production verifier: %v", err)
	}
	return v
}

func evidence(t *testing.T, p attestation.Provider, rd [attestation.ReportDataSize]byte) attestation.Evidence {
	t.Helper()
	ev, err := p.Evidence(context.Background(), rd)
	if err != nil {
		t.Fatalf("evidence: %v", err)
	}
	return ev
}

func binding(t *testing.T, pub []byte, op common.Address, nonce byte) [attestation.ReportDataSize]byte {
	t.Helper()
	var n [attestation.NonceSize]byte
	n[0] = nonce
	rd, err := attestation.ReportData(attestation.PurposePeer, pub, op, n)
	if err != nil {
		t.Fatalf("report data: %v", err)
	}
	return rd
}

var (
	roguesOnce sync.Once
	rogueKeys  *sevtest.AmdKeys
)

// rogueChainKeys is a second go-sev-guest-style AMD key chain that no verifier trusts. RSA-2048
// keeps key generation quick; the verifier never gets as far as the key sizes.
func rogueChainKeys(t *testing.T) *sevtest.AmdKeys {
	t.Helper()
	roguesOnce.Do(func() {
		ark, err1 := rsa.GenerateKey(rand.Reader, 2048)
		ask, err2 := rsa.GenerateKey(rand.Reader, 2048)
		vcek, err3 := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatalf("generate rogue keys: %v", err)
		}
		rogueKeys = &sevtest.AmdKeys{Ark: ark, Ask: ask, Asvk: ask, Vcek: vcek}
	})
	if rogueKeys == nil {
		t.Fatal("rogue keys unavailable")
	}
	return rogueKeys
}

func TestVerifyAcceptsASimulatedReportBoundToThisExchange(t *testing.T) {
	p := newSimulated(t)
	pub := []byte("peer-A-public-key")
	op := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	rd := binding(t, pub, op, 1)

	r, err := devnetVerifier(t).Verify(evidence(t, p, rd), rd, attestation.Policy{Measurements: []attestation.Measurement{other, release}})
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if r.Measurement != release {
		t.Errorf("measurement %s, want %s", r.Measurement, release)
	}
	if string(r.ReportData) != string(rd[:]) {
		t.Errorf("report data %x, want %x", r.ReportData, rd)
	}
	if r.Policy.Debug || r.Signer.Key != "VCEK" || r.Signer.Certificate == nil {
		t.Errorf("unexpected report details: debug=%v signer=%+v", r.Policy.Debug, r.Signer)
	}
}

func TestVerifyRefusesEachBadReportWithItsOwnReason(t *testing.T) {
	op := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	pubA, pubB := []byte("peer-A-public-key"), []byte("peer-B-public-key")
	fresh := binding(t, pubA, op, 2)
	allow := attestation.Policy{Measurements: []attestation.Measurement{release}}
	honest := newSimulated(t)

	tests := []struct {
		name   string
		ev     func(t *testing.T) attestation.Evidence
		policy attestation.Policy
		want   error
		reason string
	}{
		{
			name: "a report signed by a key chain the verifier does not trust",
			ev: func(t *testing.T) attestation.Evidence {
				return evidence(t, newSimulated(t, simulated.WithChainKeys(rogueChainKeys(t))), fresh)
			},
			policy: allow, want: attestation.ErrUntrustedChain, reason: "untrusted_chain",
		},
		{
			name:   "a replayed report made for an old nonce",
			ev:     func(t *testing.T) attestation.Evidence { return evidence(t, honest, binding(t, pubA, op, 1)) },
			policy: allow, want: attestation.ErrReportDataMismatch, reason: "report_data_mismatch",
		},
		{
			name:   "a report bound to another peer",
			ev:     func(t *testing.T) attestation.Evidence { return evidence(t, honest, binding(t, pubB, op, 2)) },
			policy: allow, want: attestation.ErrReportDataMismatch, reason: "report_data_mismatch",
		},
		{
			name: "a report bound to another operator",
			ev: func(t *testing.T) attestation.Evidence {
				return evidence(t, honest, binding(t, pubA, common.HexToAddress("0xbb"), 2))
			},
			policy: allow, want: attestation.ErrReportDataMismatch, reason: "report_data_mismatch",
		},
		{
			name:   "a measurement not on the allowlist",
			ev:     func(t *testing.T) attestation.Evidence { return evidence(t, honest, fresh) },
			policy: attestation.Policy{Measurements: []attestation.Measurement{other}},
			want:   attestation.ErrUnknownMeasurement, reason: "unknown_measurement",
		},
		{
			name:   "an empty allowlist",
			ev:     func(t *testing.T) attestation.Evidence { return evidence(t, honest, fresh) },
			policy: attestation.Policy{},
			want:   attestation.ErrUnknownMeasurement, reason: "unknown_measurement",
		},
		{
			name: "a guest policy that allows debugging",
			ev: func(t *testing.T) attestation.Evidence {
				return evidence(t, newSimulated(t, simulated.WithDebugPolicy()), fresh)
			},
			policy: allow, want: attestation.ErrDebugPolicy, reason: "debug_policy",
		},
		{
			name: "a TCB below the minimum",
			ev: func(t *testing.T) attestation.Evidence {
				return evidence(t, newSimulated(t, simulated.WithTCB(kds.TCBParts{BlSpl: 3, SnpSpl: 8, UcodeSpl: 115})), fresh)
			},
			policy: attestation.Policy{Measurements: allow.Measurements, MinTCB: kds.TCBParts{BlSpl: 3, SnpSpl: 22, UcodeSpl: 115}},
			want:   attestation.ErrTCBTooLow, reason: "tcb_too_low",
		},
		{
			name: "a report made at another VMPL",
			ev: func(t *testing.T) attestation.Evidence {
				return evidence(t, newSimulated(t, simulated.WithVMPL(2)), fresh)
			},
			policy: allow, want: attestation.ErrVMPL, reason: "vmpl_mismatch",
		},
		{
			name: "a truncated report",
			ev: func(t *testing.T) attestation.Evidence {
				ev := evidence(t, honest, fresh)
				ev.Report = ev.Report[:attestation.ReportSize-1]
				return ev
			},
			policy: allow, want: attestation.ErrReportTruncated, reason: "report_truncated",
		},
		{
			name: "an oversized report",
			ev: func(t *testing.T) attestation.Evidence {
				ev := evidence(t, honest, fresh)
				ev.Report = append(ev.Report, 0)
				return ev
			},
			policy: allow, want: attestation.ErrReportOversized, reason: "report_oversized",
		},
		{
			name: "a report altered after signing",
			ev: func(t *testing.T) attestation.Evidence {
				ev := evidence(t, honest, fresh)
				ev.Report[0x90] ^= 1 // first measurement byte
				return ev
			},
			policy: allow, want: attestation.ErrBadSignature, reason: "bad_signature",
		},
		{
			name: "a report without its VCEK certificate",
			ev: func(t *testing.T) attestation.Evidence {
				ev := evidence(t, honest, fresh)
				ev.Certs.VCEK = nil
				return ev
			},
			policy: allow, want: attestation.ErrUntrustedChain, reason: "untrusted_chain",
		},
		{
			name: "a report of an unknown format version",
			ev: func(t *testing.T) attestation.Evidence {
				ev := evidence(t, honest, fresh)
				ev.Report[0] = 9
				return ev
			},
			policy: allow, want: attestation.ErrMalformedReport, reason: "malformed_report",
		},
	}
	v := devnetVerifier(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := v.Verify(tc.ev(t), fresh, tc.policy)
			if !errors.Is(err, tc.want) {
				t.Fatalf("verify: got %v, want %v", err, tc.want)
			}
			if got := attestation.Reason(err); got != tc.reason {
				t.Errorf("reason %q, want %q (err: %v)", got, tc.reason, err)
			}
		})
	}
}

func TestProductionModeRefusesSimulatedReports(t *testing.T) {
	rd := binding(t, []byte("peer"), common.Address{}, 1)
	ev := evidence(t, newSimulated(t), rd)
	_, err := productionVerifier(t).Verify(ev, rd, attestation.Policy{Measurements: []attestation.Measurement{release}})
	if !errors.Is(err, attestation.ErrUntrustedChain) {
		t.Fatalf("production verify of a simulated report: got %v, want %v", err, attestation.ErrUntrustedChain)
	}
}

func TestProductionVerifierRefusesDevnetRoots(t *testing.T) {
	roots, err := simulated.Roots()
	if err != nil {
		t.Fatalf("simulated roots: %v", err)
	}
	if _, err := attestation.NewVerifier(attestation.ModeProduction, roots); !errors.Is(err, attestation.ErrDevnetRootsInProduction) {
		t.Fatalf("new production verifier with simulated roots: got %v, want %v", err, attestation.ErrDevnetRootsInProduction)
	}
}

func TestAMDRootsCoverMilanGenoaAndTurin(t *testing.T) {
	roots := attestation.AMDRoots()
	if roots.DevnetOnly() {
		t.Error("AMD roots marked devnet-only")
	}
	got := roots.ProductLines()
	want := []string{"Genoa", "Milan", "Turin"}
	if len(got) != len(want) {
		t.Fatalf("product lines %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("product lines %v, want %v", got, want)
		}
	}
}
