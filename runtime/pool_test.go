package runtime_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/sha3"

	"github.com/litmesh/litmesh/internal/testutil"
	"github.com/litmesh/litmesh/runtime"
)

func keccak(b []byte) []byte {
	h := sha3.NewLegacyKeccak256()
	h.Write(b)
	return h.Sum(nil)
}

func TestBadActionsFailClearlyAndThePoolKeepsServing(t *testing.T) {
	p := pool(t)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()

	cases := []struct {
		name     string
		code     string
		kind     runtime.ErrorKind
		message  string
		replaces bool // the worker cannot be reused and is replaced
	}{
		{
			name: "a syntax error", kind: runtime.KindSyntax, message: "SyntaxError",
			code: `Lit.Actions.setResponse({response: "x"`,
		},
		{
			name: "a thrown exception", kind: runtime.KindException, message: "Error: no luck (at action.js:2",
			code: "const x = 1;\nthrow new Error('no luck');",
		},
		{
			name: "an async action that rejects after awaiting the host", kind: runtime.KindException, message: "uncaught (in promise) Error: after await",
			code: `(async () => { await Lit.Actions.getRpcUrl({chain: "litdevnet"}); throw new Error("after await"); })()`,
		},
		{
			name: "an infinite loop", kind: runtime.KindTimeout, message: "time limit of 3s", replaces: true,
			code: `while (true) {}`,
		},
		{
			name: "a heap memory bomb", kind: runtime.KindMemory, message: "memory limit (64 MiB heap)", replaces: true,
			code: `const a = []; for (;;) a.push(new Array(1e5).fill(1.5));`,
		},
		{
			name: "a memory bomb outside the V8 heap", kind: runtime.KindMemory, message: "over the 512 MiB cap", replaces: true,
			code: `const a = []; for (;;) { const b = new Uint8Array(32 << 20); b.fill(1); a.push(b); }`,
		},
		{
			name: "a huge response the action does not catch", kind: runtime.KindException, message: "RangeError: Response is too long. Max length is 102400 bytes",
			code: `Lit.Actions.setResponse({response: "x".repeat(200 * 1024)})`,
		},
		{
			name: "console output past the log limit, uncaught", kind: runtime.KindException, message: "Max length for all logs in a single request is 102400 bytes",
			code: `for (let i = 0; i < 200; i++) console.log("y".repeat(1024))`,
		},
		{
			name: "too many contract calls", kind: runtime.KindTooManyContracts, message: "more than 30 times per session",
			code: `(async () => { for (let i = 0; i < 31; i++) { try { await Lit.Actions.callContract({chain: "litdevnet", txn: "0x01"}) } catch (e) {} } })()`,
		},
		{
			name: "too many broadcasts", kind: runtime.KindTooManyBroadcasts, message: "more than 30 times per session",
			code: `(async () => { for (let i = 0; i < 31; i++) await Lit.Actions.broadcastAndCollect({name: "n" + i, value: "v"}) })()`,
		},
		{
			name: "eval", kind: runtime.KindException, message: "EvalError: Code generation from strings disallowed",
			code: `eval("1 + 1")`,
		},
		{
			name: "new Function", kind: runtime.KindException, message: "EvalError: Code generation from strings disallowed",
			code: `new Function("return 1")()`,
		},
		{
			name: "a fetch of a file URL", kind: runtime.KindBadFetchScheme, message: `"file" URL`,
			code: `(async () => { await fetch("file:///etc/passwd"); })()`,
		},
		{
			name: "a fetch of a data URL the action catches", kind: runtime.KindBadFetchScheme, message: `"data" URL`,
			code: `(async () => { try { await fetch("data:text/plain,hi") } catch (e) {} Lit.Actions.setResponse({response: "done"}) })()`,
		},
		{
			name: "too many signatures", kind: runtime.KindTooManySignatures, message: "more than 10 signatures",
			code: `(async () => {
				const toSign = ethers.utils.arrayify(ethers.utils.keccak256("0x01"));
				for (let i = 0; i < 11; i++) await Lit.Actions.signEcdsa({toSign, publicKey: "0x04ab", sigName: "sig" + i});
			})()`,
		},
		{
			name: "too many fetches", kind: runtime.KindTooManyFetches, message: "more than 75 fetches",
			code: `(async () => { for (let i = 0; i < 76; i++) await fetch(url + "/" + i); })()`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := p.Stats()
			res, err := run(t, p, newTestHost(), c.code, `{"url": "`+srv.URL+`"}`)
			if runtime.KindOf(err) != c.kind || !strings.Contains(err.Error(), c.message) {
				t.Fatalf("got error %v, want kind %s with %q", err, c.kind, c.message)
			}
			if res.Response != "" || res.Signatures != nil {
				t.Fatalf("a failed execution returned response %q and signatures %v", res.Response, res.Signatures)
			}
			if c.replaces {
				testutil.WaitFor(t, 30*time.Second, "the worker to be replaced", func() bool {
					s := p.Stats()
					return s.Exited > before.Exited && s.Started > before.Started && s.Workers == 2
				})
			}
			mustServe(t, p)
		})
	}
	res, err := run(t, p, newTestHost(), `try { Lit.Actions.setResponse({response: "x".repeat(200 * 1024)}) } catch (e) { console.log(e.name) }
		Lit.Actions.setResponse({response: "small"})`, "")
	if err != nil || res.Response != "small" || res.Logs != "RangeError\n" {
		t.Errorf("a caught oversized setResponse: response %q logs %q err %v; want the later response, as on Lit", res.Response, res.Logs, err)
	}
	if n := hits.Load(); n != 75 {
		t.Fatalf("the HTTP server saw %d requests; the fetch limit should have let exactly 75 through", n)
	}
}

