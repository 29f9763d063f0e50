// Command lit is the litmesh developer CLI. Invoked under the name litnode it is the node
// daemon instead, which is how `lit devnet up` runs real litnode processes without a separate
// build. See internal/cli/lit and internal/cli/litnode.
package main

import (
	"os"
	"path/filepath"

	"github.com/litmesh/litmesh/internal/cli/lit"
	"github.com/litmesh/litmesh/internal/cli/litnode"
	"github.com/litmesh/litmesh/runtime"
)

func main() {
	// A Lit Action worker process is this binary re-executed; it never returns from here.
	runtime.RunWorkerIfRequested()
	if filepath.Base(os.Args[0]) == "litnode" {
		os.Exit(litnode.Main(os.Args[1:]))
	}
	os.Exit(lit.Main(os.Args[1:]))
}
