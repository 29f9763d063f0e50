#!/usr/bin/env bash
# Regenerates contracts/artifacts/*.json and the Go bindings in chain/bindings from
# contracts/src/*.sol: solc-js and OpenZeppelin at the versions pinned in package-lock.json,
# abigen from go-ethereum at the version pinned in tools/go.mod. Needs node, npm and Go.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd contracts && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
(cd tools && go build -o "$tmp/abigen" github.com/ethereum/go-ethereum/cmd/abigen)

names=$(node contracts/build.js "$tmp/abi")

# Drop bindings of contracts that no longer exist; keep hand-written files.
mkdir -p chain/bindings
for f in chain/bindings/*.go; do
	if [ -f "$f" ] && head -n1 "$f" | grep -q '^// Code generated via abigen'; then rm -f "$f"; fi
done
for name in $names; do
	file="chain/bindings/$(echo "$name" | tr '[:upper:]' '[:lower:]').go"
	"$tmp/abigen" --v2 --pkg bindings --type "$name" \
		--abi "$tmp/abi/$name.abi" --bin "$tmp/abi/$name.bin" --out "$file"
	chmod 0644 "$file"
done
echo "built: $(echo $names)" >&2
