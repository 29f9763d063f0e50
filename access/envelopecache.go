package access

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"slices"

	lru "github.com/hashicorp/golang-lru/v2"
)

// A client reuses a session signature for every request of a session to a node (Lit's SDK
// does, and so does client.Session) until its capability expires, so a node would verify the
// same ed25519 signature of the same message, and parse the message, at every request.
// checkedEnvelopes remembers the envelopes whose signature verified, with their parsed
// message: that part of CheckSessionEnvelope is a function of the signature's bytes alone (the
// key covers all of them), so remembering it changes no outcome. What depends on the node, the
// time or the request (nodeAddress, issuedAt and expiration, the resources asked for, and every
// capability: its wallet signature, times, URI and ReCap) is checked at every use. Only
// envelopes that verified are kept. A message is a few KiB; 256 of them bound the memory.
const checkedEnvelopeEntries = 256

type checkedEnvelope struct {
	m   *SessionMessage // not handed out: each use gets a copy (message)
	pub ed25519.PublicKey
}

var checkedEnvelopes = mustEnvelopeLRU()

func mustEnvelopeLRU() *lru.Cache[[32]byte, checkedEnvelope] {
	c, err := lru.New[[32]byte, checkedEnvelope](checkedEnvelopeEntries)
	if err != nil {
		panic(err) // only for a size ≤ 0
	}
	return c
}

// envelopeKey is SHA-256 over the fields the envelope's checks read, each length-prefixed.
func envelopeKey(s *AuthSig) [32]byte {
	h := sha256.New()
	var n [8]byte
	for _, f := range []string{s.DerivedVia, s.Algo, s.Address, s.Sig, s.SignedMessage} {
		binary.BigEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

func (e checkedEnvelope) message() *SessionMessage { return e.m.clone() }

// clone copies a message so that what one request's verification hands on (the capability in
// Auth.Session) is its own.
func (m *SessionMessage) clone() *SessionMessage {
	c := *m
	c.Requests = slices.Clone(m.Requests)
	c.Capabilities = slices.Clone(m.Capabilities)
	return &c
}
