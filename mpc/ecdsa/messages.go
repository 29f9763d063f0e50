package ecdsa

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Presign wire format: a fixed binary layout, big-endian, no optional fields, so every message
// of a session has exactly one valid length, checked before anything is parsed.
//
//	header  version u8 (=2) ‖ kind u8 ‖ session digest [32] ‖ count u16
//	round 1 header ‖ count × ( Â_0…Â_t ‖ B̂_1…B̂_2t )            points, the broadcast part …
//	               ‖ count × c [32]                               … and ρ-contribution commitments
//	               ‖ count × ( k ‖ a ‖ a' ‖ b ‖ b' )             scalars, private to the recipient
//	round 2 header ‖ echo: members × [32]                         hashes of round-1 broadcasts
//	               ‖ count × ( K_0…K_t ‖ V̂_0…V̂_t ) ‖ T1 ‖ T2 ‖ z_x ‖ z_u   the broadcast part
//	               ‖ count × ( v ‖ v' )                           private
//	round 3 header ‖ echo: members × [32]                         hashes of round-2 broadcasts
//	               ‖ count × ( w ‖ T1 ‖ T2 ‖ z_a ‖ z_a' ‖ z_b' )
//	abort   header (count 0) ‖ blamed member u16 (0xffff: none) ‖ reason u8
//
// Points are 65-byte uncompressed SEC1 (checked on the curve: parsing a compressed point would
// cost a square root, ~12 µs, for every one of the thousands of points of a batch); scalars are
// 32-byte big-endian and must be below the group order.

const (
	// wireVersion is the presign messages' layout; version 2 added the ρ-contribution
	// commitments to round 1.
	wireVersion = 2

	kindRound1 = 1
	kindRound2 = 2
	kindRound3 = 3
	kindAbort  = 0xff

	headerLen = 1 + 1 + 32 + 2
	hashLen   = 32

	// MaxCount bounds the presignatures of one session.
	MaxCount = 1024
	// MaxMessageSize bounds every presign message; the transport must carry frames this big.
	MaxMessageSize = 4 << 20

	noMember = 0xffff
)

// ErrBadMessage reports a peer message that does not decode: wrong length, kind, session,
// a point off the curve or a scalar out of range.
var ErrBadMessage = errors.New("ecdsa: malformed message")

// shape is what a session expects every message to look like.
type shape struct {
	session [32]byte // digest of the session context
	count   int      // presignatures in the session
	t       int      // degree of the root sharing
	n       int      // signers
}

func (s shape) round1BroadcastLen() int { return s.count*(3*s.t+1)*pointLen + s.count*hashLen }
func (s shape) round1Len() int          { return headerLen + s.round1BroadcastLen() + s.count*5*scalarLen }
func (s shape) pi1Len() int             { return 2*pointLen + 2*scalarLen }
func (s shape) round2BroadcastLen() int {
	return s.count*2*(s.t+1)*pointLen + s.pi1Len()
}
func (s shape) round2Len() int {
	return headerLen + s.n*hashLen + s.round2BroadcastLen() + s.count*2*scalarLen
}
func (s shape) round3Entry() int {
	return scalarLen + 2*pointLen + 3*scalarLen
}
func (s shape) round3Len() int { return headerLen + s.n*hashLen + s.count*s.round3Entry() }
func (s shape) abortLen() int  { return headerLen + 2 + 1 }

func (s shape) maxLen() int { return max(s.round1Len(), s.round2Len(), s.round3Len()) }

func (s shape) putHeader(buf []byte, kind byte, count int) []byte {
	buf = append(buf, wireVersion, kind)
	buf = append(buf, s.session[:]...)
	return binary.BigEndian.AppendUint16(buf, uint16(count))
}

