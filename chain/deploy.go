package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/chain/bindings"
)

// DeployConfig parameterises a fresh deployment.
type DeployConfig struct {
	MinStake    *big.Int      // stake needed to join; required
	EpochLength time.Duration // after this, anyone may lock the next set; whole seconds
	// WithDemoTokens also deploys the demo ERC-20/721/1155 used by access-condition tests.
	WithDemoTokens bool
}

// Deploy deploys every contract with admin as their owner and wires PKPNFT to
// PKPPermissions. The client c may have empty Addresses; build a new client with the
// returned ones.
func Deploy(ctx context.Context, c *Client, admin *ecdsa.PrivateKey, cfg DeployConfig) (Addresses, error) {
	if cfg.MinStake == nil || cfg.MinStake.Sign() <= 0 {
		return Addresses{}, errors.New("deploy: MinStake must be positive")
	}
	if cfg.EpochLength < 0 {
		return Addresses{}, errors.New("deploy: EpochLength must not be negative")
	}
	adminAddr := crypto.PubkeyToAddress(admin.PublicKey)
	var (
		a   Addresses
		err error
	)
	step := func(name string, meta *bind.MetaData, args []byte, dst *common.Address) {
		if err != nil {
			return
		}
		code, decErr := hexutil.Decode(meta.Bin)
		if decErr != nil {
			err = fmt.Errorf("deploy %s: bytecode: %w", name, decErr)
			return
		}
		*dst, err = c.deploy(ctx, admin, append(code, args...))
		if err != nil {
			err = fmt.Errorf("deploy %s: %w", name, err)
		}
	}
	step("StakeToken", &bindings.StakeTokenMetaData, bindings.NewStakeToken().PackConstructor(adminAddr), &a.StakeToken)
	step("Staking", &bindings.StakingMetaData,
		bindings.NewStaking().PackConstructor(a.StakeToken, cfg.MinStake, big.NewInt(int64(cfg.EpochLength/time.Second)), adminAddr), &a.Staking)
	step("PKPNFT", &bindings.PKPNFTMetaData, bindings.NewPKPNFT().PackConstructor(a.Staking, adminAddr), &a.PKPNFT)
	step("PKPPermissions", &bindings.PKPPermissionsMetaData, bindings.NewPKPPermissions().PackConstructor(a.PKPNFT), &a.PKPPermissions)
	if err != nil {
		return Addresses{}, err
	}
	if _, err := c.Transact(ctx, admin, a.PKPNFT, bindings.NewPKPNFT().PackSetPermissions(a.PKPPermissions)); err != nil {
		return Addresses{}, fmt.Errorf("deploy: connect PKPNFT to PKPPermissions: %w", err)
	}
	if cfg.WithDemoTokens {
		step("DemoERC20", &bindings.DemoERC20MetaData, bindings.NewDemoERC20().PackConstructor(adminAddr), &a.DemoERC20)
		step("DemoERC721", &bindings.DemoERC721MetaData, bindings.NewDemoERC721().PackConstructor(adminAddr), &a.DemoERC721)
		step("DemoERC1155", &bindings.DemoERC1155MetaData, bindings.NewDemoERC1155().PackConstructor(adminAddr), &a.DemoERC1155)
		if err != nil {
			return Addresses{}, err
		}
	}
	// Deployed last, so the addresses of everything above stay what they were before it existed.
	step("PKPHelper", &bindings.PKPHelperMetaData, bindings.NewPKPHelper().PackConstructor(a.PKPNFT, a.PKPPermissions), &a.PKPHelper)
	if err != nil {
		return Addresses{}, err
	}
	if _, err := c.Transact(ctx, admin, a.PKPNFT, bindings.NewPKPNFT().PackSetHelper(a.PKPHelper)); err != nil {
		return Addresses{}, fmt.Errorf("deploy: connect PKPNFT to PKPHelper: %w", err)
	}
	return a, nil
}
