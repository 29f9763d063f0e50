package runtime

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestURLParseAsWHATWG(t *testing.T) {
	cases := []struct{ in, base, href string }{
		{"https://EXAMPLE.com:443/a/./b/../c?q=a b#f g", "", "https://example.com/a/c?q=a%20b#f%20g"},
		{"HTTP://example.com", "", "http://example.com/"},
		{"http://example.com:8080/x", "", "http://example.com:8080/x"},
		{"../y?z", "https://h.io/a/b/c", "https://h.io/a/y?z"},
		{"//other.org/p", "https://h.io/", "https://other.org/p"},
		{"https://bücher.example/", "", "https://xn--bcher-kva.example/"},
		{`https:\\host\path`, "", "https://host/path"},
		{"mailto:ada@example.com", "", "mailto:ada@example.com"},
		{"http://[::1]:80/", "", "http://[::1]/"},
	}
	for _, c := range cases {
		args := []string{c.in}
		if c.base != "" {
			args = append(args, c.base)
		}
		v, err := nativeURLParse(args)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		p := v.(urlParts)
		href := p.Protocol
		if p.Opaque {
			href += p.Pathname + p.Search + p.Hash
		} else {
			host := p.Hostname
			if p.Port != "" {
				host += ":" + p.Port
			}
			href += "//" + host + p.Pathname + p.Search + p.Hash
		}
		if href != c.href {
			t.Errorf("%q (base %q): %s, want %s", c.in, c.base, href, c.href)
		}
	}
	for _, bad := range []string{"", "not a url", "http://", "http://h:99999/", "/relative"} {
		if _, err := nativeURLParse([]string{bad}); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// FuzzURLParse feeds actions' URL strings to the parser behind the URL class: it must never
// panic, and what it accepts must be printable components.
func FuzzURLParse(f *testing.F) {
	for _, s := range []string{"https://a.b/c?d#e", "../x", "http://[::1]:8/", "mailto:x", "https://ü.de/%zz"} {
		f.Add(s, "https://base.io/a/b")
	}
	f.Fuzz(func(t *testing.T, in, base string) {
		v, err := nativeURLParse([]string{in, base})
		if err != nil {
			return
		}
		b, err := json.Marshal(v)
		if err != nil || strings.ContainsAny(string(b), "\x00") {
			t.Fatalf("parsed %q into %s (%v)", in, b, err)
		}
	})
}

// FuzzPEMKey feeds actions' keys (jwt) to the PEM reader: it must never panic.
func FuzzPEMKey(f *testing.F) {
	f.Add("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n")
	f.Add("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = nativePEMKey([]string{s})
		_, _ = nativeImportKeyDER([]string{"spki", s})
	})
}
