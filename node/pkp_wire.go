package node

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// Control messages of a signer set, on its control session (pkp/<network>/e<epoch>/<set>/ctl).
// Fixed binary layouts, all integers big-endian; version 3 (version 1 let the coordinator
// choose ρ and had no confirmations or votes; version 2 had no requester in the assignment;
// an older message is refused):
//
//	confirm: version u8 (=3) ‖ kind u8 (=1) ‖ assignment ‖ contribution [32]
//	batch:   version u8 (=3) ‖ kind u8 (=2) ‖ nonce [32] ‖ count u16
//	         ‖ keep count u16 ‖ keep count × presignature id [32]
//	vote:    version u8 (=3) ‖ kind u8 (=3) ‖ nonce [32] ‖ verdict u8 (1 agree, 2 veto)
//	         ‖ batch digest [32] (zero with a veto) ‖ reason u8
//	refuse:  version u8 (=3) ‖ kind u8 (=4) ‖ requester [32] ‖ request id length u8 ‖ request id
//	         ‖ presignature id [32] ‖ reason u8 ‖ evidence count u8 (0 or 2) ‖ assignments
//
//	assignment: epoch u64 ‖ requester [32] ‖ request id length u8 ‖ request id ‖ request digest [32]
//	            ‖ presignature id [32] ‖ signature length u8 ‖ signature
//
// confirm is every member's word that it holds the request the coordinator assigned and took
// the named presignature for it, with its ρ contribution for that presignature; the
// coordinator's own confirm is the assignment. The assignment is signed by the coordinator's
// libp2p identity key (over assignmentBytes), so two assignments of one presignature to two
// different tuples prove that it equivocated (two assignments of one request id with two
// presignatures prove nothing: an honest coordinator that restarted, or whose registry forgot
// the id, signs them). batch starts a presigning session (coordinator only); vote is each member's
// verdict on the session's outcome; refuse tells the set that this member will not confirm a
// request, and why — the others cannot check its word, only fail fast — except that a refusal
// for equivocation carries the two conflicting signed assignments, which every receiver
// verifies for itself.
const (
	ctlVersion     byte = 3
	ctlKindConfirm byte = 1
	ctlKindBatch   byte = 2
	ctlKindVote    byte = 3
	ctlKindRefuse  byte = 4

	// maxKeep bounds the keep list of a batch message (a pool never holds more per set).
	maxKeep = 1024
	// maxSignature bounds an assignment's signature (Ed25519: 64 bytes; secp256k1 DER: ≤ 72).
	maxSignature = 255
	// maxCtlMessage bounds any control message.
	maxCtlMessage = 4 + 32 + 2 + 2 + 32*maxKeep
)

// errCtl is wrapped by every control-message decoding failure.
var errCtl = errors.New("bad pkp control message")

// assignment is the coordinator's signed word on one request: this presignature serves it.
type assignment struct {
	Epoch     uint64
	Requester [32]byte // requesterHash of who asked: request ids are the requester's to choose
	RequestID string
	Digest    [32]byte
	Presig    ecdsa.ID
	Sig       []byte
}

// sameTuple reports whether two assignments name the same request, digest and presignature
// (the signature aside).
func (a *assignment) sameTuple(b *assignment) bool {
	return a.Epoch == b.Epoch && a.Requester == b.Requester && a.RequestID == b.RequestID && a.Digest == b.Digest && a.Presig == b.Presig
}

// reqKey names a request in a set: request ids are unique per requester only.
func (a *assignment) reqKey() reqKey { return reqKey{a.Requester, a.RequestID} }

type reqKey struct {
	requester [32]byte
	id        string
}

// confirmMsg is a member's confirmation of an assignment, with its ρ contribution.
type confirmMsg struct {
	Assign       assignment
	Contribution [32]byte
}

// batchMsg starts a presigning session.
type batchMsg struct {
	Nonce [32]byte
	Count int
	Keep  []ecdsa.ID
}

// Vote verdicts.
const (
	verdictAgree byte = 1
	verdictVeto  byte = 2
)

// voteMsg is a member's verdict on a presigning session: the digest of the presignatures it
// made, or a veto.
type voteMsg struct {
	Nonce   [32]byte
	Verdict byte
	Digest  [32]byte
	Reason  byte
}

// refuseMsg tells the set that this member will not confirm a request.
type refuseMsg struct {
	Requester [32]byte
	RequestID string
	Presig    ecdsa.ID
	Reason    byte
	Evidence  []assignment // with reasonEquivocation: the two conflicting signed assignments
}

// Reasons carried by refuse and veto messages.
const (
	reasonOther        byte = 0
	reasonDiffers      byte = 1 // this member's copy of the request has another digest
	reasonUnknown      byte = 2 // this member does not hold the presignature (used, or its session failed here)
	reasonEquivocation byte = 3 // conflicting signed assignments
	reasonBadMember    byte = 4 // a member sent a false contribution or a forged assignment
	reasonExcluded     byte = 5 // the set includes a peer this member excludes
	reasonTimeout      byte = 6 // this member gave up waiting
	reasonPresignFault byte = 7 // presigning failed here with a fault it verified
	reasonPresignAbort byte = 8 // presigning failed here otherwise (an abort, a timeout, an error)
	reasonReassigned   byte = 9 // the coordinator assigned the request another presignature too
	reasonMaxKnown          = reasonReassigned
)

