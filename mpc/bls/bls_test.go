package bls_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/drand/kyber"
	"github.com/drand/kyber/share"
	blst "github.com/supranational/blst/bindings/go"

	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// dealt is a dealer-made sharing of a BLS key, standing in for a DKG where the DKG is not the
// point of the test.
type dealt struct {
	secret kyber.Scalar
	pub    *share.PubPoly
	shares []*share.PriShare
}

func deal(n, t int) *dealt {
	g := bls.KeyGroup()
	secret := g.Scalar().Pick(bls.Suite().RandomStream())
	poly := share.NewPriPoly(g, t, secret, bls.Suite().RandomStream())
	return &dealt{secret: secret, pub: poly.Commit(nil), shares: poly.Shares(n)}
}

func (d *dealt) partials(tb testing.TB, msg []byte, idx ...int) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, i := range idx {
		p, err := bls.PartialSign(d.shares[i], msg)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

func indices(rejected []*bls.PartialError) string {
	var s []string
	for _, r := range rejected {
		s = append(s, fmt.Sprint(r.Index))
	}
	return strings.Join(s, ",")
}

func TestAnyThresholdOfPartialsCombineIntoTheKeysSignature(t *testing.T) {
	d := deal(7, 5)
	msg := []byte("identity")
	for _, set := range [][]int{{0, 1, 2, 3, 4}, {6, 5, 4, 3, 2}, {0, 1, 2, 3, 4, 5, 6}} {
		sig, rejected, err := bls.Combine(d.pub, msg, d.partials(t, msg, set...), 5)
		if err != nil || len(rejected) != 0 {
			t.Fatalf("set %v: %v, rejected %v", set, err, rejected)
		}
		if err := bls.Verify(d.pub.Commit(), msg, sig); err != nil {
			t.Fatalf("set %v: combined signature does not verify: %v", set, err)
		}
		// It is the signature of the whole secret: the same as signing with it directly.
		h := bls.Suite().G2().Point().(kyber.HashablePoint).Hash(msg)
		want, _ := bls.Suite().G2().Point().Mul(d.secret, h).MarshalBinary()
		if !bytes.Equal(sig, want) {
			t.Fatalf("set %v: combined signature differs from the secret's signature", set)
		}
	}
}

func TestVerifyPartialNamesTheIndexOfABadShare(t *testing.T) {
	d := deal(4, 3)
	msg := []byte("m")
	good := d.partials(t, msg, 2)[0]
	if err := bls.VerifyPartial(d.pub, msg, good); err != nil {
		t.Fatalf("good partial rejected: %v", err)
	}
	otherMsg := d.partials(t, []byte("other"), 2)[0]
	// Share 1's signature presented as share 2's.
	wrongIndex := append([]byte{0, 2}, d.partials(t, msg, 1)[0][2:]...)
	cases := []struct {
		name    string
		partial []byte
		index   int
	}{
		{"a signature over another message", otherMsg, 2},
		{"another share's signature under this index", wrongIndex, 2},
		{"a truncated partial", good[:len(good)-1], -1},
		{"a signature that is not a curve point", append(append([]byte{}, good[:2]...), bytes.Repeat([]byte{0xaa}, 96)...), 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := bls.VerifyPartial(d.pub, msg, c.partial)
			var pe *bls.PartialError
			if !errors.As(err, &pe) || !errors.Is(err, bls.ErrBadPartial) {
				t.Fatalf("got %v, want a PartialError", err)
			}
			if pe.Index != c.index {
				t.Fatalf("error names index %d, want %d", pe.Index, c.index)
			}
		})
	}
}

