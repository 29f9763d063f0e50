package node

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// Batch agreement. After ecdsa.Presign returns, every member sends every other a vote: the
// digest of the session's public presignatures, or a veto when its run failed (a round-3 check
// that failed here only, an abort, a timeout). A member pools the presignatures only when every
// other member sent the same digest; otherwise — a veto, another digest, a vote that does not
// come within voteWait — every honest member drops them, so no presignature exists at fewer
// than all of the set's honest members. A veto that arrives while this member's run is still
// going stops it at once.
const (
	voteWait     = 10 * time.Second
	maxVoteBoxes = 8 // sessions per set whose votes are kept at once
)

// voteBox collects the votes of one presigning session.
type voteBox struct {
	votes   map[int]voteMsg
	wake    chan struct{}
	cancel  context.CancelFunc // stops this member's run of the session; nil when not running
	created time.Time
}

// openVotes makes room for a session's votes before anyone can send one.
func (ss *signerSet) openVotes(nonce [32]byte) *voteBox {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.voteBoxLocked(nonce, true)
}

func (ss *signerSet) voteBoxLocked(nonce [32]byte, create bool) *voteBox {
	if b := ss.votes[nonce]; b != nil {
		return b
	}
	if !create {
		return nil
	}
	for len(ss.votes) >= maxVoteBoxes {
		var oldest [32]byte
		var at time.Time
		for n, b := range ss.votes {
			if at.IsZero() || b.created.Before(at) {
				oldest, at = n, b.created
			}
		}
		delete(ss.votes, oldest)
	}
	b := &voteBox{votes: map[int]voteMsg{}, wake: make(chan struct{}, 1), created: time.Now()}
	ss.votes[nonce] = b
	return b
}

func (ss *signerSet) closeVotes(nonce [32]byte) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.votes, nonce)
}

