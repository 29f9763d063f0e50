package node

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	libp2pcrypto "github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/node/keyround"
)

// keyRounds does the key work of epoch transitions (the watcher's "root keys" transition): the
// first DKG of the root keys among the next set, then a resharing at every change of the set,
// one key round each (keys_round.go drives node/keyround's state machine, keys_attempt.go runs
// the key protocols). It takes only what it uses, in keyRoundDeps.
type keyRounds struct {
	keyRoundDeps
	roundCfg keyround.Config // the key round's bounds
	clock    keyround.Clock

	mu    sync.Mutex
	dealt map[uint64]bool // epochs this (leaving) node dealt its shares for

	// lingering are the coordinators of finished rounds still answering members that missed
	// their done (roundDriver.linger); closing ends them, close waits for them.
	lingering sync.WaitGroup
	closing   chan struct{}
	closeOnce sync.Once
}

// keyRoundDeps is what the key rounds use of the node: wireKeyRounds fills it.
type keyRoundDeps struct {
	log       *slog.Logger
	network   string                  // names the rounds' sessions and binds the Ed25519 DKG keys
	keys      roundKeys               // the current shares (resharing) and where results are kept
	longterm  func() (DKGKeys, error) // this node's long-term DKG keys (the keystore)
	operator  common.Address          // this node in the validator sets
	signer    *ecdsa.PrivateKey       // the operator key: root-key votes
	libp2p    libp2pcrypto.PrivKey    // signs this node's Ed25519 DKG key (its peer ID vouches for it)
	sessions  sessionOpener           // control, DKG and agreement sessions among the members
	connected func(peer.ID) bool      // a trusted live connection to the peer (meshed)
	chain     rootKeyChain
	setStatus func(string)         // the epoch watcher's status line: what a round waits for
	roundTime *prometheus.GaugeVec // litmesh_key_round_seconds, by kind
	// skipSchemeRoots makes rounds leave the scheme roots out, dropDone makes this node miss a
	// coordinator's done (PKPHooks: tests only).
	skipSchemeRoots, dropDone func() bool
}

// roundKeys is the keyring as a key round uses it: this node's shares of an epoch, and where a
// round's result is kept.
type roundKeys interface {
	ForEpoch(e uint64) (*EpochKeys, bool)
	store(k *EpochKeys) error
}

// rootKeyChain is the chain's record of the root keys (chain.Client).
type rootKeyChain interface {
	RootKey(ctx context.Context, kt chain.KeyType) ([]byte, error)
	VoteRootKey(ctx context.Context, key *ecdsa.PrivateKey, kt chain.KeyType, pubkey []byte) error
}

func newKeyRounds(deps keyRoundDeps) *keyRounds {
	return &keyRounds{keyRoundDeps: deps, roundCfg: keyround.DefaultConfig(), clock: keyround.SystemClock{}, dealt: map[uint64]bool{},
		closing: make(chan struct{})}
}

func (rk *keyRounds) stopping() bool {
	select {
	case <-rk.closing:
		return true
	default:
		return false
	}
}

// close ends the rounds still lingering and waits for them (a stop of Node.Close).
func (rk *keyRounds) close(ctx context.Context) error {
	rk.closeOnce.Do(func() { close(rk.closing) })
	done := make(chan struct{})
	go func() {
		rk.lingering.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("stop the key rounds: %w", ctx.Err())
	}
}

// wireKeyRounds gives the key rounds what they use of the node; call it after startP2P (the
// sessions) and once the epoch watcher exists (its status line).
func wireKeyRounds(n *Node) keyRoundDeps {
	ks := n.keystore
	d := keyRoundDeps{
		log: n.log, network: n.cfg.Network, keys: n.keys, operator: n.operator(), signer: n.id.Operator, libp2p: n.id.Libp2p,
		longterm:  func() (DKGKeys, error) { return loadDKGKeys(ks) },
		sessions:  n.sessions,
		connected: trustedConnection(n.host),
		setStatus: n.epochs.setStatus,
		roundTime: n.metrics.keyRound,
	}
	if n.chain != nil {
		d.chain = n.chain
	}
	if hooks := n.cfg.PKPHooks; hooks != nil {
		d.skipSchemeRoots = func() bool { return hooks.SkipSchemeRoots != nil && hooks.SkipSchemeRoots() }
		d.dropDone = func() bool { return hooks.DropKeyRoundDone != nil && hooks.DropKeyRoundDone() }
	}
	return d
}

