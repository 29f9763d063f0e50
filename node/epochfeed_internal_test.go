package node

import (
	"errors"
	"testing"

	"github.com/litmesh/litmesh/api"
)

func TestEpochFeedWakesSubscribersOnlyOnAChange(t *testing.T) {
	f := newEpochFeed()
	closed := func(ch <-chan struct{}) bool {
		select {
		case <-ch:
			return true
		default:
			return false
		}
	}
	first := f.subscribe()
	if closed(first) {
		t.Fatal("a subscription fired before anything was published")
	}
	f.publish(0) // the first accepted snapshot is a change, even of epoch 0
	if !closed(first) {
		t.Fatal("the first published epoch did not wake the subscriber")
	}
	same := f.subscribe()
	f.publish(0)
	if closed(same) {
		t.Fatal("republishing the same epoch woke the subscriber")
	}
	f.publish(1)
	if !closed(same) {
		t.Fatal("a new epoch did not wake the subscriber")
	}
	if closed(f.subscribe()) {
		t.Fatal("a fresh subscription is already closed")
	}
}

// The keyring serves the epoch the feed last published: nothing before the watcher accepted a
// snapshot, a retryable wrong-epoch error naming that epoch while its keys are missing, and
// its keys once held.
func TestKeyringServesTheEpochTheFeedPublished(t *testing.T) {
	f := newEpochFeed()
	kr := &keyring{serving: f, epochs: map[uint64]*EpochKeys{2: {Epoch: 2}}}
	if _, err := kr.Current(); api.KindOf(err) != api.KindUnavailable {
		t.Fatalf("before any snapshot: %v, want unavailable", err)
	}
	f.publish(3)
	_, err := kr.Current()
	var e *api.Error
	if !errors.As(err, &e) || e.Kind != api.KindWrongEpoch || e.NodeEpoch == nil || *e.NodeEpoch != 3 {
		t.Fatalf("epoch 3 without its keys: %#v, want wrong epoch 3", err)
	}
	kr.epochs[3] = &EpochKeys{Epoch: 3}
	if k, err := kr.Current(); err != nil || k.Epoch != 3 {
		t.Fatalf("epoch 3 with its keys: %v, %v", k, err)
	}
	f.publish(2) // the feed says what the watcher accepted; judging it is the watcher's job
	if k, err := kr.Current(); err != nil || k.Epoch != 2 {
		t.Fatalf("after epoch 2 was published: %v, %v", k, err)
	}
}