// An action written the way Lit's documentation writes them: params as globals, ethers v5
// utilities, signEcdsa awaited inside go().
const litDocsAction = `
const go = async () => {
  // this requests a signature share from the Lit Node
  // the signature share will be automatically returned in the HTTP response from the node
  const messageHash = ethers.utils.keccak256(ethers.utils.toUtf8Bytes(message));
  const toSign = ethers.utils.arrayify(messageHash);
  const sigShare = await LitActions.signEcdsa({ toSign, publicKey, sigName });
  LitActions.setResponse({ response: JSON.stringify({ messageHash, sigShare, count: jsParams.count + 1 }) });
};

go();
`

func TestLitDocsActionRunsUnmodified(t *testing.T) {
	p := pool(t)
	host := newTestHost()
	const pubKey = "0x04" + "11111111111111111111111111111111111111111111111111111111111111112222222222222222222222222222222222222222222222222222222222222222"
	params := `{"message": "Hello from litmesh", "publicKey": "` + pubKey + `", "sigName": "sig1", "count": 41}`
	res, err := run(t, p, host, litDocsAction, params)
	if err != nil {
		t.Fatalf("execute: %v (logs %q)", err, res.Logs)
	}
	hash := keccak([]byte("Hello from litmesh"))
	var got struct {
		MessageHash string `json:"messageHash"`
		SigShare    string `json:"sigShare"`
		Count       int    `json:"count"`
	}
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatalf("response %q: %v", res.Response, err)
	}
	if got.MessageHash != "0x"+hex.EncodeToString(hash) || got.SigShare != "success" || got.Count != 42 {
		t.Fatalf("response %+v, want keccak 0x%x, sigShare \"success\", count 42", got, hash)
	}
	if want := shareFor(hash, pubKey); string(res.Signatures["sig1"]) != string(want) {
		t.Fatalf("signature under sig1 is %s, want the host's share %s", res.Signatures["sig1"], want)
	}
	if len(host.signed) != 1 || host.signed[0].Action.IPFSID != "QmTestAction" || host.signed[0].Auth.AuthSigAddress == "" {
		t.Fatalf("the host was asked to sign %+v; want one request carrying the action's CID and auth", host.signed)
	}
}

