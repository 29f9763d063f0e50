// Package dkg runs distributed key generation and resharing — drand/kyber's share/dkg (Pedersen
// DKG with complaints and justifications, in its FastSync mode) — over an mpc.Transport, for any
// kyber group: the BLS12-381 G1 group of the encryption root key (and of BLS PKPs), the
// secp256k1 group of the ECDSA and secp256k1 FROST root keys, and the edwards25519 group of the
// Ed25519 FROST root key.
//
// What it owns: the adapter between kyber's Board/Phaser interfaces and the transport (a
// validated, size-limited wire codec for the three bundle kinds, echo relaying, per-phase
// timeouts that move on as soon as everything expected has arrived), the session nonce, the
// long-term key helpers and the serialisation of a resulting key share.
//
// What it does not own: who the participants are (the caller reads them from the chain and
// passes index → long-term public key → transport member), where shares are stored (package
// keystore), and agreeing that every member ended with the same public key (the node votes the
// key on chain; see "Consistency" below).
//
// # Protocol
//
// Every member broadcasts signed bundles (Schnorr over the same group, with its long-term key):
// dealers send a deal bundle (public polynomial + one ECIES-encrypted share per new member);
// every new member answers with a response bundle (success or complaint per dealer); a dealer with
// complaints publishes a justification bundle revealing the disputed shares. A phase ends when
// every expected bundle has arrived or its timeout passes, whichever is first, so a silent
// member costs at most one timeout per phase and an honest run never waits.
//
// Fresh DKG: every member of NewNodes deals; the key is the sum of the qualified dealers'
// secrets, shared with degree Threshold−1. Resharing: the members of OldNodes deal their current
// share; members of NewNodes (which may overlap) interpolate new shares of the same secret, so
// the public key does not change. A member in NewNodes only needs the old public coefficients.
// A member in OldNodes only (leaving) deals and returns without a share.
//
// # Consistency
//
// kyber's DKG assumes a broadcast channel; an mpc.Transport is point-to-point. Every member
// therefore relays each bundle it receives once (echo) to the other members: a dealer whose
// link to one member broke still reaches it, and two different validly signed bundles from one
// author (equivocation) reach everyone, who then drop that author. This narrows but does not
// close the gap of a real reliable broadcast (an equivocation that lands right at a phase
// boundary can still split views, and so can a member too slow for the phase timeouts), so
// callers must confirm that the members agree on the whole public polynomial
// (KeyShare.PolyDigest) before using the key — the node does this by voting on chain. The
// public key alone is not enough: a resharing keeps it by construction.
//
// A member that stays silent while others complete has its share revealed by the other dealers'
// justifications (that is how the DKG resolves its missing responses); treat that share as
// public and replace it at the next resharing.
//
// This package must not import libp2p or any litmesh package outside mpc.
package dkg
