package ecdsa

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	gsecp "github.com/consensys/gnark-crypto/ecc/secp256k1"
	gfp "github.com/consensys/gnark-crypto/ecc/secp256k1/fp"
	gfr "github.com/consensys/gnark-crypto/ecc/secp256k1/fr"
	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/secp256k1/field"
)

// BenchmarkPrimitives compares the secp256k1 arithmetic this package uses with
// consensys/gnark-crypto's, primitive by primitive (docs/performance.md, "Primitives"):
//
//	go test ./mpc/ecdsa -run '^$' -bench Primitives -count 10 | benchstat -col /lib -
//
// "decred" is decred's FieldVal/JacobianPoint as used before; "litmesh" is this package's own
// code (constant-time windows, msm); "gnark" is gnark-crypto's field (Montgomery, 4×64-bit)
// and group code. None of gnark's secp256k1 code is constant time — its field Add, Sub and
// Mul's final reduction branch on carries and Inverse goes through math/big — so it serves
// public values only (the verification MSM).
func BenchmarkPrimitives(b *testing.B) {
	ks := benchScalars(b, 1024)
	pts := make([]point, len(ks))
	for i := range ks {
		pts[i] = mulG(&ks[len(ks)-1-i])
		normalize(&pts[i])
	}
	gks := make([]gfr.Element, len(ks))
	gpts := make([]gsecp.G1Affine, len(ks))
	for i := range ks {
		kb := ks[i].Bytes()
		gks[i].SetBytes(kb[:])
		gpts[i] = toGnark(&pts[i])
	}

	b.Run("op=field-mul/lib=decred", func(b *testing.B) {
		x, y := pts[0].X, pts[1].X
		for b.Loop() {
			x.Mul2(&x, &y)
		}
		sinkField = x
	})
	b.Run("op=field-mul/lib=gnark", func(b *testing.B) {
		x, y := gpts[0].X, gpts[1].X
		for b.Loop() {
			x.Mul(&x, &y)
		}
		sinkGnark = x
	})
	b.Run("op=field-mul/lib=litmesh", func(b *testing.B) {
		var x, y field.Element
		xb, yb := pts[0].X.Bytes(), pts[1].X.Bytes()
		x.SetBytes(xb)
		y.SetBytes(yb)
		for b.Loop() {
			x.Mul(&x, &y)
		}
		sinkElement = x
	})
	b.Run("op=field-square/lib=decred", func(b *testing.B) {
		x := pts[0].X
		for b.Loop() {
			x.SquareVal(&x)
		}
		sinkField = x
	})
	b.Run("op=field-square/lib=gnark", func(b *testing.B) {
		x := gpts[0].X
		for b.Loop() {
			x.Square(&x)
		}
		sinkGnark = x
	})
	b.Run("op=field-square/lib=litmesh", func(b *testing.B) {
		var x field.Element
		xb := pts[0].X.Bytes()
		x.SetBytes(xb)
		for b.Loop() {
			x.Square(&x)
		}
		sinkElement = x
	})
	b.Run("op=field-inverse/lib=decred", func(b *testing.B) {
		x := pts[0].X
		for b.Loop() {
			x.Inverse()
		}
		sinkField = x
	})
	b.Run("op=field-inverse/lib=gnark", func(b *testing.B) {
		x := gpts[0].X
		for b.Loop() {
			x.Inverse(&x)
		}
		sinkGnark = x
	})

	b.Run("op=field-inverse/lib=litmesh", func(b *testing.B) {
		var x field.Element
		xb := pts[0].X.Bytes()
		x.SetBytes(xb)
		for b.Loop() {
			x.Inverse(&x)
		}
		sinkElement = x
	})

	// k·G: decred's variable-time comb, this package's constant-time windows (what every
	// secret commitment costs), gnark's variable-time GLV.
	b.Run("op=base-mul/lib=decred-vartime", func(b *testing.B) {
		i := 0
		for b.Loop() {
			sinkPoint = mulG(&ks[i%len(ks)])
			i++
		}
	})
	b.Run("op=base-mul/lib=litmesh-ct", func(b *testing.B) {
		i := 0
		for b.Loop() {
			sinkPoint = ctMulG(&ks[i%len(ks)])
			i++
		}
	})
	b.Run("op=base-mul/lib=litmesh-ct-batch256", func(b *testing.B) {
		for b.Loop() {
			ctBatchPedersen(ks[:256], nil)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*256), "ns/point")
	})
	b.Run("op=base-mul/lib=gnark-vartime", func(b *testing.B) {
		var r gsecp.G1Jac
		var k big.Int
		i := 0
		for b.Loop() {
			gks[i%len(gks)].BigInt(&k)
			r.ScalarMultiplicationBase(&k)
			i++
		}
	})

	// k·P for a variable P.
	b.Run("op=var-mul/lib=decred-vartime", func(b *testing.B) {
		i := 0
		for b.Loop() {
			sinkPoint = mul(&ks[i%len(ks)], &pts[(i+1)%len(pts)])
			i++
		}
	})
	b.Run("op=var-mul/lib=gnark-vartime", func(b *testing.B) {
		var r, p gsecp.G1Jac
		var k big.Int
		i := 0
		for b.Loop() {
			gks[i%len(gks)].BigInt(&k)
			p.FromAffine(&gpts[(i+1)%len(gpts)])
			r.ScalarMultiplication(&p, &k)
			i++
		}
	})

	// Σ k_i·P_i, as batch verification computes it (every scalar public).
	for _, n := range []int{16, 64, 256, 1024} {
		b.Run(fmt.Sprintf("op=msm-%d/lib=litmesh", n), func(b *testing.B) {
			cp := make([]point, n)
			for b.Loop() {
				copy(cp, pts[:n])
				sinkPoint = msm(cp, ks[:n])
			}
		})
		b.Run(fmt.Sprintf("op=msm-%d/lib=gnark-1task", n), func(b *testing.B) {
			var r gsecp.G1Jac
			for b.Loop() {
				if _, err := r.MultiExp(gpts[:n], gks[:n], ecc.MultiExpConfig{NbTasks: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var (
	sinkField   secp256k1.FieldVal
	sinkGnark   gfp.Element
	sinkElement field.Element
	sinkPoint   point
)

func benchScalars(b *testing.B, n int) []scalar {
	out := make([]scalar, n)
	for i := range out {
		s, err := randomScalar(rand.Reader)
		if err != nil {
			b.Fatal(err)
		}
		out[i] = s
	}
	return out
}

func toGnark(p *point) gsecp.G1Affine {
	q := *p
	normalize(&q)
	xb, yb := q.X.Bytes(), q.Y.Bytes()
	var g gsecp.G1Affine
	g.X.SetBytes(xb[:])
	g.Y.SetBytes(yb[:])
	return g
}
