package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/litmesh/litmesh/chain"
)

// Client talks to the nodes of one network.
type Client struct {
	Network *NetworkFile

	chainMu sync.Mutex
	chain   *chain.Client

	keyMu sync.Mutex
	key   *NetworkKey // the last verified network key (NetworkKey), reused for a while
	keyAt time.Time

	pkp pkpState // the signing view of the network (pkp.go)
}

// Close releases the client's chain connection, if it made one.
func (c *Client) Close() {
	c.chainMu.Lock()
	defer c.chainMu.Unlock()
	if c.chain != nil {
		c.chain.Close()
		c.chain = nil
	}
}

// New returns a client for the network nf describes.
func New(nf *NetworkFile) *Client { return &Client{Network: nf} }

// postJSON sends body as JSON to a node route and decodes the answer into out.
func postJSON(ctx context.Context, nodeURL, route string, body, out any) error {
	raw, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("encode request: %w", err)
	}
	return post(ctx, nodeURL, route, "application/json", raw, out)
}

func post(ctx context.Context, nodeURL, route, contentType string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(nodeURL, "/")+route, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	return do(req, out)
}

// postIdempotentJSON is postJSON for requests that are safe to send twice (a handshake, a
// share request). Marking them idempotent lets the HTTP transport retry one on a fresh
// connection when a pooled connection turns out dead — a node that restarted or stopped since
// the last request — so the caller sees the real outcome (an answer, or "connection refused")
// instead of a bare EOF.
func postIdempotentJSON(ctx context.Context, nodeURL, route string, body, out any) error {
	raw, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("encode request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(nodeURL, "/")+route, bytes.NewReader(raw))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header["Idempotency-Key"] = nil // marks the request replayable without sending the header
	return do(req, out)
}
