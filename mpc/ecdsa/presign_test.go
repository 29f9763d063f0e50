package ecdsa_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/mpc/ecdsa"
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
