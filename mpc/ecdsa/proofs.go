package ecdsa

import (
	"crypto/sha256"
	"encoding/binary"
)

// The two zero-knowledge proofs of the presign protocol. Both are Schnorr-style sigma
// protocols made non-interactive with Fiat–Shamir (SHA-256, domain-separated, bound to the
// session digest and the transcript of every broadcast so far); their verification equations
// are claims, checked in one batch with everything else.
//
// π1 (round 2, one per member and session): member j reshared λ_j·a_j·x_j. For every
// presignature b, V̂_j,0[b] = λ_j·a_j[b]·x_j·G + ν_b·H, where a_j[b] is the value committed in
// Â[b](id_j) = a_j[b]·G + a'_j[b]·H and x_j the root share with X_j = x_j·G. With weights μ_b
// from the hash of the statement, the single relation
//
//	X_j = x·G  ∧  V* = x·A* + u·H,   A* = λ_j·Σ_b μ_b·Â[b](id_j),  V* = Σ_b μ_b·V̂_j,0[b]
//
// holds for a known (x, u) iff every per-presignature relation holds (up to probability
// 2^-256 over μ): one proof covers the whole batch because x_j is the same in all of them.
//
// π2 (round 3, one per member and presignature): w_j = a_j·k_j + b_j, i.e. knowledge of
// (a, a', b') with
//
//	Â(id_j) = a·G + a'·H  ∧  w_j·G − B̂(id_j) = a·R_j − b'·H,   R_j = K(id_j) = k_j·G.
//
// The prover computes a·R_j as (a·k_j)·G with the constant-time fixed-base tables, since it
// knows k_j.

var minusOne = func() scalar {
	var s scalar
	s.SetInt(1)
	s.Negate()
	return s
}()

