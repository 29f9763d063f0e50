package chain_test

import (
	"bytes"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ipfs/go-cid"

	"github.com/litmesh/litmesh/chain"
)

func TestDecodeRevert(t *testing.T) {
	str, _ := abi.NewType("string", "", nil)
	errorData := append(crypto.Keccak256([]byte("Error(string)"))[:4], must(abi.Arguments{{Type: str}}.Pack("stake too low"))...)
	panicData := append(crypto.Keccak256([]byte("Panic(uint256)"))[:4], common32(0x11)...)
	addrT, _ := abi.NewType("address", "", nil)
	uintT, _ := abi.NewType("uint256", "", nil)
	customData := append(crypto.Keccak256([]byte("NotTokenOwner(uint256,address)"))[:4],
		must(abi.Arguments{{Type: uintT}, {Type: addrT}}.Pack(big.NewInt(42), [20]byte{0xaa}))...)

	for _, tc := range []struct {
		name, data       []byte
		wantName, wantIn string
	}{
		{[]byte("a require message is decoded"), errorData, "Error", "stake too low"},
		{[]byte("a panic code is explained"), panicData, "Panic", "arithmetic overflow"},
		{[]byte("a custom error shows its arguments"), customData, "NotTokenOwner", "NotTokenOwner(tokenId=42, caller=" + common.Address{0xaa}.Hex() + ")"},
		{[]byte("an empty revert says so"), nil, "", "no reason given"},
		{[]byte("an unknown selector is named"), []byte{1, 2, 3, 4, 5}, "", "unknown error 0x01020304"},
		{[]byte("short data is reported"), []byte{1, 2}, "", "malformed revert data 0x0102"},
		{[]byte("a truncated Error(string) is not trusted"), errorData[:10], "", "unknown error 0x08c379a0"},
	} {
		t.Run(string(tc.name), func(t *testing.T) {
			rev := chain.DecodeRevert(tc.data)
			if rev.Name != tc.wantName || !strings.Contains(rev.Reason, tc.wantIn) {
				t.Fatalf("DecodeRevert = %q / %q, want %q containing %q", rev.Name, rev.Reason, tc.wantName, tc.wantIn)
			}
			if !bytes.Equal(rev.Data, tc.data) {
				t.Fatal("revert data not kept")
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func common32(v int64) []byte { return new(big.Int).SetInt64(v).FillBytes(make([]byte, 32)) }

func FuzzDecodeRevert(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0x08, 0xc3, 0x79, 0xa0, 0, 0, 0})
	f.Add(append([]byte{0x4e, 0x48, 0x7b, 0x71}, common32(0x32)...))
	f.Add(append(crypto.Keccak256([]byte("WrongDerivedKey(bytes32)"))[:4], make([]byte, 32)...))
	f.Fuzz(func(t *testing.T, data []byte) {
		rev := chain.DecodeRevert(data)
		if rev.Reason == "" {
			t.Fatal("empty reason")
		}
	})
}

func TestCanonicalCID(t *testing.T) {
	v0 := cidOf("console.log('hi')")
	want, err := chain.CanonicalCID(v0)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 34 || want[0] != 0x12 || want[1] != 0x20 {
		t.Fatalf("CIDv0 binary form %x, want the 34-byte sha2-256 multihash", want)
	}
	c := mustParseCID(t, v0)
	v1 := cid.NewCidV1(cid.DagProtobuf, c.Hash())
	got, err := chain.CanonicalCID(v1.String())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("CIDv1 %s canonicalises to %x, want the CIDv0 bytes %x", v1, got, want)
	}
	if back, err := chain.CIDString(got); err != nil || back != v0 {
		t.Fatalf("CIDString = %q, %v; want %s", back, err, v0)
	}
	for _, bad := range []string{"", "Qm", "not a cid", "bafy!"} {
		if _, err := chain.CanonicalCID(bad); err == nil {
			t.Fatalf("CanonicalCID(%q) accepted", bad)
		}
	}
}

func FuzzCanonicalCIDBytes(f *testing.F) {
	f.Add(must(chain.CanonicalCID(cidOf("x"))))
	f.Add([]byte{0x01, 0x70, 0x12, 0x20})
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := chain.CanonicalCIDBytes(b)
		if err != nil {
			return
		}
		again, err := chain.CanonicalCIDBytes(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("canonical form %x is not a fixed point: %x, %v", out, again, err)
		}
	})
}
