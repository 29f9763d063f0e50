package secp256k1_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/big"
	"testing"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/drand/kyber"
	"github.com/drand/kyber/encrypt/ecies"
	"github.com/drand/kyber/share"
	"github.com/drand/kyber/sign/schnorr"
	kybertest "github.com/drand/kyber/util/test"

	"github.com/litmesh/litmesh/mpc/secp256k1"
)

var (
	g     = secp256k1.NewGroup()
	order = dsecp.Params().N
	prime = dsecp.Params().P
)

func randScalar() kyber.Scalar { return g.Scalar().Pick(g.RandomStream()) }
func randPoint() kyber.Point   { return g.Point().Pick(g.RandomStream()) }

func scalarFromBig(t *testing.T, v *big.Int) kyber.Scalar {
	t.Helper()
	var b [32]byte
	new(big.Int).Mod(v, order).FillBytes(b[:])
	s, err := secp256k1.ParseScalar(b[:])
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func bigOf(t *testing.T, s kyber.Scalar) *big.Int {
	t.Helper()
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return new(big.Int).SetBytes(b)
}

func mustMarshal(t *testing.T, m interface{ MarshalBinary() ([]byte, error) }) []byte {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// kyber's own generic group and suite checks: DH, homomorphisms, inverses, embedding, encoding,
// Set/Clone independence.
func TestPassesKyberGenericGroupTests(t *testing.T) {
	kybertest.GroupTest(t, g)
	kybertest.SuiteTest(t, g)
}

func TestBaseMultiplicationMatchesDecredPublicKeys(t *testing.T) {
	for i := 0; i < 20; i++ {
		k := randScalar()
		kb := mustMarshal(t, k)
		want := dsecp.PrivKeyFromBytes(kb).PubKey().SerializeCompressed()
		if got := mustMarshal(t, g.Point().Mul(k, nil)); !bytes.Equal(got, want) {
			t.Fatalf("k·G = %x, decred says %x", got, want)
		}
		// And through the generic (non-base) multiplication path.
		if got := mustMarshal(t, g.Point().Mul(k, g.Point().Base())); !bytes.Equal(got, want) {
			t.Fatalf("k·Base() = %x, decred says %x", got, want)
		}
	}
}

func TestGeneratorIsTheStandardOne(t *testing.T) {
	want := "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
	if got := hex.EncodeToString(mustMarshal(t, g.Point().Base())); got != want {
		t.Fatalf("G = %s, want %s", got, want)
	}
}

func TestGroupLaws(t *testing.T) {
	id := g.Point().Null()
	for i := 0; i < 10; i++ {
		a, b, c := randPoint(), randPoint(), randPoint()
		x, y := randScalar(), randScalar()
		laws := []struct {
			name     string
			lhs, rhs kyber.Point
		}{
			{"addition commutes", g.Point().Add(a, b), g.Point().Add(b, a)},
			{"addition associates", g.Point().Add(g.Point().Add(a, b), c), g.Point().Add(a, g.Point().Add(b, c))},
			{"identity is neutral", g.Point().Add(a, id), a},
			{"identity is neutral on the left", g.Point().Add(id, a), a},
			{"a minus a is the identity", g.Point().Sub(a, a), id},
			{"a plus its negation is the identity", g.Point().Add(a, g.Point().Neg(a)), id},
			{"adding a point to itself doubles it", g.Point().Add(a, a), g.Point().Mul(g.Scalar().SetInt64(2), a)},
			{"scalars distribute over points", g.Point().Mul(x, g.Point().Add(a, b)), g.Point().Add(g.Point().Mul(x, a), g.Point().Mul(x, b))},
			{"points distribute over scalars", g.Point().Mul(g.Scalar().Add(x, y), a), g.Point().Add(g.Point().Mul(x, a), g.Point().Mul(y, a))},
			{"multiplication composes", g.Point().Mul(g.Scalar().Mul(x, y), a), g.Point().Mul(x, g.Point().Mul(y, a))},
			{"zero times a point is the identity", g.Point().Mul(g.Scalar().Zero(), a), id},
			{"any scalar times the identity is the identity", g.Point().Mul(x, id), id},
			{"minus one times a is its negation", g.Point().Mul(g.Scalar().SetInt64(-1), a), g.Point().Neg(a)},
			{"negating the identity gives the identity", g.Point().Neg(id), id},
			{"sub is add of the negation", g.Point().Sub(a, b), g.Point().Add(a, g.Point().Neg(b))},
		}
		for _, l := range laws {
			if !l.lhs.Equal(l.rhs) {
				t.Fatalf("%s: %v != %v", l.name, l.lhs, l.rhs)
			}
		}
		if a.Equal(id) || a.Equal(g.Point().Neg(a)) {
			t.Fatal("a random point equals the identity or its own negation")
		}
	}
}

func TestTheGroupOrderAnnihilatesTheGenerator(t *testing.T) {
	nMinusOne := scalarFromBig(t, new(big.Int).Sub(order, big.NewInt(1)))
	p := g.Point().Mul(nMinusOne, nil)
	if !p.Equal(g.Point().Neg(g.Point().Base())) {
		t.Fatal("(n-1)·G != -G")
	}
	if !g.Point().Add(p, g.Point().Base()).Equal(g.Point().Null()) {
		t.Fatal("(n-1)·G + G != identity")
	}
}

func TestScalarArithmeticMatchesBigIntegers(t *testing.T) {
	mod := func(v *big.Int) *big.Int { return v.Mod(v, order) }
	for i := 0; i < 50; i++ {
		a, b := randScalar(), randScalar()
		A, B := bigOf(t, a), bigOf(t, b)
		cases := []struct {
			name string
			got  kyber.Scalar
			want *big.Int
		}{
			{"add", g.Scalar().Add(a, b), mod(new(big.Int).Add(A, B))},
			{"sub", g.Scalar().Sub(a, b), mod(new(big.Int).Sub(A, B))},
			{"neg", g.Scalar().Neg(a), mod(new(big.Int).Neg(A))},
			{"mul", g.Scalar().Mul(a, b), mod(new(big.Int).Mul(A, B))},
			{"inv", g.Scalar().Inv(a), new(big.Int).ModInverse(A, order)},
			{"div", g.Scalar().Div(a, b), mod(new(big.Int).Mul(A, new(big.Int).ModInverse(B, order)))},
		}
		for _, c := range cases {
			if got := bigOf(t, c.got); got.Cmp(c.want) != 0 {
				t.Fatalf("%s: got %x, want %x", c.name, got, c.want)
			}
		}
	}
}

func TestScalarOperationsMayAliasTheirArguments(t *testing.T) {
	a := randScalar()
	want := g.Scalar().Mul(a, a)
	got := a.Clone()
	got.Mul(got, got)
	if !got.Equal(want) {
		t.Fatal("s.Mul(s, s) differs from a fresh product")
	}
	p := randPoint()
	wantP := g.Point().Add(p, p)
	gotP := p.Clone()
	gotP.Add(gotP, gotP)
	if !gotP.Equal(wantP) {
		t.Fatal("p.Add(p, p) differs from a fresh sum")
	}
}

func TestInverseOfZeroIsZero(t *testing.T) {
	if !g.Scalar().Inv(g.Scalar().Zero()).Equal(g.Scalar().Zero()) {
		t.Fatal("Inv(0) != 0")
	}
}

func TestSetInt64HandlesSignsAndExtremes(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 42, -42, 1<<63 - 1, -1 << 63} {
		want := new(big.Int).Mod(big.NewInt(v), order)
		if got := bigOf(t, g.Scalar().SetInt64(v)); got.Cmp(want) != 0 {
			t.Errorf("SetInt64(%d) = %x, want %x", v, got, want)
		}
	}
}

func TestSetBytesReducesInputsOfAnyLength(t *testing.T) {
	h := sha256.Sum256([]byte("seed"))
	var long []byte
	for i := 0; i < 5; i++ {
		long = append(long, h[:]...)
	}
	for _, n := range []int{0, 1, 31, 32, 33, 64, 65, 100, 160} {
		in := long[:n]
		want := new(big.Int).Mod(new(big.Int).SetBytes(in), order)
		if got := bigOf(t, g.Scalar().SetBytes(in)); got.Cmp(want) != 0 {
			t.Errorf("SetBytes(%d bytes) = %x, want %x", n, got, want)
		}
	}
	allOnes := bytes.Repeat([]byte{0xff}, 64)
	want := new(big.Int).Mod(new(big.Int).SetBytes(allOnes), order)
	if got := bigOf(t, g.Scalar().SetBytes(allOnes)); got.Cmp(want) != 0 {
		t.Errorf("SetBytes(2^512-1) = %x, want %x", got, want)
	}
}

func TestMarshalRoundTrips(t *testing.T) {
	for i := 0; i < 20; i++ {
		s := randScalar()
		sb := mustMarshal(t, s)
		if len(sb) != secp256k1.ScalarSize {
			t.Fatalf("scalar marshals to %d bytes", len(sb))
		}
		s2, err := secp256k1.ParseScalar(sb)
		if err != nil || !s2.Equal(s) {
			t.Fatalf("scalar round trip: %v", err)
		}
		p := randPoint()
		pb := mustMarshal(t, p)
		if len(pb) != secp256k1.PointSize || (pb[0] != 2 && pb[0] != 3) {
			t.Fatalf("point marshals to %x", pb)
		}
		p2, err := secp256k1.ParsePoint(pb)
		if err != nil || !p2.Equal(p) {
			t.Fatalf("point round trip: %v", err)
		}
		var buf bytes.Buffer
		if _, err := p.MarshalTo(&buf); err != nil {
			t.Fatal(err)
		}
		p3 := g.Point()
		if _, err := p3.UnmarshalFrom(&buf); err != nil || !p3.Equal(p) {
			t.Fatalf("point stream round trip: %v", err)
		}
	}
	id := mustMarshal(t, g.Point().Null())
	if !bytes.Equal(id, make([]byte, 33)) {
		t.Fatalf("identity marshals to %x", id)
	}
	back := g.Point().Pick(g.RandomStream())
	if err := back.UnmarshalBinary(id); err != nil || !back.Equal(g.Point().Null()) {
		t.Fatalf("identity does not round-trip through UnmarshalBinary: %v", err)
	}
}

func TestDecredConversionsRoundTrip(t *testing.T) {
	p := randPoint()
	k, err := secp256k1.PublicKey(p)
	if err != nil {
		t.Fatal(err)
	}
	if !secp256k1.FromPublicKey(k).Equal(p) {
		t.Fatal("FromPublicKey(PublicKey(p)) != p")
	}
	if _, err := secp256k1.PublicKey(g.Point().Null()); !errors.Is(err, secp256k1.ErrIdentity) {
		t.Fatalf("PublicKey(identity): %v", err)
	}
	s := randScalar()
	v := secp256k1.ModNScalar(s)
	if !secp256k1.NewScalar(&v).Equal(s) {
		t.Fatal("NewScalar(ModNScalar(s)) != s")
	}
}

func TestBadPointEncodingsAreRejected(t *testing.T) {
	g2 := mustMarshal(t, g.Point().Base())
	var pBytes [32]byte
	prime.FillBytes(pBytes[:])
	// x = 5: 5^3 + 7 = 132 is not a square mod p, so no point has this X.
	var notOnCurve [33]byte
	notOnCurve[0], notOnCurve[32] = 2, 5
	var x [32]byte
	x[31] = 5
	var fx, fy dsecp.FieldVal
	fx.SetBytes(&x)
	if dsecp.DecompressY(&fx, false, &fy) {
		t.Fatal("test premise broken: x = 5 is on the curve")
	}
	cases := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty input", nil, secp256k1.ErrInvalidPoint},
		{"32 bytes", g2[:32], secp256k1.ErrInvalidPoint},
		{"34 bytes", append(append([]byte{}, g2...), 0), secp256k1.ErrInvalidPoint},
		{"uncompressed form", dsecp.PrivKeyFromBytes([]byte{1}).PubKey().SerializeUncompressed(), secp256k1.ErrInvalidPoint},
		{"prefix 0x04 at compressed length", append([]byte{4}, g2[1:]...), secp256k1.ErrInvalidPoint},
		{"prefix 0x00 with a nonzero X", append([]byte{0}, g2[1:]...), secp256k1.ErrInvalidPoint},
		{"identity prefix with trailing garbage", append(make([]byte, 32), 1), secp256k1.ErrInvalidPoint},
		{"X equal to the field prime", append([]byte{2}, pBytes[:]...), secp256k1.ErrInvalidPoint},
		{"X above the field prime", append([]byte{3}, bytes.Repeat([]byte{0xff}, 32)...), secp256k1.ErrInvalidPoint},
		{"X with no point on the curve", notOnCurve[:], secp256k1.ErrInvalidPoint},
		{"the identity where a key is expected", make([]byte, 33), secp256k1.ErrIdentity},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := secp256k1.ParsePoint(c.in); !errors.Is(err, c.want) {
				t.Fatalf("ParsePoint(%x) = %v, want %v", c.in, err, c.want)
			}
		})
	}
}

