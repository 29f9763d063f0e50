package client

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/drand/kyber/share"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
)

// handshakeTimeout bounds one node's handshake (attestation included).
const handshakeTimeout = 15 * time.Second

// NetworkKey is the network's BLS root key as the nodes report it in handshakes whose
// attestation verified, checked against the key the chain records.
type NetworkKey struct {
	// PublicKey is the root public key (G1, compressed, hex): the key id of every ciphertext
	// made for this network.
	PublicKey string
	// Poly is the public polynomial; Poly.Eval(i) is node share i's public key.
	Poly *share.PubPoly
	// Threshold is T: how many valid shares a decryption needs.
	Threshold int
	// Epoch is the epoch the nodes serve with this key set.
	Epoch uint64
	// Nodes says, for each node of the network file in order, whether it can be asked for
	// shares of this key (Usable) and if not why.
	Nodes []KeyNode

	shares *bls.ShareKeys // checks the nodes' partials, with each share's public key cached
}

// KeyNode is one node's part in a NetworkKey.
type KeyNode struct {
	Node   NodeEntry
	Usable bool
	// Reason says why the node cannot be asked: its handshake failed, its attestation did not
	// verify, or it holds no key yet.
	Reason string
}

// handshakeKey is what one node's handshake said about the key.
type handshakeKey struct {
	pub       string
	commits   []string
	threshold int
	epoch     uint64
	poly      *share.PubPoly
}

// NetworkKey asks every node of the network for a handshake, verifies each attestation, and
// returns the BLS root key the verified nodes report. Every verified node that holds a key
// must report the same key set, and it must be the root key the Staking contract records;
// otherwise NetworkKey fails naming the nodes that disagree. Nodes that fail their handshake
// are left out (KeyNode.Reason says why); at least one must verify.
//
// A verified key is reused for networkKeyTTL; after that, until networkKeyMaxAge, it still
// serves while one background round handshakes again, so that a decryption does not wait for
// the slowest node's handshake (up to handshakeTimeout for a node that does not answer).
func (c *Client) NetworkKey(ctx context.Context) (*NetworkKey, error) {
	c.keyMu.Lock()
	cached, at := c.key, c.keyAt
	if cached != nil {
		age := time.Since(at)
		if age >= networkKeyTTL && age < networkKeyMaxAge && !c.keyRefreshing {
			c.keyRefreshing = true
			go c.refreshNetworkKey()
		}
		if age < networkKeyMaxAge {
			c.keyMu.Unlock()
			return cached, nil
		}
	}
	c.keyMu.Unlock()
	return c.storeNetworkKey(ctx)
}

// refreshNetworkKey handshakes again behind the requests; on failure the old key serves on
// until networkKeyMaxAge, and the next call after the TTL tries again.
func (c *Client) refreshNetworkKey() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*handshakeTimeout)
	defer cancel()
	_, _ = c.storeNetworkKey(ctx)
	c.keyMu.Lock()
	c.keyRefreshing = false
	c.keyMu.Unlock()
}

func (c *Client) storeNetworkKey(ctx context.Context) (*NetworkKey, error) {
	k, err := c.fetchNetworkKey(ctx)
	if err != nil {
		return nil, err
	}
	c.keyMu.Lock()
	c.key, c.keyAt = k, time.Now()
	c.keyMu.Unlock()
	return k, nil
}

// networkKeyTTL is how long a verified network key is reused before it is checked again
// (attestations included), and networkKeyMaxAge how long it serves while that check runs behind
// the requests; a node reporting another epoch drops it at once (forgetNetworkKey).
const (
	networkKeyTTL    = 30 * time.Second
	networkKeyMaxAge = 2 * time.Minute
)

// forgetNetworkKey drops the cached key, so the next call handshakes again.
func (c *Client) forgetNetworkKey() {
	c.keyMu.Lock()
	c.key = nil
	c.keyMu.Unlock()
}