func reasonName(r byte) string {
	switch r {
	case reasonDiffers:
		return "its copy of the request differs from the one assigned"
	case reasonUnknown:
		return "it does not hold the presignature"
	case reasonEquivocation:
		return "it holds conflicting assignments from the coordinator"
	case reasonBadMember:
		return "a member sent it a false contribution or a forged assignment"
	case reasonExcluded:
		return "it excludes a member of the set"
	case reasonTimeout:
		return "it timed out"
	case reasonPresignFault:
		return "its presigning run found a member at fault"
	case reasonPresignAbort:
		return "its presigning run failed"
	case reasonReassigned:
		return "the coordinator assigned the request two presignatures (after a restart, say: no proof of a fault)"
	default:
		return "unspecified"
	}
}

func appendAssignment(buf []byte, a *assignment) []byte {
	buf = binary.BigEndian.AppendUint64(buf, a.Epoch)
	buf = append(buf, a.Requester[:]...)
	buf = append(buf, byte(len(a.RequestID)))
	buf = append(buf, a.RequestID...)
	buf = append(buf, a.Digest[:]...)
	buf = append(buf, a.Presig[:]...)
	buf = append(buf, byte(len(a.Sig)))
	return append(buf, a.Sig...)
}

func (m *confirmMsg) encode() []byte {
	buf := make([]byte, 0, 2+8+32+1+len(m.Assign.RequestID)+64+1+len(m.Assign.Sig)+32)
	buf = append(buf, ctlVersion, ctlKindConfirm)
	buf = appendAssignment(buf, &m.Assign)
	return append(buf, m.Contribution[:]...)
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

func (m *voteMsg) encode() []byte {
	buf := make([]byte, 0, 2+32+1+32+1)
	buf = append(buf, ctlVersion, ctlKindVote)
	buf = append(buf, m.Nonce[:]...)
	buf = append(buf, m.Verdict)
	buf = append(buf, m.Digest[:]...)
	return append(buf, m.Reason)
}

func (m *refuseMsg) encode() []byte {
	buf := make([]byte, 0, 3+32+len(m.RequestID)+34+len(m.Evidence)*340)
	buf = append(buf, ctlVersion, ctlKindRefuse)
	buf = append(buf, m.Requester[:]...)
	buf = append(buf, byte(len(m.RequestID)))
	buf = append(buf, m.RequestID...)
	buf = append(buf, m.Presig[:]...)
	buf = append(buf, m.Reason, byte(len(m.Evidence)))
	for i := range m.Evidence {
		buf = appendAssignment(buf, &m.Evidence[i])
	}
	return buf
}

// pkpCtl is a decoded control message: exactly one field is set.
type pkpCtl struct {
	confirm *confirmMsg
	batch   *batchMsg
	vote    *voteMsg
	refuse  *refuseMsg
}

// decodeCtl parses a control message.
//
//nolint:funlen,gocognit // a decoder: one case per control-message kind, every field bounded where it is read
func decodeCtl(b []byte) (pkpCtl, error) {
	bad := func(format string, args ...any) (pkpCtl, error) {
		return pkpCtl{}, fmt.Errorf("%w: %s", errCtl, fmt.Sprintf(format, args...))
	}
	if len(b) > maxCtlMessage {
		return bad("%d bytes, over %d", len(b), maxCtlMessage)
	}
	if len(b) < 2 {
		return bad("%d bytes", len(b))
	}
	if b[0] != ctlVersion {
		return bad("version %d, want %d", b[0], ctlVersion)
	}
	switch b[1] {
	case ctlKindConfirm:
		a, rest, err := decodeAssignment(b[2:])
		if err != nil {
			return bad("confirm: %v", err)
		}
		if len(rest) != 32 {
			return bad("confirm: %d bytes after the assignment, want a 32-byte contribution", len(rest))
		}
		return pkpCtl{confirm: &confirmMsg{Assign: a, Contribution: [32]byte(rest)}}, nil
	case ctlKindBatch:
		const fixed = 2 + 32 + 4
		if len(b) < fixed {
			return bad("truncated batch")
		}
		m := &batchMsg{Nonce: [32]byte(b[2:34]), Count: int(binary.BigEndian.Uint16(b[34:36]))}
		keep := int(binary.BigEndian.Uint16(b[36:38]))
		if m.Count < 1 || m.Count > ecdsa.MaxCount {
			return bad("count %d not in 1…%d", m.Count, ecdsa.MaxCount)
		}
		if keep > maxKeep {
			return bad("keep list of %d, over %d", keep, maxKeep)
		}
		if len(b) != fixed+32*keep {
			return bad("batch of %d bytes, want %d", len(b), fixed+32*keep)
		}
		m.Keep = make([]ecdsa.ID, keep)
		for i := range m.Keep {
			copy(m.Keep[i][:], b[fixed+32*i:])
		}
		return pkpCtl{batch: m}, nil
	case ctlKindVote:
		if len(b) != 2+32+1+32+1 {
			return bad("vote of %d bytes, want %d", len(b), 2+32+1+32+1)
		}
		m := &voteMsg{Nonce: [32]byte(b[2:34]), Verdict: b[34], Digest: [32]byte(b[35:67]), Reason: b[67]}
		switch {
		case m.Verdict != verdictAgree && m.Verdict != verdictVeto:
			return bad("vote verdict %d", m.Verdict)
		case m.Verdict == verdictVeto && m.Digest != [32]byte{}:
			return bad("a veto with a digest")
		case m.Reason > reasonMaxKnown:
			return bad("reason %d", m.Reason)
		}
		return pkpCtl{vote: m}, nil
	case ctlKindRefuse:
		if len(b) < 2+32+1 {
			return bad("refuse of %d bytes, want at least %d", len(b), 2+32+1+34)
		}
		requester := [32]byte(b[2:34])
		b = b[32:] // the rest as before the requester: version ‖ kind ‖ request id length ‖ …
		n := int(b[2])
		if len(b) < 3+n+34 {
			return bad("refuse of %d bytes, want at least %d", len(b)+32, 3+32+n+34)
		}
		m := &refuseMsg{Requester: requester, RequestID: string(b[3 : 3+n]), Presig: ecdsa.ID(b[3+n : 3+n+32]), Reason: b[3+n+32]}
		if err := checkRequestID(m.RequestID); err != nil {
			return bad("refuse: %v", err)
		}
		if m.Reason > reasonMaxKnown {
			return bad("reason %d", m.Reason)
		}
		count := int(b[3+n+33])
		rest := b[3+n+34:]
		switch {
		case count != 0 && count != 2:
			return bad("refuse with %d assignments of evidence, want 0 or 2", count)
		case count == 2 && m.Reason != reasonEquivocation:
			return bad("evidence with reason %d", m.Reason)
		}
		for range count {
			a, r, err := decodeAssignment(rest)
			if err != nil {
				return bad("refuse evidence: %v", err)
			}
			m.Evidence = append(m.Evidence, a)
			rest = r
		}
		if len(rest) != 0 {
			return bad("refuse with %d trailing bytes", len(rest))
		}
		return pkpCtl{refuse: m}, nil
	default:
		return bad("kind %d", b[1])
	}
}

// decodeAssignment parses an assignment and returns the bytes after it.
func decodeAssignment(b []byte) (assignment, []byte, error) {
	var a assignment
	if len(b) < 8+32+1 {
		return a, nil, errors.New("truncated assignment")
	}
	a.Epoch = binary.BigEndian.Uint64(b[:8])
	a.Requester = [32]byte(b[8:40])
	n := int(b[40])
	if n == 0 || n > api.MaxRequestID {
		return a, nil, fmt.Errorf("request id of %d bytes", n)
	}
	b = b[41:]
	if len(b) < n+64+1 {
		return a, nil, errors.New("truncated assignment")
	}
	a.RequestID = string(b[:n])
	if err := checkRequestID(a.RequestID); err != nil {
		return a, nil, err
	}
	a.Digest = [32]byte(b[n : n+32])
	a.Presig = ecdsa.ID(b[n+32 : n+64])
	sl := int(b[n+64])
	b = b[n+65:]
	if sl == 0 || len(b) < sl {
		return a, nil, fmt.Errorf("signature of %d bytes, %d left", sl, len(b))
	}
	a.Sig = append([]byte(nil), b[:sl]...)
	return a, b[sl:], nil
}

// assignmentBytes is what the coordinator signs (api.AssignmentBytes, so that a client can
// check evidence itself): the domain (with the scheme for schemes other than ECDSA: an
// assignment of one scheme is never one of another), the network, the signer set (its share
// indices in canonical order) and the tuple. The request digest binds the epoch, request id,
// PKP, hash and set again; naming them here keeps the signature meaningful on its own.
func assignmentBytes(network, scheme string, order []int, a *assignment) []byte {
	return api.AssignmentBytes(network, scheme, order, a.Epoch, a.Requester, a.RequestID, a.Digest, a.Presig)
}

// signedAssignment is the assignment as api evidence.
func signedAssignment(network, scheme string, order []int, a *assignment) api.SignedAssignment {
	return api.SignedAssignment{
		Network: network, Scheme: scheme, Set: append([]int(nil), order...), Epoch: a.Epoch,
		Requester: append(api.Bytes(nil), a.Requester[:]...), RequestID: a.RequestID,
		Digest: append(api.Bytes(nil), a.Digest[:]...), Presignature: append(api.Bytes(nil), a.Presig[:]...),
		Signature: append(api.Bytes(nil), a.Sig...),
	}
}

// requesterHash names who asks for a signature in assignments (requesterOf, hashed).
func requesterHash(requester string) [32]byte {
	return sha256.Sum256([]byte("litmesh/pkp/requester\x00" + requester))
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
