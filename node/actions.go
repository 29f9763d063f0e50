package node

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/runtime"
)

// actionLimits are the per-execution limits from the config; what the config does not set
// keeps the runtime's defaults.
func (c *Config) actionLimits() runtime.Limits {
	return runtime.Limits{
		Timeout:       c.ActionTimeout.Duration,
		MaxHeap:       int64(c.ActionMaxHeapMB) << 20,
		MaxCode:       c.ActionMaxCodeKB << 10,
		MaxResponse:   c.ActionMaxResponseKB << 10,
		MaxFetches:    c.ActionMaxFetches,
		MaxSignatures: c.ActionMaxSignatures,
		MaxContracts:  c.ActionMaxContracts,
		MaxBroadcasts: c.ActionMaxBroadcasts,
		MaxCallDepth:  c.ActionMaxCallDepth,
		MaxFetchTotal: c.ActionMaxFetchMB << 20,
		WorkerMemory:  int64(c.ActionMaxWorkerMB) << 20,
	}
}

// actionSandbox is how the node confines its action workers: required in production unless
// the operator said --insecure-no-sandbox, best effort on a devnet; either way every layer the
// kernel allows is applied, and the data directory and the SEV-SNP guest device are among what
// each worker checks it cannot open.
func (c *Config) actionSandbox() runtime.Sandbox {
	sb := runtime.Sandbox{Mode: runtime.SandboxRequired, UID: uint32(c.ActionSandboxID), GID: uint32(c.ActionSandboxID)}
	if c.Devnet() || c.InsecureNoSandbox {
		sb.Mode = runtime.SandboxBestEffort
	}
	if c.Dir != "" {
		if abs, err := filepath.Abs(c.Dir); err == nil {
			sb.DenyPaths = append(sb.DenyPaths, abs)
		}
	}
	sb.DenyPaths = append(sb.DenyPaths, "/dev/sev-guest")
	return sb
}

// startActions starts the Lit Action runtime: a pool of worker processes (this binary
// re-executed; main must call runtime.RunWorkerIfRequested first), each with a warm V8
// isolate, and the HTTP client actions fetch through.
func (n *Node) startActions(ctx context.Context) error {
	workers := n.cfg.ActionWorkers
	if workers == 0 {
		workers = goruntime.NumCPU()
	}
	lim := n.cfg.actionLimits()
	sandbox := n.cfg.actionSandbox()
	pool, err := runtime.NewPool(ctx,
		runtime.WithWorkers(workers),
		runtime.WithLimits(lim),
		runtime.WithLogger(n.log.With("component", "runtime")),
		runtime.WithSandbox(sandbox),
	)
	if err != nil {
		if sandbox.Mode == runtime.SandboxRequired {
			return fmt.Errorf("start the Lit Action runtime: %w (a production node runs actions only in the full sandbox; see docs/security.md, or accept the risk with --insecure-no-sandbox)", err)
		}
		return fmt.Errorf("start the Lit Action runtime: %w", err)
	}
	report := pool.Sandbox()
	if problem := report.Problem(); problem != nil {
		for _, line := range strings.Split(problem.Error(), "\n") {
			n.log.Error("Lit Action sandbox incomplete: actions run with less isolation than designed", "problem", line)
		}
	}
	n.log.Info("Lit Action workers started", "workers", workers, "sandbox", report.String())
	policy, err := newFetchPolicy(n.cfg.ActionFetchAllow)
	if err != nil {
		pool.Close()
		return fmt.Errorf("action_fetch_allow: %w", err)
	}
	phases := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: "litmesh", Name: "action_phase_seconds",
		Help:    "Where a Lit Action execution's time goes at this node, by phase (docs/performance.md).",
		Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1, 5, 30},
	}, []string{"phase"})
	if n.metrics != nil {
		if err := n.metrics.reg.Register(phases); err != nil {
			pool.Close()
			return fmt.Errorf("register the action metrics: %w", err)
		}
	}
	fetch := newActionHTTPClient(lim.Timeout, policy)
	proxy, err := n.startRPCProxy(policy)
	if err != nil {
		pool.Close()
		return err
	}
	n.stops = append(n.stops, func(context.Context) error {
		err := pool.Close()
		fetch.CloseIdleConnections()
		return err
	})
	d := wireActions(n)
	d.runtime, d.fetch, d.rpcProxy, d.phases = pool, fetch, proxy, phases
	n.actions = newActionService(d)
	return nil
}

