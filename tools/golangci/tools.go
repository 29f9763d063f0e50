//go:build tools

// Package tools pins golangci-lint for `just lint`, in its own module so the linter's
// dependencies never mix with the project's.
package tools

import _ "github.com/golangci/golangci-lint/v2/cmd/golangci-lint"
