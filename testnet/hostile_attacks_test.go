package testnet_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/p2p"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// The attacks of TestHostile, one method per class (hostile_test.go runs them and checks the
// cluster after each).

// poisonedConditions are contract conditions whose output types or answers were made to
// exhaust a node: nested static arrays, a tuple, dynamic arrays whose lengths the answer
// cannot back (on the identity precompile 0x…04, which echoes the call, and on the demo NFT's
// name(), a string read as a uint256[]). refused says whether Parse must refuse it (400) or
// the answer makes it unmet (403).
func (h *hostileNet) poisonedConditions() []struct {
	name    string
	doc     string
	refused bool
} {
	call := func(contract, inputs, params, outputs string) string {
		return fmt.Sprintf(`{"evmContractConditions":[{"contractAddress":%q,"functionName":"f","functionParams":%s,`+
			`"functionAbi":{"name":"f","inputs":%s,"outputs":%s,"stateMutability":"view"},"chain":"litdevnet",`+
			`"returnValueTest":{"key":"ok","comparator":"=","value":"true"}}]}`, contract, params, inputs, outputs)
	}
	named := func(contract, fn, outputs string) string {
		return strings.Replace(strings.Replace(call(contract, "[]", "[]", outputs), `"functionName":"f"`, `"functionName":"`+fn+`"`, 1), `"name":"f"`, `"name":"`+fn+`"`, 1)
	}
	const identity = "0x0000000000000000000000000000000000000004"
	nft := h.Deployment.Contracts.DemoERC721.Hex()
	u256 := `[{"name":"a","type":"uint256"},{"name":"b","type":"uint256"}]`
	return []struct {
		name    string
		doc     string
		refused bool
	}{
		{"nested static arrays of 10^12 booleans", call(identity, "[]", "[]", `[{"name":"bomb","type":"bool[9999][9999][9999][1]"},{"name":"ok","type":"bool"}]`), true},
		{"a static array of 10^8 words", call(identity, "[]", "[]", `[{"name":"bomb","type":"uint256[10000][10000]"},{"name":"ok","type":"bool"}]`), true},
		{"nested dynamic arrays", call(identity, "[]", "[]", `[{"name":"bomb","type":"uint256[][]"},{"name":"ok","type":"bool"}]`), true},
		{"an array of strings", call(identity, "[]", "[]", `[{"name":"bomb","type":"string[]"},{"name":"ok","type":"bool"}]`), true},
		{"a tuple", call(identity, "[]", "[]", `[{"name":"bomb","type":"tuple","components":[{"name":"x","type":"uint256"}]},{"name":"ok","type":"bool"}]`), true},
		{"a dynamic array whose length the answer cannot back", named(nft, "name", `[{"name":"bomb","type":"uint256[]"},{"name":"ok","type":"bool"}]`), false},
		{"a huge length in an echoed answer", call(identity, u256, `["115792089237316195423570985008687907853269984665640564039457584007913129639935","115792089237316195423570985008687907853269984665640564039457584007913129639935"]`, `[{"name":"bomb","type":"uint8[1024][]"},{"name":"ok","type":"bool"}]`), false},
		{"a string beyond the answer", call(identity, u256, `["32","1000000"]`, `[{"name":"bomb","type":"string"},{"name":"ok","type":"bool"}]`), false},
	}
}

// poisonedConditionsOverHTTP sends each poisoned condition to every node as a share request:
// each node refuses it (400) or finds it unmet (403), and releases nothing.
func (h *hostileNet) poisonedConditionsOverHTTP(ctx context.Context, t *testing.T) {
	auth, err := json.Marshal(authSigOf(t, h.reader))
	if err != nil {
		t.Fatal(err)
	}
	for _, pc := range h.poisonedConditions() {
		var req map[string]json.RawMessage
		if err := json.Unmarshal([]byte(pc.doc), &req); err != nil {
			t.Fatalf("%s: %v", pc.name, err)
		}
		req["dataToEncryptHash"], _ = json.Marshal(strings.Repeat("ab", 32))
		req["chain"], _ = json.Marshal("litdevnet")
		req["authSig"] = auth
		body, _ := json.Marshal(req)
		for _, m := range h.Members() {
			code, answer := postHostile(ctx, nil, m.Node().URL()+"/web/encryption/sign", "application/json", bytes.NewReader(body))
			want := http.StatusForbidden
			if pc.refused {
				want = http.StatusBadRequest
			}
			if code != want || strings.Contains(answer, "signatureShare") {
				t.Errorf("%s: node %d answered %d %s, want %d", pc.name, m.Index, code, answer, want)
			}
		}
	}
}

