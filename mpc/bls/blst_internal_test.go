package bls

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/drand/kyber/share"
	"github.com/drand/kyber/util/random"
)

// The decryption path signs, checks and combines with supranational/blst where it used
// kyber-bls12381 (kilic). These tests hold the two to the same bytes: same partial signatures
// under both tags, same decoding decisions, same interpolated signature, and a golden file of
// partials written by kyber's tbls.

var updateBLS = flag.Bool("update-partials", false, "rewrite testdata/partials-nul.json with kyber's tbls")

func TestBlstPartialsAreKybersPartials(t *testing.T) {
	g := suite.G1()
	for i := range 20 {
		sh := &share.PriShare{I: i, V: g.Scalar().Pick(random.New())}
		msg := []byte("lit-accesscontrolcondition://" + string(rune('a'+i)))
		got, err := PartialSign(sh, msg)
		if err != nil {
			t.Fatal(err)
		}
		want, err := thresh.Sign(sh, msg)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("share %d: blst partial %x, kyber tbls %x", i, got, want)
		}
		lit, err := PartialSignLit(sh, msg)
		if err != nil {
			t.Fatal(err)
		}
		k, err := popSuite.G2().Point().Mul(sh.V, hashToG2POP(msg)).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if lit.ProofOfPossession != hex.EncodeToString(append([]byte{byte(i + 1)}, k...)) {
			t.Fatalf("share %d: blst Lit share differs from kyber's x·H_pop(msg)", i)
		}
	}
}

func TestBlstInterpolationIsKybersRecoverCommit(t *testing.T) {
	g := suite.G1()
	poly := share.NewPriPoly(g, 5, g.Scalar().Pick(random.New()), random.New())
	pub := poly.Commit(nil)
	msg := []byte("interpolate")
	keys := NewShareKeys(pub)
	var partials [][]byte
	var pubShares []*share.PubShare
	for _, sh := range poly.Shares(9)[2:] {
		p, err := PartialSign(sh, msg)
		if err != nil {
			t.Fatal(err)
		}
		partials = append(partials, p)
		pt, err := decodeSignature(p[2:])
		if err != nil {
			t.Fatal(err)
		}
		pubShares = append(pubShares, &share.PubShare{I: sh.I, V: pt})
	}
	got, rejected, err := keys.Combine(msg, partials, 5)
	if err != nil || len(rejected) > 0 {
		t.Fatalf("combine: %v %v", rejected, err)
	}
	want, err := share.RecoverCommit(suite.G2(), pubShares[:5], 5, len(pubShares))
	if err != nil {
		t.Fatal(err)
	}
	wb, err := want.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, wb) {
		t.Fatal("blst interpolation differs from kyber's RecoverCommit")
	}
	if err := Verify(pub.Commit(), msg, got); err != nil {
		t.Fatalf("kyber does not verify the blst-combined signature: %v", err)
	}
}

// interpolatePoint multiplies by small integer coefficients and one inverse (and by reduced
// scalars once they grow past 144 bits): it must give Lagrange interpolation's point for every
// threshold and choice of indices, from the thresholds of small networks to n = 100.
func TestInterpolationWithIntegerCoefficientsIsLagranges(t *testing.T) {
	g2 := suite.G2()
	for _, c := range []struct{ n, t int }{{1, 1}, {3, 2}, {4, 3}, {7, 5}, {10, 7}, {16, 11}, {32, 22}, {50, 34}, {100, 67}} {
		secret := g2.Scalar().Pick(random.New())
		poly := share.NewPriPoly(g2, c.t, secret, random.New())
		h := g2.Point().Pick(random.New())
		want, err := g2.Point().Mul(secret, h).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		shares := poly.Shares(c.n)
		for round := range 3 {
			// The lowest indices, the highest, and a random choice.
			pick := make([]int, c.n)
			for i := range pick {
				pick[i] = i
			}
			switch round {
			case 1:
				slices.Reverse(pick)
			case 2:
				rand.Shuffle(len(pick), func(a, b int) { pick[a], pick[b] = pick[b], pick[a] })
			}
			var vs []Verified
			for _, i := range pick[:c.t] {
				b, err := g2.Point().Mul(shares[i].V, h).MarshalBinary()
				if err != nil {
					t.Fatal(err)
				}
				p, err := decodeG2(b)
				if err != nil {
					t.Fatal(err)
				}
				vs = append(vs, Verified{Index: shares[i].I, point: p})
			}
			got, err := interpolate(vs, c.t)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("T = %d of %d, choice %d: interpolated %x…, want %x…", c.t, c.n, round, got[:8], want[:8])
			}
		}
	}
}

