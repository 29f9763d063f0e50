package ipfs

import (
	"bytes"
	"container/list"
	"sync"

	"github.com/ipfs/go-cid"
)

// Bounds of the cache of small files Cat read.
const (
	catCacheFile   = 256 << 10 // the largest file kept
	catCacheBudget = 4 << 20   // every file kept, together
)

// catCache keeps the bytes of small files Cat read recently, by CID. A Lit Action run by CID
// is read at every execution, and a read from the blockstore decodes the file's DAG and
// re-hashes each of its blocks (verifyingStore): about 8% of a node's CPU in lit bench
// execute-sign. A CID names its bytes, so a cached copy is what Cat would read; only what Cat
// read and verified goes in, and each caller gets its own copy.
type catCache struct {
	mu    sync.Mutex
	size  int
	order *list.List // of *catEntry, most recently used first
	byKey map[string]*list.Element
}

type catEntry struct {
	key  string
	data []byte
}

func newCatCache() *catCache {
	return &catCache{order: list.New(), byKey: map[string]*list.Element{}}
}

// get returns a copy of the file c if it is kept and within maxSize.
func (cc *catCache) get(c cid.Cid, maxSize int64) ([]byte, bool) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	el, ok := cc.byKey[c.KeyString()]
	if !ok {
		return nil, false
	}
	e := el.Value.(*catEntry)
	if int64(len(e.data)) > maxSize {
		return nil, false // Cat says why
	}
	cc.order.MoveToFront(el)
	return bytes.Clone(e.data), true
}

// put keeps a copy of the file c, if it is small, dropping the least recently used files to
// stay within the budget.
func (cc *catCache) put(c cid.Cid, data []byte) {
	if len(data) > catCacheFile {
		return
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	k := c.KeyString()
	if el, ok := cc.byKey[k]; ok {
		cc.order.MoveToFront(el)
		return
	}
	cc.byKey[k] = cc.order.PushFront(&catEntry{key: k, data: bytes.Clone(data)})
	cc.size += len(data)
	for cc.size > catCacheBudget {
		last := cc.order.Back()
		e := last.Value.(*catEntry)
		cc.order.Remove(last)
		delete(cc.byKey, e.key)
		cc.size -= len(e.data)
	}
}
