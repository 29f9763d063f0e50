package api

import "encoding/json"

// MaxActionCode is the largest Lit Action (or any file stored through the node) accepted.
const MaxActionCode = 16 << 20

// AuthSigScheme is the Authorization scheme of routes whose body is not JSON (POST
// /web/ipfs/add): "Authorization: AuthSig <standard base64 of the authSig JSON>".
const AuthSigScheme = "AuthSig"

// IPFSAddResponse is the body of POST /web/ipfs/add (the request body is the raw file; the
// authSig travels in the Authorization header, see AuthSigScheme). The file is pinned for the
// authSig's address, within its quota on the node.
type IPFSAddResponse struct {
	CID  string `json:"cid"`
	Size int    `json:"size"`
}

// IPFSPinRequest is the body of POST /web/ipfs/pin: fetch the whole file (from the local store,
// bitswap peers or gateways) and keep it.
type IPFSPinRequest struct {
	CID string `json:"cid"`
	// AuthSig proves who pins (the file counts towards that address's quota on the node); it
	// may come in the Authorization header instead.
	AuthSig json.RawMessage `json:"authSig,omitempty"`
}

// IPFSPinResponse says the node now holds the whole file.
type IPFSPinResponse struct {
	CID    string `json:"cid"`
	PeerID string `json:"peerId"`
}
