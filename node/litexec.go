package node

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// executeJs for Lit's JS SDK (docs/lit-sdk.md, "executeJs"): POST /web/execute/v1 runs
// litmesh's own execute handler — the same checks, the same runtime, the same signing from
// actions under the signer agreement — and reshapes its answer: every signature share becomes
// Lit's signedData entry with the share in additive form (λ_i·s_i over the share's signer set,
// which the SDK adds up, and R'), and every error Lit's error body. The SDK names no node set,
// so the execution runs on every node of the epoch (the handler's default); its signer sets
// have at least T members (isLitExecution), since the SDK refuses fewer than minNodeCount
// shares and 2t+1 < T when T is even.

// litExecution marks the context of a request that came through Lit's route.
type litExecution struct{}

// isLitExecution reports whether ctx is that of a request to /web/execute/v1.
func isLitExecution(ctx context.Context) bool {
	v, _ := ctx.Value(litExecution{}).(bool)
	return v
}

// litFailure is an error answer already in Lit's shape, with its HTTP status.
type litFailure struct {
	status int
	body   api.LitError
}

func (f *litFailure) Error() string { return f.body.ErrorCode + ": " + f.body.Message }

// litCapture buffers what a litmesh handler writes, for the Lit route to reshape. Unwrap gives
// http.ResponseController the real writer, so the handler's write deadline still applies.
type litCapture struct {
	w      http.ResponseWriter
	header http.Header
	status int
	body   bytes.Buffer
}

func (c *litCapture) Header() http.Header { return c.header }

func (c *litCapture) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
	}
}

func (c *litCapture) Write(b []byte) (int, error) {
	c.WriteHeader(http.StatusOK)
	return c.body.Write(b)
}

func (c *litCapture) Unwrap() http.ResponseWriter { return c.w }

// onceReader hands a body to a handler and lets go of it once read.
type onceReader struct{ b []byte }

func (o *onceReader) Read(p []byte) (int, error) {
	if len(o.b) == 0 {
		o.b = nil
		return 0, io.EOF
	}
	n := copy(p, o.b)
	o.b = o.b[n:]
	return n, nil
}

func (o *onceReader) Close() error { o.b = nil; return nil }

// litExecute is POST /web/execute/v1.
func (l *litAPI) litExecute(w http.ResponseWriter, r *http.Request) (any, error) {
	body, err := l.readBody(w, r, executeBodyLimit(l.maxCode))
	if err != nil {
		return nil, err
	}
	// One pass over the body picks out what this route checks; the authSig is checked as far
	// as it can be without the rest first, as litmesh's route does.
	var peek struct {
		AuthSig json.RawMessage `json:"authSig"`
		Epoch   uint64          `json:"epoch"`
	}
	if err := json.Unmarshal(body, &peek); err != nil {
		return nil, api.Errorf(api.KindBadRequest, "malformed JSON: %v", err)
	}
	if err := l.precheckAuth(peek.AuthSig, access.AbilityExecution); err != nil {
		return nil, err
	}
	if err := l.litEpoch(peek.Epoch); err != nil {
		return nil, err
	}
	r = r.WithContext(context.WithValue(r.Context(), litExecution{}, true))
	r.Body, r.ContentLength = &onceReader{b: body}, int64(len(body))
	c := &litCapture{w: w, header: http.Header{}}
	l.execute(c, r)
	if v := c.header.Get("Retry-After"); v != "" {
		w.Header().Set("Retry-After", v)
	}
	return l.litExecuteAnswer(c.status, c.body.Bytes(), litRequestID(r))
}

