package node

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// Presigning: the coordinator of a set starts every session. It draws a fresh random nonce,
// sends the batch message (nonce, count, the IDs it still holds) on the set's control session,
// and every member runs ecdsa.Presign in the session the nonce names. Session IDs — and so
// presignature IDs — are never reused: the nonce is random and members refuse a nonce they
// have seen. Sessions of one set run one at a time at every member.

// maxQueuedBatches bounds the batch messages a member holds while a session of the same set
// still runs (normally one: the coordinator starts the next as soon as its own run ends).
const maxQueuedBatches = 2

// nonceMemory is how many batch nonces per set a member remembers, to refuse a repeated one.
const nonceMemory = 1024

// fill keeps the coordinator's pool for the set at its target.
func (ss *signerSet) fill(ctx context.Context) {
	log := ss.ep.s.deps.log.With("set", ss.key, "epoch", ss.ep.number)
	failures := 0
	refilling := false
	wake := time.NewTimer(0)
	defer wake.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ss.poked:
		case <-wake.C:
		}
		// Refill with hysteresis: start when half the pool is used, then run sessions until
		// it is full. Sessions cost three message rounds however many they make, so large
		// ones are cheaper per presignature, and the half left serves bursts meanwhile.
		have := ss.ep.scheme.Len(ss.order)
		need := ss.target - have
		idle := !ss.warm && time.Since(time.Unix(0, ss.used.Load())) > lazyIdle
		if need <= 0 || idle {
			refilling = false
		} else if have <= ss.target/2 {
			refilling = true
		}
		if !refilling {
			wake.Reset(time.Second)
			continue
		}
		if p, ok := ss.connectedAll(); !ok {
			log.Debug("not presigning: a member is not connected", "peer", p)
			wake.Reset(time.Second)
			continue
		}
		start := time.Now()
		// A session costs three rounds whatever its size, so while requests keep taking
		// presignatures a refill never runs for fewer than half the target (the pool holds up
		// to twice the target and a batch more).
		count := min(max(need, ss.target/2), presignBatchSize(len(ss.peers)))
		if err := ss.runBatch(ctx, count); err != nil {
			if ctx.Err() != nil {
				return
			}
			failures++
			backoff := min(time.Duration(1<<min(failures, 5))*time.Second/2, 30*time.Second)
			log.Warn("presigning session failed", "count", count, "error", err, "retry_in", backoff.String())
			wake.Reset(backoff)
			continue
		}
		failures = 0
		log.Debug("presigned", "count", count, "took", time.Since(start).String(), "ready", ss.ep.scheme.Len(ss.order))
		wake.Reset(0)
	}
}

// poke tells the coordinator's filler that the pool shrank.
func (ss *signerSet) poke() {
	select {
	case ss.poked <- struct{}{}:
	default:
	}
}

// acquire waits for this set's presigning slot. release ends the session's hold.
func (ss *signerSet) acquire(ctx context.Context) (release func(), err error) {
	select {
	case ss.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	done := make(chan struct{})
	ss.mu.Lock()
	ss.running = done
	ss.mu.Unlock()
	return func() {
		ss.mu.Lock()
		ss.running = nil
		ss.mu.Unlock()
		close(done)
		<-ss.slot
	}, nil
}

// runningBatch returns a channel closed when the running session ends, or nil.
func (ss *signerSet) runningBatch() <-chan struct{} {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.running
}

// runBatch runs one presigning session as the coordinator.
func (ss *signerSet) runBatch(ctx context.Context, count int) error {
	release, err := ss.acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	if p, why, _, ok := ss.ep.excl.anyOf(ss.peers, ss.peers[ss.self], time.Now()); ok {
		return fmt.Errorf("not presigning with %s, which this node leaves out of its signer sets (%s)", p, why)
	}
	var nonce [32]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return err
	}
	ss.openVotes(nonce)
	ss.sendMu.Lock()
	keep := ss.ep.scheme.IDs(ss.order)
	if len(keep) > maxKeep {
		keep = keep[:maxKeep]
	}
	err = ss.sendAll(ctx, (&batchMsg{Nonce: nonce, Count: count, Keep: keep}).encode())
	ss.sendMu.Unlock()
	if err != nil {
		ss.closeVotes(nonce)
		return fmt.Errorf("start presigning: %w", err)
	}
	return ss.presign(ctx, nonce, count)
}

func (ss *signerSet) batchOutcome(outcome string) {
	ss.ep.s.metrics.batches.WithLabelValues(outcome).Inc()
	ss.mu.Lock()
	defer ss.mu.Unlock()
	switch outcome {
	case "pooled":
		ss.pooled++
	case "vetoed", "timeout", "failed":
		ss.dropped++
	}
}

