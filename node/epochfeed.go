package node

import "sync"

// epochFeed is how services learn that the epoch the node serves may have changed: the epoch
// watcher publishes the epoch of every snapshot it accepts, and the feed wakes its subscribers
// when that number differs from the last (the first accepted snapshot included). It is the one
// epoch-transition signal of the node; a service that follows the serving epoch subscribes to
// it instead of polling the keyring.
//
// Keys never become current without such a change: the watcher accepts the next epoch only
// once this node holds its keys or is not in its set (judgeEpoch), and keys for an epoch are
// stored before the chain advances to it.
type epochFeed struct {
	mu      sync.Mutex
	epoch   uint64
	have    bool
	changed chan struct{} // closed (and replaced) at every change
}

func newEpochFeed() *epochFeed { return &epochFeed{changed: make(chan struct{})} }

// publish records the epoch of an accepted snapshot and wakes the subscribers if it changed.
func (f *epochFeed) publish(epoch uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.have && f.epoch == epoch {
		return
	}
	f.epoch, f.have = epoch, true
	close(f.changed)
	f.changed = make(chan struct{})
}

// subscribe returns a channel closed at the next change. Take it before reading the state it
// guards, so a change in between is not missed.
func (f *epochFeed) subscribe() <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.changed
}

// current is the epoch last published, if any: the epoch the node serves.
func (f *epochFeed) current() (uint64, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.epoch, f.have
}
