// Package frost is litmesh's threshold Schnorr signing: FROST (RFC 9591) with the ciphersuites
// FROST(Ed25519, SHA-512) — plain Ed25519 signatures —, FROST(secp256k1, SHA-256) with BIP-340
// signatures for Bitcoin Taproot, and RFC 9591's FROST(secp256k1, SHA-256). docs/schemes.md maps
// every step to the RFC and says what each suite assumes.
//
// The flow:
//
//	Preprocess (ahead of time, two rounds over an mpc.Transport) → Batch → node agrees on
//	Batch.Digest → Pool.Put
//	coordinator: slot + participants → every member: Pool.Take(slot), NewSigningPackage →
//	node agrees on SigningPackage.Digest → SignShare → one SignatureShare per participant
//	client: Combine(root key, request, package, shares) → a signature verified with the
//	suite's standard verifier, or the names of the bad signers
//
// PKP keys derive additively from a root key (HD, hd.go), with BIP-340's parity rules applied
// as a public affine map on the shares. Secret nonces exist only in memory and sign at most once.
// Secret scalar multiplications are constant time (package mpc/secp256k1/ct for secp256k1).
//
// This package owns no I/O beyond the mpc.Transport it is handed. It must not import libp2p or
// any litmesh package outside mpc.
package frost
