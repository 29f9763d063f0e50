package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/ipfs"
)

// ExecuteRequest is a Lit Action to run on the network.
type ExecuteRequest struct {
	Code     []byte          // the JavaScript source, for inline code; or
	CID      string          // the CID of an action stored on IPFS (see PinAction)
	JSParams json.RawMessage // a JSON object, or nil
	// Auth proves who runs it: a *Session (execution needs session signatures, made per node
	// for the action's CID).
	Auth Auth
	// Nodes is the node set to run on; nil means every node of the network file.
	Nodes []NodeEntry
	// NodeSet, if set, is the node set the request names (the nodes that sign and that the
	// action's cross-node functions wait for) when it differs from Nodes — for tests of nodes
	// that are named but not sent the request.
	NodeSet []NodeEntry
}

// NodeExecution is what one node answered.
type NodeExecution struct {
	URL string `json:"url"`
	// Result is the node's answer, successful or not; nil if the node gave none (Error says why).
	Result *api.ExecuteResponse `json:"result,omitempty"`
	Error  string               `json:"error,omitempty"`
}

// ExecuteResult is the network's answer: the most common outcome among the nodes.
type ExecuteResult struct {
	Response string `json:"response"`
	Logs     string `json:"logs"`
	// Shares are the signature shares of every signEcdsa, by sigName, one per node that gave
	// the winning response, in node order.
	Shares map[string][]json.RawMessage `json:"shares,omitempty"`
	// Signatures are the combined, verified signatures by sigName; SignatureErrors says why a
	// sigName's shares did not combine.
	Signatures      map[string]*PKPSignature `json:"signatures"`
	SignatureErrors map[string]string        `json:"signatureErrors,omitempty"`
	// SchemeSignatures are the combined, verified signatures of Lit.Actions.sign with the
	// other schemes (SchnorrEd25519Sha512, SchnorrK256Taproot, …) by sigName.
	SchemeSignatures map[string]*SchemeSignature `json:"schemeSignatures,omitempty"`
	// Claims are the claimKey results by keyId: the derived key id and every node's signature
	// of it, each checked to recover the operator address the node named.
	Claims map[string]*ActionClaim `json:"claims,omitempty"`
	// DecryptedData is the nodes' decryptedData field (always empty on Lit and litmesh:
	// decryptAndCombine hands its plaintext to the action).
	DecryptedData map[string]json.RawMessage `json:"decryptedData,omitempty"`
	// Agreed is how many nodes gave the winning outcome.
	Agreed int `json:"agreed"`
	// Nodes is every node's own answer, in node-set order.
	Nodes []NodeExecution `json:"nodes"`
}

// ActionFailedError is an execution that failed on (most of) the nodes: the action did not
// parse, threw, broke a limit, or the nodes could not run it.
type ActionFailedError struct {
	Kind    string
	Message string
	Agreed  int // nodes that failed this way
	Of      int // nodes asked
}

func (e *ActionFailedError) Error() string {
	return fmt.Sprintf("%s: %s (%d of %d nodes)", e.Kind, e.Message, e.Agreed, e.Of)
}

