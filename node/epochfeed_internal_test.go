package node

import "testing"

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
