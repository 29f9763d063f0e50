package devchain

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/bindings"
)

// Devnet parameters.
var (
	// MinStake is the stake a devnet operator needs: 100 LSTAKE.
	MinStake = new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))
	// EpochLength: after it anyone may lock the next set; on a devnet the admin locks.
	EpochLength = time.Hour
	// operatorGas is the ether an operator gets for gas if it has less than half of it.
	operatorGas = new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether))
)

// Admin is dev account 0, which deploys and owns the contracts.
func Admin() Account { return accounts[0] }

// Deployment is what a dev chain serves, as Run records it in DataDir/deployment.json.
type Deployment struct {
	Name        string          `json:"name"`
	ChainID     uint64          `json:"chainId"`
	RPCURL      string          `json:"rpcUrl"`
	Contracts   chain.Addresses `json:"contracts"`
	DevAccounts []AccountJSON   `json:"devAccounts"`
}

func deployment(url string, addrs chain.Addresses) Deployment {
	d := Deployment{Name: Name, ChainID: ChainID, RPCURL: url, Contracts: addrs}
	for _, a := range accounts {
		d.DevAccounts = append(d.DevAccounts, a.JSON())
	}
	return d
}

// Deploy deploys every litmesh contract and the demo tokens with dev account 0 as admin, and
// gives dev accounts 0–3 demo balances: 1000 LDEMO each, ERC-721 token i+1 to account i, and
// 10 of ERC-1155 id 1 each. On a fresh chain the addresses are always the same (account 0's
// first nonces).
func Deploy(ctx context.Context, c *chain.Client) (chain.Addresses, error) {
	admin := Admin().Key
	addrs, err := chain.Deploy(ctx, c, admin, chain.DeployConfig{MinStake: MinStake, EpochLength: EpochLength, WithDemoTokens: true})
	if err != nil {
		return chain.Addresses{}, err
	}
	erc20, erc721, erc1155 := bindings.NewDemoERC20(), bindings.NewDemoERC721(), bindings.NewDemoERC1155()
	for _, a := range accounts[:4] {
		for _, step := range []struct {
			to   common.Address
			data []byte
		}{
			{addrs.DemoERC20, erc20.PackMint(a.Address, new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether)))},
			{addrs.DemoERC721, erc721.PackMint(a.Address)},
			{addrs.DemoERC1155, erc1155.PackMint(a.Address, big.NewInt(1), big.NewInt(10))},
		} {
			if _, err := c.Transact(ctx, admin, step.to, step.data); err != nil {
				return chain.Addresses{}, fmt.Errorf("mint demo tokens to %s: %w", a.Address.Hex(), err)
			}
		}
	}
	return addrs, nil
}

// ValidatorSpec is one devnet node to register.
type ValidatorSpec struct {
	OperatorKey  *ecdsa.PrivateKey
	Registration chain.Registration
}

// SetupValidators makes every spec a member of the next validator set and locks it, so the
// nodes can run the first DKG, vote the root keys, signal ready, and the epoch advances
// (AdvanceEpoch). It funds each operator from dev account 0 (gas and MinStake of the stake
// token) as needed, skips operators already in the next set, and locks only if the next set
// differs from the active one and no transition is in progress — so it is safe to re-run
// after a restart. c must have been built with the deployment's addresses.
func SetupValidators(ctx context.Context, c *chain.Client, specs []ValidatorSpec) error {
	admin := Admin().Key
	for i, s := range specs {
		op := crypto.PubkeyToAddress(s.OperatorKey.PublicKey)
		if err := c.Refresh(ctx); err != nil {
			return err
		}
		m, err := c.Membership(ctx)
		if err != nil {
			return err
		}
		if m.OperatorInEpoch(m.Epoch.Number+1, op) {
			continue
		}
		if err := FundOperator(ctx, c, op); err != nil {
			return fmt.Errorf("validator %d: %w", i, err)
		}
		staked, err := c.StakeOf(ctx, op)
		if err != nil {
			return err
		}
		if missing := new(big.Int).Sub(MinStake, staked); missing.Sign() > 0 {
			if err := c.Stake(ctx, s.OperatorKey, missing); err != nil {
				return fmt.Errorf("validator %d: %w", i, err)
			}
		}
		if err := c.RequestToJoin(ctx, s.OperatorKey, s.Registration); err != nil {
			return fmt.Errorf("validator %d: %w", i, err)
		}
	}
	if err := c.Refresh(ctx); err != nil {
		return err
	}
	m, err := c.Membership(ctx)
	if err != nil {
		return err
	}
	if m.Epoch.State != chain.StateActive || sameOperators(m.Active, m.Next) {
		return nil
	}
	return c.LockNextEpoch(ctx, admin)
}

