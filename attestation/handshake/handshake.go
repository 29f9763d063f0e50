// Package handshake holds the messages of litmesh's attestation handshake and the pure
// functions that build and verify them: a verifier sends a Challenge (a fresh nonce); the
// prover answers with a Response carrying SEV-SNP evidence whose REPORT_DATA binds its libp2p
// public key, its operator's EVM address and that nonce, plus the operator's EIP-191 signature
// over (domain tag ‖ peer ID ‖ nonce). Nodes exchange these on /litmesh/handshake/1.0.0;
// clients get the same Response, made for PurposeClient, from POST /web/handshake and verify it
// with the same code; a client's REPORT_DATA also binds the SHA-256 of the node's TLS key
// (attestation.ClientReportData), so the client knows which certificate the attested node
// serves its API with.
//
// The binary encodings (see wire.go and docs/attestation.md) have fixed layouts and strict
// size limits. This package does no I/O: p2p frames the messages on streams, node serves them
// over HTTP. It must not import p2p, node or any other litmesh package but attestation, and
// must not import attestation/simulated.
package handshake

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/attestation"
)

// ProtocolID is the libp2p protocol the peer handshake runs on.
const ProtocolID = "/litmesh/handshake/1.0.0"

// NonceSize is the size of a challenge nonce.
const NonceSize = attestation.NonceSize

// The operator-signature domain tags, one per purpose.
const (
	operatorTagPeer   = "litmesh/handshake/operator/peer/v1"
	operatorTagClient = "litmesh/handshake/operator/client/v1"
)

// Why a handshake message is refused, besides the attestation package's reasons (which
// VerifyResponse passes through).
var (
	// ErrMalformed: the message does not follow the encoding.
	ErrMalformed = errors.New("malformed handshake message")
	// ErrTooLarge: the message is over its size limit.
	ErrTooLarge = errors.New("handshake message too large")
	// ErrWrongPurpose: a response made for a client used with a peer, or the reverse.
	ErrWrongPurpose = errors.New("handshake response made for another purpose")
	// ErrBadOperatorSignature: the operator signature does not recover to the claimed
	// operator over this peer ID and nonce.
	ErrBadOperatorSignature = errors.New("bad operator signature")
)

// Reason returns a short, stable snake_case name for why err refused a handshake: this
// package's reasons, else attestation.Reason(err).
func Reason(err error) string {
	switch {
	case errors.Is(err, ErrMalformed):
		return "malformed_message"
	case errors.Is(err, ErrTooLarge):
		return "message_too_large"
	case errors.Is(err, ErrWrongPurpose):
		return "wrong_purpose"
	case errors.Is(err, ErrBadOperatorSignature):
		return "bad_operator_signature"
	}
	return attestation.Reason(err)
}

// Challenge is a verifier's fresh nonce.
type Challenge struct {
	Nonce [NonceSize]byte
}

// NewChallenge draws a fresh random nonce.
func NewChallenge() (Challenge, error) {
	var c Challenge
	if _, err := rand.Read(c.Nonce[:]); err != nil {
		return c, fmt.Errorf("new challenge: %w", err)
	}
	return c, nil
}

// Response is a prover's answer to a Challenge.
type Response struct {
	// Purpose says whether this answers a peer or a client.
	Purpose attestation.Purpose
	// Kind is the provider kind the prover claims (informational: trust comes from the
	// verifier's roots).
	Kind attestation.Kind
	// Operator is the EVM address that stakes for the prover.
	Operator common.Address
	// OperatorSig is the operator's EIP-191 signature r ‖ s ‖ v (v is 27 or 28).
	OperatorSig [65]byte
	// Evidence is the attestation report and its certificates.
	Evidence attestation.Evidence
}

// Expectations are what a verifier requires of a response.
type Expectations struct {
	// Verifier holds the trust roots of the mode.
	Verifier *attestation.Verifier
	// Policy holds the measurement allowlist, minimum TCB and VMPL.
	Policy attestation.Policy
}

// Result is what a verified response establishes.
type Result struct {
	// Operator is the verified operator address: the chain decides whether it is staked.
	Operator common.Address
	// PeerID is the prover's libp2p identity the response is bound to.
	PeerID peer.ID
	// Kind is what the evidence is known to be from the roots that verified it: KindSEVSNP under
	// AMD's roots, KindSimulated under devnet-only roots, whatever the prover claimed.
	Kind attestation.Kind
	// Report is the verified report.
	Report *attestation.Report
}

