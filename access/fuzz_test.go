package access_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/access"
)

// FuzzParse: any input either fails with an error or yields conditions within the limits whose
// canonical form is a fixed point (parses back to the same bytes).
func FuzzParse(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "canonical", "*.json"))
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("[" + balanceCond + `,{"operator":"or"},[` + erc721Owner + "]]"))
	f.Add([]byte("[" + contractCond + "]"))
	f.Add([]byte(`[[[[[]]]]]`))
	f.Add([]byte(`{"accessControlConditions":[{"operator":"and"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := access.ParseDocument(data)
		if err != nil {
			return
		}
		if n := c.Count(); n < 1 || n > access.MaxConditions {
			t.Fatalf("%d conditions", n)
		}
		canon := c.Canonical()
		again, err := access.Parse(c.Kind, canon)
		if err != nil {
			t.Fatalf("canonical form does not parse: %v\n%s", err, canon)
		}
		if string(again.Canonical()) != string(canon) {
			t.Fatalf("canonical form is not a fixed point:\n%s\n%s", canon, again.Canonical())
		}
		if !json.Valid(canon) {
			t.Fatalf("canonical form is not JSON: %s", canon)
		}
		// Lit's canonical form is what the SDK sends to the nodes: it parses to conditions
		// with the same Lit hash and the same litmesh normal form (what is evaluated).
		lit := c.LitCanonical()
		if !json.Valid(lit) {
			t.Fatalf("Lit canonical form is not JSON: %s", lit)
		}
		sent, err := access.Parse(c.Kind, lit)
		if err != nil {
			t.Fatalf("Lit canonical form does not parse: %v\n%s", err, lit)
		}
		if string(sent.LitCanonical()) != string(lit) || sent.Hash() != c.Hash() {
			t.Fatalf("Lit canonical form changes the conditions:\n%s\n%s\n%s", lit, canon, sent.Canonical())
		}
	})
}

// FuzzParseSIWE: the parser never panics, and what it accepts it prints back byte for byte.
func FuzzParseSIWE(f *testing.F) {
	f.Add(eipExample)
	f.Add(fullMessage)
	f.Add(litAuthSig.SignedMessage)
	f.Add("a wants you to sign in with your Ethereum account:\n")
	f.Fuzz(func(t *testing.T, msg string) {
		m, err := access.ParseSIWE(msg)
		if err != nil {
			return
		}
		if got := m.String(); got != msg {
			t.Fatalf("String does not reproduce the message\n got: %q\nwant: %q", got, msg)
		}
	})
}

// FuzzParseAuthSig: parsing and verifying arbitrary authSig JSON never panics, and nothing
// verifies without a valid signature by the message's address (the fuzzer cannot forge one, so
// only the seed that is genuinely signed may pass).
func FuzzParseAuthSig(f *testing.F) {
	good, _ := json.Marshal(litAuthSig)
	f.Add(good)
	f.Add([]byte(`{"sig":"0x","derivedVia":"web3.eth.personal.sign","signedMessage":"x","address":"0x0000000000000000000000000000000000000000"}`))
	f.Add([]byte(`{"sig":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := access.ParseAuthSig(data)
		if err != nil {
			return
		}
		auth, err := a.Verify(access.VerifyOptions{Now: time.Date(2022, 6, 3, 6, 0, 0, 0, time.UTC)})
		if err != nil {
			return
		}
		// r and s must be the seed's; v may be spelt 27/28 or 0/1, hex in any case.
		if a.SignedMessage != litAuthSig.SignedMessage || !strings.EqualFold(a.Sig[:130], litAuthSig.Sig[:130]) {
			t.Fatalf("verified an authSig that is not the signed seed: %+v -> %s", a, auth.Address.Hex())
		}
	})
}