// Execute runs a Lit Action on every node of the node set at once and takes the most common
// outcome, as Lit's SDK does. When that outcome is a failure the error is an
// *ActionFailedError and the result still carries the logs and every node's answer.
func (c *Client) Execute(ctx context.Context, req ExecuteRequest) (*ExecuteResult, error) {
	if (len(req.Code) == 0) == (req.CID == "") {
		return nil, errors.New("execute: give exactly one of code and a CID")
	}
	if len(req.Code) > api.MaxActionCode {
		return nil, fmt.Errorf("execute: code is %d bytes, over the %d-byte limit", len(req.Code), api.MaxActionCode)
	}
	nodes := req.Nodes
	if len(nodes) == 0 {
		// The nodes that answered the handshake, as Lit's SDK runs on its connected nodes: the
		// node set is also the signer set of every signEcdsa, and a signature needs every
		// member of its set to confirm it (docs/pkp.md).
		nodes = c.liveNodes(ctx)
	}
	if len(nodes) == 0 {
		return nil, errors.New("execute: no nodes to run on")
	}
	body := api.ExecuteRequest{IPFSID: req.CID, JSParams: req.JSParams}
	cid := req.CID
	if len(req.Code) > 0 {
		body.Code = base64.StdEncoding.EncodeToString(req.Code)
		c, err := ipfs.CIDOf(bytes.NewReader(req.Code))
		if err != nil {
			return nil, fmt.Errorf("execute: the CID of the code: %w", err)
		}
		cid = c.String()
	}
	resource := access.ExecutionRequest(cid)
	set := nodes
	if len(req.NodeSet) > 0 {
		set = req.NodeSet
	}
	for _, n := range set {
		body.NodeSet = append(body.NodeSet, api.NodeSetEntry{SocketAddress: n.URL, Value: 1})
	}
	c.ensureVerified(ctx, nodes)

	// One id for the execution at every node: the signer set matches each signEcdsa by it.
	var idb [16]byte
	if _, err := rand.Read(idb[:]); err != nil {
		return nil, err
	}
	requestID := hex.EncodeToString(idb[:])
	// Every node's body is made before the first is sent, so the nodes start within a moment of
	// each other: a signEcdsa waits for the last of its signers to reach it, and a request
	// signed and sent while the first nodes already run the action waits for CPU they hold.
	answers := make([]NodeExecution, len(nodes))
	raws := c.executeBodies(ctx, nodes, body, req.Auth, resource, answers)
	var wg sync.WaitGroup
	for i, n := range nodes {
		if raws[i] == nil {
			continue
		}
		wg.Go(func() {
			// A node refuses with rate_limited before it runs anything (or records the
			// request id), so asking it again is the same request.
			res, err := retryRateLimited(ctx, func() (*api.ExecuteResponse, error) { return c.executeOn(ctx, n.URL, raws[i], requestID) })
			if err != nil {
				answers[i].Error = err.Error()
				return
			}
			answers[i].Result = res
		})
	}
	wg.Wait()
	res, err := tally(answers)
	if err != nil {
		return res, err
	}
	if len(res.Shares) > 0 {
		res.Signatures, res.SchemeSignatures, res.SignatureErrors = c.combineActionSignatures(ctx, res.Shares)
	}
	return res, nil
}

// executeBodies is each node's request body, with its own session signature; a node whose
// body cannot be made gets its error in answers and a nil body.
func (c *Client) executeBodies(ctx context.Context, nodes []NodeEntry, body api.ExecuteRequest, auth Auth, resource access.ResourceAbility, answers []NodeExecution) [][]byte {
	raws := make([][]byte, len(nodes))
	for i, n := range nodes {
		answers[i].URL = n.URL
		nbody := body
		var err error
		if nbody.AuthSig, err = c.authJSON(ctx, auth, n.URL, resource); err != nil {
			answers[i].Error = err.Error()
			continue
		}
		if raws[i], err = json.Marshal(nbody); err != nil {
			answers[i].Error = err.Error()
		}
	}
	return raws
}

// ActionClaim is a key claimed by an action (Lit.Actions.claimKey): the derived key id,
// keccak256("<action CID>_<keyId>"), and the nodes' signatures of it.
type ActionClaim struct {
	DerivedKeyID string           `json:"derivedKeyId"` // 0x-hex, 32 bytes
	Signatures   []ClaimSignature `json:"signatures"`
	// Rejected names the nodes whose claim was malformed, for another key id, or did not
	// recover the operator it named.
	Rejected []RejectedSigner `json:"rejected,omitempty"`
}

