#!/usr/bin/env python3
"""The shipped scenarios on the bundled service: runs each `scenarios/NAME.yaml` with the release loadgen and prints
what its SQLite database holds, so every figure of BENCHMARKS.md's scenario table comes from this script's output.

Per run: exit code and status; per phase x request the completed rate, errors by code, checks, and corrected
latency (p50/p99/max, measured from when each request was due); the SLA thresholds that failed; and every stored
event other than phase changes (actions with their timings, recovery RTO/RPO, chaos faults and recovery times,
steady-state probes, the engine's send lag). Each scenario gets its own database under --out, so any run can be
re-rendered later with `loadgen report latest --db FILE`.

Full length by default (about 14 minutes for all nine; fault-latency needs root for nftables, freezing and the
tmpfs disk-full fault). --duration-scale shortens every phase as CI does.

Usage: python3 bench/scenario_results.py [--scenarios baseline,burst,...] [--duration-scale 1] [--out bench/out/scenarios]
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOADGEN = os.path.join(ROOT, ".build", "release", "loadgen")
ORDER = ["baseline", "response-time", "high-traffic", "burst", "concurrency", "error-rate", "rollback-replace",
         "disaster-recovery", "fault-latency"]


def ms(us):
    return f"{us / 1000:.1f}" if us is not None else "-"


def describe(db_path, name, exit_code, wall_seconds, load):
    with sqlite3.connect(db_path) as db:
        db.row_factory = sqlite3.Row
        run = db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if run is None:
            print(f"### {name}: exit code {exit_code}, nothing stored\n")
            return
        run_id = run["id"]
        print(f"### {name}: exit code {exit_code}, status {run['status']}, {wall_seconds:.0f} s, "
              f"duration scale {run['duration_scale']:g}, load average {load:.2f} before")
        print()
        phases = {row["name"]: row for row in db.execute(
            "SELECT * FROM phases WHERE run_id = ? ORDER BY idx", (run_id,))}
        print("| phase | request | load | completed/s | errors | checks passed | p50 ms | p99 ms | max ms |")
        print("|---|---|---|---:|---|---:|---:|---:|---:|")
        rows = db.execute("SELECT * FROM request_stats WHERE run_id = ?", (run_id,)).fetchall()
        order = {phase: i for i, phase in enumerate(phases)}
        for row in sorted(rows, key=lambda r: (order.get(r["phase"], 99), r["request"] == "*", r["request"])):
            phase = phases.get(row["phase"])
            if row["request"] == "*" and sum(1 for r in rows if r["phase"] == row["phase"]) <= 2:
                continue  # one request: the merged row repeats it
            seconds = ((phase["ended_at_ms"] or 0) - phase["started_at_ms"]) / 1000 if phase else 0
            by_code = json.loads(row["errors_by_code"] or "{}")
            errors = f"{row['errors']}" + (f" ({', '.join(f'{k} {v}' for k, v in sorted(by_code.items()))})" if by_code else "")
            checked = row["checks_passed"] + row["checks_failed"]
            checks = f"{100 * row['checks_passed'] / checked:.1f} % of {checked}" if checked else "-"
            rate = f"{row['completed'] / seconds:.1f}" if seconds > 0 else "-"
            print(f"| {row['phase']} | {row['request']} | {phase['load'] if phase else ''} | {rate} | {errors} | "
                  f"{checks} | {ms(row['p50_us'])} | {ms(row['p99_us'])} | {ms(row['max_us'])} |")
        print()
        failed = db.execute("SELECT phase, request, threshold, limit_text, observed_text FROM sla_results "
                            "WHERE run_id = ? AND passed = 0", (run_id,)).fetchall()
        total = db.execute("SELECT COUNT(*) FROM sla_results WHERE run_id = ?", (run_id,)).fetchone()[0]
        print(f"SLA: {total - len(failed)} of {total} thresholds met" + "".join(
            f"; FAILED {f['phase']}{'/' + f['request'] if f['request'] else ''} {f['threshold']} "
            f"{f['observed_text']} > {f['limit_text']}" for f in failed))
        print()
        events = db.execute("SELECT at_ms, kind, name, detail, duration_ms, outcome FROM events WHERE run_id = ? "
                            "AND kind != 'phase' ORDER BY at_ms, id", (run_id,)).fetchall()
        for event in events:
            detail = json.loads(event["detail"] or "{}")
            text = ", ".join(f"{k} {v}" for k, v in sorted(detail.items()))
            duration = f", {event['duration_ms']} ms" if event["duration_ms"] is not None else ""
            outcome = f", {event['outcome']}" if event["outcome"] else ""
            print(f"- {event['at_ms'] / 1000:.2f} s {event['kind']} {event['name']}{duration}{outcome}: {text}")
        print()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", default=",".join(ORDER))
    parser.add_argument("--duration-scale", default="1")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "scenarios"))
    parser.add_argument("--timeout", type=int, default=900, help="seconds allowed per scenario run")
    args = parser.parse_args()
    if not os.path.exists(LOADGEN):
        raise SystemExit("build first: swift build -c release --product loadgen && "
                         "swift build -c release --product targetservice")
    os.makedirs(args.out, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}; release loadgen and targetservice; "
          f"duration scale {args.duration_scale}; {os.cpu_count()} cores\n")
    for name in args.scenarios.split(","):
        scenario = os.path.join(ROOT, "scenarios", f"{name}.yaml")
        if not os.path.exists(scenario):
            raise SystemExit(f"no scenario {scenario}")
        db = os.path.join(args.out, f"{stamp}-{name}.sqlite")
        # The bundled target is started from the release build next to loadgen.
        command = [LOADGEN, "run", scenario, "--db", db, "--quiet", "--duration-scale", args.duration_scale,
                   "--targetservice", os.path.join(ROOT, ".build", "release", "targetservice")]
        load = os.getloadavg()[0]  # the machine may be shared: what else ran shows here
        began = time.time()
        with open(db + ".log", "w") as log:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
            try:
                code = process.wait(timeout=args.timeout)
            except subprocess.TimeoutExpired:
                # SIGTERM, not SIGKILL: loadgen stops the replicas it started and stores what it measured.
                process.terminate()
                code = f"{process.wait(timeout=60)} (stopped after {args.timeout} s)"
        describe(db, name, code, time.time() - began, load)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
