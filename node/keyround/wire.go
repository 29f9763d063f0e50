package keyround

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Control messages of a key round, on its control session (keys/<network>/e<epoch>/<set>/control/v2).
// Fixed binary layouts, all integers big-endian; version 2 (version 1 was JSON with string
// kinds, and is refused):
//
//	every message: version u8 (=2) ‖ kind u8 ‖ attempt u32 ‖ body
//	hello (1): signed key             (attempt 0)
//	start (2): poly (BLS) ‖ poly (secp256k1) ‖ scheme count u8 ‖ scheme count × (name length u8
//	           ‖ name ‖ poly), by name, ascending, no repeats ‖ key count u16 ‖ key count × signed key
//	ok (3), done (4): no body
//
//	poly:       point count u16 ‖ point count × (length u8 ‖ point)
//	signed key: present u8 (0 or 1) ‖ if present: key length u8 ‖ key ‖ signature length u16 ‖ signature
//
// hello is a member's word that it is connected to the next set, with its signed edwards25519
// DKG key; start carries the current public polynomials (resharing only, for members that hold
// no share yet) and every member's signed key the coordinator holds, in session order; ok is
// a member of the next set confirming that its agreement check passed; done ends the round.

// Version is the control messages' layout version.
const Version byte = 2

// Message kinds.
const (
	KindHello byte = 1
	KindStart byte = 2
	KindOK    byte = 3
	KindDone  byte = 4
)

// Bounds of a control message's parts.
const (
	MaxMessage = 256 << 10
	maxPoints  = 1024
	maxPoint   = 255
	maxKeys    = 4096
	maxSchemes = 16
	maxName    = 64
	MaxKey     = 64
	MaxSig     = 256
)

// ErrMalformed is wrapped by every decoding failure.
var ErrMalformed = errors.New("bad key-round control message")

// SignedKey is a member's edwards25519 DKG public key and its libp2p identity's signature.
type SignedKey struct {
	Key, Sig []byte
}

// SchemePoly is the current public polynomial of one scheme root, by the key type's name.
type SchemePoly struct {
	Name   string
	Points [][]byte
}

// Msg is a decoded control message. Only the fields of its kind are set.
type Msg struct {
	Kind    byte
	Attempt uint32
	EdKey   *SignedKey // hello
	// start (resharing): the current public polynomials, encoded points
	BLS, Secp [][]byte
	Schemes   []SchemePoly
	EdKeys    []*SignedKey // start: by session member; nil where the coordinator has none
}

