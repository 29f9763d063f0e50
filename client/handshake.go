package client

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/handshake"
	"github.com/litmesh/litmesh/chain"
)

// Attestation is a client's verdict on a node's attestation, and on the TLS certificate the
// node served (TLS, which `lit status --verify` prints beside it).
type Attestation struct {
	Verified    bool     `json:"verified"`
	Kind        string   `json:"kind,omitempty"`
	Measurement string   `json:"measurement,omitempty"`
	Operator    string   `json:"operator,omitempty"`
	Reason      string   `json:"reason,omitempty"`
	TLS         TLSCheck `json:"-"`
}

// Handshake asks a node who it is, for its epoch and network keys, and for an attestation bound
// to a fresh challenge, which it verifies: under AMD's roots (or, for a devnet network file,
// the simulated roots it was given with WithDevnetRoots), with the measurement on the chain's
// release allowlist, bound to the node's peer ID (which must be the network file's: an entry
// without one verifies nothing), its operator and the TLS key it claims to serve with. The node
// must answer itself: a redirect fails the handshake. The certificate on the handshake's own connection must carry that key
// (Attestation.TLS); then the client pins it, and only then sends the node credentials. The
// response is returned even when a check fails; the verdict says why.
func (c *Client) Handshake(ctx context.Context, node NodeEntry) (*api.HandshakeResponse, Attestation, error) {
	var nonce [handshake.NonceSize]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return nil, Attestation{}, err
	}
	var resp api.HandshakeResponse
	served, err := postPlain(ctx, node.URL, "/web/handshake", api.HandshakeRequest{Challenge: hex.EncodeToString(nonce[:])}, &resp)
	if err != nil {
		if key, kerr := pinKey(node.URL); kerr == nil {
			c.pins.drop(key)
		}
		return nil, Attestation{}, err
	}
	att := c.verify(ctx, node, &resp, nonce)
	att.TLS = c.checkTLS(node.URL, served, resp.Attestation.TLSSPKISHA256, att.Verified)
	return &resp, att, nil
}

func (c *Client) verify(ctx context.Context, node NodeEntry, resp *api.HandshakeResponse, nonce [handshake.NonceSize]byte) Attestation {
	fail := func(reason string, err error) Attestation {
		if err != nil {
			reason += ": " + err.Error()
		}
		return Attestation{Verified: false, Kind: resp.Attestation.Kind, Reason: reason}
	}
	pid, err := peer.Decode(resp.PeerID)
	if err != nil {
		return fail("bad peer ID", err)
	}
	if node.PeerID == "" {
		return fail("the network file names no peerId for this node, so no attestation can vouch for it", nil)
	}
	if node.PeerID != resp.PeerID {
		return fail(fmt.Sprintf("node answered as %s, the network file says %s", resp.PeerID, node.PeerID), nil)
	}
	pub, err := pid.ExtractPublicKey()
	if err != nil {
		return fail("peer ID carries no public key", err)
	}
	raw, err := base64.StdEncoding.DecodeString(resp.Attestation.Response)
	if err != nil {
		return fail("attestation is not base64", err)
	}
	hr, err := handshake.DecodeResponse(raw)
	if err != nil {
		return fail(handshake.Reason(err), err)
	}
	spki, err := hex.DecodeString(resp.Attestation.TLSSPKISHA256)
	if err != nil || len(spki) != attestation.SPKIHashSize {
		return fail("the handshake names no TLS key (tlsSpkiSha256)", nil)
	}
	exp, err := c.expectations(ctx)
	if err != nil {
		return fail("cannot build expectations", err)
	}
	res, err := handshake.VerifyClientResponse(hr, pub, nonce, [attestation.SPKIHashSize]byte(spki), exp)
	if err != nil {
		return fail(handshake.Reason(err), err)
	}
	if resp.OperatorAddress != "" && !equalFoldHex(resp.OperatorAddress, res.Operator.Hex()) {
		return fail(fmt.Sprintf("node claims operator %s but attested %s", resp.OperatorAddress, res.Operator.Hex()), nil)
	}
	return Attestation{Verified: true, Kind: string(res.Kind), Measurement: res.Report.Measurement.String(), Operator: res.Operator.Hex()}
}

var (
	prodOnce     sync.Once
	prodVerifier *attestation.Verifier // AMD's roots: one for every client of the process
	prodErr      error
)

// verifier is the attestation verifier of the network's mode: production against AMD's roots,
// or a devnet's against the simulated roots the client was given (WithDevnetRoots).
func (c *Client) verifier() (*attestation.Verifier, error) {
	if c.Network.Mode != "devnet" {
		prodOnce.Do(func() {
			prodVerifier, prodErr = attestation.NewVerifier(attestation.ModeProduction, attestation.AMDRoots())
		})
		return prodVerifier, prodErr
	}
	if c.devnetRoots == nil {
		return nil, errors.New("the network file is a devnet's (mode \"devnet\"): its nodes attest with simulated SEV-SNP, whose roots the client takes only when given them (client.WithDevnetRoots(simulated.Roots()), as the lit CLI does for devnets)")
	}
	c.devnetOnce.Do(func() {
		c.devnetVerifier, c.devnetErr = attestation.NewVerifier(attestation.ModeDevnet, *c.devnetRoots)
	})
	return c.devnetVerifier, c.devnetErr
}

// expectations: the verifier of the network's mode and the chain's release allowlist.
func (c *Client) expectations(ctx context.Context) (handshake.Expectations, error) {
	v, err := c.verifier()
	if err != nil {
		return handshake.Expectations{}, err
	}
	if c.Network.Chain.RPCURL == "" && len(c.Network.Releases) > 0 {
		var ms []attestation.Measurement
		for _, r := range c.Network.Releases {
			m, err := attestation.ParseMeasurement(r)
			if err != nil {
				return handshake.Expectations{}, fmt.Errorf("network file releases: %w", err)
			}
			ms = append(ms, m)
		}
		return handshake.Expectations{Verifier: v, Policy: attestation.Policy{Measurements: ms}}, nil
	}
	cc, err := c.Chain(ctx)
	if err != nil {
		return handshake.Expectations{}, fmt.Errorf("read the release allowlist: %w", err)
	}
	rels, err := cc.AllowedReleases(ctx)
	if err != nil {
		return handshake.Expectations{}, fmt.Errorf("read the release allowlist: %w", err)
	}
	var ms []attestation.Measurement
	for _, r := range rels {
		var m attestation.Measurement
		if len(r) == len(m) {
			copy(m[:], r)
			ms = append(ms, m)
		}
	}
	return handshake.Expectations{Verifier: v, Policy: attestation.Policy{Measurements: ms}}, nil
}

// Chain connects (once) to the network's chain with the network file's contract addresses.
func (c *Client) Chain(ctx context.Context) (*chain.Client, error) {
	c.chainMu.Lock()
	defer c.chainMu.Unlock()
	if c.chain != nil {
		return c.chain, nil
	}
	if c.Network.Chain.RPCURL == "" {
		return nil, errors.New("the network file names no chain RPC URL")
	}
	raw, err := json.Marshal(c.Network.Contracts)
	if err != nil {
		return nil, err
	}
	var addrs chain.Addresses
	if err := json.Unmarshal(raw, &addrs); err != nil {
		return nil, fmt.Errorf("network file contracts: %w", err)
	}
	cc, err := chain.Dial(ctx, c.Network.Chain.RPCURL, addrs)
	if err != nil {
		return nil, err
	}
	c.chain = cc
	return cc, nil
}

func equalFoldHex(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i]|0x20 != b[i]|0x20 {
			return false
		}
	}
	return true
}
