// Package ecdsatest is the attacker's side of the threshold-ECDSA attack tests: the algebra by
// which corrupt signers who obtain signature shares of one presignature under two different
// requests (two values of ρ, two hashes, two PKPs) solve for the root private key, and the means
// to feed it from what a corrupt node holds.
//
// It is for tests only (mpc/ecdsa's library-level attack test, testnet's malicious-coordinator
// tests): nothing outside _test files may import it. It reads a presignature's secret shares out
// of memory with reflection, as a corrupt node can read its own memory.
package ecdsatest

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"unsafe"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/mpc/ecdsa"
)

type scalar = secp256k1.ModNScalar

// Known is a corrupt signer's own shares of one presignature: a(id) and (a·x)(id).
type Known struct {
	Index int // share index (evaluation point Index+1)
	A, AX scalar
}

// Equation is one released signature share as a linear equation in the unknown sharings:
// S = CA·a(id) + CAX·(a·x)(id), with id = Index+1.
type Equation struct {
	Index   int
	CA, CAX scalar
	S       scalar
}

// SecretShares returns the secret shares a_i and (a·x)_i a presignature holds (before it
// signs: SignShare zeroes them). A corrupt node reads them from its own memory; the test does
// the same with reflection.
func SecretShares(ps *ecdsa.Presignature) (Known, error) {
	v := reflect.ValueOf(ps).Elem()
	get := func(name string) (scalar, error) {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Type() != reflect.TypeOf(scalar{}) {
			return scalar{}, fmt.Errorf("ecdsa.Presignature has no scalar field %q: update ecdsatest", name)
		}
		//nolint:gosec // test-only: a corrupt node reading its own secret shares
		return *(*scalar)(unsafe.Pointer(f.UnsafeAddr())), nil
	}
	a, err := get("a")
	if err != nil {
		return Known{}, err
	}
	ax, err := get("ax")
	if err != nil {
		return Known{}, err
	}
	if a.IsZero() && ax.IsZero() {
		return Known{}, errors.New("the presignature's secret shares are zero: it signed already")
	}
	return Known{Index: ps.Index(), A: a, AX: ax}, nil
}

// ShareEquation turns a released signature share into its equation, from public data only: the
// public presignature, the PKP key y, and the request (tweak, hash, ρ) the share was made for.
func ShareEquation(pub *ecdsa.PublicPresignature, y *secp256k1.PublicKey, req ecdsa.SignRequest, sh *ecdsa.SignatureShare) (Equation, error) {
	ca, cax, err := Coefficients(pub, y, req)
	if err != nil {
		return Equation{}, err
	}
	raw, err := sh.MarshalBinary()
	if err != nil {
		return Equation{}, err
	}
	// version u8 ‖ id [32] ‖ digest [32] ‖ index u16 ‖ s [32] ‖ τ [32]
	if len(raw) != 1+32+32+2+64 {
		return Equation{}, fmt.Errorf("signature share of %d bytes: update ecdsatest", len(raw))
	}
	var s scalar
	s.SetByteSlice(raw[67:99])
	return Equation{Index: sh.Index, CA: ca, CAX: cax, S: s}, nil
}

// Coefficients recomputes, from public data, the coefficients of the signature-share equation
// s_i = e·h'·a_i + e·r·(a·x)_i (docs/ecdsa.md, "Online signing"): δ = H(Y, ε, h, R, ρ),
// R' = δ·R, r = R'.x mod n, e = (δ·w)⁻¹, h' = h + r·ε.
func Coefficients(pub *ecdsa.PublicPresignature, y *secp256k1.PublicKey, req ecdsa.SignRequest) (ca, cax scalar, err error) {
	w, err := publicW(pub)
	if err != nil {
		return ca, cax, err
	}
	eps := req.Tweak.Bytes()
	delta := hashToScalar("rerandomize/v1", y.SerializeCompressed(), eps[:], req.Hash[:], pub.R().SerializeCompressed(), req.Rho[:])
	var rj, rp secp256k1.JacobianPoint
	pub.R().AsJacobian(&rj)
	secp256k1.ScalarMultNonConst(&delta, &rj, &rp)
	rp.ToAffine()
	var r scalar
	xb := rp.X.Bytes()
	r.SetBytes(xb)
	var e, h, m scalar
	e.Mul2(&delta, &w).InverseNonConst()
	m.SetBytes(&req.Hash)
	h.Mul2(&r, req.Tweak).Add(&m)
	ca.Mul2(&e, &h)
	cax.Mul2(&e, &r)
	return ca, cax, nil
}

