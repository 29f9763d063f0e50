package node

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

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
	blsShareName   = "bls-root-share"
	secpShareName  = "secp256k1-root-share"
	membersName    = "members"
	dkgPhaseLength = 15 * time.Second
)

// EpochKeys are this node's shares of the network's root keys for one epoch, with the validator
// set that holds them: share index i belongs to Members[i].
type EpochKeys struct {
	Epoch   uint64
	Self    int // this node's share index
	Members []Member
	BLS     *dkg.KeyShare // BLS12-381 root (degree T−1)
	Secp    *dkg.KeyShare // secp256k1 root for PKPs (degree t, see docs/ecdsa.md)
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
}

func newKeyring(n *Node) (*keyring, error) {
	kr := &keyring{n: n, ks: n.keystore, epochs: map[uint64]*EpochKeys{}}
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
	k.Self = int(k.BLS.Share.I)
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
	// Members last: its presence marks the epoch's key material complete.
	for _, item := range []struct {
		name string
		data []byte
	}{{blsShareName, bls}, {secpShareName, secp}, {membersName, members}} {
		if err := kr.ks.Put(k.Epoch, item.name, item.data); err != nil {
			return fmt.Errorf("store %s of epoch %d: %w", item.name, k.Epoch, err)
		}
	}
	kr.mu.Lock()
	kr.epochs[k.Epoch] = k
	kr.mu.Unlock()
	return nil
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
		return nil, api.Errorf(api.KindUnavailable, "this node holds no key shares for epoch %d", ms.Epoch.Number)
	}
	return k, nil
}

// transition is the key work of an epoch change: the first DKG when the network has no keys.
func (kr *keyring) transition(ctx context.Context, ms *chain.Membership) error {
	next := ms.Epoch.Number + 1
	if len(ms.BLSRootKey) > 0 || len(ms.ECDSARootKey) > 0 {
		if _, ok := kr.ForEpoch(next); ok {
			return nil
		}
		return errors.New("the network's keys exist and the validator set changed: resharing is required and not implemented yet")
	}
	k, ok := kr.ForEpoch(next)
	if !ok {
		var err error
		if k, err = kr.generate(ctx, ms); err != nil {
			return err
		}
	}
	return kr.voteRootKeys(ctx, k)
}

// Control messages of a key-generation round: the coordinator (the first member of the set)
// starts numbered attempts and, once every member confirmed the same result, declares one done.
const (
	ctlStart byte = 1
	ctlDone  byte = 2
)

func ctlMessage(kind byte, attempt uint32) []byte {
	return []byte{kind, byte(attempt >> 24), byte(attempt >> 16), byte(attempt >> 8), byte(attempt)}
}

func parseCtl(b []byte) (kind byte, attempt uint32, ok bool) {
	if len(b) != 5 || (b[0] != ctlStart && b[0] != ctlDone) {
		return 0, 0, false
	}
	return b[0], uint32(b[1])<<24 | uint32(b[2])<<16 | uint32(b[3])<<8 | uint32(b[4]), true
}

// keyRound is one epoch's key generation as this node sees it.
type keyRound struct {
	kr       *keyring
	epoch    uint64
	sid      string
	set      []chain.Validator
	peers    []peer.ID
	members  []Member
	self     int
	longterm DKGKeys
}

// generate runs the first DKG of both root keys with the next validator set. The first member
// coordinates: it starts numbered attempts (each its own session, so a failed attempt's
// messages never mix into the next) once every member is connected, and declares an attempt
// done only after every member confirmed holding the same public keys; only then does anyone
// keep the result.
func (kr *keyring) generate(ctx context.Context, ms *chain.Membership) (*EpochKeys, error) {
	r := &keyRound{kr: kr, epoch: ms.Epoch.Number + 1, set: ms.Next}
	r.self = slices.IndexFunc(r.set, func(v chain.Validator) bool { return v.Operator == kr.n.operator() })
	if r.self < 0 {
		return nil, errors.New("this node is not in the next validator set")
	}
	var err error
	if r.longterm, err = loadDKGKeys(kr.ks); err != nil {
		return nil, err
	}
	r.peers = make([]peer.ID, len(r.set))
	r.members = make([]Member, len(r.set))
	for i, v := range r.set {
		r.peers[i] = peer.ID(v.PeerID)
		r.members[i] = Member{Operator: v.Operator.Hex(), PeerID: r.peers[i].String(), URL: v.URL}
	}
	r.sid = sessionID(kr.n.cfg.Network, r.epoch, r.set)
	ctl, err := kr.n.sessions.Open(r.sid+"/control", r.peers)
	if err != nil {
		return nil, err
	}
	defer ctl.Close()
	if r.self == 0 {
		return r.coordinate(ctx, ctl)
	}
	return r.follow(ctx, ctl)
}

func (r *keyRound) coordinate(ctx context.Context, ctl mpc.Transport) (*EpochKeys, error) {
	const attempts = 5
	var lastErr error
	for attempt := uint32(0); attempt < attempts; attempt++ {
		if err := r.waitConnected(ctx, 2*time.Minute); err != nil {
			return nil, err
		}
		if err := mpc.Broadcast(ctx, ctl, ctlMessage(ctlStart, attempt)); err != nil {
			lastErr = fmt.Errorf("start attempt %d: %w", attempt, err)
		} else if k, err := r.attempt(ctx, attempt); err != nil {
			lastErr = err
		} else {
			if err := r.kr.store(k); err != nil {
				return nil, err
			}
			if err := mpc.Broadcast(ctx, ctl, ctlMessage(ctlDone, attempt)); err != nil {
				r.kr.n.log.Warn("could not tell every member the key generation is done", "error", err)
			}
			return k, nil
		}
		r.kr.n.log.Warn("key generation attempt failed", "epoch", r.epoch, "attempt", attempt, "error", lastErr)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(attempt+1) * time.Second):
		}
	}
	return nil, fmt.Errorf("key generation failed %d times: %w", attempts, lastErr)
}

