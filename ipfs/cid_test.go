package ipfs_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"

	"github.com/litmesh/litmesh/ipfs"
)

type goldenFile struct {
	Source    string `json:"source"`
	Generator string `json:"generator"`
	Vectors   []struct {
		Name   string `json:"name"`
		Seed   string `json:"seed"`
		Size   int    `json:"size"`
		SHA256 string `json:"sha256"`
		CID    string `json:"cid"`
	} `json:"vectors"`
	Literals []struct {
		Name    string `json:"name"`
		Content string `json:"content"`
		CID     string `json:"cid"`
	} `json:"literals"`
}

func loadGolden(t *testing.T) goldenFile {
	t.Helper()
	raw, err := os.ReadFile("testdata/kubo_cids.json")
	if err != nil {
		t.Fatalf("read golden vectors: %v", err)
	}
	var g goldenFile
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("decode golden vectors: %v", err)
	}
	if len(g.Vectors) == 0 {
		t.Fatal("no golden vectors")
	}
	return g
}

func TestCIDOfMatchesKuboAdd(t *testing.T) {
	g := loadGolden(t)
	for _, v := range g.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			data := genBytes(v.Seed, v.Size)
			// The generator must reproduce exactly the bytes kubo hashed.
			if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != v.SHA256 {
				t.Fatalf("generated content has sha256 %x, kubo hashed %s", sum, v.SHA256)
			}
			got, err := ipfs.CIDOf(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("CIDOf: %v", err)
			}
			if got.String() != v.CID {
				t.Fatalf("CIDOf = %s, kubo `ipfs add -Q` = %s", got, v.CID)
			}
		})
	}
	for _, l := range g.Literals {
		t.Run(l.Name, func(t *testing.T) {
			got, err := ipfs.CIDOf(strings.NewReader(l.Content))
			if err != nil {
				t.Fatalf("CIDOf: %v", err)
			}
			if got.String() != l.CID {
				t.Fatalf("CIDOf = %s, want %s", got, l.CID)
			}
		})
	}
}

func TestCIDOfIsCIDv0DagPBSha256(t *testing.T) {
	c, err := ipfs.CIDOf(strings.NewReader("litmesh"))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Prefix()
	if p.Version != 0 || p.Codec != cid.DagProtobuf || p.MhType != mh.SHA2_256 {
		t.Fatalf("prefix %+v, want CIDv0 dag-pb sha2-256", p)
	}
}

func TestCheck(t *testing.T) {
	content := []byte("export default () => Lit.Actions.setResponse({response: 'ok'})")
	v0, err := ipfs.CIDOf(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := cid.V1Builder{Codec: cid.Raw, MhType: mh.SHA2_256}.Sum(content)
	if err != nil {
		t.Fatal(err)
	}
	v1pb := cid.NewCidV1(cid.DagProtobuf, v0.Hash())
	tests := []struct {
		name    string
		cid     cid.Cid
		content []byte
		wantErr error
	}{
		{"the content's own CIDv0 is accepted", v0, content, nil},
		{"the content's raw CID is accepted", raw, content, nil},
		{"other content under a CIDv0 is a hash mismatch", v0, []byte("tampered"), ipfs.ErrHashMismatch},
		{"other content under a raw CID is a hash mismatch", raw, []byte("tampered"), ipfs.ErrHashMismatch},
		{"a CIDv1 dag-pb cannot be checked without its import settings", v1pb, content, ipfs.ErrInvalidCID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ipfs.Check(tt.cid, bytes.NewReader(tt.content))
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("Check = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestParseCID(t *testing.T) {
	const v0 = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"
	const v1 = "bafybeidnhc7eyn3t2bzj4ywu3zlsukmkrpn4gx6n3ixmrhoha7dmllk2bq"
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{"a bare CIDv0", v0, v0, false},
		{"a bare CIDv1", v1, v1, false},
		{"an ipfs:// URL as access conditions write it", "ipfs://" + v0, v0, false},
		{"an /ipfs/ path", "/ipfs/" + v0, v0, false},
		{"surrounding whitespace", "  " + v0 + "\n", v0, false},
		{"empty input", "", "", true},
		{"a bare scheme", "ipfs://", "", true},
		{"a path inside a directory", v0 + "/index.js", "", true},
		{"a query", v0 + "?format=raw", "", true},
		{"garbage", "not-a-cid", "", true},
		{"a dag-cbor CID we cannot read as a file", "bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", "", true},
		{"an over-long input", strings.Repeat("Q", 1000), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ipfs.ParseCID(tt.in)
			if tt.wantErr {
				if !errors.Is(err, ipfs.ErrInvalidCID) {
					t.Fatalf("ParseCID(%q) = %v, %v; want ErrInvalidCID", tt.in, c, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseCID(%q): %v", tt.in, err)
			}
			if c.String() != tt.want {
				t.Fatalf("ParseCID(%q) = %s, want %s", tt.in, c, tt.want)
			}
		})
	}
}

func FuzzParseCID(f *testing.F) {
	for _, s := range []string{
		"QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
		"ipfs://bafybeidnhc7eyn3t2bzj4ywu3zlsukmkrpn4gx6n3ixmrhoha7dmllk2bq",
		"/ipfs/bafkqaaa", "", "Qm", "z", "f01701220", "bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ipfs.ParseCID(s)
		if err != nil {
			if !errors.Is(err, ipfs.ErrInvalidCID) {
				t.Fatalf("ParseCID(%q) error %v does not match ErrInvalidCID", s, err)
			}
			return
		}
		// What we accept round-trips and is of a kind we can read.
		again, err := ipfs.ParseCID(c.String())
		if err != nil || !again.Equals(c) {
			t.Fatalf("ParseCID(%q) = %s does not round-trip: %v", s, c, err)
		}
		if codec := c.Prefix().Codec; codec != cid.DagProtobuf && codec != cid.Raw {
			t.Fatalf("ParseCID(%q) accepted codec 0x%x", s, codec)
		}
	})
}
