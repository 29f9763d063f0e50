package node

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/drand/kyber"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"golang.org/x/sync/errgroup"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/keystore"
)

// Keystore names of an epoch's key material.
const (
	blsShareName  = "bls-root-share"
	secpShareName = "secp256k1-root-share"
	membersName   = "members"
)

// dkgPhase bounds one phase (deals, responses, justifications) of a DKG or resharing among n
// members. A phase ends as soon as every bundle it expects has arrived, so the bound only decides
// how long a silent or slow member is waited for. Each member's work in a phase grows with n²
// (n bundles, each checked against a polynomial of degree ≈ 2n/3, each relayed to n−1 peers),
// so the bound does too: 15 s up to 16 members, 60 s at 32, 146 s at 50, at most 5 min. (At 32
// members on a loaded 2-core devnet a fixed 15 s failed every attempt: the response phase ended
// before the slowest members had checked their deals.)
func dkgPhase(n int) time.Duration {
	const base, maxPhase = 15 * time.Second, 5 * time.Minute
	d := base * time.Duration(n*n) / (16 * 16)
	return min(max(d, base), maxPhase)
}

// EpochKeys are this node's shares of the network's root keys for one epoch, with the validator
// set that holds them: share index i belongs to Members[i].
type EpochKeys struct {
	Epoch   uint64
	Self    int // this node's share index
	Members []Member
	BLS     *dkg.KeyShare // BLS12-381 root (degree T−1)
	Secp    *dkg.KeyShare // secp256k1 root for PKPs (degree t, see docs/ecdsa.md)
	// The scheme roots (keys_schemes.go, docs/schemes.md), degree T−1; nil in an epoch of a
	// network made before they existed, until its next key round.
	Ed25519 *dkg.KeyShare // FROST Ed25519
	Schnorr *dkg.KeyShare // FROST secp256k1 (BIP-340 and RFC 9591), apart from Secp
	BLSPKP  *dkg.KeyShare // BLS PKPs, apart from BLS
}

// Member is one holder of an epoch's shares.
type Member struct {
	Operator string `json:"operator"`
	PeerID   string `json:"peerId"`
	URL      string `json:"url"`
}

// BLSThreshold is T = ⌈2n/3⌉ for the epoch's set.
func (k *EpochKeys) BLSThreshold() int { return chain.Threshold(len(k.Members)) }

// ECDSADegree is t = ⌊(T−1)/2⌋: products of two degree-t sharings have degree 2t, so 2t+1 ≤ T
// signers can sign and t+1 colluding nodes could learn the key.
func ECDSADegree(n int) int { return (chain.Threshold(n) - 1) / 2 }

// ECDSASigners is how many nodes a PKP signature needs: 2t+1.
func (k *EpochKeys) ECDSASigners() int { return 2*ECDSADegree(len(k.Members)) + 1 }

// keyring holds the node's root-key shares per epoch and does the key work of epoch
// transitions.
type keyring struct {
	n  *Node
	ks *keystore.Keystore

	mu     sync.RWMutex
	epochs map[uint64]*EpochKeys
	dealt  map[uint64]bool // epochs this (leaving) node dealt its shares for
}

func newKeyring(n *Node) (*keyring, error) {
	kr := &keyring{n: n, ks: n.keystore, epochs: map[uint64]*EpochKeys{}, dealt: map[uint64]bool{}}
	eps, err := kr.ks.Epochs()
	if err != nil {
		return nil, fmt.Errorf("list keystore epochs: %w", err)
	}
	for _, e := range eps {
		if e == lifetimeEpoch {
			continue
		}
		k, err := kr.load(e)
		if errors.Is(err, keystore.ErrNotFound) {
			continue // an epoch whose key work never finished
		}
		if err != nil {
			return nil, fmt.Errorf("load the keys of epoch %d: %w", e, err)
		}
		kr.epochs[e] = k
	}
	if latest := kr.latest(); latest != nil {
		n.log.Info("loaded root-key shares", "epoch", latest.Epoch, "members", len(latest.Members))
	}
	return kr, nil
}

func (kr *keyring) load(e uint64) (*EpochKeys, error) {
	k := &EpochKeys{Epoch: e}
	raw, err := kr.ks.Get(e, membersName)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &k.Members); err != nil {
		return nil, fmt.Errorf("decode members: %w", err)
	}
	for _, s := range []struct {
		name  string
		suite dkg.Suite
		dst   **dkg.KeyShare
	}{{blsShareName, dkg.BLS12381(), &k.BLS}, {secpShareName, dkg.Secp256k1(), &k.Secp}} {
		raw, err := kr.ks.Get(e, s.name)
		if err != nil {
			return nil, err
		}
		if *s.dst, err = dkg.UnmarshalKeyShare(s.suite, raw); err != nil {
			return nil, fmt.Errorf("decode %s: %w", s.name, err)
		}
	}
	for _, sr := range schemeRoots {
		raw, err := kr.ks.Get(e, sr.store)
		if errors.Is(err, keystore.ErrNotFound) {
			continue // an epoch from before the scheme roots
		}
		if err != nil {
			return nil, err
		}
		if *sr.share(k), err = dkg.UnmarshalKeyShare(sr.suite(), raw); err != nil {
			return nil, fmt.Errorf("decode %s: %w", sr.store, err)
		}
	}
	k.Self = k.BLS.Share.I
	return k, nil
}

