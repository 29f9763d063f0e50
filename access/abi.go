package access

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
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

// Bounds on what a condition's call may return and on what decoding it may allocate. The
// contract (and the RPC) choose the returned bytes, and go-ethereum's decoder trusts the
// declared types: for a static array it checks only the outer length against the data and
// allocates the whole declared array first, so bool[9999][9999][9999][1] asks for 10^12 bytes —
// a fatal out-of-memory error, not a recoverable panic. Output types are therefore limited to
// shapes whose decoded size is bounded by the returned bytes, and the returned bytes are checked
// against the types (checkReturnData) before anything is decoded.
const (
	// MaxReturnData is the most bytes a condition's call may return; longer answers make the
	// condition unmet. It also bounds the fixed-size part of a function's outputs.
	MaxReturnData = 64 << 10
	// MaxOutputArray is the most elements one output array may hold: a static array's
	// declared size (all dimensions multiplied), or a dynamic array's returned length times
	// its element's size.
	MaxOutputArray = 1024
	// maxArrayDims bounds the dimensions of an output array.
	maxArrayDims = 2
)

var arrayDim = regexp.MustCompile(`\[([0-9]*)\]`)

// abiType parses a scalar ABI type, or, when arrays is true (outputs), an array of scalars
// whose decoded size is bounded: fixed-size elements, at most two dimensions, at most
// MaxOutputArray elements in its static part, and at most one dynamic dimension, the outermost
// (T[k][], never T[][k] or T[][]). Tuples are refused: list a struct's fields as outputs.
func abiType(t string, arrays bool) (abi.Type, error) {
	const supported = "only address, bool, string, bytes, bytes1..32, uint8..256, int8..256"
	base := t
	if i := strings.IndexByte(t, '['); i >= 0 {
		if !arrays || !arraySuffix.MatchString(t[i:]) {
			return abi.Type{}, fmt.Errorf("unsupported type %q (%s)", t, supported)
		}
		base = t[:i]
		if err := boundedArray(base, t[i:]); err != nil {
			return abi.Type{}, fmt.Errorf("unsupported type %q: %w", t, err)
		}
	}
	if arrays && (strings.HasPrefix(base, "tuple") || strings.HasPrefix(base, "(")) {
		return abi.Type{}, fmt.Errorf("unsupported type %q: tuples are not supported; list a struct's fields as separate outputs", t)
	}
	m := scalarType.FindStringSubmatch(base)
	if m == nil {
		if base == "uint" || base == "int" {
			return abi.Type{}, fmt.Errorf("unsupported type %q: write %s256", t, base)
		}
		return abi.Type{}, fmt.Errorf("unsupported type %q (%s)", t, supported)
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
	if _, err := headSize(typ); err != nil { // the same bounds, on the parsed type
		return abi.Type{}, fmt.Errorf("unsupported type %q: %w", t, err)
	}
	return typ, nil
}

// boundedArray checks an output array's dimensions (suffix, e.g. "[3][]") before any type is
// built from them.
func boundedArray(base, suffix string) error {
	if base == "string" || base == "bytes" {
		return errors.New("arrays of string or bytes are not supported in outputs")
	}
	dims := arrayDim.FindAllStringSubmatch(suffix, -1)
	if len(dims) > maxArrayDims {
		return fmt.Errorf("%d array dimensions, at most %d", len(dims), maxArrayDims)
	}
	elems := 1
	for i, d := range dims {
		if d[1] == "" {
			if i != len(dims)-1 {
				return errors.New("only the outermost dimension of an array may be dynamic")
			}
			continue
		}
		n, _ := strconv.Atoi(d[1]) // arraySuffix allows at most 4 digits
		if elems *= n; elems > MaxOutputArray {
			return fmt.Errorf("over %d array elements", MaxOutputArray)
		}
	}
	return nil
}

// headSize is the bytes a value of type t takes in the fixed-size part of an ABI encoding,
// refusing every type whose decoded size the returned bytes do not bound.
func headSize(t abi.Type) (int, error) {
	switch t.T {
	case abi.IntTy, abi.UintTy, abi.BoolTy, abi.AddressTy, abi.FixedBytesTy, abi.StringTy, abi.BytesTy:
		return 32, nil
	case abi.ArrayTy:
		if t.Elem == nil || t.Size < 1 || t.Size > MaxOutputArray {
			return 0, fmt.Errorf("static arrays hold 1..%d elements", MaxOutputArray)
		}
		if isDynamic(*t.Elem) {
			return 0, errors.New("arrays of dynamic types are not supported in outputs")
		}
		elem, err := headSize(*t.Elem)
		if err != nil {
			return 0, err
		}
		if t.Size*elem > MaxOutputArray*32 {
			return 0, fmt.Errorf("over %d array elements", MaxOutputArray)
		}
		return t.Size * elem, nil
	case abi.SliceTy:
		if t.Elem == nil || isDynamic(*t.Elem) {
			return 0, errors.New("only the outermost dimension of an array may be dynamic, and its elements must have a fixed size")
		}
		if _, err := headSize(*t.Elem); err != nil {
			return 0, err
		}
		return 32, nil
	case abi.TupleTy:
		return 0, errors.New("tuples are not supported; list a struct's fields as separate outputs")
	}
	return 0, fmt.Errorf("type %s is not supported", t.String())
}

func isDynamic(t abi.Type) bool {
	switch t.T {
	case abi.StringTy, abi.BytesTy, abi.SliceTy:
		return true
	case abi.ArrayTy:
		return t.Elem == nil || isDynamic(*t.Elem)
	}
	return false
}

// outputsHeadSize is the fixed-size part of a function's outputs, refusing lists over
// MaxReturnData.
func outputsHeadSize(ts []abi.Type) (int, error) {
	total := 0
	for _, t := range ts {
		n, err := headSize(t)
		if err != nil {
			return 0, err
		}
		if total += n; total > MaxReturnData {
			return 0, fmt.Errorf("the outputs take over %d bytes", MaxReturnData)
		}
	}
	return total, nil
}

// checkReturnData checks returned bytes against the output types before they are decoded: the
// size cap, the fixed-size part, and for every dynamic output its offset and length, so that
// what the decoder allocates is bounded by the bytes actually returned (strings and bytes) or
// by MaxOutputArray (arrays).
func checkReturnData(outs abi.Arguments, out []byte) error {
	if len(out) > MaxReturnData {
		return fmt.Errorf("%d bytes, over the %d-byte limit", len(out), MaxReturnData)
	}
	ts := make([]abi.Type, len(outs))
	for i, a := range outs {
		ts[i] = a.Type
	}
	need, err := outputsHeadSize(ts)
	if err != nil {
		return err
	}
	if need > len(out) {
		return fmt.Errorf("%d bytes, the outputs need at least %d", len(out), need)
	}
	pos := 0
	for i, t := range ts {
		n, _ := headSize(t)
		if isDynamic(t) {
			if err := checkTail(t, out, pos); err != nil {
				return fmt.Errorf("output %d (%s): %w", i, t.String(), err)
			}
		}
		pos += n
	}
	return nil
}

// checkTail checks the dynamic value whose offset word sits at pos.
func checkTail(t abi.Type, out []byte, pos int) error {
	off, ok := word(out, pos)
	if !ok || off > uint64(len(out)-32) {
		return errors.New("offset outside the returned data")
	}
	n, ok := word(out, int(off))
	room := uint64(len(out)) - off - 32
	if !ok || n > room {
		return errors.New("length beyond the returned data")
	}
	if t.T == abi.SliceTy {
		elem, _ := headSize(*t.Elem)
		if n*uint64(elem) > room {
			return errors.New("elements beyond the returned data")
		}
		if n*uint64(elem/32) > MaxOutputArray {
			return fmt.Errorf("%d elements, over %d", n, MaxOutputArray)
		}
	}
	return nil
}

// word reads the 32-byte big-endian word at pos as a uint64; ok is false if it does not fit
// or is not there.
func word(b []byte, pos int) (uint64, bool) {
	if pos < 0 || pos+32 > len(b) {
		return 0, false
	}
	for _, c := range b[pos : pos+24] {
		if c != 0 {
			return 0, false
		}
	}
	return binary.BigEndian.Uint64(b[pos+24 : pos+32]), true
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
