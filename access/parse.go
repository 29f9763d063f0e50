package access

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ipfs/go-cid"

	"github.com/litmesh/litmesh/api"
)

// Option configures Parse.
type Option func(*parseConfig) error

type parseConfig struct {
	chains       map[string]bool
	networkChain string // what LitNetworkChain stands for
}

// WithChains lets conditions name chains beyond the built-in list (KnownChains), for networks
// that read chains of their own. Names are case-sensitive, as Lit's are.
func WithChains(names ...string) Option {
	return func(c *parseConfig) error {
		for _, n := range names {
			if !isChainName(n) {
				return fmt.Errorf("invalid chain name %q", n)
			}
			c.chains[n] = true
		}
		return nil
	}
}

// WithNetworkChain names the chain this network's own contracts live on: conditions that name
// LitNetworkChain ("lit", the name Lit's SDK accepts for it) read that chain. Without it
// "lit" means the devnet's chain (DevnetChain).
func WithNetworkChain(name string) Option {
	return func(c *parseConfig) error {
		if !isChainName(name) || name == LitNetworkChain {
			return fmt.Errorf("invalid network chain name %q", name)
		}
		c.networkChain = name
		c.chains[name] = true
		return nil
	}
}

func isChainName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func newParseConfig(opts []Option) (parseConfig, error) {
	cfg := parseConfig{chains: map[string]bool{}, networkChain: DevnetChain}
	for name := range knownChains {
		cfg.chains[name] = true
	}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return parseConfig{}, err
		}
	}
	return cfg, nil
}

// badRequest is the error for a field at path.
func badRequest(path, format string, args ...any) *api.Error {
	return api.Errorf(api.KindBadRequest, "%s: %s", path, fmt.Sprintf(format, args...))
}

// Parse reads a JSON array of conditions in the list format kind, validates every field and
// normalises the values (see docs/conditions.md). Errors are *api.Error of kind bad_request
// naming the field, e.g. `accessControlConditions[2].returnValueTest.comparator: unknown
// comparator "=~"`.
func Parse(kind Kind, data []byte, opts ...Option) (*Conditions, error) {
	cfg, err := newParseConfig(opts)
	if err != nil {
		return nil, err
	}
	switch kind {
	case KindAccessControl, KindEVMContract, KindUnified:
	default:
		return nil, api.Errorf(api.KindBadRequest, "unknown condition list %q", string(kind))
	}
	if len(data) > MaxConditionsSize {
		return nil, api.Errorf(api.KindTooLarge, "%s: %d bytes, more than the limit of %d", kind, len(data), MaxConditionsSize)
	}
	v, err := decodeJSON(data)
	if err != nil {
		return nil, badRequest(string(kind), "%v", err)
	}
	return parseTree(cfg, kind, v)
}

// ParseRequest parses the conditions of a request that carries Lit's three optional fields;
// exactly one of them must be present (non-empty and not null).
func ParseRequest(accessControl, evmContract, unified json.RawMessage, opts ...Option) (*Conditions, error) {
	var kind Kind
	var data json.RawMessage
	n := 0
	for _, f := range []struct {
		k Kind
		d json.RawMessage
	}{{KindAccessControl, accessControl}, {KindEVMContract, evmContract}, {KindUnified, unified}} {
		if len(f.d) == 0 || string(f.d) == "null" {
			continue
		}
		n++
		kind, data = f.k, f.d
	}
	switch n {
	case 0:
		return nil, api.Errorf(api.KindBadRequest, "missing conditions: give one of %s, %s, %s", KindAccessControl, KindEVMContract, KindUnified)
	case 1:
		return Parse(kind, data, opts...)
	default:
		return nil, api.Errorf(api.KindBadRequest, "give only one of %s, %s, %s", KindAccessControl, KindEVMContract, KindUnified)
	}
}

