// Command litnode is the litmesh node daemon. See internal/cli/litnode.
package main

import (
	"os"

	"github.com/litmesh/litmesh/internal/cli/litnode"
	"github.com/litmesh/litmesh/runtime"
)

func main() {
	// A Lit Action worker process is this binary re-executed; it never returns from here.
	runtime.RunWorkerIfRequested()
	os.Exit(litnode.Main(os.Args[1:]))
}
