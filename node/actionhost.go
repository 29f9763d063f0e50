package node

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"slices"
	"strings"
	"syscall"
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
	n       *Node
	ipfsID  string // the action's CID: given, or computed from inline code
	inline  bool   // the code came in the request rather than by CID
	auth    *access.Auth
	nodeSet []api.NodeSetEntry // the signer set of signEcdsa
	execID  string             // names the execution identically at every node (executionID)
	exec    *actionExec        // the execution's channel to the other nodes; nil for conditions

	// condition is set while the action runs as an access-control condition: it may not sign,
	// and user is who the conditions are being checked for.
	condition bool
	user      common.Address
}

var _ runtime.Host = (*actionHost)(nil)

// maxRedirects bounds the redirects one fetch follows.
const maxRedirects = 10

// newActionHTTPClient is the client actions fetch through: http and https only (also after
// redirects), bounded headers, no connections to link-local addresses (where cloud metadata
// services hand out credentials), and no request longer than an execution may run.
func newActionHTTPClient(timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: refuseLinkLocal}
	tr := &http.Transport{
		Proxy:                  http.ProxyFromEnvironment,
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  timeout,
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConns:           64,
		IdleConnTimeout:        90 * time.Second,
		ForceAttemptHTTP2:      true,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %q URL: only http and https are allowed", req.URL.Scheme)
			}
			return nil
		},
	}
}

func refuseLinkLocal(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip != nil && (ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast()) {
		return fmt.Errorf("connection to link-local address %s refused", host)
	}
	return nil
}

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
	resp, err := h.n.actionHTTP.Do(hr)
	if err != nil {
		return runtime.FetchResponse{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, int64(maxBody)+1))
	if err != nil {
		return runtime.FetchResponse{}, fmt.Errorf("read the response body of %s: %w", hr.URL.Redacted(), err)
	}
	if len(data) > maxBody {
		return runtime.FetchResponse{}, fmt.Errorf("the response body of %s is over the %d-byte limit", hr.URL.Redacted(), maxBody)
	}
	return runtime.FetchResponse{Status: resp.StatusCode, StatusText: strings.TrimSpace(strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode))), Header: resp.Header, Body: data}, nil
}

// CheckConditions is Lit.Actions.checkConditions, evaluated by the node's access evaluator for
// the authSig the action passed, or else the request's. Lit Action conditions are refused here:
// running one needs a second worker while this execution holds one, and with every worker
// busy that would wait out the time limit.
func (h *actionHost) CheckConditions(ctx context.Context, req runtime.ConditionsRequest) (bool, error) {
	conds, err := access.ParseDocument(req.Conditions, access.WithChains(h.n.chainNames()...))
	if err != nil {
		return false, err
	}
	if usesLitAction(conds.Items) {
		return false, errors.New("Lit Action conditions cannot be checked from inside a Lit Action") //nolint:staticcheck // starts with a proper noun
	}
	subject, err := h.conditionSubject(req.AuthSig, req.Action.IPFSID)
	if err != nil {
		return false, err
	}
	err = h.n.evaluator.Check(ctx, conds, subject)
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

// chainNames are the chains this node can read besides Lit's built-in list.
func (n *Node) chainNames() []string {
	names := []string{n.cfg.ChainName}
	chains, _ := ParseChains(n.cfg.Chains) // validated at load
	for name := range chains {
		names = append(names, name)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// RPCURL is Lit.Actions.getRpcUrl, through the node's seam for it (actionRPCURL).
func (h *actionHost) RPCURL(_ context.Context, chainName string) (string, error) {
	return h.n.actionRPCURL(chainName)
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
		h.n.log.Warn("chain read for a Lit Action failed", "what", ce.what, "err", ce.cause)
	}
	return err
}

func clipArg(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