// ParseDocument reads conditions from a file: either an object with exactly one of the three
// list fields ({"accessControlConditions": [...]}, as Document writes), or a bare array whose
// format is told by its first condition (conditionType → unified, functionAbi → evmContract,
// otherwise accessControlConditions).
func ParseDocument(data []byte, opts ...Option) (*Conditions, error) {
	cfg, err := newParseConfig(opts)
	if err != nil {
		return nil, err
	}
	if len(data) > MaxConditionsSize+64 {
		return nil, api.Errorf(api.KindTooLarge, "conditions: %d bytes, more than the limit of %d", len(data), MaxConditionsSize)
	}
	v, err := decodeJSON(data)
	if err != nil {
		return nil, badRequest("conditions", "%v", err)
	}
	switch v.kind {
	case jsonObject:
		if len(v.obj) != 1 {
			return nil, badRequest("conditions", "want an object with exactly one of %s, %s, %s", KindAccessControl, KindEVMContract, KindUnified)
		}
		kind := Kind(v.obj[0].key)
		switch kind {
		case KindAccessControl, KindEVMContract, KindUnified:
			return parseTree(cfg, kind, v.obj[0].val)
		}
		return nil, badRequest("conditions", "unknown field %q (want one of %s, %s, %s)", v.obj[0].key, KindAccessControl, KindEVMContract, KindUnified)
	case jsonArray:
		return parseTree(cfg, detectKind(v), v)
	}
	return nil, badRequest("conditions", "want an object or an array, got %s", v.kind)
}

// detectKind tells a bare array's list format from its first condition.
func detectKind(v jsonValue) Kind {
	for _, e := range v.arr {
		switch e.kind {
		case jsonArray:
			return detectKind(e)
		case jsonObject:
			if _, ok := e.get("operator"); ok {
				continue
			}
			if _, ok := e.get("conditionType"); ok {
				return KindUnified
			}
			if _, ok := e.get("functionAbi"); ok {
				return KindEVMContract
			}
			return KindAccessControl
		}
	}
	return KindAccessControl
}

type parser struct {
	cfg   parseConfig
	kind  Kind
	count int
}

func parseTree(cfg parseConfig, kind Kind, v jsonValue) (*Conditions, error) {
	p := &parser{cfg: cfg, kind: kind}
	items, err := p.list(v, string(kind), 1)
	if err != nil {
		return nil, err
	}
	return &Conditions{Kind: kind, Items: items}, nil
}

//nolint:gocognit // one walk of an operator list (nesting, alternation, limits) with its errors in place
func (p *parser) list(v jsonValue, path string, depth int) ([]Item, error) {
	if v.kind != jsonArray {
		return nil, badRequest(path, "want an array of conditions, got %s", v.kind)
	}
	if depth > MaxGroupDepth {
		return nil, badRequest(path, "groups nested deeper than %d levels", MaxGroupDepth)
	}
	if len(v.arr) == 0 {
		if depth == 1 {
			return nil, badRequest(path, "no conditions")
		}
		return nil, badRequest(path, "empty group")
	}
	if len(v.arr) > 2*MaxConditions {
		return nil, badRequest(path, "%d items, more than %d conditions allow", len(v.arr), MaxConditions)
	}
	items := make([]Item, 0, len(v.arr))
	hasOperators := false
	for i, e := range v.arr {
		ipath := path + "[" + strconv.Itoa(i) + "]"
		switch e.kind {
		case jsonArray:
			group, err := p.list(e, ipath, depth+1)
			if err != nil {
				return nil, err
			}
			items = append(items, Item{Group: group})
		case jsonObject:
			if _, ok := e.get("operator"); ok {
				op, err := operator(e, ipath)
				if err != nil {
					return nil, err
				}
				hasOperators = true
				items = append(items, Item{Operator: op})
				continue
			}
			p.count++
			if p.count > MaxConditions {
				return nil, badRequest(ipath, "more than %d conditions", MaxConditions)
			}
			c, err := p.condition(e, ipath)
			if err != nil {
				return nil, err
			}
			items = append(items, Item{Condition: c})
		default:
			return nil, badRequest(ipath, "want a condition, an operator or a group, got %s", e.kind)
		}
	}
	// Either a strict alternation operand, operator, operand, ... or (Lit's older form) no
	// operators at all, meaning every item must hold.
	if hasOperators {
		for i, it := range items {
			isOp := it.Operator != ""
			ipath := path + "[" + strconv.Itoa(i) + "]"
			if i%2 == 0 && isOp {
				return nil, badRequest(ipath, "want a condition or a group, got operator %q", it.Operator)
			}
			if i%2 == 1 && !isOp {
				return nil, badRequest(ipath, "want an operator (\"and\" or \"or\") between two conditions")
			}
		}
		if len(items)%2 == 0 {
			return nil, badRequest(path+"["+strconv.Itoa(len(items)-1)+"]", "list ends with an operator")
		}
	}
	return items, nil
}

