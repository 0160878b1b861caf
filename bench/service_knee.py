#!/usr/bin/env python3
"""Sustained detections/s of `targetservice serve` (release) on this machine, found by a concurrency sweep.

Starts the service on 127.0.0.1 port 0, then runs wrk (Debian package) against POST /v1/detect with one fixture
JPEG at 1, 2, 3, 4, 6 and 8 connections for --seconds each. Reports successful detections/s, shed (503) responses
and latency percentiles per level. The knee is the last level whose successful throughput still grew by >= 5%
and whose p99 stayed within 3x the single-connection p99; past it only latency (or shedding) grows.
Every run is bounded by --seconds; the service is stopped with SIGTERM at the end.

Usage: python3 bench/service_knee.py [--binary .build/release/targetservice] [--seconds 10] [--image grace_hopper.jpg]
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_wrk(url, connections, seconds, image):
    env = dict(os.environ, BENCH_IMAGE=image)
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency",
         "-s", os.path.join(ROOT, "bench/post-jpeg.lua"), url],
        check=True, capture_output=True, text=True, env=env, timeout=seconds + 30).stdout
    line = next(l for l in out.splitlines() if l.startswith("SUMMARY "))
    return json.loads(line[len("SUMMARY "):])


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
        print(f"targetservice serve (release, default workers) on {os.cpu_count()} cores; wrk -t1 -cN -d{args.seconds}s, "
              f"POST {args.image}; {time.strftime('%Y-%m-%d')}")
        print()
        print("| connections | detections/s | shed (503)/s | p50 ms | p90 ms | p99 ms | max ms |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        rows = []
        for connections in [int(c) for c in args.levels.split(",")]:
            r = run_wrk(f"{address}/v1/detect", connections, args.seconds, image)
            seconds = r["duration_us"] / 1e6
            ok = (r["requests"] - r["non2xx"]) / seconds
            shed = r["non2xx"] / seconds
            rows.append((connections, ok, r))
            print(f"| {connections} | {ok:.1f} | {shed:.1f} | {r['p50_ms']:.1f} | {r['p90_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.1f} |",
                  flush=True)
        base_p99 = rows[0][2]["p99_ms"]
        knee = rows[0]
        for previous, current in zip(rows, rows[1:]):
            if current[1] >= previous[1] * 1.05 and current[2]["p99_ms"] <= 3 * base_p99:
                knee = current
            else:
                break
        print()
        print(f"knee: {knee[1]:.1f} detections/s at {knee[0]} connections (p99 {knee[2]['p99_ms']:.1f} ms)")
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            service.wait(timeout=15)
        except subprocess.TimeoutExpired:
            service.kill()


if __name__ == "__main__":
    main()
