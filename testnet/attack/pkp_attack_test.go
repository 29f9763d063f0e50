package attack_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/ecdsa/ecdsatest"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// attacker is a malicious coordinator (node 0 of the cluster, through node.PKPHooks) and the
// client colluding with it: what it does with each request, and everything it collects.
type attacker struct {
	mu     sync.Mutex
	attack func(ctx context.Context, c *node.PKPCoordination, a *attacker) // nil: behave
	known  map[ecdsa.ID]ecdsatest.Known                                    // its own secret shares, per presignature
}

func (a *attacker) coordinate(ctx context.Context, c *node.PKPCoordination) {
	a.keep(c.Presignature)
	a.mu.Lock()
	attack := a.attack
	a.mu.Unlock()
	if attack == nil {
		for m := 1; m < len(c.Members); m++ {
			_ = c.Confirm(ctx, m, c.Assignment, c.Presignature.Contribution())
		}
		return
	}
	attack(ctx, c, a)
}

// keep records the attacker's own secret shares of a presignature it holds.
func (a *attacker) keep(ps *ecdsa.Presignature) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if own, err := ecdsatest.SecretShares(ps); err == nil {
		a.known[ps.ID()] = own
	}
}

func (a *attacker) set(fn func(ctx context.Context, c *node.PKPCoordination, a *attacker)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.attack = fn
}

// loot is what the colluding client received: every signature share any member released.
type loot struct {
	mu     sync.Mutex
	shares []api.PKPSignShare
}

func (l *loot) add(s *api.PKPSignShare) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.shares = append(l.shares, *s)
}

// recoverRoot runs the key-recovery algebra (ecdsatest) on everything the attacker holds, one
// presignature at a time, and returns the root key if it falls out. self is the attacker's
// peer ID: its own shares are known outright.
func recoverRoot(t *testing.T, a *attacker, l *loot, self string, deg int, tweak *secp256k1.ModNScalar, root *secp256k1.PublicKey) (*secp256k1.ModNScalar, int) {
	t.Helper()
	a.mu.Lock()
	defer a.mu.Unlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	byPresig := map[string][]ecdsatest.Equation{}
	for _, s := range l.shares {
		pubRaw, err := hex.DecodeString(s.Presignature)
		if err != nil {
			t.Fatal(err)
		}
		pub, err := ecdsa.UnmarshalPublicPresignature(pubRaw)
		if err != nil {
			t.Fatal(err)
		}
		shRaw, err := hex.DecodeString(s.SignatureShare)
		if err != nil {
			t.Fatal(err)
		}
		sh, err := ecdsa.UnmarshalSignatureShare(shRaw)
		if err != nil {
			t.Fatal(err)
		}
		yRaw, err := hex.DecodeString(s.PublicKey[2:])
		if err != nil {
			t.Fatal(err)
		}
		y, err := secp256k1.ParsePubKey(yRaw)
		if err != nil {
			t.Fatal(err)
		}
		req := ecdsa.SignRequest{Tweak: tweak}
		h, _ := hex.DecodeString(s.DataSigned[2:])
		copy(req.Hash[:], h)
		rho, _ := hex.DecodeString(s.Rho)
		copy(req.Rho[:], rho)
		eq, err := ecdsatest.ShareEquation(pub, y, req, sh)
		if err != nil {
			t.Fatal(err)
		}
		if s.PeerID == self {
			// Positive control: the attacker's own released share satisfies the equation it
			// computes from public data, so a failure to recover the key is the protocol's
			// doing, not a mistake in the algebra.
			if own, ok := a.known[pub.ID()]; ok && !ecdsatest.Check(eq, own) {
				t.Fatalf("the share equation recomputed from public data does not hold for the attacker's own share of %s", pub.ID())
			}
			continue
		}
		byPresig[s.PresignatureID] = append(byPresig[s.PresignatureID], eq)
	}
	tried := 0
	for id, eqs := range byPresig {
		var pid ecdsa.ID
		raw, _ := hex.DecodeString(id)
		copy(pid[:], raw)
		own, ok := a.known[pid]
		if !ok {
			continue
		}
		tried++
		if x, ok := ecdsatest.Recover(deg, []ecdsatest.Known{own}, eqs); ok && ecdsatest.IsRoot(x, root) {
			return x, tried
		}
	}
	return nil, tried
}