// transition is the key work of an epoch change. With no root keys on chain yet it is the first
// DKG of both root keys among the next set; afterwards it is a resharing: the members of the
// current set deal their shares to the next set, which ends with fresh shares of the same keys
// (the old shares stop combining with the new ones). Members leaving the set only deal.
func (rk *keyRounds) transition(ctx context.Context, ms *chain.Membership) error {
	next := ms.Epoch.Number + 1
	inNext := ms.OperatorInEpoch(next, rk.operator)
	fresh := len(ms.BLSRootKey) == 0 && len(ms.ECDSARootKey) == 0
	if k, ok := rk.keys.ForEpoch(next); ok && inNext {
		if fresh || rk.unvoted(ms, k) {
			return rk.voteRootKeys(ctx, k)
		}
		return nil
	}
	if !inNext && (fresh || rk.hasDealt(next)) {
		return nil
	}
	r, err := rk.newRound(ms, fresh)
	if err != nil {
		return err
	}
	k, err := r.run(ctx)
	if err != nil {
		return err
	}
	if k == nil { // a leaving member: it dealt its shares and is done
		rk.markDealt(next)
		return nil
	}
	if fresh || rk.unvoted(ms, k) {
		return rk.voteRootKeys(ctx, k)
	}
	return nil
}

// unvoted reports whether k holds a scheme root the chain has not recorded yet (made by a
// key round that generated it, or whose vote did not go through).
func (rk *keyRounds) unvoted(ms *chain.Membership, k *EpochKeys) bool {
	for _, sr := range schemeRoots {
		if *sr.share(k) != nil && len(ms.SchemeRootKeys[sr.kt]) == 0 {
			return true
		}
	}
	return false
}

func (rk *keyRounds) hasDealt(e uint64) bool {
	rk.mu.Lock()
	defer rk.mu.Unlock()
	return rk.dealt[e]
}

func (rk *keyRounds) markDealt(e uint64) {
	rk.mu.Lock()
	defer rk.mu.Unlock()
	rk.dealt[e] = true
}

// voteRootKeys records the root public keys on chain (idempotent: a repeated vote reverts,
// which is fine once the key is final). A scheme root the contract does not know (a Staking
// contract from before the scheme key types) is not an error: the nodes hold and use it, and
// the warning says it is not anchored on chain.
func (rk *keyRounds) voteRootKeys(ctx context.Context, k *EpochKeys) error {
	c := rk.chain
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
		if err := c.VoteRootKey(ctx, rk.signer, v.kt, pub); err != nil {
			var rev *chain.RevertError
			if errors.As(err, &rev) && (rev.Name == "AlreadyVoted" || rev.Name == "RootKeyAlreadySet") {
				continue // this node's vote from an earlier try, or the key is already final
			}
			if v.scheme && errors.As(err, &rev) && rev.Name == "UnknownKeyType" {
				rk.log.Warn("the Staking contract does not know this root key type: it stays unanchored on chain until the contracts are upgraded",
					"key_type", v.kt.String(), "public_key", hex.EncodeToString(pub))
				continue
			}
			return fmt.Errorf("vote the %s root key: %w", v.kt, err)
		}
	}
	return nil
}

// signEdKey signs this node's edwards25519 DKG public key.
func (rk *keyRounds) signEdKey(kp *dkg.KeyPair) (*keyround.SignedKey, error) {
	pub, err := kp.MarshalPublic()
	if err != nil {
		return nil, err
	}
	sig, err := rk.libp2p.Sign(edKeyMessage(rk.network, pub))
	if err != nil {
		return nil, fmt.Errorf("sign the Ed25519 DKG key: %w", err)
	}
	return &keyround.SignedKey{Key: pub, Sig: sig}, nil
}
