package ecdsa_test

import (
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

func TestPoolHandsEachPresignatureOutOnceUnderConcurrentTakes(t *testing.T) {
	d := newDealer(t, 4, 1)
	signers := []int{2, 0, 1}
	ps := mustPresign(t, d, signers, 16)[0]
	pool := ecdsa.NewPool(64)
	if err := pool.Put(ps...); err != nil {
		t.Fatal(err)
	}
	ids := pool.IDs([]int{0, 1, 2}) // any order of the same set
	if len(ids) != len(ps) {
		t.Fatalf("pool lists %d presignatures, want %d", len(ids), len(ps))
	}
	for i := range ps {
		if ids[i] != ps[i].ID() {
			t.Fatal("IDs are not oldest first")
		}
	}
	const takers = 8
	var wins, used atomic.Int32
	var wg sync.WaitGroup
	for _, id := range ids {
		for range takers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := pool.Take(id)
				switch {
				case err == nil && got.ID() == id:
					wins.Add(1)
				case errors.Is(err, ecdsa.ErrUsed):
					used.Add(1)
				default:
					t.Errorf("take %s: %v", id, err)
				}
			}()
		}
	}
	wg.Wait()
	if int(wins.Load()) != len(ids) || int(used.Load()) != len(ids)*(takers-1) {
		t.Fatalf("%d takes won, %d said used; want %d and %d", wins.Load(), used.Load(), len(ids), len(ids)*(takers-1))
	}
	if n := pool.Len(signers); n != 0 {
		t.Fatalf("%d left in the pool", n)
	}
	if err := pool.Put(ps[0]); !errors.Is(err, ecdsa.ErrUsed) {
		t.Fatalf("putting a taken presignature back: %v, want ErrUsed", err)
	}
}

func TestPoolIsBoundedPerSignerSetAndKnowsNothingElse(t *testing.T) {
	d := newDealer(t, 4, 1)
	a := mustPresign(t, d, []int{0, 1, 2}, 3)[0]
	b := mustPresign(t, d, []int{1, 2, 3}, 1)[0]
	pool := ecdsa.NewPool(2)
	if err := pool.Put(a...); !errors.Is(err, ecdsa.ErrPoolFull) {
		t.Fatalf("third presignature of a set: %v, want ErrPoolFull", err)
	}
	if err := pool.Put(b...); err != nil {
		t.Fatalf("another signer set has its own room: %v", err)
	}
	if err := pool.Put(a[0]); err == nil {
		t.Fatal("the same presignature went in twice")
	}
	if got := pool.IDs([]int{1, 2, 3}); !slices.Equal(got, []ecdsa.ID{b[0].ID()}) {
		t.Fatalf("IDs of the second set: %v", got)
	}
	if _, err := pool.Take(ecdsa.ID{1}); !errors.Is(err, ecdsa.ErrUnknown) {
		t.Fatalf("taking an unknown ID: %v, want ErrUnknown", err)
	}
	pool.Clear()
	if pool.Len([]int{0, 1, 2}) != 0 || pool.Len([]int{1, 2, 3}) != 0 {
		t.Fatal("Clear left presignatures")
	}
}
