#!/usr/bin/env bash
# Lit's JS SDK (v7.4.0, pinned with its whole dependency tree in package-lock.json) against
# litmesh. Needs node, npm and Go. Checks:
#   1. the committed condition-hash vectors are what the SDK computes (gen-vectors.js rerun);
#   2. on a fresh 5-node devnet, the SDK's LitContracts.getConnectionInfo, with Lit's own Datil
#      Staking ABI, finds every node, T and the epoch, and StateChanged decodes (connection.js);
#   3. on the same devnet, with only network.json's litSdk.config: connect, encrypt + decrypt
#      with an EOA authSig, session signatures, a refused decrypt, pkpSign, executeJs with
#      signEcdsa and setResponse, executeJs on a single node (e2e.js);
#   4. the example app of docs/lit-sdk.md (example-app.js, which the page quotes whole) runs.
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
# Five nodes: T = 4 while a litmesh signature needs 2t+1 = 3 signers, so the e2e shows that
# pkpSign and executeJs return the minNodeCount shares Lit's SDK insists on.
"$tmp/lit" devnet up --nodes 5 --dir "$dir" --base-port "$base_port" --chain-port "$chain_port" --detach >/dev/null
(cd "$here" && node connection.js "$dir/network.json" 2>&1 | grep -v 'DEBUG\|deprecated')

# run LOG CMD…: runs a node script, showing its own lines (or, if it fails, everything it printed:
# the SDK logs a lot).
run() {
	local log="$1" pattern="$2"
	shift 2
	if ! "$@" >"$log" 2>&1; then
		cat "$log" >&2
		return 1
	fi
	grep "$pattern" "$log" >&2 || true
}

echo "litsdk: the SDK end to end, configured by network.json's litSdk (e2e.js)" >&2
NODE_EXTRA_CA_CERTS="$(node -e 'console.log(require(process.argv[1]).litSdk.caFile)' "$dir/network.json")"
export NODE_EXTRA_CA_CERTS
"$tmp/lit" pkp mint --network "$dir/network.json" --key dev:1 >"$tmp/pkp1.json"
(cd "$here" && run "$tmp/e2e.log" '^e2e.js' node e2e.js "$dir/network.json" "$tmp/pkp1.json")

echo "litsdk: docs/lit-sdk.md's example app" >&2
(cd "$here" && node -e '
  const fs = require("fs");
  const doc = fs.readFileSync(process.argv[1], "utf8"), app = fs.readFileSync("example-app.js", "utf8");
  if (!doc.includes(app)) { console.error("docs/lit-sdk.md does not quote example-app.js whole"); process.exit(1); }
' "$repo/docs/lit-sdk.md")
"$tmp/lit" pkp mint --network "$dir/network.json" --key dev:2 >"$tmp/pkp2.json"
PRIVATE_KEY="$(node -e 'console.log(require(process.argv[1]).devAccounts[2].privateKey)' "$dir/network.json")" \
PKP_PUBLIC_KEY="$(node -e 'console.log(require(process.argv[1]).publicKey)' "$tmp/pkp2.json")" \
LITMESH_NETWORK="$dir/network.json" \
	run "$tmp/app.log" '^{' node "$here/example-app.js"
