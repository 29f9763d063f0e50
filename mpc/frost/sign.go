package frost

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// session is a package bound to a root key: the signing key, binding factors, group
// commitment and challenge (RFC 9591 section 4), computed the same way by signers and client.
type session struct {
	p      *params
	pkg    *SigningPackage
	key    *signingKey
	rho    []scalar // binding factor of each participant, package order
	lambda []scalar // Lagrange coefficient of each participant
	r      element  // group commitment (for Taproot: the even-Y one)
	negR   bool     // Taproot: the group commitment had odd y; nonces are negated
	c      scalar   // challenge
}

func newSession(root *RootKey, pkg *SigningPackage) (*session, error) {
	if pkg.suite != root.suite || pkg.root != root.digest {
		return nil, fmt.Errorf("signing package is for another root key: %w", ErrMismatch)
	}
	if len(pkg.commits) < root.MinSigners() {
		return nil, fmt.Errorf("signing package has %d participants, the key needs %d: %w", len(pkg.commits), root.MinSigners(), ErrInvalid)
	}
	p := root.suite.params()
	key, err := deriveKey(root, pkg.req.KeyID, pkg.req.Taproot)
	if err != nil {
		return nil, err
	}
	s := &session{p: p, pkg: pkg, key: key}
	// compute_binding_factors: ρ_i = H1(enc(K) ‖ H4(msg) ‖ H5(encoded commitment list) ‖ enc(id_i))
	var list []byte
	ids := make([]int, len(pkg.commits))
	for i, c := range pkg.commits {
		ids[i] = c.index
		list = append(list, identifier(p.g, c.index).encode()...)
		list = append(list, c.hiding.encode()...)
		list = append(list, c.binding.encode()...)
	}
	prefix := slices.Concat(key.key.encode(), p.h4(pkg.req.Message), p.h5(list))
	s.rho = make([]scalar, len(pkg.commits))
	hiding := make([]element, len(pkg.commits))
	binding := make([]element, len(pkg.commits))
	for i, c := range pkg.commits {
		s.rho[i] = p.h1(prefix, identifier(p.g, c.index).encode())
		hiding[i], binding[i] = c.hiding, c.binding
	}
	// compute_group_commitment: R = Σ D_i + ρ_i·E_i
	r := p.g.sumOfProducts(hiding, s.rho, binding)
	if r.isIdentity() {
		return nil, fmt.Errorf("group commitment: %w", ErrDegenerate)
	}
	if p.bip340 && !r.(*k1Element).hasEvenY() {
		s.negR, r = true, r.neg()
	}
	s.r = r
	s.lambda = lagrange(p.g, ids)
	s.c = p.challenge(r, key.key, pkg.req.Message)
	return s, nil
}

// commitmentShare is D_i + ρ_i·E_i of participant i (negated when the group commitment was).
func (s *session) commitmentShare(i int) element {
	c := s.pkg.commits[i]
	r := c.hiding.add(c.binding.mul(s.rho[i]))
	if s.negR {
		r = r.neg()
	}
	return r
}

func (s *session) position(index int) int {
	for i, c := range s.pkg.commits {
		if c.index == index {
			return i
		}
	}
	return -1
}

// SignatureShare is one participant's answer: z_i for the package with the given digest.
type SignatureShare struct {
	Suite  Suite
	Slot   SlotID
	Digest [32]byte // of the signing package
	Index  int      // the signer's share index
	z      scalar
}

// Signature share wire format: version u8 (=1) ‖ suite u8 ‖ slot [32] ‖ package digest [32] ‖
// share index u16 ‖ z [32] (the suite's scalar encoding).
const shareLen = 1 + 1 + 32 + 32 + 2 + 32

// MarshalBinary encodes the share.
func (sh *SignatureShare) MarshalBinary() ([]byte, error) {
	if sh.z == nil {
		return nil, fmt.Errorf("signature share: empty: %w", ErrInvalid)
	}
	b := make([]byte, 0, shareLen)
	b = append(b, packageVersion, byte(sh.Suite))
	b = append(b, sh.Slot[:]...)
	b = append(b, sh.Digest[:]...)
	b = putU16(b, sh.Index)
	return append(b, sh.z.encode()...), nil
}

// UnmarshalSignatureShare decodes a share a signer sent.
func UnmarshalSignatureShare(b []byte) (*SignatureShare, error) {
	if len(b) != shareLen {
		return nil, fmt.Errorf("signature share: %d bytes, want %d: %w", len(b), shareLen, ErrBadMessage)
	}
	if b[0] != packageVersion {
		return nil, fmt.Errorf("signature share: version %d: %w", b[0], ErrBadMessage)
	}
	s := Suite(b[1])
	if !s.Valid() {
		return nil, fmt.Errorf("signature share: suite %d: %w", b[1], ErrBadMessage)
	}
	sh := &SignatureShare{Suite: s, Slot: SlotID(b[2:34]), Digest: [32]byte(b[34:66]), Index: int(b[66])<<8 | int(b[67])}
	if sh.Index > MaxShareIndex {
		return nil, fmt.Errorf("signature share: share index %d: %w", sh.Index, ErrBadMessage)
	}
	z, err := s.params().g.decodeScalar(b[68:])
	if err != nil {
		return nil, fmt.Errorf("signature share: z: %w: %w", err, ErrBadMessage)
	}
	sh.z = z
	return sh, nil
}

