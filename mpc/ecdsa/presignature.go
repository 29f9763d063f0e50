package ecdsa

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// ID names a presignature. It is derived from the session digest and the position in the
// batch, so every signer of the session knows the same ID for the same presignature.
type ID [32]byte

func (id ID) String() string { return hex.EncodeToString(id[:]) }

// ErrUsed reports a presignature that was already taken or used to sign.
var ErrUsed = errors.New("ecdsa: presignature already used")

// PublicPresignature is everything about a presignature that anybody may know: the client
// needs it to check the signature shares and combine them. Every honest signer of the session
// holds an identical copy (Digest is equal).
//
//	R      = k·G                                         the nonce before re-randomisation
//	w      = a·k                                         opened in presigning
//	Â(z)   = Σ Â_l z^l,  Â(id_i) = a_i·G + a'_i·H        Pedersen commitments to the shares of a
//	D̂(z)   = Σ D̂_l z^l,  D̂(id_i) = (ax)_i·G + (ax)'_i·H  … and of a·x (degree t after resharing)
//	c_m    = H(id, m, u_m)                               commitments to the members' ρ contributions
//
// k⁻¹ = a/w, so the commitments bind every signer to its shares of k⁻¹ and k⁻¹·x while hiding
// them completely (the blinding a', (ax)' is uniformly random and secret).
type PublicPresignature struct {
	id      ID
	t       int
	signers []int
	root    *secp256k1.PublicKey
	r       point // affine
	w       scalar
	ahat    []point    // affine, t+1
	dhat    []point    // affine, t+1
	commits [][32]byte // per member: commitment to its ρ contribution
	enc     []byte     // canonical encoding
	digest  [32]byte
}

// ID returns the presignature's ID.
func (p *PublicPresignature) ID() ID { return p.id }

// Threshold returns t: any t+1 valid signature shares combine.
func (p *PublicPresignature) Threshold() int { return p.t }

// Signers returns the share indices of the signer set, in the session's member order.
func (p *PublicPresignature) Signers() []int { return slices.Clone(p.signers) }

// Root returns the root public key X the presignature was made under.
func (p *PublicPresignature) Root() *secp256k1.PublicKey { return p.root }

// Digest is a hash of the canonical encoding; equal digests mean equal public data.
func (p *PublicPresignature) Digest() [32]byte { return p.digest }

// MarshalBinary returns the canonical encoding:
//
//	version u8 (=2) ‖ id [32] ‖ t u16 ‖ n u16 ‖ n × share index u16 ‖ root [33]
//	‖ R [65] ‖ w [32] ‖ Â_0…Â_t [65 each] ‖ D̂_0…D̂_t [65 each] ‖ c_0…c_{n−1} [32 each]
func (p *PublicPresignature) MarshalBinary() ([]byte, error) { return slices.Clone(p.enc), nil }

// publicVersion is the public presignature's layout; version 2 added the ρ-contribution
// commitments.
const publicVersion = 2

func publicLen(t, n int) int {
	return 1 + 32 + 2 + 2 + 2*n + compressedLen + pointLen + scalarLen + 2*(t+1)*pointLen + n*hashLen
}

// seal computes the encoding and digest once the fields are set.
func (p *PublicPresignature) seal() error {
	buf := make([]byte, 0, publicLen(p.t, len(p.signers)))
	buf = append(buf, publicVersion)
	buf = append(buf, p.id[:]...)
	buf = binary.BigEndian.AppendUint16(buf, uint16(p.t))
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(p.signers)))
	for _, s := range p.signers {
		buf = binary.BigEndian.AppendUint16(buf, uint16(s))
	}
	buf = append(buf, p.root.SerializeCompressed()...)
	pts := append([]point{p.r}, append(slices.Clone(p.ahat), p.dhat...)...)
	for i := range pts {
		if isInfinity(&pts[i]) {
			return fmt.Errorf("public presignature has a point at infinity: %w", ErrDegenerate)
		}
	}
	buf = appendPoint(buf, &p.r)
	buf = appendScalar(buf, &p.w)
	for l := range p.ahat {
		buf = appendPoint(buf, &p.ahat[l])
	}
	for l := range p.dhat {
		buf = appendPoint(buf, &p.dhat[l])
	}
	if len(p.commits) != len(p.signers) {
		return fmt.Errorf("public presignature: %d contribution commitments for %d signers: %w", len(p.commits), len(p.signers), ErrInvalid)
	}
	for _, c := range p.commits {
		buf = append(buf, c[:]...)
	}
	p.enc = buf
	p.digest = sha256.Sum256(buf)
	return nil
}

