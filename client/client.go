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

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/chain"
)

// Client talks to the nodes of one network.
type Client struct {
	Network *NetworkFile

	chainMu sync.Mutex
	chain   *chain.Client

	keyMu         sync.Mutex
	key           *NetworkKey // the last verified network key (NetworkKey), reused for a while
	keyAt         time.Time
	keyRefreshing bool // a background refresh of key is running

	pkp pkpState // the signing view of the network (pkp.go)

	devnetRoots    *attestation.Roots // trust anchors of a devnet's simulated attestation (WithDevnetRoots)
	devnetOnce     sync.Once
	devnetVerifier *attestation.Verifier
	devnetErr      error

	pins       pins // the nodes' attested TLS keys (tls.go)
	pinOnce    sync.Once
	pinnedHTTP *http.Client // credentials go only through this
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
func New(nf *NetworkFile, opts ...Option) *Client {
	c := &Client{Network: nf}
	for _, o := range opts {
		o(c)
	}
	return c
}

// An Option configures a Client.
type Option func(*Client)

// WithDevnetRoots gives the client the trust anchors of a devnet's simulated SEV-SNP
// attestation (attestation/simulated.Roots, built from go-sev-guest's public test keys). A
// network file of mode "devnet" is refused without them; they are an option, not built in, so
// that programs using the client do not link the simulation and its test keys.
func WithDevnetRoots(r attestation.Roots) Option {
	return func(c *Client) { c.devnetRoots = &r }
}

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