// ClaimSignature is one node's signature of a claimed key id: its operator's EIP-191
// signature of the 32 bytes (r, s, v as Lit's SDK splits it; Signature joined, v 27 or 28).
type ClaimSignature struct {
	Signer    string `json:"signer"` // the operator address the signature recovers to
	PeerID    string `json:"peerId,omitempty"`
	R         string `json:"r"`
	S         string `json:"s"`
	V         int    `json:"v"`
	Signature string `json:"signature"`
}

// combineClaims checks every node's claim of each keyId and groups them: a claim counts if its
// signature recovers the operator address it names and its key id is the most common one.
func combineClaims(answers []NodeExecution, winners func(*api.ExecuteResponse) bool) map[string]*ActionClaim {
	type entry struct {
		peer  string
		share api.ClaimShare
	}
	byKey := map[string][]entry{}
	for _, a := range answers {
		if a.Result == nil || !winners(a.Result) {
			continue
		}
		for keyID, raw := range a.Result.ClaimData {
			var cs api.ClaimShare
			if len(raw) > 4096 || json.Unmarshal(raw, &cs) != nil {
				byKey[keyID] = append(byKey[keyID], entry{peer: a.URL})
				continue
			}
			byKey[keyID] = append(byKey[keyID], entry{peer: a.URL, share: cs})
		}
	}
	if len(byKey) == 0 {
		return nil
	}
	out := map[string]*ActionClaim{}
	for keyID, entries := range byKey {
		count := map[string]int{}
		for _, e := range entries {
			count[strings.ToLower(strings.TrimPrefix(e.share.DerivedKeyID, "0x"))]++
		}
		best := ""
		for id, n := range count {
			if id != "" && (best == "" || n > count[best] || (n == count[best] && id < best)) {
				best = id
			}
		}
		claim := &ActionClaim{DerivedKeyID: "0x" + best}
		for _, e := range entries {
			who := e.peer
			if e.share.PeerID != "" {
				who = e.share.PeerID
			}
			sig, err := checkClaim(e.share, best)
			if err != nil {
				claim.Rejected = append(claim.Rejected, RejectedSigner{PeerID: who, Reason: err.Error()})
				continue
			}
			sig.PeerID = e.share.PeerID
			claim.Signatures = append(claim.Signatures, sig)
		}
		out[keyID] = claim
	}
	return out
}

// checkClaim verifies one node's claim: the key id, and a signature recovering the signer.
func checkClaim(cs api.ClaimShare, keyID string) (ClaimSignature, error) {
	id, err := hex.DecodeString(strings.TrimPrefix(cs.DerivedKeyID, "0x"))
	if err != nil || len(id) != 32 || hex.EncodeToString(id) != keyID {
		return ClaimSignature{}, errors.New("claims another derived key id")
	}
	sig, err := hex.DecodeString(strings.TrimPrefix(cs.Signature, "0x"))
	if err != nil || len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) {
		return ClaimSignature{}, errors.New("malformed signature")
	}
	raw := append([]byte{}, sig...)
	raw[64] -= 27
	pub, err := crypto.SigToPub(accounts.TextHash(id), raw)
	if err != nil {
		return ClaimSignature{}, fmt.Errorf("signature does not recover: %w", err)
	}
	signer := crypto.PubkeyToAddress(*pub)
	if !common.IsHexAddress(cs.Signer) || common.HexToAddress(cs.Signer) != signer {
		return ClaimSignature{}, fmt.Errorf("signature recovers %s, not the signer %s it names", signer.Hex(), cs.Signer)
	}
	return ClaimSignature{Signer: signer.Hex(), R: "0x" + hex.EncodeToString(sig[:32]), S: "0x" + hex.EncodeToString(sig[32:64]), V: int(sig[64]),
		Signature: "0x" + hex.EncodeToString(sig)}, nil
}

