package access_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/access"
)

// eipExample is the example message of EIP-4361.
const eipExample = "service.org wants you to sign in with your Ethereum account:\n" +
	"0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n" +
	"\n" +
	"I accept the ServiceOrg Terms of Service: https://service.org/tos\n" +
	"\n" +
	"URI: https://service.org/login\n" +
	"Version: 1\n" +
	"Chain ID: 1\n" +
	"Nonce: 32891756\n" +
	"Issued At: 2021-09-30T16:25:24Z\n" +
	"Resources:\n" +
	"- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/\n" +
	"- https://example.com/my-web2-claim.json"

// fullMessage has every optional field, a scheme and no statement.
const fullMessage = "https://localhost:3000 wants you to sign in with your Ethereum account:\n" +
	"0x9D1a5EC58232A894eBFcB5e466E3075b23101B89\n" +
	"\n" +
	"\n" +
	"URI: lit:session:9ab14f1e\n" +
	"Version: 1\n" +
	"Chain ID: 1337\n" +
	"Nonce: abcdEFGH1234\n" +
	"Issued At: 2024-01-02T03:04:05.678+01:00\n" +
	"Expiration Time: 2024-01-03T03:04:05Z\n" +
	"Not Before: 2024-01-02T00:00:00Z\n" +
	"Request ID: req-1:x@y\n" +
	"Resources:\n" +
	"- litParam:city:TGlzYm9u\n" +
	"- urn:recap:eyJhdHQiOnt9fQ"

func TestParseSIWEReadsEveryField(t *testing.T) {
	m, err := access.ParseSIWE(eipExample)
	if err != nil {
		t.Fatal(err)
	}
	if m.Domain != "service.org" || m.Address.Hex() != "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2" ||
		m.Statement != "I accept the ServiceOrg Terms of Service: https://service.org/tos" ||
		m.URI != "https://service.org/login" || m.Version != "1" || m.ChainID != 1 || m.Nonce != "32891756" ||
		!m.IssuedAt.Equal(time.Date(2021, 9, 30, 16, 25, 24, 0, time.UTC)) ||
		!m.ExpirationTime.IsZero() || len(m.Resources) != 2 || m.Resources[1] != "https://example.com/my-web2-claim.json" {
		t.Errorf("parsed %+v", m)
	}

	m, err = access.ParseSIWE(fullMessage)
	if err != nil {
		t.Fatal(err)
	}
	if m.Scheme != "https" || m.Domain != "localhost:3000" || m.Statement != "" || m.ChainID != 1337 ||
		!m.IssuedAt.Equal(time.Date(2024, 1, 2, 2, 4, 5, 678e6, time.UTC)) ||
		!m.ExpirationTime.Equal(time.Date(2024, 1, 3, 3, 4, 5, 0, time.UTC)) ||
		!m.NotBefore.Equal(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)) ||
		m.RequestID != "req-1:x@y" || len(m.Resources) != 2 {
		t.Errorf("parsed %+v", m)
	}
}

func TestSIWEStringReproducesParsedMessages(t *testing.T) {
	for _, msg := range []string{eipExample, fullMessage, litAuthSig.SignedMessage} {
		m, err := access.ParseSIWE(msg)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.String(); got != msg {
			t.Errorf("String\n got: %q\nwant: %q", got, msg)
		}
	}
}

