package api

import "encoding/json"

// MaxEncryptionSignRequest bounds the body of POST /web/encryption/sign: conditions (64 KiB at
// most), an authSig (32 KiB at most) and a few short fields.
const MaxEncryptionSignRequest = 128 << 10

// EncryptionSignRequest is the body of POST /web/encryption/sign: a request for this node's
// share of the decryption key of one identity. The field names are Lit's. Exactly one of the
// three condition lists is set; the lists travel as the client wrote them and the node parses
// and canonicalises them itself.
type EncryptionSignRequest struct {
	AccessControlConditions        json.RawMessage `json:"accessControlConditions,omitempty"`
	EVMContractConditions          json.RawMessage `json:"evmContractConditions,omitempty"`
	UnifiedAccessControlConditions json.RawMessage `json:"unifiedAccessControlConditions,omitempty"`
	// DataToEncryptHash is the SHA-256 of the plaintext, 64 hex digits.
	DataToEncryptHash string `json:"dataToEncryptHash"`
	// AuthSig is the requester's Lit-format authSig ({sig, derivedVia, signedMessage, address}).
	AuthSig json.RawMessage `json:"authSig"`
	// Chain is the chain the authSig was made for (Lit sends it); if set it must be a chain name
	// the node knows. The conditions name their own chains.
	Chain string `json:"chain,omitempty"`
	// Epoch asks for the shares of this epoch (the one the client's handshake reported); zero
	// means the epoch the node serves now.
	Epoch uint64 `json:"epoch,omitempty"`
}

// EncryptionSignResponse carries one node's BLS signature share over the identity: the share
// of the identity's decryption key. A client verifies it against the public polynomial of the
// handshake (NetworkPublicKeySet) and combines Threshold of them.
type EncryptionSignResponse struct {
	Result string `json:"result"` // "success"
	// SignatureShare is the partial signature, hex: big-endian u16 share index ‖ 96-byte
	// compressed G2 point (docs/encryption.md, "Partial signature format").
	SignatureShare string `json:"signatureShare"`
	// ShareIndex is the node's share index i (its share is the polynomial at i+1); the same
	// index starts SignatureShare.
	ShareIndex int    `json:"shareIndex"`
	CurveType  string `json:"curveType"` // "BLS"
	// DataSigned is the identity signed: lit-accesscontrolcondition://<conditions hash>/<data hash>.
	DataSigned string `json:"dataSigned"`
	// BLSRootPubkey is the network key the share belongs to (G1, compressed, hex).
	BLSRootPubkey string `json:"blsRootPubkey"`
	Epoch         uint64 `json:"epoch"`
}
