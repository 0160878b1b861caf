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

Overload (--overload 4,16,64): after the sweep, wrk runs again at those multiples of the knee's connections. wrk
ignores Retry-After and sends the next request the moment a response arrives, like a retry storm. Each overload
level follows a fresh run at the knee's connections and is judged against it, so the machine's drift between the
sweep and the overload runs does not count. Goals: 200s/s at every overload level >= 0.9x the knee's, and the 200s'
p99 <= 2x the knee's p99. Each level
also shows where the CPU went: the service process (from /proc/PID/stat), of which detection (the workers' thread CPU,
`targetservice_worker_cpu_seconds_total` in /metrics), and wrk (the children's rusage).

Every run is bounded by --seconds; the service is stopped with SIGTERM at the end.

Usage: python3 bench/service_knee.py [--binary .build/release/targetservice] [--seconds 10] [--image grace_hopper.jpg]
           [--levels 1,2,3,4,6,8] [--overload 4,16,64] [--service-arg=--workers=2 ...]
"""
import argparse
import json
import math
import os
import resource
import re
import urllib.request
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


def process_cpu_seconds(pid):
    """User + system CPU of a process so far, from /proc/PID/stat (fields 14 and 15, in clock ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def detection_cpu_seconds(address):
    """The workers' CPU spent on detection so far, or None when the service does not export it."""
    text = urllib.request.urlopen(f"{address}/metrics", timeout=10).read().decode()
    match = re.search(r"^targetservice_worker_cpu_seconds_total(?:\{[^}]*\})? ([0-9.eE+-]+)$", text, re.MULTILINE)
    return float(match.group(1)) if match else None


def count_statuses(level, r):
    """Sets on `level` what a wrk run (`run_wrk`) gave: 200s/s (`ok`), 503s/s (`shed`), other statuses, socket errors,
    the 200s' latencies in ms (`times`, sorted) and their p99. `level.seconds` must be set."""
    statuses = {}
    for status, _ in r["responses"]:
        statuses[status] = statuses.get(status, 0) + 1
    level.ok = statuses.pop(200, 0) / level.seconds
    level.shed = statuses.pop(503, 0) / level.seconds
    level.other = ", ".join(f"{n} x {status}" for status, n in sorted(statuses.items())) or "0"
    errors = {k: v for k, v in r["socket_errors"].items() if v}
    level.socket_errors = ", ".join(f"{k} {v}" for k, v in errors.items()) or "0"
    level.times = sorted(latency / 1000 for status, latency in r["responses"] if status == 200 and latency is not None)
    level.p99 = percentile(level.times, 99)


def knee_of(levels):
    """The last level whose 200s/s still grew by >= 5 % and whose 200 p99 stayed within 3x the first level's."""
    knee = levels[0]
    for previous, current in zip(levels, levels[1:]):
        if current.ok >= previous.ok * 1.05 and current.p99 <= 3 * levels[0].p99:
            knee = current
        else:
            break
    return knee


class Level:
    """One wrk run at a number of connections, with what it cost in CPU."""

    def __init__(self, address, connections, seconds, image, pid):
        self.connections = connections
        self.load = os.getloadavg()[0]  # the machine is shared: what else ran shows here
        service_before, client_before = process_cpu_seconds(pid), children_cpu_seconds()
        detection_before = detection_cpu_seconds(address)
        r = run_wrk(f"{address}/v1/detect", connections, seconds, image)
        detection_after = detection_cpu_seconds(address)
        self.service_cpu = process_cpu_seconds(pid) - service_before
        self.client_cpu = children_cpu_seconds() - client_before
        self.detection_cpu = None if detection_before is None else detection_after - detection_before
        self.raw = r
        self.seconds = r["duration_us"] / 1e6
        count_statuses(self, r)
        self.shed_times = sorted(latency / 1000 for status, latency in r["responses"]
                                 if status == 503 and latency is not None)

    def cpu_split(self):
        """Cores used on average: service (detection + everything else) and wrk."""
        per_second = lambda cpu: cpu / self.seconds
        if self.detection_cpu is None:
            return f"{per_second(self.service_cpu):.2f} (detection n/a) | {per_second(self.client_cpu):.2f}"
        other = self.service_cpu - self.detection_cpu
        return (f"{per_second(self.detection_cpu):.2f} + {per_second(other):.2f} | {per_second(self.client_cpu):.2f}")

    def note(self):
        r = self.raw
        return (f"{self.connections} connections (load average {self.load:.2f} before): {r['requests']} responses, "
                f"{len(self.times)} of {round(self.ok * self.seconds)} 200s timed"
                + (f"; 503 p50 {percentile(self.shed_times, 50):.2f} ms, p99 {percentile(self.shed_times, 99):.2f} ms"
                   if self.shed_times else "")
                + f"; wrk's own histogram (all statuses, with its synthetic samples): p50 "
                f"{r['wrk_all_statuses_ms']['p50']:.1f} ms, p99 {r['wrk_all_statuses_ms']['p99']:.1f} ms")


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
    parser.add_argument("--overload", default="4,16,64",
                        help="multiples of the knee's connections to run after the sweep ('' for none)")
    parser.add_argument("--service-arg", action="append", default=[],
                        help="extra argument for `targetservice serve` (repeatable)")
    args = parser.parse_args()
    image = os.path.join(ROOT, "Tests/TargetServiceTests/Fixtures/images", args.image)
    service = subprocess.Popen([args.binary, "serve", "--host", "127.0.0.1", "--port", "0", *args.service_arg],
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
        extra = " ".join(args.service_arg) or "default workers"
        print(f"targetservice serve (release, {extra}) on {os.cpu_count()} cores; wrk -tN -cN -d{args.seconds}s, "
              f"POST {args.image}; {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
        print()
        header = ("| connections | 200/s | 503/s | other statuses | socket errors | 200s timed | 200 p50 ms | 200 p90 ms "
                  "| 200 p99 ms | 200 max ms | cores: detection + rest of service | cores: wrk |")
        print(header)
        print("|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|")

        def row(level):
            times = level.times
            print(f"| {level.connections} | {level.ok:.1f} | {level.shed:.1f} | {level.other} | {level.socket_errors} | "
                  f"{len(times)} | {percentile(times, 50):.1f} | {percentile(times, 90):.1f} | {level.p99:.1f} | "
                  f"{times[-1] if times else float('nan'):.1f} | {level.cpu_split()} |", flush=True)

        levels = []
        for connections in [int(c) for c in args.levels.split(",")]:
            levels.append(Level(address, connections, args.seconds, image, service.pid))
            row(levels[-1])
        knee = knee_of(levels)
        print()
        print(f"knee: {knee.ok:.1f} detections/s (200s) at {knee.connections} connections (200 p99 {knee.p99:.1f} ms)")
        overloads = []
        if args.overload:
            print()
            print(f"Overload, multiples of the knee's {knee.connections} connections, each after the knee again "
                  f"(goal: 200/s >= 0.9x that knee's, 200 p99 <= 2x its p99):")
            print()
            print("| overload | connections | 200/s | x knee | 503/s | other statuses | socket errors | 200 p50 ms "
                  "| 200 p99 ms | p99 x knee | cores: detection + rest of service | cores: wrk | goal |")
            print("|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---|")
            for factor in [int(f) for f in args.overload.split(",")]:
                # The knee again right before: this shared machine drifts over minutes, so each overload level is
                # judged against a knee measured next to it (the sweep's knee alone would carry that drift).
                reference = Level(address, knee.connections, args.seconds, image, service.pid)
                overloads.append(reference)
                level = Level(address, knee.connections * factor, args.seconds, image, service.pid)
                overloads.append(level)
                goodput, tail = level.ok / reference.ok, level.p99 / reference.p99
                print(f"| knee again | {reference.connections} | {reference.ok:.1f} | 1.00 | {reference.shed:.1f} | "
                      f"{reference.other} | {reference.socket_errors} | {percentile(reference.times, 50):.1f} | "
                      f"{reference.p99:.1f} | 1.00 | {reference.cpu_split()} | |", flush=True)
                verdict = "PASS" if goodput >= 0.9 and tail <= 2 else "FAIL"
                print(f"| {factor}x | {level.connections} | {level.ok:.1f} | {goodput:.2f} | {level.shed:.1f} | "
                      f"{level.other} | {level.socket_errors} | {percentile(level.times, 50):.1f} | {level.p99:.1f} | "
                      f"{tail:.2f} | {level.cpu_split()} | {verdict} |", flush=True)
        print()
        for level in levels + overloads:
            print(level.note())
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            service.wait(timeout=15)
        except subprocess.TimeoutExpired:
            service.kill()


if __name__ == "__main__":
    main()
