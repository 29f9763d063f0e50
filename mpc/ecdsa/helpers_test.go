package ecdsa_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// dealer is a trusted dealer for tests: it picks the root key itself and Shamir-shares it with
// degree t among n members, as the DKG would without anyone knowing the key.
type dealer struct {
	secret secp256k1.ModNScalar
	root   *ecdsa.RootCommitments
	shares []*ecdsa.KeyShare // shares[i] has share index i
}

func randScalar(t testing.TB) secp256k1.ModNScalar {
	t.Helper()
	var b [32]byte
	var s secp256k1.ModNScalar
	for {
		if _, err := rand.Read(b[:]); err != nil {
			t.Fatal(err)
		}
		if s.SetBytes(&b) == 0 && !s.IsZero() {
			return s
		}
	}
}

func newDealer(t testing.TB, n, deg int) *dealer {
	t.Helper()
	coeffs := make([]secp256k1.ModNScalar, deg+1)
	commits := make([][]byte, deg+1)
	for l := range coeffs {
		coeffs[l] = randScalar(t)
		commits[l] = secp256k1.NewPrivateKey(&coeffs[l]).PubKey().SerializeCompressed()
	}
	root, err := ecdsa.NewRootCommitments(commits)
	if err != nil {
		t.Fatal(err)
	}
	d := &dealer{secret: coeffs[0], root: root}
	for i := range n {
		var x, v secp256k1.ModNScalar
		x.SetInt(uint32(i + 1))
		for l := deg; l >= 0; l-- {
			v.Mul(&x).Add(&coeffs[l])
		}
		b := v.Bytes()
		ks, err := ecdsa.NewKeyShare(root, i, b[:])
		if err != nil {
			t.Fatal(err)
		}
		d.shares = append(d.shares, ks)
	}
	return d
}

// presignResult is what one member's Presign returned.
type presignResult struct {
	ps  []*ecdsa.Presignature
	err error
}

// runPresign runs one session among the members holding the given share indices over an
// in-memory network, optionally with a filter that tampers with messages.
func runPresign(t testing.TB, d *dealer, signers []int, count int, filter mpctest.Filter) []presignResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	net := mpctest.NewNetwork(len(signers), 4*len(signers))
	if filter != nil {
		net.SetFilter(filter)
	}
	var session [32]byte
	if _, err := rand.Read(session[:]); err != nil {
		t.Fatal(err)
	}
	cfg := ecdsa.Config{Session: session, Signers: signers, Count: count}
	out := make([]presignResult, len(signers))
	var wg sync.WaitGroup
	for m, idx := range signers {
		wg.Add(1)
		go func(m int, tr mpc.Transport, key *ecdsa.KeyShare) {
			defer wg.Done()
			ps, err := ecdsa.Presign(ctx, tr, key, cfg)
			out[m] = presignResult{ps, err}
		}(m, net.Transport(m), d.shares[idx])
	}
	wg.Wait()
	return out
}

// mustPresign runs a session that must succeed and returns every member's presignatures.
func mustPresign(t testing.TB, d *dealer, signers []int, count int) [][]*ecdsa.Presignature {
	t.Helper()
	res := runPresign(t, d, signers, count, nil)
	out := make([][]*ecdsa.Presignature, len(res))
	for m, r := range res {
		if r.err != nil {
			t.Fatalf("member %d: %v", m, r.err)
		}
		out[m] = r.ps
	}
	return out
}

func keyID(i int) ecdsa.KeyID {
	var id ecdsa.KeyID
	copy(id[:], fmt.Sprintf("pkp-%d", i))
	return id
}

func request(t testing.TB, id ecdsa.KeyID, msg string) ecdsa.SignRequest {
	t.Helper()
	eps, err := ecdsa.Epsilon(id)
	if err != nil {
		t.Fatal(err)
	}
	req := ecdsa.SignRequest{Tweak: eps}
	copy(req.Hash[:], msg)
	if _, err := rand.Read(req.Rho[:]); err != nil {
		t.Fatal(err)
	}
	return req
}
