package testnet_test

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// The conformance suite: actions written the way Lit's documentation, developer guides and
// its node's own test scripts (lit-peer tests/lit_action_scripts) write them, one or more per
// function of Lit.Actions, run unmodified on a 4-node network with a chain.

// conformance is the network the suite runs on.
type conformance struct {
	t      *testing.T
	ctx    context.Context
	c      *testnet.Cluster
	cl     *client.Client
	owner  *client.PKPInfo
	auth   *client.Session // the PKP owner's session
	other  *client.Session // someone else's
	pinned map[string]string
}

// run executes code inline with params and fails the test unless every node gave the same
// successful answer.
func (cf *conformance) run(t *testing.T, code string, params any) *client.ExecuteResult {
	t.Helper()
	return cf.exec(t, client.ExecuteRequest{Code: []byte(code), Auth: cf.auth}, params)
}

func (cf *conformance) exec(t *testing.T, req client.ExecuteRequest, params any) *client.ExecuteResult {
	t.Helper()
	if params != nil {
		raw, err := json.Marshal(params)
		if err != nil {
			t.Fatal(err)
		}
		req.JSParams = raw
	}
	res, err := cf.cl.Execute(cf.ctx, req)
	if err != nil {
		if res != nil {
			t.Logf("logs: %s", res.Logs)
		}
		t.Fatalf("execute: %v", err)
	}
	if res.Agreed != len(res.Nodes) {
		for _, n := range res.Nodes {
			t.Logf("%s: %s %s", n.URL, n.Error, clipJSON(n.Result))
		}
		t.Fatalf("only %d of %d nodes agree", res.Agreed, len(res.Nodes))
	}
	return res
}

// fails executes code and returns the action's failure, which every node must agree on.
func (cf *conformance) fails(t *testing.T, code string, params any) *client.ActionFailedError {
	t.Helper()
	raw, _ := json.Marshal(params)
	_, err := cf.cl.Execute(cf.ctx, client.ExecuteRequest{Code: []byte(code), JSParams: raw, Auth: cf.auth})
	var failed *client.ActionFailedError
	if !errors.As(err, &failed) {
		t.Fatalf("got %v, want the action to fail", err)
	}
	if failed.Agreed != failed.Of {
		t.Fatalf("only %d of %d nodes failed the same way: %v", failed.Agreed, failed.Of, err)
	}
	return failed
}

func (cf *conformance) pin(t *testing.T, code string) string {
	t.Helper()
	if cid, ok := cf.pinned[code]; ok {
		return cid
	}
	cid, _, err := cf.cl.PinAction(cf.ctx, []byte(code), anyAuthSig(t))
	if err != nil {
		t.Fatal(err)
	}
	cf.pinned[code] = cid
	return cid
}

func (cf *conformance) permit(t *testing.T, pkp *client.PKPInfo, cid string) {
	t.Helper()
	id, ok := new(big.Int).SetString(strings.TrimPrefix(pkp.TokenID, "0x"), 16)
	if !ok {
		t.Fatalf("token id %q", pkp.TokenID)
	}
	canon, err := chain.CanonicalCID(cid)
	if err != nil {
		t.Fatal(err)
	}
	if err := cf.c.Chain.PermitAction(cf.ctx, pkptest.DevKey(t, 8), id, canon); err != nil {
		t.Fatal(err)
	}
}

func clipJSON(v any) string {
	raw, _ := json.Marshal(v)
	if len(raw) > 300 {
		raw = raw[:300]
	}
	return string(raw)
}

func decodeResponse(t *testing.T, res *client.ExecuteResult, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(res.Response), v); err != nil {
		t.Fatalf("response %q: %v (logs %q)", res.Response, err, res.Logs)
	}
}

// conditionsFor is a condition every address meets on the devnet (a balance ≥ 0) or none can.
func conditionsFor(holds bool) []map[string]any {
	value := "0"
	if !holds {
		value = "1000000000000000000000000000000000000000"
	}
	return []map[string]any{{"contractAddress": "", "standardContractType": "", "chain": "litdevnet", "method": "eth_getBalance",
		"parameters": []string{":userAddress", "latest"}, "returnValueTest": map[string]string{"comparator": ">=", "value": value}}}
}

