#!/usr/bin/env bash
# bench/scale.sh fills the "Scaling with n" table of docs/performance.md: for each network
# size, the DKG time, sign p50 (c1) and throughput (c8), decrypt p50 (c1) and throughput (c4),
# execute p50 (c1), and every node's idle RSS and CPU. Run it on a quiet machine, in one
# sitting, and say how loaded it was (uptime before and after):
#
#   go build -o bin/lit ./cmd/lit && bench/scale.sh scale-out
#
# Environment: NODES (default "4 7 10 16 32"), LIT (default bin/lit), BASE_PORT (7401),
# CHAIN_PORT (8645), DURATION (20s). Each size writes its reports (JSON + SVG per scenario)
# to OUT/nN/; the summary tables go to OUT/nN/*.txt.
set -euo pipefail

OUT=${1:-scale-out}
LIT=${LIT:-bin/lit}
NODES=${NODES:-4 7 10 16 32}
BASE=${BASE_PORT:-7401}
CHAIN=${CHAIN_PORT:-8645}
DURATION=${DURATION:-20s}
ports=(--base-port "$BASE" --chain-port "$CHAIN")

uptime | tee "$OUT.uptime-before.txt"
for n in $NODES; do
	d="$OUT/n$n"
	mkdir -p "$d"
	# DKG: a fresh network of n nodes per operation, three of them.
	"$LIT" bench dkg --nodes "$n" --count 3 --concurrency 1 --warmup 0 "${ports[@]}" --out "$d" \
		>"$d/dkg.json" 2>"$d/dkg.txt"

	"$LIT" devnet up --nodes "$n" --detach --dir "$d/devnet" "${ports[@]}" --timeout 30m >"$d/devnet.txt"
	trap '"$LIT" devnet down --dir "$d/devnet"' EXIT
	net=(--network "$d/devnet/network.json")

	"$LIT" bench sign decrypt execute "${net[@]}" --concurrency 1 --duration "$DURATION" --out "$d/c1" \
		>"$d/c1.json" 2>"$d/c1.txt"
	"$LIT" bench sign "${net[@]}" --concurrency 8 --duration "$DURATION" --out "$d/sign-c8" \
		>"$d/sign-c8.json" 2>"$d/sign-c8.txt"
	"$LIT" bench decrypt "${net[@]}" --concurrency 4 --duration "$DURATION" --out "$d/decrypt-c4" \
		>"$d/decrypt-c4.json" 2>"$d/decrypt-c4.txt"
	# At rest: the first minute lets the pools the runs above emptied fill again; the second
	# is the one the table reports (idle.json: every node's CPU % and RSS).
	"$LIT" bench idle "${net[@]}" --concurrency 1 --warmup 0 --duration 60s --out "$d/refill" >/dev/null 2>&1
	"$LIT" bench idle "${net[@]}" --concurrency 1 --warmup 0 --duration 60s --out "$d/idle" \
		>"$d/idle.json" 2>"$d/idle.txt"

	"$LIT" devnet down --dir "$d/devnet"
	trap - EXIT
done
uptime | tee "$OUT.uptime-after.txt"
