package node

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/litmesh/litmesh/api"
)

// Whatever a client sends, checking a share request never panics and every refusal is a
// typed error a client can act on: bad input (400, 413) or, for the authSig's shape, 400.
func FuzzParseSignRequest(f *testing.F) {
	f.Add([]byte(`{"accessControlConditions":[{"contractAddress":"","standardContractType":"","chain":"litdevnet","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1"}}],"dataToEncryptHash":"0000000000000000000000000000000000000000000000000000000000000001","authSig":{"sig":"0x00","derivedVia":"web3.eth.personal.sign","signedMessage":"m","address":"0x0"},"chain":"litdevnet"}`))
	f.Add([]byte(`{"unifiedAccessControlConditions":[{"conditionType":"evmContract"}],"dataToEncryptHash":"0x01","authSig":"x"}`))
	f.Add([]byte(`{"evmContractConditions":[],"dataToEncryptHash":"","authSig":null,"epoch":3}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var req api.EncryptionSignRequest
		if json.Unmarshal(body, &req) != nil {
			return
		}
		_, err := parseSignRequest(&req, []string{"litdevnet", "custom-chain"})
		if err == nil {
			return
		}
		var e *api.Error
		if !errors.As(err, &e) {
			t.Fatalf("untyped error %v", err)
		}
		if e.Kind != api.KindBadRequest && e.Kind != api.KindTooLarge {
			t.Fatalf("kind %s for %v", e.Kind, err)
		}
	})
}