func (c *Client) fetchNetworkKey(ctx context.Context) (*NetworkKey, error) {
	nodes := c.Network.Nodes
	keys := make([]*handshakeKey, len(nodes))
	out := &NetworkKey{Nodes: make([]KeyNode, len(nodes))}
	var wg sync.WaitGroup
	for i, n := range nodes {
		out.Nodes[i].Node = n
		wg.Add(1)
		go func() {
			defer wg.Done()
			hctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
			defer cancel()
			k, reason := c.handshakeKey(hctx, n)
			if reason != "" {
				out.Nodes[i].Reason = reason
				return
			}
			keys[i] = k
		}()
	}
	wg.Wait()

	var first *handshakeKey
	firstNode := -1
	for i, k := range keys {
		if k == nil {
			continue
		}
		if first == nil {
			first, firstNode = k, i
		} else if k.pub != first.pub || !slices.Equal(k.commits, first.commits) {
			return nil, fmt.Errorf("nodes disagree on the network key: %s reports %s (epoch %d), %s reports %s (epoch %d)",
				nodes[firstNode].URL, keyID(first), first.epoch, nodes[i].URL, keyID(k), k.epoch)
		}
		out.Nodes[i].Usable = true
	}
	if first == nil {
		var why []string
		for _, n := range out.Nodes {
			why = append(why, n.Node.URL+": "+n.Reason)
		}
		return nil, fmt.Errorf("no node gave a verified handshake with the network key: %s", strings.Join(why, "; "))
	}
	if err := c.checkRootKeyOnChain(ctx, first.pub); err != nil {
		return nil, err
	}
	out.PublicKey, out.Poly, out.Threshold, out.Epoch = first.pub, first.poly, first.threshold, first.epoch
	out.shares = bls.NewShareKeys(first.poly)
	return out, nil
}

// handshakeKey runs one node's handshake and reads its key set; a non-empty reason says why
// the node cannot be used.
func (c *Client) handshakeKey(ctx context.Context, n NodeEntry) (*handshakeKey, string) {
	resp, att, err := c.Handshake(ctx, n)
	if err != nil {
		return nil, "handshake: " + err.Error()
	}
	if !att.Verified {
		return nil, "attestation not verified: " + att.Reason
	}
	if !att.TLS.Verified {
		return nil, "TLS certificate not verified: " + att.TLS.Reason
	}
	if resp.NetworkPublicKey == "" {
		return nil, fmt.Sprintf("holds no network key yet (epoch %d)", resp.Epoch)
	}
	k := &handshakeKey{pub: strings.ToLower(resp.NetworkPublicKey), threshold: resp.Threshold, epoch: resp.Epoch}
	if len(resp.NetworkPublicKeySet) == 0 || len(resp.NetworkPublicKeySet) > bls.MaxThreshold {
		return nil, fmt.Sprintf("reports a public key set of %d points", len(resp.NetworkPublicKeySet))
	}
	raw := make([][]byte, len(resp.NetworkPublicKeySet))
	for i, s := range resp.NetworkPublicKeySet {
		if raw[i], err = hex.DecodeString(s); err != nil {
			return nil, fmt.Sprintf("public key set point %d is not hex", i)
		}
		k.commits = append(k.commits, strings.ToLower(s))
	}
	if k.poly, err = bls.ParsePublicPoly(raw); err != nil {
		return nil, "bad public key set: " + err.Error()
	}
	pub, err := hex.DecodeString(k.pub)
	if err != nil || !bytes.Equal(pub, raw[0]) {
		return nil, "its network public key is not the constant term of its public key set"
	}
	if k.threshold != len(raw) {
		return nil, fmt.Sprintf("reports threshold %d with a public key set of degree %d", k.threshold, len(raw)-1)
	}
	return k, ""
}

// checkRootKeyOnChain compares the nodes' key with the root key the Staking contract records
// (final once T nodes voted for it, and never changed afterwards).
func (c *Client) checkRootKeyOnChain(ctx context.Context, pubHex string) error {
	cc, err := c.Chain(ctx)
	if err != nil {
		return fmt.Errorf("read the network key from the chain: %w", err)
	}
	onChain, err := cc.RootKey(ctx, chain.KeyTypeBLS)
	if errors.Is(err, chain.ErrNoRootKey) {
		return fmt.Errorf("the nodes report network key %s but the chain records none yet: %w", shortKey(pubHex), err)
	}
	if err != nil {
		return fmt.Errorf("read the network key from the chain: %w", err)
	}
	if hex.EncodeToString(onChain) != pubHex {
		return fmt.Errorf("the nodes report network key %s but the chain records %s", shortKey(pubHex), shortKey(hex.EncodeToString(onChain)))
	}
	return nil
}

// keyID names a key set in errors: the public key and a digest of the whole polynomial, which
// can differ under the same public key (after a resharing).
func keyID(k *handshakeKey) string {
	d := sha256.Sum256([]byte(strings.Join(k.commits, ",")))
	return fmt.Sprintf("%s (key set %x)", shortKey(k.pub), d[:4])
}

func shortKey(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}