// SignShare computes this member's signature share for the package (RFC 9591's sign) and
// consumes the nonce: it is zeroed, and a second call returns ErrNonceReused whatever the
// package. It refuses, without consuming the nonce, a package for another key, another slot,
// without this member, or whose commitments differ from the slot's. Call it only after every
// participant confirmed the package's Digest.
func SignShare(key *KeyShare, nonce *Nonce, pkg *SigningPackage) (*SignatureShare, error) {
	if key == nil || nonce == nil || pkg == nil {
		return nil, fmt.Errorf("sign share: missing key, nonce or package: %w", ErrInvalid)
	}
	nonce.mu.Lock()
	defer nonce.mu.Unlock()
	if nonce.used {
		return nil, fmt.Errorf("sign share with slot %s: %w", nonce.slot.id, ErrNonceReused)
	}
	if nonce.index != key.index {
		return nil, fmt.Errorf("sign share: nonce of share index %d with key share %d: %w", nonce.index, key.index, ErrMismatch)
	}
	if pkg.slot != nonce.slot.id || pkg.batch != nonce.slot.batch || pkg.suite != nonce.slot.suite {
		return nil, fmt.Errorf("sign share: package uses slot %s, nonce is for %s: %w", pkg.slot, nonce.slot.id, ErrMismatch)
	}
	self := -1
	for i, c := range pkg.commits {
		want, ok := nonce.slot.commitmentOf(c.index)
		if !ok || !want.hiding.equal(c.hiding) || !want.binding.equal(c.binding) {
			return nil, fmt.Errorf("sign share: package commitments of participant %d differ from the slot's: %w", c.index, ErrMismatch)
		}
		if c.index == key.index {
			self = i
		}
	}
	if self < 0 {
		return nil, fmt.Errorf("sign share: share index %d is not a participant: %w", key.index, ErrMismatch)
	}
	s, err := newSession(key.root, pkg)
	if err != nil {
		return nil, fmt.Errorf("sign share: %w", err)
	}
	// From here on the nonce is spent, whatever happens.
	d, e := nonce.d, nonce.e
	if s.negR {
		d, e = d.neg(), e.neg()
	}
	// z_i = d_i + e_i·ρ_i + λ_i·c·k_i, with k_i the share of the signing key
	k := s.key.share(key.secret)
	z := d.add(e.mul(s.rho[self])).add(s.lambda[self].mul(s.c).mul(k))
	k.wipe()
	d.wipe()
	e.wipe()
	nonce.consume()
	return &SignatureShare{Suite: pkg.suite, Slot: pkg.slot, Digest: pkg.digest, Index: key.index, z: z}, nil
}

// shareHolds is RFC 9591's verify_signature_share for participant i of the session:
// z_i·G = D_i + ρ_i·E_i + (c·λ_i)·K_i, with K_i the public key of the participant's share of the
// signing key.
func (s *session) shareHolds(root *RootKey, i int, z scalar) bool {
	ki := s.key.publicShare(s.p, root.shareKey(s.pkg.commits[i].index))
	right := s.commitmentShare(i).add(ki.mul(s.c.mul(s.lambda[i])))
	return s.p.baseMulPublic(z).equal(right)
}

// VerifyShare checks one signature share against the package and the root key's public
// polynomial. A failure is a *FaultError naming the share's index.
func VerifyShare(root *RootKey, pkg *SigningPackage, sh *SignatureShare) error {
	if root == nil || pkg == nil || sh == nil {
		return fmt.Errorf("verify share: missing key, package or share: %w", ErrInvalid)
	}
	s, err := newSession(root, pkg)
	if err != nil {
		return fmt.Errorf("verify share: %w", err)
	}
	return s.check(root, sh)
}

func (s *session) check(root *RootKey, sh *SignatureShare) error {
	i := s.position(sh.Index)
	switch {
	case i < 0:
		return &FaultError{Member: -1, Index: sh.Index, Err: fmt.Errorf("share index %d is not a participant: %w", sh.Index, ErrMismatch)}
	case sh.Suite != s.pkg.suite || sh.Digest != s.pkg.digest || sh.Slot != s.pkg.slot || sh.z == nil:
		return &FaultError{Member: i, Index: sh.Index, Err: fmt.Errorf("made for another signing package: %w", ErrMismatch)}
	case !s.shareHolds(root, i, sh.z):
		return &FaultError{Member: i, Index: sh.Index, Err: ErrBadShare}
	}
	return nil
}

// Signature is a combined signature.
type Signature struct {
	suite Suite
	r     element
	z     scalar
	// PublicKey is the key it verifies under, in the suite's standard encoding (for Taproot
	// the x-only internal key, or the output key when the request asked for it).
	PublicKey []byte
}

