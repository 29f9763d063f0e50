package ipfs_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/litmesh/litmesh/ipfs"
)

func BenchmarkCIDOf1MiB(b *testing.B) {
	data := genBytes("litmesh/ipfs/bench/cidof", 1<<20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ipfs.CIDOf(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBitswapFetchSmall is one Cat of a 2 KiB file (a typical Lit Action) that only
// the other loopback host has: session setup, want-have/want-block, verify, store.
func BenchmarkBitswapFetchSmall(b *testing.B) {
	ctx := context.Background()
	hOrigin, hNode := newHost(b), newHost(b)
	origin, node := newService(b, hOrigin), newService(b, hNode)
	connect(b, hNode, hOrigin)
	i := 0
	for b.Loop() {
		b.StopTimer()
		content := genBytes(fmt.Sprintf("litmesh/ipfs/bench/fetch/%d", i), 2048)
		i++
		root, err := origin.Add(ctx, bytes.NewReader(content))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		got, err := node.Cat(ctx, root, 1<<20)
		if err != nil || len(got) != len(content) {
			b.Fatalf("cat: %d bytes, %v", len(got), err)
		}
	}
}
