package access

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// ResourcePrefix starts the identity a ciphertext is encrypted to (DESIGN.md §2).
const ResourcePrefix = "lit-accesscontrolcondition://"

// Canonical is the canonical JSON encoding of the conditions: the byte string whose SHA-256 is
// part of every ciphertext's identity, so it must never change. The rule, also in
// docs/conditions.md:
//
//   - The list is a JSON array of its items in their original order; a group is a nested array;
//     an operator is {"operator":"and"} or {"operator":"or"}.
//   - A basic condition is an object with exactly these keys in this order: conditionType (only
//     in unified lists), contractAddress, chain, standardContractType, method, parameters,
//     returnValueTest{comparator, value}.
//   - A contract-call condition: conditionType (only in unified lists), contractAddress,
//     functionName, functionParams, functionAbi{name, inputs[{name, type}], outputs[{name,
//     type}], constant, stateMutability (left out when empty)}, chain, returnValueTest{key,
//     comparator, value}.
//   - Every value is a JSON string except constant (true/false); no whitespace anywhere.
//   - Strings are written as JavaScript's JSON.stringify writes them: `"` and `\` escaped,
//     \b \f \n \r \t for those controls, \u00XX (lower-case hex) for other bytes below 0x20,
//     everything else as raw UTF-8.
//   - Values are in normal form (Parse does this): integers in plain decimal, addresses and hex
//     in lower case, booleans as "true"/"false"; placeholders and other strings unchanged.
//
// The result parses back (Parse with the same Kind) to the same conditions.
func (c *Conditions) Canonical() []byte {
	var b bytes.Buffer
	writeItems(&b, c.Items, c.Kind == KindUnified)
	return b.Bytes()
}

// Hash is the SHA-256 of Canonical.
func (c *Conditions) Hash() [32]byte { return sha256.Sum256(c.Canonical()) }

// HashHex is Hash in lower-case hex.
func (c *Conditions) HashHex() string {
	h := c.Hash()
	return hex.EncodeToString(h[:])
}

// ResourceID is the identity a ciphertext of data with SHA-256 dataHash is encrypted to under
// these conditions: "lit-accesscontrolcondition://" + hex(Hash) + "/" + hex(dataHash).
func (c *Conditions) ResourceID(dataHash [32]byte) string {
	return ResourcePrefix + c.HashHex() + "/" + hex.EncodeToString(dataHash[:])
}

// Document is the conditions as a self-describing JSON object, {"<kind>": <canonical list>},
// which ParseDocument reads back.
func (c *Conditions) Document() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	writeString(&b, string(c.Kind))
	b.WriteByte(':')
	b.Write(c.Canonical())
	b.WriteByte('}')
	return b.Bytes()
}

func writeItems(b *bytes.Buffer, items []Item, unified bool) {
	b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		switch {
		case it.Operator != "":
			b.WriteString(`{"operator":`)
			writeString(b, string(it.Operator))
			b.WriteByte('}')
		case it.Group != nil:
			writeItems(b, it.Group, unified)
		case it.Condition != nil:
			writeCondition(b, it.Condition, unified)
		}
	}
	b.WriteByte(']')
}

// obj writes the members of one object in the order given.
type obj struct {
	b     *bytes.Buffer
	first bool
}

func beginObj(b *bytes.Buffer) *obj {
	b.WriteByte('{')
	return &obj{b: b, first: true}
}

func (o *obj) key(k string) *bytes.Buffer {
	if !o.first {
		o.b.WriteByte(',')
	}
	o.first = false
	writeString(o.b, k)
	o.b.WriteByte(':')
	return o.b
}

func (o *obj) str(k, v string) { writeString(o.key(k), v) }

func (o *obj) strs(k string, vs []string) {
	b := o.key(k)
	b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(b, v)
	}
	b.WriteByte(']')
}

func (o *obj) end() { o.b.WriteByte('}') }

func writeCondition(b *bytes.Buffer, c *Condition, unified bool) {
	o := beginObj(b)
	if unified {
		o.str("conditionType", string(c.Type))
	}
	if c.Type == TypeEVMContract {
		o.str("contractAddress", c.ContractAddress)
		o.str("functionName", c.FunctionName)
		o.strs("functionParams", c.FunctionParams)
		writeABI(o.key("functionAbi"), c.FunctionABI)
		o.str("chain", c.Chain)
		t := beginObj(o.key("returnValueTest"))
		t.str("key", c.ReturnValueTest.Key)
		t.str("comparator", c.ReturnValueTest.Comparator)
		t.str("value", c.ReturnValueTest.Value)
		t.end()
	} else {
		o.str("contractAddress", c.ContractAddress)
		o.str("chain", c.Chain)
		o.str("standardContractType", c.StandardContractType)
		o.str("method", c.Method)
		o.strs("parameters", c.Parameters)
		t := beginObj(o.key("returnValueTest"))
		t.str("comparator", c.ReturnValueTest.Comparator)
		t.str("value", c.ReturnValueTest.Value)
		t.end()
	}
	o.end()
}

func writeABI(b *bytes.Buffer, fn *FunctionABI) {
	o := beginObj(b)
	o.str("name", fn.Name)
	for _, ps := range []struct {
		key    string
		params []ABIParam
	}{{"inputs", fn.Inputs}, {"outputs", fn.Outputs}} {
		b := o.key(ps.key)
		b.WriteByte('[')
		for i, p := range ps.params {
			if i > 0 {
				b.WriteByte(',')
			}
			po := beginObj(b)
			po.str("name", p.Name)
			po.str("type", p.Type)
			po.end()
		}
		b.WriteByte(']')
	}
	o.key("constant").WriteString(strconv.FormatBool(fn.Constant))
	if fn.StateMutability != "" {
		o.str("stateMutability", fn.StateMutability)
	}
	o.end()
}

// writeString writes s as a JSON string the way JavaScript's JSON.stringify does. s is valid
// UTF-8 (Parse rejects anything else).
func writeString(b *bytes.Buffer, s string) {
	const hexDigits = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if c < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xf])
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
}
