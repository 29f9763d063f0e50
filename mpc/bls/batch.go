package bls

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"sync"

	"github.com/drand/kyber"
	"github.com/drand/kyber/share"
	blst "github.com/supranational/blst/bindings/go"
)

// ShareKeys verifies and combines partial signatures under one public polynomial. It keeps
// the public key of every share index it has checked, so a client holding one per network key
// evaluates the polynomial once per node rather than once per answer, and the hash of the last
// message, so the batches of one request hash it once. Safe for concurrent use.
//
// The pairing-curve arithmetic is supranational/blst's (docs/performance.md, "Primitives":
// about 3× kyber-bls12381's); the public polynomial, the share indices and the Lagrange
// coefficients stay kyber's. Points cross between the two as their standard compressed
// encodings, so nothing on the wire changes (bls_test.go checks both against each other and
// against golden vectors).
type ShareKeys struct {
	pub  *share.PubPoly
	mu   sync.Mutex
	keys map[int]*blst.P1Affine
	// dst is the hash-to-G2 domain tag signatures use (nulDST unless set).
	dst []byte
	// prefix, when set, is prepended to every message before hashing: the key, for the
	// message-augmentation ciphersuite of BLS PKPs (pkp.go).
	prefix []byte
	// offset, when set, is added to every share's public key: the derived key's ε·G1 (PKPs).
	offset kyber.Point
	// lastMsg, lastHash: the message hashed last and its hash.
	lastMsg  []byte
	lastHash *blst.P2Affine
	// root is the key the combined signature verifies under (the polynomial's constant term,
	// plus offset), once computed.
	root *blst.P1Affine
}

// nulDST is the hash-to-G2 tag of litmesh's own signatures: the basic scheme's, which is
// kyber-bls12381's default (and so what the nodes signed with before they signed with blst).
const nulDST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_"

// NewShareKeys prepares to check partial signatures made with shares of pub.
func NewShareKeys(pub *share.PubPoly) *ShareKeys {
	return &ShareKeys{pub: pub, keys: map[int]*blst.P1Affine{}, dst: []byte(nulDST)}
}

// Poly is the public polynomial the partials are checked against.
func (k *ShareKeys) Poly() *share.PubPoly { return k.pub }

// key is the public key of share index i: the polynomial evaluated there.
func (k *ShareKeys) key(i int) (*blst.P1Affine, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if p, ok := k.keys[i]; ok {
		return p, nil
	}
	p := k.pub.Eval(i).V
	if k.offset != nil {
		p = suite.G1().Point().Add(p, k.offset)
	}
	b, err := p.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("bls: share key %d: %w", i, err)
	}
	bp := new(blst.P1Affine).Uncompress(b)
	if bp == nil {
		return nil, fmt.Errorf("bls: share key %d does not decode", i)
	}
	k.keys[i] = bp
	return bp, nil
}

// rootKey is the public key a combined signature verifies under.
func (k *ShareKeys) rootKey() (*blst.P1Affine, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.root != nil {
		return k.root, nil
	}
	p := k.pub.Commit()
	if k.offset != nil {
		p = suite.G1().Point().Add(p, k.offset)
	}
	b, err := p.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("bls: root key: %w", err)
	}
	bp := new(blst.P1Affine).Uncompress(b)
	if bp == nil {
		return nil, errors.New("bls: root key does not decode")
	}
	k.root = bp
	return bp, nil
}

// hash returns H(msg) under the keys' tag, hashing each message once in a row.
func (k *ShareKeys) hash(msg []byte) *blst.P2Affine {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.lastHash == nil || !bytes.Equal(k.lastMsg, msg) {
		k.lastMsg = bytes.Clone(msg)
		k.lastHash = blst.HashToG2(append(bytes.Clone(k.prefix), msg...), k.dst).ToAffine()
	}
	return k.lastHash
}

// batchWeightBytes is the size of the random weights of the batch check: a bad partial passes
// with probability at most 2^-128.
const batchWeightBytes = 16

// Verified is a partial signature VerifyPartials accepted: its share index and decoded point.
// Only VerifyPartials makes one, so Interpolate cannot be handed an unchecked partial.
type Verified struct {
	Index int
	point *blst.P2Affine
}

