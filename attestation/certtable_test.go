package attestation_test

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/verify/testdata"
	"github.com/google/go-sev-guest/verify/trust"
	"github.com/google/uuid"

	"github.com/litmesh/litmesh/attestation"
)

// certTable builds an AMD certificate table the way go-sev-guest does.
func certTable(entries map[string][]byte) []byte {
	t := &abi.CertTable{}
	for guid, blob := range entries {
		t.Entries = append(t.Entries, abi.CertTableEntry{GUID: uuid.MustParse(guid), RawCert: blob})
	}
	return t.Marshal()
}

func TestParseCertTableReadsTheChainTheHostSupplies(t *testing.T) {
	var pc trust.ProductCerts
	if err := pc.FromKDSCertBytes(trust.AskArkMilanVcekBytes); err != nil {
		t.Fatalf("parse Milan bundle: %v", err)
	}
	table := certTable(map[string][]byte{
		abi.VcekGUID:              testdata.VcekBytes,
		abi.AskGUID:               pc.Ask.Raw,
		abi.ArkGUID:               pc.Ark.Raw,
		abi.ExtraPlatformInfoGUID: {1, 2, 3},
	})
	c, err := attestation.ParseCertTable(table)
	if err != nil {
		t.Fatalf("parse certificate table: %v", err)
	}
	if !bytes.Equal(c.VCEK, testdata.VcekBytes) || !bytes.Equal(c.ASK, pc.Ask.Raw) || !bytes.Equal(c.ARK, pc.Ark.Raw) || c.VLEK != nil {
		t.Errorf("chain not read back: VCEK %d, ASK %d, ARK %d, VLEK %d bytes", len(c.VCEK), len(c.ASK), len(c.ARK), len(c.VLEK))
	}
}

func TestParseCertTableRefusesHostileTables(t *testing.T) {
	good := certTable(map[string][]byte{abi.VcekGUID: testdata.VcekBytes})
	entry := func(guid string, off, n uint32) []byte {
		b := make([]byte, 24)
		u := uuid.MustParse(guid)
		copy(b, u[:])
		binary.LittleEndian.PutUint32(b[16:], off)
		binary.LittleEndian.PutUint32(b[20:], n)
		return b
	}
	terminator := make([]byte, 24)
	cases := map[string][]byte{
		"a table cut inside its header":      good[:30],
		"an entry whose offset+length wraps": append(append(entry(abi.VcekGUID, 0xfffffff0, 0x20), terminator...), make([]byte, 64)...),
		"an entry pointing past the end":     append(append(entry(abi.VcekGUID, 48, 4096), terminator...), make([]byte, 64)...),
		"an entry pointing into the header":  append(append(entry(abi.VcekGUID, 0, 8), terminator...), make([]byte, 64)...),
		"two VCEK entries":                   append(append(append(entry(abi.VcekGUID, 72, 4), entry(abi.VcekGUID, 72, 4)...), terminator...), 1, 2, 3, 4),
		"a certificate over the size limit":  append(append(entry(abi.VcekGUID, 48, attestation.MaxCertSize+1), terminator...), make([]byte, attestation.MaxCertSize+1)...),
		"a table over the size limit":        make([]byte, attestation.MaxCertTableSize+1),
		"entries without a terminator":       bytes.Repeat(entry(abi.ExtraPlatformInfoGUID, 24*40, 0), 40),
	}
	for name, table := range cases {
		if _, err := attestation.ParseCertTable(table); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func FuzzParseCertTable(f *testing.F) {
	f.Add(certTable(map[string][]byte{abi.VcekGUID: testdata.VcekBytes, abi.ArkGUID: {1}}))
	f.Add([]byte{})
	f.Add(make([]byte, 24))
	f.Fuzz(func(t *testing.T, table []byte) {
		c, err := attestation.ParseCertTable(table)
		if err != nil {
			return
		}
		for _, cert := range [][]byte{c.VCEK, c.VLEK, c.ASK, c.ARK} {
			if len(cert) > attestation.MaxCertSize {
				t.Fatalf("accepted a %d-byte certificate", len(cert))
			}
		}
	})
}
