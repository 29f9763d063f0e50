package ecdsa_test

import (
	"errors"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// sdkCombine is what Lit's JS SDK (v7, wasm ecdsa.rs) does with the shares it received: add
// the s-shares mod n, take R from the first, normalise s to the lower half and set
// v = parity(R.y) XOR flipped, r = R.x mod n. It returns r ‖ s ‖ v.
func sdkCombine(shares []*ecdsa.AdditiveShare) [65]byte {
	var s secp256k1.ModNScalar
	for _, sh := range shares {
		var v secp256k1.ModNScalar
		v.SetBytes(&sh.S)
		s.Add(&v)
	}
	flipped := s.IsOverHalfOrder()
	if flipped {
		s.Negate()
	}
	r := shares[0].R.SerializeCompressed()
	var rx secp256k1.ModNScalar
	rx.SetByteSlice(r[1:])
	v := r[0] == 3
	if flipped {
		v = !v
	}
	var out [65]byte
	rb, sb := rx.Bytes(), s.Bytes()
	copy(out[:32], rb[:])
	copy(out[32:64], sb[:])
	if v {
		out[64] = 1
	}
	return out
}

func TestAdditiveSharesSumToTheSignatureAsLitsSDKCombinesThem(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, deg  int
		signers []int
	}{
		{"a set of 2t+1 (three of four)", 4, 1, []int{0, 1, 3}},
		{"a set larger than 2t+1 (five of seven with t = 1)", 7, 1, []int{1, 2, 3, 5, 6}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDealer(t, tc.n, tc.deg)
			ps := mustPresign(t, d, tc.signers, 4)
			id := keyID(9)
			y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
			if err != nil {
				t.Fatal(err)
			}
			want := ecdsa.Uncompressed(y)
			for b := range 4 { // four requests: both halves of s turn up
				req := request(t, id, "additive "+string(rune('a'+b)))
				shares := signAll(t, ps, b, req)
				sig, err := ecdsa.Combine(ps[0][b].Public(), y, req, shares)
				if err != nil {
					t.Fatal(err)
				}
				var add []*ecdsa.AdditiveShare
				for m, sh := range shares {
					a, err := ecdsa.Additive(ps[m][b].Public(), y, req, sh)
					if err != nil {
						t.Fatal(err)
					}
					add = append(add, a)
				}
				got := sdkCombine(add)
				if got != sig.Bytes() {
					t.Fatalf("the SDK's sum gives %x, Combine %x", got, sig.Bytes())
				}
				pub, err := crypto.Ecrecover(req.Hash[:], got[:])
				if err != nil || string(pub) != string(want[:]) {
					t.Fatalf("the summed signature does not recover the PKP key: %v", err)
				}
				// Leaving a signer out gives no signature: the weights are for the whole set.
				short := sdkCombine(add[1:])
				if pub, err := crypto.Ecrecover(req.Hash[:], short[:]); err == nil && string(pub) == string(want[:]) {
					t.Fatal("a sum without one signer still verified")
				}
			}
		})
	}
}

func TestAdditiveRefusesSharesOfAnotherRequestOrKey(t *testing.T) {
	d := newDealer(t, 4, 1)
	ps := mustPresign(t, d, []int{0, 1, 2}, 2)
	id := keyID(1)
	y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
	if err != nil {
		t.Fatal(err)
	}
	req := request(t, id, "one")
	shares := signAll(t, ps, 0, req)
	other, err := ecdsa.DerivePublic(d.root.PublicKey(), keyID(2))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		pub  *ecdsa.PublicPresignature
		key  *secp256k1.PublicKey
	}{
		{"a share of another presignature", ps[0][1].Public(), y},
		{"another PKP's key", ps[0][0].Public(), other},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ecdsa.Additive(tc.pub, tc.key, req, shares[0]); !errors.Is(err, ecdsa.ErrMismatch) {
				t.Fatalf("got %v, want ErrMismatch", err)
			}
		})
	}
}

func TestSignShareRGivesTheShareAndTheNonceNonceRComputes(t *testing.T) {
	d := newDealer(t, 4, 1)
	ps := mustPresign(t, d, []int{0, 1, 2}, 2)
	y, err := ecdsa.DerivePublic(d.root.PublicKey(), keyID(1))
	if err != nil {
		t.Fatal(err)
	}
	other, err := ecdsa.DerivePublic(d.root.PublicKey(), keyID(2))
	if err != nil {
		t.Fatal(err)
	}
	req := request(t, keyID(1), "with R")
	want := signAll(t, ps, 0, req)
	wantR, err := ecdsa.NonceR(ps[1][1].Public(), y, req)
	if err != nil {
		t.Fatal(err)
	}
	// The same request with the second presignature of member 1: NonceR's R′ and the share
	// SignShare makes, in one call.
	sh, r, err := ecdsa.SignShareR(ps[1][1], req, y)
	if err != nil {
		t.Fatal(err)
	}
	if !r.IsEqual(wantR) {
		t.Fatalf("R′ = %x, NonceR gives %x", r.SerializeCompressed(), wantR.SerializeCompressed())
	}
	if sh.Presignature != ps[1][1].ID() || sh.Index != want[1].Index {
		t.Fatalf("the share is not member 1's for presignature %s", ps[1][1].ID())
	}
	if _, err := ecdsa.Additive(ps[1][1].Public(), y, req, sh); err != nil {
		t.Fatalf("the share does not check: %v", err)
	}
	if _, _, err := ecdsa.SignShareR(ps[2][1], req, other); !errors.Is(err, ecdsa.ErrMismatch) {
		t.Fatalf("another PKP's key: got %v, want ErrMismatch", err)
	}
	if _, _, err := ecdsa.SignShareR(ps[2][1], req, y); !errors.Is(err, ecdsa.ErrUsed) {
		t.Fatalf("a presignature used once with the wrong key: got %v, want ErrUsed", err)
	}
}
