package node

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/litmesh/litmesh/api"
)

// FuzzParseExecuteRequest feeds /web/execute bodies to the request validation: it must never
// panic, and whatever it accepts names exactly one action with a CID.
func FuzzParseExecuteRequest(f *testing.F) {
	for _, seed := range []string{
		`{"code": "` + base64.StdEncoding.EncodeToString([]byte(`Lit.Actions.setResponse({response: "hi"})`)) + `", "jsParams": {"a": 1}}`,
		`{"ipfsId": "QmWATWQ7fVPP2EFGu71UkfnqhYXDYH566qy47CnJDgvs8u", "nodeSet": [{"socketAddress": "http://127.0.0.1:7001", "value": 1}]}`,
		`{"code": "!!!"}`,
		`{"code": "YQ==", "ipfsId": "Qm"}`,
		`{"ipfsId": "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "jsParams": [1]}`,
		`{"code": "/w==", "jsParams": null}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var req api.ExecuteRequest
		if json.Unmarshal(body, &req) != nil {
			return
		}
		in, err := parseExecuteRequest(&req, 1<<16)
		if err != nil {
			if api.KindOf(err) == api.KindInternal {
				t.Fatalf("input error reported as internal: %v", err)
			}
			return
		}
		if !in.cid.Defined() || in.inline != (len(in.code) > 0 || req.Code != "") {
			t.Fatalf("accepted %q as %+v", body, in)
		}
		if len(in.params) > 0 && in.params[0] != '{' {
			t.Fatalf("accepted jsParams %q", in.params)
		}
	})
}
