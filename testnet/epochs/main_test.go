package epochs_test

import (
	"os"
	"testing"

	"github.com/litmesh/litmesh/runtime"
)

// TestMain lets the nodes' Lit Action runtimes re-execute this test binary as their workers.
func TestMain(m *testing.M) {
	runtime.RunWorkerIfRequested()
	os.Exit(m.Run())
}
