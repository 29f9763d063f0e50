package runtime

import (
	"encoding/json"
	"testing"
)

// A context prepared while the worker waited (prepareNext) carries nothing of the execution
// before it: not its globals, not what it did to shared builtins' prototypes or to ethers, not
// the promise callbacks, finalizers or timers it left queued. It is taken by one execution and
// never again.
func TestAPreparedContextSeesNothingOfThePreviousExecution(t *testing.T) {
	lim, err := Limits{}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	e, err := newEngine(lim, func(message) error { return nil }, newInbox())
	if err != nil {
		t.Fatal(err)
	}
	ex := &execMsg{}
	first := e.run(ex, []byte(`
		globalThis.__x = 1;
		Object.prototype.polluted = 1;
		ethers.utils.polluted = 1;
		Promise.resolve().then(() => { globalThis.late = 1; Object.prototype.late2 = 1; });
		new FinalizationRegistry(() => { Object.prototype.fin = 1; }).register({}, 1);
		setTimeout(() => { Object.prototype.tm = 1; }, 1);
		throw new Error("the first action fails on purpose");
	`), nil)
	if first.Result.Error == nil {
		t.Fatal("the first action's throw was not reported")
	}
	e.collect()
	e.prepareNext()
	if e.next == nil || e.next.ethers == nil {
		t.Fatal("no context was prepared with ethers after an execution that used ethers")
	}
	second := e.run(ex, []byte(`Lit.Actions.setResponse({response: JSON.stringify({
		x: typeof __x, polluted: ({}).polluted ?? null, late: typeof late, late2: ({}).late2 ?? null,
		fin: ({}).fin ?? null, tm: ({}).tm ?? null, ethersPolluted: ethers.utils.polluted ?? null,
		ethers: typeof ethers.version, params: typeof a })})`), []byte(`{"a":1}`))
	if second.Result.Error != nil {
		t.Fatalf("the second action failed: %v", second.Result.Error)
	}
	if e.next != nil {
		t.Fatal("the prepared context is still there to be taken by another execution")
	}
	var got map[string]any
	if err := json.Unmarshal(second.parts[0], &got); err != nil {
		t.Fatalf("response %q: %v", second.parts[0], err)
	}
	want := map[string]any{
		"x": "undefined", "polluted": nil, "late": "undefined", "late2": nil, "fin": nil, "tm": nil,
		"ethersPolluted": nil, "ethers": "string", "params": "number",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: the prepared context shows %v, want %v (the previous execution leaked into it)", k, got[k], w)
		}
	}
}
