package runtime_test

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/runtime"
)

// numbers is b as a JSON array of numbers, the way Lit's clients pass bytes in jsParams
// (encoding/json would write base64).
func numbers(b []byte) []int {
	out := make([]int, len(b))
	for i, v := range b {
		out[i] = int(v)
	}
	return out
}

// mustRun executes code and fails the test on an execution error.
func mustRun(t *testing.T, h runtime.Host, code, params string) runtime.Result {
	t.Helper()
	res, err := run(t, pool(t), h, code, params)
	if err != nil {
		t.Fatalf("execute: %v (logs %q)", err, res.Logs)
	}
	return res
}

// checks runs code that sets a JSON object of named booleans as its response and reports each
// false one.
func checks(t *testing.T, h runtime.Host, code, params string) {
	t.Helper()
	res := mustRun(t, h, code, params)
	var got map[string]any
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatalf("response %q: %v (logs %q)", res.Response, err, res.Logs)
	}
	if len(got) == 0 {
		t.Fatal("the action checked nothing")
	}
	for name, v := range got {
		if v != true {
			t.Errorf("%s: got %v", name, v)
		}
	}
	if t.Failed() {
		t.Logf("logs: %s", res.Logs)
	}
}

func TestJSParamsAndGlobalsAsLit(t *testing.T) {
	t.Run("the v8 SDK's {jsParams: {…}} is jsParams, and its keys are globals", func(t *testing.T) {
		res := mustRun(t, newTestHost(), `Lit.Actions.setResponse({response: JSON.stringify([jsParams.magic, magic, typeof jsParams.jsParams, outer])})`,
			`{"jsParams": {"magic": 42}, "outer": "o"}`)
		if res.Response != `[42,42,"undefined","o"]` {
			t.Fatalf("got %s", res.Response)
		}
	})
	t.Run("bare params (v7 SDK) are jsParams", func(t *testing.T) {
		res := mustRun(t, newTestHost(), `Lit.Actions.setResponse({response: JSON.stringify([jsParams.magic, magic])})`, `{"magic": 7}`)
		if res.Response != `[7,7]` {
			t.Fatalf("got %s", res.Response)
		}
	})
	checks(t, newTestHost(), `
		"use strict";
		const r = {};
		r.litFrozen = Object.isFrozen(Lit) && Object.isFrozen(Lit.Actions) && Object.isFrozen(LitActions) && Object.isFrozen(Lit.Auth);
		try { Lit.Actions.signEcdsa = () => "pwned"; r.assignThrows = false } catch (e) { r.assignThrows = e instanceof TypeError }
		try { globalThis.Lit = {}; r.replaceThrows = false } catch (e) { r.replaceThrows = e instanceof TypeError }
		try { Object.defineProperty(globalThis, "LitActions", {value: 1}); r.redefineThrows = false } catch (e) { r.redefineThrows = e instanceof TypeError }
		r.paramCannotReplaceLit = Lit.Actions.setResponse !== undefined && typeof console.log === "function";
		r.authShape = JSON.stringify(Object.keys(Lit.Auth).sort()) ===
			JSON.stringify(["actionIpfsIdStack", "actionIpfsIds", "authMethodContexts", "authSigAddress", "customAuthResource", "resources"]);
		r.stack = Lit.Auth.actionIpfsIdStack.length === 1 && Lit.Auth.actionIpfsIdStack[0] === "QmTestAction";
		r.thirtyOneFunctions = Object.keys(Lit.Actions).length === 31;
		r.global = global === globalThis && self === globalThis;
		Lit.Actions.setResponse({response: JSON.stringify(r)});
	`, `{"Lit": "replaced?", "console": 1}`)
}

