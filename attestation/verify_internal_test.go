package attestation

import "testing"

func TestAMDRootsIncludeTheASVKForVLEKSignedReports(t *testing.T) {
	for line, roots := range AMDRoots().byLine {
		pc := roots[0].ProductCerts
		if pc.Ark == nil || pc.Ask == nil || pc.Asvk == nil {
			t.Errorf("%s: ARK %v, ASK %v, ASVK %v; want all three", line, pc.Ark != nil, pc.Ask != nil, pc.Asvk != nil)
			continue
		}
		if err := pc.Asvk.CheckSignatureFrom(pc.Ark); err != nil {
			t.Errorf("%s: ASVK not signed by the ARK: %v", line, err)
		}
	}
}
