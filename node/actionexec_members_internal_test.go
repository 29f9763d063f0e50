package node

import (
	"crypto/rand"
	"testing"

	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
)

func testPeerID(t *testing.T) peer.ID {
	t.Helper()
	_, pub, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	id, err := peer.IDFromPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// An execution's node set names members as Lit's clients do — a URL, host:port, any case, a
// trailing slash — or by peer ID; the members decoded once per epoch resolve each as the
// member-by-member search did (sameNode; the first member registered at a URL), refuse what
// names no member, and are decoded again for another epoch.
func TestEpochMembersResolveNodeSetEntries(t *testing.T) {
	a, b, c := testPeerID(t), testPeerID(t), testPeerID(t)
	keys := &EpochKeys{Epoch: 3, Members: []Member{
		{PeerID: a.String(), URL: "https://127.0.0.1:7001"},
		{PeerID: b.String(), URL: "https://Node-B.example:443/"},
		{PeerID: c.String(), URL: "https://127.0.0.1:7001"}, // the same URL as a: a is found first
	}}
	n := &actionService{}
	em := n.epochMembersOf(keys)
	if n.epochMembersOf(keys) != em {
		t.Fatal("the members were decoded again for the same epoch")
	}
	for given, want := range map[string]peer.ID{
		"https://127.0.0.1:7001":    a,
		"127.0.0.1:7001":            a,
		"HTTPS://127.0.0.1:7001/":   a,
		"node-b.example:443":        b,
		"http://node-b.example:443": b,
		b.String():                  b,
		c.String():                  c,
	} {
		got, ok := em.resolve(given)
		if !ok || got.id != want || got.name != want.String() {
			t.Errorf("%q resolved to %v (%v), want %s", given, got.id, ok, want)
		}
		var old peer.ID
		for _, m := range keys.Members {
			if p, err := peer.Decode(given); err == nil {
				if m.PeerID == p.String() {
					old = p
					break
				}
			} else if m.URL != "" && sameNode(m.URL, given) {
				old, _ = peer.Decode(m.PeerID)
				break
			}
		}
		if old != want {
			t.Errorf("%q: the member-by-member search finds %s", given, old)
		}
	}
	for _, given := range []string{"https://127.0.0.1:7002", testPeerID(t).String(), ""} {
		if got, ok := em.resolve(given); ok {
			t.Errorf("%q names no member, resolved to %s", given, got.id)
		}
	}
	if len(em.all) != 3 || em.err != nil {
		t.Fatalf("all members: %d, err %v", len(em.all), em.err)
	}
	next := &EpochKeys{Epoch: 4, Members: keys.Members[:2]}
	if em2 := n.epochMembersOf(next); em2 == em || len(em2.all) != 2 {
		t.Fatal("another epoch's members were not decoded afresh")
	}
}