// executeInput is a validated /web/execute request.
type executeInput struct {
	code    []byte  // the source, when sent inline
	cid     cid.Cid // the action's CID: given, or computed from inline code
	inline  bool
	params  json.RawMessage
	authSig json.RawMessage
	nodeSet []api.NodeSetEntry
}

// maxExecuteParams bounds jsParams; the runtime enforces the same default.
const maxExecuteParams = 4 << 20

// executeBodyLimit is the largest /web/execute body: the code base64-encoded, the params and
// room for the authSig and node set.
func executeBodyLimit(maxCode int) int64 {
	return int64(base64.StdEncoding.EncodedLen(maxCode)) + maxExecuteParams + 256<<10
}

// parseExecuteRequest validates a decoded /web/execute body. Inline code gets the CID that
// `ipfs add` would give it, so permissions can name it. Errors are *api.Error naming the field.
func parseExecuteRequest(req *api.ExecuteRequest, maxCode int) (executeInput, error) {
	var in executeInput
	switch {
	case req.Code != "" && req.IPFSID != "":
		return in, api.Errorf(api.KindBadRequest, "give either code or ipfsId, not both")
	case req.Code == "" && req.IPFSID == "":
		return in, api.Errorf(api.KindBadRequest, "missing the action: give code (base64 JavaScript) or ipfsId (a CID)")
	case req.Code != "":
		if base64.StdEncoding.DecodedLen(len(req.Code)) > maxCode+2 {
			return in, api.Errorf(api.KindTooLarge, "code: over the %d-byte limit", maxCode)
		}
		code, err := base64.StdEncoding.DecodeString(req.Code)
		if err != nil {
			return in, api.Errorf(api.KindBadRequest, "code: not base64 (Lit sends the source base64-encoded): %v", err)
		}
		if len(code) > maxCode {
			return in, api.Errorf(api.KindTooLarge, "code: %d bytes, over the %d-byte limit", len(code), maxCode)
		}
		if !utf8.Valid(code) {
			return in, api.Errorf(api.KindBadRequest, "code: the decoded source is not UTF-8 text")
		}
		c, err := ipfs.CIDOf(bytes.NewReader(code))
		if err != nil {
			return in, fmt.Errorf("compute the CID of inline code: %w", err)
		}
		in.code, in.cid, in.inline = code, c, true
	default:
		c, err := ipfs.ParseCID(req.IPFSID)
		if err != nil {
			return in, api.Errorf(api.KindBadRequest, "ipfsId: %v", err)
		}
		in.cid = c
	}
	if p := bytes.TrimSpace(req.JSParams); len(p) > 0 && !bytes.Equal(p, []byte("null")) {
		if len(p) > maxExecuteParams {
			return in, api.Errorf(api.KindTooLarge, "jsParams: %d bytes, over the %d-byte limit", len(p), maxExecuteParams)
		}
		if p[0] != '{' || !json.Valid(p) {
			return in, api.Errorf(api.KindBadRequest, "jsParams: want a JSON object")
		}
		in.params = p
	}
	if len(req.NodeSet) > api.MaxNodeSet {
		return in, api.Errorf(api.KindBadRequest, "nodeSet: %d entries, over the limit of %d", len(req.NodeSet), api.MaxNodeSet)
	}
	for i, e := range req.NodeSet {
		if e.SocketAddress == "" || len(e.SocketAddress) > 512 {
			return in, api.Errorf(api.KindBadRequest, "nodeSet[%d].socketAddress: want a node address of at most 512 bytes", i)
		}
	}
	in.nodeSet = req.NodeSet
	in.authSig = req.AuthSig
	return in, nil
}

