package bls_test

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	gbls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	gfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/drand/kyber"
	blst "github.com/supranational/blst/bindings/go"

	"github.com/litmesh/litmesh/mpc/bls"
)

// BenchmarkPrimitives compares the BLS12-381 arithmetic of decryption on the three
// implementations in the module graph (docs/performance.md, "Primitives"):
//
//	go test ./mpc/bls -run '^$' -bench Primitives -count 10 | benchstat -col /lib -
//
// kilic is kilic/bls12-381 behind drand/kyber-bls12381 (kyber's suite, used before);
// gnark is consensys/gnark-crypto; blst is supranational/blst (cgo + assembly).
func BenchmarkPrimitives(b *testing.B) {
	const dst = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_"
	msg := []byte("lit-accesscontrolcondition://0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
	suite := bls.Suite()
	var kb [32]byte
	if _, err := rand.Read(kb[1:]); err != nil {
		b.Fatal(err)
	}
	ks := suite.G2().Scalar().SetBytes(kb[:])
	bs := new(blst.Scalar).FromBEndian(kb[:])
	var bi big.Int
	bi.SetBytes(kb[:])

	b.Run("op=hash-to-g2/lib=kilic", func(b *testing.B) {
		for b.Loop() {
			suite.G2().Point().(interface{ Hash([]byte) kyber.Point }).Hash(msg)
		}
	})
	b.Run("op=hash-to-g2/lib=gnark", func(b *testing.B) {
		for b.Loop() {
			if _, err := gbls.HashToG2(msg, []byte(dst)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("op=hash-to-g2/lib=blst", func(b *testing.B) {
		for b.Loop() {
			blst.HashToG2(msg, []byte(dst))
		}
	})

	kh := suite.G2().Point().(interface{ Hash([]byte) kyber.Point }).Hash(msg)
	gh, _ := gbls.HashToG2(msg, []byte(dst))
	bh := blst.HashToG2(msg, []byte(dst))
	b.Run("op=g2-mul/lib=kilic", func(b *testing.B) {
		for b.Loop() {
			suite.G2().Point().Mul(ks, kh)
		}
	})
	b.Run("op=g2-mul/lib=gnark-vartime", func(b *testing.B) {
		var r gbls.G2Affine
		for b.Loop() {
			r.ScalarMultiplication(&gh, &bi)
		}
	})
	b.Run("op=g2-mul/lib=blst", func(b *testing.B) {
		for b.Loop() {
			bh.Mult(bs)
		}
	})
	b.Run("op=g2-compress/lib=kilic", func(b *testing.B) {
		for b.Loop() {
			if _, err := kh.MarshalBinary(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("op=g2-compress/lib=blst", func(b *testing.B) {
		for b.Loop() {
			bh.Compress()
		}
	})
	khb, _ := kh.MarshalBinary()
	b.Run("op=g2-decompress-check/lib=kilic", func(b *testing.B) {
		for b.Loop() {
			if err := suite.G2().Point().UnmarshalBinary(khb); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("op=g2-decompress-check/lib=blst", func(b *testing.B) {
		for b.Loop() {
			p := new(blst.P2Affine).Uncompress(khb)
			if p == nil || !p.InG2() {
				b.Fatal("bad point")
			}
		}
	})

	// e(a, b) = e(c, d): two Miller loops and one final exponentiation.
	g1 := suite.G1().Point().Base()
	ka := suite.G1().Point().Mul(ks, nil)
	kd := suite.G2().Point().Mul(ks, kh)
	b.Run("op=pairing-check-2/lib=kilic", func(b *testing.B) {
		for b.Loop() {
			if !suite.ValidatePairing(ka, kh, g1, kd) {
				b.Fatal("pairing")
			}
		}
	})
	_, _, g1a, _ := gbls.Generators()
	var ga, gna gbls.G1Affine
	ga.ScalarMultiplication(&g1a, &bi)
	gna.Neg(&g1a)
	var gd gbls.G2Affine
	gd.ScalarMultiplication(&gh, &bi)
	b.Run("op=pairing-check-2/lib=gnark", func(b *testing.B) {
		for b.Loop() {
			ok, err := gbls.PairingCheck([]gbls.G1Affine{ga, gna}, []gbls.G2Affine{gh, gd})
			if err != nil || !ok {
				b.Fatal("pairing")
			}
		}
	})
	ba := new(blst.P1Affine).From(bs)
	bg1 := blst.P1Generator().ToAffine()
	bd := bh.Mult(bs).ToAffine()
	bha := bh.ToAffine()
	b.Run("op=pairing-check-2/lib=blst", func(b *testing.B) {
		for b.Loop() {
			if !blst.Fp12FinalVerify(blst.Fp12MillerLoop(bha, ba), blst.Fp12MillerLoop(bd, bg1)) {
				b.Fatal("pairing")
			}
		}
	})

	// Σ r_i·P_i in G2 with 128-bit weights over T = 5 shares: the client's batch check.
	for _, n := range []int{5, 22} {
		kps := make([]kyber.Point, n)
		krs := make([]kyber.Scalar, n)
		bps := make([]*blst.P2Affine, n)
		brs := make([]byte, 0, 32*n)
		gps := make([]gbls.G2Affine, n)
		grs := make([]gfr.Element, n)
		for i := range n {
			var w [32]byte
			if _, err := rand.Read(w[16:]); err != nil {
				b.Fatal(err)
			}
			krs[i] = suite.G2().Scalar().SetBytes(w[:])
			kps[i] = suite.G2().Point().Mul(krs[i], kh)
			bps[i] = bh.Mult(new(blst.Scalar).FromBEndian(w[:])).ToAffine()
			le := make([]byte, 32)
			for j := range 32 {
				le[j] = w[31-j]
			}
			brs = append(brs, le...)
			grs[i].SetBytes(w[:])
			var wi big.Int
			wi.SetBytes(w[:])
			gps[i].ScalarMultiplication(&gh, &wi)
		}
		b.Run(fmt.Sprintf("op=g2-weighted-sum-%d/lib=kilic", n), func(b *testing.B) {
			for b.Loop() {
				acc := suite.G2().Point().Null()
				for i := range n {
					acc.Add(acc, suite.G2().Point().Mul(krs[i], kps[i]))
				}
			}
		})
		b.Run(fmt.Sprintf("op=g2-weighted-sum-%d/lib=gnark", n), func(b *testing.B) {
			var r gbls.G2Jac
			for b.Loop() {
				if _, err := r.MultiExp(gps, grs, ecc.MultiExpConfig{NbTasks: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("op=g2-weighted-sum-%d/lib=blst", n), func(b *testing.B) {
			for b.Loop() {
				blst.P2AffinesMult(bps, brs, 128)
			}
		})
	}
}
