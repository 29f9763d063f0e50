package ipfs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	chunker "github.com/ipfs/boxo/chunker"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
)

// rawBlockType is the trustless-gateway media type of a single raw block.
const rawBlockType = "application/vnd.ipld.raw"

// maxBlockSize is the largest block accepted from a gateway: the bitswap spec's limit, which
// every block a UnixFS importer writes is under.
var maxBlockSize = chunker.BlockSizeLimit

// errGatewayMissing marks a definite "do not have" (404/410) from a gateway.
var errGatewayMissing = errors.New("gateway does not have the block")

// parseGateway checks a gateway base URL ("https://ipfs.io", "http://127.0.0.1:8080").
func parseGateway(raw string) (string, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil {
		return "", fmt.Errorf("parse gateway URL %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("gateway URL %q: scheme must be http or https", raw)
	}
	if u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("gateway URL %q: want scheme://host[:port][/path] without query, fragment or credentials", raw)
	}
	return u.String(), nil
}

// fetchGatewayBlock asks one trustless gateway for the raw block c and verifies it.
func fetchGatewayBlock(ctx context.Context, client *http.Client, base string, c cid.Cid) (blocks.Block, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/ipfs/"+c.String()+"?format=raw", nil)
	if err != nil {
		return nil, fmt.Errorf("gateway %s: build request: %w", base, err)
	}
	req.Header.Set("Accept", rawBlockType)
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("gateway %s: %w", base, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, fmt.Errorf("gateway %s: %s: %w", base, c, errGatewayMissing)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("gateway %s: %s: status %d", base, c, resp.StatusCode)
	}
	blk, err := decodeRawBlock(c, resp.Header.Get("Content-Type"), resp.Body)
	if err != nil {
		return nil, fmt.Errorf("gateway %s: %w", base, err)
	}
	return blk, nil
}

// decodeRawBlock reads a gateway's answer for c: it must be one raw block of at most
// maxBlockSize bytes that hashes to c. Nothing else in the body is trusted.
func decodeRawBlock(c cid.Cid, contentType string, body io.Reader) (blocks.Block, error) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt != rawBlockType {
		return nil, fmt.Errorf("%s: content type %q, want %s", c, contentType, rawBlockType)
	}
	data, err := io.ReadAll(io.LimitReader(body, int64(maxBlockSize)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read block: %w", c, err)
	}
	if len(data) > maxBlockSize {
		return nil, fmt.Errorf("%s: block over %d bytes: %w", c, maxBlockSize, ErrTooLarge)
	}
	if err := verifyBlock(c, data); err != nil {
		return nil, err
	}
	return blocks.NewBlockWithCid(data, c)
}
