package node

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/p2p"
)

// Cross-node functions of Lit Actions (runOnce, broadcastAndCollect, decryptAndCombine,
// decryptToSingleNode, signAndCombine*, signAsAction) run among the nodes that received the same
// execution request. Each node names the execution's channel from what the client sent it — the
// request id, the action's CID, the params, the authenticated requester and the node set — so
// nodes join only executions they were sent, and two different requests (another request id,
// other code, other params or requester) never share a channel. (The requester's address, not
// the authSig: with session signatures each node is sent its own.) The channel is a session of the action protocol
// (p2p.Sessions on /litmesh/action/1.0.0, buffers apart from the threshold protocols'): only
// the node set's members reach it, each message authenticated as its sender's. The session is opened
// at the first cross-node call and closed when the execution ends; a session id seen before is
// refused, so a replayed request cannot rerun a runOnce.

// Bounds on what one execution's channel holds.
const (
	maxActBoxes = 256      // distinct (kind, name, use) channels
	maxActBytes = 32 << 20 // message bytes kept
	maxActSeen  = 1 << 16  // session ids remembered against replays
	actSend     = 5 * time.Second
)

// actionExec is one execution at this node, linked to the same execution at the other members
// of its node set.
type actionExec struct {
	svc     *actionService
	sid     string
	members []peer.ID // the node set, in peer ID order: every member computes the same
	self    int
	leader  int
	keys    *EpochKeys
	err     error // why this execution has no channel (its node set is not one of this epoch)

	openMu sync.Mutex
	tr     *p2p.SessionTransport
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	closed bool
	boxes  map[actKey]*actBox
	uses   map[actKey]uint32 // uses of a (kind, name) at this node, by actKey with seq 0
	size   int
}

type actKey struct {
	kind byte
	name string
	seq  uint32
}

// actBox holds what the members sent on one channel, by member index.
type actBox struct {
	got     map[int]actMsg
	arrived chan struct{} // closed and replaced on every arrival
}

// newActionExec describes the execution's channel; nothing is opened until a cross-node call.
// A node set this node cannot resolve leaves the execution without a channel (err says why):
// most actions never use one.
func (s *actionService) newActionExec(execID string, in executeInput, requester common.Address) *actionExec {
	ex := &actionExec{svc: s, boxes: map[actKey]*actBox{}, uses: map[actKey]uint32{}}
	keys, err := s.keys.Current()
	if err != nil {
		ex.err = fmt.Errorf("this node serves no epoch: %w", err)
		return ex
	}
	ex.keys = keys
	byPeer := map[peer.ID]bool{}
	if len(in.nodeSet) == 0 {
		for _, m := range keys.Members {
			p, err := peer.Decode(m.PeerID)
			if err != nil {
				ex.err = fmt.Errorf("member %s of epoch %d: %w", m.PeerID, keys.Epoch, err)
				return ex
			}
			byPeer[p] = true
		}
	}
	for i, e := range in.nodeSet {
		p, ok := resolveMember(keys, e.SocketAddress)
		if !ok {
			ex.err = api.Errorf(api.KindConflict, "nodeSet[%d] %q is not a validator of epoch %d", i, clipArg(e.SocketAddress), keys.Epoch)
			return ex
		}
		byPeer[p] = true
	}
	for p := range byPeer {
		ex.members = append(ex.members, p)
	}
	slices.SortFunc(ex.members, func(a, b peer.ID) int { return strings.Compare(a.String(), b.String()) })
	ex.self = slices.Index(ex.members, s.self)
	if ex.self < 0 {
		ex.err = api.Errorf(api.KindConflict, "this node (%s) is not in the request's nodeSet", s.self)
		return ex
	}
	h := sha256.New()
	h.Write([]byte("litmesh/action/session/v1"))
	for _, part := range [][]byte{[]byte(execID), []byte(in.cid.String()), in.params, requester.Bytes()} {
		sum := sha256.Sum256(part)
		h.Write(sum[:])
	}
	for _, p := range ex.members {
		h.Write([]byte(p))
	}
	id := h.Sum(nil)
	ex.sid = "act/" + s.cfg.network + "/" + hex.EncodeToString(id[:20])
	lead := sha256.Sum256(append([]byte("litmesh/action/leader/v1"), id...))
	ex.leader = int(binary.BigEndian.Uint64(lead[:8]) % uint64(len(ex.members)))
	return ex
}

