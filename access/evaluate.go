package access

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/litmesh/litmesh/api"
)

// ChainReader is what evaluating conditions reads from one EVM chain. go-ethereum's
// *ethclient.Client and simulated.Client satisfy it, as should the chain package's cached
// reader. Reads are at the latest block.
type ChainReader interface {
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// LitActionRunner runs the Lit Action of a LitAction condition. The node implements it with
// its action runtime.
type LitActionRunner interface {
	// RunCondition fetches the action call.IPFSID, calls its function call.Method with
	// call.Params (placeholders already substituted) and returns the function's result as a
	// string, as Lit does (`String(await method(...params))`).
	RunCondition(ctx context.Context, call LitActionCall) (string, error)
}

// LitActionCall is one Lit Action condition to run.
type LitActionCall struct {
	IPFSID      string
	Method      string
	Params      []string
	UserAddress common.Address
}

// Subject is who the conditions are checked for.
type Subject struct {
	// Address is the address the requester proved they control (the authSig's address).
	Address common.Address
	// Resources are the resources of the requester's SIWE message; :litParam placeholders are
	// read from them.
	Resources []string
	// CurrentActionIPFSID is the CID of the Lit Action checking the conditions, if any.
	CurrentActionIPFSID string
}

// DefaultEvalTimeout bounds one evaluation when no WithTimeout is given.
const DefaultEvalTimeout = 20 * time.Second

// Evaluator checks conditions against chains. It is safe for concurrent use.
type Evaluator struct {
	chains  map[string]ChainReader
	actions LitActionRunner
	timeout time.Duration
}

// EvaluatorOption configures an Evaluator.
type EvaluatorOption func(*Evaluator) error

// WithChain lets the evaluator read chain name through r.
func WithChain(name string, r ChainReader) EvaluatorOption {
	return func(e *Evaluator) error {
		if r == nil {
			return fmt.Errorf("chain %q: nil reader", name)
		}
		if !isChainName(name) {
			return fmt.Errorf("invalid chain name %q", name)
		}
		if _, dup := e.chains[name]; dup {
			return fmt.Errorf("chain %q given twice", name)
		}
		e.chains[name] = r
		return nil
	}
}

// WithLitActionRunner lets the evaluator run LitAction conditions. Without it they are refused.
func WithLitActionRunner(r LitActionRunner) EvaluatorOption {
	return func(e *Evaluator) error {
		if r == nil {
			return errors.New("nil Lit Action runner")
		}
		e.actions = r
		return nil
	}
}

// WithTimeout bounds each evaluation (DefaultEvalTimeout otherwise); the caller's ctx may end it
// sooner.
func WithTimeout(d time.Duration) EvaluatorOption {
	return func(e *Evaluator) error {
		if d <= 0 {
			return fmt.Errorf("timeout %v is not positive", d)
		}
		e.timeout = d
		return nil
	}
}

// NewEvaluator builds an Evaluator.
func NewEvaluator(opts ...EvaluatorOption) (*Evaluator, error) {
	e := &Evaluator{chains: map[string]ChainReader{}, timeout: DefaultEvalTimeout}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// Failure says why one condition was not met.
type Failure struct {
	// Path is where the condition sits, e.g. "accessControlConditions[2]".
	Path string
	// Reason is what was read and what was wanted.
	Reason string
}

// NotMetError reports conditions that are not met: for a failed `and` the condition that
// failed, for a failed `or` every alternative. It unwraps to an *api.Error of kind forbidden.
type NotMetError struct {
	Failures []Failure
}

func (e *NotMetError) Error() string {
	parts := make([]string, len(e.Failures))
	for i, f := range e.Failures {
		parts[i] = f.Path + ": " + f.Reason
	}
	return "conditions not met: " + strings.Join(parts, "; ")
}

// Unwrap gives the user-facing error, so api.KindOf reports forbidden.
func (e *NotMetError) Unwrap() error {
	return &api.Error{Kind: api.KindForbidden, Message: e.Error()}
}

// chainError is a failed chain read: the user sees only the api.Error's message, while the
// cause (which may contain an RPC URL with credentials) stays in the chain for operators.
type chainError struct {
	user  *api.Error
	cause error
}

func (e *chainError) Error() string   { return e.user.Error() }
func (e *chainError) Unwrap() []error { return []error{e.user, e.cause} }

// Check evaluates the conditions for s. It returns nil when they are met, a *NotMetError
// (forbidden) when they are not, and otherwise an error whose *api.Error says what went wrong:
// bad_request for a chain this node cannot read or a Lit Action condition without a runner,
// timeout or unavailable for failed chain reads.
func (e *Evaluator) Check(ctx context.Context, c *Conditions, s Subject) error {
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	ev := &evaluation{e: e, s: s}
	ok, failures, err := ev.list(ctx, c.Items)
	if err != nil {
		return err
	}
	if !ok {
		return &NotMetError{Failures: failures}
	}
	return nil
}

type evaluation struct {
	e *Evaluator
	s Subject
}

// list evaluates items left to right, skipping operands that cannot change the result.
func (ev *evaluation) list(ctx context.Context, items []Item) (bool, []Failure, error) {
	if err := wellFormed(items); err != nil {
		return false, nil, err
	}
	implicitAnd := true
	for _, it := range items {
		if it.Operator != "" {
			implicitAnd = false
			break
		}
	}
	acc, failures, err := ev.operand(ctx, items[0])
	if err != nil {
		return false, nil, err
	}
	for i := 1; i < len(items); {
		op := OpAnd
		if !implicitAnd {
			op = items[i].Operator
			i++
		}
		next := items[i]
		i++
		if op == OpAnd && !acc || op == OpOr && acc {
			continue
		}
		ok, f, err := ev.operand(ctx, next)
		if err != nil {
			return false, nil, err
		}
		if op == OpAnd {
			acc, failures = ok, f // acc was true, so there were no failures before
		} else {
			acc = ok
			if ok {
				failures = nil
			} else {
				failures = append(failures, f...)
			}
		}
	}
	return acc, failures, nil
}

// wellFormed guards against Conditions not made by Parse: Parse guarantees non-empty lists
// that alternate operands and operators (or hold no operators) and leaves with a condition.
func wellFormed(items []Item) error {
	bad := api.Errorf(api.KindBadRequest, "malformed conditions (build them with access.Parse)")
	if len(items) == 0 {
		return bad
	}
	ops := 0
	for _, it := range items {
		if it.Operator != "" {
			ops++
		}
	}
	for i, it := range items {
		isOp := it.Operator != ""
		if ops > 0 && isOp != (i%2 == 1) || ops > 0 && len(items)%2 == 0 {
			return bad
		}
		if !isOp && it.Group == nil && it.Condition == nil {
			return bad
		}
	}
	return nil
}

func (ev *evaluation) operand(ctx context.Context, it Item) (bool, []Failure, error) {
	if it.Group != nil {
		return ev.list(ctx, it.Group)
	}
	ok, reason, err := ev.condition(ctx, it.Condition)
	if err != nil {
		return false, nil, err
	}
	if !ok {
		return false, []Failure{{Path: it.Condition.path, Reason: reason}}, nil
	}
	return true, nil, nil
}

// condition evaluates one leaf; when it is not met, reason says why.
func (ev *evaluation) condition(ctx context.Context, c *Condition) (ok bool, reason string, err error) {
	if c.Type == TypeEVMBasic && c.StandardContractType == StandardLitAction {
		return ev.litAction(ctx, c)
	}
	if c.Type == TypeEVMBasic && c.StandardContractType == StandardNone && c.Method == "" {
		actual := decodedValue{class: classAddress, str: strings.ToLower(ev.s.Address.Hex())}
		return ev.test(c, "the user's address", actual)
	}
	r, ok := ev.e.chains[c.Chain]
	if !ok {
		return false, "", api.Errorf(api.KindBadRequest, "%s.chain: chain %q is not supported by this node", c.path, c.Chain)
	}
	if c.Type == TypeEVMContract {
		return ev.contract(ctx, r, c)
	}
	switch c.StandardContractType {
	case StandardNone: // eth_getBalance
		addr, err := ev.address(c.Parameters[0], c.path+".parameters[0]")
		if err != nil {
			return false, "", err
		}
		bal, err := r.BalanceAt(ctx, addr, nil)
		if err != nil {
			return false, "", readFailed(ctx, c, err)
		}
		return ev.test(c, fmt.Sprintf("balance of %s on %s", addr.Hex(), c.Chain), decodedValue{class: classNumber, num: bal})
	case StandardTimestamp:
		h, err := r.HeaderByNumber(ctx, nil)
		if err != nil {
			return false, "", readFailed(ctx, c, err)
		}
		ts := new(big.Int).SetUint64(h.Time)
		return ev.test(c, fmt.Sprintf("latest block timestamp on %s", c.Chain), decodedValue{class: classNumber, num: ts})
	}
	return ev.token(ctx, r, c)
}

// test compares what a condition read with its returnValueTest.
func (ev *evaluation) test(c *Condition, what string, actual decodedValue) (bool, string, error) {
	want, err := ev.subst(c.ReturnValueTest.Value, c.path+".returnValueTest.value")
	if err != nil {
		return false, "", err
	}
	ok, err := compare(actual, c.ReturnValueTest.Comparator, want)
	if err != nil {
		return false, "", api.Errorf(api.KindBadRequest, "%s.returnValueTest.value: %v", c.path, err)
	}
	if ok {
		return true, "", nil
	}
	return false, fmt.Sprintf("%s is %s, want %s %s", what, clip(actual.String()), c.ReturnValueTest.Comparator, clip(want)), nil
}

// subst replaces a placeholder by its value for this subject.
func (ev *evaluation) subst(s, path string) (string, error) {
	switch {
	case s == PlaceholderUserAddress:
		return ev.s.Address.Hex(), nil
	case s == PlaceholderCurrentActionIPFSID:
		return ev.s.CurrentActionIPFSID, nil
	case isLitParam(s):
		return litParam(ev.s.Resources, strings.TrimPrefix(s, PlaceholderLitParamPrefix), path)
	}
	return s, nil
}

// litParam finds the SIWE resource "litParam:NAME:<base64url>" and decodes its value.
func litParam(resources []string, name, path string) (string, error) {
	prefix := "litParam:" + name + ":"
	for _, r := range resources {
		enc, ok := strings.CutPrefix(r, prefix)
		if !ok {
			continue
		}
		b, err := base64.RawURLEncoding.DecodeString(enc)
		if err != nil {
			return "", api.Errorf(api.KindBadRequest, "%s: resource %q of the signed message is not base64url", path, "litParam:"+name)
		}
		return string(b), nil
	}
	return "", api.Errorf(api.KindBadRequest, "%s: the signed message has no resource %q for :litParam:%s", path, "litParam:"+name+":…", name)
}

func (ev *evaluation) address(s, path string) (common.Address, error) {
	v, err := ev.subst(s, path)
	if err != nil {
		return common.Address{}, err
	}
	a, ok := parseAddress(v)
	if !ok {
		return common.Address{}, api.Errorf(api.KindBadRequest, "%s: %q is not an address", path, v)
	}
	return a, nil
}

func (ev *evaluation) integer(s, path string) (*big.Int, error) {
	v, err := ev.subst(s, path)
	if err != nil {
		return nil, err
	}
	n, ok := parseInteger(v)
	if !ok || n.Sign() < 0 || n.BitLen() > 256 {
		return nil, api.Errorf(api.KindBadRequest, "%s: %q is not a uint256", path, v)
	}
	return n, nil
}

// The standard token methods basic conditions call.
var (
	methodBalanceOf     = newMethod("balanceOf", []string{"address"}, []string{"uint256"})
	methodOwnerOf       = newMethod("ownerOf", []string{"uint256"}, []string{"address"})
	methodBalanceOf1155 = newMethod("balanceOf", []string{"address", "uint256"}, []string{"uint256"})
)

func newMethod(name string, in, out []string) abi.Method {
	args := func(ts []string) abi.Arguments {
		var a abi.Arguments
		for _, t := range ts {
			typ, err := abi.NewType(t, "", nil)
			if err != nil {
				panic(err) // constant types above
			}
			a = append(a, abi.Argument{Type: typ})
		}
		return a
	}
	return abi.NewMethod(name, name, abi.Function, "view", false, false, args(in), args(out))
}

func (ev *evaluation) token(ctx context.Context, r ChainReader, c *Condition) (bool, string, error) {
	to := common.HexToAddress(c.ContractAddress)
	p0 := c.path + ".parameters[0]"
	var (
		m    abi.Method
		args []any
		what string
	)
	switch {
	case c.Method == MethodOwnerOf:
		id, err := ev.integer(c.Parameters[0], p0)
		if err != nil {
			return false, "", err
		}
		m, args = methodOwnerOf, []any{id}
		what = fmt.Sprintf("%s ownerOf(%s) of %s on %s", c.StandardContractType, id, to.Hex(), c.Chain)
	case c.StandardContractType == StandardERC1155:
		owner, err := ev.address(c.Parameters[0], p0)
		if err != nil {
			return false, "", err
		}
		id, err := ev.integer(c.Parameters[1], c.path+".parameters[1]")
		if err != nil {
			return false, "", err
		}
		m, args = methodBalanceOf1155, []any{owner, id}
		what = fmt.Sprintf("ERC1155 balanceOf(%s, %s) of %s on %s", owner.Hex(), id, to.Hex(), c.Chain)
	default:
		owner, err := ev.address(c.Parameters[0], p0)
		if err != nil {
			return false, "", err
		}
		m, args = methodBalanceOf, []any{owner}
		what = fmt.Sprintf("%s balanceOf(%s) of %s on %s", c.StandardContractType, owner.Hex(), to.Hex(), c.Chain)
	}
	vals, reason, err := call(ctx, r, c, to, m, args)
	if err != nil || reason != "" {
		return false, reason, err
	}
	actual, err := fromABI(m.Outputs[0].Type, vals[0])
	if err != nil {
		return false, fmt.Sprintf("%s: %v", what, err), nil
	}
	return ev.test(c, what, actual)
}

func (ev *evaluation) contract(ctx context.Context, r ChainReader, c *Condition) (bool, string, error) {
	var in, out abi.Arguments
	for _, p := range c.FunctionABI.Inputs {
		t, err := abiType(p.Type, false)
		if err != nil {
			return false, "", api.Errorf(api.KindBadRequest, "%s.functionAbi: %v", c.path, err)
		}
		in = append(in, abi.Argument{Name: p.Name, Type: t})
	}
	sel, found := 0, false
	for i, p := range c.FunctionABI.Outputs {
		t, err := abiType(p.Type, true)
		if err != nil {
			return false, "", api.Errorf(api.KindBadRequest, "%s.functionAbi: %v", c.path, err)
		}
		out = append(out, abi.Argument{Name: p.Name, Type: t})
		if !found && c.ReturnValueTest.Key != "" && p.Name == c.ReturnValueTest.Key {
			sel, found = i, true
		}
	}
	m := abi.NewMethod(c.FunctionName, c.FunctionName, abi.Function, c.FunctionABI.StateMutability, c.FunctionABI.Constant, false, in, out)
	args := make([]any, len(in))
	shown := make([]string, len(in))
	for i, a := range in {
		path := c.path + ".functionParams[" + strconv.Itoa(i) + "]"
		s, err := ev.subst(c.FunctionParams[i], path)
		if err != nil {
			return false, "", err
		}
		if args[i], err = goValue(a.Type, s); err != nil {
			return false, "", api.Errorf(api.KindBadRequest, "%s: %v", path, err)
		}
		shown[i] = clip(s)
	}
	to := common.HexToAddress(c.ContractAddress)
	what := fmt.Sprintf("%s(%s) of %s on %s", c.FunctionName, strings.Join(shown, ", "), to.Hex(), c.Chain)
	if c.ReturnValueTest.Key != "" {
		what += " output " + c.ReturnValueTest.Key
	}
	vals, reason, err := call(ctx, r, c, to, m, args)
	if err != nil || reason != "" {
		return false, reason, err
	}
	actual, err := fromABI(out[sel].Type, vals[sel])
	if err != nil {
		return false, fmt.Sprintf("%s: %v", what, err), nil
	}
	return ev.test(c, what, actual)
}

// call runs a view call. A revert, an empty or an undecodable result is the chain's answer,
// so it makes the condition unmet (reason) rather than failing the request (err).
func call(ctx context.Context, r ChainReader, c *Condition, to common.Address, m abi.Method, args []any) ([]any, string, error) {
	packed, err := m.Inputs.Pack(args...)
	if err != nil {
		return nil, "", api.Errorf(api.KindBadRequest, "%s: encode the call to %s: %v", c.path, m.Sig, err)
	}
	data := append(append([]byte{}, m.ID...), packed...)
	out, err := r.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
	if err != nil {
		if isRevert(err) {
			return nil, fmt.Sprintf("%s on %s at %s reverted", m.Sig, to.Hex(), c.Chain), nil
		}
		return nil, "", readFailed(ctx, c, err)
	}
	if len(out) == 0 {
		return nil, fmt.Sprintf("%s on %s at %s returned no data (is it a contract?)", m.Sig, to.Hex(), c.Chain), nil
	}
	// Check the bytes against the declared types before decoding: go-ethereum's decoder
	// allocates what the types declare (see MaxReturnData).
	if err := checkReturnData(m.Outputs, out); err != nil {
		return nil, fmt.Sprintf("%s on %s at %s returned data that cannot be decoded as %s: %v", m.Sig, to.Hex(), c.Chain, outputTypes(m), err), nil
	}
	vals, err := m.Outputs.Unpack(out)
	if err != nil {
		return nil, fmt.Sprintf("%s on %s at %s returned data that does not decode as %s", m.Sig, to.Hex(), c.Chain, outputTypes(m)), nil
	}
	return vals, "", nil
}

func outputTypes(m abi.Method) string {
	ts := make([]string, len(m.Outputs))
	for i, o := range m.Outputs {
		ts[i] = o.Type.String()
	}
	return "(" + strings.Join(ts, ",") + ")"
}

// isRevert reports whether a call failed because the EVM reverted (JSON-RPC error code 3, or
// the message nodes use without it).
func isRevert(err error) bool {
	var re rpc.Error
	if errors.As(err, &re) && re.ErrorCode() == 3 {
		return true
	}
	return strings.Contains(err.Error(), "execution reverted")
}

func readFailed(ctx context.Context, c *Condition, err error) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &chainError{user: api.Errorf(api.KindTimeout, "%s: reading chain %q timed out", c.path, c.Chain), cause: err}
	}
	return &chainError{user: api.Errorf(api.KindUnavailable, "%s: chain %q did not answer", c.path, c.Chain), cause: err}
}

func (ev *evaluation) litAction(ctx context.Context, c *Condition) (bool, string, error) {
	if ev.e.actions == nil {
		return false, "", api.Errorf(api.KindBadRequest, "%s: Lit Action conditions are not supported by this node (no action runtime configured)", c.path)
	}
	params := make([]string, len(c.Parameters))
	for i, p := range c.Parameters {
		v, err := ev.subst(p, c.path+".parameters["+strconv.Itoa(i)+"]")
		if err != nil {
			return false, "", err
		}
		params[i] = v
	}
	id := strings.TrimPrefix(c.ContractAddress, "ipfs://")
	resp, err := ev.e.actions.RunCondition(ctx, LitActionCall{IPFSID: id, Method: c.Method, Params: params, UserAddress: ev.s.Address})
	if err != nil {
		return false, "", fmt.Errorf("%s: run Lit Action %s: %w", c.path, id, err)
	}
	what := fmt.Sprintf("Lit Action %s %s()", id, c.Method)
	return ev.test(c, what, decodedValue{class: classString, str: resp})
}

// clip shortens long values in failure messages.
func clip(s string) string {
	const max = 100
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
