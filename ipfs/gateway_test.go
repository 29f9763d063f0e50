package ipfs_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/blockstore"
	chunker "github.com/ipfs/boxo/chunker"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	"github.com/ipfs/boxo/ipld/unixfs/importer/balanced"
	"github.com/ipfs/boxo/ipld/unixfs/importer/helpers"
	"github.com/ipfs/go-cid"
	"github.com/ipfs/go-datastore"
	dssync "github.com/ipfs/go-datastore/sync"
	ipld "github.com/ipfs/go-ipld-format"
	mh "github.com/multiformats/go-multihash"

	"github.com/litmesh/litmesh/ipfs"
)

// testGateway is a trustless gateway over a real blockstore: GET /ipfs/<cid>?format=raw
// answers the raw block as application/vnd.ipld.raw, the way kubo's and boxo's gateways do.
type testGateway struct {
	store    blockstore.Blockstore
	dag      ipld.DAGService
	requests atomic.Int64

	mu     sync.Mutex
	tamper map[string]bool // multihash → serve a corrupted copy
	hang   bool            // never answer
}

func newTestGateway(t *testing.T) (*testGateway, string) {
	t.Helper()
	store := blockstore.NewBlockstore(dssync.MutexWrap(datastore.NewMapDatastore()))
	g := &testGateway{
		store:  store,
		dag:    merkledag.NewDAGService(blockservice.New(store, nil)),
		tamper: map[string]bool{},
	}
	srv := httptest.NewServer(g)
	t.Cleanup(srv.Close)
	return g, srv.URL
}

// add imports content the way kubo does and returns the root and its leaves.
func (g *testGateway) add(t *testing.T, content []byte) (cid.Cid, []cid.Cid) {
	t.Helper()
	params := helpers.DagBuilderParams{
		Dagserv:    g.dag,
		Maxlinks:   174,
		CidBuilder: cid.Prefix{Version: 0, Codec: cid.DagProtobuf, MhType: mh.SHA2_256, MhLength: -1},
	}
	db, err := params.New(chunker.NewSizeSplitter(bytes.NewReader(content), 256<<10))
	if err != nil {
		t.Fatal(err)
	}
	root, err := balanced.Layout(db)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ipfs.CIDOf(bytes.NewReader(content))
	if err != nil || !want.Equals(root.Cid()) {
		t.Fatalf("gateway import %s differs from CIDOf %s (%v)", root.Cid(), want, err)
	}
	var leaves []cid.Cid
	for _, l := range root.Links() {
		leaves = append(leaves, l.Cid)
	}
	return root.Cid(), leaves
}

func (g *testGateway) corrupt(c cid.Cid) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.tamper[c.Hash().String()] = true
}

func (g *testGateway) setHang() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.hang = true
}