func TestLitHeadersComeFromTheRequest(t *testing.T) {
	ctx := t.Context()
	req := runtime.Request{Code: `Lit.Actions.setResponse({response: Lit.Headers.get("X-Test") + "," + [...Lit.Headers.keys()].join("/")})`,
		IPFSID: "QmH", Headers: [][2]string{{"X-Test", "yes"}, {"Accept", "json"}}}
	res, err := pool(t).Execute(ctx, req, newTestHost())
	if err != nil || res.Response != "yes,accept/x-test" {
		t.Fatalf("got %q, %v", res.Response, err)
	}
}

func TestSigning(t *testing.T) {
	h := newTestHost()
	hash := strings.Repeat("11", 32)
	res := mustRun(t, h, `(async () => {
		const toSign = ethers.utils.arrayify("0x"+hash);
		await Lit.Actions.signEcdsa({toSign, publicKey: "0x04aa", sigName: "sig"});
		const second = await Lit.Actions.sign({toSign: ethers.utils.arrayify("0x"+"22".repeat(32)), publicKey: "0x04aa", sigName: "sig", signingScheme: "EcdsaK256Sha256"});
		await Lit.Actions.ethPersonalSignMessageEcdsa({message: "hello", publicKey: "0x04bb", sigName: "personal"});
		const combined = JSON.parse(await Lit.Actions.signAndCombineEcdsa({toSign, publicKey: "0x04cc", sigName: "c"}));
		const errors = {};
		for (const [name, f] of Object.entries({
			empty: () => Lit.Actions.signEcdsa({toSign: [], publicKey: "0x04", sigName: "x"}),
			noKey: () => Lit.Actions.signEcdsa({toSign, publicKey: " ", sigName: "x"}),
			noName: () => Lit.Actions.signEcdsa({toSign, publicKey: "0x04"}),
			scheme: () => Lit.Actions.sign({toSign, publicKey: "0x04", sigName: "x", signingScheme: "Rot13"}),
			frost: () => Lit.Actions.sign({toSign, publicKey: "0x04", sigName: "x", signingScheme: "SchnorrEd25519Sha512"}),
			string: () => Lit.Actions.signEcdsa({toSign: "0x11", publicKey: "0x04", sigName: "x"}),
		})) {
			try { await f(); errors[name] = "no error" } catch (e) { errors[name] = e.name + ": " + e.message }
		}
		Lit.Actions.setResponse({response: JSON.stringify({second, combined, errors})});
	})()`, `{"hash": "`+hash+`"}`)
	var got struct {
		Second   string            `json:"second"`
		Combined map[string]any    `json:"combined"`
		Errors   map[string]string `json:"errors"`
	}
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"empty":  "RangeError: toSign must not be empty",
		"noKey":  "RangeError: publicKey must not be blank",
		"noName": "RangeError: sigName must not be blank",
		"scheme": "RangeError: signingScheme must be one of: EcdsaK256Sha256",
		"frost":  "Error: signing scheme SchnorrEd25519Sha512 is not supported by this node yet",
		"string": "TypeError: toSign must be bytes",
	}
	for k, w := range want {
		if !strings.HasPrefix(got.Errors[k], w) {
			t.Errorf("%s: got %q, want %q…", k, got.Errors[k], w)
		}
	}
	if got.Second != "success" || got.Combined["v"] != 0.0 {
		t.Errorf("results %+v", got)
	}
	second, _ := hex.DecodeString(strings.Repeat("22", 32))
	if string(res.Signatures["sig"]) != string(shareFor(second, "0x04aa")) {
		t.Errorf("a repeated sigName must keep the later share, as on Lit: got %s", res.Signatures["sig"])
	}
	if _, ok := res.Signatures["c"]; ok {
		t.Errorf("signAndCombineEcdsa's share went to the client")
	}
	personal := append([]byte(fmt.Sprintf("\x19Ethereum Signed Message:\n%d", 5)), "hello"...)
	if string(res.Signatures["personal"]) != string(shareFor(keccak(personal), "0x04bb")) {
		t.Errorf("ethPersonalSignMessageEcdsa must sign the EIP-191 hash: got %s", res.Signatures["personal"])
	}
	var seqs []string
	for _, s := range h.signed {
		seqs = append(seqs, fmt.Sprintf("%s#%d/%s/%d", s.SigName, s.Seq, s.Mode, s.Scope))
	}
	if strings.Join(seqs[:4], " ") != "sig#0/share/1 sig#1/share/1 personal#0/share/2 c#0/combine/1" {
		t.Errorf("signing calls reached the host as %v", seqs)
	}
}

