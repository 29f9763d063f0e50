// Package deptest holds the test that enforces litmesh's import rules (deps_test.go): which
// packages may depend on which, checked against `go list`'s dependency graph of the module.
// It has no code of its own.
package deptest
