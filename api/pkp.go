package api

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
)

// Limits of POST /web/pkp/sign.
const (
	// MaxPKPSignRequest bounds the JSON body (the authSig is the only large part).
	MaxPKPSignRequest = 64 << 10
	// MaxRequestID bounds a request id, in bytes.
	MaxRequestID = 128
	// MaxPKPNodeSet bounds the signer set a request names.
	MaxPKPNodeSet = 256
)

// PKPSignRequest is the body of POST /web/pkp/sign: sign the 32-byte hash ToSign with a PKP.
// The client sends the same request (same RequestID and NodeSet) to every node of NodeSet;
// they agree among themselves which presignature serves it.
type PKPSignRequest struct {
	// ToSign is the 32-byte hash to sign: a JSON array of numbers (Lit's form) or a hex string.
	ToSign Bytes `json:"toSign"`
	// PubKey names the PKP: its public key (hex, 65 bytes uncompressed as Lit sends it, or 33
	// compressed) or its token id (0x-hex 32 bytes, or decimal).
	PubKey string `json:"pubkey"`
	// AuthSig proves who asks (SIWE, see access.AuthSig); the PKP's owner or a permitted
	// address may sign.
	AuthSig json.RawMessage `json:"authSig"`
	// RequestID is fresh for every signature (1…MaxRequestID printable bytes). A node refuses
	// an id it has seen.
	RequestID string `json:"requestId"`
	// NodeSet is the signer set: peer IDs (or API URLs) of 2t+1 members of the current epoch
	// (the handshake's ecdsaThreshold), identical in every node's copy of the request.
	NodeSet []string `json:"nodeSet"`
	// SigningScheme is Lit's name of the scheme (schemes.go); empty is EcdsaK256Sha256. Other
	// schemes sign ToSign as a message of up to MaxSchemeMessage bytes, need a PKP of the
	// scheme's key type and answer with a PKPSchemeShare; their NodeSet has T members (the
	// handshake's pkpRootKeys threshold).
	SigningScheme string `json:"signingScheme,omitempty"`
	// Taproot, with SchnorrK256Taproot only, signs for the PKP's output key.
	Taproot *TaprootSpend `json:"taproot,omitempty"`
}

// PKPSignShare is one node's answer to a PKP signature request (and, inside an execution
// result, to Lit.Actions.signEcdsa): its signature share and everything the client needs to
// check it and combine it with the other signers' (see docs/pkp.md).
type PKPSignShare struct {
	PeerID     string `json:"peerId"`
	ShareIndex int    `json:"shareIndex"`
	Epoch      uint64 `json:"epoch"`
	// TokenID (0x-hex) and PublicKey (0x04…, uncompressed) of the PKP.
	TokenID   string `json:"tokenId"`
	PublicKey string `json:"publicKey"`
	// DataSigned is the hash, hex.
	DataSigned string `json:"dataSigned"`
	// PresignatureID names the presignature the signer set agreed on for this request;
	// Presignature is its public part (hex, the mpc/ecdsa encoding).
	PresignatureID string `json:"presignatureId"`
	Presignature   string `json:"presignature"`
	// Rho is the re-randomisation the whole signer set agreed on for this request, hashed from
	// every signer's committed contribution (hex, 32 bytes; docs/ecdsa.md, "Signer agreement").
	Rho string `json:"rho"`
	// SignatureShare is the share (hex, the mpc/ecdsa encoding).
	SignatureShare string `json:"signatureShare"`
	// BigR is the signature's nonce point R' (compressed SEC1, hex), which Lit-shaped answers
	// carry (LitECDSAShare.BigR). litmesh's client derives R' itself and does not read it.
	BigR string `json:"bigR,omitempty"`
}

// Bytes is a byte string in JSON as Lit's clients send it: an array of numbers 0…255, or a hex
// string (with or without 0x). It encodes as an array of numbers.
type Bytes []byte

// MarshalJSON writes the bytes as an array of numbers.
func (b Bytes) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i, v := range b {
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, "%d", v)
	}
	buf.WriteByte(']')
	return buf.Bytes(), nil
}

// maxBytesLen bounds a Bytes value; nothing the API takes this way is longer.
const maxBytesLen = 4 << 10

// UnmarshalJSON reads an array of numbers 0…255 or a hex string.
func (b *Bytes) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case len(data) > 0 && data[0] == '[':
		var nums []json.Number
		if err := json.Unmarshal(data, &nums); err != nil {
			return fmt.Errorf("want an array of numbers 0…255: %w", err)
		}
		if len(nums) > maxBytesLen {
			return fmt.Errorf("%d bytes, over the %d-byte limit", len(nums), maxBytesLen)
		}
		out := make([]byte, len(nums))
		for i, n := range nums {
			v, err := n.Int64()
			if err != nil || v < 0 || v > 255 {
				return fmt.Errorf("element %d is %s, want an integer 0…255", i, n)
			}
			out[i] = byte(v)
		}
		*b = out
		return nil
	case len(data) > 0 && data[0] == '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		if len(s) > 2*maxBytesLen+2 {
			return fmt.Errorf("%d hex digits, over the %d-byte limit", len(s), maxBytesLen)
		}
		raw, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X"))
		if err != nil {
			return fmt.Errorf("want hex: %w", err)
		}
		*b = raw
		return nil
	case string(data) == "null":
		*b = nil
		return nil
	default:
		return fmt.Errorf("want an array of numbers or a hex string")
	}
}

// PKPRef is a parsed reference to a PKP: exactly one of TokenID and PublicKey is set.
type PKPRef struct {
	TokenID   *big.Int
	PublicKey []byte // 65-byte uncompressed or 33-byte compressed SEC1, not yet checked on the curve
}

// ParsePKPRef reads how users name a PKP: a public key in hex (0x04… uncompressed or 0x02/0x03
// compressed), a token id in 0x-hex (32 bytes or fewer digits) or a decimal token id.
func ParsePKPRef(s string) (PKPRef, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return PKPRef{}, fmt.Errorf("pkp: empty")
	}
	if len(s) > 200 {
		return PKPRef{}, fmt.Errorf("pkp: %d characters, too long for a key or token id", len(s))
	}
	if h, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
		raw, err := hex.DecodeString(h)
		if err != nil || len(raw) == 0 {
			return PKPRef{}, fmt.Errorf("pkp: %q is not hex", s)
		}
		switch {
		case len(raw) == 65 && raw[0] == 4, len(raw) == 33 && (raw[0] == 2 || raw[0] == 3):
			return PKPRef{PublicKey: raw}, nil
		case len(raw) <= 32:
			return PKPRef{TokenID: new(big.Int).SetBytes(raw)}, nil
		}
		return PKPRef{}, fmt.Errorf("pkp: %d bytes of hex is neither a public key (33 or 65 bytes) nor a token id (32 bytes)", len(raw))
	}
	if raw, err := hex.DecodeString(s); err == nil && (len(raw) == 65 && raw[0] == 4 || len(raw) == 33 && (raw[0] == 2 || raw[0] == 3)) {
		return PKPRef{PublicKey: raw}, nil
	}
	id, ok := new(big.Int).SetString(s, 10)
	if !ok || id.Sign() < 0 || id.BitLen() > 256 {
		return PKPRef{}, fmt.Errorf("pkp: %q is not a public key, a 0x-hex token id or a decimal token id", s)
	}
	return PKPRef{TokenID: id}, nil
}