func operator(v jsonValue, path string) (Operator, error) {
	if len(v.obj) != 1 {
		for _, m := range v.obj {
			if m.key != "operator" {
				return "", badRequest(path, "unknown field %q in an operator", m.key)
			}
		}
	}
	op, _ := v.get("operator")
	if op.kind != jsonString {
		return "", badRequest(path+".operator", "want \"and\" or \"or\", got %s", op.kind)
	}
	switch Operator(op.str) {
	case OpAnd, OpOr:
		return Operator(op.str), nil
	}
	return "", badRequest(path+".operator", "unknown operator %q (want \"and\" or \"or\")", op.str)
}

// object reads the fields of one JSON object, remembering which were read so that leftovers
// can be reported as unknown.
type object struct {
	v    jsonValue
	path string
	read map[string]bool
}

func newObject(v jsonValue, path string) (*object, error) {
	if v.kind != jsonObject {
		return nil, badRequest(path, "want an object, got %s", v.kind)
	}
	return &object{v: v, path: path, read: map[string]bool{}}, nil
}

func (o *object) field(key string) string { return o.path + "." + key }

// lookup returns the member named key; a null member counts as absent.
func (o *object) lookup(key string) (jsonValue, bool) {
	o.read[key] = true
	v, ok := o.v.get(key)
	if !ok || v.kind == jsonNull {
		return jsonValue{}, false
	}
	return v, true
}

// str reads a string field. A required field must be present; an optional one reads as "".
func (o *object) str(key string, required bool) (string, error) {
	v, ok := o.lookup(key)
	if !ok {
		if required {
			return "", badRequest(o.field(key), "missing")
		}
		return "", nil
	}
	if v.kind != jsonString {
		return "", badRequest(o.field(key), "want a string, got %s", v.kind)
	}
	if len(v.str) > maxStringLen {
		return "", badRequest(o.field(key), "longer than %d bytes", maxStringLen)
	}
	return v.str, nil
}

// value reads a string or an integer JSON number (turned into its decimal string).
func valueString(v jsonValue, path string) (string, error) {
	switch v.kind {
	case jsonString:
		if len(v.str) > maxStringLen {
			return "", badRequest(path, "longer than %d bytes", maxStringLen)
		}
		return v.str, nil
	case jsonNumber:
		n, ok := integerFromJSON(v.str)
		if !ok {
			return "", badRequest(path, "number %s is not an integer (write large or fractional values as strings)", v.str)
		}
		// Lit's conditions hash prints numbers as JavaScript does, which rounds to a double:
		// accept only numbers it prints exactly, so that what is hashed is what is evaluated.
		if d := n.String(); jsNumber(v.str) != d {
			return "", badRequest(path, "number %s is not exact in JavaScript (it reads %s); write it as a string", v.str, jsNumber(v.str))
		}
		return n.String(), nil
	}
	return "", badRequest(path, "want a string, got %s", v.kind)
}

// integerFromJSON converts a JSON number that is an exact integer (1, 1e18, 2.0) to a big.Int.
func integerFromJSON(text string) (*big.Int, bool) {
	if len(text) > maxIntegerDigits {
		return nil, false
	}
	mant, exp := text, 0
	if i := strings.IndexAny(text, "eE"); i >= 0 {
		e, err := strconv.Atoi(text[i+1:])
		if err != nil || e > maxIntegerDigits || e < -maxIntegerDigits {
			return nil, false
		}
		mant, exp = text[:i], e
	}
	r, ok := new(big.Rat).SetString(mant)
	if !ok {
		return nil, false
	}
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(exp))), nil))
	if exp >= 0 {
		r.Mul(r, scale)
	} else {
		r.Quo(r, scale)
	}
	if !r.IsInt() {
		return nil, false
	}
	return r.Num(), true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// list reads an array of strings (integers allowed, as decimal strings).
