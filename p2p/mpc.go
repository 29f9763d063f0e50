package p2p

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"

	"github.com/litmesh/litmesh/mpc"
)

// MPCProtocol carries the messages of every threshold-protocol session between two nodes.
const MPCProtocol protocol.ID = "/litmesh/mpc/1.0.0"

// ActionProtocol carries the sessions of Lit Action executions (their cross-node functions),
// with the same framing as MPCProtocol but buffers of their own: clients decide which nodes an
// execution names, so its traffic must not crowd out the threshold protocols' sessions.
const ActionProtocol protocol.ID = "/litmesh/action/1.0.0"

// Limits of the MPC transport. A frame is a session ID and one protocol message. Every frame
// a peer sends is charged to the libp2p resource manager (the stream's scope, so the MPC
// protocol's per-peer and overall memory limits, see mpcLimits) from before its payload is
// allocated until the protocol has taken it or it is dropped; a peer over its budget has its
// stream reset. On top of that each session holds at most MaxSessionBytes, and the buffer of
// messages for sessions not opened yet gives each peer a quota, so one peer — trusted, but
// malicious — cannot crowd the others out.
const (
	MaxSessionID    = 256      // bytes
	MaxFramePayload = 16 << 20 // bytes: a DKG deal bundle for a large network fits comfortably
	// MaxSessionBytes bounds the messages one open session holds, not yet received.
	MaxSessionBytes = 64 << 20
	// MaxPeerBytes bounds what one peer's MPC frames may hold in this node at once (the
	// resource manager's MPC protocol-peer memory limit).
	MaxPeerBytes = 96 << 20
	// Messages may arrive for a session this node has not opened yet (a peer started first).
	// They wait, bounded in all and per peer, for a while.
	maxEarlySessions        = 256
	maxEarlyBytes           = 64 << 20
	maxEarlySessionsPerPeer = 32
	maxEarlyBytesPerPeer    = 16 << 20
	earlyTTL                = 2 * time.Minute
	inboxSize               = 1024
)

// Frame layout (all integers big-endian):
//
//	u16 session ID length | session ID | u32 payload length | payload
//
// Frames follow each other on a long-lived stream per (sender, receiver, lane), so a sender's
// messages of one session arrive in order. A session opened with OpenControl uses the control
// lane: a stream of its own to each peer, so its small, latency-bound messages (a signer set's
// agreement) never wait behind another session's large frames (a presigning round's) — on one
// stream they did, at the sender (one write at a time) and at the receiver (one frame read at a
// time). Messages of sessions in different lanes may overtake each other.

// ErrFrame is wrapped by every frame decoding failure.
var ErrFrame = errors.New("bad mpc frame")

// ReadFrame reads one frame, refusing oversized fields before allocating them.
func ReadFrame(r io.Reader) (session string, payload []byte, err error) {
	sid, m, err := readFrameHeader(r)
	if err != nil {
		return "", nil, err
	}
	payload = make([]byte, m)
	if _, err := io.ReadFull(r, payload); err != nil {
		return "", nil, fmt.Errorf("%w: truncated payload: %w", ErrFrame, err)
	}
	return sid, payload, nil
}

// readFrameHeader reads a frame up to its payload and returns the payload's length, checked.
func readFrameHeader(r io.Reader) (session string, size int, err error) {
	var hdr [2]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return "", 0, err
	}
	n := binary.BigEndian.Uint16(hdr[:])
	if n == 0 || n > MaxSessionID {
		return "", 0, fmt.Errorf("%w: session ID length %d (want 1..%d)", ErrFrame, n, MaxSessionID)
	}
	sid := make([]byte, n)
	if _, err := io.ReadFull(r, sid); err != nil {
		return "", 0, fmt.Errorf("%w: truncated session ID: %w", ErrFrame, err)
	}
	var plen [4]byte
	if _, err := io.ReadFull(r, plen[:]); err != nil {
		return "", 0, fmt.Errorf("%w: truncated length: %w", ErrFrame, err)
	}
	m := binary.BigEndian.Uint32(plen[:])
	if m > MaxFramePayload {
		return "", 0, fmt.Errorf("%w: payload of %d bytes over the %d-byte limit", ErrFrame, m, MaxFramePayload)
	}
	return string(sid), int(m), nil
}

