package access

import (
	"encoding/hex"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// TestABIValuesRoundTrip packs every input type from its condition string with go-ethereum's
// encoder, decodes it again and checks the comparable value: the path a contract-call condition
// takes through a real contract, without needing one.
func TestABIValuesRoundTrip(t *testing.T) {
	cases := []struct {
		typ, in string
		class   valueClass
		want    string
	}{
		{"uint8", "255", classNumber, "255"},
		{"uint64", "0xffffffffffffffff", classNumber, "18446744073709551615"},
		{"uint256", "115792089237316195423570985008687907853269984665640564039457584007913129639935", classNumber, "115792089237316195423570985008687907853269984665640564039457584007913129639935"},
		{"int8", "-128", classNumber, "-128"},
		{"int64", "-9223372036854775808", classNumber, "-9223372036854775808"},
		{"int256", "-57896044618658097711785492504343953926634992332820282019728792003956564819968", classNumber, "-57896044618658097711785492504343953926634992332820282019728792003956564819968"},
		{"address", "0x50e2dac5e78b5905cb09495547452cee64426db2", classAddress, "0x50e2dac5e78b5905cb09495547452cee64426db2"},
		{"bool", "true", classBool, "true"},
		{"string", "héllo \"world\"", classString, `"héllo \"world\""`},
		{"bytes", "0x00ff10", classBytes, "0x00ff10"},
		{"bytes1", "0xab", classBytes, "0xab"},
		{"bytes32", "0x" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", classBytes, "0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
	}
	for _, tc := range cases {
		t.Run(tc.typ, func(t *testing.T) {
			typ, err := abiType(tc.typ, false)
			if err != nil {
				t.Fatal(err)
			}
			v, err := goValue(typ, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			args := abi.Arguments{{Type: typ}}
			packed, err := args.Pack(v)
			if err != nil {
				t.Fatalf("Pack: %v", err)
			}
			vals, err := args.Unpack(packed)
			if err != nil {
				t.Fatalf("Unpack: %v", err)
			}
			d, err := fromABI(typ, vals[0])
			if err != nil {
				t.Fatal(err)
			}
			if d.class != tc.class || d.String() != tc.want {
				t.Errorf("decoded %v %s, want %v %s", d.class, d, tc.class, tc.want)
			}
		})
	}
}

func TestGoValueRejectsValuesThatDoNotFit(t *testing.T) {
	for _, tc := range []struct{ typ, in string }{
		{"uint8", "256"},
		{"uint256", "-1"},
		{"int8", "128"},
		{"int8", "-129"},
		{"bytes2", "0x001122"},
		{"bytes", "0x0"},
		{"address", "0x1234"},
		{"bool", "yes"},
	} {
		typ, err := abiType(tc.typ, false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := goValue(typ, tc.in); err == nil {
			t.Errorf("%s %q accepted", tc.typ, tc.in)
		}
	}
}

func TestCompare(t *testing.T) {
	num := func(s string) decodedValue {
		n, _ := new(big.Int).SetString(s, 10)
		return decodedValue{class: classNumber, num: n}
	}
	str := func(s string) decodedValue { return decodedValue{class: classString, str: s} }
	cases := []struct {
		name     string
		actual   decodedValue
		cmp, exp string
		want     bool
	}{
		{"big integers compare numerically", num("1000000000000000000"), ">=", "999999999999999999", true},
		{"beyond 64 bits", num("340282366920938463463374607431768211456"), ">", "340282366920938463463374607431768211455", true},
		{"negative numbers", num("-5"), "<", "0", true},
		{"a hex expectation", num("255"), "=", "0xff", true},
		{"not equal", num("1"), "!=", "1", false},
		{"addresses ignore case", decodedValue{class: classAddress, str: "0x50e2dac5e78b5905cb09495547452cee64426db2"}, "=", "0x50e2dac5e78B5905CB09495547452cEE64426db2", true},
		{"different addresses", decodedValue{class: classAddress, str: "0x50e2dac5e78b5905cb09495547452cee64426db2"}, "!=", "0x0000000000000000000000000000000000000000", true},
		{"booleans", decodedValue{class: classBool, b: true}, "=", "TRUE", true},
		{"bytes ignore hex case", decodedValue{class: classBytes, str: "0xabcd"}, "=", "0xABCD", true},
		{"strings are exact", str("Hello"), "=", "hello", false},
		{"address-shaped strings ignore case", str("0xABCDEF0123456789ABCDEF0123456789ABCDEF01"), "=", "0xabcdef0123456789abcdef0123456789abcdef01", true},
		{"contains", str("hello, world"), "contains", "world", true},
		{"!contains", str("hello, world"), "!contains", "world", false},
		{"numeric strings order numerically", str("10"), ">", "9", true},
		{"other strings order bytewise", str("b"), ">", "a", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := compare(tc.actual, tc.cmp, tc.exp)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("%s %s %s = %v, want %v", tc.actual, tc.cmp, tc.exp, got, tc.want)
			}
		})
	}
	if _, err := compare(num("1"), ">", "one"); err == nil {
		t.Error("a non-integer expectation compared")
	}
}

func TestStandardMethodSelectors(t *testing.T) {
	for _, tc := range []struct {
		m    abi.Method
		want string
	}{
		{methodBalanceOf, "70a08231"},
		{methodOwnerOf, "6352211e"},
		{methodBalanceOf1155, "00fdd58e"},
	} {
		if got := hex.EncodeToString(tc.m.ID); got != tc.want {
			t.Errorf("%s selector %s, want %s", tc.m.Sig, got, tc.want)
		}
	}
}
