package client

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/litmesh/litmesh/api"
)

// PinResult is what one node said about pinning a file.
type PinResult struct {
	URL   string `json:"url"`
	Error string `json:"error,omitempty"`
}

// PinAction stores data (a Lit Action, or any file up to api.MaxActionCode bytes) on the first
// node that accepts it, then asks every node to pin its CID; the others fetch it from their
// peers over bitswap. It returns the CID and each node's answer; the error is non-nil if any
// node failed to pin.
func (c *Client) PinAction(ctx context.Context, data []byte) (string, []PinResult, error) {
	if len(data) > api.MaxActionCode {
		return "", nil, fmt.Errorf("file is %d bytes, over the %d-byte limit", len(data), api.MaxActionCode)
	}
	var cid string
	var addErrs []error
	for _, n := range c.Network.Nodes {
		var resp api.IPFSAddResponse
		if err := post(ctx, n.URL, "/web/ipfs/add", "application/octet-stream", data, &resp); err != nil {
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
			if err := postJSON(ctx, n.URL, "/web/ipfs/pin", api.IPFSPinRequest{CID: cid}, &resp); err != nil {
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
