package ecdsa_test

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/internal/testutil"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// detRand is a deterministic randomness source: SHA-256 of a label and a counter.
type detRand struct {
	label string
	ctr   uint64
	buf   []byte
}

func (r *detRand) Read(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(r.buf) == 0 {
			var c [8]byte
			binary.BigEndian.PutUint64(c[:], r.ctr)
			r.ctr++
			h := sha256.Sum256(append([]byte(r.label), c[:]...))
			r.buf = h[:]
		}
		k := copy(p, r.buf)
		r.buf, p = r.buf[k:], p[k:]
	}
	return n, nil
}

// transcriptGolden is everything a presigning session and one signature put on the wire or
// hand to a client, for fixed key shares and randomness.
type transcriptGolden struct {
	// Messages[from][to] is the SHA-256 chain over every message member from sent member to,
	// in order: h ← SHA-256(h ‖ payload).
	Messages  [][]string `json:"messages"`
	Public    []string   `json:"public_presignatures"`
	Shares    []string   `json:"signature_shares"`
	Signature string     `json:"signature"`
}

// TestTranscriptMatchesTheGoldenFile runs a presigning session and a signature with fixed key
// shares and fixed randomness and compares every message, public presignature, signature share
// and the signature with testdata: the group arithmetic underneath (field, constant-time
// windows, multi-scalar multiplication) may change, the bytes on the wire may not. The file
// was written by the decred-only implementation this package had before the move to a faster
// field (issue 20).
func TestTranscriptMatchesTheGoldenFile(t *testing.T) {
	const n, deg, count = 5, 2, 3
	coeffs := make([]secp256k1.ModNScalar, deg+1)
	commits := make([][]byte, deg+1)
	seed := &detRand{label: "litmesh/ecdsa/golden/dealer"}
	for l := range coeffs {
		var b [32]byte
		if _, err := seed.Read(b[:]); err != nil {
			t.Fatal(err)
		}
		coeffs[l].SetBytes(&b)
		commits[l] = secp256k1.NewPrivateKey(&coeffs[l]).PubKey().SerializeCompressed()
	}
	root, err := ecdsa.NewRootCommitments(commits)
	if err != nil {
		t.Fatal(err)
	}
	shares := make([]*ecdsa.KeyShare, n)
	for i := range n {
		var x, v secp256k1.ModNScalar
		x.SetInt(uint32(i + 1))
		for l := deg; l >= 0; l-- {
			v.Mul(&x).Add(&coeffs[l])
		}
		b := v.Bytes()
		if shares[i], err = ecdsa.NewKeyShare(root, i, b[:]); err != nil {
			t.Fatal(err)
		}
	}

	chains := make([][][32]byte, n)
	for i := range chains {
		chains[i] = make([][32]byte, n)
	}
	var mu sync.Mutex
	net := mpctest.NewNetwork(n, 4*n)
	net.SetFilter(func(from, to int, payload []byte) ([]byte, bool) {
		mu.Lock()
		defer mu.Unlock()
		h := sha256.New()
		h.Write(chains[from][to][:])
		h.Write(payload)
		chains[from][to] = [32]byte(h.Sum(nil))
		return payload, true
	})
	signers := []int{0, 1, 2, 3, 4}
	cfg := ecdsa.Config{Session: sha256.Sum256([]byte("litmesh/ecdsa/golden/session")), Signers: signers, Count: count}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out := make([][]*ecdsa.Presignature, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for m := range n {
		wg.Add(1)
		go func(m int, tr mpc.Transport) {
			defer wg.Done()
			c := cfg
			c.Rand = &detRand{label: "litmesh/ecdsa/golden/member/" + string(rune('0'+m))}
			out[m], errs[m] = ecdsa.Presign(ctx, tr, shares[m], c)
		}(m, net.Transport(m))
	}
	wg.Wait()
	for m, err := range errs {
		if err != nil {
			t.Fatalf("member %d: %v", m, err)
		}
	}

	var got transcriptGolden
	for from := range n {
		row := make([]string, n)
		for to := range n {
			row[to] = hex.EncodeToString(chains[from][to][:])
		}
		got.Messages = append(got.Messages, row)
	}
	for _, p := range out[0] {
		b, err := p.Public().MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		got.Public = append(got.Public, hex.EncodeToString(b))
	}
	var id ecdsa.KeyID
	copy(id[:], "golden")
	eps, err := ecdsa.Epsilon(id)
	if err != nil {
		t.Fatal(err)
	}
	req := ecdsa.SignRequest{Tweak: eps}
	req.Hash = sha256.Sum256([]byte("golden message"))
	req.Rho = sha256.Sum256([]byte("golden rho"))
	var sigShares []*ecdsa.SignatureShare
	for m := range n {
		sh, err := ecdsa.SignShare(out[m][1], req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := sh.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		got.Shares = append(got.Shares, hex.EncodeToString(b))
		sigShares = append(sigShares, sh)
	}
	y, err := ecdsa.DerivePublic(root.PublicKey(), id)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := ecdsa.Combine(out[0][1].Public(), y, req, sigShares)
	if err != nil {
		t.Fatal(err)
	}
	sb := sig.Bytes()
	got.Signature = hex.EncodeToString(sb[:])

	const path = "testdata/transcript-5-t2.json"
	if testutil.Update() {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		testutil.WriteGolden(t, path, append(b, '\n'))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want transcriptGolden
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for from := range n {
		for to := range n {
			if got.Messages[from][to] != want.Messages[from][to] {
				t.Errorf("messages from member %d to %d differ from the golden transcript", from, to)
			}
		}
	}
	for i := range want.Public {
		if got.Public[i] != want.Public[i] {
			t.Errorf("public presignature %d differs:\n got %s\nwant %s", i, got.Public[i], want.Public[i])
		}
	}
	for i := range want.Shares {
		if got.Shares[i] != want.Shares[i] {
			t.Errorf("signature share %d differs:\n got %s\nwant %s", i, got.Shares[i], want.Shares[i])
		}
	}
	if got.Signature != want.Signature {
		t.Errorf("signature differs:\n got %s\nwant %s", got.Signature, want.Signature)
	}
}
