package chain

import (
	"net/url"
	"strings"
)

// RedactURL returns an RPC endpoint's URL fit for errors, logs and status: its scheme and host
// only. Operators' RPC URLs usually carry an API key — in the path (…/v3/KEY), the query or
// the user info — and whoever reads an error, a log line or a status page must not learn it.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "(RPC endpoint)"
	}
	out := u.Scheme + "://" + u.Host
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil || u.Fragment != "" {
		out += "/…"
	}
	return out
}

// ScrubURL removes the secret-bearing parts of rawURL (user info, path, query, fragment) from
// s, wherever they appear: Go's HTTP client quotes the whole URL in its errors.
func ScrubURL(s, rawURL string) string {
	if rawURL == "" {
		return s
	}
	s = strings.ReplaceAll(s, rawURL, RedactURL(rawURL))
	u, err := url.Parse(rawURL)
	if err != nil {
		return s
	}
	s = strings.ReplaceAll(s, u.Redacted(), RedactURL(rawURL))
	for _, part := range secretParts(u) {
		s = strings.ReplaceAll(s, part, "…")
	}
	return s
}

// secretParts are the pieces of u that may hold a credential, longest first.
func secretParts(u *url.URL) []string {
	var parts []string
	for _, p := range []string{u.RawQuery, u.EscapedPath(), u.Path, u.Fragment} {
		if len(p) > 1 {
			parts = append(parts, p)
		}
	}
	if u.User != nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			parts = append(parts, pw)
		}
		if name := u.User.Username(); len(name) > 1 {
			parts = append(parts, name)
		}
	}
	return parts
}

// scrubbedError hides an endpoint's URL in the text of an error from its transport, keeping
// the error chain for errors.Is and errors.As.
type scrubbedError struct {
	err error
	url string
}

func (e *scrubbedError) Error() string { return ScrubURL(e.err.Error(), e.url) }
func (e *scrubbedError) Unwrap() error { return e.err }

func scrub(err error, rawURL string) error {
	if err == nil {
		return nil
	}
	return &scrubbedError{err: err, url: rawURL}
}
