package keyround_test

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/litmesh/litmesh/node/keyround"
)

func samples() []*keyround.Msg {
	key := &keyround.SignedKey{Key: bytes.Repeat([]byte{1}, 32), Sig: bytes.Repeat([]byte{2}, 64)}
	pts := [][]byte{bytes.Repeat([]byte{3}, 48), bytes.Repeat([]byte{4}, 48)}
	return []*keyround.Msg{
		{Kind: keyround.KindHello, EdKey: key},
		{Kind: keyround.KindHello},
		{Kind: keyround.KindStart, Attempt: 1 << 30, EdKeys: []*keyround.SignedKey{key, nil, key}},
		{Kind: keyround.KindStart, Attempt: 5, BLS: pts, Secp: pts[:1],
			Schemes: []keyround.SchemePoly{{Name: "bls-pkp", Points: pts}, {Name: "ed25519", Points: pts[:1]}}, EdKeys: []*keyround.SignedKey{nil, key}},
		{Kind: keyround.KindOK, Attempt: 77},
		{Kind: keyround.KindDone, Attempt: 78},
	}
}

// TestControlMessagesRoundTrip: every kind decodes to what was encoded.
func TestControlMessagesRoundTrip(t *testing.T) {
	for _, m := range samples() {
		raw, err := m.Encode()
		if err != nil {
			t.Fatalf("encode %+v: %v", m, err)
		}
		if raw[0] != keyround.Version || raw[1] != m.Kind {
			t.Fatalf("header % x", raw[:2])
		}
		got, err := keyround.Decode(raw)
		if err != nil {
			t.Fatalf("decode kind %d: %v", m.Kind, err)
		}
		if !reflect.DeepEqual(got, m) {
			t.Fatalf("round trip of kind %d:\n got %+v\nwant %+v", m.Kind, got, m)
		}
	}
}

// TestBadControlMessagesAreRefused: each way a message can be wrong is refused with ErrMalformed.
func TestBadControlMessagesAreRefused(t *testing.T) {
	start, err := samples()[3].Encode()
	if err != nil {
		t.Fatal(err)
	}
	for name, raw := range map[string][]byte{
		"empty":                    nil,
		"short header":             {keyround.Version, keyround.KindOK, 0, 0},
		"the JSON of version 1":    []byte(`{"kind":"hello"}`),
		"an older version":         {1, keyround.KindOK, 0, 0, 0, 1},
		"an unknown kind":          {keyround.Version, 9, 0, 0, 0, 1},
		"a hello with an attempt":  {keyround.Version, keyround.KindHello, 0, 0, 0, 1, 0},
		"a bad presence byte":      {keyround.Version, keyround.KindHello, 0, 0, 0, 0, 2},
		"an empty key":             {keyround.Version, keyround.KindHello, 0, 0, 0, 0, 1, 0, 0, 1, 9},
		"trailing bytes":           {keyround.Version, keyround.KindDone, 0, 0, 0, 1, 0},
		"a truncated start":        start[:len(start)-1],
		"a start with extra bytes": append(bytes.Clone(start), 0),
		"too many points":          {keyround.Version, keyround.KindStart, 0, 0, 0, 1, 0xff, 0xff},
		"an empty point":           {keyround.Version, keyround.KindStart, 0, 0, 0, 1, 0, 1, 0},
		"unsorted scheme names":    {keyround.Version, keyround.KindStart, 0, 0, 0, 1, 0, 0, 0, 0, 2, 1, 'b', 0, 0, 1, 'a', 0, 0, 0, 0},
		"an oversized message":     make([]byte, keyround.MaxMessage+1),
	} {
		if _, err := keyround.Decode(raw); !errors.Is(err, keyround.ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", name, err)
		}
	}
	for name, m := range map[string]*keyround.Msg{
		"an unknown kind":         {Kind: 9},
		"a hello with an attempt": {Kind: keyround.KindHello, Attempt: 1},
		"repeated scheme names":   {Kind: keyround.KindStart, Schemes: []keyround.SchemePoly{{Name: "a"}, {Name: "a"}}},
		"an oversized signature":  {Kind: keyround.KindHello, EdKey: &keyround.SignedKey{Key: []byte{1}, Sig: make([]byte, keyround.MaxSig+1)}},
	} {
		if _, err := m.Encode(); !errors.Is(err, keyround.ErrMalformed) {
			t.Errorf("encode %s: %v, want ErrMalformed", name, err)
		}
	}
}

// FuzzDecodeControl: decoding never panics, and what decodes re-encodes to the same bytes
// (the layout is canonical).
func FuzzDecodeControl(f *testing.F) {
	for _, m := range samples() {
		raw, err := m.Encode()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`{"kind":"start","attempt":1}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := keyround.Decode(raw)
		if err != nil {
			if !errors.Is(err, keyround.ErrMalformed) {
				t.Fatalf("an error that is not ErrMalformed: %v", err)
			}
			return
		}
		again, err := m.Encode()
		if err != nil {
			t.Fatalf("a decoded message does not encode: %v", err)
		}
		if !bytes.Equal(again, raw) {
			t.Fatalf("re-encoded % x, was % x", again, raw)
		}
	})
}