func TestHostAPI(t *testing.T) {
	p := pool(t)
	srv := newEchoServer(t)
	host := newTestHost()
	const pubKey = "04" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	code := `(async () => {
		console.log("starting", {n: 1});
		const order = [];
		setTimeout(() => order.push("b"), 20);
		setTimeout(() => order.push("a"), 5);
		const cancelled = setTimeout(() => order.push("never"), 10);
		clearTimeout(cancelled);
		await new Promise((resolve) => setTimeout(resolve, 40));

		const r = await fetch(base + "/echo", {method: "POST", headers: {Authorization: "Bearer t"}, body: "payload"});
		const echoed = await r.json();

		const [pass, fail, rpc, permitted, notPermitted] = await Promise.all([
			Lit.Actions.checkConditions({conditions: [{pass: true}], authSig: {sig: "0x01"}, chain: "litdevnet"}),
			Lit.Actions.checkConditions({conditions: [{pass: false}], chain: "litdevnet"}),
			Lit.Actions.getRpcUrl({chain: "litdevnet"}),
			Lit.Actions.isPermittedAction({tokenId: 42, ipfsId: "QmPermitted"}),
			Lit.Actions.isPermittedAction({tokenId: "42", ipfsId: "QmOther"}),
		]);
		const badChain = await Lit.Actions.getRpcUrl({chain: "nowhere"});
		let badHash = "";
		try { await Lit.Actions.signEcdsa({toSign: [1, 2, 3], publicKey: "0x04", sigName: "short"}) } catch (e) { badHash = e.message }
		let refused = "";
		try { await Lit.Actions.signEcdsa({toSign: new Uint8Array(32), publicKey: "0xforbidden", sigName: "f"}) } catch (e) { refused = e.message }

		Lit.Actions.setResponse({response: JSON.stringify({
			order, status: r.status, ok: r.ok, contentType: r.headers.get("content-type"), echoed,
			pass, fail, rpc, permitted, notPermitted, badChain, badHash, refused,
			tokenId: Lit.Actions.pubkeyToTokenId({publicKey: pubKey}),
			auth: Lit.Auth, alias: LitActions === Lit.Actions && LitAuth === Lit.Auth,
			param: typeof base, text: new TextDecoder().decode(new TextEncoder().encode("héllo")),
			b64: btoa("hi"), random: crypto.getRandomValues(new Uint8Array(8)).length,
		})});
	})()`
	params := `{"base": "` + srv.URL + `", "pubKey": "` + pubKey + `"}`
	res, err := run(t, p, host, code, params)
	if err != nil {
		t.Fatalf("execute: %v (logs %q)", err, res.Logs)
	}
	var got struct {
		Order        []string          `json:"order"`
		Status       int               `json:"status"`
		OK           bool              `json:"ok"`
		ContentType  string            `json:"contentType"`
		Echoed       map[string]string `json:"echoed"`
		Pass, Fail   bool
		RPC          string `json:"rpc"`
		Permitted    bool   `json:"permitted"`
		NotPermitted bool   `json:"notPermitted"`
		BadChain     string `json:"badChain"`
		BadHash      string `json:"badHash"`
		Refused      string `json:"refused"`
		TokenID      string `json:"tokenId"`
		Auth         map[string]any
		Alias        bool   `json:"alias"`
		Random       int    `json:"random"`
		ParamJSON    string `json:"param"`
		TextJSON     string `json:"text"`
		B64JSON      string `json:"b64"`
	}
	if err := json.Unmarshal([]byte(res.Response), &got); err != nil {
		t.Fatalf("response %q: %v", res.Response, err)
	}
	keyBytes, _ := hex.DecodeString(pubKey)
	checks := []struct {
		what string
		ok   bool
	}{
		{"timers fire in due order and clearTimeout cancels", strings.Join(got.Order, ",") == "a,b"},
		{"fetch reaches the server with method, headers and body", got.Status == 200 && got.OK && got.ContentType == "application/json" &&
			got.Echoed["method"] == "POST" && got.Echoed["path"] == "/echo" && got.Echoed["body"] == "payload" && got.Echoed["auth"] == "Bearer t"},
		{"checkConditions returns the host's verdicts", got.Pass && !got.Fail},
		{"getRpcUrl returns the host's URL", got.RPC == "http://127.0.0.1:8545"},
		{"isPermittedAction returns the host's answers", got.Permitted && !got.NotPermitted},
		{"getRpcUrl of an unknown chain resolves to Lit's error string", got.BadChain == `Error getting RPC URL: unknown chain "nowhere"`},
		{"signEcdsa refuses a message that is not a 32-byte hash", strings.HasPrefix(got.BadHash, "Message length to be signed is not 32 bytes.")},
		{"signEcdsa passes on the host's refusal", strings.Contains(got.Refused, "may not sign with PKP 0xforbidden")},
		{"pubkeyToTokenId is keccak256 of the key bytes", got.TokenID == "0x"+hex.EncodeToString(keccak(keyBytes))},
		{"Lit.Auth carries the CID and the auth address", got.Auth["authSigAddress"] == "0x1111111111111111111111111111111111111111" &&
			len(got.Auth["actionIpfsIds"].([]any)) == 1 && got.Auth["actionIpfsIds"].([]any)[0] == "QmTestAction"},
		{"LitActions and LitAuth alias Lit.Actions and Lit.Auth", got.Alias},
		{"jsParams become globals", got.ParamJSON == "string"},
		{"TextEncoder and TextDecoder round-trip UTF-8", got.TextJSON == "héllo"},
		{"btoa encodes base64", got.B64JSON == "aGk="},
		{"crypto.getRandomValues fills the array", got.Random == 8},
		{"console output is captured", res.Logs == "starting {\"n\":1}\n"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: response %s, logs %q", c.what, res.Response, res.Logs)
		}
	}
	if len(res.Signatures) != 0 {
		t.Errorf("failed signings left signatures %v", res.Signatures)
	}
	// The two checks ran concurrently (Promise.all), so they reach the host in either order.
	withSig := 0
	for _, c := range host.conds {
		if string(c.AuthSig) == `{"sig":"0x01"}` && string(c.Conditions) == `[{"pass":true}]` && c.Chain == "litdevnet" {
			withSig++
		}
	}
	if len(host.conds) != 2 || withSig != 1 {
		t.Errorf("checkConditions reached the host as %+v", host.conds)
	}
}