func (g *testGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.requests.Add(1)
	g.mu.Lock()
	hang := g.hang
	g.mu.Unlock()
	if hang {
		<-r.Context().Done()
		return
	}
	if r.URL.Query().Get("format") != "raw" && r.Header.Get("Accept") != "application/vnd.ipld.raw" {
		http.Error(w, "only raw blocks", http.StatusNotAcceptable)
		return
	}
	c, err := cid.Decode(strings.TrimPrefix(r.URL.Path, "/ipfs/"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	blk, err := g.store.Get(r.Context(), c)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	data := bytes.Clone(blk.RawData())
	g.mu.Lock()
	if g.tamper[c.Hash().String()] {
		data[len(data)/2] ^= 0xff
	}
	g.mu.Unlock()
	w.Header().Set("Content-Type", "application/vnd.ipld.raw")
	w.Write(data)
}

func TestGatewayFallback(t *testing.T) {
	content := genBytes("litmesh/ipfs/test/gateway", 600_000)

	t.Run("an honest gateway serves a file no peer has, and Cat keeps it", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		root, _ := g.add(t, content)
		s := newService(t, newHost(t), ipfs.WithGateways(url))
		got, err := s.Cat(ctx, root, 1<<20)
		if err != nil || !bytes.Equal(got, content) {
			t.Fatalf("cat = %d bytes, %v", len(got), err)
		}
		if has, err := s.HasAll(ctx, root); err != nil || !has {
			t.Fatalf("HasAll after cat = %v, %v", has, err)
		}
	})

	t.Run("a tampered block is rejected and never stored", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		root, leaves := g.add(t, content)
		g.corrupt(leaves[1])
		s := newService(t, newHost(t), ipfs.WithGateways(url))
		_, err := s.Cat(ctx, root, 1<<20)
		if !errors.Is(err, ipfs.ErrHashMismatch) {
			t.Fatalf("cat of a tampered DAG = %v, want ErrHashMismatch", err)
		}
		if !strings.Contains(err.Error(), leaves[1].String()) {
			t.Errorf("error %q does not name the tampered block %s", err, leaves[1])
		}
		if has, err := s.HasAll(ctx, root); err != nil || has {
			t.Fatalf("HasAll after a rejected cat = %v, %v; want false", has, err)
		}
		if err := s.Pin(ctx, root); !errors.Is(err, ipfs.ErrHashMismatch) {
			t.Fatalf("pin of a tampered DAG = %v, want ErrHashMismatch", err)
		}
	})

	t.Run("a tampered root is rejected", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		root, _ := g.add(t, content)
		g.corrupt(root)
		s := newService(t, newHost(t), ipfs.WithGateways(url))
		if _, err := s.Cat(ctx, root, 1<<20); !errors.Is(err, ipfs.ErrHashMismatch) {
			t.Fatalf("cat with a tampered root = %v, want ErrHashMismatch", err)
		}
	})

	t.Run("a tampering gateway is passed over for the next, honest one", func(t *testing.T) {
		ctx := testContext(t)
		bad, badURL := newTestGateway(t)
		good, goodURL := newTestGateway(t)
		root, leaves := bad.add(t, content)
		good.add(t, content)
		for _, l := range leaves {
			bad.corrupt(l)
		}
		s := newService(t, newHost(t), ipfs.WithGateways(badURL, goodURL))
		got, err := s.Cat(ctx, root, 1<<20)
		if err != nil || !bytes.Equal(got, content) {
			t.Fatalf("cat = %d bytes, %v", len(got), err)
		}
	})

	t.Run("a gateway that never answers runs into the deadline", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		root, _ := g.add(t, content)
		g.setHang()
		s := newService(t, newHost(t), ipfs.WithGateways(url), ipfs.WithTimeout(500*time.Millisecond))
		_, err := s.Cat(ctx, root, 1<<20)
		var nf *ipfs.NotFoundError
		if !errors.As(err, &nf) || !errors.Is(err, ipfs.ErrNotFound) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("cat = %v, want a NotFoundError", err)
		}
		if !strings.Contains(err.Error(), "no answer") {
			t.Errorf("error %q does not say the gateway did not answer", err)
		}
	})

	t.Run("a gateway without the block is a clear error", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		other, _ := newTestGateway(t)
		root, _ := other.add(t, content)
		s := newService(t, newHost(t), ipfs.WithGateways(url))
		_, err := s.Cat(ctx, root, 1<<20)
		if err == nil || !strings.Contains(err.Error(), "does not have") {
			t.Fatalf("cat = %v, want the gateway's not-found", err)
		}
		if g.requests.Load() != 1 {
			t.Errorf("gateway asked %d times, want 1", g.requests.Load())
		}
	})

	t.Run("with a peer to wait for, a tampering gateway ends in not-found naming the mismatch", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		root, _ := g.add(t, content)
		g.corrupt(root)
		h, hPeer := newHost(t), newHost(t)
		newService(t, hPeer) // connected, but without the file
		s := newService(t, h, ipfs.WithGateways(url), ipfs.WithGatewayDelay(0), ipfs.WithTimeout(700*time.Millisecond))
		connect(t, h, hPeer)
		_, err := s.Cat(ctx, root, 1<<20)
		var nf *ipfs.NotFoundError
		if !errors.As(err, &nf) || !errors.Is(err, ipfs.ErrHashMismatch) {
			t.Fatalf("cat = %v, want a NotFoundError carrying ErrHashMismatch", err)
		}
	})

	t.Run("a directory is not a file", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		dir := unixfs.EmptyDirNode()
		if err := g.dag.Add(ctx, dir); err != nil {
			t.Fatal(err)
		}
		s := newService(t, newHost(t), ipfs.WithGateways(url))
		if _, err := s.Cat(ctx, dir.Cid(), 1<<20); !errors.Is(err, ipfs.ErrNotFile) {
			t.Fatalf("cat of a directory = %v, want ErrNotFile", err)
		}
	})

	t.Run("pin fetches the whole DAG within the size limit", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		root, _ := g.add(t, content)
		small := newService(t, newHost(t), ipfs.WithGateways(url), ipfs.WithMaxDAGSize(500_000))
		if err := small.Pin(ctx, root); !errors.Is(err, ipfs.ErrTooLarge) {
			t.Fatalf("pin over the DAG limit = %v, want ErrTooLarge", err)
		}
		s := newService(t, newHost(t), ipfs.WithGateways(url))
		if err := s.Pin(ctx, root); err != nil {
			t.Fatalf("pin: %v", err)
		}
		if has, err := s.HasAll(ctx, root); err != nil || !has {
			t.Fatalf("HasAll after pin = %v, %v", has, err)
		}
	})
}

func TestResolveOrder(t *testing.T) {
	content := genBytes("litmesh/ipfs/test/order", 300_000)

	t.Run("the local store is read before any gateway", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		root, _ := g.add(t, content)
		s := newService(t, newHost(t), ipfs.WithGateways(url))
		if _, err := s.Add(ctx, bytes.NewReader(content)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Cat(ctx, root, 1<<20); err != nil {
			t.Fatal(err)
		}
		if n := g.requests.Load(); n != 0 {
			t.Fatalf("gateway asked %d times for content held locally", n)
		}
	})

	t.Run("bitswap peers are asked before gateways", func(t *testing.T) {
		ctx := testContext(t)
		g, url := newTestGateway(t)
		root, _ := g.add(t, content)
		hOrigin, h := newHost(t), newHost(t)
		origin := newService(t, hOrigin)
		if _, err := origin.Add(ctx, bytes.NewReader(content)); err != nil {
			t.Fatal(err)
		}
		s := newService(t, h, ipfs.WithGateways(url), ipfs.WithGatewayDelay(20*time.Second))
		connect(t, h, hOrigin)
		got, err := s.Cat(ctx, root, 1<<20)
		if err != nil || !bytes.Equal(got, content) {
			t.Fatalf("cat = %d bytes, %v", len(got), err)
		}
		if n := g.requests.Load(); n != 0 {
			t.Fatalf("gateway asked %d times although a peer had the file", n)
		}
	})
}
