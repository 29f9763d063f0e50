package access

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// SIWEMessage is a Sign-In with Ethereum (EIP-4361) message.
//
// ParseSIWE accepts exactly the messages String writes: the ABNF of EIP-4361, and additionally
// an EIP-55 checksummed address, a chain ID without leading zeros, a non-empty statement and
// request ID when present, and no carriage returns. For every message ParseSIWE accepts,
// String reproduces it byte for byte.
type SIWEMessage struct {
	Scheme    string // optional scheme of the requesting origin, e.g. "https"
	Domain    string // RFC 3986 authority requesting the signature
	Address   common.Address
	Statement string // "" when the message has none
	URI       string
	Version   string // "1"
	ChainID   uint64
	Nonce     string // at least 8 letters or digits
	IssuedAt  time.Time
	// ExpirationTime and NotBefore are zero when the message has none.
	ExpirationTime time.Time
	NotBefore      time.Time
	RequestID      string // "" when the message has none
	// Resources are the URIs after "Resources:". nil means no Resources section; an empty,
	// non-nil slice means a "Resources:" line with no entries.
	Resources []string

	// The timestamps as written in a parsed message, so String gives back the same bytes.
	issuedAtText, expirationText, notBeforeText string
}

// SIWEError is a ParseSIWE failure: the field (in Lit's camelCase, e.g. "expirationTime", or
// "message" for the whole) and what is wrong with it.
type SIWEError struct {
	Field  string
	Reason string
}

func (e *SIWEError) Error() string { return e.Field + ": " + e.Reason }

