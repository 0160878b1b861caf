#!/usr/bin/env python3
"""One instance against three local segments of the same scenario (release build): the split costs nothing in exactness.

The scenario is a constant --rate (default 10,000/s) for --seconds against a static file from nginx (one worker).
Rounds alternate (single, segments, single, segments, ...) so drift hits both alike:

- single: one `loadgen run`;
- segments: three `loadgen run --segment K/3` processes started together with a shared `--start-at` (2 s ahead),
  each with its own database in one directory, then `loadgen merge` of that directory.

Per round: requests sent (from the databases; the merged run for the segments), whether sent + dropped equals the
schedule exactly, the achieved rate, the send-lag p99 (the worst segment's for the split run), the start lateness of
the segments, and CPU per request (user + system time of the loadgen processes, from wait4) — what three processes
of their own cost over one.

Usage: swift build -c release --product loadgen && python3 bench/distributed_segments.py [--rate 10000] [--seconds 10]
       [--rounds 2]
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_static import NginxStatic  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def scenario_file(workdir, url, rate, seconds):
    path = os.path.join(workdir, "split.yaml")
    with open(path, "w") as f:
        f.write(f"""name: split-bench
target: {{ url: "{url}" }}
requests:
  - {{ name: static, method: GET, path: "/index.html" }}
phases:
  - {{ name: steady, duration: {seconds}s, arrival: {{ rate: {rate}/s }} }}
""")
    return path


def launch(args, extra_env=None):
    env = dict(os.environ, **(extra_env or {}))
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def reap(process):
    """Waits for `process`; returns (exit code, CPU seconds user + system)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_utime + usage.ru_stime


def totals(database):
    with sqlite3.connect(database) as db:
        run_id = db.execute("SELECT MAX(id) FROM runs").fetchone()[0]
        sent, dropped = db.execute(
            "SELECT SUM(sent), SUM(dropped) FROM request_stats WHERE run_id = ?", (run_id,)).fetchone()
        lags = [json.loads(row[0]) for row in db.execute(
            "SELECT detail FROM events WHERE run_id = ? AND kind = 'engine' AND name = 'send_lag'", (run_id,))]
        late = [int(json.loads(row[0])["late_ms"]) for row in db.execute(
            "SELECT detail FROM events WHERE run_id = ? AND kind = 'run' AND name = 'start'", (run_id,))]
    return {"sent": sent or 0, "dropped": dropped or 0, "lag_p99": max((float(l["p99_ms"]) for l in lags), default=None),
            "late": late}


def single(args, scenario, workdir, index):
    database = os.path.join(workdir, f"single-{index}.sqlite")
    code, cpu = reap(launch([args.loadgen, "run", scenario, "--quiet", "--db", database]))
    result = totals(database)
    return dict(result, exit=code, cpu=cpu)


def segments(args, scenario, workdir, index, count=3):
    directory = os.path.join(workdir, f"segments-{index}")
    os.makedirs(directory)
    start_at = str(int(time.time() * 1000) + 2000)
    processes = [launch([args.loadgen, "run", scenario, "--quiet", "--segment", f"{k}/{count}", "--start-at", start_at,
                         "--db", os.path.join(directory, f"segment-{k}.sqlite")]) for k in range(count)]
    reaped = [reap(p) for p in processes]
    merged = os.path.join(workdir, f"merged-{index}.sqlite")
    merge = subprocess.run([args.loadgen, "merge", directory, "--db", merged], capture_output=True, text=True)
    if merge.returncode not in (0, 1):
        sys.exit(f"loadgen merge failed ({merge.returncode}): {merge.stderr}")
    result = totals(merged)
    parts = [totals(os.path.join(directory, f"segment-{k}.sqlite")) for k in range(count)]
    result["lag_p99"] = max(p["lag_p99"] for p in parts if p["lag_p99"] is not None)
    result["late"] = [p["late"][0] for p in parts if p["late"]]
    return dict(result, exit=max(code for code, _ in reaped), cpu=sum(cpu for _, cpu in reaped))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=10000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--loadgen", default=os.path.join(ROOT, ".build/release/loadgen"))
    args = parser.parse_args()
    scheduled = args.rate * args.seconds
    rows = {"1 instance": [], "3 segments": []}
    with NginxStatic() as nginx, tempfile.TemporaryDirectory(prefix="bench-split-") as workdir:
        scenario = scenario_file(workdir, nginx.url.rsplit("/", 1)[0], args.rate, args.seconds)
        for index in range(args.rounds):
            for label, measure in (("1 instance", single), ("3 segments", segments)):
                result = measure(args, scenario, workdir, index)
                result["exact"] = result["sent"] + result["dropped"] == scheduled
                rows[label].append(result)
                print(f"{label} round {index}: sent {result['sent']}, dropped {result['dropped']}, exact "
                      f"{result['exact']}, send lag p99 {result['lag_p99']} ms, late {result['late']} ms, CPU "
                      f"{1e6 * result['cpu'] / max(1, result['sent']):.1f} µs/request, exit {result['exit']}", flush=True)
    print(f"\n{time.strftime('%Y-%m-%d %H:%M %Z')}: {args.rate}/s for {args.seconds} s against nginx (1 worker), "
          f"{args.rounds} rounds each, alternating\n")
    print("| run | sent / scheduled (median) | exact in every round | achieved rate | send-lag p99 (median) | "
          "start lateness | CPU per request (median) |")
    print("|---|---:|---|---:|---:|---|---:|")
    for label, results in rows.items():
        sent = statistics.median(r["sent"] for r in results)
        lag = statistics.median(r["lag_p99"] for r in results)
        cpu = statistics.median(1e6 * r["cpu"] / max(1, r["sent"]) for r in results)
        late = sorted(l for r in results for l in r["late"])
        lateness = f"{late[0]} … {late[-1]} ms" if late else "—"
        print(f"| {label} | {sent:,.0f} / {scheduled:,} | {all(r['exact'] for r in results)} | "
              f"{sent / args.seconds:,.0f}/s | {lag:.3f} ms | {lateness} | {cpu:.1f} µs |")


if __name__ == "__main__":
    main()
