package runtime_test

import "testing"

func TestSmoke(t *testing.T) {
	p := pool(t)
	res, err := run(t, p, newTestHost(), `console.log("hi", {a: 1}); Lit.Actions.setResponse({response: "x" + a + ethers.utils.keccak256("0x")})`, `{"a": 5}`)
	t.Logf("res %+v err %v", res, err)
	t.Logf("%+v", p.Stats())
}