func TestBadScalarEncodingsAreRejected(t *testing.T) {
	var nb, n1 [32]byte
	order.FillBytes(nb[:])
	new(big.Int).Add(order, big.NewInt(1)).FillBytes(n1[:])
	cases := []struct {
		name string
		in   []byte
	}{
		{"empty input", nil},
		{"31 bytes", make([]byte, 31)},
		{"33 bytes", make([]byte, 33)},
		{"exactly the group order", nb[:]},
		{"the group order plus one", n1[:]},
		{"all ones", bytes.Repeat([]byte{0xff}, 32)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := secp256k1.ParseScalar(c.in); !errors.Is(err, secp256k1.ErrNonCanonicalScalar) {
				t.Fatalf("ParseScalar(%x) = %v, want ErrNonCanonicalScalar", c.in, err)
			}
		})
	}
	var nMinus1 [32]byte
	new(big.Int).Sub(order, big.NewInt(1)).FillBytes(nMinus1[:])
	for _, ok := range [][]byte{make([]byte, 32), nMinus1[:]} {
		if _, err := secp256k1.ParseScalar(ok); err != nil {
			t.Errorf("ParseScalar(%x): %v", ok, err)
		}
	}
}

func TestScalarStringDoesNotLeakTheValue(t *testing.T) {
	s := randScalar()
	if bytes.Contains([]byte(s.String()), []byte(hex.EncodeToString(mustMarshal(t, s))[:16])) {
		t.Fatal("Scalar.String prints the value")
	}
}