func TestLitActionsConformance(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithChain(), testnet.WithConfig(func(_ int, cfg *node.Config) {
		cfg.PKPPool = 8
		cfg.ActionTimeout = node.Duration{Duration: 10 * time.Second}
		// Cross-node functions hold a worker while they wait for the other nodes: two
		// executions at once need two workers at every node, or each node could be running the
		// other one and both wait out the time limit.
		cfg.ActionWorkers = 2
		// The suite's stand-ins for web services (the weather service…) listen on loopback.
		cfg.ActionFetchAllow = []string{"127.0.0.1"}
	}))
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)
	c.WaitPools(ctx, 4)
	cl := testnet.NewClient(c.NetworkFile())
	defer cl.Close()
	ownerKey := pkptest.DevKey(t, 8)
	pkp, err := cl.MintPKP(ctx, ownerKey)
	if err != nil {
		t.Fatal(err)
	}
	owner := pkptest.Session(t, ownerKey)
	other := pkptest.Session(t, pkptest.DevKey(t, 9))
	cf := &conformance{t: t, ctx: ctx, c: c, cl: cl, owner: pkp, auth: owner, other: other, pinned: map[string]string{}}

	t.Run("signEcdsa", func(t *testing.T) { cf.signEcdsa(t) })
	t.Run("signAndCombineEcdsa", func(t *testing.T) { cf.signAndCombine(t) })
	t.Run("sign and ethPersonalSignMessageEcdsa", func(t *testing.T) { cf.signVariants(t) })
	t.Run("signAsAction, getActionPublicKey, verifyActionSignature", func(t *testing.T) { cf.actionKeys(t) })
	t.Run("encrypt, decryptAndCombine, decryptToSingleNode", func(t *testing.T) { cf.decryption(t) })
	t.Run("runOnce and broadcastAndCollect", func(t *testing.T) { cf.coordination(t) })
	t.Run("call", func(t *testing.T) { cf.call(t) })
	t.Run("claimKey", func(t *testing.T) { cf.claimKey(t) })
	t.Run("chain and permission reads", func(t *testing.T) { cf.chainReads(t) })
	t.Run("local functions and globals", func(t *testing.T) { cf.locals(t) })
	t.Run("limits", func(t *testing.T) { cf.limits(t) })
	t.Run("executions are isolated from each other", func(t *testing.T) { cf.isolation(t) })
	t.Run("examples", func(t *testing.T) { cf.examples(t) })
}

// examples runs the example actions of examples/actions, as their comments say to.
func (cf *conformance) examples(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "examples", "actions", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	res := cf.run(t, read("run-once-broadcast.js"), nil)
	var rob struct {
		Block string
		Votes []string
	}
	decodeResponse(t, res, &rob)
	if rob.Block == "" || len(rob.Votes) != 4 || rob.Votes[0] != "agree at block "+rob.Block {
		t.Errorf("run-once-broadcast.js: %s", res.Response)
	}

	res = cf.run(t, read("encrypt-decrypt.js"), map[string]any{"accessControlConditions": conditionsFor(true)})
	if res.Response != `{"decryptedLength":34,"startsWith":"an API"}` {
		t.Errorf("encrypt-decrypt.js: %s", res.Response)
	}

	res = cf.run(t, read("sign-and-combine.js"), map[string]string{"publicKey": cf.owner.PublicKey, "message": "hello from litmesh"})
	var sac struct{ Recovered, PKPAddress string }
	decodeResponse(t, res, &sac)
	if sac.Recovered != cf.owner.EthAddress || sac.PKPAddress != cf.owner.EthAddress {
		t.Errorf("sign-and-combine.js: %s (PKP %s)", res.Response, cf.owner.EthAddress)
	}

	child := cf.pin(t, read("child.js"))
	res = cf.run(t, read("call-child.js"), map[string]string{"childCid": child, "publicKey": cf.owner.PublicKey})
	pkptest.CheckRecovers(t, res.Signatures["childSig"], [32]byte(crypto.Keccak256([]byte("signed by a child action"))), cf.owner.EthAddress)

	res = cf.run(t, read("claim-key.js"), map[string]string{"userId": "alice@example.com"})
	if c := res.Claims["alice@example.com"]; c == nil || len(c.Signatures) != 4 {
		t.Errorf("claim-key.js: claims %+v", res.Claims)
	}
}

// Lit's sign_hello_world.js: params from the SDK, a keccak256 hash, one share per node that the
// client combines.
const signHelloWorld = `const go = async () => {
  // this requests a signature share from the Lit Node
  // the signature share will be automatically returned in the response from the node
  // and combined into a full signature by the LitJsSdk for you to use on the client
  let utf8Encode = new TextEncoder();
  const toSign = ethers.utils.arrayify(
    ethers.utils.keccak256(utf8Encode.encode('Hello World'))
  );
  const sigShare = await LitActions.signEcdsa({ toSign, publicKey, sigName });
};
go();`

// Lit's fail_sign_non_hashed_message.js.
const failSignNonHashed = `const go = async () => {
  // this requests should fail because the message to sign is not 32 bytes.
  let utf8Encode = new TextEncoder();
  const toSign = utf8Encode.encode('Hello World');
  const sigShare = await LitActions.signEcdsa({ toSign, publicKey, sigName });
};
go();`

func (cf *conformance) signEcdsa(t *testing.T) {
	params := map[string]string{"publicKey": cf.owner.PublicKey, "sigName": "sig1"}
	res := cf.run(t, signHelloWorld, params)
	sig := res.Signatures["sig1"]
	if sig == nil {
		t.Fatalf("no combined signature: %v", res.SignatureErrors)
	}
	pkptest.CheckRecovers(t, sig, [32]byte(crypto.Keccak256([]byte("Hello World"))), cf.owner.EthAddress)

	failed := cf.fails(t, failSignNonHashed, params)
	if failed.Kind != api.ActionException || !strings.Contains(failed.Message, "Message length to be signed is not 32 bytes") {
		t.Fatalf("a non-hashed message: %v", failed)
	}
}

// signAndCombineEcdsa as Lit's developer guides use it: parse the JSON string, strip r's
// prefix, join with ethers, recover the PKP's address — all inside the action.
const signAndCombineGuide = `const go = async () => {
  const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(message)));
  const signature = await Lit.Actions.signAndCombineEcdsa({ toSign, publicKey, sigName });
  const jsonSignature = JSON.parse(signature);
  jsonSignature.r = "0x" + jsonSignature.r.substring(2);
  jsonSignature.s = "0x" + jsonSignature.s;
  const hexSignature = ethers.utils.joinSignature(jsonSignature);
  const recovered = ethers.utils.recoverAddress(toSign, hexSignature);
  Lit.Actions.setResponse({ response: JSON.stringify({ recovered, hexSignature, raw: JSON.parse(signature) }) });
};
go();`

