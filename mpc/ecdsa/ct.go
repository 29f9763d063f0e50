package ecdsa

import (
	"sync"

	"github.com/litmesh/litmesh/mpc/secp256k1/ct"
)

// Constant-time multiplication of the fixed generators G and H by secret scalars.
//
// Everything this package multiplies by a secret — dealing coefficients and their blindings
// (round-1 and round-2 commitments), proof nonces (π1, π2), the product a·k_j of π2, a key
// share (NewKeyShare's check), the combined own-share terms of batch verification — goes
// through ctMulG / ctPedersen / ctBatchPedersen, which are package mpc/secp256k1/ct's fixed-base
// windows (the method, and why it has no secret-dependent branch or address, is written there;
// FROST over secp256k1 and the root key's DKG use the same code). decred's
// ScalarBaseMultNonConst and ScalarMultNonConst, the wNAF and bucket methods of msm.go and the
// batched affine additions of affine.go branch and index memory on the scalar's bits; they are
// used only where every scalar is public (verification of other members' claims, signature
// combination, re-randomisation by δ, HD derivation).

var (
	ctOnce         sync.Once
	ctGTab, ctHTab *ct.Table
)

// ctTables returns the fixed-base tables of G and H, built once per process.
func ctTables() (*ct.Table, *ct.Table) {
	ctOnce.Do(func() {
		ctGTab = ct.Generator()
		ctHTab = ct.NewTable(generatorH())
	})
	return ctGTab, ctHTab
}

// ctMulG returns k·G in constant time, affine.
func ctMulG(k *scalar) point {
	g, _ := ctTables()
	return ct.MulBase(k, g)
}

// ctPedersen returns a·G + b·H in constant time (b nil: a·G), affine. Neither product is formed
// on its own: both are added into one accumulator.
func ctPedersen(a, b *scalar) point {
	g, h := ctTables()
	p := ct.Infinity()
	p.MulAdd(a, g)
	if b != nil {
		p.MulAdd(b, h)
	}
	return p.Affine()
}

// ctBatchPedersen returns as[i]·G + bs[i]·H for every i (bs nil: as[i]·G), affine, computing
// every product in constant time and normalising them with one inversion.
func ctBatchPedersen(as, bs []scalar) []point {
	g, h := ctTables()
	ps := ct.BatchMul(as, g)
	if bs != nil {
		hs := ct.BatchMul(bs, h)
		for i := range ps {
			ps[i].Add(&hs[i])
		}
	}
	return ct.Normalize(ps)
}
