package frost

import (
	"fmt"
	"strings"
)

// TaprootAddress encodes a P2TR output (witness version 1, the 32-byte x-only output key from
// TaprootOutputKey) as a bech32m address (BIP-350) with the network's human-readable part:
// "bc" (mainnet), "tb" (testnet, signet), "bcrt" (regtest).
func TaprootAddress(hrp string, outputKey []byte) (string, error) {
	if len(outputKey) != 32 {
		return "", fmt.Errorf("taproot address: output key of %d bytes, want 32: %w", len(outputKey), ErrInvalid)
	}
	if hrp == "" || len(hrp) > 83 || strings.ToLower(hrp) != hrp {
		return "", fmt.Errorf("taproot address: human-readable part %q: %w", hrp, ErrInvalid)
	}
	for _, c := range hrp {
		if c < 33 || c > 126 {
			return "", fmt.Errorf("taproot address: human-readable part %q: %w", hrp, ErrInvalid)
		}
	}
	data := append([]byte{1}, convertBits8to5(outputKey)...) // witness version 1
	data = append(data, bech32mChecksum(hrp, data)...)
	var b strings.Builder
	b.WriteString(hrp)
	b.WriteByte('1')
	for _, d := range data {
		b.WriteByte(bech32Charset[d])
	}
	return b.String(), nil
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// bech32mConst is BIP-350's checksum constant (bech32 uses 1).
const bech32mConst = 0x2bc830a3

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := range 5 {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

func bech32mChecksum(hrp string, data []byte) []byte {
	var values []byte
	for i := range len(hrp) {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := range len(hrp) {
		values = append(values, hrp[i]&31)
	}
	values = append(values, data...)
	values = append(values, 0, 0, 0, 0, 0, 0)
	mod := bech32Polymod(values) ^ bech32mConst
	out := make([]byte, 6)
	for i := range out {
		out[i] = byte(mod >> (5 * (5 - i)) & 31)
	}
	return out
}

// convertBits8to5 regroups bytes into 5-bit groups, padding the last with zeros.
func convertBits8to5(in []byte) []byte {
	var out []byte
	acc, bits := uint32(0), 0
	for _, b := range in {
		acc = acc<<8 | uint32(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out = append(out, byte(acc>>bits&31))
		}
	}
	if bits > 0 {
		out = append(out, byte(acc<<(5-bits)&31))
	}
	return out
}