// onVote records member `from`'s verdict on a session. It refuses a vote for a session this
// node neither runs nor was asked to (beyond a few, kept in case the batch message is late).
func (ss *signerSet) onVote(from int, v *voteMsg) error {
	if from < 0 || from >= len(ss.peers) || from == ss.self {
		return fmt.Errorf("vote from member %d: not another member of the set", from)
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	_, known := ss.nonces[v.Nonce]
	b := ss.voteBoxLocked(v.Nonce, known || len(ss.votes) < maxVoteBoxes/2)
	if b == nil {
		return fmt.Errorf("vote for presigning session %x, which this node does not know", v.Nonce[:8])
	}
	if _, dup := b.votes[from]; dup {
		return fmt.Errorf("a second vote from %s on session %x", ss.peers[from], v.Nonce[:8])
	}
	b.votes[from] = *v
	if v.Verdict == verdictVeto && b.cancel != nil {
		b.cancel()
	}
	select {
	case b.wake <- struct{}{}:
	default:
	}
	return nil
}

// batchDigest is what the members of a session vote on: every presignature's ID and public
// digest, in order.
func batchDigest(nonce [32]byte, ps []*ecdsa.Presignature) [32]byte {
	h := sha256.New()
	h.Write([]byte("litmesh/pkp/batch/v2"))
	h.Write(nonce[:])
	var n [2]byte
	binary.BigEndian.PutUint16(n[:], uint16(len(ps)))
	h.Write(n[:])
	for _, p := range ps {
		id := p.ID()
		d := p.Public().Digest()
		h.Write(id[:])
		h.Write(d[:])
	}
	return [32]byte(h.Sum(nil))
}

// presign runs the session the nonce names and, once every member agreed on its outcome, adds
// its presignatures to the pool.
func (ss *signerSet) presign(ctx context.Context, nonce [32]byte, count int) error {
	box := ss.openVotes(nonce)
	defer ss.closeVotes(nonce)
	sid := ss.session(fmt.Sprintf("b/%x", nonce[:16]))
	tr, err := ss.ep.s.deps.sessions.Open(sid, ss.peers)
	if err != nil {
		ss.veto(nonce, reasonPresignAbort)
		return err
	}
	defer tr.Close()
	pctx, cancel := context.WithTimeout(ctx, presignDeadline(len(ss.peers)))
	defer cancel()
	ss.mu.Lock()
	box.cancel = cancel
	vetoed := false
	for _, v := range box.votes {
		vetoed = vetoed || v.Verdict == verdictVeto
	}
	ss.mu.Unlock()
	if vetoed {
		cancel()
	}
	var transport mpc.Transport = tr
	if h := ss.ep.s.deps.cfg.PKPHooks; h != nil && h.PresignTransport != nil {
		transport = h.PresignTransport(ss.peers, tr)
	}
	session := sha256.Sum256(append([]byte(sid+"/"), nonce[:]...))
	batch, err := ss.ep.scheme.Presign(pctx, transport, ss.order, session, nonce, count)
	ss.mu.Lock()
	box.cancel = nil
	ss.mu.Unlock()
	if err != nil {
		reason := reasonPresignAbort
		if m, ok := ss.ep.scheme.Fault(err); ok && m >= 0 && m < len(ss.peers) && m != ss.self {
			// A fault this member verified itself (never an AbortError's word).
			reason = reasonPresignFault
			ss.ep.fault(ss.peers[m], faultPresign, err.Error())
		}
		ss.veto(nonce, reason)
		ss.batchOutcome("failed")
		return fmt.Errorf("presign %d in session %s: %w", count, sid, err)
	}
	digest := batch.Digest()
	if err := ss.sendAll(ctx, (&voteMsg{Nonce: nonce, Verdict: verdictAgree, Digest: digest}).encode()); err != nil {
		ss.ep.s.deps.log.Debug("could not send every member the presigning vote", "error", err)
	}
	if err := ss.awaitVotes(ctx, box, digest); err != nil {
		batch.Discard()
		return fmt.Errorf("presigning session %s: %w", sid, err)
	}
	if err := ss.ep.scheme.Put(batch); err != nil {
		batch.Discard()
		return err
	}
	ss.batchOutcome("pooled")
	return nil
}

// veto tells the other members this member's run of a session failed.
func (ss *signerSet) veto(nonce [32]byte, reason byte) {
	if err := ss.sendAll(ss.ctx, (&voteMsg{Nonce: nonce, Verdict: verdictVeto, Reason: reason}).encode()); err != nil {
		ss.ep.s.deps.log.Debug("could not send every member the veto", "error", err)
	}
}

// awaitVotes waits until every other member voted for the same digest.
func (ss *signerSet) awaitVotes(ctx context.Context, box *voteBox, digest [32]byte) error {
	timer := time.NewTimer(ss.ep.s.voteWait)
	defer timer.Stop()
	for {
		ss.mu.Lock()
		var missing []string
		var fail error
		for m := range ss.peers {
			if m == ss.self {
				continue
			}
			v, ok := box.votes[m]
			switch {
			case !ok:
				missing = append(missing, ss.peers[m].String())
			case v.Verdict == verdictVeto && fail == nil:
				fail = fmt.Errorf("member %s vetoed it: %s", ss.peers[m], reasonName(v.Reason))
			case v.Verdict == verdictAgree && v.Digest != digest && fail == nil:
				fail = fmt.Errorf("member %s made other presignatures (batch digest %x, here %x)", ss.peers[m], v.Digest[:8], digest[:8])
			}
		}
		ss.mu.Unlock()
		switch {
		case fail != nil:
			ss.batchOutcome("vetoed")
			return fmt.Errorf("dropped: %w", fail)
		case len(missing) == 0:
			return nil
		}
		select {
		case <-box.wake:
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
			ss.batchOutcome("timeout")
			return fmt.Errorf("dropped: no vote from %s within %s", strings.Join(missing, ", "), ss.ep.s.voteWait)
		}
	}
}
