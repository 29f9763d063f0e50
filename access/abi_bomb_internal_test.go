package access

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// echoChain answers every call with fixed bytes, as the identity precompile (0x…04) echoes
// its input: the attacker chooses what comes back.
type echoChain struct{ out []byte }

func (e echoChain) BalanceAt(context.Context, common.Address, *big.Int) (*big.Int, error) {
	return new(big.Int), nil
}

func (e echoChain) CallContract(context.Context, ethereum.CallMsg, *big.Int) ([]byte, error) {
	return e.out, nil
}

func (e echoChain) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return &types.Header{Number: new(big.Int)}, nil
}

// poisonedOutput is the condition of the attack in issue 19: a view call to the identity
// precompile declaring an output of 10^12 booleans.
const poisonedOutput = `[{"contractAddress":"0x0000000000000000000000000000000000000004","functionName":"f","functionParams":[],` +
	`"functionAbi":{"name":"f","inputs":[],"outputs":[{"name":"bomb","type":"bool[9999][9999][9999][1]"},{"name":"ok","type":"bool"}],"stateMutability":"view"},` +
	`"chain":"litdevnet","returnValueTest":{"key":"ok","comparator":"=","value":"true"}}]`

const bombChildEnv = "LITMESH_ABI_BOMB_CHILD"

// TestAPoisonedOutputTypeCannotExhaustMemory is the attack of issue 19 (one `lit decrypt`
// killed every node with "fatal error: runtime: out of memory"): go-ethereum's decoder checks
// only an array's outer length against the returned bytes and allocates the rest, so declaring
// bool[9999][9999][9999][1] makes it allocate 10^12 bytes before reading one. A fatal
// out-of-memory error cannot be recovered. The attack runs in a child process whose address
// space is capped at 2 GiB, so the machine running the test never sees the allocation: without
// the bounds the child dies; with them it refuses the type when parsing and, for outputs built
// without Parse, refuses the returned data before decoding it.
func TestAPoisonedOutputTypeCannotExhaustMemory(t *testing.T) {
	if os.Getenv(bombChildEnv) == "1" {
		runBombChild()
		return
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to cap the child's memory with ulimit")
	}
	cmd := exec.Command("sh", "-c", `ulimit -v 2097152 && exec "$0" -test.run='^TestAPoisonedOutputTypeCannotExhaustMemory$' -test.count=1`, os.Args[0])
	cmd.Env = append(os.Environ(), bombChildEnv+"=1", "GOMEMLIMIT=1GiB")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the evaluation of a poisoned output type killed the process (%v):\n%s", err, clipOutput(out))
	}
	for _, want := range []string{"parse refused:", "decoding refused:"} {
		if !strings.Contains(string(out), want) {
			t.Fatalf("child output lacks %q:\n%s", want, clipOutput(out))
		}
	}
}

func runBombChild() {
	ctx := context.Background()
	ev, err := NewEvaluator(WithChain("litdevnet", echoChain{out: make([]byte, 64)}))
	if err != nil {
		panic(err)
	}
	// The whole path a request takes: parse, then evaluate.
	c, err := Parse(KindEVMContract, []byte(poisonedOutput))
	if err != nil {
		fmt.Println("parse refused:", err)
	} else {
		err := ev.Check(ctx, c, Subject{})
		fmt.Println("evaluated:", err)
	}
	// Outputs that did not come through Parse still meet the check before decoding.
	bomb, err := abi.NewType("bool[9999][9999][9999][1]", "", nil)
	if err != nil {
		panic(err)
	}
	boolean, _ := abi.NewType("bool", "", nil)
	m := abi.NewMethod("f", "f", abi.Function, "view", false, false, nil, abi.Arguments{{Name: "bomb", Type: bomb}, {Name: "ok", Type: boolean}})
	cond := &Condition{Chain: "litdevnet", path: "evmContractConditions[0]"}
	_, reason, err := call(ctx, echoChain{out: make([]byte, 64)}, cond, common.Address{4}, m, nil)
	fmt.Printf("decoding refused: %q %v\n", reason, err)
}

func clipOutput(b []byte) string {
	if len(b) > 4000 {
		return string(b[:4000]) + "…"
	}
	return string(b)
}