func siweErr(field, format string, args ...any) *SIWEError {
	return &SIWEError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// MaxSIWEMessageSize bounds a SIWE message ParseSIWE reads, in bytes.
const MaxSIWEMessageSize = 16 << 10

const (
	siwePreamble   = " wants you to sign in with your Ethereum account:"
	tagURI         = "URI: "
	tagVersion     = "Version: "
	tagChainID     = "Chain ID: "
	tagNonce       = "Nonce: "
	tagIssuedAt    = "Issued At: "
	tagExpiration  = "Expiration Time: "
	tagNotBefore   = "Not Before: "
	tagRequestID   = "Request ID: "
	tagResources   = "Resources:"
	resourcePrefix = "- "
)

// siweTimeLayout is how String writes times it did not parse: JavaScript's toISOString form.
const siweTimeLayout = "2006-01-02T15:04:05.000Z"

// ParseSIWE parses an EIP-4361 message strictly. Errors name the offending field.
//
//nolint:funlen,gocognit // EIP-4361 parsed line by line in the order the standard fixes, each line's errors in place
func ParseSIWE(msg string) (*SIWEMessage, error) {
	if len(msg) > MaxSIWEMessageSize {
		return nil, siweErr("message", "%d bytes, more than %d", len(msg), MaxSIWEMessageSize)
	}
	if strings.ContainsRune(msg, '\r') {
		return nil, siweErr("message", "contains a carriage return (lines end with \\n only)")
	}
	lines := strings.Split(msg, "\n")
	next := 0
	line := func() (string, bool) {
		if next >= len(lines) {
			return "", false
		}
		next++
		return lines[next-1], true
	}
	tagged := func(field, tag string) (string, error) {
		l, ok := line()
		if !ok {
			return "", siweErr(field, "missing (message ends early)")
		}
		v, ok := strings.CutPrefix(l, tag)
		if !ok {
			return "", siweErr(field, "line %d must start with %q", next, tag)
		}
		return v, nil
	}

	m := &SIWEMessage{}
	first, _ := line()
	origin, ok := strings.CutSuffix(first, siwePreamble)
	if !ok {
		return nil, siweErr("domain", "line 1 must be %q", "<domain>"+siwePreamble)
	}
	if scheme, rest, ok := strings.Cut(origin, "://"); ok {
		if !isScheme(scheme) {
			return nil, siweErr("scheme", "invalid scheme %q", scheme)
		}
		m.Scheme, origin = scheme, rest
	}
	if err := checkAuthority(origin); err != nil {
		return nil, siweErr("domain", "%v", err)
	}
	m.Domain = origin

	addr, ok := line()
	if !ok {
		return nil, siweErr("address", "missing (message ends early)")
	}
	if !isAddress(addr) {
		return nil, siweErr("address", "line 2 must be a 0x-prefixed 20-byte address, got %q", clip(addr))
	}
	m.Address = common.HexToAddress(addr)
	if m.Address.Hex() != addr {
		return nil, siweErr("address", "%s is not in EIP-55 checksum form (%s)", addr, m.Address.Hex())
	}

	if l, ok := line(); !ok || l != "" {
		return nil, siweErr("statement", "line 3 must be empty")
	}
	l, ok := line()
	if !ok {
		return nil, siweErr("uri", "missing (message ends early)")
	}
	if strings.HasPrefix(l, tagURI) {
		return nil, siweErr("statement", "line 4 must be empty when there is no statement (EIP-4361 puts two empty lines between the address and the URI)")
	}
	if l != "" { // a statement, then an empty line
		if err := checkStatement(l); err != nil {
			return nil, siweErr("statement", "%v", err)
		}
		m.Statement = l
		if l, ok := line(); !ok || l != "" {
			return nil, siweErr("statement", "must be followed by an empty line")
		}
	}

	var err error
	if m.URI, err = tagged("uri", tagURI); err != nil {
		return nil, err
	}
	if err := checkURI(m.URI); err != nil {
		return nil, siweErr("uri", "%v", err)
	}
	if m.Version, err = tagged("version", tagVersion); err != nil {
		return nil, err
	}
	if m.Version != "1" {
		return nil, siweErr("version", "must be 1, got %q", clip(m.Version))
	}
	chainID, err := tagged("chainId", tagChainID)
	if err != nil {
		return nil, err
	}
	if m.ChainID, err = parseChainID(chainID); err != nil {
		return nil, siweErr("chainId", "%v", err)
	}
	if m.Nonce, err = tagged("nonce", tagNonce); err != nil {
		return nil, err
	}
	if err := checkNonce(m.Nonce); err != nil {
		return nil, siweErr("nonce", "%v", err)
	}
	if m.issuedAtText, err = tagged("issuedAt", tagIssuedAt); err != nil {
		return nil, err
	}
	if m.IssuedAt, err = parseSIWETime(m.issuedAtText); err != nil {
		return nil, siweErr("issuedAt", "%v", err)
	}

	// The optional fields, each at most once and in this order.
	l, more := line()
	if v, ok := strings.CutPrefix(l, tagExpiration); more && ok {
		if m.ExpirationTime, err = parseSIWETime(v); err != nil {
			return nil, siweErr("expirationTime", "%v", err)
		}
		m.expirationText = v
		l, more = line()
	}
	if v, ok := strings.CutPrefix(l, tagNotBefore); more && ok {
		if m.NotBefore, err = parseSIWETime(v); err != nil {
			return nil, siweErr("notBefore", "%v", err)
		}
		m.notBeforeText = v
		l, more = line()
	}
	if v, ok := strings.CutPrefix(l, tagRequestID); more && ok {
		if err := checkRequestID(v); err != nil {
			return nil, siweErr("requestId", "%v", err)
		}
		m.RequestID = v
		l, more = line()
	}
	if more && l == tagResources {
		m.Resources = []string{}
		for {
			r, ok := line()
			if !ok {
				break
			}
			v, ok := strings.CutPrefix(r, resourcePrefix)
			if !ok {
				return nil, siweErr("resources", "line %d must start with %q", next, resourcePrefix)
			}
			if err := checkURI(v); err != nil {
				return nil, siweErr(fmt.Sprintf("resources[%d]", len(m.Resources)), "%v", err)
			}
			m.Resources = append(m.Resources, v)
		}
		more = false
	}
	if more {
		return nil, siweErr("message", "unexpected line %d %q (fields out of order, repeated, unknown, or a trailing newline)", next, clip(l))
	}
	return m, nil
}

// String writes the message in EIP-4361 form.
func (m *SIWEMessage) String() string {
	var b strings.Builder
	if m.Scheme != "" {
		b.WriteString(m.Scheme + "://")
	}
	b.WriteString(m.Domain + siwePreamble + "\n")
	b.WriteString(m.Address.Hex() + "\n\n")
	if m.Statement != "" {
		b.WriteString(m.Statement + "\n")
	}
	b.WriteString("\n")
	b.WriteString(tagURI + m.URI + "\n")
	b.WriteString(tagVersion + m.Version + "\n")
	b.WriteString(tagChainID + strconv.FormatUint(m.ChainID, 10) + "\n")
	b.WriteString(tagNonce + m.Nonce + "\n")
	b.WriteString(tagIssuedAt + timeText(m.IssuedAt, m.issuedAtText))
	if !m.ExpirationTime.IsZero() {
		b.WriteString("\n" + tagExpiration + timeText(m.ExpirationTime, m.expirationText))
	}
	if !m.NotBefore.IsZero() {
		b.WriteString("\n" + tagNotBefore + timeText(m.NotBefore, m.notBeforeText))
	}
	if m.RequestID != "" {
		b.WriteString("\n" + tagRequestID + m.RequestID)
	}
	if m.Resources != nil {
		b.WriteString("\n" + tagResources)
		for _, r := range m.Resources {
			b.WriteString("\n" + resourcePrefix + r)
		}
	}
	return b.String()
}

// timeText is the text a time was parsed from, if it still says the same instant; otherwise
// the time in toISOString form.
func timeText(t time.Time, parsed string) string {
	if parsed != "" {
		if p, err := parseSIWETime(parsed); err == nil && p.Equal(t) {
			return parsed
		}
	}
	return t.UTC().Format(siweTimeLayout)
}

func parseSIWETime(s string) (time.Time, error) {
	if len(s) > 40 {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 date-time", clip(s))
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 date-time", s)
	}
	if t.IsZero() {
		return time.Time{}, fmt.Errorf("%q is not a usable time", s)
	}
	return t, nil
}

func parseChainID(s string) (uint64, error) {
	if s == "" || len(s) > 20 || s[0] == '0' && len(s) > 1 {
		return 0, fmt.Errorf("%q is not a chain ID (digits, no leading zeros)", clip(s))
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("%q is not a chain ID (digits, no leading zeros)", clip(s))
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is out of range", s)
	}
	return n, nil
}

func checkNonce(s string) error {
	if len(s) < 8 || len(s) > 128 {
		return fmt.Errorf("%q must be 8 to 128 letters or digits", clip(s))
	}
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) {
			return fmt.Errorf("%q must be 8 to 128 letters or digits", clip(s))
		}
	}
	return nil
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// RFC 3986 character classes.
func isUnreserved(c byte) bool { return isAlnum(c) || strings.IndexByte("-._~", c) >= 0 }
func isSubDelim(c byte) bool   { return strings.IndexByte("!$&'()*+,;=", c) >= 0 }
func isGenDelim(c byte) bool   { return strings.IndexByte(":/?#[]@", c) >= 0 }

