package ecdsa_test

import (
	"fmt"
	"testing"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// BenchmarkPresign reports the cost of one presignature for the whole signer set, run
// in-process (every member's CPU on this machine), in batches of the given size. Five members
// with t = 2 is the signer set of a seven-node network (T = 5); 11 members with t = 5 that of
// a 16-node network, 21 with t = 10 that of 32 nodes. The sweep over batch sizes for five
// members is what maxBatch in node/pkp.go is chosen from (docs/performance.md).
func BenchmarkPresign(b *testing.B) {
	for _, tc := range []struct {
		n, deg, batch int
	}{{4, 1, 1}, {4, 1, 100}, {5, 2, 1}, {5, 2, 4}, {5, 2, 16}, {5, 2, 32}, {5, 2, 64}, {5, 2, 100}, {5, 2, 128}, {5, 2, 256}, {7, 2, 1}, {7, 2, 100}, {11, 5, 64}, {21, 10, 32}} {
		b.Run(fmt.Sprintf("members=%d/t=%d/batch=%d", tc.n, tc.deg, tc.batch), func(b *testing.B) {
			d := newDealer(b, tc.n, tc.deg)
			signers := make([]int, tc.n)
			for i := range signers {
				signers[i] = i
			}
			for b.Loop() {
				mustPresign(b, d, signers, tc.batch)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*tc.batch), "µs/presig")
		})
	}
}

func BenchmarkSignShare(b *testing.B) {
	d := newDealer(b, 7, 2)
	signers := []int{0, 1, 2, 3, 4, 5, 6}
	const batch = 64
	var pool []*ecdsa.Presignature
	req := request(b, keyID(1), "bench")
	for b.Loop() {
		if len(pool) == 0 {
			b.StopTimer()
			pool = mustPresign(b, d, signers, batch)[0]
			b.StartTimer()
		}
		if _, err := ecdsa.SignShare(pool[0], req); err != nil {
			b.Fatal(err)
		}
		pool = pool[1:]
	}
}

func BenchmarkCombine(b *testing.B) {
	for _, tc := range []struct{ n, deg int }{{4, 1}, {7, 2}} {
		b.Run(fmt.Sprintf("members=%d/t=%d", tc.n, tc.deg), func(b *testing.B) {
			d := newDealer(b, tc.n, tc.deg)
			signers := make([]int, tc.n)
			for i := range signers {
				signers[i] = i
			}
			id := keyID(1)
			y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
			if err != nil {
				b.Fatal(err)
			}
			ps := mustPresign(b, d, signers, 1)
			req := request(b, id, "bench")
			var shares []*ecdsa.SignatureShare
			for m := range signers {
				sh, err := ecdsa.SignShare(ps[m][0], req)
				if err != nil {
					b.Fatal(err)
				}
				shares = append(shares, sh)
			}
			pub := ps[0][0].Public()
			for b.Loop() {
				if _, err := ecdsa.Combine(pub, y, req, shares); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDerivePublic(b *testing.B) {
	d := newDealer(b, 4, 1)
	root := d.root.PublicKey()
	id := keyID(7)
	for b.Loop() {
		if _, err := ecdsa.DerivePublic(root, id); err != nil {
			b.Fatal(err)
		}
	}
}
