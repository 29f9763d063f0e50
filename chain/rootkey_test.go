package chain_test

import (
	"bytes"
	"crypto/rand"
	"errors"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/litmesh/litmesh/chain"
)

// rootKey is a secp256k1 key pair standing in for the network's DKG output: the tests know
// the secret so they can check derivations independently.
func rootKey(t testing.TB) (*secp256k1.ModNScalar, *secp256k1.PublicKey) {
	t.Helper()
	k, err := secp256k1.GeneratePrivateKeyFromRand(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return &k.Key, k.PubKey()
}

// activeNetwork is env with n operators active in epoch 1.
func activeNetwork(t testing.TB, n int) *env {
	e := newEnv(t, n+1) // one spare operator that never joins
	for i := range n {
		e.join(i)
	}
	e.transition()
	return e
}

func TestRootKeyIsFinalAtTwoThirdsAndImmutable(t *testing.T) {
	e := activeNetwork(t, 4) // T = 3
	_, x := rootKey(t)
	_, other := rootKey(t)
	key, otherKey := x.SerializeCompressed(), other.SerializeCompressed()

	wantRevert(t, e.c.VoteRootKey(e.ctx, e.ops[4], chain.KeyTypeECDSA, key), "NotInElectorate")
	wantRevert(t, e.c.VoteRootKey(e.ctx, e.ops[0], chain.KeyTypeECDSA, x.SerializeUncompressed()), "BadPubkey")
	wantRevert(t, e.c.VoteRootKey(e.ctx, e.ops[0], chain.KeyTypeBLS, key), "BadPubkey")
	wantRevert(t, e.c.VoteRootKey(e.ctx, e.ops[0], chain.KeyType(4), key), "UnknownKeyType")

	e.must(e.c.VoteRootKey(e.ctx, e.ops[0], chain.KeyTypeECDSA, key))
	e.must(e.c.VoteRootKey(e.ctx, e.ops[1], chain.KeyTypeECDSA, otherKey))
	wantRevert(t, e.c.VoteRootKey(e.ctx, e.ops[0], chain.KeyTypeECDSA, key), "AlreadyVoted")
	e.must(e.c.VoteRootKey(e.ctx, e.ops[2], chain.KeyTypeECDSA, key))
	if _, err := e.c.RootKey(e.ctx, chain.KeyTypeECDSA); !errors.Is(err, chain.ErrNoRootKey) {
		t.Fatalf("root key with 2 of 3 needed votes: err %v, want ErrNoRootKey", err)
	}
	e.must(e.c.VoteRootKey(e.ctx, e.ops[3], chain.KeyTypeECDSA, key))
	got, err := e.c.RootKey(e.ctx, chain.KeyTypeECDSA)
	e.must(err)
	if !bytes.Equal(got, key) {
		t.Fatalf("root key %x, want the 3-vote key %x", got, key)
	}
	// Final: nobody can vote again, not even a full quorum for another key.
	wantRevert(t, e.c.VoteRootKey(e.ctx, e.ops[1], chain.KeyTypeECDSA, key), "RootKeyAlreadySet")
	wantRevert(t, e.c.VoteRootKey(e.ctx, e.ops[1], chain.KeyTypeECDSA, otherKey), "RootKeyAlreadySet")
	if m := e.membership(); !bytes.Equal(m.ECDSARootKey, key) || len(m.BLSRootKey) != 0 {
		t.Fatalf("snapshot root keys: ecdsa %x bls %x", m.ECDSARootKey, m.BLSRootKey)
	}
}

func TestLockedNextSetVotesTheKeysOfItsDKG(t *testing.T) {
	// Epoch 0 → 1: the first DKG runs while the next set is locked, and that set votes.
	e := newEnv(t, 3) // T = 2
	for i := range 3 {
		e.join(i)
	}
	bls := bytes.Repeat([]byte{0x8a}, 48)
	wantRevert(t, e.c.VoteRootKey(e.ctx, e.ops[0], chain.KeyTypeBLS, bls), "NotInElectorate") // epoch 0 has no active set
	e.must(e.c.LockNextEpoch(e.ctx, e.admin))
	e.must(e.c.VoteRootKey(e.ctx, e.ops[0], chain.KeyTypeBLS, bls))
	e.must(e.c.VoteRootKey(e.ctx, e.ops[1], chain.KeyTypeBLS, bls))
	got, err := e.c.RootKey(e.ctx, chain.KeyTypeBLS)
	e.must(err)
	if !bytes.Equal(got, bls) {
		t.Fatalf("bls root key %x, want %x", got, bls)
	}
}
