package attack_test

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// frostAttacker is a malicious coordinator of FROST Ed25519 sets (node 0, through
// node.PKPHooks) colluding with the client; it behaves on every other scheme.
type frostAttacker struct {
	mu     sync.Mutex
	attack func(ctx context.Context, c *node.PKPCoordination)
	slots  []node.PKPAssignment // every assignment it made, in order
}

func (a *frostAttacker) coordinate(ctx context.Context, c *node.PKPCoordination) {
	a.mu.Lock()
	attack := a.attack
	if c.Scheme == "frost-ed25519" {
		a.slots = append(a.slots, c.Assignment)
	}
	a.mu.Unlock()
	if attack == nil || c.Scheme != "frost-ed25519" {
		for m := 1; m < len(c.Members); m++ {
			_ = c.Confirm(ctx, m, c.Assignment, c.Contribution)
		}
		return
	}
	attack(ctx, c)
}

func (a *frostAttacker) set(fn func(ctx context.Context, c *node.PKPCoordination)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.attack = fn
}

// frostAttackSetup is a 4-node cluster whose node 0 coordinates FROST Ed25519 sets
// maliciously, an Ed25519 PKP the colluding client owns, and node 0's warm Ed25519 set.
type frostAttackSetup struct {
	c     *testnet.Cluster
	a     *frostAttacker
	pkp   *client.SchemePKP
	owner *client.Session
	peers []string // the attacker's warm set, canonical order (the attacker first)
	urls  []string
	self  string
}

func newFrostAttackSetup(ctx context.Context, t *testing.T) *frostAttackSetup {
	t.Helper()
	a := &frostAttacker{}
	c := pkptest.Cluster(ctx, t, 4, 4, 1, func(i int, cfg *node.Config) {
		if i == 0 {
			cfg.PKPHooks = &node.PKPHooks{Coordinate: a.coordinate}
		}
	})
	pkptest.WaitFrostPools(ctx, c, 2)
	s := &frostAttackSetup{c: c, a: a, self: c.Members()[0].ID.String()}
	cl := testnet.NewClient(c.NetworkFile())
	t.Cleanup(cl.Close)
	var err error
	if s.pkp, err = cl.MintPKPOfType(ctx, pkptest.DevKey(t, 6), chain.KeyTypeEd25519); err != nil {
		t.Fatal(err)
	}
	s.owner = pkptest.Session(t, pkptest.DevKey(t, 6))
	st, _ := c.Members()[0].Node().PKPPools()
	nf := c.NetworkFile()
	for _, set := range st.Schemes[api.SchemeSchnorrEd25519Sha512] {
		if set.Coordinator && set.Warm {
			for _, p := range set.Members {
				i := slices.IndexFunc(nf.Nodes, func(e client.NodeEntry) bool { return e.PeerID == p })
				s.peers, s.urls = append(s.peers, p), append(s.urls, nf.Nodes[i].URL)
			}
			break
		}
	}
	if len(s.peers) != 3 || s.peers[0] != s.self {
		t.Fatalf("the attacker's warm Ed25519 set is %v", s.peers)
	}
	return s
}

func (s *frostAttackSetup) request(id string, msg []byte) api.PKPSignRequest {
	return api.PKPSignRequest{ToSign: msg, PubKey: s.pkp.TokenID, RequestID: id, NodeSet: s.peers, SigningScheme: api.SchemeSchnorrEd25519Sha512}
}

// frostLoot is every share any member released to the colluding client.
type frostLoot struct {
	mu     sync.Mutex
	shares []api.PKPSchemeShare
}

