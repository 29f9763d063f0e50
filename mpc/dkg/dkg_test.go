package dkg_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/drand/kyber"
	"github.com/drand/kyber/share"

	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// threshold is the network's rule, T = ⌈2n/3⌉.
func threshold(n int) int { return (2*n + 2) / 3 }

var suites = []struct {
	name  string
	suite dkg.Suite
}{
	{"bls12381", dkg.BLS12381()},
	{"secp256k1", dkg.Secp256k1()},
	{"edwards25519", dkg.Ed25519()},
}

// outcome is one member's return from Run.
type outcome struct {
	res *dkg.Result
	err error
}

// runAll runs cfgs[m] for every member m of a fresh in-memory session and returns each outcome.
func runAll(t *testing.T, ctx context.Context, members int, cfgs map[int]dkg.Config, filter mpctest.Filter, opts ...dkg.Option) map[int]outcome {
	t.Helper()
	net := mpctest.NewNetwork(members, 4096)
	if filter != nil {
		net.SetFilter(filter)
	}
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		out = make(map[int]outcome)
	)
	for m, cfg := range cfgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := dkg.Run(ctx, net.Transport(m), cfg, opts...)
			mu.Lock()
			out[m] = outcome{res, err}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

// group is the long-term keys of a set of members and their node list.
type group struct {
	suite dkg.Suite
	keys  map[int]*dkg.KeyPair // by member
}

func newGroup(s dkg.Suite, members int) *group {
	g := &group{suite: s, keys: make(map[int]*dkg.KeyPair)}
	for m := 0; m < members; m++ {
		g.keys[m] = dkg.GenerateKeyPair(s)
	}
	return g
}

// nodes lists the given members with share indices 0, 1, 2, ... in that order.
func (g *group) nodes(members ...int) []dkg.Node {
	out := make([]dkg.Node, len(members))
	for i, m := range members {
		out[i] = dkg.Node{Index: uint32(i), Public: g.keys[m].Public, Member: m}
	}
	return out
}

func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

func (g *group) freshConfigs(session string, members []int, t int) map[int]dkg.Config {
	nodes := g.nodes(members...)
	cfgs := make(map[int]dkg.Config)
	for _, m := range members {
		cfgs[m] = dkg.Config{
			Suite: g.suite, Longterm: g.keys[m].Private, SessionID: []byte(session),
			NewNodes: nodes, Threshold: t,
		}
	}
	return cfgs
}

// generous is the phase timeout of runs where nobody misbehaves: they never wait for a timeout,
// so it only has to be longer than the slowest honest member on a loaded machine (or under the
// race detector) — a too-short one would turn a slow member into a "silent" one.
var generous = dkg.WithPhaseTimeout(time.Minute)

// shortPhase is the phase timeout of runs where a member sits out and the others must wait for
// it: long enough for every honest member, short enough to keep the test quick.
const shortPhase = 6 * time.Second

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// requireSuccess returns the results of the given members, failing on any error.
func requireSuccess(t *testing.T, outs map[int]outcome, members ...int) map[int]*dkg.Result {
	t.Helper()
	res := make(map[int]*dkg.Result)
	for _, m := range members {
		o := outs[m]
		if o.err != nil {
			t.Fatalf("member %d: %v", m, o.err)
		}
		res[m] = o.res
	}
	return res
}

// requireAgreement checks that every result holds a share of one key, consistent with one
// public polynomial, and returns that polynomial.
func requireAgreement(t *testing.T, s dkg.Suite, res map[int]*dkg.Result) *share.PubPoly {
	t.Helper()
	var pub *share.PubPoly
	for m, r := range res {
		if r.Key == nil {
			t.Fatalf("member %d has no key share", m)
		}
		p := r.Key.PubPoly(s)
		if pub == nil {
			pub = p
		} else if !pub.Equal(p) {
			t.Fatalf("member %d ended with a different public polynomial", m)
		}
		if !pub.Check(r.Key.Share) {
			t.Fatalf("member %d's share does not match the public polynomial", m)
		}
	}
	return pub
}

