package chain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain/bindings"
)

// KeyType numbers the network's root key types — and the key types of PKPs, each derived
// from the root of its type — as Lit does (its CurveType) where Lit has the type.
type KeyType uint8

const (
	KeyTypeBLS   KeyType = 1 // BLS12-381 encryption root, public key 48-byte compressed G1 (no PKPs)
	KeyTypeECDSA KeyType = 2 // secp256k1 ECDSA, public key 33-byte compressed (PKPs: 65-byte uncompressed)
	// KeyTypeEd25519 is the FROST Ed25519 root (Lit's CurveType Ed25519): 32-byte keys.
	KeyTypeEd25519 KeyType = 3
	// KeyTypeBLSPKP is the BLS12-381 root of BLS PKPs (Lit's CurveType BLS12381G1: keys in G1,
	// signatures in G2), apart from the encryption root: 48-byte compressed G1 keys.
	KeyTypeBLSPKP KeyType = 10
	// KeyTypeSchnorrK256 is the secp256k1 Schnorr root (FROST, BIP-340 and RFC 9591), apart
	// from the ECDSA root; litmesh's own number (Lit signs Schnorr with its K256 root): 33-byte
	// compressed keys.
	KeyTypeSchnorrK256 KeyType = 128
)

// SchemeKeyTypes are the root key types made for PKP signing schemes other than ECDSA
// (docs/schemes.md).
var SchemeKeyTypes = []KeyType{KeyTypeEd25519, KeyTypeSchnorrK256, KeyTypeBLSPKP}

// PubkeyLen is the length of a PKP public key of the type as the PKPNFT contract stores it
// (0 for a type without PKPs).
func (k KeyType) PubkeyLen() int {
	switch k {
	case KeyTypeECDSA:
		return 65
	case KeyTypeEd25519:
		return 32
	case KeyTypeSchnorrK256:
		return 33
	case KeyTypeBLSPKP:
		return 48
	default:
		return 0
	}
}

func (k KeyType) String() string {
	switch k {
	case KeyTypeBLS:
		return "bls"
	case KeyTypeECDSA:
		return "ecdsa"
	case KeyTypeEd25519:
		return "ed25519"
	case KeyTypeBLSPKP:
		return "bls-pkp"
	case KeyTypeSchnorrK256:
		return "schnorr-k256"
	default:
		return fmt.Sprintf("keytype(%d)", uint8(k))
	}
}

// EpochState is the Staking contract's epoch state machine.
type EpochState uint8

const (
	// StateActive: the epoch's set serves; the next set may still change.
	StateActive EpochState = iota
	// StateNextValidatorSetLocked: the next set is frozen and doing the transition work
	// (DKG or resharing); its members signal when ready.
	StateNextValidatorSetLocked
	// StateReadyForNextEpoch: every member of the next set signalled; advanceEpoch may run.
	StateReadyForNextEpoch
)

func (s EpochState) String() string {
	switch s {
	case StateActive:
		return "active"
	case StateNextValidatorSetLocked:
		return "next_validator_set_locked"
	case StateReadyForNextEpoch:
		return "ready_for_next_epoch"
	default:
		return fmt.Sprintf("state(%d)", uint8(s))
	}
}

// Epoch is the current epoch as the Staking contract reports it.
type Epoch struct {
	Number      uint64
	State       EpochState
	Start       time.Time
	Length      time.Duration
	ReadyCount  int // members of the next set that signalled ready in this transition
	NextSetSize int
}

// Validator is one operator's registration.
type Validator struct {
	Operator   common.Address
	PeerID     []byte // binary libp2p peer ID (peer.ID(v.PeerID) in go-libp2p)
	URL        string
	BLSDKGKey  []byte
	SecpDKGKey []byte
}

// Registration is what an operator submits to join.
type Registration struct {
	PeerID     []byte
	URL        string
	BLSDKGKey  []byte
	SecpDKGKey []byte
}

