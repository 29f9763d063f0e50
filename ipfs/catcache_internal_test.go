package ipfs

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

func testCID(t *testing.T, data []byte) cid.Cid {
	t.Helper()
	h, err := mh.Sum(data, mh.SHA2_256, -1)
	if err != nil {
		t.Fatal(err)
	}
	return cid.NewCidV1(cid.Raw, h)
}

// The cache of files Cat read hands each caller its own copy, serves a file only within the
// caller's size limit, keeps no large file, and stays within its byte budget by dropping the
// least recently used files.
func TestCatCacheCopiesLimitsAndEvicts(t *testing.T) {
	cc := newCatCache()
	data := []byte("Lit.Actions.setResponse({response: 'ok'})")
	c := testCID(t, data)
	cc.put(c, data)
	data[0] = 'X' // the caller's slice is not the cache's
	got, ok := cc.get(c, 1<<20)
	if !ok || got[0] != 'L' {
		t.Fatalf("get = %q, %v; want the file as put", got, ok)
	}
	got[0] = 'Y'
	if again, _ := cc.get(c, 1<<20); again[0] != 'L' {
		t.Fatal("a caller's change to its copy reached the cache")
	}
	if _, ok := cc.get(c, int64(len(data)-1)); ok {
		t.Fatal("a cached file over the caller's limit was served")
	}

	big := bytes.Repeat([]byte{1}, catCacheFile+1)
	cc.put(testCID(t, big), big)
	if _, ok := cc.get(testCID(t, big), 1<<30); ok {
		t.Fatal("a file over the per-file bound was kept")
	}

	// Fill the budget: the first files go, the latest stay, the total stays within it.
	var cids []cid.Cid
	for i := range 2 * catCacheBudget / catCacheFile {
		f := bytes.Repeat([]byte(fmt.Sprintf("%06d", i)), catCacheFile/6)
		cids = append(cids, testCID(t, f))
		cc.put(cids[i], f)
		if cc.size > catCacheBudget {
			t.Fatalf("after %d files the cache holds %d bytes, over its budget of %d", i+1, cc.size, catCacheBudget)
		}
	}
	if _, ok := cc.get(cids[0], 1<<30); ok {
		t.Fatal("the least recently used file was not dropped")
	}
	if _, ok := cc.get(cids[len(cids)-1], 1<<30); !ok {
		t.Fatal("the latest file was dropped")
	}
	if _, ok := cc.get(c, 1<<20); ok {
		t.Fatal("the first file outlived the budget")
	}
}
