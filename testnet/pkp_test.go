package testnet_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// pooled returns every presignature ID any running node holds, with the nodes holding it.
func pooled(c *testnet.Cluster) map[string][]int {
	out := map[string][]int{}
	for _, m := range c.Members() {
		if nd := m.Node(); nd != nil {
			st, _ := nd.PKPPools()
			for _, s := range st.Sets {
				for _, id := range s.Ready {
					out[id] = append(out[id], m.Index)
				}
			}
		}
	}
	return out
}

// warmSet returns a warm signer set's members (peer IDs, coordinator first) and their URLs.
func warmSet(t testing.TB, c *testnet.Cluster, nf *client.NetworkFile) (peers, urls []string) {
	t.Helper()
	st, ok := c.Members()[0].Node().PKPPools()
	if !ok {
		t.Fatal("node 0 has no pools")
	}
	for _, s := range st.Sets {
		if s.Warm {
			for _, p := range s.Members {
				i := slices.IndexFunc(nf.Nodes, func(e client.NodeEntry) bool { return e.PeerID == p })
				peers, urls = append(peers, p), append(urls, nf.Nodes[i].URL)
			}
			return peers, urls
		}
	}
	t.Fatal("no warm set")
	return nil, nil
}

// tamperingProxy stands in front of one node at the URL the node registered and serves with
// the node's own TLS key, so to clients it is that node; while on, it changes every PKP
// signature share it relays: a node that sends a wrong share, without a fake node.
type tamperingProxy struct {
	ln  net.Listener // reserved before the node starts, so the node can advertise it
	srv *httptest.Server
	on  atomic.Bool
}

// reserveProxy reserves the proxy's address; the node it stands for must use it as its
// public URL.
func reserveProxy(t testing.TB) *tamperingProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return &tamperingProxy{ln: ln}
}

func (p *tamperingProxy) url() string { return "https://" + p.ln.Addr().String() }

// start serves in front of member m (its API at m.Cfg.APIAddr) with its TLS key.
func (p *tamperingProxy) start(ctx context.Context, t testing.TB, m *testnet.Member) {
	t.Helper()
	cert, err := m.TLSCertificate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: "https", Host: m.Cfg.APIAddr})
	rp.Transport = client.UnverifiedHTTPClient().Transport
	rp.ModifyResponse = func(resp *http.Response) error {
		if !p.on.Load() || resp.Request.URL.Path != "/web/pkp/sign" || resp.StatusCode != http.StatusOK {
			return nil
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		var share api.PKPSignShare
		if err := json.Unmarshal(raw, &share); err != nil {
			return err
		}
		b, err := hex.DecodeString(share.SignatureShare)
		if err != nil || len(b) < 99 {
			return fmt.Errorf("unexpected share %q", share.SignatureShare)
		}
		b[98] ^= 1 // the last byte of s
		share.SignatureShare = hex.EncodeToString(b)
		raw, _ = json.Marshal(share)
		resp.Body = io.NopCloser(bytes.NewReader(raw))
		resp.ContentLength = int64(len(raw))
		resp.Header.Set("Content-Length", fmt.Sprint(len(raw)))
		return nil
	}
	p.srv = &httptest.Server{Listener: p.ln, Config: &http.Server{Handler: rp, ReadHeaderTimeout: 10 * time.Second}}
	p.srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	p.srv.StartTLS()
	t.Cleanup(p.srv.Close)
}

