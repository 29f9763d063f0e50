package frost

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
)

// MaxSignMessage bounds the message of a signature request (FROST signs the message itself,
// not a hash; RFC 9591 section 7.6).
const MaxSignMessage = 64 << 10

// Request is the public data of one signature request, the same at every signer and at the
// client.
type Request struct {
	// KeyID selects the PKP: the signing key is the root key plus the suite's tweak of KeyID.
	KeyID KeyID
	// Message is signed as is (Ed25519 hashes it with SHA-512 inside the signature; Bitcoin
	// signs a 32-byte sighash).
	Message []byte
	// Taproot, for the Taproot suite only, asks for a signature under the BIP-341 output key;
	// nil signs under the PKP's x-only key itself.
	Taproot *TaprootSpend
}

// SigningPackage is everything a signature is made from (RFC 9591's round-two input): the
// suite, the root key, the request, the slot and the commitment list of the participants.
// Every participant must hold the same package before it releases its share: the node layer
// has each member confirm Digest to every other member of the set (docs/schemes.md) and only
// then calls SignShare. The client needs it too, to combine (MarshalBinary).
type SigningPackage struct {
	suite   Suite
	root    [32]byte
	req     Request
	slot    SlotID
	batch   [32]byte
	commits []commitment // the participants, ascending share index
	enc     []byte
	digest  [32]byte
}

// NewSigningPackage builds the package for a request signed with slot by the participants
// (share indices, any order; at least the root key's MinSigners, all members of the slot's
// signer set).
func NewSigningPackage(root *RootKey, slot *Slot, participants []int, req Request) (*SigningPackage, error) {
	if root == nil || slot == nil {
		return nil, fmt.Errorf("signing package: missing root key or slot: %w", ErrInvalid)
	}
	if slot.suite != root.suite {
		return nil, fmt.Errorf("signing package: slot of suite %v for a %v key: %w", slot.suite, root.suite, ErrMismatch)
	}
	if err := checkRequest(root.suite, &req); err != nil {
		return nil, err
	}
	ps := slices.Clone(participants)
	slices.Sort(ps)
	if len(ps) < root.MinSigners() {
		return nil, fmt.Errorf("signing package: %d participants, the key needs %d: %w", len(ps), root.MinSigners(), ErrInvalid)
	}
	pkg := &SigningPackage{suite: root.suite, root: root.digest, req: req, slot: slot.id, batch: slot.batch}
	for i, idx := range ps {
		if i > 0 && ps[i-1] == idx {
			return nil, fmt.Errorf("signing package: participant %d twice: %w", idx, ErrInvalid)
		}
		c, ok := slot.commitmentOf(idx)
		if !ok {
			return nil, fmt.Errorf("signing package: participant %d is not in the slot's signer set: %w", idx, ErrInvalid)
		}
		pkg.commits = append(pkg.commits, c)
	}
	pkg.seal()
	return pkg, nil
}

func checkRequest(s Suite, req *Request) error {
	if len(req.Message) > MaxSignMessage {
		return fmt.Errorf("request: message of %d bytes, over %d: %w", len(req.Message), MaxSignMessage, ErrInvalid)
	}
	if req.Taproot != nil {
		if s != Taproot {
			return fmt.Errorf("request: Taproot output tweak for suite %v: %w", s, ErrInvalid)
		}
		if n := len(req.Taproot.MerkleRoot); n != 0 && n != 32 {
			return fmt.Errorf("request: Taproot Merkle root of %d bytes, want 0 or 32: %w", n, ErrInvalid)
		}
	}
	return nil
}

// Signing package wire format (fixed layout, big-endian):
//
//	version u8 (=1) ‖ suite u8 ‖ root digest [32] ‖ key id [32]
//	‖ taproot u8 (0: none, 1: output key, BIP-86; 2: output key with the Merkle root that follows) [‖ merkle root [32]]
//	‖ slot [32] ‖ batch digest [32]
//	‖ participants u16 ‖ participants × ( share index u16 ‖ hiding commitment ‖ binding commitment )
//	‖ message length u32 ‖ message
//
// Participants are in ascending share index; elements in the suite's encoding.
const packageVersion = 1