func (kr *keyring) store(k *EpochKeys) error {
	members, err := json.Marshal(k.Members)
	if err != nil {
		return err
	}
	bls, err := k.BLS.MarshalBinary(dkg.BLS12381())
	if err != nil {
		return err
	}
	secp, err := k.Secp.MarshalBinary(dkg.Secp256k1())
	if err != nil {
		return err
	}
	items := []struct {
		name string
		data []byte
	}{{blsShareName, bls}, {secpShareName, secp}}
	for _, sr := range schemeRoots {
		if ks := *sr.share(k); ks != nil {
			raw, err := ks.MarshalBinary(sr.suite())
			if err != nil {
				return err
			}
			items = append(items, struct {
				name string
				data []byte
			}{sr.store, raw})
		}
	}
	// Members last: its presence marks the epoch's key material complete.
	items = append(items, struct {
		name string
		data []byte
	}{membersName, members})
	for _, item := range items {
		if err := kr.ks.Put(k.Epoch, item.name, item.data); err != nil {
			return fmt.Errorf("store %s of epoch %d: %w", item.name, k.Epoch, err)
		}
	}
	kr.mu.Lock()
	kr.epochs[k.Epoch] = k
	kr.mu.Unlock()
	return nil
}

// prune forgets (and erases from the keystore) shares older than the previous epoch: once an
// epoch advanced, requests still in flight may finish on the epoch before, never earlier. The
// newest epoch this node holds keys for is never erased, whatever the chain says: the watcher
// advances one epoch at a time (judgeEpoch), and even then a node that left the set keeps its
// last shares rather than lose them to one wrong answer.
func (kr *keyring) prune(ms chain.Membership) {
	if ms.Epoch.Number < 2 {
		return
	}
	keep := ms.Epoch.Number - 1
	kr.mu.Lock()
	newest, haveNewest := uint64(0), false
	for e := range kr.epochs {
		if !haveNewest || e > newest {
			newest, haveNewest = e, true
		}
	}
	erasable := func(e uint64) bool {
		// Epoch 0 holds the node's lifetime DKG keys.
		return e != lifetimeEpoch && e < keep && !(haveNewest && e == newest)
	}
	for e := range kr.epochs {
		if erasable(e) {
			delete(kr.epochs, e)
		}
	}
	kr.mu.Unlock()
	eps, err := kr.ks.Epochs()
	if err != nil {
		kr.n.log.Warn("could not list old key shares", "error", err)
		return
	}
	for _, e := range eps {
		if !erasable(e) || (haveNewest && e > newest) {
			continue
		}
		if err := kr.ks.DropEpoch(e); err != nil {
			kr.n.log.Warn("could not erase old key shares", "epoch", e, "error", err)
			continue
		}
		kr.n.log.Info("erased old key shares", "epoch", e, "serving", ms.Epoch.Number)
	}
}

// ForEpoch returns the shares held for epoch e.
func (kr *keyring) ForEpoch(e uint64) (*EpochKeys, bool) {
	kr.mu.RLock()
	defer kr.mu.RUnlock()
	k, ok := kr.epochs[e]
	return k, ok
}

func (kr *keyring) latest() *EpochKeys {
	kr.mu.RLock()
	defer kr.mu.RUnlock()
	var best *EpochKeys
	for _, k := range kr.epochs {
		if best == nil || k.Epoch > best.Epoch {
			best = k
		}
	}
	return best
}

// Current returns the shares of the epoch the chain says is current, or a retryable error.
func (kr *keyring) Current() (*EpochKeys, error) {
	ms, ok := kr.n.epochs.snapshot()
	if !ok {
		return nil, api.Errorf(api.KindUnavailable, "this node has not read the validator set yet")
	}
	k, ok := kr.ForEpoch(ms.Epoch.Number)
	if !ok {
		return nil, api.WrongEpoch(ms.Epoch.Number, "this node holds no key shares for epoch %d", ms.Epoch.Number)
	}
	return k, nil
}

// transition is the key work of an epoch change. With no root keys on chain yet it is the first
// DKG of both root keys among the next set; afterwards it is a resharing: the members of the
// current set deal their shares to the next set, which ends with fresh shares of the same keys
// (the old shares stop combining with the new ones). Members leaving the set only deal.
func (kr *keyring) transition(ctx context.Context, ms *chain.Membership) error {
	next := ms.Epoch.Number + 1
	inNext := ms.OperatorInEpoch(next, kr.n.operator())
	fresh := len(ms.BLSRootKey) == 0 && len(ms.ECDSARootKey) == 0
	if k, ok := kr.ForEpoch(next); ok && inNext {
		if fresh || kr.unvoted(ms, k) {
			return kr.voteRootKeys(ctx, k)
		}
		return nil
	}
	if !inNext && (fresh || kr.hasDealt(next)) {
		return nil
	}
	r, err := kr.newRound(ms, fresh)
	if err != nil {
		return err
	}
	k, err := r.run(ctx)
	if err != nil {
		return err
	}
	if k == nil { // a leaving member: it dealt its shares and is done
		kr.markDealt(next)
		return nil
	}
	if fresh || kr.unvoted(ms, k) {
		return kr.voteRootKeys(ctx, k)
	}
	return nil
}

// unvoted reports whether k holds a scheme root the chain has not recorded yet (made by a
// key round that generated it, or whose vote did not go through).
func (kr *keyring) unvoted(ms *chain.Membership, k *EpochKeys) bool {
	for _, sr := range schemeRoots {
		if *sr.share(k) != nil && len(ms.SchemeRootKeys[sr.kt]) == 0 {
			return true
		}
	}
	return false
}

func (kr *keyring) hasDealt(e uint64) bool {
	kr.mu.RLock()
	defer kr.mu.RUnlock()
	return kr.dealt[e]
}

func (kr *keyring) markDealt(e uint64) {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	kr.dealt[e] = true
}

