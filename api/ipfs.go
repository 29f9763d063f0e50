package api

// MaxActionCode is the largest Lit Action (or any file stored through the node) accepted.
const MaxActionCode = 16 << 20

// IPFSAddResponse is the body of POST /web/ipfs/add (the request body is the raw file).
type IPFSAddResponse struct {
	CID  string `json:"cid"`
	Size int    `json:"size"`
}

// IPFSPinRequest is the body of POST /web/ipfs/pin: fetch the whole file (from the local store,
// bitswap peers or gateways) and keep it.
type IPFSPinRequest struct {
	CID string `json:"cid"`
}

// IPFSPinResponse says the node now holds the whole file.
type IPFSPinResponse struct {
	CID    string `json:"cid"`
	PeerID string `json:"peerId"`
}