func hashToScalar(label string, parts ...[]byte) scalar {
	h := sha256.New()
	h.Write([]byte("litmesh/ecdsa/" + label))
	for _, p := range parts {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	var s scalar
	s.SetByteSlice(h.Sum(nil)) // the 2^-128 bias of reducing a 256-bit hash mod n is immaterial
	return s
}

func u32(v int) []byte { return binary.BigEndian.AppendUint32(nil, uint32(v)) }

func pointBytes(p *point) []byte {
	var b [pointLen]byte
	if err := encodePoint(b[:], p); err != nil {
		return nil // infinity hashes as empty; it never verifies anyway
	}
	return b[:]
}

func scalarBytes(s *scalar) []byte {
	b := s.Bytes()
	return b[:]
}

// pi1Weights returns μ_b for member j's statement.
func (s *session) pi1Weights(j int, stmt [32]byte) []scalar {
	mu := make([]scalar, s.count)
	for b := range mu {
		mu[b] = hashToScalar("pi1-weight", s.r1Digest[:], u32(j), stmt[:], u32(b))
	}
	return mu
}

func (s *session) pi1Challenge(j int, stmt [32]byte, t1, t2 *point) scalar {
	return hashToScalar("pi1", s.r1Digest[:], u32(j), stmt[:], pointBytes(t1), pointBytes(t2))
}

func (s *session) provePi1(stmt [32]byte) (*pi1, error) {
	mu := s.pi1Weights(s.self, stmt)
	x := &s.key.secret
	lam := &s.lambda[s.self]
	// u* = Σ μ_b·(ν_b − x·λ·a'_b); sa = λ·Σ μ_b·a_b; sa2 = λ·Σ μ_b·a'_b
	var u, sa, sa2, xl scalar
	xl.Mul2(x, lam)
	for b := range s.inst {
		in := &s.inst[b]
		var t scalar
		t.Mul2(&xl, &in.a2).Negate().Add(&in.fv2[0]).Mul(&mu[b])
		u.Add(&t)
		sa.Add(t.Mul2(&mu[b], &in.a))
		sa2.Add(t.Mul2(&mu[b], &in.a2))
	}
	sa.Mul(lam)
	sa2.Mul(lam)
	r, err := s.random(2)
	if err != nil {
		return nil, err
	}
	rx, ru := &r[0], &r[1]
	var pr pi1
	pr.t1 = ctMulG(rx)
	var g, h scalar
	g.Mul2(rx, &sa)
	h.Mul2(rx, &sa2).Add(ru)
	pr.t2 = ctPedersen(&g, &h)
	batchNormalize([]*point{&pr.t1, &pr.t2})
	e := s.pi1Challenge(s.self, stmt, &pr.t1, &pr.t2)
	pr.zx.Mul2(&e, x).Add(rx)
	pr.zu.Mul2(&e, &u).Add(ru)
	return &pr, nil
}

// pi1Claims adds the two verification relations of member j's π1.
func (s *session) pi1Claims(bt *batch, j int) {
	m := s.r2[j]
	pr := &m.proof
	mu := s.pi1Weights(j, s.stmt[j])
	e := s.pi1Challenge(j, s.stmt[j], &pr.t1, &pr.t2)
	pj := s.pows[j]
	var negE scalar
	negE.NegateVal(&e)

	// z_x·G − e·X_j − T1 = 0, X_j = Σ_l id_j^l·A_l
	c1 := claim{member: j, round: 3, err: ErrBadProof, what: "resharing proof (key share)"}
	c1.g.Set(&pr.zx)
	root := s.key.root.coeffs
	for l := range root {
		var k scalar
		k.Mul2(&negE, &pj[l])
		c1.term(&root[l], k)
	}
	c1.term(&pr.t1, minusOne)
	bt.add(c1)

	// z_x·A* + z_u·H − e·V* − T2 = 0
	c2 := claim{member: j, round: 3, err: ErrBadProof, what: "resharing proof (reshared value)"}
	c2.h.Set(&pr.zu)
	var zl scalar
	zl.Mul2(&pr.zx, &s.lambda[j])
	for b := range s.inst {
		in := &s.inst[b]
		var zlm scalar
		zlm.Mul2(&zl, &mu[b])
		for l := range in.ahat {
			var k scalar
			k.Mul2(&zlm, &pj[l])
			c2.term(&in.ahat[l], k)
		}
		var k scalar
		k.Mul2(&negE, &mu[b])
		c2.term(&m.vhat[b][0], k)
	}
	c2.term(&pr.t2, minusOne)
	bt.add(c2)
}

func (s *session) pi2Challenge(j, b int, w *scalar, t1, t2 *point) scalar {
	return hashToScalar("pi2", s.r2Digest[:], u32(j), u32(b), scalarBytes(w), pointBytes(t1), pointBytes(t2))
}

// pi2Respond finishes π2 for presignature b once T1, T2 are computed (see prove) from the
// nonces r: T1 = r0·G + r1·H, T2 = r0·R_i − r2·H.
func (s *session) pi2Respond(b int, w *scalar, pr *pi2, r []scalar) {
	in := &s.inst[b]
	e := s.pi2Challenge(s.self, b, w, &pr.t1, &pr.t2)
	pr.za.Mul2(&e, &in.a).Add(&r[0])
	pr.za2.Mul2(&e, &in.a2).Add(&r[1])
	pr.zb2.Mul2(&e, &in.b2).Add(&r[2])
}

// pi2Claims adds the two verification relations of member j's π2 for presignature b.
func (s *session) pi2Claims(bt *batch, b, j int, en *round3Entry) {
	in := &s.inst[b]
	pr := &en.proof
	e := s.pi2Challenge(j, b, &en.w, &pr.t1, &pr.t2)
	pj := s.pows[j]
	var negE scalar
	negE.NegateVal(&e)

	// z_a·G + z_a'·H − e·Â(id_j) − T1 = 0
	c1 := claim{member: j, round: 3, err: ErrBadProof, what: "proof of w (commitment to a)"}
	c1.g.Set(&pr.za)
	c1.h.Set(&pr.za2)
	for l := range in.ahat {
		var k scalar
		k.Mul2(&negE, &pj[l])
		c1.term(&in.ahat[l], k)
	}
	c1.term(&pr.t1, minusOne)
	bt.add(c1)

	// z_a·R_j − z_b'·H − e·w_j·G + e·B̂(id_j) − T2 = 0, R_j = Σ_l id_j^l·K_l
	c2 := claim{member: j, round: 3, err: ErrBadProof, what: "proof of w (product)"}
	c2.g.Mul2(&negE, &en.w)
	c2.h.NegateVal(&pr.zb2)
	for l := range in.kc {
		var k scalar
		k.Mul2(&pr.za, &pj[l])
		c2.term(&in.kc[l], k)
	}
	for l := range in.bhat {
		var k scalar
		k.Mul2(&e, &pj[l+1])
		c2.term(&in.bhat[l], k)
	}
	c2.term(&pr.t2, minusOne)
	bt.add(c2)
}
