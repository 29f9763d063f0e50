// Package ecdsa is litmesh's threshold ECDSA over secp256k1: the presignature protocol, the
// one-message online signing step, the client-side combination of signature shares, the
// presignature pool, and the HD (additive) key derivation of PKP keys.
//
// The protocol follows Damgård, Jakobsen, Nielsen, Pagter and Østergaard, "Fast Threshold
// ECDSA with Honest Majority" (eprint 2020/501), with the presignature re-randomisation and
// additive key derivation analysed by Groth and Shoup (eprint 2021/1330). docs/ecdsa.md maps
// every step to the papers and lists where and why this implementation deviates from them
// (chiefly: Pedersen-committed, degree-t presignature shares, so that a client can check every
// signature share on its own and name the node that sent a wrong one).
//
// The flow:
//
//	Presign (offline, interactive, over an mpc.Transport) → []*Presignature → Pool
//	Pool.Take(id) → the signers agree (node layer): every one confirms the request to every
//	  other with its Contribution() → ρ = PublicPresignature.Rho(request, contributions)
//	SignShare(presig, request with ρ) → one SignatureShare per signer → client
//	client: Combine(public presignature, public key, request, shares) → r, s, v
//
// SignShare signs whatever it is given: a caller that lets one presignature sign two different
// requests hands t colluding signers the root key (docs/ecdsa.md, "Signer agreement").
// Multiplications by secret scalars run in constant time (ct.go).
//
// Secret presignature state lives in memory only; nothing here writes it anywhere, so a
// restart drops every presignature and none can ever be used twice from disk.
//
// This package owns no I/O beyond the mpc.Transport it is handed. It must not import libp2p or
// any other litmesh package except mpc.
package ecdsa