// poisonedConditionsInAnAction has an action check each poisoned condition with
// Lit.Actions.checkConditions on every node: each check rejects or resolves false.
func (h *hostileNet) poisonedConditionsInAnAction(ctx context.Context, t *testing.T) {
	var lists []json.RawMessage
	for _, pc := range h.poisonedConditions() {
		var doc map[string]json.RawMessage
		if err := json.Unmarshal([]byte(pc.doc), &doc); err != nil {
			t.Fatal(err)
		}
		lists = append(lists, doc["evmContractConditions"])
	}
	params, _ := json.Marshal(map[string]any{"lists": lists})
	code := `(async () => {
  const out = [];
  for (const conditions of lists) {
    try {
      out.push(String(await Lit.Actions.checkConditions({ conditions, chain: "litdevnet" })));
    } catch (e) {
      out.push("rejected");
    }
  }
  Lit.Actions.setResponse({ response: JSON.stringify(out) });
})();`
	cl := testnet.NewClient(h.NetworkFile())
	defer cl.Close()
	res, err := cl.Execute(ctx, client.ExecuteRequest{Code: []byte(code), JSParams: params, Auth: pkptest.Session(t, h.reader)})
	if err != nil {
		t.Fatalf("the action failed: %v", err)
	}
	if res.Agreed != len(h.Members()) {
		t.Errorf("%d of %d nodes gave the common answer: %+v", res.Agreed, len(h.Members()), res.Nodes)
	}
	var out []string
	if err := json.Unmarshal([]byte(res.Response), &out); err != nil || len(out) != len(lists) {
		t.Fatalf("response %q: %v", res.Response, err)
	}
	for i, pc := range h.poisonedConditions() {
		want := "false"
		if pc.refused {
			want = "rejected"
		}
		if out[i] != want {
			t.Errorf("%s: checkConditions gave %q, want %q", pc.name, out[i], want)
		}
	}
}

// endless is a reader of n bytes: the start of a JSON object whose one string never ends, made
// as it is read (the decoder must read on to the route's limit).
type endless struct {
	left int64
	sent int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	const start = `{"authSig":"`
	n := min(int64(len(p)), e.left)
	for i := range p[:n] {
		if pos := e.sent + int64(i); pos < int64(len(start)) {
			p[i] = start[pos]
		} else {
			p[i] = 'a'
		}
	}
	e.left -= n
	e.sent += n
	return int(n), nil
}

// hugeBodies sends 300 MB to every route that takes a body, on every node: the node cuts it
// off at the route's limit (413, or the connection closed once the limit is passed).
func (h *hostileNet) hugeBodies(ctx context.Context, t *testing.T) {
	const size = 300 << 20
	auth := base64.StdEncoding.EncodeToString(mustJSON(t, authSigOf(t, h.reader)))
	for _, route := range []string{"/web/encryption/sign", "/web/execute", "/web/pkp/sign", "/web/handshake", "/web/ipfs/add", "/web/ipfs/pin"} {
		for _, m := range h.Members() {
			rctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			start := time.Now()
			hdr := http.Header{"Authorization": {api.AuthSigScheme + " " + auth}}
			code, answer := postHostile(rctx, hdr, m.Node().URL()+route, "application/json", &endless{left: size})
			cancel()
			if code != http.StatusRequestEntityTooLarge && code != 0 {
				t.Errorf("node %d %s: 300 MB answered %d %s, want 413", m.Index, route, code, answer)
			}
			if time.Since(start) > 50*time.Second {
				t.Errorf("node %d %s: took %s to refuse", m.Index, route, time.Since(start))
			}
		}
	}
}

// deepJSON sends JSON nested 200,000 levels deep to every JSON route: 400 (or 413 where the
// body is over the route's limit), never a crash.
func (h *hostileNet) deepJSON(ctx context.Context, t *testing.T) {
	const depth = 200000
	doc := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	wrapped := `{"authSig":` + doc + `,"code":` + doc + `}`
	for _, route := range []string{"/web/encryption/sign", "/web/execute", "/web/pkp/sign", "/web/handshake", "/web/ipfs/pin"} {
		for _, body := range []string{doc, wrapped} {
			for _, m := range h.Members() {
				code, answer := postHostile(ctx, nil, m.Node().URL()+route, "application/json", strings.NewReader(body))
				if code != http.StatusBadRequest && code != http.StatusRequestEntityTooLarge {
					t.Errorf("node %d %s: %d-deep JSON answered %d %s", m.Index, route, depth, code, answer)
				}
			}
		}
	}
}

