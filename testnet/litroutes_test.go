package testnet_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// litPost sends one request to one of Lit's routes as Lit's SDK does (its headers, one
// X-Request-Id) and returns the status and body.
func litPost(ctx context.Context, t testing.TB, url, path, requestID string, body any) (int, []byte, http.Header) {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+path, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-Lit-SDK-Version", "7.4.0")
	req.Header.Set("X-Lit-SDK-Type", "Typescript")
	if requestID != "" {
		req.Header.Set("X-Request-Id", requestID)
	}
	resp, err := client.UnverifiedHTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out, resp.Header
}

// litAll sends the same request to every node at once, as the SDK does, with each node's own
// authSig (auth(url)).
func litAll(ctx context.Context, t testing.TB, urls []string, path, requestID string, body func(url string) any) ([]int, [][]byte) {
	t.Helper()
	codes, bodies := make([]int, len(urls)), make([][]byte, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		b := body(u)
		wg.Go(func() { codes[i], bodies[i], _ = litPost(ctx, t, u, path, requestID, b) })
	}
	wg.Wait()
	return codes, bodies
}

func newLitRequestID(t testing.TB) string {
	t.Helper()
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return "lit_" + hex.EncodeToString(b[:])
}

// sdkSum combines ECDSA shares as Lit's SDK does (its wasm ecdsaCombine): drop empty shares,
// take R from the lowest share index, add the s-shares, normalise to low s, v from R.y.
func sdkSum(t testing.TB, shares []api.LitECDSAShare) ([65]byte, int) {
	t.Helper()
	var s secp256k1.ModNScalar
	var bigR string
	lowest, n := -1, 0
	for _, sh := range shares {
		if sh.SignatureShare == "" {
			continue
		}
		raw, err := hex.DecodeString(sh.SignatureShare)
		if err != nil || len(raw) != 32 {
			t.Fatalf("signature_share %q: want 32 bytes of hex (the SDK's wasm panics on anything else)", sh.SignatureShare)
		}
		var v secp256k1.ModNScalar
		if v.SetByteSlice(raw) {
			t.Fatalf("signature_share %q is not below the group order", sh.SignatureShare)
		}
		s.Add(&v)
		if lowest < 0 || sh.ShareIndex < lowest {
			lowest, bigR = sh.ShareIndex, sh.BigR
		}
		n++
	}
	r, err := hex.DecodeString(bigR)
	if err != nil || len(r) != 33 {
		t.Fatalf("big_r %q", bigR)
	}
	flipped := s.IsOverHalfOrder()
	if flipped {
		s.Negate()
	}
	var out [65]byte
	copy(out[:32], r[1:])
	sb := s.Bytes()
	copy(out[32:64], sb[:])
	if (r[0] == 3) != flipped {
		out[64] = 1
	}
	return out, n
}

