#!/usr/bin/env python3
"""Open-model accuracy of loadgen: constant arrival rates (default 1,000 and 10,000 req/s for 30 s) against a
static file from nginx. Reports the achieved rate (requests issued / phase duration) against the target and the
send lag (actual - intended send time) p50/p99/max that loadgen stores as its `send_lag` event.
Goals: achieved rate within 0.5 %, send-lag p99 <= 1 ms. Medians of N rounds.

Beside every round runs bench/timer_floor.c: a thread that only sleeps to 1 ms deadlines and records how late it
wakes. Its p99 is the floor any generator on this machine shares in those seconds (scheduler latency, VM steal);
a send lag at that floor is the platform's, not the engine's.

Usage: python3 bench/open_model_accuracy.py [--rounds 3] [--seconds 30] [--rates 1000,10000]
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_static import NginxStatic  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMER_FLOOR_SOURCE = os.path.join(ROOT, "bench", "timer_floor.c")
LOADGEN = os.path.join(ROOT, ".build", "release", "loadgen")


def build_timer_floor(workdir):
    binary = os.path.join(workdir, "timer_floor")
    subprocess.run(["cc", "-O2", "-o", binary, TIMER_FLOOR_SOURCE], check=True)
    return binary


def run(url, rate, seconds, workdir, index, timer_floor):
    scenario = os.path.join(workdir, f"open-{rate}.yaml")
    with open(scenario, "w") as f:
        f.write(f"""name: open-model-accuracy
description: constant arrival rate {rate}/s against a static file
target: {{ url: "{url.rsplit('/', 1)[0]}" }}
requests:
  - {{ name: static, method: GET, path: /index.html }}
phases:
  - {{ name: constant, duration: {seconds}s, arrival: {{ rate: {rate}/s }} }}
""")
    db = os.path.join(workdir, f"run-{index}.sqlite")
    summary = os.path.join(workdir, f"run-{index}.json")
    # The probe covers the same seconds as the phase (loadgen starts its timeline ~0.3 s after launch).
    probe = subprocess.Popen([timer_floor, str(seconds), "1000000"], stdout=subprocess.PIPE, text=True)
    subprocess.run([LOADGEN, "run", scenario, "--quiet", "--db", db, "--json", summary], check=False,
                   stdout=subprocess.DEVNULL)
    floor = json.loads(probe.communicate()[0])
    with open(summary) as f:
        data = json.load(f)
    issued = sum(r["sent"] + r["dropped"] for r in data["requests"])
    sent = sum(r["sent"] for r in data["requests"])
    errors = sum(r["errors"] for r in data["requests"])
    if errors:
        print(f"warning: {errors} errors at {rate}/s: {data['errors_by_code']}", file=sys.stderr)
    with sqlite3.connect(db) as conn:
        detail = conn.execute("SELECT detail FROM events WHERE name = 'send_lag' ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    lag = json.loads(detail)
    return {
        "achieved": sent / seconds,
        "issued": issued,
        "errors": errors,
        "lag_p50": float(lag["p50_ms"]),
        "lag_p99": float(lag["p99_ms"]),
        "lag_max": float(lag["max_ms"]),
        "floor_p50": floor["p50_ms"],
        "floor_p99": floor["p99_ms"],
        "floor_max": floor["max_ms"],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--rates", default="1000,10000")
    args = parser.parse_args()
    if not os.path.exists(LOADGEN):
        raise SystemExit("build loadgen first: swift build -c release --product loadgen")
    rates = [int(r) for r in args.rates.split(",")]
    results = {rate: [] for rate in rates}
    with NginxStatic() as nginx, tempfile.TemporaryDirectory(prefix="bench-open-") as workdir:
        timer_floor = build_timer_floor(workdir)
        index = 0
        for round_index in range(args.rounds):
            for rate in rates:
                index += 1
                r = run(nginx.url, rate, args.seconds, workdir, index, timer_floor)
                results[rate].append(r)
                print(f"round {round_index + 1} {rate:6d}/s: achieved {r['achieved']:.1f}/s, errors {r['errors']}, "
                      f"send lag p50 {r['lag_p50']:.3f} ms p99 {r['lag_p99']:.3f} ms max {r['lag_max']:.3f} ms; "
                      f"timer floor p50 {r['floor_p50']:.3f} ms p99 {r['floor_p99']:.3f} ms max {r['floor_max']:.3f} ms",
                      flush=True)
    print()
    print(f"| target rate | achieved (median of {args.rounds}) | deviation | send lag p50 | send lag p99 | send lag max "
          f"| timer floor p99 | floor max |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for rate in rates:
        rs = results[rate]
        achieved = statistics.median(r["achieved"] for r in rs)
        print(f"| {rate:,}/s | {achieved:,.1f}/s | {100 * (achieved - rate) / rate:+.2f} % | "
              f"{statistics.median(r['lag_p50'] for r in rs):.3f} ms | {statistics.median(r['lag_p99'] for r in rs):.3f} ms | "
              f"{statistics.median(r['lag_max'] for r in rs):.3f} ms | {statistics.median(r['floor_p99'] for r in rs):.3f} ms | "
              f"{statistics.median(r['floor_max'] for r in rs):.3f} ms |")


if __name__ == "__main__":
    main()