// handleExecute is POST /web/execute: fetch the action (inline or by CID through IPFS), run it
// in the runtime with this request's auth, and answer in Lit's shape.
//
//nolint:funlen // the execute handler's steps in order (node/action*.go is being reworked for performance)
func (s *actionService) handleExecute(w http.ResponseWriter, r *http.Request) {
	t := time.Now()
	lim := s.cfg.limits
	// Finding the code and running it may together take longer than the server's write
	// timeout; this response is allowed both deadlines and some slack.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.ipfsTimeout + lim.Timeout + 30*time.Second))

	// The body (up to ~25 MiB of code) is read a few at a time, and the authSig in it checked
	// before the rest is decoded, base64-decoded and hashed: an unauthenticated flood costs
	// reading bytes, not the work behind them.
	body, err := s.readBody(w, r, executeBodyLimit(lim.MaxCode))
	if err != nil {
		writeError(w, err)
		return
	}
	rawAuth, err := authSigOf(body)
	if err != nil {
		writeError(w, err)
		return
	}
	if err := s.precheckAuth(rawAuth, access.AbilityExecution); err != nil {
		writeError(w, err)
		return
	}
	var req api.ExecuteRequest
	if err := decodeJSONBytes(body, &req); err != nil {
		writeError(w, err)
		return
	}
	in, err := parseExecuteRequest(&req, lim.MaxCode)
	if err != nil {
		writeError(w, err)
		return
	}
	auth, err := s.authenticate(r.Context(), in.authSig, access.ExecutionRequest(in.cid.String()))
	if err != nil {
		writeError(w, err)
		return
	}
	if err := s.allowAddress(auth.Address); err != nil {
		writeError(w, err)
		return
	}
	s.phase("auth", &t)
	code := in.code
	if !in.inline {
		if code, err = s.fetchCode(r.Context(), in.cid); err != nil {
			writeError(w, err)
			return
		}
	}
	s.phase("code", &t)
	execID, err := executionID(r, in, auth.Address)
	if err != nil {
		writeError(w, err)
		return
	}
	exec := s.newActionExec(execID, in, auth.Address)
	defer exec.close()
	host := &actionHost{svc: s, ipfsID: in.cid.String(), inline: in.inline, auth: auth, nodeSet: in.nodeSet, execID: execID, exec: exec,
		litSDK: isLitExecution(r.Context()), started: time.Now()}
	defer host.endRPC()
	rauth := runtime.Auth{AuthSigAddress: auth.Address.Hex(), Resources: auth.Message.Resources}
	if auth.PKP != nil {
		// A PKP session: the action sees the auth methods the nodes verified when they signed
		// its capability (Lit.Auth.authMethodContexts), as Lit's nodes show them.
		if rauth.AuthMethodContexts, err = authMethodContextsJSON(auth.PKP.AuthContext.AuthMethodContexts); err != nil {
			writeError(w, err)
			return
		}
	}
	res, err := s.runtime.Execute(r.Context(), runtime.Request{
		Code:     string(code),
		IPFSID:   in.cid.String(),
		JSParams: in.params,
		Auth:     rauth,
		Headers:  actionHeaders(r.Header),
		// A worker serves one requester: the address that signed the request.
		Requester: strings.ToLower(auth.Address.Hex()),
	}, host)
	s.phase("run", &t)
	if err != nil {
		status, body := executeFailure(res, err)
		writeJSON(w, status, body)
		return
	}
	sigs := res.Signatures
	if sigs == nil {
		sigs = map[string]json.RawMessage{}
	}
	claims := res.Claims
	if claims == nil {
		claims = map[string]json.RawMessage{}
	}
	writeJSON(w, http.StatusOK, api.ExecuteResponse{
		Success:       true,
		SignedData:    sigs,
		DecryptedData: map[string]json.RawMessage{},
		ClaimData:     claims,
		Response:      res.Response,
		Logs:          res.Logs,
	})
	s.phase("answer", &t)
}

// hiddenHeaders are request headers an action does not see in Lit.Headers: credentials, which
// a proxy in front of the node may add.
var hiddenHeaders = map[string]bool{"Authorization": true, "Cookie": true, "Proxy-Authorization": true}