func isScheme(s string) bool {
	if s == "" || len(s) > 64 || !('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isAlnum(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.' {
			return false
		}
	}
	return true
}

// checkChars checks that s is made of the bytes ok allows, or "%" followed by two hex digits.
func checkChars(s string, pct bool, ok func(byte) bool) error {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && pct {
			if i+2 >= len(s) || !isHexDigit(s[i+1]) || !isHexDigit(s[i+2]) {
				return fmt.Errorf("bad percent-encoding at byte %d", i)
			}
			i += 2
			continue
		}
		if !ok(c) {
			return fmt.Errorf("character %q at byte %d is not allowed", c, i)
		}
	}
	return nil
}

// checkAuthority checks an RFC 3986 authority: [userinfo "@"] host [":" port].
func checkAuthority(s string) error {
	if s == "" || len(s) > 255 {
		return errors.New("empty or longer than 255 bytes")
	}
	hostport := s
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		userinfo := s[:i]
		hostport = s[i+1:]
		if err := checkChars(userinfo, true, func(c byte) bool { return isUnreserved(c) || isSubDelim(c) || c == ':' }); err != nil {
			return fmt.Errorf("userinfo: %w", err)
		}
	}
	host, port := hostport, ""
	if strings.HasPrefix(hostport, "[") {
		end := strings.IndexByte(hostport, ']')
		if end < 0 {
			return errors.New("unclosed IP literal")
		}
		host, port = hostport[:end+1], hostport[end+1:]
		if err := checkChars(host[1:end], false, func(c byte) bool { return isHexDigit(c) || c == ':' || c == '.' }); err != nil || end == 1 {
			return errors.New("bad IP literal")
		}
		if port != "" {
			p, ok := strings.CutPrefix(port, ":")
			if !ok {
				return errors.New("junk after IP literal")
			}
			port = p
		}
	} else if i := strings.LastIndexByte(hostport, ':'); i >= 0 {
		host, port = hostport[:i], hostport[i+1:]
	}
	if host == "" {
		return errors.New("missing host")
	}
	if !strings.HasPrefix(host, "[") {
		if err := checkChars(host, true, func(c byte) bool { return isUnreserved(c) || isSubDelim(c) }); err != nil {
			return fmt.Errorf("host: %w", err)
		}
	}
	if err := checkChars(port, false, func(c byte) bool { return '0' <= c && c <= '9' }); err != nil {
		return fmt.Errorf("port: %w", err)
	}
	return nil
}

// checkURI checks an RFC 3986 URI: a scheme, a colon, then only URI characters.
func checkURI(s string) error {
	if len(s) > 8192 {
		return errors.New("longer than 8192 bytes")
	}
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || !isScheme(scheme) {
		return fmt.Errorf("%q is not a URI (no scheme)", clip(s))
	}
	if err := checkChars(rest, true, func(c byte) bool { return isUnreserved(c) || isSubDelim(c) || isGenDelim(c) }); err != nil {
		return fmt.Errorf("%q is not a URI: %w", clip(s), err)
	}
	if _, err := url.Parse(s); err != nil {
		return fmt.Errorf("%q is not a URI", clip(s))
	}
	return nil
}

// checkStatement allows what EIP-4361 allows: RFC 3986 reserved and unreserved characters and
// spaces.
func checkStatement(s string) error {
	if len(s) > 4096 {
		return errors.New("longer than 4096 bytes")
	}
	return checkChars(s, false, func(c byte) bool { return isUnreserved(c) || isSubDelim(c) || isGenDelim(c) || c == ' ' })
}

// checkRequestID allows RFC 3986 pchars.
func checkRequestID(s string) error {
	if s == "" || len(s) > 256 {
		return errors.New("must be 1 to 256 bytes")
	}
	return checkChars(s, true, func(c byte) bool { return isUnreserved(c) || isSubDelim(c) || c == ':' || c == '@' })
}
