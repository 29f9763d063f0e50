// Command litnode is the litmesh node daemon. See internal/cli/litnode.
package main

import (
	"os"

	"github.com/litmesh/litmesh/internal/cli/litnode"
)

func main() { os.Exit(litnode.Main(os.Args[1:])) }