func TestPKPSigningOnAFourNodeNetwork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	// Node 2 is reached through a proxy holding its TLS key, which can tamper with its shares.
	const bad = 2
	proxy := reserveProxy(t)
	c := pkptest.Cluster(ctx, t, 4, 24, 8, func(i int, cfg *node.Config) {
		if i == bad {
			cfg.PublicURL = proxy.url()
		}
	})
	proxy.start(ctx, t, c.Members()[bad])
	nf := c.NetworkFile() // taken while every node runs: the client knows the whole ring
	cl := testnet.NewClient(nf)
	defer cl.Close()

	owner := pkptest.DevKey(t, 1)
	pkp, err := cl.MintPKP(ctx, owner)
	if err != nil {
		t.Fatalf("mint: %v", err)
	}

	t.Run("the owner's signature recovers to the PKP's address", func(t *testing.T) {
		hash := sha256.Sum256([]byte("hello from a PKP"))
		sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, owner))
		if err != nil {
			t.Fatalf("sign: %v", err)
		}
		pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
		if sig.PublicKey != pkp.PublicKey || sig.EthAddress != pkp.EthAddress || len(sig.Rejected) != 0 || len(sig.Signers) != 3 {
			t.Fatalf("signature reports key %s, address %s, signers %v, rejected %v", sig.PublicKey, sig.EthAddress, sig.Signers, sig.Rejected)
		}
		// Named by its public key, the PKP signs too, with a fresh nonce.
		hash2 := sha256.Sum256([]byte("second"))
		sig2, err := cl.PKPSign(ctx, pkp.PublicKey, hash2, pkptest.Session(t, owner))
		if err != nil {
			t.Fatalf("sign by public key: %v", err)
		}
		pkptest.CheckRecovers(t, sig2, hash2, pkp.EthAddress)
		if sig2.R == sig.R {
			t.Fatal("two signatures share R")
		}
	})

	t.Run("a non-owner is refused with the reason", func(t *testing.T) {
		_, err := cl.PKPSign(ctx, pkp.TokenID, sha256.Sum256([]byte("x")), pkptest.Session(t, pkptest.DevKey(t, 2)))
		if pkptest.KindOf(err) != api.KindForbidden || !strings.Contains(err.Error(), "neither owns") {
			t.Fatalf("a non-owner got %v, want forbidden", err)
		}
	})

	t.Run("an address the owner permits may sign", func(t *testing.T) {
		helper := pkptest.DevKey(t, 3)
		if err := c.Chain.PermitAddress(ctx, owner, pkptest.MustToken(t, pkp.TokenID), crypto.PubkeyToAddress(helper.PublicKey)); err != nil {
			t.Fatal(err)
		}
		hash := sha256.Sum256([]byte("on behalf of the owner"))
		sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, helper))
		if err != nil {
			t.Fatalf("permitted address: %v", err)
		}
		pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
	})

	t.Run("bad requests get typed errors", func(t *testing.T) {
		peers, urls := warmSet(t, c, nf)
		auth := pkptest.Session(t, owner)
		good := func(id string) api.PKPSignRequest {
			h := sha256.Sum256([]byte(id))
			return api.PKPSignRequest{ToSign: h[:], PubKey: pkp.TokenID, RequestID: id, NodeSet: slices.Clone(peers)}
		}
		// The owner's own credentials, misused: a plain authSig, and a session signature made
		// for another node of the set.
		plain, err := access.CreateAuthSig(owner, access.AuthSigOptions{ChainID: devchain.ChainID, TTL: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		plainJSON, _ := json.Marshal(plain)
		tok, _ := client.PKPTokenID(pkp.TokenID)
		forOther, err := auth.SessionSig(urls[1], access.PKPSigningRequest(tok), devchain.ChainID)
		if err != nil {
			t.Fatal(err)
		}
		forOtherJSON, _ := json.Marshal(forOther)
		withAuth := func(raw json.RawMessage) func(*api.PKPSignRequest) {
			return func(r *api.PKPSignRequest) { r.AuthSig = raw }
		}
		outsider := slices.IndexFunc(nf.Nodes, func(e client.NodeEntry) bool { return !slices.Contains(peers, e.PeerID) })
		for _, tc := range []struct {
			name   string
			url    string
			mutate func(*api.PKPSignRequest)
			kind   api.Kind
			says   string
		}{
			{"a plain authSig", urls[0], withAuth(plainJSON), api.KindUnauthorized, "session signatures are required for PKP signing"},
			{"a session signature made for another node", urls[0], withAuth(forOtherJSON), api.KindUnauthorized, "sessionSig.signedMessage.nodeAddress"},
			{"toSign of 31 bytes", urls[0], func(r *api.PKPSignRequest) { r.ToSign = r.ToSign[:31] }, api.KindBadRequest, "32-byte"},
			{"no requestId", urls[0], func(r *api.PKPSignRequest) { r.RequestID = "" }, api.KindBadRequest, "requestId"},
			{"an unknown PKP", urls[0], func(r *api.PKPSignRequest) { r.PubKey = "0x1234" }, api.KindNotFound, "no PKP"},
			{"no authSig", urls[0], func(r *api.PKPSignRequest) { r.AuthSig = nil }, api.KindUnauthorized, "authSig"},
			{"a nodeSet of the wrong size", urls[0], func(r *api.PKPSignRequest) { r.NodeSet = r.NodeSet[:2] }, api.KindConflict, "at least 3"},
			{"a node outside the nodeSet", nf.Nodes[outsider].URL, func(*api.PKPSignRequest) {}, api.KindConflict, "not in the request's nodeSet"},
			{"a nodeSet naming a stranger", urls[0], func(r *api.PKPSignRequest) { r.NodeSet[2] = "http://127.0.0.1:1" }, api.KindConflict, "not a validator"},
		} {
			req := good("bad-" + strings.ReplaceAll(tc.name, " ", "-"))
			tc.mutate(&req)
			session := auth
			if req.AuthSig != nil || tc.name == "no authSig" {
				session = nil
			}
			_, err := pkptest.PostSign(ctx, t, tc.url, req, session)
			if pkptest.KindOf(err) != tc.kind || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("%s: got %v, want %s saying %q", tc.name, err, tc.kind, tc.says)
			}
		}

		// A complete request by hand: every signer answers with the same presignature and ρ.
		req := good("by-hand-1")
		shares := make([]*api.PKPSignShare, len(urls))
		var wg sync.WaitGroup
		for i, u := range urls {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var err error
				if shares[i], err = pkptest.PostSign(ctx, t, u, req, auth); err != nil {
					t.Errorf("signer %d: %v", i, err)
				}
			}()
		}
		wg.Wait()
		if t.Failed() {
			return
		}
		for _, s := range shares[1:] {
			if s.PresignatureID != shares[0].PresignatureID || s.Rho != shares[0].Rho {
				t.Fatalf("signers disagree: %s/%s vs %s/%s", s.PresignatureID, s.Rho, shares[0].PresignatureID, shares[0].Rho)
			}
		}
		sig, err := cl.CombinePKPShares(ctx, pkp.TokenID, [32]byte(req.ToSign), []api.PKPSignShare{*shares[0], *shares[1], *shares[2]})
		if err != nil {
			t.Fatalf("combine the hand-made shares: %v", err)
		}
		pkptest.CheckRecovers(t, sig, [32]byte(req.ToSign), pkp.EthAddress)

		// Replaying the request id is refused at every signer.
		for i, u := range urls {
			if _, err := pkptest.PostSign(ctx, t, u, req, auth); pkptest.KindOf(err) != api.KindConflict || !strings.Contains(err.Error(), "used before") {
				t.Errorf("replay at signer %d: got %v, want conflict", i, err)
			}
		}

		// Signers that received different requests under one id refuse to sign.
		req = good("by-hand-2")
		other := req
		other.ToSign = bytes.Repeat([]byte{7}, 32)
		errs := make([]error, len(urls))
		for i, u := range urls {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := req
				if i > 0 {
					r = other
				}
				_, errs[i] = pkptest.PostSign(ctx, t, u, r, auth)
			}()
		}
		wg.Wait()
		// No share anywhere: the members whose copy differs say so, and the coordinator, which
		// never got their confirmations, names them.
		if pkptest.KindOf(errs[0]) != api.KindConflict || !strings.Contains(errs[0].Error(), "refused") {
			t.Errorf("the coordinator: got %v, want a conflict naming a refusing signer", errs[0])
		}
		for i := 1; i < len(urls); i++ {
			if pkptest.KindOf(errs[i]) != api.KindConflict || !strings.Contains(errs[i].Error(), "differs") {
				t.Errorf("signer %d with a different request: got %v, want conflict", i, errs[i])
			}
		}
	})

	t.Run("requests and assignments that never meet expire, and the presignature goes", func(t *testing.T) {
		peers, urls := warmSet(t, c, nf)
		auth := pkptest.Session(t, owner)
		h := sha256.Sum256([]byte("lonely"))
		// Only the coordinator gets one request, only a member the other.
		toCoord := api.PKPSignRequest{ToSign: h[:], PubKey: pkp.TokenID, RequestID: "lonely-coordinator", NodeSet: peers}
		toMember := toCoord
		toMember.RequestID = "lonely-member"
		var wg sync.WaitGroup
		var memberErr error
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, memberErr = pkptest.PostSign(ctx, t, urls[1], toMember, auth)
		}()
		_, coordErr := pkptest.PostSign(ctx, t, urls[0], toCoord, auth)
		wg.Wait()
		if pkptest.KindOf(memberErr) != api.KindTimeout || !strings.Contains(memberErr.Error(), "assigned no presignature") {
			t.Fatalf("a member whose coordinator never got the request: %v, want a timeout naming the coordinator", memberErr)
		}
		// The coordinator's request was never confirmed by the members, who never got it: no
		// share, and the presignature it named is burnt there and dropped by the members.
		if pkptest.KindOf(coordErr) != api.KindTimeout || !strings.Contains(coordErr.Error(), "no confirmation from") {
			t.Fatalf("a coordinator whose members never got the request: %v, want a timeout naming them", coordErr)
		}
		id := regexp.MustCompile(`presignature ([0-9a-f]{64}) burnt`).FindStringSubmatch(coordErr.Error())
		if id == nil {
			t.Fatalf("the coordinator's error does not name the burnt presignature: %v", coordErr)
		}
		c.WaitFor(ctx, "the unmatched presignature to be discarded", func() (bool, string) {
			held := pooled(c)[id[1]]
			return len(held) == 0, fmt.Sprintf("still held by nodes %v", held)
		})
	})

	t.Run("transferring the NFT moves control", func(t *testing.T) {
		own, err := cl.MintPKP(ctx, owner)
		if err != nil {
			t.Fatal(err)
		}
		newOwner := pkptest.DevKey(t, 4)
		if err := c.Chain.TransferPKP(ctx, owner, pkptest.MustToken(t, own.TokenID), crypto.PubkeyToAddress(newOwner.PublicKey)); err != nil {
			t.Fatal(err)
		}
		hash := sha256.Sum256([]byte("new owner"))
		sig, err := cl.PKPSign(ctx, own.TokenID, hash, pkptest.Session(t, newOwner))
		if err != nil {
			t.Fatalf("new owner: %v", err)
		}
		pkptest.CheckRecovers(t, sig, hash, own.EthAddress)
		// Nodes read permissions at the newest block they have seen (polled every second);
		// the old owner is refused once they have seen the transfer, and from then on.
		c.WaitFor(ctx, "the old owner to be refused", func() (bool, string) {
			_, err := cl.PKPSign(ctx, own.TokenID, hash, pkptest.Session(t, owner))
			return pkptest.KindOf(err) == api.KindForbidden, fmt.Sprint(err)
		})
		for range 3 {
			if _, err := cl.PKPSign(ctx, own.TokenID, hash, pkptest.Session(t, owner)); pkptest.KindOf(err) != api.KindForbidden {
				t.Fatalf("old owner after the transfer: %v", err)
			}
		}
	})

	t.Run("a node sending a wrong share is named and left out", func(t *testing.T) {
		proxy.on.Store(true)
		defer proxy.on.Store(false)
		tcl := testnet.NewClient(nf)
		defer tcl.Close()
		// The client picks a random warm set; 3 of the 4 include the tampered node.
		for try := 0; ; try++ {
			hash := sha256.Sum256([]byte(fmt.Sprint("tampered ", try)))
			sig, err := tcl.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, owner))
			if err != nil {
				t.Fatalf("sign through a tampering node: %v", err)
			}
			pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
			if len(sig.Rejected) == 0 {
				if slices.Contains(sig.Signers, nf.Nodes[bad].PeerID) {
					t.Fatal("the tampered share was combined")
				}
				if try == 20 {
					t.Fatal("the tampered node was never in the signer set")
				}
				continue
			}
			if len(sig.Rejected) != 1 || sig.Rejected[0].PeerID != nf.Nodes[bad].PeerID || !strings.Contains(sig.Rejected[0].Reason, "wrong signature share") {
				t.Fatalf("rejected %+v, want node %s named for a wrong share", sig.Rejected, nf.Nodes[bad].PeerID)
			}
			if slices.Contains(sig.Signers, nf.Nodes[bad].PeerID) || len(sig.Signers) != 2 {
				t.Fatalf("signers %v: want the two honest ones", sig.Signers)
			}
			break
		}
	})

	t.Run("a thousand signatures with one PKP never reuse R or a presignature", func(t *testing.T) {
		// Four at a time, draining and refilling the pools (target 24 per set) many times over;
		// mpc/ecdsa has the same check at the crypto level, before and after re-randomisation.
		const total, workers = 1000, 4
		auth := pkptest.Session(t, owner)
		type result struct {
			hash [32]byte
			sig  *client.PKPSignature
		}
		results := make(chan result, total)
		errs := make(chan error, total)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < total; i += workers {
					hash := sha256.Sum256([]byte(fmt.Sprint("many ", i)))
					sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, auth)
					if err != nil {
						errs <- fmt.Errorf("signature %d: %w", i, err)
						return
					}
					results <- result{hash, sig}
				}
			}()
		}
		wg.Wait()
		close(results)
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		rs, ids := map[string]bool{}, map[string]bool{}
		n := 0
		for r := range results {
			n++
			pkptest.CheckRecovers(t, r.sig, r.hash, pkp.EthAddress)
			if rs[r.sig.R] || ids[r.sig.PresignatureID] {
				t.Fatalf("R %s or presignature %s used twice", r.sig.R, r.sig.PresignatureID)
			}
			rs[r.sig.R], ids[r.sig.PresignatureID] = true, true
		}
		if n != total {
			t.Fatalf("%d signatures, want %d", n, total)
		}
		for id, held := range pooled(c) {
			if ids[id] {
				t.Fatalf("presignature %s signed and is still in the pools of nodes %v", id, held)
			}
		}
	})

	t.Run("eth-send moves funds from the PKP's address", func(t *testing.T) {
		from := common.HexToAddress(pkp.EthAddress)
		if err := c.Chain.Transfer(ctx, pkptest.DevKey(t, 0), from, big.NewInt(1e18)); err != nil {
			t.Fatal(err)
		}
		to := common.HexToAddress("0x00000000000000000000000000000000000b0b00")
		before, err := c.Chain.Balance(ctx, to)
		if err != nil {
			t.Fatal(err)
		}
		value := big.NewInt(123456789)
		tx, err := cl.PKPSendTransaction(ctx, pkp.TokenID, to, value, pkptest.Session(t, owner))
		if err != nil {
			t.Fatalf("eth-send: %v", err)
		}
		if tx.Status != 1 || tx.From != from.Hex() {
			t.Fatalf("transaction %+v", tx)
		}
		after, err := c.Chain.Balance(ctx, to)
		if err != nil {
			t.Fatal(err)
		}
		if new(big.Int).Sub(after, before).Cmp(value) != 0 {
			t.Fatalf("recipient balance %s → %s, want +%s", before, after, value)
		}
		left, err := c.Chain.Balance(ctx, from)
		if err != nil {
			t.Fatal(err)
		}
		if left.Cmp(new(big.Int).Sub(big.NewInt(1e18), value)) >= 0 {
			t.Fatalf("PKP balance %s did not pay value and gas", left)
		}
	})

	t.Run("signing succeeds with n-T nodes stopped", func(t *testing.T) {
		c.Stop(1)
		stopped := c.Members()[1].ID.String()
		for i := range 3 {
			hash := sha256.Sum256([]byte(fmt.Sprint("degraded ", i)))
			sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, owner))
			if err != nil {
				t.Fatalf("sign with a node down: %v", err)
			}
			pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
			if slices.Contains(sig.Signers, stopped) {
				t.Fatal("a stopped node signed")
			}
		}
	})
}