// ctlMsg is a control message of a key round, from its coordinator.
type ctlMsg struct {
	Kind    string `json:"kind"` // "start" or "done"
	Attempt uint32 `json:"attempt"`
	// The current public polynomials (resharing only), for members that hold no share yet;
	// they check them against the chain's root keys.
	BLSCommits  []string `json:"blsCommits,omitempty"`
	SecpCommits []string `json:"secpCommits,omitempty"`
	// SchemeCommits are the current public polynomials of the scheme roots the current set
	// holds, by key type name (resharing only); a scheme root absent here is generated afresh
	// by the next set.
	SchemeCommits map[string][]string `json:"schemeCommits,omitempty"`
	// EdKey is a member's own signed edwards25519 DKG key (hello); EdKeys are every member's
	// that the coordinator holds, in session order, empty where it has none (start).
	EdKey  *signedDKGKey   `json:"edKey,omitempty"`
	EdKeys []*signedDKGKey `json:"edKeys,omitempty"`
}

const maxCtlMsg = 256 << 10

// keyRound is one epoch's key generation or resharing as this node sees it. Its session
// members are the next set followed by the members leaving the current set.
type keyRound struct {
	kr       *keyring
	ms       *chain.Membership
	epoch    uint64 // the epoch the new shares are for
	fresh    bool
	newSet   []chain.Validator
	oldSet   []chain.Validator // the current set (resharing)
	oldKeys  *EpochKeys        // this node's shares of the current epoch (nil if none)
	union    []chain.Validator
	peers    []peer.ID
	self     int // index in union
	newIndex int // index in newSet, or -1 for a leaving member
	coord    int // the coordinator's index in union
	sid      string
	longterm DKGKeys
	members  []Member
	edKeys   []kyber.Point // the members' edwards25519 DKG keys (session order; nil: unknown)
}

func (kr *keyring) newRound(ms *chain.Membership, fresh bool) (*keyRound, error) {
	r := &keyRound{kr: kr, ms: ms, epoch: ms.Epoch.Number + 1, fresh: fresh, newSet: ms.Next}
	op := kr.n.operator()
	isOp := func(v chain.Validator) bool { return v.Operator == op }
	r.union = append([]chain.Validator(nil), r.newSet...)
	if !fresh {
		r.oldSet = ms.Active
		for _, v := range r.oldSet {
			if !slices.ContainsFunc(r.newSet, func(w chain.Validator) bool { return w.Operator == v.Operator }) {
				r.union = append(r.union, v)
			}
		}
		if k, ok := kr.ForEpoch(ms.Epoch.Number); ok {
			r.oldKeys = k
		}
	}
	r.self = slices.IndexFunc(r.union, isOp)
	if r.self < 0 {
		return nil, errors.New("this node is in neither the current nor the next validator set")
	}
	r.newIndex = slices.IndexFunc(r.newSet, isOp)
	if r.newIndex < 0 && r.oldKeys == nil {
		return nil, fmt.Errorf("leaving the set without shares of epoch %d: nothing to deal", ms.Epoch.Number)
	}
	// The coordinator: the first member of the next set that also holds the current keys, so it
	// can hand the current public polynomials to newcomers; the first current member otherwise.
	r.coord = 0
	if !fresh {
		r.coord = slices.IndexFunc(r.union, func(v chain.Validator) bool {
			return slices.ContainsFunc(r.oldSet, func(w chain.Validator) bool { return w.Operator == v.Operator })
		})
		if r.coord < 0 {
			return nil, errors.New("no member of the current set takes part in the resharing")
		}
	}
	var err error
	if r.longterm, err = loadDKGKeys(kr.ks); err != nil {
		return nil, err
	}
	r.peers = make([]peer.ID, len(r.union))
	for i, v := range r.union {
		r.peers[i] = peer.ID(v.PeerID)
	}
	r.members = make([]Member, len(r.newSet))
	for i, v := range r.newSet {
		r.members[i] = Member{Operator: v.Operator.Hex(), PeerID: peer.ID(v.PeerID).String(), URL: v.URL}
	}
	r.sid = sessionID(kr.n.cfg.Network, r.epoch, r.union)
	return r, nil
}

// run takes part in the round: the coordinator starts numbered attempts (each its own session,
// so a failed attempt's messages never mix into the next) once the members are connected, and
// declares an attempt done only after every member of the next set confirmed the same public
// polynomials; only then is the result kept. It returns nil keys for a leaving member.
func (r *keyRound) run(ctx context.Context) (*EpochKeys, error) {
	ctl, err := r.kr.n.sessions.Open(r.sid+"/control", r.peers)
	if err != nil {
		return nil, err
	}
	defer ctl.Close()
	if r.self == r.coord {
		return r.coordinate(ctx, ctl)
	}
	return r.follow(ctx, ctl)
}