// recover interpolates the secret from shares and checks it against the group public key.
func recoverSecret(t *testing.T, s dkg.Suite, shares []*share.PriShare, th int) kyber.Scalar {
	t.Helper()
	secret, err := share.RecoverSecret(s, shares, th, len(shares))
	if err != nil {
		t.Fatal(err)
	}
	return secret
}

func sharesOf(res map[int]*dkg.Result, members ...int) []*share.PriShare {
	out := make([]*share.PriShare, len(members))
	for i, m := range members {
		out[i] = res[m].Key.Share
	}
	return out
}

func TestFreshDKGGivesEveryMemberAShareOfOneKey(t *testing.T) {
	for _, sc := range suites {
		for _, n := range []int{4, 7} {
			t.Run(fmt.Sprintf("%s/%d members", sc.name, n), func(t *testing.T) {
				t.Parallel()
				g := newGroup(sc.suite, n)
				th := threshold(n)
				outs := runAll(t, testCtx(t), n, g.freshConfigs("fresh", seq(0, n), th), nil, generous)
				res := requireSuccess(t, outs, seq(0, n)...)
				pub := requireAgreement(t, sc.suite, res)
				if pub.Threshold() != th {
					t.Fatalf("public polynomial has %d coefficients, want %d", pub.Threshold(), th)
				}
				for m, r := range res {
					if len(r.Qualified) != n || len(r.Faults) != 0 {
						t.Fatalf("member %d: qualified %v, faults %v", m, r.Qualified, r.Faults)
					}
					if r.Key.Share.I != m {
						t.Fatalf("member %d got share index %d", m, r.Key.Share.I)
					}
				}
				// Any T shares give the secret behind the public key; T-1 do not.
				secret := recoverSecret(t, sc.suite, sharesOf(res, seq(n-th, n)...), th)
				if !sc.suite.Point().Mul(secret, nil).Equal(pub.Commit()) {
					t.Fatal("T shares do not recover the secret of the public key")
				}
				if other := recoverSecret(t, sc.suite, sharesOf(res, seq(0, th)...), th); !other.Equal(secret) {
					t.Fatal("two sets of T shares recover different secrets")
				}
				fewer := recoverSecret(t, sc.suite, sharesOf(res, seq(0, th-1)...), th-1)
				if fewer.Equal(secret) {
					t.Fatal("T-1 shares recovered the secret")
				}
			})
		}
	}
}

// Members that sit out make the others wait out phase timeouts, so these cases run together
// (in parallel with each other, not with the CPU-heavy tests of the package).
func TestMembersThatSitOutAreNamedAndTheRestFinish(t *testing.T) {
	for _, sc := range suites {
		t.Run("silent member/"+sc.name, func(t *testing.T) {
			t.Parallel()
			const n, silent = 4, 3
			g := newGroup(sc.suite, n)
			drop := func(from, to int, p []byte) ([]byte, bool) { return p, from != silent }
			outs := runAll(t, testCtx(t), n, g.freshConfigs("silent", seq(0, n), threshold(n)), drop,
				dkg.WithPhaseTimeout(shortPhase))
			res := requireSuccess(t, outs, 0, 1, 2)
			pub := requireAgreement(t, sc.suite, res)
			for m, r := range res {
				if fmt.Sprint(r.Qualified) != "[0 1 2]" {
					t.Fatalf("member %d: qualified %v, want [0 1 2]", m, r.Qualified)
				}
				if !hasFault(r.Faults, silent, dkg.ErrNoDeal) || !hasFault(r.Faults, silent, dkg.ErrNoResponse) {
					t.Fatalf("member %d does not name member %d as silent: %v", m, silent, r.Faults)
				}
			}
			secret := recoverSecret(t, sc.suite, sharesOf(res, 0, 1, 2), 3)
			if !sc.suite.Point().Mul(secret, nil).Equal(pub.Commit()) {
				t.Fatal("the three remaining shares do not recover the key")
			}
		})
	}
	t.Run("member with another session ID", func(t *testing.T) {
		t.Parallel()
		g := newGroup(dkg.Secp256k1(), 4)
		cfgs := g.freshConfigs("right", seq(0, 4), 3)
		wrong := cfgs[3]
		wrong.SessionID = []byte("wrong")
		cfgs[3] = wrong
		outs := runAll(t, testCtx(t), 4, cfgs, nil, dkg.WithPhaseTimeout(shortPhase))
		res := requireSuccess(t, outs, 0, 1, 2)
		requireAgreement(t, dkg.Secp256k1(), res)
		for m, r := range res {
			if !hasFault(r.Faults, 3, dkg.ErrSessionMismatch) {
				t.Fatalf("member %d does not name member 3: %v", m, r.Faults)
			}
		}
	})
}

