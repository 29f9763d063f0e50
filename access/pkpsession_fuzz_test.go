package access_test

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/litmesh/litmesh/access"
)

// FuzzPKPSessionRequest: any SIWE message a client sends to sign_session_key either is
// refused, or yields a message to sign that parses, keeps the client's URI, address and
// expiration, and whose hash — the only bytes the network key signs — is 32 bytes, never an
// encryption identity.
func FuzzPKPSessionRequest(f *testing.F) {
	_, key, _ := ed25519.GenerateKey(nil)
	pub := key.Public().(ed25519.PublicKey)
	uri := access.SessionURIPrefix + hex.EncodeToString(pub)
	pkp := testPKPKey(f)
	for _, g := range [][]access.ResourceAbility{
		{access.PKPSigningRequest(tokenOf(pkp))},
		{access.PKPSigningRequest(big.NewInt(0)), access.ExecutionRequest("*")},
		{access.DecryptionRequest([32]byte{1}, [32]byte{2})},
	} {
		m, err := access.NewPKPSessionMessage(pub, pkp, g, access.PKPSessionMessageOptions{Now: sessionNow})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(m)
	}
	f.Add("lit-accesscontrolcondition://" + strings.Repeat("a", 64) + "/" + strings.Repeat("b", 64))
	f.Fuzz(func(t *testing.T, msg string) {
		req, err := access.ParsePKPSessionRequest(uri, msg, pkp, access.PKPSessionOptions{Now: sessionNow})
		if err != nil {
			return
		}
		signed, err := req.SignedMessage(oidcContext)
		if err != nil {
			return
		}
		m, err := access.ParseSIWE(signed)
		if err != nil {
			t.Fatalf("the message to sign does not parse: %v", err)
		}
		if m.URI != req.Message.URI || m.Address != req.Message.Address || !m.ExpirationTime.Equal(req.Message.ExpirationTime) {
			t.Fatal("the message to sign changed what the client asked")
		}
		h := access.PKPSessionHash(signed)
		if strings.HasPrefix(string(h[:]), "lit-accesscontrolcondition://") {
			t.Fatal("impossible: a 32-byte hash is an identity")
		}
	})
}

// acceptAll stands in for the network key so the fuzzer reaches every check after it.
type acceptAll struct{}

func (acceptAll) VerifyNetworkSignature([]byte, []byte) error { return nil }

// FuzzBLSCapability: any lit.bls capability in a session signature either is refused with an
// error or authenticates as the PKP its auth context names, whose address is the message's.
func FuzzBLSCapability(f *testing.F) {
	net := newTestNetwork(f)
	_, key, _ := ed25519.GenerateKey(nil)
	pub := key.Public().(ed25519.PublicKey)
	pkp := testPKPKey(f)
	own := access.PKPSigningRequest(tokenOf(pkp))
	msg, _ := access.NewPKPSessionMessage(pub, pkp, []access.ResourceAbility{own}, access.PKPSessionMessageOptions{Now: sessionNow.Add(-time.Minute)})
	req, err := access.ParsePKPSessionRequest(access.SessionURIPrefix+hex.EncodeToString(pub), msg, pkp, access.PKPSessionOptions{Now: sessionNow})
	if err != nil {
		f.Fatal(err)
	}
	signed, _ := req.SignedMessage(oidcContext)
	f.Add(signed, net.sign(f, signed), access.PKPAddress(pkp).Hex())
	f.Add(signed, `{"ProofOfPossession":"`+strings.Repeat("0", 192)+`"}`, "0x")
	f.Fuzz(func(t *testing.T, message, sig, address string) {
		c := access.AuthSig{Sig: sig, DerivedVia: access.DerivedViaBLS, SignedMessage: message, Address: address, Algo: access.AlgoLitBLS}
		s, err := access.SignSession(key, &access.SessionMessage{
			Requests: []access.ResourceAbility{own}, Capabilities: []access.AuthSig{c},
			IssuedAt: sessionNow.Add(-time.Minute), Expiration: sessionNow.Add(10 * time.Minute), NodeAddress: nodeA,
		})
		if err != nil {
			return
		}
		auth, err := access.VerifySessionSig(context.Background(), s, access.SessionOptions{
			NodeAddresses: []string{nodeA}, Request: own, Now: sessionNow, NetworkKey: acceptAll{},
		})
		if err != nil {
			return
		}
		if auth.PKP == nil || access.PKPAddress(auth.PKP.PublicKey) != auth.Address {
			t.Fatalf("authenticated as %s with PKP %+v", auth.Address.Hex(), auth.PKP)
		}
	})
}
