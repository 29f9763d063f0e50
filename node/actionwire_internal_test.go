package node

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

func TestActMsgRoundTrips(t *testing.T) {
	for _, m := range []actMsg{
		{kind: actKindRunOnce, name: "weather", seq: 0, value: []byte("71")},
		{kind: actKindBroadcast, name: "", seq: 3, value: nil},
		{kind: actKindDecrypt, name: "ab12", seq: 1, refused: true, value: []byte(errConditionsFailed)},
		{kind: actKindActionSig, name: strings.Repeat("n", maxActName), seq: 1 << 31, value: bytes.Repeat([]byte{7}, 1000)},
	} {
		b, err := m.encode()
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeActMsg(b)
		if err != nil {
			t.Fatalf("%+v: %v", m, err)
		}
		if got.kind != m.kind || got.name != m.name || got.seq != m.seq || got.refused != m.refused || !bytes.Equal(got.value, m.value) {
			t.Fatalf("round trip changed %+v into %+v", m, got)
		}
	}
}

func TestDecodeActMsgRejects(t *testing.T) {
	good, _ := actMsg{kind: actKindBroadcast, name: "n", value: []byte("v")}.encode()
	mutate := func(f func(b []byte) []byte) []byte { return f(append([]byte{}, good...)) }
	cases := []struct {
		name string
		b    []byte
	}{
		{"an empty message", nil},
		{"a truncated header", good[:5]},
		{"another version", mutate(func(b []byte) []byte { b[0] = 2; return b })},
		{"kind 0", mutate(func(b []byte) []byte { b[1] = 0; return b })},
		{"an unknown kind", mutate(func(b []byte) []byte { b[1] = actKindMax + 1; return b })},
		{"an unknown status", mutate(func(b []byte) []byte { b[2] = 2; return b })},
		{"a name running past the end", mutate(func(b []byte) []byte { b[4] = 200; return b })},
		{"a value longer than the message", mutate(func(b []byte) []byte { b[len(b)-2] = 9; return b })},
		{"trailing bytes", append(append([]byte{}, good...), 0)},
		{"a name that is not UTF-8", mutate(func(b []byte) []byte { b[5] = 0xff; return b })},
		{"an oversized value", func() []byte {
			m := actMsg{kind: actKindBroadcast, value: make([]byte, maxActValue)}
			b, _ := m.encode()
			b[len(b)-maxActValue-1]++ // claims one more byte than the limit
			return append(b, 0)
		}()},
	}
	for _, c := range cases {
		if _, err := decodeActMsg(c.b); !errors.Is(err, errActWire) {
			t.Errorf("%s: got %v, want errActWire", c.name, err)
		}
	}
	if _, err := (actMsg{kind: actKindBroadcast, value: make([]byte, maxActValue+1)}).encode(); err == nil {
		t.Error("encode took an oversized value")
	}
}

// FuzzDecodeActMsg feeds arbitrary peer bytes to the cross-node message decoder: it must never
// panic, and what it accepts must encode back to the same bytes.
func FuzzDecodeActMsg(f *testing.F) {
	for _, m := range []actMsg{
		{kind: actKindRunOnce, name: "weather", value: []byte("71")},
		{kind: actKindDecrypt, name: "x", seq: 2, refused: true, value: []byte("no")},
		{kind: actKindSign, name: "sig1", value: []byte(`{"peerId":"p"}`)},
	} {
		b, _ := m.encode()
		f.Add(b)
	}
	f.Add([]byte{1, 2, 0, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeActMsg(b)
		if err != nil {
			return
		}
		again, err := m.encode()
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("accepted %x, which encodes back to %x (%v)", b, again, err)
		}
	})
}

// FuzzDecodeUnsignedTx feeds callContract's txn, which comes from the action, to the
// transaction decoder: it must never panic, and what it accepts has a bounded gas limit.
func FuzzDecodeUnsignedTx(f *testing.F) {
	f.Add([]byte{0xc9, 0x80, 0x80, 0x80, 0x94})
	f.Add(append([]byte{0x02}, 0xc0))
	legacy, _ := hex.DecodeString("e5808080" + "94" + "2c7536e3605d9c16a7a3d7b1898e529396a65c23" + "80" + "8470a08231")
	f.Add(legacy)
	f.Fuzz(func(t *testing.T, raw []byte) {
		msg, err := decodeUnsignedTx(raw)
		if err != nil {
			return
		}
		if msg.Gas == 0 || msg.Value == nil {
			t.Fatalf("accepted %x as %+v", raw, msg)
		}
	})
}
