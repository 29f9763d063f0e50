package access

import (
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// RecapPrefix starts a ReCap (EIP-5573) resource in a SIWE message.
const RecapPrefix = "urn:recap:"

// Limits of one ReCap, far above what Lit's SDK writes (one resource per requested ability).
const (
	MaxRecapSize      = 8 << 10 // the resource URI, bytes
	maxRecapResources = 64
	maxRecapAbilities = 16 // per resource
	maxRecapNotaBene  = 16 // per ability
	maxRecapProofs    = 16
)

// recapStatementPrefix starts the statement a ReCap adds to its SIWE message (EIP-5573).
const recapStatementPrefix = "I further authorize the stated URI to perform the following actions on my behalf:"

// Recap is a decoded ReCap: the abilities it grants on each resource URI. A grant carrying
// restrictions (a non-empty nota bene) is kept apart in Restricted: litmesh does not interpret
// restrictions, so it never treats a restricted grant as granting anything.
type Recap struct {
	// Att maps a resource URI to the abilities ("namespace/name") granted on it without
	// restriction.
	Att map[string][]string
	// Restricted maps a resource URI to the abilities granted on it only with restrictions.
	Restricted map[string][]string
	// Proofs are the CIDs of parent delegations, as written (litmesh does not follow them).
	Proofs []string
}

// NewRecap returns the ReCap granting each request's ability on its resource, without
// restrictions: what Lit's SDK writes for resourceAbilityRequests.
func NewRecap(grants ...ResourceAbility) (*Recap, error) {
	r := &Recap{Att: map[string][]string{}}
	for _, g := range grants {
		if err := g.Resource.check(); err != nil {
			return nil, err
		}
		if !g.Ability.validFor(g.Resource.Prefix) {
			return nil, fmt.Errorf("ability %q does not apply to %s", g.Ability, g.Resource)
		}
		ab, _ := g.Ability.recap()
		key := g.Resource.String()
		if !slices.Contains(r.Att[key], ab) {
			r.Att[key] = append(r.Att[key], ab)
			slices.Sort(r.Att[key])
		}
	}
	return r, nil
}

// abilities returns every resource's abilities, restricted or not, for the statement.
func (r *Recap) abilities() map[string][]string {
	all := map[string][]string{}
	for _, m := range []map[string][]string{r.Att, r.Restricted} {
		for res, abs := range m {
			for _, a := range abs {
				if !slices.Contains(all[res], a) {
					all[res] = append(all[res], a)
				}
			}
		}
	}
	for res := range all {
		slices.Sort(all[res])
	}
	return all
}

// Statement is the human-readable text the ReCap requires at the end of the SIWE statement
// (EIP-5573, written as Lit's SDK and siwe-recap write it): resources in sorted order, and for
// each its abilities grouped by namespace, numbered.
func (r *Recap) Statement() string {
	all := r.abilities()
	resources := make([]string, 0, len(all))
	for res := range all {
		resources = append(resources, res)
	}
	slices.Sort(resources)
	var b strings.Builder
	b.WriteString(recapStatementPrefix)
	n := 1
	for _, res := range resources {
		var namespaces []string
		names := map[string][]string{}
		for _, a := range all[res] {
			ns, name, _ := strings.Cut(a, "/")
			if _, ok := names[ns]; !ok {
				namespaces = append(namespaces, ns)
			}
			names[ns] = append(names[ns], "'"+name+"'")
		}
		for _, ns := range namespaces {
			fmt.Fprintf(&b, " (%d) '%s': %s for '%s'.", n, ns, strings.Join(names[ns], ", "), res)
			n++
		}
	}
	return b.String()
}

// URN encodes the ReCap as its SIWE resource: urn:recap: followed by the unpadded base64url of
// its JSON in canonical form (RFC 8785: sorted keys, no spaces), as Lit's SDK writes it.
// Restricted grants are not written (NewRecap never makes them).
func (r *Recap) URN() string {
	resources := make([]string, 0, len(r.Att))
	for res := range r.Att {
		resources = append(resources, res)
	}
	slices.Sort(resources)
	var b strings.Builder
	b.WriteString(`{"att":{`)
	for i, res := range resources {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jcsString(res) + ":{")
		abs := slices.Clone(r.Att[res])
		slices.Sort(abs)
		for j, a := range abs {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(jcsString(a) + ":[{}]")
		}
		b.WriteByte('}')
	}
	b.WriteString(`},"prf":[`)
	for i, p := range r.Proofs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jcsString(p))
	}
	b.WriteString("]}")
	return RecapPrefix + base64.RawURLEncoding.EncodeToString([]byte(b.String()))
}

