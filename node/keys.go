package node

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/keystore"
	"github.com/litmesh/litmesh/node/keyround"
)

// Keystore names of an epoch's key material.
const (
	blsShareName  = "bls-root-share"
	secpShareName = "secp256k1-root-share"
	membersName   = "members"
)

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
	n        *Node
	ks       *keystore.Keystore
	roundCfg keyround.Config // the key round's bounds
	clock    keyround.Clock

	mu     sync.RWMutex
	epochs map[uint64]*EpochKeys
	dealt  map[uint64]bool // epochs this (leaving) node dealt its shares for
}

func newKeyring(n *Node) (*keyring, error) {
	kr := &keyring{n: n, ks: n.keystore, roundCfg: keyround.DefaultConfig(), clock: keyround.SystemClock{}, epochs: map[uint64]*EpochKeys{}, dealt: map[uint64]bool{}}
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
			if err := sameAsChain(v.kt, onChain, false, v.key.PublicKey()); err != nil {
				return fmt.Errorf("this node's key round made another root key than the chain's: %w", err)
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