// sendAll posts reqs[i] to member i of the attacker's set, all at once, keeping every share
// released; it returns each member's error.
func (s *frostAttackSetup) sendAll(ctx context.Context, t *testing.T, l *frostLoot, reqs []api.PKPSignRequest) []error {
	t.Helper()
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	for i := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sh, err := pkptest.PostSignAs[api.PKPSchemeShare](ctx, t, s.urls[i], reqs[i], s.owner)
			if err == nil {
				l.mu.Lock()
				l.shares = append(l.shares, *sh)
				l.mu.Unlock()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	return errs
}

// oneUsePerSlot asserts FROST's at-most-once promise on everything released: no member
// released shares of one slot for two signing packages (two shares with one nonce pair under
// different binding factors or challenges; three reveal the member's key share).
func (l *frostLoot) oneUsePerSlot(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	seen := map[string]string{}
	for _, sh := range l.shares {
		k := sh.PeerID + "/" + sh.SlotID
		if first, ok := seen[k]; ok && first != sh.SigningPackage {
			t.Fatalf("member %s released shares of slot %s for two signing packages", sh.PeerID, sh.SlotID)
		}
		seen[k] = sh.SigningPackage
	}
}

// noHonestShare: neither honest member of the attacker's set released a share.
func noHonestShare(t *testing.T, errs []error) {
	t.Helper()
	for m := 1; m < 3; m++ {
		if errs[m] == nil {
			t.Fatalf("honest member %d released a share under attack", m)
		}
	}
}

func msg32(s string) []byte {
	h := hashOf(s)
	return h[:]
}

// TestMaliciousFROSTCoordinator: the coordinator of a FROST Ed25519 signer set is corrupt and
// colludes with the client. Whatever it assigns, no honest member releases a share for a slot
// the whole set did not confirm with one signing package, a slot is never used twice, the
// coordinator is blamed on proof, and a retry without it signs.
//
// Each attack runs on its own cluster: a proven equivocation makes the honest members leave
// the coordinator out until the epoch ends, and with sets of three of four nodes a second
// attack on the same cluster would only meet that refusal, not the protection it tests.
func TestMaliciousFROSTCoordinator(t *testing.T) {
	for _, tc := range []struct {
		name     string
		requests func(s *frostAttackSetup, id string) []api.PKPSignRequest
		attack   func(ctx context.Context, c *node.PKPCoordination, used node.PKPAssignment)
		check    func(t *testing.T, s *frostAttackSetup, errs []error)
	}{
		{
			name: "a false signing-package digest to one member",
			attack: func(ctx context.Context, c *node.PKPCoordination, _ node.PKPAssignment) {
				_ = c.Confirm(ctx, 1, c.Assignment, c.Contribution)
				_ = c.Confirm(ctx, 2, c.Assignment, [32]byte{1})
			},
			check: func(t *testing.T, s *frostAttackSetup, errs []error) {
				// Member 1 may sign, if member 2's confirmation reached it before member 2
				// saw the false digest: every confirmation it got was consistent, and without
				// member 2's share nobody has a signature (oneUsePerSlot checks the slot).
				wantErr(t, "member 2", errs[2], api.KindConflict, "confirmed another signing package")
				if why := excludedBy(s.c, memberIndex(t, s.c, s.peers[2]), s.self); !strings.Contains(why, "false_contribution") {
					t.Fatalf("member 2 does not exclude the coordinator: %q", why)
				}
			},
		},
		{
			name: "one slot under two request digests",
			requests: func(s *frostAttackSetup, id string) []api.PKPSignRequest {
				return []api.PKPSignRequest{s.request(id, msg32("first")), s.request(id, msg32("first")), s.request(id, msg32("second"))}
			},
			attack: func(ctx context.Context, c *node.PKPCoordination, _ node.PKPAssignment) {
				_ = c.Confirm(ctx, 1, c.Assignment, c.Contribution)
				second := c.Assignment
				second.Digest = c.Digest(second.RequestID, [32]byte(msg32("second")))
				_ = c.Confirm(ctx, 2, second, c.Contribution)
			},
			check: frostEquivocationProven,
		},
		{
			name: "one slot for two requests",
			requests: func(s *frostAttackSetup, id string) []api.PKPSignRequest {
				return []api.PKPSignRequest{s.request(id, msg32("first")), s.request(id, msg32("first")), s.request(id+"-2", msg32("second"))}
			},
			attack: func(ctx context.Context, c *node.PKPCoordination, _ node.PKPAssignment) {
				_ = c.Confirm(ctx, 1, c.Assignment, c.Contribution)
				other := node.PKPAssignment{Requester: c.Assignment.Requester, RequestID: c.Assignment.RequestID + "-2", Presignature: c.Assignment.Presignature}
				other.Digest = c.Digest(other.RequestID, [32]byte(msg32("second")))
				_ = c.Confirm(ctx, 2, other, c.Contribution)
			},
			check: frostEquivocationProven,
		},
		{
			name: "a reused nonce-commitment slot",
			attack: func(ctx context.Context, c *node.PKPCoordination, used node.PKPAssignment) {
				again := c.Assignment
				again.Presignature = used.Presignature // the honest request's slot, spent
				for m := 1; m < len(c.Members); m++ {
					_ = c.Confirm(ctx, m, again, c.Contribution)
				}
			},
			check: func(t *testing.T, s *frostAttackSetup, errs []error) {
				// Every member remembers the slot's first assignment: a second one for it is
				// proof of equivocation (and the slot is gone from its pool anyway). A member
				// whose request comes after the other's refusal with the proof refuses it
				// because it already leaves the coordinator out: either way its refusal
				// carries the evidence.
				for m := 1; m < 3; m++ {
					wantErr(t, "member", errs[m], api.KindConflict, "")
					if !frostEvidence(t, s, m, errs[m]) {
						t.Fatalf("member %d refused without the evidence: %v", m, errs[m])
					}
				}
				noHonestShare(t, errs)
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
			defer cancel()
			s := newFrostAttackSetup(ctx, t)
			loot := &frostLoot{}

			// An honest signature first: the slot it used is the one a replay names.
			id := randomID(t)
			honest := s.request(id, msg32("honest"))
			for i, err := range s.sendAll(ctx, t, loot, []api.PKPSignRequest{honest, honest, honest}) {
				if err != nil {
					t.Fatalf("member %d refused an honest request: %v", i, err)
				}
			}
			s.a.mu.Lock()
			used := s.a.slots[len(s.a.slots)-1]
			s.a.mu.Unlock()

			s.a.set(func(ctx context.Context, c *node.PKPCoordination) { tc.attack(ctx, c, used) })
			id = randomID(t)
			req := s.request(id, msg32(id))
			reqs := []api.PKPSignRequest{req, req, req}
			if tc.requests != nil {
				reqs = tc.requests(s, id)
			}
			errs := s.sendAll(ctx, t, loot, reqs)
			t.Logf("members answered: %v", errs)
			tc.check(t, s, errs)
			loot.oneUsePerSlot(t)
			s.a.set(nil)

			// An honest client still signs: it leaves out the coordinator its members blame.
			cl := testnet.NewClient(s.c.NetworkFile())
			defer cl.Close()
			for i := range 3 {
				msg := []byte("after the attack " + string(rune('a'+i)))
				sig, err := cl.PKPSignScheme(ctx, s.pkp.TokenID, api.SchemeSchnorrEd25519Sha512, msg, s.owner, nil)
				if err != nil {
					t.Fatalf("sign after the attack: %v", err)
				}
				raw, pub := sig.Bytes()
				if !ed25519.Verify(pub, msg, raw) {
					t.Fatal("crypto/ed25519 rejects the signature")
				}
			}
		})
	}
}

// frostEvidence reports whether a member's refusal carries evidence of equivocation, and checks
// it as a client does, a FROST slot's like an ECDSA presignature's: two assignments of the
// slot, of scheme frost-ed25519 (in the signed bytes), that verify under the coordinator's
// libp2p key.
func frostEvidence(t *testing.T, s *frostAttackSetup, m int, err error) bool {
	t.Helper()
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Evidence == nil {
		return false
	}
	ev := ae.Evidence
	msgs, err := ev.Check()
	if err != nil || ev.Accused != s.self {
		t.Fatalf("member %d: evidence accusing %s: %v", m, ev.Accused, err)
	}
	pid, err := peer.Decode(ev.Accused)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := pid.ExtractPublicKey()
	if err != nil {
		t.Fatal(err)
	}
	for i, msg := range msgs {
		if ev.Assignments[i].Scheme != "frost-ed25519" {
			t.Fatalf("member %d: evidence of scheme %q", m, ev.Assignments[i].Scheme)
		}
		if ok, err := pub.Verify(msg, ev.Assignments[i].Signature); err != nil || !ok {
			t.Fatalf("member %d: assignment %d of the evidence does not verify", m, i)
		}
	}
	return true
}

// frostEquivocationProven: both honest members hold two assignments the coordinator signed
// for one slot; each refuses, excludes the coordinator until the epoch ends, and counts it.
func frostEquivocationProven(t *testing.T, s *frostAttackSetup, errs []error) {
	t.Helper()
	noHonestShare(t, errs)
	// The proof travels with the refusals as typed evidence (frostEvidence).
	proven := false
	for m := 1; m < 3; m++ {
		proven = frostEvidence(t, s, m, errs[m]) || proven
	}
	if !proven {
		t.Fatalf("no member's refusal carries the evidence: %v", errs)
	}
	for m := 1; m < 3; m++ {
		wantErr(t, "member", errs[m], api.KindConflict, "")
		idx := memberIndex(t, s.c, s.peers[m])
		// A member may only have heard the other's refusal with the evidence: it checks the
		// evidence itself, so it excludes too.
		s.c.WaitFor(context.Background(), fmt.Sprintf("member %d to exclude the equivocating coordinator", m), func() (bool, string) {
			why := excludedBy(s.c, idx, s.self)
			return strings.Contains(why, "equivocation"), fmt.Sprintf("%q (its answer: %v)", why, errs[m])
		})
	}
}

// A FROST signer that sends a wrong share is named and left out; the next set signs. A BLS
// node that sends a wrong partial is named; the others' partials sign.
func TestMaliciousSchemeSignerIsNamedAndExcluded(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var evil atomic.Bool
	c := pkptest.Cluster(ctx, t, 4, 4, 1, func(i int, cfg *node.Config) {
		if i == 1 {
			cfg.PKPHooks = &node.PKPHooks{SchemeShare: func(scheme string, share []byte) []byte {
				if !evil.Load() {
					return share
				}
				out := slices.Clone(share)
				out[len(out)-1] ^= 1 // a FROST z off by a little, or a BLS point that is not the partial
				if scheme == api.SchemeBLSAugmentation {
					out = append(out[:2], make([]byte, len(share)-2)...)
					out[2] = 0xc0 // the point at infinity, canonical and in the group: wrong
				}
				return out
			}}
		}
	})
	pkptest.WaitFrostPools(ctx, c, 2)
	evil.Store(true)
	bad := c.Members()[1].ID.String()
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	const owner = 7
	pkps := pkptest.SchemePKPs(ctx, t, cl, c, owner)
	auth := pkptest.Session(t, pkptest.DevKey(t, owner))
	for _, sc := range pkptest.SchemeCases {
		t.Run(sc.Scheme, func(t *testing.T) {
			// Sets are windows of three of the four nodes: the client's random choice may
			// leave node 1 out; it is in three sets of four, so a dozen signatures ask it.
			named := false
			for round := 0; round < 12; round++ {
				msg := sc.Msg(100 + round)
				sig, err := cl.PKPSignScheme(ctx, pkps[sc.KT].TokenID, sc.Scheme, msg, auth, nil)
				if err != nil {
					t.Fatalf("sign: %v", err)
				}
				pkptest.VerifyIndependently(t, sig, msg, nil)
				if slices.Contains(sig.Signers, bad) {
					t.Fatalf("the malicious signer's share was combined: %v", sig.Signers)
				}
				for _, r := range sig.Rejected {
					if r.PeerID == bad && strings.Contains(r.Reason, "wrong") {
						named = true
					} else if r.PeerID != bad {
						t.Fatalf("an honest node was rejected: %v", r)
					}
				}
				if named {
					return
				}
			}
			t.Fatalf("%s: the malicious signer %s was never named in a dozen signatures", sc.Scheme, bad)
		})
	}
}
