package field_test

import (
	"bytes"
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/secp256k1/field"
)

// Differential tests against decred's FieldVal, the field this package replaces: the same 32
// bytes go into both, the same operations run on both, and after every step the results must be
// the same bytes. decred's values are deliberately left unnormalised (SetBytes of a value ≥ p,
// sums and negations of magnitude up to 17) wherever its preconditions allow, so every compare
// also checks decred's Normalize against this package's always-reduced elements.

// edgeBytes are inputs where carries and reductions change, in both representations: 0, 1, p−1,
// p and the values above it (which only SetBytes can meet), the 64-bit limb boundaries of this
// package, the 26-bit limb boundaries of decred's, c = 2^256 − p and its neighbours, p/2, limbs of
// all ones next to zero limbs.
func edgeBytes() [][32]byte {
	one := big.NewInt(1)
	two256 := new(big.Int).Lsh(one, 256)
	var vals []*big.Int
	for _, base := range []*big.Int{big.NewInt(0), prime, new(big.Int).Rsh(prime, 1), two256} {
		for _, d := range []int64{-0x1000003d2, -0x1000003d1, -0x3d1, -2, -1, 0, 1, 2, 0x3d1, 0x1000003d1} {
			vals = append(vals, new(big.Int).Add(base, big.NewInt(d)))
		}
	}
	for sh := uint(26); sh < 256; sh += 26 {
		vals = append(vals, new(big.Int).Lsh(one, sh), new(big.Int).Sub(new(big.Int).Lsh(one, sh), one))
	}
	for _, sh := range []uint{32, 64, 128, 192} {
		p := new(big.Int).Lsh(one, sh)
		vals = append(vals, p, new(big.Int).Sub(p, one), new(big.Int).Sub(two256, p), new(big.Int).Sub(prime, p))
	}
	var out [][32]byte
	for _, v := range vals {
		if v.Sign() < 0 || v.Cmp(two256) >= 0 {
			continue
		}
		var b [32]byte
		v.FillBytes(b[:])
		out = append(out, b)
	}
	// Single limbs of all ones, the others zero, and the reverse.
	for l := range 4 {
		var b, nb [32]byte
		for i := range 32 {
			nb[i] = 0xff
		}
		for i := l * 8; i < l*8+8; i++ {
			b[i], nb[i] = 0xff, 0
		}
		out = append(out, b, nb)
	}
	return out
}

// pair is the same two values in both libraries; mag is decred's magnitude of each.
type pair struct {
	own [2]field.Element
	dcr [2]secp256k1.FieldVal
	mag [2]uint32
}

func newPair(t testing.TB, a, b *[32]byte) *pair {
	t.Helper()
	p := &pair{mag: [2]uint32{1, 1}}
	for i, in := range []*[32]byte{a, b} {
		ovOwn := p.own[i].SetBytes(in)
		ovDcr := p.dcr[i].SetBytes(in)
		if ovOwn != uint64(ovDcr) {
			t.Fatalf("SetBytes(%x): overflow %d, decred says %d", in[:], ovOwn, ovDcr)
		}
	}
	p.check(t, "SetBytes")
	return p
}

// norm normalises decred's operand i when an operation needs magnitude ≤ max.
func (p *pair) norm(i int, max uint32) {
	if p.mag[i] > max {
		p.dcr[i].Normalize()
		p.mag[i] = 1
	}
}

// step runs one operation, chosen by op, on both libraries: x is operand 0, y operand 1.
func (p *pair) step(t testing.TB, op byte) {
	t.Helper()
	x, y := &p.own[0], &p.own[1]
	dx, dy := &p.dcr[0], &p.dcr[1]
	var name string
	switch op % 9 {
	case 0:
		name = "mul"
		p.norm(0, 8)
		p.norm(1, 8)
		x.Mul(x, y)
		dx.Mul2(dx, dy)
		p.mag[0] = 1
	case 1:
		name = "square"
		p.norm(0, 8)
		x.Square(x)
		dx.SquareVal(dx)
		p.mag[0] = 1
	case 2:
		name = "add"
		p.norm(0, 8)
		p.norm(1, 8)
		x.Add(x, y)
		dx.Add(dy)
		p.mag[0] += p.mag[1]
	case 3:
		name = "sub"
		p.norm(0, 8)
		p.norm(1, 8)
		x.Sub(x, y)
		var ny secp256k1.FieldVal
		ny.NegateVal(dy, p.mag[1])
		dx.Add(&ny)
		p.mag[0] += p.mag[1] + 1
	case 4:
		name = "neg"
		p.norm(0, 8)
		x.Neg(x)
		dx.Negate(p.mag[0])
		p.mag[0]++
	case 5:
		// decred's MulInt needs magnitude·k ≤ 32; 21 is b3 of the curve formulas.
		k := uint64(op/9) % 33
		if op/9 == 27 {
			k = 21
		}
		name = "mulsmall"
		p.norm(0, 1)
		x.MulSmall(x, k)
		dx.MulInt(uint8(k))
		p.mag[0] = max(uint32(k), 1)
	case 6:
		name = "inverse"
		p.norm(0, 8)
		x.Inverse(x)
		dx.Inverse()
		p.mag[0] = 1
	case 7:
		name = "swap"
		p.own[0], p.own[1] = p.own[1], p.own[0]
		p.dcr[0], p.dcr[1] = p.dcr[1], p.dcr[0]
		p.mag[0], p.mag[1] = p.mag[1], p.mag[0]
	case 8:
		name = "double"
		p.norm(0, 8)
		x.Double(x)
		dx.Add(dx)
		p.mag[0] *= 2
	}
	p.check(t, name)
}

