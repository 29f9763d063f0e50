package dkg_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/drand/kyber/share"

	"github.com/litmesh/litmesh/mpc/dkg"
)

// dealtKeyShare makes a key share the way a run would leave it: share i of a random polynomial.
func dealtKeyShare(s dkg.Suite, t, i int) *dkg.KeyShare {
	poly := share.NewPriPoly(s, t, nil, s.RandomStream())
	_, commits := poly.Commit(nil).Info()
	return &dkg.KeyShare{Share: poly.Eval(i), Commits: commits}
}

func TestKeySharesRoundTrip(t *testing.T) {
	for _, sc := range suites {
		t.Run(sc.name, func(t *testing.T) {
			k := dealtKeyShare(sc.suite, 3, 2)
			b, err := k.MarshalBinary(sc.suite)
			if err != nil {
				t.Fatal(err)
			}
			got, err := dkg.UnmarshalKeyShare(sc.suite, b)
			if err != nil {
				t.Fatal(err)
			}
			if got.Share.I != 2 || !got.Share.V.Equal(k.Share.V) || !got.PubPoly(sc.suite).Equal(k.PubPoly(sc.suite)) {
				t.Fatal("key share changed in the round trip")
			}
			if got.Threshold() != 3 || !got.PublicKey().Equal(k.PublicKey()) {
				t.Fatal("threshold or public key changed")
			}
		})
	}
}

func TestPolyDigestDependsOnEveryCoefficient(t *testing.T) {
	s := dkg.BLS12381()
	k := dealtKeyShare(s, 3, 0)
	d1, err := k.PolyDigest(s)
	if err != nil {
		t.Fatal(err)
	}
	same := &dkg.KeyShare{Share: k.Share, Commits: append(k.Commits[:0:0], k.Commits...)}
	if d2, _ := same.PolyDigest(s); d2 != d1 {
		t.Fatal("equal polynomials give different digests")
	}
	same.Commits[2] = s.Point().Add(same.Commits[2], s.Point().Base())
	if d3, _ := same.PolyDigest(s); d3 == d1 {
		t.Fatal("changing the last coefficient does not change the digest")
	}
}

func TestDamagedKeySharesAreRejected(t *testing.T) {
	s := dkg.BLS12381()
	k := dealtKeyShare(s, 3, 1)
	good, err := k.MarshalBinary(s)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	nameLen := len(s.String())
	shareAt := 2 + nameLen + 4 + 2
	cases := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"another version", edit(func(b []byte) []byte { b[0] = 9; return b })},
		{"truncated", good[:len(good)-1]},
		{"trailing bytes", append(append([]byte(nil), good...), 0)},
		{"another share value", edit(func(b []byte) []byte { b[shareAt+31] ^= 1; return b })},
		{"another index", edit(func(b []byte) []byte { b[2+nameLen+3] ^= 1; return b })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := dkg.UnmarshalKeyShare(s, c.in); !errors.Is(err, dkg.ErrBadKey) {
				t.Fatalf("got %v, want ErrBadKey", err)
			}
		})
	}
	t.Run("a share of another group", func(t *testing.T) {
		if _, err := dkg.UnmarshalKeyShare(dkg.Secp256k1(), good); !errors.Is(err, dkg.ErrBadKey) {
			t.Fatalf("got %v, want ErrBadKey", err)
		}
	})
}

func TestLongTermKeysRoundTrip(t *testing.T) {
	for _, sc := range suites {
		t.Run(sc.name, func(t *testing.T) {
			k := dkg.GenerateKeyPair(sc.suite)
			priv, err := k.MarshalPrivate()
			if err != nil {
				t.Fatal(err)
			}
			back, err := dkg.ParsePrivateKey(sc.suite, priv)
			if err != nil || !back.Public.Equal(k.Public) {
				t.Fatalf("private key round trip: %v", err)
			}
			pub, err := k.MarshalPublic()
			if err != nil {
				t.Fatal(err)
			}
			p, err := dkg.ParsePublicKey(sc.suite, pub)
			if err != nil || !p.Equal(k.Public) {
				t.Fatalf("public key round trip: %v", err)
			}
			id, _ := sc.suite.Point().Null().MarshalBinary()
			zero := make([]byte, sc.suite.ScalarLen())
			for name, bad := range map[string][]byte{
				"identity": id, "short": pub[1:], "long": append(append([]byte(nil), pub...), 0),
			} {
				if _, err := dkg.ParsePublicKey(sc.suite, bad); !errors.Is(err, dkg.ErrBadKey) {
					t.Errorf("public key %s: got %v, want ErrBadKey", name, err)
				}
			}
			for name, bad := range map[string][]byte{
				"zero": zero, "short": priv[1:], "all ones": bytes.Repeat([]byte{0xff}, len(priv)),
			} {
				if _, err := dkg.ParsePrivateKey(sc.suite, bad); !errors.Is(err, dkg.ErrBadKey) {
					t.Errorf("private key %s: got %v, want ErrBadKey", name, err)
				}
			}
		})
	}
}

func FuzzUnmarshalKeyShare(f *testing.F) {
	for _, sc := range suites {
		b, err := dealtKeyShare(sc.suite, 3, 0).MarshalBinary(sc.suite)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, sc := range suites {
			k, err := dkg.UnmarshalKeyShare(sc.suite, in)
			if err != nil {
				continue
			}
			out, err := k.MarshalBinary(sc.suite)
			if err != nil || !bytes.Equal(out, in) {
				t.Fatalf("accepted a non-canonical key share (%v)", err)
			}
		}
	})
}