// Lit's multiple_sign_and_combine_ecdsa.js.
const multipleSignAndCombine = `(async () => {
  const sig1 = await Lit.Actions.signAndCombineEcdsa({
    toSign: ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes('test message 1'))),
    publicKey,
    sigName: 'sig1',
  });
  const sig2 = await Lit.Actions.signAndCombine({
    toSign: ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes('test message 2'))),
    publicKey,
    sigName: 'sig2',
    signingScheme: 'EcdsaK256Sha256',
  });
  const sigs = { sig1: JSON.parse(sig1), sig2: JSON.parse(sig2) };
  Lit.Actions.setResponse({ response: JSON.stringify(sigs) });
})();`

func (cf *conformance) signAndCombine(t *testing.T) {
	res := cf.run(t, signAndCombineGuide, map[string]string{"publicKey": cf.owner.PublicKey, "sigName": "sig", "message": "combined in the action"})
	var got struct {
		Recovered    string `json:"recovered"`
		HexSignature string `json:"hexSignature"`
		Raw          struct {
			R string `json:"r"`
			S string `json:"s"`
			V int    `json:"v"`
		} `json:"raw"`
	}
	decodeResponse(t, res, &got)
	if got.Recovered != cf.owner.EthAddress {
		t.Fatalf("the action recovered %s, the PKP's address is %s", got.Recovered, cf.owner.EthAddress)
	}
	if len(got.Raw.R) != 66 || len(got.Raw.S) != 64 || (got.Raw.V != 0 && got.Raw.V != 1) {
		t.Fatalf("{r, s, v} %+v is not Lit's shape (r: the compressed R point, s: 32 bytes, v: 0 or 1)", got.Raw)
	}
	if len(res.Shares) != 0 {
		t.Fatalf("signAndCombineEcdsa's shares went to the client: %v", res.Shares)
	}

	res = cf.run(t, multipleSignAndCombine, map[string]string{"publicKey": strings.TrimPrefix(cf.owner.PublicKey, "0x")})
	var sigs map[string]struct {
		R, S string
		V    int
	}
	decodeResponse(t, res, &sigs)
	for name, msg := range map[string]string{"sig1": "test message 1", "sig2": "test message 2"} {
		s := sigs[name]
		r, _ := hex.DecodeString(s.R[2:])
		sb, _ := hex.DecodeString(s.S)
		pub, err := crypto.SigToPub(crypto.Keccak256([]byte(msg)), append(append(r, sb...), byte(s.V)))
		if err != nil || crypto.PubkeyToAddress(*pub).Hex() != cf.owner.EthAddress {
			t.Errorf("%s does not recover the PKP (%v)", name, err)
		}
	}
}

func (cf *conformance) signVariants(t *testing.T) {
	code := `(async () => {
  await Lit.Actions.ethPersonalSignMessageEcdsa({ message: "hello from an action", publicKey, sigName: "personal" });
  const hash = ethers.utils.arrayify(ethers.utils.id("sign with a scheme"));
  await Lit.Actions.sign({ toSign: hash, publicKey, sigName: "scheme", signingScheme: "EcdsaK256Sha256" });
  let frost = "";
  try {
    await Lit.Actions.sign({ toSign: hash, publicKey, sigName: "frost", signingScheme: "SchnorrEd25519Sha512" });
  } catch (e) { frost = e.message; }
  let blank = "";
  try { await Lit.Actions.sign({ toSign: hash, publicKey, sigName: "" , signingScheme: "EcdsaK256Sha256" }) } catch (e) { blank = e.name + ": " + e.message }
  Lit.Actions.setResponse({ response: JSON.stringify({ frost, blank }) });
})();`
	res := cf.run(t, code, map[string]string{"publicKey": cf.owner.PublicKey})
	var got struct{ Frost, Blank string }
	decodeResponse(t, res, &got)
	// An ECDSA PKP's public key with an Ed25519 scheme (every scheme signs in
	// TestLitActionsSignWithEveryScheme).
	if !strings.Contains(got.Frost, "a SchnorrEd25519Sha512 signature names its PKP by token id") {
		t.Errorf("a scheme that does not fit the key: %q", got.Frost)
	}
	if got.Blank != "RangeError: sigName must not be blank" {
		t.Errorf("a blank sigName: %q", got.Blank)
	}
	pkptest.CheckRecovers(t, res.Signatures["personal"], [32]byte(accounts.TextHash([]byte("hello from an action"))), cf.owner.EthAddress)
	pkptest.CheckRecovers(t, res.Signatures["scheme"], [32]byte(crypto.Keccak256([]byte("sign with a scheme"))), cf.owner.EthAddress)
	if _, ok := res.Signatures["frost"]; ok {
		t.Error("a refused scheme left a signature")
	}
}

