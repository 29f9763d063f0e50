package node

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	libp2pcrypto "github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// The signer agreement's state machine, on three in-memory members (t = 1) with real
// presignatures, real identity keys and signatures, over an in-memory control session.

type memCtl struct{ mpc.Transport }

func (memCtl) Close() {}

type agreeHarness struct {
	t      *testing.T
	ctx    context.Context
	sets   []*signerSet // sets[m] is member m's view of the set; member 0 coordinates
	root   *ecdsa.RootCommitments
	tweak  *secp256k1.ModNScalar
	wg     sync.WaitGroup
	sniff  sync.Mutex
	copies [][]byte // every control payload sent
	// requester is who asks in request (zero: as the tests' hand-made assignments say)
	requester [32]byte
}

func newAgreeHarness(t *testing.T, count int) *agreeHarness {
	t.Helper()
	const n, deg = 3, 1
	ctx, cancel := context.WithCancel(context.Background())
	h := &agreeHarness{t: t, ctx: ctx}
	t.Cleanup(func() {
		cancel()
		h.wg.Wait()
	})
	// A dealt root key (the DKG's job in a node).
	coeffs := make([]secp256k1.ModNScalar, deg+1)
	commits := make([][]byte, deg+1)
	for l := range coeffs {
		coeffs[l] = randomModN(t)
		commits[l] = secp256k1.NewPrivateKey(&coeffs[l]).PubKey().SerializeCompressed()
	}
	root, err := ecdsa.NewRootCommitments(commits)
	if err != nil {
		t.Fatal(err)
	}
	h.root = root
	keys := make([]*ecdsa.KeyShare, n)
	for i := range n {
		var x, v secp256k1.ModNScalar
		x.SetInt(uint32(i + 1))
		for l := deg; l >= 0; l-- {
			v.Mul(&x).Add(&coeffs[l])
		}
		b := v.Bytes()
		if keys[i], err = ecdsa.NewKeyShare(root, i, b[:]); err != nil {
			t.Fatal(err)
		}
	}
	var kid ecdsa.KeyID
	copy(kid[:], "pkp")
	if h.tweak, err = ecdsa.Epsilon(kid); err != nil {
		t.Fatal(err)
	}
	// Presignatures, made the library's way.
	pnet := mpctest.NewNetwork(n, 64)
	var session [32]byte
	rand.Read(session[:])
	ps := make([][]*ecdsa.Presignature, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for m := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps[m], errs[m] = ecdsa.Presign(ctx, pnet.Transport(m), keys[m], ecdsa.Config{Session: session, Signers: []int{0, 1, 2}, Count: count})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	// The members.
	privs := make([]libp2pcrypto.PrivKey, n)
	peers := make([]peer.ID, n)
	for m := range n {
		if privs[m], _, err = libp2pcrypto.GenerateEd25519Key(rand.Reader); err != nil {
			t.Fatal(err)
		}
		peers[m], _ = peer.IDFromPrivateKey(privs[m])
	}
	coordPub, _ := peers[0].ExtractPublicKey()
	ctl := mpctest.NewNetwork(n, 1024)
	ctl.SetFilter(func(_, _ int, p []byte) ([]byte, bool) {
		h.sniff.Lock()
		h.copies = append(h.copies, append([]byte(nil), p...))
		h.sniff.Unlock()
		return p, true
	})
	for m := range n {
		reg := prometheus.NewRegistry()
		nd := &pkpDeps{cfg: pkpConfig{Network: "unit"}, id: pkpIdentity{Libp2p: privs[m]}, log: slog.New(slog.NewTextHandler(io.Discard, nil)), metrics: newMetrics(reg)}
		svc := &pkpService{n: nd, replay: newReplayGuard(64), assignWait: 2 * time.Second, confirmWait: time.Second, voteWait: time.Second}
		svc.metrics = newPKPMetrics(reg, svc)
		ep := &pkpEpoch{s: svc, number: 1, self: m, size: n, peers: peers, scheme: &ecdsaScheme{pool: ecdsa.NewPool(64)}, agree: newAgreeState(), excl: newExclusions(),
			reach: func(peer.ID) bool { return true }}
		ep.ctx = ctx
		ss := &signerSet{ep: ep, key: "0,1,2", order: []int{0, 1, 2}, peers: peers, self: m, warm: true, target: count,
			ctl: memCtl{ctl.Transport(m)}, ctx: ctx, coordPub: coordPub,
			slot: make(chan struct{}, 1), poked: make(chan struct{}, 1), nonces: map[[32]byte]struct{}{}, votes: map[[32]byte]*voteBox{}}
		if err := ep.scheme.(*ecdsaScheme).pool.Put(ps[m]...); err != nil {
			t.Fatal(err)
		}
		h.sets = append(h.sets, ss)
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			ss.receive(ctx)
		}()
	}
	return h
}

