package runtime

import (
	"fmt"
	"regexp"
	"strings"
)

// ethers v5 builds its ENS name-normalisation tables (a compressed Unicode data set decoded into
// Sets and Maps) when the bundle loads. That is most of the cost of instantiating ethers in a
// fresh context — about 80% of ~60 ms measured — although only ENS name functions (namehash,
// resolveName, dnsEncode, …) ever read the tables. lazyENS rewrites those few statements of
// the bundle so the tables are built on the first normalisation in an execution instead.
// Each context still builds its own ethers and its own tables: nothing is shared between
// executions.
var ensRewrites = []struct{ from, to string }{
	{
		from: "var r=(0,include.getData)();var VALID=new Set((0,decoder.read_member_array)(r));var IGNORED=new Set((0,decoder.read_member_array)(r));var MAPPED=(0,decoder.read_mapped_map)(r);var EMOJI_ROOT=(0,decoder.read_emoji_trie)(r);",
		// The tables are read from one stream, in this order; EMOJI_ROOT is set last, so a
		// failed decode leaves them unset and the next call tries again.
		to: "var VALID,IGNORED,MAPPED,EMOJI_ROOT;function ensTables(){if(EMOJI_ROOT)return;var r=(0,include.getData)();VALID=new Set((0,decoder.read_member_array)(r));IGNORED=new Set((0,decoder.read_member_array)(r));MAPPED=(0,decoder.read_mapped_map)(r);EMOJI_ROOT=(0,decoder.read_emoji_trie)(r)}",
	},
	{
		// normalize is the only reader of the tables (directly, and through
		// consume_emoji_reversed, which only it calls).
		from: "function normalize(name,emoji_filter){var input=",
		to:   "function normalize(name,emoji_filter){ensTables();var input=",
	},
}

// lazyENS applies ensRewrites to the ethers bundle. Each rewrite must match exactly once: a
// different bundle fails loudly here rather than silently keeping the slow start or breaking
// ENS.
func lazyENS(bundle string) (string, error) {
	for _, rw := range ensRewrites {
		if n := strings.Count(bundle, rw.from); n != 1 {
			return "", fmt.Errorf("make ethers' ENS tables lazy: expected one %q in the bundle, found %d", rw.from[:40], n)
		}
		bundle = strings.Replace(bundle, rw.from, rw.to, 1)
	}
	return bundle, nil
}

// lazyModules makes the bundle's CommonJS modules load on first use. The ethers UMD bundle
// wraps each of its 133 CommonJS modules (bn.js, elliptic, js-sha3, aes-js, scrypt, every
// @ethersproject package, the providers) in createCommonjsModule, which runs the module's body
// at once, and right after each it calls getDefaultExportFromCjs on the module, which reads it;
// so instantiating ethers in a fresh context ran every module: ~14 ms of CPU on a quiet core,
// at every node of every execution that touches ethers, most of it for modules the action
// never uses (two copies of bn.js alone are a third of it). Here each module becomes a proxy
// that runs the body on its first use and then forwards to the module's exports, the
// getDefaultExportFromCjs calls between modules (whose results nothing reads but the last)
// are dropped, and the bundle's result is the root module's real exports. Modules still load
// in an order CommonJS allows: a module runs when another first needs it (a cycle sees the
// partial exports, as require does). The proxies of modules that export a function (bn.js,
// inherits) are callable and constructible.
//
// A proxy of an @ethersproject module (TypeScript's output, which marks its exports with
// __esModule) answers __esModule without loading the module: TypeScript's __importStar, which
// every such module uses to import the others, reads __esModule and hands on the module as it
// is when it is set, but would otherwise enumerate the module's exports, loading it. With the
// answer from the source, instantiating ethers loads 4 small modules instead of 14 (the
// providers, the ABI coder, the wallet…), about 1.5 ms of CPU per execution that uses ethers;
// a module whose body then turns out not to set __esModule throws rather than be used with
// the wrong shape.
func lazyModules(bundle string) (string, error) {
	const helperAfter = `"use strict";var commonjsGlobal=`
	if strings.Count(bundle, helperAfter) != 1 {
		return "", fmt.Errorf("make ethers' modules lazy: expected one %q in the bundle", helperAfter)
	}
	bundle = strings.Replace(bundle, helperAfter, `"use strict";`+lazyModuleHelper+`var commonjsGlobal=`, 1)

	var out strings.Builder
	out.Grow(len(bundle) + 8192)
	modules, esModules := 0, 0
	rest := bundle
	const call = "=createCommonjsModule(function(module"
	for {
		i := strings.Index(rest, call)
		if i < 0 {
			out.WriteString(rest)
			break
		}
		out.WriteString(rest[:i])
		rest = rest[i+len(call):]
		// The module's body runs to the next module; what it assigns to module.exports decides
		// whether its proxy must be callable.
		next := strings.Index(rest, call)
		if next < 0 {
			next = len(rest)
		}
		body := rest[:next]
		callable := strings.Contains(body, "module.exports=BN") || strings.Contains(body, "module.exports=function")
		// An @ethersproject module (TypeScript's CommonJS output) marks its exports as an ES
		// module near its start, after TypeScript's helpers.
		es := strings.Contains(body[:min(len(body), esMarkWithin)], esMark)
		fmt.Fprintf(&out, "=__lazyModule(%t,%t,function(module", callable, es)
		modules++
		if es {
			esModules++
		}
	}
	if modules != 133 || esModules != 121 {
		return "", fmt.Errorf("make ethers' modules lazy: expected 133 modules in the bundle, 121 of them ES modules; found %d and %d", modules, esModules)
	}
	bundle = out.String()

	const root = "var index$u=getDefaultExportFromCjs(lib$w);return index$u"
	if strings.Count(bundle, root) != 1 {
		return "", fmt.Errorf("make ethers' modules lazy: expected one %q in the bundle", root)
	}
	bundle = strings.Replace(bundle, root, "return __lazyReal(lib$w)", 1)
	dropped := 0
	bundle = defaultExportCall.ReplaceAllStringFunc(bundle, func(m string) string {
		dropped++
		sub := defaultExportCall.FindStringSubmatch(m)
		return sub[1] + sub[2] + ";"
	})
	if dropped != 120 {
		return "", fmt.Errorf("make ethers' modules lazy: expected 120 reads of the modules between them, found %d", dropped)
	}
	return bundle, nil
}