func TestADealerSendingACorruptShareIsExcluded(t *testing.T) {
	for _, sc := range suites {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			const n, cheat, victim = 4, 1, 2
			g := newGroup(sc.suite, n)
			// The cheating dealer signs one bad deal and sends it to everyone, then answers the
			// complaint with a bad justification. The same tampered bytes go to every member.
			var (
				mu       sync.Mutex
				tampered = make(map[string][]byte)
			)
			filter := func(from, to int, p []byte) ([]byte, bool) {
				if from != cheat {
					return p, true
				}
				mu.Lock()
				defer mu.Unlock()
				if out, ok := tampered[string(p)]; ok {
					return out, true
				}
				out := dkg.TamperAsDealer(sc.suite, p, g.keys[cheat].Private, victim)
				tampered[string(p)] = out
				return out, true
			}
			outs := runAll(t, testCtx(t), n, g.freshConfigs("corrupt", seq(0, n), threshold(n)), filter, generous)
			res := requireSuccess(t, outs, 0, 2, 3)
			pub := requireAgreement(t, sc.suite, res)
			for m, r := range res {
				if fmt.Sprint(r.Qualified) != "[0 2 3]" {
					t.Fatalf("member %d: qualified %v, want [0 2 3]", m, r.Qualified)
				}
				if !hasFault(r.Faults, cheat, dkg.ErrExcluded) {
					t.Fatalf("member %d does not name member %d: %v", m, cheat, r.Faults)
				}
				for _, f := range r.Faults {
					if f.Member != cheat {
						t.Fatalf("member %d blames an honest member: %v", m, f)
					}
				}
			}
			secret := recoverSecret(t, sc.suite, sharesOf(res, 0, 2, 3), 3)
			if !sc.suite.Point().Mul(secret, nil).Equal(pub.Commit()) {
				t.Fatal("the honest shares do not recover the key")
			}
		})
	}
}

func hasFault(faults []*dkg.Fault, member int, sentinel error) bool {
	for _, f := range faults {
		if f.Member == member && errors.Is(f, sentinel) {
			return true
		}
	}
	return false
}

// reshare runs a resharing from the fresh results of oldMembers to newMembers (new share
// indices in newMembers order) in a session of `members` members.
func (g *group) reshare(t *testing.T, session string, members int, old map[int]*dkg.Result, oldMembers []int, oldT int, newMembers []int, newT int) map[int]outcome {
	t.Helper()
	oldNodes := make([]dkg.Node, len(oldMembers))
	var coeffs []kyber.Point
	for i, m := range oldMembers {
		oldNodes[i] = dkg.Node{Index: uint32(old[m].Key.Share.I), Public: g.keys[m].Public, Member: m}
		coeffs = old[m].Key.Commits
	}
	newNodes := g.nodes(newMembers...)
	cfgs := make(map[int]dkg.Config)
	for m := 0; m < members; m++ {
		cfg := dkg.Config{
			Suite: g.suite, Longterm: g.keys[m].Private, SessionID: []byte(session),
			OldNodes: oldNodes, OldThreshold: oldT, NewNodes: newNodes, Threshold: newT,
		}
		if r, ok := old[m]; ok {
			cfg.Share = r.Key
		} else {
			cfg.PublicCoeffs = coeffs
		}
		cfgs[m] = cfg
	}
	return runAll(t, testCtx(t), members, cfgs, nil, generous)
}

