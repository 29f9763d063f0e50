package frost

import (
	"testing"
)

// The preprocessing decoders refuse anything but exact, well-formed messages of the session,
// and never panic.
func FuzzPreprocessMessages(f *testing.F) {
	for _, s := range Suites {
		p := s.params()
		sh := shape{session: [32]byte{9}, count: 2, n: 3, elemLen: p.g.elementLen()}
		commit := sh.putHeader(nil, kindCommit, 2)
		for range 4 {
			sk, _ := p.g.randomScalar(zeroReader{})
			commit = append(commit, p.g.baseMul(sk).encode()...)
		}
		f.Add(uint8(s), commit)
		echo := sh.putHeader(nil, kindEcho, 2)
		echo = append(echo, make([]byte, 3*32)...)
		f.Add(uint8(s), echo)
		f.Add(uint8(s), sh.encodeAbort(1, reasonBadMessage))
	}
	f.Fuzz(func(t *testing.T, suite uint8, msg []byte) {
		s := Suite(suite)
		if !s.Valid() {
			return
		}
		p := s.params()
		sh := shape{session: [32]byte{9}, count: 2, n: 3, elemLen: p.g.elementLen()}
		k, err := sh.peekKind(msg)
		if err != nil {
			return
		}
		switch k {
		case kindCommit:
			if c, err := sh.decodeCommit(p.g, msg); err == nil {
				for _, pair := range c {
					if pair[0].isIdentity() || pair[1].isIdentity() {
						t.Fatal("accepted the identity as a commitment")
					}
				}
				if len(msg) != sh.commitLen() {
					t.Fatal("accepted a commit message of the wrong length")
				}
			}
		case kindEcho:
			if _, err := sh.decodeEcho(msg); err == nil && len(msg) != sh.echoLen() {
				t.Fatal("accepted an echo of the wrong length")
			}
		case kindAbort:
			if a, err := sh.decodeAbort(msg); err == nil && a.blamed >= sh.n {
				t.Fatal("accepted an abort blaming a non-member")
			}
		}
	})
}

// zeroReader makes randomScalar deterministic for seeds: it yields 0x01 bytes.
type zeroReader struct{}

func (zeroReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 1
	}
	return len(b), nil
}
