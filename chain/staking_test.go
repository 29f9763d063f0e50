package chain_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/litmesh/litmesh/chain"
)

func TestEpochTransitionsFollowTheStateMachine(t *testing.T) {
	e := newEnv(t, 5)
	m := e.membership()
	if m.Epoch.Number != 0 || m.Epoch.State != chain.StateActive || len(m.Active) != 0 {
		t.Fatalf("fresh deployment: epoch %+v with %d active, want epoch 0 active with none", m.Epoch, len(m.Active))
	}

	// Joining needs the minimum stake.
	wantRevert(t, e.c.RequestToJoin(e.ctx, e.ops[0], registration(0)), "InsufficientStake")
	for i := range 4 {
		e.join(i)
	}
	wantRevert(t, e.c.RequestToJoin(e.ctx, e.ops[0], registration(0)), "AlreadyInNextSet")
	// A peer ID belongs to one operator.
	e.must(e.c.Stake(e.ctx, e.ops[4], minStake))
	wantRevert(t, e.c.RequestToJoin(e.ctx, e.ops[4], registration(0)), "PeerIdTaken")
	bad := registration(4)
	bad.URL = ""
	wantRevert(t, e.c.RequestToJoin(e.ctx, e.ops[4], bad), "BadField")

	m = e.membership()
	if len(m.Next) != 4 || m.Epoch.NextSetSize != 4 {
		t.Fatalf("next set has %d members (epoch says %d), want 4", len(m.Next), m.Epoch.NextSetSize)
	}
	v, ok := m.NextPeer(registration(2).PeerID)
	if !ok || v.Operator != addr(e.ops[2]) || v.URL != registration(2).URL || !bytes.Equal(v.SecpDKGKey, registration(2).SecpDKGKey) {
		t.Fatalf("next-set record of operator 2 = %+v, %v", v, ok)
	}
	if op, err := e.c.OperatorOfPeer(e.ctx, registration(3).PeerID); err != nil || op != addr(e.ops[3]) {
		t.Fatalf("operatorOfPeer(peer-3) = %s, %v; want %s", op.Hex(), err, addr(e.ops[3]).Hex())
	}

	// Only the admin may lock before the epoch length has passed.
	wantRevert(t, e.c.LockNextEpoch(e.ctx, e.users[0]), "EpochNotOver")
	wantRevert(t, e.c.AdvanceEpoch(e.ctx, e.users[0]), "WrongState")
	wantRevert(t, e.c.SignalReady(e.ctx, e.ops[0], 0), "WrongState")
	e.must(e.c.LockNextEpoch(e.ctx, e.admin))
	wantRevert(t, e.c.LockNextEpoch(e.ctx, e.admin), "WrongState")

	// While locked the next set is frozen.
	wantRevert(t, e.c.RequestToJoin(e.ctx, e.ops[4], registration(4)), "WrongState")
	wantRevert(t, e.c.RequestToLeave(e.ctx, e.ops[0]), "WrongState")
	// Signals: members only, for the current epoch, once each.
	wantRevert(t, e.c.SignalReady(e.ctx, e.ops[4], 0), "NotInNextSet")
	wantRevert(t, e.c.SignalReady(e.ctx, e.ops[0], 1), "WrongEpoch")
	for i := range 3 {
		e.must(e.c.SignalReady(e.ctx, e.ops[i], 0))
	}
	wantRevert(t, e.c.SignalReady(e.ctx, e.ops[0], 0), "AlreadySignalled")
	m = e.membership()
	if m.Epoch.State != chain.StateNextValidatorSetLocked || m.Epoch.ReadyCount != 3 {
		t.Fatalf("after 3 of 4 signals: state %s ready %d", m.Epoch.State, m.Epoch.ReadyCount)
	}
	wantRevert(t, e.c.AdvanceEpoch(e.ctx, e.users[0]), "WrongState")
	e.must(e.c.SignalReady(e.ctx, e.ops[3], 0))
	if m = e.membership(); m.Epoch.State != chain.StateReadyForNextEpoch {
		t.Fatalf("after all signals: state %s, want ready_for_next_epoch", m.Epoch.State)
	}
	e.must(e.c.AdvanceEpoch(e.ctx, e.users[0])) // anyone may advance

	m = e.membership()
	if m.Epoch.Number != 1 || m.Epoch.State != chain.StateActive || len(m.Active) != 4 || m.ActiveThreshold() != 3 {
		t.Fatalf("epoch 1: %+v with %d active (T=%d), want 4 active, T=3", m.Epoch, len(m.Active), m.ActiveThreshold())
	}
	for i := range 4 {
		if !m.IsActive(addr(e.ops[i])) || !m.PeerInEpoch(1, registration(i).PeerID) || !m.PeerInEpoch(2, registration(i).PeerID) {
			t.Fatalf("operator %d not in epochs 1 and 2 of the snapshot", i)
		}
	}
	if m.IsActive(addr(e.ops[4])) || m.PeerInEpoch(1, registration(4).PeerID) {
		t.Fatal("operator 4 never joined but is active")
	}

	// Stake of an active validator stays at or above the minimum.
	wantRevert(t, e.c.Unstake(e.ctx, e.ops[3], big.NewInt(1)), "StakeLocked")
	e.must(e.c.Unstake(e.ctx, e.ops[4], minStake)) // operator 4 is in no set

	// Operator 3 leaves; it serves until the epoch ends. Once the epoch length has passed,
	// anyone may lock.
	e.must(e.c.RequestToLeave(e.ctx, e.ops[3]))
	wantRevert(t, e.c.RequestToLeave(e.ctx, e.ops[3]), "NotInNextSet")
	if m = e.membership(); !m.IsActive(addr(e.ops[3])) || m.OperatorInEpoch(2, addr(e.ops[3])) {
		t.Fatal("a leaving operator must stay active and be out of the next set")
	}
	wantRevert(t, e.c.LockNextEpoch(e.ctx, e.users[1]), "EpochNotOver")
	e.must(e.sim.AdjustTime(epochLength))
	e.must(e.c.LockNextEpoch(e.ctx, e.users[1]))
	for i := range 3 {
		e.must(e.c.SignalReady(e.ctx, e.ops[i], 1))
	}
	e.must(e.c.AdvanceEpoch(e.ctx, e.ops[0]))
	m = e.membership()
	if m.Epoch.Number != 2 || len(m.Active) != 3 || m.IsActive(addr(e.ops[3])) {
		t.Fatalf("epoch 2: number %d, %d active, operator 3 active %v", m.Epoch.Number, len(m.Active), m.IsActive(addr(e.ops[3])))
	}
	// History stays readable.
	old, err := e.c.ValidatorsOfEpoch(e.ctx, 1)
	e.must(err)
	if len(old) != 4 {
		t.Fatalf("epoch 1 had %d validators, want 4", len(old))
	}
	if in, err := e.c.IsValidatorInEpoch(e.ctx, 1, addr(e.ops[3])); err != nil || !in {
		t.Fatalf("isValidatorInEpoch(1, op3) = %v, %v", in, err)
	}
	// Out of every set, operator 3 may withdraw everything.
	e.must(e.c.Unstake(e.ctx, e.ops[3], minStake))
	if s, err := e.c.StakeOf(e.ctx, addr(e.ops[3])); err != nil || s.Sign() != 0 {
		t.Fatalf("stake of operator 3 = %v, %v; want 0", s, err)
	}
}