func TestCombineSkipsAndReportsBadPartials(t *testing.T) {
	d := deal(7, 5)
	msg := []byte("m")
	ps := d.partials(t, msg, 0, 1, 2, 3, 4, 5, 6)
	ps[1] = d.partials(t, []byte("forged"), 1)[0] // share 1 signs the wrong thing
	ps[4] = ps[4][:10]                            // share 4's answer is cut short
	ps = append(ps, ps[0])                        // share 0 answers twice
	sig, rejected, err := bls.Combine(d.pub, msg, ps, 5)
	if err != nil {
		t.Fatal(err)
	}
	if got := indices(rejected); got != "1,-1,0" {
		t.Fatalf("rejected %s, want 1,-1,0", got)
	}
	if err := bls.Verify(d.pub.Commit(), msg, sig); err != nil {
		t.Fatal(err)
	}

	// With two of five bad and a threshold of five, it must refuse.
	_, rejected, err = bls.Combine(d.pub, msg, ps[:5], 5)
	if !errors.Is(err, bls.ErrNotEnoughPartials) {
		t.Fatalf("got %v, want ErrNotEnoughPartials", err)
	}
	if !strings.Contains(err.Error(), "3 valid of 5") || indices(rejected) != "1,-1" {
		t.Fatalf("error %q / rejected %s do not say what happened", err, indices(rejected))
	}
}

func TestPublicPolynomialsRoundTrip(t *testing.T) {
	d := deal(4, 3)
	enc, err := bls.MarshalPublicPoly(d.pub)
	if err != nil {
		t.Fatal(err)
	}
	back, err := bls.ParsePublicPoly(enc)
	if err != nil || !back.Equal(d.pub) {
		t.Fatalf("round trip: %v", err)
	}
	id, _ := bls.KeyGroup().Point().Null().MarshalBinary()
	for name, bad := range map[string][][]byte{
		"no commitments":         nil,
		"an identity commitment": {enc[0], id},
		"a short commitment":     {enc[0][:47]},
	} {
		if _, err := bls.ParsePublicPoly(bad); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestCombineRefusesAThresholdThePolynomialDoesNotHave(t *testing.T) {
	d := deal(4, 3)
	msg := []byte("m")
	for _, th := range []int{0, 2, 4} {
		if _, _, err := bls.Combine(d.pub, msg, d.partials(t, msg, 0, 1, 2, 3), th); !errors.Is(err, bls.ErrThreshold) {
			t.Errorf("threshold %d: got %v, want ErrThreshold", th, err)
		}
	}
}

func TestIdentityFollowsTheDesign(t *testing.T) {
	cond := sha256.Sum256([]byte("conditions"))
	data := sha256.Sum256([]byte("data"))
	// Hashes from sha256sum: printf conditions | sha256sum; printf data | sha256sum.
	want := "lit-accesscontrolcondition://" +
		"562a77a7ae22fe1bb05561df5f820282d4e199b7d5469ee234068f35aefedae1" + "/" +
		"3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7"
	if got := string(bls.Identity(cond, data)); got != want {
		t.Fatalf("identity\n got %s\nwant %s", got, want)
	}
}

// signIdentity plays the network: T shares sign the identity and the client combines.
func signIdentity(tb testing.TB, d *dealt, th int, cond, dataHash [32]byte) []byte {
	tb.Helper()
	id := bls.Identity(cond, dataHash)
	idx := make([]int, th)
	for i := range idx {
		idx[i] = i
	}
	sig, _, err := bls.Combine(d.pub, id, d.partials(tb, id, idx...), th)
	if err != nil {
		tb.Fatal(err)
	}
	return sig
}

func TestEncryptedDataOpensOnlyWithTheKeyOfItsIdentity(t *testing.T) {
	d := deal(4, 3)
	cond := sha256.Sum256([]byte(`[{"method":"eth_getBalance"}]`))
	otherCond := sha256.Sum256([]byte(`[]`))
	plaintext := []byte("the secret file")
	ct, err := bls.Encrypt(d.pub.Commit(), cond, plaintext)
	if err != nil {
		t.Fatal(err)
	}
	if ct.DataHash != sha256.Sum256(plaintext) {
		t.Fatal("ciphertext does not record the data hash")
	}
	if bytes.Contains(ct.Sealed, plaintext) {
		t.Fatal("plaintext visible in the ciphertext")
	}
	key := signIdentity(t, d, 3, cond, ct.DataHash)
	got, err := bls.Decrypt(key, cond, ct)
	if err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("decrypt: %q, %v", got, err)
	}

	otherKey := signIdentity(t, d, 3, otherCond, ct.DataHash)
	tamperedSealed := *ct
	tamperedSealed.Sealed = append([]byte(nil), ct.Sealed...)
	tamperedSealed.Sealed[0] ^= 1
	tamperedHash := *ct
	tamperedHash.DataHash[0] ^= 1
	keyForTamperedHash := signIdentity(t, d, 3, cond, tamperedHash.DataHash)
	cases := []struct {
		name string
		key  []byte
		cond [32]byte
		ct   *bls.Ciphertext
	}{
		{"the key of other conditions", otherKey, otherCond, ct},
		{"the right key but other conditions claimed", key, otherCond, ct},
		{"the key of other conditions claimed as these", otherKey, cond, ct},
		{"a tampered data byte", key, cond, &tamperedSealed},
		{"a changed data hash with its own valid key", keyForTamperedHash, cond, &tamperedHash},
		{"a key that is not a signature", bytes.Repeat([]byte{1}, 96), cond, ct},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := bls.Decrypt(c.key, c.cond, c.ct); !errors.Is(err, bls.ErrDecrypt) {
				t.Fatalf("got %v, want ErrDecrypt", err)
			}
		})
	}
}

