#!/usr/bin/env bash
# Fails if regenerating the contract artifacts and Go bindings changes anything git knows:
# the committed ABI, bytecode and bindings must be exactly what the sources compile to.
set -euo pipefail
cd "$(dirname "$0")/.."
contracts/build.sh
paths=(contracts/artifacts chain/bindings)
untracked=$(git ls-files --others --exclude-standard -- "${paths[@]}")
if ! git diff --quiet -- "${paths[@]}" || [ -n "$untracked" ]; then
	echo "contracts/check.sh: generated files differ from the committed ones; run contracts/build.sh and commit:" >&2
	git --no-pager diff --stat -- "${paths[@]}" >&2
	[ -z "$untracked" ] || echo "untracked: $untracked" >&2
	exit 1
fi
echo "contracts/check.sh: artifacts and bindings are up to date" >&2
