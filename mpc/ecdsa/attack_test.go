package ecdsa_test

import (
	"crypto/rand"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/ecdsa/ecdsatest"
)

// The library-level half of the signer-agreement attack tests (docs/ecdsa.md, "Signer
// agreement"). The raw protocol functions carry no agreement: whoever calls SignShare decides
// the request. When corrupt signers (t of them: with t = 1 a corrupt coordinator alone) get the
// honest signers to sign one presignature for two different requests — two values of ρ, two
// hashes, or two PKPs — each honest share is one linear equation in the sharings of a and a·x;
// with their own shares the corrupt signers solve for a and a·x, hence x = (a·x)/a: the root key
// of every PKP. The node layer's agreement exists to make this impossible; testnet's
// TestMaliciousCoordinator runs the same algebra (ecdsatest) on what a malicious coordinator
// collects there and asserts that it fails.
func TestAgreementBypassedRecoversTheRootKey(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, deg  int
		corrupt []int // members whose shares the attacker holds
		split   func(req ecdsa.SignRequest, honest int) ecdsa.SignRequest
	}{
		{"a different ρ for each honest member, one corrupt coordinator of three", 3, 1, []int{0}, freshRho},
		{"a different ρ for each honest member, two corrupt of five", 5, 2, []int{0, 1}, freshRho},
		{"one presignature under two hashes", 3, 1, []int{0}, func(req ecdsa.SignRequest, honest int) ecdsa.SignRequest {
			req.Hash[31] ^= byte(honest)
			return req
		}},
		{"one presignature for two PKPs", 5, 2, []int{3, 4}, func(req ecdsa.SignRequest, honest int) ecdsa.SignRequest {
			eps, _ := ecdsa.Epsilon(keyID(100 + honest))
			req.Tweak = eps
			return req
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDealer(t, tc.n, tc.deg)
			signers := make([]int, tc.n)
			for i := range signers {
				signers[i] = i
			}
			ps := mustPresign(t, d, signers, 2)
			base := request(t, keyID(1), "the attacker's hash")

			for _, agree := range []bool{true, false} {
				b := 0 // presignature 0: everyone signs one request; presignature 1: split
				if !agree {
					b = 1
				}
				pub := ps[0][b].Public()
				var k []ecdsatest.Known
				var eqs []ecdsatest.Equation
				for m := range tc.n {
					req := base
					corrupt := contains(tc.corrupt, m)
					if !agree && !corrupt {
						req = tc.split(base, m)
					}
					y := pkpKey(t, d, req)
					if corrupt {
						own, err := ecdsatest.SecretShares(ps[m][b])
						if err != nil {
							t.Fatal(err)
						}
						k = append(k, own)
						// Positive control: the coefficients recomputed from public data are the
						// ones SignShare used.
						sh, err := ecdsa.SignShare(ps[m][b], req)
						if err != nil {
							t.Fatal(err)
						}
						eq, err := ecdsatest.ShareEquation(pub, y, req, sh)
						if err != nil {
							t.Fatal(err)
						}
						if !ecdsatest.Check(eq, own) {
							t.Fatal("the recomputed share equation does not hold for the attacker's own share")
						}
						continue
					}
					sh, err := ecdsa.SignShare(ps[m][b], req)
					if err != nil {
						t.Fatal(err)
					}
					eq, err := ecdsatest.ShareEquation(pub, y, req, sh)
					if err != nil {
						t.Fatal(err)
					}
					eqs = append(eqs, eq)
				}
				x, ok := ecdsatest.Recover(tc.deg, k, eqs)
				switch {
				case agree && ok && ecdsatest.IsRoot(x, d.root.PublicKey()):
					t.Fatal("the root key fell out of shares that all agreed on one request")
				case agree && ok:
					t.Fatal("shares that agreed on one request determined a(0) and (a·x)(0)")
				case !agree && !ok:
					t.Fatal("the algebra did not solve the system of split shares")
				case !agree && !ecdsatest.IsRoot(x, d.root.PublicKey()):
					t.Fatal("the algebra solved the system but did not yield the root key")
				}
			}
			t.Logf("root key recovered by %d corrupt of %d once the honest signers signed one presignature for two requests", len(tc.corrupt), tc.n)
		})
	}
}

func freshRho(req ecdsa.SignRequest, _ int) ecdsa.SignRequest {
	if _, err := rand.Read(req.Rho[:]); err != nil {
		panic(err)
	}
	return req
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// pkpKey is the PKP key the request's tweak derives from the dealer's root: X + ε·G.
func pkpKey(t testing.TB, d *dealer, req ecdsa.SignRequest) *secp256k1.PublicKey {
	t.Helper()
	var x, e, y secp256k1.JacobianPoint
	d.root.PublicKey().AsJacobian(&x)
	secp256k1.ScalarBaseMultNonConst(req.Tweak, &e)
	secp256k1.AddNonConst(&x, &e, &y)
	y.ToAffine()
	return secp256k1.NewPublicKey(&y.X, &y.Y)
}
