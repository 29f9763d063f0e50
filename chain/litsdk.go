package chain

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/netip"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain/bindings"
)

// LitSDKStakingABI is the part of the Staking contract's ABI Lit's JS SDK uses on a custom
// network — getActiveUnkickedValidatorStructsAndCounts and the StateChanged event — as a JSON
// array: the `abi` of `contractContext.Staking` in the config an app passes to
// `new LitNodeClient(...)`. Its types are those of Lit's deployed Staking contract.
func LitSDKStakingABI() (json.RawMessage, error) {
	var entries []map[string]any
	if err := json.Unmarshal([]byte(bindings.StakingMetaData.ABI), &entries); err != nil {
		return nil, fmt.Errorf("decode the Staking ABI: %w", err)
	}
	var out []map[string]any
	for _, e := range entries {
		switch e["name"] {
		case "getActiveUnkickedValidatorStructsAndCounts", "StateChanged":
			out = append(out, e)
		}
	}
	if len(out) != 2 {
		return nil, fmt.Errorf("the Staking ABI has %d of Lit's 2 entries", len(out))
	}
	return json.Marshal(out)
}

// LitConnection is what Lit's JS SDK (v7, litNetwork "custom") learns from the Staking
// contract's getActiveUnkickedValidatorStructsAndCounts(): the current epoch, the number of
// nodes it must hear from (MinNodeCount, litmesh's T) and the nodes to talk to.
type LitConnection struct {
	EpochLength  uint64 // seconds
	Epoch        uint64
	StartTime    uint64 // unix seconds: EndTime − EpochLength, as the SDK computes it
	EndTime      uint64
	MinNodeCount int
	Validators   []LitValidator
}

// LitValidator is one node as the SDK sees it.
type LitValidator struct {
	Addr        netip.AddrPort // IPv4 and port from the node's registered URL
	NodeAddress common.Address // the operator
}

// URL is the node URL the SDK builds: scheme (from the port or the app's nodeProtocol) plus
// ip:port. scheme is "http" or "https".
func (v LitValidator) URL(scheme string) string {
	return scheme + "://" + v.Addr.String()
}

// LitConnection reads the Staking contract exactly as Lit's SDK does, at the latest head.
func (c *Client) LitConnection(ctx context.Context) (LitConnection, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackGetActiveUnkickedValidatorStructsAndCounts())
	if err != nil {
		return LitConnection{}, fmt.Errorf("read Lit connection info: %w", err)
	}
	r, err := c.staking.UnpackGetActiveUnkickedValidatorStructsAndCounts(out)
	if err != nil {
		return LitConnection{}, fmt.Errorf("decode Lit connection info: %w", err)
	}
	conn := LitConnection{
		EpochLength: r.Arg0.EpochLength.Uint64(),
		Epoch:       r.Arg0.Number.Uint64(),
		EndTime:     r.Arg0.EndTime.Uint64(),
	}
	conn.StartTime = conn.EndTime - conn.EpochLength
	if !r.Arg1.IsInt64() || r.Arg1.Int64() > math.MaxInt32 {
		return LitConnection{}, fmt.Errorf("decode Lit connection info: node count %s out of range", r.Arg1)
	}
	conn.MinNodeCount = int(r.Arg1.Int64())
	for _, v := range r.Arg2 {
		if v.Port == 0 || v.Port > math.MaxUint16 {
			return LitConnection{}, fmt.Errorf("decode Lit connection info: validator %s has port %d", v.NodeAddress.Hex(), v.Port)
		}
		ip := netip.AddrFrom4([4]byte{byte(v.Ip >> 24), byte(v.Ip >> 16), byte(v.Ip >> 8), byte(v.Ip)})
		conn.Validators = append(conn.Validators, LitValidator{Addr: netip.AddrPortFrom(ip, uint16(v.Port)), NodeAddress: v.NodeAddress})
	}
	return conn, nil
}

// SDKEndpoint is the contract's rule for which registered URLs Lit's SDK can reach: it
// returns the IPv4 address and port of http(s)://a.b.c.d[:port][/...] (port 80 or 443 by
// default) and false for anything else (host names, IPv6). A node whose URL fails it is left
// out of getActiveUnkickedValidatorStructsAndCounts.
func (c *Client) SDKEndpoint(ctx context.Context, url string) (netip.AddrPort, bool, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackSdkEndpoint(url))
	if err != nil {
		return netip.AddrPort{}, false, fmt.Errorf("read SDK endpoint of %s: %w", strconv.Quote(url), err)
	}
	r, err := c.staking.UnpackSdkEndpoint(out)
	if err != nil {
		return netip.AddrPort{}, false, fmt.Errorf("decode SDK endpoint: %w", err)
	}
	if !r.Ok {
		return netip.AddrPort{}, false, nil
	}
	ip := netip.AddrFrom4([4]byte{byte(r.Ip >> 24), byte(r.Ip >> 16), byte(r.Ip >> 8), byte(r.Ip)})
	return netip.AddrPortFrom(ip, uint16(r.Port)), true, nil
}
