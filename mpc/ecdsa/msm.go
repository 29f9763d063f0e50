package ecdsa

import (
	"math/bits"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// Multi-scalar multiplication Σ kᵢ·Pᵢ. Almost all verification in this package is batched
// into one such sum with random weights, so its speed is the speed of presigning: a separate
// variable-base multiplication costs ~250 µs with decred's pure-Go field, a point inside a large
// sum ~35–55 µs.

// msm returns Σ ks[i]·pts[i]. Points may be in any coordinates (affine is fastest) and may be
// the point at infinity.
func msm(pts []point, ks []scalar) point {
	if len(pts) != len(ks) {
		panic("ecdsa: msm length mismatch")
	}
	var r point
	setInfinity(&r)
	// Drop zero scalars and infinite points; they contribute nothing.
	p2 := make([]point, 0, len(pts))
	k2 := make([]scalar, 0, len(ks))
	for i := range pts {
		if ks[i].IsZero() || isInfinity(&pts[i]) {
			continue
		}
		p2 = append(p2, pts[i])
		k2 = append(k2, ks[i])
	}
	switch n := len(p2); {
	case n == 0:
		return r
	case n == 1:
		normalize(&p2[0])
		return mul(&k2[0], &p2[0])
	case n < pippengerThreshold:
		return straus(p2, k2)
	default:
		return pippenger(p2, k2)
	}
}

// pippengerThreshold is where bucket accumulation overtakes interleaved windows (measured by
// BenchmarkMSM on this package's target machine).
const pippengerThreshold = 48

// limbs returns k as little-endian 64-bit limbs.
func limbs(k *scalar) [4]uint64 {
	b := k.Bytes()
	var l [4]uint64
	for i := range 4 {
		for j := range 8 {
			l[i] |= uint64(b[31-8*i-j]) << (8 * j)
		}
	}
	return l
}

// wnaf returns the width-w non-adjacent form of k, least significant digit first. Non-zero
// digits are odd and lie in (−2^(w−1), 2^(w−1)).
func wnaf(k *scalar, w uint) []int8 {
	l := limbs(k)
	out := make([]int8, 0, 258)
	mask := uint64(1)<<w - 1
	half := int64(1) << (w - 1)
	isZero := func() bool { return l[0]|l[1]|l[2]|l[3] == 0 }
	for !isZero() {
		var d int64
		if l[0]&1 == 1 {
			d = int64(l[0] & mask)
			if d >= half {
				d -= int64(1) << w
			}
			// l -= d
			if d > 0 {
				var b uint64
				l[0], b = bits.Sub64(l[0], uint64(d), 0)
				l[1], b = bits.Sub64(l[1], 0, b)
				l[2], b = bits.Sub64(l[2], 0, b)
				l[3], _ = bits.Sub64(l[3], 0, b)
			} else {
				var c uint64
				l[0], c = bits.Add64(l[0], uint64(-d), 0)
				l[1], c = bits.Add64(l[1], 0, c)
				l[2], c = bits.Add64(l[2], 0, c)
				l[3], _ = bits.Add64(l[3], 0, c)
			}
		}
		out = append(out, int8(d))
		// l >>= 1
		l[0] = l[0]>>1 | l[1]<<63
		l[1] = l[1]>>1 | l[2]<<63
		l[2] = l[2]>>1 | l[3]<<63
		l[3] >>= 1
	}
	return out
}

const strausWindow = 5 // odd multiples P, 3P, …, 15P per point

// straus computes the sum with interleaved width-5 NAFs: all points share one chain of
// doublings, and each point adds ~1/6 of its bits.
func straus(pts []point, ks []scalar) point {
	const tbl = 1 << (strausWindow - 2)
	n := len(pts)
	table := make([]point, n*tbl)
	all := make([]*point, 0, n*tbl)
	for i := range pts {
		normalize(&pts[i])
		var twoP point
		secp256k1.DoubleNonConst(&pts[i], &twoP)
		t := table[i*tbl : (i+1)*tbl]
		t[0] = pts[i]
		for j := 1; j < tbl; j++ {
			secp256k1.AddNonConst(&t[j-1], &twoP, &t[j])
		}
		for j := 1; j < tbl; j++ {
			all = append(all, &t[j])
		}
	}
	batchNormalize(all)
	nafs := make([][]int8, n)
	maxLen := 0
	for i := range ks {
		nafs[i] = wnaf(&ks[i], strausWindow)
		maxLen = max(maxLen, len(nafs[i]))
	}
	var r, neg point
	setInfinity(&r)
	for bit := maxLen - 1; bit >= 0; bit-- {
		secp256k1.DoubleNonConst(&r, &r)
		for i := range n {
			if bit >= len(nafs[i]) {
				continue
			}
			d := nafs[i][bit]
			switch {
			case d > 0:
				secp256k1.AddNonConst(&r, &table[i*tbl+int(d)/2], &r)
			case d < 0:
				neg = negate(&table[i*tbl+int(-d)/2])
				secp256k1.AddNonConst(&r, &neg, &r)
			}
		}
	}
	return r
}

// pippenger computes the sum with signed-digit bucket accumulation.
func pippenger(pts []point, ks []scalar) point {
	n := len(pts)
	c := pippengerWindow(n)
	windows := (256+int(c)-1)/int(c) + 1
	half := int64(1) << (c - 1)
	// digits[i*windows+w] is the signed digit of scalar i in window w.
	digits := make([]int32, n*windows)
	for i := range ks {
		l := limbs(&ks[i])
		var carry int64
		for w := range windows {
			raw := int64(extractBits(&l, uint(w)*c, c)) + carry
			if raw >= half {
				digits[i*windows+w] = int32(raw - int64(1)<<c)
				carry = 1
			} else {
				digits[i*windows+w] = int32(raw)
				carry = 0
			}
		}
	}
	ptrs := make([]*point, n)
	for i := range pts {
		ptrs[i] = &pts[i]
	}
	batchNormalize(ptrs)
	negs := make([]point, n)
	for i := range pts {
		negs[i] = negate(&pts[i])
	}
	buckets := make([]point, half)
	var r, sum, acc point
	setInfinity(&r)
	for w := windows - 1; w >= 0; w-- {
		for range c {
			secp256k1.DoubleNonConst(&r, &r)
		}
		for j := range buckets {
			setInfinity(&buckets[j])
		}
		for i := range n {
			d := digits[i*windows+w]
			switch {
			case d > 0:
				secp256k1.AddNonConst(&buckets[d-1], &pts[i], &buckets[d-1])
			case d < 0:
				secp256k1.AddNonConst(&buckets[-d-1], &negs[i], &buckets[-d-1])
			}
		}
		setInfinity(&sum)
		setInfinity(&acc)
		for j := len(buckets) - 1; j >= 0; j-- {
			secp256k1.AddNonConst(&sum, &buckets[j], &sum)
			secp256k1.AddNonConst(&acc, &sum, &acc)
		}
		secp256k1.AddNonConst(&r, &acc, &r)
	}
	return r
}

// pippengerWindow picks the window width c minimising windows·(n + 2·2^(c−1)) additions.
func pippengerWindow(n int) uint {
	best, bestCost := uint(2), int(^uint(0)>>1)
	for c := uint(2); c <= 16; c++ {
		windows := (256+int(c)-1)/int(c) + 1
		cost := windows * (n + 2*(1<<(c-1)))
		if cost < bestCost {
			best, bestCost = c, cost
		}
	}
	return best
}

// extractBits returns c bits of l starting at bit pos (bits past 256 read as zero).
func extractBits(l *[4]uint64, pos, c uint) uint64 {
	if pos >= 256 {
		return 0
	}
	limb, off := pos/64, pos%64
	v := l[limb] >> off
	if off+c > 64 && limb+1 < 4 {
		v |= l[limb+1] << (64 - off)
	}
	return v & (uint64(1)<<c - 1)
}