func sameOperators(a, b []chain.Validator) bool {
	ops := func(vs []chain.Validator) []common.Address {
		out := make([]common.Address, len(vs))
		for i, v := range vs {
			out[i] = v.Operator
		}
		slices.SortFunc(out, func(x, y common.Address) int { return x.Cmp(y) })
		return out
	}
	return slices.Equal(ops(a), ops(b))
}

// FundOperator gives a devnet operator, from dev account 0, gas money and enough staking tokens
// for the minimum stake (what a real operator buys), topping up only what is missing.
func FundOperator(ctx context.Context, c *chain.Client, op common.Address) error {
	admin := Admin().Key
	bal, err := c.Balance(ctx, op)
	if err != nil {
		return err
	}
	if bal.Cmp(new(big.Int).Rsh(operatorGas, 1)) < 0 {
		if err := c.Transfer(ctx, admin, op, operatorGas); err != nil {
			return fmt.Errorf("fund operator %s: %w", op.Hex(), err)
		}
	}
	staked, err := c.StakeOf(ctx, op)
	if err != nil {
		return err
	}
	if missing := new(big.Int).Sub(MinStake, staked); missing.Sign() > 0 {
		token, err := c.StakingToken(ctx)
		if err != nil {
			return err
		}
		if _, err := c.Transact(ctx, admin, token, bindings.NewStakeToken().PackMint(op, missing)); err != nil {
			return fmt.Errorf("mint stake tokens for %s: %w", op.Hex(), err)
		}
	}
	return nil
}

// AdvanceEpoch waits until every member of the locked next set has signalled ready, then
// advances the epoch (as dev account 0; anyone may) and returns the new epoch number.
func AdvanceEpoch(ctx context.Context, c *chain.Client) (uint64, error) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		if err := c.Refresh(ctx); err != nil {
			return 0, err
		}
		m, err := c.Membership(ctx)
		if err != nil {
			return 0, err
		}
		switch m.Epoch.State {
		case chain.StateReadyForNextEpoch:
			if err := c.AdvanceEpoch(ctx, Admin().Key); err != nil {
				return 0, err
			}
			return m.Epoch.Number + 1, nil
		case chain.StateActive:
			return 0, fmt.Errorf("advance epoch: no transition in progress (epoch %d is active)", m.Epoch.Number)
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("advance epoch: waiting for %d of %d ready signals: %w", m.Epoch.NextSetSize-m.Epoch.ReadyCount, m.Epoch.NextSetSize, ctx.Err())
		case <-t.C:
		}
	}
}

// EnsureDeployed returns the chain's deployment: the one recorded in its data dir if its
// contracts are there, otherwise a fresh Deploy, recorded (written atomically) for the next
// start. An in-memory chain always deploys.
func EnsureDeployed(ctx context.Context, ch *Chain) (Deployment, error) {
	c, err := chain.Dial(ctx, ch.URL(), chain.Addresses{}, chain.WithChainID(ChainID))
	if err != nil {
		return Deployment{}, err
	}
	defer c.Close()
	if ch.DataDir() != "" {
		if d, err := ReadDeployment(ch.DataDir()); err == nil {
			code, err := c.Backend().CodeAt(ctx, d.Contracts.Staking, nil)
			if err == nil && len(code) > 0 {
				d = deployment(ch.URL(), d.Contracts)
				return d, writeDeployment(ch.DataDir(), d)
			}
		}
	}
	addrs, err := Deploy(ctx, c)
	if err != nil {
		return Deployment{}, err
	}
	d := deployment(ch.URL(), addrs)
	if ch.DataDir() != "" {
		if err := writeDeployment(ch.DataDir(), d); err != nil {
			return Deployment{}, err
		}
	}
	return d, nil
}