// g2Encodings returns valid, identity, off-curve, non-canonical and flag-mangled encodings.
func g2Encodings(t testing.TB) [][]byte {
	t.Helper()
	var out [][]byte
	for i := range 4 {
		p := suite.G2().Point().Pick(random.New())
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
		for _, flip := range []struct {
			at int
			x  byte
		}{{0, 0x80}, {0, 0x40}, {0, 0x20}, {0, 0x1f}, {95, 1}, {48, 1}, {1 + i, 0xff}} {
			m := bytes.Clone(b)
			m[flip.at] ^= flip.x
			out = append(out, m)
		}
	}
	id, err := suite.G2().Point().Null().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, id)
	bad := bytes.Clone(id)
	bad[50] = 1
	out = append(out, bad, make([]byte, 96), bytes.Repeat([]byte{0xff}, 96))
	// x = p (not canonical) with the compression flag.
	p, _ := hex.DecodeString("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab")
	nc := append([]byte{0x80 | p[0]}, p[1:]...)
	out = append(out, append(nc, nc...))
	return out
}

func TestBlstDecodesExactlyWhatKyberDecodes(t *testing.T) {
	for _, b := range g2Encodings(t) {
		checkDecodersAgree(t, b)
	}
}

func checkDecodersAgree(t *testing.T, b []byte) {
	t.Helper()
	kp, kerr := decodeSignature(b)
	bp, berr := decodeG2(b)
	if (kerr == nil) != (berr == nil) {
		t.Fatalf("%x: kyber says %v, blst says %v", b, kerr, berr)
	}
	if kerr == nil {
		kb, err := kp.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(kb, bp.Compress()) {
			t.Fatalf("%x decodes to different points", b)
		}
	}
}

func FuzzBlstAndKyberDecodeG2Alike(f *testing.F) {
	for _, b := range g2Encodings(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) != SignatureSize {
			return
		}
		checkDecodersAgree(t, b)
	})
}

type partialGolden struct {
	Index   int    `json:"index"`
	Share   string `json:"share"`
	Message string `json:"message"`
	Partial string `json:"partial"`
	LitPOP  string `json:"lit_pop_share"`
}

// TestPartialsMatchTheGoldenFile: partial signatures (litmesh's NUL tag and Lit's POP tag) of
// fixed shares over fixed messages, as kyber computed them before the nodes signed with blst.
func TestPartialsMatchTheGoldenFile(t *testing.T) {
	const path = "testdata/partials-nul.json"
	if *updateBLS {
		var out []partialGolden
		for i := range 6 {
			x := suite.G1().Scalar().SetBytes(bytes.Repeat([]byte{byte(0x11 * (i + 1))}, 31))
			sh := &share.PriShare{I: i * 37, V: x}
			msg := []byte("lit-accesscontrolcondition://golden/" + string(rune('0'+i)))
			p, err := thresh.Sign(sh, msg)
			if err != nil {
				t.Fatal(err)
			}
			k, err := popSuite.G2().Point().Mul(x, hashToG2POP(msg)).MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			xb, _ := x.MarshalBinary()
			out = append(out, partialGolden{Index: sh.I, Share: hex.EncodeToString(xb), Message: string(msg),
				Partial: hex.EncodeToString(p), LitPOP: hex.EncodeToString(k)})
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []partialGolden
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("empty golden file")
	}
	for _, w := range want {
		xb, err := hex.DecodeString(w.Share)
		if err != nil {
			t.Fatal(err)
		}
		x := suite.G1().Scalar()
		if err := x.UnmarshalBinary(xb); err != nil {
			t.Fatal(err)
		}
		got, err := PartialSign(&share.PriShare{I: w.Index, V: x}, []byte(w.Message))
		if err != nil {
			t.Fatal(err)
		}
		if hex.EncodeToString(got) != w.Partial {
			t.Errorf("share %d: partial %x, golden %s", w.Index, got, w.Partial)
		}
		lit, err := blstSign(x, []byte(w.Message), []byte(LitSignatureDST))
		if err != nil {
			t.Fatal(err)
		}
		if hex.EncodeToString(lit) != w.LitPOP {
			t.Errorf("share %d: Lit-tag signature %x, golden %s", w.Index, lit, w.LitPOP)
		}
	}
}
