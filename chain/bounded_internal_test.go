package chain

import (
	"encoding/binary"
	"runtime"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain/bindings"
)

func abiWords(ws ...uint64) []byte {
	out := make([]byte, 32*len(ws))
	for i, w := range ws {
		binary.BigEndian.PutUint64(out[32*i+24:], w)
	}
	return out
}

// aliasedValidators is an answer to currentValidators() that a lying endpoint could give: n
// validators whose entries all point at one validator whose URL is urlLen bytes long.
func aliasedValidators(n, urlLen int) []byte {
	out := abiWords(32, uint64(n)) // offset of the list, its length
	tuple := uint64(32 * n)        // where the one tuple sits, after the n offsets
	for range n {
		out = append(out, abiWords(tuple)...)
	}
	// The tuple: address, then offsets (from the tuple's start) of peerId, url, blsKey, secpKey.
	head := uint64(5 * 32)
	out = append(out, abiWords(0x1234, head, head+32, head+64+uint64((urlLen+31)/32*32), head+96+uint64((urlLen+31)/32*32))...)
	out = append(out, abiWords(0)...)              // peerId: empty
	out = append(out, abiWords(uint64(urlLen))...) // url
	out = append(out, make([]byte, (urlLen+31)/32*32)...)
	out = append(out, abiWords(0, 0)...) // the two keys: empty
	return out
}

// A lying endpoint answers 100 KB that decode into 60 MB (every validator's URL is the same
// 60 KB string, copied once per validator); the answer is refused before decoding. An honest
// answer passes and decodes.
func TestAnAnswerThatWouldDecodeIntoGigabytesIsRefused(t *testing.T) {
	outs := contractABIs()["staking"].Methods["currentValidators"].Outputs
	bomb := aliasedValidators(1000, 60_000)

	// Without the check: the decoder allocates what the offsets say.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := bindings.NewStaking().UnpackCurrentValidators(bomb); err != nil {
		t.Fatalf("the crafted answer does not decode: %v", err)
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew < 50<<20 {
		t.Fatalf("decoding %d bytes allocated only %d bytes: the crafted answer is not the attack", len(bomb), grew)
	}

	if err := checkDecodable(outs, bomb); err == nil {
		t.Fatal("an answer decoding into 60 MB passed")
	}
	honest, err := outs.Pack([]bindings.StakingValidator{
		{Operator: common.HexToAddress("0x1"), PeerId: []byte("peer-1"), Url: "https://node-1.example.com", BlsDkgKey: make([]byte, 96), SecpDkgKey: make([]byte, 33)},
		{Operator: common.HexToAddress("0x2"), PeerId: []byte("peer-2"), Url: "https://node-2.example.com", BlsDkgKey: make([]byte, 96), SecpDkgKey: make([]byte, 33)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkDecodable(outs, honest); err != nil {
		t.Fatalf("an honest answer was refused: %v", err)
	}
	vs, err := bindings.NewStaking().UnpackCurrentValidators(honest)
	if err != nil || len(vs) != 2 {
		t.Fatalf("honest answer: %v %v", vs, err)
	}
	for _, short := range [][]byte{abiWords(32), abiWords(32, 1<<50), abiWords(1 << 62)} {
		if err := checkDecodable(outs, short); err == nil {
			t.Fatalf("a truncated or out-of-range answer %x passed", short)
		}
	}
}

// FuzzCheckDecodable: whatever an endpoint answers to a validator-list read, it is refused or
// decodes (or fails to) within a few times its size, without panicking.
func FuzzCheckDecodable(f *testing.F) {
	f.Add(aliasedValidators(3, 100))
	f.Add(abiWords(32, 1, 32, 0x1234, 160, 192, 224, 256, 0, 0, 0, 0))
	f.Add(abiWords(32, 1<<40))
	f.Fuzz(func(t *testing.T, answer []byte) {
		outs := contractABIs()["staking"].Methods["currentValidators"].Outputs
		if checkDecodable(outs, answer) != nil {
			return
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, _ = outs.Unpack(answer)
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(64*len(answer))+1<<20 {
			t.Fatalf("%d bytes decoded into %d allocated bytes", len(answer), grew)
		}
	})
}