func TestCiphertextsRoundTripThroughTheirEncoding(t *testing.T) {
	d := deal(4, 3)
	cond := sha256.Sum256([]byte("c"))
	for _, size := range []int{0, 1, 1000} {
		plaintext := bytes.Repeat([]byte{7}, size)
		ct, err := bls.Encrypt(d.pub.Commit(), cond, plaintext)
		if err != nil {
			t.Fatal(err)
		}
		b, err := ct.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != 158+size+16 {
			t.Fatalf("%d-byte plaintext encodes to %d bytes", size, len(b))
		}
		back, err := bls.ParseCiphertext(b)
		if err != nil {
			t.Fatal(err)
		}
		got, err := bls.Decrypt(signIdentity(t, d, 3, cond, back.DataHash), cond, back)
		if err != nil || !bytes.Equal(got, plaintext) {
			t.Fatalf("decrypt after round trip: %v", err)
		}
	}
}

func TestMalformedCiphertextsAreRejected(t *testing.T) {
	d := deal(4, 3)
	ct, err := bls.Encrypt(d.pub.Commit(), [32]byte{}, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	good, _ := ct.MarshalBinary()
	edit := func(f func(b []byte)) []byte {
		b := append([]byte(nil), good...)
		f(b)
		return b
	}
	cases := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"shorter than header, nonce and tag", good[:158+15]},
		{"an unknown version", edit(func(b []byte) { b[0] = 2 })},
		{"an unknown scheme", edit(func(b []byte) { b[1] = 2 })},
		{"an IBE point off the curve", edit(func(b []byte) { b[34+47] ^= 1 })},
		{"the identity as IBE point", edit(func(b []byte) { b[34] = 0xc0; clear(b[35:82]) })},
		{"over the size limit", make([]byte, bls.MaxCiphertextSize+1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := bls.ParseCiphertext(c.in); !errors.Is(err, bls.ErrBadCiphertext) {
				t.Fatalf("got %v, want ErrBadCiphertext", err)
			}
		})
	}
}

