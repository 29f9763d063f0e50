package p2p_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha512"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	sevtest "github.com/google/go-sev-guest/testing"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/handshake"
	"github.com/litmesh/litmesh/attestation/simulated"
	"github.com/litmesh/litmesh/internal/testutil"
	"github.com/litmesh/litmesh/p2p"
)

// staticMembers is a Membership from a fixed operator set: the shape the chain-backed one has,
// without the chain.
type staticMembers struct {
	mu  sync.Mutex
	ops map[common.Address]bool
}

func (m *staticMembers) CheckMember(_ context.Context, op common.Address, _ peer.ID) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.ops[op] {
		return errors.New("operator is not staked in the active set")
	}
	return nil
}

func (m *staticMembers) remove(op common.Address) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.ops, op)
}

var release = attestation.Measurement(sha512.Sum384([]byte("litmesh test release")))

type attestedNode struct {
	*p2p.Host
	policy   *p2p.Attested
	operator *ecdsa.PrivateKey
}

type nodeSpec struct {
	provOpts []simulated.Option
	member   bool
	// answer, if set, replaces the honest handshake responder.
	answer func(t *testing.T, n *attestedNode, nonce [handshake.NonceSize]byte) []byte
}

func startAttested(t *testing.T, ctx context.Context, members *staticMembers, roots attestation.Roots, boot []peer.AddrInfo, spec nodeSpec) *attestedNode {
	t.Helper()
	op, err := ethcrypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	if spec.member {
		members.mu.Lock()
		members.ops[ethcrypto.PubkeyToAddress(op.PublicKey)] = true
		members.mu.Unlock()
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	prov, err := simulated.New(attestation.ModeDevnet, t.TempDir(), append([]simulated.Option{simulated.WithMeasurement(release), simulated.WithLogger(quiet)}, spec.provOpts...)...)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := attestation.NewVerifier(attestation.ModeDevnet, roots)
	if err != nil {
		t.Fatal(err)
	}
	pol := &p2p.Attested{
		Provider:    prov,
		OperatorKey: op,
		Members:     members,
		Log:         quiet,
		Expect: func(context.Context) (handshake.Expectations, error) {
			return handshake.Expectations{Verifier: verifier, Policy: attestation.Policy{Measurements: []attestation.Measurement{release}}}, nil
		},
	}
	h := buildHost(t, ctx, pol, key(t), boot)
	n := &attestedNode{Host: h, policy: pol, operator: op}
	if spec.answer != nil {
		h.SetStreamHandler(protocol.ID(handshake.ProtocolID), func(s network.Stream) {
			defer s.Close()
			buf := make([]byte, handshake.NonceSize+8)
			k, _ := io.ReadFull(s, buf)
			ch, err := handshake.DecodeChallenge(buf[:k])
			if err != nil {
				s.Reset()
				return
			}
			s.Write(spec.answer(t, n, ch.Nonce))
		})
	} else {
		pol.Serve(h)
	}
	h.Start(ctx)
	return n
}

func rogueKeys(t *testing.T) *sevtest.AmdKeys {
	ark, err1 := rsa.GenerateKey(rand.Reader, 2048)
	ask, err2 := rsa.GenerateKey(rand.Reader, 2048)
	vcek, err3 := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	return &sevtest.AmdKeys{Ark: ark, Ask: ask, Asvk: ask, Vcek: vcek}
}

func honestAnswer(t *testing.T, n *attestedNode, nonce [handshake.NonceSize]byte, self crypto.PubKey) []byte {
	resp, err := handshake.BuildResponse(context.Background(), n.policy.Provider, n.operator, self, nonce)
	if err != nil {
		t.Error(err)
		return nil
	}
	raw, _ := resp.Marshal()
	return raw
}

func TestOnlyAttestedMembersGetIn(t *testing.T) {
	roots, err := simulated.Roots()
	if err != nil {
		t.Fatal(err)
	}
	otherKey := key(t)
	cases := []struct {
		name   string
		spec   nodeSpec
		reason string
	}{
		{name: "a report signed by an untrusted key chain", reason: "untrusted", spec: nodeSpec{member: true, provOpts: []simulated.Option{simulated.WithChainKeys(rogueKeys(t))}}},
		{name: "a replayed report (an old nonce)", reason: "report_data", spec: nodeSpec{member: true, answer: func() func(*testing.T, *attestedNode, [handshake.NonceSize]byte) []byte {
			var old []byte
			return func(t *testing.T, n *attestedNode, _ [handshake.NonceSize]byte) []byte {
				if old == nil {
					old = honestAnswer(t, n, [handshake.NonceSize]byte{1, 2, 3}, n.Peerstore().PubKey(n.ID()))
				}
				return old
			}
		}()}},
		{name: "a report bound to another peer ID", reason: "report_data", spec: nodeSpec{member: true, answer: func(t *testing.T, n *attestedNode, nonce [handshake.NonceSize]byte) []byte {
			return honestAnswer(t, n, nonce, otherKey.GetPublic())
		}}},
		{name: "a measurement not on the allowlist", reason: "measurement", spec: nodeSpec{member: true, provOpts: []simulated.Option{simulated.WithMeasurement(attestation.Measurement{0xba, 0xd})}}},
		{name: "an operator that is not staked", reason: "not staked", spec: nodeSpec{member: false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			members := &staticMembers{ops: map[common.Address]bool{}}
			a := startAttested(t, ctx, members, roots, nil, nodeSpec{member: true})
			boot := []peer.AddrInfo{{ID: a.ID(), Addrs: a.Addrs()}}
			b := startAttested(t, ctx, members, roots, boot, nodeSpec{member: true})
			bad := startAttested(t, ctx, members, roots, boot, tc.spec)

			testutil.WaitFor(t, 30*time.Second, "the honest nodes to trust each other", func() bool { return a.Gate.Trusted(b.ID()) && b.Gate.Trusted(a.ID()) })
			testutil.WaitFor(t, 30*time.Second, "the bad node to be rejected", func() bool { _, r := a.Gate.Rejection(bad.ID()); return r })
			why, _ := a.Gate.Rejection(bad.ID())
			if !containsFold(why, tc.reason) {
				t.Errorf("rejected because %q, want a reason mentioning %q", why, tc.reason)
			}
			if r, ok := a.policy.Verified(b.ID()); !ok || r.Operator != ethcrypto.PubkeyToAddress(b.operator.PublicKey) {
				t.Errorf("no verified attestation on record for the honest peer")
			}

			// No MPC message from the bad node reaches a session on a.
			members3 := []peer.ID{a.ID(), b.ID(), bad.ID()}
			sa, err := p2p.NewSessions(a.Host).Open("kept-out", members3)
			if err != nil {
				t.Fatal(err)
			}
			defer sa.Close()
			sb, _ := p2p.NewSessions(b.Host).Open("kept-out", members3)
			defer sb.Close()
			sbad, _ := p2p.NewSessions(bad.Host).Open("kept-out", members3)
			defer sbad.Close()
			_ = sbad.Send(ctx, 0, []byte("from the bad node"))
			if err := sb.Send(ctx, 0, []byte("from b")); err != nil {
				t.Fatal(err)
			}
			m, err := sa.Receive(ctx)
			if err != nil || m.From != 1 {
				t.Fatalf("first MPC message at a: %+v, %v; want b's", m, err)
			}

			// No pubsub message authored by the bad node is accepted by a.
			ta, _ := a.JoinTopic("kept-out")
			sub, _ := ta.Subscribe()
			tb, _ := b.JoinTopic("kept-out")
			tbad, _ := bad.JoinTopic("kept-out")
			testutil.WaitFor(t, 30*time.Second, "b to see a in the topic", func() bool { return len(tb.ListPeers()) > 0 })
			_ = tbad.Publish(ctx, []byte("bad"))
			if err := tb.Publish(ctx, []byte("good")); err != nil {
				t.Fatal(err)
			}
			for {
				msg, err := sub.Next(ctx)
				if err != nil {
					t.Fatalf("waiting for b's message: %v", err)
				}
				if msg.GetFrom() == bad.ID() {
					t.Fatal("a accepted a pubsub message from the bad node")
				}
				if msg.GetFrom() == b.ID() {
					break
				}
			}
		})
	}
}

func TestARecheckDropsAPeerWhoseOperatorLeftTheSet(t *testing.T) {
	roots, err := simulated.Roots()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	members := &staticMembers{ops: map[common.Address]bool{}}
	a := startAttested(t, ctx, members, roots, nil, nodeSpec{member: true})
	b := startAttested(t, ctx, members, roots, []peer.AddrInfo{{ID: a.ID(), Addrs: a.Addrs()}}, nodeSpec{member: true})
	testutil.WaitFor(t, 30*time.Second, "mutual trust", func() bool { return a.Gate.Trusted(b.ID()) && b.Gate.Trusted(a.ID()) })

	members.remove(ethcrypto.PubkeyToAddress(b.operator.PublicKey))
	a.policy.Recheck(ctx, a.Host)
	if a.Gate.Trusted(b.ID()) {
		t.Fatal("a still trusts b after b's operator left the set")
	}
	if why, ok := a.Gate.Rejection(b.ID()); !ok || !containsFold(why, "re-check") {
		t.Fatalf("rejection = %q, %v", why, ok)
	}
}

func containsFold(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexFold(s, sub) >= 0)
}

func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		match := true
		for j := 0; j < len(sub); j++ {
			a, b := s[i+j], sub[j]
			if a|0x20 != b|0x20 {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
