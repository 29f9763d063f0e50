package client

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// PKPTransaction is a transaction a PKP signed and the chain mined: what `lit pkp eth-send`
// prints.
type PKPTransaction struct {
	TxHash      string `json:"txHash"`
	From        string `json:"from"`
	To          string `json:"to"`
	Value       string `json:"value"` // wei, decimal
	BlockNumber uint64 `json:"blockNumber"`
	Status      uint64 `json:"status"` // 1 success
	GasUsed     uint64 `json:"gasUsed"`
}

// PKPSendTransaction sends value wei from the PKP's address to `to` on the network's chain:
// it builds the transaction (nonce, fees and gas from the chain), has the network sign its
// hash with the PKP, submits it and waits for the receipt.
func (c *Client) PKPSendTransaction(ctx context.Context, pkp string, to common.Address, value *big.Int, auth Auth) (*PKPTransaction, error) {
	nw, err := c.pkpNetwork(ctx, false)
	if err != nil {
		return nil, err
	}
	key, err := c.lookupPKP(ctx, nw.root, pkp)
	if err != nil {
		return nil, err
	}
	cc, err := c.Chain(ctx)
	if err != nil {
		return nil, err
	}
	be := cc.Backend()
	from := key.addr
	nonce, err := be.PendingNonceAt(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("read the nonce of %s: %w", from.Hex(), err)
	}
	gas, err := be.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &to, Value: value})
	if err != nil {
		return nil, fmt.Errorf("estimate gas: %w", err)
	}
	head, err := be.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read the latest block: %w", err)
	}
	var txdata types.TxData
	if head.BaseFee != nil {
		tip, err := be.SuggestGasTipCap(ctx)
		if err != nil {
			return nil, fmt.Errorf("suggest a gas tip: %w", err)
		}
		feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
		txdata = &types.DynamicFeeTx{ChainID: cc.ChainID(), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: &to, Value: value}
	} else {
		price, err := be.SuggestGasPrice(ctx)
		if err != nil {
			return nil, fmt.Errorf("suggest a gas price: %w", err)
		}
		txdata = &types.LegacyTx{Nonce: nonce, GasPrice: price, Gas: gas, To: &to, Value: value}
	}
	tx := types.NewTx(txdata)
	signer := types.LatestSignerForChainID(cc.ChainID())
	sig, err := c.PKPSign(ctx, pkp, signer.Hash(tx), auth)
	if err != nil {
		return nil, fmt.Errorf("sign the transaction with the PKP: %w", err)
	}
	raw := sig.Bytes()
	signed, err := tx.WithSignature(signer, raw[:])
	if err != nil {
		return nil, fmt.Errorf("attach the signature: %w", err)
	}
	got, err := types.Sender(signer, signed)
	if err != nil {
		return nil, fmt.Errorf("recover the signed transaction's sender: %w", err)
	}
	if got != from {
		return nil, fmt.Errorf("the signed transaction's sender is %s, not the PKP's address %s", got.Hex(), from.Hex())
	}
	if err := be.SendTransaction(ctx, signed); err != nil {
		return nil, fmt.Errorf("send transaction %s: %w", signed.Hash().Hex(), err)
	}
	r, err := waitReceipt(ctx, be, signed.Hash())
	if err != nil {
		return nil, err
	}
	return &PKPTransaction{
		TxHash: signed.Hash().Hex(), From: from.Hex(), To: to.Hex(), Value: value.String(),
		BlockNumber: r.BlockNumber.Uint64(), Status: r.Status, GasUsed: r.GasUsed,
	}, nil
}

func waitReceipt(ctx context.Context, be interface {
	TransactionReceipt(context.Context, common.Hash) (*types.Receipt, error)
}, hash common.Hash) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	delay := 10 * time.Millisecond
	for {
		r, err := be.TransactionReceipt(ctx, hash)
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, fmt.Errorf("read the receipt of %s: %w", hash.Hex(), err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for transaction %s: %w", hash.Hex(), ctx.Err())
		case <-time.After(delay):
		}
		delay = min(2*delay, 500*time.Millisecond)
	}
}
