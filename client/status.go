package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/litmesh/litmesh/api"
)

// maxResponse bounds any node response the client reads.
const maxResponse = 16 << 20

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

// do sends req through the unverified transport (nothing secret in it) and decodes a JSON
// body into out, turning error bodies into *api.Error.
func do(req *http.Request, out any) error {
	resp, err := plainHTTP.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", req.Method, req.URL, unwrapURLError(err))
	}
	defer resp.Body.Close()
	return decodeBody(req, resp, out)
}

// decodeBody decodes a JSON response into out, turning error bodies into *api.Error.
func decodeBody(req *http.Request, resp *http.Response, out any) error {
	body, err := readBody(req, resp)
	if err != nil {
		return err
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