func TestEmbeddedDataComesBack(t *testing.T) {
	for _, msg := range []string{"", "x", "exactly thirty bytes of data!!", "longer than thirty bytes of data, truncated"} {
		p := g.Point().Embed([]byte(msg), g.RandomStream())
		got, err := p.Data()
		if err != nil {
			t.Fatal(err)
		}
		want := msg[:min(len(msg), p.EmbedLen())]
		if string(got) != want {
			t.Fatalf("Data() = %q, want %q", got, want)
		}
	}
}

// The DKG runs kyber's Shamir sharing, Schnorr packet signatures and ECIES deal encryption over
// this group: check that each works here.
func TestKyberProtocolsRunOverTheGroup(t *testing.T) {
	secret := randScalar()
	poly := share.NewPriPoly(g, 3, secret, g.RandomStream())
	pub := poly.Commit(nil)
	shares := poly.Shares(5)
	got, err := share.RecoverSecret(g, shares[1:4], 3, 5)
	if err != nil || !got.Equal(secret) {
		t.Fatalf("Shamir recovery: %v", err)
	}
	for _, s := range shares {
		if !pub.Check(s) {
			t.Fatalf("share %d does not match the public polynomial", s.I)
		}
	}

	priv := randScalar()
	pubKey := g.Point().Mul(priv, nil)
	sig, err := schnorr.Sign(g, priv, []byte("bundle"))
	if err != nil {
		t.Fatal(err)
	}
	if err := schnorr.Verify(g, pubKey, []byte("bundle"), sig); err != nil {
		t.Fatalf("schnorr verify: %v", err)
	}
	if err := schnorr.Verify(g, pubKey, []byte("other"), sig); err == nil {
		t.Fatal("schnorr accepted a signature over another message")
	}

	ct, err := ecies.Encrypt(g, pubKey, []byte("share"), nil)
	if err != nil {
		t.Fatal(err)
	}
	pt, err := ecies.Decrypt(g, priv, ct, nil)
	if err != nil || string(pt) != "share" {
		t.Fatalf("ecies: %q, %v", pt, err)
	}
}

