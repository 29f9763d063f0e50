package access

import (
	"fmt"
	"math/big"
	"strings"
)

// The Lit resource prefixes: the schemes of the resource URIs capabilities name, as Lit's SDK
// (LIT_RESOURCE_PREFIX) and nodes spell them.
const (
	PrefixAccessControlCondition = "lit-accesscontrolcondition"
	PrefixPKP                    = "lit-pkp"
	PrefixLitAction              = "lit-litaction"
	PrefixRateLimitIncrease      = "lit-ratelimitincrease"
)

// Ability is one of Lit's abilities (LIT_ABILITY): what a session may do with a resource.
type Ability string

// The abilities, with Lit's names.
const (
	AbilityDecryption        Ability = "access-control-condition-decryption"
	AbilityConditionSigning  Ability = "access-control-condition-signing"
	AbilityPKPSigning        Ability = "pkp-signing"
	AbilityRateLimitIncrease Ability = "rate-limit-increase-auth"
	AbilityExecution         Ability = "lit-action-execution"
)

// recap is the ReCap namespace/name an ability is granted under (Lit's
// getRecapNamespaceAndAbility): decryption is Threshold/Decryption, both signing abilities are
// Threshold/Signing, execution is Threshold/Execution.
func (a Ability) recap() (string, bool) {
	switch a {
	case AbilityDecryption:
		return "Threshold/Decryption", true
	case AbilityConditionSigning, AbilityPKPSigning:
		return "Threshold/Signing", true
	case AbilityRateLimitIncrease:
		return "Auth/Auth", true
	case AbilityExecution:
		return "Threshold/Execution", true
	}
	return "", false
}

// validFor reports whether the ability applies to resources of the prefix (Lit's
// isValidLitAbility).
func (a Ability) validFor(prefix string) bool {
	switch prefix {
	case PrefixAccessControlCondition:
		return a == AbilityDecryption || a == AbilityConditionSigning
	case PrefixPKP:
		return a == AbilityPKPSigning
	case PrefixLitAction:
		return a == AbilityExecution
	case PrefixRateLimitIncrease:
		return a == AbilityRateLimitIncrease
	}
	return false
}

// Resource is a Lit resource, written prefix://id. The id "*" is the wildcard: every resource
// of the prefix.
type Resource struct {
	Prefix string
	ID     string
}

// String is the resource key, prefix://id.
func (r Resource) String() string { return r.Prefix + "://" + r.ID }

// ParseResource splits a resource key prefix://id, refusing unknown prefixes.
func ParseResource(key string) (Resource, error) {
	prefix, id, ok := strings.Cut(key, "://")
	if !ok {
		return Resource{}, fmt.Errorf("%q is not a Lit resource (prefix://id)", clip(key))
	}
	r := Resource{Prefix: prefix, ID: id}
	if err := r.check(); err != nil {
		return Resource{}, err
	}
	return r, nil
}

func (r Resource) check() error {
	switch r.Prefix {
	case PrefixAccessControlCondition, PrefixPKP, PrefixLitAction, PrefixRateLimitIncrease:
	default:
		return fmt.Errorf("unknown resource prefix %q", clip(r.Prefix))
	}
	if r.ID == "" || len(r.ID) > 256 {
		return fmt.Errorf("resource %s: the id must be 1 to 256 bytes", clip(r.String()))
	}
	for i := 0; i < len(r.ID); i++ {
		if c := r.ID[i]; c <= ' ' || c >= 0x7f {
			return fmt.Errorf("resource %s: the id may hold only printable ASCII", clip(r.String()))
		}
	}
	return nil
}

// normalID is the form ids of the prefix are compared in: PKP token ids as 64 lowercase hex
// digits (Lit's SDK pads them to 32 bytes and drops 0x), condition hashes in lowercase; a
// Lit Action CID is case-sensitive and kept as it is.
func (r Resource) normalID() string {
	switch r.Prefix {
	case PrefixPKP:
		if r.ID == "*" {
			return r.ID
		}
		s := strings.ToLower(strings.TrimPrefix(r.ID, "0x"))
		if len(s) < 64 && isHex(s) {
			s = strings.Repeat("0", 64-len(s)) + s
		}
		return s
	case PrefixAccessControlCondition:
		return strings.ToLower(r.ID)
	}
	return r.ID
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHexDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// Covers reports whether a grant on r includes the resource req: the same prefix, and r's id
// is the wildcard or the same id. A grant on the conditions hash alone
// (lit-accesscontrolcondition://<hash>) also covers every data hash encrypted under those
// conditions (<hash>/<data hash>), which Lit's own grants spell out one by one.
func (r Resource) Covers(req Resource) bool {
	if r.Prefix != req.Prefix {
		return false
	}
	have, want := r.normalID(), req.normalID()
	if have == "*" || have == want {
		return true
	}
	if r.Prefix == PrefixAccessControlCondition && !strings.Contains(have, "/") {
		hash, _, ok := strings.Cut(want, "/")
		return ok && hash == have
	}
	return false
}

// ResourceAbility is a request to use an ability on a resource: what one node request needs,
// and what a session asks for in its resourceAbilityRequests.
type ResourceAbility struct {
	Resource Resource
	Ability  Ability
}

func (ra ResourceAbility) String() string {
	return string(ra.Ability) + " on " + ra.Resource.String()
}

// DecryptionRequest is the resource a decryption share request needs, as Lit's nodes build
// it: Threshold/Decryption on lit-accesscontrolcondition://<conditions hash>/<data hash>, both
// hashes in lowercase hex. The conditions hash is Lit's (Conditions.LitHash), the one Lit's
// SDK puts in the resource.
func DecryptionRequest(conditionsHash, dataHash [32]byte) ResourceAbility {
	return ResourceAbility{
		Resource: Resource{Prefix: PrefixAccessControlCondition, ID: fmt.Sprintf("%x/%x", conditionsHash, dataHash)},
		Ability:  AbilityDecryption,
	}
}

// PKPSigningRequest is the resource a PKP signature needs: Threshold/Signing on
// lit-pkp://<token id as 64 hex digits>.
func PKPSigningRequest(tokenID *big.Int) ResourceAbility {
	var b [32]byte
	tokenID.FillBytes(b[:])
	return ResourceAbility{Resource: Resource{Prefix: PrefixPKP, ID: fmt.Sprintf("%x", b)}, Ability: AbilityPKPSigning}
}

// ExecutionRequest is the resource running a Lit Action needs: Threshold/Execution on
// lit-litaction://<CID> (for inline code, the CID `ipfs add` gives the code).
func ExecutionRequest(cid string) ResourceAbility {
	return ResourceAbility{Resource: Resource{Prefix: PrefixLitAction, ID: cid}, Ability: AbilityExecution}
}
