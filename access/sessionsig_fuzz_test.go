package access_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/litmesh/litmesh/access"
)

// goldenSeeds are the session signatures Lit's SDK made (testdata/sessionsigs_lit_v7.json).
func goldenSeeds(f *testing.F) (*golden, []access.AuthSig) {
	raw, err := os.ReadFile("testdata/sessionsigs_lit_v7.json")
	if err != nil {
		f.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(raw, &g); err != nil {
		f.Fatal(err)
	}
	var out []access.AuthSig
	for _, c := range g.Cases {
		for _, n := range g.Nodes {
			out = append(out, c.SessionSigs[n])
		}
	}
	return &g, out
}

// FuzzParseSessionMessage: any signed message either fails with an error or parses into one
// that writes back as JSON that parses to the same message.
func FuzzParseSessionMessage(f *testing.F) {
	_, seeds := goldenSeeds(f)
	for _, s := range seeds {
		f.Add(s.SignedMessage)
	}
	f.Add(`{"sessionKey":"","resourceAbilityRequests":[],"capabilities":[{}],"issuedAt":"","expiration":"","nodeAddress":""}`)
	f.Add(`{"maxPrice":"0x1"}`)
	f.Fuzz(func(t *testing.T, msg string) {
		m, err := access.ParseSessionMessage(msg)
		if err != nil {
			return
		}
		out, err := m.Marshal()
		if err != nil {
			t.Fatalf("a parsed message does not write back: %v", err)
		}
		again, err := access.ParseSessionMessage(string(out))
		if err != nil {
			t.Fatalf("the written message does not parse: %v\n%s", err, out)
		}
		if len(again.Requests) != len(m.Requests) || len(again.Capabilities) != len(m.Capabilities) || again.NodeAddress != m.NodeAddress {
			t.Fatalf("round trip changed the message:\n%+v\n%+v", m, again)
		}
	})
}

// FuzzParseRecap: any ReCap either fails or re-encodes (when it holds no restrictions) to one
// that parses to the same grants; its statement never panics.
func FuzzParseRecap(f *testing.F) {
	f.Add(access.RecapPrefix + b64(`{"att":{"lit-pkp://*":{"Threshold/Signing":[{}]}},"prf":[]}`))
	f.Add(access.RecapPrefix + b64(`{"att":{"lit-litaction://Qm":{"*/*":[{"a":1}]}},"prf":["bafy"]}`))
	f.Add(access.RecapPrefix + "eyJhdHQiOnt9LCJwcmYiOltdfQ")
	f.Add("urn:recap:")
	f.Fuzz(func(t *testing.T, urn string) {
		rc, err := access.ParseRecap(urn)
		if err != nil {
			return
		}
		_ = rc.Statement()
		if len(rc.Restricted) > 0 {
			return
		}
		again, err := access.ParseRecap(rc.URN())
		if err != nil {
			t.Fatalf("re-encoded ReCap does not parse: %v", err)
		}
		if again.Statement() != rc.Statement() {
			t.Fatalf("re-encoding changed the grants:\n%s\n%s", rc.Statement(), again.Statement())
		}
	})
}

// FuzzVerifySessionSig: verifying arbitrary session signatures never panics, and nothing but
// the genuine seeds verifies (the fuzzer cannot forge an ed25519 or a wallet signature).
func FuzzVerifySessionSig(f *testing.F) {
	g, seeds := goldenSeeds(f)
	for _, s := range seeds {
		raw, _ := json.Marshal(s)
		f.Add(raw)
	}
	f.Add([]byte(`{"sig":"00","derivedVia":"litSessionSignViaNacl","signedMessage":"{}","address":"00","algo":"ed25519"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := access.ParseAuthSig(data)
		if err != nil {
			return
		}
		m, err := access.ParseSessionMessage(a.SignedMessage)
		if err != nil {
			return
		}
		opts := access.SessionOptions{NodeAddresses: g.Nodes, Request: access.ExecutionRequest(g.ActionCID), Now: m.IssuedAt}
		if _, err := access.VerifySessionSig(context.Background(), a, opts); err != nil {
			return
		}
		for _, s := range seeds {
			if s.SignedMessage == a.SignedMessage {
				return
			}
		}
		t.Fatalf("verified a session signature that is no seed: %s", data)
	})
}