func randomModN(t *testing.T) secp256k1.ModNScalar {
	t.Helper()
	var b [32]byte
	var s secp256k1.ModNScalar
	for {
		rand.Read(b[:])
		if s.SetBytes(&b) == 0 && !s.IsZero() {
			return s
		}
	}
}

func digestOf(id string) [32]byte { return sha256.Sum256([]byte("request " + id)) }

type agreed struct {
	ps  *ecdsa.Presignature
	rho [32]byte
	err error
}

// request has the given members serve request id (all with the same digest unless digests
// says otherwise), starting them `stagger` apart, and returns each one's outcome.
func (h *agreeHarness) request(id string, members []int, digests map[int][32]byte, stagger time.Duration) []agreed {
	return h.requestAs(h.requester, id, members, digests, stagger)
}

// requestAs is request by the given requester.
func (h *agreeHarness) requestAs(requester [32]byte, id string, members []int, digests map[int][32]byte, stagger time.Duration) []agreed {
	out := make([]agreed, len(h.sets))
	var wg sync.WaitGroup
	for i, m := range members {
		d, ok := digests[m]
		if !ok {
			d = digestOf(id)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * stagger) //nolint:forbidigo // ordering of arrivals, not waiting for a condition
			ps, rho, err := h.sets[m].agree(h.ctx, requester, id, d, nil)
			out[m] = agreed{ps, rho, err}
		}()
	}
	wg.Wait()
	return out
}

// signs checks that every member agreed on one presignature and ρ and that the shares combine.
func (h *agreeHarness) signs(out []agreed, id string) {
	h.t.Helper()
	var shares []*ecdsa.SignatureShare
	for m, a := range out {
		if a.err != nil {
			h.t.Fatalf("member %d: %v", m, a.err)
		}
		if a.ps.ID() != out[0].ps.ID() || a.rho != out[0].rho {
			h.t.Fatalf("member %d agreed on %s/%x, member 0 on %s/%x", m, a.ps.ID(), a.rho[:4], out[0].ps.ID(), out[0].rho[:4])
		}
		req := ecdsa.SignRequest{Tweak: h.tweak, Hash: digestOf(id), Rho: a.rho}
		sh, err := ecdsa.SignShare(a.ps, req)
		if err != nil {
			h.t.Fatal(err)
		}
		shares = append(shares, sh)
	}
	var kid ecdsa.KeyID
	copy(kid[:], "pkp")
	y, _ := ecdsa.DerivePublic(h.root.PublicKey(), kid)
	if _, err := ecdsa.Combine(out[0].ps.Public(), y, ecdsa.SignRequest{Tweak: h.tweak, Hash: digestOf(id), Rho: out[0].rho}, shares); err != nil {
		h.t.Fatalf("combine: %v", err)
	}
}

// confirm sends member `to` a confirmation, as member `from`, of an assignment signed by the
// coordinator (member 0's key).
func (h *agreeHarness) confirm(from, to int, a assignment, contribution [32]byte) {
	h.t.Helper()
	if a.Sig == nil {
		if err := h.sets[0].sign(&a); err != nil {
			h.t.Fatal(err)
		}
	}
	if err := h.sets[from].ctl.Send(h.ctx, to, (&confirmMsg{Assign: a, Contribution: contribution}).encode()); err != nil {
		h.t.Fatal(err)
	}
}

func (h *agreeHarness) held(m int) []ecdsa.ID { return h.sets[m].ep.scheme.IDs(h.sets[m].order) }

// take removes member m's oldest presignature from its pool.
func (h *agreeHarness) take(m int) *ecdsa.Presignature {
	h.t.Helper()
	ps := h.sets[m].takeOldest()
	if ps == nil {
		h.t.Fatal("empty pool")
	}
	return ps.(ecdsaHeld).Presignature
}

func wantKind(t *testing.T, who string, err error, kind api.Kind, says string) {
	t.Helper()
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Kind != kind || !strings.Contains(err.Error(), says) {
		t.Fatalf("%s: got %v, want %s saying %q", who, err, kind, says)
	}
}

