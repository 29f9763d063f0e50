// Package ipfs is the node's IPFS layer: a persistent blockstore (flatfs on disk, as kubo
// stores blocks), bitswap client and server on the node's own libp2p host (same peer ID),
// UnixFS import with exactly kubo's `ipfs add` defaults, and bounded, verified retrieval.
//
// A CID the node does not hold is resolved, under one deadline, from the local store, then
// bitswap peers (every connected peer, including configured IPFS peers such as a local kubo),
// then trustless HTTP gateways (raw blocks only, each re-hashed against its CID). Content that
// does not hash to its CID is refused wherever it comes from, the local disk included.
//
// Serving is gated: a peer filter is consulted before any want from a peer is accepted, so
// once attestation lands only trusted peers are served.
//
// It owns the blockstore directory it is given and the bitswap protocol handlers on the host.
// It must not import other litmesh packages (node wires it; api errors are mapped by callers
// from the Err* sentinels here), and it must not create its own libp2p host.
package ipfs