func TestResharingKeepsThePublicKeyAndRetiresOldShares(t *testing.T) {
	cases := []struct {
		name             string
		oldN             int
		newMembers       []int // members receiving new shares, in new index order
		sessionMembers   int
		leaving, joining []int
	}{
		{name: "4 to 7", oldN: 4, newMembers: seq(0, 7), sessionMembers: 7, joining: []int{4, 5, 6}},
		{name: "7 to 5", oldN: 7, newMembers: seq(2, 7), sessionMembers: 7, leaving: []int{0, 1}},
	}
	for _, sc := range suites {
		for _, c := range cases {
			t.Run(sc.name+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				g := newGroup(sc.suite, c.sessionMembers)
				oldT, newT := threshold(c.oldN), threshold(len(c.newMembers))
				old := requireSuccess(t, runAll(t, testCtx(t), c.oldN, g.freshConfigs("epoch-1", seq(0, c.oldN), oldT), nil, generous), seq(0, c.oldN)...)
				oldPub := requireAgreement(t, sc.suite, old)
				secret := recoverSecret(t, sc.suite, sharesOf(old, seq(0, oldT)...), oldT)

				outs := g.reshare(t, "epoch-2", c.sessionMembers, old, seq(0, c.oldN), oldT, c.newMembers, newT)
				res := requireSuccess(t, outs, c.newMembers...)
				newPub := requireAgreement(t, sc.suite, res)
				for _, m := range c.leaving {
					if outs[m].err != nil || outs[m].res.Key != nil {
						t.Fatalf("leaving member %d: %v, key %v", m, outs[m].err, outs[m].res)
					}
				}
				if !newPub.Commit().Equal(oldPub.Commit()) {
					t.Fatal("resharing changed the public key")
				}
				if newPub.Threshold() != newT {
					t.Fatalf("new polynomial has %d coefficients, want %d", newPub.Threshold(), newT)
				}
				for i, m := range c.newMembers {
					if res[m].Key.Share.I != i {
						t.Fatalf("member %d got index %d, want %d", m, res[m].Key.Share.I, i)
					}
					if len(res[m].Faults) != 0 || len(res[m].Qualified) != len(c.newMembers) {
						t.Fatalf("member %d: qualified %v, faults %v", m, res[m].Qualified, res[m].Faults)
					}
				}
				newShares := sharesOf(res, c.newMembers...)
				if got := recoverSecret(t, sc.suite, newShares[:newT], newT); !got.Equal(secret) {
					t.Fatal("new shares do not recover the original secret")
				}
				if got := recoverSecret(t, sc.suite, newShares[len(newShares)-newT:], newT); !got.Equal(secret) {
					t.Fatal("another set of new shares does not recover the original secret")
				}
				// Old and new shares lie on different polynomials: mixed, they give garbage,
				// whichever threshold the mix is interpolated with.
				oldShares := sharesOf(old, seq(0, c.oldN)...)
				for _, th := range []int{oldT, newT} {
					mixed := mixShares(oldShares, newShares, th)
					if got := recoverSecret(t, sc.suite, mixed, th); got.Equal(secret) {
						t.Fatalf("a mix of old and new shares (t=%d) recovered the secret", th)
					}
				}
			})
		}
	}
}

// mixShares takes th shares with distinct indices, the first from old, the rest from new.
func mixShares(old, new []*share.PriShare, th int) []*share.PriShare {
	used := map[int]bool{old[0].I: true}
	out := []*share.PriShare{old[0]}
	for _, s := range new {
		if len(out) == th {
			break
		}
		if !used[s.I] {
			used[s.I] = true
			out = append(out, s)
		}
	}
	return out
}