// UnmarshalPublicPresignature parses and validates a public presignature, as a client does
// with what a node sends it. It checks lengths, ranges, curve points and that the signer set
// is large enough for t; it cannot check that the presignature was honestly made — a fake
// one only makes Combine fail, never yields a wrong signature.
func UnmarshalPublicPresignature(b []byte) (*PublicPresignature, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("public presignature: %s: %w", fmt.Sprintf(format, args...), ErrBadMessage)
	}
	const fixed = 1 + 32 + 2 + 2
	if len(b) < fixed {
		return nil, bad("%d bytes", len(b))
	}
	if b[0] != publicVersion {
		return nil, bad("version %d", b[0])
	}
	t := int(binary.BigEndian.Uint16(b[33:35]))
	n := int(binary.BigEndian.Uint16(b[35:37]))
	if n < 1 || n > MaxSigners || n < 2*t+1 {
		return nil, bad("%d signers for degree %d", n, t)
	}
	if len(b) != publicLen(t, n) {
		return nil, bad("%d bytes, want %d", len(b), publicLen(t, n))
	}
	p := &PublicPresignature{id: ID(b[1:33]), t: t, signers: make([]int, n)}
	off := fixed
	seen := make(map[int]bool, n)
	for i := range p.signers {
		p.signers[i] = int(binary.BigEndian.Uint16(b[off:]))
		off += 2
		if p.signers[i] > MaxShareIndex || seen[p.signers[i]] {
			return nil, bad("share index %d repeated or out of range", p.signers[i])
		}
		seen[p.signers[i]] = true
	}
	root, err := secp256k1.ParsePubKey(b[off : off+compressedLen])
	if err != nil {
		return nil, bad("root key: %v", err)
	}
	p.root = root
	off += compressedLen
	r := &reader{b: b, off: off}
	p.r = r.point("R", 0)
	p.w = r.scalar("w", 0)
	p.ahat = make([]point, t+1)
	for l := range p.ahat {
		p.ahat[l] = r.point("Â", l)
	}
	p.dhat = make([]point, t+1)
	for l := range p.dhat {
		p.dhat[l] = r.point("D̂", l)
	}
	p.commits = make([][32]byte, n)
	for m := range p.commits {
		p.commits[m] = r.hash()
	}
	if r.err != nil {
		return nil, fmt.Errorf("public presignature: %w", r.err)
	}
	if p.w.IsZero() {
		return nil, bad("w is zero")
	}
	p.enc = slices.Clone(b)
	p.digest = sha256.Sum256(b)
	return p, nil
}

// Presignature is one signer's presignature: the public part plus this signer's secret shares
// of k⁻¹ and k⁻¹·x (as shares of a and a·x, with w = a·k public) and their blinding. It lives
// in memory only and signs at most once: SignShare consumes it.
type Presignature struct {
	pub    *PublicPresignature
	member int // position in the signer set
	index  int // share index

	mu   sync.Mutex
	used bool
	a    scalar   // share of a        (k⁻¹ = a/w)
	a2   scalar   // its blinding a'
	ax   scalar   // share of a·x      (k⁻¹·x = a·x/w)
	ax2  scalar   // its blinding (ax)'
	u    [32]byte // this signer's ρ contribution, committed in the public part
}

// ID returns the presignature's ID.
func (p *Presignature) ID() ID { return p.pub.id }

// Public returns the public part, to be sent to clients.
func (p *Presignature) Public() *PublicPresignature { return p.pub }

// Index returns this signer's share index.
func (p *Presignature) Index() int { return p.index }

// Member returns this signer's position in the signer set (the presign transport's index).
func (p *Presignature) Member() int { return p.member }