func TestLitSDKRoutesOnAFourNodeNetwork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c := pkptest.Cluster(ctx, t, 4, 8, 4)
	nf := c.NetworkFile()
	var urls []string
	for _, n := range nf.Nodes {
		urls = append(urls, n.URL)
	}
	cl := testnet.NewClient(nf)
	key, err := cl.NetworkKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	owner := pkptest.DevKey(t, 1)
	sess := pkptest.Session(t, owner)
	threshold := chain.Threshold(len(urls))

	t.Run("the handshake has Lit's fields and litmesh's", func(t *testing.T) {
		for _, u := range urls {
			code, raw, hdr := litPost(ctx, t, u, api.LitHandshakePath, newLitRequestID(t),
				map[string]any{"clientPublicKey": "test", "challenge": strings.Repeat("ab", 32), "epoch": 1})
			if code != http.StatusOK {
				t.Fatalf("%s: HTTP %d %s", u, code, raw)
			}
			if hdr.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("%s: no CORS header on the answer", u)
			}
			var hs map[string]any
			if err := json.Unmarshal(raw, &hs); err != nil {
				t.Fatal(err)
			}
			if hs["subnetPublicKey"] != key.PublicKey || hs["networkPublicKey"] != key.PublicKey || len(key.PublicKey) != 96 {
				t.Errorf("%s: subnetPublicKey %v networkPublicKey %v, want the BLS root %s", u, hs["subnetPublicKey"], hs["networkPublicKey"], key.PublicKey)
			}
			if set, ok := hs["networkPublicKeySet"].(string); !ok || len(set) != 96*threshold {
				t.Errorf("%s: networkPublicKeySet %v, want a string of %d commitments", u, hs["networkPublicKeySet"], threshold)
			}
			if bh, _ := hs["latestBlockhash"].(string); !regexp.MustCompile(`^0x[0-9a-f]{64}$`).MatchString(bh) {
				t.Errorf("%s: latestBlockhash %q", u, bh)
			}
			if keys, _ := hs["hdRootPubkeys"].([]any); len(keys) != 1 {
				t.Errorf("%s: hdRootPubkeys %v", u, hs["hdRootPubkeys"])
			}
			for _, f := range []string{"serverPublicKey", "peerId", "attestation", "operatorAddress"} {
				if hs[f] == nil || hs[f] == "" {
					t.Errorf("%s: %s missing", u, f)
				}
			}
		}
	})

	t.Run("CORS preflights allow Lit's headers", func(t *testing.T) {
		for _, path := range []string{api.LitHandshakePath, api.LitEncryptionSignPath, api.LitPKPSignPath} {
			req, _ := http.NewRequestWithContext(ctx, http.MethodOptions, urls[0]+path, nil)
			req.Header.Set("Origin", "http://localhost:3000")
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type,x-lit-sdk-version,x-lit-sdk-type,x-request-id")
			resp, err := client.UnverifiedHTTPClient().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			allow := strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers"))
			if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "*" ||
				!strings.Contains(allow, "x-lit-sdk-version") || !strings.Contains(allow, "x-request-id") {
				t.Errorf("OPTIONS %s: HTTP %d, headers %v", path, resp.StatusCode, resp.Header)
			}
		}
	})

	// Conditions as Lit's SDK sends them (canonical form), on this network's chain by Lit's name.
	condsFor := func(minWei string) (json.RawMessage, *access.Conditions) {
		raw := json.RawMessage(`[{"contractAddress":"","chain":"lit","standardContractType":"","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"` + minWei + `"}}]`)
		conds, err := access.Parse(access.KindAccessControl, raw)
		if err != nil {
			t.Fatal(err)
		}
		return raw, conds
	}
	decryptBody := func(raw json.RawMessage, conds *access.Conditions, dataHash [32]byte) func(string) any {
		return func(u string) any {
			sig, err := sess.SessionSig(u, access.DecryptionRequest(conds.LitHash(), dataHash), devchain.ChainID)
			if err != nil {
				t.Fatal(err)
			}
			return map[string]any{"accessControlConditions": raw, "dataToEncryptHash": hex.EncodeToString(dataHash[:]),
				"chain": "ethereum", "authSig": sig, "epoch": 1}
		}
	}

	t.Run("a ciphertext in Lit's format decrypts with shares from Lit's route", func(t *testing.T) {
		raw, conds := condsFor("1000000000000000000")
		plaintext := []byte("a secret in blsful's time-lock format")
		dataHash := sha256Sum(plaintext)
		id := conds.LitResourceID(dataHash)
		ct, err := bls.EncryptTimeLock(key.Poly.Commit(), []byte(id), plaintext)
		if err != nil {
			t.Fatal(err)
		}
		codes, bodies := litAll(ctx, t, urls, api.LitEncryptionSignPath, newLitRequestID(t), decryptBody(raw, conds, dataHash))
		var shares []bls.LitSignatureShare
		for i, b := range bodies {
			if codes[i] != http.StatusOK {
				t.Fatalf("%s: HTTP %d %s", urls[i], codes[i], b)
			}
			var r api.LitEncryptionSignResponse
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
			if r.DataSigned != id || r.CurveType != "BLS" {
				t.Fatalf("%s signed %q, want %q", urls[i], r.DataSigned, id)
			}
			shares = append(shares, bls.LitSignatureShare{ProofOfPossession: r.SignatureShare.ProofOfPossession})
		}
		sig, rejected, err := bls.CombineLit(key.Poly, []byte(id), shares, threshold)
		if err != nil || len(rejected) > 0 {
			t.Fatalf("combine: %v, rejected %v", err, rejected)
		}
		got, err := bls.DecryptTimeLock(sig, ct)
		if err != nil || !bytes.Equal(got, plaintext) {
			t.Fatalf("decrypt: %q %v", got, err)
		}
	})

	t.Run("a refusal is in Lit's shape with the request id", func(t *testing.T) {
		raw, conds := condsFor("1000000000000000000000000000000") // more than any dev account holds
		rid := newLitRequestID(t)
		codes, bodies := litAll(ctx, t, urls, api.LitEncryptionSignPath, rid, decryptBody(raw, conds, sha256Sum([]byte("x"))))
		for i, b := range bodies {
			var e api.LitError
			if err := json.Unmarshal(b, &e); err != nil {
				t.Fatal(err)
			}
			if codes[i] != http.StatusForbidden || e.ErrorCode != "NodeNotAuthorized" || e.Status != codes[i] || e.CorrelationID != rid || e.Message == "" {
				t.Fatalf("%s: HTTP %d %s", urls[i], codes[i], b)
			}
		}
	})

	pkp, err := cl.MintPKP(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	pkpBody := func(hash [32]byte) func(string) any {
		return func(u string) any {
			tok, err := client.PKPTokenID(pkp.PublicKey)
			if err != nil {
				t.Fatal(err)
			}
			sig, err := sess.SessionSig(u, access.PKPSigningRequest(tok), devchain.ChainID)
			if err != nil {
				t.Fatal(err)
			}
			return map[string]any{"toSign": api.Bytes(hash[:]), "pubkey": pkp.PublicKey, "authSig": sig, "epoch": 1}
		}
	}

	t.Run("pkpSign: the shares of the derived signer set sum to a signature of the PKP", func(t *testing.T) {
		for round := range 3 { // several request ids: several windows of the ring
			hash := sha256Sum(fmt.Appendf(nil, "lit pkpSign %d", round))
			rid := newLitRequestID(t)
			codes, bodies := litAll(ctx, t, urls, api.LitPKPSignPath, rid, pkpBody(hash))
			var shares []api.LitECDSAShare
			for i, b := range bodies {
				if codes[i] != http.StatusOK {
					t.Fatalf("%s: HTTP %d %s", urls[i], codes[i], b)
				}
				var r api.LitPKPSignResponse
				if err := json.Unmarshal(b, &r); err != nil {
					t.Fatal(err)
				}
				if !r.Success || !bytes.Equal(r.SignedData, hash[:]) {
					t.Fatalf("%s: %s", urls[i], b)
				}
				if s := r.SignatureShare; s.SignatureShare != "" && (s.SigType != "K256" || s.Digest != hex.EncodeToString(hash[:]) ||
					s.PublicKey != strings.TrimPrefix(pkp.PublicKey, "0x")) {
					t.Fatalf("%s: share %+v", urls[i], s)
				}
				shares = append(shares, r.SignatureShare)
			}
			sig, signers := sdkSum(t, shares)
			if signers != threshold {
				t.Fatalf("%d nodes signed, want the signer set of %d (Lit's minNodeCount)", signers, threshold)
			}
			pub, err := crypto.Ecrecover(hash[:], sig[:])
			if err != nil {
				t.Fatal(err)
			}
			if got := common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]); got.Hex() != pkp.EthAddress {
				t.Fatalf("the summed signature recovers to %s, the PKP is %s", got.Hex(), pkp.EthAddress)
			}

			// The same request again is a replay: the signers refuse it before touching a
			// presignature.
			codes, bodies = litAll(ctx, t, urls, api.LitPKPSignPath, rid, pkpBody(hash))
			refused := 0
			for i, b := range bodies {
				var e api.LitError
				if codes[i] == http.StatusConflict && json.Unmarshal(b, &e) == nil && e.ErrorCode == "NodeRequestConflict" {
					refused++
				}
			}
			if refused != threshold {
				t.Fatalf("a replayed request id was refused by %d nodes, want the %d signers: %d %s", refused, threshold, codes, bodies)
			}
		}
	})

	t.Run("pkpSign without X-Request-Id is refused by every node", func(t *testing.T) {
		codes, bodies := litAll(ctx, t, urls, api.LitPKPSignPath, "", pkpBody(sha256Sum([]byte("no id"))))
		for i, b := range bodies {
			if codes[i] != http.StatusBadRequest || !strings.Contains(string(b), "X-Request-Id") {
				t.Fatalf("%s: HTTP %d %s", urls[i], codes[i], b)
			}
		}
	})

	t.Run("executeJs: signEcdsa shares in Lit's shape sum to a signature, setResponse comes back", func(t *testing.T) {
		hash := sha256Sum([]byte("lit executeJs"))
		code := []byte(`(async () => {
  await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: "sig1" });
  Lit.Actions.setResponse({ response: JSON.stringify({ hello: "litmesh" }) });
})();`)
		execBody := func(code []byte) func(string) any {
			id, err := ipfs.CIDOf(bytes.NewReader(code))
			if err != nil {
				t.Fatal(err)
			}
			return func(u string) any {
				sig, err := sess.SessionSig(u, access.ExecutionRequest(id.String()), devchain.ChainID)
				if err != nil {
					t.Fatal(err)
				}
				return map[string]any{"code": base64.StdEncoding.EncodeToString(code), "authSig": sig, "epoch": 1,
					"jsParams": map[string]any{"toSign": api.Bytes(hash[:]), "publicKey": pkp.PublicKey}}
			}
		}
		codes, bodies := litAll(ctx, t, urls, api.LitExecutePath, newLitRequestID(t), execBody(code))
		var shares []api.LitECDSAShare
		for i, b := range bodies {
			if codes[i] != http.StatusOK {
				t.Fatalf("%s: HTTP %d %s", urls[i], codes[i], b)
			}
			var r api.LitExecuteResponse
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
			if !r.Success || r.Response != `{"hello":"litmesh"}` || r.ClaimData == nil || r.DecryptedData == nil {
				t.Fatalf("%s: %s", urls[i], b)
			}
			if sd, ok := r.SignedData["sig1"]; ok {
				if sd.SigName != "sig1" || sd.SigType != "K256" || sd.DataSigned != hex.EncodeToString(hash[:]) {
					t.Fatalf("%s: signedData %+v", urls[i], sd)
				}
				shares = append(shares, api.LitECDSAShare{SignatureShare: sd.SignatureShare, ShareIndex: sd.ShareIndex, BigR: sd.BigR})
			}
		}
		sig, signers := sdkSum(t, shares)
		if signers < threshold {
			t.Fatalf("%d shares, Lit's SDK needs %d", signers, threshold)
		}
		pub, err := crypto.Ecrecover(hash[:], sig[:])
		if err != nil {
			t.Fatal(err)
		}
		if got := common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]); got.Hex() != pkp.EthAddress {
			t.Fatalf("the summed signature recovers to %s, the PKP is %s", got.Hex(), pkp.EthAddress)
		}

		// An action that throws fails on every node with Lit's error code and its logs.
		codes, bodies = litAll(ctx, t, urls, api.LitExecutePath, newLitRequestID(t), execBody([]byte(`console.log("before"); throw new Error("boom");`)))
		for i, b := range bodies {
			var e api.LitError
			if err := json.Unmarshal(b, &e); err != nil || codes[i] != http.StatusBadRequest || e.ErrorCode != "NodeJsExecutionError" ||
				!strings.Contains(e.Message, "boom") || !slices.ContainsFunc(e.Details, func(d string) bool { return strings.Contains(d, "before") }) {
				t.Fatalf("%s: HTTP %d %s", urls[i], codes[i], b)
			}
		}
	})

	t.Run("litmesh's own routes keep their shapes", func(t *testing.T) {
		code, raw, _ := litPost(ctx, t, urls[0], "/web/pkp/sign", "", map[string]any{"toSign": "0x00"})
		var eb api.ErrorBody
		if code != http.StatusBadRequest || json.Unmarshal(raw, &eb) != nil || eb.Error == nil || eb.Error.Kind != api.KindBadRequest {
			t.Fatalf("POST /web/pkp/sign: HTTP %d %s", code, raw)
		}
		hash := sha256Sum([]byte("litmesh's own client"))
		sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, sess)
		if err != nil {
			t.Fatal(err)
		}
		pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
	})
}

func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }
