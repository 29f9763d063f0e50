package node

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"
)

// The messages the nodes running one execution exchange for Lit.Actions' cross-node functions
// (runOnce, broadcastAndCollect, decryptAndCombine, decryptToSingleNode, signAndCombine*,
// signAsAction). They travel as payloads of the execution's session (p2p.Sessions on protocol
// /litmesh/action/1.0.0, the MPC framing), which authenticates the sender and keeps each
// sender's order. Layout,
// version 1, integers big-endian:
//
//	u8  version = 1
//	u8  kind      (actKind*)
//	u8  status    0 = a value, 1 = a refusal (the value is the reason, UTF-8)
//	u16 name length (≤ maxActName) | name (UTF-8): the channel's name, e.g. runOnce's name
//	u32 seq       which use of that name in the execution (0 for the first)
//	u32 value length (≤ maxActValue) | value
//
// Nothing else: trailing bytes are an error.

const actWireVersion = 1

// The kinds of cross-node message.
const (
	actKindRunOnce   byte = 1 // the runOnce leader's result
	actKindBroadcast byte = 2 // one node's broadcastAndCollect value
	actKindDecrypt   byte = 3 // a BLS decryption share (or a refusal: the conditions failed here)
	actKindSign      byte = 4 // a PKP signature share for signAndCombine* (or a refusal)
	actKindActionSig byte = 5 // a signature share with the action's own key (signAsAction)
	actKindMax            = actKindActionSig
)

// Limits of a cross-node message.
const (
	maxActName  = 1024
	maxActValue = 1 << 20
	actHeader   = 1 + 1 + 1 + 2 + 4 + 4
	maxActMsg   = actHeader + maxActName + maxActValue
)

// errActWire is wrapped by every decoding failure of a cross-node message.
var errActWire = errors.New("bad cross-node action message")

// actMsg is one cross-node message.
type actMsg struct {
	kind    byte
	refused bool
	name    string
	seq     uint32
	value   []byte
}

func (m actMsg) encode() ([]byte, error) {
	if m.kind == 0 || m.kind > actKindMax {
		return nil, fmt.Errorf("encode: kind %d: %w", m.kind, errActWire)
	}
	if len(m.name) > maxActName || len(m.value) > maxActValue {
		return nil, fmt.Errorf("encode: name of %d bytes, value of %d bytes (limits %d, %d): %w", len(m.name), len(m.value), maxActName, maxActValue, errActWire)
	}
	b := make([]byte, 0, actHeader+len(m.name)+len(m.value))
	b = append(b, actWireVersion, m.kind, 0)
	if m.refused {
		b[2] = 1
	}
	b = binary.BigEndian.AppendUint16(b, uint16(len(m.name)))
	b = append(b, m.name...)
	b = binary.BigEndian.AppendUint32(b, m.seq)
	b = binary.BigEndian.AppendUint32(b, uint32(len(m.value)))
	return append(b, m.value...), nil
}

// decodeActMsg reads a cross-node message from a peer, checking every length before using it.
func decodeActMsg(b []byte) (actMsg, error) {
	var m actMsg
	if len(b) < actHeader {
		return m, fmt.Errorf("%d bytes, shorter than the %d-byte header: %w", len(b), actHeader, errActWire)
	}
	if len(b) > maxActMsg {
		return m, fmt.Errorf("%d bytes, over the %d-byte limit: %w", len(b), maxActMsg, errActWire)
	}
	if b[0] != actWireVersion {
		return m, fmt.Errorf("version %d: %w", b[0], errActWire)
	}
	m.kind = b[1]
	if m.kind == 0 || m.kind > actKindMax {
		return m, fmt.Errorf("kind %d: %w", m.kind, errActWire)
	}
	switch b[2] {
	case 0:
	case 1:
		m.refused = true
	default:
		return m, fmt.Errorf("status %d: %w", b[2], errActWire)
	}
	n := int(binary.BigEndian.Uint16(b[3:5]))
	rest := b[5:]
	if n > maxActName || n > len(rest) {
		return m, fmt.Errorf("name of %d bytes: %w", n, errActWire)
	}
	if !utf8.Valid(rest[:n]) {
		return m, fmt.Errorf("name is not UTF-8: %w", errActWire)
	}
	m.name = string(rest[:n])
	rest = rest[n:]
	if len(rest) < 8 {
		return m, fmt.Errorf("truncated after the name: %w", errActWire)
	}
	m.seq = binary.BigEndian.Uint32(rest[:4])
	v := int(binary.BigEndian.Uint32(rest[4:8]))
	rest = rest[8:]
	if v > maxActValue || v != len(rest) {
		return m, fmt.Errorf("value of %d bytes with %d left: %w", v, len(rest), errActWire)
	}
	if m.refused && !utf8.Valid(rest) {
		return m, fmt.Errorf("refusal reason is not UTF-8: %w", errActWire)
	}
	m.value = append([]byte(nil), rest...)
	return m, nil
}