func TestEveryMemberReleasesOnlyAfterTheWholeSetConfirmedOneTuple(t *testing.T) {
	h := newAgreeHarness(t, 6)
	// Whoever comes first — the coordinator, or members long before it — the set agrees.
	h.signs(h.request("coordinator-first", []int{0, 1, 2}, nil, 20*time.Millisecond), "coordinator-first")
	h.signs(h.request("members-first", []int{2, 1, 0}, nil, 30*time.Millisecond), "members-first")
	before := len(h.held(1))
	h.signs(h.request("all-at-once", []int{0, 1, 2}, nil, 0), "all-at-once")
	if len(h.held(1)) != before-1 || len(h.held(0)) != len(h.held(2)) {
		t.Fatalf("pools hold %d/%d/%d presignatures", len(h.held(0)), len(h.held(1)), len(h.held(2)))
	}
	// ρ is nobody's choice: it is not the same for two requests, and it is what every
	// member's committed contribution makes it (checked by Combine above, through SignShare).
	a := h.request("a", []int{0, 1, 2}, nil, 0)
	b := h.request("b", []int{0, 1, 2}, nil, 0)
	if a[0].rho == b[0].rho {
		t.Fatal("two requests got the same ρ")
	}
	h.signs(a, "a")
	h.signs(b, "b")
}

func TestBadAgreementInputIsRefusedWithANamedReasonAndBlocksNothingElse(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, h *agreeHarness)
		// blocks: the case legitimately takes the set out of service here (a peer excluded)
		blocks bool
	}{
		{"a confirmation from a non-member", func(t *testing.T, h *agreeHarness) {
			a := assignment{Epoch: 1, RequestID: "x", Digest: digestOf("x"), Presig: h.held(0)[0]}
			h.sets[0].sign(&a)
			if err := h.sets[1].onConfirm(5, &confirmMsg{Assign: a}); err == nil || !strings.Contains(err.Error(), "not a member") {
				t.Fatalf("member 5 of 3: %v", err)
			}
			if err := h.sets[1].onConfirm(1, &confirmMsg{Assign: a}); err == nil || !strings.Contains(err.Error(), "this node itself") {
				t.Fatalf("from itself: %v", err)
			}
		}, false},
		{"a confirmation of another epoch (a replay from the last one)", func(t *testing.T, h *agreeHarness) {
			a := assignment{Epoch: 0, RequestID: "old", Digest: digestOf("old"), Presig: h.held(0)[0]}
			h.sets[0].sign(&a)
			if err := h.sets[1].onConfirm(0, &confirmMsg{Assign: a}); err == nil || !strings.Contains(err.Error(), "epoch 0") {
				t.Fatalf("an epoch-0 confirmation: %v", err)
			}
		}, false},
		{"a replayed confirmation of a finished agreement", func(t *testing.T, h *agreeHarness) {
			h.signs(h.request("done", []int{0, 1, 2}, nil, 0), "done")
			var replay *confirmMsg
			h.sniff.Lock()
			for _, p := range h.copies {
				if m, err := decodeCtl(p); err == nil && m.confirm != nil && m.confirm.Assign.RequestID == "done" {
					replay = m.confirm
				}
			}
			h.sniff.Unlock()
			if err := h.sets[1].onConfirm(0, replay); err == nil || !strings.Contains(err.Error(), "replayed") {
				t.Fatalf("a replay: %v", err)
			}
		}, false},
		{"a request id replayed to a coordinator that forgot it (a restart)", func(t *testing.T, h *agreeHarness) {
			h.signs(h.request("served", []int{0, 1, 2}, nil, 0), "served")
			other := h.take(0).ID() // another presignature of the (restarted) coordinator's
			a := assignment{Epoch: 1, RequestID: "served", Digest: digestOf("served"), Presig: other}
			h.sets[0].sign(&a)
			err := h.sets[1].onConfirm(0, &confirmMsg{Assign: a})
			if err == nil || !strings.Contains(err.Error(), "replayed request id") {
				t.Fatalf("a second assignment for a finished request: %v", err)
			}
			if why, _, ok := h.sets[1].ep.excl.check(h.sets[1].peers[0], time.Now()); ok {
				t.Fatalf("a replayed request id framed the coordinator: %s", why)
			}
			for _, id := range h.held(1) {
				if id == other {
					t.Fatal("the presignature of the refused assignment is still pooled")
				}
			}
		}, false},
		{"a confirmation for a presignature nobody holds", func(t *testing.T, h *agreeHarness) {
			var unknown ecdsa.ID
			rand.Read(unknown[:])
			a := assignment{Epoch: 1, RequestID: "ghost", Digest: digestOf("ghost"), Presig: unknown}
			h.confirm(0, 1, a, [32]byte{})
			h.confirm(0, 2, a, [32]byte{})
			out := h.request("ghost", []int{1, 2}, nil, 0)
			for _, m := range []int{1, 2} {
				if out[m].err == nil || !strings.Contains(out[m].err.Error(), "not one this node holds") && !strings.Contains(out[m].err.Error(), "refused") {
					t.Fatalf("member %d: %v", m, out[m].err)
				}
			}
		}, false},
		{"conflicting assignments: one presignature for two requests", func(t *testing.T, h *agreeHarness) {
			own := h.take(0) // the coordinator's own copy is its to misuse
			p := own.ID()
			h.confirm(0, 1, assignment{Epoch: 1, RequestID: "one", Digest: digestOf("one"), Presig: p}, own.Contribution())
			h.confirm(0, 2, assignment{Epoch: 1, RequestID: "two", Digest: digestOf("two"), Presig: p}, own.Contribution())
			var wg sync.WaitGroup
			errs := make([]error, 3)
			for m, id := range map[int]string{1: "one", 2: "two"} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, _, errs[m] = h.sets[m].agree(h.ctx, [32]byte{}, id, digestOf(id), nil)
				}()
			}
			wg.Wait()
			for _, m := range []int{1, 2} {
				wantKind(t, fmt.Sprint("member ", m), errs[m], api.KindConflict, "equivocated")
				if _, _, ok := h.sets[m].ep.excl.check(h.sets[m].peers[0], time.Now()); !ok {
					t.Fatalf("member %d did not exclude the equivocating coordinator", m)
				}
				for _, id := range h.held(m) {
					if id == p {
						t.Fatalf("member %d still holds the presignature named twice", m)
					}
				}
			}
		}, true},
		{"two presignatures for one request: refused, burnt, nobody blamed (no proof)", func(t *testing.T, h *agreeHarness) {
			p1, p2 := h.take(0), h.take(0)
			h.confirm(0, 1, assignment{Epoch: 1, RequestID: "dup", Digest: digestOf("dup"), Presig: p1.ID()}, p1.Contribution())
			h.confirm(0, 2, assignment{Epoch: 1, RequestID: "dup", Digest: digestOf("dup"), Presig: p2.ID()}, p2.Contribution())
			out := h.request("dup", []int{1, 2}, nil, 0)
			for _, m := range []int{1, 2} {
				wantKind(t, fmt.Sprint("member ", m), out[m].err, api.KindConflict, "two presignatures")
				if why, _, ok := h.sets[m].ep.excl.check(h.sets[m].peers[0], time.Now()); ok {
					t.Fatalf("member %d excludes the coordinator without proof: %s", m, why)
				}
				// The presignature it was assigned is burnt (the other one, if it never saw it,
				// is an orphan the coordinator's next keep list drops).
				mine := map[int]ecdsa.ID{1: p1.ID(), 2: p2.ID()}[m]
				for _, id := range h.held(m) {
					if id == mine {
						t.Fatalf("member %d still holds presignature %s", m, id)
					}
				}
			}
		}, false},
		{"an assignment the coordinator did not sign, relayed by a member", func(t *testing.T, h *agreeHarness) {
			a := assignment{Epoch: 1, RequestID: "forged", Digest: digestOf("forged"), Presig: h.held(0)[0], Sig: make([]byte, 64)}
			if err := h.sets[1].onConfirm(2, &confirmMsg{Assign: a}); err == nil || !strings.Contains(err.Error(), "not signed by the coordinator") {
				t.Fatalf("a forged assignment: %v", err)
			}
			if why, _, ok := h.sets[1].ep.excl.check(h.sets[1].peers[2], time.Now()); !ok || !strings.Contains(why, faultForgery) {
				t.Fatalf("the relaying member was not excluded: %q", why)
			}
		}, true},
		{"a false ρ contribution", func(t *testing.T, h *agreeHarness) {
			p := h.held(0)[0]
			a := assignment{Epoch: 1, RequestID: "liar", Digest: digestOf("liar"), Presig: p}
			h.confirm(2, 1, a, [32]byte{1, 2, 3}) // member 2's confirmation with a wrong contribution
			out := h.request("liar", []int{0, 1}, nil, 0)
			wantKind(t, "member 1", out[1].err, api.KindConflict, "does not open its commitment")
			if !strings.Contains(out[1].err.Error(), h.sets[1].peers[2].String()) {
				t.Fatalf("the liar is not named: %v", out[1].err)
			}
			if _, _, ok := h.sets[1].ep.excl.check(h.sets[1].peers[2], time.Now()); !ok {
				t.Fatal("the liar was not excluded")
			}
		}, true},
		{"a member whose copy of the request differs", func(t *testing.T, h *agreeHarness) {
			out := h.request("differs", []int{0, 1, 2}, map[int][32]byte{2: digestOf("something else")}, 0)
			wantKind(t, "member 2", out[2].err, api.KindConflict, "differs from the one the coordinator")
			for _, m := range []int{0, 1} {
				wantKind(t, fmt.Sprint("member ", m), out[m].err, api.KindConflict, "refused request differs")
			}
		}, false},
		{"a member that never confirms", func(t *testing.T, h *agreeHarness) {
			before := h.held(2)
			out := h.request("silent", []int{0, 1}, nil, 0)
			for _, m := range []int{0, 1} {
				// It timed out here, or the other member's refusal after its own timeout came
				// first: either way the error names the member that never confirmed.
				if err := out[m].err; err == nil || !strings.Contains(err.Error(), "no confirmation from") || !strings.Contains(err.Error(), h.sets[0].peers[2].String()) {
					t.Fatalf("member %d: %v, want an error naming %s as not confirming", m, err, h.sets[0].peers[2])
				}
			}
			// The presignature is burnt everywhere: member 2 discards it once the assignment
			// expires unclaimed (sweep), the others never return it.
			burnt := before[0]
			for _, m := range []int{0, 1} {
				for _, id := range h.held(m) {
					if id == burnt {
						t.Fatalf("member %d returned the presignature to its pool", m)
					}
				}
			}
		}, false},
		{"a member flooding confirmations for requests that never come", func(t *testing.T, h *agreeHarness) {
			refused := 0
			for i := range maxEarlyPerMember + 20 {
				a := assignment{Epoch: 1, RequestID: fmt.Sprint("flood-", i), Digest: digestOf("flood"), Presig: ecdsa.ID{byte(i), byte(i >> 8), 1}}
				h.sets[0].sign(&a)
				if err := h.sets[1].onConfirm(2, &confirmMsg{Assign: a}); err != nil {
					if !strings.Contains(err.Error(), "waiting for requests") {
						t.Fatal(err)
					}
					refused++
				}
			}
			if refused != 20 {
				t.Fatalf("%d of the flood refused, want 20", refused)
			}
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newAgreeHarness(t, 6)
			tc.run(t, h)
			if tc.blocks {
				return
			}
			// The set still serves other requests.
			h.signs(h.request("after", []int{0, 1, 2}, nil, 0), "after")
		})
	}
}