func (o *object) list(key string, required bool, max int) ([]string, error) {
	v, ok := o.lookup(key)
	if !ok {
		if required {
			return nil, badRequest(o.field(key), "missing")
		}
		return []string{}, nil
	}
	if v.kind != jsonArray {
		return nil, badRequest(o.field(key), "want an array, got %s", v.kind)
	}
	if len(v.arr) > max {
		return nil, badRequest(o.field(key), "%d entries, more than %d", len(v.arr), max)
	}
	out := make([]string, len(v.arr))
	for i, e := range v.arr {
		s, err := valueString(e, o.field(key)+"["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// done reports the first field that was never read.
func (o *object) done() error {
	for _, m := range o.v.obj {
		if !o.read[m.key] {
			return badRequest(o.path, "unknown field %q", m.key)
		}
	}
	return nil
}

func (p *parser) condition(v jsonValue, path string) (*Condition, error) {
	o, err := newObject(v, path)
	if err != nil {
		return nil, err
	}
	ct, err := o.str("conditionType", false)
	if err != nil {
		return nil, err
	}
	if ct == "" && p.kind == KindUnified {
		// Lit's SDK sends unified lists in its canonical form, which drops conditionType: the
		// shape tells, and only that type's fields can pass the checks below.
		ct = string(TypeEVMBasic)
		if _, ok := o.v.get("functionAbi"); ok {
			ct = string(TypeEVMContract)
		}
	}
	want := ConditionType(ct)
	switch p.kind {
	case KindAccessControl:
		if ct != "" && want != TypeEVMBasic {
			return nil, badRequest(o.field("conditionType"), "%q does not belong in %s (only %q)", ct, p.kind, TypeEVMBasic)
		}
		want = TypeEVMBasic
	case KindEVMContract:
		if ct != "" && want != TypeEVMContract {
			return nil, badRequest(o.field("conditionType"), "%q does not belong in %s (only %q)", ct, p.kind, TypeEVMContract)
		}
		want = TypeEVMContract
	default:
		switch want {
		case TypeEVMBasic, TypeEVMContract:
		case "solRpc", "cosmos":
			return nil, badRequest(o.field("conditionType"), "%q conditions are not supported (litmesh evaluates EVM conditions)", ct)
		default:
			return nil, badRequest(o.field("conditionType"), "unknown condition type %q (want %q or %q)", ct, TypeEVMBasic, TypeEVMContract)
		}
	}
	var c *Condition
	if want == TypeEVMBasic {
		c, err = p.basic(o)
	} else {
		c, err = p.contract(o)
	}
	if err != nil {
		return nil, err
	}
	if err := o.done(); err != nil {
		return nil, err
	}
	c.Type = want
	c.path = path
	c.lit = litCondition(v, want)
	return c, nil
}

func (p *parser) chain(o *object) (string, error) {
	chain, err := o.str("chain", true)
	if err != nil {
		return "", err
	}
	if chain == LitNetworkChain {
		return p.cfg.networkChain, nil
	}
	if !p.cfg.chains[chain] {
		return "", badRequest(o.field("chain"), "unknown chain %q", chain)
	}
	return chain, nil
}

// returnValueTest reads returnValueTest; withKey says whether a key field belongs there.
func returnValueTestObject(o *object, withKey bool) (*object, ReturnValueTest, error) {
	v, ok := o.lookup("returnValueTest")
	if !ok {
		return nil, ReturnValueTest{}, badRequest(o.field("returnValueTest"), "missing")
	}
	r, err := newObject(v, o.field("returnValueTest"))
	if err != nil {
		return nil, ReturnValueTest{}, err
	}
	var t ReturnValueTest
	if t.Key, err = r.str("key", false); err != nil {
		return nil, ReturnValueTest{}, err
	}
	if !withKey && t.Key != "" {
		return nil, ReturnValueTest{}, badRequest(r.field("key"), "basic conditions have no key")
	}
	if t.Comparator, err = r.str("comparator", true); err != nil {
		return nil, ReturnValueTest{}, err
	}
	val, ok := r.lookup("value")
	if !ok {
		return nil, ReturnValueTest{}, badRequest(r.field("value"), "missing")
	}
	if t.Value, err = valueString(val, r.field("value")); err != nil {
		return nil, ReturnValueTest{}, err
	}
	if err := r.done(); err != nil {
		return nil, ReturnValueTest{}, err
	}
	return r, t, nil
}

// checkTest validates the comparator for class and normalises the expected value.
func checkTest(r *object, t *ReturnValueTest, class valueClass) error {
	if !allComparators[t.Comparator] {
		return badRequest(r.field("comparator"), "unknown comparator %q", t.Comparator)
	}
	if !comparatorAllowed(class, t.Comparator) {
		return badRequest(r.field("comparator"), "comparator %q cannot compare %s (use %s)", t.Comparator, class, strings.Join(comparatorsFor[class], " "))
	}
	v, err := normalValue(t.Value, class, r.field("value"))
	if err != nil {
		return err
	}
	t.Value = v
	return nil
}

// normalValue checks that s is a value of class (or a placeholder that can stand for one) and
// returns its normal form: decimal integers, lower-case addresses and hex, lower-case booleans.
func normalValue(s string, class valueClass, path string) (string, error) {
	if strings.HasPrefix(s, ":") {
		switch {
		case isLitParam(s):
			return s, nil
		case s == PlaceholderUserAddress && (class == classAddress || class == classString):
			return s, nil
		case s == PlaceholderCurrentActionIPFSID && class == classString:
			return s, nil
		case isPlaceholder(s):
			return "", badRequest(path, "placeholder %s cannot stand for %s", s, class)
		}
		return "", badRequest(path, "unknown placeholder %q", s)
	}
	switch class {
	case classNumber:
		n, ok := parseInteger(s)
		if !ok {
			return "", badRequest(path, "want an integer, got %q", s)
		}
		return n.String(), nil
	case classAddress:
		if !isAddress(s) {
			return "", badRequest(path, "want a 0x-prefixed 20-byte address or %s, got %q", PlaceholderUserAddress, s)
		}
		return strings.ToLower(s), nil
	case classBool:
		switch strings.ToLower(s) {
		case "true", "false":
			return strings.ToLower(s), nil
		}
		return "", badRequest(path, "want true or false, got %q", s)
	case classBytes:
		if _, ok := parseHexBytes(s); !ok {
			return "", badRequest(path, "want 0x-prefixed hex, got %q", s)
		}
		return strings.ToLower(s), nil
	}
	return s, nil
}

//nolint:funlen,gocognit // one case per Lit basic condition type, each checked field by field; the table reads as Lit documents it
func (p *parser) basic(o *object) (*Condition, error) {
	c := &Condition{}
	var err error
	if c.ContractAddress, err = o.str("contractAddress", true); err != nil {
		return nil, err
	}
	if c.Chain, err = p.chain(o); err != nil {
		return nil, err
	}
	if c.StandardContractType, err = o.str("standardContractType", true); err != nil {
		return nil, err
	}
	if c.Method, err = o.str("method", true); err != nil {
		return nil, err
	}
	if c.Parameters, err = o.list("parameters", true, 16); err != nil {
		return nil, err
	}
	r, test, err := returnValueTestObject(o, false)
	if err != nil {
		return nil, err
	}
	c.ReturnValueTest = test

	params := o.field("parameters")
	method := o.field("method")
	var class valueClass
	switch c.StandardContractType {
	case StandardNone:
		if err := noContract(o, c); err != nil {
			return nil, err
		}
		switch c.Method {
		case MethodGetBalance:
			if len(c.Parameters) < 1 || len(c.Parameters) > 2 {
				return nil, badRequest(params, "eth_getBalance takes [address, \"latest\"], got %d parameters", len(c.Parameters))
			}
			if err := normalParams(c.Parameters, params, classAddress); err != nil {
				return nil, err
			}
			if len(c.Parameters) == 2 && c.Parameters[1] != "latest" {
				return nil, badRequest(params+"[1]", "only \"latest\" is supported, got %q", c.Parameters[1])
			}
			class = classNumber
		case "":
			if len(c.Parameters) != 1 || c.Parameters[0] != PlaceholderUserAddress {
				return nil, badRequest(params, "a condition with no method tests the user's address: parameters must be [%q]", PlaceholderUserAddress)
			}
			class = classAddress
		default:
			return nil, badRequest(method, "unsupported method %q for standardContractType \"\" (want %q, or \"\" to test the user's address)", c.Method, MethodGetBalance)
		}
	case StandardERC20, StandardERC721, StandardERC1155:
		if !isAddress(c.ContractAddress) {
			return nil, badRequest(o.field("contractAddress"), "want a 0x-prefixed 20-byte address, got %q", c.ContractAddress)
		}
		c.ContractAddress = strings.ToLower(c.ContractAddress)
		switch {
		case c.Method == MethodBalanceOf && c.StandardContractType != StandardERC1155:
			if len(c.Parameters) != 1 {
				return nil, badRequest(params, "balanceOf takes [address], got %d parameters", len(c.Parameters))
			}
			if err := normalParams(c.Parameters, params, classAddress); err != nil {
				return nil, err
			}
			class = classNumber
		case c.Method == MethodBalanceOf:
			if len(c.Parameters) != 2 {
				return nil, badRequest(params, "ERC1155 balanceOf takes [address, tokenId], got %d parameters", len(c.Parameters))
			}
			if err := normalParams(c.Parameters[:1], params, classAddress); err != nil {
				return nil, err
			}
			if err := normalTokenID(c.Parameters, 1, params); err != nil {
				return nil, err
			}
			class = classNumber
		case c.Method == MethodOwnerOf && c.StandardContractType == StandardERC721:
			if len(c.Parameters) != 1 {
				return nil, badRequest(params, "ownerOf takes [tokenId], got %d parameters", len(c.Parameters))
			}
			if err := normalTokenID(c.Parameters, 0, params); err != nil {
				return nil, err
			}
			class = classAddress
		default:
			want := "balanceOf"
			if c.StandardContractType == StandardERC721 {
				want = "ownerOf or balanceOf"
			}
			return nil, badRequest(method, "unsupported method %q for %s (want %s)", c.Method, c.StandardContractType, want)
		}
	case StandardTimestamp:
		if err := noContract(o, c); err != nil {
			return nil, err
		}
		if c.Method != MethodGetBlockByNumber {
			return nil, badRequest(method, "timestamp conditions use method %q, got %q", MethodGetBlockByNumber, c.Method)
		}
		if len(c.Parameters) > 1 || len(c.Parameters) == 1 && c.Parameters[0] != "latest" {
			return nil, badRequest(params, "timestamp conditions take [\"latest\"]")
		}
		class = classNumber
	case StandardLitAction:
		id, ok := strings.CutPrefix(c.ContractAddress, "ipfs://")
		if !ok {
			return nil, badRequest(o.field("contractAddress"), "a Lit Action condition names its code as \"ipfs://CID\", got %q", c.ContractAddress)
		}
		if _, err := cid.Decode(id); err != nil {
			return nil, badRequest(o.field("contractAddress"), "invalid CID %q: %v", id, err)
		}
		if !isIdentifier(c.Method) {
			return nil, badRequest(method, "want the name of a function in the action, got %q", c.Method)
		}
		for i, s := range c.Parameters {
			if strings.HasPrefix(s, ":") && !isPlaceholder(s) {
				return nil, badRequest(params+"["+strconv.Itoa(i)+"]", "unknown placeholder %q", s)
			}
		}
		class = classString
	default:
		return nil, badRequest(o.field("standardContractType"), "unsupported standardContractType %q (want \"\", ERC20, ERC721, ERC1155, timestamp or LitAction)", c.StandardContractType)
	}
	if err := checkTest(r, &c.ReturnValueTest, class); err != nil {
		return nil, err
	}
	return c, nil
}

func noContract(o *object, c *Condition) error {
	if c.ContractAddress != "" {
		return badRequest(o.field("contractAddress"), "must be \"\" for this condition, got %q", c.ContractAddress)
	}
	return nil
}

// normalParams normalises parameters that must all be values of class.
func normalParams(ps []string, path string, class valueClass) error {
	for i, s := range ps {
		if i > 0 && class == classAddress {
			break // only the first of eth_getBalance's parameters is an address
		}
		v, err := normalValue(s, class, path+"["+strconv.Itoa(i)+"]")
		if err != nil {
			return err
		}
		ps[i] = v
	}
	return nil
}

func normalTokenID(ps []string, i int, path string) error {
	ipath := path + "[" + strconv.Itoa(i) + "]"
	v, err := normalValue(ps[i], classNumber, ipath)
	if err != nil {
		return err
	}
	if n, ok := parseInteger(v); ok && (n.Sign() < 0 || n.BitLen() > 256) {
		return badRequest(ipath, "token id %s is not a uint256", v)
	}
	ps[i] = v
	return nil
}

//nolint:funlen // the contract condition's fields checked in the order Lit documents them
func (p *parser) contract(o *object) (*Condition, error) {
	c := &Condition{}
	var err error
	if c.ContractAddress, err = o.str("contractAddress", true); err != nil {
		return nil, err
	}
	if !isAddress(c.ContractAddress) {
		return nil, badRequest(o.field("contractAddress"), "want a 0x-prefixed 20-byte address, got %q", c.ContractAddress)
	}
	c.ContractAddress = strings.ToLower(c.ContractAddress)
	if c.FunctionName, err = o.str("functionName", true); err != nil {
		return nil, err
	}
	if c.FunctionParams, err = o.list("functionParams", true, 16); err != nil {
		return nil, err
	}
	av, ok := o.lookup("functionAbi")
	if !ok {
		return nil, badRequest(o.field("functionAbi"), "missing")
	}
	fn, inputs, outputs, err := functionABI(av, o.field("functionAbi"))
	if err != nil {
		return nil, err
	}
	c.FunctionABI = fn
	if c.FunctionName != fn.Name {
		return nil, badRequest(o.field("functionName"), "%q does not match functionAbi.name %q", c.FunctionName, fn.Name)
	}
	if c.Chain, err = p.chain(o); err != nil {
		return nil, err
	}
	r, test, err := returnValueTestObject(o, true)
	if err != nil {
		return nil, err
	}
	c.ReturnValueTest = test

	if len(c.FunctionParams) != len(inputs) {
		return nil, badRequest(o.field("functionParams"), "%d parameters for a function with %d inputs", len(c.FunctionParams), len(inputs))
	}
	for i, t := range inputs {
		ipath := o.field("functionParams") + "[" + strconv.Itoa(i) + "]"
		class, _ := classOf(t) // inputs are scalars, so this cannot fail
		v, err := normalValue(c.FunctionParams[i], class, ipath)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(v, ":") {
			if _, err := goValue(t, v); err != nil {
				return nil, badRequest(ipath, "%v", err)
			}
		}
		c.FunctionParams[i] = v
	}

	out := 0
	if test.Key != "" {
		out = -1
		for i, p := range fn.Outputs {
			if p.Name == test.Key {
				out = i
				break
			}
		}
		if out < 0 {
			return nil, badRequest(r.field("key"), "no output named %q in functionAbi.outputs", test.Key)
		}
	}
	class, err := classOf(outputs[out])
	if err != nil || outputs[out].T == abi.SliceTy || outputs[out].T == abi.ArrayTy {
		return nil, badRequest(r.field("key"), "output %d (%s) cannot be compared: choose a scalar output", out, fn.Outputs[out].Type)
	}
	if err := checkTest(r, &c.ReturnValueTest, class); err != nil {
		return nil, err
	}
	return c, nil
}

// functionABI reads and checks an ABI fragment, returning it with its parsed input and output
// types.
func functionABI(v jsonValue, path string) (*FunctionABI, []abi.Type, []abi.Type, error) {
	o, err := newObject(v, path)
	if err != nil {
		return nil, nil, nil, err
	}
	fn := &FunctionABI{}
	if fn.Name, err = o.str("name", true); err != nil {
		return nil, nil, nil, err
	}
	if !isIdentifier(fn.Name) {
		return nil, nil, nil, badRequest(o.field("name"), "want a function name, got %q", fn.Name)
	}
	typ, err := o.str("type", false)
	if err != nil {
		return nil, nil, nil, err
	}
	if typ != "" && typ != "function" {
		return nil, nil, nil, badRequest(o.field("type"), "want \"function\", got %q", typ)
	}
	if c, ok := o.lookup("constant"); ok {
		if c.kind != jsonBool {
			return nil, nil, nil, badRequest(o.field("constant"), "want a boolean, got %s", c.kind)
		}
		fn.Constant = c.b
	}
	if pv, ok := o.lookup("payable"); ok && (pv.kind != jsonBool || pv.b) {
		return nil, nil, nil, badRequest(o.field("payable"), "conditions only call read-only functions")
	}
	if fn.StateMutability, err = o.str("stateMutability", false); err != nil {
		return nil, nil, nil, err
	}
	switch {
	case fn.StateMutability == "view" || fn.StateMutability == "pure":
	case fn.StateMutability == "" && fn.Constant:
	case fn.StateMutability == "":
		return nil, nil, nil, badRequest(o.field("stateMutability"), "missing: conditions only call view or pure functions")
	default:
		return nil, nil, nil, badRequest(o.field("stateMutability"), "%q: conditions only call view or pure functions", fn.StateMutability)
	}
	var inputs, outputs []abi.Type
	if fn.Inputs, inputs, err = abiParams(o, "inputs", false); err != nil {
		return nil, nil, nil, err
	}
	if fn.Outputs, outputs, err = abiParams(o, "outputs", true); err != nil {
		return nil, nil, nil, err
	}
	if len(outputs) == 0 {
		return nil, nil, nil, badRequest(o.field("outputs"), "the function returns nothing to compare")
	}
	if _, err := outputsHeadSize(outputs); err != nil {
		return nil, nil, nil, badRequest(o.field("outputs"), "%v", err)
	}
	if err := o.done(); err != nil {
		return nil, nil, nil, err
	}
	return fn, inputs, outputs, nil
}

func abiParams(o *object, key string, outputs bool) ([]ABIParam, []abi.Type, error) {
	v, ok := o.lookup(key)
	if !ok {
		return nil, nil, badRequest(o.field(key), "missing")
	}
	if v.kind != jsonArray {
		return nil, nil, badRequest(o.field(key), "want an array, got %s", v.kind)
	}
	if len(v.arr) > 16 {
		return nil, nil, badRequest(o.field(key), "%d entries, more than 16", len(v.arr))
	}
	params := make([]ABIParam, len(v.arr))
	types := make([]abi.Type, len(v.arr))
	for i, e := range v.arr {
		po, err := newObject(e, o.field(key)+"["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, nil, err
		}
		if params[i].Name, err = po.str("name", false); err != nil {
			return nil, nil, err
		}
		if params[i].Name != "" && !isIdentifier(params[i].Name) {
			return nil, nil, badRequest(po.field("name"), "want an identifier, got %q", params[i].Name)
		}
		if params[i].Type, err = po.str("type", true); err != nil {
			return nil, nil, err
		}
		if types[i], err = abiType(params[i].Type, outputs); err != nil {
			return nil, nil, badRequest(po.field("type"), "%v", err)
		}
		if _, err := po.str("internalType", false); err != nil { // solc emits it; it does not change the encoding
			return nil, nil, err
		}
		if err := po.done(); err != nil {
			return nil, nil, err
		}
	}
	return params, types, nil
}
