// Package chain is litmesh's view of its EVM contracts: the Staking contract (membership per
// epoch, root public keys, release allowlist), PKPNFT and PKPPermissions. It owns the typed
// client nodes and the CLI use (cached, block-consistent reads; transactions that wait for
// their receipt and surface revert reasons), contract deployment, and the PKP key derivation
// both sides must agree on. The generated bindings live in chain/bindings, the embedded dev
// chain in chain/devchain.
//
// It must not import node, p2p, mpc or any other litmesh package except chain/bindings: nodes
// and clients depend on it, never the reverse.
package chain
