package access_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
)

// BenchmarkParseAndHash is the work a node does per request before any chain read.
func BenchmarkParseAndHash(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "canonical", "unified-nested.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c, err := access.ParseDocument(data)
		if err != nil {
			b.Fatal(err)
		}
		_ = c.Hash()
	}
}

// BenchmarkVerifyAuthSig is parsing and verifying one authSig (one ecrecover).
func BenchmarkVerifyAuthSig(b *testing.B) {
	key, err := crypto.GenerateKey()
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	sig, err := access.CreateAuthSig(key, access.AuthSigOptions{Now: now})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sig.Verify(access.VerifyOptions{Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}