func FuzzParseCiphertext(f *testing.F) {
	d := deal(2, 1)
	ct, err := bls.Encrypt(d.pub.Commit(), [32]byte{1}, []byte("seed"))
	if err != nil {
		f.Fatal(err)
	}
	good, _ := ct.MarshalBinary()
	f.Add(good)
	f.Add(good[:160])
	f.Fuzz(func(t *testing.T, in []byte) {
		ct, err := bls.ParseCiphertext(in)
		if err != nil {
			if !errors.Is(err, bls.ErrBadCiphertext) {
				t.Fatalf("error %v does not wrap ErrBadCiphertext", err)
			}
			return
		}
		out, err := ct.MarshalBinary()
		if err != nil || !bytes.Equal(out, in) {
			t.Fatalf("accepted a non-canonical ciphertext (%v)", err)
		}
	})
}

// The whole path inside mpc: nodes run the DKG, each signs the identity with its share, the
// client combines T partials — one of them corrupted — and decrypts.
func TestNetworkKeyFromTheDKGDecryptsWithThresholdPartials(t *testing.T) {
	const n, th = 4, 3
	s := dkg.BLS12381()
	keys := make([]*dkg.KeyPair, n)
	nodes := make([]dkg.Node, n)
	for i := range keys {
		keys[i] = dkg.GenerateKeyPair(s)
		nodes[i] = dkg.Node{Index: uint32(i), Public: keys[i].Public, Member: i}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	net := mpctest.NewNetwork(n, 1024)
	results := make([]*dkg.Result, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = dkg.Run(ctx, net.Transport(i), dkg.Config{
				Suite: s, Longterm: keys[i].Private, SessionID: []byte("e2e"), NewNodes: nodes, Threshold: th,
			}, dkg.WithPhaseTimeout(time.Minute)) // nobody misbehaves: never waited for
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("dkg member %d: %v", i, err)
		}
	}
	pub := results[0].Key.PubPoly(s)

	cond := sha256.Sum256([]byte("conditions"))
	plaintext := []byte("alice's file")
	ct, err := bls.Encrypt(results[0].Key.PublicKey(), cond, plaintext)
	if err != nil {
		t.Fatal(err)
	}
	id := bls.Identity(cond, ct.DataHash)
	var partials [][]byte
	for i := 0; i < n; i++ {
		p, err := bls.PartialSign(results[i].Key.Share, id)
		if err != nil {
			t.Fatal(err)
		}
		partials = append(partials, p)
	}
	partials[1][len(partials[1])-1] ^= 1 // node 1 returns a corrupted share
	key, rejected, err := bls.Combine(pub, id, partials, th)
	if err != nil {
		t.Fatal(err)
	}
	if len(rejected) != 1 || rejected[0].Index != 1 {
		t.Fatalf("rejected %v, want exactly share 1", rejected)
	}
	got, err := bls.Decrypt(key, cond, ct)
	if err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("decrypt: %q, %v", got, err)
	}
}