// WriteFrame writes one frame.
func WriteFrame(w io.Writer, session string, payload []byte) error {
	if len(session) == 0 || len(session) > MaxSessionID {
		return fmt.Errorf("session ID of %d bytes (want 1..%d)", len(session), MaxSessionID)
	}
	if len(payload) > MaxFramePayload {
		return fmt.Errorf("payload of %d bytes over the %d-byte limit", len(payload), MaxFramePayload)
	}
	buf := make([]byte, 0, 2+len(session)+4+len(payload))
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(session)))
	buf = append(buf, session...)
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(payload)))
	buf = append(buf, payload...)
	_, err := w.Write(buf)
	return err
}

// Sessions routes MPC messages between this node and its trusted peers, one mpc.Transport per
// protocol session. Create one per host with NewSessions (and one for Lit Action executions
// with NewSessionsOn(h, ActionProtocol)).
type Sessions struct {
	h     *Host
	log   *slog.Logger
	proto protocol.ID

	mu        sync.Mutex
	open      map[string]*session
	early     map[string]*earlyQueue
	earlyLen  int // bytes buffered across early queues
	earlyPeer map[peer.ID]*earlyQuota
	out       map[outKey]*outStream
	closed    *closedSessions // nil unless the sessions are one-shot (OneShot)
}

// lane separates the outgoing streams to one peer (see the frame layout).
type lane uint8

const (
	laneBulk    lane = iota // every session's, unless opened with OpenControl
	laneControl             // OpenControl's sessions
)

type outKey struct {
	p    peer.ID
	lane lane
}

type earlyQueue struct {
	msgs    []inMsg
	created time.Time
	by      peer.ID // whose message created it
}

// earlyQuota is what one peer holds in the early buffer.
type earlyQuota struct {
	sessions int
	bytes    int
}

// inMsg is a received frame on its way to a protocol, with the resource-manager reservation
// it holds until the protocol takes it (or it is dropped).
type inMsg struct {
	from    peer.ID
	payload []byte
	release func()
}

type outStream struct {
	mu sync.Mutex
	s  network.Stream
}

// NewSessions registers the MPC protocol handler on h. Only trusted peers reach it.
func NewSessions(h *Host) *Sessions { return NewSessionsOn(h, MPCProtocol) }

// NewSessionsOn is NewSessions on another protocol ID, with its own sessions and buffers.
func NewSessionsOn(h *Host, proto protocol.ID) *Sessions {
	s := &Sessions{
		h:         h,
		log:       h.log.With("component", "mpc-transport", "protocol", string(proto)),
		proto:     proto,
		open:      map[string]*session{},
		early:     map[string]*earlyQueue{},
		earlyPeer: map[peer.ID]*earlyQuota{},
		out:       map[outKey]*outStream{},
	}
	h.Handle(proto, s.handleStream)
	return s
}

func (s *Sessions) handleStream(st network.Stream) {
	from := st.Conn().RemotePeer()
	defer st.Close()
	defer recoverPanic(s.log, "MPC stream", from)
	scope := st.Scope()
	r := bufio.NewReaderSize(st, 64<<10)
	for {
		sid, size, err := readFrameHeader(r)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.log.Warn("dropping MPC stream", "peer", from, "error", err)
				_ = st.Reset()
			}
			return
		}
		// Charge the payload before allocating it: a peer over its memory budget is cut off.
		if err := scope.ReserveMemory(size, network.ReservationPriorityAlways); err != nil {
			s.log.Warn("dropping MPC stream: the peer is over its memory budget", "peer", from, "frame_bytes", size, "error", err)
			_ = st.Reset()
			return
		}
		var once sync.Once
		release := func() { once.Do(func() { scope.ReleaseMemory(size) }) }
		payload := make([]byte, size)
		if _, err := io.ReadFull(r, payload); err != nil {
			release()
			s.log.Warn("dropping MPC stream", "peer", from, "error", fmt.Errorf("%w: truncated payload: %w", ErrFrame, err))
			_ = st.Reset()
			return
		}
		if !s.h.Gate.Trusted(from) {
			release()
			_ = st.Reset()
			return
		}
		s.deliver(sid, inMsg{from: from, payload: payload, release: release})
	}
}

