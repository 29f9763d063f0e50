package client

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/api"
	tecdsa "github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// signedAnswers makes, in process, the answers a 3-member signer set (t = 1) would send for
// one request: a trusted dealer shares a root key, the members presign over an in-memory
// network and each signs.
func signedAnswers(t testing.TB, hash [32]byte) (*pkpKey, []nodeAnswer) {
	t.Helper()
	const n, deg = 3, 1
	coeffs := make([]secp256k1.ModNScalar, deg+1)
	commits := make([][]byte, deg+1)
	for l := range coeffs {
		var b [32]byte
		if _, err := rand.Read(b[:]); err != nil {
			t.Fatal(err)
		}
		coeffs[l].SetBytes(&b)
		commits[l] = secp256k1.NewPrivateKey(&coeffs[l]).PubKey().SerializeCompressed()
	}
	root, err := tecdsa.NewRootCommitments(commits)
	if err != nil {
		t.Fatal(err)
	}
	signers := []int{0, 1, 2}
	net := mpctest.NewNetwork(n, 16)
	defer net.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ps := make([]*tecdsa.Presignature, n)
	var wg sync.WaitGroup
	for i := range n {
		var x, v secp256k1.ModNScalar
		x.SetInt(uint32(i + 1))
		for l := deg; l >= 0; l-- {
			v.Mul(&x).Add(&coeffs[l])
		}
		b := v.Bytes()
		ks, err := tecdsa.NewKeyShare(root, i, b[:])
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := tecdsa.Presign(ctx, net.Transport(i), ks, tecdsa.Config{Session: [32]byte{1}, Signers: signers, Count: 1})
			if err != nil {
				t.Error(err)
				return
			}
			ps[i] = out[0]
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	keyID := tecdsa.KeyID{7}
	key := &pkpKey{}
	if key.tweak, err = tecdsa.Epsilon(keyID); err != nil {
		t.Fatal(err)
	}
	if key.pub, err = tecdsa.DerivePublic(root.PublicKey(), keyID); err != nil {
		t.Fatal(err)
	}
	key.addr = common.Address(tecdsa.Address(key.pub))
	rho := [32]byte{42}
	var answers []nodeAnswer
	for i := range n {
		sh, err := tecdsa.SignShare(ps[i], tecdsa.SignRequest{Tweak: key.tweak, Hash: hash, Rho: rho})
		if err != nil {
			t.Fatal(err)
		}
		enc, _ := sh.MarshalBinary()
		pub, _ := ps[i].Public().MarshalBinary()
		answers = append(answers, nodeAnswer{node: NodeEntry{PeerID: "peer-" + string(rune('A'+i))}, share: &api.PKPSignShare{
			ShareIndex: i, PresignatureID: ps[i].ID().String(), Presignature: hex.EncodeToString(pub),
			Rho: hex.EncodeToString(rho[:]), SignatureShare: hex.EncodeToString(enc), DataSigned: "0x" + hex.EncodeToString(hash[:]),
		}})
	}
	return key, answers
}

func cloneAnswers(in []nodeAnswer) []nodeAnswer {
	out := make([]nodeAnswer, len(in))
	for i, a := range in {
		s := *a.share
		out[i] = nodeAnswer{node: a.node, share: &s}
	}
	return out
}

func TestCombineNamesEveryNodeThatAnsweredWrongly(t *testing.T) {
	hash := [32]byte{1, 2, 3}
	key, answers := signedAnswers(t, hash)

	sig, rej, err := combineAnswers(key, hash, cloneAnswers(answers), 1)
	if err != nil || len(rej) != 0 || len(sig.Signers) != 3 {
		t.Fatalf("honest answers: %v, rejected %v", err, rej)
	}

	for _, tc := range []struct {
		name   string
		mutate func([]nodeAnswer)
		says   string
	}{
		{"a wrong share", func(a []nodeAnswer) {
			b, _ := hex.DecodeString(a[1].share.SignatureShare)
			b[98] ^= 1
			a[1].share.SignatureShare = hex.EncodeToString(b)
		}, "wrong signature share"},
		{"a false public presignature", func(a []nodeAnswer) {
			b, _ := hex.DecodeString(a[1].share.Presignature)
			b[len(b)-40] ^= 1 // inside the last commitment: parses or not, never the true one
			a[1].share.Presignature = hex.EncodeToString(b)
		}, "false public presignature"},
		{"another hash", func(a []nodeAnswer) { a[1].share.DataSigned = "0x" + strings.Repeat("00", 32) }, "another hash"},
		{"garbage", func(a []nodeAnswer) { a[1].share.SignatureShare = "zz" }, "malformed"},
	} {
		in := cloneAnswers(answers)
		tc.mutate(in)
		sig, rej, err := combineAnswers(key, hash, in, 1)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		// A false public presignature does not spoil its sender's (valid) share.
		wantSigners := 2
		if strings.Contains(tc.says, "presignature") {
			wantSigners = 3
		}
		if len(rej) != 1 || rej[0].PeerID != "peer-B" || !strings.Contains(rej[0].Reason, tc.says) || len(sig.Signers) != wantSigners {
			t.Errorf("%s: rejected %+v, signers %v; want peer-B named (%q)", tc.name, rej, sig.Signers, tc.says)
		}
	}

	// A signer answering with another ρ is not named: honest signers answer only with the
	// tuple their whole set agreed on, so a split is reported and the coordinator is blamed.
	in := cloneAnswers(answers)
	in[1].share.Rho = strings.Repeat("00", 32)
	sig, rej, split, err := combineGroups(key, hash, in, 1)
	if err != nil || len(rej) != 0 || !split || len(sig.Signers) != 2 {
		t.Fatalf("another ρ: %v, rejected %v, split %v, signers %v", err, rej, split, sig.Signers)
	}

	// Two wrong of three: no signature, and no wrong one either.
	in = cloneAnswers(answers)
	in[0].share.Rho, in[1].share.Rho = strings.Repeat("01", 32), strings.Repeat("02", 32)
	if _, _, err := combineAnswers(key, hash, in, 1); err == nil {
		t.Fatal("combined with one agreeing signer")
	}
}

// FuzzCombineAnswers feeds hostile node answers to the client's combination: it must never
// panic, and anything it returns must be a signature that recovers to the PKP.
func FuzzCombineAnswers(f *testing.F) {
	hash := [32]byte{9}
	key, answers := signedAnswers(f, hash)
	seed, _ := json.Marshal(answers[1].share)
	f.Add(seed)
	f.Add([]byte(`{"presignatureId":"00","rho":"11"}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		var s api.PKPSignShare
		if json.Unmarshal(raw, &s) != nil {
			return
		}
		in := cloneAnswers(answers)
		in[1].share = &s
		sig, _, err := combineAnswers(key, hash, in, 1)
		if err == nil && sig.EthAddress != key.addr.Hex() {
			t.Fatalf("combined a signature for %s", sig.EthAddress)
		}
	})
}

func TestTheClientFindsTheCoordinatorTheNodesChoose(t *testing.T) {
	nw := &pkpNetwork{}
	for i := range 7 {
		nw.ring = append(nw.ring, NodeEntry{PeerID: fmt.Sprint("peer-", i)})
	}
	pick := func(pos ...int) []NodeEntry {
		var out []NodeEntry
		for _, p := range pos {
			out = append(out, nw.ring[p])
		}
		return out
	}
	for _, tc := range []struct {
		set  []int
		want int
	}{
		{[]int{2, 3, 4, 5, 6}, 2}, // a window: its first member
		{[]int{5, 6, 0, 1, 2}, 5}, // a window across the ring's end
		{[]int{3, 1, 0}, 0},       // gaps 4 (before 0), 1, 2: starts at 0
		{[]int{0, 2, 4, 6}, 2},    // gaps 1 (before 0), 2, 2, 2: the first largest, before 2
		{[]int{6, 4, 0, 1, 2}, 4}, // the largest gap is before 4
	} {
		if got := nw.coordinatorOf(pick(tc.set...)); got != nw.ring[tc.want].PeerID {
			t.Errorf("set %v: coordinator %s, want %s", tc.set, got, nw.ring[tc.want].PeerID)
		}
	}
}

// A node that rate limits the requester is avoided for the moment, never marked bad; one that
// fails otherwise is bad; a refusal every signer would give is final.
func TestSchemeAnswersRateLimitedIsSoft(t *testing.T) {
	answers := []schemeAnswer{
		{node: NodeEntry{PeerID: "a"}, err: api.Errorf(api.KindRateLimited, "too many requests; retry in 8ms")},
		{node: NodeEntry{PeerID: "b"}, err: api.Errorf(api.KindInternal, "boom")},
		{node: NodeEntry{PeerID: "c"}, err: api.Errorf(api.KindForbidden, "not permitted")},
	}
	_, bad, soft, final := (&pkpNetwork{}).classify(answers)
	if len(soft) != 1 || soft[0].PeerID != "a" || len(bad) != 1 || bad[0].PeerID != "b" || final == nil {
		t.Fatalf("soft %v, bad %v, final %v", soft, bad, final)
	}
	if got := rateLimited(answers); len(got) != 1 || got[0] != "a" {
		t.Fatalf("rate limited: %v", got)
	}
}