//nolint:funlen,gocognit // the key round's coordinator, replaced by the key-round state machine (issue 18)
func (r *keyRound) coordinate(ctx context.Context, ctl mpc.Transport) (*EpochKeys, error) {
	const attempts = 5
	start := ctlMsg{Kind: "start"}
	if !r.fresh {
		if r.oldKeys == nil {
			return nil, fmt.Errorf("this coordinator holds no shares of epoch %d", r.ms.Epoch.Number)
		}
		start.BLSCommits, start.SecpCommits = hexPoints(r.oldKeys.BLS), hexPoints(r.oldKeys.Secp)
		for _, sr := range schemeRoots {
			if ks := *sr.share(r.oldKeys); ks != nil {
				if start.SchemeCommits == nil {
					start.SchemeCommits = map[string][]string{}
				}
				start.SchemeCommits[sr.name()] = hexPoints(ks)
			}
		}
	}
	own, err := r.kr.n.signEdKey(r.longterm.Ed)
	if err != nil {
		return nil, err
	}
	edKeys := make([]*signedDKGKey, len(r.peers))
	edKeys[r.self] = own
	// Members say hello once they are connected to every member of the next set, and repeat it
	// until started; members that missed a start get it again on their next hello. After an
	// attempt, each member of the next set acknowledges (ok) that its own agreement check
	// passed; only when all have is the attempt done.
	var mu sync.Mutex
	hello, acked := map[int]bool{}, map[int]bool{}
	current := int64(-1) // the attempt under way, -1 between attempts
	lctx, stopListen := context.WithCancel(ctx)
	defer stopListen()
	go func() {
		defer recoverGoroutine(r.kr.n.log, "key round control")
		for {
			m, err := ctl.Receive(lctx)
			if err != nil {
				return
			}
			var msg ctlMsg
			if len(m.Payload) > maxCtlMsg || json.Unmarshal(m.Payload, &msg) != nil {
				continue
			}
			mu.Lock()
			attempt := current
			switch {
			case msg.Kind == "hello":
				hello[m.From] = true
				if _, err := verifyEdKey(r.kr.n.cfg.Network, r.peers[m.From], msg.EdKey); err == nil {
					edKeys[m.From] = msg.EdKey
				}
			case msg.Kind == "ok" && int64(msg.Attempt) == attempt:
				acked[m.From] = true
			}
			mu.Unlock()
			if msg.Kind == "hello" && attempt >= 0 {
				mu.Lock()
				s := start
				mu.Unlock()
				s.Attempt = uint32(attempt)
				raw, _ := json.Marshal(s)
				_ = ctl.Send(lctx, m.From, raw)
			}
		}
	}()

	var lastErr error
	for try := 0; try < attempts; try++ {
		if err := r.waitFor(ctx, "join the key round", &mu, hello, 2*time.Minute, true); err != nil {
			return nil, err
		}
		// Attempt IDs are random, not counted: a coordinator that restarts must never reuse
		// the session of an attempt it started before.
		attempt := randomAttemptID()
		mu.Lock()
		start.Attempt = attempt
		start.EdKeys = slices.Clone(edKeys)
		raw, _ := json.Marshal(start)
		current = int64(attempt)
		clear(acked)
		mu.Unlock()
		if err := mpc.Broadcast(ctx, ctl, raw); err != nil {
			r.kr.n.log.Debug("some members missed the start; they get it on their next hello", "attempt", attempt, "error", err)
		}
		r.edKeys = r.checkEdKeys(start.EdKeys)
		k, err := r.attempt(ctx, attempt, r.oldCommits())
		if err == nil && k != nil {
			err = r.waitFor(ctx, "confirm the result", &mu, acked, max(30*time.Second, dkgPhase(len(r.newSet))), false)
		}
		mu.Lock()
		current = -1
		clear(hello) // a new attempt waits for fresh hellos: members that failed say so again
		mu.Unlock()
		if err == nil {
			if k != nil {
				if err := r.kr.store(k); err != nil {
					return nil, err
				}
			}
			done, _ := json.Marshal(ctlMsg{Kind: "done", Attempt: attempt})
			if err := sendAll(ctx, ctl, done, 10*time.Second); err != nil {
				r.kr.n.log.Warn("could not tell every member the key round is done", "error", err)
			}
			return k, nil
		}
		lastErr = err
		r.kr.n.log.Warn("key round attempt failed", "epoch", r.epoch, "attempt", attempt, "error", lastErr)
	}
	return nil, fmt.Errorf("key round failed %d times: %w", attempts, lastErr)
}

// waitFor waits until every member of the next set is in got (and, with leaving, every leaving
// member too, or a grace period passed: a resharing needs only enough current members).
func (r *keyRound) waitFor(ctx context.Context, what string, mu *sync.Mutex, got map[int]bool, limit time.Duration, leaving bool) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	grace := time.Now().Add(15 * time.Second)
	for {
		var missing, missingNew []string
		mu.Lock()
		for i, p := range r.peers {
			if i == r.self || got[i] || (!leaving && i >= len(r.newSet)) {
				continue
			}
			missing = append(missing, p.String())
			if i < len(r.newSet) {
				missingNew = append(missingNew, p.String())
			}
		}
		mu.Unlock()
		if len(missing) == 0 || (!r.fresh && len(missingNew) == 0 && time.Now().After(grace)) {
			return nil
		}
		r.kr.n.epochs.setStatus(fmt.Sprintf("epoch %d → %d: waiting for %d member(s) to %s: %v",
			r.epoch-1, r.epoch, len(missing), what, missing))
		select {
		case <-ctx.Done():
			return fmt.Errorf("members did not %s: %v", what, missing)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// meshed reports whether this node trusts a live connection to every member of the next set
// (and, for a first key generation, to every member: all of them run the protocol).
func (r *keyRound) meshed() bool {
	h := r.kr.n.host
	for i, p := range r.peers {
		if i == r.self || (!r.fresh && i >= len(r.newSet)) {
			continue
		}
		if !h.Gate.Trusted(p) || h.Network().Connectedness(p) != network.Connected {
			return false
		}
	}
	return true
}

//nolint:funlen,gocognit // the key round's follower, replaced by the key-round state machine (issue 18)
func (r *keyRound) follow(ctx context.Context, ctl mpc.Transport) (*EpochKeys, error) {
	var pending *EpochKeys
	pendingAttempt, havePending := uint32(0), false
	ran := map[uint32]bool{} // attempts this node took part in: never run one twice
	own, err := r.kr.n.signEdKey(r.longterm.Ed)
	if err != nil {
		return nil, err
	}
	helloMsg, _ := json.Marshal(ctlMsg{Kind: "hello", EdKey: own})
	sayHello := func() {
		if !r.meshed() {
			return // not yet connected to every member: the attempt would fail for us
		}
		if err := ctl.Send(ctx, r.coord, helloMsg); err != nil {
			r.kr.n.log.Debug("hello to the key-round coordinator failed; retrying", "error", err)
		}
	}
	sayHello()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		wctx, cancel := context.WithTimeout(ctx, time.Second)
		m, err := ctl.Receive(wctx)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if time.Now().After(deadline) {
				return nil, fmt.Errorf("waiting for the coordinator %s: no key round finished", r.peers[r.coord])
			}
			if !havePending {
				sayHello()
			}
			continue
		}
		var msg ctlMsg
		if m.From != r.coord || len(m.Payload) > maxCtlMsg || json.Unmarshal(m.Payload, &msg) != nil {
			r.kr.n.log.Warn("ignoring a bad key-round control message", "from", m.From)
			continue
		}
		switch msg.Kind {
		case "start":
			if ran[msg.Attempt] {
				continue // a repeated start of an attempt this node already ran
			}
			ran[msg.Attempt] = true
			pending, havePending = nil, false
			old, err := r.checkCommits(msg)
			if err != nil {
				return nil, fmt.Errorf("the coordinator's current public keys: %w", err)
			}
			r.edKeys = r.checkEdKeys(msg.EdKeys)
			k, err := r.attempt(ctx, msg.Attempt, old)
			if err != nil {
				r.kr.n.log.Warn("key round attempt failed", "epoch", r.epoch, "attempt", msg.Attempt, "error", err)
				sayHello()
				continue
			}
			pending, pendingAttempt, havePending = k, msg.Attempt, true
			deadline = time.Now().Add(3 * time.Minute)
			if k != nil {
				ok, _ := json.Marshal(ctlMsg{Kind: "ok", Attempt: msg.Attempt})
				if err := ctl.Send(ctx, r.coord, ok); err != nil {
					r.kr.n.log.Warn("could not confirm the key round to the coordinator", "error", err)
				}
			}
		case "done":
			if !havePending || pendingAttempt != msg.Attempt {
				return nil, fmt.Errorf("the coordinator finished attempt %d, which this node does not hold", msg.Attempt)
			}
			if pending != nil {
				if err := r.kr.store(pending); err != nil {
					return nil, err
				}
			}
			return pending, nil
		}
	}
}