// checkHeader validates the header of msg for kind and the exact length want.
func (s shape) checkHeader(msg []byte, kind byte, count, want int) error {
	if len(msg) != want {
		return fmt.Errorf("%d bytes, want %d: %w", len(msg), want, ErrBadMessage)
	}
	if msg[0] != wireVersion {
		return fmt.Errorf("version %d: %w", msg[0], ErrBadMessage)
	}
	if msg[1] != kind {
		return fmt.Errorf("kind %d, want %d: %w", msg[1], kind, ErrBadMessage)
	}
	if [32]byte(msg[2:34]) != s.session {
		return fmt.Errorf("message from another session: %w", ErrBadMessage)
	}
	if c := int(binary.BigEndian.Uint16(msg[34:36])); c != count {
		return fmt.Errorf("count %d, want %d: %w", c, count, ErrBadMessage)
	}
	return nil
}

// peekKind returns the kind of a message after checking version and session, so the inbox can
// file it under its round before the full decode.
func (s shape) peekKind(msg []byte) (byte, error) {
	if len(msg) < headerLen {
		return 0, fmt.Errorf("%d bytes, shorter than a header: %w", len(msg), ErrBadMessage)
	}
	if msg[0] != wireVersion {
		return 0, fmt.Errorf("version %d: %w", msg[0], ErrBadMessage)
	}
	if [32]byte(msg[2:34]) != s.session {
		return 0, fmt.Errorf("message from another session: %w", ErrBadMessage)
	}
	switch k := msg[1]; k {
	case kindRound1, kindRound2, kindRound3, kindAbort:
		return k, nil
	default:
		return 0, fmt.Errorf("unknown kind %d: %w", k, ErrBadMessage)
	}
}

// reader walks a message whose length was already checked.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) bytes(n int) []byte {
	out := r.b[r.off : r.off+n]
	r.off += n
	return out
}

func (r *reader) point(what string, i int) point {
	p, err := decodePoint(r.bytes(pointLen))
	if err != nil && r.err == nil {
		r.err = fmt.Errorf("%s %d: %w: %w", what, i, err, ErrBadMessage)
	}
	return p
}

func (r *reader) scalar(what string, i int) scalar {
	s, err := decodeScalar(r.bytes(scalarLen))
	if err != nil && r.err == nil {
		r.err = fmt.Errorf("%s %d: %w: %w", what, i, err, ErrBadMessage)
	}
	return s
}

func (r *reader) hash() [32]byte { return [32]byte(r.bytes(hashLen)) }

func appendPoint(buf []byte, p *point) []byte {
	var b [pointLen]byte
	if err := encodePoint(b[:], p); err != nil {
		panic("ecdsa: encoding a point at infinity") // callers only encode points they checked
	}
	return append(buf, b[:]...)
}

func appendScalar(buf []byte, s *scalar) []byte {
	var b [scalarLen]byte
	s.PutBytes(&b)
	return append(buf, b[:]...)
}

// round1Private is what a dealer sends one recipient: its evaluations of the dealer's k, a,
// a' (blinding), b and b' (blinding) polynomials.
type round1Private struct{ k, a, a2, b, b2 scalar }

type round1Msg struct {
	broadcast []byte     // the broadcast part, hashed for the echo check
	ahat      [][]point  // [presig][0…t]
	bhat      [][]point  // [presig][0…2t−1] = coefficients 1…2t
	commits   [][32]byte // [presig] commitment to the dealer's ρ contribution
	priv      []round1Private
}

func (s shape) encodeRound1(ahat, bhat [][]point, commits [][32]byte, priv []round1Private) []byte {
	buf := make([]byte, 0, s.round1Len())
	buf = s.putHeader(buf, kindRound1, s.count)
	for b := range s.count {
		for l := range ahat[b] {
			buf = appendPoint(buf, &ahat[b][l])
		}
		for l := range bhat[b] {
			buf = appendPoint(buf, &bhat[b][l])
		}
	}
	for b := range s.count {
		buf = append(buf, commits[b][:]...)
	}
	for b := range s.count {
		p := &priv[b]
		for _, v := range []*scalar{&p.k, &p.a, &p.a2, &p.b, &p.b2} {
			buf = appendScalar(buf, v)
		}
	}
	return buf
}

