package access

import (
	"fmt"
	"strings"
)

// compare applies comparator cmp to a condition's actual result and the expected value (already
// in normal form with placeholders substituted). It fails only when the expected value does not
// fit the result's class, which can happen only through a :litParam substitution.
func compare(actual decodedValue, cmp, expected string) (bool, error) {
	switch actual.class {
	case classNumber:
		want, ok := parseInteger(expected)
		if !ok {
			return false, fmt.Errorf("expected value %q is not an integer", expected)
		}
		return orderResult(cmp, actual.num.Cmp(want))
	case classAddress:
		if !isAddress(expected) {
			return false, fmt.Errorf("expected value %q is not an address", expected)
		}
		return equality(cmp, strings.EqualFold(actual.str, expected))
	case classBool:
		var want bool
		switch strings.ToLower(expected) {
		case "true":
			want = true
		case "false":
		default:
			return false, fmt.Errorf("expected value %q is not true or false", expected)
		}
		return equality(cmp, actual.b == want)
	case classBytes:
		if _, ok := parseHexBytes(expected); !ok {
			return false, fmt.Errorf("expected value %q is not 0x-prefixed hex", expected)
		}
		return equality(cmp, strings.EqualFold(actual.str, expected))
	}
	return compareStrings(actual.str, cmp, expected)
}

// compareStrings compares string results: exactly (addresses case-insensitively), by
// substring, or in order — numerically when both sides are integers, else bytewise.
func compareStrings(got, cmp, want string) (bool, error) {
	switch cmp {
	case "contains":
		return strings.Contains(got, want), nil
	case "!contains":
		return !strings.Contains(got, want), nil
	case "=", "!=":
		eq := got == want || isAddress(got) && isAddress(want) && strings.EqualFold(got, want)
		return equality(cmp, eq)
	}
	g, gok := parseInteger(got)
	w, wok := parseInteger(want)
	if gok && wok {
		return orderResult(cmp, g.Cmp(w))
	}
	return orderResult(cmp, strings.Compare(got, want))
}

func equality(cmp string, eq bool) (bool, error) {
	switch cmp {
	case "=":
		return eq, nil
	case "!=":
		return !eq, nil
	}
	return false, fmt.Errorf("comparator %q does not apply", cmp)
}

// orderResult turns a three-way comparison (-1, 0, 1) into the comparator's verdict.
func orderResult(cmp string, c int) (bool, error) {
	switch cmp {
	case "=":
		return c == 0, nil
	case "!=":
		return c != 0, nil
	case ">":
		return c > 0, nil
	case "<":
		return c < 0, nil
	case ">=":
		return c >= 0, nil
	case "<=":
		return c <= 0, nil
	}
	return false, fmt.Errorf("comparator %q does not apply", cmp)
}