// The action's own key: Lit's sign_as_lit_action.js, get_action_public_key.js and
// verify_action_signature.js in one action.
const actionKeyAction = `(async () => {
  const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes("signed as the action")));
  const me = Lit.Auth.actionIpfsIdStack[0];
  const signOutput = await Lit.Actions.signAsAction({ toSign, sigName: "self", signingScheme: "EcdsaK256Sha256" });
  const publicKey = await Lit.Actions.getActionPublicKey({ signingScheme: "EcdsaK256Sha256", actionIpfsCid: me });
  const verified = await Lit.Actions.verifyActionSignature({ signingScheme: "EcdsaK256Sha256", actionIpfsCid: me, toSign, signOutput });
  const otherAction = await Lit.Actions.verifyActionSignature({ signingScheme: "EcdsaK256Sha256", actionIpfsCid: otherCid, toSign, signOutput });
  const otherMessage = await Lit.Actions.verifyActionSignature({ signingScheme: "EcdsaK256Sha256", actionIpfsCid: me, toSign: new Uint8Array(32), signOutput });
  const out = JSON.parse(signOutput);
  const recovered = ethers.utils.computePublicKey(ethers.utils.recoverPublicKey(toSign,
    { r: "0x" + out.signature.slice(0, 64), s: "0x" + out.signature.slice(64), recoveryParam: out.recovery_id }), true);
  Lit.Actions.setResponse({ response: JSON.stringify({ signOutput, publicKey, verified, otherAction, otherMessage, recovered }) });
})();`

func (cf *conformance) actionKeys(t *testing.T) {
	otherCid := cf.pin(t, `Lit.Actions.setResponse({response: "some other action"})`)
	cid := cf.pin(t, actionKeyAction)
	res := cf.exec(t, client.ExecuteRequest{CID: cid, Auth: cf.other}, map[string]string{"otherCid": otherCid})
	var got struct {
		SignOutput   string `json:"signOutput"`
		PublicKey    string `json:"publicKey"`
		Verified     bool   `json:"verified"`
		OtherAction  bool   `json:"otherAction"`
		OtherMessage bool   `json:"otherMessage"`
		Recovered    string `json:"recovered"`
	}
	decodeResponse(t, res, &got)
	if !got.Verified || got.OtherAction || got.OtherMessage {
		t.Fatalf("verifyActionSignature: own %v, another action %v, another message %v", got.Verified, got.OtherAction, got.OtherMessage)
	}
	if got.Recovered != "0x"+got.PublicKey || len(got.PublicKey) != 66 {
		t.Fatalf("the signature recovers %s, getActionPublicKey says %s", got.Recovered, got.PublicKey)
	}
	// The key is the root key's derivation by keccak256("lit_action_" + CID): the same one
	// another action (or a client) asks getActionPublicKey for.
	res = cf.run(t, `(async () => Lit.Actions.setResponse({ response: await Lit.Actions.getActionPublicKey({ signingScheme: "EcdsaK256Sha256", actionIpfsCid: cid }) }))();`,
		map[string]string{"cid": cid})
	if res.Response != got.PublicKey {
		t.Fatalf("getActionPublicKey from another action: %s, want %s", res.Response, got.PublicKey)
	}
}

// Lit's encrypt_and_decrypt.js (with the network's own chain): encrypt once with runOnce, then
// every node decrypts.
const encryptAndDecrypt = `(async () => {
  let utf8Encode = new TextEncoder();
  const to_encrypt = utf8Encode.encode('this is a secret that was encrypted with lit');

  const resp = await Lit.Actions.runOnce(
    { waitForResponse: true, name: 'encrypt' },
    async () => {
      const { ciphertext, dataToEncryptHash } = await Lit.Actions.encrypt({
        accessControlConditions,
        to_encrypt,
      });
      return JSON.stringify({ ciphertext, dataToEncryptHash });
    }
  );
  const { ciphertext, dataToEncryptHash } = JSON.parse(resp);

  const decrypted = await Lit.Actions.decryptAndCombine({
    accessControlConditions,
    ciphertext,
    dataToEncryptHash,
    authSig: null,
    chain: 'litdevnet',
  });

  Lit.Actions.setResponse({ response: JSON.stringify({ decrypted, ciphertext, dataToEncryptHash }) });
})();`

// Lit's decrypt_and_combine_with_auth_sig.js shape.
const decryptAndCombine = `(async () => {
  const resp = await Lit.Actions.decryptAndCombine({
    accessControlConditions,
    ciphertext,
    dataToEncryptHash,
    authSig: null,
    chain: 'litdevnet',
  });
  Lit.Actions.setResponse({ response: JSON.stringify(resp) });
})();`

// Lit's decrypt_to_single_node.js, then runOnce hands the leader's plaintext to every node.
const decryptToSingleNode = `(async () => {
  const resp = await Lit.Actions.decryptToSingleNode({
    accessControlConditions,
    ciphertext,
    dataToEncryptHash,
    authSig: null,
    chain: 'litdevnet',
  });
  console.log(resp === '' ? 'this node holds nothing' : 'this node holds the plaintext');
  const shared = await Lit.Actions.runOnce({ waitForResponse: true, name: 'publish' }, async () => resp);
  Lit.Actions.setResponse({ response: shared });
})();`

