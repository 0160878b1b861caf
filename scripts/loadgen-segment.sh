#!/bin/sh
# One pod of a split run (deploy/k8s/loadgen-job, docs/distributed.md): runs segment JOB_COMPLETION_INDEX of SEGMENTS
# from START_AT, writes its database to the shared RESULTS_DIR, and — in segment 0 — waits for every segment to finish
# (at most MERGE_WAIT_SECONDS, then merges what there is, marked partial) and merges them. The loadgen image installs
# it as `loadgen-segment`; scripts/distributed-local.sh runs it N times on one machine.
#
# Environment: JOB_COMPLETION_INDEX, SEGMENTS, START_AT (RFC 3339 or Unix ms) — required; TARGET_URL (optional:
# replaces the scenario's target), SCENARIO (default /scenario/scenario.yaml), RESULTS_DIR (default /results),
# MERGE_WAIT_SECONDS (default 900), LOADGEN (default loadgen). Extra arguments go to `loadgen run`.
# Exit code: segment 0 the merge's, the others their run's.
set -u
: "${JOB_COMPLETION_INDEX:?set by the Indexed Job (or scripts/distributed-local.sh)}"
: "${SEGMENTS:?the number of segments, as many as the Job has completions}"
: "${START_AT:?the instant every segment starts from}"
loadgen=${LOADGEN:-loadgen}
results=${RESULTS_DIR:-/results}
dir="$results/segments"
mkdir -p "$dir"
if [ -n "${TARGET_URL:-}" ]; then set -- --target "$TARGET_URL" "$@"; fi
"$loadgen" run "${SCENARIO:-/scenario/scenario.yaml}" --segment "auto/$SEGMENTS" --start-at "$START_AT" \
    --db "$dir/segment-$JOB_COMPLETION_INDEX.sqlite" --plain-progress "$@"
status=$?
echo "$status" > "$dir/segment-$JOB_COMPLETION_INDEX.done"
[ "$JOB_COMPLETION_INDEX" = 0 ] || exit "$status"

deadline=$(( $(date +%s) + ${MERGE_WAIT_SECONDS:-900} ))
partial=""
while [ "$(find "$dir" -maxdepth 1 -name "segment-*.done" | wc -l)" -lt "$SEGMENTS" ]; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "loadgen-segment: not every segment finished within ${MERGE_WAIT_SECONDS:-900} s; merging what there is" >&2
        partial="--partial"
        break
    fi
    sleep 1
done
exec "$loadgen" merge "$dir" $partial --db "$results/merged.sqlite" --report "$results/merged.html" \
    --json "$results/merged.json" --junit "$results/merged.xml"
