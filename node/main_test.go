package node_test

import (
	"os"
	"testing"

	"github.com/litmesh/litmesh/runtime"
)

// TestMain lets the Lit Action runtimes of the nodes these tests start re-execute this test
// binary as their workers.
func TestMain(m *testing.M) {
	runtime.RunWorkerIfRequested()
	os.Exit(m.Run())
}
