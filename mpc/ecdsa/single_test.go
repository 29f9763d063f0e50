package ecdsa_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// A one-node devnet has t = 0: the protocol runs with no peers at all.
func TestASingleSignerNetworkSigns(t *testing.T) {
	d := newDealer(t, 1, 0)
	ps := mustPresign(t, d, []int{0}, 3)
	id := keyID(5)
	y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
	if err != nil {
		t.Fatal(err)
	}
	req := request(t, id, "alone")
	sig, err := ecdsa.Combine(ps[0][1].Public(), y, req, signAll(t, ps, 1, req))
	if err != nil {
		t.Fatal(err)
	}
	raw := sig.Bytes()
	got, err := crypto.Ecrecover(req.Hash[:], raw[:])
	want := ecdsa.Uncompressed(y)
	if err != nil || string(got) != string(want[:]) {
		t.Fatalf("does not recover: %v", err)
	}
}