// VerifyPartials checks partial signatures over msg. For each it returns either the Verified
// partial or a *PartialError naming its index (errs[j] non-nil means ok[j] is the zero value).
// It decodes every partial, then checks all the decodable ones at once with a random linear
// combination,
//
//	e(Σ rᵢ·PKᵢ, H(msg)) = e(G1, Σ rᵢ·σᵢ),  rᵢ random 128-bit weights,
//
// one pairing product instead of one per partial; a bad partial passes it with probability at
// most 2^-128. Only when the batch fails does it check each partial alone, so the errors say
// exactly which ones are bad.
func (k *ShareKeys) VerifyPartials(msg []byte, partials [][]byte) (ok []Verified, errs []error) {
	ok, errs = make([]Verified, len(partials)), make([]error, len(partials))
	var decoded []Verified
	var which []int
	for j, p := range partials {
		i, err := PartialIndex(p)
		if err != nil {
			errs[j] = err
			continue
		}
		sig, err := decodeG2(p[2:])
		if err != nil {
			errs[j] = &PartialError{Index: i, Err: err}
			continue
		}
		decoded, which = append(decoded, Verified{Index: i, point: sig}), append(which, j)
	}
	if len(decoded) == 0 {
		return ok, errs
	}
	hm := k.hash(msg)
	batch := len(decoded) > 1 && k.batchHolds(hm, decoded)
	for n, j := range which {
		v := decoded[n]
		if !batch && !k.holds(hm, v) {
			errs[j] = &PartialError{Index: v.Index, Err: ErrBadSignature}
			continue
		}
		ok[j] = v
	}
	return ok, errs
}

// holds checks one partial: e(PKᵢ, H(msg)) = e(G1, σᵢ).
func (k *ShareKeys) holds(hm *blst.P2Affine, v Verified) bool {
	pk, err := k.key(v.Index)
	if err != nil {
		return false
	}
	return pairingsEqual(pk, hm, g1Gen, v.point)
}

// batchHolds is the random-linear-combination check of VerifyPartials.
func (k *ShareKeys) batchHolds(hm *blst.P2Affine, vs []Verified) bool {
	var aggKey blst.P1
	var aggSig blst.P2
	var buf [batchWeightBytes]byte
	for n, v := range vs {
		if _, err := rand.Read(buf[:]); err != nil {
			return false // no randomness: let the one-by-one checks decide
		}
		pk, err := k.key(v.Index)
		if err != nil {
			return false
		}
		var kp blst.P1
		kp.FromAffine(pk)
		var sp blst.P2
		sp.FromAffine(v.point)
		kp.MultAssign(buf[:], 8*batchWeightBytes) // little-endian weight of 128 bits
		sp.MultAssign(buf[:], 8*batchWeightBytes)
		if n == 0 {
			aggKey, aggSig = kp, sp
			continue
		}
		aggKey.AddAssign(&kp)
		aggSig.AddAssign(&sp)
	}
	return pairingsEqual(aggKey.ToAffine(), hm, g1Gen, aggSig.ToAffine())
}

var g1Gen = blst.P1Generator().ToAffine()

// pairingsEqual reports whether e(p1, q1) = e(p2, q2): two Miller loops, one final
// exponentiation.
func pairingsEqual(p1 *blst.P1Affine, q1 *blst.P2Affine, p2 *blst.P1Affine, q2 *blst.P2Affine) bool {
	return blst.Fp12FinalVerify(blst.Fp12MillerLoop(q1, p1), blst.Fp12MillerLoop(q2, p2))
}

// decodeG2 decodes a compressed G2 point with blst (on the curve, in the subgroup), rejecting
// the identity, which no honest signer produces. It accepts exactly what decodeSignature
// (kyber) accepts.
func decodeG2(b []byte) (*blst.P2Affine, error) {
	if len(b) != SignatureSize {
		return nil, fmt.Errorf("signature of %d bytes, want %d", len(b), SignatureSize)
	}
	if b[0]&0x40 != 0 { // the infinity flag: only the identity's encoding may carry it
		if b[0] == 0xc0 && isZero(b[1:]) {
			return nil, errors.New("signature is the identity")
		}
		return nil, errors.New("signature encoding: malformed point at infinity")
	}
	p := new(blst.P2Affine).Uncompress(b)
	if p == nil {
		return nil, errors.New("signature encoding: not a compressed G2 point")
	}
	if !p.InG2() {
		return nil, errors.New("signature encoding: point not in the G2 subgroup")
	}
	return p, nil
}