// litExecuteAnswer reshapes litmesh's execute answer (status, body) into Lit's.
func (l *litAPI) litExecuteAnswer(status int, body []byte, requestID string) (*api.LitExecuteResponse, error) {
	if status != http.StatusOK {
		return nil, litExecuteError(status, body, requestID)
	}
	var res api.ExecuteResponse
	if err := json.Unmarshal(body, &res); err != nil {
		l.log.Error("decode the execute handler's answer", "error", err)
		return nil, api.Errorf(api.KindInternal, "internal error")
	}
	out := &api.LitExecuteResponse{
		Success:       res.Success,
		SignedData:    map[string]api.LitSignedData{},
		DecryptedData: res.DecryptedData,
		ClaimData:     res.ClaimData,
		Response:      res.Response,
		Logs:          res.Logs,
	}
	if out.DecryptedData == nil {
		out.DecryptedData = map[string]json.RawMessage{}
	}
	if out.ClaimData == nil {
		out.ClaimData = map[string]json.RawMessage{}
	}
	for name, raw := range res.SignedData {
		sd, ok, err := litSignedData(name, raw)
		if err != nil {
			l.log.Error("shape a signature share for Lit's SDK", "sig_name", name, "error", err)
			return nil, api.Errorf(api.KindInternal, "signedData[%s]: could not shape the signature share", clip(name))
		}
		if ok {
			out.SignedData[name] = sd
		}
	}
	return out, nil
}

// litSignedData is one share of an execution (litmesh's api.PKPSignShare) as Lit's signedData
// entry; ok is false for an empty entry (this node made no share for the name).
func litSignedData(name string, raw json.RawMessage) (sd api.LitSignedData, ok bool, err error) {
	if t := bytes.TrimSpace(raw); len(t) == 0 || string(t) == "null" {
		return sd, false, nil
	}
	var sh api.PKPSignShare
	if err := json.Unmarshal(raw, &sh); err != nil {
		return sd, false, err
	}
	if sh.SignatureShare == "" {
		return sd, false, nil
	}
	pubRaw, err := hex.DecodeString(sh.Presignature)
	if err != nil {
		return sd, false, err
	}
	pub, err := ecdsa.UnmarshalPublicPresignature(pubRaw)
	if err != nil {
		return sd, false, err
	}
	shRaw, err := hex.DecodeString(sh.SignatureShare)
	if err != nil {
		return sd, false, err
	}
	share, err := ecdsa.UnmarshalSignatureShare(shRaw)
	if err != nil {
		return sd, false, err
	}
	s, err := ecdsa.Weighted(pub, share)
	if err != nil {
		return sd, false, err
	}
	if sh.BigR == "" {
		return sd, false, errors.New("the share carries no nonce point")
	}
	return api.LitSignedData{
		SigType:        api.LitSigTypeK256,
		DataSigned:     strings.TrimPrefix(sh.DataSigned, "0x"),
		SignatureShare: hex.EncodeToString(s[:]),
		ShareIndex:     share.Index,
		BigR:           sh.BigR,
		PublicKey:      strings.TrimPrefix(sh.PublicKey, "0x"),
		SigName:        name,
	}, true, nil
}

// litExecuteError turns a failed execution's answer into Lit's error body: the action's own
// failures (Lit's NodeJsExecutionError, NodeJsTimeoutError, NodeJsMemoryLimitError) with the
// logs it wrote, and the node's refusals as on Lit's other routes.
func litExecuteError(status int, body []byte, requestID string) error {
	var failed struct {
		Success *bool            `json:"success"`
		Logs    string           `json:"logs"`
		Error   *api.ActionError `json:"error"`
	}
	if json.Unmarshal(body, &failed) == nil && failed.Success != nil && failed.Error != nil {
		code := "NodeJsExecutionError"
		switch failed.Error.Kind {
		case api.ActionTimeout:
			code = "NodeJsTimeoutError"
		case api.ActionMemory:
			code = "NodeJsMemoryLimitError"
		}
		details := []string{"kind: " + failed.Error.Kind}
		if failed.Logs != "" {
			logs := failed.Logs
			if len(logs) > 4<<10 {
				logs = logs[len(logs)-4<<10:] // the end, where the failure is
			}
			details = append(details, "logs: "+logs)
		}
		return &litFailure{status: status, body: api.LitError{
			ErrorKind: "Validation", ErrorCode: code, Status: status,
			Message: failed.Error.Message, CorrelationID: requestID, Details: details,
		}}
	}
	var eb api.ErrorBody
	if json.Unmarshal(body, &eb) == nil && eb.Error != nil {
		return eb.Error
	}
	return api.Errorf(api.KindInternal, "internal error")
}
