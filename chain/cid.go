package chain

import (
	"fmt"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// maxCIDLength mirrors PKPPermissions.MAX_CID_LENGTH.
const maxCIDLength = 128

// CanonicalCID parses a CID string and returns the binary form PKPPermissions stores and the
// nodes look up: CIDv0 (the bare 34-byte multihash) whenever the content is dag-pb hashed
// with sha2-256 — what `ipfs add` prints by default and Lit Action CIDs are — and the CIDv1
// bytes otherwise. The same action therefore has one key whichever form the user typed.
func CanonicalCID(s string) ([]byte, error) {
	c, err := cid.Decode(s)
	if err != nil {
		return nil, fmt.Errorf("parse cid %q: %w", s, err)
	}
	return canonical(c)
}

// CanonicalCIDBytes is CanonicalCID for a CID already in binary form.
func CanonicalCIDBytes(b []byte) ([]byte, error) {
	c, err := cid.Cast(b)
	if err != nil {
		return nil, fmt.Errorf("parse binary cid: %w", err)
	}
	return canonical(c)
}

// CIDString renders a stored binary CID for people (base58 for v0, base32 for v1).
func CIDString(b []byte) (string, error) {
	c, err := cid.Cast(b)
	if err != nil {
		return "", fmt.Errorf("parse binary cid: %w", err)
	}
	return c.String(), nil
}

func canonical(c cid.Cid) ([]byte, error) {
	if c.Version() == 1 && c.Type() == cid.DagProtobuf {
		if d, err := mh.Decode(c.Hash()); err == nil && d.Code == mh.SHA2_256 && d.Length == 32 {
			c = cid.NewCidV0(c.Hash())
		}
	}
	b := c.Bytes()
	if len(b) > maxCIDLength {
		return nil, fmt.Errorf("cid %s is %d bytes, over the %d the contract accepts", c, len(b), maxCIDLength)
	}
	return b, nil
}