// Encode lays the message out; it refuses a message Decode would refuse.
func (m *Msg) Encode() ([]byte, error) {
	out := []byte{Version, m.Kind, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(out[2:], m.Attempt)
	var err error
	switch m.Kind {
	case KindHello:
		if m.Attempt != 0 {
			return nil, fmt.Errorf("%w: a hello names no attempt", ErrMalformed)
		}
		out, err = appendKey(out, m.EdKey)
	case KindStart:
		if out, err = appendPoly(out, m.BLS); err != nil {
			return nil, err
		}
		if out, err = appendPoly(out, m.Secp); err != nil {
			return nil, err
		}
		if len(m.Schemes) > maxSchemes {
			return nil, fmt.Errorf("%w: %d scheme polynomials", ErrMalformed, len(m.Schemes))
		}
		out = append(out, byte(len(m.Schemes)))
		for i, sp := range m.Schemes {
			if len(sp.Name) == 0 || len(sp.Name) > maxName || (i > 0 && strings.Compare(m.Schemes[i-1].Name, sp.Name) >= 0) {
				return nil, fmt.Errorf("%w: scheme names must be short, ascending and distinct", ErrMalformed)
			}
			out = append(out, byte(len(sp.Name)))
			out = append(out, sp.Name...)
			if out, err = appendPoly(out, sp.Points); err != nil {
				return nil, err
			}
		}
		if len(m.EdKeys) > maxKeys {
			return nil, fmt.Errorf("%w: %d keys", ErrMalformed, len(m.EdKeys))
		}
		out = binary.BigEndian.AppendUint16(out, uint16(len(m.EdKeys)))
		for _, k := range m.EdKeys {
			if out, err = appendKey(out, k); err != nil {
				return nil, err
			}
		}
	case KindOK, KindDone:
	default:
		return nil, fmt.Errorf("%w: kind %d", ErrMalformed, m.Kind)
	}
	if err != nil {
		return nil, err
	}
	if len(out) > MaxMessage {
		return nil, fmt.Errorf("%w: %d bytes", ErrMalformed, len(out))
	}
	return out, nil
}

func appendPoly(out []byte, pts [][]byte) ([]byte, error) {
	if len(pts) > maxPoints {
		return nil, fmt.Errorf("%w: %d points", ErrMalformed, len(pts))
	}
	out = binary.BigEndian.AppendUint16(out, uint16(len(pts)))
	for _, p := range pts {
		if len(p) == 0 || len(p) > maxPoint {
			return nil, fmt.Errorf("%w: a %d-byte point", ErrMalformed, len(p))
		}
		out = append(out, byte(len(p)))
		out = append(out, p...)
	}
	return out, nil
}

func appendKey(out []byte, k *SignedKey) ([]byte, error) {
	if k == nil {
		return append(out, 0), nil
	}
	if len(k.Key) == 0 || len(k.Key) > MaxKey || len(k.Sig) == 0 || len(k.Sig) > MaxSig {
		return nil, fmt.Errorf("%w: a signed key of %d and %d bytes", ErrMalformed, len(k.Key), len(k.Sig))
	}
	out = append(out, 1, byte(len(k.Key)))
	out = append(out, k.Key...)
	out = binary.BigEndian.AppendUint16(out, uint16(len(k.Sig)))
	return append(out, k.Sig...), nil
}

// Decode parses a control message, refusing anything but the exact layout of its kind.
func Decode(b []byte) (*Msg, error) {
	if len(b) > MaxMessage {
		return nil, fmt.Errorf("%w: %d bytes", ErrMalformed, len(b))
	}
	if len(b) < 6 {
		return nil, fmt.Errorf("%w: %d bytes", ErrMalformed, len(b))
	}
	if b[0] != Version {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrMalformed, b[0], Version)
	}
	m := &Msg{Kind: b[1], Attempt: binary.BigEndian.Uint32(b[2:6])}
	r := reader{b: b[6:]}
	switch m.Kind {
	case KindHello:
		if m.Attempt != 0 {
			return nil, fmt.Errorf("%w: a hello names no attempt", ErrMalformed)
		}
		m.EdKey = r.key()
	case KindStart:
		m.BLS, m.Secp = r.poly(), r.poly()
		n := int(r.u8())
		if n > maxSchemes {
			r.fail("%d scheme polynomials", n)
		}
		for i := 0; i < n && r.err == nil; i++ {
			name := string(r.bytes(int(r.u8())))
			if len(name) == 0 || len(name) > maxName || (i > 0 && strings.Compare(m.Schemes[i-1].Name, name) >= 0) {
				r.fail("scheme names must be short, ascending and distinct")
			}
			m.Schemes = append(m.Schemes, SchemePoly{Name: name, Points: r.poly()})
		}
		n = int(r.u16())
		if n > maxKeys {
			r.fail("%d keys", n)
		}
		for i := 0; i < n && r.err == nil; i++ {
			m.EdKeys = append(m.EdKeys, r.key())
		}
	case KindOK, KindDone:
	default:
		return nil, fmt.Errorf("%w: kind %d", ErrMalformed, m.Kind)
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d trailing bytes", len(r.b))
	}
	if r.err != nil {
		return nil, r.err
	}
	return m, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
	}
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.fail("truncated")
		return nil
	}
	out := slices.Clone(r.b[:n])
	r.b = r.b[n:]
	return out
}

func (r *reader) u8() byte {
	b := r.bytes(1)
	if b == nil {
		return 0
	}
	return b[0]
}

func (r *reader) u16() uint16 {
	b := r.bytes(2)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint16(b)
}

func (r *reader) poly() [][]byte {
	n := int(r.u16())
	if n > maxPoints {
		r.fail("%d points", n)
	}
	var out [][]byte
	for i := 0; i < n && r.err == nil; i++ {
		l := int(r.u8())
		if l == 0 {
			r.fail("an empty point")
		}
		out = append(out, r.bytes(l))
	}
	return out
}

func (r *reader) key() *SignedKey {
	switch r.u8() {
	case 0:
		return nil
	case 1:
	default:
		r.fail("a signed key's presence byte is neither 0 nor 1")
		return nil
	}
	k := &SignedKey{Key: r.bytes(int(r.u8()))}
	k.Sig = r.bytes(int(r.u16()))
	if r.err == nil && (len(k.Key) == 0 || len(k.Key) > MaxKey || len(k.Sig) == 0 || len(k.Sig) > MaxSig) {
		r.fail("a signed key of %d and %d bytes", len(k.Key), len(k.Sig))
	}
	return k
}