func TestEncodingsAsUint8arrays(t *testing.T) {
	hello := []byte("hello world")
	vectors := map[string]string{
		"utf8": "hello world", "hex": hex.EncodeToString(hello), "base16": hex.EncodeToString(hello),
		"base16upper": strings.ToUpper(hex.EncodeToString(hello)),
		"base64":      base64.RawStdEncoding.EncodeToString(hello), "base64pad": base64.StdEncoding.EncodeToString(hello),
		"base64url": base64.RawURLEncoding.EncodeToString(hello), "base64urlpad": base64.URLEncoding.EncodeToString(hello),
		"base58btc": "StV1DL6CwTryKyV", "base32": "nbswy3dpeb3w64tmmq", "base32pad": "nbswy3dpeb3w64tmmq======",
		"base32upper": "NBSWY3DPEB3W64TMMQ", "base32hex": "d1imor3f41rmusjccg", "base36": new(big.Int).SetBytes(hello).Text(36),
		"base10": new(big.Int).SetBytes(hello).String(), "latin1": "hello world", "ascii": "hello world",
		"base2": func() string {
			var b strings.Builder
			for _, c := range hello {
				fmt.Fprintf(&b, "%08b", c)
			}
			return b.String()
		}(),
	}
	vj, _ := json.Marshal(vectors)
	res := mustRun(t, newTestHost(), `
		const bytes = new TextEncoder().encode("hello world");
		const out = {}, back = {};
		const all = ["utf8", "utf-8", "hex", "latin1", "ascii", "binary", "identity", "base2", "base8", "base10", "base16", "base16upper",
			"base32", "base32upper", "base32pad", "base32padupper", "base32hex", "base32hexupper", "base32hexpad", "base32hexpadupper",
			"base32z", "base36", "base36upper", "base58btc", "base58flickr", "base64", "base64pad", "base64url", "base64urlpad", "base256emoji"];
		for (const enc of all) {
			out[enc] = Lit.Actions.uint8arrayToString(bytes, enc);
			back[enc] = Lit.Actions.uint8arrayToString(Lit.Actions.uint8arrayFromString(out[enc], enc)) === "hello world";
		}
		const zeros = Lit.Actions.uint8arrayToString(new Uint8Array([0, 0, 1]), "base58btc");
		let unsupported = "", bad = "";
		try { Lit.Actions.uint8arrayToString(bytes, "rot13") } catch (e) { unsupported = e.message }
		try { Lit.Actions.uint8arrayFromString("0OIl", "base58btc") } catch (e) { bad = e.message }
		Lit.Actions.setResponse({response: JSON.stringify({out, back, zeros, unsupported, bad, dflt: Lit.Actions.uint8arrayToString(bytes)})});
	`, "")
	var got struct {
		Out         map[string]string `json:"out"`
		Back        map[string]bool   `json:"back"`
		Zeros       string            `json:"zeros"`
		Unsupported string            `json:"unsupported"`
		Bad         string            `json:"bad"`
		Default     string            `json:"dflt"`
	}
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatal(err)
	}
	for enc, want := range vectors {
		if got.Out[enc] != want {
			t.Errorf("%s: got %q, want %q", enc, got.Out[enc], want)
		}
	}
	for enc, ok := range got.Back {
		if !ok {
			t.Errorf("%s does not round-trip", enc)
		}
	}
	if len(got.Back) != 30 || got.Zeros != "112" || got.Unsupported != `Unsupported encoding "rot13"` || got.Bad != "Non-base58btc character" || got.Default != "hello world" {
		t.Errorf("got %+v (vectors %s)", got, vj)
	}
}

