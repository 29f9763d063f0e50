package attestation

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/google/go-sev-guest/abi"
)

// The AMD certificate table (GHCB spec, extended guest request) that the host hands the guest
// next to a report: 24-byte entries {GUID, u32le offset, u32le length} ended by an all-zero
// entry, then the blobs. The host is outside the trust boundary, so the table is parsed here
// with bounds checks in 64-bit arithmetic rather than trusted to be well formed.
const (
	certTableEntrySize  = 24
	maxCertTableEntries = 32
	// MaxCertTableSize bounds a certificate table from the platform.
	MaxCertTableSize = 64 << 10
)

var (
	guidVCEK = mustGUID(abi.VcekGUID)
	guidVLEK = mustGUID(abi.VlekGUID)
	guidASK  = mustGUID(abi.AskGUID)
	guidARK  = mustGUID(abi.ArkGUID)
)

func mustGUID(s string) [16]byte {
	var g [16]byte
	b, err := hex.DecodeString(strings.ReplaceAll(s, "-", ""))
	if err != nil || len(b) != len(g) {
		panic("bad GUID constant " + s)
	}
	copy(g[:], b)
	return g
}

// ParseCertTable extracts the VCEK, VLEK, ASK and ARK from an AMD certificate table. Unknown
// entries are skipped; an empty table yields an empty chain.
func ParseCertTable(table []byte) (CertChain, error) {
	var c CertChain
	if len(table) == 0 {
		return c, nil
	}
	if len(table) > MaxCertTableSize {
		return c, fmt.Errorf("parse certificate table: %d bytes, limit %d", len(table), MaxCertTableSize)
	}
	for i := 0; ; i++ {
		if i >= maxCertTableEntries {
			return c, fmt.Errorf("parse certificate table: more than %d entries", maxCertTableEntries)
		}
		at := i * certTableEntrySize
		if at+certTableEntrySize > len(table) {
			return c, fmt.Errorf("parse certificate table: entry %d runs past the end", i)
		}
		e := table[at : at+certTableEntrySize]
		var guid [16]byte
		copy(guid[:], e[:16])
		off := uint64(binary.LittleEndian.Uint32(e[16:20]))
		n := uint64(binary.LittleEndian.Uint32(e[20:24]))
		if guid == ([16]byte{}) && off == 0 && n == 0 {
			return c, nil
		}
		if off+n > uint64(len(table)) || off < uint64(at+certTableEntrySize) {
			return c, fmt.Errorf("parse certificate table: entry %d points outside the table (offset %d, length %d)", i, off, n)
		}
		var dst *[]byte
		switch guid {
		case guidVCEK:
			dst = &c.VCEK
		case guidVLEK:
			dst = &c.VLEK
		case guidASK:
			dst = &c.ASK
		case guidARK:
			dst = &c.ARK
		default:
			continue
		}
		if n > MaxCertSize {
			return c, fmt.Errorf("parse certificate table: entry %d is %d bytes, limit %d", i, n, MaxCertSize)
		}
		if *dst != nil {
			return c, errors.New("parse certificate table: duplicate certificate entry")
		}
		*dst = bytes.Clone(table[off : off+n])
	}
}
