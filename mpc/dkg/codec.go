package dkg

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/drand/kyber"
	kdkg "github.com/drand/kyber/share/dkg"
)

// Wire format of one DKG message (all integers big-endian, every length fixed by the suite):
//
//	header:        version u8 (=1) ‖ kind u8 ‖ flags u8 (bit 0: relayed by someone else)
//	deal:          dealer u32 ‖ t u16 ‖ t × point ‖ d u16 ‖ d × (holder u32 ‖ ECIES share) ‖ nonce[32] ‖ signature
//	response:      holder u32 ‖ r u16 ‖ r × (dealer u32 ‖ status u8) ‖ nonce[32] ‖ signature
//	justification: dealer u32 ‖ j u16 ‖ j × (holder u32 ‖ scalar) ‖ nonce[32] ‖ signature
//
// An ECIES share is point ‖ AES-GCM(scalar) (PointLen + ScalarLen + 16 bytes); a signature is
// Schnorr (PointLen + ScalarLen). Lists are sorted by index with no repeats (kyber sorts them
// before signing), points are canonical, in the prime-order group and not the identity, scalars
// are canonical, statuses are 0 or 1, and nothing may follow the signature.
const (
	wireVersion = 1

	kindDeal          = 1
	kindResponse      = 2
	kindJustification = 3

	flagRelay = 1

	headerLen = 3
	nonceLen  = kdkg.NonceLength

	// MaxMessageSize bounds one DKG message; the largest legitimate one (a BLS deal bundle for
	// MaxNodes members) is under 80 KiB.
	MaxMessageSize = 256 << 10
)

// ErrMalformed is wrapped by every decoding error.
var ErrMalformed = errors.New("dkg: malformed message")

// packet is one decoded message. Exactly one bundle is set.
type packet struct {
	kind  byte
	relay bool
	deal  *kdkg.DealBundle
	resp  *kdkg.ResponseBundle
	just  *kdkg.JustificationBundle
}

// author is the share index that signed the bundle (dealer or holder, depending on the kind).
func (p *packet) author() uint32 {
	switch p.kind {
	case kindDeal:
		return p.deal.DealerIndex
	case kindResponse:
		return p.resp.ShareIndex
	default:
		return p.just.DealerIndex
	}
}

func (p *packet) kyberPacket() kdkg.Packet {
	switch p.kind {
	case kindDeal:
		return p.deal
	case kindResponse:
		return p.resp
	default:
		return p.just
	}
}

func sigLen(s Suite) int   { return s.PointLen() + s.ScalarLen() }
func eciesLen(s Suite) int { return s.PointLen() + s.ScalarLen() + 16 }

func header(kind byte, relay bool) []byte {
	var flags byte
	if relay {
		flags = flagRelay
	}
	return []byte{wireVersion, kind, flags}
}

func encodeDeal(s Suite, b *kdkg.DealBundle) ([]byte, error) {
	var w bytes.Buffer
	w.Write(header(kindDeal, false))
	_ = binary.Write(&w, binary.BigEndian, b.DealerIndex)
	_ = binary.Write(&w, binary.BigEndian, uint16(len(b.Public)))
	for _, p := range b.Public {
		if _, err := p.MarshalTo(&w); err != nil {
			return nil, err
		}
	}
	_ = binary.Write(&w, binary.BigEndian, uint16(len(b.Deals)))
	for _, d := range b.Deals {
		_ = binary.Write(&w, binary.BigEndian, d.ShareIndex)
		w.Write(d.EncryptedShare)
	}
	w.Write(b.SessionID)
	w.Write(b.Signature)
	return checkEncoded(s, w.Bytes())
}

func encodeResponse(s Suite, b *kdkg.ResponseBundle) ([]byte, error) {
	var w bytes.Buffer
	w.Write(header(kindResponse, false))
	_ = binary.Write(&w, binary.BigEndian, b.ShareIndex)
	_ = binary.Write(&w, binary.BigEndian, uint16(len(b.Responses)))
	for _, r := range b.Responses {
		_ = binary.Write(&w, binary.BigEndian, r.DealerIndex)
		status := byte(0)
		if r.Status {
			status = 1
		}
		w.WriteByte(status)
	}
	w.Write(b.SessionID)
	w.Write(b.Signature)
	return checkEncoded(s, w.Bytes())
}

func encodeJustification(s Suite, b *kdkg.JustificationBundle) ([]byte, error) {
	var w bytes.Buffer
	w.Write(header(kindJustification, false))
	_ = binary.Write(&w, binary.BigEndian, b.DealerIndex)
	_ = binary.Write(&w, binary.BigEndian, uint16(len(b.Justifications)))
	for _, j := range b.Justifications {
		_ = binary.Write(&w, binary.BigEndian, j.ShareIndex)
		if _, err := j.Share.MarshalTo(&w); err != nil {
			return nil, err
		}
	}
	w.Write(b.SessionID)
	w.Write(b.Signature)
	return checkEncoded(s, w.Bytes())
}

// checkEncoded decodes what we are about to send: our own bundles obey the same rules as
// everyone else's, and a violation is a bug to report here rather than a complaint elsewhere.
func checkEncoded(s Suite, b []byte) ([]byte, error) {
	if _, err := decode(s, b); err != nil {
		return nil, fmt.Errorf("encode own bundle: %w", err)
	}
	return b, nil
}

