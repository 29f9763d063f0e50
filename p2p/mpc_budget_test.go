package p2p_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/p2p"
)

// A trusted but malicious peer opens hundreds of sessions the victim never opened, each
// parked in the victim's early buffer: an honest peer's first message for a real session must
// still wait there for it (before per-peer quotas, the attacker's 256 sessions took every
// slot and the honest message was dropped).
func TestOnePeerCannotCrowdOthersOutOfTheEarlyBuffer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	hosts := meshHosts(t, ctx, 3)
	attacker, victim, honest := hosts[0], hosts[1], hosts[2]
	sa, sv, sh := p2p.NewSessions(attacker), p2p.NewSessions(victim), p2p.NewSessions(honest)
	pair := []peer.ID{attacker.ID(), victim.ID()}
	for i := range 300 {
		tr, err := sa.Open(fmt.Sprintf("junk/%d", i), pair)
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Send(ctx, 1, []byte("junk")); err != nil {
			t.Fatal(err)
		}
		tr.Close()
	}
	// The attacker's frames are delivered in order on its stream: a probe after them proves
	// the victim has handled every one.
	probe(t, ctx, sa, sv, pair)

	members := []peer.ID{victim.ID(), honest.ID()}
	th, err := sh.Open("real/session", members)
	if err != nil {
		t.Fatal(err)
	}
	defer th.Close()
	if err := th.Send(ctx, 0, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	probe(t, ctx, sh, sv, []peer.ID{honest.ID(), victim.ID()})
	tv, err := sv.Open("real/session", members)
	if err != nil {
		t.Fatal(err)
	}
	defer tv.Close()
	rctx, rcancel := context.WithTimeout(ctx, 5*time.Second)
	defer rcancel()
	m, err := tv.Receive(rctx)
	if err != nil || string(m.Payload) != "hello" {
		t.Fatalf("the honest peer's early message was lost: %q %v", m.Payload, err)
	}
}

// A trusted but malicious peer sends large frames into a session the victim has open but reads
// slowly: the victim keeps at most the session's byte budget of them (before, up to 1,024 frames
// of 16 MiB each were held) and an honest peer's messages still get through.
func TestASessionHoldsAtMostItsByteBudget(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	hosts := meshHosts(t, ctx, 3)
	attacker, victim, honest := hosts[0], hosts[1], hosts[2]
	sa, sv, sh := p2p.NewSessions(attacker), p2p.NewSessions(victim), p2p.NewSessions(honest)
	members := []peer.ID{attacker.ID(), victim.ID(), honest.ID()}
	ta, err := sa.Open("flooded", members)
	if err != nil {
		t.Fatal(err)
	}
	defer ta.Close()
	tv, err := sv.Open("flooded", members)
	if err != nil {
		t.Fatal(err)
	}
	defer tv.Close()
	const frame, frames = 4 << 20, 40 // 160 MiB in all
	payload := make([]byte, frame)
	sent := 0
	for range frames {
		if err := ta.Send(ctx, 1, payload); err != nil {
			break // the victim may reset a stream that is over its budget
		}
		sent++
	}
	if sent < p2p.MaxSessionBytes/frame {
		t.Fatalf("only %d frames sent", sent)
	}
	// Every flood frame has been handled (kept or dropped) once a later probe arrives.
	probe(t, ctx, sa, sv, []peer.ID{attacker.ID(), victim.ID()})
	th, err := sh.Open("flooded", members)
	if err != nil {
		t.Fatal(err)
	}
	defer th.Close()
	if err := th.Send(ctx, 1, []byte("honest")); err != nil {
		t.Fatal(err)
	}
	held, honestSeen := 0, false
	for {
		rctx, rcancel := context.WithTimeout(ctx, 3*time.Second)
		m, err := tv.Receive(rctx)
		rcancel()
		if errors.Is(err, context.DeadlineExceeded) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if m.From == 2 {
			honestSeen = true
			continue
		}
		held++
	}
	if held*frame > p2p.MaxSessionBytes {
		t.Fatalf("the session held %d frames of %d bytes (%d MiB), over its %d MiB budget", held, frame, held*frame>>20, p2p.MaxSessionBytes>>20)
	}
	if !honestSeen {
		t.Fatal("the honest peer's message was dropped")
	}
}

// probe sends one message from a to b on a fresh session and waits for it: every frame a sent
// before has been handled by b.
func probe(t *testing.T, ctx context.Context, a, b *p2p.Sessions, pair []peer.ID) {
	t.Helper()
	sid := fmt.Sprintf("probe/%d", time.Now().UnixNano())
	ta, err := a.Open(sid, pair)
	if err != nil {
		t.Fatal(err)
	}
	defer ta.Close()
	tb, err := b.Open(sid, pair)
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	if err := ta.Send(ctx, 1, []byte("probe")); err != nil {
		t.Fatal(err)
	}
	if _, err := tb.Receive(ctx); err != nil {
		t.Fatalf("probe: %v", err)
	}
}

// Members of a session finish at different times: a Lit Action execution's node combines a
// signature from the first t+1 shares and closes its session while the other signers' shares
// are still on their way. With one-shot sessions (the action protocol's), those late messages
// must not count against the sender's early buffer, and a closed session cannot be reopened: after more such executions than a peer's quota of pending sessions, an early message
// of the sender's for the next session (sent before this node reaches it) must still wait for
// it. Before, every late message parked a session that would never open for two minutes, and
// at a dozen executions a second the next early message was dropped: the execution waited
// out its time limit for a share that had been thrown away.
func TestLateMessagesForAClosedSessionDoNotCrowdOutEarlyOnes(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	hosts := meshHosts(t, ctx, 2)
	a, b := hosts[0], hosts[1]
	sa, sb := p2p.NewSessionsOn(a, p2p.ActionProtocol).OneShot(), p2p.NewSessionsOn(b, p2p.ActionProtocol).OneShot()
	pair := []peer.ID{a.ID(), b.ID()}
	for i := range 100 {
		sid := fmt.Sprintf("exec/%d", i)
		ta, err := sa.Open(sid, pair)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := sb.Open(sid, pair)
		if err != nil {
			t.Fatal(err)
		}
		ta.Close() // a is done before b's message comes
		if err := tb.Send(ctx, 0, []byte("late share")); err != nil {
			t.Fatal(err)
		}
		tb.Close()
	}
	probe(t, ctx, sb, sa, []peer.ID{b.ID(), a.ID()}) // a has handled every late message

	tb, err := sb.Open("exec/next", pair)
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	if err := tb.Send(ctx, 0, []byte("early share")); err != nil {
		t.Fatal(err)
	}
	probe(t, ctx, sb, sa, []peer.ID{b.ID(), a.ID()})
	ta, err := sa.Open("exec/next", pair)
	if err != nil {
		t.Fatal(err)
	}
	defer ta.Close()
	rctx, rcancel := context.WithTimeout(ctx, 5*time.Second)
	defer rcancel()
	m, err := ta.Receive(rctx)
	if err != nil || string(m.Payload) != "early share" {
		t.Fatalf("the early message after 100 closed sessions' late ones was lost: %q %v", m.Payload, err)
	}
	if _, err := sa.Open("exec/7", pair); !errors.Is(err, p2p.ErrSessionClosed) {
		t.Fatalf("reopening a closed one-shot session: %v", err)
	}
}