func TestExecutionsDoNotSeeEachOther(t *testing.T) {
	p := pool(t)
	h := newTestHost()
	if _, err := run(t, p, h, `globalThis.leaked = "secret"; Array.prototype.evil = 1; Lit.Actions.extra = 1; ethers.utils.keccak256 = () => "0xpwned";`, `{"onlyHere": 1}`); err != nil {
		t.Fatal(err)
	}
	// Every worker runs the check at least once: the pool hands workers out in turn.
	for i := range 4 {
		res, err := run(t, p, h, `Lit.Actions.setResponse({response: [typeof leaked, typeof [].evil, typeof Lit.Actions.extra,
			typeof onlyHere, typeof gc, ethers.utils.keccak256("0x")].join(",")})`, "")
		if err != nil {
			t.Fatal(err)
		}
		want := "undefined,undefined,undefined,undefined,undefined,0x" + hex.EncodeToString(keccak(nil))
		if res.Response != want {
			t.Fatalf("run %d saw %q, want %q", i, res.Response, want)
		}
	}
}

func TestTimersEndWithTheExecution(t *testing.T) {
	p := pool(t)
	res, err := run(t, p, newTestHost(), `setTimeout(() => console.log("late"), 50); throw new Error("stop")`, "")
	if runtime.KindOf(err) != runtime.KindException {
		t.Fatalf("got %v, want an exception", err)
	}
	// The next executions on every worker run no leftover timer.
	for range 2 {
		res, err = run(t, p, newTestHost(), `(async () => { await new Promise(r => setTimeout(r, 100)); Lit.Actions.setResponse({response: "ok"}) })()`, "")
		if err != nil || res.Response != "ok" || res.Logs != "" {
			t.Fatalf("got response %q logs %q err %v; want a clean run", res.Response, res.Logs, err)
		}
	}
}

