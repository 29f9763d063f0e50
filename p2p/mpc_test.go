package p2p_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/internal/testutil"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/p2p"
)

// meshHosts starts n trusted hosts, all bootstrapped from the first, and waits until all trust
// each other.
func meshHosts(t testing.TB, ctx context.Context, n int) []*p2p.Host {
	t.Helper()
	policy := p2p.InsecureTrustAuthenticated{}
	hosts := []*p2p.Host{newHost(t, ctx, policy, key(t), nil)}
	boot := []peer.AddrInfo{{ID: hosts[0].ID(), Addrs: hosts[0].Addrs()}}
	for i := 1; i < n; i++ {
		hosts = append(hosts, newHost(t, ctx, policy, key(t), boot))
	}
	testutil.WaitFor(t, 30*time.Second, "full trust", func() bool {
		for _, a := range hosts {
			for _, b := range hosts {
				if a != b && !a.Gate.Trusted(b.ID()) {
					return false
				}
			}
		}
		return true
	})
	return hosts
}

func TestSessionsCarryOrderedMessagesBetweenMembers(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	hosts := meshHosts(t, ctx, 3)
	members := []peer.ID{hosts[0].ID(), hosts[1].ID(), hosts[2].ID()}
	var ts []*p2p.SessionTransport
	for i, h := range hosts {
		s := p2p.NewSessions(h)
		tr, err := s.Open("test/session-1", members)
		if err != nil {
			t.Fatal(err)
		}
		defer tr.Close()
		ts = append(ts, tr)
		if tr.Self() != i {
			t.Fatalf("member %d has self index %d", i, tr.Self())
		}
	}
	const count = 50
	for k := 0; k < count; k++ {
		if err := mpc.Broadcast(ctx, ts[0], []byte(fmt.Sprintf("msg-%03d", k))); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range ts[1:] {
		for k := 0; k < count; k++ {
			m, err := r.Receive(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if m.From != 0 || string(m.Payload) != fmt.Sprintf("msg-%03d", k) {
				t.Fatalf("member %d got %q from %d, want msg-%03d from 0", r.Self(), m.Payload, m.From, k)
			}
		}
	}
}

func TestMessagesForASessionNotYetOpenedWaitForIt(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	hosts := meshHosts(t, ctx, 2)
	members := []peer.ID{hosts[0].ID(), hosts[1].ID()}
	s0, s1 := p2p.NewSessions(hosts[0]), p2p.NewSessions(hosts[1])
	t0, err := s0.Open("early", members)
	if err != nil {
		t.Fatal(err)
	}
	defer t0.Close()
	if err := t0.Send(ctx, 1, []byte("before open")); err != nil {
		t.Fatal(err)
	}
	// Give the frame a moment to be in flight by round-tripping a second session first.
	probe0, _ := s0.Open("probe", members)
	probe1, _ := s1.Open("probe", members)
	defer probe0.Close()
	defer probe1.Close()
	if err := probe0.Send(ctx, 1, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := probe1.Receive(ctx); err != nil {
		t.Fatal(err)
	}
	t1, err := s1.Open("early", members)
	if err != nil {
		t.Fatal(err)
	}
	defer t1.Close()
	m, err := t1.Receive(ctx)
	if err != nil || string(m.Payload) != "before open" || m.From != 0 {
		t.Fatalf("got %+v, %v", m, err)
	}
}

func TestOpeningASessionChecksItsMembers(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	hosts := meshHosts(t, ctx, 2)
	s := p2p.NewSessions(hosts[0])
	if _, err := s.Open("x", []peer.ID{hosts[1].ID()}); err == nil {
		t.Error("opened a session this node is not a member of")
	}
	if _, err := s.Open("x", []peer.ID{hosts[0].ID(), hosts[1].ID(), hosts[1].ID()}); err == nil {
		t.Error("opened a session with a duplicate member")
	}
	tr, err := s.Open("x", []peer.ID{hosts[0].ID(), hosts[1].ID()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open("x", []peer.ID{hosts[0].ID(), hosts[1].ID()}); err == nil {
		t.Error("opened the same session twice")
	}
	tr.Close()
	if _, err := tr.Receive(ctx); !errors.Is(err, mpc.ErrClosed) {
		t.Errorf("receive on a closed session: %v", err)
	}
}

func TestFramesRoundTripAndOversizedFieldsAreRefused(t *testing.T) {
	var buf bytes.Buffer
	if err := p2p.WriteFrame(&buf, "s", []byte("payload")); err != nil {
		t.Fatal(err)
	}
	sid, p, err := p2p.ReadFrame(&buf)
	if err != nil || sid != "s" || string(p) != "payload" {
		t.Fatalf("round trip: %q %q %v", sid, p, err)
	}
	huge := []byte{0, 1, 's', 0xff, 0xff, 0xff, 0xff}
	if _, _, err := p2p.ReadFrame(bytes.NewReader(huge)); !errors.Is(err, p2p.ErrFrame) {
		t.Fatalf("oversized payload length: %v", err)
	}
	if _, _, err := p2p.ReadFrame(bytes.NewReader([]byte{0, 0})); !errors.Is(err, p2p.ErrFrame) {
		t.Fatalf("empty session ID: %v", err)
	}
}

func FuzzReadFrame(f *testing.F) {
	var ok bytes.Buffer
	_ = p2p.WriteFrame(&ok, "dkg/bls/1", []byte{1, 2, 3})
	f.Add(ok.Bytes())
	f.Add([]byte{0, 1, 'x', 0, 0, 0, 5, 1})
	f.Add([]byte{0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		sid, payload, err := p2p.ReadFrame(bytes.NewReader(b))
		if err != nil {
			return
		}
		var again bytes.Buffer
		if err := p2p.WriteFrame(&again, sid, payload); err != nil {
			t.Fatalf("decoded frame does not re-encode: %v", err)
		}
		if !bytes.HasPrefix(b, again.Bytes()) {
			t.Fatal("re-encoded frame differs from the input")
		}
	})
}

// A peer that stops reading (it hangs, or died without closing) must not hold a sender whose
// context ends: Send returns with the context's error instead of waiting for the write
// deadline, so a node stopping its protocol runs is not held up by a dead member.
func TestSendReturnsWhenItsContextEndsWhileThePeerStopsReading(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	hosts := meshHosts(t, ctx, 2)
	s := p2p.NewSessions(hosts[0])
	// The receiver accepts the stream and never reads from it.
	release := make(chan struct{})
	defer close(release)
	hosts[1].Handle(p2p.MPCProtocol, func(st network.Stream) { <-release; _ = st.Reset() })
	tr, err := s.Open("test/stalled", []peer.ID{hosts[0].ID(), hosts[1].ID()})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	// Large frames fill the stream's flow-control window, then a write blocks. Its own
	// deadline (the context's) is a minute away; cancelling must end it now.
	sctx, scancel := context.WithDeadline(ctx, time.Now().Add(time.Minute))
	errc := make(chan error, 1)
	go func() {
		payload := make([]byte, p2p.MaxFramePayload)
		for {
			if err := tr.Send(sctx, 1, payload); err != nil {
				errc <- err
				return
			}
		}
	}()
	select {
	case err := <-errc:
		t.Fatalf("a send failed before the context ended: %v", err)
	case <-time.After(2 * time.Second): // let the sender fill the window and block
	}
	scancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) && !strings.Contains(err.Error(), "deadline") {
			t.Fatalf("send ended with %v, want the context's end", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Send did not return within 10s of its context ending")
	}
}