func isZero(b []byte) bool {
	var acc byte
	for _, x := range b {
		acc |= x
	}
	return acc == 0
}

// CombineIfValid is the fast way to a signature when no partial is bad: it interpolates the
// threshold lowest-indexed partials without checking any of them and returns the result only
// if it is in G2 and verifies as the root key's signature over msg,
//
//	e(root, H(msg)) = e(G1, σ),
//
// one pairing check instead of a check of every partial (VerifyPartials) and then the
// interpolation. ok is false — and the caller checks the partials one by one to find the bad
// ones (VerifyPartials) — when fewer than threshold partials decode with distinct indices or
// the result does not verify. A valid signature under the root key is all a decryption needs,
// whoever sent the partials; bad partials that happen to combine into it (two colluding nodes
// can cancel each other's error) go unnoticed, and do no harm.
func (k *ShareKeys) CombineIfValid(msg []byte, partials [][]byte, threshold int) (sig []byte, ok bool) {
	if threshold < 1 || threshold != k.pub.Threshold() {
		return nil, false
	}
	seen := map[int]bool{}
	shares := make([]Verified, 0, len(partials))
	for _, p := range partials {
		i, err := PartialIndex(p)
		if err != nil || seen[i] {
			return nil, false
		}
		// On the curve but not group-checked: the interpolated point is, below.
		pt := new(blst.P2Affine).Uncompress(p[2:])
		if pt == nil {
			return nil, false
		}
		seen[i] = true
		shares = append(shares, Verified{Index: i, point: pt})
	}
	if len(shares) < threshold {
		return nil, false
	}
	pt, err := interpolatePoint(shares, threshold)
	if err != nil || !pt.InG2() {
		return nil, false
	}
	sig = pt.Compress()
	if sig[0]&0x40 != 0 { // the identity, which decodeG2 refuses as a signature
		return nil, false
	}
	root, err := k.rootKey()
	if err != nil || !pairingsEqual(root, k.hash(msg), g1Gen, pt) {
		return nil, false
	}
	return sig, true
}

// Combine verifies the partial signatures (VerifyPartials), skips the bad ones (reported in
// rejected, each naming its index; a repeated index counts as bad) and interpolates threshold
// good ones into the root key's signature over msg. Every partial it interpolates is proven
// valid, so the result is the root key's signature without a further check; with fewer than
// threshold good partials it fails with ErrNotEnoughPartials.
func (k *ShareKeys) Combine(msg []byte, partials [][]byte, threshold int) (sig []byte, rejected []*PartialError, err error) {
	if threshold < 1 || threshold != k.pub.Threshold() {
		return nil, nil, fmt.Errorf("%w: %d, polynomial of degree %d", ErrThreshold, threshold, k.pub.Threshold()-1)
	}
	seen := make(map[int]bool)
	var good []Verified
	verified, errs := k.VerifyPartials(msg, partials)
	for j, err := range errs {
		if err != nil {
			var pe *PartialError
			if !errors.As(err, &pe) {
				pe = &PartialError{Index: -1, Err: err}
			}
			rejected = append(rejected, pe)
			continue
		}
		v := verified[j]
		if seen[v.Index] {
			rejected = append(rejected, &PartialError{Index: v.Index, Err: errors.New("index repeated")})
			continue
		}
		seen[v.Index] = true
		good = append(good, v)
	}
	if len(good) < threshold {
		return nil, rejected, fmt.Errorf("%w: %d valid of %d given, need %d", ErrNotEnoughPartials, len(good), len(partials), threshold)
	}
	sig, err = k.Interpolate(good, threshold)
	return sig, rejected, err
}

// Interpolate combines threshold verified partial signatures with distinct indices into the
// root key's signature; it needs no further check, every partial having been verified.
func (k *ShareKeys) Interpolate(vs []Verified, threshold int) ([]byte, error) {
	if threshold < 1 || threshold != k.pub.Threshold() {
		return nil, fmt.Errorf("%w: %d, polynomial of degree %d", ErrThreshold, threshold, k.pub.Threshold()-1)
	}
	good := make([]Verified, 0, len(vs))
	seen := make(map[int]bool)
	for _, v := range vs {
		if v.point == nil {
			return nil, errors.New("bls: interpolate: a partial that was not verified")
		}
		if seen[v.Index] {
			return nil, &PartialError{Index: v.Index, Err: errors.New("index repeated")}
		}
		seen[v.Index] = true
		good = append(good, v)
	}
	if len(good) < threshold {
		return nil, fmt.Errorf("%w: %d given, need %d", ErrNotEnoughPartials, len(good), threshold)
	}
	return interpolate(good, threshold)
}

