package bls

// MoveSignatureForTest computes PKP b's signature on msg from PKP a's: σ_a + (ε_b − ε_a)·H(msg).
// It exists to document a property of additive derivation (pkp_test.go), not to be used.
func MoveSignatureForTest(sigA []byte, a, b [32]byte, msg []byte) ([]byte, error) {
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
	out := suite.G2().Point().Add(s, suite.G2().Point().Mul(diff, hashToG2POP(msg)))
	return out.MarshalBinary()
}
