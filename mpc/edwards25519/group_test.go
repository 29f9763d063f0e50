package edwards25519_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha512"
	"errors"
	"math/big"
	"testing"

	ed "filippo.io/edwards25519"
	"github.com/drand/kyber"
	"github.com/drand/kyber/encrypt/ecies"
	"github.com/drand/kyber/share"
	"github.com/drand/kyber/sign/schnorr"
	kybertest "github.com/drand/kyber/util/test"

	"github.com/litmesh/litmesh/mpc/edwards25519"
)

var (
	g        = edwards25519.NewGroup()
	order, _ = new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)
)

func mustMarshal(t testing.TB, m interface{ MarshalBinary() ([]byte, error) }) []byte {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPassesKyberGenericGroupTests(t *testing.T) {
	kybertest.GroupTest(t, g)
	kybertest.SuiteTest(t, g)
}

// A key share marshals as the RFC 8032 scalar and point encodings: an Ed25519 private key's
// clamped scalar, reduced, times the base is the key crypto/ed25519 derives.
func TestEncodingsAreTheStandardEd25519Ones(t *testing.T) {
	seed := bytes.Repeat([]byte{7}, 32)
	want := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	h := sha512.Sum512(seed)
	clamped, err := ed.NewScalar().SetBytesWithClamping(h[:32])
	if err != nil {
		t.Fatal(err)
	}
	s, err := edwards25519.ParseScalar(clamped.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := mustMarshal(t, g.Point().Mul(s, nil)); !bytes.Equal(got, want) {
		t.Fatalf("public key %x, want %x", got, want)
	}
}

// torsion returns the small-order points, computed as ℓ·Q for curve points Q outside the subgroup.
func torsion(t *testing.T) [][]byte {
	t.Helper()
	var out [][]byte
	seen := map[string]bool{}
	lMinus1, _ := ed.NewScalar().SetCanonicalBytes(func() []byte {
		b := new(big.Int).Sub(order, big.NewInt(1)).Bytes()
		le := make([]byte, 32)
		for i := range b {
			le[i] = b[len(b)-1-i]
		}
		return le
	}())
	for y := byte(2); len(seen) < 8 && y < 255; y++ {
		enc := make([]byte, 32)
		enc[0] = y
		q, err := new(ed.Point).SetBytes(enc)
		if err != nil {
			continue
		}
		var tp ed.Point
		tp.ScalarMult(lMinus1, q)
		tp.Add(&tp, q) // ℓ·Q: the torsion part of Q, times ℓ
		if k := string(tp.Bytes()); !seen[k] {
			seen[k] = true
			out = append(out, tp.Bytes())
		}
	}
	if len(seen) != 8 {
		t.Fatalf("found %d small-order points", len(seen))
	}
	return out
}

// Small-order points, and points with a small-order component, are refused; the identity is
// refused by ParsePoint only.
func TestPointsOutsideThePrimeOrderSubgroupAreRefused(t *testing.T) {
	identity := ed.NewIdentityPoint().Bytes()
	base := ed.NewGeneratorPoint()
	for _, tb := range torsion(t) {
		if bytes.Equal(tb, identity) {
			continue
		}
		if err := g.Point().UnmarshalBinary(tb); !errors.Is(err, edwards25519.ErrTorsion) {
			t.Fatalf("small-order point %x: %v", tb, err)
		}
		tp, _ := new(ed.Point).SetBytes(tb)
		mixed := new(ed.Point).Add(base, tp).Bytes()
		if _, err := edwards25519.ParsePoint(mixed); !errors.Is(err, edwards25519.ErrTorsion) {
			t.Fatalf("G + small-order point: %v", err)
		}
	}
	if err := g.Point().UnmarshalBinary(identity); err != nil {
		t.Fatalf("identity: %v", err)
	}
	if _, err := edwards25519.ParsePoint(identity); !errors.Is(err, edwards25519.ErrIdentity) {
		t.Fatalf("ParsePoint(identity): %v", err)
	}
}

func TestNonCanonicalEncodingsAreRefused(t *testing.T) {
	// y = p + 1 encodes the same point as y = 1 (the identity) in a non-canonical way.
	nonCanonicalY := append([]byte{0xee}, bytes.Repeat([]byte{0xff}, 30)...)
	nonCanonicalY = append(nonCanonicalY, 0x7f)
	// x = 0 with the sign bit set.
	negZero := append([]byte{1}, make([]byte, 30)...)
	negZero = append(negZero, 0x80)
	for name, b := range map[string][]byte{"y ≥ p": nonCanonicalY, "−0": negZero, "short": {1, 2}} {
		if err := g.Point().UnmarshalBinary(b); !errors.Is(err, edwards25519.ErrInvalidPoint) {
			t.Fatalf("%s: %v", name, err)
		}
	}
	lBytes := make([]byte, 32)
	ob := order.Bytes()
	for i := range ob {
		lBytes[i] = ob[len(ob)-1-i]
	}
	if _, err := edwards25519.ParseScalar(lBytes); !errors.Is(err, edwards25519.ErrNonCanonicalScalar) {
		t.Fatalf("scalar ℓ: %v", err)
	}
}

func TestScalarArithmeticMatchesBigIntegers(t *testing.T) {
	toBig := func(s kyber.Scalar) *big.Int {
		b := mustMarshal(t, s)
		be := make([]byte, 32)
		for i := range b {
			be[i] = b[31-i]
		}
		return new(big.Int).SetBytes(be)
	}
	for range 50 {
		a, b := g.Scalar().Pick(g.RandomStream()), g.Scalar().Pick(g.RandomStream())
		A, B := toBig(a), toBig(b)
		mod := func(x *big.Int) *big.Int { return x.Mod(x, order) }
		for name, c := range map[string]struct {
			got  kyber.Scalar
			want *big.Int
		}{
			"add": {g.Scalar().Add(a, b), mod(new(big.Int).Add(A, B))},
			"sub": {g.Scalar().Sub(a, b), mod(new(big.Int).Sub(A, B))},
			"mul": {g.Scalar().Mul(a, b), mod(new(big.Int).Mul(A, B))},
			"neg": {g.Scalar().Neg(a), mod(new(big.Int).Neg(A))},
			"inv": {g.Scalar().Inv(a), new(big.Int).ModInverse(A, order)},
		} {
			if toBig(c.got).Cmp(c.want) != 0 {
				t.Fatalf("%s wrong", name)
			}
		}
	}
	long := bytes.Repeat([]byte{0xff}, 70)
	le := make([]byte, 70)
	for i := range long {
		le[i] = long[69-i]
	}
	if toBig(g.Scalar().SetBytes(long)).Cmp(new(big.Int).Mod(new(big.Int).SetBytes(le), order)) != 0 {
		t.Fatal("SetBytes of 70 bytes")
	}
	if toBig(g.Scalar().SetInt64(-5)).Cmp(new(big.Int).Sub(order, big.NewInt(5))) != 0 {
		t.Fatal("SetInt64(−5)")
	}
}

// The DKG runs kyber's Shamir sharing, Schnorr bundle signatures and ECIES deal encryption
// over this group.
func TestKyberProtocolsRunOverTheGroup(t *testing.T) {
	secret := g.Scalar().Pick(g.RandomStream())
	poly := share.NewPriPoly(g, 3, secret, g.RandomStream())
	pub := poly.Commit(nil)
	shares := poly.Shares(5)
	got, err := share.RecoverSecret(g, shares[1:4], 3, 5)
	if err != nil || !got.Equal(secret) {
		t.Fatalf("Shamir recovery: %v", err)
	}
	for _, s := range shares {
		if !pub.Check(s) {
			t.Fatal("share does not match its commitments")
		}
	}
	priv := g.Scalar().Pick(g.RandomStream())
	pk := g.Point().Mul(priv, nil)
	sig, err := schnorr.Sign(g, priv, []byte("bundle"))
	if err != nil {
		t.Fatal(err)
	}
	if err := schnorr.Verify(g, pk, []byte("bundle"), sig); err != nil {
		t.Fatal(err)
	}
	ct, err := ecies.Encrypt(g, pk, []byte("share"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if pt, err := ecies.Decrypt(g, priv, ct, nil); err != nil || string(pt) != "share" {
		t.Fatalf("ecies: %v", err)
	}
}

func FuzzPointUnmarshal(f *testing.F) {
	f.Add(ed.NewGeneratorPoint().Bytes())
	f.Add(ed.NewIdentityPoint().Bytes())
	f.Add(make([]byte, 32))
	f.Fuzz(func(t *testing.T, in []byte) {
		p := g.Point()
		if err := p.UnmarshalBinary(in); err != nil {
			return
		}
		if out := mustMarshal(t, p); !bytes.Equal(out, in) {
			t.Fatalf("accepted %x but marshals as %x", in, out)
		}
		q, _ := new(ed.Point).SetBytes(in)
		if !edwards25519.InPrimeOrderSubgroup(q) {
			t.Fatalf("accepted %x outside the subgroup", in)
		}
	})
}

func FuzzScalarUnmarshal(f *testing.F) {
	f.Add(make([]byte, 32))
	f.Add(bytes.Repeat([]byte{0xff}, 32))
	f.Fuzz(func(t *testing.T, in []byte) {
		s, err := edwards25519.ParseScalar(in)
		if err != nil {
			return
		}
		if out := mustMarshal(t, s); !bytes.Equal(out, in) {
			t.Fatalf("accepted %x but marshals as %x", in, out)
		}
	})
}