// Membership is a consistent snapshot of the Staking contract at one block: the epoch, who
// is in the active and next set, the release allowlist and the root keys. Treat it as
// read-only; it is shared between callers.
type Membership struct {
	Epoch  Epoch
	Active []Validator // members of epoch Epoch.Number
	// Next is the set for epoch Epoch.Number+1: final while a transition is in progress
	// (State != StateActive), still open to joins and leaves otherwise.
	Next         []Validator
	Releases     [][]byte // allowed release measurements
	BLSRootKey   []byte   // empty until voted
	ECDSARootKey []byte   // empty until voted
	// SchemeRootKeys are the voted root keys of SchemeKeyTypes (absent until voted; a network
	// made before they existed gets them at its next key round).
	SchemeRootKeys map[KeyType][]byte
	Block          uint64 // the block the snapshot was read at

	// Stale is true when the endpoint is unreachable and this is the last snapshot read
	// before it went away; StaleReason says why and StaleSince since when.
	Stale       bool
	StaleReason string
	StaleSince  time.Time
}

// Threshold is T = ⌈2n/3⌉ for n validators.
func Threshold(n int) int { return (2*n + 2) / 3 }

// ActiveThreshold is the threshold of the active set.
func (m *Membership) ActiveThreshold() int { return Threshold(len(m.Active)) }

// IsActive reports whether the operator is in the active set.
func (m *Membership) IsActive(operator common.Address) bool {
	_, ok := find(m.Active, func(v Validator) bool { return v.Operator == operator })
	return ok
}

// ActivePeer returns the active validator with that peer ID.
func (m *Membership) ActivePeer(peerID []byte) (Validator, bool) {
	return find(m.Active, func(v Validator) bool { return bytes.Equal(v.PeerID, peerID) })
}

// NextPeer returns the next-set validator with that peer ID.
func (m *Membership) NextPeer(peerID []byte) (Validator, bool) {
	return find(m.Next, func(v Validator) bool { return bytes.Equal(v.PeerID, peerID) })
}

// SetOf returns the members of epoch e if the snapshot knows them: the active set for the
// current epoch, the next set for the one after. For older epochs use Client.ValidatorsOfEpoch.
func (m *Membership) SetOf(e uint64) ([]Validator, bool) {
	switch e {
	case m.Epoch.Number:
		return m.Active, true
	case m.Epoch.Number + 1:
		return m.Next, true
	default:
		return nil, false
	}
}

// PeerInEpoch reports whether the peer is a member of epoch e (current or next).
func (m *Membership) PeerInEpoch(e uint64, peerID []byte) bool {
	set, _ := m.SetOf(e)
	_, ok := find(set, func(v Validator) bool { return bytes.Equal(v.PeerID, peerID) })
	return ok
}

// OperatorInEpoch reports whether the operator is a member of epoch e (current or next).
func (m *Membership) OperatorInEpoch(e uint64, operator common.Address) bool {
	set, _ := m.SetOf(e)
	_, ok := find(set, func(v Validator) bool { return v.Operator == operator })
	return ok
}

// ReleaseAllowed reports whether a release measurement is on the allowlist.
func (m *Membership) ReleaseAllowed(measurement []byte) bool {
	for _, r := range m.Releases {
		if bytes.Equal(r, measurement) {
			return true
		}
	}
	return false
}

func find(set []Validator, match func(Validator) bool) (Validator, bool) {
	for _, v := range set {
		if match(v) {
			return v, true
		}
	}
	return Validator{}, false
}

// Membership returns the snapshot at the newest block the client has seen. While the
// endpoint is unreachable it returns the last snapshot it read, with Stale set, and no error;
// it fails only if it never read one.
func (c *Client) Membership(ctx context.Context) (Membership, error) {
	c.mu.Lock()
	last, down, since := c.members, c.down, c.downSince
	c.mu.Unlock()
	if down != nil && last != nil {
		return staleCopy(last, down, since), nil
	}
	head, err := c.viewHead(ctx)
	if err == nil && last != nil && last.Block == head {
		return *last, nil
	}
	var m *Membership
	if err == nil {
		m, err = c.fetchMembership(ctx, head)
	}
	if err != nil {
		if errors.Is(err, ErrUnreachable) && last != nil {
			c.mu.Lock()
			since = c.downSince
			c.mu.Unlock()
			return staleCopy(last, err, since), nil
		}
		return Membership{}, fmt.Errorf("read membership: %w", err)
	}
	c.mu.Lock()
	if c.members == nil || c.members.Block <= m.Block {
		c.members = m
	}
	c.mu.Unlock()
	return *m, nil
}

