package ecdsa_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// signAll has every member sign presignature b of ps for req.
func signAll(t testing.TB, ps [][]*ecdsa.Presignature, b int, req ecdsa.SignRequest) []*ecdsa.SignatureShare {
	t.Helper()
	var out []*ecdsa.SignatureShare
	for m := range ps {
		sh, err := ecdsa.SignShare(ps[m][b], req)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sh)
	}
	return out
}

// corrupt returns a copy of sh whose s is changed, as a lying signer would send.
func corrupt(t testing.TB, sh *ecdsa.SignatureShare) *ecdsa.SignatureShare {
	t.Helper()
	b, err := sh.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-33]++ // last byte of s
	out, err := ecdsa.UnmarshalSignatureShare(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAWrongSignatureShareIsNamedAndLeftOut(t *testing.T) {
	d := newDealer(t, 7, 2)
	signers := []int{0, 1, 2, 3, 4, 5, 6}
	ps := mustPresign(t, d, signers, 2)
	id := keyID(3)
	y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("two liars among seven: the other five combine", func(t *testing.T) {
		req := request(t, id, "two liars")
		shares := signAll(t, ps, 0, req)
		shares[1] = corrupt(t, shares[1])
		shares[5] = corrupt(t, shares[5])
		sig, err := ecdsa.Combine(ps[0][0].Public(), y, req, shares)
		if err != nil {
			t.Fatal(err)
		}
		var named []int
		for _, f := range sig.Rejected {
			if !errors.Is(f, ecdsa.ErrBadProof) {
				t.Errorf("rejection %v does not say the share is wrong", f)
			}
			named = append(named, f.Index)
		}
		if len(named) != 2 || named[0] != 1 || named[1] != 5 {
			t.Fatalf("rejected %v, want share indices [1 5]", named)
		}
		raw := sig.Bytes()
		got, err := crypto.Ecrecover(req.Hash[:], raw[:])
		want := ecdsa.Uncompressed(y)
		if err != nil || string(got) != string(want[:]) {
			t.Fatalf("signature does not recover the PKP key: %v", err)
		}
	})

	t.Run("only t good shares are not enough, and the liars are named", func(t *testing.T) {
		req := request(t, id, "too few")
		shares := signAll(t, ps, 1, req)
		shares = []*ecdsa.SignatureShare{shares[0], shares[2], corrupt(t, shares[3])} // t = 2 good
		_, err := ecdsa.Combine(ps[0][1].Public(), y, req, shares)
		if !errors.Is(err, ecdsa.ErrNotEnoughShares) {
			t.Fatalf("got %v, want ErrNotEnoughShares", err)
		}
		var fe *ecdsa.FaultError
		if !errors.As(err, &fe) || fe.Index != 3 {
			t.Fatalf("error %v does not name share index 3", err)
		}
	})
}

func TestCombineRefusesSharesItCannotUse(t *testing.T) {
	d := newDealer(t, 4, 1)
	signers := []int{0, 1, 2}
	ps := mustPresign(t, d, signers, 2)
	id := keyID(1)
	y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
	if err != nil {
		t.Fatal(err)
	}
	req := request(t, id, "mixing")
	fromOther := signAll(t, ps, 1, req)
	shares := signAll(t, ps, 0, req)
	pub := ps[0][0].Public()

	t.Run("a share made with another presignature", func(t *testing.T) {
		sig, err := ecdsa.Combine(pub, y, req, []*ecdsa.SignatureShare{shares[0], fromOther[1], shares[2]})
		if err != nil {
			t.Fatal(err)
		}
		if len(sig.Rejected) != 1 || sig.Rejected[0].Index != 1 || !errors.Is(sig.Rejected[0], ecdsa.ErrMismatch) {
			t.Fatalf("rejected %v", sig.Rejected)
		}
	})
	t.Run("the same signer twice counts once", func(t *testing.T) {
		_, err := ecdsa.Combine(pub, y, req, []*ecdsa.SignatureShare{shares[0], shares[0]})
		if !errors.Is(err, ecdsa.ErrNotEnoughShares) || !errors.Is(err, ecdsa.ErrUnexpected) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a key that is not root plus tweak", func(t *testing.T) {
		other, err := ecdsa.DerivePublic(d.root.PublicKey(), keyID(2))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ecdsa.Combine(pub, other, req, shares); !errors.Is(err, ecdsa.ErrMismatch) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a different message hash", func(t *testing.T) {
		req2 := req
		req2.Hash[0] ^= 1
		_, err := ecdsa.Combine(pub, y, req2, shares)
		if !errors.Is(err, ecdsa.ErrNotEnoughShares) {
			t.Fatalf("got %v", err)
		}
	})
}

func TestAPresignatureSignsOnce(t *testing.T) {
	d := newDealer(t, 4, 1)
	ps := mustPresign(t, d, []int{0, 1, 2}, 1)
	req := request(t, keyID(1), "once")
	if _, err := ecdsa.SignShare(ps[0][0], req); err != nil {
		t.Fatal(err)
	}
	other := request(t, keyID(2), "twice")
	if _, err := ecdsa.SignShare(ps[0][0], other); !errors.Is(err, ecdsa.ErrUsed) {
		t.Fatalf("second SignShare: %v, want ErrUsed", err)
	}
	if !ps[0][0].Used() {
		t.Fatal("presignature not marked used")
	}
}

// TestThousandSignaturesWithOneKeyNeverRepeatR signs 1,000 messages with the same PKP, each
// with its own presignature from batched sessions of the smallest signer set of a four-node
// network (T = 3, t = 1), and checks that every signature verifies (go-ethereum's Ecrecover)
// and that no two share an R, before or after re-randomisation.
func TestThousandSignaturesWithOneKeyNeverRepeatR(t *testing.T) {
	const total, batch = 1000, 250
	d := newDealer(t, 4, 1)
	signers := []int{0, 1, 2}
	id := keyID(42)
	y, err := ecdsa.DerivePublic(d.root.PublicKey(), id)
	if err != nil {
		t.Fatal(err)
	}
	want := ecdsa.Uncompressed(y)
	seenR := map[string]bool{}
	seenPresigR := map[string]bool{}
	for done := 0; done < total; done += batch {
		ps := mustPresign(t, d, signers, batch)
		for b := range batch {
			pub := ps[0][b].Public()
			pr := string(pub.R().SerializeCompressed())
			if seenPresigR[pr] {
				t.Fatalf("presignature R repeated at signature %d", done+b)
			}
			seenPresigR[pr] = true
			req := request(t, id, "message")
			req.Hash[31] = byte(b)
			sig, err := ecdsa.Combine(pub, y, req, signAll(t, ps, b, req))
			if err != nil {
				t.Fatalf("signature %d: %v", done+b, err)
			}
			if seenR[string(sig.R[:])] {
				t.Fatalf("r repeated at signature %d", done+b)
			}
			seenR[string(sig.R[:])] = true
			raw := sig.Bytes()
			got, err := crypto.Ecrecover(req.Hash[:], raw[:])
			if err != nil || string(got) != string(want[:]) {
				t.Fatalf("signature %d does not recover the PKP key: %v", done+b, err)
			}
		}
	}
}

func TestRhoNeedsEveryMembersCommittedContribution(t *testing.T) {
	d := newDealer(t, 5, 2)
	ps := mustPresign(t, d, []int{0, 1, 2, 3, 4}, 2)
	pub := ps[0][0].Public()
	us := make([][32]byte, len(ps))
	for m := range ps {
		if !bytes.Equal(mustMarshal(t, ps[m][0].Public()), mustMarshal(t, pub)) {
			t.Fatalf("member %d holds another public presignature", m)
		}
		us[m] = ps[m][0].Contribution()
		if us[m] == ps[m][1].Contribution() || (m > 0 && us[m] == us[m-1]) {
			t.Fatal("contributions repeat across presignatures or members")
		}
	}
	ctx := []byte("request tuple")
	rho, err := pub.Rho(ctx, us)
	if err != nil {
		t.Fatal(err)
	}
	for m := range ps {
		again, err := ps[m][0].Public().Rho(ctx, us)
		if err != nil || again != rho {
			t.Fatalf("member %d derives another ρ: %v", m, err)
		}
	}
	if other, _ := pub.Rho([]byte("another request"), us); other == rho {
		t.Fatal("ρ does not depend on the request")
	}
	// A member revealing anything but what it committed to is named.
	bad := slices.Clone(us)
	bad[3][0] ^= 1
	_, err = pub.Rho(ctx, bad)
	var fe *ecdsa.FaultError
	if !errors.As(err, &fe) || fe.Member != 3 || !errors.Is(err, ecdsa.ErrBadContribution) {
		t.Fatalf("a false contribution of member 3: %v", err)
	}
	if err := pub.CheckContribution(3, bad[3]); !errors.Is(err, ecdsa.ErrBadContribution) {
		t.Fatalf("CheckContribution accepted a false contribution: %v", err)
	}
	if err := pub.CheckContribution(3, us[3]); err != nil {
		t.Fatal(err)
	}
	// Another presignature's contribution does not open this one's commitment.
	swapped := slices.Clone(us)
	swapped[1] = ps[1][1].Contribution()
	if _, err := pub.Rho(ctx, swapped); !errors.Is(err, ecdsa.ErrBadContribution) {
		t.Fatalf("a contribution of another presignature was accepted: %v", err)
	}
	if _, err := pub.Rho(ctx, us[:4]); !errors.Is(err, ecdsa.ErrInvalid) {
		t.Fatalf("four contributions of five: %v", err)
	}
	if err := pub.CheckContribution(5, us[0]); !errors.Is(err, ecdsa.ErrInvalid) {
		t.Fatalf("a contribution of a sixth member: %v", err)
	}
}

func mustMarshal(t testing.TB, p *ecdsa.PublicPresignature) []byte {
	t.Helper()
	b, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
