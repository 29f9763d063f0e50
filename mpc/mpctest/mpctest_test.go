package mpctest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

func TestMessagesArriveInOrderFromTheirSender(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	net := mpctest.NewNetwork(3, 8)
	ts := net.Transports()
	if err := mpc.Broadcast(ctx, ts[0], []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := ts[0].Send(ctx, 2, []byte("b")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"a", "b"} {
		m, err := ts[2].Receive(ctx)
		if err != nil || m.From != 0 || string(m.Payload) != want {
			t.Fatalf("got %+v, %v; want %q from 0", m, err, want)
		}
	}
	if m, err := ts[1].Receive(ctx); err != nil || string(m.Payload) != "a" {
		t.Fatalf("member 1 got %+v, %v", m, err)
	}
}

func TestFilterDropsAndRewrites(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	net := mpctest.NewNetwork(2, 8)
	net.SetFilter(func(from, to int, p []byte) ([]byte, bool) {
		if string(p) == "drop" {
			return nil, false
		}
		return append(p, '!'), true
	})
	ts := net.Transports()
	_ = ts[0].Send(ctx, 1, []byte("drop"))
	_ = ts[0].Send(ctx, 1, []byte("keep"))
	if m, err := ts[1].Receive(ctx); err != nil || string(m.Payload) != "keep!" {
		t.Fatalf("got %+v, %v", m, err)
	}
}

func TestSendingToSelfOrOutOfRangeFails(t *testing.T) {
	ts := mpctest.NewNetwork(2, 1).Transports()
	for _, to := range []int{0, -1, 2} {
		if err := ts[0].Send(context.Background(), to, nil); err == nil {
			t.Errorf("send to %d succeeded", to)
		}
	}
}

func TestClosedNetworkRefusesTraffic(t *testing.T) {
	net := mpctest.NewNetwork(2, 1)
	net.Close()
	if _, err := net.Transport(0).Receive(context.Background()); !errors.Is(err, mpc.ErrClosed) {
		t.Fatalf("receive after close: %v", err)
	}
}