// actionHeaders are the request's headers for Lit.Headers, as Lit passes them (repeated ones
// joined with ", "), without credentials.
func actionHeaders(h http.Header) [][2]string {
	out := make([][2]string, 0, len(h))
	for k, vs := range h {
		if hiddenHeaders[http.CanonicalHeaderKey(k)] {
			continue
		}
		out = append(out, [2]string{strings.ToLower(k), strings.Join(vs, ", ")})
	}
	slices.SortFunc(out, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	return out
}

// executeFailure maps a failed execution to its HTTP answer: the action's own failures are 400
// as on Lit, a worker crash 500, a runtime shutting down (or a client gone) 503. The body keeps
// Lit's shape, with the runtime's error kind and the logs written before the failure.
func executeFailure(res runtime.Result, err error) (int, api.ExecuteResponse) {
	var re *runtime.Error
	if !errors.As(err, &re) {
		re = &runtime.Error{Kind: runtime.KindCrashed, Message: "the runtime failed"}
	}
	status := http.StatusBadRequest
	switch re.Kind {
	case runtime.KindCrashed:
		status = http.StatusInternalServerError
	case runtime.KindUnavailable, runtime.KindCanceled:
		status = http.StatusServiceUnavailable
	}
	return status, api.ExecuteResponse{
		SignedData:    map[string]json.RawMessage{},
		DecryptedData: map[string]json.RawMessage{},
		ClaimData:     map[string]json.RawMessage{},
		Logs:          res.Logs,
		Error:         &api.ActionError{Kind: string(re.Kind), Message: re.Message},
	}
}

// actionCodeError says why an action's code could not be had by its CID.
func actionCodeError(c cid.Cid, err error) error {
	switch {
	case errors.Is(err, ipfs.ErrNotFound):
		return api.Errorf(api.KindTimeout, "ipfsId %s: CID not found within the deadline: %v", c, err)
	case errors.Is(err, ipfs.ErrTooLarge):
		return api.Errorf(api.KindTooLarge, "ipfsId %s: the action is over the code size limit: %v", c, err)
	case errors.Is(err, context.Canceled):
		return api.Errorf(api.KindUnavailable, "ipfsId %s: request canceled", c)
	}
	return ipfsError(err)
}

// conditionSubject is who an action's checkConditions (and decryption) evaluates for: the
// wallet authSig the action passed (it must expire, as for a decryption), or the request's own;
// action is the CID of the action checking (for :currentActionIpfsId).
func (h *actionHost) conditionSubject(ctx context.Context, raw json.RawMessage, action string) (access.Subject, error) {
	var s access.Subject
	switch {
	case len(bytes.TrimSpace(raw)) > 0 && string(bytes.TrimSpace(raw)) != "null":
		sig, err := parseAuth(raw)
		if err != nil {
			return s, err
		}
		a, err := h.svc.authenticatePlain(ctx, sig)
		if err != nil {
			return s, err
		}
		s = a.Subject()
	case h.auth != nil:
		s = h.auth.Subject()
	default:
		s.Address = h.user
	}
	s.CurrentActionIPFSID = action
	if action == "" {
		s.CurrentActionIPFSID = h.ipfsID
	}
	return s, nil
}

// maxRequestID bounds the X-Request-Id header.
const maxRequestID = 128

// executionID names an execution identically at every node that received it: the client's
// X-Request-Id header (Lit's clients send one; ours always does), or, without one, a digest of
// the request and its authenticated requester (not its authSig: with session signatures each
// node is sent its own). The signer set's nodes match each signEcdsa by this id plus its sigName, so two
// identical executions without an id share one and the second's signatures are refused as
// replays — clients should send the header.
func executionID(r *http.Request, in executeInput, requester common.Address) (string, error) {
	if id := r.Header.Get("X-Request-Id"); id != "" {
		if len(id) > maxRequestID {
			return "", api.Errorf(api.KindBadRequest, "X-Request-Id: over %d bytes", maxRequestID)
		}
		for i := 0; i < len(id); i++ {
			if id[i] < 0x21 || id[i] > 0x7e {
				return "", api.Errorf(api.KindBadRequest, "X-Request-Id: only printable ASCII without spaces")
			}
		}
		return id, nil
	}
	h := sha256.New()
	for _, part := range [][]byte{[]byte(in.cid.String()), in.params, requester.Bytes()} {
		h.Write(binary.BigEndian.AppendUint32(nil, uint32(len(part))))
		h.Write(part)
	}
	return "digest-" + hex.EncodeToString(h.Sum(nil)[:16]), nil
}
