package ipfs_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/litmesh/litmesh/ipfs"
)

// Unpinned content is collected; pinned content stays, across a restart too.
func TestGarbageCollectionKeepsOnlyPins(t *testing.T) {
	ctx := testContext(t)
	dir := t.TempDir()
	h := newHost(t)
	s, err := ipfs.New(h, dir, ipfs.WithCacheFor(0), ipfs.WithGCInterval(0))
	if err != nil {
		t.Fatal(err)
	}
	kept := genBytes("kept", 600<<10) // several blocks
	pinned, err := s.AddFor(ctx, bytes.NewReader(kept), int64(len(kept)), "0xAlice")
	if err != nil {
		t.Fatal(err)
	}
	junk, err := s.Add(ctx, bytes.NewReader(genBytes("junk", 300<<10)))
	if err != nil {
		t.Fatal(err)
	}
	removed, err := s.GC(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if removed < 2 {
		t.Fatalf("GC removed %d blocks, want the unpinned file's", removed)
	}
	if ok, err := s.HasAll(ctx, junk); err != nil || ok {
		t.Fatalf("the unpinned file survived collection: %v %v", ok, err)
	}
	if ok, err := s.HasAll(ctx, pinned); err != nil || !ok {
		t.Fatalf("the pinned file was collected: %v %v", ok, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := ipfs.New(h, dir, ipfs.WithCacheFor(0), ipfs.WithGCInterval(0))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if owners, ok := s2.Pinned(pinned); !ok || len(owners) != 1 || owners[0] != "0xAlice" {
		t.Fatalf("after a restart the pin is %v %v", owners, ok)
	}
	if _, err := s2.GC(ctx); err != nil {
		t.Fatal(err)
	}
	data, err := s2.Cat(ctx, pinned, 1<<20)
	if err != nil || !bytes.Equal(data, kept) {
		t.Fatalf("the pinned file after a restart and a collection: %v", err)
	}
}

// Content touched recently survives collection unpinned (an action's code is a cache).
func TestGarbageCollectionSparesRecentContent(t *testing.T) {
	ctx := testContext(t)
	s := newService(t, newHost(t), ipfs.WithGCInterval(0))
	c, err := s.Add(ctx, bytes.NewReader(genBytes("recent", 1000)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.GC(ctx); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.HasAll(ctx, c); err != nil || !ok {
		t.Fatalf("recently added content was collected: %v %v", ok, err)
	}
}

// Each owner may keep its quota, all owners together the store's; a pin of someone else's
// large file is refused before more than the quota is fetched.
func TestQuotasBoundWhatOwnersKeep(t *testing.T) {
	ctx := testContext(t)
	h1, h2 := newHost(t), newHost(t)
	s := newService(t, h1, ipfs.WithQuotas(1<<20, 2<<20), ipfs.WithGCInterval(0), ipfs.WithCacheFor(0))
	add := func(owner, seed string) error {
		data := genBytes(seed, 600<<10)
		_, err := s.AddFor(ctx, bytes.NewReader(data), int64(len(data)), owner)
		return err
	}
	for _, tc := range []struct {
		owner, seed string
		quota       bool
	}{
		{"alice", "a1", false},
		{"alice", "a2", true}, // 1.2 MiB > 1 MiB
		{"bob", "b1", false},
		{"carol", "c1", false}, // 1.8 MiB of 2 MiB in all
		{"dave", "d1", true},   // 2.4 MiB > 2 MiB
		{ipfs.OwnerNode, "n1", false},
	} {
		err := add(tc.owner, tc.seed)
		if tc.quota != errors.Is(err, ipfs.ErrQuota) {
			t.Fatalf("%s adds %s: %v (want quota refusal: %v)", tc.owner, tc.seed, err, tc.quota)
		}
	}

	// Another node holds a 3 MiB file; pinning it here for eve stops at eve's quota.
	other := newService(t, h2)
	big, err := other.Add(ctx, bytes.NewReader(genBytes("big", 3<<20)))
	if err != nil {
		t.Fatal(err)
	}
	connect(t, h1, h2)
	err = s.PinFor(ctx, big, "eve")
	if !errors.Is(err, ipfs.ErrQuota) {
		t.Fatalf("pinning 3 MiB for an owner with less room: %v", err)
	}
	if _, ok := s.Pinned(big); ok {
		t.Fatal("the refused pin was recorded")
	}
	if removed, err := s.GC(ctx); err != nil || removed == 0 {
		t.Fatalf("the refused pin's fetched blocks were not collected: %d %v", removed, err)
	}
}