// asRelay returns a copy of an encoded message marked as relayed.
func asRelay(msg []byte) []byte {
	out := append([]byte(nil), msg...)
	out[2] |= flagRelay
	return out
}

// reader consumes a message front to back; the first failure sticks.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
	}
}

func (r *reader) take(n int, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.fail("truncated %s", what)
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u32(what string) uint32 {
	b := r.take(4, what)
	if b == nil {
		return 0
	}
	v := binary.BigEndian.Uint32(b)
	if v > MaxIndex {
		r.fail("%s %d out of range", what, v)
	}
	return v
}

func (r *reader) count(what string, min int) int {
	b := r.take(2, what)
	if b == nil {
		return 0
	}
	n := int(binary.BigEndian.Uint16(b))
	if n < min || n > MaxNodes {
		r.fail("%d %s (want %d..%d)", n, what, min, MaxNodes)
		return 0
	}
	return n
}

func (r *reader) point(s Suite, what string) kyber.Point {
	b := r.take(s.PointLen(), what)
	if b == nil {
		return nil
	}
	p, err := parsePoint(s, b)
	if err != nil {
		r.fail("%s: %v", what, err)
	}
	return p
}

func (r *reader) scalar(s Suite, what string) kyber.Scalar {
	b := r.take(s.ScalarLen(), what)
	if b == nil {
		return nil
	}
	v, err := parseScalar(s, b)
	if err != nil {
		r.fail("%s: %v", what, err)
	}
	return v
}

// copied returns an owned copy: decoded bundles outlive the transport's buffer.
func (r *reader) copied(n int, what string) []byte {
	b := r.take(n, what)
	if b == nil {
		return nil
	}
	return append([]byte(nil), b...)
}

// increasing checks that indices are strictly increasing (sorted, no repeats).
func (r *reader) increasing(prev *int64, idx uint32, what string) {
	if int64(idx) <= *prev {
		r.fail("%s %d out of order or repeated", what, idx)
	}
	*prev = int64(idx)
}

// decode parses and validates one message. It never panics on any input.
//
//nolint:funlen // a decoder of one wire message: every field's bounds checked where it is read
func decode(s Suite, msg []byte) (*packet, error) {
	if len(msg) > MaxMessageSize {
		return nil, fmt.Errorf("%w: %d bytes exceeds %d", ErrMalformed, len(msg), MaxMessageSize)
	}
	if len(msg) < headerLen {
		return nil, fmt.Errorf("%w: %d bytes is shorter than the header", ErrMalformed, len(msg))
	}
	if msg[0] != wireVersion {
		return nil, fmt.Errorf("%w: version %d", ErrMalformed, msg[0])
	}
	if msg[2]&^flagRelay != 0 {
		return nil, fmt.Errorf("%w: unknown flags 0x%02x", ErrMalformed, msg[2])
	}
	p := &packet{kind: msg[1], relay: msg[2]&flagRelay != 0}
	r := &reader{b: msg[headerLen:]}
	prev := int64(-1)
	switch p.kind {
	case kindDeal:
		b := &kdkg.DealBundle{DealerIndex: r.u32("dealer index")}
		b.Public = make([]kyber.Point, r.count("coefficients", 1))
		for i := range b.Public {
			b.Public[i] = r.point(s, "coefficient")
		}
		b.Deals = make([]kdkg.Deal, r.count("deals", 0))
		for i := range b.Deals {
			idx := r.u32("holder index")
			r.increasing(&prev, idx, "holder index")
			b.Deals[i] = kdkg.Deal{ShareIndex: idx, EncryptedShare: r.copied(eciesLen(s), "encrypted share")}
		}
		b.SessionID = r.copied(nonceLen, "session nonce")
		b.Signature = r.copied(sigLen(s), "signature")
		p.deal = b
	case kindResponse:
		b := &kdkg.ResponseBundle{ShareIndex: r.u32("holder index")}
		b.Responses = make([]kdkg.Response, r.count("responses", 0))
		for i := range b.Responses {
			idx := r.u32("dealer index")
			r.increasing(&prev, idx, "dealer index")
			st := r.take(1, "status")
			if st != nil && st[0] > 1 {
				r.fail("status %d", st[0])
			}
			b.Responses[i] = kdkg.Response{DealerIndex: idx, Status: st != nil && st[0] == 1}
		}
		b.SessionID = r.copied(nonceLen, "session nonce")
		b.Signature = r.copied(sigLen(s), "signature")
		p.resp = b
	case kindJustification:
		b := &kdkg.JustificationBundle{DealerIndex: r.u32("dealer index")}
		b.Justifications = make([]kdkg.Justification, r.count("justifications", 1))
		for i := range b.Justifications {
			idx := r.u32("holder index")
			r.increasing(&prev, idx, "holder index")
			b.Justifications[i] = kdkg.Justification{ShareIndex: idx, Share: r.scalar(s, "revealed share")}
		}
		b.SessionID = r.copied(nonceLen, "session nonce")
		b.Signature = r.copied(sigLen(s), "signature")
		p.just = b
	default:
		return nil, fmt.Errorf("%w: unknown kind %d", ErrMalformed, p.kind)
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d trailing bytes", len(r.b))
	}
	if r.err != nil {
		return nil, r.err
	}
	return p, nil
}