func (r *keyRound) follow(ctx context.Context, ctl mpc.Transport) (*EpochKeys, error) {
	var pending *EpochKeys
	var pendingAttempt uint32
	for {
		wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		m, err := ctl.Receive(wctx)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("waiting for the coordinator %s: %w", r.peers[0], err)
		}
		kind, attempt, ok := parseCtl(m.Payload)
		if m.From != 0 || !ok {
			r.kr.n.log.Warn("ignoring a bad key-generation control message", "from", m.From)
			continue
		}
		switch kind {
		case ctlStart:
			pending = nil
			if err := r.waitConnected(ctx, 30*time.Second); err != nil {
				r.kr.n.log.Warn("key generation attempt without every member connected", "attempt", attempt, "error", err)
			}
			k, err := r.attempt(ctx, attempt)
			if err != nil {
				r.kr.n.log.Warn("key generation attempt failed", "epoch", r.epoch, "attempt", attempt, "error", err)
				continue
			}
			pending, pendingAttempt = k, attempt
		case ctlDone:
			if pending == nil || pendingAttempt != attempt {
				return nil, fmt.Errorf("the coordinator finished attempt %d, which this node does not hold", attempt)
			}
			if err := r.kr.store(pending); err != nil {
				return nil, err
			}
			return pending, nil
		}
	}
}

// waitConnected waits until this node trusts a live connection to every other member.
func (r *keyRound) waitConnected(ctx context.Context, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	h := r.kr.n.host
	for {
		var missing []string
		for i, p := range r.peers {
			if i != r.self && !(h.Gate.Trusted(p) && h.Network().Connectedness(p) == network.Connected) {
				missing = append(missing, p.String())
			}
		}
		if len(missing) == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("members not connected: %v", missing)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// attempt runs both DKGs of one attempt and the agreement check.
func (r *keyRound) attempt(ctx context.Context, attempt uint32) (*EpochKeys, error) {
	sid := fmt.Sprintf("%s/a%d", r.sid, attempt)
	n := len(r.set)
	log := r.kr.n.log
	log.Info("key generation attempt", "epoch", r.epoch, "attempt", attempt, "members", n,
		"bls_threshold", chain.Threshold(n), "ecdsa_degree", ECDSADegree(n))
	start := time.Now()

	runOne := func(ctx context.Context, suite dkg.Suite, name string, kp *dkg.KeyPair, threshold int, pubOf func(chain.Validator) []byte) (*dkg.KeyShare, error) {
		nodes := make([]dkg.Node, n)
		for i, v := range r.set {
			pub, err := dkg.ParsePublicKey(suite, pubOf(v))
			if err != nil {
				return nil, fmt.Errorf("validator %s registered a bad %s DKG key: %w", v.Operator.Hex(), name, err)
			}
			nodes[i] = dkg.Node{Index: uint32(i), Public: pub, Member: i}
		}
		tr, err := r.kr.n.sessions.Open(sid+"/"+name, r.peers)
		if err != nil {
			return nil, err
		}
		defer tr.Close()
		res, err := dkg.Run(ctx, tr, dkg.Config{
			Suite:     suite,
			Longterm:  kp.Private,
			SessionID: []byte(sid + "/" + name),
			NewNodes:  nodes,
			Threshold: threshold,
		}, dkg.WithPhaseTimeout(dkgPhaseLength), dkg.WithLogger(log.With("component", "dkg", "key", name)))
		if err != nil {
			return nil, fmt.Errorf("%s DKG: %w", name, err)
		}
		if res.Key == nil {
			return nil, fmt.Errorf("%s DKG finished without a share for this node", name)
		}
		return res.Key, nil
	}

	k := &EpochKeys{Epoch: r.epoch, Self: r.self, Members: r.members}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		k.BLS, err = runOne(gctx, dkg.BLS12381(), "bls", r.longterm.BLS, chain.Threshold(n), func(v chain.Validator) []byte { return v.BLSDKGKey })
		return err
	})
	g.Go(func() (err error) {
		k.Secp, err = runOne(gctx, dkg.Secp256k1(), "secp256k1", r.longterm.Secp, ECDSADegree(n)+1, func(v chain.Validator) []byte { return v.SecpDKGKey })
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := r.kr.agree(ctx, sid, r.peers, k); err != nil {
		return nil, err
	}
	log.Info("key generation attempt succeeded", "epoch", r.epoch, "attempt", attempt, "took", time.Since(start).String())
	return k, nil
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
	tr, err := kr.n.sessions.Open(sid+"/agree", peers)
	if err != nil {
		return err
	}
	defer tr.Close()
	ctx, cancel := context.WithTimeout(ctx, 2*dkgPhaseLength)
	defer cancel()
	if err := mpc.Broadcast(ctx, tr, mine); err != nil {
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
// which is fine once the key is final).
func (kr *keyring) voteRootKeys(ctx context.Context, k *EpochKeys) error {
	c := kr.n.chain
	for _, v := range []struct {
		kt  chain.KeyType
		key *dkg.KeyShare
	}{{chain.KeyTypeBLS, k.BLS}, {chain.KeyTypeECDSA, k.Secp}} {
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
	for _, ks := range []struct {
		s     *dkg.KeyShare
		suite dkg.Suite
	}{{k.BLS, dkg.BLS12381()}, {k.Secp, dkg.Secp256k1()}} {
		raw, err := ks.s.MarshalBinary(ks.suite)
		if err != nil {
			return ""
		}
		h.Write(raw)
	}
	return hex.EncodeToString(h.Sum(nil))
}
