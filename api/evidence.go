package api

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Evidence is proof of a signer's fault that anyone can check for themselves: typed fields and
// the accused's signatures, never prose. A node returns it in an Error when it refuses a
// request because of that fault, so a client can leave the accused out of its signer sets —
// after checking the signatures with the accused's libp2p identity key (its peer ID), never on
// the answering node's word.
type Evidence struct {
	// Kind is EvidenceEquivocation.
	Kind string `json:"kind"`
	// Accused is the peer ID of the node that signed both assignments (a signer set's
	// coordinator).
	Accused string `json:"accused"`
	// Assignments are the two conflicting signed assignments.
	Assignments []SignedAssignment `json:"assignments"`
}

// EvidenceEquivocation is the kind of evidence that one unit of signing material — an ECDSA
// presignature or a FROST slot — was signed into two different assignments.
const EvidenceEquivocation = "equivocation"

// SignedAssignment is a signer set coordinator's signed word that one presignature (ECDSA) or
// one FROST slot serves one request. The coordinator signs AssignmentBytes with its libp2p
// identity key.
type SignedAssignment struct {
	Network string `json:"network"`
	// Scheme is "" for ECDSA, else the FROST scheme whose slot is assigned ("frost-ed25519",
	// …): an assignment of one scheme is never one of another.
	Scheme       string `json:"scheme,omitempty"`
	Set          []int  `json:"set"` // the signer set: share indices in canonical order
	Epoch        uint64 `json:"epoch"`
	Requester    Bytes  `json:"requester"` // 32 bytes: SHA-256 of who asked (an address or an action)
	RequestID    string `json:"requestId"`
	Digest       Bytes  `json:"digest"`       // 32 bytes: the request digest
	Presignature Bytes  `json:"presignature"` // 32 bytes: the presignature id, or the FROST slot id
	Signature    Bytes  `json:"signature"`
}

// AssignmentDomain opens every signed ECDSA assignment; SchemeAssignmentDomain, followed by
// the scheme's name (length u8 ‖ name), every assignment of another scheme.
const (
	AssignmentDomain       = "litmesh/pkp/assign/v3"
	SchemeAssignmentDomain = "litmesh/pkp/assign-scheme/v2"
)

// AssignmentBytes is what a coordinator signs: the domain (with the scheme for schemes other
// than ECDSA), the network, the signer set and the tuple (epoch, requester, request id,
// request digest, presignature or slot id). It is the one encoding of it; nodes sign and
// verify exactly these bytes.
func AssignmentBytes(network, scheme string, set []int, epoch uint64, requester [32]byte, requestID string, digest, presig [32]byte) []byte {
	buf := make([]byte, 0, len(SchemeAssignmentDomain)+1+len(scheme)+2+len(network)+2+2*len(set)+8+32+1+len(requestID)+64)
	if scheme == "" {
		buf = append(buf, AssignmentDomain...)
	} else {
		buf = append(buf, SchemeAssignmentDomain...)
		buf = append(buf, byte(len(scheme)))
		buf = append(buf, scheme...)
	}
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(network)))
	buf = append(buf, network...)
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(set)))
	for _, v := range set {
		buf = binary.BigEndian.AppendUint16(buf, uint16(v))
	}
	buf = binary.BigEndian.AppendUint64(buf, epoch)
	buf = append(buf, requester[:]...)
	buf = append(buf, byte(len(requestID)))
	buf = append(buf, requestID...)
	buf = append(buf, digest[:]...)
	return append(buf, presig[:]...)
}

// SignedBytes is the message the assignment's signature is over, or an error naming the field
// that cannot be part of one.
func (a *SignedAssignment) SignedBytes() ([]byte, error) {
	switch {
	case len(a.Requester) != 32:
		return nil, fmt.Errorf("requester: %d bytes, want 32", len(a.Requester))
	case len(a.Digest) != 32:
		return nil, fmt.Errorf("digest: %d bytes, want 32", len(a.Digest))
	case len(a.Presignature) != 32:
		return nil, fmt.Errorf("presignature: %d bytes, want 32", len(a.Presignature))
	case len(a.RequestID) == 0 || len(a.RequestID) > MaxRequestID:
		return nil, fmt.Errorf("requestId: %d bytes, want 1…%d", len(a.RequestID), MaxRequestID)
	case len(a.Network) > 1<<16-1 || len(a.Set) > 1<<16-1:
		return nil, errors.New("network or set too long")
	case len(a.Scheme) > 255:
		return nil, fmt.Errorf("scheme: %d bytes, want at most 255", len(a.Scheme))
	case len(a.Signature) == 0:
		return nil, errors.New("no signature")
	}
	return AssignmentBytes(a.Network, a.Scheme, a.Set, a.Epoch, [32]byte(a.Requester), a.RequestID, [32]byte(a.Digest), [32]byte(a.Presignature)), nil
}

// Check checks that the evidence has the shape of a proof — two assignments of one
// presignature or FROST slot (same network, scheme, signer set and epoch) whose signed tuples
// differ — and returns the two signed messages, whose
// signatures by Accused the caller must still verify. It does not check signatures: that
// needs the accused's public key (go-libp2p), which this package does not import.
func (e *Evidence) Check() (msgs [2][]byte, err error) {
	switch {
	case e.Kind != EvidenceEquivocation:
		return msgs, fmt.Errorf("evidence of kind %q, want %q", e.Kind, EvidenceEquivocation)
	case e.Accused == "":
		return msgs, errors.New("evidence accuses nobody")
	case len(e.Assignments) != 2:
		return msgs, fmt.Errorf("evidence with %d assignments, want 2", len(e.Assignments))
	}
	for i := range e.Assignments {
		if msgs[i], err = e.Assignments[i].SignedBytes(); err != nil {
			return msgs, fmt.Errorf("assignment %d: %w", i, err)
		}
	}
	a, b := &e.Assignments[0], &e.Assignments[1]
	switch {
	case !bytes.Equal(a.Presignature, b.Presignature):
		return msgs, errors.New("the assignments name different presignatures: that proves nothing")
	case a.Network != b.Network || a.Scheme != b.Scheme || !slices.Equal(a.Set, b.Set) || a.Epoch != b.Epoch:
		return msgs, errors.New("the assignments are of different networks, schemes, signer sets or epochs: that proves nothing")
	case bytes.Equal(msgs[0], msgs[1]):
		return msgs, errors.New("the assignments are the same")
	}
	return msgs, nil
}
