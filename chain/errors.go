package chain

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/litmesh/litmesh/chain/bindings"
)

// Sentinels; match them with errors.Is.
var (
	// ErrUnreachable: the JSON-RPC endpoint did not answer (refused, timed out, HTTP error).
	// The concrete error is an *RPCError naming the URL.
	ErrUnreachable = errors.New("chain RPC unreachable")
	// ErrReverted: a call or transaction reverted. The concrete error is a *RevertError.
	ErrReverted = errors.New("execution reverted")
	// ErrUnknownPKP: no PKP was ever minted with that token id.
	ErrUnknownPKP = errors.New("unknown pkp")
	// ErrNoRootKey: the network has not voted that root key yet (no DKG has finished).
	ErrNoRootKey = errors.New("root key not voted yet")
	// ErrNoContract: there is no contract code at a configured address (wrong network file?).
	ErrNoContract = errors.New("no contract at address")
)

// RPCError reports an endpoint that did not answer.
type RPCError struct {
	URL string
	Err error
}

func (e *RPCError) Error() string {
	return fmt.Sprintf("chain RPC %s unreachable: %v", e.URL, e.Err)
}

func (e *RPCError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnreachable) true.
func (e *RPCError) Is(target error) bool { return target == ErrUnreachable }

// RevertError is a decoded revert: Error(string), Panic(uint256) or one of the contracts'
// custom errors (Name and Args set). TxHash is set when a mined transaction failed.
type RevertError struct {
	Name   string // "Error", "Panic", the custom error's name, or "" when undecodable
	Reason string // human form: the message, or Name(arg=value, …)
	Args   []any
	Data   []byte
	TxHash common.Hash
}

func (e *RevertError) Error() string {
	if e.TxHash != (common.Hash{}) {
		return fmt.Sprintf("transaction %s reverted: %s", e.TxHash.Hex(), e.Reason)
	}
	return "execution reverted: " + e.Reason
}

// Is makes errors.Is(err, ErrReverted) true.
func (e *RevertError) Is(target error) bool { return target == ErrReverted }

var (
	errorSelectorError = [4]byte{0x08, 0xc3, 0x79, 0xa0} // Error(string)
	errorSelectorPanic = [4]byte{0x4e, 0x48, 0x7b, 0x71} // Panic(uint256)
)

// customErrors maps a 4-byte selector to the error's ABI definition, across every contract.
var customErrors = sync.OnceValue(func() map[[4]byte]abi.Error {
	out := make(map[[4]byte]abi.Error)
	for _, md := range []*bind.MetaData{
		&bindings.StakingMetaData, &bindings.PKPNFTMetaData, &bindings.PKPPermissionsMetaData, &bindings.PKPHelperMetaData,
		&bindings.StakeTokenMetaData, &bindings.DemoERC20MetaData, &bindings.DemoERC721MetaData,
		&bindings.DemoERC1155MetaData,
	} {
		parsed, err := md.ParseABI()
		if err != nil {
			panic("chain: generated ABI does not parse: " + err.Error()) // a build bug, caught by every test
		}
		for _, e := range parsed.Errors {
			var sel [4]byte
			copy(sel[:], e.ID[:4])
			out[sel] = e
		}
	}
	return out
})

// DecodeRevert decodes revert data returned by a call.
func DecodeRevert(data []byte) *RevertError {
	e := &RevertError{Data: data}
	if len(data) == 0 {
		e.Reason = "no reason given"
		return e
	}
	if len(data) < 4 {
		e.Reason = "malformed revert data 0x" + hex.EncodeToString(data)
		return e
	}
	var sel [4]byte
	copy(sel[:], data[:4])
	switch sel {
	case errorSelectorError:
		if msg, err := abi.UnpackRevert(data); err == nil {
			e.Name, e.Reason, e.Args = "Error", msg, []any{msg}
			return e
		}
	case errorSelectorPanic:
		if len(data) == 4+32 {
			code := new(big.Int).SetBytes(data[4:])
			e.Name, e.Args = "Panic", []any{code}
			e.Reason = fmt.Sprintf("panic 0x%x (%s)", code, panicReason(code))
			return e
		}
	default:
		if def, ok := customErrors()[sel]; ok {
			args, err := def.Inputs.Unpack(data[4:])
			if err == nil {
				e.Name, e.Args = def.Name, args
				e.Reason = formatCustom(def, args)
				return e
			}
		}
	}
	e.Reason = "unknown error 0x" + hex.EncodeToString(data[:4])
	return e
}

func formatCustom(def abi.Error, args []any) string {
	var b strings.Builder
	b.WriteString(def.Name)
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		if i < len(def.Inputs) && def.Inputs[i].Name != "" {
			b.WriteString(def.Inputs[i].Name)
			b.WriteByte('=')
		}
		b.WriteString(formatArg(a))
	}
	b.WriteByte(')')
	return b.String()
}

func formatArg(a any) string {
	switch v := a.(type) {
	case []byte:
		return hexutil.Encode(v)
	case [32]byte:
		return hexutil.Encode(v[:])
	case common.Address:
		return v.Hex()
	case string:
		return fmt.Sprintf("%q", v)
	case *big.Int:
		return v.String()
	default:
		return fmt.Sprint(v)
	}
}

func panicReason(code *big.Int) string {
	switch code.Uint64() {
	case 0x01:
		return "assertion failed"
	case 0x11:
		return "arithmetic overflow"
	case 0x12:
		return "division by zero"
	case 0x21:
		return "invalid enum value"
	case 0x32:
		return "array index out of bounds"
	case 0x41:
		return "out of memory"
	default:
		return "compiler panic"
	}
}

// revertOf extracts a revert from an RPC error (eth_call, eth_estimateGas), if it is one.
func revertOf(err error) (*RevertError, bool) {
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if data, decErr := hexutil.Decode(s); decErr == nil {
				return DecodeRevert(data), true
			}
		}
	}
	// Some nodes answer a bare revert without data.
	if err != nil && strings.Contains(err.Error(), "execution reverted") {
		return DecodeRevert(nil), true
	}
	return nil, false
}

// isTransportError reports whether err means the endpoint did not answer, as opposed to an
// answer that is an error.
func isTransportError(err error) bool {
	var rpcErr rpc.Error
	if errors.As(err, &rpcErr) {
		return false
	}
	if _, ok := revertOf(err); ok {
		return false
	}
	return true
}