// resolveMember finds the member of the epoch a node set entry names: a peer ID, an API URL or
// host:port.
func resolveMember(keys *EpochKeys, s string) (peer.ID, bool) {
	if p, err := peer.Decode(s); err == nil {
		for _, m := range keys.Members {
			if m.PeerID == p.String() {
				return p, true
			}
		}
		return "", false
	}
	for _, m := range keys.Members {
		if m.URL != "" && sameNode(m.URL, s) {
			p, err := peer.Decode(m.PeerID)
			return p, err == nil
		}
	}
	return "", false
}

// open opens the execution's session at the first cross-node call.
func (ex *actionExec) open() error {
	if ex.err != nil {
		return ex.err
	}
	ex.openMu.Lock()
	defer ex.openMu.Unlock()
	if ex.tr != nil {
		return nil
	}
	ex.mu.Lock()
	closed := ex.closed
	ex.mu.Unlock()
	if closed {
		return errors.New("the execution has ended")
	}
	if !ex.svc.sessions.add(ex.sid) {
		return api.Errorf(api.KindConflict, "this execution (its request id, code, params and auth) ran its cross-node functions before: send a fresh X-Request-Id")
	}
	tr, err := ex.svc.transport.Open(ex.sid, ex.members)
	if err != nil {
		return fmt.Errorf("open the execution's channel to the other nodes: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ex.tr, ex.cancel = tr, cancel
	ex.wg.Add(1)
	go func() {
		defer ex.wg.Done()
		ex.read(ctx)
	}()
	return nil
}

// close ends the channel when the execution ends; later messages for it are dropped (the MPC
// transport keeps them briefly as for a session never opened, then expires them).
func (ex *actionExec) close() {
	ex.mu.Lock()
	ex.closed = true
	ex.mu.Unlock()
	ex.openMu.Lock()
	defer ex.openMu.Unlock()
	if ex.tr == nil {
		return
	}
	ex.cancel()
	ex.tr.Close()
	ex.wg.Wait()
}

// read files every message of the session by channel and sender until the session closes.
func (ex *actionExec) read(ctx context.Context) {
	for {
		msg, err := ex.tr.Receive(ctx)
		if err != nil {
			return
		}
		m, err := decodeActMsg(msg.Payload)
		if err != nil {
			ex.svc.log.Warn("dropping a malformed cross-node action message", "peer", ex.members[msg.From], "session", ex.sid, "error", err)
			continue
		}
		ex.file(msg.From, m)
	}
}

func (ex *actionExec) file(from int, m actMsg) {
	k := actKey{m.kind, m.name, m.seq}
	ex.mu.Lock()
	defer ex.mu.Unlock()
	b, ok := ex.boxes[k]
	if !ok {
		if len(ex.boxes) >= maxActBoxes {
			ex.svc.log.Warn("dropping a cross-node action message: too many channels", "peer", ex.members[from], "session", ex.sid)
			return
		}
		b = &actBox{got: map[int]actMsg{}, arrived: make(chan struct{})}
		ex.boxes[k] = b
	}
	if prev, dup := b.got[from]; dup {
		if !bytes.Equal(prev.value, m.value) || prev.refused != m.refused {
			ex.svc.log.Warn("a node sent two different values on one cross-node channel; keeping the first", "peer", ex.members[from], "session", ex.sid, "kind", m.kind, "name", m.name)
		}
		return
	}
	if ex.size+len(m.value) > maxActBytes {
		ex.svc.log.Warn("dropping a cross-node action message: the execution's buffer is full", "peer", ex.members[from], "session", ex.sid)
		return
	}
	ex.size += len(m.value)
	b.got[from] = m
	close(b.arrived)
	b.arrived = make(chan struct{})
}

// use returns how many times this node used (kind, name) before, and counts this use: the
// k-th use of a name at every node is the same channel.
func (ex *actionExec) use(kind byte, name string) uint32 {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	k := actKey{kind: kind, name: name}
	n := ex.uses[k]
	ex.uses[k]++
	return n
}

// others is every member but this node.
func (ex *actionExec) others() []int {
	out := make([]int, 0, len(ex.members)-1)
	for i := range ex.members {
		if i != ex.self {
			out = append(out, i)
		}
	}
	return out
}

// send delivers m to the given members, in parallel; it reports the members it could not reach.
func (ex *actionExec) send(ctx context.Context, to []int, m actMsg) error {
	if err := ex.open(); err != nil {
		return err
	}
	payload, err := m.encode()
	if err != nil {
		return err
	}
	errs := make([]error, len(to))
	var wg sync.WaitGroup
	for i, member := range to {
		wg.Go(func() {
			sctx, cancel := context.WithTimeout(ctx, actSend)
			defer cancel()
			if err := ex.tr.Send(sctx, member, payload); err != nil {
				errs[i] = fmt.Errorf("%s: %w", ex.members[member], err)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// collect waits until every member of from has sent on the channel k, or done says the values
// so far suffice, or ctx ends. It returns what arrived by sender. On ctx's end the error names
// the members that sent nothing.
func (ex *actionExec) collect(ctx context.Context, k actKey, from []int, done func(map[int]actMsg) bool) (map[int]actMsg, error) {
	if err := ex.open(); err != nil {
		return nil, err
	}
	// Give up a little before the execution's own deadline, so the action still gets the
	// error naming the missing nodes rather than a bare time-out.
	if dl, ok := ctx.Deadline(); ok {
		margin := min(time.Second, time.Until(dl)/10)
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, dl.Add(-margin))
		defer cancel()
	}
	for {
		ex.mu.Lock()
		b, ok := ex.boxes[k]
		if !ok {
			b = &actBox{got: map[int]actMsg{}, arrived: make(chan struct{})}
			ex.boxes[k] = b
		}
		got := make(map[int]actMsg, len(b.got))
		for i, m := range b.got {
			if slices.Contains(from, i) {
				got[i] = m
			}
		}
		arrived := b.arrived
		ex.mu.Unlock()
		if len(got) == len(from) || (done != nil && done(got)) {
			return got, nil
		}
		select {
		case <-arrived:
		case <-ctx.Done():
			var missing []string
			for _, i := range from {
				if _, ok := got[i]; !ok {
					missing = append(missing, ex.members[i].String())
				}
			}
			return got, api.Errorf(api.KindTimeout, "no answer from %d of the execution's nodes (%s) on %s: they did not run this execution, or not to this point",
				len(missing), strings.Join(missing, ", "), k.describe())
		}
	}
}

func (k actKey) describe() string {
	kinds := map[byte]string{actKindRunOnce: "runOnce", actKindBroadcast: "broadcastAndCollect", actKindDecrypt: "the decryption",
		actKindSign: "signAndCombine", actKindActionSig: "signAsAction"}
	return fmt.Sprintf("%s %q (use %d)", kinds[k.kind], k.name, k.seq+1)
}

// sessionGuard remembers the session ids of recent executions, so that a replayed request
// cannot run its cross-node functions (a runOnce's transaction, say) again. It forgets the
// oldest beyond its capacity.
type sessionGuard struct {
	mu       sync.Mutex
	capacity int
	seen     map[string]struct{}
	ring     []string // grows to capacity, then the oldest is overwritten
	next     int
}

// newSessionGuard remembers up to capacity ids; it allocates as ids arrive, so an idle node holds
// nothing for it.
func newSessionGuard(capacity int) *sessionGuard {
	return &sessionGuard{capacity: max(1, capacity), seen: map[string]struct{}{}}
}

// add records id and reports whether it is new.
func (g *sessionGuard) add(id string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.seen[id]; ok {
		return false
	}
	if len(g.ring) < g.capacity {
		g.ring = append(g.ring, id)
	} else {
		delete(g.seen, g.ring[g.next])
		g.ring[g.next] = id
		g.next = (g.next + 1) % g.capacity
	}
	g.seen[id] = struct{}{}
	return true
}