// BuildResponse answers a peer's challenge: evidence from provider bound to this node's libp2p
// public key self, its operator and nonce, and the operator's signature over this node's peer
// ID and nonce.
func BuildResponse(ctx context.Context, provider attestation.Provider, operatorKey *ecdsa.PrivateKey, self crypto.PubKey, nonce [NonceSize]byte) (*Response, error) {
	return build(ctx, attestation.PurposePeer, provider, operatorKey, self, nonce, nil)
}

// BuildClientResponse answers a client's challenge (POST /web/handshake) the same way, under
// the client domain tags, so the answer cannot be used as a peer handshake or the reverse; its
// REPORT_DATA also binds tlsSPKI, the SHA-256 of the SubjectPublicKeyInfo of the TLS
// certificate the node serves its API with.
func BuildClientResponse(ctx context.Context, provider attestation.Provider, operatorKey *ecdsa.PrivateKey, self crypto.PubKey, nonce [NonceSize]byte, tlsSPKI [attestation.SPKIHashSize]byte) (*Response, error) {
	return build(ctx, attestation.PurposeClient, provider, operatorKey, self, nonce, &tlsSPKI)
}

// VerifyResponse checks a peer's answer to our challenge nonce: the evidence against exp
// with REPORT_DATA recomputed from peerKey (the key the connection authenticated), the claimed
// operator and nonce, then the operator signature. It returns the verified operator or an
// error wrapping one reason.
func VerifyResponse(resp *Response, peerKey crypto.PubKey, nonce [NonceSize]byte, exp Expectations) (*Result, error) {
	return verifyResponse(attestation.PurposePeer, resp, peerKey, nonce, nil, exp)
}

// VerifyClientResponse checks a node's answer to a client's challenge; nodeKey is the node's
// libp2p public key (for an Ed25519 peer ID, peer.ID.ExtractPublicKey gives it) and tlsSPKI
// the SHA-256 of the TLS key the node claims to serve with: the report verifies only if the
// node attested exactly that key. Whether the connection's certificate carries it is the
// caller's check.
func VerifyClientResponse(resp *Response, nodeKey crypto.PubKey, nonce [NonceSize]byte, tlsSPKI [attestation.SPKIHashSize]byte, exp Expectations) (*Result, error) {
	return verifyResponse(attestation.PurposeClient, resp, nodeKey, nonce, &tlsSPKI, exp)
}

// reportData is the REPORT_DATA of the purpose: a client's binds the TLS key too.
func reportData(purpose attestation.Purpose, pub []byte, operator common.Address, nonce [NonceSize]byte, tlsSPKI *[attestation.SPKIHashSize]byte) ([attestation.ReportDataSize]byte, error) {
	if purpose == attestation.PurposeClient {
		if tlsSPKI == nil {
			return [attestation.ReportDataSize]byte{}, errors.New("a client's report needs the TLS key")
		}
		return attestation.ClientReportData(pub, operator, *tlsSPKI, nonce)
	}
	return attestation.ReportData(purpose, pub, operator, nonce)
}

func build(ctx context.Context, purpose attestation.Purpose, provider attestation.Provider, operatorKey *ecdsa.PrivateKey, self crypto.PubKey, nonce [NonceSize]byte, tlsSPKI *[attestation.SPKIHashSize]byte) (*Response, error) {
	if provider == nil || operatorKey == nil || self == nil {
		return nil, errors.New("build handshake response: missing provider, operator key or public key")
	}
	kind := provider.Kind()
	if _, err := kindCode(kind); err != nil {
		return nil, fmt.Errorf("build handshake response: %w", err)
	}
	pub, id, err := identity(self)
	if err != nil {
		return nil, fmt.Errorf("build handshake response: %w", err)
	}
	operator := ethcrypto.PubkeyToAddress(operatorKey.PublicKey)
	rd, err := reportData(purpose, pub, operator, nonce, tlsSPKI)
	if err != nil {
		return nil, fmt.Errorf("build handshake response: %w", err)
	}
	ev, err := provider.Evidence(ctx, rd)
	if err != nil {
		return nil, fmt.Errorf("build handshake response: %w", err)
	}
	sig, err := ethcrypto.Sign(operatorHash(purpose, id, nonce), operatorKey)
	if err != nil {
		return nil, fmt.Errorf("build handshake response: sign as operator: %w", err)
	}
	r := &Response{Purpose: purpose, Kind: kind, Operator: operator, Evidence: ev}
	copy(r.OperatorSig[:], sig)
	r.OperatorSig[64] += 27
	return r, nil
}