func TestCancelStopsARunningAction(t *testing.T) {
	p := pool(t)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := p.Execute(ctx, runtime.Request{Code: `while (true) {}`}, newTestHost())
	if runtime.KindOf(err) != runtime.KindCanceled {
		t.Fatalf("got %v, want canceled", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("cancel took %s; the worker should stop at once, long before its 3s time limit", took)
	}
	mustServe(t, p)
}

func TestRequestValidation(t *testing.T) {
	p := pool(t)
	cases := []struct {
		name string
		req  runtime.Request
		msg  string
	}{
		{"no code", runtime.Request{}, "no code"},
		{"code over the limit", runtime.Request{Code: strings.Repeat(" ", 16<<20+1)}, "over the 16777216-byte limit"},
		{"jsParams that are not an object", runtime.Request{Code: "1", JSParams: json.RawMessage(`[1]`)}, "must be a JSON object"},
		{"jsParams that are not JSON", runtime.Request{Code: "1", JSParams: json.RawMessage(`{`)}, "not valid JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := p.Execute(context.Background(), c.req, newTestHost())
			if runtime.KindOf(err) != runtime.KindBadRequest || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("got %v, want bad_request with %q", err, c.msg)
			}
		})
	}
}

// A worker runs executions back to back in one isolate: what an execution leaves behind (its
// context, its ethers, its source) must be reclaimed, or later actions fail for memory that
// is not theirs.
func TestExecutionsDoNotAccumulateMemory(t *testing.T) {
	p, err := runtime.NewPool(context.Background(), runtime.WithWorkers(1), runtime.WithLimits(runtime.Limits{MaxHeap: 32 << 20}), runtime.WithIdleRecycle(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	padding := strings.Repeat("x", 2<<20)
	for i := range 20 {
		// A different source each time, as different actions would be: V8 caches identical ones.
		bulky := fmt.Sprintf("/* %d %s */ Lit.Actions.setResponse({response: ethers.utils.id(seed)})", i, padding)
		res, err := run(t, p, newTestHost(), bulky, fmt.Sprintf(`{"seed": "run %d"}`, i))
		if err != nil {
			t.Fatalf("run %d of a 2 MiB action using ethers, on a 32 MiB heap: %v", i, err)
		}
		if want := "0x" + hex.EncodeToString(keccak([]byte(fmt.Sprintf("run %d", i)))); res.Response != want {
			t.Fatalf("run %d: response %q, want %q", i, res.Response, want)
		}
	}
	if s := p.Stats(); s.Started != 1 {
		t.Fatalf("stats %+v: the worker was replaced, so memory accumulated", s)
	}
}

// While one worker dies of a memory bomb, the other keeps serving.
func TestOtherExecutionsRunWhileOneWorkerDies(t *testing.T) {
	p := pool(t)
	testutil.WaitFor(t, 30*time.Second, "both workers idle", func() bool { return p.Stats().Idle == 2 })
	bomb := make(chan error, 1)
	go func() {
		_, err := run(t, p, newTestHost(), `const a = []; for (;;) a.push(new Array(1e5).fill(1.5));`, "")
		bomb <- err
	}()
	served := 0
	for {
		select {
		case err := <-bomb:
			if runtime.KindOf(err) != runtime.KindMemory {
				t.Fatalf("the bomb gave %v, want a memory error", err)
			}
			if served == 0 {
				t.Fatal("no execution completed while the bomb ran")
			}
			mustServe(t, p)
			return
		default:
			mustServe(t, p)
			served++
		}
	}
}
