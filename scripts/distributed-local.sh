#!/usr/bin/env bash
# Runs a scenario as N segments on this machine under the contract a Kubernetes Indexed Job gives its pods: each
# process gets JOB_COMPLETION_INDEX, runs `loadgen run --segment auto/N` with a shared
# --start-at, writes its database into one shared directory, and the segments are then merged into one run.
#
# Usage: scripts/distributed-local.sh N SCENARIO [--target URL] [other loadgen run options...]
#   LOADGEN (default .build/release/loadgen), RESULTS (default results/distributed-<time>), START_DELAY_MS (default
#   3000: time for every process to start before the shared start instant).
# Exit code: the merge's (0 every SLA met, 1 breached or a segment stopped early, 2/3 as for loadgen run).
set -uo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 N SCENARIO [loadgen run options...]" >&2
    exit 2
fi
count=$1
scenario=$2
shift 2
case "$count" in ''|*[!0-9]*|0) echo "$0: N must be a whole number >= 1, not '$count'" >&2; exit 2 ;; esac
[ -f "$scenario" ] || { echo "$0: no scenario file '$scenario'" >&2; exit 2; }
loadgen=${LOADGEN:-.build/release/loadgen}
[ -x "$loadgen" ] || { echo "$0: no loadgen at $loadgen (build it, or set LOADGEN)" >&2; exit 2; }
results=${RESULTS:-results/distributed-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$results/segments"
start_at=$(( $(date +%s%3N) + ${START_DELAY_MS:-3000} ))

pids=()
for (( index = 0; index < count; index++ )); do
    JOB_COMPLETION_INDEX=$index "$loadgen" run "$scenario" --segment "auto/$count" --start-at "$start_at" \
        --db "$results/segments/segment-$index.sqlite" --quiet "$@" > "$results/segment-$index.log" 2>&1 &
    pids+=($!)
done
worst=0
for index in "${!pids[@]}"; do
    wait "${pids[$index]}"
    status=$?
    echo "segment $index/$count exited $status (log: $results/segment-$index.log)"
    [ $status -gt $worst ] && worst=$status
done
"$loadgen" merge "$results/segments" --db "$results/merged.sqlite" --report "$results/merged.html" --json "$results/merged.json"
status=$?
echo "segments' worst exit code: $worst; merged run: $results/merged.sqlite"
exit $status
