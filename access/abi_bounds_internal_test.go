package access

import (
	"context"
	"encoding/binary"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/litmesh/litmesh/api"
)

func TestOutputTypesAreBounded(t *testing.T) {
	for _, tc := range []struct {
		typ    string
		refuse string // "" when accepted
	}{
		{"uint256[]", ""},
		{"uint256[3]", ""},
		{"uint8[4][]", ""},
		{"address[1024]", ""},
		{"bool[32][32]", ""},
		{"bytes32[2][]", ""},
		{"bool[9999][9999][9999][1]", "array dimensions"},
		{"bool[2][2][2]", "array dimensions"},
		{"uint256[][]", "outermost dimension"},
		{"uint256[][3]", "outermost dimension"},
		{"string[]", "arrays of string or bytes"},
		{"bytes[2]", "arrays of string or bytes"},
		{"uint256[2048]", "over 1024 array elements"},
		{"bool[33][32]", "over 1024 array elements"},
		{"tuple", "tuples are not supported"},
		{"tuple[]", "tuples are not supported"},
		{"(uint256,bool)", "tuples are not supported"},
		{"function", "only address"},
	} {
		_, err := abiType(tc.typ, true)
		switch {
		case tc.refuse == "" && err != nil:
			t.Errorf("%s refused: %v", tc.typ, err)
		case tc.refuse != "" && err == nil:
			t.Errorf("%s accepted", tc.typ)
		case tc.refuse != "" && !strings.Contains(err.Error(), tc.refuse):
			t.Errorf("%s refused with %q, want it to say %q", tc.typ, err, tc.refuse)
		}
	}
}

func TestTheOutputsTogetherAreBounded(t *testing.T) {
	var outs []string
	for i := 0; i < 3; i++ {
		outs = append(outs, `{"name":"","type":"uint256[1024]"}`)
	}
	doc := `[{"contractAddress":"0x0000000000000000000000000000000000000004","functionName":"f","functionParams":[],` +
		`"functionAbi":{"name":"f","inputs":[],"outputs":[` + strings.Join(outs, ",") + `,{"name":"ok","type":"bool"}],"stateMutability":"view"},` +
		`"chain":"litdevnet","returnValueTest":{"key":"ok","comparator":"=","value":"true"}}]`
	_, err := Parse(KindEVMContract, []byte(doc))
	if err == nil || !strings.Contains(err.Error(), "the outputs take over 65536 bytes") {
		t.Fatalf("96 KiB of fixed-size outputs: %v", err)
	}
}

// words encodes ABI words.
func words(ws ...uint64) []byte {
	out := make([]byte, 32*len(ws))
	for i, w := range ws {
		binary.BigEndian.PutUint64(out[32*i+24:], w)
	}
	return out
}

func outputs(t *testing.T, types ...string) abi.Arguments {
	t.Helper()
	var args abi.Arguments
	for _, s := range types {
		typ, err := abiType(s, true)
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, abi.Argument{Type: typ})
	}
	return args
}

func TestReturnedDataIsCheckedBeforeDecoding(t *testing.T) {
	hugeOffset := make([]byte, 64)
	hugeOffset[0] = 1 // an offset of 2^248
	many := append(words(32, MaxOutputArray+1), make([]byte, 32*(MaxOutputArray+1))...)
	for _, tc := range []struct {
		name   string
		types  []string
		data   []byte
		refuse string
	}{
		{"a dynamic array claiming 2^40 elements", []string{"uint256[]"}, words(32, 1<<40), "length beyond the returned data"},
		{"a dynamic array over the element cap", []string{"uint256[]"}, many, "over 1024"},
		{"a dynamic array of arrays beyond the data", []string{"uint256[4][]"}, words(32, 2, 1, 2, 3, 4), "elements beyond the returned data"},
		{"a string longer than the data", []string{"string"}, words(32, 1000), "length beyond the returned data"},
		{"an offset past the end", []string{"bytes"}, words(4096, 0), "offset outside the returned data"},
		{"an offset that does not fit 64 bits", []string{"bytes"}, hugeOffset, "offset outside the returned data"},
		{"too few bytes for a static array", []string{"uint256[8]"}, words(1, 2, 3), "the outputs need at least 256"},
		{"more than the return-data cap", []string{"bytes"}, append(words(32, MaxReturnData), make([]byte, MaxReturnData)...), "over the 65536-byte limit"},
		{"a well-formed dynamic array", []string{"uint256[]", "bool"}, words(64, 1, 2, 7, 8), ""},
		{"a well-formed string and static array", []string{"string", "uint8[2]"}, append(words(96, 1, 2, 5), []byte("hello"+strings.Repeat("\x00", 27))...), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := outputs(t, tc.types...)
			err := checkReturnData(args, tc.data)
			if tc.refuse != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refuse) {
					t.Fatalf("got %v, want a refusal saying %q", err, tc.refuse)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if _, err := args.Unpack(tc.data); err != nil {
				t.Fatalf("checked data does not decode: %v", err)
			}
		})
	}
}

