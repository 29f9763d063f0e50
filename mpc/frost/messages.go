package frost

import (
	"encoding/binary"
	"fmt"
)

// Preprocessing wire format: a fixed binary layout, big-endian, so every message of a session
// has exactly one valid length, checked before anything is parsed.
//
//	header  version u8 (=1) ‖ kind u8 ‖ session digest [32] ‖ count u16
//	round 1 header ‖ count × ( hiding commitment D ‖ binding commitment E )   (the suite's element encoding)
//	round 2 header ‖ members × [32]   hash of every member's round-1 commitments as received (echo)
//	abort   header (count 0) ‖ blamed member u16 (0xffff: none) ‖ reason u8
//
// Elements are decoded with RFC 9591's DeserializeElement: canonical, in the prime-order
// subgroup (for Ed25519 the eight small-order points and every point with a torsion component
// are refused), never the identity.

const (
	wireVersion = 1

	kindCommit = 1
	kindEcho   = 2
	kindAbort  = 0xff

	headerLen = 1 + 1 + 32 + 2
	hashLen   = 32
	noMember  = 0xffff

	// MaxCount bounds the slots of one preprocessing session.
	MaxCount = 1024
	// MaxMessageSize bounds every preprocessing message; the transport must carry frames this
	// big (1024 slots of two 33-byte elements: 68 KiB).
	MaxMessageSize = 1 << 20
)

// shape is what a session expects every message to look like.
type shape struct {
	session [32]byte
	count   int
	n       int
	elemLen int
}

func (s shape) commitLen() int { return headerLen + s.count*2*s.elemLen }
func (s shape) echoLen() int   { return headerLen + s.n*hashLen }
func (s shape) abortLen() int  { return headerLen + 2 + 1 }

func (s shape) putHeader(buf []byte, kind byte, count int) []byte {
	buf = append(buf, wireVersion, kind)
	buf = append(buf, s.session[:]...)
	return binary.BigEndian.AppendUint16(buf, uint16(count))
}

// peekKind checks version and session and returns the kind.
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
	case kindCommit, kindEcho, kindAbort:
		return k, nil
	default:
		return 0, fmt.Errorf("unknown kind %d: %w", k, ErrBadMessage)
	}
}

func (s shape) checkHeader(msg []byte, kind byte, count, want int) error {
	if len(msg) != want {
		return fmt.Errorf("%d bytes, want %d: %w", len(msg), want, ErrBadMessage)
	}
	if _, err := s.peekKind(msg); err != nil {
		return err
	}
	if msg[1] != kind {
		return fmt.Errorf("kind %d, want %d: %w", msg[1], kind, ErrBadMessage)
	}
	if c := int(binary.BigEndian.Uint16(msg[34:36])); c != count {
		return fmt.Errorf("count %d, want %d: %w", c, count, ErrBadMessage)
	}
	return nil
}

// decodeCommit decodes a round-1 message into count pairs of commitments.
func (s shape) decodeCommit(g group, msg []byte) ([][2]element, error) {
	if err := s.checkHeader(msg, kindCommit, s.count, s.commitLen()); err != nil {
		return nil, err
	}
	out := make([][2]element, s.count)
	off := headerLen
	for k := range out {
		for j := range 2 {
			e, err := g.decodeElement(msg[off : off+s.elemLen])
			if err != nil {
				return nil, fmt.Errorf("slot %d commitment %d: %w: %w", k, j, err, ErrBadMessage)
			}
			out[k][j] = e
			off += s.elemLen
		}
	}
	return out, nil
}

// decodeEcho decodes a round-2 message into one hash per member.
func (s shape) decodeEcho(msg []byte) ([][32]byte, error) {
	if err := s.checkHeader(msg, kindEcho, s.count, s.echoLen()); err != nil {
		return nil, err
	}
	out := make([][32]byte, s.n)
	for m := range out {
		out[m] = [32]byte(msg[headerLen+m*hashLen:])
	}
	return out, nil
}

type abortMsg struct {
	blamed int
	reason byte
}

func (s shape) encodeAbort(blamed int, reason byte) []byte {
	b := s.putHeader(nil, kindAbort, 0)
	if blamed < 0 || blamed >= s.n {
		blamed = noMember
	}
	b = binary.BigEndian.AppendUint16(b, uint16(blamed))
	return append(b, reason)
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
	return a, nil
}