// attackSetup is one cluster with a malicious coordinator at node 0, a PKP the colluding
// client owns, and the warm signer set node 0 coordinates.
type attackSetup struct {
	c      *testnet.Cluster
	nf     *client.NetworkFile
	a      *attacker
	pkp    *client.PKPInfo
	owner  *client.Session
	peers  []string // the attacker's warm set, canonical order (the attacker first)
	urls   []string
	tweak  *secp256k1.ModNScalar
	root   *secp256k1.PublicKey
	self   string
	degree int
}

func newAttackSetup(ctx context.Context, t *testing.T) *attackSetup {
	t.Helper()
	a := &attacker{known: map[ecdsa.ID]ecdsatest.Known{}}
	c := testnet.Start(ctx, t, 4, testnet.WithChain(), testnet.WithConfig(func(i int, cfg *node.Config) {
		cfg.PKPPool = 8
		if i == 0 {
			cfg.PKPHooks = &node.PKPHooks{Coordinate: a.coordinate}
		}
	}))
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	c.WaitPools(ctx, 4)
	s := &attackSetup{c: c, nf: c.NetworkFile(), a: a, self: c.Members()[0].ID.String(), degree: 1}
	cl := testnet.NewClient(s.nf)
	t.Cleanup(cl.Close)
	owner := pkptest.DevKey(t, 6)
	var err error
	if s.pkp, err = cl.MintPKP(ctx, owner); err != nil {
		t.Fatal(err)
	}
	s.owner = pkptest.Session(t, owner)
	st, _ := c.Members()[0].Node().PKPPools()
	for _, set := range st.Sets {
		if set.Coordinator && set.Warm {
			for _, p := range set.Members {
				for _, e := range s.nf.Nodes {
					if e.PeerID == p {
						s.peers, s.urls = append(s.peers, p), append(s.urls, e.URL)
					}
				}
			}
			break
		}
	}
	if len(s.peers) != 3 || s.peers[0] != s.self {
		t.Fatalf("the attacker's warm set is %v", s.peers)
	}
	if err := c.Chain.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	keyID, err := c.Chain.KeyIDOf(ctx, pkptest.MustToken(t, s.pkp.TokenID))
	if err != nil {
		t.Fatal(err)
	}
	if s.tweak, err = ecdsa.Epsilon(ecdsa.KeyID(keyID)); err != nil {
		t.Fatal(err)
	}
	yRaw, _ := hex.DecodeString(s.pkp.PublicKey[2:])
	y, err := secp256k1.ParsePubKey(yRaw)
	if err != nil {
		t.Fatal(err)
	}
	// X = Y − ε·G
	var yj, ej, xj secp256k1.JacobianPoint
	y.AsJacobian(&yj)
	var neg secp256k1.ModNScalar
	neg.NegateVal(s.tweak)
	secp256k1.ScalarBaseMultNonConst(&neg, &ej)
	secp256k1.AddNonConst(&yj, &ej, &xj)
	xj.ToAffine()
	s.root = secp256k1.NewPublicKey(&xj.X, &xj.Y)
	return s
}

// request builds the colluding client's request for a hash.
func (s *attackSetup) request(id string, hash [32]byte) api.PKPSignRequest {
	return api.PKPSignRequest{ToSign: hash[:], PubKey: s.pkp.TokenID, RequestID: id, NodeSet: s.peers}
}

// sendAll posts reqs[i] to member i of the attacker's set, all at once, keeping every share
// released; it returns each member's error.
func (s *attackSetup) sendAll(ctx context.Context, t *testing.T, l *loot, reqs []api.PKPSignRequest) []error {
	t.Helper()
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	for i := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sh, err := pkptest.PostSign(ctx, t, s.urls[i], reqs[i], s.owner)
			if err == nil {
				l.add(sh)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	return errs
}

func randomID(t *testing.T) string {
	t.Helper()
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return "attack-" + hex.EncodeToString(b[:])
}

// scrape returns the value of a Prometheus series on a node's /metrics (0 if absent).
func scrape(ctx context.Context, t *testing.T, nodeURL, series string) float64 {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, nodeURL+"/metrics", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.UnverifiedHTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(body), "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err != nil {
				t.Fatalf("%s: %q", series, line)
			}
			return v
		}
	}
	return 0
}

