package runtime

import (
	"context"
	"encoding/json"
	"net/http"
)

// Host is everything an action can reach outside its sandbox. The node implements it; the
// runtime calls it from the parent process, never from a worker, after checking the call's
// arguments and counting it against the execution's limits. A Host is given per execution, so
// it carries that request's context (auth, request id, node set); which action of the call
// stack made a call (the executing action and its callers, see Frame) comes with each call
// that needs it.
//
// Errors a Host returns reach the action as rejected promises carrying err.Error(): they must
// not contain secrets. An *Error of a sticky kind fails the whole execution.
type Host interface {
	// Fetch performs one HTTP request for fetch(). The URL is absolute, http or https (already
	// checked). The body in the response must not exceed maxBody bytes; a longer one is an error.
	Fetch(ctx context.Context, req FetchRequest, maxBody int) (FetchResponse, error)
	// Sign is every signing function of Lit.Actions: signEcdsa, sign, ethPersonalSignMessageEcdsa
	// (SignShare: this node's share goes into Result.Signatures), signAndCombineEcdsa and
	// signAndCombine (SignCombine: the nodes exchange shares and each combines), signAsAction
	// (SignAsAction: the same with the action's own key).
	Sign(ctx context.Context, req SignRequest) (SignResult, error)
	// CheckConditions is Lit.Actions.checkConditions: evaluate access-control conditions.
	CheckConditions(ctx context.Context, req ConditionsRequest) (bool, error)
	// RPCURL is Lit.Actions.getRpcUrl: a JSON-RPC URL the action may use for the chain. An
	// error reaches the action as Lit's "Error getting RPC URL: …" string, not as a rejection.
	RPCURL(ctx context.Context, chain string) (string, error)
	// Permissions reads a PKP's permissions for isPermittedAction, isPermittedAddress,
	// isPermittedAuthMethod and the getPermitted* functions; the answer is the JSON value the
	// action receives.
	Permissions(ctx context.Context, req PermissionsRequest) (json.RawMessage, error)
	// Chain is Lit.Actions.callContract (an eth_call of an unsigned transaction) and
	// getLatestNonce; the answer is the string the action receives.
	Chain(ctx context.Context, req ChainRequest) (string, error)
	// Encrypt is Lit.Actions.encrypt: encrypt to the network's key under access-control
	// conditions.
	Encrypt(ctx context.Context, req EncryptRequest) (EncryptResult, error)
	// Decrypt is Lit.Actions.decryptAndCombine and decryptToSingleNode: the nodes check the
	// conditions, exchange decryption shares among themselves and combine them.
	Decrypt(ctx context.Context, req DecryptRequest) (string, error)
	// ClaimKey is Lit.Actions.claimKey: this node's claim of the key derived from the action's
	// CID and keyId, placed in Result.Claims.
	ClaimKey(ctx context.Context, req ClaimRequest) (json.RawMessage, error)
	// ActionKey is Lit.Actions.getActionPublicKey and verifyActionSignature.
	ActionKey(ctx context.Context, req ActionKeyRequest) (json.RawMessage, error)
	// ChildCode fetches the code of a child action for Lit.Actions.call.
	ChildCode(ctx context.Context, ipfsID string, maxCode int) (string, error)
	// Coordinate is the cross-node part of runOnce and broadcastAndCollect, among the nodes
	// that received this execution.
	Coordinate(ctx context.Context, req CoordinateRequest) (CoordinateResult, error)
}

