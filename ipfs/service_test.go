package ipfs_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/ipfs"
)

func TestAddThenPinAndCatOverBitswap(t *testing.T) {
	ctx := testContext(t)
	ha, hb, hc := newHost(t), newHost(t), newHost(t)
	a, b, c := newService(t, ha), newService(t, hb), newService(t, hc)
	connect(t, hb, ha)
	connect(t, hc, hb)

	content := genBytes("litmesh/ipfs/test/bitswap", 600_000) // three leaves and a root
	root, err := a.Add(ctx, bytes.NewReader(content))
	if err != nil {
		t.Fatalf("add: %v", err)
	}
	want, err := ipfs.CIDOf(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if !root.Equals(want) {
		t.Fatalf("Add returned %s, CIDOf says %s", root, want)
	}

	if has, err := b.HasAll(ctx, root); err != nil || has {
		t.Fatalf("before pinning, b.HasAll = %v, %v; want false", has, err)
	}
	if err := b.Pin(ctx, root); err != nil {
		t.Fatalf("pin on b: %v", err)
	}
	if has, err := b.HasAll(ctx, root); err != nil || !has {
		t.Fatalf("after pinning, b.HasAll = %v, %v; want true", has, err)
	}

	// With a gone, c can only get the file from what b pinned.
	if err := a.Close(); err != nil {
		t.Fatalf("close a: %v", err)
	}
	ha.Close()
	got, err := c.Cat(ctx, root, int64(len(content)))
	if err != nil {
		t.Fatalf("cat on c: %v", err)
	}
	if !bytes.Equal(got, content) {
		t.Fatalf("cat on c returned %d bytes that differ from the %d added", len(got), len(content))
	}
}

func TestPeerRefusedByFilterCannotFetch(t *testing.T) {
	ctx := testContext(t)
	hServer, hTrusted, hStranger := newHost(t), newHost(t), newHost(t)
	server := newService(t, hServer, ipfs.WithPeerFilter(func(p peer.ID) bool { return p != hStranger.ID() }))
	trusted := newService(t, hTrusted, ipfs.WithTimeout(20*time.Second))
	stranger := newService(t, hStranger, ipfs.WithTimeout(1500*time.Millisecond))
	connect(t, hTrusted, hServer)
	connect(t, hStranger, hServer)

	root, err := server.Add(ctx, bytes.NewReader([]byte("only for attested peers")))
	if err != nil {
		t.Fatal(err)
	}

	_, err = stranger.Cat(ctx, root, 1<<20)
	var nf *ipfs.NotFoundError
	if !errors.As(err, &nf) || !errors.Is(err, ipfs.ErrNotFound) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("refused peer's cat = %v, want a NotFoundError", err)
	}
	if nf.Peers != 1 {
		t.Errorf("NotFoundError.Peers = %d, want 1 (the server it was refused by)", nf.Peers)
	}
	if has, err := stranger.HasAll(ctx, root); err != nil || has {
		t.Fatalf("refused peer stored the file: HasAll = %v, %v", has, err)
	}

	got, err := trusted.Cat(ctx, root, 1<<20)
	if err != nil || string(got) != "only for attested peers" {
		t.Fatalf("trusted peer's cat = %q, %v", got, err)
	}
}

func TestConfiguredIPFSPeerIsDialedAndAsked(t *testing.T) {
	ctx := testContext(t)
	hOrigin, hNode := newHost(t), newHost(t)
	origin := newService(t, hOrigin)
	root, err := origin.Add(ctx, bytes.NewReader([]byte("served by an IPFS peer the node was told about")))
	if err != nil {
		t.Fatal(err)
	}
	addr := hOrigin.Addrs()[0].String() + "/p2p/" + hOrigin.ID().String()
	node := newService(t, hNode, ipfs.WithIPFSPeers(addr))

	// Not connected beforehand: the node dials the configured peer itself.
	got, err := node.Cat(ctx, root, 1<<10)
	if err != nil {
		t.Fatalf("cat: %v", err)
	}
	if string(got) != "served by an IPFS peer the node was told about" {
		t.Fatalf("cat returned %q", got)
	}
}

