package ecdsa

import (
	"bytes"
	"crypto/rand"
	"testing"
)

// Fuzz targets for every decoder of peer or client data. Each checks that the decoder never
// panics, and that whatever it accepts re-encodes to the same bytes (so there is one encoding
// of every message and nothing is silently dropped).

// fuzzShape is a small session: t = 1, three signers, two presignatures.
var fuzzShape = shape{session: [32]byte{7}, count: 2, t: 1, n: 3}

func fuzzPoints(t testing.TB, n int) []point {
	out := make([]point, n)
	for i := range out {
		k := mustScalar(t)
		out[i] = mulG(&k)
		out[i].ToAffine()
	}
	return out
}

func fuzzScalars(t testing.TB, n int) []scalar {
	out := make([]scalar, n)
	for i := range out {
		out[i] = mustScalar(t)
	}
	return out
}

func sampleRound1(t testing.TB) []byte {
	s := fuzzShape
	ahat := make([][]point, s.count)
	bhat := make([][]point, s.count)
	priv := make([]round1Private, s.count)
	commits := make([][32]byte, s.count)
	for b := range s.count {
		rand.Read(commits[b][:])
		ahat[b] = fuzzPoints(t, s.t+1)
		bhat[b] = fuzzPoints(t, 2*s.t)
		v := fuzzScalars(t, 5)
		priv[b] = round1Private{v[0], v[1], v[2], v[3], v[4]}
	}
	return s.encodeRound1(ahat, bhat, commits, priv)
}

func sampleRound2(t testing.TB) []byte {
	s := fuzzShape
	echo := make([][32]byte, s.n)
	for i := range echo {
		rand.Read(echo[i][:])
	}
	k := make([][]point, s.count)
	vhat := make([][]point, s.count)
	for b := range s.count {
		k[b] = fuzzPoints(t, s.t+1)
		vhat[b] = fuzzPoints(t, s.t+1)
	}
	p := fuzzPoints(t, 2)
	z := fuzzScalars(t, 2)
	proof := &pi1{t1: p[0], t2: p[1], zx: z[0], zu: z[1]}
	return s.encodeRound2(echo, k, vhat, proof, fuzzScalars(t, s.count), fuzzScalars(t, s.count))
}

func sampleRound3(t testing.TB) []byte {
	s := fuzzShape
	echo := make([][32]byte, s.n)
	entries := make([]round3Entry, s.count)
	for b := range entries {
		p := fuzzPoints(t, 2)
		z := fuzzScalars(t, 4)
		entries[b] = round3Entry{w: z[0], proof: pi2{t1: p[0], t2: p[1], za: z[1], za2: z[2], zb2: z[3]}}
	}
	return s.encodeRound3(echo, entries)
}

func FuzzDecodeRound1(f *testing.F) {
	f.Add(sampleRound1(f))
	f.Add([]byte{1, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := fuzzShape.decodeRound1(b)
		if err != nil {
			return
		}
		if again := fuzzShape.encodeRound1(m.ahat, m.bhat, m.commits, m.priv); !bytes.Equal(again, b) {
			t.Fatal("accepted round-1 message does not re-encode to itself")
		}
	})
}

func FuzzDecodeRound2(f *testing.F) {
	f.Add(sampleRound2(f))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := fuzzShape.decodeRound2(b)
		if err != nil {
			return
		}
		if again := fuzzShape.encodeRound2(m.echo, m.k, m.vhat, &m.proof, m.v, m.v2); !bytes.Equal(again, b) {
			t.Fatal("accepted round-2 message does not re-encode to itself")
		}
	})
}

func FuzzDecodeRound3(f *testing.F) {
	f.Add(sampleRound3(f))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := fuzzShape.decodeRound3(b)
		if err != nil {
			return
		}
		if again := fuzzShape.encodeRound3(m.echo, m.entries); !bytes.Equal(again, b) {
			t.Fatal("accepted round-3 message does not re-encode to itself")
		}
	})
}

func FuzzDecodeAbort(f *testing.F) {
	f.Add(fuzzShape.encodeAbort(abortMsg{blamed: 2, reason: reasonBadProof}))
	f.Add(fuzzShape.encodeAbort(abortMsg{blamed: -1, reason: reasonOther}))
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := fuzzShape.peekKind(b); err != nil {
			return
		}
		a, err := fuzzShape.decodeAbort(b)
		if err != nil {
			return
		}
		if again := fuzzShape.encodeAbort(a); !bytes.Equal(again, b) {
			t.Fatal("accepted abort message does not re-encode to itself")
		}
	})
}
