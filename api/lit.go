package api

import "encoding/json"

// Lit's routes: aliases of litmesh's routes with the request and response shapes of Lit's JS
// SDK v7 (@lit-protocol/lit-node-client 7.4.0), so an app written for Lit's Datil network works
// against litmesh by changing only its LitNodeClient config (docs/lit-sdk.md). litmesh's own
// routes and shapes are unchanged.
const (
	LitHandshakePath      = "/web/handshake/"
	LitEncryptionSignPath = "/web/encryption/sign/"
	LitPKPSignPath        = "/web/pkp/sign/v1"
	LitExecutePath        = "/web/execute/v1"
)

// LitSigTypeK256 is the sig_type of a secp256k1 ECDSA share.
const LitSigTypeK256 = "K256"

// LitHandshakeRequest is the body Lit's SDK posts to /web/handshake/.
type LitHandshakeRequest struct {
	ClientPublicKey string `json:"clientPublicKey"`
	// Challenge is 32 bytes of hex, as in HandshakeRequest.
	Challenge string `json:"challenge"`
	Epoch     uint64 `json:"epoch"`
}

// LitHandshakeResponse is litmesh's handshake answer with the fields Lit's SDK reads added.
// NetworkPublicKey (the BLS root, 96 hex digits) and HDRootPubkeys come from the embedded
// HandshakeResponse; NetworkPublicKeySet is a string here, as Lit's SDK expects, and shadows
// the embedded list (Lit's SDK only checks it is present).
type LitHandshakeResponse struct {
	HandshakeResponse
	// ServerPublicKey is the node's libp2p identity key (ed25519, 32 bytes hex). The SDK only
	// checks it is not "ERR".
	ServerPublicKey string `json:"serverPublicKey"`
	// SubnetPublicKey is the BLS root key (compressed G1, 96 hex digits, no 0x): the key the
	// SDK encrypts to.
	SubnetPublicKey string `json:"subnetPublicKey"`
	// NetworkPublicKeySet is the BLS key's public polynomial: its commitments (compressed G1)
	// concatenated, hex.
	NetworkPublicKeySet string `json:"networkPublicKeySet"`
	// LatestBlockhash is the hash of the newest block of the network's chain this node has
	// seen (0x-hex): the SDK uses it as the nonce of session signatures.
	LatestBlockhash string `json:"latestBlockhash"`
}

// LitEncryptionSignRequest is the body of POST /web/encryption/sign/: litmesh's request plus
// the field for Solana conditions, which the SDK may send and litmesh refuses by name.
type LitEncryptionSignRequest struct {
	EncryptionSignRequest
	SolRPCConditions json.RawMessage `json:"solRpcConditions,omitempty"`
}

// LitBLSShare is a BLS signature share as Lit's nodes return it: the share's u8 identifier
// (share index + 1) followed by the 96-byte G2 point, hex, under the proof-of-possession key.
type LitBLSShare struct {
	ProofOfPossession string `json:"ProofOfPossession"`
}

// LitEncryptionSignResponse is one node's decryption share in Lit's shape: a BLS signature,
// under Lit's proof-of-possession domain tag, of the identity
// lit-accesscontrolcondition://<Lit's conditions hash>/<data hash>.
type LitEncryptionSignResponse struct {
	Result         string      `json:"result"` // "success"
	SignatureShare LitBLSShare `json:"signatureShare"`
	ShareIndex     int         `json:"shareIndex"`
	CurveType      string      `json:"curveType"` // "BLS"
	DataSigned     string      `json:"dataSigned"`
	BLSRootPubkey  string      `json:"blsRootPubkey"`
	Epoch          uint64      `json:"epoch"`
}

// LitPKPSignRequest is the body of POST /web/pkp/sign/v1. The SDK sends it to every node with
// one X-Request-Id header; the body names no request id and no signer set.
type LitPKPSignRequest struct {
	// ToSign is the 32-byte hash (the SDK sends an array of numbers).
	ToSign Bytes `json:"toSign"`
	// PubKey is the PKP's public key, 0x04… (a token id is taken too).
	PubKey  string          `json:"pubkey"`
	AuthSig json.RawMessage `json:"authSig"`
	// AuthMethods are accepted and not used: permission comes from the session signature.
	AuthMethods json.RawMessage `json:"authMethods,omitempty"`
	Epoch       uint64          `json:"epoch,omitempty"`
}