func TestAESDecryptAsLit(t *testing.T) {
	key := make([]byte, 32)
	iv := make([]byte, 16)
	_, _ = rand.Read(key)
	_, _ = rand.Read(iv)
	plain := []byte("secret api key")
	padded := append(append([]byte{}, plain...), make([]byte, 16-len(plain)%16)...)
	for i := len(plain); i < len(padded); i++ {
		padded[i] = byte(len(padded) - len(plain))
	}
	block, _ := aes.NewCipher(key)
	ct := make([]byte, len(padded))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(ct, padded)
	params, _ := json.Marshal(map[string]any{"key": numbers(key), "ct": numbers(append(iv, ct...))})
	res := mustRun(t, newTestHost(), `(async () => {
		const out = await Lit.Actions.aesDecrypt({symmetricKey: key, ciphertext: ct});
		let short = "";
		try { await Lit.Actions.aesDecrypt({symmetricKey: key.slice(1), ciphertext: ct}) } catch (e) { short = e.message }
		Lit.Actions.setResponse({response: JSON.stringify([out, short])});
	})()`, string(params))
	want, _ := json.Marshal([]string{hex.EncodeToString(plain), "Could not convert symmetric key to length 32"})
	if res.Response != string(want) {
		t.Fatalf("got %s, want %s", res.Response, want)
	}
}

func TestJWT(t *testing.T) {
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecDER, _ := x509.MarshalPKCS8PrivateKey(ec)
	ecPub, _ := x509.MarshalPKIXPublicKey(&ec.PublicKey)
	rk, _ := rsa.GenerateKey(rand.Reader, 2048)
	rsaDER := x509.MarshalPKCS1PrivateKey(rk)
	rsaPub, _ := x509.MarshalPKIXPublicKey(&rk.PublicKey)
	pemOf := func(typ string, der []byte) string {
		return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
	}

	// A token made here with HS256, for the action to verify.
	b64 := base64.RawURLEncoding
	input := b64.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + b64.EncodeToString([]byte(fmt.Sprintf(`{"sub":"ada","exp":%d}`, time.Now().Add(time.Hour).Unix())))
	m := hmac.New(sha256.New, []byte("shh"))
	m.Write([]byte(input))
	goToken := input + "." + b64.EncodeToString(m.Sum(nil))

	params, _ := json.Marshal(map[string]string{"goToken": goToken, "ecKey": pemOf("PRIVATE KEY", ecDER), "ecPub": pemOf("PUBLIC KEY", ecPub),
		"rsaKey": pemOf("RSA PRIVATE KEY", rsaDER), "rsaPub": pemOf("PUBLIC KEY", rsaPub)})
	res := mustRun(t, newTestHost(), `
		const r = {};
		r.verifiesGoHS256 = jwt.verify(goToken, "shh").sub === "ada";
		try { jwt.verify(goToken, "wrong"); r.wrongSecret = false } catch (e) { r.wrongSecret = e.name === "JsonWebTokenError" && e.message === "invalid signature" }
		const es = jwt.sign({user: "ada"}, ecKey, {algorithm: "ES256", expiresIn: "1h", issuer: "lit"});
		r.es256 = jwt.verify(es, ecPub, {issuer: "lit"}).user === "ada";
		r.decode = jwt.decode(es).iss === "lit" && jwt.decode(es, {complete: true}).header.alg === "ES256";
		const rs = jwt.sign({n: 1}, rsaKey, {algorithm: "RS256"});
		r.rs256 = jwt.verify(rs, rsaPub).n === 1;
		try { jwt.verify(rs, ecPub); r.wrongAlg = false } catch (e) { r.wrongAlg = e.message === "invalid algorithm" }
		const old = jwt.sign({exp: Math.floor(Date.now() / 1000) - 10}, "k");
		try { jwt.verify(old, "k"); r.expired = false } catch (e) { r.expired = e.name === "TokenExpiredError" && e.message === "jwt expired" }
		const later = jwt.sign({a: 1}, "k", {notBefore: 3600});
		try { jwt.verify(later, "k"); r.notBefore = false } catch (e) { r.notBefore = e.name === "NotBeforeError" }
		try { jwt.verify("a.b", "k"); r.malformed = false } catch (e) { r.malformed = e.message === "jwt malformed" }
		r.decodeGarbage = jwt.decode("not a token") === null;
		Lit.Actions.setResponse({response: JSON.stringify({r, es})});
	`, string(params))
	var got struct {
		R  map[string]bool `json:"r"`
		ES string          `json:"es"`
	}
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatal(err)
	}
	for k, ok := range got.R {
		if !ok {
			t.Errorf("%s failed", k)
		}
	}
	// The action's ES256 token verifies here: r ‖ s over the signing input.
	parts := strings.Split(got.ES, ".")
	sig, _ := b64.DecodeString(parts[2])
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if len(sig) != 64 || !ecdsa.Verify(&ec.PublicKey, sum[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		t.Errorf("the action's ES256 signature does not verify in Go")
	}
}

