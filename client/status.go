package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/litmesh/litmesh/api"
)

// maxResponse bounds any node response the client reads.
const maxResponse = 16 << 20

// httpClient is shared by every request; per-request deadlines come from contexts.
var httpClient = &http.Client{Timeout: 2 * time.Minute}

// Status fetches a node's GET /web/status.
func Status(ctx context.Context, nodeURL string) (*api.Status, error) {
	var st api.Status
	if err := getJSON(ctx, strings.TrimRight(nodeURL, "/")+"/web/status", &st); err != nil {
		return nil, err
	}
	return &st, nil
}

func getJSON(ctx context.Context, url string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	return do(req, out)
}

// do sends req and decodes a JSON body into out, turning error bodies into *api.Error.
func do(req *http.Request, out any) error {
	resp, err := httpClient.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", req.Method, req.URL, unwrapURLError(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return fmt.Errorf("read response from %s: %w", req.URL, err)
	}
	if len(body) > maxResponse {
		return fmt.Errorf("response from %s over %d bytes", req.URL, maxResponse)
	}
	if resp.StatusCode >= 300 {
		var eb api.ErrorBody
		if json.Unmarshal(body, &eb) == nil && eb.Error != nil {
			return eb.Error
		}
		return fmt.Errorf("%s %s: HTTP %d", req.Method, req.URL, resp.StatusCode)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("decode response from %s: %w", req.URL, err)
	}
	return nil
}

func unwrapURLError(err error) error {
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) {
		if inner := ue.Unwrap(); inner != nil {
			return inner
		}
	}
	return err
}
