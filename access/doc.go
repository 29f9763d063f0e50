// Package access owns access control: the access-control conditions a ciphertext is gated by
// (parsing and validating them in Lit's JSON formats, their canonical encoding and hash, and
// evaluating them against EVM chains) and the authentication of the requester: Lit-format
// authSigs carrying a Sign-In with Ethereum message (EIP-191 wallets, EIP-1271 contract
// wallets), and Lit's session signatures — an ed25519 session key's per-node signature over a
// message naming the node and the requested resources, with wallet-signed capabilities whose
// ReCap (EIP-5573) grants abilities on Lit resources — both verifying and creating them
// (docs/auth.md), and the proofs of PKP auth methods (docs/auth-methods.md): OIDC ID tokens
// (OIDCVerifier, with coreos/go-oidc and go-jose; issuers allowlisted, keys by discovery,
// cached) and passkey assertions (WebAuthnVerifier, with go-webauthn), each refusal an
// *AuthMethodError naming its reason, and the auth method ids both map to on chain.
//
// Conditions come in Lit's three list formats (accessControlConditions, evmContractConditions,
// unifiedAccessControlConditions). Parse turns client JSON into a validated, normalised
// Conditions value; Canonical and Hash give the byte string and SHA-256 that the encryption
// identity is built from (documented in docs/conditions.md, stable forever); an Evaluator
// checks them against chain clients supplied by the node.
//
// Errors a user sees are *api.Error values: bad_request for malformed conditions (the message
// names the field and position), unauthorized for a failing authSig, forbidden when conditions
// are not met (the message says which condition failed and why).
//
// This package imports only the api package of litmesh, go-ethereum, go-cid,
// filippo.io/edwards25519 (strict ed25519 checks), go-oidc, go-jose and go-webauthn. It must
// not import node, p2p, mpc, runtime, chain, ipfs or client: the node hands it chain readers,
// contract wallets and a Lit Action runner through interfaces.
package access