// esMark is how TypeScript's CommonJS output marks a module's exports as an ES module's; in the
// bundle it comes within esMarkWithin bytes of the start of each @ethersproject module's body.
const (
	esMark       = `Object.defineProperty(exports,"__esModule",{value:true})`
	esMarkWithin = 4096
)

// defaultExportCall is rollup's read of a module's default export after it: var X=getDefaultExportFromCjs(Y);
var defaultExportCall = regexp.MustCompile(`(var [\w$]+=)getDefaultExportFromCjs\(([\w$]+)\);`)

// lazyModuleHelper defines __lazyModule(callable, body) and __lazyReal(proxy). The proxy keeps
// its target consistent with what it reports, as Proxy invariants require: properties the
// module defines as non-configurable are mirrored onto the target before they are reported.
const lazyModuleHelper = `var __lazyReal,__lazyModule=(function(){var loaders=new WeakMap();` +
	`__lazyReal=function(p){var l=loaders.get(p);return l?l():p};` +
	`return function(callable,es,body){var module={exports:{}},state=0;` +
	`var target=callable?Function.prototype.bind.call(function(){},null):{};` +
	`function load(){if(state===0){state=1;body(module,module.exports);state=2;` +
	`if(es&&!(module.exports&&module.exports.__esModule===true))throw new Error("litmesh: an ethers module taken for an ES module is not one")}return module.exports}` +
	`function mirror(k,d){if(d&&!d.configurable){Object.defineProperty(target,k,d)}return d}` +
	`var proxy=new Proxy(target,{` +
	`get:function(t,k){if(k==="__esModule"&&es&&state===0)return true;return Reflect.get(load(),k)},` +
	`set:function(t,k,v){return Reflect.set(load(),k,v)},` +
	`has:function(t,k){return k in load()},` +
	`deleteProperty:function(t,k){var r=Reflect.deleteProperty(load(),k);if(r&&Object.prototype.hasOwnProperty.call(t,k))Reflect.deleteProperty(t,k);return r},` +
	`ownKeys:function(t){var m=load(),ks=Reflect.ownKeys(m);ks.forEach(function(k){mirror(k,Reflect.getOwnPropertyDescriptor(m,k))});` +
	`Reflect.ownKeys(t).forEach(function(k){var d=Reflect.getOwnPropertyDescriptor(t,k);if(!d.configurable&&ks.indexOf(k)<0)ks.push(k)});return ks},` +
	`getOwnPropertyDescriptor:function(t,k){var d=Reflect.getOwnPropertyDescriptor(load(),k);if(d===undefined){var td=Reflect.getOwnPropertyDescriptor(t,k);return td&&!td.configurable?td:undefined}return mirror(k,d)},` +
	`defineProperty:function(t,k,d){var r=Reflect.defineProperty(load(),k,d);if(r&&d.configurable===false)mirror(k,Reflect.getOwnPropertyDescriptor(load(),k));return r},` +
	`getPrototypeOf:function(){return Reflect.getPrototypeOf(load())},` +
	`setPrototypeOf:function(t,p){return Reflect.setPrototypeOf(load(),p)},` +
	`isExtensible:function(t){return Reflect.isExtensible(t)},` +
	`preventExtensions:function(t){var m=load();Reflect.ownKeys(m).forEach(function(k){Object.defineProperty(t,k,Reflect.getOwnPropertyDescriptor(m,k))});Reflect.preventExtensions(m);return Reflect.preventExtensions(t)},` +
	`apply:function(t,self,args){return Reflect.apply(load(),self,args)},` +
	`construct:function(t,args,nt){var m=load();return Reflect.construct(m,args,nt===proxy?m:nt)}});` +
	`loaders.set(proxy,load);return proxy}})();`
