package testnet_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain/bindings"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// ownsDemoNFT is "owns token id of the demo ERC-721", as a bare list.
func ownsDemoNFT(contract string, id int) []byte {
	return fmt.Appendf(nil, `[{"contractAddress":%q,"standardContractType":"ERC721","chain":"litdevnet","method":"ownerOf","parameters":["%d"],"returnValueTest":{"comparator":"=","value":":userAddress"}}]`, contract, id)
}

// signProxy is a real HTTPS reverse proxy in front of one node, serving with the node's own TLS
// certificate and key: to the client it is that node, misbehaving. It records every answer the
// node gives to POST /web/encryption/sign and can corrupt the share in it (a valid G2 point
// that is not the node's signature).
type signProxy struct {
	srv *httptest.Server

	mu      sync.Mutex
	answers []signAnswer
	gen     int // take() starts a new generation: answers to requests of older ones are not recorded
	// corrupt, when set and true, is a token: the proxy that swaps it to false corrupts the
	// share it is passing on. Shared by several proxies, it corrupts the first share of any.
	corrupt *atomic.Bool
}

type signAnswer struct {
	status int
	body   []byte
}

func newSignProxy(t *testing.T, target string, cert tls.Certificate) *signProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &signProxy{}
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.Transport = client.UnverifiedHTTPClient().Transport
	direct := rp.Director
	rp.Director = func(r *http.Request) {
		direct(r)
		p.mu.Lock()
		r.Header.Set(genHeader, strconv.Itoa(p.gen))
		p.mu.Unlock()
	}
	rp.ModifyResponse = func(resp *http.Response) error {
		if resp.Request.URL.Path != "/web/encryption/sign" {
			return nil
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		p.mu.Lock()
		// A node's late answer to an earlier decryption (the client stopped waiting once it
		// had a threshold) belongs to that one, not to the next.
		if resp.Request.Header.Get(genHeader) == strconv.Itoa(p.gen) {
			p.answers = append(p.answers, signAnswer{status: resp.StatusCode, body: body})
		}
		corrupt := p.corrupt
		p.mu.Unlock()
		if corrupt != nil && resp.StatusCode == http.StatusOK && corrupt.CompareAndSwap(true, false) {
			if body, err = corruptShare(body); err != nil {
				return err
			}
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		resp.ContentLength = int64(len(body))
		resp.Header.Del("Content-Length")
		return nil
	}
	p.srv = httptest.NewUnstartedServer(rp)
	p.srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	p.srv.StartTLS()
	t.Cleanup(p.srv.Close)
	return p
}

// corruptShare doubles the signature point of a share answer: still a valid G2 point, still
// claiming the node's index, but not its signature.
func corruptShare(body []byte) ([]byte, error) {
	var resp api.EncryptionSignResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, err
	}
	partial, err := hex.DecodeString(resp.SignatureShare)
	if err != nil || len(partial) != bls.PartialSize {
		return nil, fmt.Errorf("share %q", resp.SignatureShare)
	}
	g2 := bls.Suite().G2()
	p := g2.Point()
	if err := p.UnmarshalBinary(partial[2:]); err != nil {
		return nil, err
	}
	doubled, err := g2.Point().Add(p, p).MarshalBinary()
	if err != nil {
		return nil, err
	}
	resp.SignatureShare = hex.EncodeToString(append(partial[:2:2], doubled...))
	return json.Marshal(resp)
}

func (p *signProxy) take() []signAnswer {
	p.mu.Lock()
	defer p.mu.Unlock()
	a := p.answers
	p.answers = nil
	p.gen++
	return a
}

// genHeader carries a proxy's generation on the requests it forwards.
const genHeader = "X-Litmesh-Test-Generation"

func (p *signProxy) setCorrupt(token *atomic.Bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.corrupt = token
}

type encryptionFixture struct {
	t       *testing.T
	ctx     context.Context
	c       *testnet.Cluster
	proxies []*signProxy
	cl      *client.Client // talks to the nodes through the proxies
}

