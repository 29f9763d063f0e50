package handshake

import (
	"encoding/binary"
	"fmt"

	"github.com/litmesh/litmesh/attestation"
)

// Wire formats, version 1. All integers are big-endian; there are no optional fields and no
// trailing bytes, so each message has exactly one encoding.
//
// Challenge (33 bytes):
//
//	version u8 = 1 ‖ nonce [32]
//
// Response (at most MaxResponseSize bytes):
//
//	version      u8 = 1
//	purpose      u8        1 = peer, 2 = client
//	kind         u8        1 = sev-snp, 2 = simulated
//	operator     [20]      EVM address
//	operatorSig  [65]      r ‖ s ‖ v, v ∈ {27, 28}
//	reportLen    u16       must be 1184 (attestation.ReportSize)
//	report       [reportLen]
//	5 × { certLen u16 (0 = absent, ≤ attestation.MaxCertSize) ‖ DER [certLen] }
//	                        in the order VCEK, VLEK, ASK, ASVK, ARK
const (
	wireVersion = 1

	// ChallengeSize is the exact size of an encoded Challenge.
	ChallengeSize = 1 + NonceSize

	responseHeaderSize = 1 + 1 + 1 + 20 + 65 + 2
	numCerts           = 5

	// MaxResponseSize is the largest encoded Response.
	MaxResponseSize = responseHeaderSize + attestation.ReportSize + numCerts*(2+attestation.MaxCertSize)
)

// Marshal encodes the challenge.
func (c Challenge) Marshal() []byte {
	b := make([]byte, 0, ChallengeSize)
	b = append(b, wireVersion)
	return append(b, c.Nonce[:]...)
}

// DecodeChallenge decodes an encoded challenge.
func DecodeChallenge(b []byte) (Challenge, error) {
	var c Challenge
	if len(b) > ChallengeSize {
		return c, fmt.Errorf("decode challenge: %w: %d bytes, want %d", ErrTooLarge, len(b), ChallengeSize)
	}
	if len(b) != ChallengeSize {
		return c, fmt.Errorf("decode challenge: %w: %d bytes, want %d", ErrMalformed, len(b), ChallengeSize)
	}
	if b[0] != wireVersion {
		return c, fmt.Errorf("decode challenge: %w: version %d, want %d", ErrMalformed, b[0], wireVersion)
	}
	copy(c.Nonce[:], b[1:])
	return c, nil
}

var kindCodes = []attestation.Kind{1: attestation.KindSEVSNP, 2: attestation.KindSimulated}

func kindCode(k attestation.Kind) (byte, error) {
	for i, known := range kindCodes {
		if i > 0 && known == k {
			return byte(i), nil
		}
	}
	return 0, fmt.Errorf("unknown provider kind %q", k)
}

func (r *Response) certs() [numCerts]*[]byte {
	c := &r.Evidence.Certs
	return [numCerts]*[]byte{&c.VCEK, &c.VLEK, &c.ASK, &c.ASVK, &c.ARK}
}

// Marshal encodes the response, refusing one that breaks the format's limits.
func (r *Response) Marshal() ([]byte, error) {
	if !r.Purpose.Valid() {
		return nil, fmt.Errorf("encode handshake response: unknown %v", r.Purpose)
	}
	kind, err := kindCode(r.Kind)
	if err != nil {
		return nil, fmt.Errorf("encode handshake response: %w", err)
	}
	if len(r.Evidence.Report) != attestation.ReportSize {
		return nil, fmt.Errorf("encode handshake response: report is %d bytes, want %d", len(r.Evidence.Report), attestation.ReportSize)
	}
	size := responseHeaderSize + attestation.ReportSize
	for _, c := range r.certs() {
		if len(*c) > attestation.MaxCertSize {
			return nil, fmt.Errorf("encode handshake response: certificate is %d bytes, limit %d", len(*c), attestation.MaxCertSize)
		}
		size += 2 + len(*c)
	}
	b := make([]byte, 0, size)
	b = append(b, wireVersion, byte(r.Purpose), kind)
	b = append(b, r.Operator[:]...)
	b = append(b, r.OperatorSig[:]...)
	b = binary.BigEndian.AppendUint16(b, attestation.ReportSize)
	b = append(b, r.Evidence.Report...)
	for _, c := range r.certs() {
		b = binary.BigEndian.AppendUint16(b, uint16(len(*c)))
		b = append(b, *c...)
	}
	return b, nil
}

// DecodeResponse decodes an encoded response. A report of the wrong length fails with
// attestation.ErrReportTruncated or attestation.ErrReportOversized; every other violation
// with ErrTooLarge or ErrMalformed.
func DecodeResponse(b []byte) (*Response, error) {
	if len(b) > MaxResponseSize {
		return nil, fmt.Errorf("decode handshake response: %w: %d bytes, limit %d", ErrTooLarge, len(b), MaxResponseSize)
	}
	if len(b) < responseHeaderSize {
		return nil, fmt.Errorf("decode handshake response: %w: %d bytes is shorter than the header", ErrMalformed, len(b))
	}
	if b[0] != wireVersion {
		return nil, fmt.Errorf("decode handshake response: %w: version %d, want %d", ErrMalformed, b[0], wireVersion)
	}
	r := &Response{Purpose: attestation.Purpose(b[1])}
	if !r.Purpose.Valid() {
		return nil, fmt.Errorf("decode handshake response: %w: unknown purpose %d", ErrMalformed, b[1])
	}
	if b[2] == 0 || int(b[2]) >= len(kindCodes) {
		return nil, fmt.Errorf("decode handshake response: %w: unknown provider kind %d", ErrMalformed, b[2])
	}
	r.Kind = kindCodes[b[2]]
	copy(r.Operator[:], b[3:23])
	copy(r.OperatorSig[:], b[23:88])
	n := int(binary.BigEndian.Uint16(b[88:90]))
	switch {
	case n < attestation.ReportSize:
		return nil, fmt.Errorf("decode handshake response: %w: %d bytes, want %d", attestation.ErrReportTruncated, n, attestation.ReportSize)
	case n > attestation.ReportSize:
		return nil, fmt.Errorf("decode handshake response: %w: %d bytes, want %d", attestation.ErrReportOversized, n, attestation.ReportSize)
	}
	rest := b[responseHeaderSize:]
	if len(rest) < n {
		return nil, fmt.Errorf("decode handshake response: %w: %d report bytes of %d", attestation.ErrReportTruncated, len(rest), n)
	}
	r.Evidence.Report = append([]byte(nil), rest[:n]...)
	rest = rest[n:]
	for i, c := range r.certs() {
		if len(rest) < 2 {
			return nil, fmt.Errorf("decode handshake response: %w: certificate %d length missing", ErrMalformed, i)
		}
		m := int(binary.BigEndian.Uint16(rest))
		rest = rest[2:]
		if m > attestation.MaxCertSize {
			return nil, fmt.Errorf("decode handshake response: %w: certificate %d is %d bytes, limit %d", ErrMalformed, i, m, attestation.MaxCertSize)
		}
		if len(rest) < m {
			return nil, fmt.Errorf("decode handshake response: %w: certificate %d cut short", ErrMalformed, i)
		}
		if m > 0 {
			*c = append([]byte(nil), rest[:m]...)
		}
		rest = rest[m:]
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("decode handshake response: %w: %d trailing bytes", ErrMalformed, len(rest))
	}
	return r, nil
}
