package testutil_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/litmesh/litmesh/internal/testutil"
)

// recorder is a testing.TB that records failures instead of ending the real test, so the
// helpers' failing paths can be checked.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = fmt.Sprintf(format, args...)
}

// Fatalf records the failure and ends the helper's goroutine, as testing.T's does.
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(r)
}

// run calls f with a recorder and reports what it recorded (a Fatalf's panic is caught).
func run(t *testing.T, f func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	func() {
		defer func() {
			if p := recover(); p != nil && p != r {
				panic(p)
			}
		}()
		f(r)
	}()
	return r
}

func TestWaitForReturnsOnceTheConditionHolds(t *testing.T) {
	var calls atomic.Int32
	r := run(t, func(tb testing.TB) {
		testutil.WaitFor(tb, time.Minute, "the third call", func() bool { return calls.Add(1) >= 3 })
	})
	if r.failed || calls.Load() != 3 {
		t.Fatalf("failed %v after %d calls", r.failed, calls.Load())
	}
}

func TestWaitForFailsAtTheDeadlineNamingTheCondition(t *testing.T) {
	r := run(t, func(tb testing.TB) {
		testutil.WaitFor(tb, 30*time.Millisecond, "a condition that never holds", func() bool { return false })
	})
	if !r.failed || !strings.Contains(r.msg, "waiting for") {
		t.Fatalf("failed %v, message %q", r.failed, r.msg)
	}
}

func TestGoldenComparesWithTheFile(t *testing.T) {
	if testutil.Update() {
		t.Skip("-update rewrites golden files; this test checks the comparison")
	}
	path := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(path, []byte("same\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, func(tb testing.TB) { testutil.Golden(tb, path, []byte("same\n")) }); r.failed {
		t.Fatalf("equal content failed: %s", r.msg)
	}
	if r := run(t, func(tb testing.TB) { testutil.Golden(tb, path, []byte("changed\n")) }); !r.failed {
		t.Fatal("different content passed")
	}
	missing := filepath.Join(t.TempDir(), "missing.golden")
	if r := run(t, func(tb testing.TB) { testutil.Golden(tb, missing, nil) }); !r.failed || !strings.Contains(r.msg, "-update") {
		t.Fatalf("a missing golden file: failed %v, message %q", r.failed, r.msg)
	}
}

func TestWriteGoldenCreatesTheDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "testdata", "sub", "y.golden")
	testutil.WriteGolden(t, path, []byte("data"))
	if b, err := os.ReadFile(path); err != nil || string(b) != "data" {
		t.Fatalf("%q, %v", b, err)
	}
}
