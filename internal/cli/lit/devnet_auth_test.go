package lit_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
)

type authMethodJSON struct {
	Type       uint64   `json:"type"`
	TypeName   string   `json:"typeName"`
	ID         string   `json:"id"`
	UserPubkey string   `json:"userPubkey"`
	Scopes     []uint64 `json:"scopes"`
}

// checkAuthMethodCommands runs the auth-method commands on a running devnet: its issuer's
// tokens verify with access/ against the issuer process (as the nodes do), mint binds a PKP
// to alice's login in one transaction, and passkeys are added and removed.
func checkAuthMethodCommands(t *testing.T, bin, work, devDir, netFile string) {
	t.Helper()
	lit := func(args ...string) (string, string, error) {
		t.Helper()
		return runLit(t, bin, work, args...)
	}
	must := func(out, errOut string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		return out
	}
	token := strings.TrimSpace(must(lit("devnet", "id-token", "--dir", devDir, "--sub", "alice", "--aud", "demo-app", "--nonce", "n-1")))
	claims, err := access.DecodeIDToken(token)
	if err != nil {
		t.Fatalf("lit devnet id-token printed %q: %v", token, err)
	}
	v, err := access.NewOIDCVerifier([]string{claims.Issuer}, access.WithInsecureIssuers())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(context.Background(), token, "demo-app", "n-1"); err != nil {
		t.Fatalf("the devnet issuer's token does not verify against the running issuer: %v", err)
	}
	expired := strings.TrimSpace(must(lit("devnet", "id-token", "--dir", devDir, "--sub", "alice", "--aud", "demo-app", "--nonce", "n-1", "--ttl=-1m")))
	if _, err := v.Verify(context.Background(), expired, "demo-app", "n-1"); !errors.Is(err, access.ErrIDTokenExpired) {
		t.Fatalf("expired devnet token: %v", err)
	}

	var minted struct {
		TokenID, Owner string
		AuthMethods    []authMethodJSON
	}
	out := must(lit("pkp", "mint", "--network", netFile, "--key", "dev:2", "--auth-method", "oidc", "--id-token", token))
	if err := json.Unmarshal([]byte(out), &minted); err != nil {
		t.Fatal(err)
	}
	wantID := "0x" + hex.EncodeToString(access.OIDCAuthMethodID(claims.Issuer, "demo-app", "alice"))
	if len(minted.AuthMethods) != 1 || minted.AuthMethods[0].ID != wantID || minted.AuthMethods[0].TypeName != "oidc" {
		t.Fatalf("mint --auth-method oidc printed %s", out)
	}
	if _, errOut, err := lit("pkp", "mint", "--network", netFile, "--auth-method", "oidc", "--id-token", expired); err == nil || !strings.Contains(errOut, "expired") {
		t.Fatalf("minting with an expired token: %v %s", err, errOut)
	}

	cred := filepath.Join("testdata", "passkey-registration.json")
	abs, _ := filepath.Abs(cred)
	must(lit("pkp", "add-auth-method", "--network", netFile, "--key", "dev:2", "--pkp", minted.TokenID, "--auth-method", "webauthn", "--credential", abs, "--rp-id", "localhost"))
	var all []authMethodJSON
	if err := json.Unmarshal([]byte(must(lit("pkp", "auth-methods", "--network", netFile, "--pkp", minted.TokenID))), &all); err != nil {
		t.Fatal(err)
	}
	// The registration's raw id is pXj5kgRIC2mm6D9Dl2l3pQ: Lit's id is keccak256 of "<it>:lit".
	passkeyID := "0x" + hex.EncodeToString(crypto.Keccak256([]byte("pXj5kgRIC2mm6D9Dl2l3pQ:lit")))
	if len(all) != 2 || all[1].Type != 3 || all[1].ID != passkeyID || !strings.HasPrefix(all[1].UserPubkey, "0xa5") {
		t.Fatalf("auth methods after adding the passkey: %+v", all)
	}
	must(lit("pkp", "remove-auth-method", "--network", netFile, "--key", "dev:2", "--pkp", minted.TokenID, "--type", "3", "--id", passkeyID))
	if err := json.Unmarshal([]byte(must(lit("pkp", "auth-methods", "--network", netFile, "--pkp", minted.TokenID))), &all); err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].ID != wantID {
		t.Fatalf("auth methods after removing the passkey: %+v", all)
	}
}