func staleCopy(m *Membership, reason error, since time.Time) Membership {
	s := *m
	s.Stale, s.StaleReason, s.StaleSince = true, reason.Error(), since
	return s
}

func (c *Client) fetchMembership(ctx context.Context, head uint64) (*Membership, error) {
	ctx = pinHead(ctx, head)
	ep, err := c.Epoch(ctx)
	if err != nil {
		return nil, err
	}
	active, err := c.validators(ctx, c.staking.PackCurrentValidators(), c.staking.UnpackCurrentValidators)
	if err != nil {
		return nil, err
	}
	next, err := c.validators(ctx, c.staking.PackNextValidators(), c.staking.UnpackNextValidators)
	if err != nil {
		return nil, err
	}
	releases, err := c.AllowedReleases(ctx)
	if err != nil {
		return nil, err
	}
	bls, err := c.RootKey(ctx, KeyTypeBLS)
	if err != nil && !errors.Is(err, ErrNoRootKey) {
		return nil, err
	}
	ecdsa, err := c.RootKey(ctx, KeyTypeECDSA)
	if err != nil && !errors.Is(err, ErrNoRootKey) {
		return nil, err
	}
	schemes := map[KeyType][]byte{}
	for _, kt := range SchemeKeyTypes {
		k, err := c.RootKey(ctx, kt)
		switch {
		case errors.Is(err, ErrNoRootKey):
		case err != nil:
			return nil, err
		default:
			schemes[kt] = k
		}
	}
	return &Membership{
		Epoch: ep, Active: active, Next: next, Releases: releases,
		BLSRootKey: bls, ECDSARootKey: ecdsa, SchemeRootKeys: schemes, Block: head,
	}, nil
}

// Epoch reads the current epoch.
func (c *Client) Epoch(ctx context.Context) (Epoch, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackEpoch())
	if err != nil {
		return Epoch{}, fmt.Errorf("read epoch: %w", err)
	}
	info, err := c.staking.UnpackEpoch(out)
	if err != nil {
		return Epoch{}, fmt.Errorf("decode epoch: %w", err)
	}
	return Epoch{
		Number:      u64(info.Number),
		State:       EpochState(info.State),
		Start:       time.Unix(clamp(info.StartTime, 1<<40), 0),
		Length:      time.Duration(clamp(info.Length, 1<<32)) * time.Second,
		ReadyCount:  int(clamp(info.ReadyCount, 1<<20)),
		NextSetSize: int(clamp(info.NextSetSize, 1<<20)),
	}, nil
}

// ValidatorsOfEpoch returns the members of any started epoch, or of the next one.
func (c *Client) ValidatorsOfEpoch(ctx context.Context, e uint64) ([]Validator, error) {
	return c.validators(ctx, c.staking.PackValidatorsOfEpoch(new(big.Int).SetUint64(e)), c.staking.UnpackValidatorsOfEpoch)
}

// IsValidatorInEpoch asks the contract whether the operator is a member of epoch e.
func (c *Client) IsValidatorInEpoch(ctx context.Context, e uint64, operator common.Address) (bool, error) {
	return c.callBool(ctx, c.addrs.Staking, c.staking.PackIsValidatorInEpoch(new(big.Int).SetUint64(e), operator), c.staking.UnpackIsValidatorInEpoch)
}

// OperatorOfPeer returns the operator that registered a peer ID (zero if none).
func (c *Client) OperatorOfPeer(ctx context.Context, peerID []byte) (common.Address, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackOperatorOfPeer(peerID))
	if err != nil {
		return common.Address{}, fmt.Errorf("read operator of peer: %w", err)
	}
	return c.staking.UnpackOperatorOfPeer(out)
}