func TestWebCrypto(t *testing.T) {
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	spki, _ := x509.MarshalPKIXPublicKey(&ec.PublicKey)
	msg := []byte("signed in Go")
	sum := sha256.Sum256(msg)
	r, s, _ := ecdsa.Sign(rand.Reader, ec, sum[:])
	sig := append(r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))...)
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	params, _ := json.Marshal(map[string]any{"spki": numbers(spki), "sig": numbers(sig), "msg": numbers(msg), "key": numbers(key), "mac": hex.EncodeToString(mac.Sum(nil)),
		"digest": fmt.Sprintf("%x", sum)})
	res := mustRun(t, newTestHost(), `(async () => {
		const u8 = (a) => new Uint8Array(a);
		const hexOf = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
		const r = {};
		r.digest = hexOf(await crypto.subtle.digest("SHA-256", u8(msg))) === digest;
		const pub = await crypto.subtle.importKey("spki", u8(spki), {name: "ECDSA", namedCurve: "P-256"}, true, ["verify"]);
		r.ecdsaVerifiesGo = await crypto.subtle.verify({name: "ECDSA", hash: "SHA-256"}, pub, u8(sig), u8(msg));
		r.ecdsaRejectsOther = !(await crypto.subtle.verify({name: "ECDSA", hash: "SHA-256"}, pub, u8(sig), new TextEncoder().encode("other")));
		const hk = await crypto.subtle.importKey("raw", u8(key), {name: "HMAC", hash: "SHA-256"}, false, ["sign", "verify"]);
		r.hmac = hexOf(await crypto.subtle.sign("HMAC", hk, u8(msg))) === mac;
		r.hmacVerify = await crypto.subtle.verify("HMAC", hk, await crypto.subtle.sign("HMAC", hk, u8(msg)), u8(msg));
		const ak = await crypto.subtle.generateKey({name: "AES-GCM", length: 256}, true, ["encrypt", "decrypt"]);
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const ct = await crypto.subtle.encrypt({name: "AES-GCM", iv}, ak, new TextEncoder().encode("gcm"));
		r.gcm = new TextDecoder().decode(await crypto.subtle.decrypt({name: "AES-GCM", iv}, ak, ct)) === "gcm";
		try { await crypto.subtle.decrypt({name: "AES-GCM", iv}, ak, u8([...new Uint8Array(ct)].map((b, i) => i === 0 ? b ^ 1 : b))); r.gcmTamper = false }
		catch (e) { r.gcmTamper = e.name === "OperationError" }
		const pair = await crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-384"}, true, ["sign", "verify"]);
		const s = await crypto.subtle.sign({name: "ECDSA", hash: "SHA-384"}, pair.privateKey, u8(msg));
		r.ecdsaRoundTrip = await crypto.subtle.verify({name: "ECDSA", hash: "SHA-384"}, pair.publicKey, s, u8(msg));
		const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
		r.jwk = jwk.kty === "EC" && jwk.crv === "P-384";
		r.uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID());
		const hkdf = await crypto.subtle.importKey("raw", u8(key), "HKDF", false, ["deriveBits"]);
		r.hkdf = (await crypto.subtle.deriveBits({name: "HKDF", hash: "SHA-256", salt: u8([]), info: u8([])}, hkdf, 256)).byteLength === 32;
		Lit.Actions.setResponse({response: JSON.stringify(r)});
	})()`, string(params))
	var got map[string]bool
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatal(err)
	}
	for k, ok := range got {
		if !ok {
			t.Errorf("%s failed", k)
		}
	}
}

