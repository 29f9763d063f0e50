package node

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// Control messages of a signer set, sent by the set's coordinator (member 0 of the set's
// control session) to the other members. Fixed binary layouts, all integers big-endian:
//
//	assign: version u8 (=1) ‖ kind u8 (=1) ‖ request id length u8 ‖ request id
//	        ‖ request digest [32] ‖ presignature id [32] ‖ ρ [32]
//	batch:  version u8 (=1) ‖ kind u8 (=2) ‖ nonce [32] ‖ count u16
//	        ‖ keep count u16 ‖ keep count × presignature id [32]
//
// assign tells a member which presignature (and which ρ) serves a request; batch starts a
// presigning session named by the nonce and lists the presignatures the coordinator still
// holds for the set, so members drop the ones it lost (a restart, a failed session).
const (
	ctlVersion    byte = 1
	ctlKindAssign byte = 1
	ctlKindBatch  byte = 2

	// maxKeep bounds the keep list of a batch message (a pool never holds more per set).
	maxKeep = 1024
	// maxCtlMessage bounds any control message.
	maxCtlMessage = 4 + 32 + 2 + 2 + 32*maxKeep
)

// errCtl is wrapped by every control-message decoding failure.
var errCtl = errors.New("bad pkp control message")

// assignMsg binds one request to one presignature and ρ.
type assignMsg struct {
	RequestID string
	Digest    [32]byte
	Presig    ecdsa.ID
	Rho       [32]byte
}

// batchMsg starts a presigning session.
type batchMsg struct {
	Nonce [32]byte
	Count int
	Keep  []ecdsa.ID
}

func (m *assignMsg) encode() []byte {
	buf := make([]byte, 0, 3+len(m.RequestID)+96)
	buf = append(buf, ctlVersion, ctlKindAssign, byte(len(m.RequestID)))
	buf = append(buf, m.RequestID...)
	buf = append(buf, m.Digest[:]...)
	buf = append(buf, m.Presig[:]...)
	return append(buf, m.Rho[:]...)
}

func (m *batchMsg) encode() []byte {
	buf := make([]byte, 0, 2+32+4+32*len(m.Keep))
	buf = append(buf, ctlVersion, ctlKindBatch)
	buf = append(buf, m.Nonce[:]...)
	buf = binary.BigEndian.AppendUint16(buf, uint16(m.Count))
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(m.Keep)))
	for _, id := range m.Keep {
		buf = append(buf, id[:]...)
	}
	return buf
}

// decodeCtl parses a control message; exactly one of the results is non-nil on success.
func decodeCtl(b []byte) (*assignMsg, *batchMsg, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", errCtl, fmt.Sprintf(format, args...))
	}
	if len(b) > maxCtlMessage {
		return nil, nil, bad("%d bytes, over %d", len(b), maxCtlMessage)
	}
	if len(b) < 2 {
		return nil, nil, bad("%d bytes", len(b))
	}
	if b[0] != ctlVersion {
		return nil, nil, bad("version %d", b[0])
	}
	switch b[1] {
	case ctlKindAssign:
		if len(b) < 3 {
			return nil, nil, bad("truncated assign")
		}
		n := int(b[2])
		if n == 0 || n > api.MaxRequestID {
			return nil, nil, bad("request id of %d bytes", n)
		}
		if len(b) != 3+n+96 {
			return nil, nil, bad("assign of %d bytes, want %d", len(b), 3+n+96)
		}
		m := &assignMsg{RequestID: string(b[3 : 3+n])}
		if err := checkRequestID(m.RequestID); err != nil {
			return nil, nil, bad("%v", err)
		}
		off := 3 + n
		copy(m.Digest[:], b[off:off+32])
		copy(m.Presig[:], b[off+32:off+64])
		copy(m.Rho[:], b[off+64:off+96])
		return m, nil, nil
	case ctlKindBatch:
		const fixed = 2 + 32 + 4
		if len(b) < fixed {
			return nil, nil, bad("truncated batch")
		}
		m := &batchMsg{Nonce: [32]byte(b[2:34]), Count: int(binary.BigEndian.Uint16(b[34:36]))}
		keep := int(binary.BigEndian.Uint16(b[36:38]))
		if m.Count < 1 || m.Count > ecdsa.MaxCount {
			return nil, nil, bad("count %d not in 1…%d", m.Count, ecdsa.MaxCount)
		}
		if keep > maxKeep {
			return nil, nil, bad("keep list of %d, over %d", keep, maxKeep)
		}
		if len(b) != fixed+32*keep {
			return nil, nil, bad("batch of %d bytes, want %d", len(b), fixed+32*keep)
		}
		m.Keep = make([]ecdsa.ID, keep)
		for i := range m.Keep {
			copy(m.Keep[i][:], b[fixed+32*i:])
		}
		return nil, m, nil
	default:
		return nil, nil, bad("kind %d", b[1])
	}
}

// checkRequestID accepts 1…MaxRequestID printable ASCII bytes: ids end up in logs and errors.
func checkRequestID(id string) error {
	if len(id) == 0 || len(id) > api.MaxRequestID {
		return fmt.Errorf("requestId: %d bytes, want 1…%d", len(id), api.MaxRequestID)
	}
	for i := 0; i < len(id); i++ {
		if id[i] < 0x21 || id[i] > 0x7e {
			return fmt.Errorf("requestId: byte %d is not printable ASCII", i)
		}
	}
	return nil
}
