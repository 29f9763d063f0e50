package testnet_test

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/p2p"
)

// actionSessionID is the id of an execution's cross-node session as every node computes it
// (node/actionexec.go): the test needs it to play a node that forges messages on it.
func actionSessionID(network, execID, cid string, params []byte, requester common.Address, members []peer.ID) string {
	h := sha256.New()
	h.Write([]byte("litmesh/action/session/v1"))
	for _, part := range [][]byte{[]byte(execID), []byte(cid), params, requester.Bytes()} {
		sum := sha256.Sum256(part)
		h.Write(sum[:])
	}
	slices.SortFunc(members, func(a, b peer.ID) int { return strings.Compare(a.String(), b.String()) })
	for _, p := range members {
		h.Write([]byte(p))
	}
	return "act/" + network + "/" + hex.EncodeToString(h.Sum(nil)[:20])
}

// actBroadcast is a broadcastAndCollect value in the cross-node wire format, version 1.
func actBroadcast(name string, value []byte) []byte {
	b := []byte{1, 2, 0}
	b = binary.BigEndian.AppendUint16(b, uint16(len(name)))
	b = append(b, name...)
	b = binary.BigEndian.AppendUint32(b, 0)
	b = binary.BigEndian.AppendUint32(b, uint32(len(value)))
	return append(b, value...)
}

// injected runs the broadcast action on the nodes sendTo with nodeSet as the request's node set,
// after node injector forged a value ("INJECTED") on the execution's session at every runner.
// It returns the values the runners agreed on.
func (cf *conformance) injected(t *testing.T, cid string, nodeSet, sendTo []client.NodeEntry, injector int) []string {
	t.Helper()
	var idb [8]byte
	_, _ = rand.Read(idb[:])
	execID := "inject-" + hex.EncodeToString(idb[:])
	req := api.ExecuteRequest{IPFSID: cid}
	var members []peer.ID
	for _, n := range nodeSet {
		req.NodeSet = append(req.NodeSet, api.NodeSetEntry{SocketAddress: n.URL, Value: 1})
		p, err := peer.Decode(n.PeerID)
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, p)
	}
	sid := actionSessionID("testnet", execID, cid, nil, cf.auth.Address(), members)
	attacker := cf.c.Host(injector)
	for _, n := range sendTo {
		p, _ := peer.Decode(n.PeerID)
		st, err := attacker.NewStream(cf.ctx, p, p2p.ActionProtocol)
		if err != nil {
			t.Fatal(err)
		}
		if err := p2p.WriteFrame(st, sid, actBroadcast("some-name", []byte("INJECTED"))); err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	res := postAll(t, sendTo, req, cf.auth, execID)
	if !res.Success {
		t.Fatalf("the runners failed: %+v", res.Error)
	}
	var vals []string
	if err := json.Unmarshal([]byte(res.Response), &vals); err != nil {
		t.Fatal(err)
	}
	return vals
}

// postAll sends one /web/execute request with the request id to every node at once, as a
// client would (each with the session's signature for that node), and returns the first node's
// answer after checking every node answered the same way.
func postAll(t *testing.T, nodes []client.NodeEntry, exec api.ExecuteRequest, auth *client.Session, requestID string) api.ExecuteResponse {
	t.Helper()
	answers := make([]api.ExecuteResponse, len(nodes))
	bodies := make([][]byte, len(nodes))
	for i, n := range nodes {
		sig, err := auth.SessionSig(n.URL, access.ExecutionRequest(exec.IPFSID), devchain.ChainID)
		if err != nil {
			t.Fatal(err)
		}
		one := exec
		if one.AuthSig, err = json.Marshal(sig); err != nil {
			t.Fatal(err)
		}
		if bodies[i], err = json.Marshal(one); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for i, n := range nodes {
		wg.Go(func() {
			req, err := http.NewRequest(http.MethodPost, n.URL+"/web/execute", bytes.NewReader(bodies[i]))
			if err != nil {
				t.Error(err)
				return
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Request-Id", requestID)
			resp, err := client.UnverifiedHTTPClient().Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			if err := json.Unmarshal(raw, &answers[i]); err != nil {
				t.Errorf("%s: HTTP %d %q", n.URL, resp.StatusCode, raw)
			}
		})
	}
	wg.Wait()
	for i, a := range answers[1:] {
		if a.Success != answers[0].Success || a.Response != answers[0].Response {
			t.Fatalf("node %d answered %+v, node 0 %+v", i+1, a, answers[0])
		}
	}
	return answers[0]
}