func (s shape) decodeRound1(msg []byte) (*round1Msg, error) {
	if err := s.checkHeader(msg, kindRound1, s.count, s.round1Len()); err != nil {
		return nil, err
	}
	r := &reader{b: msg, off: headerLen}
	m := &round1Msg{
		broadcast: msg[headerLen : headerLen+s.round1BroadcastLen()],
		ahat:      make([][]point, s.count),
		bhat:      make([][]point, s.count),
		commits:   make([][32]byte, s.count),
		priv:      make([]round1Private, s.count),
	}
	for b := range s.count {
		m.ahat[b] = make([]point, s.t+1)
		for l := range m.ahat[b] {
			m.ahat[b][l] = r.point("commitment Â", l)
		}
		m.bhat[b] = make([]point, 2*s.t)
		for l := range m.bhat[b] {
			m.bhat[b][l] = r.point("commitment B̂", l+1)
		}
	}
	for b := range s.count {
		m.commits[b] = r.hash()
	}
	for b := range s.count {
		p := &m.priv[b]
		p.k = r.scalar("share k of presignature", b)
		p.a = r.scalar("share a of presignature", b)
		p.a2 = r.scalar("share a' of presignature", b)
		p.b = r.scalar("share b of presignature", b)
		p.b2 = r.scalar("share b' of presignature", b)
	}
	return m, r.err
}

// pi1 proves, for all presignatures of the session at once, that the dealer reshared
// λ_j·a_j·x_j: knowledge of x with X_j = x·G and V* = x·A* + u·H (see proofs.go).
type pi1 struct {
	t1, t2 point
	zx, zu scalar
}

type round2Msg struct {
	echo      [][32]byte
	broadcast []byte
	statement []byte    // the broadcast part without the proof, hashed into its challenge
	k         [][]point // [presig][0…t] Feldman commitments of the dealer's k polynomial
	vhat      [][]point // [presig][0…t] Pedersen commitments of the dealer's resharing
	proof     pi1
	v, v2     []scalar // [presig] resharing sub-shares for the recipient
}

func (s shape) encodeRound2(echo [][32]byte, k, vhat [][]point, proof *pi1, v, v2 []scalar) []byte {
	buf := make([]byte, 0, s.round2Len())
	buf = s.putHeader(buf, kindRound2, s.count)
	for _, h := range echo {
		buf = append(buf, h[:]...)
	}
	buf = appendRound2Statement(buf, k, vhat)
	buf = appendPoint(buf, &proof.t1)
	buf = appendPoint(buf, &proof.t2)
	buf = appendScalar(buf, &proof.zx)
	buf = appendScalar(buf, &proof.zu)
	for b := range s.count {
		buf = appendScalar(buf, &v[b])
		buf = appendScalar(buf, &v2[b])
	}
	return buf
}

func appendRound2Statement(buf []byte, k, vhat [][]point) []byte {
	for b := range k {
		for l := range k[b] {
			buf = appendPoint(buf, &k[b][l])
		}
		for l := range vhat[b] {
			buf = appendPoint(buf, &vhat[b][l])
		}
	}
	return buf
}

func (s shape) decodeRound2(msg []byte) (*round2Msg, error) {
	if err := s.checkHeader(msg, kindRound2, s.count, s.round2Len()); err != nil {
		return nil, err
	}
	r := &reader{b: msg, off: headerLen}
	m := &round2Msg{echo: make([][32]byte, s.n)}
	for i := range m.echo {
		m.echo[i] = r.hash()
	}
	start := r.off
	m.broadcast = msg[start : start+s.round2BroadcastLen()]
	m.statement = m.broadcast[:len(m.broadcast)-s.pi1Len()]
	m.k = make([][]point, s.count)
	m.vhat = make([][]point, s.count)
	for b := range s.count {
		m.k[b] = make([]point, s.t+1)
		for l := range m.k[b] {
			m.k[b][l] = r.point("commitment K", l)
		}
		m.vhat[b] = make([]point, s.t+1)
		for l := range m.vhat[b] {
			m.vhat[b][l] = r.point("commitment V̂", l)
		}
	}
	m.proof.t1 = r.point("resharing proof T", 1)
	m.proof.t2 = r.point("resharing proof T", 2)
	m.proof.zx = r.scalar("resharing proof z", 1)
	m.proof.zu = r.scalar("resharing proof z", 2)
	m.v = make([]scalar, s.count)
	m.v2 = make([]scalar, s.count)
	for b := range s.count {
		m.v[b] = r.scalar("resharing share v of presignature", b)
		m.v2[b] = r.scalar("resharing share v' of presignature", b)
	}
	return m, r.err
}