func (p *SigningPackage) seal() {
	var b bytes.Buffer
	b.WriteByte(packageVersion)
	b.WriteByte(byte(p.suite))
	b.Write(p.root[:])
	b.Write(p.req.KeyID[:])
	switch {
	case p.req.Taproot == nil:
		b.WriteByte(0)
	case len(p.req.Taproot.MerkleRoot) == 0:
		b.WriteByte(1)
	default:
		b.WriteByte(2)
		b.Write(p.req.Taproot.MerkleRoot)
	}
	b.Write(p.slot[:])
	b.Write(p.batch[:])
	b.Write(putU16(nil, len(p.commits)))
	for _, c := range p.commits {
		b.Write(putU16(nil, c.index))
		b.Write(c.hiding.encode())
		b.Write(c.binding.encode())
	}
	_ = binary.Write(&b, binary.BigEndian, uint32(len(p.req.Message)))
	b.Write(p.req.Message)
	p.enc = b.Bytes()
	h := sha256.New()
	h.Write([]byte("litmesh/frost/package/v1"))
	h.Write(p.enc)
	h.Sum(p.digest[:0])
}

// Digest is what the signers agree on before any of them releases a share: a hash of the
// whole package (suite, root key, request, slot and every participant's commitments).
func (p *SigningPackage) Digest() [32]byte { return p.digest }

// Suite is the package's ciphersuite.
func (p *SigningPackage) Suite() Suite { return p.suite }

// Slot is the slot the package uses.
func (p *SigningPackage) Slot() SlotID { return p.slot }

// Request is the request the package signs.
func (p *SigningPackage) Request() Request { return p.req }

// Participants lists the share indices of the signers, ascending.
func (p *SigningPackage) Participants() []int {
	out := make([]int, len(p.commits))
	for i, c := range p.commits {
		out[i] = c.index
	}
	return out
}

// MarshalBinary returns the package's wire encoding.
func (p *SigningPackage) MarshalBinary() ([]byte, error) { return slices.Clone(p.enc), nil }

// UnmarshalSigningPackage decodes a package (as a client receives it from a signer), checking
// every length, every element (in the group, not the identity), the order of participants and
// the limits.
//
//nolint:funlen // a decoder of the signing package: every length and element checked where it is read
func UnmarshalSigningPackage(b []byte) (*SigningPackage, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("signing package: %s: %w", fmt.Sprintf(format, args...), ErrBadMessage)
	}
	r := &cursor{b: b}
	if v := r.u8(); r.err != nil || v != packageVersion {
		return nil, bad("version")
	}
	s := Suite(r.u8())
	if r.err != nil || !s.Valid() {
		return nil, bad("suite")
	}
	g := s.params().g
	p := &SigningPackage{suite: s}
	copy(p.root[:], r.take(32))
	copy(p.req.KeyID[:], r.take(32))
	switch r.u8() {
	case 0:
	case 1:
		p.req.Taproot = &TaprootSpend{}
	case 2:
		p.req.Taproot = &TaprootSpend{MerkleRoot: slices.Clone(r.take(32))}
	default:
		return nil, bad("taproot flag")
	}
	if p.req.Taproot != nil && s != Taproot {
		return nil, bad("taproot flag for suite %v", s)
	}
	copy(p.slot[:], r.take(32))
	copy(p.batch[:], r.take(32))
	n := r.u16()
	if r.err != nil {
		return nil, bad("truncated")
	}
	if n == 0 || n > MaxSigners {
		return nil, bad("%d participants", n)
	}
	for i := range n {
		idx := r.u16()
		hb, bb := r.take(g.elementLen()), r.take(g.elementLen())
		if r.err != nil {
			return nil, bad("truncated")
		}
		if idx > MaxShareIndex || (i > 0 && idx <= p.commits[i-1].index) {
			return nil, bad("participant %d: share index %d out of order or range", i, idx)
		}
		he, err := g.decodeElement(hb)
		if err != nil {
			return nil, bad("participant %d hiding commitment: %v", idx, err)
		}
		be, err := g.decodeElement(bb)
		if err != nil {
			return nil, bad("participant %d binding commitment: %v", idx, err)
		}
		p.commits = append(p.commits, commitment{index: idx, hiding: he, binding: be})
	}
	ml := r.u32()
	if r.err != nil || ml > MaxSignMessage || ml != len(b)-r.off {
		return nil, bad("message length")
	}
	p.req.Message = slices.Clone(r.take(ml))
	p.seal()
	if !bytes.Equal(p.enc, b) {
		return nil, bad("not canonical")
	}
	return p, nil
}

// cursor reads a byte string front to back; the first short read sets err.
type cursor struct {
	b   []byte
	off int
	err error
}

func (c *cursor) take(n int) []byte {
	if c.err != nil || n < 0 || c.off+n > len(c.b) {
		c.err = fmt.Errorf("truncated")
		return make([]byte, max(n, 0))
	}
	out := c.b[c.off : c.off+n]
	c.off += n
	return out
}

func (c *cursor) u8() int  { return int(c.take(1)[0]) }
func (c *cursor) u16() int { return int(binary.BigEndian.Uint16(c.take(2))) }
func (c *cursor) u32() int { return int(binary.BigEndian.Uint32(c.take(4))) }
