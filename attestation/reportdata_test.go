package attestation_test

import (
	"crypto/sha512"
	"encoding/hex"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/attestation"
)

func TestReportDataChangesWithEveryBoundInput(t *testing.T) {
	pub := []byte{0x08, 0x01, 0x12, 0x20, 1, 2, 3}
	op := common.HexToAddress("0x1111111111111111111111111111111111111111")
	var nonce [attestation.NonceSize]byte
	base, err := attestation.ReportData(attestation.PurposePeer, pub, op, nonce)
	if err != nil {
		t.Fatalf("report data: %v", err)
	}
	otherNonce := nonce
	otherNonce[31] = 1
	variants := map[string]func() ([attestation.ReportDataSize]byte, error){
		"a client's report with no TLS key": func() ([attestation.ReportDataSize]byte, error) {
			return attestation.ClientReportData(pub, op, [32]byte{}, nonce)
		},
		"another public key": func() ([attestation.ReportDataSize]byte, error) {
			return attestation.ReportData(attestation.PurposePeer, append([]byte{}, pub[:6]...), op, nonce)
		},
		"another operator": func() ([attestation.ReportDataSize]byte, error) {
			return attestation.ReportData(attestation.PurposePeer, pub, common.HexToAddress("0x1111111111111111111111111111111111111112"), nonce)
		},
		"another nonce": func() ([attestation.ReportDataSize]byte, error) {
			return attestation.ReportData(attestation.PurposePeer, pub, op, otherNonce)
		},
	}
	for name, f := range variants {
		got, err := f()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got == base {
			t.Errorf("%s: same REPORT_DATA", name)
		}
	}
}

// A known answer pins the documented layout (docs/attestation.md): a change here is a
// protocol change and needs a new domain tag.
func TestReportDataKnownAnswer(t *testing.T) {
	var nonce [attestation.NonceSize]byte
	for i := range nonce {
		nonce[i] = byte(i)
	}
	got, err := attestation.ReportData(attestation.PurposePeer, []byte("pubkey"), common.HexToAddress("0x00000000000000000000000000000000000000ff"), nonce)
	if err != nil {
		t.Fatalf("report data: %v", err)
	}
	const want = "e9abcc924a14ea748d859278445030d40f998129329077a7a5383e31ddf26d2479dead1d1929b2df100ad409ba4e215a37ae0ad7457b08b4cdd79526f1b5e44e"
	if hex.EncodeToString(got[:]) != want {
		t.Errorf("REPORT_DATA = %x, want %s", got, want)
	}
}

// A client's report binds the node's TLS key: another SPKI gives another REPORT_DATA, and the
// layout is pinned by a known answer.
func TestClientReportDataBindsTheTLSKey(t *testing.T) {
	var nonce [attestation.NonceSize]byte
	for i := range nonce {
		nonce[i] = byte(i)
	}
	op := common.HexToAddress("0x00000000000000000000000000000000000000ff")
	spki := [attestation.SPKIHashSize]byte{0xaa}
	got, err := attestation.ClientReportData([]byte("pubkey"), op, spki, nonce)
	if err != nil {
		t.Fatal(err)
	}
	other, err := attestation.ClientReportData([]byte("pubkey"), op, [attestation.SPKIHashSize]byte{0xab}, nonce)
	if err != nil || other == got {
		t.Fatalf("another TLS key gives the same REPORT_DATA (%v)", err)
	}
	h := sha512.New()
	tag := "litmesh/attestation/report-data/client/v2"
	h.Write([]byte{byte(len(tag))})
	h.Write([]byte(tag))
	h.Write([]byte{0, 6})
	h.Write([]byte("pubkey"))
	h.Write(op[:])
	h.Write(spki[:])
	h.Write(nonce[:])
	if want := h.Sum(nil); hex.EncodeToString(got[:]) != hex.EncodeToString(want) {
		t.Fatalf("REPORT_DATA %x, want the documented layout %x", got, want)
	}
	if _, err := attestation.ReportData(attestation.PurposeClient, []byte("pubkey"), op, nonce); err == nil {
		t.Fatal("a client REPORT_DATA without the TLS key was computed")
	}
}

func TestReportDataRefusesBadInputs(t *testing.T) {
	var nonce [attestation.NonceSize]byte
	for name, tc := range map[string]struct {
		purpose attestation.Purpose
		pub     []byte
	}{
		"an unknown purpose":      {attestation.Purpose(9), []byte("k")},
		"an empty public key":     {attestation.PurposePeer, nil},
		"an oversized public key": {attestation.PurposePeer, make([]byte, attestation.MaxPublicKeySize+1)},
	} {
		if _, err := attestation.ReportData(tc.purpose, tc.pub, common.Address{}, nonce); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
