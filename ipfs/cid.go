package ipfs

import (
	"fmt"
	"io"
	"strings"

	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/blockstore"
	chunker "github.com/ipfs/boxo/chunker"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs/importer/balanced"
	"github.com/ipfs/boxo/ipld/unixfs/importer/helpers"
	"github.com/ipfs/boxo/verifcid"
	"github.com/ipfs/go-cid"
	"github.com/ipfs/go-datastore"
	ipld "github.com/ipfs/go-ipld-format"
	mh "github.com/multiformats/go-multihash"
)

// kubo's `ipfs add` defaults (Import.* unset): CIDv0, sha2-256, fixed 256 KiB chunks,
// balanced layout, 174 links per node, dag-pb leaves. They are written out here rather than
// taken from boxo's package globals (helpers.DefaultLinksPerBlock, chunker.DefaultBlockSize),
// which any importer in the process may change.
const (
	chunkSize = 256 << 10
	maxLinks  = 174
)

var v0Prefix = cid.Prefix{Version: 0, Codec: cid.DagProtobuf, MhType: mh.SHA2_256, MhLength: -1}

// maxCIDText bounds ParseCID's input: the longest CID we accept (sha2-512, base32) is far
// shorter, and a bound keeps the decoder's work small whatever a client sends.
const maxCIDText = 256

// importFile builds the UnixFS file DAG for r with kubo's defaults, adding every node to ds.
func importFile(ds ipld.DAGService, r io.Reader) (ipld.Node, error) {
	params := helpers.DagBuilderParams{
		Dagserv:    ds,
		Maxlinks:   maxLinks,
		RawLeaves:  false,
		CidBuilder: v0Prefix,
	}
	db, err := params.New(chunker.NewSizeSplitter(r, chunkSize))
	if err != nil {
		return nil, err
	}
	return balanced.Layout(db)
}

// hashOnly is a DAG service that keeps nothing: importing into it only computes CIDs.
var hashOnly = merkledag.NewDAGService(blockservice.New(
	blockstore.NewBlockstore(datastore.NewNullDatastore(), blockstore.NoPrefix()), nil))

// CIDOf returns the CID `ipfs add -Q` (kubo defaults) prints for the content of r, storing
// nothing. It reads r to the end; bounding r is the caller's business.
func CIDOf(r io.Reader) (cid.Cid, error) {
	nd, err := importFile(hashOnly, r)
	if err != nil {
		return cid.Undef, fmt.Errorf("compute CID: %w", err)
	}
	return nd.Cid(), nil
}

// Check reports whether the content of r is what c names: a CIDv0 is recomputed as kubo's
// `ipfs add` would, a raw-codec CID is the hash of the bytes. Other CIDs cannot be checked
// without knowing how they were built, and are refused. A mismatch is ErrHashMismatch.
func Check(c cid.Cid, r io.Reader) error {
	switch {
	case c.Version() == 0:
		got, err := CIDOf(r)
		if err != nil {
			return err
		}
		if !got.Equals(c) {
			return fmt.Errorf("content is %s, not %s: %w", got, c, ErrHashMismatch)
		}
		return nil
	case c.Prefix().Codec == cid.Raw:
		data, err := io.ReadAll(io.LimitReader(r, int64(chunker.BlockSizeLimit)+1))
		if err != nil {
			return fmt.Errorf("read content: %w", err)
		}
		if len(data) > chunker.BlockSizeLimit {
			return fmt.Errorf("raw block over %d bytes: %w", chunker.BlockSizeLimit, ErrTooLarge)
		}
		return verifyBlock(c, data)
	default:
		return fmt.Errorf("%s: only CIDv0 (kubo add defaults) and raw CIDs can be checked against content: %w", c, ErrInvalidCID)
	}
}

// verifyBlock re-hashes data with c's own prefix and compares.
func verifyBlock(c cid.Cid, data []byte) error {
	got, err := c.Prefix().Sum(data)
	if err != nil {
		return fmt.Errorf("hash block for %s: %w", c, err)
	}
	if !got.Equals(c) {
		return fmt.Errorf("block for %s hashes to %s: %w", c, got, ErrHashMismatch)
	}
	return nil
}

// ParseCID parses a CID as users and access-control conditions write it: "Qm…", "bafy…",
// "/ipfs/Qm…" or "ipfs://Qm…". Only dag-pb and raw CIDs with a secure hash are accepted —
// the only kinds a UnixFS file is made of.
func ParseCID(s string) (cid.Cid, error) {
	if len(s) > maxCIDText {
		return cid.Undef, fmt.Errorf("%d characters, at most %d: %w", len(s), maxCIDText, ErrInvalidCID)
	}
	s = strings.TrimSpace(s)
	for _, prefix := range []string{"ipfs://", "/ipfs/"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			s = rest
			break
		}
	}
	if s == "" {
		return cid.Undef, fmt.Errorf("empty: %w", ErrInvalidCID)
	}
	if strings.ContainsAny(s, "/?#") {
		return cid.Undef, fmt.Errorf("%q: paths are not supported, give the file's own CID: %w", s, ErrInvalidCID)
	}
	c, err := cid.Decode(s)
	if err != nil {
		return cid.Undef, fmt.Errorf("%q: %w: %w", s, ErrInvalidCID, err)
	}
	if err := checkCID(c); err != nil {
		return cid.Undef, err
	}
	return c, nil
}

// checkCID refuses CIDs we cannot read as a file or whose hash we do not trust.
func checkCID(c cid.Cid) error {
	if !c.Defined() {
		return fmt.Errorf("undefined CID: %w", ErrInvalidCID)
	}
	if codec := c.Prefix().Codec; codec != cid.DagProtobuf && codec != cid.Raw {
		return fmt.Errorf("%s: codec 0x%x, want dag-pb or raw: %w", c, codec, ErrInvalidCID)
	}
	if err := verifcid.ValidateCid(verifcid.DefaultAllowlist, c); err != nil {
		return fmt.Errorf("%s: %w: %w", c, ErrInvalidCID, err)
	}
	return nil
}