func verifyResponse(purpose attestation.Purpose, resp *Response, peerKey crypto.PubKey, nonce [NonceSize]byte, tlsSPKI *[attestation.SPKIHashSize]byte, exp Expectations) (*Result, error) {
	if resp == nil || peerKey == nil || exp.Verifier == nil {
		return nil, errors.New("verify handshake response: missing response, peer key or verifier")
	}
	if resp.Purpose != purpose {
		return nil, fmt.Errorf("verify handshake response: %w: made for %v, want %v", ErrWrongPurpose, resp.Purpose, purpose)
	}
	pub, id, err := identity(peerKey)
	if err != nil {
		return nil, fmt.Errorf("verify handshake response: %w", err)
	}
	rd, err := reportData(purpose, pub, resp.Operator, nonce, tlsSPKI)
	if err != nil {
		return nil, fmt.Errorf("verify handshake response: %w", err)
	}
	// The evidence goes first: a replayed response then shows as the replay it is (its
	// REPORT_DATA holds an old nonce) rather than as a bad operator signature.
	rep, err := exp.Verifier.Verify(resp.Evidence, rd, exp.Policy)
	if err != nil {
		return nil, fmt.Errorf("verify attestation of %s: %w", id, err)
	}
	if err := checkOperatorSig(purpose, id, nonce, resp.Operator, resp.OperatorSig); err != nil {
		return nil, fmt.Errorf("verify operator of %s: %w", id, err)
	}
	kind := attestation.KindSEVSNP
	if exp.Verifier.Roots().DevnetOnly() {
		kind = attestation.KindSimulated
	}
	return &Result{Operator: resp.Operator, PeerID: id, Kind: kind, Report: rep}, nil
}

// identity returns the marshalled public key (what REPORT_DATA binds) and the peer ID (what
// the operator signs).
func identity(k crypto.PubKey) ([]byte, peer.ID, error) {
	pub, err := crypto.MarshalPublicKey(k)
	if err != nil {
		return nil, "", fmt.Errorf("marshal public key: %w", err)
	}
	id, err := peer.IDFromPublicKey(k)
	if err != nil {
		return nil, "", fmt.Errorf("peer ID: %w", err)
	}
	return pub, id, nil
}

// operatorHash is the EIP-191 personal-message hash of tag ‖ peer ID ‖ nonce.
func operatorHash(purpose attestation.Purpose, id peer.ID, nonce [NonceSize]byte) []byte {
	tag := operatorTagPeer
	if purpose == attestation.PurposeClient {
		tag = operatorTagClient
	}
	msg := make([]byte, 0, len(tag)+len(id)+NonceSize)
	msg = append(msg, tag...)
	msg = append(msg, id...)
	msg = append(msg, nonce[:]...)
	return accounts.TextHash(msg)
}

func checkOperatorSig(purpose attestation.Purpose, id peer.ID, nonce [NonceSize]byte, operator common.Address, sig [65]byte) error {
	v := sig[64]
	if v != 27 && v != 28 {
		return fmt.Errorf("%w: recovery byte %d, want 27 or 28", ErrBadOperatorSignature, v)
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !ethcrypto.ValidateSignatureValues(v-27, r, s, true) {
		return fmt.Errorf("%w: r or s out of range (or s not low)", ErrBadOperatorSignature)
	}
	rsv := sig
	rsv[64] = v - 27
	pub, err := ethcrypto.SigToPub(operatorHash(purpose, id, nonce), rsv[:])
	if err != nil {
		return fmt.Errorf("%w: %w", ErrBadOperatorSignature, err)
	}
	if got := ethcrypto.PubkeyToAddress(*pub); got != operator {
		return fmt.Errorf("%w: signed by %s, claims %s", ErrBadOperatorSignature, got, operator)
	}
	return nil
}
