package dkg

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/drand/kyber"
	"github.com/drand/kyber/share"
)

// ErrBadKey is wrapped by every error about a malformed key or key share encoding.
var ErrBadKey = errors.New("dkg: malformed key")

// KeyPair is a member's long-term DKG key: it signs the member's bundles and decrypts the deals
// addressed to it. Its public half is what the member registers on chain.
type KeyPair struct {
	Private kyber.Scalar
	Public  kyber.Point
}

// GenerateKeyPair draws a fresh long-term key pair in s.
func GenerateKeyPair(s Suite) *KeyPair {
	priv := s.Scalar().Pick(s.RandomStream())
	return &KeyPair{Private: priv, Public: s.Point().Mul(priv, nil)}
}

// MarshalPrivate encodes the private key (s.ScalarLen() bytes). The caller stores it sealed.
func (k *KeyPair) MarshalPrivate() ([]byte, error) { return k.Private.MarshalBinary() }

// MarshalPublic encodes the public key (s.PointLen() bytes, compressed).
func (k *KeyPair) MarshalPublic() ([]byte, error) { return k.Public.MarshalBinary() }

// ParsePrivateKey decodes a private key written by MarshalPrivate and recomputes its public key.
func ParsePrivateKey(s Suite, b []byte) (*KeyPair, error) {
	priv, err := parseScalar(s, b)
	if err != nil {
		return nil, fmt.Errorf("parse private key: %w", err)
	}
	if priv.Equal(s.Scalar().Zero()) {
		return nil, fmt.Errorf("parse private key: %w: zero", ErrBadKey)
	}
	return &KeyPair{Private: priv, Public: s.Point().Mul(priv, nil)}, nil
}

// ParsePublicKey decodes a long-term public key (as read from the chain), rejecting malformed
// encodings, points outside the prime-order group and the identity.
func ParsePublicKey(s Suite, b []byte) (kyber.Point, error) {
	p, err := parsePoint(s, b)
	if err != nil {
		return nil, fmt.Errorf("parse public key: %w", err)
	}
	return p, nil
}

// parsePoint is the one strict point decoder of the package: exact length, canonical, in the
// prime-order subgroup, not the identity.
func parsePoint(s Suite, b []byte) (kyber.Point, error) {
	if len(b) != s.PointLen() {
		return nil, fmt.Errorf("%w: point of %d bytes, want %d", ErrBadKey, len(b), s.PointLen())
	}
	p := s.Point()
	if err := p.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadKey, err)
	}
	if sub, ok := p.(kyber.SubGroupElement); ok && !sub.IsInCorrectGroup() {
		return nil, fmt.Errorf("%w: point outside the prime-order subgroup", ErrBadKey)
	}
	if p.Equal(s.Point().Null()) {
		return nil, fmt.Errorf("%w: identity point", ErrBadKey)
	}
	if back, _ := p.MarshalBinary(); !bytes.Equal(back, b) {
		return nil, fmt.Errorf("%w: non-canonical point encoding", ErrBadKey)
	}
	return p, nil
}

// parseScalar decodes a canonical scalar (exact length, below the group order).
func parseScalar(s Suite, b []byte) (kyber.Scalar, error) {
	if len(b) != s.ScalarLen() {
		return nil, fmt.Errorf("%w: scalar of %d bytes, want %d", ErrBadKey, len(b), s.ScalarLen())
	}
	v := s.Scalar()
	if err := v.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadKey, err)
	}
	if back, _ := v.MarshalBinary(); !bytes.Equal(back, b) {
		return nil, fmt.Errorf("%w: non-canonical scalar encoding", ErrBadKey)
	}
	return v, nil
}

// KeyShare is what a member keeps after a run: its share of the group secret and the group's
// public polynomial (whose constant term is the group public key).
type KeyShare struct {
	Share   *share.PriShare
	Commits []kyber.Point
}

// PublicKey is the group public key.
func (k *KeyShare) PublicKey() kyber.Point { return k.Commits[0] }

// Threshold is how many shares reconstruct the secret (degree + 1).
func (k *KeyShare) Threshold() int { return len(k.Commits) }

