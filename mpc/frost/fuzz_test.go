package frost_test

import (
	"bytes"
	"testing"

	"github.com/litmesh/litmesh/mpc/frost"
)

// samples returns a real signing package and signature share of each suite.
func samples(f *testing.F) (pkgs, shares [][]byte) {
	for _, s := range frost.Suites {
		d := newDealer(f, s, 3, 1)
		batches := mustPreprocess(f, d.shares, []int{0, 1, 2}, 1)
		req := frost.Request{KeyID: keyID(1), Message: []byte("fuzz")}
		if s == frost.Taproot {
			req.Taproot = &frost.TaprootSpend{MerkleRoot: bytes.Repeat([]byte{1}, 32)}
		}
		pkg, err := frost.NewSigningPackage(d.root, batches[0].Nonces()[0].Slot(), []int{0, 2}, req)
		if err != nil {
			f.Fatal(err)
		}
		pb, _ := pkg.MarshalBinary()
		sh, err := frost.SignShare(d.shares[0], batches[0].Nonces()[0], pkg)
		if err != nil {
			f.Fatal(err)
		}
		sb, _ := sh.MarshalBinary()
		pkgs, shares = append(pkgs, pb), append(shares, sb)
	}
	return pkgs, shares
}

func FuzzUnmarshalSigningPackage(f *testing.F) {
	pkgs, _ := samples(f)
	for _, p := range pkgs {
		f.Add(p)
		f.Add(p[:len(p)-1])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := frost.UnmarshalSigningPackage(b)
		if err != nil {
			return
		}
		again, _ := p.MarshalBinary()
		if !bytes.Equal(again, b) {
			t.Fatal("accepted package does not re-encode to itself")
		}
		if len(p.Participants()) == 0 || len(p.Request().Message) > frost.MaxSignMessage {
			t.Fatal("accepted a package outside the limits")
		}
	})
}

func FuzzUnmarshalSignatureShare(f *testing.F) {
	_, shares := samples(f)
	for _, s := range shares {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sh, err := frost.UnmarshalSignatureShare(b)
		if err != nil {
			return
		}
		again, _ := sh.MarshalBinary()
		if !bytes.Equal(again, b) {
			t.Fatal("accepted share does not re-encode to itself")
		}
	})
}

func FuzzNewRootKey(f *testing.F) {
	for _, s := range []frost.Suite{frost.Ed25519, frost.Secp256k1} {
		d := newDealer(f, s, 3, 1)
		f.Add(uint8(s), bytes.Join(d.root.Commitments(), nil))
	}
	f.Fuzz(func(t *testing.T, suite uint8, b []byte) {
		s := frost.Suite(suite)
		if !s.Valid() || len(b)%s.ElementSize() != 0 {
			return
		}
		var parts [][]byte
		for len(b) > 0 {
			parts = append(parts, b[:s.ElementSize()])
			b = b[s.ElementSize():]
		}
		rk, err := frost.NewRootKey(s, parts)
		if err != nil {
			return
		}
		if !bytes.Equal(bytes.Join(rk.Commitments(), nil), bytes.Join(parts, nil)) {
			t.Fatal("accepted commitments do not re-encode to themselves")
		}
	})
}

func FuzzVerify(f *testing.F) {
	f.Add(uint8(frost.Ed25519), make([]byte, 32), []byte("m"), make([]byte, 64))
	f.Add(uint8(frost.Secp256k1), make([]byte, 33), []byte("m"), make([]byte, 65))
	f.Add(uint8(frost.Taproot), make([]byte, 32), []byte("m"), make([]byte, 64))
	f.Fuzz(func(t *testing.T, suite uint8, pub, msg, sig []byte) {
		_ = frost.Verify(frost.Suite(suite), pub, msg, sig) // must not panic
	})
}
