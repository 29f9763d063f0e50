package handshake_test

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/handshake"
	"github.com/litmesh/litmesh/internal/testutil"
)

// The header before the report: version, purpose, kind, operator, signature, report length.
const headerSize = 1 + 1 + 1 + 20 + 65 + 2

// rewriteReport resizes the report inside an encoded response, fixing its length field.
func rewriteReport(b []byte, resize func([]byte) []byte) []byte {
	report := resize(bytes.Clone(b[headerSize : headerSize+attestation.ReportSize]))
	out := bytes.Clone(b[:headerSize])
	binary.BigEndian.PutUint16(out[headerSize-2:], uint16(len(report)))
	out = append(out, report...)
	return append(out, b[headerSize+attestation.ReportSize:]...)
}

// fixedResponse has every field set to a recognisable constant.
func fixedResponse() *handshake.Response {
	r := &handshake.Response{
		Purpose:  attestation.PurposePeer,
		Kind:     attestation.KindSimulated,
		Operator: common.HexToAddress("0x00112233445566778899aabbccddeeff00112233"),
		Evidence: attestation.Evidence{
			Report: bytes.Repeat([]byte{0xab}, attestation.ReportSize),
			Certs:  attestation.CertChain{VCEK: []byte("vcek"), ASK: []byte("ask"), ARK: []byte("ark")},
		},
	}
	for i := range r.OperatorSig {
		r.OperatorSig[i] = byte(i)
	}
	return r
}

func TestResponseEncodingMatchesTheDocumentedLayout(t *testing.T) {
	b, err := fixedResponse().Marshal()
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	// Drop the 1184 report bytes from the golden file; their position is checked here.
	if !bytes.Equal(b[headerSize:headerSize+attestation.ReportSize], fixedResponse().Evidence.Report) {
		t.Fatal("report not at the documented offset")
	}
	short := append(bytes.Clone(b[:headerSize]), b[headerSize+attestation.ReportSize:]...)
	got := []byte(hex.EncodeToString(short) + "\n")
	path := filepath.Join("testdata", "response_v1.hex")
	testutil.Golden(t, path, got)
	back, err := handshake.DecodeResponse(b)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	again, err := back.Marshal()
	if err != nil || !bytes.Equal(again, b) {
		t.Fatalf("round trip changed the encoding: %v", err)
	}
}

func TestChallengeEncoding(t *testing.T) {
	c := handshake.Challenge{Nonce: [handshake.NonceSize]byte{1, 2, 3}}
	b := c.Marshal()
	if len(b) != handshake.ChallengeSize || b[0] != 1 || b[1] != 1 || b[3] != 3 {
		t.Fatalf("challenge encoding %x", b)
	}
	for name, tc := range map[string]struct {
		b    []byte
		want error
	}{
		"an empty challenge":             {nil, handshake.ErrMalformed},
		"a short challenge":              {b[:20], handshake.ErrMalformed},
		"a long challenge":               {append(bytes.Clone(b), 0), handshake.ErrTooLarge},
		"a challenge of another version": {append([]byte{2}, b[1:]...), handshake.ErrMalformed},
	} {
		if _, err := handshake.DecodeChallenge(tc.b); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", name, err, tc.want)
		}
	}
}

func TestDecodeResponseRefusesMalformedMessages(t *testing.T) {
	good, err := fixedResponse().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	set := func(at int, v byte) []byte { b := bytes.Clone(good); b[at] = v; return b }
	certLen := headerSize + attestation.ReportSize // the VCEK's length field
	for name, tc := range map[string]struct {
		b    []byte
		want error
	}{
		"an empty message":                   {nil, handshake.ErrMalformed},
		"a message cut inside the header":    {good[:40], handshake.ErrMalformed},
		"another version":                    {set(0, 2), handshake.ErrMalformed},
		"an unknown purpose":                 {set(1, 0), handshake.ErrMalformed},
		"an unknown provider kind":           {set(2, 3), handshake.ErrMalformed},
		"a message cut inside the report":    {good[:headerSize+100], attestation.ErrReportTruncated},
		"a message cut inside a certificate": {good[:len(good)-2], handshake.ErrMalformed},
		"a missing certificate length":       {good[:certLen+1], handshake.ErrMalformed},
		"trailing bytes":                     {append(bytes.Clone(good), 0), handshake.ErrMalformed},
		"a certificate over its limit": {func() []byte {
			b := bytes.Clone(good)
			binary.BigEndian.PutUint16(b[certLen:], attestation.MaxCertSize+1)
			return b
		}(), handshake.ErrMalformed},
		"a message over the limit": {make([]byte, handshake.MaxResponseSize+1), handshake.ErrTooLarge},
	} {
		if _, err := handshake.DecodeResponse(tc.b); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", name, err, tc.want)
		}
	}
}

func TestMarshalRefusesResponsesOutsideTheFormat(t *testing.T) {
	for name, mutate := range map[string]func(*handshake.Response){
		"an unknown purpose":       func(r *handshake.Response) { r.Purpose = 0 },
		"an unknown kind":          func(r *handshake.Response) { r.Kind = "tdx" },
		"a short report":           func(r *handshake.Response) { r.Evidence.Report = r.Evidence.Report[:10] },
		"an oversized certificate": func(r *handshake.Response) { r.Evidence.Certs.ARK = make([]byte, attestation.MaxCertSize+1) },
	} {
		r := fixedResponse()
		mutate(r)
		if _, err := r.Marshal(); err == nil {
			t.Errorf("%s: marshalled", name)
		}
	}
}

func FuzzDecodeResponse(f *testing.F) {
	good, err := fixedResponse().Marshal()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:headerSize])
	f.Add(rewriteReport(good, func(r []byte) []byte { return r[:10] }))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := handshake.DecodeResponse(b)
		if err != nil {
			if r != nil {
				t.Fatal("a response and an error")
			}
			return
		}
		// Exactly one encoding per message: what decodes re-encodes to the same bytes.
		again, err := r.Marshal()
		if err != nil {
			t.Fatalf("decoded response does not re-encode: %v", err)
		}
		if !bytes.Equal(again, b) {
			t.Fatalf("re-encoding differs:\n in  %x\n out %x", b, again)
		}
	})
}

func FuzzDecodeChallenge(f *testing.F) {
	f.Add(handshake.Challenge{}.Marshal())
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := handshake.DecodeChallenge(b)
		if err == nil && !bytes.Equal(c.Marshal(), b) {
			t.Fatalf("re-encoding differs: %x vs %x", c.Marshal(), b)
		}
	})
}