// pi2 proves w_j = a_j·k_j + b_j for the committed a_j, k_j, b_j (see proofs.go).
type pi2 struct {
	t1, t2       point
	za, za2, zb2 scalar
}

type round3Entry struct {
	w     scalar
	proof pi2
}

type round3Msg struct {
	echo    [][32]byte
	entries []round3Entry
}

func (s shape) encodeRound3(echo [][32]byte, entries []round3Entry) []byte {
	buf := make([]byte, 0, s.round3Len())
	buf = s.putHeader(buf, kindRound3, s.count)
	for _, h := range echo {
		buf = append(buf, h[:]...)
	}
	for i := range entries {
		e := &entries[i]
		buf = appendScalar(buf, &e.w)
		buf = appendPoint(buf, &e.proof.t1)
		buf = appendPoint(buf, &e.proof.t2)
		buf = appendScalar(buf, &e.proof.za)
		buf = appendScalar(buf, &e.proof.za2)
		buf = appendScalar(buf, &e.proof.zb2)
	}
	return buf
}

func (s shape) decodeRound3(msg []byte) (*round3Msg, error) {
	if err := s.checkHeader(msg, kindRound3, s.count, s.round3Len()); err != nil {
		return nil, err
	}
	r := &reader{b: msg, off: headerLen}
	m := &round3Msg{echo: make([][32]byte, s.n), entries: make([]round3Entry, s.count)}
	for i := range m.echo {
		m.echo[i] = r.hash()
	}
	for b := range m.entries {
		e := &m.entries[b]
		e.w = r.scalar("w of presignature", b)
		e.proof.t1 = r.point("product proof T1 of presignature", b)
		e.proof.t2 = r.point("product proof T2 of presignature", b)
		e.proof.za = r.scalar("product proof z_a of presignature", b)
		e.proof.za2 = r.scalar("product proof z_a' of presignature", b)
		e.proof.zb2 = r.scalar("product proof z_b' of presignature", b)
	}
	return m, r.err
}

// Abort reasons on the wire.
const (
	reasonOther byte = iota
	reasonBadMessage
	reasonBadShare
	reasonBadProof
	reasonEquivocation
	reasonUnexpected
	reasonDegenerate
)

type abortMsg struct {
	blamed int // transport index, or -1
	reason byte
}

func (s shape) encodeAbort(a abortMsg) []byte {
	buf := make([]byte, 0, s.abortLen())
	buf = s.putHeader(buf, kindAbort, 0)
	blamed := uint16(noMember)
	if a.blamed >= 0 {
		blamed = uint16(a.blamed)
	}
	buf = binary.BigEndian.AppendUint16(buf, blamed)
	return append(buf, a.reason)
}

func (s shape) decodeAbort(msg []byte) (abortMsg, error) {
	if err := s.checkHeader(msg, kindAbort, 0, s.abortLen()); err != nil {
		return abortMsg{}, err
	}
	a := abortMsg{blamed: int(binary.BigEndian.Uint16(msg[headerLen:])), reason: msg[headerLen+2]}
	if a.blamed == noMember {
		a.blamed = -1
	} else if a.blamed >= s.n {
		return abortMsg{}, fmt.Errorf("blamed member %d of %d: %w", a.blamed, s.n, ErrBadMessage)
	}
	if a.reason > reasonDegenerate {
		return abortMsg{}, fmt.Errorf("abort reason %d: %w", a.reason, ErrBadMessage)
	}
	return a, nil
}
