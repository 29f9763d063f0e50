package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/runtime"
)

// actionConditions runs the Lit Action of a LitAction access-control condition
// (standardContractType "LitAction", contractAddress "ipfs://CID") in the node's runtime. The
// evaluator gets it at start-up, before the action service exists (the service checks
// conditions with that evaluator); Start hands it the service once built, before the HTTP API
// or the network runs, so every evaluation finds it.
type actionConditions struct{ actions *actionService }

var _ access.LitActionRunner = (*actionConditions)(nil)

var jsIdentifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]{0,127}$`)

// RunCondition fetches the action by CID, calls its function call.Method with call.Params (all
// strings) and returns String() of what the function returned, or resolved to, as Lit does.
// The action runs with the user's address as Lit.Auth.authSigAddress and may fetch and read
// the chain, but not sign.
func (a *actionConditions) RunCondition(ctx context.Context, call access.LitActionCall) (string, error) {
	s := a.actions
	if s == nil {
		return "", api.Errorf(api.KindUnavailable, "the Lit Action runtime is not running")
	}
	if !jsIdentifier.MatchString(call.Method) {
		return "", api.Errorf(api.KindBadRequest, "method %q is not a JavaScript function name", clipArg(call.Method))
	}
	c, err := ipfs.ParseCID(call.IPFSID)
	if err != nil {
		return "", api.Errorf(api.KindBadRequest, "contractAddress: %v", err)
	}
	code, err := s.fetchCode(ctx, c)
	if err != nil {
		return "", err
	}
	params, err := json.Marshal(call.Params)
	if err != nil {
		return "", err
	}
	// The call goes after the action's own code, in the same script, so the function's
	// top-level declaration (const, let, function) is in scope. The parameters are a JSON
	// array literal, which is also valid JavaScript.
	script := string(code) + "\n;(async () => { Lit.Actions.setResponse({ response: String(await " + call.Method + "(..." + string(params) + ")) }); })();\n"
	var auth runtime.Auth
	if call.UserAddress != (common.Address{}) {
		auth.AuthSigAddress = call.UserAddress.Hex()
	}
	// The worker is the checked user's: a condition runs on that user's behalf.
	res, err := s.runVerdict(ctx, runtime.Request{Code: script, IPFSID: c.String(), Auth: auth, Requester: strings.ToLower(call.UserAddress.Hex())}, false, call.UserAddress)
	if err != nil {
		var re *runtime.Error
		if errors.As(err, &re) {
			switch re.Kind {
			case runtime.KindUnavailable, runtime.KindCanceled, runtime.KindCrashed:
				return "", api.Errorf(api.KindUnavailable, "%s() of Lit Action %s did not run: %s", call.Method, c, re.Message)
			}
			return "", api.Errorf(api.KindBadRequest, "%s() of Lit Action %s failed (%s): %s", call.Method, c, re.Kind, re.Message)
		}
		return "", fmt.Errorf("run Lit Action %s: %w", c, err)
	}
	return res.Response, nil
}
