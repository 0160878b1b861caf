#!/usr/bin/env bash
# `make run`: the baseline scenario against the bundled detection service, then where to find the results.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
mkdir -p results
.build/release/loadgen run scenarios/baseline.yaml \
    --targetservice .build/release/targetservice \
    --db results/loadgen.sqlite --report results/baseline.html --json results/baseline.json
status=$?
echo
echo "report:   $(pwd)/results/baseline.html"
echo "database: $(pwd)/results/loadgen.sqlite"
echo "summary:  $(pwd)/results/baseline.json"
exit $status
