package runtime

import (
	"encoding/json"
	"strings"
	"testing"

	v8 "github.com/tommie/v8go"
)

// lazyModules answers an @ethersproject module's __esModule without loading it, so that
// TypeScript's __importStar hands on the lazy module instead of loading it to copy its
// exports; the ES-module flag comes from the source. Every module flagged so must in fact mark
// its exports as an ES module once loaded, and every other module must not: a module taken for
// an ES module that is not one would lose the {default: …} wrapping __importStar gives it.
// Every one of the 133 modules is loaded here, each through its proxy.
func TestEveryEthersModuleTakenForAnESModuleIsOne(t *testing.T) {
	bundle, err := lazyENS(ethersJS)
	if err != nil {
		t.Fatal(err)
	}
	if bundle, err = lazyModules(bundle); err != nil {
		t.Fatal(err)
	}
	// Record every module's proxy with its flag, and return them beside ethers.
	const helperEnd = `var commonjsGlobal=`
	if strings.Count(bundle, helperEnd) != 1 || strings.Count(bundle, "return __lazyReal(lib$w)") != 1 {
		t.Fatal("the bundle's shape changed")
	}
	bundle = strings.ReplaceAll(bundle, "=__lazyModule(", "=__rec(")
	bundle = strings.Replace(bundle, helperEnd, `var __all=[];function __rec(c,es,b){var p=__lazyModule(c,es,b);__all.push([p,es]);return p};`+helperEnd, 1)
	bundle = strings.Replace(bundle, "return __lazyReal(lib$w)", "return [__lazyReal(lib$w),__all,__lazyReal]", 1)
	wrapped := "(function () { var module = { exports: {} }, exports = module.exports;\n" + bundle + "\n;return module.exports; })"

	iso := v8.NewIsolate()
	defer iso.Dispose()
	ctx := v8.NewContext(iso)
	defer ctx.Close()
	if _, err := ctx.RunScript("var __factory = "+wrapped, "ethers.js"); err != nil {
		t.Fatal(err)
	}
	out, err := ctx.RunScript(`(function () {
		var r = __factory(), all = r[1], real = r[2], flagged = 0, bad = [];
		all.forEach(function (m, i) {
			var exp;
			try { exp = real(m[0]); } catch (e) { bad.push(i + ": " + e.message); return; }
			var es = !!exp && exp.__esModule === true;
			if (m[1]) flagged++;
			if (es !== m[1]) bad.push(i + ": flagged " + m[1] + ", loaded as an ES module " + es);
		});
		return JSON.stringify({modules: all.length, flagged: flagged, bad: bad, ethers: typeof r[0].utils.arrayify});
	})()`, "check.js")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Modules, Flagged int
		Bad              []string
		Ethers           string
	}
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	if got.Modules != 133 || got.Flagged != 121 || len(got.Bad) > 0 || got.Ethers != "function" {
		t.Fatalf("modules %d (want 133), flagged as ES modules %d (want 121), mismatches %q, ethers.utils.arrayify %s", got.Modules, got.Flagged, got.Bad, got.Ethers)
	}
}
