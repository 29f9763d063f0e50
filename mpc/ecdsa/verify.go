package ecdsa

import (
	"errors"
	"fmt"
)

// claim is one linear relation g·G + h·H + Σ ks[i]·pts[i] = 0 that holds when the member's
// messages are honest. Every check in this package — Feldman and Pedersen share checks, the
// zero-knowledge proofs, signature shares — is such a relation.
type claim struct {
	member int    // transport index to blame; −1 for a sum over several members (see expand)
	round  int    // presign round, 0 for signature shares
	err    error  // the sentinel a failure wraps
	what   string // what failed, for the error message
	g, h   scalar
	pts    []*point
	ks     []scalar
	// expand returns the per-member claims this claim is the sum of. A sum is checked first
	// because it costs one relation instead of one per member; only when it fails are its
	// parts checked, to find whom to blame.
	expand func() []claim
}

func (c *claim) term(p *point, k scalar) {
	c.pts = append(c.pts, p)
	c.ks = append(c.ks, k)
}

// holds checks the claim on its own; secret says its g and h may be secret (see batch).
func (c *claim) holds(secret bool) bool {
	pts := make([]point, 0, len(c.pts)+2)
	ks := make([]scalar, 0, len(c.ks)+2)
	for i, p := range c.pts {
		pts = append(pts, *p)
		ks = append(ks, c.ks[i])
	}
	r := msm(pts, ks)
	gh := fixedTerms(&c.g, &c.h, secret)
	r = add(&r, &gh)
	return isInfinity(&r)
}

// batch collects claims and checks them all with one multi-scalar multiplication: with
// independent random 128-bit weights ρ_c, Σ ρ_c·claim_c = 0 fails to reveal a false claim
// with probability at most 2^-128. Points shared by many claims (summed commitments) are
// passed by pointer so that they enter the sum once.
//
// secret marks a batch whose G and H coefficients involve this member's secret shares (every
// presign check: a member checks its own summed shares against the commitments): they are
// multiplied in constant time (ct.go). The other terms' scalars are public (or masked by the
// secret random weights) and go through the variable-time multi-scalar multiplication.
type batch struct {
	claims []claim
	terms  int
	secret bool
}

func (b *batch) add(c claim) {
	b.claims = append(b.claims, c)
	b.terms += len(c.pts)
}

// verify returns nil when every claim holds, and otherwise a *FaultError for a member whose
// claim fails.
func (b *batch) verify() error {
	if len(b.claims) == 0 {
		return nil
	}
	index := make(map[*point]int, b.terms)
	pts := make([]point, 0, b.terms)
	ks := make([]scalar, 0, b.terms)
	var g, h scalar
	for i := range b.claims {
		c := &b.claims[i]
		rho := weight()
		var t scalar
		g.Add(t.Mul2(&c.g, &rho))
		h.Add(t.Mul2(&c.h, &rho))
		for j, p := range c.pts {
			t.Mul2(&c.ks[j], &rho)
			if at, ok := index[p]; ok {
				ks[at].Add(&t)
				continue
			}
			index[p] = len(pts)
			pts = append(pts, *p)
			ks = append(ks, t)
		}
	}
	r := msm(pts, ks)
	gh := fixedTerms(&g, &h, b.secret)
	r = add(&r, &gh)
	if isInfinity(&r) {
		return nil
	}
	return b.blame()
}

// blame checks the claims one by one and returns the first failure.
func (b *batch) blame() error {
	for i := range b.claims {
		c := &b.claims[i]
		if c.holds(b.secret) {
			continue
		}
		if c.member >= 0 {
			return c.fault()
		}
		if c.expand != nil {
			for _, part := range c.expand() {
				if !part.holds(b.secret) {
					return part.fault()
				}
			}
		}
		return fmt.Errorf("%s: a sum check fails but none of its parts does: %w", c.what, errInternal)
	}
	// The weighted sum failed although every claim holds on its own: only possible if the
	// batch arithmetic is wrong.
	return fmt.Errorf("batch verification: %w", errInternal)
}

// fixedTerms returns g·G + h·H: in constant time when g or h may be secret.
func fixedTerms(g, h *scalar, secret bool) point {
	if secret {
		return ctPedersen(g, h)
	}
	gp := mulG(g)
	hp := mulH(h)
	return add(&gp, &hp)
}

func (c *claim) fault() error {
	return &FaultError{Member: c.member, Round: c.round, Err: fmt.Errorf("%s: %w", c.what, c.err)}
}

var errInternal = errors.New("ecdsa: internal inconsistency")