func TestWebAPIs(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(300 * time.Millisecond)
		}
		w.Write([]byte{0xff, 0x00, 'h', 'i'})
	}))
	defer srv.Close()
	checks(t, newTestHost(), `(async () => {
		const r = {};
		const u = new URL("../b/c?x=1&y=two words#frag", "https://EXAMPLE.com:443/a/z");
		r.url = u.href === "https://example.com/b/c?x=1&y=two%20words#frag" && u.host === "example.com" && u.searchParams.get("y") === "two words";
		u.searchParams.append("z", "&");
		r.urlSearchUpdate = u.search === "?x=1&y=two+words&z=%26";
		r.urlInvalid = (() => { try { new URL("not a url"); return false } catch (e) { return e instanceof TypeError } })();
		r.urlCanParse = URL.canParse("http://a.b/") && !URL.canParse("::");
		const p = new URLSearchParams({a: "1", b: "x y"});
		p.append("a", "2");
		r.searchParams = p.toString() === "a=1&b=x+y&a=2" && p.getAll("a").join() === "1,2" && new URLSearchParams("?q=%C3%A9").get("q") === "é";
		const orig = {d: new Date(5), m: new Map([[1, {x: [1, 2]}]]), s: new Set(["a"]), b: new Uint8Array([1, 2]), big: 10n};
		orig.self = orig;
		const c = structuredClone(orig);
		r.structuredClone = c !== orig && c.self === c && c.d.getTime() === 5 && c.m.get(1).x[1] === 2 && c.s.has("a") && c.b[1] === 2 && c.big === 10n;
		r.structuredCloneRefusesFunctions = (() => { try { structuredClone({f() {}}); return false } catch (e) { return e.name === "DataCloneError" } })();
		const blob = new Blob(["hé", new Uint8Array([33])], {type: "Text/Plain"});
		r.blob = blob.size === 4 && blob.type === "text/plain" && (await blob.text()) === "hé!" && (await blob.slice(1).arrayBuffer()).byteLength === 3;
		const res = await fetch(base + "/bin");
		r.binaryArrayBuffer = [...new Uint8Array(await res.arrayBuffer())].join() === "255,0,104,105";
		const made = new Response(JSON.stringify({k: 1}), {status: 201});
		r.response = made.status === 201 && made.ok && (await made.json()).k === 1 && (await new Response(new Uint8Array([104, 105])).text()) === "hi";
		r.responseOnce = await made.text().then(() => false, (e) => e instanceof TypeError);
		const ac = new AbortController();
		const pending = fetch(base + "/slow", {signal: ac.signal});
		ac.abort();
		r.abort = await pending.then(() => false, (e) => e.name === "AbortError");
		r.abortTimeout = await fetch(base + "/slow", {signal: AbortSignal.timeout(10)}).then(() => false, (e) => e.name === "TimeoutError");
		const t0 = performance.now();
		await new Promise((res) => setTimeout(res, 20));
		r.performanceNow = performance.now() - t0 >= 15;
		const order = [];
		queueMicrotask(() => order.push("micro"));
		await null;
		r.queueMicrotask = order[0] === "micro";
		let ticks = 0;
		await new Promise((res) => { const id = setInterval(() => { if (++ticks === 3) { clearInterval(id); res(); } }, 5); });
		r.setInterval = ticks === 3;
		const et = new EventTarget();
		let seen = 0;
		et.addEventListener("ping", () => seen++, {once: true});
		et.dispatchEvent(new Event("ping"));
		et.dispatchEvent(new Event("ping"));
		r.eventTarget = seen === 1;
		Lit.Actions.setResponse({response: JSON.stringify(r)});
	})()`, `{"base": "`+srv.URL+`"}`)
}

