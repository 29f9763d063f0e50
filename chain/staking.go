package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// Stake approves and stakes amount of the staking token from the signer.
func (c *Client) Stake(ctx context.Context, key *ecdsa.PrivateKey, amount *big.Int) error {
	token, err := c.StakingToken(ctx)
	if err != nil {
		return fmt.Errorf("stake: %w", err)
	}
	if _, err := c.Transact(ctx, key, token, c.erc20.PackApprove(c.addrs.Staking, amount)); err != nil {
		return fmt.Errorf("stake: approve: %w", err)
	}
	return c.stakingTx(ctx, key, "stake", c.staking.PackStake(amount))
}

// Unstake withdraws stake; an operator in the current or next set keeps at least minStake.
func (c *Client) Unstake(ctx context.Context, key *ecdsa.PrivateKey, amount *big.Int) error {
	return c.stakingTx(ctx, key, "unstake", c.staking.PackUnstake(amount))
}

// RequestToJoin registers the signer's node and adds it to the next validator set.
func (c *Client) RequestToJoin(ctx context.Context, key *ecdsa.PrivateKey, r Registration) error {
	return c.stakingTx(ctx, key, "request to join", c.staking.PackRequestToJoin(r.PeerID, r.URL, r.BLSDKGKey, r.SecpDKGKey))
}

// RequestToLeave removes the signer from the next validator set.
func (c *Client) RequestToLeave(ctx context.Context, key *ecdsa.PrivateKey) error {
	return c.stakingTx(ctx, key, "request to leave", c.staking.PackRequestToLeave())
}

// LockNextEpoch freezes the next validator set and starts the transition (the admin at any
// time; anyone once the epoch length has passed).
func (c *Client) LockNextEpoch(ctx context.Context, key *ecdsa.PrivateKey) error {
	return c.stakingTx(ctx, key, "lock next validator set", c.staking.PackLockValidatorsForNextEpoch())
}

// UnlockNextEpoch (admin) abandons a stuck transition and reopens the next set.
func (c *Client) UnlockNextEpoch(ctx context.Context, key *ecdsa.PrivateKey) error {
	return c.stakingTx(ctx, key, "unlock next validator set", c.staking.PackUnlockValidatorsForNextEpoch())
}

// SignalReady tells the contract the signer, a member of the locked next set, holds its keys
// for the next epoch. epoch is the current epoch number (the one being left).
func (c *Client) SignalReady(ctx context.Context, key *ecdsa.PrivateKey, epoch uint64) error {
	return c.stakingTx(ctx, key, "signal ready", c.staking.PackSignalReadyForNextEpoch(new(big.Int).SetUint64(epoch)))
}

// AdvanceEpoch makes the locked set active once all of it signalled. Anyone may call it.
func (c *Client) AdvanceEpoch(ctx context.Context, key *ecdsa.PrivateKey) error {
	return c.stakingTx(ctx, key, "advance epoch", c.staking.PackAdvanceEpoch())
}

// KickFromNextSet (admin) drops an operator from the next set.
func (c *Client) KickFromNextSet(ctx context.Context, key *ecdsa.PrivateKey, operator common.Address) error {
	return c.stakingTx(ctx, key, "kick from next set", c.staking.PackKickFromNextSet(operator))
}

// VoteRootKey votes the network's root public key of a type (BLS: 48-byte compressed G1;
// ECDSA: 33-byte compressed). It becomes final at ⌈2n/3⌉ identical votes.
func (c *Client) VoteRootKey(ctx context.Context, key *ecdsa.PrivateKey, kt KeyType, pubkey []byte) error {
	return c.stakingTx(ctx, key, "vote "+kt.String()+" root key", c.staking.PackVoteForRootKey(big.NewInt(int64(kt)), pubkey))
}

// AllowRelease (admin) adds a release measurement to the allowlist.
func (c *Client) AllowRelease(ctx context.Context, key *ecdsa.PrivateKey, measurement []byte) error {
	return c.stakingTx(ctx, key, "allow release", c.staking.PackAllowRelease(measurement))
}

// RevokeRelease (admin) removes a release measurement from the allowlist.
func (c *Client) RevokeRelease(ctx context.Context, key *ecdsa.PrivateKey, measurement []byte) error {
	return c.stakingTx(ctx, key, "revoke release", c.staking.PackRevokeRelease(measurement))
}

func (c *Client) stakingTx(ctx context.Context, key *ecdsa.PrivateKey, what string, data []byte) error {
	if _, err := c.Transact(ctx, key, c.addrs.Staking, data); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// MinStake is the stake an operator needs to join the validator set.
func (c *Client) MinStake(ctx context.Context) (*big.Int, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackMinStake())
	if err != nil {
		return nil, fmt.Errorf("read the minimum stake: %w", err)
	}
	v, err := c.staking.UnpackMinStake(out)
	if err != nil {
		return nil, fmt.Errorf("decode the minimum stake: %w", err)
	}
	return v, nil
}

// StakingToken is the ERC-20 the Staking contract takes stake in (read from the contract, so
// it is right whatever addresses the client was given).
func (c *Client) StakingToken(ctx context.Context) (common.Address, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackStakingToken())
	if err != nil {
		return common.Address{}, fmt.Errorf("read the staking token: %w", err)
	}
	token, err := c.staking.UnpackStakingToken(out)
	if err != nil {
		return common.Address{}, fmt.Errorf("decode the staking token: %w", err)
	}
	return token, nil
}