// interpolate recovers the signature from threshold of the shares, the lowest indices, so
// every client combining the same set does the same computation (the result is the same
// point either way): σ = Σ λᵢ·σᵢ with the Lagrange coefficients at 0 of the points i+1.
func interpolate(good []Verified, threshold int) ([]byte, error) {
	p, err := interpolatePoint(good, threshold)
	if err != nil {
		return nil, err
	}
	return p.Compress(), nil
}

// interpolatePoint is interpolate before the encoding. With xᵢ = index+1, the Lagrange
// coefficient λᵢ = Πⱼ≠ᵢ xⱼ / Πⱼ≠ᵢ (xⱼ − xᵢ) = numᵢ/denᵢ is a ratio of small integers; with D
// the least common multiple of the |denᵢ|,
//
//	σ = D⁻¹ · Σ cᵢ·σᵢ,  cᵢ = numᵢ · D/denᵢ,
//
// where every cᵢ is an integer of a few dozen bits for the thresholds of real networks: T
// short multiplications and one full one instead of T full ones (a third of the time at
// T = 5). A cᵢ of 144 bits or more (T in the twenties and up) is reduced mod r and multiplied
// in full, as before. The scalars are public: the points are partial signatures the client
// holds.
func interpolatePoint(good []Verified, threshold int) (*blst.P2Affine, error) {
	sort.Slice(good, func(a, b int) bool { return good[a].Index < good[b].Index })
	good = good[:threshold]
	nums, dens := make([]*big.Int, len(good)), make([]*big.Int, len(good))
	lcm := big.NewInt(1)
	for j, v := range good {
		num, den := big.NewInt(1), big.NewInt(1)
		xj := big.NewInt(int64(v.Index) + 1)
		for m, w := range good {
			if m == j {
				continue
			}
			xm := big.NewInt(int64(w.Index) + 1)
			num.Mul(num, xm)
			den.Mul(den, xm.Sub(xm, xj))
		}
		if den.Sign() == 0 {
			return nil, errors.New("bls: interpolate signature: repeated index")
		}
		nums[j], dens[j] = num, den
		abs := new(big.Int).Abs(den)
		gcd := new(big.Int).GCD(nil, nil, lcm, abs)
		lcm.Mul(lcm, abs.Quo(abs, gcd))
	}
	var pos, neg blst.P2
	var havePos, haveNeg bool
	add := func(acc *blst.P2, have *bool, term *blst.P2) {
		if *have {
			acc.AddAssign(term)
		} else {
			*acc, *have = *term, true
		}
	}
	for j, v := range good {
		c := new(big.Int).Quo(lcm, dens[j]) // exact: denⱼ divides D
		c.Mul(c, nums[j])
		var term blst.P2
		term.FromAffine(v.point)
		if c.BitLen() >= 144 { // blst's full multiplication takes over from here
			var be [32]byte
			new(big.Int).Mod(c, curveOrder).FillBytes(be[:])
			term.MultAssign(new(blst.Scalar).FromBEndian(be[:]))
			add(&pos, &havePos, &term)
			continue
		}
		le := littleEndian(new(big.Int).Abs(c))
		term.MultAssign(le, c.BitLen())
		if c.Sign() > 0 {
			add(&pos, &havePos, &term)
		} else {
			add(&neg, &haveNeg, &term)
		}
	}
	switch {
	case !havePos:
		return nil, errors.New("bls: interpolate signature: no positive coefficient") // Σλᵢ = 1: cannot happen
	case haveNeg:
		pos.SubAssign(&neg)
	}
	var be [32]byte
	new(big.Int).ModInverse(new(big.Int).Mod(lcm, curveOrder), curveOrder).FillBytes(be[:])
	pos.MultAssign(new(blst.Scalar).FromBEndian(be[:]))
	return pos.ToAffine(), nil
}

// littleEndian is the magnitude of a non-negative x, least significant byte first (at least
// one byte).
func littleEndian(x *big.Int) []byte {
	b := x.Bytes()
	if len(b) == 0 {
		return []byte{0}
	}
	slices.Reverse(b)
	return b
}
