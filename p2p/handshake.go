package p2p

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/handshake"
)

// Limits of the attestation handshake.
const (
	handshakeTimeout     = 15 * time.Second
	maxHandshakeResponse = 64 << 10 // the encoded response is at most ~42 KiB
	maxConcurrentAnswers = 4        // reports can be slow (and rate-limited) on real hardware
)

// Membership says whether a verified operator may be trusted with a peer ID right now. The node
// implements it with the chain: staked, in the active (or next) validator set, and registered
// with this peer ID.
type Membership interface {
	CheckMember(ctx context.Context, operator common.Address, p peer.ID) error
}

// Expectations returns what a peer's attestation must satisfy now (the release allowlist can
// change on chain).
type Expectations func(ctx context.Context) (handshake.Expectations, error)

// Attested is the Policy of a real network: a peer is trusted only after it answered this
// node's fresh challenge with an attestation report bound to its libp2p key, its operator and
// the nonce, the report verified under the mode's trust roots and policy, and Membership
// accepted its operator. Results are cached per peer so membership can be re-checked cheaply
// when the epoch changes.
type Attested struct {
	Provider    attestation.Provider
	OperatorKey *ecdsa.PrivateKey
	Expect      Expectations
	Members     Membership
	Log         *slog.Logger

	answering chan struct{}
	mu        sync.Mutex
	verified  map[peer.ID]*handshake.Result
}

// Serve registers the responder that answers peers' challenges. Call it before the host's Start,
// or the first peers challenge a node that cannot answer yet. It is deliberately not gated:
// answering is how an untrusted peer learns whether to trust this node.
func (a *Attested) Serve(h host.Host) {
	a.answering = make(chan struct{}, maxConcurrentAnswers)
	h.SetStreamHandler(protocol.ID(handshake.ProtocolID), func(s network.Stream) { a.answer(h, s) })
}

func (a *Attested) answer(h host.Host, s network.Stream) {
	defer s.Close()
	defer recoverPanic(a.logger(), "handshake answer", s.Conn().RemotePeer())
	// Reports can be slow to make (and rate-limited) on real hardware: answer a few at a time
	// and let the rest queue briefly rather than fail.
	wait := time.NewTimer(handshakeTimeout / 2)
	defer wait.Stop()
	select {
	case a.answering <- struct{}{}:
		defer func() { <-a.answering }()
	case <-wait.C:
		_ = s.Reset() // still too many handshakes at once; the peer retries shortly
		return
	}
	_ = s.SetDeadline(time.Now().Add(handshakeTimeout))
	buf := make([]byte, handshake.NonceSize+8)
	n, err := io.ReadFull(io.LimitReader(s, int64(len(buf))), buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		_ = s.Reset()
		return
	}
	ch, err := handshake.DecodeChallenge(buf[:n])
	if err != nil {
		a.logger().Debug("malformed handshake challenge", "peer", s.Conn().RemotePeer(), "error", err)
		_ = s.Reset()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), handshakeTimeout)
	defer cancel()
	resp, err := handshake.BuildResponse(ctx, a.Provider, a.OperatorKey, h.Peerstore().PubKey(h.ID()), ch.Nonce)
	if err != nil {
		a.logger().Error("cannot answer a handshake challenge", "error", err)
		_ = s.Reset()
		return
	}
	raw, err := resp.Marshal()
	if err != nil {
		a.logger().Error("encode handshake response", "error", err)
		_ = s.Reset()
		return
	}
	if _, err := s.Write(raw); err != nil {
		_ = s.Reset()
	}
}