// combineActionSignatures combines each sigName's node shares into a verified signature.
func (c *Client) combineActionSignatures(ctx context.Context, shares map[string][]json.RawMessage) (map[string]*PKPSignature, map[string]*SchemeSignature, map[string]string) {
	sigs, errs := map[string]*PKPSignature{}, map[string]string{}
	var schemeSigs map[string]*SchemeSignature
	for name, raws := range shares {
		if scheme := shareScheme(raws); scheme != "" && scheme != api.SchemeEcdsaK256Sha256 {
			sig, err := c.combineActionSchemeShares(ctx, scheme, raws)
			if err != nil {
				errs[name] = err.Error()
				continue
			}
			if schemeSigs == nil {
				schemeSigs = map[string]*SchemeSignature{}
			}
			schemeSigs[name] = sig
			continue
		}
		var list []api.PKPSignShare
		var hash [32]byte
		var pub string
		for _, raw := range raws {
			var s api.PKPSignShare
			if err := json.Unmarshal(raw, &s); err != nil {
				continue // a node's garbage; the combination names what is missing
			}
			h, err := hex.DecodeString(strings.TrimPrefix(s.DataSigned, "0x"))
			if err != nil || len(h) != 32 || (pub != "" && (s.PublicKey != pub || [32]byte(h) != hash)) {
				continue
			}
			copy(hash[:], h)
			pub = s.PublicKey
			list = append(list, s)
		}
		if len(list) == 0 {
			errs[name] = "no node sent a usable signature share"
			continue
		}
		sig, err := c.CombinePKPShares(ctx, pub, hash, list)
		if err != nil {
			errs[name] = err.Error()
			continue
		}
		sigs[name] = sig
	}
	if len(errs) == 0 {
		errs = nil
	}
	return sigs, schemeSigs, errs
}

// shareScheme is the signingScheme the first of a sigName's shares names ("" for ECDSA shares,
// which name none).
func shareScheme(raws []json.RawMessage) string {
	for _, raw := range raws {
		var probe struct {
			SigningScheme string `json:"signingScheme"`
		}
		if json.Unmarshal(raw, &probe) == nil {
			return probe.SigningScheme
		}
	}
	return ""
}

// combineActionSchemeShares combines the shares of a Lit.Actions.sign with another scheme: the
// shares must name one PKP and one message (a share naming others is left out), and the
// signature is checked like PKPSignScheme's.
func (c *Client) combineActionSchemeShares(ctx context.Context, scheme string, raws []json.RawMessage) (*SchemeSignature, error) {
	// The shares of the PKP and message most of them name (a node's share naming others is
	// left out; CombinePKPSchemeShares checks every share against them).
	groups := map[string][]api.PKPSchemeShare{}
	best := ""
	for _, raw := range raws {
		var s api.PKPSchemeShare
		if json.Unmarshal(raw, &s) != nil || s.SigningScheme != scheme {
			continue
		}
		k := strings.ToLower(s.TokenID + "/" + s.DataSigned)
		groups[k] = append(groups[k], s)
		if best == "" || len(groups[k]) > len(groups[best]) {
			best = k
		}
	}
	list := groups[best]
	if len(list) == 0 {
		return nil, errors.New("no node sent a usable signature share")
	}
	msg, err := hex.DecodeString(strings.TrimPrefix(list[0].DataSigned, "0x"))
	if err != nil || len(msg) == 0 {
		return nil, errors.New("the shares' dataSigned is not hex")
	}
	return c.CombinePKPSchemeShares(ctx, list[0].TokenID, scheme, msg, nil, list)
}