// excludedBy returns the reason node i leaves peer p out of its signer sets ("" if it does not).
func excludedBy(c *testnet.Cluster, i int, p string) string {
	st, ok := c.Members()[i].Node().PKPPools()
	if !ok {
		return ""
	}
	for _, x := range st.Excluded {
		if x.Peer == p {
			return x.Reason
		}
	}
	return ""
}

// memberIndex returns the cluster index of the node with peer ID p.
func memberIndex(t *testing.T, c *testnet.Cluster, p string) int {
	t.Helper()
	for _, m := range c.Members() {
		if m.ID.String() == p {
			return m.Index
		}
	}
	t.Fatalf("no member %s", p)
	return -1
}

// TestMaliciousCoordinator: one signer set's coordinator is corrupt and colludes with the
// client. Whatever it sends the members, the shares they release must not let it solve for
// the root key (docs/ecdsa.md, "Signer agreement"): the test collects everything the attacker
// gets — its own presignature shares, every signature share any member releases to the
// colluding client — and runs the key-recovery algebra of mpc/ecdsa's
// TestAgreementBypassedRecoversTheRootKey on it. Before the agreement (commit history: the
// coordinator drew ρ and told each member separately) the first case recovered the root key.
func TestMaliciousCoordinator(t *testing.T) {
	for _, tc := range []struct {
		name string
		// hashes for the members (the colluding client's requests); ids for their request ids
		requests func(id string) []api.PKPSignRequest
		attack   func(ctx context.Context, c *node.PKPCoordination, a *attacker)
		check    func(t *testing.T, s *attackSetup, o attackOutcome)
	}{
		{
			name: "a different ρ contribution for each member",
			attack: func(ctx context.Context, c *node.PKPCoordination, _ *attacker) {
				_ = c.Confirm(ctx, 1, c.Assignment, c.Presignature.Contribution())
				var other [32]byte
				_, _ = rand.Read(other[:])
				_ = c.Confirm(ctx, 2, c.Assignment, other)
			},
			check: func(t *testing.T, s *attackSetup, o attackOutcome) {
				// Member 2 holds proof (the commitment is in the agreed presignature): it
				// excludes the coordinator. Member 1 only hears member 2's refusal: it blames
				// nobody.
				wantErr(t, "member 2", o.errs[2], api.KindConflict, "does not open its commitment")
				if why := excludedBy(s.c, memberIndex(t, s.c, s.peers[2]), s.self); !strings.Contains(why, "false_contribution") {
					t.Fatalf("member 2 does not exclude the coordinator: %q", why)
				}
				// Member 1 signs only if member 2 had confirmed (from member 1's relay) before the
				// coordinator's false contribution reached it; then both hold the true
				// contributions and agree — checked for every case by agreedShares.
				if why := excludedBy(s.c, memberIndex(t, s.c, s.peers[1]), s.peers[2]); why != "" {
					t.Fatalf("member 1 excludes honest member 2 on its word: %q", why)
				}
			},
		},
		{
			name: "one presignature under two request digests (the colluding client sends them)",
			requests: func(id string) []api.PKPSignRequest {
				return []api.PKPSignRequest{{RequestID: id, ToSign: hashOf("first")}, {RequestID: id, ToSign: hashOf("first")}, {RequestID: id, ToSign: hashOf("second")}}
			},
			attack: func(ctx context.Context, c *node.PKPCoordination, _ *attacker) {
				_ = c.Confirm(ctx, 1, c.Assignment, c.Presignature.Contribution())
				second := c.Assignment
				second.Digest = c.Digest(second.RequestID, [32]byte(hashOf("second")))
				_ = c.Confirm(ctx, 2, second, c.Presignature.Contribution())
			},
			check: equivocationProven,
		},
		{
			name: "one presignature for two requests",
			requests: func(id string) []api.PKPSignRequest {
				return []api.PKPSignRequest{{RequestID: id, ToSign: hashOf("first")}, {RequestID: id, ToSign: hashOf("first")}, {RequestID: id + "-2", ToSign: hashOf("second")}}
			},
			attack: func(ctx context.Context, c *node.PKPCoordination, _ *attacker) {
				_ = c.Confirm(ctx, 1, c.Assignment, c.Presignature.Contribution())
				other := node.PKPAssignment{Requester: c.Assignment.Requester, RequestID: c.Assignment.RequestID + "-2", Presignature: c.Assignment.Presignature}
				other.Digest = c.Digest(other.RequestID, [32]byte(hashOf("second")))
				_ = c.Confirm(ctx, 2, other, c.Presignature.Contribution())
			},
			check: equivocationProven,
		},
		{
			name: "two presignatures for one request",
			attack: func(ctx context.Context, c *node.PKPCoordination, a *attacker) {
				_ = c.Confirm(ctx, 1, c.Assignment, c.Presignature.Contribution())
				second, err := c.Reserve()
				if err != nil {
					return
				}
				a.keep(second)
				other := c.Assignment
				other.Presignature = second.ID()
				_ = c.Confirm(ctx, 2, other, second.Contribution())
			},
			check: func(t *testing.T, s *attackSetup, o attackOutcome) {
				// Two presignatures for one request prove nothing (an honest coordinator signs
				// them after a restart): whoever sees both refuses the request and burns them,
				// and nobody is excluded. A member that saw only its own assignment may have
				// released its share — for the one tuple every member confirmed to it.
				if o.errs[1] == nil && o.errs[2] == nil {
					t.Fatal("both honest members released a share")
				}
				for m := 1; m <= 2; m++ {
					if o.errs[m] != nil && !strings.Contains(o.errs[m].Error(), "two presignatures") && !strings.Contains(o.errs[m].Error(), "refused") {
						t.Fatalf("member %d: %v, want a refusal of the request's second presignature", m, o.errs[m])
					}
				}
				for i := range s.c.Members() {
					if why := excludedBy(s.c, i, s.self); why != "" {
						t.Fatalf("node %d excludes the coordinator without proof: %q", i, why)
					}
				}
			},
		},
		{
			name: "withholding the assignment from one member",
			attack: func(ctx context.Context, c *node.PKPCoordination, _ *attacker) {
				_ = c.Confirm(ctx, 1, c.Assignment, c.Presignature.Contribution())
			},
			check: func(t *testing.T, s *attackSetup, o attackOutcome) {
				// Member 2 learns the assignment from member 1's confirmation, but the
				// coordinator's contribution never comes: it burns the presignature and names
				// the coordinator; nothing proves the coordinator withheld anything, so nobody
				// is excluded. The coordinator and member 1 agreed (every member confirmed the
				// same tuple to them) and released their shares: one honest share.
				wantErr(t, "member 2", o.errs[2], "", "no confirmation from "+s.self)
				for i := range s.c.Members() {
					if why := excludedBy(s.c, i, s.self); why != "" {
						t.Fatalf("node %d excludes the coordinator without proof: %q", i, why)
					}
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
			defer cancel()
			s := newAttackSetup(ctx, t)

			// Control: through the honest coordinator path, the attacker's algebra is checked
			// against its own share (recoverRoot's positive control), and shares agreeing on
			// one request yield nothing.
			var control loot
			id := randomID(t)
			req := s.request(id, [32]byte(hashOf(id)))
			for i, err := range s.sendAll(ctx, t, &control, []api.PKPSignRequest{req, req, req}) {
				if err != nil {
					t.Fatalf("control request, member %d: %v", i, err)
				}
			}
			if x, _ := recoverRoot(t, s.a, &control, s.self, s.degree, s.tweak, s.root); x != nil {
				t.Fatal("the root key fell out of an honest signature")
			}

			// The attack.
			var l loot
			s.a.set(tc.attack)
			id = randomID(t)
			req = s.request(id, [32]byte(hashOf(id)))
			reqs := []api.PKPSignRequest{req, req, req}
			if tc.requests != nil {
				reqs = tc.requests(id)
			}
			for i := range reqs {
				hash := reqs[i].ToSign
				if hash == nil {
					hash = hashOf(id)
				}
				reqs[i] = s.request(reqs[i].RequestID, [32]byte(hash))
				if reqs[i].RequestID == "" {
					reqs[i].RequestID = id
				}
			}
			errs := s.sendAll(ctx, t, &l, reqs)
			t.Logf("members answered: %v", errs)
			x, tried := recoverRoot(t, s.a, &l, s.self, s.degree, s.tweak, s.root)
			if x != nil {
				b := x.Bytes()
				t.Fatalf("the attacker recovered the root private key %x… from %d shares (tried %d presignatures)", b[:4], len(l.shares), tried)
			}
			agreedShares(t, &l)
			tc.check(t, s, attackOutcome{errs: errs})

			// An honest client still signs: it leaves out the coordinator the honest members
			// blame (or that failed to coordinate) and signs on another set.
			cl := testnet.NewClient(s.nf)
			defer cl.Close()
			for i := range 3 {
				hash := sha256.Sum256([]byte(fmt.Sprint("after the attack ", i)))
				sig, err := cl.PKPSign(ctx, s.pkp.TokenID, hash, s.owner)
				if err != nil {
					t.Fatalf("an honest client after the attack: %v", err)
				}
				pkptest.CheckRecovers(t, sig, hash, s.pkp.EthAddress)
			}
		})
	}
}

// agreedShares checks the agreement's promise directly: every share released for one
// presignature was made for the same hash and ρ.
func agreedShares(t *testing.T, l *loot) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	seen := map[string]api.PKPSignShare{}
	for _, s := range l.shares {
		if first, ok := seen[s.PresignatureID]; ok && (first.Rho != s.Rho || first.DataSigned != s.DataSigned) {
			t.Fatalf("presignature %s signed for two requests: %s/%s by %s and %s/%s by %s",
				s.PresignatureID, first.DataSigned, first.Rho, first.PeerID, s.DataSigned, s.Rho, s.PeerID)
		}
		seen[s.PresignatureID] = s
	}
}