// decodedSize estimates what a decoded value holds, in elements and bytes.
func decodedSize(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return v.Len()
		}
		n := v.Len()
		for i := 0; i < v.Len(); i++ {
			n += decodedSize(v.Index(i))
		}
		return n
	case reflect.String:
		return v.Len()
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return decodedSize(v.Elem())
	}
	return 1
}

// FuzzOutputDecoding: whatever output types and returned bytes, the types are refused, the
// bytes are refused, or they decode into values bounded by the bytes and the element cap — and
// nothing panics.
func FuzzOutputDecoding(f *testing.F) {
	f.Add("uint256[]", "bool", words(64, 1, 2, 7, 8))
	f.Add("bool[9999][9999][9999][1]", "bool", words(1, 1))
	f.Add("string", "uint8[2]", append(words(96, 1, 2, 5), make([]byte, 32)...))
	f.Add("uint256[4][]", "bytes32", words(64, 0, 1, 1, 2, 3, 4))
	f.Add("tuple", "(uint256,bool)", words(1, 2))
	f.Add("bytes", "string", words(64, 64, 3, 0))
	f.Add("uint256[][]", "string[]", words(32, 1, 32, 1, 5))
	f.Fuzz(func(t *testing.T, t1, t2 string, data []byte) {
		var args abi.Arguments
		for _, s := range []string{t1, t2} {
			typ, err := abiType(s, true)
			if err != nil {
				return
			}
			args = append(args, abi.Argument{Type: typ})
		}
		if err := checkReturnData(args, data); err != nil {
			return
		}
		vals, err := args.Unpack(data)
		if err != nil {
			return
		}
		if n := decodedSize(reflect.ValueOf(vals)); n > 4*MaxOutputArray+2*len(data)+8 {
			t.Fatalf("%d bytes of %s, %s decoded into %d units", len(data), t1, t2, n)
		}
	})
}

// FuzzCheckWithArrayOutputs runs whole evaluations of contract conditions with fuzzed output
// types against fuzzed returned bytes: an evaluation ends in nil, a NotMetError or an
// *api.Error, never a panic or an unbounded allocation.
func FuzzCheckWithArrayOutputs(f *testing.F) {
	f.Add("uint256[]", "bool", words(64, 1, 2, 7, 1))
	f.Add("bool[9999][9999][9999][1]", "bool", words(1, 1))
	f.Add("tuple(uint256,bool)", "bool", words(1, 1))
	f.Add("uint8[4][]", "bool", words(64, 1, 1, 1, 2, 3, 4))
	f.Fuzz(func(t *testing.T, t1, t2 string, data []byte) {
		doc := `[{"contractAddress":"0x0000000000000000000000000000000000000004","functionName":"f","functionParams":[],` +
			`"functionAbi":{"name":"f","inputs":[],"outputs":[{"name":"a","type":` + quoteJSON(t1) + `},{"name":"ok","type":` + quoteJSON(t2) + `}],"stateMutability":"view"},` +
			`"chain":"litdevnet","returnValueTest":{"key":"ok","comparator":"=","value":"true"}}]`
		c, err := Parse(KindEVMContract, []byte(doc))
		if err != nil {
			return
		}
		ev, err := NewEvaluator(WithChain("litdevnet", echoChain{out: data}))
		if err != nil {
			t.Fatal(err)
		}
		err = ev.Check(context.Background(), c, Subject{})
		var nm *NotMetError
		var ae *api.Error
		if err != nil && !errors.As(err, &nm) && !errors.As(err, &ae) {
			t.Fatalf("evaluation failed with %T %v", err, err)
		}
	})
}

func quoteJSON(s string) string {
	b := new(strings.Builder)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
