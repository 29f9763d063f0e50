package ecdsa_test

import (
	"context"
	"crypto/rand"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

func TestPresignAndSignRecoverToTheDerivedAddress(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, deg  int
		signers []int
	}{
		{"four members, t=1, all sign", 4, 1, []int{0, 1, 2, 3}},
		{"four members, t=1, the smallest signer set", 4, 1, []int{3, 0, 2}},
		{"seven members, t=2, all sign", 7, 2, []int{0, 1, 2, 3, 4, 5, 6}},
		{"seven members, t=2, five sign", 7, 2, []int{6, 4, 2, 1, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDealer(t, tc.n, tc.deg)
			ps := mustPresign(t, d, tc.signers, 2)
			for b := range 2 {
				pub := ps[0][b].Public()
				for m := range tc.signers {
					if ps[m][b].Public().Digest() != pub.Digest() {
						t.Fatalf("member %d holds different public data for presignature %d", m, b)
					}
				}
				id := keyID(b)
				y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
				if err != nil {
					t.Fatal(err)
				}
				req := request(t, id, "hello litmesh")
				var shares []*ecdsa.SignatureShare
				for m := range tc.signers {
					sh, err := ecdsa.SignShare(ps[m][b], req)
					if err != nil {
						t.Fatal(err)
					}
					shares = append(shares, sh)
				}
				sig, err := ecdsa.Combine(pub, y, req, shares)
				if err != nil {
					t.Fatal(err)
				}
				raw := sig.Bytes()
				got, err := crypto.Ecrecover(req.Hash[:], raw[:])
				if err != nil {
					t.Fatal(err)
				}
				addr := ecdsa.Address(y)
				if want := ecdsa.Uncompressed(y); string(got) != string(want[:]) {
					t.Fatalf("recovered %x, want %x", got, want)
				}
				if recAddr := crypto.Keccak256(got[1:])[12:]; string(recAddr) != string(addr[:]) {
					t.Fatal("recovered address differs")
				}
			}
		})
	}
}

// TestPresignRunsItsHeavyStepsThroughCompute: every member hands its CPU-heavy steps to
// Config.Compute (the node runs them on low-priority threads), the session still produces
// matching presignatures, and a Compute that cannot start a step stops the session with its
// error.
func TestPresignRunsItsHeavyStepsThroughCompute(t *testing.T) {
	d := newDealer(t, 4, 1)
	signers := []int{0, 1, 2, 3}
	var calls atomic.Int64
	compute := func(ctx context.Context, f func()) error {
		calls.Add(1)
		done := make(chan struct{})
		go func() { // another goroutine, as a worker pool would
			defer close(done)
			f()
		}()
		<-done
		return nil
	}
	ps := presignWith(t, d, signers, 3, compute)
	for m := range signers {
		if ps[m].err != nil {
			t.Fatalf("member %d: %v", m, ps[m].err)
		}
		if ps[m].ps[2].Public().Digest() != ps[0].ps[2].Public().Digest() {
			t.Fatal("members disagree")
		}
	}
	// Per member: round 1 deal and check, round 2 open and check, round 3 prove and check, output.
	if got, want := calls.Load(), int64(7*len(signers)); got != want {
		t.Fatalf("Compute called %d times, want %d", got, want)
	}

	errBusy := errors.New("no worker")
	refuse := func(ctx context.Context, f func()) error { return errBusy }
	res := presignWith(t, d, signers, 1, refuse)
	for m := range signers {
		if !errors.Is(res[m].err, errBusy) {
			t.Fatalf("member %d: %v, want the Compute error", m, res[m].err)
		}
	}
}

func presignWith(t *testing.T, d *dealer, signers []int, count int, compute func(context.Context, func()) error) []presignResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	net := mpctest.NewNetwork(len(signers), 4*len(signers))
	cfg := ecdsa.Config{Signers: signers, Count: count, Compute: compute}
	if _, err := rand.Read(cfg.Session[:]); err != nil {
		t.Fatal(err)
	}
	out := make([]presignResult, len(signers))
	var wg sync.WaitGroup
	for m, idx := range signers {
		wg.Go(func() {
			ps, err := ecdsa.Presign(ctx, net.Transport(m), d.shares[idx], cfg)
			out[m] = presignResult{ps, err}
		})
	}
	wg.Wait()
	return out
}