func (cf *conformance) decryption(t *testing.T) {
	conds := conditionsFor(true)
	res := cf.run(t, encryptAndDecrypt, map[string]any{"accessControlConditions": conds})
	var got struct{ Decrypted, Ciphertext, DataToEncryptHash string }
	decodeResponse(t, res, &got)
	if got.Decrypted != "this is a secret that was encrypted with lit" {
		t.Fatalf("decrypted %q", got.Decrypted)
	}

	// The client opens what an action encrypted, as a .lit file.
	key, err := cf.cl.NetworkKey(cf.ctx)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := json.Marshal(conds)
	h, err := accessHash(list)
	if err != nil {
		t.Fatal(err)
	}
	file, _ := json.Marshal(map[string]any{"version": client.EncryptedFileVersion, "networkPublicKey": key.PublicKey, "chain": "litdevnet",
		"conditionsKind": "accessControlConditions", "accessControlConditions": json.RawMessage(list), "conditionsHash": h,
		"dataToEncryptHash": got.DataToEncryptHash, "ciphertext": got.Ciphertext})
	f, err := client.ParseEncryptedFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d, err := cf.cl.Decrypt(cf.ctx, f, pkptest.Session(t, pkptest.DevKey(t, 8)))
	if err != nil || string(d.Plaintext) != got.Decrypted {
		t.Fatalf("the client decrypts the action's ciphertext: %v", err)
	}

	// An action decrypts what the client encrypted.
	doc, _ := json.Marshal(map[string]any{"accessControlConditions": conds})
	fromClient, err := cf.cl.Encrypt(cf.ctx, doc, []byte("an API key from the client"))
	if err != nil {
		t.Fatal(err)
	}
	params := map[string]any{"accessControlConditions": conds, "ciphertext": fromClient.Ciphertext, "dataToEncryptHash": fromClient.DataToEncryptHash}
	if res := cf.run(t, decryptAndCombine, params); res.Response != `"an API key from the client"` {
		t.Fatalf("decryptAndCombine of the client's ciphertext: %s", res.Response)
	}
	res = cf.run(t, decryptToSingleNode, params)
	if res.Response != "an API key from the client" {
		t.Fatalf("decryptToSingleNode, then runOnce: %q", res.Response)
	}
	plaintextAt := 0
	for _, n := range res.Nodes {
		if strings.Contains(n.Result.Logs, "holds the plaintext") {
			plaintextAt++
		}
	}
	if plaintextAt != 1 {
		t.Fatalf("%d nodes hold the plaintext after decryptToSingleNode, want only the leader", plaintextAt)
	}

	// Lit's decrypt_and_combine_with_access_denied.js: conditions nobody meets.
	denied := conditionsFor(false)
	doc, _ = json.Marshal(map[string]any{"accessControlConditions": denied})
	locked, err := cf.cl.Encrypt(cf.ctx, doc, []byte("locked"))
	if err != nil {
		t.Fatal(err)
	}
	failed := cf.fails(t, decryptAndCombine, map[string]any{"accessControlConditions": denied, "ciphertext": locked.Ciphertext, "dataToEncryptHash": locked.DataToEncryptHash})
	if !strings.Contains(failed.Message, "Access control conditions check failed") {
		t.Fatalf("denied: %v", failed)
	}
}

// accessHash is the conditions hash of an access-control condition list.
func accessHash(list []byte) (string, error) {
	conds, err := access.Parse(access.KindAccessControl, list, access.WithChains("litdevnet"))
	if err != nil {
		return "", err
	}
	return conds.HashHex(), nil
}

// Lit's run_once_and_collect_responses.js, with a local server for the weather service: only the
// leader fetches, every node gets its answer.
const runOnceAndCollect = `(async () => {
  let temp = await Lit.Actions.runOnce(
    { waitForResponse: true, name: 'weather' },
    async () => {
      const url = weatherUrl;
      const resp = await fetch(url).then((response) => response.json());
      const temp = resp.properties.periods[0].temperature;
      return temp;
    }
  );
  let failed = await Lit.Actions.runOnce({ waitForResponse: true, name: 'fails' }, async () => { throw new Error('no') });
  const quiet = await Lit.Actions.runOnce({ waitForResponse: false, name: 'quiet' }, async () => 'ignored');
  Lit.Actions.setResponse({ response: JSON.stringify({ temp, failed, quietIsLeaderOnly: quiet === undefined || quiet === 'ignored' }) });
})();`

// Lit's broadcast_and_collect.js, with a value that differs at every node.
const broadcastAndCollect = `(async () => {
  const resp = await Lit.Actions.broadcastAndCollect({
    name: 'some-name',
    value: crypto.randomUUID(),
  });
  Lit.Actions.setResponse({ response: JSON.stringify(resp) });
})();`

func (cf *conformance) coordination(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, `{"properties": {"periods": [{"temperature": 71}]}}`)
	}))
	defer srv.Close()
	res := cf.run(t, runOnceAndCollect, map[string]string{"weatherUrl": srv.URL})
	if res.Response != `{"temp":"71","failed":"[ERROR]","quietIsLeaderOnly":true}` {
		t.Fatalf("runOnce: %s", res.Response)
	}
	if n := hits.Load(); n != 1 {
		t.Fatalf("the weather service was called %d times, want once (by the leader)", n)
	}

	res = cf.run(t, broadcastAndCollect, nil)
	var values []string
	decodeResponse(t, res, &values)
	seen := map[string]bool{}
	for _, v := range values {
		seen[v] = true
	}
	if len(values) != 4 || len(seen) != 4 {
		t.Fatalf("broadcastAndCollect gave %v, want the 4 nodes' 4 different values (the same list at every node)", values)
	}
}

// Lit's sign_child_lit_action.js: the parent calls a pinned child that signs.
const signChild = `const go = async () => {
  await Lit.Actions.signEcdsa({ toSign, publicKey, sigName });
  Lit.Actions.setResponse({ response: JSON.stringify({ stack: Lit.Auth.actionIpfsIdStack }) });
};
go();`

