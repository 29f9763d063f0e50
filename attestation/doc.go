// Package attestation owns litmesh's AMD SEV-SNP attestation: the Provider interface that
// produces evidence (a signed attestation report and its certificate chain) over a 64-byte
// REPORT_DATA and derives the keystore's sealing key; the real SEV-SNP provider (go-sev-guest's
// client: configfs-tsm or /dev/sev-guest) and the check for whether that hardware is present;
// the REPORT_DATA binding of a report to one libp2p identity, one operator and one fresh
// nonce; verification (go-sev-guest's verify and validate) that ends in one typed reason per
// kind of refusal; and a readable JSON rendering of a report for operators.
//
// Trust roots depend on the mode. A production verifier trusts only AMD's ARK/ASK roots that
// go-sev-guest embeds (Milan, Genoa, Turin); a devnet verifier trusts only the roots it is
// given (in practice the simulated chain of package attestation/simulated), and a production
// verifier refuses to be built with devnet roots. Certificates a peer sends above its VCEK or
// VLEK are never trust anchors. Verification is offline: the evidence must carry the
// endorsement certificate.
//
// The simulated provider lives in attestation/simulated because it builds on go-sev-guest's
// test-only key chain (which imports Go's testing package); this package must never import
// it. This package does no networking of its own and must not import any other litmesh
// package (p2p, node, chain…): the handshake messages built on it live in
// attestation/handshake.
package attestation
