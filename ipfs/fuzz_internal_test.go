package ipfs

import (
	"bytes"
	"errors"
	"testing"

	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// FuzzDecodeRawBlock feeds arbitrary gateway answers for a fixed CID: anything accepted
// must be exactly the block the CID names.
func FuzzDecodeRawBlock(f *testing.F) {
	good := []byte("a block a gateway might send")
	nd := merkledag.NodeWithData(unixfs.FilePBData(good, uint64(len(good))))
	c := nd.Cid()
	f.Add(nd.RawData(), rawBlockType)
	f.Add(nd.RawData(), rawBlockType+"; charset=binary")
	f.Add(nd.RawData(), "text/html")
	f.Add([]byte("tampered"), rawBlockType)
	f.Add([]byte{}, "")
	f.Add(bytes.Repeat([]byte{0}, 64), "application/vnd.ipld.car")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		blk, err := decodeRawBlock(c, contentType, bytes.NewReader(body))
		if err != nil {
			return
		}
		if !bytes.Equal(blk.RawData(), nd.RawData()) || !blk.Cid().Equals(c) {
			t.Fatalf("accepted %d bytes that are not the block %s", len(body), c)
		}
	})
}

func TestDecodeRawBlockRefusesOversizedBodies(t *testing.T) {
	big := bytes.Repeat([]byte{1}, maxBlockSize+1)
	c, err := cid.V1Builder{Codec: cid.Raw, MhType: mh.SHA2_256}.Sum(big)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeRawBlock(c, rawBlockType, bytes.NewReader(big)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("decodeRawBlock of %d bytes = %v, want ErrTooLarge", len(big), err)
	}
}

// FuzzFileSize decodes arbitrary bytes as a root block the way Cat does (dag-pb, then
// UnixFS): errors are fine, panics are not, and a size is only ever given for a file.
func FuzzFileSize(f *testing.F) {
	file := merkledag.NodeWithData(unixfs.FilePBData([]byte("hello"), 5))
	f.Add(file.RawData(), false)
	f.Add(unixfs.EmptyDirNode().RawData(), false)
	f.Add([]byte("raw bytes"), true)
	f.Add([]byte{0x0a, 0x02, 0x08}, false)
	f.Fuzz(func(t *testing.T, data []byte, raw bool) {
		prefix := v0Prefix
		if raw {
			prefix = cid.Prefix{Version: 1, Codec: cid.Raw, MhType: mh.SHA2_256, MhLength: -1}
		}
		c, err := prefix.Sum(data)
		if err != nil {
			t.Fatal(err)
		}
		blk, err := blocks.NewBlockWithCid(data, c)
		if err != nil {
			t.Fatal(err)
		}
		nd, err := merkledag.DecodeRawBlock(blk)
		if !raw {
			nd, err = merkledag.DecodeProtobufBlock(blk)
		}
		if err != nil {
			return
		}
		size, err := fileSize(nd)
		if err != nil {
			if !errors.Is(err, ErrNotFile) {
				t.Fatalf("fileSize error %v is not ErrNotFile", err)
			}
			return
		}
		if raw && size != uint64(len(data)) {
			t.Fatalf("raw block of %d bytes reported as %d", len(data), size)
		}
	})
}
