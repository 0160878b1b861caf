#!/usr/bin/env python3
"""Max throughput, side by side in one run: loadgen (closed model, 32 connections, one loop) vs `wrk -t1 -c32`
vs `hey -c 32`, each against the same static file from nginx; rounds interleaved, medians of N.

Reports req/s and CPU time per request of each generator (user + system, from wait4's rusage), and the ratios to
wrk. Goal: loadgen >= 1.0x wrk's req/s and <= 1.15x wrk's CPU per request.

Usage: python3 bench/loadgen_vs_wrk.py [--rounds 3] [--seconds 10] [--connections 32]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_static import NginxStatic  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOADGEN = os.path.join(ROOT, ".build", "release", "loadgen")


def run_with_rusage(cmd):
    """Runs cmd to the end; returns its stdout, stderr and CPU seconds (user + system, from the reaped child)."""
    before = os.times()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate()
    out, err, code = out.decode(), err.decode(), process.returncode
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if code != 0 and "loadgen" not in cmd[0]:
        raise SystemExit(f"{cmd[0]} failed ({code}): {err[-500:]}")
    return out, err, cpu


def run_wrk(url, seconds, connections):
    out, _, cpu = run_with_rusage(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url])
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    if "Non-2xx" in out:
        raise SystemExit(f"wrk saw non-2xx responses: {out}")
    return requests / seconds, cpu / requests, requests


def run_hey(url, seconds, connections):
    out, _, cpu = run_with_rusage(["hey", "-c", str(connections), "-z", f"{seconds}s", "-disable-compression", url])
    responses = sum(int(n) for n in re.findall(r"\[\d+\]\s+(\d+) responses", out))
    if re.search(r"\[(?!200\])\d+\]\s+\d+ responses", out):
        raise SystemExit(f"hey saw non-200 responses: {out}")
    return responses / seconds, cpu / responses, responses


def run_loadgen(url, seconds, connections, workdir):
    scenario = os.path.join(workdir, "max-throughput.yaml")
    with open(scenario, "w") as f:
        f.write(f"""name: max-throughput
description: closed model, {connections} users without think time, against a static file
target: {{ url: "{url.rsplit('/', 1)[0]}" }}
requests:
  - {{ name: static, method: GET, path: /index.html }}
phases:
  - {{ name: max, duration: {seconds}s, users: {{ count: {connections} }} }}
""")
    summary = os.path.join(workdir, "summary.json")
    out, err, cpu = run_with_rusage([LOADGEN, "run", scenario, "--quiet", "--db", os.path.join(workdir, "bench.sqlite"),
                                     "--json", summary, "--loops", "1"])
    with open(summary) as f:
        data = json.load(f)
    completed = sum(r["completed"] for r in data["requests"])
    errors = sum(r["errors"] for r in data["requests"])
    if errors:
        raise SystemExit(f"loadgen saw {errors} errors: {data['requests']}")
    return completed / seconds, cpu / completed, completed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not os.path.exists(LOADGEN):
        raise SystemExit("build loadgen first: swift build -c release --product loadgen")
    results = {"loadgen": [], "wrk": [], "hey": []}
    with NginxStatic() as nginx, tempfile.TemporaryDirectory(prefix="bench-loadgen-") as workdir:
        order = ["loadgen", "wrk", "hey"]
        for round_index in range(args.rounds):
            # Rotate the order so no generator always runs first (or right after another's heat).
            for name in order[round_index % 3:] + order[:round_index % 3]:
                if name == "loadgen":
                    r = run_loadgen(nginx.url, args.seconds, args.connections, workdir)
                elif name == "wrk":
                    r = run_wrk(nginx.url, args.seconds, args.connections)
                else:
                    r = run_hey(nginx.url, args.seconds, args.connections)
                results[name].append(r)
                print(f"round {round_index + 1} {name:8s} {r[0]:10.0f} req/s  {r[1] * 1e6:6.2f} us CPU/request", flush=True)
    med = {name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs)) for name, rs in results.items()}
    # The machine is shared and drifts between rounds, so the ratios are taken within each round (the generators
    # ran back to back) and their median is reported: a paired comparison.
    paired = {name: (statistics.median(r[0] / w[0] for r, w in zip(rs, results["wrk"])),
                     statistics.median(r[1] / w[1] for r, w in zip(rs, results["wrk"]))) for name, rs in results.items()}
    print()
    print(f"| generator | req/s (median of {args.rounds}) | CPU µs/request | req/s vs wrk (paired) | CPU/request vs wrk (paired) |")
    print("|---|---:|---:|---:|---:|")
    for name in ("loadgen", "wrk", "hey"):
        rate, cpu = med[name]
        print(f"| {name} | {rate:,.0f} | {cpu * 1e6:.2f} | {paired[name][0]:.2f}x | {paired[name][1]:.2f}x |")


if __name__ == "__main__":
    main()
