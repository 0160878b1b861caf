#!/usr/bin/env bash
# Runs a scenario as N segments on this machine under the contract a Kubernetes Indexed Job gives its pods: N copies of
# the pods' own entry point (scripts/loadgen-segment.sh), each with its JOB_COMPLETION_INDEX, one shared results
# directory and one start instant; segment 0 merges.
#
# Usage: scripts/distributed-local.sh N SCENARIO [loadgen run options, e.g. --target URL]
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
mkdir -p "$results"
start_at=$(( $(date +%s%3N) + ${START_DELAY_MS:-3000} ))
segment_script="$(dirname "$0")/loadgen-segment.sh"

pids=()
for (( index = 0; index < count; index++ )); do
    JOB_COMPLETION_INDEX=$index SEGMENTS=$count START_AT=$start_at SCENARIO=$scenario RESULTS_DIR=$results \
        MERGE_WAIT_SECONDS=600 LOADGEN=$loadgen sh "$segment_script" --quiet "$@" > "$results/segment-$index.log" 2>&1 &
    pids+=($!)
done
status=0
for index in "${!pids[@]}"; do
    wait "${pids[$index]}"
    code=$?
    echo "segment $index/$count exited $code (log: $results/segment-$index.log)"
    [ "$index" = 0 ] && status=$code
done
# Segment 0 merged: its log ends with the merged run's summary.
sed -n '/segments merged/,$p' "$results/segment-0.log"
echo "merged run: $results/merged.sqlite, report: $results/merged.html"
exit $status
