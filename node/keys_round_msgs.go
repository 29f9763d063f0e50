package node

// The key round's messages to the other members: the start offer, the mesh check, sending to
// all, the session and attempt ids.

import (
	"context"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/node/keyround"
)

// startMsg is the coordinator's start message without its attempt: for a resharing, the
// current public polynomials, which members without shares check against the chain.
func (r *keyRound) startMsg() (keyround.Msg, error) {
	m := keyround.Msg{Kind: keyround.KindStart}
	if r.fresh {
		return m, nil
	}
	if r.oldKeys == nil {
		return m, fmt.Errorf("this coordinator holds no shares of epoch %d", r.ms.Epoch.Number)
	}
	m.BLS, m.Secp = rawPoints(r.oldKeys.BLS.Commits), rawPoints(r.oldKeys.Secp.Commits)
	for _, sr := range schemeRoots {
		if ks := *sr.share(r.oldKeys); ks != nil {
			m.Schemes = append(m.Schemes, keyround.SchemePoly{Name: sr.name(), Points: rawPoints(ks.Commits)})
		}
	}
	slices.SortFunc(m.Schemes, func(a, b keyround.SchemePoly) int { return strings.Compare(a.Name, b.Name) })
	return m, nil
}

// meshed reports whether this node trusts a live connection to every member of the next set
// (and, for a first key generation, to every member: all of them run the protocol).
func (r *keyRound) meshed() bool {
	for i, p := range r.peers {
		if i == r.self || (!r.fresh && i >= len(r.newSet)) {
			continue
		}
		if !r.rk.connected(p) {
			return false
		}
	}
	return true
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

// randomAttemptID draws an attempt ID (31 bits).
func randomAttemptID() uint32 {
	var b [4]byte
	if _, err := crand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err)) // the platform's randomness is gone
	}
	return (uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])) >> 1
}
