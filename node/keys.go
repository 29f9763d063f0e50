package node

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/mpc/keystore"
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

// keyring holds the node's root-key shares per epoch, sealed in the keystore. It learns which
// epoch the node serves from the epoch feed (Current); the key work of epoch transitions is
// keyRounds' (keys_transition.go), which stores its results here.
type keyring struct {
	log     *slog.Logger
	ks      *keystore.Keystore
	serving servingEpoch

	mu     sync.RWMutex
	epochs map[uint64]*EpochKeys
}

// servingEpoch is the epoch the node serves: the one the epoch watcher accepted last
// (epochFeed).
type servingEpoch interface {
	current() (uint64, bool)
}

// newKeyring loads every epoch's shares from the keystore.
func newKeyring(ks *keystore.Keystore, serving servingEpoch, log *slog.Logger) (*keyring, error) {
	kr := &keyring{log: log, ks: ks, serving: serving, epochs: map[uint64]*EpochKeys{}}
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
		log.Info("loaded root-key shares", "epoch", latest.Epoch, "members", len(latest.Members))
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
		kr.log.Warn("could not list old key shares", "error", err)
		return
	}
	for _, e := range eps {
		if !erasable(e) || (haveNewest && e > newest) {
			continue
		}
		if err := kr.ks.DropEpoch(e); err != nil {
			kr.log.Warn("could not erase old key shares", "epoch", e, "error", err)
			continue
		}
		kr.log.Info("erased old key shares", "epoch", e, "serving", ms.Epoch.Number)
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

// Current returns the shares of the epoch the node serves, or a retryable error.
func (kr *keyring) Current() (*EpochKeys, error) {
	e, ok := kr.serving.current()
	if !ok {
		return nil, api.Errorf(api.KindUnavailable, "this node has not read the validator set yet")
	}
	k, ok := kr.ForEpoch(e)
	if !ok {
		return nil, api.WrongEpoch(e, "this node holds no key shares for epoch %d", e)
	}
	return k, nil
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