// check compares both operands: bytes, reduction below p, IsZero, IsOdd and Equal.
func (p *pair) check(t testing.TB, op string) {
	t.Helper()
	var n [2]secp256k1.FieldVal
	for i := range 2 {
		n[i].Set(&p.dcr[i]).Normalize()
		got, want := p.own[i].Bytes(), *n[i].Bytes()
		if got != want {
			t.Fatalf("after %s: operand %d is %x, decred %x", op, i, got, want)
		}
		var back field.Element
		if back.SetBytes(&got) != 0 || back != p.own[i] {
			t.Fatalf("after %s: operand %d (%x) is not reduced below p", op, i, got)
		}
		if p.own[i].IsZero() != uint64(n[i].IsZeroBit()) || p.own[i].IsOdd() != uint64(n[i].IsOddBit()) {
			t.Fatalf("after %s: IsZero/IsOdd of %x differ from decred", op, got)
		}
	}
	eq := uint64(0)
	if n[0].Equals(&n[1]) {
		eq = 1
	}
	if p.own[0].Equal(&p.own[1]) != eq {
		t.Fatalf("after %s: Equal(%x, %x) = %d, decred %d", op, p.own[0].Bytes(), p.own[1].Bytes(), 1-eq, eq)
	}
}

// allOps exercises every operation (and every MulSmall constant class) once.
var allOps = []byte{0, 1, 2, 3, 4, 5, 5 + 9, 5 + 9*20, 5 + 9*26, 5 + 9*27, 6, 7, 8}

func TestDifferentialDecredEdgeValues(t *testing.T) {
	edges := edgeBytes()
	for _, a := range edges {
		for _, b := range edges {
			for _, op := range allOps {
				p := newPair(t, &a, &b)
				p.step(t, op)
			}
		}
	}
}

// TestDifferentialDecredChains runs long random operation chains, so that decred's operands are
// often unnormalised (magnitude above 1) when they meet this package's results.
func TestDifferentialDecredChains(t *testing.T) {
	edges := edgeBytes()
	for i := range 400 {
		var a, b [32]byte
		if i%2 == 0 {
			a, b = edges[i%len(edges)], edges[(i*7+3)%len(edges)]
		} else {
			_, _ = rand.Read(a[:])
			_, _ = rand.Read(b[:])
		}
		prog := make([]byte, 64)
		_, _ = rand.Read(prog)
		p := newPair(t, &a, &b)
		for _, op := range prog {
			p.step(t, op)
		}
	}
}

// FuzzDifferentialDecred: two 32-byte inputs (any value, including those ≥ p) and a program of
// operations, run on both libraries; every intermediate result must be the same bytes.
func FuzzDifferentialDecred(f *testing.F) {
	edges := edgeBytes()
	for i, a := range edges {
		b := edges[(i*5+1)%len(edges)]
		f.Add(a[:], b[:], allOps)
	}
	f.Fuzz(func(t *testing.T, a, b, prog []byte) {
		if len(a) != 32 || len(b) != 32 || len(prog) > 256 {
			return
		}
		p := newPair(t, (*[32]byte)(a), (*[32]byte)(b))
		for _, op := range prog {
			p.step(t, op)
		}
		// SetBytes reports exactly the values not below p.
		var e field.Element
		if got, want := e.SetBytes((*[32]byte)(a)), bytes.Compare(a, prime.FillBytes(make([]byte, 32))) >= 0; (got == 1) != want {
			t.Fatalf("SetBytes(%x) overflow = %d", a, got)
		}
	})
}

// TestMulSquareAcceptAnyLimbs: Mul and Square reduce the full 512-bit product, so even limbs
// not below p (which no operation of this package makes) give the right, reduced, result.
func TestMulSquareAcceptAnyLimbs(t *testing.T) {
	for _, a := range edgeBytes() {
		for _, b := range edgeBytes() {
			x, y := rawElement(&a), rawElement(&b)
			av, bv := new(big.Int).SetBytes(a[:]), new(big.Int).SetBytes(b[:])
			var z field.Element
			z.Mul(&x, &y)
			if want := new(big.Int).Mod(new(big.Int).Mul(av, bv), prime); toBig(&z).Cmp(want) != 0 || *fromBigPtr(t, want) != z {
				t.Fatalf("mul(%x, %x) = %x, want %x", a, b, toBig(&z), want)
			}
			z.Square(&x)
			if want := new(big.Int).Mod(new(big.Int).Mul(av, av), prime); toBig(&z).Cmp(want) != 0 || *fromBigPtr(t, want) != z {
				t.Fatalf("square(%x) = %x, want %x", a, toBig(&z), want)
			}
		}
	}
}

func rawElement(b *[32]byte) field.Element {
	var e field.Element
	for i := range 4 {
		for j := range 8 {
			e[i] |= uint64(b[31-8*i-j]) << (8 * j)
		}
	}
	return e
}

func fromBigPtr(t testing.TB, x *big.Int) *field.Element {
	t.Helper()
	e := fromBig(t, x)
	return &e
}
