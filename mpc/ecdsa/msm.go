package ecdsa

import (
	"github.com/consensys/gnark-crypto/ecc"
	gsecp "github.com/consensys/gnark-crypto/ecc/secp256k1"
	gfp "github.com/consensys/gnark-crypto/ecc/secp256k1/fp"
	gfr "github.com/consensys/gnark-crypto/ecc/secp256k1/fr"
)

// Multi-scalar multiplication Σ kᵢ·Pᵢ. Almost all verification in this package is batched
// into one such sum with random weights, so its speed is the speed of presigning. It is
// consensys/gnark-crypto's (Pippenger with signed digits and batched affine bucket additions
// over 64-bit Montgomery limbs), about twice as fast as the decred-based Straus/Pippenger this
// package had (docs/performance.md, "Primitives"). It is variable time: every scalar given to
// msm is public or masked by the verifier's secret random weights (verify.go says which), never
// a bare secret.

// msm returns Σ ks[i]·pts[i]. Points may be in any coordinates and may be the point at
// infinity.
func msm(pts []point, ks []scalar) point {
	if len(pts) != len(ks) {
		panic("ecdsa: msm length mismatch")
	}
	var r point
	setInfinity(&r)
	// Drop zero scalars and infinite points; they contribute nothing.
	ptrs := make([]*point, 0, len(pts))
	k2 := make([]*scalar, 0, len(ks))
	for i := range pts {
		if ks[i].IsZero() || isInfinity(&pts[i]) {
			continue
		}
		ptrs = append(ptrs, &pts[i])
		k2 = append(k2, &ks[i])
	}
	switch len(ptrs) {
	case 0:
		return r
	case 1:
		normalize(ptrs[0])
		return mul(k2[0], ptrs[0])
	}
	batchNormalize(ptrs)
	gp := make([]gsecp.G1Affine, len(ptrs))
	gk := make([]gfr.Element, len(ptrs))
	for i, p := range ptrs {
		gp[i].X.SetBytes(p.X.Bytes()[:])
		gp[i].Y.SetBytes(p.Y.Bytes()[:])
		kb := k2[i].Bytes()
		gk[i].SetBytes(kb[:])
	}
	var sum gsecp.G1Jac
	// One task: presigning sessions of different signer sets already run in parallel, and
	// the node's presigning budget (docs/pkp.md) counts one core per session.
	if _, err := sum.MultiExp(gp, gk, ecc.MultiExpConfig{NbTasks: 1}); err != nil {
		panic("ecdsa: msm: " + err.Error()) // only for mismatched lengths or a bad config
	}
	return fromGnarkJac(&sum)
}

// fromGnarkJac converts gnark's Jacobian point (x = X/Z², y = Y/Z³, infinity Z = 0) to
// decred's, which uses the same coordinates.
func fromGnarkJac(p *gsecp.G1Jac) point {
	var r point
	if p.Z.IsZero() {
		return r
	}
	setField := func(dst interface{ SetBytes(*[32]byte) uint32 }, e *gfp.Element) {
		b := e.Bytes()
		dst.SetBytes(&b)
	}
	setField(&r.X, &p.X)
	setField(&r.Y, &p.Y)
	setField(&r.Z, &p.Z)
	return r
}