// attackOutcome is what the attacker's set answered the colluding client.
type attackOutcome struct {
	errs []error // each member's answer, canonical order
}

func hashOf(s string) api.Bytes {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

func wantErr(t *testing.T, who string, err error, kind api.Kind, says string) {
	t.Helper()
	if err == nil || (kind != "" && pkptest.KindOf(err) != kind) || !strings.Contains(err.Error(), says) {
		t.Fatalf("%s: got %v, want %s saying %q", who, err, kind, says)
	}
}

// equivocationProven checks the outcome of an attack that hands the members two conflicting
// signed assignments. At least one honest member sees both (the other's confirmation carries
// the assignment it got) and refuses; the other either refuses too or — when its peer had
// adopted its assignment, relayed, before the coordinator's conflicting one arrived — released
// its share for the one tuple every member confirmed to it. Either way both end up holding
// the proof (it travels with the refusal), exclude the coordinator until the next epoch and
// count the equivocation in /metrics.
func equivocationProven(t *testing.T, s *attackSetup, o attackOutcome) {
	t.Helper()
	if o.errs[1] == nil && o.errs[2] == nil {
		t.Fatal("both honest members released a share")
	}
	for m := 1; m <= 2; m++ {
		i := memberIndex(t, s.c, s.peers[m])
		s.c.WaitFor(context.Background(), fmt.Sprintf("member %d to exclude the equivocating coordinator", m), func() (bool, string) {
			why := excludedBy(s.c, i, s.self)
			return strings.Contains(why, "equivocation"), fmt.Sprintf("%q (its answer: %v)", why, o.errs[m])
		})
		if v := scrape(context.Background(), t, s.urls[m], "litmesh_pkp_equivocations_total"); v < 1 {
			t.Fatalf("member %d counts %v equivocations", m, v)
		}
	}
}

// spoiler is a malicious member's presigning transport: once, in the first session it runs,
// it changes the last byte of its round-3 message to one honest member (the victim) — a false
// proof of w shown to that member only, so that the victim's checks fail while everyone
// else's pass.
type spoiler struct {
	mu      sync.Mutex
	done    bool
	members []peer.ID
	victim  peer.ID
}

func (s *spoiler) wrap(members []peer.ID, tr mpc.Transport) mpc.Transport {
	return &spoilingTransport{Transport: tr, s: s, members: members, sent: map[int]int{}}
}

type spoilingTransport struct {
	mpc.Transport
	s       *spoiler
	members []peer.ID
	mu      sync.Mutex
	sent    map[int]int // messages sent per member: the third is round 3
}

func (t *spoilingTransport) Send(ctx context.Context, to int, payload []byte) error {
	t.mu.Lock()
	t.sent[to]++
	third := t.sent[to] == 3
	t.mu.Unlock()
	if third {
		t.s.mu.Lock()
		if !t.s.done {
			t.s.done = true
			t.s.members = t.members
			t.s.victim = t.members[to]
			payload = slices.Clone(payload)
			payload[len(payload)-1] ^= 1 // the last scalar of the last proof of w
		}
		t.s.mu.Unlock()
	}
	return t.Transport.Send(ctx, to, payload)
}

// TestMaliciousMember: a member spoils round 3 of a presigning session for one honest member.
// That member's checks fail with a fault it verified (it blames the spoiler); the others'
// pass — and yet nobody pools the session's presignatures, because the victim vetoes them for
// all. Nobody blames anyone on another's word, every set's members hold the same
// presignatures, and signing goes on from other presignatures and sets.
func TestMaliciousMember(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	sp := &spoiler{}
	const bad = 1
	c := testnet.Start(ctx, t, 4, testnet.WithChain(), testnet.WithConfig(func(i int, cfg *node.Config) {
		cfg.PKPPool = 8
		if i == bad {
			cfg.PKPHooks = &node.PKPHooks{PresignTransport: sp.wrap}
		}
	}))
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	nf := c.NetworkFile()
	badPeer := c.Members()[bad].ID.String()

	c.WaitFor(ctx, "a session to be spoiled", func() (bool, string) {
		sp.mu.Lock()
		defer sp.mu.Unlock()
		return sp.done, ""
	})
	sp.mu.Lock()
	victim, spoiled := sp.victim.String(), slices.Clone(sp.members)
	sp.mu.Unlock()
	vi := memberIndex(t, c, victim)
	c.WaitFor(ctx, "the victim to blame the spoiler", func() (bool, string) {
		why := excludedBy(c, vi, badPeer)
		return strings.Contains(why, "presign"), why
	})
	// Every member of the spoiled set dropped the session: the victim because its run failed,
	// the others because the victim vetoed it.
	setKey := func(ps []peer.ID) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.String())
		}
		slices.Sort(s)
		return strings.Join(s, ",")
	}
	want := setKey(spoiled)
	c.WaitFor(ctx, "every member of the spoiled set to drop the session", func() (bool, string) {
		for _, p := range spoiled {
			st, ok := c.Members()[memberIndex(t, c, p.String())].Node().PKPPools()
			if !ok {
				return false, "no pools"
			}
			found := false
			for _, s := range st.Sets {
				if setKey(peerIDs(t, s.Members)) == want {
					found = true
					if s.Dropped < 1 {
						return false, fmt.Sprintf("%s dropped no session of the set", p)
					}
				}
			}
			if !found {
				return false, fmt.Sprintf("%s has no such set", p)
			}
		}
		return true, ""
	})
	// Blame only what you verified: nobody but the victim blames anyone.
	for i := range c.Members() {
		st, _ := c.Members()[i].Node().PKPPools()
		for _, x := range st.Excluded {
			if i != vi || x.Peer != badPeer {
				t.Fatalf("node %d excludes %s (%s) without having verified a fault", i, x.Peer, x.Reason)
			}
		}
	}
	// No presignature exists at fewer than all of its set's members.
	c.WaitFor(ctx, "every set's members to hold the same presignatures", func() (bool, string) {
		held := map[string]map[string][]int{} // set → presignature → holders
		size := map[string]int{}
		for _, m := range c.Members() {
			st, _ := m.Node().PKPPools()
			for _, s := range st.Sets {
				k := setKey(peerIDs(t, s.Members))
				size[k] = len(s.Members)
				if held[k] == nil {
					held[k] = map[string][]int{}
				}
				for _, id := range s.Ready {
					held[k][id] = append(held[k][id], m.Index)
				}
			}
		}
		for k, ids := range held {
			for id, by := range ids {
				if len(by) != size[k] {
					return false, fmt.Sprintf("presignature %s… of set %s held by nodes %v only", id[:8], k, by)
				}
			}
		}
		return true, ""
	})
	// Signing goes on.
	cl := testnet.NewClient(nf)
	defer cl.Close()
	owner := pkptest.DevKey(t, 8)
	pkp, err := cl.MintPKP(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		hash := sha256.Sum256([]byte(fmt.Sprint("after a spoiled session ", i)))
		sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, owner))
		if err != nil {
			t.Fatalf("signature %d: %v", i, err)
		}
		pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
	}
}

func peerIDs(t *testing.T, ss []string) []peer.ID {
	t.Helper()
	out := make([]peer.ID, len(ss))
	for i, s := range ss {
		p, err := peer.Decode(s)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = p
	}
	return out
}