const callChild = `const go = async () => {
    let utf8Encode = new TextEncoder();
    const toSign = utf8Encode.encode('This message is exactly 32 bytes');
    const res = await Lit.Actions.call({ ipfsId: childId, params: {
        toSign: Array.from(toSign),
        publicKey,
        sigName
    }});
    Lit.Actions.setResponse({ response: res });
  };
go();`

func (cf *conformance) call(t *testing.T) {
	child := cf.pin(t, signChild)
	// The PKP permits only the child: a caller anyone runs signs through it (any CID of the
	// call stack may sign, as on Lit).
	kid, err := cf.cl.MintPKP(cf.ctx, pkptest.DevKey(t, 8))
	if err != nil {
		t.Fatal(err)
	}
	cf.permit(t, kid, child)
	req := client.ExecuteRequest{Code: []byte(callChild), Auth: cf.other}
	res := cf.exec(t, req, map[string]string{"childId": child, "publicKey": kid.PublicKey, "sigName": "sig1"})
	var got struct{ Stack []string }
	decodeResponse(t, res, &got)
	if len(got.Stack) != 2 || got.Stack[1] != child {
		t.Fatalf("the child's Lit.Auth.actionIpfsIdStack: %v", got.Stack)
	}
	pkptest.CheckRecovers(t, res.Signatures["sig1"], [32]byte([]byte("This message is exactly 32 bytes")), kid.EthAddress)
}

// claimKey, as Lit's docs show it for claiming a key for a new user.
const claimKeyAction = `const go = async () => {
  Lit.Actions.claimKey({ keyId: userId });
};
go();`

func (cf *conformance) claimKey(t *testing.T) {
	cid := cf.pin(t, claimKeyAction)
	res := cf.exec(t, client.ExecuteRequest{CID: cid, Auth: cf.other}, map[string]string{"userId": "user-42"})
	claim := res.Claims["user-42"]
	if claim == nil {
		t.Fatalf("no claim: %+v", res.Claims)
	}
	want := "0x" + hex.EncodeToString(crypto.Keccak256([]byte(cid+"_user-42")))
	if claim.DerivedKeyID != want || len(claim.Signatures) != 4 || len(claim.Rejected) != 0 {
		t.Fatalf("claim %+v, want derived key id %s signed by 4 nodes", claim, want)
	}
	operators := map[string]bool{}
	for _, n := range cf.c.NetworkFile().Nodes {
		st, err := client.Status(cf.ctx, n.URL)
		if err != nil {
			t.Fatal(err)
		}
		operators[st.OperatorAddress] = true
	}
	for _, s := range claim.Signatures {
		if !operators[s.Signer] {
			t.Fatalf("claim signed by %s, not an operator of the network", s.Signer)
		}
	}
}

