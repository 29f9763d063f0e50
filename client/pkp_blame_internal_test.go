package client

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/api"
)

// Security review (review-sec): one malicious signer makes the Go client exclude honest
// signers, and escapes blame itself.
//
// signWith reads blame out of the free text of other nodes' error messages: an error that
// contains "out of its signer sets" and a peer ID puts that peer in `bad` (excluded from every
// later attempt of this PKPSign), one containing "equivocated" blames the coordinator, and the
// member that said it is neither bad nor even soft (it "points away from itself"). Nothing the
// node says is verified (the equivocation proof is not returned). With n = 4 (t = 1, sets of
// 3), one malicious member M in the chosen set names the other two; the client is then left
// with two usable nodes and gives up, although {C, H, X} would sign.
//
// Run: go test ./client -run TestReviewMaliciousMemberFramesHonestSigners -count=1 -v
// FAILS on main.
func TestReviewMaliciousMemberFramesHonestSigners(t *testing.T) {
	names := []string{"peer-C", "peer-M", "peer-H", "peer-X"} // ring order; the set is C, M, H
	c := &Client{Network: &NetworkFile{}}
	nw := &pkpNetwork{size: 3, t: 1, live: map[string]bool{}}
	var servers []*httptest.Server
	for i, name := range names {
		srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			var e *api.Error
			switch name {
			case "peer-M": // the malicious member answers at once, naming the honest ones
				e = api.Errorf(api.KindConflict, "this node leaves signer peer-C out of its signer sets until the next epoch (equivocation); this node leaves signer peer-H out of its signer sets until the next epoch: choose a set without them")
			default: // honest members: M never confirmed; they answer at their timeout (shortened)
				time.Sleep(300 * time.Millisecond) //nolint:forbidigo // the honest answers come later than M's, as in a node
				e = api.Errorf(api.KindTimeout, "the signer set did not agree on request r within 10s: no confirmation from peer-M; presignature p burnt, no share released")
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(e.Kind.Status())
			_ = json.NewEncoder(w).Encode(api.ErrorBody{Error: e})
		}))
		servers = append(servers, srv)
		defer srv.Close()
		key, _ := pinKey(srv.URL)
		c.pins.set(key, sha256.Sum256(srv.Certificate().RawSubjectPublicKeyInfo))
		nw.ring = append(nw.ring, NodeEntry{URL: srv.URL, PeerID: name})
		nw.live[name] = true
		_ = i
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