func FuzzPointUnmarshal(f *testing.F) {
	f.Add(mustMarshalF(f, g.Point().Base()))
	f.Add(make([]byte, 33))
	f.Add([]byte{4, 1, 2})
	f.Fuzz(func(t *testing.T, in []byte) {
		p := g.Point()
		if err := p.UnmarshalBinary(in); err != nil {
			return
		}
		// Accepted encodings are canonical: they marshal back to the same bytes.
		if out := mustMarshal(t, p); !bytes.Equal(out, in) {
			t.Fatalf("accepted %x but marshals as %x", in, out)
		}
	})
}

func FuzzScalarUnmarshal(f *testing.F) {
	f.Add(make([]byte, 32))
	f.Add(bytes.Repeat([]byte{0xff}, 32))
	f.Fuzz(func(t *testing.T, in []byte) {
		s, err := secp256k1.ParseScalar(in)
		if err != nil {
			return
		}
		if out := mustMarshal(t, s); !bytes.Equal(out, in) {
			t.Fatalf("accepted %x but marshals as %x", in, out)
		}
		if new(big.Int).SetBytes(in).Cmp(order) >= 0 {
			t.Fatalf("accepted %x, not below the order", in)
		}
	})
}

func mustMarshalF(f *testing.F, p kyber.Point) []byte {
	b, err := p.MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	return b
}

func BenchmarkScalarMul(b *testing.B) {
	k, p := randScalar(), randPoint()
	r := g.Point()
	for b.Loop() {
		r.Mul(k, p)
	}
}

func BenchmarkBaseMul(b *testing.B) {
	k := randScalar()
	r := g.Point()
	for b.Loop() {
		r.Mul(k, nil)
	}
}

func BenchmarkScalarInv(b *testing.B) {
	k := randScalar()
	r := g.Scalar()
	for b.Loop() {
		r.Inv(k)
	}
}