func authSigOf(t *testing.T, key *ecdsa.PrivateKey) *access.AuthSig {
	t.Helper()
	a, err := access.CreateAuthSig(key, access.AuthSigOptions{ChainID: devchain.ChainID, TTL: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// refusedEverywhere asserts that every node answered the last request with 403 naming the
// failed condition, and that no answer carries a share.
func (f *encryptionFixture) refusedEverywhere(who string, wantReason ...string) {
	f.t.Helper()
	for i, p := range f.proxies {
		answers := p.take()
		if len(answers) != 1 {
			f.t.Fatalf("node %d answered %d times, want once", i, len(answers))
		}
		a := answers[0]
		if a.status != http.StatusForbidden {
			f.t.Fatalf("node %d answered %s with HTTP %d, want 403: %s", i, who, a.status, a.body)
		}
		if bytes.Contains(a.body, []byte("signatureShare")) {
			f.t.Fatalf("node %d released a share to %s: %s", i, who, a.body)
		}
		var eb api.ErrorBody
		if err := json.Unmarshal(a.body, &eb); err != nil || eb.Error == nil || eb.Error.Kind != api.KindForbidden {
			f.t.Fatalf("node %d: not a forbidden error body: %s", i, a.body)
		}
		for _, r := range wantReason {
			if !strings.Contains(eb.Error.Message, r) {
				f.t.Errorf("node %d's refusal %q does not say %q", i, eb.Error.Message, r)
			}
		}
	}
}

func (f *encryptionFixture) decrypt(file *client.EncryptedFile, key *ecdsa.PrivateKey, opts ...client.DecryptOption) (*client.Decryption, error) {
	f.t.Helper()
	for _, p := range f.proxies {
		p.take()
	}
	// A plain authSig: the proxies put another URL in front of each node, which a session
	// signature would name (and the node refuse); a wallet authSig is not bound to the node.
	return f.cl.Decrypt(f.ctx, file, client.PlainAuthSig(authSigOf(f.t, key)), opts...)
}

func (f *encryptionFixture) mustDecrypt(file *client.EncryptedFile, key *ecdsa.PrivateKey, want []byte) *client.Decryption {
	f.t.Helper()
	d, err := f.decrypt(file, key)
	if err != nil {
		f.t.Fatalf("decrypt as %s: %v", crypto.PubkeyToAddress(key.PublicKey).Hex(), err)
	}
	if !bytes.Equal(d.Plaintext, want) {
		f.t.Fatalf("decrypted %d bytes that differ from the %d encrypted", len(d.Plaintext), len(want))
	}
	return d
}

func (f *encryptionFixture) mustBeRefused(file *client.EncryptedFile, key *ecdsa.PrivateKey, wantReason ...string) {
	f.t.Helper()
	addr := crypto.PubkeyToAddress(key.PublicKey).Hex()
	_, err := f.decrypt(file, key)
	var se *client.ShareError
	if !errors.As(err, &se) {
		f.t.Fatalf("decrypt as %s: got %v, want a ShareError", addr, err)
	}
	if se.Valid != 0 || se.Answered != len(f.proxies) || api.KindOf(err) != api.KindForbidden {
		f.t.Fatalf("decrypt as %s: %v", addr, err)
	}
	f.t.Logf("refused: %v", err)
	f.refusedEverywhere(addr, wantReason...)
}

// encryptFile encrypts and round-trips the result through its JSON encoding, as a file would.
func (f *encryptionFixture) encryptFile(conditions, plaintext []byte) *client.EncryptedFile {
	f.t.Helper()
	file, err := f.cl.Encrypt(f.ctx, conditions, plaintext)
	if err != nil {
		f.t.Fatalf("encrypt: %v", err)
	}
	raw, err := file.Marshal()
	if err != nil {
		f.t.Fatal(err)
	}
	if bytes.Contains(raw, plaintext) {
		f.t.Fatal("the .lit file contains the plaintext")
	}
	parsed, err := client.ParseEncryptedFile(raw)
	if err != nil {
		f.t.Fatalf("parse the .lit file: %v\n%s", err, raw)
	}
	return parsed
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

// Threshold encryption end to end on a 4-node network (T = 3) with the dev chain: conditions
// on native balance and on ERC-721 ownership of a demo token, refusals asserted on every
// node's own answer, a corrupted share, and nodes going down.
func TestEncryptionGatedByConditions(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 4, testnet.WithChain())
	c.WaitMesh(ctx)
	c.WaitEpoch(ctx, 1)

	direct := c.NetworkFile()
	viaProxies := c.NetworkFile()
	f := &encryptionFixture{t: t, ctx: ctx, c: c}
	for i := range viaProxies.Nodes {
		cert, err := c.Members()[i].TLSCertificate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		p := newSignProxy(t, viaProxies.Nodes[i].URL, cert)
		f.proxies = append(f.proxies, p)
		viaProxies.Nodes[i].URL = p.srv.URL
	}
	f.cl = testnet.NewClient(viaProxies)
	defer f.cl.Close()

	dev1, err := devchain.AccountByIndex(1)
	if err != nil {
		t.Fatal(err)
	}
	dev2, err := devchain.AccountByIndex(2)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	freshAddr := crypto.PubkeyToAddress(fresh.PublicKey).Hex()
	secret := randomBytes(t, 10_000)
	balanceFile := f.encryptFile(pkptest.NativeBalance, secret)

	t.Run("a funded dev account decrypts data gated on native balance", func(t *testing.T) {
		f.t = t
		d := f.mustDecrypt(balanceFile, dev1.Key, secret)
		valid := 0
		for _, n := range d.Nodes {
			if n.Status == client.ShareValid {
				valid++
			}
		}
		if valid != 3 || d.Threshold != 3 {
			t.Fatalf("combined %d valid shares with threshold %d, want 3 of 3: %+v", valid, d.Threshold, d.Nodes)
		}
	})

	t.Run("an unfunded key is refused by every node and gets no share", func(t *testing.T) {
		f.t = t
		f.mustBeRefused(balanceFile, fresh, "accessControlConditions[0]", "balance of "+freshAddr+" on litdevnet is 0, want >= "+pkptest.OneEther)
	})

	t.Run("ERC-721 ownership of a demo token follows a transfer", func(t *testing.T) {
		f.t = t
		nft := c.Deployment.Contracts.DemoERC721
		file := f.encryptFile(ownsDemoNFT(nft.Hex(), 2), secret) // devchain.Deploy gives token 2 to dev account 1
		f.mustDecrypt(file, dev1.Key, secret)
		f.mustBeRefused(file, dev2.Key, "accessControlConditions[0]", "ownerOf(2)")

		transfer := bindings.NewDemoERC721().PackTransferFrom(dev1.Address, dev2.Address, big.NewInt(2))
		if _, err := c.Chain.Transact(ctx, dev1.Key, nft, transfer); err != nil {
			t.Fatalf("transfer token 2: %v", err)
		}
		// The new owner decrypts at once: a refusal decided on a cached read is checked again
		// with fresh reads (node/condcache.go).
		f.mustDecrypt(file, dev2.Key, secret)
		// Nodes answer reads from a cache kept for the newest block they have seen (polled
		// every second); the old owner is refused once they have seen the transfer, and from
		// then on.
		c.WaitFor(ctx, "every node to refuse the old owner", func() (bool, string) {
			_, err := f.decrypt(file, dev1.Key)
			var se *client.ShareError
			return errors.As(err, &se) && se.Valid == 0 && se.Answered == len(f.proxies), fmt.Sprint(err)
		})
		f.mustBeRefused(file, dev1.Key, "ownerOf(2)", strings.ToLower(dev2.Address.Hex()))
	})

	t.Run("a corrupted share is detected and replaced", func(t *testing.T) {
		f.t = t
		// The first share to pass any proxy is corrupted. The client (T = 3) asks three of the
		// four nodes, so it must check a threshold that includes the bad share, name it, and
		// ask the fourth node.
		var token atomic.Bool
		token.Store(true)
		for _, p := range f.proxies {
			p.setCorrupt(&token)
		}
		defer func() {
			for _, p := range f.proxies {
				p.setCorrupt(nil)
			}
		}()
		d, err := f.decrypt(balanceFile, dev1.Key)
		if err != nil {
			t.Fatalf("decrypt with a corrupted share: %v", err)
		}
		if !bytes.Equal(d.Plaintext, secret) {
			t.Fatal("wrong plaintext")
		}
		bad := -1
		for i, n := range d.Nodes {
			switch {
			case n.Status == client.ShareInvalid && bad < 0:
				bad = i
			case n.Status != client.ShareValid:
				t.Fatalf("node %d: %+v, want every node but the corrupted one valid", i, n)
			}
		}
		if bad < 0 || token.Load() {
			t.Fatalf("no share was reported corrupted (token unused: %v): %+v", token.Load(), d.Nodes)
		}
		var sent api.EncryptionSignResponse
		answers := f.proxies[bad].take()
		if len(answers) != 1 || json.Unmarshal(answers[0].body, &sent) != nil {
			t.Fatalf("node %d's answers: %+v", bad, answers)
		}
		got := d.Nodes[bad]
		t.Logf("node %d: %s", bad, got.Reason)
		if got.ShareIndex != sent.ShareIndex || !errors.Is(got.Err, bls.ErrBadPartial) ||
			!strings.Contains(got.Reason, fmt.Sprintf("from share %d", sent.ShareIndex)) {
			t.Fatalf("node %d (share %d) reported as %+v, want its share rejected", bad, sent.ShareIndex, got)
		}
	})

	t.Run("bad requests are refused naming the problem", func(t *testing.T) {
		f.t = t
		badRequests(t, ctx, direct.Nodes[0].URL, balanceFile, dev1.Key)
	})

	t.Run("decryption survives n-T nodes down and fails clearly beyond", func(t *testing.T) {
		f.t = t
		cl := testnet.NewClient(direct)
		defer cl.Close()
		c.Stop(3)
		d, err := cl.Decrypt(ctx, balanceFile, pkptest.Session(t, dev1.Key))
		if err != nil {
			t.Fatalf("with node 3 down: %v", err)
		}
		if !bytes.Equal(d.Plaintext, secret) || d.Nodes[3].Status != client.ShareNotAsked || !strings.Contains(d.Nodes[3].Reason, "connection refused") {
			t.Fatalf("with node 3 down: node 3 reported as %+v", d.Nodes[3])
		}

		c.Stop(2)
		_, err = cl.Decrypt(ctx, balanceFile, pkptest.Session(t, dev1.Key))
		var se *client.ShareError
		if !errors.As(err, &se) || se.Valid != 2 || se.Needed != 3 || se.Answered != 2 {
			t.Fatalf("with nodes 2 and 3 down: %v", err)
		}
		msg := err.Error()
		t.Logf("the error with nodes 2 and 3 down: %s", msg)
		for _, want := range []string{"2 of 4 nodes answered, 2 with a valid share (3 needed)", direct.Nodes[2].URL, direct.Nodes[3].URL, "connection refused"} {
			if !strings.Contains(msg, want) {
				t.Errorf("error %q does not say %q", msg, want)
			}
		}
	})
}

// badRequests checks the endpoint's refusals directly: each names the field, with the status
// the kind of mistake calls for, and none carries a share.
func badRequests(t *testing.T, ctx context.Context, nodeURL string, file *client.EncryptedFile, key *ecdsa.PrivateKey) {
	good := authSigOf(t, key)
	goodRaw, _ := json.Marshal(good)
	expired, err := access.CreateAuthSig(key, access.AuthSigOptions{Now: time.Now().Add(-2 * time.Hour), TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	expiredRaw, _ := json.Marshal(expired)
	tampered := *good
	tampered.SignedMessage = strings.Replace(tampered.SignedMessage, "https://localhost/", "https://localhost/x", 1)
	tamperedRaw, _ := json.Marshal(tampered)
	// A plain authSig without an expiration (valid forever, so a bearer token forever), and
	// one valid for two days.
	forever, err := access.SignSIWE(key, &access.SIWEMessage{Domain: "localhost", URI: "https://localhost/", ChainID: devchain.ChainID})
	if err != nil {
		t.Fatal(err)
	}
	foreverRaw, _ := json.Marshal(forever)
	long, err := access.CreateAuthSig(key, access.AuthSigOptions{ChainID: devchain.ChainID, TTL: 48 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	longRaw, _ := json.Marshal(long)
	// Session signatures: one made for another node, one whose capability grants other
	// conditions.
	sess := pkptest.Session(t, key)
	ident := access.DecryptionRequest(file.Conditions().LitHash(), file.DataHash())
	elsewhere, err := sess.SessionSig("https://127.0.0.1:1", ident, devchain.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	elsewhereRaw, _ := json.Marshal(elsewhere)
	otherConds, err := sess.SessionSig(nodeURL, access.DecryptionRequest([32]byte{1}, file.DataHash()), devchain.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	otherCondsRaw, _ := json.Marshal(otherConds)
	conds := file.AccessControlConditions
	cond := func(s string) string { return `[` + s + `]` }
	basic := func(chain, cmp string) string {
		return fmt.Sprintf(`{"contractAddress":"","standardContractType":"","chain":%q,"method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":%q,"value":"1"}}`, chain, cmp)
	}
	body := func(field, list, authSig string, extra ...string) string {
		s := fmt.Sprintf(`{%q:%s,"dataToEncryptHash":%q,"authSig":%s`, field, list, file.DataToEncryptHash, authSig)
		for _, e := range extra {
			s += "," + e
		}
		return s + "}"
	}
	acc := string(access.KindAccessControl)
	for _, tc := range []struct {
		name   string
		body   string
		status int
		want   string
	}{
		{"a body that is not JSON", `{"accessControlConditions":`, 400, "malformed JSON"},
		{"a missing data hash", fmt.Sprintf(`{"accessControlConditions":%s,"authSig":%s}`, conds, goodRaw), 400, "dataToEncryptHash: missing"},
		{"a data hash that is not 32 bytes of hex", strings.Replace(body(acc, string(conds), string(goodRaw)), file.DataToEncryptHash, "abcd", 1), 400, "dataToEncryptHash: want the SHA-256"},
		{"no conditions", fmt.Sprintf(`{"dataToEncryptHash":%q,"authSig":%s}`, file.DataToEncryptHash, goodRaw), 400, "missing conditions"},
		{"an unknown comparator", body(acc, cond(basic("litdevnet", "=~")), string(goodRaw)), 400, `accessControlConditions[0].returnValueTest.comparator: unknown comparator "=~"`},
		{"an unknown chain", body(acc, cond(basic("nochain", ">=")), string(goodRaw)), 400, `accessControlConditions[0].chain: unknown chain "nochain"`},
		{"an unknown condition type", body("unifiedAccessControlConditions", cond(`{"conditionType":"solRpc","chain":"litdevnet"}`), string(goodRaw)), 400, "unifiedAccessControlConditions[0].conditionType"},
		{"a bad ABI", body("evmContractConditions", cond(`{"contractAddress":"0x0000000000000000000000000000000000000001","functionName":"f","functionParams":[],"functionAbi":{"name":"f","inputs":[],"outputs":[{"name":"","type":"uint7"}],"stateMutability":"view"},"chain":"litdevnet","returnValueTest":{"key":"","comparator":"=","value":"1"}}`), string(goodRaw)), 400, "evmContractConditions[0].functionAbi.outputs[0]"},
		{"an unknown request chain", body(acc, string(conds), string(goodRaw), `"chain":"nochain"`), 400, `chain: unknown chain "nochain"`},
		{"an authSig that is not an object", body(acc, string(conds), `"hello"`), 400, "authSig: want an object"},
		{"an authSig without a signature", body(acc, string(conds), `{"derivedVia":"web3.eth.personal.sign","signedMessage":"x","address":"0x00"}`), 400, "authSig.sig: missing"},
		{"no authSig", fmt.Sprintf(`{"accessControlConditions":%s,"dataToEncryptHash":%q}`, conds, file.DataToEncryptHash), 401, "authSig: missing"},
		{"an expired authSig", body(acc, string(conds), string(expiredRaw)), 401, "authSig.signedMessage.expirationTime: expired"},
		{"a signature over another message", body(acc, string(conds), string(tamperedRaw)), 401, "authSig.sig: not a signature of the message"},
		{"an authSig that never expires", body(acc, string(conds), string(foreverRaw)), 401, "authSig.signedMessage.expirationTime: missing"},
		{"an authSig valid for two days", body(acc, string(conds), string(longRaw)), 401, "longer than this node's maximum of 24h0m0s"},
		{"a session signature made for another node", body(acc, string(conds), string(elsewhereRaw)), 401, "sessionSig.signedMessage.nodeAddress: made for https://127.0.0.1:1"},
		{"a session signature for other conditions", body(acc, string(conds), string(otherCondsRaw)), 403, "resourceAbilityRequests: the session does not ask for"},
		{"shares of an epoch the node does not hold", body(acc, string(conds), string(goodRaw), `"epoch":99`), 503, "epoch: this node holds no key shares for epoch 99 (it serves epoch 1)"},
		{"conditions that do not hold", body(acc, cond(basic("litdevnet", "<")), string(goodRaw)), 403, "accessControlConditions[0]: balance of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, raw := postRaw(t, ctx, nodeURL+"/web/encryption/sign", tc.body)
			if bytes.Contains(raw, []byte("signatureShare")) {
				t.Fatalf("released a share: %s", raw)
			}
			var eb api.ErrorBody
			if status != tc.status || json.Unmarshal(raw, &eb) != nil || eb.Error == nil || !strings.Contains(eb.Error.Message, tc.want) {
				t.Fatalf("HTTP %d %s, want %d saying %q", status, raw, tc.status, tc.want)
			}
			if tc.status == http.StatusServiceUnavailable && (eb.Error.Kind != api.KindWrongEpoch || eb.Error.NodeEpoch == nil || *eb.Error.NodeEpoch != 1) {
				t.Fatalf("HTTP %d %s, want kind wrong_epoch naming the node's epoch 1 (the client retries on the kind, not the text)", status, raw)
			}
		})
	}
}

func postRaw(t *testing.T, ctx context.Context, url, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.UnverifiedHTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, raw
}

// A node that holds no keys yet (no chain, so no epoch) refuses with 503 after checking the
// request, and releases nothing.
func TestEncryptionSignWithoutKeysIsUnavailable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := testnet.Start(ctx, t, 1)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	auth, _ := json.Marshal(authSigOf(t, key))
	body := fmt.Sprintf(`{"accessControlConditions":%s,"dataToEncryptHash":"%064x","authSig":%s}`,
		bytes.TrimSuffix(bytes.TrimPrefix(pkptest.NativeBalance, []byte(`{"accessControlConditions":`)), []byte("}")), 1, auth)
	status, raw := postRaw(t, ctx, c.Members()[0].Node().URL()+"/web/encryption/sign", body)
	var eb api.ErrorBody
	if status != http.StatusServiceUnavailable || json.Unmarshal(raw, &eb) != nil || eb.Error == nil || eb.Error.Kind != api.KindUnavailable {
		t.Fatalf("HTTP %d %s, want 503 unavailable", status, raw)
	}
}
