package ecdsa

import (
	"sync"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// Affine points and the byte tables of variable-time fixed-base multiplication by H (mulH).

// apoint is an affine point with normalized coordinates, or the point at infinity.
type apoint struct {
	x, y secp256k1.FieldVal
	inf  bool
}

func toAffinePoint(p *point) apoint {
	if isInfinity(p) {
		return apoint{inf: true}
	}
	q := *p
	normalize(&q)
	return apoint{x: q.X, y: q.Y}
}

func (a *apoint) jacobian() point {
	var p point
	if a.inf {
		return p
	}
	p.X.Set(&a.x)
	p.Y.Set(&a.y)
	p.Z.SetInt(1)
	return p
}

// fixedTable holds tbl[i][b] = b·256^(31−i)·B for a base B, so that k·B is the sum of one entry
// per byte of k (big-endian).
type fixedTable [32][256]apoint

func newFixedTable(base *point) *fixedTable {
	var jac [32][256]point
	all := make([]*point, 0, 32*255)
	b := *base
	normalize(&b)
	for i := 31; i >= 0; i-- {
		jac[i][1] = b
		for v := 2; v < 256; v++ {
			secp256k1.AddNonConst(&jac[i][v-1], &b, &jac[i][v])
		}
		for v := 1; v < 256; v++ {
			all = append(all, &jac[i][v])
		}
		next := b
		for range 8 {
			secp256k1.DoubleNonConst(&next, &next)
		}
		normalize(&next)
		b = next
	}
	batchNormalize(all)
	var tbl fixedTable
	for i := range tbl {
		tbl[i][0] = apoint{inf: true}
		for v := 1; v < 256; v++ {
			tbl[i][v] = apoint{x: jac[i][v].X, y: jac[i][v].Y}
		}
	}
	return &tbl
}

var (
	tablesOnce     sync.Once
	gTable, hTable *fixedTable
)

func fixedTables() (*fixedTable, *fixedTable) {
	tablesOnce.Do(func() {
		var g point
		one := scalarFromUint(1)
		g = mulG(&one)
		gTable = newFixedTable(&g)
		hTable = newFixedTable(generatorH())
	})
	return gTable, hTable
}
