package node

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/runtime"
)

// actionHost is everything one execution can reach outside its sandbox, for the request that
// started it. The runtime calls it in the node process after counting the call against the
// execution's limits.
type actionHost struct {
	svc     *actionService
	ipfsID  string // the action's CID: given, or computed from inline code
	inline  bool   // the code came in the request rather than by CID
	auth    *access.Auth
	nodeSet []api.NodeSetEntry // the signer set of signEcdsa
	execID  string             // names the execution identically at every node (executionID)
	exec    *actionExec        // the execution's channel to the other nodes; nil for conditions
	// litSDK is set for executions that came through Lit's route (/web/execute/v1): their
	// signer sets have at least T members, as Lit's SDK refuses fewer shares (litexec.go).
	litSDK bool

	// condition is set while the action runs as an access-control condition: it may not sign,
	// and user is who the conditions are being checked for.
	condition bool
	user      common.Address

	started time.Time // when the worker was asked to run the action, for the phase metrics

	rpcMu    sync.Mutex
	rpcToken string // this execution's session with the node's RPC proxy, once getRpcUrl opened one
}

var _ runtime.Host = (*actionHost)(nil)

// Fetch performs one fetch() through the node's HTTP client.
func (h *actionHost) Fetch(ctx context.Context, req runtime.FetchRequest, maxBody int) (runtime.FetchResponse, error) {
	var body io.Reader
	if len(req.Body) > 0 {
		body = strings.NewReader(string(req.Body))
	}
	hr, err := http.NewRequestWithContext(ctx, req.Method, req.URL, body)
	if err != nil {
		return runtime.FetchResponse{}, fmt.Errorf("build request: %w", err)
	}
	hr.Header = req.Header.Clone()
	if hr.Header.Get("User-Agent") == "" {
		hr.Header.Set("User-Agent", "litmesh-lit-action/"+Version)
	}
	resp, err := h.svc.fetch.Do(hr)
	if err != nil {
		return runtime.FetchResponse{}, err
	}
	defer resp.Body.Close()
	data, err := readResponseBody(ctx, resp, maxBody)
	if errors.Is(err, errBodyTooLarge) {
		return runtime.FetchResponse{}, fmt.Errorf("the response body of %s is over the %d-byte limit", hr.URL.Redacted(), maxBody)
	}
	if err != nil {
		return runtime.FetchResponse{}, fmt.Errorf("read the response body of %s: %w", hr.URL.Redacted(), err)
	}
	return runtime.FetchResponse{Status: resp.StatusCode, StatusText: strings.TrimSpace(strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode))), Header: resp.Header, Body: data}, nil
}

// CheckConditions is Lit.Actions.checkConditions, evaluated by the node's access evaluator for
// the authSig the action passed, or else the request's. Lit Action conditions are refused here:
// running one needs a second worker while this execution holds one, and with every worker
// busy that would wait out the time limit.
func (h *actionHost) CheckConditions(ctx context.Context, req runtime.ConditionsRequest) (bool, error) {
	conds, err := access.ParseDocument(req.Conditions, access.WithChains(h.svc.cfg.chainNames...))
	if err != nil {
		return false, err
	}
	if usesLitAction(conds.Items) {
		return false, errors.New("Lit Action conditions cannot be checked from inside a Lit Action") //nolint:staticcheck // starts with a proper noun
	}
	subject, err := h.conditionSubject(ctx, req.AuthSig, req.Action.IPFSID)
	if err != nil {
		return false, err
	}
	err = h.svc.conditions.Check(ctx, conds, subject)
	var notMet *access.NotMetError
	switch {
	case err == nil:
		return true, nil
	case errors.As(err, &notMet):
		return false, nil
	default:
		return false, err
	}
}

func usesLitAction(items []access.Item) bool {
	for _, it := range items {
		if it.Condition != nil && it.Condition.StandardContractType == access.StandardLitAction {
			return true
		}
		if usesLitAction(it.Group) {
			return true
		}
	}
	return false
}

// RPCURL is Lit.Actions.getRpcUrl for the network chain and the chains setting: the URL of the
// node's RPC proxy for this execution (rpcproxy.go), never the operator's endpoint, whose URL
// usually carries an API key.
func (h *actionHost) RPCURL(_ context.Context, chainName string) (string, error) {
	if u, ok := h.proxyURL(chainName); ok {
		return u, nil
	}
	return "", fmt.Errorf("this node has no RPC URL for chain %q (it has: %s)", clipArg(chainName), strings.Join(h.svc.cfg.rpcChains, ", "))
}

var errNoChain = errors.New("this node has no chain configured: PKPs and their permissions live on the chain")

// parseTokenID reads a PKP token ID as actions pass it: decimal, or hex with 0x.
func parseTokenID(s string) (*big.Int, error) {
	s = strings.TrimSpace(s)
	base := 10
	if rest, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
		s, base = rest, 16
	}
	id, ok := new(big.Int).SetString(s, base)
	if !ok || id.Sign() < 0 || id.BitLen() > 256 {
		return nil, fmt.Errorf("tokenId %q: want a uint256 in decimal or 0x-hex", clipArg(s))
	}
	return id, nil
}

// chainReadError is a failed chain read as an action sees it: its text leaves out the cause,
// since RPC errors can carry the endpoint URL and that may hold credentials.
type chainReadError struct {
	what  string
	cause error
}

func (e *chainReadError) Error() string { return e.what + ": the chain did not answer" }
func (e *chainReadError) Unwrap() error { return e.cause }

// logChainError tells the operator the cause of a chain read failure that the action sees
// without it.
func (h *actionHost) logChainError(err error) error {
	var ce *chainReadError
	if errors.As(err, &ce) {
		h.svc.log.Warn("chain read for a Lit Action failed", "what", ce.what, "err", ce.cause)
	}
	return err
}

func clipArg(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
