package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// Transact sends a transaction calling `to` with data, signed by key, waits for its receipt
// and returns it. A call that would revert fails before anything is sent, with a
// *RevertError carrying the reason; a mined transaction that failed (state changed between
// estimate and inclusion) returns a *RevertError with TxHash set.
func (c *Client) Transact(ctx context.Context, key *ecdsa.PrivateKey, to common.Address, data []byte) (*types.Receipt, error) {
	return c.send(ctx, key, &to, data, nil)
}

// Transfer sends native currency.
func (c *Client) Transfer(ctx context.Context, key *ecdsa.PrivateKey, to common.Address, amount *big.Int) error {
	_, err := c.send(ctx, key, &to, nil, amount)
	if err != nil {
		return fmt.Errorf("transfer to %s: %w", to.Hex(), err)
	}
	return nil
}

// deploy sends a contract creation and returns the new contract's address.
func (c *Client) deploy(ctx context.Context, key *ecdsa.PrivateKey, code []byte) (common.Address, error) {
	r, err := c.send(ctx, key, nil, code, nil)
	if err != nil {
		return common.Address{}, err
	}
	return r.ContractAddress, nil
}

func (c *Client) send(ctx context.Context, key *ecdsa.PrivateKey, to *common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	if key == nil {
		return nil, errors.New("no signing key")
	}
	tx, err := c.signAndSend(ctx, key, to, data, value)
	if err != nil {
		return nil, err
	}
	r, err := c.waitReceipt(ctx, tx.Hash())
	if err != nil {
		return nil, err
	}
	c.observeBlock(r.BlockNumber.Uint64())
	if r.Status != types.ReceiptStatusSuccessful {
		return r, c.failedTxReason(ctx, key, to, data, value, r)
	}
	return r, nil
}

func (c *Client) signAndSend(ctx context.Context, key *ecdsa.PrivateKey, to *common.Address, data []byte, value *big.Int) (*types.Transaction, error) {
	from := crypto.PubkeyToAddress(key.PublicKey)
	if value == nil {
		value = new(big.Int)
	}
	cctx, cancel := context.WithTimeout(ctx, c.cfg.callTimeout)
	defer cancel()
	// One at a time, so each transaction of this client sees the pending nonce of the last.
	c.sendMu.Lock()
	defer c.sendMu.Unlock()

	head, err := c.backend.HeaderByNumber(cctx, nil)
	if err != nil {
		return nil, c.classify(ctx, "read latest header", err)
	}
	msg := ethereum.CallMsg{From: from, To: to, Data: data, Value: value}
	var txdata types.TxData
	if head.BaseFee != nil {
		tip, err := c.backend.SuggestGasTipCap(cctx)
		if err != nil {
			return nil, c.classify(ctx, "suggest gas tip", err)
		}
		feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
		msg.GasTipCap, msg.GasFeeCap = tip, feeCap
		txdata = &types.DynamicFeeTx{ChainID: c.chainID, GasTipCap: tip, GasFeeCap: feeCap, To: to, Value: value, Data: data}
	} else {
		price, err := c.backend.SuggestGasPrice(cctx)
		if err != nil {
			return nil, c.classify(ctx, "suggest gas price", err)
		}
		msg.GasPrice = price
		txdata = &types.LegacyTx{GasPrice: price, To: to, Value: value, Data: data}
	}
	gas, err := c.backend.EstimateGas(cctx, msg)
	if err != nil {
		return nil, c.classify(ctx, "estimate gas", err)
	}
	// Headroom: state may move between estimate and inclusion, and a path taken only then can
	// cost more — the vote that reaches a threshold also stores the result (fresh storage
	// slots at 20k gas each). A limit is only a ceiling: unused gas is not paid for.
	gas += gas/2 + 100_000
	nonce, err := c.backend.PendingNonceAt(cctx, from)
	if err != nil {
		return nil, c.classify(ctx, "read nonce of "+from.Hex(), err)
	}
	switch t := txdata.(type) {
	case *types.DynamicFeeTx:
		t.Gas, t.Nonce = gas, nonce
	case *types.LegacyTx:
		t.Gas, t.Nonce = gas, nonce
	}
	signed, err := types.SignNewTx(key, types.LatestSignerForChainID(c.chainID), txdata)
	if err != nil {
		return nil, fmt.Errorf("sign transaction: %w", err)
	}
	if err := c.backend.SendTransaction(cctx, signed); err != nil {
		return nil, c.classify(ctx, "send transaction", err)
	}
	return signed, nil
}

// waitReceipt polls for the receipt, starting fast (a dev chain mines at once) and backing
// off to the poll interval.
func (c *Client) waitReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	delay := 10 * time.Millisecond
	t := time.NewTimer(0)
	defer t.Stop()
	var lastErr error
	for {
		select {
		case <-ctx.Done():
			if lastErr != nil {
				return nil, fmt.Errorf("wait for transaction %s: %w (last error: %w)", hash.Hex(), ctx.Err(), lastErr)
			}
			return nil, fmt.Errorf("wait for transaction %s: %w", hash.Hex(), ctx.Err())
		case <-t.C:
		}
		cctx, cancel := context.WithTimeout(ctx, c.cfg.callTimeout)
		r, err := c.backend.TransactionReceipt(cctx, hash)
		if err == nil {
			// A node may store a block's receipts before the block becomes its head (the
			// engine API imports a payload, then moves the head), and the transaction sent
			// next — stake after approve — must be estimated on this one's state.
			var head uint64
			if head, err = c.backend.BlockNumber(cctx); err == nil && r.BlockNumber != nil && head < r.BlockNumber.Uint64() {
				err = ethereum.NotFound
			}
		}
		cancel()
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			lastErr = c.classify(ctx, "read receipt", err)
		}
		delay = min(delay*2, c.cfg.pollInterval)
		t.Reset(delay)
	}
}

// failedTxReason replays a failed transaction as a call on the state after its block to
// recover the revert reason: a transaction that passed estimation fails because something
// earlier in its block changed the state, and that change is in the post-block state. Best
// effort (out of gas has no reason); the error always names the transaction.
func (c *Client) failedTxReason(ctx context.Context, key *ecdsa.PrivateKey, to *common.Address, data []byte, value *big.Int, r *types.Receipt) error {
	rev := &RevertError{Reason: "no reason recovered (out of gas?)", TxHash: r.TxHash}
	if r.BlockNumber != nil {
		msg := ethereum.CallMsg{From: crypto.PubkeyToAddress(key.PublicKey), To: to, Data: data, Value: value}
		cctx, cancel := context.WithTimeout(ctx, c.cfg.callTimeout)
		_, err := c.backend.CallContract(cctx, msg, r.BlockNumber)
		cancel()
		if got, ok := revertOf(err); ok {
			got.TxHash = r.TxHash
			return got
		}
	}
	return rev
}
