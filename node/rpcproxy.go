package node

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
	"golang.org/x/time/rate"
)

// The RPC proxy stands between Lit Actions and the operator's chain RPC endpoints. Their URLs
// usually carry an API key, so actions never see them: Lit.Actions.getRpcUrl gives an action
// the URL of this proxy, on the node's loopback, under a token that lives as long as the
// execution. The proxy forwards the standard read, estimation and transaction-submission
// methods that ethers' JsonRpcProvider uses — never admin, debug, personal, miner, engine or
// txpool methods, nor anything that would use keys held by the RPC node — counts them against a
// per-execution budget and rate, and never lets the operator's URL into an answer.

// rpcProxyMethods are the JSON-RPC methods actions may call.
var rpcProxyMethods = map[string]bool{
	"eth_chainId": true, "eth_blockNumber": true, "eth_call": true, "eth_estimateGas": true,
	"eth_gasPrice": true, "eth_maxPriorityFeePerGas": true, "eth_feeHistory": true, "eth_blobBaseFee": true,
	"eth_getBalance": true, "eth_getCode": true, "eth_getStorageAt": true, "eth_getTransactionCount": true,
	"eth_getProof": true, "eth_createAccessList": true,
	"eth_getBlockByNumber": true, "eth_getBlockByHash": true,
	"eth_getBlockTransactionCountByNumber": true, "eth_getBlockTransactionCountByHash": true,
	"eth_getTransactionByHash": true, "eth_getTransactionReceipt": true,
	"eth_getTransactionByBlockNumberAndIndex": true, "eth_getTransactionByBlockHashAndIndex": true,
	"eth_getBlockReceipts": true, "eth_getLogs": true, "eth_syncing": true, "eth_protocolVersion": true,
	"eth_sendRawTransaction": true,
	"net_version":            true, "net_listening": true, "net_peerCount": true,
	"web3_clientVersion": true, "web3_sha3": true,
}

const (
	rpcProxyMaxBody  = 1 << 20 // one request from an action
	rpcProxyMaxBatch = 20      // calls in one batch request
	rpcProxyRate     = 20      // calls per second per execution, after the burst
	rpcProxyBurst    = 40
	rpcProxyWait     = 2 * time.Second // how long a call may wait for the rate
	rpcProxyTimeout  = 20 * time.Second
)

// rpcProxy is the node's JSON-RPC proxy for actions.
type rpcProxy struct {
	log      *slog.Logger
	ln       net.Listener
	srv      *http.Server
	addr     netip.AddrPort
	upstream map[string]string // chain name → the operator's RPC URL
	maxCalls int               // per execution

	served chan struct{} // closed when the server's goroutine ends

	mu       sync.Mutex
	clients  map[string]*rpc.Client
	sessions map[string]*rpcSession // by token
}

// rpcSession is one execution's use of the proxy.
type rpcSession struct {
	limiter *rate.Limiter
	calls   int
}

// startRPCProxy listens on a loopback port of its own and serves until close.
func startRPCProxy(log *slog.Logger, upstream map[string]string, maxCalls int) (*rpcProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen for the actions' RPC proxy: %w", err)
	}
	p := &rpcProxy{
		log: log, ln: ln, upstream: upstream, maxCalls: maxCalls,
		addr:     netip.MustParseAddrPort(ln.Addr().String()),
		clients:  map[string]*rpc.Client{},
		sessions: map[string]*rpcSession{},
		served:   make(chan struct{}),
	}
	p.srv = &http.Server{Handler: p, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, MaxHeaderBytes: 16 << 10}
	go func() { // owned by close, which shuts the server down and waits for this
		defer close(p.served)
		_ = p.srv.Serve(ln)
	}()
	return p, nil
}

func (p *rpcProxy) close(ctx context.Context) error {
	err := p.srv.Shutdown(ctx)
	<-p.served
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.clients {
		c.Close()
	}
	return err
}

// open starts an execution's session and returns its token.
func (p *rpcProxy) open() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sessions[token] = &rpcSession{limiter: rate.NewLimiter(rpcProxyRate, rpcProxyBurst)}
	return token
}

// end forgets an execution's session: its URL stops working.
func (p *rpcProxy) end(token string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.sessions, token)
}

