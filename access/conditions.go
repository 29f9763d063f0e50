package access

// Kind names one of Lit's three condition-list formats. Its value is the JSON field name the
// list travels under in requests and files.
type Kind string

// The condition-list formats.
const (
	// KindAccessControl is a list of basic EVM conditions (contractAddress,
	// standardContractType, method, parameters, returnValueTest{comparator, value}).
	KindAccessControl Kind = "accessControlConditions"
	// KindEVMContract is a list of EVM contract-call conditions (functionName, functionParams,
	// functionAbi, returnValueTest{key, comparator, value}).
	KindEVMContract Kind = "evmContractConditions"
	// KindUnified is a list mixing both, each condition tagged with a conditionType.
	KindUnified Kind = "unifiedAccessControlConditions"
)

// ConditionType is a condition's shape; in unified lists it is the conditionType field.
type ConditionType string

// The condition types litmesh evaluates.
const (
	TypeEVMBasic    ConditionType = "evmBasic"
	TypeEVMContract ConditionType = "evmContract"
)

// Operator joins two items of a list.
type Operator string

// The boolean operators. Lists are evaluated strictly left to right with no precedence:
// `a or b and c` means `(a or b) and c`, as Lit does; use a nested array to group.
const (
	OpAnd Operator = "and"
	OpOr  Operator = "or"
)

// Standard contract types and methods of basic EVM conditions.
const (
	StandardNone      = ""          // native balance (method eth_getBalance) or the user's own address (method "")
	StandardERC20     = "ERC20"     // balanceOf(address)
	StandardERC721    = "ERC721"    // ownerOf(uint256), balanceOf(address)
	StandardERC1155   = "ERC1155"   // balanceOf(address, uint256)
	StandardTimestamp = "timestamp" // latest block's timestamp (method eth_getBlockByNumber)
	StandardLitAction = "LitAction" // a Lit Action's response (contractAddress "ipfs://CID")

	MethodGetBalance       = "eth_getBalance"
	MethodGetBlockByNumber = "eth_getBlockByNumber"
	MethodBalanceOf        = "balanceOf"
	MethodOwnerOf          = "ownerOf"
)

// Placeholders that conditions may use in parameters, functionParams and returnValueTest.value.
const (
	// PlaceholderUserAddress is the address the requester proved they control.
	PlaceholderUserAddress = ":userAddress"
	// PlaceholderCurrentActionIPFSID is the CID of the Lit Action checking the conditions, or
	// "" outside an action.
	PlaceholderCurrentActionIPFSID = ":currentActionIpfsId"
	// PlaceholderLitParamPrefix starts ":litParam:NAME", replaced by the value the requester
	// signed in a SIWE resource "litParam:NAME:<base64url of the value>".
	PlaceholderLitParamPrefix = ":litParam:"
)

// Limits on conditions.
const (
	// MaxConditions is the most conditions one list may hold, counting those in nested groups.
	MaxConditions = 30
	// MaxGroupDepth is how deeply groups may nest (the top-level list is depth 1).
	MaxGroupDepth = 8
	// MaxConditionsSize is the largest JSON document of conditions Parse accepts, in bytes.
	MaxConditionsSize = 64 << 10
	// maxStringLen bounds any single string inside a condition.
	maxStringLen = 1024
)

// Conditions is a validated, normalised list of access-control conditions. Get one from Parse
// or ParseDocument: they check every field and put addresses and numbers into the normal form
// the canonical encoding relies on. Do not build or modify one by hand.
type Conditions struct {
	Kind  Kind
	Items []Item
}

// Item is one element of a list: exactly one of an operator, a nested group or a condition.
type Item struct {
	Operator  Operator
	Group     []Item
	Condition *Condition
}

// Condition is one leaf test. Basic EVM conditions use StandardContractType, Method and
// Parameters; contract-call conditions use FunctionName, FunctionParams and FunctionABI.
type Condition struct {
	// Type is the condition's shape. In unified lists it is the conditionType field; in the
	// other lists it follows from the list's kind.
	Type ConditionType

	ContractAddress string
	Chain           string

	// Basic EVM conditions.
	StandardContractType string
	Method               string
	Parameters           []string

	// Contract-call conditions.
	FunctionName   string
	FunctionParams []string
	FunctionABI    *FunctionABI

	ReturnValueTest ReturnValueTest

	// path is where the condition sits in its list, e.g. "accessControlConditions[2][0]";
	// failure reports use it.
	path string
	// lit is Lit's canonical JSON of the condition as it was given (see LitCanonical); nil
	// when Parse did not make the condition.
	lit []byte
}

// Path is where the condition sits in its list, e.g. "accessControlConditions[2][0]".
func (c *Condition) Path() string { return c.path }

// ReturnValueTest compares a condition's result with Value. Key selects a named output of a
// contract call ("" means the first); basic conditions have no key.
type ReturnValueTest struct {
	Key        string
	Comparator string
	Value      string
}

// FunctionABI is the ABI fragment of the view function a contract-call condition calls.
type FunctionABI struct {
	Name            string
	Inputs          []ABIParam
	Outputs         []ABIParam
	Constant        bool
	StateMutability string
}

// ABIParam is one input or output of a FunctionABI.
type ABIParam struct {
	Name string
	Type string
}

// Count is the number of conditions in the list, nested groups included.
func (c *Conditions) Count() int { return countConditions(c.Items) }

func countConditions(items []Item) int {
	n := 0
	for _, it := range items {
		switch {
		case it.Condition != nil:
			n++
		case it.Group != nil:
			n += countConditions(it.Group)
		}
	}
	return n
}

// Chains lists the distinct chain names the conditions read, in order of first use.
func (c *Conditions) Chains() []string {
	var out []string
	seen := map[string]bool{}
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			switch {
			case it.Group != nil:
				walk(it.Group)
			case it.Condition != nil && !seen[it.Condition.Chain]:
				seen[it.Condition.Chain] = true
				out = append(out, it.Condition.Chain)
			}
		}
	}
	walk(c.Items)
	return out
}
