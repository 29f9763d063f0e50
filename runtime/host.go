package runtime

import (
	"context"
	"encoding/json"
	"net/http"
)

// Host is everything an action can reach outside its sandbox. The node implements it; the
// runtime calls it from the parent process, never from a worker, after checking the call against
// the execution's limits. A Host is given per execution, so it can carry that request's context
// (auth, request id, signer set); the request's IPFS ID and auth are also repeated in the
// requests that need them.
//
// Errors a Host returns reach the action as rejected promises carrying err.Error(): they must
// not contain secrets.
type Host interface {
	// Fetch performs one HTTP request for fetch(). The URL is absolute, http or https (already
	// checked). The body in the response must not exceed maxBody bytes; a longer one is an error.
	Fetch(ctx context.Context, req FetchRequest, maxBody int) (FetchResponse, error)
	// SignECDSA is Lit.Actions.signEcdsa: check that this execution may sign with the PKP and
	// return this node's signature share, an opaque JSON value placed in Result.Signatures under
	// req.SigName.
	SignECDSA(ctx context.Context, req SignRequest) (json.RawMessage, error)
	// CheckConditions is Lit.Actions.checkConditions: evaluate access-control conditions.
	CheckConditions(ctx context.Context, req ConditionsRequest) (bool, error)
	// RPCURL is Lit.Actions.getRpcUrl: the node's RPC endpoint for a chain name.
	RPCURL(ctx context.Context, chain string) (string, error)
	// IsPermittedAction is Lit.Actions.isPermittedAction: whether the action with ipfsID may
	// sign with the PKP tokenID (a decimal or 0x-hex uint256, as the action passed it).
	IsPermittedAction(ctx context.Context, tokenID, ipfsID string) (bool, error)
}

// FetchRequest is one fetch() call.
type FetchRequest struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// FetchResponse is what Host.Fetch returns to the action.
type FetchResponse struct {
	Status     int
	StatusText string // e.g. "OK"; empty means http.StatusText(Status)
	Header     http.Header
	Body       []byte
}

// SignRequest is one Lit.Actions.signEcdsa call.
type SignRequest struct {
	ToSign    []byte // 32 bytes: Lit signs hashes, never raw messages
	PublicKey string // the PKP's public key as the action gave it (hex, usually 0x04-prefixed uncompressed)
	SigName   string // unique within the execution
	IPFSID    string // the executing action's CID; empty for inline code
	Auth      Auth   // the execution's auth context
}

// ConditionsRequest is one Lit.Actions.checkConditions call.
type ConditionsRequest struct {
	Conditions json.RawMessage // a JSON array of access-control conditions, unparsed
	AuthSig    json.RawMessage // the authSig the action passed; null or empty: evaluate for the request's own auth
	Chain      string          // may be empty
	Auth       Auth            // the execution's auth context
}

// Auth is the authentication context of an execution, visible to the action as Lit.Auth.
type Auth struct {
	// AuthSigAddress is the address that signed the request's authSig, if there was one.
	AuthSigAddress string `json:"authSigAddress,omitempty"`
	// AuthMethodContexts are Lit's auth method contexts, passed through as JSON objects.
	AuthMethodContexts []json.RawMessage `json:"authMethodContexts,omitempty"`
	// Resources are the SIWE / session resources of the request.
	Resources []string `json:"resources,omitempty"`
	// CustomAuthResource is Lit's custom auth resource string.
	CustomAuthResource string `json:"customAuthResource,omitempty"`
}
