package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"math/big"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/crypto"
	libp2pcrypto "github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
)

// One malicious signer must not make the client exclude honest signers. Before the fix
// signWith read blame out of the free text of nodes' errors: an error containing "out of its
// signer sets" and a peer ID put that peer in `bad`, and the node that said it was blamed for
// nothing. With n = 4 (t = 1, sets of 3), one malicious member M naming the other two left the
// client two usable nodes, and it gave up although {C, H, X} would sign (found by a security
// review; this test failed with "honest peer-C excluded from later attempts on M's word").
// Now only evidence the client verifies (signatures by the accused) excludes anyone.
func TestAMemberNamingHonestSignersDoesNotGetThemExcluded(t *testing.T) {
	names := []string{"peer-C", "peer-M", "peer-H", "peer-X"} // ring order; the set is C, M, H
	c := &Client{Network: &NetworkFile{}}
	nw := &pkpNetwork{size: 3, t: 1, live: map[string]bool{}}
	for _, name := range names {
		nw.ring = append(nw.ring, pinnedNode(t, c, name, func(w http.ResponseWriter, _ *http.Request) {
			switch name {
			case "peer-M": // the malicious member answers at once, naming the honest ones
				writeAPIError(w, api.Errorf(api.KindConflict, "this node leaves signer peer-C out of its signer sets until the next epoch (equivocation); this node leaves signer peer-H out of its signer sets until the next epoch: choose a set without them"))
			default: // honest members: M never confirmed; they answer at their timeout (shortened)
				time.Sleep(300 * time.Millisecond) //nolint:forbidigo // the honest answers come later than M's, as in a node
				writeAPIError(w, api.Errorf(api.KindTimeout, "the signer set did not agree on request r within 10s: no confirmation from peer-M; presignature p burnt, no share released"))
			}
		}))
		nw.live[name] = true
	}
	wallet, _ := crypto.GenerateKey()
	sess, err := NewSession(wallet, SessionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pk, _ := secp256k1.GeneratePrivateKey()
	key := &pkpKey{tokenID: big.NewInt(1), pub: pk.PubKey()}
	_, bad, soft, err := c.signWith(context.Background(), nw, nw.ring[:3], key, [32]byte{1}, sess)
	t.Logf("attempt failed: %v\nbad: %+v\nsoft: %+v", err, bad, soft)
	excluded := map[string]string{}
	for _, r := range bad {
		excluded[r.PeerID] = r.Reason
	}
	for _, honest := range []string{"peer-C", "peer-H"} {
		if why, ok := excluded[honest]; ok {
			t.Errorf("honest %s excluded from later attempts on M's word: %s", honest, why)
		}
	}
	if _, err := nw.pickSet(excluded); err != nil {
		t.Errorf("no signer set left for the next attempt, though {C, H, X} is honest: %v", err)
	}
}

// A node's refusal with evidence of equivocation excludes the accused coordinator from later
// attempts — only when the client verifies both signatures itself.
func TestEquivocationEvidenceExcludesTheAccusedOnlyWhenItVerifies(t *testing.T) {
	priv, _, err := libp2pcrypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	coord, _ := peer.IDFromPrivateKey(priv)
	assign := func(id string, digest byte) api.SignedAssignment {
		a := api.SignedAssignment{Network: "n", Set: []int{0, 1, 2}, Epoch: 4, Requester: make(api.Bytes, 32), RequestID: id,
			Digest: bytes.Repeat([]byte{digest}, 32), Presignature: bytes.Repeat([]byte{7}, 32)}
		a.Signature = []byte{1}
		msg, err := a.SignedBytes()
		if err != nil {
			t.Fatal(err)
		}
		if a.Signature, err = priv.Sign(msg); err != nil {
			t.Fatal(err)
		}
		return a
	}
	proof := api.Evidence{Kind: api.EvidenceEquivocation, Accused: coord.String(), Assignments: []api.SignedAssignment{assign("one", 1), assign("two", 2)}}
	nw := &pkpNetwork{size: 3, t: 1, ring: []NodeEntry{{PeerID: coord.String()}, {PeerID: "peer-M"}}}
	if accused, err := nw.verifyEvidence(&proof); err != nil || accused != coord.String() {
		t.Fatalf("a real proof: %q, %v", accused, err)
	}
	forged := proof
	forged.Assignments = slices.Clone(proof.Assignments)
	forged.Assignments[1].Signature = slices.Clone(forged.Assignments[1].Signature)
	forged.Assignments[1].Signature[0] ^= 1
	otherPresig := proof
	otherPresig.Assignments = slices.Clone(proof.Assignments)
	otherPresig.Assignments[1] = assign("two", 2)
	otherPresig.Assignments[1].Presignature = bytes.Repeat([]byte{8}, 32)
	twice := proof
	twice.Assignments = []api.SignedAssignment{proof.Assignments[0], proof.Assignments[0]}
	stranger := proof
	stranger.Accused = "peer-M"
	for name, ev := range map[string]api.Evidence{
		"a signature the accused did not make":  forged,
		"two presignatures (no proof)":          otherPresig,
		"one assignment twice":                  twice,
		"accusing a node with no key in its ID": stranger,
	} {
		if accused, err := nw.verifyEvidence(&ev); err == nil {
			t.Errorf("%s: accepted, accusing %s", name, accused)
		}
	}
}

// FROST signing blames the same way as ECDSA (classify): a coordinator that signed one FROST
// slot into two tuples is excluded on the evidence, which the client verifies itself — the
// scheme is part of the signed bytes, so an assignment cannot be passed off as one of another
// scheme — and a member's prose ("equivocated", "out of its signer sets") excludes nobody.
// Before the merge of the ECDSA fix, classify put the coordinator in `bad` for any answer
// containing "equivocated" and every peer an answer said it left "out of its signer sets".
func TestFROSTAnswersExcludeOnlyOnEvidenceTheClientVerifies(t *testing.T) {
	priv, _, err := libp2pcrypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	coord, _ := peer.IDFromPrivateKey(priv)
	assign := func(scheme, id string, digest byte) api.SignedAssignment {
		a := api.SignedAssignment{Network: "n", Scheme: scheme, Set: []int{0, 1, 2}, Epoch: 4, Requester: make(api.Bytes, 32), RequestID: id,
			Digest: bytes.Repeat([]byte{digest}, 32), Presignature: bytes.Repeat([]byte{7}, 32)}
		a.Signature = []byte{1}
		msg, err := a.SignedBytes()
		if err != nil {
			t.Fatal(err)
		}
		if a.Signature, err = priv.Sign(msg); err != nil {
			t.Fatal(err)
		}
		return a
	}
	nw := &pkpNetwork{size: 3, t: 1, ring: []NodeEntry{{PeerID: coord.String()}, {PeerID: "peer-M"}, {PeerID: "peer-H"}}}
	proof := api.Evidence{Kind: api.EvidenceEquivocation, Accused: coord.String(),
		Assignments: []api.SignedAssignment{assign("frost-ed25519", "one", 1), assign("frost-ed25519", "one", 2)}}
	if accused, err := nw.verifyEvidence(&proof); err != nil || accused != coord.String() {
		t.Fatalf("a real proof for a FROST slot: %q, %v", accused, err)
	}
	relabelled := proof
	relabelled.Assignments = slices.Clone(proof.Assignments)
	relabelled.Assignments[0].Scheme, relabelled.Assignments[1].Scheme = "", ""
	mixed := proof
	mixed.Assignments = []api.SignedAssignment{proof.Assignments[0], assign("", "one", 2)}
	for name, ev := range map[string]api.Evidence{
		"FROST assignments relabelled as ECDSA":          relabelled,
		"one slot id in an ECDSA and a FROST assignment": mixed,
	} {
		if accused, err := nw.verifyEvidence(&ev); err == nil {
			t.Errorf("%s: accepted, accusing %s", name, accused)
		}
	}

	evidenced := api.Errorf(api.KindConflict, "the signer set's coordinator %s equivocated", coord)
	evidenced.Evidence = &proof
	answers := []schemeAnswer{
		{node: NodeEntry{PeerID: "peer-H"}, err: evidenced},
		{node: NodeEntry{PeerID: "peer-M"}, err: api.Errorf(api.KindConflict,
			"the signer set's coordinator %s equivocated; this node leaves signer peer-H out of its signer sets until the next epoch", coord)},
		{node: NodeEntry{PeerID: coord.String()}, err: api.Errorf(api.KindTimeout, "no confirmation")},
	}
	_, bad, soft, final := nw.classify(answers)
	if final != nil {
		t.Fatalf("final: %v", final)
	}
	if len(bad) != 1 || bad[0].PeerID != coord.String() {
		t.Fatalf("bad %v, want only the coordinator, on the evidence", bad)
	}
	for _, r := range soft {
		if r.PeerID == "peer-H" {
			t.Fatalf("peer-H avoided on peer-M's word: %v", soft)
		}
	}

	answers[0].err = api.Errorf(api.KindConflict, "the signer set's coordinator %s equivocated", coord) // the same words, no proof
	if _, bad, _, _ := nw.classify(answers); len(bad) != 0 {
		t.Fatalf("excluded on words alone: %v", bad)
	}
	forged := proof
	forged.Assignments = slices.Clone(proof.Assignments)
	forged.Assignments[1].Digest = bytes.Repeat([]byte{3}, 32) // no longer what the coordinator signed
	answers[0].err = &api.Error{Kind: api.KindConflict, Message: "equivocated", Evidence: &forged}
	_, bad, soft, _ = nw.classify(answers)
	if len(bad) != 0 || !slices.ContainsFunc(soft, func(r RejectedSigner) bool { return r.PeerID == "peer-H" }) {
		t.Fatalf("forged evidence: bad %v, soft %v; want nobody bad and its sender avoided", bad, soft)
	}
}
