package chain_test

import (
	"bytes"
	"net/netip"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/bindings"
)

func TestLitConnectionListsTheActiveSetWithItsThreshold(t *testing.T) {
	e := newEnv(t, 5)
	conn, err := e.c.LitConnection(e.ctx)
	e.must(err)
	if conn.Epoch != 0 || conn.MinNodeCount != 0 || len(conn.Validators) != 0 {
		t.Fatalf("fresh deployment: %+v, want epoch 0 with no validators and count 0", conn)
	}

	for i := range 4 {
		e.join(i)
	}
	// Operator 4 registers a host name: litmesh's client can use it, Lit's SDK cannot.
	e.must(e.c.Stake(e.ctx, e.ops[4], minStake))
	named := registration(4)
	named.URL = "https://node4.example.org"
	e.must(e.c.RequestToJoin(e.ctx, e.ops[4], named))
	// The next set does not show before it is active.
	conn, err = e.c.LitConnection(e.ctx)
	e.must(err)
	if len(conn.Validators) != 0 {
		t.Fatalf("before the first epoch: %d validators", len(conn.Validators))
	}
	e.transition()

	e.must(e.c.Refresh(e.ctx))
	conn, err = e.c.LitConnection(e.ctx)
	e.must(err)
	m := e.membership()
	if conn.Epoch != 1 || conn.MinNodeCount != m.ActiveThreshold() || conn.MinNodeCount != 4 {
		t.Fatalf("epoch 1 of 5 validators: epoch %d, count %d; want 1 and T=4", conn.Epoch, conn.MinNodeCount)
	}
	if conn.EpochLength != uint64(epochLength.Seconds()) || conn.StartTime != uint64(m.Epoch.Start.Unix()) {
		t.Fatalf("epoch times: length %d start %d end %d (snapshot start %s)", conn.EpochLength, conn.StartTime, conn.EndTime, m.Epoch.Start)
	}
	if len(conn.Validators) != 4 {
		t.Fatalf("%d validators, want the 4 with IPv4 URLs", len(conn.Validators))
	}
	for i, v := range conn.Validators {
		want := netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), uint16(7000+i))
		if v.Addr != want || v.NodeAddress != addr(e.ops[i]) {
			t.Fatalf("validator %d = %+v, want %s of %s", i, v, want, addr(e.ops[i]).Hex())
		}
		if got := v.URL("http"); got != registration(i).URL {
			t.Fatalf("SDK URL %s, registered %s", got, registration(i).URL)
		}
	}

	// Operator 3 leaves: it stays listed until the epoch ends.
	e.must(e.c.RequestToLeave(e.ctx, e.ops[3]))
	conn, err = e.c.LitConnection(e.ctx)
	e.must(err)
	if len(conn.Validators) != 4 {
		t.Fatalf("a leaving validator serves until the epoch ends; listed %d", len(conn.Validators))
	}
	e.transition()
	e.must(e.c.Refresh(e.ctx))
	conn, err = e.c.LitConnection(e.ctx)
	e.must(err)
	if conn.Epoch != 2 || len(conn.Validators) != 3 || conn.MinNodeCount != 3 {
		t.Fatalf("epoch 2: epoch %d, %d validators, count %d; want 2, 3, 3 (T of 4)", conn.Epoch, len(conn.Validators), conn.MinNodeCount)
	}
}

func TestStateChangedFollowsEveryTransitionWithLitsNumbers(t *testing.T) {
	e := newEnv(t, 3)
	for i := range 3 {
		e.join(i)
	}
	e.must(e.c.LockNextEpoch(e.ctx, e.admin))
	e.must(e.c.UnlockNextEpoch(e.ctx, e.admin))
	e.transition()

	staking := bindings.NewStaking()
	logs, err := e.sim.Backend.Client().FilterLogs(e.ctx, ethereum.FilterQuery{Addresses: []common.Address{e.addrs.Staking}})
	e.must(err)
	var states []uint8
	for i := range logs {
		ev, err := staking.UnpackStateChangedEvent(&logs[i])
		if err != nil {
			continue // another event
		}
		states = append(states, ev.NewState)
	}
	// lock (1), unlock (0), lock (1), all ready (2), advance (0): Lit's Active=0,
	// NextValidatorSetLocked=1, ReadyForNextEpoch=2.
	want := []uint8{1, 0, 1, 2, 0}
	if len(states) != len(want) {
		t.Fatalf("StateChanged %v, want %v", states, want)
	}
	for i := range want {
		if states[i] != want[i] {
			t.Fatalf("StateChanged %v, want %v", states, want)
		}
	}
}

func TestSDKEndpointAcceptsOnlyIPv4URLs(t *testing.T) {
	e := newEnv(t, 0)
	for _, tc := range []struct {
		url  string
		want string // "" when the SDK cannot use it
	}{
		{"http://127.0.0.1:7001", "127.0.0.1:7001"},
		{"https://10.1.2.3", "10.1.2.3:443"},
		{"http://192.168.0.1", "192.168.0.1:80"},
		{"https://1.2.3.4:8443/some/path", "1.2.3.4:8443"},
		{"http://0.0.0.0:1", "0.0.0.0:1"},
		{"http://255.255.255.255:65535/", "255.255.255.255:65535"},
		{"http://256.0.0.1:80", ""},
		{"http://1.2.3:80", ""},
		{"http://1.2.3.4.5:80", ""},
		{"http://01.2.3.4:80", ""},
		{"http://1.2.3.4:0", ""},
		{"http://1.2.3.4:65536", ""},
		{"http://1.2.3.4:", ""},
		{"http://1.2.3.4:80x", ""},
		{"http://1.2.3.4x", ""},
		{"http://node.example.org:80", ""},
		{"http://[::1]:80", ""},
		{"ftp://1.2.3.4:80", ""},
		{"HTTP://1.2.3.4:80", ""},
		{"http://user@1.2.3.4:80", ""},
		{"", ""},
	} {
		got, ok, err := e.c.SDKEndpoint(e.ctx, tc.url)
		e.must(err)
		if tc.want == "" {
			if ok {
				t.Errorf("%q: accepted as %s, want refused", tc.url, got)
			}
			continue
		}
		if !ok || got.String() != tc.want {
			t.Errorf("%q: %s, %v; want %s", tc.url, got, ok, tc.want)
		}
	}
}

func TestLitSDKStakingABIHasLitsTwoEntries(t *testing.T) {
	raw, err := chain.LitSDKStakingABI()
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := abi.JSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	fn, ok := parsed.Methods["getActiveUnkickedValidatorStructsAndCounts"]
	if !ok || len(parsed.Methods) != 1 || len(parsed.Events) != 1 {
		t.Fatalf("ABI %s", raw)
	}
	// The selector and output types of Lit's deployed contract (Datil, @lit-protocol/contracts
	// prod ABI), which the SDK decodes by position.
	want := "(uint256,uint256,uint256,uint256,uint256),uint256,(uint32,uint128,uint32,address,uint256,uint256,uint256)[]"
	var got []string
	for _, o := range fn.Outputs {
		got = append(got, o.Type.String())
	}
	if strings.Join(got, ",") != want || fn.Sig != "getActiveUnkickedValidatorStructsAndCounts()" {
		t.Fatalf("outputs %s, want %s", strings.Join(got, ","), want)
	}
	if ev := parsed.Events["StateChanged"]; ev.Sig != "StateChanged(uint8)" || ev.Inputs[0].Indexed {
		t.Fatalf("event %s", ev.Sig)
	}
}
