package api

import "encoding/json"

// SignSessionKeyRequest is the body of POST /web/sign_session_key (and /v1): Lit's
// JsonSignSessionKeyRequestV1, what Lit's SDK signSessionKey sends to every node. A user
// proves an auth method of one PKP and asks the network to sign a capability (SIWEMessage) for
// a session key; see docs/auth-methods.md.
type SignSessionKeyRequest struct {
	// SessionKey is lit:session:<the session's ed25519 public key, hex>.
	SessionKey string `json:"sessionKey"`
	// AuthMethods are the proofs: ID tokens, passkey assertions, wallets' authSigs.
	AuthMethods []AuthMethod `json:"authMethods"`
	// PKPPublicKey names the PKP (0x04…, uncompressed). Required here; Lit's nodes also look a
	// PKP up by its auth method, which on-chain data cannot answer unambiguously.
	PKPPublicKey string `json:"pkpPublicKey"`
	// AuthSig is refused: a wallet's proof goes in AuthMethods as type 1 (EthWallet), bound
	// to the session by its SIWE nonce.
	AuthSig json.RawMessage `json:"authSig,omitempty"`
	// SIWEMessage is the capability the client asks the nodes to sign: the PKP's address, URI
	// SessionKey, an expiration and one ReCap.
	SIWEMessage string `json:"siweMessage"`
	// CurveType must be "BLS".
	CurveType string `json:"curveType"`
	// Code (base64 JavaScript) or LitActionIPFSID names a custom auth Lit Action, run with
	// JSParams; it grants by setting the response "true".
	Code            string          `json:"code,omitempty"`
	LitActionIPFSID string          `json:"litActionIpfsId,omitempty"`
	JSParams        json.RawMessage `json:"jsParams,omitempty"`
	// Epoch asks for the shares of this epoch; zero means the current one.
	Epoch uint64 `json:"epoch,omitempty"`
	// NodeSet is what Lit's clients send; the nodes do not need it.
	NodeSet json.RawMessage `json:"nodeSet,omitempty"`
}

// AuthMethod is one auth-method proof, in Lit's shape: the type (PKPPermissions'
// AuthMethodType) and its access token — an ID token (JWT) for the OIDC types, the JSON of a
// passkey assertion for WebAuthn (3), the JSON of a wallet's authSig for EthWallet (1).
type AuthMethod struct {
	AuthMethodType uint64 `json:"authMethodType"`
	AccessToken    string `json:"accessToken"`
}

// SignSessionKeyResponse is one node's answer: its BLS signature share over the capability it
// signed. Lit's SDK (signSessionKey) needs every field non-empty.
type SignSessionKeyResponse struct {
	Result string `json:"result"` // "success"
	// SignatureShare is the share in Lit's form: {"ProofOfPossession": hex(u8 id ‖ 96-byte G2)}.
	SignatureShare LitSignatureShare `json:"signatureShare"`
	// ShareIndex is Lit's share identifier: the node's share index + 1, the first byte of
	// ProofOfPossession (never 0, which Lit's SDK would take for a missing field).
	ShareIndex int    `json:"shareIndex"`
	CurveType  string `json:"curveType"` // "BLS"
	// SIWEMessage is the capability signed: the client's, with the auth context added.
	SIWEMessage string `json:"siweMessage"`
	// DataSigned is the 32 bytes signed, hex: SHA-256("lit_session:" ‖ hex(EIP-191 hash of
	// SIWEMessage)).
	DataSigned string `json:"dataSigned"`
	// BLSRootPubkey is the network key (G1, compressed, hex).
	BLSRootPubkey string `json:"blsRootPubkey"`
	Epoch         uint64 `json:"epoch"`
}

// LitSignatureShare is a BLS signature share as Lit's nodes write it.
type LitSignatureShare struct {
	ProofOfPossession string `json:"ProofOfPossession"`
}