// On seven nodes (signer sets of 5, t = 2), two stopped nodes that are not neighbours on the
// ring leave no warm window: the client falls back to a set whose presignatures are computed
// on demand, and signing still works.
func TestPKPSigningWithTwoOfSevenNodesDownUsesOnDemandPresignatures(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c := pkptest.Cluster(ctx, t, 7, 8, 4)
	nf := c.NetworkFile()
	cl := testnet.NewClient(nf)
	defer cl.Close()
	owner := pkptest.DevKey(t, 5)
	pkp, err := cl.MintPKP(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	ring := slices.Clone(c.Members())
	slices.SortFunc(ring, func(a, b *testnet.Member) int { return strings.Compare(a.ID.String(), b.ID.String()) })
	down := []*testnet.Member{ring[0], ring[2]}
	for _, m := range down {
		c.Stop(m.Index)
	}
	for i := range 3 {
		hash := sha256.Sum256([]byte(fmt.Sprint("five of seven ", i)))
		sig, err := cl.PKPSign(ctx, pkp.TokenID, hash, pkptest.Session(t, owner))
		if err != nil {
			t.Fatalf("signature %d with two nodes down: %v", i, err)
		}
		pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)
		for _, m := range down {
			if slices.Contains(sig.Signers, m.ID.String()) {
				t.Fatalf("stopped node %d signed", m.Index)
			}
		}
		if len(sig.Signers) != 5 {
			t.Fatalf("signers %v, want the five live nodes", sig.Signers)
		}
	}
	// The set the client used is not a window: its coordinator opened it on demand.
	lazy := false
	for _, m := range c.Members() {
		if nd := m.Node(); nd != nil {
			st, _ := nd.PKPPools()
			for _, s := range st.Sets {
				lazy = lazy || (!s.Warm && s.Coordinator)
			}
		}
	}
	if !lazy {
		t.Fatal("no node coordinates a set opened on demand")
	}
}