func (s *Sessions) deliver(sid string, m inMsg) {
	s.mu.Lock()
	if sess, ok := s.open[sid]; ok {
		s.mu.Unlock()
		sess.deliver(m)
		return
	}
	defer s.mu.Unlock()
	if s.closed.has(sid) {
		m.release() // a member that finished later than this node: nothing will read it
		return
	}
	s.expireEarly()
	quota := s.earlyPeer[m.from]
	if quota == nil {
		quota = &earlyQuota{}
		s.earlyPeer[m.from] = quota
	}
	q, ok := s.early[sid]
	if !ok {
		if len(s.early) >= maxEarlySessions || quota.sessions >= maxEarlySessionsPerPeer {
			m.release()
			s.log.Warn("dropping message for an unopened session: too many pending sessions", "peer", m.from, "session", sid)
			return
		}
		q = &earlyQueue{created: time.Now(), by: m.from}
		s.early[sid] = q
		quota.sessions++
	}
	if s.earlyLen+len(m.payload) > maxEarlyBytes || quota.bytes+len(m.payload) > maxEarlyBytesPerPeer || len(q.msgs) >= inboxSize {
		m.release()
		s.log.Warn("dropping message for an unopened session: buffer full", "peer", m.from, "session", sid)
		return
	}
	q.msgs = append(q.msgs, m)
	s.earlyLen += len(m.payload)
	quota.bytes += len(m.payload)
}

// takeEarlyLocked removes session sid's early queue and its charges. s.mu is held.
func (s *Sessions) takeEarlyLocked(sid string) *earlyQueue {
	q := s.early[sid]
	if q == nil {
		return nil
	}
	delete(s.early, sid)
	if quota := s.earlyPeer[q.by]; quota != nil {
		quota.sessions--
	}
	for _, m := range q.msgs {
		s.earlyLen -= len(m.payload)
		if quota := s.earlyPeer[m.from]; quota != nil {
			quota.bytes -= len(m.payload)
		}
	}
	for p, quota := range s.earlyPeer {
		if quota.sessions <= 0 && quota.bytes <= 0 {
			delete(s.earlyPeer, p)
		}
	}
	return q
}

func (s *Sessions) expireEarly() {
	for sid, q := range s.early {
		if time.Since(q.created) > earlyTTL {
			s.takeEarlyLocked(sid)
			for _, m := range q.msgs {
				m.release()
			}
		}
	}
}

// Open starts session sid among members (the same list, in the same order, on every member;
// this node must be one of them). Messages that arrived before Open are delivered first.
// Close the transport when the protocol run ends.
func (s *Sessions) Open(sid string, members []peer.ID) (*SessionTransport, error) {
	return s.openIn(sid, members, laneBulk)
}

// OpenControl is Open for a session of small messages whose latency matters: they travel on
// a stream to each peer that no other kind of session uses (the control lane), so they never
// queue behind large frames. The lane only chooses the streams this node sends on: members
// need not open a session the same way, and a receiver handles every stream alike.
func (s *Sessions) OpenControl(sid string, members []peer.ID) (*SessionTransport, error) {
	return s.openIn(sid, members, laneControl)
}

func (s *Sessions) openIn(sid string, members []peer.ID, ln lane) (*SessionTransport, error) {
	if len(sid) == 0 || len(sid) > MaxSessionID {
		return nil, fmt.Errorf("session ID of %d bytes (want 1..%d)", len(sid), MaxSessionID)
	}
	self := slices.Index(members, s.h.ID())
	if self < 0 {
		return nil, fmt.Errorf("open session %s: this node is not a member", sid)
	}
	index := make(map[peer.ID]int, len(members))
	for i, p := range members {
		if _, dup := index[p]; dup {
			return nil, fmt.Errorf("open session %s: peer %s listed twice", sid, p)
		}
		index[p] = i
	}
	sess := &session{id: sid, members: slices.Clone(members), index: index, self: self, lane: ln,
		inbox: make(chan inMsg, inboxSize), closed: make(chan struct{}), log: s.log}

	s.mu.Lock()
	if _, dup := s.open[sid]; dup {
		s.mu.Unlock()
		return nil, fmt.Errorf("open session %s: already open", sid)
	}
	if s.closed.has(sid) {
		s.mu.Unlock()
		return nil, fmt.Errorf("open session %s: %w", sid, ErrSessionClosed)
	}
	s.open[sid] = sess
	q := s.takeEarlyLocked(sid)
	s.mu.Unlock()
	if q != nil {
		for _, m := range q.msgs {
			sess.deliver(m)
		}
	}
	return &SessionTransport{sessions: s, sess: sess}, nil
}

