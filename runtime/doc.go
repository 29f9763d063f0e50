// Package runtime runs Lit Actions: untrusted JavaScript executed in V8 with the Lit Actions API
// (Lit.Actions, Lit.Auth, jsParams, ethers v5, fetch, console) and per-execution limits.
//
// It owns the V8 isolates, the sandbox they run in and the JavaScript API surface. Every isolate
// lives in a worker process that the Pool supervises: a V8 heap exhaustion aborts only that
// worker, which the pool replaces while the node keeps serving. Workers are the node's own binary
// re-executed, so main() must call RunWorkerIfRequested before anything else.
//
// Everything an action can reach outside its sandbox goes through the Host interface, which the
// node implements in the parent process (HTTP fetches, PKP signing, condition checks, chain
// reads); the parent enforces the per-execution limits on those calls itself, so a worker whose
// V8 were subverted still cannot exceed them.
//
// runtime imports no other litmesh package: the node adapts IPFS, chain, access and signing to
// Host. It must not import node, p2p, chain, access or ipfs.
package runtime