// Frame is the action a call comes from: the action at the top of the call stack, and the
// stack itself (the root action first; Lit.Actions.call pushes each child).
type Frame struct {
	IPFSID string   // the calling action's CID (for inline code, the CID `ipfs add` gives it)
	Stack  []string // every action of the call stack, the root first and IPFSID last
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

// SignMode says what a signing call returns.
type SignMode string

// The signing modes.
const (
	SignShare    SignMode = "share"    // the node's share goes to the client, the action gets "success"
	SignCombine  SignMode = "combine"  // the nodes combine; the action gets the signature
	SignAsAction SignMode = "asAction" // combine, with the key derived from the action's CID
)

// Signing schemes by Lit's names (lit-node-core SigningScheme). EcdsaK256Sha256 is the PKPs'.
const (
	SchemeEcdsaK256 = "EcdsaK256Sha256"
)

// Auth method scopes of Lit's PKPPermissions (Lit's AuthMethodScope).
const (
	ScopeSignAnything        = 1
	ScopeSignPersonalMessage = 2
)

// SignRequest is one signing call.
type SignRequest struct {
	ToSign    []byte // what the key signs: for ECDSA a 32-byte hash, Lit never hashes for you
	PublicKey string // the PKP's public key as the action gave it; empty for SignAsAction
	SigName   string
	// Seq is how many earlier signing calls of this execution used SigName (a repeated sigName
	// replaces the earlier signature, as on Lit): SigName and Seq together name the signature
	// identically at every node that runs the same action.
	Seq    int
	Scheme string   // Lit's signing scheme name; SchemeEcdsaK256 for signEcdsa
	Scope  int      // the auth method scope a signature of this kind needs
	Mode   SignMode //
	Action Frame    // the signing action and its call stack
	Auth   Auth     // the execution's auth context
}

// SignResult is a signing call's outcome: Share for SignShare (nil when this node is not one
// of the signature's signers), Combined otherwise (the JSON string the action receives).
type SignResult struct {
	Share    json.RawMessage
	Combined string
}

// ConditionsRequest is one Lit.Actions.checkConditions call.
type ConditionsRequest struct {
	Conditions json.RawMessage // a JSON array of access-control conditions, unparsed
	AuthSig    json.RawMessage // the authSig the action passed; null or empty: evaluate for the request's own auth
	Chain      string          // may be empty
	Action     Frame
	Auth       Auth // the execution's auth context
}

// PermissionsRequest is one PKP permissions read. Method is Lit's function name:
// isPermittedAction (Arg: ipfsId), isPermittedAddress (Arg: address), isPermittedAuthMethod
// and getPermittedAuthMethodScopes (AuthMethodType, UserID, MaxScopeID), getPermittedActions,
// getPermittedAddresses, getPermittedAuthMethods.
type PermissionsRequest struct {
	Method         string
	TokenID        string // a uint256 in decimal or 0x-hex, as the action passed it
	Arg            string
	AuthMethodType string // a uint256 in decimal or 0x-hex
	UserID         []byte
	MaxScopeID     int
}

// ChainRequest is one callContract (Txn set) or getLatestNonce (Address set) call.
type ChainRequest struct {
	Chain   string
	Txn     []byte // an RLP-encoded unsigned transaction
	Address string // 0x-hex address
}

// EncryptRequest is one Lit.Actions.encrypt call.
type EncryptRequest struct {
	Conditions json.RawMessage // a JSON array of access-control conditions
	Data       []byte
}

// EncryptResult is what Lit.Actions.encrypt resolves to.
type EncryptResult struct {
	Ciphertext        string `json:"ciphertext"`
	DataToEncryptHash string `json:"dataToEncryptHash"`
}

// DecryptRequest is one decryptAndCombine (Single false) or decryptToSingleNode call.
type DecryptRequest struct {
	Conditions        json.RawMessage
	Ciphertext        string
	DataToEncryptHash string
	AuthSig           json.RawMessage // null or empty: the request's own
	Chain             string
	Single            bool
	Action            Frame
	Auth              Auth
}

// ClaimRequest is one Lit.Actions.claimKey call.
type ClaimRequest struct {
	KeyID  string
	Action Frame
}

// ActionKeyRequest is getActionPublicKey (Verify false) or verifyActionSignature.
type ActionKeyRequest struct {
	Scheme     string
	IPFSID     string
	Verify     bool
	ToSign     []byte
	SignOutput string
}

// Coordination operations.
const (
	CoordIsLeader            = "isLeader"
	CoordBroadcast           = "broadcast"         // the leader's runOnce result to the others
	CoordCollectFromLeader   = "collectFromLeader" // the others' side of it
	CoordBroadcastAndCollect = "broadcastAndCollect"
)

// CoordinateRequest is one step of runOnce or one broadcastAndCollect.
type CoordinateRequest struct {
	Op    string
	Name  string
	Value string
}

// CoordinateResult answers a CoordinateRequest: Leader for CoordIsLeader, Value for
// CoordCollectFromLeader, Values (every participant's, in the same order at every node) for
// CoordBroadcastAndCollect.
type CoordinateResult struct {
	Leader bool
	Value  string
	Values []string
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
