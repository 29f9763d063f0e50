package access

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// valueClass is how a condition's result is compared with returnValueTest.value.
type valueClass int

const (
	classNumber  valueClass = iota // signed or unsigned integers, compared as big integers
	classAddress                   // 20-byte addresses, compared case-insensitively
	classBool                      // true / false
	classBytes                     // bytes and bytesN, compared as lower-case 0x-hex
	classString                    // strings, compared exactly (or by substring)
)

func (c valueClass) String() string {
	switch c {
	case classNumber:
		return "an integer"
	case classAddress:
		return "an address"
	case classBool:
		return "a boolean"
	case classBytes:
		return "bytes"
	default:
		return "a string"
	}
}

// comparatorsFor lists the comparators valid for each class.
var comparatorsFor = map[valueClass][]string{
	classNumber:  {"=", "!=", ">", "<", ">=", "<="},
	classAddress: {"=", "!="},
	classBool:    {"=", "!="},
	classBytes:   {"=", "!="},
	classString:  {"=", "!=", ">", "<", ">=", "<=", "contains", "!contains"},
}

// allComparators is every comparator litmesh knows, for "unknown comparator" errors.
var allComparators = map[string]bool{
	"=": true, "!=": true, ">": true, "<": true, ">=": true, "<=": true, "contains": true, "!contains": true,
}

func comparatorAllowed(class valueClass, cmp string) bool {
	for _, c := range comparatorsFor[class] {
		if c == cmp {
			return true
		}
	}
	return false
}

// scalarType matches the ABI types conditions may pass as inputs or compare as outputs.
var scalarType = regexp.MustCompile(`^(address|bool|string|bytes([1-9]|[12][0-9]|3[0-2])?|u?int([1-9][0-9]{0,2}))$`)

// arraySuffix matches the array part of an output type that is decoded but not compared.
var arraySuffix = regexp.MustCompile(`^(\[[1-9][0-9]{0,3}\]|\[\])+$`)

// abiType parses a scalar ABI type, or an array of scalars when arrays is true.
func abiType(t string, arrays bool) (abi.Type, error) {
	base := t
	if i := strings.IndexByte(t, '['); i >= 0 {
		if !arrays || !arraySuffix.MatchString(t[i:]) {
			return abi.Type{}, fmt.Errorf("unsupported type %q (only address, bool, string, bytes, bytes1..32, uint8..256, int8..256)", t)
		}
		base = t[:i]
	}
	m := scalarType.FindStringSubmatch(base)
	if m == nil {
		if base == "uint" || base == "int" {
			return abi.Type{}, fmt.Errorf("unsupported type %q: write %s256", t, base)
		}
		return abi.Type{}, fmt.Errorf("unsupported type %q (only address, bool, string, bytes, bytes1..32, uint8..256, int8..256)", t)
	}
	if m[3] != "" {
		bits, _ := strconv.Atoi(m[3])
		if bits%8 != 0 || bits > 256 {
			return abi.Type{}, fmt.Errorf("unsupported type %q: integer size must be a multiple of 8 up to 256", t)
		}
	}
	typ, err := abi.NewType(t, "", nil)
	if err != nil {
		return abi.Type{}, fmt.Errorf("unsupported type %q: %w", t, err)
	}
	return typ, nil
}

// classOf is the comparison class of a scalar ABI type.
func classOf(t abi.Type) (valueClass, error) {
	switch t.T {
	case abi.IntTy, abi.UintTy:
		return classNumber, nil
	case abi.AddressTy:
		return classAddress, nil
	case abi.BoolTy:
		return classBool, nil
	case abi.StringTy:
		return classString, nil
	case abi.BytesTy, abi.FixedBytesTy:
		return classBytes, nil
	}
	return 0, fmt.Errorf("outputs of type %s cannot be compared", t.String())
}

// intRange checks that n fits the integer type t.
func intRange(t abi.Type, n *big.Int) error {
	bits := uint(t.Size)
	if t.T == abi.UintTy {
		if n.Sign() < 0 || n.BitLen() > int(bits) {
			return fmt.Errorf("%s does not fit %s", n, t.String())
		}
		return nil
	}
	limit := new(big.Int).Lsh(big.NewInt(1), bits-1) // 2^(bits-1)
	if n.Cmp(limit) >= 0 || n.Cmp(new(big.Int).Neg(limit)) < 0 {
		return fmt.Errorf("%s does not fit %s", n, t.String())
	}
	return nil
}