// Contribution returns this signer's contribution to the re-randomisation ρ of the one request
// the presignature will serve. It was committed during presigning (the commitment is in the
// public presignature, the same at every signer) and must be revealed only to the other
// signers of that request, and only once the request is fixed (docs/ecdsa.md, "Signer
// agreement"): before, it would let whoever learns every contribution predict R'.
func (p *Presignature) Contribution() [32]byte { return p.u }

// Used reports whether the presignature has signed.
func (p *Presignature) Used() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.used
}

// Discard zeroes the secret shares and marks the presignature used, for one that must never
// sign (its request failed after it was taken from the pool). SignShare refuses it afterwards.
func (p *Presignature) Discard() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.used = true
	p.a.Zero()
	p.a2.Zero()
	p.ax.Zero()
	p.ax2.Zero()
}

// signersKey is the canonical key of a signer set: its share indices, sorted.
func signersKey(signers []int) string {
	s := slices.Clone(signers)
	slices.Sort(s)
	buf := make([]byte, 0, 2*len(s))
	for _, v := range s {
		buf = binary.BigEndian.AppendUint16(buf, uint16(v))
	}
	return string(buf)
}

// R returns the presignature's nonce point R = k·G (before re-randomisation).
func (p *PublicPresignature) R() *secp256k1.PublicKey {
	pk, _ := pointToPublicKey(&p.r) // sealed and parsed presignatures never hold infinity
	return pk
}

// ErrBadContribution reports a signer's revealed ρ contribution that does not open its
// commitment.
var ErrBadContribution = errors.New("ecdsa: ρ contribution does not match its commitment")

func contributionCommitment(id ID, member int, u *[32]byte) [32]byte {
	h := sha256.New()
	h.Write([]byte("litmesh/ecdsa/rho-commit/v1"))
	h.Write(id[:])
	var m [2]byte
	binary.BigEndian.PutUint16(m[:], uint16(member))
	h.Write(m[:])
	h.Write(u[:])
	return [32]byte(h.Sum(nil))
}

// CheckContribution checks that u is the ρ contribution signer `member` (its position in the
// signer set) committed to for this presignature. A mismatch is a *FaultError naming it: the
// commitment is public and agreed, so the signer that revealed u is certainly at fault.
func (p *PublicPresignature) CheckContribution(member int, u [32]byte) error {
	if member < 0 || member >= len(p.signers) {
		return fmt.Errorf("contribution of member %d of %d: %w", member, len(p.signers), ErrInvalid)
	}
	if contributionCommitment(p.id, member, &u) != p.commits[member] {
		return &FaultError{Member: member, Index: p.signers[member], Err: fmt.Errorf("presignature %s: %w", p.id, ErrBadContribution)}
	}
	return nil
}

// Rho derives the re-randomisation value of the request the presignature serves from every
// signer's contribution (contributions[m] from member m, each checked against its commitment)
// and the request's context (the agreed tuple: request, digest, …):
//
//	ρ = SHA-256("litmesh/ecdsa/rho/v1" ‖ public presignature digest ‖ len ‖ context ‖ u_0 ‖ … ‖ u_{n−1})
//
// No signer — nor the requester — can choose ρ or know it before every honest signer revealed
// its contribution, which an honest signer does only once the request is fixed
// (docs/ecdsa.md, "Signer agreement").
func (p *PublicPresignature) Rho(context []byte, contributions [][32]byte) ([32]byte, error) {
	if len(contributions) != len(p.signers) {
		return [32]byte{}, fmt.Errorf("ρ of presignature %s: %d contributions for %d signers: %w", p.id, len(contributions), len(p.signers), ErrInvalid)
	}
	for m := range contributions {
		if err := p.CheckContribution(m, contributions[m]); err != nil {
			return [32]byte{}, err
		}
	}
	h := sha256.New()
	h.Write([]byte("litmesh/ecdsa/rho/v1"))
	h.Write(p.digest[:])
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(context)))
	h.Write(n[:])
	h.Write(context)
	for _, u := range contributions {
		h.Write(u[:])
	}
	return [32]byte(h.Sum(nil)), nil
}
