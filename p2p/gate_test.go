package p2p_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/litmesh/litmesh/internal/testutil"
	"github.com/litmesh/litmesh/p2p"
)

// rejectPeer trusts everyone but one peer ID.
type rejectPeer struct{ bad peer.ID }

func (r rejectPeer) Admit(_ context.Context, _ host.Host, p peer.ID) (string, error) {
	if p == r.bad {
		return "", errors.New("test policy: this peer is not a member")
	}
	return "test policy: member", nil
}

func newHost(t testing.TB, ctx context.Context, policy p2p.Policy, priv crypto.PrivKey, boot []peer.AddrInfo) *p2p.Host {
	t.Helper()
	h := buildHost(t, ctx, policy, priv, boot)
	h.Start(ctx)
	return h
}

// buildHost builds a host without starting it, for setups that register handlers first.
func buildHost(t testing.TB, ctx context.Context, policy p2p.Policy, priv crypto.PrivKey, boot []peer.AddrInfo) *p2p.Host {
	t.Helper()
	h, err := p2p.New(ctx, p2p.Config{
		Identity:          priv,
		Listen:            []ma.Multiaddr{ma.StringCast("/ip4/127.0.0.1/tcp/0")},
		Bootstrap:         boot,
		Network:           "gate-test",
		ConnLow:           10,
		ConnHigh:          20,
		DiscoveryInterval: time.Second,
		ReconnectInterval: time.Second,
		Policy:            policy,
		Logger:            slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

func key(t testing.TB) crypto.PrivKey {
	priv, _, err := crypto.GenerateEd25519Key(nil)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

func TestARejectedPeerGetsNoStreamsNoPubsubAndNoRoutingTableSlot(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	badKey := key(t)
	badID, _ := peer.IDFromPrivateKey(badKey)
	policy := rejectPeer{bad: badID}

	a := newHost(t, ctx, policy, key(t), nil)
	boot := []peer.AddrInfo{{ID: a.ID(), Addrs: a.Addrs()}}
	b := newHost(t, ctx, policy, key(t), boot)
	bad := newHost(t, ctx, p2p.InsecureTrustAuthenticated{}, badKey, boot)

	testutil.WaitFor(t, 30*time.Second, "a and b to trust each other", func() bool { return a.Gate.Trusted(b.ID()) && b.Gate.Trusted(a.ID()) })
	testutil.WaitFor(t, 30*time.Second, "a to reject the bad peer", func() bool { _, r := a.Gate.Rejection(bad.ID()); return r })

	const proto = "/litmesh/test/1.0.0"
	got := make(chan peer.ID, 4)
	for _, h := range []*p2p.Host{a, b} {
		h.Handle(proto, func(s network.Stream) { got <- s.Conn().RemotePeer(); s.Close() })
	}

	// A trusted peer's stream reaches the handler.
	s, err := b.NewStream(ctx, a.ID(), proto)
	if err != nil {
		t.Fatalf("trusted stream: %v", err)
	}
	s.Close()
	if p := <-got; p != b.ID() {
		t.Fatalf("handler saw %s, want %s", p, b.ID())
	}

	// The rejected peer can no longer even connect while it is refused.
	if err := bad.Connect(ctx, peer.AddrInfo{ID: a.ID(), Addrs: a.Addrs()}); err == nil {
		if s, err := bad.NewStream(ctx, a.ID(), proto); err == nil {
			buf := make([]byte, 1)
			if _, err := s.Read(buf); err == nil {
				t.Fatal("rejected peer's stream was served")
			}
		}
	}
	select {
	case p := <-got:
		t.Fatalf("handler reached by %s", p)
	default:
	}

	if a.DHT.RoutingTable().Find(bad.ID()) != "" {
		t.Fatal("rejected peer is in the DHT routing table")
	}
	if a.DHT.RoutingTable().Find(b.ID()) == "" {
		t.Fatal("trusted peer is missing from the DHT routing table")
	}

	// Pubsub: messages from b arrive at a; the rejected peer's never do.
	ta, err := a.JoinTopic("gate-test")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := ta.Subscribe()
	if err != nil {
		t.Fatal(err)
	}
	tb, err := b.JoinTopic("gate-test")
	if err != nil {
		t.Fatal(err)
	}
	tbad, err := bad.JoinTopic("gate-test")
	if err != nil {
		t.Fatal(err)
	}
	testutil.WaitFor(t, 30*time.Second, "b to see a in the topic", func() bool { return len(tb.ListPeers()) > 0 })
	_ = tbad.Publish(ctx, []byte("from the rejected peer"))
	if err := tb.Publish(ctx, []byte("from b")); err != nil {
		t.Fatal(err)
	}
	for {
		m, err := sub.Next(ctx)
		if err != nil {
			t.Fatalf("waiting for b's message: %v", err)
		}
		if m.GetFrom() == bad.ID() {
			t.Fatal("a accepted a pubsub message authored by the rejected peer")
		}
		if m.GetFrom() == b.ID() && string(m.Data) == "from b" {
			break
		}
	}
}

func TestGateTrustIsExplicitAndObservable(t *testing.T) {
	g := p2p.NewGate()
	p := peer.ID("some-peer")
	var events []bool
	g.OnChange(func(_ peer.ID, trusted bool) { events = append(events, trusted) })
	if g.Trusted(p) {
		t.Fatal("a new gate trusts an unknown peer")
	}
	g.Trust(p, "reason")
	g.Trust(p, "again")
	g.Reject(p, "failed check", time.Minute)
	if g.Trusted(p) {
		t.Fatal("rejected peer still trusted")
	}
	if why, ok := g.Rejection(p); !ok || why != "failed check" {
		t.Fatalf("rejection = %q, %v", why, ok)
	}
	if g.InterceptSecured(network.DirInbound, p, nil) {
		t.Fatal("gater admits a rejected peer")
	}
	if len(events) != 2 || !events[0] || events[1] {
		t.Fatalf("change events = %v, want [true false]", events)
	}
}

// A host without a Policy is refused: there is no default that trusts peers unchecked.
func TestNewRefusesAConfigWithoutAPolicy(t *testing.T) {
	ctx := context.Background()
	h, err := p2p.New(ctx, p2p.Config{
		Identity: key(t),
		Listen:   []ma.Multiaddr{ma.StringCast("/ip4/127.0.0.1/tcp/0")},
		Network:  "gate-test",
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if !errors.Is(err, p2p.ErrNoPolicy) {
		if h != nil {
			h.Close()
		}
		t.Fatalf("New without a Policy: got %v, want ErrNoPolicy", err)
	}
}
