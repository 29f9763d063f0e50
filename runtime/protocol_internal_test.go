package runtime

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"
)

func TestMessageRoundTrip(t *testing.T) {
	lim := frameLimit{blob: 64}
	in := message{
		Type:  msgExec,
		Exec:  &execMsg{IPFSID: "QmX", Auth: Auth{AuthSigAddress: "0xabc"}},
		parts: [][]byte{[]byte("code();"), []byte(`{"a":1}`)},
	}
	var buf bytes.Buffer
	if err := writeMessage(&buf, in, lim); err != nil {
		t.Fatal(err)
	}
	out, err := readMessage(&buf, lim)
	if err != nil {
		t.Fatal(err)
	}
	if out.Type != msgExec || out.Exec.IPFSID != "QmX" || out.Exec.Auth.AuthSigAddress != "0xabc" ||
		string(out.part(0)) != "code();" || string(out.part(1)) != `{"a":1}` || out.part(2) != nil {
		t.Fatalf("round trip changed the message: %+v", out)
	}
	if _, err := readMessage(&buf, lim); !errors.Is(err, io.EOF) {
		t.Fatalf("read past the last frame: %v, want io.EOF", err)
	}
}

func TestReadMessageRejects(t *testing.T) {
	frame := func(header string, blob int) []byte {
		b := binary.BigEndian.AppendUint32(nil, uint32(len(header)))
		b = binary.BigEndian.AppendUint32(b, uint32(blob))
		return append(append(b, header...), make([]byte, blob)...)
	}
	cases := []struct {
		name  string
		frame []byte
		want  error
	}{
		{"a blob over the limit", frame(`{"t":"exec","exec":{}}`, 65), errFrameTooLarge},
		{"a header over the limit", binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, maxHeader+1), 0), errFrameTooLarge},
		{"an unknown type", frame(`{"t":"nope"}`, 0), errBadFrame},
		{"a type without its payload", frame(`{"t":"exec"}`, 0), errBadFrame},
		{"two payloads", frame(`{"t":"exec","exec":{},"result":{}}`, 0), errBadFrame},
		{"parts that overrun the blob", frame(`{"t":"exec","p":[3,4],"exec":{}}`, 5), errBadFrame},
		{"parts that leave blob bytes over", frame(`{"t":"exec","p":[1],"exec":{}}`, 5), errBadFrame},
		{"a negative part", frame(`{"t":"exec","p":[-1,6],"exec":{}}`, 5), errBadFrame},
		{"an unknown host call", frame(`{"t":"call","call":{"id":1,"op":"readFile","args":{}}}`, 0), errBadFrame},
		{"a call without an id", frame(`{"t":"call","call":{"op":"fetch","args":{}}}`, 0), errBadFrame},
		{"unknown fields", frame(`{"t":"ready","ready":{"sandbox":{}},"x":1}`, 0), errBadFrame},
		{"a ready without its report", frame(`{"t":"ready"}`, 0), errBadFrame},
		{"a cancel with a blob", frame(`{"t":"cancel","p":[1]}`, 1), errBadFrame},
		{"a truncated header", frame(`{"t":"ready"}`, 0)[:12], io.ErrUnexpectedEOF},
		{"a truncated prefix", []byte{0, 0, 1}, io.ErrUnexpectedEOF},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readMessage(bytes.NewReader(c.frame), frameLimit{blob: 64})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
}

func FuzzReadMessage(f *testing.F) {
	var seed bytes.Buffer
	_ = writeMessage(&seed, message{Type: msgCall, Call: &callMsg{ID: 1, Op: opFetch, Args: []byte(`{"url":"http://x"}`)}, parts: [][]byte{[]byte("body")}}, frameLimit{blob: 64})
	f.Add(seed.Bytes())
	for _, m := range []message{
		{Type: msgCall, Call: &callMsg{ID: 2, Frame: 7, Op: opSign, Args: []byte(`{"toSign":"00","sigName":"s"}`)}},
		{Type: msgReply, Reply: &replyMsg{ID: 3, Child: &childMsg{Frame: 3, IPFSID: "QmC", Stack: []string{"QmA", "QmC"}}}, parts: [][]byte{[]byte("code"), []byte(`{}`)}},
		{Type: msgExec, Exec: &execMsg{IPFSID: "QmX", Headers: [][2]string{{"x-a", "b"}}}, parts: [][]byte{[]byte("1"), nil}},
	} {
		var b bytes.Buffer
		_ = writeMessage(&b, m, frameLimit{blob: 64})
		f.Add(b.Bytes())
	}
	f.Add([]byte{0, 0, 0, 13, 0, 0, 0, 0, '{', '"', 't', '"', ':', '"', 'r', 'e', 'a', 'd', 'y', '"', '}'})
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := frameLimit{blob: 256}
		r := bytes.NewReader(data)
		for {
			m, err := readMessage(r, lim)
			if err != nil {
				return
			}
			total := 0
			for _, p := range m.parts {
				total += len(p)
			}
			if total > lim.blob {
				t.Fatalf("accepted a %d-byte blob over the %d limit", total, lim.blob)
			}
			var out bytes.Buffer
			if err := writeMessage(&out, m, lim); err != nil {
				t.Fatalf("re-encode an accepted message: %v", err)
			}
		}
	})
}
