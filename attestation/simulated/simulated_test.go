package simulated_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/simulated"
)

var quiet = simulated.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))

func TestNewRefusesEverythingButDevnetMode(t *testing.T) {
	for _, mode := range []attestation.Mode{attestation.ModeProduction, 0, 7} {
		_, err := simulated.New(mode, t.TempDir(), quiet)
		if !errors.Is(err, simulated.ErrProductionMode) {
			t.Errorf("New in %v: got %v, want %v", mode, err, simulated.ErrProductionMode)
		}
	}
}

func TestNewWarnsLoudlyThatAttestationIsSimulated(t *testing.T) {
	var logs bytes.Buffer
	l := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if _, err := simulated.New(attestation.ModeDevnet, t.TempDir(), simulated.WithLogger(l)); err != nil {
		t.Fatalf("new: %v", err)
	}
	out := logs.String()
	if !strings.Contains(out, `"level":"WARN"`) || !strings.Contains(out, "SIMULATED") || !strings.Contains(out, `"kind":"simulated"`) {
		t.Errorf("no loud warning logged: %q", out)
	}
}

func TestDefaultMeasurementIsTheRunningExecutable(t *testing.T) {
	p, err := simulated.New(attestation.ModeDevnet, t.TempDir(), quiet)
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	want, err := attestation.MeasureExecutable()
	if err != nil {
		t.Fatalf("measure executable: %v", err)
	}
	if p.Measurement() != want {
		t.Errorf("measurement %s, want the executable's %s", p.Measurement(), want)
	}
	ev, err := p.Evidence(context.Background(), [attestation.ReportDataSize]byte{1})
	if err != nil {
		t.Fatalf("evidence: %v", err)
	}
	r, err := attestation.ParseReport(ev)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if r.Measurement != want || r.ReportData[0] != 1 || p.Kind() != attestation.KindSimulated {
		t.Errorf("report measurement %s, report data %x, kind %q", r.Measurement, r.ReportData[:4], p.Kind())
	}
}

func TestSealingKeyIsAPrivateFileThatSurvivesRestarts(t *testing.T) {
	dir := t.TempDir()
	key := func(dir string) [attestation.SealingKeySize]byte {
		t.Helper()
		p, err := simulated.New(attestation.ModeDevnet, dir, quiet, simulated.WithMeasurement(attestation.Measurement{}))
		if err != nil {
			t.Fatalf("new: %v", err)
		}
		k, err := p.SealingKey(context.Background())
		if err != nil {
			t.Fatalf("sealing key: %v", err)
		}
		return k
	}
	first := key(dir)
	st, err := os.Stat(filepath.Join(dir, simulated.SealingKeyFile))
	if err != nil {
		t.Fatalf("stat key file: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", st.Mode().Perm())
	}
	if first == ([attestation.SealingKeySize]byte{}) {
		t.Error("all-zero sealing key")
	}
	if key(dir) != first {
		t.Error("sealing key changed after a restart")
	}
	if key(t.TempDir()) == first {
		t.Error("two nodes share a sealing key")
	}
}

func TestSealingKeyRefusesAnUnsafeOrDamagedFile(t *testing.T) {
	for name, tc := range map[string]struct {
		content string
		mode    os.FileMode
	}{
		"a world-readable key file":  {strings.Repeat("ab", 32), 0o644},
		"a key file that is not hex": {strings.Repeat("zz", 32), 0o600},
		"a short key file":           {strings.Repeat("ab", 31), 0o600},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, simulated.SealingKeyFile)
			if err := os.WriteFile(path, []byte(tc.content), tc.mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tc.mode); err != nil {
				t.Fatal(err)
			}
			p, err := simulated.New(attestation.ModeDevnet, dir, quiet, simulated.WithMeasurement(attestation.Measurement{}))
			if err != nil {
				t.Fatalf("new: %v", err)
			}
			if _, err := p.SealingKey(context.Background()); err == nil {
				t.Fatal("accepted")
			} else if strings.Contains(err.Error(), tc.content[:8]) {
				t.Errorf("error echoes key material: %v", err)
			}
		})
	}
}