// ValidatorOf returns an operator's registration (zero Operator if it never registered).
func (c *Client) ValidatorOf(ctx context.Context, operator common.Address) (Validator, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackValidator(operator))
	if err != nil {
		return Validator{}, fmt.Errorf("read validator %s: %w", operator.Hex(), err)
	}
	v, err := c.staking.UnpackValidator(out)
	if err != nil {
		return Validator{}, fmt.Errorf("decode validator %s: %w", operator.Hex(), err)
	}
	return fromBinding(v), nil
}

// StakeOf returns an operator's stake.
func (c *Client) StakeOf(ctx context.Context, operator common.Address) (*big.Int, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackStakeOf(operator))
	if err != nil {
		return nil, fmt.Errorf("read stake of %s: %w", operator.Hex(), err)
	}
	return c.staking.UnpackStakeOf(out)
}

// HasSignalledReady reports whether the operator signalled in the transition in progress.
func (c *Client) HasSignalledReady(ctx context.Context, operator common.Address) (bool, error) {
	return c.callBool(ctx, c.addrs.Staking, c.staking.PackHasSignalledReady(operator), c.staking.UnpackHasSignalledReady)
}

// AllowedReleases lists the allowed release measurements.
func (c *Client) AllowedReleases(ctx context.Context) ([][]byte, error) {
	out, err := c.call(ctx, c.addrs.Staking, c.staking.PackAllowedReleases())
	if err != nil {
		return nil, fmt.Errorf("read release allowlist: %w", err)
	}
	return c.staking.UnpackAllowedReleases(out)
}

// RootKey returns the network's root public key of a type, or ErrNoRootKey before the vote.
// A voted key is final, so it is cached for the life of the client.
func (c *Client) RootKey(ctx context.Context, kt KeyType) ([]byte, error) {
	out, err := c.callImmutable(ctx, c.addrs.Staking, c.staking.PackRootKey(big.NewInt(int64(kt))), func(out []byte) bool {
		k, err := c.staking.UnpackRootKey(out)
		return err == nil && len(k) > 0
	})
	if err != nil {
		return nil, fmt.Errorf("read %s root key: %w", kt, err)
	}
	k, err := c.staking.UnpackRootKey(out)
	if err != nil {
		return nil, fmt.Errorf("decode %s root key: %w", kt, err)
	}
	if len(k) == 0 {
		return nil, fmt.Errorf("%s: %w", kt, ErrNoRootKey)
	}
	return k, nil
}

func (c *Client) validators(ctx context.Context, data []byte, unpack func([]byte) ([]bindings.StakingValidator, error)) ([]Validator, error) {
	out, err := c.call(ctx, c.addrs.Staking, data)
	if err != nil {
		return nil, fmt.Errorf("read validators: %w", err)
	}
	vs, err := unpack(out)
	if err != nil {
		return nil, fmt.Errorf("decode validators: %w", err)
	}
	res := make([]Validator, len(vs))
	for i, v := range vs {
		res[i] = fromBinding(v)
	}
	return res, nil
}

func (c *Client) callBool(ctx context.Context, to common.Address, data []byte, unpack func([]byte) (bool, error)) (bool, error) {
	out, err := c.call(ctx, to, data)
	if err != nil {
		return false, err
	}
	return unpack(out)
}

func fromBinding(v bindings.StakingValidator) Validator {
	return Validator{Operator: v.Operator, PeerID: v.PeerId, URL: v.Url, BLSDKGKey: v.BlsDkgKey, SecpDKGKey: v.SecpDkgKey}
}

// clamp converts a contract integer to an int64 no larger than limit.
func clamp(b *big.Int, limit int64) int64 {
	if b == nil || b.Sign() < 0 {
		return 0
	}
	if b.Cmp(big.NewInt(limit)) > 0 {
		return limit
	}
	return b.Int64()
}

// u64 saturates: contract counters and timestamps never exceed uint64 in practice, and a
// hostile endpoint must not make the conversion wrap.
func u64(b *big.Int) uint64 {
	if b == nil || b.Sign() < 0 {
		return 0
	}
	if !b.IsUint64() {
		return ^uint64(0)
	}
	return b.Uint64()
}
