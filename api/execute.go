package api

import "encoding/json"

// ExecuteRequest is the body of POST /web/execute: run a Lit Action on this node. Field names
// are Lit's. Exactly one of Code and IPFSID is set.
type ExecuteRequest struct {
	// Code is the action's JavaScript source, base64-encoded (standard alphabet, padded), as
	// Lit's SDKs send it. Inline code is identified by the CID `ipfs add` would give it.
	Code string `json:"code,omitempty"`
	// IPFSID is the CID of an action stored on IPFS (CIDv0 "Qm…" or CIDv1).
	IPFSID string `json:"ipfsId,omitempty"`
	// JSParams is a JSON object; each key also becomes a global of the action.
	JSParams json.RawMessage `json:"jsParams,omitempty"`
	// AuthSig is the requester's Lit-format authSig (SIWE message signed by a wallet).
	AuthSig json.RawMessage `json:"authSig,omitempty"`
	// NodeSet lists the nodes the client sent this request to, the signer set of any
	// signEcdsa in the action. Empty means every node of the network.
	NodeSet []NodeSetEntry `json:"nodeSet,omitempty"`
}

// NodeSetEntry is one node of a request's node set, in Lit's shape.
type NodeSetEntry struct {
	// SocketAddress is how the client reached the node: its HTTP API URL (Lit puts host:port).
	SocketAddress string `json:"socketAddress"`
	Value         int    `json:"value"`
}

// MaxNodeSet bounds the node set of one request.
const MaxNodeSet = 1024

// ExecuteResponse is the answer to POST /web/execute, in Lit's shape. A run that succeeded is
// HTTP 200 with Success true. A run that failed because of the action itself — it did not
// parse, threw, ran out of time or memory, broke a limit — is HTTP 400 (as Lit answers) with
// Success false, Error saying why (an ActionErrorKind) and the logs written before the
// failure. A request the node could not run at all (bad input, bad auth, code not found) gets
// the usual {"error": {"kind", "message"}} body with an api Kind.
type ExecuteResponse struct {
	Success bool `json:"success"`
	// SignedData holds this node's signature share of every signEcdsa (and sign,
	// ethPersonalSignMessageEcdsa) call, by sigName.
	SignedData map[string]json.RawMessage `json:"signedData"`
	// DecryptedData is always empty, as on Lit: decryptAndCombine hands its plaintext to the
	// action, never to the response.
	DecryptedData map[string]json.RawMessage `json:"decryptedData"`
	// ClaimData holds this node's claim of every Lit.Actions.claimKey, by keyId (a ClaimShare).
	ClaimData map[string]json.RawMessage `json:"claimData"`
	// Response is what the action passed to Lit.Actions.setResponse.
	Response string `json:"response"`
	// Logs is the action's console output.
	Logs  string       `json:"logs"`
	Error *ActionError `json:"error,omitempty"`
}

// ActionError says why an execution failed. Kind is one of the ActionErrorKind values, or an
// api Kind when the request could not be run at all.
type ActionError struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

func (e *ActionError) Error() string { return e.Kind + ": " + e.Message }

// The kinds of an action's own failure (HTTP 400), as the runtime reports them, and of a failure
// of the node's runtime while running it.
const (
	ActionSyntaxError       = "syntax_error"            // the code does not parse
	ActionException         = "exception"               // thrown, or the top-level promise rejected
	ActionTimeout           = "timeout"                 // over the time limit
	ActionMemory            = "memory"                  // over the heap or worker memory limit
	ActionResponseTooLarge  = "response_too_large"      // setResponse over the response limit
	ActionTooManyFetches    = "too_many_fetches"        // over the fetch limit
	ActionTooManySignatures = "too_many_signatures"     // over the signEcdsa limit
	ActionTooManyCalls      = "too_many_calls"          // over the limit of calls out of the sandbox
	ActionTooManyContracts  = "too_many_contract_calls" // over the callContract limit
	ActionTooManyBroadcasts = "too_many_broadcasts"     // over the limit of exchanges with the other nodes
	ActionBadFetchScheme    = "bad_fetch_scheme"        // fetch of a URL that is not http or https
	ActionCrashed           = "crashed"                 // 500: the worker process died for another reason
	ActionUnavailable       = "unavailable"             // 503: the node's runtime is shutting down
)

// ClaimShare is one node's claim of a key for Lit.Actions.claimKey, under the keyId in
// ExecuteResponse.ClaimData. Field names are Lit's (signature, derivedKeyId), hex without 0x:
// DerivedKeyID = keccak256("<action CID>_<keyId>"); Signature is the node operator's EIP-191
// signature of those 32 bytes, r ‖ s ‖ v with v 27 or 28. Signer and PeerID say which node
// made it.
type ClaimShare struct {
	Signature    string `json:"signature"`
	DerivedKeyID string `json:"derivedKeyId"`
	Signer       string `json:"signer,omitempty"`
	PeerID       string `json:"peerId,omitempty"`
}
