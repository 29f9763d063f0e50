package access

import (
	"encoding/hex"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// isAddress reports whether s is "0x" followed by exactly 40 hex digits (any case).
func isAddress(s string) bool {
	if len(s) != 42 || s[:2] != "0x" {
		return false
	}
	for i := 2; i < len(s); i++ {
		if !isHexDigit(s[i]) {
			return false
		}
	}
	return true
}

func parseAddress(s string) (common.Address, bool) {
	if !isAddress(s) {
		return common.Address{}, false
	}
	return common.HexToAddress(s), true
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// parseHexBytes reads "0x" followed by an even number of hex digits.
func parseHexBytes(s string) ([]byte, bool) {
	if len(s) < 2 || s[:2] != "0x" || len(s)%2 != 0 {
		return nil, false
	}
	b, err := hex.DecodeString(s[2:])
	if err != nil {
		return nil, false
	}
	return b, true
}

// maxIntegerDigits bounds the integers conditions carry: 2^256 has 78 decimal digits.
const maxIntegerDigits = 80

// parseInteger reads a decimal integer (optionally negative) or a 0x-prefixed hex integer.
// Leading zeros are allowed; the normal form is the plain decimal big.Int.String().
func parseInteger(s string) (*big.Int, bool) {
	if s == "" || len(s) > maxIntegerDigits {
		return nil, false
	}
	if strings.HasPrefix(s, "0x") {
		if len(s) == 2 {
			return nil, false
		}
		for i := 2; i < len(s); i++ {
			if !isHexDigit(s[i]) {
				return nil, false
			}
		}
		n, ok := new(big.Int).SetString(s[2:], 16)
		return n, ok
	}
	digits := strings.TrimPrefix(s, "-")
	if digits == "" {
		return nil, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return nil, false
		}
	}
	n, ok := new(big.Int).SetString(s, 10)
	return n, ok
}

// isPlaceholder reports whether s is one of the known placeholders.
func isPlaceholder(s string) bool {
	return s == PlaceholderUserAddress || s == PlaceholderCurrentActionIPFSID || isLitParam(s)
}

// isLitParam reports whether s is ":litParam:NAME" with NAME made of letters, digits, '_' or
// '-' (what fits between the colons of a SIWE resource).
func isLitParam(s string) bool {
	name, ok := strings.CutPrefix(s, PlaceholderLitParamPrefix)
	if !ok || name == "" || len(name) > 64 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// isIdentifier reports whether s is a JavaScript/Solidity-style identifier.
func isIdentifier(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '$'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}