// url is what getRpcUrl gives an action for chain, under its execution's token.
func (p *rpcProxy) url(token, chain string) string {
	return "http://" + p.addr.String() + "/" + token + "/" + url.PathEscape(chain)
}

type rpcRequest struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
}

type rpcError struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

type rpcResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (p *rpcProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	token, chain, ok := strings.Cut(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/")
	chain, _ = url.PathUnescape(chain)
	p.mu.Lock()
	sess := p.sessions[token]
	p.mu.Unlock()
	upstream, known := p.upstream[chain]
	switch {
	case !ok || sess == nil:
		http.Error(w, "no such Lit Action execution: the RPC URL of an execution works only while it runs", http.StatusNotFound)
		return
	case !known:
		http.Error(w, fmt.Sprintf("this node has no RPC endpoint for chain %q", chain), http.StatusNotFound)
		return
	case r.Method != http.MethodPost:
		http.Error(w, "JSON-RPC takes POST", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, rpcProxyMaxBody+1))
	if err != nil || len(body) > rpcProxyMaxBody {
		http.Error(w, fmt.Sprintf("request over %d bytes", rpcProxyMaxBody), http.StatusRequestEntityTooLarge)
		return
	}
	body = bytes.TrimSpace(body)
	var reqs []rpcRequest
	batch := len(body) > 0 && body[0] == '['
	if batch {
		err = json.Unmarshal(body, &reqs)
		if err == nil && (len(reqs) == 0 || len(reqs) > rpcProxyMaxBatch) {
			err = fmt.Errorf("a batch of %d calls: want 1 to %d", len(reqs), rpcProxyMaxBatch)
		}
	} else {
		reqs = make([]rpcRequest, 1)
		err = json.Unmarshal(body, &reqs[0])
	}
	if err != nil {
		writeRPC(w, http.StatusBadRequest, rpcResponse{JSONRPC: "2.0", ID: json.RawMessage("null"), Error: &rpcError{Code: -32700, Message: "parse error: " + err.Error()}})
		return
	}
	resps := make([]rpcResponse, len(reqs))
	status := http.StatusOK
	for i, req := range reqs {
		resps[i] = p.serveOne(r.Context(), sess, chain, upstream, req)
		if resps[i].Error != nil && resps[i].Error.Code == rpcLimited {
			status = http.StatusTooManyRequests
		}
	}
	if batch {
		writeRPC(w, status, resps)
		return
	}
	writeRPC(w, status, resps[0])
}

// rpcLimited is the JSON-RPC error code of a call over the execution's budget or rate.
const rpcLimited = -32005

//nolint:funlen // one proxied JSON-RPC call: method allow-list, budget, upstream call and redaction in order
func (p *rpcProxy) serveOne(ctx context.Context, sess *rpcSession, chain, upstream string, req rpcRequest) rpcResponse {
	resp := rpcResponse{JSONRPC: "2.0", ID: req.ID}
	if len(resp.ID) == 0 {
		resp.ID = json.RawMessage("null")
	}
	fail := func(code int, format string, args ...any) rpcResponse {
		resp.Error = &rpcError{Code: code, Message: fmt.Sprintf(format, args...)}
		return resp
	}
	if !rpcProxyMethods[req.Method] {
		return fail(-32601, "method %q is not available to Lit Actions (reads, gas estimation and eth_sendRawTransaction are)", clipArg(req.Method))
	}
	var params []json.RawMessage
	if p := bytes.TrimSpace(req.Params); len(p) > 0 && !bytes.Equal(p, []byte("null")) {
		if err := json.Unmarshal(p, &params); err != nil {
			return fail(-32602, "params must be an array")
		}
	}
	p.mu.Lock()
	sess.calls++
	over := sess.calls > p.maxCalls
	p.mu.Unlock()
	if over {
		return fail(rpcLimited, "more than %d RPC calls in this execution", p.maxCalls)
	}
	wctx, cancel := context.WithTimeout(ctx, rpcProxyWait)
	err := sess.limiter.Wait(wctx)
	cancel()
	if err != nil {
		return fail(rpcLimited, "over %d RPC calls per second in this execution", rpcProxyRate)
	}
	client, err := p.client(ctx, chain, upstream)
	if err != nil {
		p.log.Warn("the actions' RPC proxy cannot reach a chain", "chain", chain, "err", err)
		return fail(-32000, "the node's RPC endpoint for %s did not answer", chain)
	}
	args := make([]any, len(params))
	for i, a := range params {
		args[i] = a
	}
	cctx, cancel := context.WithTimeout(ctx, rpcProxyTimeout)
	defer cancel()
	var result json.RawMessage
	err = client.CallContext(cctx, &result, req.Method, args...)
	var rerr rpc.Error
	switch {
	case err == nil:
		if len(result) == 0 {
			result = json.RawMessage("null")
		}
		resp.Result = result
		return resp
	case errors.As(err, &rerr):
		// The chain's own answer (reverted, nonce too low…): passed on, scrubbed of the URL.
		e := &rpcError{Code: rerr.ErrorCode(), Message: redactURL(rerr.Error(), upstream)}
		var derr rpc.DataError
		if errors.As(err, &derr) {
			if d, jerr := json.Marshal(derr.ErrorData()); jerr == nil {
				e.Data = json.RawMessage(redactURL(string(d), upstream))
			}
		}
		resp.Error = e
		return resp
	default:
		// A transport failure: its text names the endpoint, so only the operator sees it.
		p.log.Warn("the actions' RPC proxy: a chain call failed", "chain", chain, "method", req.Method, "err", err)
		return fail(-32000, "the node's RPC endpoint for %s did not answer", chain)
	}
}

// client is the proxy's connection to a chain, dialed on first use.
func (p *rpcProxy) client(ctx context.Context, chain, upstream string) (*rpc.Client, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.clients[chain]; ok {
		return c, nil
	}
	c, err := rpc.DialContext(ctx, upstream)
	if err != nil {
		return nil, err
	}
	p.clients[chain] = c
	return c, nil
}

func writeRPC(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// redactURL removes an RPC URL and the parts of it that may be credentials from s.
func redactURL(s, raw string) string {
	u, err := url.Parse(raw)
	secrets := []string{raw}
	if err == nil {
		secrets = append(secrets, u.Host, u.Path, u.RawQuery, u.User.String())
		secrets = append(secrets, strings.Split(u.Path, "/")...)
		for _, vs := range u.Query() {
			secrets = append(secrets, vs...)
		}
	}
	slices.SortFunc(secrets, func(a, b string) int { return len(b) - len(a) }) // longest first
	for _, sec := range secrets {
		if len(sec) >= 6 {
			s = strings.ReplaceAll(s, sec, "[redacted]")
		}
	}
	return s
}

// rpcUpstreams are the chains the proxy serves: the network's chain and the chains setting.
func (c *Config) rpcUpstreams() map[string]string {
	up, _ := ParseChains(c.Chains) // validated at load
	if c.ChainRPC != "" {
		up[c.ChainName] = c.ChainRPC
	}
	return up
}

// startRPCProxy starts the actions' RPC proxy and lets actions' fetch (policy) reach it; nil
// without chains.
func (n *Node) startRPCProxy(policy *fetchPolicy) (*rpcProxy, error) {
	up := n.cfg.rpcUpstreams()
	if len(up) == 0 {
		return nil, nil
	}
	p, err := startRPCProxy(n.log.With("component", "rpc-proxy"), up, n.cfg.ActionRPCCalls)
	if err != nil {
		return nil, err
	}
	policy.allowEndpoint(p.addr)
	n.stops = append(n.stops, p.close)
	return p, nil
}

// proxyURL is getRpcUrl's answer for chain: the proxy's URL under this execution's token.
func (h *actionHost) proxyURL(chain string) (string, bool) {
	p := h.svc.rpcProxy
	if p == nil {
		return "", false
	}
	if _, ok := p.upstream[chain]; !ok {
		return "", false
	}
	h.rpcMu.Lock()
	defer h.rpcMu.Unlock()
	if h.rpcToken == "" {
		h.rpcToken = p.open()
	}
	return p.url(h.rpcToken, chain), true
}

// endRPC ends the execution's proxy session, if it opened one.
func (h *actionHost) endRPC() {
	h.rpcMu.Lock()
	defer h.rpcMu.Unlock()
	if h.rpcToken != "" && h.svc.rpcProxy != nil {
		h.svc.rpcProxy.end(h.rpcToken)
	}
}