func TestChildActions(t *testing.T) {
	h := newTestHost()
	h.children["QmChild"] = `(async () => {
		await Lit.Actions.signEcdsa({toSign: new Uint8Array(32).fill(7), publicKey: "0x04cc", sigName: "child-sig"});
		Lit.Actions.setResponse({response: JSON.stringify({got: jsParams.n, stack: Lit.Auth.actionIpfsIdStack})});
	})()`
	h.children["QmDeep"] = `(async () => {
		const depth = Lit.Auth.actionIpfsIdStack.length;
		if (depth > 8) { Lit.Actions.setResponse({response: "too deep"}); return; }
		try { await Lit.Actions.call({ipfsId: "QmDeep"}) } catch (e) { Lit.Actions.setResponse({response: "depth " + depth + ": " + e.message}); }
	})()`
	h.children["QmThrows"] = `throw new Error("child broke")`
	res := mustRun(t, h, `(async () => {
		const child = JSON.parse(await Lit.Actions.call({ipfsId: "QmChild", params: {n: 5}}));
		const deep = await Lit.Actions.call({ipfsId: "QmDeep"});
		let thrown = "";
		try { await Lit.Actions.call({ipfsId: "QmThrows"}) } catch (e) { thrown = e.message }
		let missing = "";
		try { await Lit.Actions.call({ipfsId: "QmNope"}) } catch (e) { missing = e.message }
		Lit.Actions.setResponse({response: JSON.stringify({child, deep, thrown, missing, mine: Lit.Auth.actionIpfsIdStack})});
	})()`, "")
	var got struct {
		Child struct {
			Got   int      `json:"got"`
			Stack []string `json:"stack"`
		} `json:"child"`
		Deep, Thrown, Missing string
		Mine                  []string `json:"mine"`
	}
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatal(err)
	}
	if got.Child.Got != 5 || strings.Join(got.Child.Stack, ",") != "QmTestAction,QmChild" || strings.Join(got.Mine, ",") != "QmTestAction" {
		t.Errorf("child %+v, parent's stack %v", got.Child, got.Mine)
	}
	// The root is depth 0; QmDeep runs at depths 1…5 and its call at depth 5 is refused.
	if got.Deep != "depth 6: The recursion limit of a child action is 5 and you have attempted to exceed that limit." {
		t.Errorf("deep: %q", got.Deep)
	}
	if !strings.Contains(got.Thrown, "child broke") || !strings.Contains(got.Missing, "not found") {
		t.Errorf("thrown %q, missing %q", got.Thrown, got.Missing)
	}
	if _, ok := res.Signatures["child-sig"]; !ok {
		t.Errorf("the child's signature was not merged: %v", res.Signatures)
	}
	for _, s := range h.signed {
		if s.SigName == "child-sig" && (s.Action.IPFSID != "QmChild" || strings.Join(s.Action.Stack, ",") != "QmTestAction,QmChild") {
			t.Errorf("the child signed as %+v", s.Action)
		}
	}
}