// sendAll sends payload to every other member, retrying those that fail until limit.
func sendAll(ctx context.Context, tr mpc.Transport, payload []byte, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	todo := map[int]bool{}
	for i := 0; i < tr.Members(); i++ {
		if i != tr.Self() {
			todo[i] = true
		}
	}
	for {
		var lastErr error
		for i := range todo {
			if err := tr.Send(ctx, i, payload); err != nil {
				lastErr = err
				continue
			}
			delete(todo, i)
		}
		if len(todo) == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%d member(s) unreachable: %w", len(todo), lastErr)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// oldPolys are the current public polynomials, as this node holds them (nil when fresh).
// scheme holds those of the scheme roots the current set holds, by key type: a scheme root
// absent from it is generated afresh.
type oldPolys struct {
	bls, secp []kyber.Point
	scheme    map[chain.KeyType][]kyber.Point
}

func (r *keyRound) oldCommits() *oldPolys {
	if r.fresh || r.oldKeys == nil {
		return nil
	}
	out := &oldPolys{bls: r.oldKeys.BLS.Commits, secp: r.oldKeys.Secp.Commits, scheme: map[chain.KeyType][]kyber.Point{}}
	for _, sr := range schemeRoots {
		if ks := *sr.share(r.oldKeys); ks != nil {
			out.scheme[sr.kt] = ks.Commits
		}
	}
	return out
}

// checkEdKeys keeps the members' edwards25519 DKG keys that carry a valid signature of the
// member's peer ID (the coordinator relays them: it cannot forge one).
func (r *keyRound) checkEdKeys(in []*signedDKGKey) []kyber.Point {
	out := make([]kyber.Point, len(r.peers))
	for i := range r.peers {
		if i >= len(in) || in[i] == nil {
			continue
		}
		pt, err := verifyEdKey(r.kr.n.cfg.Network, r.peers[i], in[i])
		if err != nil {
			r.kr.n.log.Warn("ignoring a member's Ed25519 DKG key", "peer", r.peers[i], "error", err)
			continue
		}
		out[i] = pt
	}
	return out
}

// checkCommits decodes the coordinator's current public polynomials (for a member without
// shares) and checks them: the right degrees for the current set, and constant terms equal to
// the root keys recorded on chain.
func (r *keyRound) checkCommits(msg ctlMsg) (*oldPolys, error) {
	if r.fresh {
		return nil, nil
	}
	if r.oldKeys != nil {
		old := r.oldCommits()
		// The coordinator must reshare exactly the scheme roots this node holds.
		for _, sr := range schemeRoots {
			_, mine := old.scheme[sr.kt]
			_, theirs := msg.SchemeCommits[sr.name()]
			if mine != theirs {
				return nil, fmt.Errorf("the coordinator and this node disagree on whether the current set holds the %s root", sr.name())
			}
		}
		return old, nil
	}
	n := len(r.oldSet)
	bls, err := parsePoints(dkg.BLS12381(), msg.BLSCommits, chain.Threshold(n))
	if err != nil {
		return nil, fmt.Errorf("BLS: %w", err)
	}
	secp, err := parsePoints(dkg.Secp256k1(), msg.SecpCommits, ECDSADegree(n)+1)
	if err != nil {
		return nil, fmt.Errorf("secp256k1: %w", err)
	}
	for _, c := range []struct {
		name  string
		p     kyber.Point
		chain []byte
	}{{"BLS", bls[0], r.ms.BLSRootKey}, {"secp256k1", secp[0], r.ms.ECDSARootKey}} {
		raw, err := c.p.MarshalBinary()
		if err != nil || !bytes.Equal(raw, c.chain) {
			return nil, fmt.Errorf("the %s key %x is not the chain's root key %x", c.name, raw, c.chain)
		}
	}
	old := &oldPolys{bls: bls, secp: secp, scheme: map[chain.KeyType][]kyber.Point{}}
	for _, sr := range schemeRoots {
		hexes, ok := msg.SchemeCommits[sr.name()]
		onChain := r.ms.SchemeRootKeys[sr.kt]
		if !ok {
			if len(onChain) > 0 {
				return nil, fmt.Errorf("the chain has a %s root key, which the coordinator does not reshare", sr.name())
			}
			continue // generated afresh
		}
		pts, err := parsePoints(sr.suite(), hexes, chain.Threshold(n))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sr.name(), err)
		}
		// A root not voted yet cannot be checked against the chain here; a false polynomial
		// would make the deals of the honest holders fail and the members' agreement on the
		// result fail.
		if raw, err := pts[0].MarshalBinary(); len(onChain) > 0 && (err != nil || !bytes.Equal(raw, onChain)) {
			return nil, fmt.Errorf("the %s key %x is not the chain's root key %x", sr.name(), raw, onChain)
		}
		old.scheme[sr.kt] = pts
	}
	return old, nil
}