// ReadDeployment reads DataDir/deployment.json.
func ReadDeployment(dir string) (Deployment, error) {
	b, err := os.ReadFile(deploymentFile(dir))
	if err != nil {
		return Deployment{}, fmt.Errorf("read dev chain deployment: %w", err)
	}
	var d Deployment
	if err := json.Unmarshal(b, &d); err != nil {
		return Deployment{}, fmt.Errorf("parse %s: %w", deploymentFile(dir), err)
	}
	return d, nil
}

func writeDeployment(dir string, d Deployment) error {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".deployment-*.json")
	if err != nil {
		return fmt.Errorf("write dev chain deployment: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("write dev chain deployment: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write dev chain deployment: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, "deployment.json")); err != nil {
		return fmt.Errorf("write dev chain deployment: %w", err)
	}
	return nil
}

// WaitForDeployment waits until a dev chain started on dir (by Run, perhaps in another
// process) serves its recorded deployment: the file exists and its RPC answers with the
// contracts in place.
func WaitForDeployment(ctx context.Context, dir string) (Deployment, error) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	var last error
	for {
		d, err := ReadDeployment(dir)
		if err == nil {
			var c *chain.Client
			c, err = chain.Dial(ctx, d.RPCURL, d.Contracts, chain.WithChainID(ChainID))
			if err == nil {
				c.Close()
				return d, nil
			}
		}
		last = err
		select {
		case <-ctx.Done():
			return Deployment{}, fmt.Errorf("wait for dev chain in %s: %w (last: %w)", dir, ctx.Err(), last)
		case <-t.C:
		}
	}
}

// Run runs a dev chain until ctx ends: the `litnode devchain --dir D --http ADDR` process.
// It starts the chain (continuing the one in cfg.DataDir if any), deploys the contracts
// unless they are there, records the deployment in DataDir/deployment.json, and logs the
// endpoint. It routes go-ethereum's warnings into logger, which sets go-ethereum's
// process-wide logger: call it from a process entry point only.
func Run(ctx context.Context, cfg Config, logger *slog.Logger) error {
	logTo(logger)
	ch, err := Start(cfg)
	if err != nil {
		return err
	}
	defer func() {
		if err := ch.Close(); err != nil {
			logger.Error("dev chain did not close cleanly", "err", err)
		}
	}()
	d, err := EnsureDeployed(ctx, ch)
	if err != nil {
		return fmt.Errorf("deploy dev chain contracts: %w", err)
	}
	logger.Info("dev chain ready", "rpc_url", d.RPCURL, "chain_id", d.ChainID, "data_dir", cfg.DataDir,
		"staking", d.Contracts.Staking.Hex(), "pkp_nft", d.Contracts.PKPNFT.Hex(), "pkp_permissions", d.Contracts.PKPPermissions.Hex())
	if len(cfg.AllowReleases) == 0 && cfg.AutoLock == 0 {
		<-ctx.Done()
		return nil
	}
	c, err := chain.Dial(ctx, d.RPCURL, d.Contracts)
	if err != nil {
		return err
	}
	defer c.Close()
	for _, m := range cfg.AllowReleases {
		var err error
		for try := 0; try < 5; try++ {
			if err = c.AllowRelease(ctx, Admin().Key, m); err == nil {
				break
			}
			logger.Warn("allow release, retrying", "err", err)
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Second):
			}
		}
		if err != nil {
			return fmt.Errorf("allow release %x: %w", m, err)
		}
		logger.Info("allowed release", "measurement", fmt.Sprintf("%x", m))
	}
	if cfg.AutoLock > 0 {
		autoLock(ctx, c, cfg.AutoLock, logger)
	}
	<-ctx.Done()
	return nil
}

// autoLock plays the admin of a container devnet: whenever the next validator set has at least
// min members and differs from the active set, it locks it so the nodes run the transition.
func autoLock(ctx context.Context, c *chain.Client, min int, logger *slog.Logger) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		m, err := c.Membership(ctx)
		if err != nil || m.Epoch.State != chain.StateActive || len(m.Next) < min || sameOperators(m.Active, m.Next) {
			continue
		}
		if err := c.LockNextEpoch(ctx, Admin().Key); err != nil {
			logger.Warn("auto-lock the next validator set", "err", err)
			continue
		}
		logger.Info("locked the next validator set", "epoch", m.Epoch.Number, "next", len(m.Next))
	}
}
