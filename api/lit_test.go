package api_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/internal/testutil"
)

// litShapes are one value of every Lit-shaped answer, as the node writes them. Their JSON is
// the contract with Lit's JS SDK v7 (docs/lit-sdk.md, "How the SDK talks to the network").
func litShapes() map[string]any {
	hs := api.HandshakeResponse{
		PeerID: "12D3KooWExample", OperatorAddress: "0x0000000000000000000000000000000000000001", NodeVersion: "0.1.0",
		Network: "litdevnet", Epoch: 3, Threshold: 3, NetworkPublicKey: strings.Repeat("a1", 48),
		NetworkPublicKeySet: []string{strings.Repeat("a1", 48), strings.Repeat("b2", 48)},
		HDRootPubkeys:       []string{"02" + strings.Repeat("c3", 32)}, ECDSAThreshold: 3,
		Attestation: api.HandshakeAttestation{Kind: "simulated", Response: "AAEC", TLSSPKISHA256: strings.Repeat("d4", 32)},
	}
	return map[string]any{
		"handshake": api.LitHandshakeResponse{
			HandshakeResponse: hs, ServerPublicKey: strings.Repeat("e5", 32), SubnetPublicKey: hs.NetworkPublicKey,
			NetworkPublicKeySet: strings.Join(hs.NetworkPublicKeySet, ""), LatestBlockhash: "0x" + strings.Repeat("f6", 32),
		},
		"encryptionSign": api.LitEncryptionSignResponse{
			Result: "success", SignatureShare: api.LitBLSShare{ProofOfPossession: "01" + strings.Repeat("a7", 96)},
			ShareIndex: 0, CurveType: "BLS", DataSigned: "lit-accesscontrolcondition://" + strings.Repeat("1", 64) + "/" + strings.Repeat("2", 64),
			BLSRootPubkey: hs.NetworkPublicKey, Epoch: 3,
		},
		"pkpSign signer": api.LitPKPSignResponse{
			Success: true, SignedData: bytes.Repeat([]byte{7}, 32),
			SignatureShare: api.LitECDSAShare{
				Digest: strings.Repeat("07", 32), Result: "success", ShareIndex: 2, SignatureShare: strings.Repeat("08", 32),
				BigR: "03" + strings.Repeat("09", 32), PublicKey: "04" + strings.Repeat("0a", 64), SigType: api.LitSigTypeK256,
			},
		},
		"pkpSign non-signer": api.LitPKPSignResponse{Success: true, SignedData: bytes.Repeat([]byte{7}, 32)},
		"executeJs signedData entry": api.LitSignedData{
			SigType: api.LitSigTypeK256, DataSigned: strings.Repeat("07", 32), SignatureShare: strings.Repeat("08", 32), ShareIndex: 2,
			BigR: "03" + strings.Repeat("09", 32), PublicKey: "04" + strings.Repeat("0a", 64), SigName: "sig1",
		},
		"executeJs": api.LitExecuteResponse{
			Success: true,
			SignedData: map[string]api.LitSignedData{"sig1": {
				SigType: api.LitSigTypeK256, DataSigned: strings.Repeat("07", 32), SignatureShare: strings.Repeat("08", 32), ShareIndex: 2,
				BigR: "03" + strings.Repeat("09", 32), PublicKey: "04" + strings.Repeat("0a", 64), SigName: "sig1",
			}},
			DecryptedData: map[string]json.RawMessage{}, ClaimData: map[string]json.RawMessage{},
			Response: `{"hello":"litmesh"}`, Logs: "a log line\n",
		},
		"error": api.LitErrorOf(api.Errorf(api.KindForbidden, "conditions not met"), "lit_0123abcd"),
	}
}

func TestLitShapesMatchTheGoldenFile(t *testing.T) {
	got, err := json.MarshalIndent(litShapes(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "lit-shapes.json")
	if testutil.Update() {
		testutil.WriteGolden(t, path, got)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./api -run TestLitShapes -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Lit shapes changed (a break with Lit's SDK unless intended; -update rewrites):\n%s", got)
	}
}

// What the SDK reads, checked on the encoded JSON rather than on the golden file alone.
func TestLitShapesCarryWhatTheSDKReads(t *testing.T) {
	enc := func(v any) map[string]any {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	s := litShapes()
	hs := enc(s["handshake"])
	for _, f := range []string{"serverPublicKey", "subnetPublicKey", "networkPublicKey", "networkPublicKeySet", "hdRootPubkeys", "latestBlockhash", "attestation", "peerId", "epoch"} {
		if _, ok := hs[f]; !ok {
			t.Errorf("handshake lacks %s", f)
		}
	}
	if _, ok := hs["networkPublicKeySet"].(string); !ok {
		t.Errorf("handshake networkPublicKeySet is %T, Lit's SDK wants a string", hs["networkPublicKeySet"])
	}
	sh := enc(s["pkpSign signer"])["signatureShare"].(map[string]any)
	for _, f := range []string{"digest", "share_index", "signature_share", "big_r", "public_key", "sig_type"} {
		if _, ok := sh[f]; !ok {
			t.Errorf("pkpSign share lacks %s", f)
		}
	}
	empty := enc(s["pkpSign non-signer"])["signatureShare"].(map[string]any)
	if empty["signature_share"] != "" {
		t.Errorf("a non-signer's share is %v, want empty (the SDK drops empty shares)", empty["signature_share"])
	}
	ex := enc(s["executeJs"])
	for _, f := range []string{"signedData", "claimData", "decryptedData"} {
		if _, ok := ex[f].(map[string]any); !ok {
			t.Errorf("executeJs %s is %T, Lit's SDK takes Object.keys of it", f, ex[f])
		}
	}
	for _, f := range []string{"response", "logs"} {
		if _, ok := ex[f].(string); !ok {
			t.Errorf("executeJs %s is %T, want a string", f, ex[f])
		}
	}
	if _, ok := enc(s["encryptionSign"])["signatureShare"].(map[string]any)["ProofOfPossession"]; !ok {
		t.Error("encryptionSign share lacks ProofOfPossession")
	}
}