func TestABatchIsPooledOnlyWhenEveryMemberVotedItsDigest(t *testing.T) {
	h := newAgreeHarness(t, 1)
	ss := h.sets[0]
	digest := [32]byte{7}
	for _, tc := range []struct {
		name  string
		votes map[int]voteMsg
		says  string
	}{
		{"every member agrees", map[int]voteMsg{1: {Verdict: verdictAgree, Digest: digest}, 2: {Verdict: verdictAgree, Digest: digest}}, ""},
		{"one member vetoes", map[int]voteMsg{1: {Verdict: verdictAgree, Digest: digest}, 2: {Verdict: verdictVeto, Reason: reasonPresignFault}}, "vetoed it: its presigning run found a member at fault"},
		{"one member made other presignatures", map[int]voteMsg{1: {Verdict: verdictAgree, Digest: [32]byte{8}}, 2: {Verdict: verdictAgree, Digest: digest}}, "made other presignatures"},
		{"one member never votes", map[int]voteMsg{1: {Verdict: verdictAgree, Digest: digest}}, "no vote from " + ss.peers[2].String()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var nonce [32]byte
			rand.Read(nonce[:])
			box := ss.openVotes(nonce)
			defer ss.closeVotes(nonce)
			for m, v := range tc.votes {
				v.Nonce = nonce
				if err := ss.onVote(m, &v); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := context.WithTimeout(h.ctx, 10*time.Second)
			defer cancel()
			err := ss.awaitVotes(ctx, box, digest)
			if tc.says == "" && err != nil || tc.says != "" && (err == nil || !strings.Contains(err.Error(), tc.says)) {
				t.Fatalf("got %v, want %q", err, tc.says)
			}
		})
	}
	var nonce [32]byte
	rand.Read(nonce[:])
	ss.openVotes(nonce)
	v := voteMsg{Nonce: nonce, Verdict: verdictAgree}
	if err := ss.onVote(1, &v); err != nil {
		t.Fatal(err)
	}
	if err := ss.onVote(1, &v); err == nil || !strings.Contains(err.Error(), "second vote") {
		t.Fatalf("a second vote: %v", err)
	}
	if err := ss.onVote(0, &voteMsg{Nonce: nonce}); err == nil || !strings.Contains(err.Error(), "not another member") {
		t.Fatalf("a vote from itself: %v", err)
	}
}