// Bytes is the signature in the suite's standard encoding: 64 bytes R ‖ S (Ed25519, RFC
// 8032), 65 bytes compressed R ‖ z (Secp256k1), 64 bytes BIP-340 (Taproot).
func (sig *Signature) Bytes() []byte { return sig.suite.params().encodeSignature(sig.r, sig.z) }

// ErrMissingShares is returned by Combine when a participant's share is absent: FROST needs the
// share of every participant in the commitment list.
var ErrMissingShares = errors.New("frost: missing signature shares")

// Combine aggregates the participants' shares (RFC 9591's aggregate) into a signature for the
// request and verifies it with the suite's standard verifier before returning it. The
// package must be for root and req (the client checks that it signs what it asked for). When
// the signature does not verify, every share is checked on its own and the error names each
// bad one (*FaultError wrapping ErrBadShare or ErrMismatch): exclude them and sign again
// with another slot. A share from outside the participants, or a second share of one
// participant, is named too.
func Combine(root *RootKey, req Request, pkg *SigningPackage, shares []*SignatureShare) (*Signature, error) {
	if root == nil || pkg == nil {
		return nil, fmt.Errorf("combine: missing root key or package: %w", ErrInvalid)
	}
	if !sameRequest(pkg.req, req) {
		return nil, fmt.Errorf("combine: the signing package is for another request: %w", ErrMismatch)
	}
	s, err := newSession(root, pkg)
	if err != nil {
		return nil, fmt.Errorf("combine: %w", err)
	}
	byIndex := map[int]*SignatureShare{}
	var faults []error
	for _, sh := range shares {
		if sh == nil {
			continue
		}
		i := s.position(sh.Index)
		switch {
		case i < 0:
			faults = append(faults, &FaultError{Member: -1, Index: sh.Index, Err: fmt.Errorf("share index %d is not a participant: %w", sh.Index, ErrUnexpected)})
		case byIndex[sh.Index] != nil:
			faults = append(faults, &FaultError{Member: i, Index: sh.Index, Err: fmt.Errorf("second share: %w", ErrUnexpected)})
		case sh.Suite != pkg.suite || sh.Digest != pkg.digest || sh.Slot != pkg.slot || sh.z == nil:
			faults = append(faults, &FaultError{Member: i, Index: sh.Index, Err: fmt.Errorf("made for another signing package: %w", ErrMismatch)})
			byIndex[sh.Index] = sh
		default:
			byIndex[sh.Index] = sh
		}
	}
	var missing []int
	for _, c := range pkg.commits {
		if byIndex[c.index] == nil {
			missing = append(missing, c.index)
		}
	}
	if len(missing) > 0 {
		return nil, errors.Join(append([]error{fmt.Errorf("combine: no share from share indices %v: %w", missing, ErrMissingShares)}, faults...)...)
	}
	if len(faults) == 0 {
		z := s.p.g.scalarFromInt(0)
		for _, c := range pkg.commits {
			z = z.add(byIndex[c.index].z)
		}
		sig := &Signature{suite: pkg.suite, r: s.r, z: z, PublicKey: s.p.encodeKey(s.key.key)}
		if Verify(pkg.suite, sig.PublicKey, req.Message, sig.Bytes()) == nil {
			return sig, nil
		}
	}
	// Name every bad share.
	for i, c := range pkg.commits {
		sh := byIndex[c.index]
		if sh.Digest != pkg.digest || sh.Slot != pkg.slot || sh.Suite != pkg.suite {
			continue // already named
		}
		if !s.shareHolds(root, i, sh.z) {
			faults = append(faults, &FaultError{Member: i, Index: c.index, Err: ErrBadShare})
		}
	}
	if len(faults) == 0 {
		// Every share verifies but the signature does not: cannot happen for a consistent
		// package and root key.
		return nil, fmt.Errorf("combine: shares verify but the signature does not: %w", ErrBadSignature)
	}
	return nil, errors.Join(append([]error{fmt.Errorf("combine: %w", ErrBadSignature)}, faults...)...)
}

func sameRequest(a, b Request) bool {
	if a.KeyID != b.KeyID || !bytes.Equal(a.Message, b.Message) || (a.Taproot == nil) != (b.Taproot == nil) {
		return false
	}
	return a.Taproot == nil || bytes.Equal(a.Taproot.MerkleRoot, b.Taproot.MerkleRoot)
}

// Faults returns the *FaultErrors an error from Combine or VerifyShare carries, so that the
// caller can exclude those signers.
func Faults(err error) []*FaultError {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*FaultError
		for _, x := range j.Unwrap() {
			out = append(out, Faults(x)...)
		}
		return out
	}
	var fe *FaultError
	if errors.As(err, &fe) {
		return []*FaultError{fe}
	}
	return nil
}

// deriveKey is deriveSigningKey; internal tests replace it to sign under the root key itself,
// as RFC 9591's test vectors do. Nothing else may change it.
var deriveKey = deriveSigningKey
