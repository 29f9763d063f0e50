package frost

import (
	"crypto/rand"
	"errors"
	"fmt"
	"testing"
)

// The attack the at-most-once rule stops: a signer that answered three signing packages with
// one nonce pair (d, e) hands out z_j = d + e·ρ_j + λ_j·c_j·k for three known (ρ_j, λ_j·c_j),
// three linear equations that give its share k of the signing key. The test runs the algebra on
// shares made by bypassing the rule (copies of one nonce), shows that it recovers the share,
// and then that SignShare refuses the second use of a real nonce, so the attacker gets one
// equation only.
func TestNonceReuseWouldRevealTheShareAndIsRefused(t *testing.T) {
	p := Ed25519.params()
	g := p.g
	// A 2-of-3 sharing from a dealer.
	coeffs := []scalar{mustRandom(t, g), mustRandom(t, g)}
	commits := [][]byte{g.baseMul(coeffs[0]).encode(), g.baseMul(coeffs[1]).encode()}
	root, err := NewRootKey(Ed25519, commits)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]*KeyShare, 3)
	for i := range keys {
		x := identifier(g, i)
		keys[i], err = NewKeyShare(root, i, coeffs[0].add(coeffs[1].mul(x)).encode())
		if err != nil {
			t.Fatal(err)
		}
	}
	d, e := mustRandom(t, g), mustRandom(t, g)
	slot := &Slot{suite: Ed25519, id: SlotID{7}, batch: [32]byte{8}, commits: []commitment{
		{index: 0, hiding: g.baseMul(d), binding: g.baseMul(e)},
		{index: 1, hiding: g.baseMul(mustRandom(t, g)), binding: g.baseMul(mustRandom(t, g))},
	}}
	id := KeyID{1}
	var z, rho, mu []scalar
	for j := range 3 {
		pkg, err := NewSigningPackage(root, slot, []int{0, 1}, Request{KeyID: id, Message: fmt.Appendf(nil, "message %d", j)})
		if err != nil {
			t.Fatal(err)
		}
		copyOfNonce := &Nonce{slot: slot, index: 0, d: d.add(g.scalarFromInt(0)), e: e.add(g.scalarFromInt(0))}
		sh, err := SignShare(keys[0], copyOfNonce, pkg)
		if err != nil {
			t.Fatal(err)
		}
		s, err := newSession(root, pkg)
		if err != nil {
			t.Fatal(err)
		}
		z, rho, mu = append(z, sh.z), append(rho, s.rho[0]), append(mu, s.lambda[0].mul(s.c))
	}
	// Cramer's rule on (e, k) after subtracting the first equation.
	r2, r3 := rho[1].sub(rho[0]), rho[2].sub(rho[0])
	m2, m3 := mu[1].sub(mu[0]), mu[2].sub(mu[0])
	z2, z3 := z[1].sub(z[0]), z[2].sub(z[0])
	k := r2.mul(z3).sub(r3.mul(z2)).mul(r2.mul(m3).sub(r3.mul(m2)).inv())
	eps, err := tweak(Ed25519, id)
	if err != nil {
		t.Fatal(err)
	}
	if !k.equal(keys[0].secret.add(eps)) {
		t.Fatal("the algebra did not recover the share: this test could not detect a reuse")
	}

	// With the rule: a real nonce signs once.
	nonce := &Nonce{slot: slot, index: 0, d: d, e: e}
	for j := range 2 {
		pkg, err := NewSigningPackage(root, slot, []int{0, 1}, Request{KeyID: id, Message: fmt.Appendf(nil, "again %d", j)})
		if err != nil {
			t.Fatal(err)
		}
		_, err = SignShare(keys[0], nonce, pkg)
		if j == 1 && !errors.Is(err, ErrNonceReused) {
			t.Fatalf("second use: %v", err)
		}
	}
	if !nonce.d.isZero() || !nonce.e.isZero() {
		t.Fatal("the used nonce was not zeroed")
	}
}

func mustRandom(t *testing.T, g group) scalar {
	t.Helper()
	s, err := g.randomScalar(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