func TestCatEnforcesMaxSize(t *testing.T) {
	ctx := testContext(t)
	ha, hb := newHost(t), newHost(t)
	a, b := newService(t, ha), newService(t, hb)
	connect(t, hb, ha)

	small := genBytes("litmesh/ipfs/test/small", 1000)
	big := genBytes("litmesh/ipfs/test/big", 700_000)
	smallCID, err := a.Add(ctx, bytes.NewReader(small))
	if err != nil {
		t.Fatal(err)
	}
	bigCID, err := a.Add(ctx, bytes.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	emptyCID, err := a.Add(ctx, bytes.NewReader(nil))
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		svc     *ipfs.Service
		cid     string
		max     int64
		wantLen int
		wantErr error
	}{
		{"a local file at exactly the limit is returned", a, smallCID.String(), 1000, 1000, nil},
		{"a local file one byte over the limit is refused", a, smallCID.String(), 999, 0, ipfs.ErrTooLarge},
		{"a zero limit refuses a non-empty file", a, smallCID.String(), 0, 0, ipfs.ErrTooLarge},
		{"a remote multi-block file over the limit is refused by its declared size", b, bigCID.String(), 500_000, 0, ipfs.ErrTooLarge},
		{"a remote multi-block file within the limit is returned", b, bigCID.String(), 700_000, 700_000, nil},
		{"an empty file fits a zero limit", a, emptyCID.String(), 0, 0, nil},
		{"the largest limit does not overflow", b, bigCID.String(), math.MaxInt64, 700_000, nil},
		{"a negative limit is an error", a, smallCID.String(), -1, 0, errors.New("any")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ipfs.ParseCID(tt.cid)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tt.svc.Cat(ctx, c, tt.max)
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("cat: %v", err)
			case tt.wantErr != nil && err == nil:
				t.Fatalf("cat returned %d bytes, want an error", len(got))
			case errors.Is(tt.wantErr, ipfs.ErrTooLarge) && !errors.Is(err, ipfs.ErrTooLarge):
				t.Fatalf("cat error %v, want ErrTooLarge", err)
			}
			if len(got) != tt.wantLen {
				t.Fatalf("cat returned %d bytes, want %d", len(got), tt.wantLen)
			}
		})
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	h := newHost(t)
	tests := []struct {
		name string
		opts []ipfs.Option
	}{
		{"a gateway with a non-HTTP scheme", []ipfs.Option{ipfs.WithGateways("ftp://example.org")}},
		{"a gateway URL with a query", []ipfs.Option{ipfs.WithGateways("https://example.org/?x=1")}},
		{"an IPFS peer without /p2p/", []ipfs.Option{ipfs.WithIPFSPeers("/ip4/127.0.0.1/tcp/4001")}},
		{"a zero timeout", []ipfs.Option{ipfs.WithTimeout(0)}},
		{"the same option twice", []ipfs.Option{ipfs.WithTimeout(time.Second), ipfs.WithTimeout(2 * time.Second)}},
		{"a nil peer filter", []ipfs.Option{ipfs.WithPeerFilter(nil)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ipfs.New(h, t.TempDir(), tt.opts...)
			if err == nil {
				s.Close()
				t.Fatal("New accepted the options")
			}
		})
	}
}

func TestBlockstorePersistsAcrossRestart(t *testing.T) {
	ctx := testContext(t)
	dir := t.TempDir()
	h := newHost(t)
	s, err := ipfs.New(h, dir)
	if err != nil {
		t.Fatal(err)
	}
	content := genBytes("litmesh/ipfs/test/persist", 300_000)
	root, err := s.Add(ctx, bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = ipfs.New(h, dir, ipfs.WithTimeout(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Cat(ctx, root, int64(len(content)))
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("after reopening, cat = %d bytes, %v", len(got), err)
	}
}
