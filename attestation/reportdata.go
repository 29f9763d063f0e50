package attestation

import (
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// NonceSize is the size of a verifier's challenge nonce.
const NonceSize = 32

// MaxPublicKeySize bounds the marshalled libp2p public key bound into REPORT_DATA. Ed25519
// keys marshal to 36 bytes; RSA keys to a few hundred.
const MaxPublicKeySize = 1 << 10

// Purpose says who asked for a report. It selects the domain tag, so a report made for one
// purpose never verifies for the other.
type Purpose uint8

// The purposes.
const (
	// PurposePeer is a node answering another node in /litmesh/handshake/1.0.0.
	PurposePeer Purpose = 1
	// PurposeClient is a node answering a client's POST /web/handshake.
	PurposeClient Purpose = 2
)

// The REPORT_DATA domain tags. Changing what is bound means a new version here. Version 1 of the
// client tag bound no TLS key; it is retired, never accepted.
const (
	reportDataTagPeer   = "litmesh/attestation/report-data/peer/v1"
	reportDataTagClient = "litmesh/attestation/report-data/client/v2"
)

// SPKIHashSize is the size of the SHA-256 of a TLS certificate's SubjectPublicKeyInfo.
const SPKIHashSize = 32

// String names the purpose.
func (p Purpose) String() string {
	switch p {
	case PurposePeer:
		return "peer"
	case PurposeClient:
		return "client"
	default:
		return fmt.Sprintf("purpose(%d)", uint8(p))
	}
}

// Valid reports whether p is a known purpose.
func (p Purpose) Valid() bool { return p == PurposePeer || p == PurposeClient }

// ReportData computes the REPORT_DATA that binds a peer handshake's report to one node and one
// exchange:
//
//	SHA-512( u8(len(tag)) ‖ tag ‖ u16be(len(pubkey)) ‖ pubkey ‖ operator[20] ‖ nonce[32] )
//
// tag is the peer domain tag, pubkey the node's libp2p public key in its protobuf marshalling
// (what the peer ID is derived from), operator the EVM address that stakes for the node, and
// nonce the verifier's fresh challenge. A client's report also binds the node's TLS key:
// ClientReportData.
func ReportData(purpose Purpose, publicKey []byte, operator common.Address, nonce [NonceSize]byte) ([ReportDataSize]byte, error) {
	var out [ReportDataSize]byte
	switch purpose {
	case PurposePeer:
	case PurposeClient:
		return out, errors.New("compute report data: a client's report binds the node's TLS key (use ClientReportData)")
	default:
		return out, fmt.Errorf("compute report data: unknown %v", purpose)
	}
	return reportData(reportDataTagPeer, publicKey, operator, nil, nonce)
}

// ClientReportData computes the REPORT_DATA of a node's answer to a client (POST
// /web/handshake): the peer layout under the client tag, with the SHA-256 of the node's TLS
// certificate's SubjectPublicKeyInfo between the operator and the nonce:
//
//	SHA-512( u8(len(tag)) ‖ tag ‖ u16be(len(pubkey)) ‖ pubkey ‖ operator[20] ‖ sha256(spki)[32] ‖ nonce[32] )
//
// so a client that verifies the report knows which TLS key the attested node serves with.
func ClientReportData(publicKey []byte, operator common.Address, tlsSPKI [SPKIHashSize]byte, nonce [NonceSize]byte) ([ReportDataSize]byte, error) {
	return reportData(reportDataTagClient, publicKey, operator, tlsSPKI[:], nonce)
}

func reportData(tag string, publicKey []byte, operator common.Address, tlsSPKI []byte, nonce [NonceSize]byte) ([ReportDataSize]byte, error) {
	var out [ReportDataSize]byte
	if len(publicKey) == 0 || len(publicKey) > MaxPublicKeySize {
		return out, fmt.Errorf("compute report data: public key is %d bytes, want 1..%d", len(publicKey), MaxPublicKeySize)
	}
	h := sha512.New()
	h.Write([]byte{byte(len(tag))})
	h.Write([]byte(tag))
	h.Write(binary.BigEndian.AppendUint16(nil, uint16(len(publicKey))))
	h.Write(publicKey)
	h.Write(operator[:])
	h.Write(tlsSPKI)
	h.Write(nonce[:])
	copy(out[:], h.Sum(nil))
	return out, nil
}