// executeOn posts one execution. An action's failure is an answer (HTTP 400 with Lit's body),
// not an error; an error means the node gave no answer of that shape.
func (c *Client) executeOn(ctx context.Context, nodeURL string, body []byte, requestID string) (*api.ExecuteResponse, error) {
	url := strings.TrimRight(nodeURL, "/") + "/web/execute"
	req, err := c.authedRequest(ctx, nodeURL, "/web/execute", body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Request-Id", requestID)
	resp, err := c.pinned().Do(req)
	if err != nil {
		return nil, fmt.Errorf("POST %s: %w", url, unwrapURLError(err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return nil, fmt.Errorf("read response from %s: %w", url, err)
	}
	if len(data) > maxResponse {
		return nil, fmt.Errorf("response from %s over %d bytes", url, maxResponse)
	}
	return decodeExecuteResponse(resp.StatusCode, data)
}

// decodeExecuteResponse reads a node's answer to /web/execute: a successful run (200), an
// action's failure, or an API error (both {"error": {"kind", "message"}}, the latter returned
// as an *api.Error).
func decodeExecuteResponse(status int, data []byte) (*api.ExecuteResponse, error) {
	var out api.ExecuteResponse
	if err := json.Unmarshal(data, &out); err != nil {
		if status >= 300 {
			return nil, fmt.Errorf("HTTP %d with an unreadable body", status)
		}
		return nil, fmt.Errorf("decode execute response: %w", err)
	}
	switch {
	case status == http.StatusOK && out.Success && out.Error == nil:
		return &out, nil
	case status == http.StatusOK:
		return nil, errors.New("HTTP 200 for a failed execution")
	case out.Error == nil || out.Error.Kind == "":
		return nil, fmt.Errorf("HTTP %d", status)
	case out.Success:
		return nil, fmt.Errorf("HTTP %d for a successful execution", status)
	}
	if isAPIKind(out.Error.Kind) && status != http.StatusBadRequest {
		return nil, &api.Error{Kind: api.Kind(out.Error.Kind), Message: out.Error.Message}
	}
	return &out, nil
}

func isAPIKind(k string) bool {
	return api.Kind(k).Status() != http.StatusInternalServerError || k == string(api.KindInternal)
}

// tally picks the most common outcome of the nodes' answers: the same response, or the same
// failure. A tie goes to a success, then to the earlier node.
func tally(answers []NodeExecution) (*ExecuteResult, error) {
	count := map[string]int{}
	first := map[string]int{}
	var errs []error
	for i, a := range answers {
		if a.Result == nil {
			errs = append(errs, fmt.Errorf("%s: %s", a.URL, a.Error))
			continue
		}
		k := outcomeKey(a.Result)
		if _, ok := first[k]; !ok {
			first[k] = i
		}
		count[k]++
	}
	if len(count) == 0 {
		return nil, fmt.Errorf("no node ran the action: %w", errors.Join(errs...))
	}
	better := func(k, than string) bool {
		if count[k] != count[than] {
			return count[k] > count[than]
		}
		if success(k) != success(than) {
			return success(k)
		}
		return first[k] < first[than]
	}
	best := ""
	for k := range count {
		if best == "" || better(k, best) {
			best = k
		}
	}
	won := answers[first[best]].Result
	out := &ExecuteResult{Response: won.Response, Logs: won.Logs, Shares: map[string][]json.RawMessage{}, Agreed: count[best], Nodes: answers}
	if !won.Success {
		return out, &ActionFailedError{Kind: won.Error.Kind, Message: won.Error.Message, Agreed: count[best], Of: len(answers)}
	}
	out.Claims = combineClaims(answers, func(r *api.ExecuteResponse) bool { return outcomeKey(r) == best })
	if len(won.DecryptedData) > 0 {
		out.DecryptedData = won.DecryptedData
	}
	for _, a := range answers {
		if a.Result == nil || outcomeKey(a.Result) != best {
			continue
		}
		for name, share := range a.Result.SignedData {
			out.Shares[name] = append(out.Shares[name], share)
		}
	}
	return out, nil
}

func outcomeKey(r *api.ExecuteResponse) string {
	if r.Success {
		return "ok\x00" + r.Response
	}
	return "failed\x00" + r.Error.Kind + "\x00" + r.Error.Message
}

func success(key string) bool { return strings.HasPrefix(key, "ok\x00") }
