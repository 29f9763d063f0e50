// Package testutil holds the helpers the tests share: waiting on a condition with a deadline,
// and golden files under one -update flag (go test ./pkg -run TestX -update rewrites them).
//
// Only _test.go files import it (internal/deptest enforces that): it registers a flag, and
// nothing in a binary may.
package testutil

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata instead of comparing with them")

// Update reports whether this run rewrites golden files (-update).
func Update() bool { return *update }

// pollEvery is how often WaitFor re-checks its condition.
const pollEvery = 10 * time.Millisecond

// WaitFor polls cond until it holds; if it still does not after timeout, the test fails
// with "timed out after <timeout> waiting for <what>". A deadline, never a fixed sleep: the
// test goes on the moment the condition holds.
func WaitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline.C:
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		case <-tick.C:
		}
	}
}

// Golden compares got with the golden file at path (relative to the test's package, usually
// under testdata/). With -update it first writes got there, creating the directory.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		WriteGolden(t, path, got)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file: %v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run the test with -update if the change is intended):\n got: %s\nwant: %s", path, got, want)
	}
}

// WriteGolden writes a golden file (for tests that compare it their own way after -update).
func WriteGolden(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil { //nolint:gosec // testdata is committed and world-readable like the rest of the repository
		t.Fatalf("update golden file: %v", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil { //nolint:gosec // a golden file is committed test data, world-readable like the rest of the repository
		t.Fatalf("update golden file: %v", err)
	}
}