// receive handles the set's control messages at every member, the coordinator included.
func (ss *signerSet) receive(ctx context.Context) {
	log := ss.ep.s.deps.log.With("set", ss.key, "epoch", ss.ep.number)
	for {
		m, err := ss.ctl.Receive(ctx)
		if err != nil {
			if ctx.Err() == nil && !errors.Is(err, mpc.ErrClosed) {
				log.Warn("PKP control session ended", "error", err)
			}
			return
		}
		msg, err := decodeCtl(m.Payload)
		if err != nil {
			log.Warn("ignoring a bad PKP control message", "peer", ss.peers[m.From], "error", err)
			continue
		}
		switch {
		case msg.confirm != nil:
			err = ss.onConfirm(m.From, msg.confirm)
		case msg.refuse != nil:
			err = ss.onRefuse(m.From, msg.refuse)
		case msg.vote != nil:
			err = ss.onVote(m.From, msg.vote)
		case msg.batch != nil && (m.From != 0 || ss.coordinator()):
			err = fmt.Errorf("a batch message from %s, which does not coordinate the set", ss.peers[m.From])
		case msg.batch != nil:
			ss.onBatch(ctx, msg.batch, log)
		}
		if err != nil {
			log.Debug("refused a PKP control message", "peer", ss.peers[m.From], "reason", err)
		}
	}
}

// onBatch joins a presigning session the coordinator started, or vetoes it at once when the
// set includes a peer this node leaves out of its signer sets.
func (ss *signerSet) onBatch(ctx context.Context, m *batchMsg, log *slog.Logger) {
	ss.mu.Lock()
	_, seen := ss.nonces[m.Nonce]
	full := ss.queued >= maxQueuedBatches
	if !seen && !full {
		ss.nonces[m.Nonce] = struct{}{}
		ss.nonceQ = append(ss.nonceQ, m.Nonce)
		if len(ss.nonceQ) > nonceMemory {
			delete(ss.nonces, ss.nonceQ[0])
			ss.nonceQ = ss.nonceQ[1:]
		}
		ss.queued++
	}
	ss.mu.Unlock()
	switch {
	case seen:
		log.Warn("refusing a presigning session whose nonce was used before", "peer", ss.peers[0])
		return
	case full:
		log.Warn("refusing a presigning session: too many queued", "peer", ss.peers[0])
		ss.veto(m.Nonce, reasonOther)
		return
	}
	if p, why, _, ok := ss.ep.excl.anyOf(ss.peers, ss.peers[ss.self], time.Now()); ok {
		ss.mu.Lock()
		ss.queued--
		ss.mu.Unlock()
		log.Info("vetoing a presigning session: the set includes a peer this node leaves out", "peer", p, "reason", why)
		ss.veto(m.Nonce, reasonExcluded)
		return
	}
	ss.openVotes(m.Nonce)
	ss.dropOrphans(m.Keep)
	ss.ep.wg.Add(1)
	go func() {
		defer ss.ep.wg.Done()
		defer recoverGoroutine(ss.ep.s.deps.log, "presigning session")
		release, err := ss.acquire(ctx)
		ss.mu.Lock()
		ss.queued--
		ss.mu.Unlock()
		if err != nil {
			return
		}
		defer release()
		start := time.Now()
		if err := ss.presign(ctx, m.Nonce, m.Count); err != nil {
			if ctx.Err() == nil {
				log.Warn("presigning session failed", "error", err)
			}
			return
		}
		log.Debug("presigned", "count", m.Count, "took", time.Since(start).String())
	}()
}

// dropOrphans discards the presignatures this member holds for the set that the coordinator
// no longer does (it restarted, or its run of a session failed where this member's did not)
// and that no assignment names: the coordinator will never assign them.
func (ss *signerSet) dropOrphans(keep []ecdsa.ID) {
	kept := make(map[ecdsa.ID]bool, len(keep))
	for _, id := range keep {
		kept[id] = true
	}
	for _, id := range ss.ep.scheme.IDs(ss.order) {
		if !kept[id] && !ss.ep.agree.named(ss.key, id) {
			ss.discard(id)
		}
	}
}

// ensureReady makes sure the coordinator's pool holds a presignature for the set: if it is
// empty, it waits for a running session, or runs one now (slower but correct). Another
// request may still take it first; the caller retries.
func (ss *signerSet) ensureReady(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		if ss.ep.scheme.Len(ss.order) > 0 {
			return nil
		}
		if attempt == 3 {
			return api.Errorf(api.KindUnavailable, "no presignature for signer set %s: every one made was taken by other requests; retry", ss.key)
		}
		if ch := ss.runningBatch(); ch != nil {
			select {
			case <-ch:
				continue
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if p, ok := ss.connectedAll(); !ok {
			return api.Errorf(api.KindUnavailable, "not enough peers: signer %s is not connected to this node", p)
		}
		if err := ss.runBatch(ctx, onDemandBatch); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return api.Errorf(api.KindUnavailable, "compute a presignature on demand for signer set %s: %v", ss.key, err)
		}
	}
}

// takeOldest removes the oldest presignature of the set from the pool (nil if none).
func (ss *signerSet) takeOldest() material {
	for _, id := range ss.ep.scheme.IDs(ss.order) {
		if ps, err := ss.ep.scheme.Take(id); err == nil {
			ss.poke()
			return ps
		}
	}
	return nil
}