// jcsString writes a string as RFC 8785 does: only '"', '\\' and control characters escaped.
func jcsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ParseRecap decodes a urn:recap: resource strictly: unpadded base64url of a JSON object with
// exactly "att" (resource URI → "namespace/name" → list of nota-bene objects) and "prf" (a list
// of CID strings), within the size limits. Errors name what is wrong.
func ParseRecap(urn string) (*Recap, error) {
	if len(urn) > MaxRecapSize {
		return nil, fmt.Errorf("recap: %d bytes, over the %d-byte limit", len(urn), MaxRecapSize)
	}
	enc, ok := strings.CutPrefix(urn, RecapPrefix)
	if !ok {
		return nil, fmt.Errorf("recap: does not start with %q", RecapPrefix)
	}
	raw, err := base64.RawURLEncoding.Strict().DecodeString(enc)
	if err != nil {
		return nil, errors.New("recap: not unpadded base64url")
	}
	v, err := decodeJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("recap: %w", err)
	}
	if v.kind != jsonObject {
		return nil, fmt.Errorf("recap: want a JSON object, got %s", v.kind)
	}
	r := &Recap{Att: map[string][]string{}, Restricted: map[string][]string{}}
	var haveAtt, havePrf bool
	for _, m := range v.obj {
		switch m.key {
		case "att":
			haveAtt = true
			if err := r.readAtt(m.val); err != nil {
				return nil, err
			}
		case "prf":
			havePrf = true
			if m.val.kind != jsonArray {
				return nil, fmt.Errorf("recap.prf: want an array, got %s", m.val.kind)
			}
			if len(m.val.arr) > maxRecapProofs {
				return nil, fmt.Errorf("recap.prf: %d proofs, over the limit of %d", len(m.val.arr), maxRecapProofs)
			}
			for i, p := range m.val.arr {
				if p.kind != jsonString || p.str == "" || len(p.str) > 256 {
					return nil, fmt.Errorf("recap.prf[%d]: want a CID string", i)
				}
				r.Proofs = append(r.Proofs, p.str)
			}
		default:
			return nil, fmt.Errorf("recap: unknown field %q", clip(m.key))
		}
	}
	if !haveAtt || !havePrf {
		return nil, errors.New(`recap: want both "att" and "prf"`)
	}
	return r, nil
}

//nolint:gocognit // a strict decoder of a ReCap attenuation: every level's shape checked where it is read
func (r *Recap) readAtt(att jsonValue) error {
	if att.kind != jsonObject {
		return fmt.Errorf("recap.att: want an object, got %s", att.kind)
	}
	if len(att.obj) > maxRecapResources {
		return fmt.Errorf("recap.att: %d resources, over the limit of %d", len(att.obj), maxRecapResources)
	}
	for _, res := range att.obj {
		field := "recap.att[" + clip(res.key) + "]"
		if err := checkURI(res.key); err != nil {
			return fmt.Errorf("%s: %w", field, err)
		}
		if res.val.kind != jsonObject {
			return fmt.Errorf("%s: want an object of abilities, got %s", field, res.val.kind)
		}
		if len(res.val.obj) > maxRecapAbilities {
			return fmt.Errorf("%s: %d abilities, over the limit of %d", field, len(res.val.obj), maxRecapAbilities)
		}
		for _, ab := range res.val.obj {
			if !isRecapAbility(ab.key) {
				return fmt.Errorf("%s: %q is not an ability (namespace/name)", field, clip(ab.key))
			}
			nb := ab.val
			if nb.kind != jsonArray || len(nb.arr) == 0 {
				return fmt.Errorf("%s[%s]: want a non-empty list of nota-bene objects", field, ab.key)
			}
			if len(nb.arr) > maxRecapNotaBene {
				return fmt.Errorf("%s[%s]: %d nota-bene objects, over the limit of %d", field, ab.key, len(nb.arr), maxRecapNotaBene)
			}
			restricted := false
			for _, o := range nb.arr {
				if o.kind != jsonObject {
					return fmt.Errorf("%s[%s]: a nota bene must be an object, got %s", field, ab.key, o.kind)
				}
				if len(o.obj) > 0 {
					restricted = true
				}
			}
			if restricted {
				r.Restricted[res.key] = append(r.Restricted[res.key], ab.key)
			} else {
				r.Att[res.key] = append(r.Att[res.key], ab.key)
			}
		}
	}
	return nil
}

// isRecapAbility checks namespace/name, each of [a-zA-Z0-9.*_+-]+ (siwe-recap's rule).
func isRecapAbility(s string) bool {
	ns, name, ok := strings.Cut(s, "/")
	return ok && isRecapWord(ns) && isRecapWord(name)
}

func isRecapWord(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && strings.IndexByte(".*_+-", c) < 0 {
			return false
		}
	}
	return true
}

// Grants reports whether the ReCap grants req's ability on req's resource without
// restriction: some resource key it names covers the resource (the same key, or the prefix's
// wildcard, as Lit matches them) and carries the ability's namespace/name or the wildcard
// "*/*". Lit's rule that an ability must suit its resource applies first.
func (r *Recap) Grants(req ResourceAbility) bool {
	if !req.Ability.validFor(req.Resource.Prefix) {
		return false
	}
	want, _ := req.Ability.recap()
	for key, abs := range r.Att {
		res, err := ParseResource(key)
		if err != nil || !res.Covers(req.Resource) {
			continue
		}
		if slices.Contains(abs, "*/*") || slices.Contains(abs, want) {
			return true
		}
	}
	return false
}