// garbageAuthSigs sends malformed, forged and oversized authSigs to every authenticated route
// of every node: 400 or 401, never a share, never a 500.
func (h *hostileNet) garbageAuthSigs(ctx context.Context, t *testing.T) {
	real := authSigOf(t, h.reader)
	forged := *real
	forged.Sig = "0x" + strings.Repeat("11", 65)
	wrongAddr := *real
	wrongAddr.Address = "0x" + strings.Repeat("22", 20)
	huge := *real
	huge.SignedMessage = strings.Repeat("a wants you to sign in\n", 4000)
	garbage := []string{
		`null`, `42`, `"authSig"`, `[]`, `{}`, `{"sig":1}`,
		`{"sig":"0x","derivedVia":"web3.eth.personal.sign","signedMessage":"","address":"0x"}`,
		string(mustJSON(t, forged)), string(mustJSON(t, wrongAddr)), string(mustJSON(t, huge)),
		`{"sig":"` + strings.Repeat("f", 20000) + `","derivedVia":"x","signedMessage":"\u0000\ud800","address":"0x0"}`,
	}
	hash := strings.Repeat("ab", 32)
	for _, g := range garbage {
		bodies := map[string]string{
			"/web/encryption/sign": `{"accessControlConditions":` + string(h.file.AccessControlConditions) + `,"dataToEncryptHash":"` + hash + `","chain":"litdevnet","authSig":` + g + `}`,
			"/web/pkp/sign":        `{"toSign":[` + strings.TrimSuffix(strings.Repeat("1,", 32), ",") + `],"pubkey":"` + h.pkp.PublicKey + `","requestId":"garbage-` + hex.EncodeToString(randomBytes(t, 8)) + `","nodeSet":["x"],"authSig":` + g + `}`,
			"/web/execute":         `{"code":"` + base64.StdEncoding.EncodeToString([]byte(`Lit.Actions.setResponse({response:"ran"})`)) + `","authSig":` + g + `}`,
			"/web/ipfs/pin":        `{"cid":"QmWATWQ7fVPP2EFGu71UkfnqhYXDYH566qy47CnJDgvs8u","authSig":` + g + `}`,
		}
		for route, body := range bodies {
			for _, m := range h.Members() {
				code, answer := postHostile(ctx, nil, m.Node().URL()+route, "application/json", strings.NewReader(body))
				if code != http.StatusBadRequest && code != http.StatusUnauthorized && code != http.StatusRequestEntityTooLarge {
					t.Errorf("node %d %s with authSig %.60s: %d %s", m.Index, route, g, code, answer)
				}
			}
		}
		hdr := http.Header{"Authorization": {api.AuthSigScheme + " " + base64.StdEncoding.EncodeToString([]byte(g))}}
		for _, m := range h.Members() {
			code, answer := postHostile(ctx, hdr, m.Node().URL()+"/web/ipfs/add", "application/octet-stream", strings.NewReader("a file"))
			if code != http.StatusBadRequest && code != http.StatusUnauthorized && code != http.StatusRequestHeaderFieldsTooLarge {
				t.Errorf("node %d /web/ipfs/add with authSig %.60s: %d %s", m.Index, g, code, answer)
			}
		}
	}
	for _, m := range h.Members() {
		code, answer := postHostile(ctx, nil, m.Node().URL()+"/web/ipfs/add", "application/octet-stream", strings.NewReader("no auth"))
		if code != http.StatusUnauthorized {
			t.Errorf("node %d stored a file without an authSig: %d %s", m.Index, code, answer)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// garbagePeers attacks every node from a trusted member's host (a malicious node) and from an
// outsider's: garbage on every protocol the victim serves, oversized and malformed MPC frames,
// hundreds of sessions nobody opened and a burst of maximum-size frames.
func (h *hostileNet) garbagePeers(ctx context.Context, t *testing.T) {
	outsider, err := libp2p.New(libp2p.ListenAddrStrings("/ip4/127.0.0.1/tcp/0"), libp2p.DisableRelay())
	if err != nil {
		t.Fatal(err)
	}
	defer outsider.Close()
	attacker := h.Members()[0].Node().Host()
	for _, victim := range h.Members()[1:] {
		vh := victim.Node().Host()
		target := peer.AddrInfo{ID: vh.ID(), Addrs: vh.Addrs()}
		if err := outsider.Connect(ctx, target); err != nil {
			t.Fatalf("outsider connects to node %d: %v", victim.Index, err)
		}
		for _, proto := range vh.Mux().Protocols() {
			for _, from := range []interface {
				NewStream(context.Context, peer.ID, ...protocol.ID) (network.Stream, error)
			}{attacker, outsider} {
				sendGarbage(ctx, from, vh.ID(), proto)
			}
		}
		// MPC frames from the trusted attacker: an oversized length, a zero-length session ID,
		// 300 sessions nobody opened, and maximum-size frames.
		for _, frame := range [][]byte{
			{0, 4, 'j', 'u', 'n', 'k', 0xff, 0xff, 0xff, 0xff},
			{0, 0, 1, 2, 3},
		} {
			sendRaw(ctx, attacker, vh.ID(), p2p.MPCProtocol, frame)
		}
		var junk bytes.Buffer
		for i := range 300 {
			_ = p2p.WriteFrame(&junk, fmt.Sprintf("junk/%d", i), randomBytes(t, 64))
		}
		sendRaw(ctx, attacker, vh.ID(), p2p.MPCProtocol, junk.Bytes())
		big := make([]byte, p2p.MaxFramePayload)
		var burst bytes.Buffer
		for i := range 8 {
			_ = p2p.WriteFrame(&burst, fmt.Sprintf("big/%d", i), big)
		}
		sendRaw(ctx, attacker, vh.ID(), p2p.MPCProtocol, burst.Bytes())
	}
}

// sendGarbage opens a stream for proto and writes random bytes and an oversized
// varint-prefixed message, then reads a little of whatever comes back.
func sendGarbage(ctx context.Context, from interface {
	NewStream(context.Context, peer.ID, ...protocol.ID) (network.Stream, error)
}, to peer.ID, proto protocol.ID) {
	junk := make([]byte, 64<<10)
	_, _ = rand.Read(junk)
	oversized := binary.AppendUvarint(nil, 1<<40)
	sendRawWith(ctx, from, to, proto, append(oversized, junk...))
	sendRawWith(ctx, from, to, proto, junk)
}

func sendRaw(ctx context.Context, from interface {
	NewStream(context.Context, peer.ID, ...protocol.ID) (network.Stream, error)
}, to peer.ID, proto protocol.ID, data []byte) {
	sendRawWith(ctx, from, to, proto, data)
}

func sendRawWith(ctx context.Context, from interface {
	NewStream(context.Context, peer.ID, ...protocol.ID) (network.Stream, error)
}, to peer.ID, proto protocol.ID, data []byte) {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := from.NewStream(network.WithAllowLimitedConn(sctx, "hostile"), to, proto)
	if err != nil {
		return // refused: fine
	}
	defer s.Close()
	_ = s.SetDeadline(time.Now().Add(10 * time.Second))
	_, _ = s.Write(data)
	_ = s.CloseWrite()
	_, _ = io.Copy(io.Discard, io.LimitReader(s, 1<<20))
}

// handshakeFloodDuringResharing adds a node, so the network reshares its keys to five, while
// clients flood every node's /web/handshake: the resharing completes (the peers' handshakes go
// first at the attestation device) and the flood is met with 429s.
func (h *hostileNet) handshakeFloodDuringResharing(ctx context.Context, t *testing.T) {
	fctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var answered, limited, other atomic.Int64
	for _, m := range h.Members() {
		url := m.Node().URL() + "/web/handshake"
		for range 24 {
			wg.Go(func() {
				var nonce [32]byte
				for fctx.Err() == nil {
					_, _ = rand.Read(nonce[:])
					body := `{"challenge":"` + hex.EncodeToString(nonce[:]) + `"}`
					code, _ := postHostile(fctx, nil, url, "application/json", strings.NewReader(body))
					switch code {
					case http.StatusOK:
						answered.Add(1)
					case http.StatusTooManyRequests:
						limited.Add(1)
					default:
						other.Add(1)
					}
				}
			})
		}
	}
	h.AddNodes(ctx, 1)
	h.WaitEpoch(ctx, 2)
	stop()
	wg.Wait()
	t.Logf("handshake flood during the resharing: %d answered, %d refused with 429, %d other", answered.Load(), limited.Load(), other.Load())
	if answered.Load() == 0 {
		t.Error("no handshake of the flood was answered: the attack did not run")
	}
	h.WaitMesh(ctx)
	h.recordShares(t) // the resharing gave every member epoch-2 shares
}
