package node

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"errors"
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

// memCtl and agreeHarness: a signer set of in-process members over an in-memory transport, each
// with its own agreement state, shared by the signer-agreement tests.
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
		svc := &pkpService{deps: nd, replay: newReplayGuard(64), assignWait: 2 * time.Second, confirmWait: time.Second, voteWait: time.Second}
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
