package frost_test

import (
	"fmt"
	"testing"

	"github.com/litmesh/litmesh/mpc/frost"
)

// BenchmarkPreprocess reports the cost of one slot for the whole signer set, run in-process
// (every member's CPU on this machine), in batches. Five members with T = 5 is the signer set
// of a seven-node network.
func BenchmarkPreprocess(b *testing.B) {
	for _, s := range frost.Suites {
		for _, tc := range []struct{ n, batch int }{{3, 100}, {5, 1}, {5, 100}} {
			b.Run(fmt.Sprintf("%v/members=%d/batch=%d", s, tc.n, tc.batch), func(b *testing.B) {
				d := newDealer(b, s, tc.n, tc.n-1)
				signers := seq(0, tc.n)
				for b.Loop() {
					mustPreprocess(b, d.shares, signers, tc.batch)
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*tc.batch), "µs/slot")
			})
		}
	}
}

func BenchmarkSignShare(b *testing.B) {
	for _, s := range frost.Suites {
		b.Run(s.String(), func(b *testing.B) {
			d := newDealer(b, s, 5, 4)
			signers := seq(0, 5)
			const batch = 100
			var nonces []*frost.Nonce
			req := frost.Request{KeyID: keyID(1), Message: make([]byte, 32)}
			for b.Loop() {
				if len(nonces) == 0 {
					b.StopTimer()
					nonces = mustPreprocess(b, d.shares, signers, batch)[0].Nonces()
					b.StartTimer()
				}
				pkg, err := frost.NewSigningPackage(d.root, nonces[0].Slot(), signers, req)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := frost.SignShare(d.shares[0], nonces[0], pkg); err != nil {
					b.Fatal(err)
				}
				nonces = nonces[1:]
			}
		})
	}
}

// BenchmarkCombine is the client's work: aggregate and verify the signature (the fast path;
// shares are checked one by one only when it fails).
func BenchmarkCombine(b *testing.B) {
	for _, s := range frost.Suites {
		for _, n := range []int{3, 5} {
			b.Run(fmt.Sprintf("%v/signers=%d", s, n), func(b *testing.B) {
				d := newDealer(b, s, n, n-1)
				signers := seq(0, n)
				batches := mustPreprocess(b, d.shares, signers, 1)
				req := frost.Request{KeyID: keyID(1), Message: make([]byte, 32)}
				pkg, shares := signAll(b, d.shares, batches, signers, 0, signers, req)
				for b.Loop() {
					if _, err := frost.Combine(d.root, req, pkg, shares); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkVerifyShare(b *testing.B) {
	for _, s := range frost.Suites {
		b.Run(s.String(), func(b *testing.B) {
			d := newDealer(b, s, 5, 4)
			signers := seq(0, 5)
			batches := mustPreprocess(b, d.shares, signers, 1)
			req := frost.Request{KeyID: keyID(1), Message: make([]byte, 32)}
			pkg, shares := signAll(b, d.shares, batches, signers, 0, signers, req)
			for b.Loop() {
				if err := frost.VerifyShare(d.root, pkg, shares[0]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
