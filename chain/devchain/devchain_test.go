package devchain_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
)

func start(t *testing.T, dir string) *devchain.Chain {
	t.Helper()
	ch, err := devchain.Start(devchain.Config{DataDir: dir, HTTPAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ch.Close() })
	return ch
}

func specs(t *testing.T, n int) []devchain.ValidatorSpec {
	t.Helper()
	out := make([]devchain.ValidatorSpec, n)
	for i := range out {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		out[i] = devchain.ValidatorSpec{OperatorKey: k, Registration: chain.Registration{
			PeerID:     []byte(fmt.Sprintf("12D3KooW-node-%d", i)),
			URL:        fmt.Sprintf("http://127.0.0.1:%d", 7470+i),
			BLSDKGKey:  bytes.Repeat([]byte{byte(i + 1)}, 48),
			SecpDKGKey: bytes.Repeat([]byte{byte(i + 1)}, 33),
		}}
	}
	return out
}

func TestDevChainRunsANetworkToEpochOneOverJSONRPC(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ch := start(t, "")
	if !strings.HasPrefix(ch.URL(), "http://127.0.0.1:") {
		t.Fatalf("dev chain URL %q is not loopback HTTP", ch.URL())
	}
	d, err := devchain.EnsureDeployed(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	c, err := chain.Dial(ctx, ch.URL(), d.Contracts, chain.WithChainID(devchain.ChainID), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	// The dev accounts are funded and hold demo tokens.
	for _, a := range devchain.Accounts() {
		if b, err := c.Balance(ctx, a.Address); err != nil || b.Sign() <= 0 {
			t.Fatalf("dev account %s balance %v, %v", a.Address.Hex(), b, err)
		}
	}

	vals := specs(t, 4)
	if err := devchain.SetupValidators(ctx, c, vals); err != nil {
		t.Fatal(err)
	}
	m, err := c.Membership(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m.Epoch.State != chain.StateNextValidatorSetLocked || len(m.Next) != 4 {
		t.Fatalf("after setup: state %s with %d in the next set", m.Epoch.State, len(m.Next))
	}
	// Re-running setup changes nothing.
	if err := devchain.SetupValidators(ctx, c, vals); err != nil {
		t.Fatalf("second setup: %v", err)
	}

	// What the nodes do during the first transition: vote the root keys, signal ready.
	root, err := secp256k1.GeneratePrivateKey()
	if err != nil {
		t.Fatal(err)
	}
	bls := bytes.Repeat([]byte{0x97}, 48)
	for _, v := range vals {
		if err := c.VoteRootKey(ctx, v.OperatorKey, chain.KeyTypeECDSA, root.PubKey().SerializeCompressed()); err != nil &&
			!isRevert(err, "RootKeyAlreadySet") {
			t.Fatal(err)
		}
		if err := c.VoteRootKey(ctx, v.OperatorKey, chain.KeyTypeBLS, bls); err != nil && !isRevert(err, "RootKeyAlreadySet") {
			t.Fatal(err)
		}
		if err := c.SignalReady(ctx, v.OperatorKey, 0); err != nil {
			t.Fatal(err)
		}
	}
	e, err := devchain.AdvanceEpoch(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	m, err = c.Membership(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e != 1 || m.Epoch.Number != 1 || m.Epoch.State != chain.StateActive || len(m.Active) != 4 || m.ActiveThreshold() != 3 {
		t.Fatalf("advanced to %d: epoch %+v, %d active", e, m.Epoch, len(m.Active))
	}
	for _, v := range vals {
		if !m.PeerInEpoch(1, v.Registration.PeerID) || !m.IsActive(crypto.PubkeyToAddress(v.OperatorKey.PublicKey)) {
			t.Fatalf("validator %s not active in epoch 1", v.Registration.PeerID)
		}
	}
	if !bytes.Equal(m.ECDSARootKey, root.PubKey().SerializeCompressed()) || !bytes.Equal(m.BLSRootKey, bls) {
		t.Fatal("root keys not final after the first transition")
	}

	// A developer mints a PKP over the same RPC.
	dev1 := devchain.Accounts()[1]
	p, err := c.MintPKP(ctx, dev1.Key)
	if err != nil {
		t.Fatal(err)
	}
	if owner, err := c.OwnerOf(ctx, p.TokenID); err != nil || owner != dev1.Address {
		t.Fatalf("minted PKP owner %s, %v", owner.Hex(), err)
	}
}

func isRevert(err error, name string) bool {
	var rev *chain.RevertError
	return errors.As(err, &rev) && rev.Name == name
}

func TestMembershipServesLastKnownStateWhileRPCIsDown(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ch := start(t, "")
	d, err := devchain.EnsureDeployed(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	c, err := chain.Dial(ctx, ch.URL(), d.Contracts, chain.WithPollInterval(20*time.Millisecond), chain.WithCallTimeout(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	vals := specs(t, 2)
	if err := devchain.SetupValidators(ctx, c, vals); err != nil {
		t.Fatal(err)
	}
	before, err := c.Membership(ctx)
	if err != nil || before.Stale {
		t.Fatalf("membership while up: stale %v, %v", before.Stale, err)
	}

	if err := ch.Close(); err != nil {
		t.Fatal(err)
	}
	// Reads fail with the URL named; membership keeps answering, flagged.
	if err := c.Refresh(ctx); !errors.Is(err, chain.ErrUnreachable) || !strings.Contains(err.Error(), ch.URL()) {
		t.Fatalf("refresh with the chain down: %v, want ErrUnreachable naming %s", err, ch.URL())
	}
	m, err := c.Membership(ctx)
	if err != nil {
		t.Fatalf("membership with the chain down: %v", err)
	}
	if !m.Stale || !strings.Contains(m.StaleReason, ch.URL()) || m.StaleSince.IsZero() {
		t.Fatalf("membership with the chain down: stale %v reason %q since %v", m.Stale, m.StaleReason, m.StaleSince)
	}
	if m.Block != before.Block || len(m.Next) != 2 || m.Epoch.State != chain.StateNextValidatorSetLocked {
		t.Fatalf("stale membership is not the last known state: block %d (was %d), %d next", m.Block, before.Block, len(m.Next))
	}
	if _, err := c.Permissions(ctx, big.NewInt(12345)); !errors.Is(err, chain.ErrUnreachable) {
		t.Fatalf("permission read with the chain down: %v, want ErrUnreachable", err)
	}
}

func TestDevChainKeepsItsStateAcrossRestarts(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	ch := start(t, dir)
	d1, err := devchain.EnsureDeployed(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	c, err := chain.Dial(ctx, ch.URL(), d1.Contracts)
	if err != nil {
		t.Fatal(err)
	}
	vals := specs(t, 1)
	if err := devchain.SetupValidators(ctx, c, vals); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if err := ch.Close(); err != nil {
		t.Fatal(err)
	}

	ch2 := start(t, dir)
	d2, err := devchain.EnsureDeployed(ctx, ch2)
	if err != nil {
		t.Fatal(err)
	}
	if d2.Contracts != d1.Contracts {
		t.Fatalf("restart redeployed: %+v, was %+v", d2.Contracts, d1.Contracts)
	}
	waited, err := devchain.WaitForDeployment(ctx, dir)
	if err != nil || waited.RPCURL != ch2.URL() {
		t.Fatalf("WaitForDeployment = %q, %v; want the restarted chain %s", waited.RPCURL, err, ch2.URL())
	}
	c2, err := chain.Dial(ctx, ch2.URL(), d2.Contracts)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	m, err := c2.Membership(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m.Epoch.State != chain.StateNextValidatorSetLocked || !m.PeerInEpoch(1, vals[0].Registration.PeerID) {
		t.Fatalf("after restart: state %s, next set %d", m.Epoch.State, len(m.Next))
	}
}

func TestRunServesTheDeploymentUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dir := t.TempDir()
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- devchain.Run(runCtx, devchain.Config{DataDir: dir, HTTPAddr: "127.0.0.1:0"}, slog.New(slog.DiscardHandler))
	}()
	d, err := devchain.WaitForDeployment(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if d.ChainID != devchain.ChainID || d.Name != "litdevnet" || len(d.DevAccounts) != devchain.NumAccounts {
		t.Fatalf("deployment record %+v", d)
	}
	c, err := chain.Dial(ctx, d.RPCURL, d.Contracts)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Epoch(ctx); err != nil {
		t.Fatal(err)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatalf("Run returned %v after cancel", err)
	}
	if err := c.Refresh(ctx); !errors.Is(err, chain.ErrUnreachable) {
		t.Fatalf("chain still answers after Run returned: %v", err)
	}
}

// The container devnet names the contracts statically; they must be where a fresh dev chain
// deploys them.
func TestTheComposeFileNamesWhereAFreshChainDeploys(t *testing.T) {
	ch, err := devchain.Start(devchain.Config{HTTPAddr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	d, err := devchain.EnsureDeployed(context.Background(), ch)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"../../docker-compose.yml", "../../testnet/docker/network.json"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for name, a := range map[string]string{"staking": d.Contracts.Staking.Hex(), "pkpNft": d.Contracts.PKPNFT.Hex(), "pkpPermissions": d.Contracts.PKPPermissions.Hex()} {
			if !strings.Contains(strings.ToLower(string(raw)), strings.ToLower(a)) {
				t.Errorf("%s does not name the %s contract at %s", f, name, a)
			}
		}
	}
}