func BenchmarkPartialSign(b *testing.B) {
	d := deal(4, 3)
	msg := []byte("identity")
	for b.Loop() {
		if _, err := bls.PartialSign(d.shares[0], msg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyPartial(b *testing.B) {
	d := deal(4, 3)
	msg := []byte("identity")
	p := d.partials(b, msg, 0)[0]
	for b.Loop() {
		if err := bls.VerifyPartial(d.pub, msg, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyPartials is the client's check of T answers on a warm ShareKeys: one batch
// pairing product (compare T × VerifyPartial).
func BenchmarkVerifyPartials(b *testing.B) {
	for _, c := range []struct{ n, t int }{{4, 3}, {7, 5}, {10, 7}} {
		b.Run(fmt.Sprintf("T=%d_of_%d", c.t, c.n), func(b *testing.B) {
			d := deal(c.n, c.t)
			msg := []byte("identity")
			idx := make([]int, c.t)
			for i := range idx {
				idx[i] = i
			}
			ps := d.partials(b, msg, idx...)
			keys := bls.NewShareKeys(d.pub)
			for b.Loop() {
				_, errs := keys.VerifyPartials(msg, ps)
				for _, err := range errs {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkCombine measures the client's work: verify T partials (one batch check), interpolate.
func BenchmarkCombine(b *testing.B) {
	for _, c := range []struct{ n, t int }{{4, 3}, {7, 5}, {10, 7}} {
		b.Run(fmt.Sprintf("T=%d_of_%d", c.t, c.n), func(b *testing.B) {
			d := deal(c.n, c.t)
			msg := []byte("identity")
			idx := make([]int, c.t)
			for i := range idx {
				idx[i] = i
			}
			ps := d.partials(b, msg, idx...)
			for b.Loop() {
				if _, _, err := bls.Combine(d.pub, msg, ps, c.t); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncrypt(b *testing.B) {
	d := deal(4, 3)
	data := make([]byte, 1<<10)
	for b.Loop() {
		if _, err := bls.Encrypt(d.pub.Commit(), [32]byte{}, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecrypt(b *testing.B) {
	d := deal(4, 3)
	ct, err := bls.Encrypt(d.pub.Commit(), [32]byte{}, make([]byte, 1<<10))
	if err != nil {
		b.Fatal(err)
	}
	key := signIdentity(b, d, 3, [32]byte{}, ct.DataHash)
	for b.Loop() {
		if _, err := bls.Decrypt(key, [32]byte{}, ct); err != nil {
			b.Fatal(err)
		}
	}
}

// Two bad partials whose errors cancel in a plain sum (σ₁+δ and σ₂−δ) would pass an unweighted
// batch check; the random weights of VerifyPartials must still catch and name both, and keep
// the good ones.
func TestBatchVerificationCatchesErrorsThatCancel(t *testing.T) {
	d := deal(7, 5)
	msg := []byte("m")
	ps := d.partials(t, msg, 0, 1, 2, 3, 4, 5, 6)
	g2 := bls.Suite().G2()
	delta := g2.Point().Pick(bls.Suite().RandomStream())
	shift := func(p []byte, by kyber.Point) []byte {
		pt := g2.Point()
		if err := pt.UnmarshalBinary(p[2:]); err != nil {
			t.Fatal(err)
		}
		raw, err := pt.Add(pt, by).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		return append(append([]byte{}, p[:2]...), raw...)
	}
	ps[1] = shift(ps[1], delta)
	ps[2] = shift(ps[2], g2.Point().Neg(delta))
	keys := bls.NewShareKeys(d.pub)
	for round := range 20 { // fresh weights every call
		_, errs := keys.VerifyPartials(msg, ps)
		for j, err := range errs {
			if bad := j == 1 || j == 2; bad != (err != nil) {
				t.Fatalf("round %d: partial %d: error %v", round, j, err)
			}
			var pe *bls.PartialError
			if err != nil && (!errors.As(err, &pe) || pe.Index != j) {
				t.Fatalf("round %d: partial %d: %v does not name index %d", round, j, err, j)
			}
		}
	}
	sig, rejected, err := keys.Combine(msg, ps, 5)
	if err != nil || indices(rejected) != "1,2" {
		t.Fatalf("combine: rejected %s, %v", indices(rejected), err)
	}
	if err := bls.Verify(d.pub.Commit(), msg, sig); err != nil {
		t.Fatal(err)
	}
}

// CombineIfValid returns only the root key's signature, and refuses — so the caller checks
// each partial — whenever a partial it would use is bad.
func TestCombineIfValidReturnsOnlyTheRootKeysSignature(t *testing.T) {
	d := deal(7, 5)
	msg := []byte("lit-accesscontrolcondition://fast")
	keys := bls.NewShareKeys(d.pub)
	good := d.partials(t, msg, 6, 2, 0, 4, 3)
	sig, ok := keys.CombineIfValid(msg, good, 5)
	if !ok {
		t.Fatal("five good partials did not combine")
	}
	if err := bls.Verify(d.pub.Commit(), msg, sig); err != nil {
		t.Fatalf("the fast signature does not verify: %v", err)
	}
	want, _, err := keys.Combine(msg, good, 5)
	if err != nil || !bytes.Equal(sig, want) {
		t.Fatalf("fast %x, checked %x (%v)", sig, want, err)
	}

	g2 := bls.Suite().G2()
	with := func(j int, p []byte) [][]byte {
		ps := slices.Clone(good)
		ps[j] = append(append([]byte{}, good[j][:2]...), p...)
		return ps
	}
	other := d.partials(t, []byte("another message"), 2)[0]
	random, err := g2.Point().Pick(bls.Suite().RandomStream()).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for name, ps := range map[string][][]byte{
		"a share over another message":    with(1, other[2:]),
		"a random G2 point":               with(3, random),
		"a point outside G2":              with(0, outsideG2(t)),
		"bytes that are no point":         with(4, bytes.Repeat([]byte{0xa5}, bls.SignatureSize)),
		"a repeated index":                append(slices.Clone(good[:4]), good[0]),
		"fewer than the threshold":        good[:4],
		"a share of another polynomial":   append(slices.Clone(good[:4]), deal(7, 5).partials(t, msg, 5)...),
		"a truncated partial":             append(slices.Clone(good[:4]), good[4][:50]),
		"partials of another threshold":   d.partials(t, msg, 0, 1, 2, 3),
		"the identity as a partial share": with(2, append([]byte{0xc0}, make([]byte, bls.SignatureSize-1)...)),
	} {
		if sig, ok := keys.CombineIfValid(msg, ps, 5); ok {
			t.Errorf("%s: combined into %x", name, sig)
		}
	}
	if _, ok := bls.NewShareKeys(deal(7, 5).pub).CombineIfValid(msg, good, 5); ok {
		t.Error("partials combined under another network's key")
	}
	if _, ok := keys.CombineIfValid(msg, good, 4); ok {
		t.Error("combined at a threshold the polynomial does not have")
	}
}

// outsideG2 is a point on the curve E'(Fp2) outside the prime-order subgroup, compressed: a
// random x whose point exists (blst's Uncompress checks the curve, not the subgroup).
func outsideG2(t *testing.T) []byte {
	t.Helper()
	for range 1000 {
		b := make([]byte, bls.SignatureSize)
		if _, err := rand.Read(b); err != nil {
			t.Fatal(err)
		}
		b[0] = b[0]&0x1f | 0x80 // compressed, not infinity, x below the field size
		if p := new(blst.P2Affine).Uncompress(b); p != nil && !p.InG2() {
			return b
		}
	}
	t.Fatal("no point outside G2 found")
	return nil
}

// BenchmarkClientCombine is the client's work on T answers to a decryption request with a warm
// ShareKeys (one per network key), a new identity each time (so one hash to G2 each): the
// checked way (VerifyPartials' batch check, then Interpolate) against CombineIfValid.
func BenchmarkClientCombine(b *testing.B) {
	for _, c := range []struct{ n, t int }{{4, 3}, {7, 5}, {10, 7}} {
		d := deal(c.n, c.t)
		idx := make([]int, c.t)
		for i := range idx {
			idx[i] = i
		}
		const ring = 32
		msgs := make([][]byte, ring)
		parts := make([][][]byte, ring)
		for i := range msgs {
			msgs[i] = fmt.Appendf(nil, "lit-accesscontrolcondition://%d", i)
			parts[i] = d.partials(b, msgs[i], idx...)
		}
		keys := bls.NewShareKeys(d.pub)
		b.Run(fmt.Sprintf("T=%d_of_%d/way=checked", c.t, c.n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				ok, errs := keys.VerifyPartials(msgs[i%ring], parts[i%ring])
				for _, err := range errs {
					if err != nil {
						b.Fatal(err)
					}
				}
				if _, err := keys.Interpolate(ok, c.t); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
		b.Run(fmt.Sprintf("T=%d_of_%d/way=fast", c.t, c.n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, ok := keys.CombineIfValid(msgs[i%ring], parts[i%ring], c.t); !ok {
					b.Fatal("did not combine")
				}
				i++
			}
		})
	}
}
