package access_test

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain/chaintest"
)

// approvedHashWallet is the runtime code of a minimal EIP-1271 wallet that has approved one
// message hash (as a Safe approves a message): isValidSignature(hash, sig) returns the magic
// value for that hash and reverts for any other. Hand-assembled so the test needs no compiler.
func approvedHashWallet(hash [32]byte) []byte {
	code := []byte{0x60, 0x04, 0x35, 0x7f} // CALLDATALOAD(4): the hash argument; PUSH32
	code = append(code, hash[:]...)
	code = append(code,
		0x14,             // EQ
		0x60, 0x2d, 0x57, // JUMPI to 0x2d
		0x60, 0x00, 0x60, 0x00, 0xfd, // REVERT(0, 0)
		0x5b, 0x7f, // JUMPDEST; PUSH32 magic
	)
	code = append(code, 0x16, 0x26, 0xba, 0x7e)
	code = append(code, make([]byte, 28)...)
	code = append(code, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3) // MSTORE(0); RETURN(0, 32)
	// Init code: copy the runtime code to memory and return it.
	initCode := []byte{0x60, byte(len(code)), 0x80, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00}
	return append(initCode, code...)
}

type simWallets struct{ r access.WalletReader }

func (w simWallets) IsValidSignature(ctx context.Context, chainID uint64, wallet common.Address, hash [32]byte, sig []byte) (bool, error) {
	return access.CallIsValidSignature(ctx, w.r, chainID, wallet, hash, sig)
}

func TestSessionSigTakesAContractWalletsCapability(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sim := chaintest.NewSim(t, 1)
	backend := sim.Client()

	_, session, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	deployer := sim.Accounts[0]
	nonce, err := backend.PendingNonceAt(ctx, crypto.PubkeyToAddress(deployer.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	walletAddr := crypto.CreateAddress(crypto.PubkeyToAddress(deployer.PublicKey), nonce)

	// The capability the contract wallet approves.
	rc, err := access.NewRecap(pkpA)
	if err != nil {
		t.Fatal(err)
	}
	m := &access.SIWEMessage{
		Domain: "localhost", Address: walletAddr, Statement: rc.Statement(), Version: "1",
		URI: access.SessionURIPrefix + hex.EncodeToString(session.Public().(ed25519.PublicKey)), ChainID: 1337,
		Nonce: access.NewNonce(), IssuedAt: sessionNow.Add(-time.Minute), ExpirationTime: sessionNow.Add(time.Hour),
		Resources: []string{rc.URN()},
	}
	text := m.String()
	hash := [32]byte(accounts.TextHash([]byte(text)))

	gasPrice, err := backend.SuggestGasPrice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignTx(types.NewContractCreation(nonce, big.NewInt(0), 200_000, gasPrice, approvedHashWallet(hash)), types.LatestSignerForChainID(big.NewInt(1337)), deployer)
	if err != nil {
		t.Fatal(err)
	}
	if err := backend.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if code, err := backend.CodeAt(ctx, walletAddr, nil); err != nil || len(code) == 0 {
		t.Fatalf("the wallet was not deployed: %v", err)
	}

	capability := access.AuthSig{Sig: "0x00", DerivedVia: access.DerivedViaEIP1271, SignedMessage: text, Address: walletAddr.Hex()}
	sign := func(c access.AuthSig) *access.AuthSig {
		s, err := access.SignSession(session, &access.SessionMessage{
			Requests: []access.ResourceAbility{pkpA}, Capabilities: []access.AuthSig{c},
			IssuedAt: sessionNow.Add(-time.Minute), Expiration: sessionNow.Add(time.Hour), NodeAddress: nodeA,
		})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	opts := access.SessionOptions{NodeAddresses: []string{nodeA}, Request: pkpA, Now: sessionNow, Wallets: simWallets{sim.Backend.Client()}}

	auth, err := access.VerifySessionSig(ctx, sign(capability), opts)
	if err != nil {
		t.Fatal(err)
	}
	if auth.Address != walletAddr {
		t.Fatalf("requester %s, want the contract wallet %s", auth.Address.Hex(), walletAddr.Hex())
	}

	// The same wallet has not approved a capability for anything else.
	other := *m
	other.Nonce = access.NewNonce()
	forged := capability
	forged.SignedMessage = other.String()
	if _, err := access.VerifySessionSig(ctx, sign(forged), opts); api.KindOf(err) != api.KindUnauthorized || !strings.Contains(err.Error(), "EIP-1271") {
		t.Fatalf("an unapproved capability: %v", err)
	}
	// Nor does a node without a chain to ask take it.
	opts.Wallets = nil
	if _, err := access.VerifySessionSig(ctx, sign(capability), opts); api.KindOf(err) != api.KindUnauthorized {
		t.Fatalf("without wallets: %v", err)
	}
}