func TestCrossNodeFunctionsReachTheHost(t *testing.T) {
	leader := newTestHost()
	res := mustRun(t, leader, `(async () => {
		const once = await Lit.Actions.runOnce({waitForResponse: true, name: "tx"}, async () => 42);
		const failed = await Lit.Actions.runOnce({waitForResponse: true, name: "bad"}, async () => { throw new Error("x") });
		const all = await Lit.Actions.broadcastAndCollect({name: "vote", value: "yes"});
		const plain = await Lit.Actions.decryptAndCombine({accessControlConditions: [{a: 1}], ciphertext: btoa("top secret"), dataToEncryptHash: "ab", authSig: null, chain: "ethereum"});
		const enc = await Lit.Actions.encrypt({accessControlConditions: [{a: 1}], to_encrypt: new TextEncoder().encode("hi")});
		const claim = await Lit.Actions.claimKey({keyId: "user-1"});
		const key = await Lit.Actions.getActionPublicKey({signingScheme: "EcdsaK256Sha256", actionIpfsCid: "QmX"});
		const ok = await Lit.Actions.verifyActionSignature({signingScheme: "EcdsaK256Sha256", actionIpfsCid: "QmX", toSign: [1], signOutput: "good"});
		const scopes = await Lit.Actions.getPermittedAuthMethodScopes({tokenId: "0x01", authMethodType: 1, userId: [1, 2]});
		const nonce = await Lit.Actions.getLatestNonce({address: "0x`+strings.Repeat("ab", 20)+`", chain: "litdevnet"});
		const call = await Lit.Actions.callContract({chain: "litdevnet", txn: "0xc0ffee"});
		let badToken = "";
		try { await Lit.Actions.getPermittedActions({tokenId: "-1"}) } catch (e) { badToken = e.name + ": " + e.message }
		Lit.Actions.setResponse({response: JSON.stringify({once, failed, all, plain, enc, claim, key, ok, scopes: scopes.length + ":" + scopes[1], nonce, call, badToken})});
	})()`, "")
	var got map[string]any
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"once": "42", "failed": "[ERROR]", "plain": "top secret", "claim": "success", "ok": true, "scopes": "100:true",
		"nonce": "0x5", "call": "0xc0ffee", "badToken": "RangeError: tokenId must be a valid U256 string",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %v, want %v", k, got[k], w)
		}
	}
	if all, _ := got["all"].([]any); len(all) != 2 || all[0] != "yes" {
		t.Errorf("broadcastAndCollect: %v", got["all"])
	}
	if enc, _ := got["enc"].(map[string]any); enc["dataToEncryptHash"] != fmt.Sprintf("%x", sha256.Sum256([]byte("hi"))) {
		t.Errorf("encrypt: %v", got["enc"])
	}
	if len(res.Claims) != 1 || !strings.Contains(string(res.Claims["user-1"]), hex.EncodeToString(keccak([]byte("QmTestAction_user-1")))) {
		t.Errorf("claims %v", res.Claims)
	}
	var ops []string
	for _, c := range leader.coords {
		ops = append(ops, c.Op+":"+c.Name)
	}
	if strings.Join(ops, " ") != "isLeader:tx broadcast:tx isLeader:bad broadcast:bad broadcastAndCollect:vote" {
		t.Errorf("the leader coordinated %v", ops)
	}
	if len(res.Logs) == 0 || !strings.Contains(res.Logs, "Error running function:") {
		t.Errorf("a throw inside runOnce should be logged as on Lit: %q", res.Logs)
	}

	follower := newTestHost()
	follower.leader = false
	res = mustRun(t, follower, `(async () => {
		let ran = false;
		const got = await Lit.Actions.runOnce({waitForResponse: true, name: "tx"}, async () => { ran = true; return "mine" });
		const none = await Lit.Actions.runOnce({waitForResponse: false}, async () => { ran = true });
		Lit.Actions.setResponse({response: JSON.stringify([got, none === undefined, ran])});
	})()`, "")
	if res.Response != `["from the leader",true,false]` {
		t.Errorf("follower: %s", res.Response)
	}
}
