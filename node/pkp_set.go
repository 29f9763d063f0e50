package node

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	libp2pcrypto "github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// ctlTransport is a signer set's control session: a p2p.SessionTransport (in-memory in unit
// tests).
type ctlTransport interface {
	mpc.Transport
	Close()
}

// signerSet is one signer set this node belongs to.
type signerSet struct {
	ep     *pkpEpoch
	key    string
	tag    string // short name for session IDs
	order  []int  // share indices, canonical order; order[0] coordinates
	peers  []peer.ID
	self   int // this node's position in order
	warm   bool
	target int
	ctl    ctlTransport
	ctx    context.Context
	cancel context.CancelFunc

	coordPub libp2pcrypto.PubKey // verifies the coordinator's assignments

	// sendMu orders, at the coordinator, the keep-list snapshot of a batch message with the
	// presignatures taken for assignments: a member must never see a batch message whose keep
	// list lacks a presignature whose assignment is still on its way.
	sendMu sync.Mutex

	used atomic.Int64 // unix nanoseconds of the last request for the set

	slot  chan struct{} // holds one token while a presigning session of this set runs here
	poked chan struct{} // coordinator: a presignature was taken, refill

	mu      sync.Mutex
	running chan struct{} // closed when the running presigning session ends; nil if none
	queued  int
	nonces  map[[32]byte]struct{}
	nonceQ  [][32]byte
	votes   map[[32]byte]*voteBox // per presigning session (nonce): the members' verdicts
	pooled  int                   // sessions whose presignatures every member agreed on
	dropped int                   // sessions dropped: a veto, a digest mismatch, a missing vote
}

func (ss *signerSet) coordinator() bool { return ss.self == 0 }

// session names a session of this set in this epoch (pkp-<scheme>/… for schemes other than
// ECDSA, so that one set's sessions of two schemes never mix).
func (ss *signerSet) session(suffix string) string {
	prefix := "pkp"
	if name := ss.ep.scheme.Name(); name != "" {
		prefix += "-" + name
	}
	return fmt.Sprintf("%s/%s/e%d/%s/%s", prefix, ss.ep.s.deps.cfg.Network, ss.ep.number, ss.tag, suffix)
}

func (ss *signerSet) start() {
	ss.ep.wg.Add(1)
	go func() {
		defer ss.ep.wg.Done()
		defer recoverGoroutine(ss.ep.s.deps.log, "PKP signer set")
		ss.receive(ss.ctx)
	}()
	if ss.coordinator() {
		ss.ep.wg.Add(1)
		go func() {
			defer ss.ep.wg.Done()
			defer recoverGoroutine(ss.ep.s.deps.log, "PKP presigning")
			ss.fill(ss.ctx)
		}()
	}
}

// connectedAll reports whether every member is connected; otherwise it names one that is not.
func (ss *signerSet) connectedAll() (peer.ID, bool) {
	for _, p := range ss.peers {
		if !ss.ep.connected(p) {
			return p, false
		}
	}
	return "", true
}

// discard takes a presignature out of the pool without using it (its request never came, or
// was refused): it must never serve another request.
func (ss *signerSet) discard(id ecdsa.ID) {
	if !ss.holds(id) {
		return // not this set's: a coordinator may only name its own set's presignatures
	}
	if ps, err := ss.ep.scheme.Take(id); err == nil {
		ps.Discard()
		ss.ep.s.deps.log.Debug("discarded an unused presignature", "presignature", id.String(), "set", ss.key)
	}
}

// holds reports whether this node's pool holds the presignature for this set.
func (ss *signerSet) holds(id ecdsa.ID) bool {
	return slices.Contains(ss.ep.scheme.IDs(ss.order), id)
}

// requestDigest binds everything the members of a set must agree on for a request.
func requestDigest(epoch uint64, requestID string, tokenID [32]byte, hash [32]byte, order []int) [32]byte {
	h := sha256.New()
	h.Write([]byte("litmesh/pkp/request/v1"))
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], epoch)
	h.Write(b[:])
	h.Write([]byte{byte(len(requestID))})
	h.Write([]byte(requestID))
	h.Write(tokenID[:])
	h.Write(hash[:])
	for _, v := range order {
		binary.BigEndian.PutUint16(b[:2], uint16(v))
		h.Write(b[:2])
	}
	return [32]byte(h.Sum(nil))
}

// sendAll sends payload to every other member of the set that is connected, each with its own
// deadline, and reports the members it could not reach.
func (ss *signerSet) sendAll(ctx context.Context, payload []byte) error {
	var errs []error
	for m := range ss.peers {
		if m == ss.self {
			continue
		}
		if !ss.ep.connected(ss.peers[m]) {
			errs = append(errs, fmt.Errorf("member %s not connected", ss.peers[m]))
			continue
		}
		sctx, cancel := context.WithTimeout(ctx, sendTimeout)
		err := ss.ctl.Send(sctx, m, payload)
		cancel()
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