func TestAdminRecoversAStuckTransition(t *testing.T) {
	e := newEnv(t, 3)
	for i := range 3 {
		e.join(i)
	}
	e.must(e.c.LockNextEpoch(e.ctx, e.admin))
	e.must(e.c.SignalReady(e.ctx, e.ops[0], 0))

	// Operator 2 never signals. Only the admin may unlock or kick.
	wantRevert(t, e.c.UnlockNextEpoch(e.ctx, e.ops[0]), "OwnableUnauthorizedAccount")
	wantRevert(t, e.c.KickFromNextSet(e.ctx, e.admin, addr(e.ops[2])), "WrongState")
	e.must(e.c.UnlockNextEpoch(e.ctx, e.admin))
	wantRevert(t, e.c.KickFromNextSet(e.ctx, e.ops[0], addr(e.ops[2])), "OwnableUnauthorizedAccount")
	e.must(e.c.KickFromNextSet(e.ctx, e.admin, addr(e.ops[2])))

	// Signals from the abandoned attempt do not count in the next one.
	if ok, err := e.c.HasSignalledReady(e.ctx, addr(e.ops[0])); err != nil || ok {
		t.Fatalf("hasSignalledReady after unlock = %v, %v; want false", ok, err)
	}
	e.must(e.c.LockNextEpoch(e.ctx, e.admin))
	e.must(e.c.SignalReady(e.ctx, e.ops[0], 0))
	if m := e.membership(); m.Epoch.State != chain.StateNextValidatorSetLocked {
		t.Fatalf("one of two signals made state %s", m.Epoch.State)
	}
	e.must(e.c.SignalReady(e.ctx, e.ops[1], 0))
	e.must(e.c.AdvanceEpoch(e.ctx, e.admin))
	if m := e.membership(); len(m.Active) != 2 || m.IsActive(addr(e.ops[2])) {
		t.Fatalf("epoch 1 active set %d members, kicked operator active %v", len(m.Active), m.IsActive(addr(e.ops[2])))
	}
	// An empty next set cannot be locked.
	e.must(e.c.RequestToLeave(e.ctx, e.ops[0]))
	e.must(e.c.RequestToLeave(e.ctx, e.ops[1]))
	wantRevert(t, e.c.LockNextEpoch(e.ctx, e.admin), "NextSetEmpty")
}

func TestReleaseAllowlistIsAdminOnly(t *testing.T) {
	e := newEnv(t, 1)
	measurement := bytes.Repeat([]byte{0xab}, 48)
	wantRevert(t, e.c.AllowRelease(e.ctx, e.ops[0], measurement), "OwnableUnauthorizedAccount")
	e.must(e.c.AllowRelease(e.ctx, e.admin, measurement))
	wantRevert(t, e.c.AllowRelease(e.ctx, e.admin, measurement), "ReleaseAlreadyAllowed")
	wantRevert(t, e.c.AllowRelease(e.ctx, e.admin, make([]byte, 65)), "BadField")
	if m := e.membership(); !m.ReleaseAllowed(measurement) || len(m.Releases) != 1 {
		t.Fatalf("allowlist %x does not hold exactly the measurement", m.Releases)
	}
	wantRevert(t, e.c.RevokeRelease(e.ctx, e.ops[0], measurement), "OwnableUnauthorizedAccount")
	e.must(e.c.RevokeRelease(e.ctx, e.admin, measurement))
	wantRevert(t, e.c.RevokeRelease(e.ctx, e.admin, measurement), "ReleaseNotAllowed")
	if m := e.membership(); m.ReleaseAllowed(measurement) {
		t.Fatal("revoked measurement still allowed")
	}
}
