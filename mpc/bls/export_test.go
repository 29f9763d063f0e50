package bls

import (
	"github.com/drand/kyber"
	kbls "github.com/drand/kyber-bls12381"
)

// MoveSignatureForTest computes σ + (ε_b − ε_a)·point: the transfer of PKP a's signature to
// PKP b, which works when point is the hash both signatures are multiples of (the
// proof-of-possession ciphersuite's H(m)) and fails otherwise. It exists to show why BLS PKPs
// sign with message augmentation (pkp_test.go), not to be used.
func MoveSignatureForTest(sigA []byte, a, b [32]byte, point kyber.Point) ([]byte, error) {
	s, err := decodeSignature(sigA)
	if err != nil {
		return nil, err
	}
	ea, err := PKPTweak(a)
	if err != nil {
		return nil, err
	}
	eb, err := PKPTweak(b)
	if err != nil {
		return nil, err
	}
	diff := suite.G1().Scalar().Sub(eb, ea)
	out := suite.G2().Point().Add(s, suite.G2().Point().Mul(diff, point))
	return out.MarshalBinary()
}

// HashForTest hashes msg to G2 with a DST, as a ciphersuite of the BLS draft does.
func HashForTest(dst string, msg []byte) kyber.Point {
	return kbls.NewBLS12381SuiteWithDST(nil, []byte(dst)).G2().Point().(interface{ Hash([]byte) kyber.Point }).Hash(msg)
}
