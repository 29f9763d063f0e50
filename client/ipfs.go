package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
)

// PinResult is what one node said about pinning a file.
type PinResult struct {
	URL   string `json:"url"`
	Error string `json:"error,omitempty"`
}

// PinAction stores data (a Lit Action, or any file up to api.MaxActionCode bytes) on the first
// node that accepts it, then asks every node to pin its CID; the others fetch it from their
// peers over bitswap. Nodes keep it for authSig's address, within that address's quota on each
// node. It returns the CID and each node's answer; the error is non-nil if any node failed to
// pin.
func (c *Client) PinAction(ctx context.Context, data []byte, authSig *access.AuthSig) (string, []PinResult, error) {
	if authSig == nil {
		return "", nil, errors.New("pin: no authSig (nodes keep files for an authenticated address)")
	}
	rawAuth, err := json.Marshal(authSig)
	if err != nil {
		return "", nil, fmt.Errorf("encode authSig: %w", err)
	}
	if len(data) > api.MaxActionCode {
		return "", nil, fmt.Errorf("file is %d bytes, over the %d-byte limit", len(data), api.MaxActionCode)
	}
	var cid string
	var addErrs []error
	for _, n := range c.Network.Nodes {
		var resp api.IPFSAddResponse
		if err := postWithAuth(ctx, n.URL, "/web/ipfs/add", "application/octet-stream", data, rawAuth, &resp); err != nil {
			addErrs = append(addErrs, fmt.Errorf("%s: %w", n.URL, err))
			continue
		}
		cid = resp.CID
		break
	}
	if cid == "" {
		return "", nil, fmt.Errorf("no node stored the file: %w", errors.Join(addErrs...))
	}
	results := make([]PinResult, len(c.Network.Nodes))
	var wg sync.WaitGroup
	for i, n := range c.Network.Nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i].URL = n.URL
			var resp api.IPFSPinResponse
			if err := postJSON(ctx, n.URL, "/web/ipfs/pin", api.IPFSPinRequest{CID: cid, AuthSig: rawAuth}, &resp); err != nil {
				results[i].Error = err.Error()
			}
		}()
	}
	wg.Wait()
	failed := 0
	for _, r := range results {
		if r.Error != "" {
			failed++
		}
	}
	if failed > 0 {
		return cid, results, fmt.Errorf("%d of %d nodes could not pin %s", failed, len(results), cid)
	}
	return cid, results, nil
}

// postWithAuth is post with the authSig in the Authorization header (api.AuthSigScheme), for
// routes whose body is not JSON.
func postWithAuth(ctx context.Context, nodeURL, route, contentType string, body, authSig []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(nodeURL, "/")+route, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", api.AuthSigScheme+" "+base64.StdEncoding.EncodeToString(authSig))
	return do(req, out)
}