// The Lit Action path: every node of a set runs PKPSignForAction for the same execution (as the
// action runtime's host does for Lit.Actions.signEcdsa); the shares combine when the action's
// CID is permitted for the PKP, and every node refuses an action that is not.
func TestPKPSignForActionNeedsAPermittedCID(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := pkptest.Cluster(ctx, t, 4, 8, 4)
	nf := c.NetworkFile()
	cl := testnet.NewClient(nf)
	defer cl.Close()
	owner := pkptest.DevKey(t, 7)
	pkp, err := cl.MintPKP(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	const permitted = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"
	const other = "QmQPeNsJPyVWPFDVHb9rmbNuZbU4Y6G3w5bE7KVi1bJvqH"
	bin, err := chain.CanonicalCID(permitted)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Chain.PermitAction(ctx, owner, pkptest.MustToken(t, pkp.TokenID), bin); err != nil {
		t.Fatal(err)
	}
	peers, urls := warmSet(t, c, nf)
	// An execution names its nodes as Lit's socketAddress: host:port.
	sockets := make([]string, len(urls))
	for i, u := range urls {
		sockets[i] = strings.TrimPrefix(u, "http://")
	}
	nodeOf := func(p string) *node.Node {
		for _, m := range c.Members() {
			if m.ID.String() == p {
				return m.Node()
			}
		}
		t.Fatalf("no member %s", p)
		return nil
	}
	run := func(cid, requestID string, hash [32]byte) ([]api.PKPSignShare, []error) {
		shares := make([]api.PKPSignShare, len(peers))
		errs := make([]error, len(peers))
		var wg sync.WaitGroup
		for i, p := range peers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := nodeOf(p).PKPSignForAction(ctx, node.PKPActionSign{
					ToSign: hash[:], PKP: pkp.PublicKey, RequestID: requestID, NodeSet: sockets, ActionCID: cid,
				})
				if err == nil {
					shares[i] = *s
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		return shares, errs
	}
	hash := sha256.Sum256([]byte("signed inside an action"))
	shares, errs := run(permitted, "exec-1/sig1", hash)
	for i, err := range errs {
		if err != nil {
			t.Fatalf("node %s: %v", peers[i], err)
		}
	}
	sig, err := cl.CombinePKPShares(ctx, pkp.TokenID, hash, shares)
	if err != nil {
		t.Fatalf("combine the action's shares: %v", err)
	}
	pkptest.CheckRecovers(t, sig, hash, pkp.EthAddress)

	_, errs = run(other, "exec-2/sig1", hash)
	for i, err := range errs {
		if pkptest.KindOf(err) != api.KindForbidden || !strings.Contains(err.Error(), other) {
			t.Errorf("node %s with an action that is not permitted: %v", peers[i], err)
		}
	}
}
