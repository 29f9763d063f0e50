package runtime

// The parent and its workers talk over two pipes with size-limited frames. A frame is
//
//	uint32 big-endian header length H | uint32 big-endian blob length B | H bytes JSON header | B bytes blob
//
// The JSON header says what the message is and how the blob splits into parts (code, bodies,
// responses): bulky strings travel raw instead of JSON-escaped. Both sides treat the other's
// frames as hostile — a subverted worker is the threat the process boundary exists for — and
// check every length before allocating.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

type msgType string

const (
	msgInit   msgType = "init"   // parent → worker, first frame: the limits
	msgReady  msgType = "ready"  // worker → parent: the isolate is warm and confined; what the sandbox turned out to be
	msgExec   msgType = "exec"   // parent → worker: run an action; parts: code, jsParams
	msgCall   msgType = "call"   // worker → parent: a host call; parts: request body
	msgReply  msgType = "reply"  // parent → worker: a host call's answer; parts: response body
	msgCancel msgType = "cancel" // parent → worker: stop the running execution
	msgResult msgType = "result" // worker → parent: the execution ended; parts: response, logs
)

// Host call operations a worker may ask for.
const (
	opFetch           = "fetch"
	opSign            = "sign"
	opCheckConditions = "checkConditions"
	opGetRPCURL       = "getRpcUrl"
	opPermissions     = "permissions"
	opChain           = "chain"
	opEncrypt         = "encrypt"
	opDecrypt         = "decrypt"
	opClaimKey        = "claimKey"
	opActionKey       = "actionKey"
	opCoordinate      = "coordinate"
	// opCall starts a child action (Lit.Actions.call): its answer carries the child's code and
	// params and the frame the child's calls are made from. opChildDone tells the parent the
	// child frame ended; it gets no answer.
	opCall      = "call"
	opChildDone = "childDone"
)

const (
	maxHeader = 1 << 20 // every header: limits, auth, host call arguments, errors
	maxParts  = 2
	maxProbes = 64 // sandbox probe outcomes in a ready frame
)

var (
	errFrameTooLarge = errors.New("frame over its size limit")
	errBadFrame      = errors.New("malformed frame")
)

// frameLimit bounds the frames one side accepts.
type frameLimit struct{ blob int }

// limitFor is the blob limit both sides use once the limits are known: the largest of an
// action with its params, a fetch body, and a response with its logs.
func limitFor(l Limits) frameLimit {
	return frameLimit{blob: max(l.MaxCode+l.MaxParams, l.MaxFetchBody, l.MaxResponse+l.MaxLogs) + 1024}
}

type message struct {
	Type   msgType    `json:"t"`
	Parts  []int      `json:"p,omitempty"`
	Init   *initMsg   `json:"init,omitempty"`
	Ready  *readyMsg  `json:"ready,omitempty"`
	Exec   *execMsg   `json:"exec,omitempty"`
	Call   *callMsg   `json:"call,omitempty"`
	Reply  *replyMsg  `json:"reply,omitempty"`
	Result *resultMsg `json:"result,omitempty"`

	parts [][]byte // the blob, split; not in the header
}

type initMsg struct {
	Limits  Limits       `json:"limits"`
	Sandbox *sandboxSpec `json:"sandbox,omitempty"` // nil: the worker confines nothing itself
}

type readyMsg struct {
	Sandbox workerSandbox `json:"sandbox"`
}

type execMsg struct {
	IPFSID  string      `json:"ipfsId"`
	Auth    Auth        `json:"auth"`
	Headers [][2]string `json:"headers,omitempty"` // Lit.Headers
}

type callMsg struct {
	ID uint64 `json:"id"`
	// Frame is the action making the call: 0 for the root action, else the ID of the call that
	// started the child action.
	Frame uint64          `json:"frame,omitempty"`
	Op    string          `json:"op"`
	Args  json.RawMessage `json:"args"`
}

type replyMsg struct {
	ID    uint64          `json:"id"`
	Value json.RawMessage `json:"value,omitempty"`
	Error *Error          `json:"error,omitempty"`
	// Child answers an opCall: run this child action (parts: code, params) as frame Frame.
	Child *childMsg `json:"child,omitempty"`
}

type childMsg struct {
	Frame  uint64   `json:"frame"`
	IPFSID string   `json:"ipfsId"`
	Stack  []string `json:"stack"`
}

type resultMsg struct {
	Error  *Error `json:"error,omitempty"`
	Retire bool   `json:"retire,omitempty"` // the worker exits after this result
}

// part returns blob part i, or nil if the message has fewer parts.
func (m *message) part(i int) []byte {
	if i < len(m.parts) {
		return m.parts[i]
	}
	return nil
}

