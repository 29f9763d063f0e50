package frost_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	ed "filippo.io/edwards25519"
	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/frost"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// dealer is a trusted dealer for tests: it picks the root key itself and Shamir-shares it with
// degree deg among n members, as the DKG does without anyone knowing the key (the DKG path is
// tested in dkg_test.go).
type dealer struct {
	suite  frost.Suite
	root   *frost.RootKey
	shares []*frost.KeyShare // shares[i] has share index i
}

// groupOrder returns the suite's group order and scalar encoder/ base multiplier, via the
// libraries the package itself uses (the test checks the package against them).
func scalarBytes(s frost.Suite, v *big.Int) []byte {
	var b [32]byte
	switch s {
	case frost.Ed25519:
		v.FillBytes(b[:])
		for i := range 16 {
			b[i], b[31-i] = b[31-i], b[i]
		}
	default:
		v.FillBytes(b[:])
	}
	return b[:]
}

var (
	edOrder, _ = new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)
	k1Order    = dsecp.Params().N
)

func order(s frost.Suite) *big.Int {
	if s == frost.Ed25519 {
		return edOrder
	}
	return k1Order
}

func baseMul(t testing.TB, s frost.Suite, v *big.Int) []byte {
	t.Helper()
	b := scalarBytes(s, v)
	if s == frost.Ed25519 {
		sc, err := ed.NewScalar().SetCanonicalBytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return new(ed.Point).ScalarBaseMult(sc).Bytes()
	}
	var k dsecp.ModNScalar
	k.SetByteSlice(b)
	return dsecp.NewPrivateKey(&k).PubKey().SerializeCompressed()
}

func randBig(t testing.TB, n *big.Int) *big.Int {
	t.Helper()
	for {
		v, err := rand.Int(rand.Reader, n)
		if err != nil {
			t.Fatal(err)
		}
		if v.Sign() != 0 {
			return v
		}
	}
}

func newDealer(t testing.TB, s frost.Suite, n, deg int) *dealer {
	t.Helper()
	q := order(s)
	coeffs := make([]*big.Int, deg+1)
	commits := make([][]byte, deg+1)
	for l := range coeffs {
		coeffs[l] = randBig(t, q)
		commits[l] = baseMul(t, s, coeffs[l])
	}
	root, err := frost.NewRootKey(s, commits)
	if err != nil {
		t.Fatal(err)
	}
	d := &dealer{suite: s, root: root}
	for i := range n {
		x := big.NewInt(int64(i + 1))
		v := new(big.Int)
		for l := deg; l >= 0; l-- {
			v.Mul(v, x).Add(v, coeffs[l]).Mod(v, q)
		}
		ks, err := frost.NewKeyShare(root, i, scalarBytes(s, v))
		if err != nil {
			t.Fatal(err)
		}
		d.shares = append(d.shares, ks)
	}
	return d
}

type preResult struct {
	batch *frost.Batch
	err   error
}

// runPreprocess runs one session among the members holding the given share indices over an
// in-memory network, optionally with a filter that tampers with messages; members in silent
// never run (their peers wait for them until ctx ends).
func runPreprocess(t testing.TB, ctx context.Context, keys []*frost.KeyShare, signers []int, count int, filter mpctest.Filter, silent ...int) []preResult {
	t.Helper()
	return runPreprocessWith(t, ctx, keys, signers, frost.PreprocessConfig{Signers: signers, Count: count}, filter, silent...)
}

// runPreprocessWith is runPreprocess with the session's config given (a fresh Session is
// drawn into it).
func runPreprocessWith(t testing.TB, ctx context.Context, keys []*frost.KeyShare, signers []int, cfg frost.PreprocessConfig, filter mpctest.Filter, silent ...int) []preResult {
	t.Helper()
	net := mpctest.NewNetwork(len(signers), 4*len(signers))
	if filter != nil {
		net.SetFilter(filter)
	}
	if _, err := rand.Read(cfg.Session[:]); err != nil {
		t.Fatal(err)
	}
	out := make([]preResult, len(signers))
	var wg sync.WaitGroup
	for m, idx := range signers {
		if contains(silent, m) {
			out[m] = preResult{err: fmt.Errorf("silent")}
			continue
		}
		wg.Add(1)
		go func(m int, tr mpc.Transport, key *frost.KeyShare) {
			defer wg.Done()
			b, err := frost.Preprocess(ctx, tr, key, cfg)
			out[m] = preResult{b, err}
		}(m, net.Transport(m), keys[idx])
	}
	wg.Wait()
	return out
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func testCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// mustPreprocess runs a session that must succeed and returns every member's batch, after
// checking that all hold the same digest.
func mustPreprocess(t testing.TB, keys []*frost.KeyShare, signers []int, count int) []*frost.Batch {
	t.Helper()
	res := runPreprocess(t, testCtx(t), keys, signers, count, nil)
	out := make([]*frost.Batch, len(res))
	for m, r := range res {
		if r.err != nil {
			t.Fatalf("member %d: %v", m, r.err)
		}
		if r.batch.Digest() != res[0].batch.Digest() {
			t.Fatalf("member %d ended with another batch digest", m)
		}
		out[m] = r.batch
	}
	return out
}

func keyID(i int) frost.KeyID {
	var id frost.KeyID
	copy(id[:], fmt.Sprintf("pkp-%d", i))
	return id
}

func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// signAll has every participant sign slot k of the batches (batches[m] is member m's) and
// returns the package and the shares.
func signAll(t testing.TB, keys []*frost.KeyShare, batches []*frost.Batch, signers []int, k int, participants []int, req frost.Request) (*frost.SigningPackage, []*frost.SignatureShare) {
	t.Helper()
	root := keys[signers[0]].Root()
	var pkg *frost.SigningPackage
	var shares []*frost.SignatureShare
	for m, idx := range signers {
		nonce := batches[m].Nonces()[k]
		p, err := frost.NewSigningPackage(root, nonce.Slot(), participants, req)
		if err != nil {
			t.Fatal(err)
		}
		if pkg != nil && p.Digest() != pkg.Digest() {
			t.Fatalf("member %d built another package", m)
		}
		pkg = p
		if !contains(participants, idx) {
			nonce.Discard()
			continue
		}
		sh, err := frost.SignShare(keys[idx], nonce, p)
		if err != nil {
			t.Fatalf("member %d: %v", m, err)
		}
		shares = append(shares, sh)
	}
	return pkg, shares
}
