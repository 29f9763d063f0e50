package ecdsa_test

import (
	"bytes"
	"testing"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// samplePublic returns a real public presignature and signature share.
func samplePublic(f *testing.F) ([]byte, []byte) {
	d := newDealer(f, 4, 1)
	ps := mustPresign(f, d, []int{0, 1, 2}, 1)
	pub, err := ps[0][0].Public().MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	sh, err := ecdsa.SignShare(ps[0][0], request(f, keyID(1), "fuzz"))
	if err != nil {
		f.Fatal(err)
	}
	share, err := sh.MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	return pub, share
}

func FuzzUnmarshalPublicPresignature(f *testing.F) {
	pub, _ := samplePublic(f)
	f.Add(pub)
	f.Add(pub[:40])
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ecdsa.UnmarshalPublicPresignature(b)
		if err != nil {
			return
		}
		again, _ := p.MarshalBinary()
		if !bytes.Equal(again, b) {
			t.Fatal("accepted public presignature does not re-encode to itself")
		}
		if p.Threshold() < 0 || len(p.Signers()) < 2*p.Threshold()+1 {
			t.Fatal("accepted a signer set too small for its threshold")
		}
	})
}

func FuzzUnmarshalSignatureShare(f *testing.F) {
	_, share := samplePublic(f)
	f.Add(share)
	f.Fuzz(func(t *testing.T, b []byte) {
		sh, err := ecdsa.UnmarshalSignatureShare(b)
		if err != nil {
			return
		}
		again, _ := sh.MarshalBinary()
		if !bytes.Equal(again, b) {
			t.Fatal("accepted signature share does not re-encode to itself")
		}
	})
}

func FuzzNewRootCommitments(f *testing.F) {
	d := newDealer(f, 4, 2)
	f.Add(bytes.Join(d.root.Compressed(), nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b)%33 != 0 {
			return
		}
		var parts [][]byte
		for len(b) > 0 {
			parts = append(parts, b[:33])
			b = b[33:]
		}
		rc, err := ecdsa.NewRootCommitments(parts)
		if err != nil {
			return
		}
		if !bytes.Equal(bytes.Join(rc.Compressed(), nil), bytes.Join(parts, nil)) {
			t.Fatal("accepted commitments do not re-encode to themselves")
		}
	})
}