// PubPoly is the public polynomial, to verify partial signatures of the other members.
func (k *KeyShare) PubPoly(s Suite) *share.PubPoly { return share.NewPubPoly(s, nil, k.Commits) }

// PolyDigest is SHA-256 over the group name and the marshalled commitments: what members
// compare (or vote on chain) to confirm they ended a run with the same public polynomial. It
// must be the whole polynomial, not just the public key: a resharing keeps the public key by
// construction, so only the other coefficients can reveal members that diverged.
func (k *KeyShare) PolyDigest(s Suite) ([32]byte, error) {
	h := sha256.New()
	h.Write([]byte(s.String()))
	for _, c := range k.Commits {
		if _, err := c.MarshalTo(h); err != nil {
			return [32]byte{}, err
		}
	}
	var d [32]byte
	h.Sum(d[:0])
	return d, nil
}

const keyShareVersion = 1

// MarshalBinary encodes the key share:
//
//	version u8 (=1) ‖ len u8 ‖ group name ‖ index u32 ‖ t u16 ‖ share scalar ‖ t commitments
//
// all integers big-endian. The encoding holds the secret share: seal it (package keystore)
// before it touches a disk.
func (k *KeyShare) MarshalBinary(s Suite) ([]byte, error) {
	name := s.String()
	if len(name) > 255 || len(k.Commits) == 0 || len(k.Commits) > MaxNodes || k.Share == nil ||
		k.Share.I < 0 || k.Share.I > MaxIndex {
		return nil, fmt.Errorf("%w: key share out of range", ErrBadKey)
	}
	var b bytes.Buffer
	b.WriteByte(keyShareVersion)
	b.WriteByte(byte(len(name)))
	b.WriteString(name)
	_ = binary.Write(&b, binary.BigEndian, uint32(k.Share.I))
	_ = binary.Write(&b, binary.BigEndian, uint16(len(k.Commits)))
	if _, err := k.Share.V.MarshalTo(&b); err != nil {
		return nil, err
	}
	for _, c := range k.Commits {
		if _, err := c.MarshalTo(&b); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// UnmarshalKeyShare decodes a key share written by MarshalBinary for the same suite and checks
// that the share matches its public polynomial.
func UnmarshalKeyShare(s Suite, b []byte) (*KeyShare, error) {
	bad := func(what string) error { return fmt.Errorf("unmarshal key share: %w: %s", ErrBadKey, what) }
	name := s.String()
	head := 2 + len(name) + 4 + 2
	if len(b) < head || b[0] != keyShareVersion {
		return nil, bad("unknown version or truncated header")
	}
	if int(b[1]) != len(name) || string(b[2:2+len(name)]) != name {
		return nil, bad(fmt.Sprintf("share is not for group %s", name))
	}
	idx := binary.BigEndian.Uint32(b[2+len(name):])
	t := int(binary.BigEndian.Uint16(b[6+len(name):]))
	if idx > MaxIndex || t == 0 || t > MaxNodes {
		return nil, bad("index or threshold out of range")
	}
	if len(b) != head+s.ScalarLen()+t*s.PointLen() {
		return nil, bad(fmt.Sprintf("length %d does not match threshold %d", len(b), t))
	}
	rest := b[head:]
	v, err := parseScalar(s, rest[:s.ScalarLen()])
	if err != nil {
		return nil, fmt.Errorf("unmarshal key share: %w", err)
	}
	rest = rest[s.ScalarLen():]
	commits := make([]kyber.Point, t)
	for i := range commits {
		if commits[i], err = parsePoint(s, rest[:s.PointLen()]); err != nil {
			return nil, fmt.Errorf("unmarshal key share: commitment %d: %w", i, err)
		}
		rest = rest[s.PointLen():]
	}
	k := &KeyShare{Share: &share.PriShare{I: int(idx), V: v}, Commits: commits}
	if !k.PubPoly(s).Check(k.Share) {
		return nil, bad("share does not match its public polynomial")
	}
	return k, nil
}