func TestParseSIWERejectsMalformedMessages(t *testing.T) {
	cases := []struct {
		name, old, new string // a change to fullMessage or eipExample
		base           string
		field          string
	}{
		{"a lower-case address", "0x9D1a5EC58232A894eBFcB5e466E3075b23101B89", "0x9d1a5ec58232a894ebfcb5e466e3075b23101b89", fullMessage, "address"},
		{"a wrong checksum", "0x9D1a5EC58232A894eBFcB5e466E3075b23101B89", "0x9D1A5EC58232A894eBFcB5e466E3075b23101B89", fullMessage, "address"},
		{"a short address", "0x9D1a5EC58232A894eBFcB5e466E3075b23101B89", "0x9D1a5EC5", fullMessage, "address"},
		{"a short nonce", "abcdEFGH1234", "abc123", fullMessage, "nonce"},
		{"a nonce with punctuation", "abcdEFGH1234", "abcd-EFGH-1234", fullMessage, "nonce"},
		{"version 2", "Version: 1", "Version: 2", fullMessage, "version"},
		{"a chain ID with letters", "Chain ID: 1337", "Chain ID: 0x539", fullMessage, "chainId"},
		{"a chain ID with a leading zero", "Chain ID: 1337", "Chain ID: 01337", fullMessage, "chainId"},
		{"a bad issued-at", "2024-01-02T03:04:05.678+01:00", "yesterday", fullMessage, "issuedAt"},
		{"a bad expiration", "Expiration Time: 2024-01-03T03:04:05Z", "Expiration Time: 2024-13-03T03:04:05Z", fullMessage, "expirationTime"},
		{"a URI without a scheme", "URI: lit:session:9ab14f1e", "URI: /login", fullMessage, "uri"},
		{"a URI with a space", "URI: lit:session:9ab14f1e", "URI: https://a b", fullMessage, "uri"},
		{"a domain with a path", "https://localhost:3000 wants", "https://localhost:3000/x wants", fullMessage, "domain"},
		{"a domain with a bad port", "https://localhost:3000 wants", "https://localhost:30a0 wants", fullMessage, "domain"},
		{"an empty domain", "https://localhost:3000 wants", " wants", fullMessage, "domain"},
		{"a different preamble", "wants you to sign in with your Ethereum account:", "wants you to sign in:", fullMessage, "domain"},
		{"fields out of order", "Expiration Time: 2024-01-03T03:04:05Z\nNot Before: 2024-01-02T00:00:00Z", "Not Before: 2024-01-02T00:00:00Z\nExpiration Time: 2024-01-03T03:04:05Z", fullMessage, "message"},
		{"a repeated field", "Request ID: req-1:x@y", "Request ID: req-1:x@y\nRequest ID: again", fullMessage, "message"},
		{"an unknown field", "Request ID: req-1:x@y", "Foo: bar", fullMessage, "message"},
		{"a bad resource", "- urn:recap:eyJhdHQiOnt9fQ", "- not a uri", fullMessage, "resources[1]"},
		{"a resource without a dash", "- urn:recap:eyJhdHQiOnt9fQ", "urn:recap:eyJhdHQiOnt9fQ", fullMessage, "resources"},
		{"an empty request ID", "Request ID: req-1:x@y", "Request ID: ", fullMessage, "requestId"},
		{"a statement with a newline", "I accept the ServiceOrg Terms of Service: https://service.org/tos\n", "I accept\nthe terms\n", eipExample, "statement"},
		{"a statement with a quote", "I accept the ServiceOrg", `I "accept" the ServiceOrg`, eipExample, "statement"},
		{"a missing empty line after the statement", "tos\n\nURI", "tos\nURI", eipExample, "statement"},
		{"the no-statement form with one empty line", "\n\n\nURI", "\n\nURI", fullMessage, "statement"},
		{"a carriage return", "Version: 1\n", "Version: 1\r\n", fullMessage, "message"},
		{"a trailing newline", "eyJhdHQiOnt9fQ", "eyJhdHQiOnt9fQ\n", fullMessage, "resources"},
		{"a missing issued-at", "\nIssued At: 2021-09-30T16:25:24Z", "", eipExample, "issuedAt"},
		{"a truncated message", "\nVersion: 1\nChain ID: 1\nNonce: 32891756\nIssued At: 2021-09-30T16:25:24Z\nResources:\n- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/\n- https://example.com/my-web2-claim.json", "", eipExample, "version"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(tc.base, tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			_, err := access.ParseSIWE(strings.Replace(tc.base, tc.old, tc.new, 1))
			var se *access.SIWEError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *SIWEError", err)
			}
			if se.Field != tc.field {
				t.Errorf("error %q names field %q, want %q", se, se.Field, tc.field)
			}
		})
	}
}

func TestParseSIWERejectsOversizedMessages(t *testing.T) {
	msg := fullMessage + strings.Repeat("\n- https://example.com/x", access.MaxSIWEMessageSize/20)
	if _, err := access.ParseSIWE(msg); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Fatalf("got %v, want a size error", err)
	}
}
