package field_test

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/mpc/secp256k1/field"
)

// TestMachineCodeHasNoSecretDependentBranches disassembles the compiled code of every Element
// method (the small ones inside the wrappers below, where they are inlined) and fails on any
// instruction whose timing or memory address could depend on a value: a conditional jump (other
// than the stack-growth check every Go function starts with, and the loop counter of sqrN, whose
// count is a constant of Inverse's addition chain), an indexed memory operand (base + index·scale:
// a table lookup), or a division (variable time on x86). The compiler is free to turn a mask into
// a branch; this test is what would notice.
func TestMachineCodeHasNoSecretDependentBranches(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skipf("the instruction checks are written for amd64 mnemonics, not %s", runtime.GOARCH)
	}
	callInlined(t)
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go tool objdump is needed to read the machine code: %v", err)
	}
	// go test strips the binary it runs, so build an unstripped copy of this package's test
	// binary: the same package, compiler and flags.
	exe := filepath.Join(t.TempDir(), "field.test")
	if out, err := exec.Command(goTool, "test", "-c", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("go test -c: %v\n%s", err, out)
	}
	out, err := exec.Command(goTool, "tool", "objdump", "-s", `mpc/secp256k1/field(\.\(\*Element\)\.|_test\.inl)`, exe).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool objdump: %v\n%s", err, out)
	}
	funcs := parseObjdump(t, out)

	// Every method that does arithmetic must be in the binary (the tests call each of them), so a
	// rename cannot silently drop it from the check.
	for _, name := range []string{
		"SetBytes", "Add", "Sub", "Mul", "Square", "MulSmall", "reduce", "Inverse", "sqrN", "Equal",
		"inlSetUint64", "inlBytes", "inlSelect", "inlIsZero", "inlIsOdd", "inlDouble", "inlNeg",
	} {
		if _, ok := funcs[name]; !ok {
			t.Errorf("(*Element).%s not found in the disassembly", name)
		}
	}
	cond := regexp.MustCompile(`^J[A-Z]+$`)
	stackCheck := regexp.MustCompile(`^CMPQ [A-Z0-9]+, 0x10\(R14\)$`) // R14 is g, 0x10(R14) its stackguard0
	indexed := regexp.MustCompile(`\)\([A-Z0-9]+\*[1248]\)`)
	for name, ins := range funcs {
		loops := 0
		for i, in := range ins {
			op := strings.Fields(in)[0]
			switch {
			case cond.MatchString(op) && op != "JMP":
				if i > 0 && stackCheck.MatchString(ins[i-1]) {
					continue // the stack-growth check: compares the stack pointer with g's stack guard
				}
				if name == "sqrN" && strings.HasPrefix(ins[i-1], "CMPQ ") {
					loops++ // for i := 1; i < n: n is a constant of the addition chain
					continue
				}
				t.Errorf("(*Element).%s: conditional branch %q", name, in)
			case strings.HasPrefix(op, "DIV") || strings.HasPrefix(op, "IDIV"):
				t.Errorf("(*Element).%s: division %q", name, in)
			case indexed.MatchString(in) && !strings.HasPrefix(op, "NOP"):
				t.Errorf("(*Element).%s: indexed memory access %q", name, in)
			}
		}
		if loops > 1 {
			t.Errorf("(*Element).%s: %d loop branches, want at most 1", name, loops)
		}
	}
}

// parseObjdump returns the instructions (mnemonic and operands) of each method, by method name.
// The small methods are inlined wherever they are called, so their code is checked where it
// lands: in these wrappers, which the compiler may not inline any further.

//go:noinline
func inlSetUint64(z *field.Element, v uint64) { z.SetUint64(v) }

//go:noinline
func inlBytes(z *field.Element) [32]byte { return z.Bytes() }

//go:noinline
func inlSelect(z *field.Element, c uint64, a, b *field.Element) { z.Select(c, a, b) }

//go:noinline
func inlIsZero(z *field.Element) uint64 { return z.IsZero() }

//go:noinline
func inlIsOdd(z *field.Element) uint64 { return z.IsOdd() }

//go:noinline
func inlDouble(z, x *field.Element) { z.Double(x) }

//go:noinline
func inlNeg(z, x *field.Element) { z.Neg(x) }

// callInlined keeps the wrappers in the binary and checks they compute what they wrap.
func callInlined(t *testing.T) {
	var x, y, z field.Element
	inlSetUint64(&x, 3)
	inlNeg(&y, &x)
	inlDouble(&z, &y)
	inlSelect(&z, 1, &x, &z)
	b := inlBytes(&z)
	var want field.Element
	want.SetUint64(6)
	want.Neg(&want)
	if z != want || b != want.Bytes() || inlIsZero(&z) != 0 || inlIsOdd(&z) != 1 {
		t.Fatalf("inlined wrappers: %x", b)
	}
}

func parseObjdump(t *testing.T, out []byte) map[string][]string {
	t.Helper()
	funcs := map[string][]string{}
	text := regexp.MustCompile(`^TEXT .*mpc/secp256k1/field(?:\.\(\*Element\)\.|_test\.)(\w+)\(SB\)`)
	var cur string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if m := text.FindStringSubmatch(line); m != nil {
			cur = m[1]
			funcs[cur] = nil
			continue
		}
		// file:line, address, encoding, instruction — tab separated.
		var cols []string
		for _, c := range strings.Split(line, "\t") {
			if c = strings.TrimSpace(c); c != "" {
				cols = append(cols, c)
			}
		}
		if cur == "" || len(cols) < 4 {
			continue
		}
		funcs[cur] = append(funcs[cur], cols[3])
	}
	if len(funcs) == 0 {
		t.Fatalf("no Element methods in the disassembly:\n%s", out)
	}
	return funcs
}