// rootJob is one root key's protocol in an attempt: a resharing of the current key, or a
// fresh generation (the first key round of a network, or a scheme root the current set does
// not hold yet).
type rootJob struct {
	name         string
	suite        dkg.Suite
	kp           *dkg.KeyPair // this node's long-term key in the group
	threshold    int          // shares a signature needs in the next set (degree + 1)
	oldThreshold int
	pubOf        func(v chain.Validator) (kyber.Point, error)
	fresh        bool
	share        *dkg.KeyShare // this node's current share (resharing; nil if it holds none)
	coeffs       []kyber.Point // the current public polynomial (resharing)
	dst          **dkg.KeyShare
}

// attempt runs every key protocol of one attempt and, for members of the next set, the
// agreement check. A leaving member returns nil keys.
//
//nolint:funlen,gocognit // one key-round attempt, replaced by the key-round state machine (issue 18)
func (r *keyRound) attempt(ctx context.Context, attempt uint32, old *oldPolys) (*EpochKeys, error) {
	sid := fmt.Sprintf("%s/a%d", r.sid, attempt)
	n := len(r.newSet)
	log := r.kr.n.log
	what := "key generation"
	if !r.fresh {
		what = "resharing"
	}
	log.Info(what+" attempt", "epoch", r.epoch, "attempt", attempt, "members", n,
		"bls_threshold", chain.Threshold(n), "ecdsa_degree", ECDSADegree(n))
	start := time.Now()
	unionIndex := func(v chain.Validator) int {
		return slices.IndexFunc(r.union, func(w chain.Validator) bool { return w.Operator == v.Operator })
	}
	registered := func(suite dkg.Suite, name string, raw func(chain.Validator) []byte) func(chain.Validator) (kyber.Point, error) {
		return func(v chain.Validator) (kyber.Point, error) {
			pub, err := dkg.ParsePublicKey(suite, raw(v))
			if err != nil {
				return nil, fmt.Errorf("validator %s registered a bad %s DKG key: %w", v.Operator.Hex(), name, err)
			}
			return pub, nil
		}
	}
	edPub := func(v chain.Validator) (kyber.Point, error) {
		i := unionIndex(v)
		if i >= 0 && i < len(r.edKeys) && r.edKeys[i] != nil {
			return r.edKeys[i], nil
		}
		if i >= 0 && i < len(r.newSet) {
			return nil, fmt.Errorf("no signed Ed25519 DKG key from member %s", r.peers[i])
		}
		return unknownMember(peer.ID(v.PeerID)), nil // a leaving member that said no hello: it cannot deal
	}
	nodesOf := func(set []chain.Validator, pubOf func(chain.Validator) (kyber.Point, error)) ([]dkg.Node, error) {
		nodes := make([]dkg.Node, len(set))
		for i, v := range set {
			pub, err := pubOf(v)
			if err != nil {
				return nil, err
			}
			nodes[i] = dkg.Node{Index: uint32(i), Public: pub, Member: unionIndex(v)}
		}
		return nodes, nil
	}
	runOne := func(ctx context.Context, j *rootJob) (*dkg.KeyShare, error) {
		newNodes, err := nodesOf(r.newSet, j.pubOf)
		if err != nil {
			return nil, err
		}
		cfg := dkg.Config{Suite: j.suite, Longterm: j.kp.Private, SessionID: []byte(sid + "/" + j.name), NewNodes: newNodes, Threshold: j.threshold}
		peers := r.peers
		if j.fresh {
			// Only the next set generates: the session is theirs (union order starts with it).
			peers = r.peers[:len(r.newSet)]
		} else {
			if cfg.OldNodes, err = nodesOf(r.oldSet, j.pubOf); err != nil {
				return nil, err
			}
			cfg.OldThreshold = j.oldThreshold
			if j.share != nil {
				cfg.Share = j.share
			} else {
				cfg.PublicCoeffs = j.coeffs
			}
		}
		tr, err := r.kr.n.sessions.Open(sid+"/"+j.name, peers)
		if err != nil {
			return nil, err
		}
		defer tr.Close()
		res, err := dkg.Run(ctx, tr, cfg, dkg.WithPhaseTimeout(dkgPhase(n)), dkg.WithLogger(log.With("component", "dkg", "key", j.name)))
		if err != nil {
			kind := what
			if j.fresh {
				kind = "key generation"
			}
			return nil, fmt.Errorf("%s %s: %w", j.name, kind, err)
		}
		if res.Key == nil && r.newIndex >= 0 {
			return nil, fmt.Errorf("%s %s finished without a share for this node", j.name, what)
		}
		if !j.fresh && res.Key != nil && len(j.coeffs) > 0 {
			if !res.Key.PublicKey().Equal(j.coeffs[0]) {
				return nil, fmt.Errorf("resharing changed the %s root key", j.name)
			}
		}
		return res.Key, nil
	}

	oldN := len(r.oldSet)
	k := &EpochKeys{Epoch: r.epoch, Self: r.newIndex, Members: r.members}
	jobs := []*rootJob{
		{name: "bls", suite: dkg.BLS12381(), kp: r.longterm.BLS, threshold: chain.Threshold(n), oldThreshold: chain.Threshold(oldN),
			pubOf: registered(dkg.BLS12381(), "BLS", func(v chain.Validator) []byte { return v.BLSDKGKey }), dst: &k.BLS},
		{name: "secp256k1", suite: dkg.Secp256k1(), kp: r.longterm.Secp, threshold: ECDSADegree(n) + 1, oldThreshold: ECDSADegree(oldN) + 1,
			pubOf: registered(dkg.Secp256k1(), "secp256k1", func(v chain.Validator) []byte { return v.SecpDKGKey }), dst: &k.Secp},
	}
	if old != nil {
		jobs[0].coeffs, jobs[1].coeffs = old.bls, old.secp
	}
	if r.oldKeys != nil {
		jobs[0].share, jobs[1].share = r.oldKeys.BLS, r.oldKeys.Secp
	}
	skip := false
	if h := r.kr.n.cfg.PKPHooks; h != nil && h.SkipSchemeRoots != nil {
		skip = h.SkipSchemeRoots()
	}
	for _, sr := range schemeRoots {
		if skip {
			break
		}
		j := &rootJob{name: sr.name(), suite: sr.suite(), kp: sr.longterm(r.longterm), threshold: chain.Threshold(n), oldThreshold: chain.Threshold(oldN), dst: sr.share(k)}
		switch sr.kt {
		case chain.KeyTypeEd25519:
			j.pubOf = edPub
		case chain.KeyTypeSchnorrK256:
			j.pubOf = jobs[1].pubOf
		default:
			j.pubOf = jobs[0].pubOf
		}
		if old != nil {
			j.coeffs = old.scheme[sr.kt]
		}
		j.fresh = r.fresh || j.coeffs == nil
		if !j.fresh && r.oldKeys != nil {
			j.share = *sr.share(r.oldKeys)
		}
		if j.fresh && r.newIndex < 0 {
			continue // a leaving member takes no part in a generation
		}
		jobs = append(jobs, j)
	}
	for _, j := range jobs[:2] {
		j.fresh = r.fresh
	}
	g, gctx := errgroup.WithContext(ctx)
	for _, j := range jobs {
		g.Go(func() (err error) {
			defer recoverAsError(&err, j.name+" "+what)
			*j.dst, err = runOne(gctx, j)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if r.newIndex < 0 {
		log.Info("dealt this node's shares to the next set", "epoch", r.epoch, "attempt", attempt, "took", time.Since(start).String())
		return nil, nil
	}
	if !r.fresh {
		for _, c := range []struct {
			name  string
			p     kyber.Point
			chain []byte
		}{{"BLS", k.BLS.PublicKey(), r.ms.BLSRootKey}, {"secp256k1", k.Secp.PublicKey(), r.ms.ECDSARootKey}} {
			if raw, err := c.p.MarshalBinary(); err != nil || !bytes.Equal(raw, c.chain) {
				return nil, fmt.Errorf("resharing changed the %s root key", c.name)
			}
		}
		for _, sr := range schemeRoots {
			if onChain := r.ms.SchemeRootKeys[sr.kt]; len(onChain) > 0 && !sameKey(*sr.share(k), onChain) {
				return nil, fmt.Errorf("resharing changed the %s root key", sr.name())
			}
		}
	}
	if err := r.kr.agree(ctx, sid, r.peers[:len(r.newSet)], k); err != nil {
		return nil, err
	}
	log.Info(what+" attempt succeeded", "epoch", r.epoch, "attempt", attempt, "took", time.Since(start).String())
	kind := "generation"
	if !r.fresh {
		kind = "resharing"
	}
	r.kr.n.metrics.keyRound.WithLabelValues(kind).Set(time.Since(start).Seconds())
	return k, nil
}

func hexPoints(k *dkg.KeyShare) []string {
	out := make([]string, len(k.Commits))
	for i, c := range k.Commits {
		raw, _ := c.MarshalBinary()
		out[i] = hex.EncodeToString(raw)
	}
	return out
}

func parsePoints(suite dkg.Suite, in []string, want int) ([]kyber.Point, error) {
	if len(in) != want {
		return nil, fmt.Errorf("%d commitments, want %d", len(in), want)
	}
	out := make([]kyber.Point, len(in))
	for i, h := range in {
		raw, err := hex.DecodeString(h)
		if err != nil {
			return nil, fmt.Errorf("commitment %d: %w", i, err)
		}
		if out[i], err = dkg.ParsePublicKey(suite, raw); err != nil {
			return nil, fmt.Errorf("commitment %d: %w", i, err)
		}
	}
	return out, nil
}

// agree makes every member confirm it holds the same public polynomials: without a broadcast
// channel a DKG run can end with members on different results and no error, which must not
// go unnoticed.
func (kr *keyring) agree(ctx context.Context, sid string, peers []peer.ID, k *EpochKeys) error {
	blsDigest, err := k.BLS.PolyDigest(dkg.BLS12381())
	if err != nil {
		return err
	}
	secpDigest, err := k.Secp.PolyDigest(dkg.Secp256k1())
	if err != nil {
		return err
	}
	mine := append(blsDigest[:], secpDigest[:]...)
	for _, sr := range schemeRoots {
		mine = append(mine, sr.name()...)
		if ks := *sr.share(k); ks != nil {
			d, err := ks.PolyDigest(sr.suite())
			if err != nil {
				return err
			}
			mine = append(mine, d[:]...)
		} else {
			mine = append(mine, "/none"...)
		}
	}
	tr, err := kr.n.sessions.Open(sid+"/agree", peers)
	if err != nil {
		return err
	}
	defer tr.Close()
	ctx, cancel := context.WithTimeout(ctx, 2*dkgPhase(len(peers)))
	defer cancel()
	if err := sendAll(ctx, tr, mine, dkgPhase(len(peers))); err != nil {
		return fmt.Errorf("send key digest: %w", err)
	}
	seen := map[int]bool{}
	for len(seen) < tr.Members()-1 {
		m, err := tr.Receive(ctx)
		if err != nil {
			return fmt.Errorf("key agreement: heard from %d of %d members: %w", len(seen), tr.Members()-1, err)
		}
		if !bytes.Equal(m.Payload, mine) {
			return fmt.Errorf("key agreement: member %d (%s) holds different public keys", m.From, peers[m.From])
		}
		seen[m.From] = true
	}
	return nil
}

// voteRootKeys records the root public keys on chain (idempotent: a repeated vote reverts,
// which is fine once the key is final). A scheme root the contract does not know (a Staking
// contract from before the scheme key types) is not an error: the nodes hold and use it, and
// the warning says it is not anchored on chain.
func (kr *keyring) voteRootKeys(ctx context.Context, k *EpochKeys) error {
	c := kr.n.chain
	type vote struct {
		kt     chain.KeyType
		key    *dkg.KeyShare
		scheme bool
	}
	votes := []vote{{chain.KeyTypeBLS, k.BLS, false}, {chain.KeyTypeECDSA, k.Secp, false}}
	for _, sr := range schemeRoots {
		if ks := *sr.share(k); ks != nil {
			votes = append(votes, vote{sr.kt, ks, true})
		}
	}
	for _, v := range votes {
		pub, err := v.key.PublicKey().MarshalBinary()
		if err != nil {
			return err
		}
		if onChain, err := c.RootKey(ctx, v.kt); err == nil && len(onChain) > 0 {
			if !bytes.Equal(onChain, pub) {
				return fmt.Errorf("the chain's %s root key %x differs from the one this node holds %x", v.kt, onChain, pub)
			}
			continue
		}
		if err := c.VoteRootKey(ctx, kr.n.id.Operator, v.kt, pub); err != nil {
			var rev *chain.RevertError
			if errors.As(err, &rev) && (rev.Name == "AlreadyVoted" || rev.Name == "RootKeyAlreadySet") {
				continue // this node's vote from an earlier try, or the key is already final
			}
			if v.scheme && errors.As(err, &rev) && rev.Name == "UnknownKeyType" {
				kr.n.log.Warn("the Staking contract does not know this root key type: it stays unanchored on chain until the contracts are upgraded",
					"key_type", v.kt.String(), "public_key", hex.EncodeToString(pub))
				continue
			}
			return fmt.Errorf("vote the %s root key: %w", v.kt, err)
		}
	}
	return nil
}

// handshakeFields adds the current epoch's public keys and thresholds to a handshake.
func (kr *keyring) handshakeFields(out *api.HandshakeResponse) {
	k, err := kr.Current()
	if err != nil {
		return
	}
	if pub, err := k.BLS.PublicKey().MarshalBinary(); err == nil {
		out.NetworkPublicKey = hex.EncodeToString(pub)
	}
	for _, c := range k.BLS.Commits {
		if raw, err := c.MarshalBinary(); err == nil {
			out.NetworkPublicKeySet = append(out.NetworkPublicKeySet, hex.EncodeToString(raw))
		}
	}
	if pub, err := k.Secp.PublicKey().MarshalBinary(); err == nil {
		out.HDRootPubkeys = []string{hex.EncodeToString(pub)}
	}
	out.Threshold = k.BLSThreshold()
	out.ECDSAThreshold = k.ECDSASigners()
	schemeHandshake(k, out)
}

// sessionID names an epoch's key generation: the network, the epoch and a digest of the
// member set, so a changed set (a member kicked) never mixes with an earlier attempt.
func sessionID(network string, epoch uint64, set []chain.Validator) string {
	ops := make([]string, len(set))
	for i, v := range set {
		ops[i] = v.Operator.Hex() + "/" + hex.EncodeToString(v.PeerID)
	}
	sort.Strings(ops)
	h := sha256.New()
	for _, o := range ops {
		h.Write([]byte(o))
	}
	return fmt.Sprintf("keys/%s/e%d/%x", network, epoch, h.Sum(nil)[:6])
}

// KeyShareDigest identifies this node's shares for epoch e (a hash of the stored share
// material, for tests and diagnostics; it reveals nothing about the shares). Empty if none.
func (n *Node) KeyShareDigest(e uint64) string {
	k, ok := n.keys.ForEpoch(e)
	if !ok {
		return ""
	}
	h := sha256.New()
	type item struct {
		s     *dkg.KeyShare
		suite dkg.Suite
	}
	items := []item{{k.BLS, dkg.BLS12381()}, {k.Secp, dkg.Secp256k1()}}
	for _, sr := range schemeRoots {
		if ks := *sr.share(k); ks != nil {
			items = append(items, item{ks, sr.suite()})
		}
	}
	for _, ks := range items {
		raw, err := ks.s.MarshalBinary(ks.suite)
		if err != nil {
			return ""
		}
		h.Write(raw)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// randomAttemptID draws an attempt ID (31 bits, so it also fits the control messages' int64
// bookkeeping as a non-negative number).
func randomAttemptID() uint32 {
	var b [4]byte
	if _, err := crand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err)) // the platform's randomness is gone
	}
	return (uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])) >> 1
}