func TestCancellingStopsARunThatCannotFinish(t *testing.T) {
	g := newGroup(dkg.Secp256k1(), 4)
	cfgs := g.freshConfigs("alone", seq(0, 4), 3)
	net := mpctest.NewNetwork(4, 64)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := dkg.Run(ctx, net.Transport(0), cfgs[0], dkg.WithPhaseTimeout(time.Hour))
		done <- err
	}()
	// Member 0 is alone: it cannot get past the deal phase. Wait until its deal is out, then
	// cancel.
	recvCtx, stop := context.WithTimeout(context.Background(), 30*time.Second)
	defer stop()
	if _, err := net.Transport(1).Receive(recvCtx); err != nil {
		t.Fatalf("member 0 never dealt: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, dkg.ErrAborted) || !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want an abort caused by cancellation", err)
		}
		if !hasFault(asRunError(t, err).Faults, 1, dkg.ErrNoDeal) {
			t.Fatalf("error does not name the silent members: %v", err)
		}
	case <-recvCtx.Done():
		t.Fatal("Run did not return after cancellation")
	}
}

func asRunError(t *testing.T, err error) *dkg.RunError {
	t.Helper()
	var re *dkg.RunError
	if !errors.As(err, &re) {
		t.Fatalf("%v is not a *dkg.RunError", err)
	}
	return re
}

func TestInvalidConfigsAreRefused(t *testing.T) {
	s := dkg.Secp256k1()
	g := newGroup(s, 4)
	base := g.freshConfigs("cfg", seq(0, 4), 3)[0]
	other := dkg.GenerateKeyPair(s)
	mod := func(f func(c *dkg.Config)) dkg.Config {
		c := base
		c.NewNodes = append([]dkg.Node(nil), base.NewNodes...)
		f(&c)
		return c
	}
	cases := []struct {
		name string
		cfg  dkg.Config
	}{
		{"no suite", mod(func(c *dkg.Config) { c.Suite = nil })},
		{"no long-term key", mod(func(c *dkg.Config) { c.Longterm = nil })},
		{"an empty session ID", mod(func(c *dkg.Config) { c.SessionID = nil })},
		{"a session ID over the limit", mod(func(c *dkg.Config) { c.SessionID = make([]byte, dkg.MaxSessionIDLen+1) })},
		{"threshold zero", mod(func(c *dkg.Config) { c.Threshold = 0 })},
		{"threshold above n", mod(func(c *dkg.Config) { c.Threshold = 5 })},
		{"a repeated index", mod(func(c *dkg.Config) { c.NewNodes[1].Index = 0 })},
		{"a repeated member", mod(func(c *dkg.Config) { c.NewNodes[1].Member = 0 })},
		{"a repeated public key", mod(func(c *dkg.Config) { c.NewNodes[2].Public = c.NewNodes[1].Public })},
		{"a member outside the session", mod(func(c *dkg.Config) { c.NewNodes[3].Member = 4 })},
		{"an index over the limit", mod(func(c *dkg.Config) { c.NewNodes[3].Index = dkg.MaxIndex + 1 })},
		{"the identity as a public key", mod(func(c *dkg.Config) { c.NewNodes[3].Public = s.Point().Null() })},
		{"a key that is not ours", mod(func(c *dkg.Config) { c.Longterm = other.Private })},
		{"old threshold without old nodes", mod(func(c *dkg.Config) { c.OldThreshold = 2 })},
		{"resharing without a share or coefficients", mod(func(c *dkg.Config) {
			c.OldNodes, c.OldThreshold = c.NewNodes, 3
		})},
		{"resharing with too few coefficients", mod(func(c *dkg.Config) {
			c.OldNodes, c.OldThreshold = c.NewNodes[1:], 2
			c.PublicCoeffs = []kyber.Point{s.Point().Base()}
		})},
	}
	net := mpctest.NewNetwork(4, 1)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := dkg.Run(context.Background(), net.Transport(0), c.cfg); !errors.Is(err, dkg.ErrConfig) {
				t.Fatalf("got %v, want ErrConfig", err)
			}
		})
	}
	t.Run("conflicting phase timeouts", func(t *testing.T) {
		_, err := dkg.Run(context.Background(), net.Transport(0), base,
			dkg.WithPhaseTimeout(time.Second), dkg.WithPhaseTimeout(2*time.Second))
		if !errors.Is(err, dkg.ErrConfig) {
			t.Fatalf("got %v, want ErrConfig", err)
		}
	})
}