// writeMessage encodes m with the given blob parts as one frame.
func writeMessage(w io.Writer, m message, lim frameLimit) error {
	if len(m.parts) > maxParts {
		return fmt.Errorf("encode %s: %d blob parts: %w", m.Type, len(m.parts), errBadFrame)
	}
	m.Parts = m.Parts[:0]
	blobLen := 0
	for _, p := range m.parts {
		m.Parts = append(m.Parts, len(p))
		blobLen += len(p)
	}
	header, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s: %w", m.Type, err)
	}
	if len(header) > maxHeader || blobLen > lim.blob {
		return fmt.Errorf("encode %s: header %d bytes, blob %d bytes: %w", m.Type, len(header), blobLen, errFrameTooLarge)
	}
	// The parts are written as they are, not copied into one buffer: a fetch body is already
	// held once by the node, and a frame must not hold it a second time.
	buf := make([]byte, 8, 8+len(header))
	binary.BigEndian.PutUint32(buf[0:4], uint32(len(header)))
	binary.BigEndian.PutUint32(buf[4:8], uint32(blobLen))
	buf = append(buf, header...)
	if _, err := w.Write(buf); err != nil {
		return err
	}
	for _, p := range m.parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// readMessage reads and validates one frame. io.EOF means the other side closed cleanly
// between frames.
func readMessage(r io.Reader, lim frameLimit) (message, error) {
	var pre [8]byte
	if _, err := io.ReadFull(r, pre[:]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return message{}, fmt.Errorf("read frame prefix: %w", err)
		}
		return message{}, err
	}
	hl, bl := binary.BigEndian.Uint32(pre[0:4]), binary.BigEndian.Uint32(pre[4:8])
	if hl > maxHeader || uint64(bl) > uint64(lim.blob) {
		return message{}, fmt.Errorf("frame of header %d, blob %d bytes (limits %d, %d): %w", hl, bl, maxHeader, lim.blob, errFrameTooLarge)
	}
	header := make([]byte, hl)
	if _, err := io.ReadFull(r, header); err != nil {
		return message{}, fmt.Errorf("read frame header: %w", noEOF(err))
	}
	m, err := decodeHeader(header, int(bl))
	if err != nil {
		return message{}, err
	}
	blob := make([]byte, bl)
	if _, err := io.ReadFull(r, blob); err != nil {
		return message{}, fmt.Errorf("read frame blob: %w", noEOF(err))
	}
	for _, n := range m.Parts {
		m.parts = append(m.parts, blob[:n:n])
		blob = blob[n:]
	}
	return m, nil
}

func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// decodeHeader parses a frame header and checks that it is a well-formed message of a known
// type whose parts add up to blobLen.
func decodeHeader(header []byte, blobLen int) (message, error) {
	var m message
	dec := json.NewDecoder(bytes.NewReader(header))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return message{}, fmt.Errorf("decode frame header: %w: %w", errBadFrame, err)
	}
	if dec.More() {
		return message{}, fmt.Errorf("decode frame header: trailing data: %w", errBadFrame)
	}
	if len(m.Parts) > maxParts {
		return message{}, fmt.Errorf("%s frame with %d parts: %w", m.Type, len(m.Parts), errBadFrame)
	}
	sum := 0
	for _, n := range m.Parts {
		if n < 0 || n > blobLen-sum {
			return message{}, fmt.Errorf("%s frame parts %v do not fit a %d-byte blob: %w", m.Type, m.Parts, blobLen, errBadFrame)
		}
		sum += n
	}
	if sum != blobLen {
		return message{}, fmt.Errorf("%s frame parts %v do not add up to %d: %w", m.Type, m.Parts, blobLen, errBadFrame)
	}
	payloads := 0
	for _, set := range []bool{m.Init != nil, m.Ready != nil, m.Exec != nil, m.Call != nil, m.Reply != nil, m.Result != nil} {
		if set {
			payloads++
		}
	}
	var ok bool
	switch m.Type {
	case msgInit:
		ok = m.Init != nil
	case msgReady:
		ok = m.Ready != nil && blobLen == 0 && len(m.Ready.Sandbox.Probes) <= maxProbes
	case msgExec:
		ok = m.Exec != nil
	case msgCall:
		ok = m.Call != nil && m.Call.ID != 0 && knownOp(m.Call.Op) && len(m.Call.Args) > 0
	case msgReply:
		ok = m.Reply != nil && m.Reply.ID != 0 && (m.Reply.Child == nil || (m.Reply.Child.Frame != 0 && len(m.Reply.Child.Stack) <= maxCallDepthLimit+1))
	case msgResult:
		ok = m.Result != nil
	case msgCancel:
		ok = payloads == 0 && blobLen == 0
		payloads++ // the check below expects exactly one payload
	default:
		return message{}, fmt.Errorf("frame of unknown type %q: %w", m.Type, errBadFrame)
	}
	if !ok || payloads != 1 {
		return message{}, fmt.Errorf("%s frame with missing, invalid or extra payload: %w", m.Type, errBadFrame)
	}
	return m, nil
}

func knownOp(op string) bool {
	switch op {
	case opFetch, opSign, opCheckConditions, opGetRPCURL, opPermissions, opChain, opEncrypt, opDecrypt,
		opClaimKey, opActionKey, opCoordinate, opCall, opChildDone:
		return true
	}
	return false
}