func (cf *conformance) chainReads(t *testing.T) {
	ctx := cf.ctx
	ownerKey := pkptest.DevKey(t, 8)
	pkp, err := cf.cl.MintPKP(ctx, ownerKey)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := new(big.Int).SetString(strings.TrimPrefix(pkp.TokenID, "0x"), 16)
	permittedCID := cf.pin(t, `// permitted`+"\n"+`Lit.Actions.setResponse({response: "x"})`)
	canon, _ := chain.CanonicalCID(permittedCID)
	friend := crypto.PubkeyToAddress(pkptest.DevKey(t, 9).PublicKey)
	if err := cf.c.Chain.PermitAction(ctx, ownerKey, id, canon); err != nil {
		t.Fatal(err)
	}
	if err := cf.c.Chain.PermitAddress(ctx, ownerKey, id, friend); err != nil {
		t.Fatal(err)
	}
	if err := cf.c.Chain.PermitAuthMethod(ctx, ownerKey, id, chain.AuthMethod{Type: 6, ID: []byte("google-user"), Scopes: []uint64{1, 2}}); err != nil {
		t.Fatal(err)
	}
	code := `(async () => {
  const tokenId = Lit.Actions.pubkeyToTokenId({ publicKey });
  const userId = Lit.Actions.uint8arrayFromString("google-user");
  const r = {
    tokenId,
    action: await Lit.Actions.isPermittedAction({ tokenId, ipfsId: permittedCid }),
    notAction: await Lit.Actions.isPermittedAction({ tokenId, ipfsId: Lit.Auth.actionIpfsIdStack[0] }),
    address: await Lit.Actions.isPermittedAddress({ tokenId, address: friend }),
    authMethod: await Lit.Actions.isPermittedAuthMethod({ tokenId, authMethodType: "6", userId }),
    actions: await Lit.Actions.getPermittedActions({ tokenId }),
    addresses: await Lit.Actions.getPermittedAddresses({ tokenId }),
    authMethods: await Lit.Actions.getPermittedAuthMethods({ tokenId }),
    scopes: await Lit.Actions.getPermittedAuthMethodScopes({ tokenId, authMethodType: "6", userId, maxScopeId: 4 }),
    nonce: await Lit.Actions.getLatestNonce({ address: owner, chain: "litdevnet" }),
    rpc: await Lit.Actions.getRpcUrl({ chain: "litdevnet" }),
    rpcChainId: 0,
    unknownChain: await Lit.Actions.getRpcUrl({ chain: "filecoin" }),
  };
  // The URL is the node's RPC proxy for this execution, different at every node: the action
  // uses it and answers what every node agrees on.
  r.rpcChainId = (await new ethers.providers.JsonRpcProvider(r.rpc).getNetwork()).chainId;
  r.rpc = r.rpc.startsWith("http://127.0.0.1:") && !r.rpc.includes(chainRpc) ? "the node's proxy" : r.rpc;
  const erc20 = new ethers.utils.Interface(["function balanceOf(address) view returns (uint256)"]);
  const txn = ethers.utils.serializeTransaction({ to: token, data: erc20.encodeFunctionData("balanceOf", [owner]) });
  const result = await Lit.Actions.callContract({ chain: "litdevnet", txn });
  r.balance = erc20.decodeFunctionResult("balanceOf", result)[0].toString();
  try { await Lit.Actions.getPermittedActions({ tokenId: "not a number" }) } catch (e) { r.badTokenId = e.name + ": " + e.message }
  Lit.Actions.setResponse({ response: JSON.stringify(r) });
})();`
	ownerAddr := crypto.PubkeyToAddress(pkptest.DevKey(t, 0).PublicKey)
	res := cf.run(t, code, map[string]string{"publicKey": pkp.PublicKey, "permittedCid": permittedCID, "friend": friend.Hex(),
		"owner": ownerAddr.Hex(), "token": cf.c.Deployment.Contracts.DemoERC20.Hex(), "chainRpc": cf.c.Deployment.RPCURL})
	var got struct {
		TokenID                                string
		Action, NotAction, Address, AuthMethod bool
		Actions, Addresses                     []string
		AuthMethods                            []map[string]string
		Scopes                                 []bool
		Nonce, RPC, UnknownChain, Balance      string
		RPCChainID                             uint64 `json:"rpcChainId"`
		BadTokenID                             string
	}
	decodeResponse(t, res, &got)
	ec, err := ethclient.DialContext(ctx, cf.c.Deployment.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	nonce, _ := ec.NonceAt(ctx, ownerAddr, nil)
	bal, err := erc20Balance(ctx, ec, cf.c.Deployment.Contracts.DemoERC20, ownerAddr)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		what string
		ok   bool
	}{
		{"pubkeyToTokenId", got.TokenID == pkp.TokenID},
		{"isPermittedAction", got.Action && !got.NotAction},
		{"isPermittedAddress", got.Address},
		{"isPermittedAuthMethod", got.AuthMethod},
		{"getPermittedActions", len(got.Actions) == 1 && got.Actions[0] == permittedCID},
		{"getPermittedAddresses", len(got.Addresses) == 1 && strings.EqualFold(got.Addresses[0], friend.Hex())},
		{"getPermittedAuthMethods", len(got.AuthMethods) == 1 && got.AuthMethods[0]["auth_method_type"] == "0x6" && got.AuthMethods[0]["id"] == "0x"+hex.EncodeToString([]byte("google-user"))},
		{"getPermittedAuthMethodScopes", fmt.Sprint(got.Scopes) == "[false true true false]"},
		{"getLatestNonce", got.Nonce == fmt.Sprintf("0x%x", nonce)},
		{"getRpcUrl: the node's proxy, which serves the chain", got.RPC == "the node's proxy" && got.RPCChainID == devchain.ChainID},
		{"getRpcUrl of an unknown chain", strings.HasPrefix(got.UnknownChain, "Error getting RPC URL: ")},
		{"callContract", got.Balance == bal.String()},
		{"a bad tokenId", got.BadTokenID == "RangeError: tokenId must be a valid U256 string"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: response %s", c.what, res.Response)
		}
	}
}

func erc20Balance(ctx context.Context, ec *ethclient.Client, token, who common.Address) (*big.Int, error) {
	data := append(crypto.Keccak256([]byte("balanceOf(address)"))[:4], common.LeftPadBytes(who.Bytes(), 32)...)
	out, err := ec.CallContract(ctx, ethereum.CallMsg{To: &token, Data: data}, nil)
	if err != nil {
		return nil, err
	}
	return new(big.Int).SetBytes(out), nil
}

func (cf *conformance) locals(t *testing.T) {
	key := make([]byte, 32)
	iv := make([]byte, 16)
	_, _ = rand.Read(key)
	_, _ = rand.Read(iv)
	block, _ := aes.NewCipher(key)
	plain := []byte("sixteen byte msg")
	padded := append(append([]byte{}, plain...), bytesOf(16, 16)...)
	ct := make([]byte, len(padded))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(ct, padded)
	code := `(async () => {
  const r = {};
  r.aes = await Lit.Actions.aesDecrypt({ symmetricKey: key, ciphertext: ct });
  const bytes = Lit.Actions.uint8arrayFromString("hello world");
  r.base58 = Lit.Actions.uint8arrayToString(bytes, "base58btc");
  r.hex = Lit.Actions.uint8arrayToString(Lit.Actions.uint8arrayFromString("aGVsbG8gd29ybGQ=", "base64pad"), "base16");
  r.magic = jsParams.magic === magic && magic === 42;
  r.requestId = Lit.Headers.get("x-request-id") !== null;
  r.digest = ethers.utils.hexlify(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
  r.jwt = jwt.verify(jwt.sign({ sub: "ada" }, "secret"), "secret").sub;
  r.eval = (() => { try { eval("1"); return "allowed" } catch (e) { return e.name } })();
  r.frozen = Object.isFrozen(Lit.Actions);
  Lit.Actions.setResponse({ response: JSON.stringify(r) });
})();`
	// The v8 SDK's params shape: {jsParams: {...}}.
	res := cf.run(t, code, map[string]any{"jsParams": map[string]any{"key": numbersOf(key), "ct": numbersOf(append(iv, ct...)), "magic": 42}})
	want := fmt.Sprintf(`{"aes":"%x","base58":"StV1DL6CwTryKyV","hex":"68656c6c6f20776f726c64","magic":true,"requestId":true,`+
		`"digest":"0xb94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9","jwt":"ada","eval":"EvalError","frozen":true}`, plain)
	if res.Response != want {
		t.Fatalf("got  %s\nwant %s", res.Response, want)
	}
}

