package api_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/api"
)

func TestBytesAcceptLitsNumberArraysAndHex(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []byte
		bad      string
	}{
		{"a number array", `[1, 2, 255]`, []byte{1, 2, 255}, ""},
		{"0x hex", `"0x0102ff"`, []byte{1, 2, 255}, ""},
		{"bare hex", `"0102FF"`, []byte{1, 2, 255}, ""},
		{"an empty array", `[]`, []byte{}, ""},
		{"a number over 255", `[256]`, nil, "element 0"},
		{"a negative number", `[1,-1]`, nil, "element 1"},
		{"a fraction", `[1.5]`, nil, "element 0"},
		{"odd hex", `"0x123"`, nil, "hex"},
		{"an object", `{"0":1}`, nil, "want an array"},
		{"too many numbers", "[" + strings.Repeat("1,", 5000) + "1]", nil, "limit"},
	} {
		var b api.Bytes
		err := json.Unmarshal([]byte(tc.in), &b)
		switch {
		case tc.bad != "" && (err == nil || !strings.Contains(err.Error(), tc.bad)):
			t.Errorf("%s: got %v, want an error saying %q", tc.name, err, tc.bad)
		case tc.bad == "" && (err != nil || !bytes.Equal(b, tc.want)):
			t.Errorf("%s: got %v %v, want %v", tc.name, []byte(b), err, tc.want)
		}
	}
	out, _ := json.Marshal(api.Bytes{0, 7, 255})
	if string(out) != "[0,7,255]" {
		t.Fatalf("Bytes encode as %s", out)
	}
}

func TestParsePKPRefTellsKeysFromTokenIDs(t *testing.T) {
	key65 := "0x04" + strings.Repeat("ab", 64)
	key33 := "03" + strings.Repeat("cd", 32)
	for _, tc := range []struct {
		in      string
		key     bool
		tokenID string
		bad     bool
	}{
		{in: key65, key: true},
		{in: key33, key: true},
		{in: "0x" + strings.Repeat("01", 32), tokenID: "0x" + strings.TrimLeft(strings.Repeat("01", 32), "0")},
		{in: "0x1234", tokenID: "0x1234"},
		{in: "12345678901234567890", tokenID: "0xab54a98ceb1f0ad2"},
		{in: "", bad: true},
		{in: "0xzz", bad: true},
		{in: "0x" + strings.Repeat("01", 40), bad: true},
		{in: "-5", bad: true},
		{in: strings.Repeat("9", 80), bad: true},
	} {
		ref, err := api.ParsePKPRef(tc.in)
		switch {
		case tc.bad:
			if err == nil {
				t.Errorf("%q: accepted as %+v", tc.in, ref)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.key && ref.PublicKey == nil, !tc.key && (ref.TokenID == nil || "0x"+ref.TokenID.Text(16) != tc.tokenID):
			t.Errorf("%q: parsed as %+v", tc.in, ref)
		}
	}
}

func FuzzBytesUnmarshal(f *testing.F) {
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(`"0xabcd"`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var b api.Bytes
		if json.Unmarshal(in, &b) != nil {
			return
		}
		out, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		var again api.Bytes
		if err := json.Unmarshal(out, &again); err != nil || !bytes.Equal(again, b) {
			t.Fatalf("%s does not round-trip: %v", out, err)
		}
	})
}

func FuzzParsePKPRef(f *testing.F) {
	f.Add("0x04" + strings.Repeat("ab", 64))
	f.Add("0x12")
	f.Add("42")
	f.Fuzz(func(t *testing.T, s string) {
		ref, err := api.ParsePKPRef(s)
		if err != nil {
			return
		}
		switch {
		case (ref.TokenID == nil) == (ref.PublicKey == nil):
			t.Fatalf("%q: want exactly one of token id and key: %+v", s, ref)
		case ref.TokenID != nil && (ref.TokenID.Sign() < 0 || ref.TokenID.BitLen() > 256):
			t.Fatalf("%q: token id %s out of range", s, ref.TokenID)
		case ref.PublicKey != nil && len(ref.PublicKey) != 33 && len(ref.PublicKey) != 65:
			t.Fatalf("%q: key of %d bytes", s, len(ref.PublicKey))
		}
	})
}
