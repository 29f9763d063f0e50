package ecdsa_test

import (
	"context"
	"errors"
	"testing"

	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

func TestPresignRefusesABadConfiguration(t *testing.T) {
	d := newDealer(t, 7, 2)
	for _, tc := range []struct {
		name    string
		members int
		key     *ecdsa.KeyShare
		cfg     ecdsa.Config
	}{
		{"fewer than 2t+1 signers", 4, d.shares[0], ecdsa.Config{Signers: []int{0, 1, 2, 3}, Count: 1}},
		{"the transport member is another share", 5, d.shares[1], ecdsa.Config{Signers: []int{0, 1, 2, 3, 4}, Count: 1}},
		{"a repeated share index", 5, d.shares[0], ecdsa.Config{Signers: []int{0, 1, 2, 3, 3}, Count: 1}},
		{"no presignatures", 5, d.shares[0], ecdsa.Config{Signers: []int{0, 1, 2, 3, 4}}},
		{"too many presignatures", 5, d.shares[0], ecdsa.Config{Signers: []int{0, 1, 2, 3, 4}, Count: ecdsa.MaxCount + 1}},
		{"transport and signer set differ in size", 4, d.shares[0], ecdsa.Config{Signers: []int{0, 1, 2, 3, 4}, Count: 1}},
		{"no key share", 5, nil, ecdsa.Config{Signers: []int{0, 1, 2, 3, 4}, Count: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := mpctest.NewNetwork(tc.members, 1).Transport(0)
			_, err := ecdsa.Presign(context.Background(), tr, tc.key, tc.cfg)
			if !errors.Is(err, ecdsa.ErrInvalid) {
				t.Fatalf("got %v, want ErrInvalid", err)
			}
		})
	}
}

func TestKeyShareMustMatchTheRootCommitments(t *testing.T) {
	d := newDealer(t, 4, 1)
	other := newDealer(t, 4, 1)
	r := randScalar(t)
	b := r.Bytes()
	if _, err := ecdsa.NewKeyShare(d.root, 0, b[:]); !errors.Is(err, ecdsa.ErrInvalid) {
		t.Fatalf("a random share: %v, want ErrInvalid", err)
	}
	if _, err := ecdsa.NewRootCommitments(other.root.Compressed()[:1]); err != nil {
		t.Fatalf("a degree-0 root: %v", err)
	}
	bad := d.root.Compressed()
	bad[1] = append([]byte(nil), bad[1]...)
	bad[1][0] = 0x05
	if _, err := ecdsa.NewRootCommitments(bad); !errors.Is(err, ecdsa.ErrInvalid) {
		t.Fatalf("a malformed commitment: %v, want ErrInvalid", err)
	}
	rc, err := ecdsa.NewRootCommitments(d.root.Compressed())
	if err != nil || rc.Threshold() != 1 || !rc.PublicKey().IsEqual(d.root.PublicKey()) {
		t.Fatalf("round trip through Compressed: %v", err)
	}
}
