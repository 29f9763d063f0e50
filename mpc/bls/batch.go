package bls

import (
	"crypto/rand"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/drand/kyber"
	"github.com/drand/kyber/share"
)

// ShareKeys verifies and combines partial signatures under one public polynomial. It keeps
// the public key of every share index it has checked, so a client holding one per network key
// evaluates the polynomial once per node rather than once per answer. Safe for concurrent use.
type ShareKeys struct {
	pub  *share.PubPoly
	mu   sync.Mutex
	keys map[int]kyber.Point
	// hash maps a message to the G2 point signatures are multiples of (hashToG2 unless set).
	hash func([]byte) kyber.Point
	// offset, when set, is added to every share's public key: the derived key's ε·G1 (PKPs).
	offset kyber.Point
}

// NewShareKeys prepares to check partial signatures made with shares of pub.
func NewShareKeys(pub *share.PubPoly) *ShareKeys {
	return &ShareKeys{pub: pub, keys: map[int]kyber.Point{}, hash: hashToG2}
}

// Poly is the public polynomial the partials are checked against.
func (k *ShareKeys) Poly() *share.PubPoly { return k.pub }

// key is the public key of share index i: the polynomial evaluated there.
func (k *ShareKeys) key(i int) kyber.Point {
	k.mu.Lock()
	defer k.mu.Unlock()
	p, ok := k.keys[i]
	if !ok {
		p = k.pub.Eval(i).V
		if k.offset != nil {
			p = suite.G1().Point().Add(p, k.offset)
		}
		k.keys[i] = p
	}
	return p
}

// batchWeightBytes is the size of the random weights of the batch check: a bad partial passes
// with probability at most 2^-128.
const batchWeightBytes = 16

// Verified is a partial signature VerifyPartials accepted: its share index and decoded point.
// Only VerifyPartials makes one, so Interpolate cannot be handed an unchecked partial.
type Verified struct {
	Index int
	point kyber.Point
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
		sig, err := decodeSignature(p[2:])
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
		if !batch && !suite.ValidatePairing(k.key(v.Index), hm, suite.G1().Point().Base(), v.point) {
			errs[j] = &PartialError{Index: v.Index, Err: ErrBadSignature}
			continue
		}
		ok[j] = v
	}
	return ok, errs
}

// batchHolds is the random-linear-combination check of VerifyPartials.
func (k *ShareKeys) batchHolds(hm kyber.Point, vs []Verified) bool {
	aggKey, aggSig := suite.G1().Point().Null(), suite.G2().Point().Null()
	var buf [batchWeightBytes]byte
	for _, v := range vs {
		if _, err := rand.Read(buf[:]); err != nil {
			return false // no randomness: let the one-by-one checks decide
		}
		r := suite.G1().Scalar().SetBytes(buf[:])
		aggKey.Add(aggKey, suite.G1().Point().Mul(r, k.key(v.Index)))
		aggSig.Add(aggSig, suite.G2().Point().Mul(r, v.point))
	}
	return suite.ValidatePairing(aggKey, hm, suite.G1().Point().Base(), aggSig)
}

// hashToG2 is the point signatures over msg are multiples of (the scheme's hash to G2).
func hashToG2(msg []byte) kyber.Point {
	return suite.G2().Point().(interface{ Hash([]byte) kyber.Point }).Hash(msg)
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
	good := make([]*share.PubShare, 0, len(vs))
	seen := make(map[int]bool)
	for _, v := range vs {
		if v.point == nil {
			return nil, errors.New("bls: interpolate: a partial that was not verified")
		}
		if seen[v.Index] {
			return nil, &PartialError{Index: v.Index, Err: errors.New("index repeated")}
		}
		seen[v.Index] = true
		good = append(good, &share.PubShare{I: v.Index, V: v.point})
	}
	if len(good) < threshold {
		return nil, fmt.Errorf("%w: %d given, need %d", ErrNotEnoughPartials, len(good), threshold)
	}
	return interpolate(good, threshold)
}

// interpolate recovers the signature from threshold of the shares, the lowest indices, so
// every client combining the same set does the same computation (the result is the same
// point either way).
func interpolate(good []*share.PubShare, threshold int) ([]byte, error) {
	sort.Slice(good, func(a, b int) bool { return good[a].I < good[b].I })
	point, err := share.RecoverCommit(suite.G2(), good[:threshold], threshold, len(good))
	if err != nil {
		return nil, fmt.Errorf("bls: interpolate signature: %w", err)
	}
	return point.MarshalBinary()
}
