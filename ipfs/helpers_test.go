package ipfs_test

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/ipfs"
)

// genBytes is the generator the golden vectors were recorded with:
// sha256(seed || uint64_be(0)) || sha256(seed || uint64_be(1)) || ..., truncated to size.
func genBytes(seed string, size int) []byte {
	out := make([]byte, 0, size+sha256.Size)
	var ctr [8]byte
	for i := uint64(0); len(out) < size; i++ {
		binary.BigEndian.PutUint64(ctr[:], i)
		h := sha256.New()
		h.Write([]byte(seed))
		h.Write(ctr[:])
		out = h.Sum(out)
	}
	return out[:size]
}

// newHost starts a libp2p host on loopback TCP, closed with the test.
func newHost(tb testing.TB) host.Host {
	tb.Helper()
	h, err := libp2p.New(
		libp2p.ListenAddrStrings("/ip4/127.0.0.1/tcp/0"),
		libp2p.DisableRelay(),
	)
	if err != nil {
		tb.Fatalf("start host: %v", err)
	}
	tb.Cleanup(func() { h.Close() })
	return h
}

// newService runs the IPFS layer on h with its blockstore in a temporary directory.
func newService(tb testing.TB, h host.Host, opts ...ipfs.Option) *ipfs.Service {
	tb.Helper()
	s, err := ipfs.New(h, tb.TempDir(), opts...)
	if err != nil {
		tb.Fatalf("new service: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close service: %v", err)
		}
	})
	return s
}

// connect dials b from a.
func connect(tb testing.TB, a, b host.Host) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := a.Connect(ctx, peer.AddrInfo{ID: b.ID(), Addrs: b.Addrs()}); err != nil {
		tb.Fatalf("connect %s → %s: %v", a.ID(), b.ID(), err)
	}
}

func testContext(tb testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	tb.Cleanup(cancel)
	return ctx
}