// Admit challenges p, verifies its answer and checks its operator's membership.
func (a *Attested) Admit(ctx context.Context, h host.Host, p peer.ID) (string, error) {
	res, err := a.challenge(ctx, h, p)
	if err != nil {
		return "", err
	}
	if err := a.Members.CheckMember(ctx, res.Operator, p); err != nil {
		// Membership changes with the chain (an operator registers, a set is locked): refuse
		// only briefly, unlike a failed attestation.
		return "", fmt.Errorf("operator %s: %w (%w)", res.Operator.Hex(), err, ErrTransient)
	}
	a.mu.Lock()
	if a.verified == nil {
		a.verified = map[peer.ID]*handshake.Result{}
	}
	a.verified[p] = res
	a.mu.Unlock()
	return fmt.Sprintf("attested (%s, measurement %s), operator %s is a member", res.Kind, shortHex(res.Report.Measurement), res.Operator.Hex()), nil
}

func (a *Attested) challenge(ctx context.Context, h host.Host, p peer.ID) (*handshake.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
	defer cancel()
	pub := h.Peerstore().PubKey(p)
	if pub == nil {
		var err error
		if pub, err = p.ExtractPublicKey(); err != nil {
			return nil, fmt.Errorf("attestation handshake: no public key for %s: %w", p, err)
		}
	}
	exp, err := a.Expect(ctx)
	if err != nil {
		return nil, fmt.Errorf("attestation handshake: expectations: %w", err)
	}
	ch, err := handshake.NewChallenge()
	if err != nil {
		return nil, err
	}
	s, err := h.NewStream(ctx, p, protocol.ID(handshake.ProtocolID))
	if err != nil {
		return nil, fmt.Errorf("attestation handshake: open stream: %w (%w)", err, ErrTransient)
	}
	defer s.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = s.SetDeadline(dl)
	}
	if _, err := s.Write(ch.Marshal()); err != nil {
		return nil, fmt.Errorf("attestation handshake: send challenge: %w (%w)", err, ErrTransient)
	}
	if err := s.CloseWrite(); err != nil {
		return nil, fmt.Errorf("attestation handshake: send challenge: %w (%w)", err, ErrTransient)
	}
	raw, err := io.ReadAll(io.LimitReader(s, maxHandshakeResponse+1))
	if err != nil {
		return nil, fmt.Errorf("attestation handshake: read response: %w (%w)", err, ErrTransient)
	}
	if len(raw) > maxHandshakeResponse {
		return nil, fmt.Errorf("attestation handshake: response over %d bytes", maxHandshakeResponse)
	}
	resp, err := handshake.DecodeResponse(raw)
	if err != nil {
		return nil, fmt.Errorf("attestation handshake (%s): %w", handshake.Reason(err), err)
	}
	res, err := handshake.VerifyResponse(resp, pub, ch.Nonce, exp)
	if err != nil {
		return nil, fmt.Errorf("attestation handshake (%s): %w", handshake.Reason(err), err)
	}
	return res, nil
}

// Verified returns the cached verification result of a trusted peer.
func (a *Attested) Verified(p peer.ID) (*handshake.Result, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	r, ok := a.verified[p]
	return r, ok
}

// Recheck re-runs the membership check for every peer h's gate trusts, using the cached
// attestation results; a peer that is no longer a member is rejected and disconnected. The node
// calls it when the epoch changes.
func (a *Attested) Recheck(ctx context.Context, h *Host) {
	for p := range h.Gate.TrustedPeers() {
		res, ok := a.Verified(p)
		var err error
		if !ok {
			err = errors.New("no attestation on record")
		} else {
			err = a.Members.CheckMember(ctx, res.Operator, p)
		}
		if err != nil {
			a.logger().Warn("peer no longer trusted", "peer", p, "reason", err.Error())
			h.Gate.Reject(p, "membership re-check: "+err.Error(), time.Minute)
			_ = h.Network().ClosePeer(p)
			a.mu.Lock()
			delete(a.verified, p)
			a.mu.Unlock()
		}
	}
}

func (a *Attested) logger() *slog.Logger {
	if a.Log == nil {
		return slog.Default()
	}
	return a.Log
}

func shortHex(m attestation.Measurement) string {
	s := m.String()
	if len(s) > 16 {
		return s[:16] + "…"
	}
	return s
}
