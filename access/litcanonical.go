package access

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strconv"
	"strings"
)

// Lit's conditions hash. Lit's JS SDK (v7, access-control-conditions canonicalFormatter.ts and
// hashing.ts) hashes JSON.stringify of a projection of the conditions the user passed: each
// condition keeps only the fields Lit's node reads, in a fixed order, with the values exactly as
// given (no lower-casing, no number normalisation); unified lists lose conditionType. The
// ciphertexts the SDK makes are encrypted to that hash, so a node serving the SDK must
// compute the same bytes.
//
// litmesh computes it from the parse: Parse remembers, for every condition it accepted, the
// JSON values of exactly the fields Lit keeps, and LitCanonical writes them as JSON.stringify
// would. Every field that feeds the hash is one Parse checked and the evaluator uses (in its
// normal form), so what is hashed is what is evaluated.

// LitCanonical is JSON.stringify of Lit's canonical form of the conditions: the bytes whose
// SHA-256 Lit's SDK puts in the identity lit-accesscontrolcondition://<hash>/<dataHash>.
// Conditions parsed with Parse use the values as they were given; for conditions that Parse
// did not make, the normal-form values stand in.
func (c *Conditions) LitCanonical() []byte {
	var b bytes.Buffer
	writeLitItems(&b, c.Items)
	return b.Bytes()
}

// LitHash is the SHA-256 of LitCanonical: the condition hash of Lit's SDK.
func (c *Conditions) LitHash() [32]byte { return sha256.Sum256(c.LitCanonical()) }

// LitResourceID is the identity Lit's SDK encrypts data with SHA-256 dataHash to under these
// conditions: "lit-accesscontrolcondition://" + hex(LitHash) + "/" + hex(dataHash).
func (c *Conditions) LitResourceID(dataHash [32]byte) string {
	h := c.LitHash()
	return ResourcePrefix + hex.EncodeToString(h[:]) + "/" + hex.EncodeToString(dataHash[:])
}

func writeLitItems(b *bytes.Buffer, items []Item) {
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
			writeLitItems(b, it.Group)
		case it.Condition != nil:
			if it.Condition.lit != nil {
				b.Write(it.Condition.lit)
			} else {
				writeCondition(b, it.Condition, false)
			}
		}
	}
	b.WriteByte(']')
}

// litCondition writes Lit's canonical form of one condition object v of type t (v was
// accepted by Parse): canonicalAccessControlConditionFormatter for basic conditions,
// canonicalEVMContractConditionFormatter for contract calls. A field v lacks is left out, as
// JSON.stringify leaves out undefined; a field that is null is written as null.
func litCondition(v jsonValue, t ConditionType) []byte {
	var b bytes.Buffer
	o := beginObj(&b)
	if t == TypeEVMContract {
		litMember(o, v, "contractAddress")
		litMember(o, v, "functionName")
		litMember(o, v, "functionParams")
		if abiV, ok := v.get("functionAbi"); ok {
			writeLitABI(o.key("functionAbi"), abiV)
		}
		litMember(o, v, "chain")
		if r, ok := v.get("returnValueTest"); ok {
			ro := beginObj(o.key("returnValueTest"))
			litMember(ro, r, "key")
			litMember(ro, r, "comparator")
			litMember(ro, r, "value")
			ro.end()
		}
	} else {
		for _, k := range []string{"contractAddress", "chain", "standardContractType", "method", "parameters"} {
			litMember(o, v, k)
		}
		if r, ok := v.get("returnValueTest"); ok {
			ro := beginObj(o.key("returnValueTest"))
			litMember(ro, r, "comparator")
			litMember(ro, r, "value")
			ro.end()
		}
	}
	o.end()
	return b.Bytes()
}

// writeLitABI writes Lit's canonical ABI fragment: name, inputs and outputs as {name, type},
// constant (false when absent) and stateMutability.
func writeLitABI(b *bytes.Buffer, v jsonValue) {
	o := beginObj(b)
	litMember(o, v, "name")
	for _, key := range []string{"inputs", "outputs"} {
		ps, ok := v.get(key)
		if !ok {
			continue
		}
		pb := o.key(key)
		pb.WriteByte('[')
		for i, p := range ps.arr {
			if i > 0 {
				pb.WriteByte(',')
			}
			po := beginObj(pb)
			litMember(po, p, "name")
			litMember(po, p, "type")
			po.end()
		}
		pb.WriteByte(']')
	}
	if c, ok := v.get("constant"); ok {
		writeJS(o.key("constant"), c)
	} else {
		o.key("constant").WriteString("false")
	}
	litMember(o, v, "stateMutability")
	o.end()
}

// litMember writes member key of v, if v has it.
func litMember(o *obj, v jsonValue, key string) {
	if m, ok := v.get(key); ok {
		writeJS(o.key(key), m)
	}
}

// writeJS writes v as JSON.stringify writes the value JSON.parse makes of it.
func writeJS(b *bytes.Buffer, v jsonValue) {
	switch v.kind {
	case jsonNull:
		b.WriteString("null")
	case jsonBool:
		b.WriteString(strconv.FormatBool(v.b))
	case jsonNumber:
		b.WriteString(jsNumber(v.str))
	case jsonString:
		writeString(b, v.str)
	case jsonArray:
		b.WriteByte('[')
		for i, e := range v.arr {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJS(b, e)
		}
		b.WriteByte(']')
	case jsonObject:
		o := beginObj(b)
		for _, m := range v.obj {
			writeJS(o.key(m.key), m.val)
		}
		o.end()
	}
}

// jsNumber formats a JSON number the way JavaScript prints the double JSON.parse reads from it
// (ECMAScript Number::toString): shortest round-trip digits, plain notation for exponents in
// [-7, 21), otherwise d.ddde±x. Infinities (out-of-range literals) print as null, as
// JSON.stringify does.
func jsNumber(text string) string {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && !math.IsInf(f, 0) {
		return text // cannot happen for a token the JSON decoder accepted
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "null"
	}
	if f == 0 {
		return "0"
	}
	neg := f < 0
	if neg {
		f = -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx
	mant, expPart, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expPart)
	k, n := len(digits), exp+1
	var s string
	switch {
	case k <= n && n <= 21:
		s = digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		s = digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		s = "0." + strings.Repeat("0", -n) + digits
	default:
		sign := "+"
		if n-1 < 0 {
			sign = "-"
		}
		s = digits[:1]
		if k > 1 {
			s += "." + digits[1:]
		}
		s += "e" + sign + strconv.Itoa(abs(n-1))
	}
	if neg {
		s = "-" + s
	}
	return s
}
