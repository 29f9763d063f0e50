package chain

import (
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain/bindings"
)

// An RPC endpoint chooses the bytes every read decodes, and go-ethereum's decoder allocates
// what the encoding's offsets and lengths say: a list of 1,000 validators whose URL offsets all
// point at one 60 KiB string decodes into 60 MB, from a 100 KiB answer. Every answer to a read
// of the litmesh contracts is therefore walked, without allocating, before it is decoded
// (checkDecodable): the decoded values may hold at most a few times the answer's size, and an
// answer is at most MaxCallResult bytes.

// MaxCallResult bounds the answer to one contract read.
const MaxCallResult = 4 << 20

var errUndecodable = errors.New("answer over its decoding bounds")

// contractABIs are the ABIs of the contracts the client reads, parsed once.
var contractABIs = sync.OnceValue(func() map[string]*abi.ABI {
	out := map[string]*abi.ABI{}
	for name, md := range map[string]*bind.MetaData{
		"staking": &bindings.StakingMetaData, "pkpNft": &bindings.PKPNFTMetaData,
		"pkpPermissions": &bindings.PKPPermissionsMetaData, "stakeToken": &bindings.StakeTokenMetaData,
	} {
		parsed, err := md.ParseABI()
		if err != nil {
			panic("chain: generated ABI does not parse: " + err.Error()) // a build bug
		}
		out[name] = parsed
	}
	return out
})

// outputsOf finds the outputs of the method a read of `to` with calldata `data` calls.
func (c *Client) outputsOf(to common.Address, data []byte) (abi.Arguments, bool) {
	if len(data) < 4 {
		return nil, false
	}
	var name string
	switch to {
	case c.addrs.Staking:
		name = "staking"
	case c.addrs.PKPNFT:
		name = "pkpNft"
	case c.addrs.PKPPermissions:
		name = "pkpPermissions"
	case c.addrs.StakeToken:
		name = "stakeToken"
	default:
		return nil, false
	}
	m, err := contractABIs()[name].MethodById(data[:4])
	if err != nil {
		return nil, false
	}
	return m.Outputs, true
}

// checkAnswer bounds an answer to a read before anything decodes it.
func (c *Client) checkAnswer(to common.Address, data, out []byte) error {
	if len(out) > MaxCallResult {
		return fmt.Errorf("%w: %d bytes, over %d", errUndecodable, len(out), MaxCallResult)
	}
	if outs, ok := c.outputsOf(to, data); ok {
		return checkDecodable(outs, out)
	}
	return nil
}

// checkDecodable walks an ABI encoding of args the way go-ethereum's decoder reads it, without
// allocating, and fails if decoding it would hold more than a few times its size.
func checkDecodable(args abi.Arguments, out []byte) error {
	budget := 4*len(out) + 64<<10
	pos := 0
	for _, a := range args {
		if err := walkABI(a.Type, out, pos, &budget); err != nil {
			return err
		}
		pos += typeSize(a.Type)
	}
	return nil
}

//nolint:gocognit // one case per ABI type kind of a budgeted walk; splitting it spreads the budget accounting
func walkABI(t abi.Type, out []byte, index int, budget *int) error {
	if *budget -= 32; *budget < 0 {
		return fmt.Errorf("%w: decoded values would be too large", errUndecodable)
	}
	if index < 0 || index+32 > len(out) {
		return fmt.Errorf("%w: value at %d beyond %d bytes", errUndecodable, index, len(out))
	}
	switch t.T {
	case abi.TupleTy:
		sub := out[index:]
		if isDynamicABI(t) {
			off, ok := abiWord(out, index)
			if !ok || off > uint64(len(out)) {
				return fmt.Errorf("%w: tuple offset", errUndecodable)
			}
			sub = out[off:]
		}
		pos := 0
		for _, e := range t.TupleElems {
			if err := walkABI(*e, sub, pos, budget); err != nil {
				return err
			}
			pos += typeSize(*e)
		}
	case abi.SliceTy, abi.StringTy, abi.BytesTy:
		off, ok := abiWord(out, index)
		if !ok || off > uint64(len(out)-32) {
			return fmt.Errorf("%w: offset", errUndecodable)
		}
		n, ok := abiWord(out, int(off))
		room := uint64(len(out)) - off - 32
		if !ok || n > room {
			return fmt.Errorf("%w: length", errUndecodable)
		}
		switch t.T {
		case abi.StringTy, abi.BytesTy:
			if *budget -= int(n); *budget < 0 { // a string is copied; bytes alias, but count them
				return fmt.Errorf("%w: decoded values would be too large", errUndecodable)
			}
		case abi.SliceTy:
			if n*32 > room {
				return fmt.Errorf("%w: elements beyond the answer", errUndecodable)
			}
			sub, size := out[off+32:], typeSize(*t.Elem)
			for j := 0; j < int(n); j++ {
				if err := walkABI(*t.Elem, sub, j*size, budget); err != nil {
					return err
				}
			}
		}
	case abi.ArrayTy:
		sub := out[index:]
		if isDynamicABI(*t.Elem) {
			off, ok := abiWord(out, index)
			if !ok || off > uint64(len(out)) {
				return fmt.Errorf("%w: array offset", errUndecodable)
			}
			sub = out[off:]
		}
		size := typeSize(*t.Elem)
		for j := 0; j < t.Size; j++ {
			if err := walkABI(*t.Elem, sub, j*size, budget); err != nil {
				return err
			}
		}
	}
	return nil
}

// typeSize is the bytes a value takes in place (go-ethereum's getTypeSize).
func typeSize(t abi.Type) int {
	switch {
	case t.T == abi.ArrayTy && !isDynamicABI(*t.Elem):
		return t.Size * typeSize(*t.Elem)
	case t.T == abi.TupleTy && !isDynamicABI(t):
		n := 0
		for _, e := range t.TupleElems {
			n += typeSize(*e)
		}
		return n
	}
	return 32
}

func isDynamicABI(t abi.Type) bool {
	switch t.T {
	case abi.StringTy, abi.BytesTy, abi.SliceTy:
		return true
	case abi.ArrayTy:
		return isDynamicABI(*t.Elem)
	case abi.TupleTy:
		for _, e := range t.TupleElems {
			if isDynamicABI(*e) {
				return true
			}
		}
	}
	return false
}

// abiWord reads the 32-byte word at pos as a uint64; false if it is not there or too big.
func abiWord(b []byte, pos int) (uint64, bool) {
	if pos < 0 || pos+32 > len(b) {
		return 0, false
	}
	w := new(big.Int).SetBytes(b[pos : pos+32])
	if !w.IsUint64() || w.Uint64() > 1<<40 {
		return 0, false
	}
	return w.Uint64(), true
}