// publicW reads w from the public presignature's canonical encoding (docs/ecdsa.md):
// version u8 ‖ id [32] ‖ t u16 ‖ n u16 ‖ n × index u16 ‖ root [33] ‖ R [65] ‖ w [32] ‖ …
func publicW(pub *ecdsa.PublicPresignature) (scalar, error) {
	var w scalar
	raw, err := pub.MarshalBinary()
	if err != nil {
		return w, err
	}
	if len(raw) < 37 {
		return w, errors.New("short public presignature")
	}
	n := int(binary.BigEndian.Uint16(raw[35:37]))
	off := 37 + 2*n + 33 + 65
	if len(raw) < off+32 {
		return w, errors.New("short public presignature")
	}
	if w.SetByteSlice(raw[off : off+32]) {
		return w, errors.New("w out of range: update ecdsatest")
	}
	return w, nil
}

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
	s.SetByteSlice(h.Sum(nil))
	return s
}

// Check reports whether the equation holds for known shares of the same signer: the positive
// control that the coefficients an attack test computes are the ones the signers used.
func Check(eq Equation, k Known) bool {
	var l, t scalar
	l.Mul2(&eq.CA, &k.A).Add(t.Mul2(&eq.CAX, &k.AX))
	return l.Equals(&eq.S)
}

// Recover tries to solve for the root key x from the corrupt signers' shares of one
// presignature (degree-t sharings a(z), (a·x)(z)) and the equations of released signature
// shares of the same presignature. It returns x when a(0) and (a·x)(0) are both determined by
// the system — as when two honest shares were made for different requests — and false when
// they are not (every released share agreed on one request: they only fix one combination).
func Recover(t int, known []Known, eqs []Equation) (*scalar, bool) {
	nu := 2 * (t + 1) // unknowns: coefficients a_0…a_t, b_0…b_t of a(z) and (a·x)(z)
	var rows [][]scalar
	row := func(coefA, coefB *scalar, id int, rhs *scalar) []scalar {
		r := make([]scalar, nu+1)
		var z, p scalar
		z.SetInt(uint32(id + 1))
		p.SetInt(1)
		for l := 0; l <= t; l++ {
			if coefA != nil {
				r[l].Mul2(coefA, &p)
			}
			if coefB != nil {
				r[t+1+l].Mul2(coefB, &p)
			}
			p.Mul(&z)
		}
		r[nu].Set(rhs)
		return r
	}
	var one scalar
	one.SetInt(1)
	for _, k := range known {
		rows = append(rows, row(&one, nil, k.Index, &k.A), row(nil, &one, k.Index, &k.AX))
	}
	for _, e := range eqs {
		rows = append(rows, row(&e.CA, &e.CAX, e.Index, &e.S))
	}
	a0, ok := solveFor(rows, nu, 0)
	if !ok {
		return nil, false
	}
	b0, ok := solveFor(rows, nu, t+1)
	if !ok || a0.IsZero() {
		return nil, false
	}
	var x scalar
	x.Set(&a0).InverseNonConst().Mul(&b0)
	return &x, true
}

// solveFor returns unknown v of the linear system rows·u = rhs (last column) if the system
// determines it uniquely (the unit vector e_v lies in the row space), by Gauss–Jordan
// elimination over the scalar field. An inconsistent system determines nothing.
func solveFor(rows [][]scalar, nu, v int) (scalar, bool) {
	m := make([][]scalar, len(rows))
	for i := range rows {
		m[i] = append([]scalar(nil), rows[i]...)
	}
	pivotRow := make([]int, nu)
	for c := range pivotRow {
		pivotRow[c] = -1
	}
	r := 0
	for c := 0; c < nu && r < len(m); c++ {
		p := -1
		for i := r; i < len(m); i++ {
			if !m[i][c].IsZero() {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		m[r], m[p] = m[p], m[r]
		var inv scalar
		inv.Set(&m[r][c]).InverseNonConst()
		for j := c; j <= nu; j++ {
			m[r][j].Mul(&inv)
		}
		for i := range m {
			if i == r || m[i][c].IsZero() {
				continue
			}
			var f scalar
			f.Set(&m[i][c])
			for j := c; j <= nu; j++ {
				var t scalar
				t.Mul2(&f, &m[r][j]).Negate()
				m[i][j].Add(&t)
			}
		}
		pivotRow[c] = r
		r++
	}
	for i := r; i < len(m); i++ {
		if !m[i][nu].IsZero() {
			return scalar{}, false // inconsistent: the equations are not of one sharing
		}
	}
	pr := pivotRow[v]
	if pr < 0 {
		return scalar{}, false
	}
	// In reduced row echelon form, unknown v is determined iff its pivot row has no other
	// non-zero coefficient on a free (non-pivot) column.
	for c := 0; c < nu; c++ {
		if c != v && pivotRow[c] < 0 && !m[pr][c].IsZero() {
			return scalar{}, false
		}
	}
	return m[pr][nu], true
}

// IsRoot reports whether x is the private key of root.
func IsRoot(x *scalar, root *secp256k1.PublicKey) bool {
	return secp256k1.NewPrivateKey(x).PubKey().IsEqual(root)
}
