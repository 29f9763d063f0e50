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
	case n < affineThreshold:
		return pippenger(p2, k2)
	default:
		return pippengerAffine(p2, k2)
	}
}

// Where bucket accumulation overtakes interleaved windows, and where batching the bucket
// additions' inversions starts to pay (measured with BenchmarkMSM on a 2-core VM).
const (
	pippengerThreshold = 48
	affineThreshold    = 192
)

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
	negTable := make([]point, len(table))
	for i := range table {
		negTable[i] = negate(&table[i])
	}
	nafs := make([][]int8, n)
	maxLen := 0
	for i := range ks {
		nafs[i] = wnaf(&ks[i], strausWindow)
		maxLen = max(maxLen, len(nafs[i]))
	}
	var r point
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
				secp256k1.AddNonConst(&r, &negTable[i*tbl+int(-d)/2], &r)
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

// pippengerAffine is pippenger with the bucket additions done as batched affine additions:
// within a window, the points of each bucket are added pairwise, level by level, every level
// one batch sharing one inversion. Only the final running sums over the buckets use Jacobian
// additions.
func pippengerAffine(pts []point, ks []scalar) point {
	n := len(pts)
	c := affineWindow(n)
	windows := (256+int(c)-1)/int(c) + 1
	half := int64(1) << (c - 1)
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
	pos := make([]apoint, n)
	negs := make([]apoint, n)
	for i := range pts {
		pos[i] = toAffinePoint(&pts[i])
		negs[i] = pos[i].neg()
	}

	nb := int(half)
	count := make([]int, nb+1)
	order := make([]*apoint, n) // points sorted by bucket
	scratch := make([]apoint, n)
	var acc, src []*apoint
	var ba batchAdder
	lists := make([][]*apoint, nb)
	var r, sum, tot point
	setInfinity(&r)
	for w := windows - 1; w >= 0; w-- {
		for range c {
			secp256k1.DoubleNonConst(&r, &r)
		}
		// Counting sort of the points into buckets 0 … nb−1 (digit d ↦ bucket |d|−1).
		clear(count)
		for i := range n {
			if d := digits[i*windows+w]; d != 0 {
				count[abs32(d)]++
			}
		}
		start := 0
		for b := 1; b <= nb; b++ {
			k := count[b]
			count[b] = start
			start += k
		}
		m := start
		for i := range n {
			d := digits[i*windows+w]
			switch {
			case d > 0:
				order[count[d]] = &pos[i]
				count[d]++
			case d < 0:
				order[count[-d]] = &negs[i]
				count[-d]++
			}
		}
		off := 0
		for b := range nb {
			end := count[b+1]
			lists[b] = order[off:end]
			off = end
		}
		_ = m
		// Pairwise reduction, level by level.
		used := 0
		for {
			acc, src = acc[:0], src[:0]
			for b := range lists {
				l := lists[b]
				if len(l) < 2 {
					continue
				}
				next := l[:0:0]
				for k := 0; k+1 < len(l); k += 2 {
					dst := &scratch[used%n]
					used++
					*dst = *l[k]
					acc = append(acc, dst)
					src = append(src, l[k+1])
					next = append(next, dst)
				}
				if len(l)%2 == 1 {
					next = append(next, l[len(l)-1])
				}
				lists[b] = next
			}
			if len(acc) == 0 {
				break
			}
			ba.add(acc, src)
		}
		setInfinity(&sum)
		setInfinity(&tot)
		for b := nb - 1; b >= 0; b-- {
			if len(lists[b]) == 1 && !lists[b][0].inf {
				p := lists[b][0].jacobian()
				secp256k1.AddNonConst(&sum, &p, &sum)
			}
			secp256k1.AddNonConst(&tot, &sum, &tot)
		}
		secp256k1.AddNonConst(&r, &tot, &r)
	}
	return r
}

func abs32(d int32) int32 {
	if d < 0 {
		return -d
	}
	return d
}

// affineWindow picks c minimising windows·(n·0.4 + 2^c·1.2 µs): affine bucket additions cost
// about a third of the Jacobian running sums.
func affineWindow(n int) uint {
	best, bestCost := uint(2), 1e300
	for c := uint(2); c <= 16; c++ {
		windows := float64((256+int(c)-1)/int(c) + 1)
		cost := windows * (float64(n)*0.4 + float64(int(1)<<c)*1.2)
		if cost < bestCost {
			best, bestCost = c, cost
		}
	}
	return best
}