// send writes one frame to p over the lane's shared outgoing stream, opening it if needed and
// retrying once on a broken stream.
func (s *Sessions) send(ctx context.Context, p peer.ID, ln lane, sid string, payload []byte) error {
	s.mu.Lock()
	o, ok := s.out[outKey{p, ln}]
	if !ok {
		o = &outStream{}
		s.out[outKey{p, ln}] = o
	}
	s.mu.Unlock()

	o.mu.Lock()
	defer o.mu.Unlock()
	for attempt := 0; ; attempt++ {
		if o.s == nil {
			st, err := s.h.NewStream(network.WithAllowLimitedConn(ctx, "mpc"), p, s.proto)
			if err != nil {
				return fmt.Errorf("open MPC stream to %s: %w", p, err)
			}
			o.s = st
		}
		if dl, ok := ctx.Deadline(); ok {
			_ = o.s.SetWriteDeadline(dl)
		} else {
			_ = o.s.SetWriteDeadline(time.Now().Add(30 * time.Second))
		}
		// A write to a peer that died mid-frame blocks until the deadline (its flow-control
		// window never reopens); cancelling ctx must end it too, or a stopping node waits.
		st := o.s
		fired := make(chan struct{})
		stop := context.AfterFunc(ctx, func() {
			_ = st.SetWriteDeadline(time.Now())
			close(fired)
		})
		err := WriteFrame(st, sid, payload)
		if !stop() {
			<-fired // so it cannot cut short the next sender's write
		}
		if err == nil {
			return nil
		}
		_ = o.s.Reset()
		o.s = nil
		if attempt == 1 || ctx.Err() != nil {
			return fmt.Errorf("send MPC message to %s: %w", p, err)
		}
	}
}

func (s *Sessions) close(sid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.open, sid)
	s.closed.add(sid)
}

type session struct {
	id       string
	members  []peer.ID
	index    map[peer.ID]int
	self     int
	lane     lane // the outgoing streams its messages use
	inbox    chan inMsg
	closed   chan struct{}
	once     sync.Once
	log      *slog.Logger
	buffered atomic.Int64 // bytes in the inbox
}

func (s *session) deliver(m inMsg) {
	i, ok := s.index[m.from]
	if !ok || i == s.self {
		m.release()
		s.log.Warn("dropping MPC message from a non-member", "peer", m.from, "session", s.id)
		return
	}
	size := int64(len(m.payload))
	if s.buffered.Add(size) > MaxSessionBytes {
		s.buffered.Add(-size)
		m.release()
		s.log.Warn("dropping MPC message: the session holds its byte budget", "peer", m.from, "session", s.id, "bytes", size)
		return
	}
	select {
	case s.inbox <- m:
	case <-s.closed:
		s.buffered.Add(-size)
		m.release()
	default:
		s.buffered.Add(-size)
		m.release()
		s.log.Warn("dropping MPC message: session inbox full", "peer", m.from, "session", s.id)
	}
}

// SessionTransport is one session's mpc.Transport over libp2p.
type SessionTransport struct {
	sessions *Sessions
	sess     *session
}

var _ mpc.Transport = (*SessionTransport)(nil)

// Self is this node's index in the member list.
func (t *SessionTransport) Self() int { return t.sess.self }

// Members is the size of the member list.
func (t *SessionTransport) Members() int { return len(t.sess.members) }

// Peer is the peer ID of member i.
func (t *SessionTransport) Peer(i int) peer.ID { return t.sess.members[i] }

// Send delivers payload to member `to`.
func (t *SessionTransport) Send(ctx context.Context, to int, payload []byte) error {
	if to < 0 || to >= len(t.sess.members) || to == t.sess.self {
		return fmt.Errorf("send in session %s: invalid member %d", t.sess.id, to)
	}
	select {
	case <-t.sess.closed:
		return mpc.ErrClosed
	default:
	}
	return t.sessions.send(ctx, t.sess.members[to], t.sess.lane, t.sess.id, payload)
}

// Receive returns the next message from another member.
func (t *SessionTransport) Receive(ctx context.Context) (mpc.Message, error) {
	select {
	case m := <-t.sess.inbox:
		t.sess.buffered.Add(-int64(len(m.payload)))
		m.release()
		return mpc.Message{From: t.sess.index[m.from], Payload: m.payload}, nil
	case <-t.sess.closed:
		return mpc.Message{}, mpc.ErrClosed
	case <-ctx.Done():
		return mpc.Message{}, ctx.Err()
	}
}

// Close ends the session; later messages for it are buffered as if it were never opened and
// expire. Messages still in its inbox are dropped.
func (t *SessionTransport) Close() {
	t.sess.once.Do(func() {
		close(t.sess.closed)
		t.sessions.close(t.sess.id)
		for {
			select {
			case m := <-t.sess.inbox:
				t.sess.buffered.Add(-int64(len(m.payload)))
				m.release()
			default:
				return
			}
		}
	})
}