func bytesOf(n int, v byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = v
	}
	return b
}

func numbersOf(b []byte) []int {
	out := make([]int, len(b))
	for i, v := range b {
		out[i] = int(v)
	}
	return out
}

func (cf *conformance) limits(t *testing.T) {
	tooMany := `(async () => {
  for (let i = 0; i < 11; i++) {
    try { await Lit.Actions.signEcdsa({ toSign: ethers.utils.arrayify(ethers.utils.id("n" + i)), publicKey, sigName: "s" + i }) } catch (e) {}
  }
})();`
	failed := cf.fails(t, tooMany, map[string]string{"publicKey": cf.owner.PublicKey})
	if failed.Kind != api.ActionTooManySignatures || !strings.Contains(failed.Message, "You may not sign more than 10 times per session") {
		t.Fatalf("11 signatures: %v", failed)
	}
	res := cf.run(t, `let caught = "";
try { Lit.Actions.setResponse({ response: "x".repeat(101 * 1024) }) } catch (e) { caught = e.name }
Lit.Actions.setResponse({ response: caught });`, nil)
	if res.Response != "RangeError" {
		t.Fatalf("an oversized response, caught: %q", res.Response)
	}
	failed = cf.fails(t, `Lit.Actions.call({ ipfsId: "" })`, nil)
	if !strings.Contains(failed.Message, "RangeError: ipfsId must not be blank") {
		t.Fatalf("call without ipfsId: %v", failed)
	}
}

// isolation: an action reaches only its own execution's channel, and a node the request was not
// sent to takes no part.
func (cf *conformance) isolation(t *testing.T) {
	nodes := cf.c.NetworkFile().Nodes
	cid := cf.pin(t, broadcastAndCollect)

	t.Run("two executions of the same action do not see each other's values", func(t *testing.T) {
		results := make([][]string, 2)
		errs := make(chan error, 2)
		for i := range results {
			go func() {
				res, err := cf.cl.Execute(cf.ctx, client.ExecuteRequest{CID: cid, Auth: cf.auth})
				if err == nil {
					err = json.Unmarshal([]byte(res.Response), &results[i])
				}
				errs <- err
			}()
		}
		for range results {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		seen := map[string]bool{}
		for _, vs := range results {
			if len(vs) != 4 {
				t.Fatalf("an execution collected %d values, want its own 4: %v", len(vs), results)
			}
			for _, v := range vs {
				if seen[v] {
					t.Fatalf("a value crossed executions: %v", results)
				}
				seen[v] = true
			}
		}
	})

	t.Run("a node not in the node set cannot inject into the execution's channel", func(t *testing.T) {
		vals := cf.injected(t, cid, nodes[:3], nodes[:3], 3)
		if len(vals) != 3 || containsString(vals, "INJECTED") {
			t.Fatalf("values %v: want the 3 members' values only", vals)
		}
	})

	t.Run("a member of the node set speaks for itself, on the very channel injected above", func(t *testing.T) {
		// The same injection from a node the client put in the node set is taken as that node's
		// value: the session id the test computes is the real one, so the refusal above is the
		// membership check, not a wrong id.
		vals := cf.injected(t, cid, nodes, nodes[:3], 3)
		if len(vals) != 4 || !containsString(vals, "INJECTED") {
			t.Fatalf("values %v: want the 3 runners' values and node 3's", vals)
		}
	})

	t.Run("a node of the node set not sent the request does not join it", func(t *testing.T) {
		_, err := cf.cl.Execute(cf.ctx, client.ExecuteRequest{CID: cid, Auth: cf.auth, Nodes: nodes[:3], NodeSet: nodes})
		var failed *client.ActionFailedError
		if !errors.As(err, &failed) || !strings.Contains(failed.Message, cf.c.Members()[3].Node().PeerID().String()) {
			t.Fatalf("got %v, want the 3 nodes to give up naming the 4th", err)
		}
	})

	t.Run("a replayed request cannot run its cross-node functions again", func(t *testing.T) {
		req := api.ExecuteRequest{IPFSID: cid}
		id := "replay-" + hex.EncodeToString(bytesOf(4, 7))
		first := postAll(t, nodes, req, cf.auth, id)
		if !first.Success {
			t.Fatalf("first run: %+v", first.Error)
		}
		again := postAll(t, nodes, req, cf.auth, id)
		if again.Success || !strings.Contains(again.Error.Message, "ran its cross-node functions before") {
			t.Fatalf("the replay: %+v", again)
		}
	})
}

func containsString(vs []string, want string) bool {
	for _, v := range vs {
		if v == want {
			return true
		}
	}
	return false
}
