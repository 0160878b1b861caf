#!/usr/bin/env bash
# `make demo`: detect faces with the CLI, then start the service on a free
# loopback port, send it the same photo, show the answer and a few metrics, and stop it with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/targetservice
photo=Tests/TargetServiceTests/Fixtures/images/grace_hopper.jpg

echo "== targetservice detect (CLI)"
"$bin" detect --json --cascade /usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml "$photo"

echo "== targetservice serve (HTTP)"
out=$(mktemp)
"$bin" serve --host 127.0.0.1 --port 0 >"$out" 2>/dev/null &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 100); do
    address=$(head -n 1 "$out" 2>/dev/null || true)
    if [ -n "$address" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$address/readyz")" = 200 ]; then break; fi
    sleep 0.1
done
[ -n "${address:-}" ] || { echo "the service did not start" >&2; exit 1; }
echo "listening on $address"
curl -s -H 'Content-Type: image/jpeg' --data-binary "@$photo" "$address/v1/detect"
echo
curl -s "$address/metrics" | grep -E '^targetservice_(http_requests_total|model_version)' || true
