package access

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// The JSON of conditions and authSigs is read into a small ordered tree rather than straight
// into structs: that keeps JSON numbers apart from strings, finds unknown and duplicate keys,
// and lets every error name its field and position.

type jsonKind int

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

func (k jsonKind) String() string {
	switch k {
	case jsonNull:
		return "null"
	case jsonBool:
		return "a boolean"
	case jsonNumber:
		return "a number"
	case jsonString:
		return "a string"
	case jsonArray:
		return "an array"
	default:
		return "an object"
	}
}

type jsonValue struct {
	kind jsonKind
	str  string // the text of a string or a number
	b    bool
	arr  []jsonValue
	obj  []jsonMember
}

type jsonMember struct {
	key string
	val jsonValue
}

// maxJSONDepth bounds the nesting of any JSON this package reads. Conditions need at most
// maxGroupDepth levels of groups plus a few levels inside a condition.
const maxJSONDepth = 24

// decodeJSON reads exactly one JSON value from data: valid UTF-8, no duplicate object keys, at
// most maxJSONDepth levels deep, nothing after it.
func decodeJSON(data []byte) (jsonValue, error) {
	if !utf8.Valid(data) {
		return jsonValue{}, errors.New("not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := readJSONValue(dec, 0)
	if err != nil {
		return jsonValue{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return jsonValue{}, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

//nolint:gocognit // one case per JSON token kind of a strict, depth-limited reader
func readJSONValue(dec *json.Decoder, depth int) (jsonValue, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return jsonValue{}, errors.New("unexpected end of JSON")
		}
		return jsonValue{}, fmt.Errorf("invalid JSON: %w", err)
	}
	switch t := tok.(type) {
	case nil:
		return jsonValue{kind: jsonNull}, nil
	case bool:
		return jsonValue{kind: jsonBool, b: t}, nil
	case json.Number:
		return jsonValue{kind: jsonNumber, str: string(t)}, nil
	case string:
		return jsonValue{kind: jsonString, str: t}, nil
	case json.Delim:
		if depth >= maxJSONDepth {
			return jsonValue{}, fmt.Errorf("JSON nested deeper than %d levels", maxJSONDepth)
		}
		switch t {
		case '[':
			v := jsonValue{kind: jsonArray, arr: []jsonValue{}}
			for dec.More() {
				elem, err := readJSONValue(dec, depth+1)
				if err != nil {
					return jsonValue{}, err
				}
				v.arr = append(v.arr, elem)
			}
			if _, err := dec.Token(); err != nil { // the closing ']'
				return jsonValue{}, fmt.Errorf("invalid JSON: %w", err)
			}
			return v, nil
		case '{':
			v := jsonValue{kind: jsonObject, obj: []jsonMember{}}
			seen := map[string]bool{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return jsonValue{}, fmt.Errorf("invalid JSON: %w", err)
				}
				key, ok := kt.(string)
				if !ok {
					return jsonValue{}, errors.New("invalid JSON: object key is not a string")
				}
				if seen[key] {
					return jsonValue{}, fmt.Errorf("duplicate key %q", key)
				}
				seen[key] = true
				val, err := readJSONValue(dec, depth+1)
				if err != nil {
					return jsonValue{}, err
				}
				v.obj = append(v.obj, jsonMember{key: key, val: val})
			}
			if _, err := dec.Token(); err != nil { // the closing '}'
				return jsonValue{}, fmt.Errorf("invalid JSON: %w", err)
			}
			return v, nil
		}
	}
	return jsonValue{}, fmt.Errorf("invalid JSON: unexpected %v", tok)
}

// get returns the member named key of an object.
func (v jsonValue) get(key string) (jsonValue, bool) {
	for _, m := range v.obj {
		if m.key == key {
			return m.val, true
		}
	}
	return jsonValue{}, false
}
