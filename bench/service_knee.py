#!/usr/bin/env python3
"""Sustained detections/s of `targetservice serve` (release) on this machine, found by a concurrency sweep.

Starts the service on 127.0.0.1 port 0, then runs wrk (Debian package) against POST /v1/detect with one fixture
JPEG at 1, 2, 3, 4, 6 and 8 connections for --seconds each (closed loop). Per level it reports, separately: 200s/s
(detections), 503s/s (shed), every other status, wrk's socket errors (connect/read/write/timeout), and the latency
of the 200s alone (p50/p90/p99/max). The knee is the last level whose 200s/s still grew by >= 5 % and whose 200 p99
stayed within 3x the single-connection p99; past it only latency (or shedding) grows.

How the 200s are timed on their own, and why it is exact: wrk's built-in latency histogram mixes every status (a
fast 503 pulls the percentiles down) and wrk 4.1 also adds synthetic samples to it (stats_correct), and its
response() hook gets no time. bench/post-jpeg.lua therefore times each response itself: wrk runs with one thread
per connection (-tN -cN), so in each thread's Lua state request() (called just before wrk writes the request) and
response() (called when the response completes) alternate for one connection; the CLOCK_MONOTONIC time between them
(LuaJIT ffi) and the status of every response go to a file per thread, which this script reads (wrk's thread:get
crashes copying nested tables, so results do not travel through it). The driver stays wrk's C event loop,
so the load offered is what wrk offers; hey's `-o csv` has per-request status and time but leaves out failed
requests entirely, and a Python client would take CPU from the service on this 2-core machine.

Every run is bounded by --seconds; the service is stopped with SIGTERM at the end.

Usage: python3 bench/service_knee.py [--binary .build/release/targetservice] [--seconds 10] [--image grace_hopper.jpg]
           [--levels 1,2,3,4,6,8]
"""
import argparse
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_wrk(url, connections, seconds, image):
    """One wrk run; returns wrk's SUMMARY plus `responses`: (status, latency µs or None) for every response."""
    with tempfile.TemporaryDirectory(prefix="bench-knee-") as responses_dir:
        env = dict(os.environ, BENCH_IMAGE=image, BENCH_RESPONSES_DIR=responses_dir)
        # One thread per connection: post-jpeg.lua pairs request() and response() per thread (see the docstring).
        out = subprocess.run(
            ["wrk", f"-t{connections}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", os.path.join(ROOT, "bench/post-jpeg.lua"), url],
            check=True, capture_output=True, text=True, env=env, timeout=seconds + 30).stdout
        line = next(l for l in out.splitlines() if l.startswith("SUMMARY "))
        summary = json.loads(line[len("SUMMARY "):])
        responses = []
        for name in sorted(os.listdir(responses_dir)):
            with open(os.path.join(responses_dir, name)) as f:
                for record in f:
                    status, latency = record.split()
                    responses.append((int(status), None if latency == "-" else int(latency)))
    if len(responses) != summary["requests"]:
        print(f"warning: wrk counted {summary['requests']} responses, the script recorded {len(responses)}",
              file=sys.stderr)
    summary["responses"] = responses
    return summary


def percentile(sorted_values, p):
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    if not sorted_values:
        return float("nan")
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/targetservice"))
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--image", default="grace_hopper.jpg")
    parser.add_argument("--levels", default="1,2,3,4,6,8")
    args = parser.parse_args()
    image = os.path.join(ROOT, "Tests/TargetServiceTests/Fixtures/images", args.image)
    service = subprocess.Popen([args.binary, "serve", "--host", "127.0.0.1", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = service.stdout.readline().strip()
        if not address.startswith("http"):
            sys.exit(f"service did not print its address (got {address!r})")
        deadline = time.time() + 30
        while time.time() < deadline:
            ready = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", f"{address}/readyz"],
                                   capture_output=True, text=True).stdout
            if ready == "200":
                break
            time.sleep(0.2)
        else:
            sys.exit("service never became ready")
        # Warm up caches and the allocator.
        run_wrk(f"{address}/v1/detect", 2, 2, image)
        print(f"targetservice serve (release, default workers) on {os.cpu_count()} cores; wrk -tN -cN -d{args.seconds}s, "
              f"POST {args.image}; {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
        print()
        print("| connections | 200/s | 503/s | other statuses | socket errors | 200s timed | 200 p50 ms | 200 p90 ms "
              "| 200 p99 ms | 200 max ms |")
        print("|---:|---:|---:|---|---|---:|---:|---:|---:|---:|")
        rows, notes = [], []
        for connections in [int(c) for c in args.levels.split(",")]:
            load = os.getloadavg()[0]  # the machine is shared: what else ran shows here
            r = run_wrk(f"{address}/v1/detect", connections, args.seconds, image)
            seconds = r["duration_us"] / 1e6
            statuses = {}
            for status, _ in r["responses"]:
                statuses[status] = statuses.get(status, 0) + 1
            ok = statuses.pop(200, 0) / seconds
            shed = statuses.pop(503, 0) / seconds
            other = ", ".join(f"{n} x {status}" for status, n in sorted(statuses.items())) or "0"
            errors = {k: v for k, v in r["socket_errors"].items() if v}
            socket_errors = ", ".join(f"{k} {v}" for k, v in errors.items()) or "0"
            times = sorted(latency / 1000 for status, latency in r["responses"] if status == 200 and latency is not None)
            p99 = percentile(times, 99)
            rows.append((connections, ok, p99))
            print(f"| {connections} | {ok:.1f} | {shed:.1f} | {other} | {socket_errors} | {len(times)} | "
                  f"{percentile(times, 50):.1f} | {percentile(times, 90):.1f} | {p99:.1f} | "
                  f"{times[-1] if times else float('nan'):.1f} |", flush=True)
            shed_times = sorted(latency / 1000 for status, latency in r["responses"] if status == 503 and latency is not None)
            notes.append(f"{connections} connections (load average {load:.2f} before): {r['requests']} responses, {len(times)} of "
                         f"{round(ok * seconds)} 200s timed"
                         + (f"; 503 p50 {percentile(shed_times, 50):.2f} ms, p99 {percentile(shed_times, 99):.2f} ms"
                            if shed_times else "")
                         + f"; wrk's own histogram (all statuses, with its synthetic samples): p50 "
                         f"{r['wrk_all_statuses_ms']['p50']:.1f} ms, p99 {r['wrk_all_statuses_ms']['p99']:.1f} ms")
        base_p99 = rows[0][2]
        knee = rows[0]
        for previous, current in zip(rows, rows[1:]):
            if current[1] >= previous[1] * 1.05 and current[2] <= 3 * base_p99:
                knee = current
            else:
                break
        print()
        print(f"knee: {knee[1]:.1f} detections/s (200s) at {knee[0]} connections (200 p99 {knee[2]:.1f} ms)")
        print()
        for note in notes:
            print(note)
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            service.wait(timeout=15)
        except subprocess.TimeoutExpired:
            service.kill()


if __name__ == "__main__":
    main()