// LitECDSAShare is one node's ECDSA signature share in the shape of Lit's Datil nodes. A node
// outside the request's signer set answers with every field empty (the SDK drops it). Hex
// values have no 0x.
type LitECDSAShare struct {
	// Digest is the 32-byte hash signed, hex.
	Digest string `json:"digest"`
	Result string `json:"result"`
	// ShareIndex orders the shares (the SDK takes BigR from the lowest).
	ShareIndex int `json:"share_index"`
	// SignatureShare is the signer's s-share weighted with its Lagrange coefficient over the
	// request's signer set, 32 bytes big-endian hex: the SDK adds them up.
	SignatureShare string `json:"signature_share"`
	// BigR is the signature's nonce point R (compressed SEC1, hex).
	BigR string `json:"big_r"`
	// PublicKey is the PKP's public key (uncompressed SEC1, hex).
	PublicKey string `json:"public_key"`
	SigType   string `json:"sig_type"`
}

// LitPKPSignResponse is the answer to POST /web/pkp/sign/v1.
type LitPKPSignResponse struct {
	Success        bool          `json:"success"`
	SignedData     Bytes         `json:"signedData"`
	SignatureShare LitECDSAShare `json:"signatureShare"`
}

// LitSignedData is one signature share in an executeJs answer's signedData, by sigName, in
// Lit's shape (camel case); the fields mean what LitECDSAShare's do.
type LitSignedData struct {
	SigType        string `json:"sigType"`
	DataSigned     string `json:"dataSigned"`
	SignatureShare string `json:"signatureShare"`
	ShareIndex     int    `json:"shareIndex"`
	BigR           string `json:"bigR"`
	PublicKey      string `json:"publicKey"`
	SigName        string `json:"sigName"`
}

// LitExecuteResponse is the answer to POST /web/execute/v1: litmesh's ExecuteResponse with
// every signature share in Lit's shape (LitSignedData, by sigName). A node that made no share
// for a sigName leaves it out.
type LitExecuteResponse struct {
	Success       bool                       `json:"success"`
	SignedData    map[string]LitSignedData   `json:"signedData"`
	DecryptedData map[string]json.RawMessage `json:"decryptedData"`
	ClaimData     map[string]json.RawMessage `json:"claimData"`
	Response      string                     `json:"response"`
	Logs          string                     `json:"logs"`
}

// LitError is the error body on Lit's routes, in the shape of Lit's nodes (lit-core's
// PublicError): Lit's SDK shows errorCode, message, errorKind and details of the most common
// error. Status is the HTTP status; CorrelationID is the request's X-Request-Id.
type LitError struct {
	ErrorKind     string   `json:"errorKind"`
	ErrorCode     string   `json:"errorCode"`
	Status        int      `json:"status"`
	Message       string   `json:"message"`
	CorrelationID string   `json:"correlationId,omitempty"`
	Details       []string `json:"details"`
}

// litErrorCodes maps a kind to Lit's errorKind and errorCode. Lit's SDK acts on one code:
// NodeNotAuthorized (a refusal of conditions or permissions) prints "not authorized".
var litErrorCodes = map[Kind][2]string{
	KindBadRequest:   {"Validation", "NodeInvalidRequest"},
	KindUnauthorized: {"Validation", "NodeInvalidAuthSig"},
	KindForbidden:    {"Validation", "NodeNotAuthorized"},
	KindNotFound:     {"Validation", "NodeResourceIdNotFound"},
	KindConflict:     {"Validation", "NodeRequestConflict"},
	KindTooLarge:     {"Validation", "NodeRequestTooLarge"},
	KindRateLimited:  {"Validation", "NodeRateLimitExceeded"},
	KindBadGateway:   {"Blockchain", "NodeRpcError"},
	KindUnavailable:  {"Unexpected", "NodeUnavailable"},
	KindWrongEpoch:   {"Unexpected", "NodeUnavailable"}, // Lit's SDK retries a 503 alike; the kind stays in Details
	KindTimeout:      {"Timeout", "NodeTimeout"},
	KindInternal:     {"Unexpected", "NodeSystemFault"},
}

// LitErrorOf is e in Lit's shape. Details carry litmesh's kind ("kind: <kind>"), so tools
// that know litmesh still read it.
func LitErrorOf(e *Error, correlationID string) LitError {
	codes, ok := litErrorCodes[e.Kind]
	if !ok {
		codes = litErrorCodes[KindInternal]
	}
	return LitError{
		ErrorKind:     codes[0],
		ErrorCode:     codes[1],
		Status:        e.Kind.Status(),
		Message:       e.Message,
		CorrelationID: correlationID,
		Details:       []string{"kind: " + string(e.Kind)},
	}
}
