#!/usr/bin/env bash
# Lit's JS SDK (v7.4.0, pinned with its whole dependency tree in package-lock.json) against
# litmesh. Needs node, npm and Go. Checks:
#   1. the committed condition-hash vectors are what the SDK computes (gen-vectors.js rerun);
#   2. on a fresh devnet, the SDK's LitContracts.getConnectionInfo, with Lit's own Datil
#      Staking ABI, finds every node, T and the epoch, and StateChanged decodes (connection.js).
# Ports: LITSDK_BASE_PORT (default 17101) for the nodes, LITSDK_CHAIN_PORT (18617) for the chain.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
base_port="${LITSDK_BASE_PORT:-17101}"
chain_port="${LITSDK_CHAIN_PORT:-18617}"
tmp="$(mktemp -d)"
dir="$tmp/devnet"
cleanup() {
	[ -x "$tmp/lit" ] && "$tmp/lit" devnet down --dir "$dir" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

echo "litsdk: condition hashes from the SDK match access/testdata/litsdk-conditions.json" >&2
(cd "$here" && node gen-vectors.js --out "$tmp/vectors" 2>/dev/null >/dev/null)
diff -u "$repo/access/testdata/litsdk-conditions.json" "$tmp/vectors/access/testdata/litsdk-conditions.json"

echo "litsdk: getConnectionInfo against a devnet" >&2
(cd "$repo" && go build -o "$tmp/lit" ./cmd/lit)
"$tmp/lit" devnet up --dir "$dir" --base-port "$base_port" --chain-port "$chain_port" --detach >/dev/null
(cd "$here" && node connection.js "$dir/network.json" 2>&1 | grep -v 'DEBUG\|deprecated')