// goValue converts a normalised parameter string into the Go value abi.Pack wants for t.
func goValue(t abi.Type, s string) (any, error) {
	switch t.T {
	case abi.AddressTy:
		a, ok := parseAddress(s)
		if !ok {
			return nil, fmt.Errorf("%q is not an address", s)
		}
		return a, nil
	case abi.BoolTy:
		switch strings.ToLower(s) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, fmt.Errorf("%q is not true or false", s)
	case abi.StringTy:
		return s, nil
	case abi.BytesTy, abi.FixedBytesTy:
		b, ok := parseHexBytes(s)
		if !ok {
			return nil, fmt.Errorf("%q is not 0x-prefixed hex", s)
		}
		if t.T == abi.BytesTy {
			return b, nil
		}
		if len(b) != t.Size {
			return nil, fmt.Errorf("%q is %d bytes, %s needs %d", s, len(b), t.String(), t.Size)
		}
		return fixedBytes(t, b), nil
	case abi.IntTy, abi.UintTy:
		n, ok := parseInteger(s)
		if !ok {
			return nil, fmt.Errorf("%q is not an integer", s)
		}
		if err := intRange(t, n); err != nil {
			return nil, err
		}
		return sizedInt(t, n), nil
	}
	return nil, fmt.Errorf("unsupported input type %s", t.String())
}

// fixedBytes makes the [N]byte value abi.Pack wants for a bytesN type.
func fixedBytes(t abi.Type, b []byte) any {
	v := reflect.New(t.GetType()).Elem()
	reflect.Copy(v, reflect.ValueOf(b))
	return v.Interface()
}

// sizedInt makes the Go integer abi.Pack wants for t: uint8..uint64 and int8..int64 for the
// small sizes, *big.Int otherwise. n has been range-checked.
func sizedInt(t abi.Type, n *big.Int) any {
	rt := t.GetType()
	switch rt.Kind() {
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v := reflect.New(rt).Elem()
		v.SetUint(n.Uint64())
		return v.Interface()
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v := reflect.New(rt).Elem()
		v.SetInt(n.Int64())
		return v.Interface()
	}
	return new(big.Int).Set(n)
}

// decodedValue is one decoded output in comparable form.
type decodedValue struct {
	class valueClass
	num   *big.Int // classNumber
	str   string   // classAddress (lower-case 0x-hex), classBytes (lower-case 0x-hex), classString
	b     bool     // classBool
}

// fromABI converts a value abi.Unpack produced for the scalar type t.
func fromABI(t abi.Type, v any) (decodedValue, error) {
	class, err := classOf(t)
	if err != nil {
		return decodedValue{}, err
	}
	rv := reflect.ValueOf(v)
	switch class {
	case classNumber:
		if n, ok := v.(*big.Int); ok {
			return decodedValue{class: class, num: new(big.Int).Set(n)}, nil
		}
		switch rv.Kind() {
		case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return decodedValue{class: class, num: new(big.Int).SetUint64(rv.Uint())}, nil
		case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			return decodedValue{class: class, num: big.NewInt(rv.Int())}, nil
		}
	case classAddress:
		if rv.Kind() == reflect.Array && rv.Len() == 20 {
			b := make([]byte, 20)
			reflect.Copy(reflect.ValueOf(b), rv)
			return decodedValue{class: class, str: "0x" + hex.EncodeToString(b)}, nil
		}
	case classBool:
		if b, ok := v.(bool); ok {
			return decodedValue{class: class, b: b}, nil
		}
	case classString:
		if s, ok := v.(string); ok {
			return decodedValue{class: class, str: s}, nil
		}
	case classBytes:
		if b, ok := v.([]byte); ok {
			return decodedValue{class: class, str: "0x" + hex.EncodeToString(b)}, nil
		}
		if rv.Kind() == reflect.Array {
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			return decodedValue{class: class, str: "0x" + hex.EncodeToString(b)}, nil
		}
	}
	return decodedValue{}, fmt.Errorf("unexpected decoded %T for %s", v, t.String())
}

func (d decodedValue) String() string {
	switch d.class {
	case classNumber:
		return d.num.String()
	case classBool:
		return strconv.FormatBool(d.b)
	case classString:
		return strconv.Quote(d.str)
	}
	return d.str
}
